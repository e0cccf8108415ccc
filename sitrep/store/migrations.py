"""The store's schema history: a numbered, ordered list of migrations.

Each migration is applied in its own transaction together with its row in
``schema_migrations``, so a store is always at exactly one recorded version.
Opening an older store applies the missing migrations; a store written by a newer
sitrep is refused with a hint to upgrade.

Rules for adding one: append ``Migration(n + 1, ...)``; never edit an applied
migration; define the tables a migration creates inside it (a frozen snapshot, not
the current tables in :mod:`sitrep.store.schema`), then bring ``schema.py`` up to
date. ``tests/test_store.py`` checks that the migrated database and ``schema.py``
agree. Keep DDL portable (SQLite and PostgreSQL): Core constructs, or plain
``ALTER TABLE ... ADD COLUMN`` text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from sitrep.errors import StoreError
from sitrep.store.connection import write_transaction
from sitrep.store.types import JSONText, UTCDateTime, utcnow

#: Names of the count columns, in the order the count categories are listed in the model.
_COUNT_CATEGORIES = ("killed", "injured", "arrested", "kidnapped")

VERSION_TABLE = sa.Table(
    "schema_migrations",
    sa.MetaData(),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", UTCDateTime, nullable=False),
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: applied once, in a transaction, then recorded."""

    version: int
    description: str
    apply: Callable[[Connection], None]


def _count_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column(f"{category}_{bound}", sa.Integer)
        for category in _COUNT_CATEGORIES
        for bound in ("min", "max", "best")
    ]


def _v1_extraction_record(conn: Connection) -> None:
    """Articles, their reports with evidence, and the actors and places reports name."""
    meta = sa.MetaData()
    sa.Table(
        "articles",
        meta,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("standfirst", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("source", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("warnings", JSONText, nullable=False),
        sa.Column("extraction_version", sa.String(64), nullable=False),
        sa.Column("ingested_at", UTCDateTime, nullable=False),
        sa.Index("ix_articles_published", "published"),
        sa.Index("ix_articles_outlet", "outlet"),
        sa.Index("ix_articles_url", "url"),
    )
    sa.Table(
        "places",
        meta,
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("geonameid", sa.Integer),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("admin1", sa.Text),
        sa.Column("country_code", sa.String(2)),
        sa.Column("country", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("precision", sa.String(16)),
        sa.Index("ix_places_country_code", "country_code"),
    )
    sa.Table(
        "actors",
        meta,
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("parent_id", sa.String(200)),
        sa.Column("parent_name", sa.Text),
        sa.Column("type", sa.String(64)),
        sa.Column("country_code", sa.String(2)),
        sa.Index("ix_actors_parent_id", "parent_id"),
        sa.Index("ix_actors_parent_name", "parent_name"),
        sa.Index("ix_actors_name", "name"),
    )
    sa.Table(
        "reports",
        meta,
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column(
            "article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("gtd_attack_type", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("realis", sa.String(16), nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("date_inferred", sa.Boolean),
        sa.Column("place_id", sa.String(200), sa.ForeignKey("places.id")),
        sa.Column("place", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("country_code", sa.String(2)),
        sa.Column("country", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("place_precision", sa.String(16)),
        *_count_columns(),
        sa.Column("claimed", sa.Boolean),
        sa.Column("claimed_by", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("data", JSONText, nullable=False),
        sa.UniqueConstraint("article_id", "ordinal", name="uq_reports_article_ordinal"),
        sa.Index("ix_reports_date_start", "date_start"),
        sa.Index("ix_reports_country_code", "country_code"),
        sa.Index("ix_reports_event_type", "event_type"),
        sa.Index("ix_reports_place_id", "place_id"),
    )
    sa.Table(
        "evidence",
        meta,
        sa.Column(
            "report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("field", sa.String(64), primary_key=True),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
        sa.Column("phrase", sa.Text, nullable=False),
        sa.Column("phrase_start", sa.Integer),
        sa.Column("phrase_end", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    sa.Table(
        "report_actors",
        meta,
        sa.Column(
            "report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("role", sa.String(16), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("actor_id", sa.String(200), sa.ForeignKey("actors.id"), nullable=False),
        sa.Column("matched", sa.Text, nullable=False),
        sa.Column("attribution", sa.String(16)),
        sa.CheckConstraint("role IN ('perpetrator', 'target')", name="ck_report_actors_role"),
        sa.Index("ix_report_actors_actor_role", "actor_id", "role"),
    )
    meta.create_all(conn)


def _v2_incidents(conn: Connection) -> None:
    """Incidents (deduplicated events) and the link from each report to its incident."""
    meta = sa.MetaData()
    sa.Table("places", meta, sa.Column("id", sa.String(200), primary_key=True))  # exists since version 1
    incidents = sa.Table(
        "incidents",
        meta,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("gtd_attack_type", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("realis", sa.String(16), nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("date_inferred", sa.Boolean),
        sa.Column("place_id", sa.String(200), sa.ForeignKey("places.id")),
        sa.Column("place", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("country_code", sa.String(2)),
        sa.Column("country", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("place_precision", sa.String(16)),
        *_count_columns(),
        sa.Column("claimed", sa.Boolean),
        sa.Column("claimed_by", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("first_reported", sa.Date),
        sa.Column("last_reported", sa.Date),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("data", JSONText, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Index("ix_incidents_date_start", "date_start"),
        sa.Index("ix_incidents_date_end", "date_end"),
        sa.Index("ix_incidents_country_code", "country_code"),
        sa.Index("ix_incidents_event_type", "event_type"),
        sa.Index("ix_incidents_killed_best", "killed_best"),
        sa.Index("ix_incidents_realis", "realis"),
    )
    incidents.create(conn)
    column_type = sa.String(64).compile(dialect=conn.dialect)
    conn.exec_driver_sql(
        f"ALTER TABLE reports ADD COLUMN incident_id {column_type} "
        "REFERENCES incidents (id) ON DELETE SET NULL"
    )
    conn.exec_driver_sql("CREATE INDEX ix_reports_incident_id ON reports (incident_id)")


def _v3_incremental_dedup(conn: Connection) -> None:
    """What incremental deduplication keeps between runs: each report's blocking keys, the links
    that made each incident, analysts' merge and split decisions with the report pairs they
    pin, and the incidents waiting to be regrouped."""
    meta = sa.MetaData()
    sa.Table("reports", meta, sa.Column("id", sa.String(32), primary_key=True))  # exists since version 1
    sa.Table(
        "report_keys",
        meta,
        sa.Column(
            "report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("relation", sa.SmallInteger, nullable=False),
        sa.Index("ix_report_keys_key_relation", "key", "relation"),
    )
    sa.Table(
        "report_links",
        meta,
        sa.Column("a", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("b", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("signals", JSONText, nullable=False),
        sa.Index("ix_report_links_b", "b"),
    )
    sa.Table(
        "decisions",
        meta,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("incident_ids", JSONText, nullable=False),
        sa.Column("report_id", sa.String(32)),
        sa.Column("note", sa.Text),
        sa.Column("decided_by", sa.Text, nullable=False),
        sa.Column("decided_at", UTCDateTime, nullable=False),
        sa.CheckConstraint("action IN ('merge', 'split')", name="ck_decisions_action"),
    )
    sa.Table(
        "decision_pairs",
        meta,
        sa.Column("decision_id", sa.Integer, sa.ForeignKey("decisions.id"), primary_key=True),
        sa.Column("a", sa.String(32), primary_key=True),
        sa.Column("b", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.CheckConstraint("kind IN ('must_link', 'cannot_link')", name="ck_decision_pairs_kind"),
        sa.Index("ix_decision_pairs_a", "a"),
        sa.Index("ix_decision_pairs_b", "b"),
    )
    stale = sa.Table("stale_incidents", meta, sa.Column("incident_id", sa.String(64), primary_key=True))
    meta.create_all(conn, tables=[t for name, t in meta.tables.items() if name != "reports"])
    # Incidents grouped before this version have no stored keys or links: the next regroup
    # takes all of them up again, which stores both.
    incidents = sa.table("incidents", sa.column("id"))
    conn.execute(stale.insert().from_select(["incident_id"], sa.select(incidents.c.id)))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, reports, evidence, actors and places", _v1_extraction_record),
    Migration(2, "incidents, and reports.incident_id linking each report to its incident", _v2_incidents),
    Migration(
        3,
        "report blocking keys, incident links, analyst decisions and the regroup queue",
        _v3_incremental_dedup,
    ),
)

#: The schema version this sitrep writes.
LATEST_VERSION: int = MIGRATIONS[-1].version


def schema_version(conn: Connection) -> int:
    """The store's recorded schema version; 0 for an empty database."""
    if not sa.inspect(conn).has_table(VERSION_TABLE.name):
        return 0
    version = conn.execute(sa.select(sa.func.max(VERSION_TABLE.c.version))).scalar_one()
    return int(version or 0)


def check_not_newer(version: int) -> None:
    """Raise StoreError when the store was written by a newer sitrep than this one."""
    if version > LATEST_VERSION:
        raise StoreError(
            f"the store is at schema version {version}, newer than this sitrep knows "
            f"(up to {LATEST_VERSION})",
            hint="upgrade sitrep (`pip install -U sitrep`) to open this store",
        )


def migrate(engine: Engine, *, target: int | None = None) -> list[int]:
    """Apply the missing migrations up to ``target`` (default: the latest); return the versions applied.

    Each migration runs in its own write transaction, in which the current version is
    read again, so two processes opening a new store at once apply each step once.
    Raises StoreError for a store newer than this code or an unknown target.
    """
    goal = LATEST_VERSION if target is None else target
    if not 0 <= goal <= LATEST_VERSION:
        raise StoreError(f"no schema version {goal}: this sitrep knows versions 1 to {LATEST_VERSION}")
    with engine.connect() as conn:
        current = schema_version(conn)
    check_not_newer(current)
    if current >= goal:
        return []  # the common case: no write lock taken
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version > goal:
            break
        with write_transaction(engine) as conn:
            if conn.dialect.name == "postgresql":
                # Serialise concurrent migrators; released at the end of the transaction.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7242880)"))
            VERSION_TABLE.create(conn, checkfirst=True)
            current = schema_version(conn)
            check_not_newer(current)
            if current >= migration.version:
                continue
            if current != migration.version - 1:
                raise StoreError(
                    f"the store's schema history is broken: at version {current}, "
                    f"cannot apply migration {migration.version}"
                )
            migration.apply(conn)
            conn.execute(
                VERSION_TABLE.insert().values(
                    version=migration.version, description=migration.description, applied_at=utcnow()
                )
            )
            applied.append(migration.version)
    return applied
