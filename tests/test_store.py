"""The store: round trips, idempotent ingest, filters, incidents, migrations, crashes, locks.

Everything here is built by hand (no spaCy): small Article and Report values that
look like what the extraction stage produces.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import json
import os
import sqlite3
import types
import typing
from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import NotFound, StoreError, StoreLocked
from sitrep.model import (
    ActorRef,
    Article,
    Claim,
    Count,
    CountPart,
    Counts,
    DateSpan,
    Evidence,
    Kind,
    Location,
    Report,
    Target,
    Weapon,
)
from sitrep.store import (
    LATEST_VERSION,
    MIGRATIONS,
    IncidentFilter,
    IncidentRecord,
    Store,
    article_from_row,
    incident_id_for,
    migrate,
    open_store,
    report_from_dict,
    schema,
    schema_version,
    writing,
)
from sitrep.store.connection import create_store_engine, resolve_url
from sitrep.store.rows import report_row
from sitrep.store.types import JSONText

# -- hand-made values ----------------------------------------------------------------

MOSCOW_TEXT = (
    "An attack on a rock concert near Moscow on Friday evening killed nearly 140 people. "
    "Islamic State claimed the attack. Four suspects from Tajikistan were arrested. "
    "In 2015 gunmen attacked the Bataclan in Paris."
)


def evidence(text: str, phrase: str, confidence: float = 0.8) -> Evidence:
    """Evidence for ``phrase`` inside the sentence of MOSCOW_TEXT (or any text) that holds it."""
    start = text.index(phrase)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start) + 1
    return Evidence(
        sentence=text[sentence_start:sentence_end],
        start=sentence_start,
        end=sentence_end,
        phrase=phrase,
        phrase_start=start,
        phrase_end=start + len(phrase),
        confidence=confidence,
    )


def concert_report(text: str = MOSCOW_TEXT) -> Report:
    return Report(
        kind=Kind("Violence against civilians", "Attack", "Armed Assault"),
        status="completed",
        realis="reported",
        date=DateSpan(date(2024, 3, 22), date(2024, 3, 22), "day", "Friday evening"),
        location=Location(
            "Krasnogorsk", "Moscow Oblast", "Russia", "RU", 55.82, 37.33, "town", "near Moscow", 542374
        ),
        perpetrators=(
            ActorRef(
                "ISIS-K",
                "Islamic State",
                parent="Islamic State",
                attribution="claimed",
                actor_id="isis-k",
                actor_type="armed group",
            ),
        ),
        targets=(Target("a rock concert", "civilians"),),
        weapons=(Weapon("firearms", "gunmen"),),
        counts=Counts(
            killed=Count(
                None,
                139,
                139,
                True,
                "nearly 140 people",
                parts=(CountPart("people", None, 139, 139, True, "nearly 140 people", "civilians"),),
            ),
            arrested=Count(4, 4, 4, False, "Four suspects"),
        ),
        claim=Claim(True, "Islamic State", "Islamic State claimed the attack"),
        evidence={
            "trigger": evidence(text, "attack on a rock concert"),
            "killed": evidence(text, "nearly 140 people", 0.9),
            "claim": evidence(text, "Islamic State claimed"),
        },
        confidence=0.85,
        trigger="attack",
    )


def bataclan_report(text: str = MOSCOW_TEXT) -> Report:
    return Report(
        kind=Kind("Violence against civilians", "Attack", "Armed Assault"),
        status="completed",
        realis="background",
        date=DateSpan(date(2015, 11, 13), date(2015, 11, 13), "day", "In 2015"),
        location=Location("Paris", "Île-de-France", "France", "FR", 48.85, 2.35, "town", "in Paris", 2988507),
        perpetrators=(ActorRef("gunmen", "gunmen", actor_type="unnamed"),),
        counts=Counts(killed=Count(130, 130, 130, False, "130")),
        evidence={"trigger": evidence(text, "gunmen attacked the Bataclan")},
        confidence=0.6,
        trigger="attacked",
    )


def article(text: str = MOSCOW_TEXT, **overrides: Any) -> Article:
    values: dict[str, Any] = {
        "text": text,
        "title": "Concert hall attack near Moscow",
        "author": "A. Writer",
        "outlet": "The Daily",
        "url": "https://example.org/moscow",
        "published": date(2024, 3, 25),
        "language": "en",
        "source": "pages/moscow.html",
        "warnings": ("date read from the body",),
    }
    values.update(overrides)
    return Article(**values)


def incident(rid: str, report: Report, *extra: str, iid: str | None = None) -> IncidentRecord:
    return IncidentRecord(
        id=iid or incident_id_for(rid),
        report_ids=(rid, *extra),
        kind=report.kind,
        status=report.status,
        realis=report.realis,
        date=report.date,
        location=report.location,
        counts=report.counts,
        claim=report.claim,
        confidence=report.confidence,
    )


#: Set to a PostgreSQL URL (postgresql+psycopg://user@host/db) to run the backend-neutral tests
#: there too. The database's public schema is dropped and recreated before each test.
POSTGRES_URL = os.environ.get("SITREP_TEST_POSTGRES")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


@pytest.fixture(params=BACKENDS)
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a fresh, empty store lives: a SQLite file, or an emptied PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "sitrep.db"
    assert POSTGRES_URL
    engine = sa.create_engine(POSTGRES_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return POSTGRES_URL


@pytest.fixture
def store(location: str | Path) -> typing.Iterator[Store]:
    with open_store(location) as opened:
        yield opened


def table_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in schema.metadata.sorted_tables
            if table.name != "schema_migrations"
        }


# -- saving and reading back ---------------------------------------------------------


def test_saved_reports_come_back_equal_with_their_article(store: Store) -> None:
    page = article()
    result = store.save_article(page, [concert_report(), bataclan_report()], extraction_version="1")

    assert result.new and not result.replaced and result.article_id == page.content_hash
    stored = store.reports(article_id=page.content_hash)
    assert [s.report for s in stored] == [concert_report(), bataclan_report()]
    assert [s.id for s in stored] == list(result.report_ids)
    assert [s.ordinal for s in stored] == [0, 1]
    assert stored[0].incident_id is None
    assert stored[0].article.title == "Concert hall attack near Moscow"
    assert stored[0].article.url == "https://example.org/moscow"
    assert stored[0].article.published == date(2024, 3, 25)
    assert stored[0].article.outlet == "The Daily"


def test_article_is_stored_whole_and_rebuilt_by_article_from_row(store: Store) -> None:
    page = article()
    store.save_article(page, [concert_report()], extraction_version="1")
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(schema.articles)).mappings().one()
    assert article_from_row(row) == page
    assert row["extraction_version"] == "1"

    shown = store.article(page.content_hash)
    assert shown["text"] == MOSCOW_TEXT and shown["published"] == "2024-03-25"
    assert shown["warnings"] == ["date read from the body"]
    assert [r["report"]["trigger"] for r in shown["reports"]] == ["attack"]
    json.dumps(shown)  # ready for the JSON API as is
    with pytest.raises(NotFound):
        store.article("0" * 64)


def test_flat_columns_evidence_actors_and_places_are_queryable(store: Store) -> None:
    page = article()
    result = store.save_article(page, [concert_report()], extraction_version="1")
    with store.engine.connect() as conn:
        rep = conn.execute(sa.select(schema.reports)).mappings().one()
        ev = (
            conn.execute(sa.select(schema.evidence).where(schema.evidence.c.field == "killed"))
            .mappings()
            .one()
        )
        actor_links = conn.execute(
            sa.select(
                schema.report_actors.c.role,
                schema.report_actors.c.actor_id,
                schema.report_actors.c.attribution,
            ).order_by(schema.report_actors.c.role)
        ).all()
        place = conn.execute(sa.select(schema.places)).mappings().one()
    assert rep["id"] == result.report_ids[0]
    assert (rep["event_type"], rep["sub_event_type"], rep["gtd_attack_type"]) == (
        "Violence against civilians",
        "Attack",
        "Armed Assault",
    )
    assert (rep["date_start"], rep["country_code"], rep["place"]) == (date(2024, 3, 22), "RU", "Krasnogorsk")
    assert (rep["killed_min"], rep["killed_max"], rep["killed_best"], rep["arrested_best"]) == (
        None,
        139,
        139,
        4,
    )
    assert rep["claimed"] is True and rep["claimed_by"] == "Islamic State"
    assert ev["phrase"] == "nearly 140 people"
    assert MOSCOW_TEXT[ev["phrase_start"] : ev["phrase_end"]] == "nearly 140 people"
    assert MOSCOW_TEXT[ev["sentence_start"] : ev["sentence_end"]] == ev["sentence"]
    assert actor_links == [("perpetrator", "isis-k", "claimed"), ("target", "name:a-rock-concert", None)]
    assert (place["id"], place["name"], place["country_code"]) == ("gn:542374", "Krasnogorsk", "RU")


def test_child_and_parent_actors_are_linked_whichever_is_stored_first(store: Store) -> None:
    child = replace(
        concert_report(),
        perpetrators=(ActorRef("ISIS-K", "ISKP", parent="Islamic State", actor_id="isis-k"),),
    )
    parent = replace(concert_report(), perpetrators=(ActorRef("Islamic State", "IS", actor_id="isis"),))
    store.save_article(article(title="one"), [child], extraction_version="1")
    store.save_article(article(title="two"), [parent], extraction_version="1")
    with store.engine.connect() as conn:
        parent_of = dict(conn.execute(sa.select(schema.actors.c.id, schema.actors.c.parent_id)).all())
    assert parent_of["isis-k"] == "isis"
    assert parent_of["isis"] is None


def test_same_place_and_actor_in_two_articles_are_stored_once(store: Store) -> None:
    store.save_article(article(title="one"), [concert_report()], extraction_version="1")
    store.save_article(article(title="two"), [concert_report()], extraction_version="1")
    counts = table_counts(store)
    assert counts["places"] == 1
    assert counts["reports"] == 2


def test_places_without_geonames_id_are_keyed_by_country_region_and_name(store: Store) -> None:
    a = replace(concert_report(), location=Location("Springfield", "Illinois", "United States", "US"))
    b = replace(concert_report(), location=Location("Springfield", "Missouri", "United States", "US"))
    store.save_article(article(), [a, b], extraction_version="1")
    with store.engine.connect() as conn:
        keys = sorted(conn.execute(sa.select(schema.places.c.id)).scalars())
    assert keys == ["name:us/illinois/springfield", "name:us/missouri/springfield"]


def test_an_article_without_reports_is_remembered(store: Store) -> None:
    page = article(text="The council met on Tuesday to discuss the budget.")
    result = store.save_article(page, [], extraction_version="1")
    assert result.report_ids == () and result.new
    assert store.has_article(page.content_hash)
    assert not store.save_article(page, [], extraction_version="1").changed


# -- idempotence and replacement -----------------------------------------------------


def test_ingesting_the_same_article_twice_changes_nothing(store: Store) -> None:
    page = article()
    first = store.save_article(page, [concert_report(), bataclan_report()], extraction_version="1")
    before = table_counts(store)
    ingested_at = store.article(page.content_hash)["ingested_at"]

    again = store.save_article(page, [concert_report(), bataclan_report()], extraction_version="1")

    assert not again.new and not again.replaced and not again.changed
    assert again.report_ids == first.report_ids
    assert table_counts(store) == before
    assert store.article(page.content_hash)["ingested_at"] == ingested_at


def test_report_ids_are_stable_across_stores(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as one, open_store(tmp_path / "b.db") as two:
        ids_one = one.save_article(article(), [concert_report(), bataclan_report()], extraction_version="1")
        ids_two = two.save_article(article(), [concert_report(), bataclan_report()], extraction_version="1")
    assert ids_one.report_ids == ids_two.report_ids
    assert len(set(ids_one.report_ids)) == 2


def test_a_new_extraction_version_replaces_the_reports(store: Store) -> None:
    page = article()
    first = store.save_article(page, [concert_report(), bataclan_report()], extraction_version="1")
    store.set_incidents(
        [incident(first.report_ids[0], concert_report()), incident(first.report_ids[1], bataclan_report())]
    )

    better = replace(concert_report(), counts=Counts(killed=Count(143, 143, 143, False, "143")))
    second = store.save_article(page, [better], extraction_version="2")

    assert second.replaced and not second.new
    assert store.extraction_version(page.content_hash) == "2"
    assert store.has_article(page.content_hash, extraction_version="2")
    assert not store.has_article(page.content_hash, extraction_version="1")
    stored = store.reports(article_id=page.content_hash)
    assert [s.report for s in stored] == [better]
    # The concert report kept its id and its incident; the Bataclan incident lost its only report.
    assert stored[0].id == first.report_ids[0]
    assert stored[0].incident_id == incident_id_for(first.report_ids[0])
    assert set(second.stale_incidents) == {incident_id_for(rid) for rid in first.report_ids}
    assert [i["id"] for i in store.incidents()] == [incident_id_for(first.report_ids[0])]
    with store.engine.connect() as conn:
        fields_left = conn.execute(sa.select(schema.evidence.c.report_id).distinct()).scalars().all()
    assert fields_left == [first.report_ids[0]]


# -- crashes and locks -----------------------------------------------------------------


def crash_on_evidence(insert_many: Any, message: str) -> Any:
    """insert_many that fails when it reaches the evidence rows: the article, places, actors
    and reports are already written in the transaction by then."""

    def insert(conn: Any, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        if table is schema.evidence:
            assert conn.execute(sa.select(sa.func.count()).select_from(schema.reports)).scalar_one() > 0
            raise RuntimeError(message)
        insert_many(conn, table, rows)

    return insert


def test_a_crash_during_a_save_leaves_nothing_half_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writing, "insert_many", crash_on_evidence(writing.insert_many, "power cut"))
    page = article()
    with pytest.raises(RuntimeError, match="power cut"):
        store.save_article(page, [concert_report()], extraction_version="1")

    assert not store.has_article(page.content_hash)
    assert all(count == 0 for count in table_counts(store).values())


def test_a_crash_while_replacing_keeps_the_earlier_version(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = article()
    store.save_article(page, [concert_report(), bataclan_report()], extraction_version="1")
    before = table_counts(store)

    monkeypatch.setattr(writing, "insert_many", crash_on_evidence(writing.insert_many, "killed"))
    with pytest.raises(RuntimeError):
        store.save_article(page, [concert_report()], extraction_version="2")

    assert store.extraction_version(page.content_hash) == "1"
    assert len(store.reports(article_id=page.content_hash)) == 2
    assert table_counts(store) == before


def test_a_second_writer_gets_store_locked_while_readers_carry_on(tmp_path: Path) -> None:
    path = tmp_path / "sitrep.db"
    with open_store(path) as first:
        first.save_article(article(), [concert_report()], extraction_version="1")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
        with open_store(path, busy_timeout=0.05) as second:
            assert second.stats()["reports"] == 1  # WAL: reading does not wait for the writer
            with pytest.raises(StoreLocked) as caught:
                second.save_article(article(title="other"), [bataclan_report()], extraction_version="1")
            assert caught.value.hint
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# -- incidents -----------------------------------------------------------------------


def test_set_incidents_points_reports_and_counts_sources(store: Store) -> None:
    a = store.save_article(article(), [concert_report()], extraction_version="1")
    b = store.save_article(
        article(title="Moscow toll rises", outlet="Wire", published=date(2024, 3, 26)),
        [concert_report()],
        extraction_version="1",
    )
    c = store.save_article(
        article(title="Toll rises again", outlet="Wire", published=date(2024, 3, 27)),
        [concert_report()],
        extraction_version="1",
    )
    rids = (a.report_ids[0], b.report_ids[0], c.report_ids[0])
    store.set_incidents([incident(rids[0], concert_report(), *rids[1:], iid="inc-moscow")])

    found = store.incident("inc-moscow")
    assert (found["n_reports"], found["n_sources"]) == (3, 2)  # The Daily and Wire
    assert (found["first_reported"], found["last_reported"]) == ("2024-03-25", "2024-03-27")
    assert [r["id"] for r in found["reports"]] == list(rids)
    assert [art["title"] for art in found["articles"]] == [
        "Concert hall attack near Moscow",
        "Moscow toll rises",
        "Toll rises again",
    ]
    assert found["reports"][0]["report"]["evidence"]["killed"]["phrase"] == "nearly 140 people"
    assert {s.id for s in store.reports(incident_id="inc-moscow")} == set(rids)
    json.dumps(found)
    with pytest.raises(NotFound):
        store.incident("inc-nowhere")


def test_regrouping_moves_reports_and_drops_empty_incidents(store: Store) -> None:
    a = store.save_article(article(), [concert_report()], extraction_version="1").report_ids[0]
    b = store.save_article(article(title="two"), [concert_report()], extraction_version="1").report_ids[0]
    store.set_incidents(
        [incident(a, concert_report(), iid="inc-a"), incident(b, concert_report(), iid="inc-b")]
    )
    assert store.stats()["incidents"] == 2

    store.set_incidents([incident(a, concert_report(), b, iid="inc-a")])  # dedup merged them

    assert [i["id"] for i in store.incidents()] == ["inc-a"]
    assert store.incident("inc-a")["n_reports"] == 2
    assert {s.incident_id for s in store.reports()} == {"inc-a"}


def test_setting_an_incident_again_updates_it_in_place(store: Store) -> None:
    rid = store.save_article(article(), [concert_report()], extraction_version="1").report_ids[0]
    store.set_incidents([incident(rid, concert_report(), iid="inc-a")])
    revised = replace(concert_report(), counts=Counts(killed=Count(140, 145, 143, True, "143")))
    store.set_incidents(
        [dataclasses.replace(incident(rid, revised, iid="inc-a"), data={"note": "toll revised"})]
    )

    only = store.incidents()
    assert len(only) == 1
    assert (only[0]["killed_min"], only[0]["killed_max"], only[0]["killed_best"]) == (140, 145, 143)
    assert only[0]["data"] == {"note": "toll revised"}


def test_set_incidents_refuses_unknown_or_doubly_assigned_reports(store: Store) -> None:
    rid = store.save_article(article(), [concert_report()], extraction_version="1").report_ids[0]
    with pytest.raises(NotFound):
        store.set_incidents([incident("rep-missing", concert_report())])
    with pytest.raises(ValueError, match="two incidents"):
        store.set_incidents(
            [incident(rid, concert_report(), iid="inc-1"), incident(rid, concert_report(), iid="inc-2")]
        )
    with pytest.raises(ValueError):
        IncidentRecord("inc-x", (), concert_report().kind, "completed", "reported")
    assert store.stats()["incidents"] == 0


# -- filters ---------------------------------------------------------------------------

KANO_TEXT = "GUNMEN KILLED 12 VILLAGERS IN A RAID NEAR KANO ON SUNDAY, POLICE SAID."


@pytest.fixture
def filled(store: Store) -> Store:
    """Three incidents: Moscow 2024 (ISIS-K, 139 killed), Paris 2015 (background), Kano 2023 (wire copy)."""
    moscow = store.save_article(article(), [concert_report(), bataclan_report()], extraction_version="1")
    kano_report = Report(
        kind=Kind("Violence against civilians", "Attack", None),
        status="completed",
        realis="reported",
        date=DateSpan(date(2023, 6, 1), date(2023, 6, 30), "month", "IN JUNE"),
        location=Location("Kano", "Kano", "Nigeria", "NG", 12.0, 8.52, "town", "NEAR KANO", 2335204),
        perpetrators=(ActorRef("gunmen", "GUNMEN", actor_type="unnamed"),),
        targets=(Target("villagers", "civilians"),),
        counts=Counts(killed=Count(12, None, None, False, "more than 11")),
        evidence={"trigger": evidence(KANO_TEXT, "RAID")},
        trigger="RAID",
    )
    kano = store.save_article(
        article(KANO_TEXT, title="NIGERIA: GUNMEN RAID VILLAGE", outlet="Wire", published=date(2023, 7, 2)),
        [kano_report],
        extraction_version="1",
    )
    store.set_incidents(
        [
            incident(moscow.report_ids[0], concert_report(), iid="inc-moscow"),
            incident(moscow.report_ids[1], bataclan_report(), iid="inc-paris"),
            incident(kano.report_ids[0], kano_report, iid="inc-kano"),
        ]
    )
    return store


def ids(store: Store, **kwargs: Any) -> list[str]:
    return [found["id"] for found in store.incidents(IncidentFilter(**kwargs))]


def test_default_query_lists_every_incident_latest_first(filled: Store) -> None:
    assert ids(filled) == ["inc-moscow", "inc-kano", "inc-paris"]


def test_date_filter_matches_any_overlap_with_the_incident_span(filled: Store) -> None:
    assert ids(filled, date_from=date(2024, 1, 1)) == ["inc-moscow"]
    assert ids(filled, date_to=date(2016, 1, 1)) == ["inc-paris"]
    # Kano is dated "in June" 2023: a window over its last days still finds it.
    assert ids(filled, date_from=date(2023, 6, 28), date_to=date(2023, 7, 31)) == ["inc-kano"]
    assert ids(filled, date_from=date(2023, 7, 1), date_to=date(2023, 12, 31)) == []


def test_country_filter_takes_a_code_or_a_name_in_any_case(filled: Store) -> None:
    assert ids(filled, country="ng") == ["inc-kano"]
    assert ids(filled, country="NIGERIA") == ["inc-kano"]
    assert ids(filled, country="Russia") == ["inc-moscow"]
    assert ids(filled, country="Chad") == []


def test_actor_filter_matches_perpetrators_only(filled: Store) -> None:
    assert ids(filled, actor_ids=frozenset({"isis-k", "isis"})) == ["inc-moscow"]
    assert ids(filled, actor_ids=frozenset({"name:gunmen"})) == ["inc-kano", "inc-paris"]
    assert ids(filled, actor_ids=frozenset({"name:villagers"})) == []  # a target, not a perpetrator
    assert ids(filled, actor_ids=frozenset()) == []


def test_kind_filter_matches_acled_types_or_gtd_type_in_any_case(filled: Store) -> None:
    assert ids(filled, kind="armed assault") == ["inc-moscow", "inc-paris"]
    assert ids(filled, kind="Violence against civilians") == ["inc-moscow", "inc-kano", "inc-paris"]
    assert ids(filled, kind="ATTACK", order="date") == ["inc-paris", "inc-kano", "inc-moscow"]
    assert ids(filled, kind="Suicide bomb") == []


def test_realis_filter_separates_background_mentions(filled: Store) -> None:
    assert ids(filled, realis="background") == ["inc-paris"]
    assert ids(filled, realis="reported") == ["inc-moscow", "inc-kano"]


def test_min_killed_uses_the_best_value_else_the_lower_bound(filled: Store) -> None:
    assert ids(filled, min_killed=100) == ["inc-moscow", "inc-paris"]
    assert ids(filled, min_killed=12) == ["inc-moscow", "inc-kano", "inc-paris"]  # Kano: "more than 11"
    assert ids(filled, min_killed=13, country="NG") == []


def test_text_filter_searches_evidence_and_titles_in_any_case(filled: Store) -> None:
    assert ids(filled, text="bataclan") == ["inc-paris"]  # evidence sentence
    assert ids(filled, text="raid near kano") == ["inc-kano"]  # CAPITALS wire copy
    assert ids(filled, text="gunmen raid village") == ["inc-kano"]  # title only
    assert ids(filled, text="100%") == []  # LIKE wildcards are taken literally
    assert ids(filled, text="n_gunmen") == []


def test_order_and_paging(filled: Store) -> None:
    assert ids(filled, order="-killed") == ["inc-moscow", "inc-paris", "inc-kano"]
    assert ids(filled, order="killed") == ["inc-kano", "inc-paris", "inc-moscow"]
    assert ids(filled, limit=2) == ["inc-moscow", "inc-kano"]
    assert ids(filled, limit=2, offset=2) == ["inc-paris"]


def test_filters_combine(filled: Store) -> None:
    assert ids(filled, kind="attack", realis="reported", min_killed=50, country="RU") == ["inc-moscow"]


def test_incident_dicts_are_json_ready(filled: Store) -> None:
    found = filled.incidents(IncidentFilter(country="RU"))[0]
    assert found["date_start"] == "2024-03-22" and found["country_code"] == "RU"
    assert found["data"]["counts"]["killed"]["text"] == "nearly 140 people"
    json.dumps(found)


def test_bad_filters_are_refused() -> None:
    with pytest.raises(ValueError):
        IncidentFilter(order="size")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        IncidentFilter(date_from=date(2024, 2, 1), date_to=date(2024, 1, 1))
    with pytest.raises(ValueError):
        IncidentFilter(limit=-1)
    assert IncidentFilter(actor_ids={"isis"}).actor_ids == frozenset({"isis"})  # type: ignore[arg-type]


def test_reads_take_a_fixed_number_of_queries(filled: Store) -> None:
    for n in range(20):
        filled.save_article(
            article(title=f"copy {n}"), [concert_report(), bataclan_report()], extraction_version="1"
        )
    statements: list[str] = []
    sa.event.listen(filled.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    assert len(filled.reports()) == 43
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1
    statements.clear()
    filled.incident("inc-moscow")
    # the incident, its links, its reports with their articles, the decisions about them
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 4


# -- opening and migrating -----------------------------------------------------------


def test_a_path_becomes_a_sqlite_file_in_wal_mode_with_folders_created(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "sitrep.db"
    with open_store(path) as opened:
        assert opened.stats() == {
            "articles": 0,
            "reports": 0,
            "incidents": 0,
            "schema_version": LATEST_VERSION,
        }
        with opened.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert path.exists()


def test_default_location_follows_sitrep_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "env.db"))
    with open_store() as opened:
        opened.save_article(article(), [], extraction_version="1")
    assert (tmp_path / "env.db").exists()
    monkeypatch.setenv("SITREP_DB", f"sqlite:///{tmp_path / 'url.db'}")
    with open_store():
        pass
    assert (tmp_path / "url.db").exists()


def test_create_false_refuses_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    with open_store(tmp_path / "there.db"):
        pass
    with open_store(tmp_path / "there.db", create=False) as reopened:
        assert reopened.stats()["articles"] == 0


def test_migrations_are_numbered_one_to_latest() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))
    assert all(m.description for m in MIGRATIONS)


def test_an_empty_database_is_migrated_to_the_schema_in_schema_py(location: str | Path) -> None:
    with open_store(location) as opened:
        inspector = sa.inspect(opened.engine)
        assert set(inspector.get_table_names()) == set(schema.metadata.tables)
        for table in schema.metadata.sorted_tables:
            columns = {c["name"]: c for c in inspector.get_columns(table.name)}
            assert set(columns) == set(table.columns.keys()), table.name
            for column in table.columns:
                assert columns[column.name]["nullable"] == column.nullable, (table.name, column.name)
            primary = inspector.get_pk_constraint(table.name)["constrained_columns"]
            assert sorted(primary) == sorted(c.name for c in table.primary_key), table.name
            indexes = {
                i["name"]: i["column_names"]
                for i in inspector.get_indexes(table.name)
                if not i.get("duplicates_constraint")  # PostgreSQL lists unique constraints as indexes too
            }
            assert indexes == {i.name: [c.name for c in i.columns] for i in table.indexes}, table.name
            foreign = {
                (tuple(f["constrained_columns"]), f["referred_table"])
                for f in inspector.get_foreign_keys(table.name)
            }
            assert foreign == {
                (tuple(c.name for c in fk.columns), fk.referred_table.name)
                for fk in table.foreign_key_constraints
            }, table.name
        with opened.engine.connect() as conn:
            recorded = conn.execute(sa.select(schema.schema_migrations.c.version)).scalars().all()
        assert recorded == [m.version for m in MIGRATIONS]


def test_a_version_1_store_is_upgraded_and_keeps_its_data(location: str | Path) -> None:
    path = location
    engine = create_store_engine(resolve_url(path))
    assert migrate(engine, target=1) == [1]
    page = article()
    old = sa.MetaData()
    old.reflect(engine)  # the tables as version 1 made them
    assert "incidents" not in old.tables and "incident_id" not in old.tables["reports"].c
    old_articles, old_reports = old.tables["articles"], old.tables["reports"]
    as_json = sa.bindparam("data", type_=JSONText())
    row = report_row(
        concert_report(), rid="rep-old", article_id=page.content_hash, ordinal=0, incident_id=None
    )
    del row["incident_id"]
    with engine.begin() as conn:
        conn.execute(
            old_articles.insert().values(warnings=sa.bindparam("warnings", type_=JSONText())),
            {
                **{c: v for c, v in page.to_dict().items() if c in old_articles.c},
                "id": page.content_hash,
                "published": page.published,
                "warnings": list(page.warnings),
                "extraction_version": "0.0.1",
                "ingested_at": datetime(2024, 3, 25, 10, 0),
            },
        )
        conn.execute(old.tables["places"].insert(), {"id": row["place_id"], "name": "Krasnogorsk"})
        conn.execute(old_reports.insert().values(data=as_json), row)
    engine.dispose()
    stale_engine = create_store_engine(resolve_url(path))
    with pytest.raises(StoreError, match="version 1") as caught:
        Store(stale_engine)
    assert "open_store" in caught.value.hint
    stale_engine.dispose()

    with open_store(path) as upgraded:
        assert upgraded.stats()["schema_version"] == LATEST_VERSION
        (stored,) = upgraded.reports()
        assert stored.report == concert_report() and stored.incident_id is None
        upgraded.set_incidents([incident("rep-old", concert_report(), iid="inc-1")])
        assert upgraded.reports()[0].incident_id == "inc-1"
        assert not upgraded.save_article(page, [concert_report()], extraction_version="0.0.1").changed


def test_a_store_from_a_newer_sitrep_is_refused_with_a_hint(location: str | Path) -> None:
    with open_store(location) as opened, opened.engine.begin() as conn:
        conn.execute(
            schema.schema_migrations.insert(),
            {
                "version": LATEST_VERSION + 1,
                "description": "from the future",
                "applied_at": datetime(2030, 1, 1),
            },
        )
    with pytest.raises(StoreError, match="newer") as caught:
        open_store(location)
    assert "upgrade sitrep" in caught.value.hint


def test_reopening_a_current_store_applies_nothing(location: str | Path) -> None:
    with open_store(location):
        pass
    engine = create_store_engine(resolve_url(location))
    with engine.connect() as conn:
        assert schema_version(conn) == LATEST_VERSION
    assert migrate(engine) == []
    engine.dispose()


# -- report_from_dict ----------------------------------------------------------------


def test_report_json_from_older_or_newer_sitrep_still_loads() -> None:
    data = concert_report().to_dict()
    data["some_future_field"] = {"x": 1}  # written by a newer sitrep
    del data["weapons"]  # written before weapons existed (the field has a default)
    loaded = report_from_dict(data)
    assert loaded == replace(concert_report(), weapons=())


def test_malformed_report_json_raises_store_error() -> None:
    data = concert_report().to_dict()
    with pytest.raises(StoreError, match="kind"):
        report_from_dict({k: v for k, v in data.items() if k != "kind"})
    with pytest.raises(StoreError):
        report_from_dict({**data, "date": {**data["date"], "start": "22 March"}})
    with pytest.raises(StoreError):
        report_from_dict({**data, "perpetrators": "ISIS"})
    with pytest.raises(StoreError):
        report_from_dict([])  # type: ignore[arg-type]


def strategy_for(hint: Any, ints: st.SearchStrategy[int]) -> st.SearchStrategy[Any]:
    """A strategy for any type used in sitrep.model, read from its annotations.

    New model fields are covered without editing the test.
    """
    if hint is str:
        return st.text(max_size=12)
    if hint is int:
        return ints
    if hint is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if hint is bool:
        return st.booleans()
    if hint is date:
        return st.dates()
    if is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return st.builds(hint, **{f.name: strategy_for(hints[f.name], ints) for f in fields(hint)})
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(st.none() if a is type(None) else strategy_for(a, ints) for a in args))
    if origin is tuple:
        return st.lists(strategy_for(args[0], ints), max_size=3).map(tuple)
    if origin in (dict, collections.abc.Mapping):
        return st.dictionaries(st.text(max_size=8), strategy_for(args[1], ints), max_size=3)
    raise TypeError(f"no strategy for {hint!r}")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(strategy_for(Report, st.integers()))
def test_report_from_dict_inverts_to_dict(report: Report) -> None:
    assert report_from_dict(report.to_dict()) == report
    assert report_from_dict(json.loads(json.dumps(report.to_dict()))) == report


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(strategy_for(Report, st.integers(-(2**31), 2**31)), max_size=3),
    strategy_for(Article, st.integers()),
)
def test_any_reports_survive_the_database(reports: list[Report], page: Article) -> None:
    with open_store("sqlite://") as memory:
        result = memory.save_article(page, reports, extraction_version="1")
        assert [s.report for s in memory.reports(article_id=result.article_id)] == reports
        with memory.engine.connect() as conn:
            row = conn.execute(sa.select(schema.articles)).mappings().one()
        assert article_from_row(row) == page


def test_a_file_that_is_not_a_store_gives_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("shopping list: milk, eggs\n" * 100)
    with pytest.raises(StoreError):
        open_store(path)


def test_schema_and_queries_compile_for_postgresql() -> None:
    """PostgreSQL is not available in CI: at least every table and statement must compile for it."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    from sitrep.store.query import incident_query

    dialect = postgresql.dialect()
    for table in schema.metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect))
        assert "JSON" not in ddl or "JSONB" in ddl
        for index in table.indexes:
            CreateIndex(index).compile(dialect=dialect)
    upserts = writing.upsert_statements("postgresql")
    for statement in (upserts.places, upserts.registry_actors, upserts.named_actors, upserts.incidents):
        assert "ON CONFLICT" in str(statement.compile(dialect=dialect))
    everything = IncidentFilter(
        date_from=date(2024, 1, 1),
        date_to=date(2024, 12, 31),
        country="RU",
        actor_ids=frozenset({"isis"}),
        kind="attack",
        realis="reported",
        min_killed=1,
        text="concert",
        limit=10,
        offset=5,
        order="-killed",
    )
    sql = str(incident_query(everything).compile(dialect=dialect))
    assert "ILIKE" in sql and "NULLS LAST" in sql
    from sitrep.store import grouping

    bookkeeping = [value for value in vars(grouping).values() if isinstance(value, sa.sql.Executable)]
    assert len(bookkeeping) >= 10
    for statement in bookkeeping:  # keys, links, decisions and the regroup queue
        assert str(statement.compile(dialect=dialect))
