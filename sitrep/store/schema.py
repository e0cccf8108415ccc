"""The store's tables as they are after the latest migration, for building queries.

This module describes the schema; :mod:`sitrep.store.migrations` creates it. The
two are kept in step by a test that migrates an empty database and compares it
with these tables.

Overview (one row per...):

* ``articles``: cleaned article (id = ``Article.content_hash``) with the
  extraction version that produced its reports;
* ``reports``: one account of one incident in one article, with the flat columns
  filters use and ``data`` (the full ``Report.to_dict()``); ``incident_id`` points
  at its incident once deduplication has run;
* ``evidence``: the sentence (and phrase) behind one field of one report;
* ``actors`` and ``report_actors``: perpetrators and targets named by reports;
* ``places``: distinct resolved places (key: GeoNames id, else a slug);
* ``incidents``: deduplicated events with reconciled flat columns and ``data``;
* ``report_keys``: the blocking keys of a report, each with how the report stands
  to it (a small code deduplication defines; deduplication compares a new report
  only with the stored reports that share a key with it in a relation that pairs);
* ``report_links``: a pair of reports deduplication linked, with its score and
  signals (why an incident's reports were merged);
* ``decisions`` and ``decision_pairs``: an analyst's merge or split (who, when,
  why) and the report pairs it pins together (``must_link``) or apart
  (``cannot_link``) for every later run (on a pair, the latest decision holds);
* ``stale_incidents``: incidents whose reports must be grouped again (an article
  re-extracted, a decision recorded, a store upgraded).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from sitrep.model import COUNT_CATEGORIES
from sitrep.store.migrations import VERSION_TABLE
from sitrep.store.types import JSONText, UTCDateTime

metadata = sa.MetaData()

#: ``{category}_{bound}`` for every count category and bound: killed_min, killed_max, killed_best...
COUNT_COLUMNS: tuple[str, ...] = tuple(
    f"{category}_{bound}" for category in COUNT_CATEGORIES for bound in ("min", "max", "best")
)

schema_migrations = VERSION_TABLE.to_metadata(metadata)


def _flat_columns() -> list[sa.Column[Any]]:
    """The columns reports and incidents share: kind, status, realis, date, place, counts, claim."""
    return [
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
        *(sa.Column(name, sa.Integer) for name in COUNT_COLUMNS),
        sa.Column("claimed", sa.Boolean),
        sa.Column("claimed_by", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
    ]


articles = sa.Table(
    "articles",
    metadata,
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

places = sa.Table(
    "places",
    metadata,
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

actors = sa.Table(
    "actors",
    metadata,
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

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    *_flat_columns(),
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

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("incident_id", sa.String(64), sa.ForeignKey("incidents.id", ondelete="SET NULL")),
    sa.Column("trigger", sa.Text, nullable=False),
    *_flat_columns(),
    sa.Column("data", JSONText, nullable=False),
    sa.UniqueConstraint("article_id", "ordinal", name="uq_reports_article_ordinal"),
    sa.Index("ix_reports_incident_id", "incident_id"),
    sa.Index("ix_reports_date_start", "date_start"),
    sa.Index("ix_reports_country_code", "country_code"),
    sa.Index("ix_reports_event_type", "event_type"),
    sa.Index("ix_reports_place_id", "place_id"),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("field", sa.String(64), primary_key=True),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("sentence_end", sa.Integer, nullable=False),
    sa.Column("phrase", sa.Text, nullable=False),
    sa.Column("phrase_start", sa.Integer),
    sa.Column("phrase_end", sa.Integer),
    sa.Column("confidence", sa.Float, nullable=False),
)

report_actors = sa.Table(
    "report_actors",
    metadata,
    sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("role", sa.String(16), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("actor_id", sa.String(200), sa.ForeignKey("actors.id"), nullable=False),
    sa.Column("matched", sa.Text, nullable=False),
    sa.Column("attribution", sa.String(16)),
    sa.CheckConstraint("role IN ('perpetrator', 'target')", name="ck_report_actors_role"),
    sa.Index("ix_report_actors_actor_role", "actor_id", "role"),
)

report_keys = sa.Table(
    "report_keys",
    metadata,
    sa.Column("report_id", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("relation", sa.SmallInteger, nullable=False),
    sa.Index("ix_report_keys_key_relation", "key", "relation"),
)

report_links = sa.Table(
    "report_links",
    metadata,
    sa.Column("a", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("b", sa.String(32), sa.ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("signals", JSONText, nullable=False),
    sa.Index("ix_report_links_b", "b"),
)

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("incident_ids", JSONText, nullable=False),
    sa.Column("report_id", sa.String(32)),
    sa.Column("note", sa.Text),
    sa.Column("decided_by", sa.Text, nullable=False),
    sa.Column("decided_at", UTCDateTime, nullable=False),
    sa.CheckConstraint("action IN ('merge', 'split')", name="ck_decisions_action"),
)

decision_pairs = sa.Table(
    "decision_pairs",
    metadata,
    sa.Column("decision_id", sa.Integer, sa.ForeignKey("decisions.id"), primary_key=True),
    sa.Column("a", sa.String(32), primary_key=True),
    sa.Column("b", sa.String(32), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.CheckConstraint("kind IN ('must_link', 'cannot_link')", name="ck_decision_pairs_kind"),
    sa.Index("ix_decision_pairs_a", "a"),
    sa.Index("ix_decision_pairs_b", "b"),
)

stale_incidents = sa.Table(
    "stale_incidents",
    metadata,
    sa.Column("incident_id", sa.String(64), primary_key=True),
)

#: Column names shared by ``reports`` and ``incidents`` (written by the same flattening code).
FLAT_COLUMNS: tuple[str, ...] = tuple(column.name for column in _flat_columns())
