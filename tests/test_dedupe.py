"""First-pass deduplication: which reports are one incident, and the incident's reconciled fields."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.dedupe import cluster_reports, link_score, reconcile, regroup
from sitrep.model import ActorRef, Article, Count, Counts, DateSpan, Evidence, Kind, Location, Report
from sitrep.store import open_store

BOMB = Kind("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion")
ARREST = Kind("Strategic developments", "Arrests", None)
MAIDUGURI = Location("Maiduguri", "Borno", "Nigeria", "NG", 11.85, 13.16, "town")
KONDUGA = Location("Konduga", "Borno", "Nigeria", "NG", 11.65, 13.42, "town")
KANO = Location("Kano", "Kano", "Nigeria", "NG", 12.0, 8.52, "town")
ISWAP = ActorRef("Islamic State West Africa Province", "ISWAP", "Islamic State", "claimed", "iswap", "armed group")
BOKO = ActorRef("Boko Haram", "Boko Haram", None, "suspected", "boko-haram", "armed group")


def _day(d: str) -> DateSpan:
    day = date.fromisoformat(d)
    return DateSpan(day, day, "day", d)


def _report(when: str, where: Location, killed: int | None = None, kind: Kind = BOMB, perps=(), realis="reported") -> Report:  # type: ignore[no-untyped-def]
    counts = Counts(killed=Count(killed, killed, killed, False, str(killed))) if killed is not None else Counts()
    return Report(kind=kind, status="completed", realis=realis, date=_day(when), location=where,  # type: ignore[arg-type]
                  perpetrators=tuple(perps), counts=counts,
                  evidence={"kind": Evidence("A bomb exploded.", 0, 16, "bomb", 2, 6, 0.8)}, trigger="bomb")


def test_same_attack_told_twice_links_and_a_different_one_does_not() -> None:
    first = _report("2025-06-10", KONDUGA, 12)
    later = _report("2025-06-10", MAIDUGURI, 31, perps=[ISWAP])
    elsewhere = _report("2025-06-11", KANO, 5)
    assert link_score(first, later) is not None
    assert link_score(first, elsewhere) is None  # another city, 450 km away
    assert link_score(first, _report("2025-06-10", KONDUGA, kind=ARREST)) is None  # arrests are their own incidents


def test_a_country_guessed_from_a_groups_home_rules_nothing_out() -> None:
    from dataclasses import replace

    cameroon = Location("Cameroon", None, "Cameroon", "CM", 6.0, 12.5, "country")
    told = _report("2025-06-10", KONDUGA, 12, perps=[BOKO])
    guessed = _report("2025-06-10", cameroon, 12, perps=[BOKO])
    assert link_score(told, guessed) is None  # a place told in another country rules the link out
    # ... but not a place only guessed from the group at work (confidence 0.2)
    guessed = replace(guessed, evidence={**guessed.evidence, "location": Evidence("Boko Haram", 0, 10, "Boko Haram", 0, 10, 0.2)})
    assert link_score(told, guessed) is not None


def test_protesters_shot_by_the_police_and_an_attack_on_protesters_may_be_one_incident() -> None:
    from sitrep.dedupe.rules import default_rules
    from sitrep.dedupe.signals import kinds_compatible

    rules = default_rules()
    force = ("Excessive force against protesters", "Protests")
    assert kinds_compatible(*force, "Attack", "Violence against civilians", rules) == 0.5
    assert kinds_compatible(*force, "Arrests", "Strategic developments", rules) is None


def test_a_violent_demonstration_is_an_attack_told_without_its_doers_and_kin_to_the_fires_it_set() -> None:
    from sitrep.dedupe.rules import default_rules
    from sitrep.dedupe.signals import kinds_compatible

    rules = default_rules()
    riot = ("Violent demonstration", "Riots")
    same = rules.points["kind"]["same_subtype"]
    assert kinds_compatible(*riot, "Attack", "Violence against civilians", rules) == same
    assert kinds_compatible(*riot, "Looting/property destruction", "Strategic developments", rules) == 0.5
    assert kinds_compatible(*riot, "Remote explosive/landmine/IED", "Explosions/Remote violence", rules) == 0.5
    assert kinds_compatible(*riot, "Arrests", "Strategic developments", rules) is None


def test_a_missing_date_weighs_against_a_dated_report_but_not_between_two_undated_texts() -> None:
    from dataclasses import replace

    undated = replace(_report("2025-06-10", KONDUGA, 12), date=None)
    dated = _report("2025-06-10", KONDUGA, 12)
    got = link_score(undated, dated, published_b=date(2025, 6, 11))
    assert got is not None and ("date", -0.5) in got[1]
    # two texts with no date at all (no date told, no publication date): nothing to weigh
    got = link_score(undated, replace(undated))
    assert got is not None and ("date", 0.0) in got[1]
    # with a publication date, an undated report still counts as missing one
    got = link_score(undated, replace(undated), published_a=date(2025, 6, 11))
    assert got is not None and ("date", -0.5) in got[1]


def test_named_perpetrators_must_agree_unless_related_or_only_suspected() -> None:
    attributed = ActorRef("Boko Haram", "Boko Haram", None, "attributed", "boko-haram", "armed group")
    a = _report("2025-06-10", KONDUGA, 12, perps=[attributed])
    b = _report("2025-06-10", KONDUGA, 12, perps=[ISWAP])
    assert link_score(a, b) is None
    related = link_score(a, b, same_family=lambda x, y: {x, y} == {"boko-haram", "iswap"})
    assert related is not None
    assert link_score(_report("2025-06-10", KONDUGA, 12, perps=[BOKO]), b) is not None  # only suspected


@settings(max_examples=40, deadline=None)
@given(st.permutations(list(range(5))))
def test_clusters_do_not_depend_on_order(order: list[int]) -> None:
    reports = [
        ("r1", _report("2025-06-10", KONDUGA, 12)),
        ("r2", _report("2025-06-10", MAIDUGURI, 31)),
        ("r3", _report("2025-06-11", KANO, 5)),
        ("r4", _report("2025-06-10", KONDUGA, 19)),
        ("r5", _report("2015-11-13", KANO, 90)),
    ]
    clusters, _ = cluster_reports([reports[i] for i in order])
    assert clusters == [["r1", "r2", "r4"], ["r3"], ["r5"]]
    again, _ = cluster_reports([reports[i] for i in order])
    assert again == clusters


def test_regroup_reconciles_a_rising_toll_and_keeps_ids(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "s.db") as store:
        store.save_article(Article(text="first", title="A", published=date(2025, 6, 10)), [_report("2025-06-10", KONDUGA, 12, perps=[BOKO])], extraction_version="t")
        assert regroup(store) == 1
        first_id = store.incidents()[0]["id"]
        store.save_article(Article(text="second", title="B", published=date(2025, 6, 12)), [_report("2025-06-10", MAIDUGURI, 31, perps=[ISWAP])], extraction_version="t")
        store.save_article(Article(text="third", title="C", published=date(2025, 6, 11)), [_report("2025-06-11", KANO, 5)], extraction_version="t")
        assert regroup(store) == 2
        assert regroup(store) == 2  # running it again changes nothing
        incidents = {i["id"]: i for i in store.incidents()}
        assert first_id in incidents  # the incident kept its id as reports joined
        killed = incidents[first_id]["data"]["counts"]["killed"]
        # the latest report revises the toll; the conservative minimum is kept
        assert (killed["best"], killed["min"], killed["max"]) == (31, 12, 31)
        assert incidents[first_id]["n_reports"] == 2


def test_reconcile_prefers_news_and_strongest_attribution(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "s.db") as store:
        store.save_article(Article(text="a", title="A", published=date(2025, 6, 10)), [_report("2025-06-10", KONDUGA, 12, perps=[ActorRef("Boko Haram", "Boko Haram", None, "suspected", "boko-haram", "armed group")])], extraction_version="t")
        store.save_article(Article(text="b", title="B", published=date(2026, 1, 1)), [_report("2025-06-10", KONDUGA, perps=[ActorRef("Boko Haram", "Boko Haram", None, "claimed", "boko-haram", "armed group")], realis="background")], extraction_version="t")
        incident = reconcile("inc-test", store.reports())
    assert incident.realis == "reported"
    assert incident.data["perpetrators"][0]["attribution"] == "claimed"
    assert incident.counts.killed is not None and incident.counts.killed.best == 12
