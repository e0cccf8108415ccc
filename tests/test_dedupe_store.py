"""Deduplication over a store: incremental runs equal a full one, whatever the arrival order;
ids stay put; links and analysts' decisions are kept; a crash never strands a report.

Reports are built by hand (no spaCy): a market bombing in Maiduguri told by three articles
with a rising toll, a shooting in the same city two days later, a column a year on
recalling the bombing, and an unrelated ambush in Colombia.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import Any, Iterator
from unittest import mock

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.dedupe import regroup
from sitrep.dedupe.regroup import incident_ids
from sitrep.errors import NotFound, StoreError
from sitrep.model import ActorRef, Article, Count, Counts, DateSpan, Evidence, Kind, Location, Report
from sitrep.store import Store, incident_id_for, open_store, schema

REGROUP = importlib.import_module("sitrep.dedupe.regroup")  # the module (the package exports the function)

BOMB = Kind("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion")
SHOOTING = Kind("Violence against civilians", "Attack", "Armed Assault")
AMBUSH = Kind("Battles", "Armed clash", "Armed Assault")
MAIDUGURI = Location("Maiduguri", "Borno", "Nigeria", "NG", 11.85, 13.16, "town", "Maiduguri", 2331447)
CUCUTA = Location("Cúcuta", "Norte de Santander", "Colombia", "CO", 7.89, -72.51, "town", "Cúcuta", 3685533)
BOKO = ActorRef("Boko Haram", "Boko Haram", None, "claimed", "boko-haram", "armed group")
ISWAP = ActorRef("Islamic State West Africa Province", "ISWAP", "Islamic State", "claimed", "iswap", "armed group")
ELN = ActorRef("ELN", "ELN", None, "attributed", "eln", "armed group")


def _report(
    sentence: str,
    when: DateSpan,
    where: Location,
    kind: Kind = BOMB,
    killed: int | None = None,
    perpetrators: tuple[ActorRef, ...] = (),
    realis: str = "reported",
) -> Report:
    counts = Counts(killed=Count(killed, killed, killed, False, str(killed))) if killed is not None else Counts()
    trigger = sentence.split()[1]
    return Report(
        kind=kind,
        status="completed",
        realis=realis,  # type: ignore[arg-type]
        date=when,
        location=where,
        perpetrators=perpetrators,
        counts=counts,
        evidence={"trigger": Evidence(sentence, 0, len(sentence), trigger, 2, 2 + len(trigger), 0.8)},
        confidence=0.8,
        trigger=trigger,
    )


def _day(iso: str) -> DateSpan:
    day = date.fromisoformat(iso)
    return DateSpan(day, day, "day", iso)


MARCH = DateSpan(date(2025, 3, 1), date(2025, 3, 31), "month", "March 2025")

#: name -> (publication date, report): the story, in publication order.
STORY: dict[str, tuple[date, Report]] = {
    "breaking": (
        date(2025, 3, 4),
        _report("A bomb exploded at the cattle market in Maiduguri on Tuesday, killing 12 people.",
                _day("2025-03-04"), MAIDUGURI, killed=12),
    ),
    "toll-19": (
        date(2025, 3, 5),
        _report("The toll from Tuesday's bomb blast at the Maiduguri cattle market rose to 19.",
                _day("2025-03-04"), MAIDUGURI, killed=19, perpetrators=(BOKO,)),
    ),
    "toll-27": (
        date(2025, 3, 6),
        _report("The Maiduguri cattle market bomb blast has now killed 27 people, officials said.",
                _day("2025-03-04"), MAIDUGURI, killed=27, perpetrators=(BOKO,)),
    ),
    "shooting": (
        date(2025, 3, 7),
        _report("Gunmen shot dead three police officers at a checkpoint in Maiduguri on Thursday night.",
                _day("2025-03-06"), MAIDUGURI, kind=SHOOTING, killed=3, perpetrators=(ISWAP,)),
    ),
    "column": (
        date(2026, 3, 3),
        _report("In March 2025 a bomb blast at the Maiduguri cattle market killed 27 people.",
                MARCH, MAIDUGURI, killed=27, perpetrators=(BOKO,), realis="background"),
    ),
    "colombia": (
        date(2025, 3, 5),
        _report("Rebels ambushed an army patrol near Cúcuta on Tuesday, killing four soldiers.",
                _day("2025-03-04"), CUCUTA, kind=AMBUSH, killed=4, perpetrators=(ELN,)),
    ),
}
BOMBING = {"breaking", "toll-19", "toll-27", "column"}
KANO = Location("Kano", "Kano", "Nigeria", "NG", 12.0, 8.52, "town", "Kano", 2335204)
ELSEWHERE: dict[str, tuple[date, Report]] = {  # same country, same week, 500 km away
    "kano": (
        date(2025, 3, 5),
        _report("A bomb exploded at a bus station in Kano on Tuesday, killing five people.",
                _day("2025-03-04"), KANO, killed=5),
    ),
}


def save(store: Store, name: str, *, version: str = "1", report: Report | None = None) -> str:
    """Save the story's article ``name`` (one report); return its report id."""
    published, told = {**STORY, **ELSEWHERE}[name]
    page = Article(text=f"{name}: {told.evidence['trigger'].sentence}", title=name, outlet=name, published=published)
    return store.save_article(page, [report or told], extraction_version=version).report_ids[0]


def grouping(store: Store) -> dict[str, frozenset[str]]:
    """incident id -> the titles of its articles."""
    out: dict[str, set[str]] = {}
    for stored in store.reports():
        assert stored.incident_id is not None, "every report is in an incident after a regroup"
        out.setdefault(stored.incident_id, set()).add(stored.article.title or "")
    return {iid: frozenset(titles) for iid, titles in out.items()}


def snapshot(store: Store) -> dict[str, Any]:
    """Everything deduplication decides: incidents (minus the write time) and links."""
    incidents = {}
    for found in store.incidents():
        found.pop("updated_at")
        incidents[found["id"]] = found
    with store.engine.connect() as conn:
        links = sorted(tuple(row) for row in conn.execute(sa.select(schema.report_links)))
    return {"incidents": incidents, "links": links, "groups": grouping(store)}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "sitrep.db") as opened:
        yield opened


def test_the_story_is_two_incidents_with_the_toll_range_and_the_column_attached(store: Store) -> None:
    for name in STORY:
        save(store, name)
    assert regroup(store) == 3
    groups = sorted(grouping(store).values(), key=len)
    assert groups == [frozenset({"shooting"}), frozenset({"colombia"}), frozenset(BOMBING)] or groups == [
        frozenset({"colombia"}), frozenset({"shooting"}), frozenset(BOMBING)
    ]
    (bombing,) = [i for i in store.incidents() if i["n_reports"] == 4]
    killed = bombing["data"]["counts"]["killed"]
    assert (killed["min"], killed["best"], killed["max"]) == (12, 27, 27)  # best: the latest report's
    assert bombing["realis"] == "reported" and bombing["date_precision"] == "day"
    assert (bombing["first_reported"], bombing["last_reported"]) == ("2025-03-04", "2026-03-03")


def test_a_run_with_nothing_new_changes_nothing(store: Store) -> None:
    for name in STORY:
        save(store, name)
    regroup(store)
    before = snapshot(store)
    with store.engine.connect() as conn:
        written = conn.execute(sa.select(schema.incidents.c.id, schema.incidents.c.updated_at)).all()
    statements: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    assert regroup(store) == 3
    assert not [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert snapshot(store) == before
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(schema.incidents.c.id, schema.incidents.c.updated_at)).all() == written


def test_incremental_runs_equal_a_full_regroup(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(REGROUP, "FULL_PASS_SHARE", 1.0)  # always follow links
    for name in STORY:  # one article per ingest
        save(store, name)
        regroup(store)
    incremental = snapshot(store)
    regroup(store, full=True)
    assert snapshot(store) == incremental

    with open_store(tmp_path / "at-once.db") as other:  # the same articles in one ingest
        for name in STORY:
            save(other, name)
        regroup(other)
        assert snapshot(other) == incremental  # ids too: the articles came in publication order


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    order=st.permutations(list(STORY)),
    batch=st.integers(min_value=1, max_value=3),
    share=st.sampled_from([0.5, 1.0]),  # 1.0: every run follows links, however much is new
)
def test_arrival_order_does_not_change_the_incidents(
    tmp_path: Path, order: list[str], batch: int, share: float
) -> None:
    path = tmp_path / f"order-{'-'.join(order)}-{batch}-{share}.db"
    with open_store(path) as store, mock.patch.object(REGROUP, "FULL_PASS_SHARE", share):
        for start in range(0, len(order), batch):  # ingests of `batch` articles each
            for name in order[start : start + batch]:
                save(store, name)
            regroup(store)
        groups = sorted(grouping(store).values(), key=sorted)
        assert groups == sorted(
            [frozenset(BOMBING), frozenset({"shooting"}), frozenset({"colombia"})], key=sorted
        )
        incremental = snapshot(store)
        (bombing,) = [i for i in store.incidents() if i["n_reports"] == 4]
        killed = bombing["data"]["counts"]["killed"]
        assert (killed["min"], killed["best"], killed["max"]) == (12, 27, 27)
        regroup(store, full=True)
        assert snapshot(store) == incremental


def test_one_ingest_names_incidents_the_same_in_any_order(tmp_path: Path) -> None:
    names: list[dict[str, frozenset[str]]] = []
    for n, order in enumerate((list(STORY), list(reversed(STORY)))):
        with open_store(tmp_path / f"{n}.db") as store:
            for name in order:
                save(store, name)
            regroup(store)
            names.append(grouping(store))
    assert names[0] == names[1]
    breaking = next(iid for iid, titles in names[0].items() if "breaking" in titles)
    with open_store(tmp_path / "0.db") as store:
        first = next(s.id for s in store.reports() if s.article.title == "breaking")
    assert breaking == incident_id_for(first)  # named after its earliest-published report


def test_an_incident_keeps_its_id_as_reports_join(store: Store) -> None:
    save(store, "breaking")
    regroup(store)
    (first,) = grouping(store)
    for name in ("toll-19", "toll-27", "column"):
        save(store, name)
        regroup(store)
        assert grouping(store)[first] >= {"breaking", name}


def test_only_the_new_reports_neighbours_are_read_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(REGROUP, "FULL_PASS_SHARE", 1.0)
    for name in ("breaking", "toll-19", "colombia", "kano"):
        save(store, name)
    regroup(store)
    far = {s.id for s in store.reports() if s.article.title in ("colombia", "kano")}
    read: list[str] = []
    original = Store.reports

    def spy(self: Store, **kwargs: Any) -> Any:
        found = original(self, **kwargs)
        read.extend(s.id for s in found)
        return found

    monkeypatch.setattr(Store, "reports", spy)
    save(store, "toll-27")
    regroup(store)
    assert read and not far & set(read)  # another country, another town: never loaded, never rewritten
    assert len(set(read)) == 3


def test_stored_keys_are_the_engines_blocking_keys() -> None:
    from sitrep.dedupe import block_keys
    from sitrep.dedupe.regroup import report_keys

    for _, report in [*STORY.values(), *ELSEWHERE.values()]:
        assert set(report_keys(report)) == block_keys(report)


def test_a_run_that_stopped_before_regrouping_is_finished_by_the_next(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, "breaking")
    regroup(store)
    save(store, "toll-19")  # the process dies here, before regroup

    def crash(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("power cut")

    save(store, "toll-27")
    monkeypatch.setattr(Store, "set_incidents", crash)
    with pytest.raises(RuntimeError):
        regroup(store)  # dies while writing incidents: nothing half-written
    monkeypatch.undo()
    assert len(store.pending_report_ids()) == 2

    with open_store(tmp_path / "sitrep.db") as reopened:
        regroup(reopened)
        assert reopened.pending_report_ids() == []
        assert list(grouping(reopened).values()) == [frozenset({"breaking", "toll-19", "toll-27"})]


def test_links_say_why_reports_were_merged(store: Store) -> None:
    ids = {name: save(store, name) for name in STORY}
    regroup(store)
    incident = store.incident(store.reports(ids=[ids["breaking"]])[0].incident_id or "")
    pairs = {(link["a"], link["b"]) for link in incident["links"]}
    members = {r["id"] for r in incident["reports"]}
    assert pairs and all(a in members and b in members for a, b in pairs)
    assert ids["column"] in {end for pair in pairs for end in pair}  # the column is linked, with reasons
    for link in incident["links"]:
        assert 0.5 <= link["score"] <= 1.0
        assert {"date", "place"} <= {name for name, _ in link["signals"]}
    assert store.links(incident["id"]) and store.links(incident["id"])[0].a < store.links(incident["id"])[0].b
    lone = store.incident(store.reports(ids=[ids["shooting"]])[0].incident_id or "")
    assert lone["links"] == []


def test_a_reextracted_article_refreshes_its_incident(store: Store) -> None:
    for name in ("breaking", "toll-19"):
        save(store, name)
    regroup(store)
    published, told = STORY["toll-19"]
    revised = _report("The toll from Tuesday's bomb blast at the Maiduguri cattle market rose to 21.",
                      _day("2025-03-04"), MAIDUGURI, killed=21, perpetrators=(BOKO,))
    page = Article(text=f"toll-19: {told.evidence['trigger'].sentence}", title="toll-19", outlet="toll-19", published=published)
    store.save_article(page, [revised], extraction_version="2")
    assert store.pending_report_ids()  # the incident is queued: its fields count the old report
    regroup(store)
    (only,) = store.incidents()
    assert only["data"]["counts"]["killed"]["best"] == 21 and only["n_reports"] == 2
    assert store.pending_report_ids() == []


# -- analysts' decisions ---------------------------------------------------------------------------


def test_a_merge_is_kept_by_later_ingests_and_the_older_id_survives(store: Store) -> None:
    ids = {name: save(store, name) for name in ("breaking", "shooting")}
    regroup(store)
    older = store.reports(ids=[ids["breaking"]])[0].incident_id
    younger = store.reports(ids=[ids["shooting"]])[0].incident_id
    assert older and younger and older != younger

    decision = store.merge_incidents(younger, older, decided_by="ana", note="one raid, two phases")
    regroup(store)
    assert list(grouping(store)) == [older]  # the incident first reported keeps its id
    assert (decision.action, decision.decided_by, decision.note) == ("merge", "ana", "one raid, two phases")

    save(store, "toll-19")  # links to the bombing: the merged incident is clustered again
    save(store, "column")
    regroup(store)
    kept = grouping(store)
    assert kept[older] >= {"breaking", "shooting"}
    regroup(store, full=True)
    assert grouping(store) == kept
    (listed,) = store.decisions(incident_id=older)
    assert listed.id == decision.id and listed.pairs.must_link
    links = store.incident(older)["links"]
    assert ["must_link", 1.0] in [list(s) for link in links for s in link["signals"]]


def test_a_split_is_kept_by_later_ingests(store: Store) -> None:
    ids = {name: save(store, name) for name in ("breaking", "toll-19", "toll-27")}
    regroup(store)
    (incident,) = grouping(store)
    store.split_report(incident, ids["toll-19"], decided_by="ana", note="another market")
    regroup(store)
    assert grouping(store) == {
        incident: frozenset({"breaking", "toll-27"}),  # the larger part keeps the id
        store.reports(ids=[ids["toll-19"]])[0].incident_id: frozenset({"toll-19"}),
    }
    save(store, "column")  # links to all three: it may join the bombing, never glue the split back
    regroup(store)
    regroup(store, full=True)
    groups = grouping(store)
    assert groups[incident] >= {"breaking", "toll-27"}
    assert frozenset({"toll-19"}) in groups.values() or frozenset({"toll-19", "column"}) in groups.values()
    split_out = store.reports(ids=[ids["toll-19"]])[0].incident_id
    assert [d.action for d in store.decisions(incident_id=split_out)] == ["split"]
    assert store.incident(incident)["decisions"][0]["note"] == "another market"


def test_a_later_decision_on_the_same_reports_wins(store: Store) -> None:
    ids = {name: save(store, name) for name in ("breaking", "shooting")}
    regroup(store)
    first = store.reports(ids=[ids["breaking"]])[0].incident_id or ""
    second = store.reports(ids=[ids["shooting"]])[0].incident_id or ""
    store.merge_incidents(first, second, decided_by="ana")
    regroup(store)
    store.split_report(first, ids["shooting"], decided_by="ben", note="no: a different attack")
    regroup(store)
    assert len(grouping(store)) == 2
    assert [d.action for d in store.decisions()] == ["merge", "split"]


def test_decisions_about_unknown_ids_are_clear_errors(store: Store) -> None:
    ids = {name: save(store, name) for name in ("breaking", "toll-19", "colombia")}
    regroup(store)
    bombing = store.reports(ids=[ids["breaking"]])[0].incident_id or ""
    colombia = store.reports(ids=[ids["colombia"]])[0].incident_id or ""
    with pytest.raises(NotFound, match="no incident 'inc-nope'"):
        store.merge_incidents(bombing, "inc-nope", decided_by="ana")
    with pytest.raises(StoreError, match="itself"):
        store.merge_incidents(bombing, bombing, decided_by="ana")
    with pytest.raises(NotFound, match="no report 'rep-nope'"):
        store.split_report(bombing, "rep-nope", decided_by="ana")
    with pytest.raises(NotFound, match=f"is in incident {colombia}"):
        store.split_report(bombing, ids["colombia"], decided_by="ana")
    with pytest.raises(StoreError, match="only report"):
        store.split_report(colombia, ids["colombia"], decided_by="ana")
    assert store.decisions() == [] and store.pending_report_ids() == []


# -- naming incidents ------------------------------------------------------------------------------


def test_incident_ids_follow_the_documented_rule() -> None:
    day = {"r1": date(2025, 3, 4), "r2": date(2025, 3, 5), "r3": date(2025, 3, 6), "r4": date(2025, 3, 7)}
    # merge: the incident whose earliest report came first keeps its id
    assert incident_ids([["r1", "r2", "r3"]], {"r1": "inc-b", "r2": "inc-a", "r3": None}, day) == ["inc-b"]
    # split: the part holding most of the incident keeps the id; the other takes its earliest report's
    split = incident_ids([["r1"], ["r2", "r3"]], {"r1": "inc-a", "r2": "inc-a", "r3": "inc-a"}, day)
    assert split == [incident_id_for("r1"), "inc-a"]
    # new: named after the earliest-published report, whatever the ids sort as
    assert incident_ids([["r1", "r4"]], {}, {"r1": date(2025, 3, 9), "r4": date(2025, 3, 1)}) == [incident_id_for("r4")]
    # a fresh id never takes one a stored incident holds
    taken = incident_ids([["r1", "r2"]], {}, day, existing=lambda ids: {incident_id_for("r1")} & set(ids))
    assert taken == [incident_id_for("r2")]


def test_an_upgraded_store_regroups_everything_once(tmp_path: Path) -> None:
    from sitrep.store import migrate
    from sitrep.store.connection import create_store_engine, resolve_url

    path = tmp_path / "old.db"
    engine = create_store_engine(resolve_url(path))
    migrate(engine, target=2)
    engine.dispose()
    with open_store(path) as store:  # upgrade to the latest version
        assert store.pending_report_ids() == []
        for name in ("breaking", "toll-19"):
            save(store, name)
        regroup(store)
        with store.engine.begin() as conn:  # as a version-2 store would be: incidents, no keys, no links
            conn.execute(schema.report_keys.delete())
            conn.execute(schema.report_links.delete())
            conn.execute(schema.schema_migrations.delete().where(schema.schema_migrations.c.version == 3))
            for table in ("report_keys", "report_links", "decision_pairs", "decisions", "stale_incidents"):
                conn.exec_driver_sql(f"DROP TABLE {table}")
    with open_store(path) as store:
        assert len(store.pending_report_ids()) == 2  # queued by the migration
        regroup(store)
        save(store, "toll-27")
        regroup(store)
        assert list(grouping(store).values()) == [frozenset({"breaking", "toll-19", "toll-27"})]


def test_a_regroup_by_another_process_meanwhile_is_noticed(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save(store, "breaking")
    regroup(store)
    save(store, "toll-19")
    monkeypatch.setattr(REGROUP, "FULL_PASS_SHARE", 1.0)
    original = REGROUP._connected
    raced: list[bool] = []

    def racing(*args: Any) -> Any:
        group = original(*args)
        if not raced:  # another process regroups the same reports between our read and our write
            raced.append(True)
            with open_store(tmp_path / "sitrep.db") as other:
                regroup(other)
        return group

    writes: list[bool] = []
    set_incidents = Store.set_incidents

    def counted(self: Store, *args: Any, **kwargs: Any) -> bool:
        writes.append(set_incidents(self, *args, **kwargs))
        return writes[-1]

    monkeypatch.setattr(REGROUP, "_connected", racing)
    monkeypatch.setattr(Store, "set_incidents", counted)
    regroup(store)
    assert writes == [True, False]  # the other process's write, then ours refused: nothing pending after
    assert list(grouping(store).values()) == [frozenset({"breaking", "toll-19"})]
    assert store.pending_report_ids() == []
