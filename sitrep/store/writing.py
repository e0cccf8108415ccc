"""Writing to the store: saving an article with its reports, and setting incidents.

Every function here runs inside a transaction its caller opened; none commits.
Statements are built once (module constants, or once per database dialect for the
``ON CONFLICT`` upserts) and executed with many rows at a time, so saving an article
costs a fixed dozen statements whatever the number of reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sitrep.errors import NotFound, StoreError
from sitrep.model import Article, Location, Report
from sitrep.store import schema
from sitrep.store.records import IncidentRecord, SaveResult
from sitrep.store.rows import (
    NAME_KEY_PREFIX,
    actor_row,
    article_row,
    evidence_rows,
    incident_row,
    place_key,
    place_row,
    report_actor_rows,
    report_id,
    report_row,
    target_actor_row,
)
from sitrep.store.types import utcnow

T = TypeVar("T")

#: Largest number of values bound in one IN (...) list (well under SQLite's limit).
CHUNK = 500

_art, _rep, _inc, _act = schema.articles, schema.reports, schema.incidents, schema.actors
_ev, _ra, _stale = schema.evidence, schema.report_actors, schema.stale_incidents
_keys, _links = schema.report_keys, schema.report_links

_STORED_VERSION = sa.select(_art.c.extraction_version).where(_art.c.id == sa.bindparam("aid"))
_REPORT_IDS = sa.select(_rep.c.id).where(_rep.c.article_id == sa.bindparam("aid")).order_by(_rep.c.ordinal)
_REPORT_INCIDENTS = sa.select(_rep.c.id, _rep.c.incident_id).where(_rep.c.article_id == sa.bindparam("aid"))
_OWN_REPORTS = sa.select(_rep.c.id).where(_rep.c.article_id == sa.bindparam("aid")).scalar_subquery()
_DELETE_EVIDENCE = _ev.delete().where(_ev.c.report_id.in_(_OWN_REPORTS))
_DELETE_REPORT_ACTORS = _ra.delete().where(_ra.c.report_id.in_(_OWN_REPORTS))
_DELETE_KEYS = _keys.delete().where(_keys.c.report_id.in_(_OWN_REPORTS))
_DELETE_LINKS_A = _links.delete().where(_links.c.a.in_(_OWN_REPORTS))
_DELETE_LINKS_B = _links.delete().where(_links.c.b.in_(_OWN_REPORTS))
_DELETE_REPORTS = _rep.delete().where(_rep.c.article_id == sa.bindparam("aid"))
_UPDATE_ARTICLE = _art.update().where(_art.c.id == sa.bindparam("aid"))
_INCIDENTS_OF_REPORTS = sa.select(_rep.c.id, _rep.c.incident_id).where(
    _rep.c.id.in_(sa.bindparam("rids", expanding=True))
)
_UNLINK_REPORTS = (
    _rep.update().where(_rep.c.incident_id.in_(sa.bindparam("iids", expanding=True))).values(incident_id=None)
)
_LINK_REPORT = _rep.update().where(_rep.c.id == sa.bindparam("rid")).values(incident_id=sa.bindparam("iid"))
_SOURCE = sa.func.coalesce(_art.c.outlet, _art.c.id)  # articles without an outlet count as one source each
_INCIDENT_TOTALS = (
    sa.select(
        _rep.c.incident_id,
        sa.func.count(_rep.c.id).label("n_reports"),
        sa.func.count(sa.distinct(_SOURCE)).label("n_sources"),
        sa.func.min(_art.c.published).label("first_reported"),
        sa.func.max(_art.c.published).label("last_reported"),
    )
    .join(_art, _art.c.id == _rep.c.article_id)
    .where(_rep.c.incident_id.in_(sa.bindparam("iids", expanding=True)))
    .group_by(_rep.c.incident_id)
)
_EXISTING_INCIDENTS = sa.select(_inc.c.id).where(_inc.c.id.in_(sa.bindparam("iids", expanding=True)))
_QUEUED_INCIDENTS = sa.select(_stale.c.incident_id).where(
    _stale.c.incident_id.in_(sa.bindparam("iids", expanding=True))
)
_UNQUEUE_INCIDENTS = _stale.delete().where(_stale.c.incident_id.in_(sa.bindparam("iids", expanding=True)))
_DELETE_INCIDENTS = _inc.delete().where(_inc.c.id.in_(sa.bindparam("iids", expanding=True)))
_UPDATE_INCIDENT_TOTALS = (
    _inc.update()
    .where(_inc.c.id == sa.bindparam("iid"))
    .values(
        n_reports=sa.bindparam("n_reports"),
        n_sources=sa.bindparam("n_sources"),
        first_reported=sa.bindparam("first_reported", type_=sa.Date),
        last_reported=sa.bindparam("last_reported", type_=sa.Date),
    )
)
_PARENTS_BY_NAME = (
    sa.select(_act.c.name, sa.func.min(_act.c.id))
    .where(
        _act.c.name.in_(sa.bindparam("names", expanding=True)),
        sa.not_(_act.c.id.startswith(NAME_KEY_PREFIX, autoescape=True)),
    )
    .group_by(_act.c.name)
)
_SET_PARENT = _act.update().where(_act.c.id == sa.bindparam("aid")).values(parent_id=sa.bindparam("pid"))
_PG_LOCK = sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtextextended(sa.bindparam("key"), 0)))
_ADOPT_CHILDREN = (
    _act.update()
    .where(_act.c.parent_name == sa.bindparam("pname"), _act.c.parent_id.is_(None))
    .values(parent_id=sa.bindparam("pid"))
)


@dataclass(frozen=True, slots=True)
class UpsertStatements:
    """The ON CONFLICT statements, whose construct differs by dialect."""

    places: Any  # insert places not stored yet
    registry_actors: Any  # insert, or refresh name/type/parent/country of, registry actors
    named_actors: Any  # insert actors keyed by name, keep the first
    incidents: Any  # insert or overwrite incidents


@lru_cache(maxsize=4)
def upsert_statements(dialect: str) -> UpsertStatements:
    """The upserts for a dialect ("sqlite" or "postgresql"), built once; StoreError for any other."""
    insert: Callable[[sa.Table], Any]
    if dialect == "sqlite":
        insert = sqlite.insert
    elif dialect == "postgresql":
        insert = postgresql.insert
    else:
        raise StoreError(f"sitrep's store supports SQLite and PostgreSQL, not {dialect}")
    actors = insert(_act)
    incidents = insert(_inc)
    return UpsertStatements(
        places=insert(schema.places).on_conflict_do_nothing(index_elements=["id"]),
        registry_actors=actors.on_conflict_do_update(
            index_elements=["id"],
            # The latest name and type win; a missing value keeps the stored one.
            set_={
                name: sa.func.coalesce(actors.excluded[name], _act.c[name])
                for name in ("name", "parent_name", "type", "country_code")
            },
        ),
        named_actors=insert(_act).on_conflict_do_nothing(index_elements=["id"]),
        incidents=incidents.on_conflict_do_update(
            index_elements=["id"],
            set_={
                column.name: incidents.excluded[column.name] for column in _inc.columns if column.name != "id"
            },
        ),
    )


def save_article(
    conn: Connection, article: Article, article_id: str, reports: Sequence[Report], extraction_version: str
) -> SaveResult:
    """Save ``article`` and ``reports`` (see :meth:`Store.save_article`)."""
    serialise(conn, article_id)
    stored_version = conn.execute(_STORED_VERSION, {"aid": article_id}).scalar_one_or_none()
    if stored_version == extraction_version:
        stored_ids = tuple(conn.execute(_REPORT_IDS, {"aid": article_id}).scalars())
        return SaveResult(article_id=article_id, report_ids=stored_ids, new=False)

    row = article_row(
        article, article_id=article_id, extraction_version=extraction_version, ingested_at=utcnow()
    )
    previous: dict[str, str | None] = {}
    if stored_version is None:
        insert_many(conn, _art, [row])
    else:
        previous = {rid: iid for rid, iid in conn.execute(_REPORT_INCIDENTS, {"aid": article_id})}
        for statement in (
            _DELETE_EVIDENCE,
            _DELETE_REPORT_ACTORS,
            _DELETE_KEYS,
            _DELETE_LINKS_A,
            _DELETE_LINKS_B,
            _DELETE_REPORTS,
        ):
            conn.execute(statement, {"aid": article_id})
        conn.execute(_UPDATE_ARTICLE.values({k: v for k, v in row.items() if k != "id"}), {"aid": article_id})

    ids = tuple(report_id(article_id, ordinal, report) for ordinal, report in enumerate(reports))
    upsert_places(conn, (report.location for report in reports))
    upsert_actors(conn, reports)
    insert_many(
        conn,
        _rep,
        [
            report_row(report, rid=rid, article_id=article_id, ordinal=ordinal, incident_id=previous.get(rid))
            for ordinal, (rid, report) in enumerate(zip(ids, reports, strict=True))
        ],
    )
    insert_many(
        conn,
        _ev,
        [row for rid, report in zip(ids, reports, strict=True) for row in evidence_rows(rid, report)],
    )
    insert_many(
        conn,
        _ra,
        [row for rid, report in zip(ids, reports, strict=True) for row in report_actor_rows(rid, report)],
    )
    stale = tuple(sorted({incident for incident in previous.values() if incident}))
    refresh_incidents(conn, stale)
    mark_stale(conn, stale)  # their reconciled fields still count the replaced reports
    return SaveResult(
        article_id=article_id,
        report_ids=ids,
        new=stored_version is None,
        replaced=stored_version is not None,
        stale_incidents=stale,
    )


def set_incidents(conn: Connection, records: Sequence[IncidentRecord]) -> list[str]:
    """Upsert ``records`` and point their reports at them (see :meth:`Store.set_incidents`);
    return the incidents touched (these, and those their reports left), sorted."""
    check_incident_records(records)
    if not records:
        return []
    serialise(conn, "incidents")  # one deduplication writer at a time
    records = sorted(records, key=lambda record: record.id)
    wanted = [rid for record in records for rid in record.report_ids]
    current: dict[str, str | None] = {}
    for chunk in chunks(wanted):
        current.update((rid, iid) for rid, iid in conn.execute(_INCIDENTS_OF_REPORTS, {"rids": chunk}))
    missing = [rid for rid in wanted if rid not in current]
    if missing:
        raise NotFound(
            f"{len(missing)} report(s) of these incidents are not in the store, e.g. {missing[0]!r}"
        )

    upsert_places(conn, (record.location for record in records))
    now = utcnow()
    conn.execute(
        upsert_statements(conn.dialect.name).incidents,
        [incident_row(record, updated_at=now) for record in records],
    )
    record_ids = [record.id for record in records]
    for chunk in chunks(record_ids):
        conn.execute(_UNLINK_REPORTS, {"iids": chunk})
    conn.execute(
        _LINK_REPORT, [{"rid": rid, "iid": record.id} for record in records for rid in record.report_ids]
    )
    touched = sorted(set(record_ids) | {incident for incident in current.values() if incident})
    refresh_incidents(conn, touched)
    return touched


def serialise(conn: Connection, key: str) -> None:
    """On PostgreSQL, make concurrent transactions that write ``key`` wait for each other.

    SQLite needs nothing: its write transactions (BEGIN IMMEDIATE) already run one at a time.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_LOCK, {"key": key})


def check_incident_records(records: Sequence[IncidentRecord]) -> None:
    """Raise ValueError when an incident id or a report id appears twice among ``records``."""
    seen: set[str] = set()
    owner: dict[str, str] = {}
    for record in records:
        if record.id in seen:
            raise ValueError(f"incident {record.id} is given twice")
        seen.add(record.id)
        for rid in record.report_ids:
            if rid in owner:
                raise ValueError(f"report {rid} is given to two incidents: {owner[rid]} and {record.id}")
            owner[rid] = record.id


def refresh_incidents(conn: Connection, incident_ids: Sequence[str]) -> None:
    """Recompute report and source counts and reported dates; delete incidents left without reports."""
    if not incident_ids:
        return
    totals: dict[str, dict[str, Any]] = {}
    for chunk in chunks(incident_ids):
        for row in conn.execute(_INCIDENT_TOTALS, {"iids": chunk}).mappings():
            totals[row["incident_id"]] = {
                "iid": row["incident_id"],
                "n_reports": row["n_reports"],
                "n_sources": row["n_sources"],
                "first_reported": as_date(row["first_reported"]),
                "last_reported": as_date(row["last_reported"]),
            }
    empty = [incident for incident in incident_ids if incident not in totals]
    for chunk in chunks(empty):
        conn.execute(_DELETE_INCIDENTS, {"iids": chunk})
        conn.execute(_UNQUEUE_INCIDENTS, {"iids": chunk})
    if totals:
        conn.execute(_UPDATE_INCIDENT_TOTALS, list(totals.values()))


def mark_stale(conn: Connection, incident_ids: Iterable[str]) -> None:
    """Queue the stored incidents among ``incident_ids`` for the next regroup (others are ignored)."""
    wanted = sorted(set(incident_ids))
    existing: set[str] = set()
    queued: set[str] = set()
    for chunk in chunks(wanted):
        existing.update(conn.execute(_EXISTING_INCIDENTS, {"iids": chunk}).scalars())
        queued.update(conn.execute(_QUEUED_INCIDENTS, {"iids": chunk}).scalars())
    insert_many(conn, _stale, [{"incident_id": iid} for iid in sorted(existing - queued)])


def upsert_places(conn: Connection, locations: Iterable[Location | None]) -> None:
    """Insert the places not stored yet (a place's key decides what is the same place)."""
    rows: dict[str, dict[str, Any]] = {}
    for location in locations:
        if location is None:
            continue
        key = place_key(location)
        if key is not None and key not in rows:
            rows[key] = place_row(location, key)
    if rows:  # in key order, so concurrent writers lock rows in the same order
        conn.execute(upsert_statements(conn.dialect.name).places, [rows[key] for key in sorted(rows)])


def upsert_actors(conn: Connection, reports: Sequence[Report]) -> None:
    """Insert or refresh the actors (perpetrators and targets) the reports name; link parents."""
    registry: dict[str, dict[str, Any]] = {}
    named: dict[str, dict[str, Any]] = {}
    for report in reports:
        for actor in report.perpetrators:
            row = actor_row(actor)
            (registry if actor.actor_id else named).setdefault(row["id"], row)
        for target in report.targets:
            row = target_actor_row(target)
            named.setdefault(row["id"], row)
    upserts = upsert_statements(conn.dialect.name)
    if registry:  # in key order, so concurrent writers lock rows in the same order
        conn.execute(upserts.registry_actors, [registry[key] for key in sorted(registry)])
    if named:
        conn.execute(upserts.named_actors, [named[key] for key in sorted(named)])
    _link_parents(conn, [*registry.values(), *named.values()], registry)


def _link_parents(conn: Connection, rows: list[dict[str, Any]], registry: dict[str, dict[str, Any]]) -> None:
    """Fill ``actors.parent_id`` from parent names both ways: for these actors, and for stored
    actors whose parent is one of these registry actors."""
    names = sorted({row["parent_name"] for row in rows if row["parent_name"]})
    parents: dict[str, str] = {}
    for chunk in chunks(names):
        parents.update((name, aid) for name, aid in conn.execute(_PARENTS_BY_NAME, {"names": chunk}))
    links = [
        {"aid": row["id"], "pid": parents[row["parent_name"]]}
        for row in rows
        if row["parent_name"] in parents and parents[row["parent_name"]] != row["id"]
    ]
    if links:
        conn.execute(_SET_PARENT, links)
    if registry:
        conn.execute(_ADOPT_CHILDREN, [{"pname": row["name"], "pid": aid} for aid, row in registry.items()])


def insert_many(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """INSERT ``rows`` in one executemany; nothing when there are none."""
    if rows:
        conn.execute(table.insert(), rows)


def chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most CHUNK (for IN lists)."""
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def as_date(value: Any) -> date | None:
    """A date from a Date column or from an aggregate over one (text on some drivers)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
