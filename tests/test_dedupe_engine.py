"""The deduplication engine: the hard cases of issue 4, analysts' decisions, and its invariants."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.dedupe import block_keys, cluster_reports, default_rules, link_score
from sitrep.dedupe.cluster import candidate_pairs
from sitrep.dedupe.signals import report_facts
from sitrep.model import ActorRef, Count, Counts, DateSpan, Evidence, Kind, Location, Report

BOMB = Kind("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion")
SUICIDE = Kind("Explosions/Remote violence", "Suicide bomb", "Bombing/Explosion")
SHOOTING = Kind("Violence against civilians", "Attack", "Armed Assault")
ARREST = Kind("Strategic developments", "Arrests", None)
UNKNOWN = Kind("", "")
BAIDOA = Location("Baidoa", "Bay", "Somalia", "SO", 3.11, 43.65, "town", geonameid=64013)
BAY = Location("Bay", "Bay", "Somalia", "SO", 2.5, 43.5, "province")
SOMALIA = Location("Somalia", None, "Somalia", "SO", 6.0, 46.0, "country")
MOGADISHU = Location("Mogadishu", "Banaadir", "Somalia", "SO", 2.04, 45.34, "town")
SHABAAB = ActorRef("al-Shabaab", "al-Shabaab", None, "claimed", "al-shabaab", "armed group")
SHABAAB_SUSPECTED = ActorRef("al-Shabaab", "al-Shabaab", None, "suspected", "al-shabaab", "armed group")
AFFILIATE = ActorRef("Amniyat", "Amniyat", "al-Shabaab", "claimed", "amniyat", "armed group")
ISS = ActorRef("Islamic State Somalia", "IS-Somalia", None, "claimed", "is-somalia", "armed group")
GUNMEN = ActorRef("gunmen", "gunmen", None, None, None, "unnamed")


def family(a: str, b: str) -> bool:
    return {a, b} == {"al-shabaab", "amniyat"}


def day(d: str) -> DateSpan:
    when = date.fromisoformat(d)
    return DateSpan(when, when, "day", d)


def month(d: str) -> DateSpan:
    first = date.fromisoformat(d).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return DateSpan(first, last, "month", first.strftime("%B %Y"))


def report(when: DateSpan | None, where: Location | None, killed: int | None = None, *, kind: Kind = BOMB,
           perps: tuple[ActorRef, ...] = (), realis: str = "reported", sentence: str = "") -> Report:
    counts = Counts(killed=Count(killed, killed, killed, False, str(killed))) if killed is not None else Counts()
    evidence = {"kind": Evidence(sentence, 0, len(sentence), "", None, None, 0.8)} if sentence else {}
    return Report(kind=kind, status="completed", realis=realis, date=when, location=where,  # type: ignore[arg-type]
                  perpetrators=perps, counts=counts, evidence=evidence, confidence=0.8)


def clusters_of(reports: dict[str, Report], **kwargs) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return cluster_reports(list(reports.items()), same_family=family, **kwargs)[0]


# --- the story of the issue -------------------------------------------------------------------

STORY_PUBLISHED = {
    "day1": date(2025, 3, 4), "day2": date(2025, 3, 5), "day3": date(2025, 3, 6),
    "shooting": date(2025, 3, 6), "column": date(2026, 3, 10),
}


def story() -> dict[str, Report]:
    return {
        "day1": report(day("2025-03-04"), BAIDOA, 40, perps=(GUNMEN,),
                       sentence="A car bomb exploded at a busy market in Baidoa, killing at least 40 people."),
        "day2": report(day("2025-03-04"), BAIDOA, 60, perps=(SHABAAB,),
                       sentence="The toll from Tuesday's market bombing in Baidoa rose to 60; al-Shabaab claimed it."),
        "day3": report(day("2025-03-04"), BAY, 143, kind=SUICIDE, perps=(AFFILIATE,),
                       sentence="Officials said 143 people died in the Baidoa market suicide bombing."),
        "shooting": report(day("2025-03-06"), BAIDOA, 3, kind=SHOOTING, perps=(GUNMEN,),
                           sentence="Gunmen shot dead three soldiers at a checkpoint on the edge of Baidoa."),
        "column": report(month("2025-03-01"), BAIDOA, 143, perps=(SHABAAB,), realis="background",
                         sentence="A year after the Baidoa market bombing that killed 143, the town is rebuilding."),
    }


def test_the_story_makes_two_incidents_with_the_column_on_the_first() -> None:
    clusters = clusters_of(story(), published=STORY_PUBLISHED)
    assert clusters == [["column", "day1", "day2", "day3"], ["shooting"]]


def test_a_rising_toll_over_three_days_is_one_incident() -> None:
    reports = {k: v for k, v in story().items() if k.startswith("day")}
    assert clusters_of(reports, published=STORY_PUBLISHED) == [["day1", "day2", "day3"]]


def test_another_attack_in_the_same_town_the_same_week_stays_apart() -> None:
    first = report(day("2025-03-04"), BAIDOA, 40, sentence="A car bomb exploded at the market in Baidoa.")
    other_day = report(day("2025-03-07"), BAIDOA, 40, sentence="A car bomb exploded at the port in Baidoa.")
    assert link_score(first, other_day) is None  # three days apart
    same_day_other_kind = report(day("2025-03-04"), BAIDOA, 2, kind=SHOOTING, perps=(ISS,),
                                 sentence="Gunmen killed two tax collectors in Baidoa.")
    assert clusters_of({"a": first, "b": same_day_other_kind}) == [["a"], ["b"]]


def test_a_month_precise_background_mention_joins_the_day_precise_incident() -> None:
    reports = {
        "news": report(day("2025-03-04"), BAIDOA, 143, perps=(SHABAAB,),
                       sentence="A bomb killed 143 people at the Baidoa market."),
        "recall": report(month("2025-03-01"), BAIDOA, 143, realis="background",
                         sentence="Baidoa has not forgotten the market bombing of March 2025."),
    }
    assert clusters_of(reports) == [["news", "recall"]]


def test_an_affiliate_joins_its_parent_and_unnamed_gunmen_join_a_named_group() -> None:
    base = report(day("2025-03-04"), BAIDOA, 12, perps=(SHABAAB,))
    assert clusters_of({"a": base, "b": report(day("2025-03-04"), BAIDOA, 12, perps=(AFFILIATE,))}) == [["a", "b"]]
    assert clusters_of({"a": base, "b": report(day("2025-03-04"), BAIDOA, 12, perps=(GUNMEN,))}) == [["a", "b"]]


def test_two_groups_each_named_firmly_rule_the_link_out_unless_one_is_only_suspected() -> None:
    claimed = report(day("2025-03-04"), BAIDOA, 12, perps=(SHABAAB,))
    assert link_score(claimed, report(day("2025-03-04"), BAIDOA, 12, perps=(ISS,))) is None
    suspected = report(day("2025-03-04"), BAIDOA, 12, perps=(SHABAAB_SUSPECTED,))
    assert link_score(suspected, report(day("2025-03-04"), BAIDOA, 12, perps=(ISS,))) is not None


def test_a_lower_later_toll_is_suspicious_and_tolls_far_apart_rule_the_link_out() -> None:
    early = report(day("2025-03-04"), BAIDOA, 60)
    later_lower = report(day("2025-03-04"), BAIDOA, 20)
    rising = link_score(later_lower, early, published_a=date(2025, 3, 4), published_b=date(2025, 3, 5))
    falling = link_score(early, later_lower, published_a=date(2025, 3, 4), published_b=date(2025, 3, 5))
    assert rising is not None and falling is not None and falling[0] < rising[0]
    assert link_score(report(day("2025-03-04"), BAIDOA, 2), report(day("2025-03-04"), BAIDOA, 140)) is None


def test_place_containment_and_distance() -> None:
    news = report(day("2025-03-04"), BAIDOA, 12)
    assert link_score(news, report(day("2025-03-04"), BAY, 12)) is not None  # the town is in that province
    assert link_score(news, report(day("2025-03-04"), MOGADISHU, 12)) is None  # 240 km away
    country_only = link_score(news, report(day("2025-03-04"), SOMALIA, 12))
    town = link_score(news, report(day("2025-03-04"), BAIDOA, 12))
    assert country_only is not None and town is not None and country_only[0] < town[0]
    assert link_score(news, report(day("2025-03-04"), BAIDOA, 12, kind=ARREST)) is None


def test_text_alone_links_undated_reports_but_never_across_a_date_conflict() -> None:
    text_a = "Tara Reid checked into the Promises Treatment Center in Malibu, her publicist Jack Ketsoyan said."
    text_b = "Actress Tara Reid has entered Promises Treatment Center in Malibu, publicist Jack Ketsoyan told People."
    text_c = "Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage for rehab."
    blank = report(None, None, kind=UNKNOWN)
    clusters = clusters_of({"a": blank, "b": blank, "c": blank}, texts={"a": text_a, "b": text_b, "c": text_c})
    assert clusters == [["a", "b"], ["c"]]
    assert link_score(report(day("2025-03-04"), BAIDOA), report(day("2025-04-04"), BAIDOA),
                      text_a=text_a, text_b=text_a) is None


def test_undated_reports_of_one_town_are_compared_whatever_names_they_share() -> None:
    # articles with neither a date nor a publication date, told in other words: no name of one
    # text's blocking sketch need be in the other's, yet the two are compared
    rules = default_rules()
    texts = [
        "Suspected Key Mafia Boss Found Hanging Dead In Baidoa Jail Cell after a raid by police.",
        "A suspected Mafia boss arrested in a raid was found dead in his cell in Baidoa, Italian police sources said.",
        "Gunmen shot a trader near the livestock market in Kismayo, police said.",
    ]
    kismayo = Location("Kismayo", "Lower Juba", "Somalia", "SO", -0.36, 42.54, "town")
    places = [BAIDOA, BAIDOA, kismayo]
    facts = [report_facts(report(None, where, kind=ARREST), rules, text=text) for where, text in zip(places, texts)]
    sketches = [set(f.text.sketch) for f in facts]
    assert not sketches[0] & sketches[1] and not (sketches[0] | sketches[1]) & sketches[2]
    pairs = set(candidate_pairs(facts, rules))
    assert (0, 1) in pairs
    assert (0, 2) not in pairs and (1, 2) not in pairs  # another town, 400 km away


# whole articles (at least ``long_words / 2`` content words each): one story told over weeks, and another
BAIDOA_STORY = (
    "Baidoa market bombing. A car bomb tore through the crowded Bakaaraha livestock market in Baidoa, the capital "
    "of Somalia's Bay region, killing traders and herders. Governor Abdifatah Mohamed Ibrahim said the explosives "
    "were hidden in a minibus parked beside the cattle pens. Ambulance driver Hassan Nur Abdi carried wounded "
    "herders to Baidoa Regional Hospital, where surgeons worked through the night. Al-Shabaab, the militant group "
    "fighting the federal government in Mogadishu, claimed the bombing on its Andalus radio station. "
)
KISMAYO_STORY = (
    "Kismayo port fire. A blaze swept through warehouses at the seaport of Kismayo in Jubaland, destroying sugar, "
    "rice and fuel stored for the coming dry season. Jubaland president Ahmed Madobe toured the charred docks "
    "with merchants from the Kismayo chamber of commerce, who counted their losses in shipping containers. "
    "Firefighters from the Kenyan contingent of the African Union mission pumped seawater onto the flames until "
    "dawn, and the harbour master closed the berths to dhows arriving from Oman and Yemen. "
)


def test_whole_articles_of_one_story_join_across_the_day_window_only_when_alike() -> None:
    # the first news, an undated follow-up, and the trial weeks later (its report dated by the trial):
    # each link holds the pairwise rules (the first and the trial never link directly), and the
    # articles are alike on average, so the story is one incident
    reports = {
        "news": report(day("2025-03-04"), BAIDOA, 40),
        "follow-up": report(None, BAIDOA, 40),
        "trial": report(day("2025-04-20"), BAIDOA, 40),
    }
    texts = {
        "news": BAIDOA_STORY + "Witnesses described the blast on Tuesday morning as the market opened.",
        "follow-up": BAIDOA_STORY + "Mourners buried the victims as relatives searched the wards for the missing.",
        "trial": BAIDOA_STORY + "A military court in Baidoa on Sunday sentenced two men who supplied the minibus.",
    }
    assert link_score(reports["news"], reports["trial"], text_a=texts["news"], text_b=texts["trial"]) is None
    assert clusters_of(reports, texts=texts) == [["follow-up", "news", "trial"]]
    # told by their evidence sentences, the same reports keep the day window: the trial stays apart
    short = {k: "A car bomb killed 40 people at the livestock market in Baidoa." for k in reports}
    assert clusters_of(reports, texts=short) == [["follow-up", "news"], ["trial"]]


def test_a_place_with_no_country_still_meets_its_incident() -> None:
    # a sea or a region that lies in no country ("the Gulf of Aden") is a country-level place without a
    # country: blocking indexes the report at the finest level it has ids at (here its text's names),
    # so it meets a report of the same day placed in a town through the names they share
    gulf = Location("Gulf of Aden", None, None, None, 12.0, 48.0, "region")
    text = "Commandos from the Indian warship Tabar took 23 Somali pirates into custody near Socotra on Saturday."
    reports = {"gulf": report(day("2025-03-04"), gulf, kind=ARREST),
               "town": report(day("2025-03-04"), MOGADISHU, kind=ARREST)}
    rules = default_rules()
    facts = [report_facts(r, rules, text=text) for r in reports.values()]
    assert facts[0].place_level == "c" and facts[0].country is None
    assert list(candidate_pairs(facts, rules)) == [(0, 1)]
    assert clusters_of(reports, texts={k: text for k in reports}) == [["gulf", "town"]]


def test_whole_articles_unlike_on_average_do_not_chain_two_stories() -> None:
    # an article on the bombing that goes on to the fire links to each story's articles, but the two
    # stories' articles are unlike: the fire's article is not alike, on average, to the bombing's three
    blank = report(None, None, kind=UNKNOWN)
    fire_start = ". ".join(KISMAYO_STORY.split(". ")[:3]) + "."
    texts = {
        "bomb": BAIDOA_STORY,
        "news": BAIDOA_STORY + "Witnesses described the blast on Tuesday morning as the market opened.",
        "fire": KISMAYO_STORY,
        "both": BAIDOA_STORY + fire_start,
    }
    assert link_score(blank, blank, text_a=texts["both"], text_b=texts["fire"])[0] >= 0.5  # type: ignore[index]
    assert clusters_of({k: blank for k in texts}, texts=texts) == [["bomb", "both", "news"], ["fire"]]


def test_a_report_may_join_an_incident_of_whole_articles_inside_its_span_of_days() -> None:
    # two articles of one story, read four days apart, are one incident; a report told in one
    # sentence, on the day of one of them, joins it (its days stay within the incident's span),
    # and one a day after the span, near enough to the later article, does not (it would widen it)
    sentence = "A car bomb tore through the Bakaaraha livestock market in Baidoa, killing 40 traders."
    articles = {"early": report(day("2025-03-04"), BAIDOA, 40), "late": report(day("2025-03-08"), BAIDOA, 40)}
    texts = {"early": BAIDOA_STORY + "Witnesses described the blast.", "late": BAIDOA_STORY + "Mourners buried the victims."}
    inside = {**articles, "brief": report(day("2025-03-08"), BAIDOA, 40, sentence=sentence)}
    assert clusters_of(inside, texts=texts, whole_articles=True) == [["brief", "early", "late"]]
    after = {**articles, "brief": report(day("2025-03-09"), BAIDOA, 40, sentence=sentence)}
    assert clusters_of(after, texts=texts, whole_articles=True) == [["brief"], ["early", "late"]]


def test_whole_articles_of_one_story_join_across_what_extraction_read_apart() -> None:
    # two articles on the Baidoa bombing, each about that story alone: extraction read one as the
    # arrests of its last paragraph, a month later, the other as the bombing itself
    reports = {"news": report(day("2025-03-04"), BAIDOA, 40), "arrests": report(day("2025-04-04"), BAIDOA, kind=ARREST)}
    texts = {
        "news": BAIDOA_STORY + "Witnesses described the blast on Tuesday morning as the market opened.",
        "arrests": BAIDOA_STORY + "Police in Baidoa arrested two men who supplied the minibus on April 4.",
    }
    # told as evidence, or by articles not said to be whole stories, the kind and the month rule the link out
    assert clusters_of(reports, texts=texts) == [["arrests"], ["news"]]
    clusters, links = cluster_reports(list(reports.items()), same_family=family, texts=texts, whole_articles=True)
    assert clusters == [["arrests", "news"]]
    signals = dict(links[0].signals)
    assert signals["kind_conflict"] < 0 and signals["date_conflict"] < 0 and signals["text"] > 0
    # each difference costs points: read in another town as well, the two are kept apart
    elsewhere = {**reports, "arrests": report(day("2025-04-04"), MOGADISHU, kind=ARREST)}
    assert clusters_of(elsewhere, texts=texts, whole_articles=True) == [["arrests"], ["news"]]


def test_whole_articles_of_two_stories_stay_apart() -> None:
    reports = {"bomb": report(day("2025-03-04"), BAIDOA, 40), "fire": report(day("2025-03-04"), BAIDOA, kind=ARREST)}
    texts = {"bomb": BAIDOA_STORY, "fire": KISMAYO_STORY}
    assert clusters_of(reports, texts=texts, whole_articles=True) == [["bomb"], ["fire"]]


def test_an_article_cannot_tell_an_incident_after_it_was_published() -> None:
    undated = report(None, BAIDOA, 12, sentence="A bomb exploded at the Baidoa market.")
    later = report(day("2025-03-10"), BAIDOA, 12, sentence="A bomb exploded at the Baidoa market.")
    assert link_score(undated, later, published_a=date(2025, 3, 1)) is None


# --- analysts' decisions ------------------------------------------------------------------------

def test_cannot_link_holds_even_when_other_links_would_chain_across_it() -> None:
    reports = story()
    clusters = clusters_of(reports, published=STORY_PUBLISHED, cannot_link=[("day1", "day3")])
    together = next(c for c in clusters if "day1" in c)
    assert "day3" not in together
    assert all(not {"day1", "day3"} <= set(c) for c in clusters)


def test_must_link_joins_what_the_signals_keep_apart() -> None:
    clusters, links = cluster_reports(list(story().items()), same_family=family, published=STORY_PUBLISHED,
                                      must_link=[("shooting", "day1")])
    assert any({"shooting", "day1"} <= set(c) for c in clusters)
    assert any(link.signals == (("must_link", 1.0),) for link in links)


def test_links_explain_the_merge() -> None:
    _, links = cluster_reports(list(story().items()), same_family=family, published=STORY_PUBLISHED)
    inside = [link for link in links if {link.a, link.b} <= {"day1", "day2", "day3", "column"}]
    assert len(inside) == 3  # the links that joined the four reports
    assert all(link.score >= 0.5 for link in inside)
    assert any({"date", "place", "kind", "counts", "text"} <= {name for name, _ in link.signals} for link in inside)


# --- invariants ---------------------------------------------------------------------------------

TOWNS = (BAIDOA, Location("Baidoa East", "Bay", "Somalia", "SO", 3.13, 43.70, "town"), MOGADISHU, BAY, SOMALIA, None)
KINDS = (BOMB, SUICIDE, SHOOTING, ARREST, UNKNOWN)
PERPS = ((), (GUNMEN,), (SHABAAB,), (SHABAAB_SUSPECTED,), (AFFILIATE,), (ISS,))
WORDS = ("market", "bomb", "Baidoa", "checkpoint", "soldiers", "convoy", "Mogadishu", "hotel", "killed", "gunmen")


@st.composite
def reports_strategy(draw) -> Report:  # type: ignore[no-untyped-def]
    offset = draw(st.integers(0, 6))
    precision = draw(st.sampled_from(("day", "day", "day", "month", "inferred", "none")))
    when: DateSpan | None
    base = date(2025, 3, 1) + timedelta(days=offset)
    if precision == "none":
        when = None
    elif precision == "month":
        when = month(base.isoformat())
    else:
        when = DateSpan(base, base, "day", "", inferred=precision == "inferred")
    killed = draw(st.sampled_from((None, 0, 3, 12, 40, 60, 143)))
    sentence = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=6)))
    return report(when, draw(st.sampled_from(TOWNS)), killed, kind=draw(st.sampled_from(KINDS)),
                  perps=draw(st.sampled_from(PERPS)), realis=draw(st.sampled_from(("reported", "background"))),
                  sentence=sentence)


report_sets = st.lists(reports_strategy(), min_size=2, max_size=10).map(
    lambda rs: [(f"r{i:02d}", r) for i, r in enumerate(rs)]
)
PUBLISHED = {f"r{i:02d}": date(2025, 3, 1) + timedelta(days=i) for i in range(20)}


@settings(max_examples=60, deadline=None)
@given(report_sets, st.randoms(use_true_random=False))
def test_the_clusters_do_not_depend_on_the_order_of_the_reports(reports, rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(reports)
    rnd.shuffle(shuffled)
    first = cluster_reports(reports, same_family=family, published=PUBLISHED)
    again = cluster_reports(shuffled, same_family=family, published=PUBLISHED)
    assert first == again
    assert sorted(i for c in first[0] for i in c) == sorted(i for i, _ in reports)


@settings(max_examples=60, deadline=None)
@given(report_sets)
def test_clustering_its_own_output_again_changes_nothing(reports) -> None:  # type: ignore[no-untyped-def]
    clusters, _ = cluster_reports(reports, same_family=family, published=PUBLISHED)
    kept = [(c[0], other) for c in clusters for other in c[1:]]
    again, _ = cluster_reports(reports, same_family=family, published=PUBLISHED, must_link=kept)
    assert again == clusters


@settings(max_examples=60, deadline=None)
@given(report_sets, report_sets)
def test_adding_reports_to_their_neighbours_equals_clustering_everything(old, new) -> None:  # type: ignore[no-untyped-def]
    new = [(f"n{rid}", r) for rid, r in new]
    published = {**PUBLISHED, **{f"n{k}": v for k, v in PUBLISHED.items()}}
    everything = cluster_reports(old + new, same_family=family, published=published)[0]
    before = cluster_reports(old, same_family=family, published=published)[0]
    # the store's way: the new reports with every report they link to, transitively, through shared keys
    keys = {rid: block_keys(r) for rid, r in old + new}
    by_id = dict(old + new)
    affected = {rid for rid, _ in new}
    frontier = list(affected)
    while frontier:
        rid = frontier.pop()
        for other in by_id:
            if other in affected or not (keys[rid] & keys[other]):
                continue
            scored = link_score(by_id[rid], by_id[other], same_family=family,
                                published_a=published[rid], published_b=published[other])
            if scored is not None and scored[0] >= 0.5:
                affected.add(other)
                frontier.append(other)
    redone = cluster_reports([(rid, by_id[rid]) for rid in sorted(affected)], same_family=family, published=published)[0]
    kept = [c for c in before if not set(c) & affected]
    assert sorted(kept + redone) == sorted(everything)


@settings(max_examples=80, deadline=None)
@given(report_sets)
def test_every_pair_that_could_link_is_compared(reports) -> None:  # type: ignore[no-untyped-def]
    """Exact for reports with a date and a place; reports lacking one meet through a few
    words of their text, which finds most pairs, not all (checked on ECB+ instead)."""
    rules = default_rules()
    facts = [report_facts(r, rules, published=PUBLISHED[rid]) for rid, r in reports]
    compared = set(candidate_pairs(facts, rules))
    for i, (rid_a, a) in enumerate(reports):
        for j in range(i + 1, len(reports)):
            rid_b, b = reports[j]
            scored = link_score(a, b, same_family=family, published_a=PUBLISHED[rid_a], published_b=PUBLISHED[rid_b])
            if scored is not None and scored[0] >= 0.5 and all(r.date and r.location for r in (a, b)):
                assert (i, j) in compared, (a, b, scored)
                assert block_keys(a) & block_keys(b)


@pytest.mark.parametrize("name", ["dedupe.yaml", "dedupe_stopwords.yaml"])
def test_the_dedupe_data_files_load(name: str) -> None:
    rules = default_rules()
    assert 0 < rules.threshold < 10
    assert "the" in rules.stopwords and "baidoa" not in rules.stopwords
    assert rules.kinds.vague_subtypes and rules.get("cluster", "day_window") >= 0


# --- reconciliation -------------------------------------------------------------------------------

def test_reconcile_takes_the_latest_news_toll_and_keeps_the_range(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.dedupe import reconcile
    from sitrep.model import Article
    from sitrep.store import open_store

    from dataclasses import replace

    reports = story()
    reports["column"] = replace(reports["column"], counts=Counts(killed=Count(150, 150, 150, True, "some 150")))
    with open_store(tmp_path / "s.db") as store:
        for rid in ("day1", "day2", "day3", "column"):
            store.save_article(Article(text=rid, title=rid, published=STORY_PUBLISHED[rid]), [reports[rid]],
                               extraction_version="t")
        incident = reconcile("inc-story", store.reports())
    killed = incident.counts.killed
    assert killed is not None
    # the column (published a year later) recalls the toll; the latest news report revised it to 143
    assert (killed.best, killed.min, killed.max) == (143, 40, 150)
    assert incident.realis == "reported"
    assert incident.date is not None and incident.date.precision == "day"
    assert incident.location is not None and incident.location.name == "Baidoa"  # the town beats the province
    attributions = {p["actor_id"]: p["attribution"] for p in incident.data["perpetrators"]}
    assert attributions == {"al-shabaab": "claimed", "amniyat": "claimed"}


def test_an_incident_known_only_from_recollections_is_background(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.dedupe import reconcile
    from sitrep.model import Article
    from sitrep.store import open_store

    with open_store(tmp_path / "s.db") as store:
        store.save_article(Article(text="c", title="c", published=date(2026, 3, 10)), [story()["column"]],
                           extraction_version="t")
        incident = reconcile("inc-old", store.reports())
    assert incident.realis == "background"
    assert incident.counts.killed is not None and incident.counts.killed.best == 143


# --- rules and text -------------------------------------------------------------------------------

def test_malformed_rules_are_refused() -> None:
    from sitrep.dedupe.rules import rules_from_mapping
    from sitrep.errors import RegistryError
    from sitrep.extract.lexicon import load_data

    data = dict(load_data("dedupe.yaml"))
    stop = load_data("dedupe_stopwords.yaml")
    broken = {**data, "date": {k: v for k, v in data["date"].items() if k != "same_day"}}
    with pytest.raises(RegistryError, match="same_day"):
        rules_from_mapping(broken, stop)
    with pytest.raises(RegistryError, match="threshold"):
        rules_from_mapping({**data, "threshold": "high"}, stop)
    with pytest.raises(RegistryError, match="lower-case"):
        rules_from_mapping(data, {"words": "The"})


def test_text_similarity_weighs_names_and_ignores_case_in_wire_copy() -> None:
    from sitrep.dedupe.textsim import similarity, text_profile

    rules = default_rules()
    a = text_profile("A car bomb exploded at the market in Baidoa on Tuesday, police said.", rules)
    same_place = text_profile("Police said a bomb hit a crowded market in Baidoa.", rules)
    other_place = text_profile("Police said a bomb hit a crowded market in Kismayo.", rules)
    assert a.weights["baidoa"] > a.weights["market"]  # a name weighs more than a common word
    assert similarity(a, same_place) > similarity(a, other_place)
    assert "said" not in a.weights and "the" not in a.weights  # fixed stopwords
    wire = text_profile("A CAR BOMB EXPLODED AT THE MARKET IN BAIDOA ON TUESDAY, POLICE SAID.", rules)
    assert wire.sketch == ()  # no case, so no names to block on
    assert similarity(wire, a) > 0.5
