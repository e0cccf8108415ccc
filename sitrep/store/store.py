"""The Store: articles, reports and incidents in SQLite (default) or PostgreSQL (by URL)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sitrep.errors import NotFound, StoreError
from sitrep.model import Article, Report
from sitrep.store import grouping, schema, writing
from sitrep.store.codec import report_from_dict
from sitrep.store.connection import (
    DEFAULT_BUSY_TIMEOUT,
    create_store_engine,
    database_errors,
    read_transaction,
    resolve_url,
    sqlite_file,
    write_transaction,
)
from sitrep.store.migrations import LATEST_VERSION, check_not_newer, migrate, schema_version
from sitrep.store.query import incident_query
from sitrep.store.records import (
    ArticleSummary,
    Constraints,
    Decision,
    IncidentFilter,
    IncidentLink,
    IncidentRecord,
    SaveResult,
    StoredReport,
)

_art = schema.articles
_rep = schema.reports
_inc = schema.incidents

#: Article columns shown next to each report.
_SUMMARY_COLUMNS = (_art.c.title, _art.c.url, _art.c.published, _art.c.outlet)


def open_store(
    url_or_path: str | Path | None = None,
    *,
    create: bool = True,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
) -> Store:
    """Open (and bring up to date) the store at a path or database URL.

    A path means a SQLite file (parent folders are created); a URL such as
    ``sqlite:///incidents.db`` or ``postgresql+psycopg://user@host/sitrep`` is used as
    is; None means ``$SITREP_DB``, else ``~/.local/share/sitrep/sitrep.db``. Missing
    migrations are applied. With ``create=False`` the store must already exist.
    ``busy_timeout`` is how many seconds to wait for another writer (SQLite).

    Raises StoreError (store newer than this sitrep, missing driver, unreadable file,
    no store with ``create=False``) or StoreLocked.
    """
    url = resolve_url(url_or_path)
    path = sqlite_file(url)
    if path is not None:
        if not create and not path.exists():
            raise StoreError(
                f"no store at {path}", hint="run `sitrep ingest` to create one, or check the path"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store at {path}: {exc}") from exc
    engine = create_store_engine(url, busy_timeout=busy_timeout)
    try:
        with database_errors("open the store"):
            if not create:
                with engine.connect() as conn:
                    if schema_version(conn) == 0:
                        raise StoreError(
                            f"no sitrep store at {url.render_as_string(hide_password=True)}",
                            hint="run `sitrep ingest` to create one, or check the URL",
                        )
            migrate(engine)
        return Store(engine)
    except BaseException:
        engine.dispose()
        raise


class Store:
    """Articles, their reports and evidence, and the incidents deduplication makes of them.

    Build one with :func:`open_store`; the constructor takes an engine whose
    database is already at the latest schema version. Safe to share between threads
    (each call takes its own pooled connection); close it, or use it as a context manager.
    """

    def __init__(self, engine: Engine) -> None:
        with database_errors("open the store"), engine.connect() as conn:
            version = schema_version(conn)
        check_not_newer(version)
        if version < LATEST_VERSION:
            raise StoreError(
                f"the store is at schema version {version}, not {LATEST_VERSION}",
                hint="open it with sitrep.store.open_store, which applies the missing migrations",
            )
        self._engine = engine

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for ad-hoc queries on the tables in :mod:`sitrep.store.schema`)."""
        return self._engine

    def close(self) -> None:
        """Release the store's connections."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self._engine.url.render_as_string(hide_password=True)!r})"

    # -- articles and reports ---------------------------------------------------------

    def has_article(self, article_id: str, *, extraction_version: str | None = None) -> bool:
        """True when the article (id = ``Article.content_hash``) is stored; with
        ``extraction_version``, only when its reports come from that version."""
        stored = self.extraction_version(article_id)
        return stored is not None and extraction_version in (None, stored)

    def extraction_version(self, article_id: str) -> str | None:
        """The extraction version of the stored article's reports; None when it is not stored.

        Lets a pipeline skip articles already extracted by the current version.
        """
        with database_errors("read the store"), self._engine.connect() as conn:
            query = sa.select(_art.c.extraction_version).where(_art.c.id == article_id)
            return conn.execute(query).scalar_one_or_none()

    def save_article(
        self, article: Article, reports: Sequence[Report], *, extraction_version: str
    ) -> SaveResult:
        """Store an article and the reports extracted from it, in one transaction.

        Saving the same article (same content hash) from the same extraction version
        again changes nothing. From another version, its reports are replaced (a
        report whose id survives keeps its incident). Either everything is written or,
        on any error, nothing is.
        """
        if not extraction_version:
            raise ValueError("extraction_version must name the extraction that produced the reports")
        article_id = article.content_hash
        with database_errors("save the article"), write_transaction(self._engine) as conn:
            return writing.save_article(conn, article, article_id, tuple(reports), extraction_version)

    def reports(
        self,
        *,
        article_id: str | None = None,
        incident_id: str | None = None,
        ids: Collection[str] | None = None,
        incident_ids: Collection[str] | None = None,
    ) -> list[StoredReport]:
        """Stored reports, rebuilt as Report values, with their article's title, URL, date and outlet.

        Narrowed to one article, one incident, the reports with these ``ids`` and/or
        the reports of these ``incident_ids``; ordered by article date, then article,
        then position in the article.
        """
        if ids is not None or incident_ids is not None:
            return self._reports_among(article_id, incident_id, ids, incident_ids)
        query = sa.select(
            _rep.c.id, _rep.c.article_id, _rep.c.ordinal, _rep.c.incident_id, _rep.c.data, *_SUMMARY_COLUMNS
        )
        query = query.join(_art, _art.c.id == _rep.c.article_id)
        if article_id is not None:
            query = query.where(_rep.c.article_id == article_id)
        if incident_id is not None:
            query = query.where(_rep.c.incident_id == incident_id)
        query = query.order_by(_art.c.published.nulls_last(), _rep.c.article_id, _rep.c.ordinal)
        with database_errors("read reports"), self._engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [_stored_report(row) for row in rows]

    def _reports_among(
        self,
        article_id: str | None,
        incident_id: str | None,
        ids: Collection[str] | None,
        incident_ids: Collection[str] | None,
    ) -> list[StoredReport]:
        """``reports()`` narrowed to id lists, read in chunks in one transaction."""
        column, wanted = (_rep.c.id, ids) if ids is not None else (_rep.c.incident_id, incident_ids)
        assert wanted is not None
        query = sa.select(
            _rep.c.id, _rep.c.article_id, _rep.c.ordinal, _rep.c.incident_id, _rep.c.data, *_SUMMARY_COLUMNS
        ).join(_art, _art.c.id == _rep.c.article_id)
        if article_id is not None:
            query = query.where(_rep.c.article_id == article_id)
        if incident_id is not None:
            query = query.where(_rep.c.incident_id == incident_id)
        if ids is not None and incident_ids is not None:
            query = query.where(_rep.c.incident_id.in_(sorted(incident_ids)))
        rows: list[sa.RowMapping] = []
        with database_errors("read reports"), read_transaction(self._engine) as conn:
            for chunk in writing.chunks(sorted(set(wanted))):
                rows.extend(conn.execute(query.where(column.in_(chunk))).mappings())
        found = [_stored_report(row) for row in rows]
        found.sort(key=_reading_order)
        return found

    def article(self, article_id: str) -> dict[str, Any]:
        """The stored article (JSON-ready) with its reports; NotFound if absent."""
        with database_errors("read the article"), read_transaction(self._engine) as conn:
            row = conn.execute(sa.select(_art).where(_art.c.id == article_id)).mappings().first()
            if row is None:
                raise NotFound(f"no article {article_id!r} in the store")
            report_rows = conn.execute(
                sa.select(_rep.c.id, _rep.c.ordinal, _rep.c.incident_id, _rep.c.data)
                .where(_rep.c.article_id == article_id)
                .order_by(_rep.c.ordinal)
            ).mappings()
            reports = [
                {"id": r["id"], "ordinal": r["ordinal"], "incident_id": r["incident_id"], "report": r["data"]}
                for r in report_rows
            ]
        return {**_plain(row), "reports": reports}

    # -- incidents ----------------------------------------------------------------------

    def set_incidents(
        self,
        incidents: Iterable[IncidentRecord],
        *,
        links: Iterable[IncidentLink] | None = None,
        expected: Mapping[str, str | None] | None = None,
    ) -> bool:
        """Write incidents and point their reports at them, in one transaction; return True
        when written.

        The caller (deduplication) decides the grouping. A report listed here leaves
        any incident it belonged to before; an incident left without reports is
        deleted; report and source counts and first/last reported dates are
        recomputed for every incident touched, and the touched incidents leave the
        regroup queue. With ``links``, the stored links touching any report listed
        here are replaced by these (each must join two reports of one incident).

        ``expected`` (report id -> its incident, or None, when the caller read it)
        guards against another process regrouping the same reports meanwhile: if any
        of those reports has moved, or another report has joined one of those
        incidents, nothing is written and the call returns False.

        Raises NotFound for an unknown report id and ValueError when a report is
        given to two incidents or a link crosses incidents.
        """
        records = list(incidents)
        writing.check_incident_records(records)  # before taking the write lock
        links = None if links is None else list(links)
        if links:
            owner = {rid: record.id for record in records for rid in record.report_ids}
            pairs = [(link.a, link.b) for link in links]
            if len(set(pairs)) != len(pairs):
                raise ValueError("a pair of reports is given two links")
            for link in links:
                if owner.get(link.a) is None or owner.get(link.a) != owner.get(link.b):
                    raise ValueError(f"link {link.a}-{link.b} does not join two reports of one incident given here")
        if not records:
            return True
        with database_errors("write incidents"), write_transaction(self._engine) as conn:
            if expected is not None and not grouping.unchanged(conn, expected):
                return False
            touched = writing.set_incidents(conn, records)
            if links is not None:
                grouping.replace_links(
                    conn, sorted(rid for record in records for rid in record.report_ids), links
                )
            grouping.clear_stale(conn, touched)
        return True

    # -- incremental deduplication -------------------------------------------------------

    def pending_report_ids(self) -> list[str]:
        """Reports deduplication must look at: those in no incident (new, or saved by a run
        that stopped before it regrouped) and those of incidents queued as stale (an
        article re-extracted, an analyst's decision, a store upgraded); sorted."""
        with database_errors("read the store"), read_transaction(self._engine) as conn:
            return grouping.pending_report_ids(conn)

    def set_block_keys(self, keys: Mapping[str, Mapping[str, int]]) -> None:
        """Store the blocking keys of reports (report id -> key -> how the report stands
        to the key, a small code deduplication defines), replacing those stored for them."""
        if not keys:
            return
        with database_errors("write blocking keys"), write_transaction(self._engine) as conn:
            grouping.set_block_keys(conn, keys)

    def reports_sharing_keys(self, wanted: Mapping[str, Collection[int]]) -> set[str]:
        """Ids of the stored reports holding one of these keys in one of the relations listed for it."""
        with database_errors("read blocking keys"), self._engine.connect() as conn:
            return grouping.reports_sharing_keys(conn, wanted)

    def incident_members(self, report_ids: Collection[str]) -> set[str]:
        """``report_ids`` with every report sharing an incident with one of them."""
        with database_errors("read the store"), read_transaction(self._engine) as conn:
            return grouping.incident_members(conn, report_ids)

    def existing_incident_ids(self, incident_ids: Collection[str]) -> set[str]:
        """Which of these incident ids are stored."""
        with database_errors("read the store"), self._engine.connect() as conn:
            return grouping.existing_incident_ids(conn, incident_ids)

    def links(self, incident_id: str) -> list[IncidentLink]:
        """The links (pair, score, signals) between the reports of one incident."""
        with database_errors("read links"), self._engine.connect() as conn:
            return grouping.incident_links(conn, incident_id)

    def constraints(self, report_ids: Collection[str]) -> Constraints:
        """The report pairs analysts' decisions pin that touch any of ``report_ids``."""
        with database_errors("read decisions"), read_transaction(self._engine) as conn:
            return grouping.constraints(conn, report_ids)

    def merge_incidents(
        self, first: str, second: str, *, decided_by: str, note: str | None = None
    ) -> Decision:
        """Record an analyst's decision that two incidents are one, and queue both for regrouping.

        The decision pins their reports together for every later regroup (run
        :func:`sitrep.dedupe.regroup` to apply it). NotFound for an unknown incident,
        StoreError for the same incident twice.
        """
        with database_errors("record the decision"), write_transaction(self._engine) as conn:
            return grouping.merge_decision(conn, first, second, note=note, decided_by=decided_by)

    def split_report(
        self, incident_id: str, report_id: str, *, decided_by: str, note: str | None = None
    ) -> Decision:
        """Record an analyst's decision that a report is not the incident it is in, and queue it.

        The decision keeps the report apart from the incident's other reports in every
        later regroup. NotFound for an unknown incident or a report not in it,
        StoreError when the report is the incident's only one.
        """
        with database_errors("record the decision"), write_transaction(self._engine) as conn:
            return grouping.split_decision(conn, incident_id, report_id, note=note, decided_by=decided_by)

    def decisions(self, *, incident_id: str | None = None) -> list[Decision]:
        """Recorded decisions, oldest first: all, or those about the reports of one incident."""
        with database_errors("read decisions"), read_transaction(self._engine) as conn:
            if incident_id is None:
                return grouping.all_decisions(conn)
            members = set(conn.execute(sa.select(_rep.c.id).where(_rep.c.incident_id == incident_id)).scalars())
            return grouping.decisions_about(conn, members)

    def incidents(self, flt: IncidentFilter | None = None) -> list[dict[str, Any]]:
        """Reconciled incidents matching the filter, as JSON-ready dicts.

        Each has the flat columns (id, event_type, ..., date_start, country_code,
        killed_best, ..., first_reported, last_reported, n_reports, n_sources,
        updated_at) and ``data``, the reconciled incident as deduplication wrote it.
        """
        flt = flt or IncidentFilter()
        if flt.actor_ids is not None and not flt.actor_ids:
            return []
        with database_errors("query incidents"), self._engine.connect() as conn:
            rows = conn.execute(incident_query(flt)).mappings().all()
        return [_plain(row) for row in rows]

    def incident(self, incident_id: str) -> dict[str, Any]:
        """One incident with its reports (each with its evidence) and articles; NotFound if absent.

        ``reports`` items: id, article_id, ordinal, report (``Report.to_dict()``);
        ``articles`` items: id, title, url, published, outlet, author, language;
        ``links`` items (why its reports were merged): a, b, score, signals
        (``[name, value]`` pairs); ``decisions``: the analysts' merges and splits
        about its reports (:meth:`Decision.to_dict`).
        """
        with database_errors("read the incident"), read_transaction(self._engine) as conn:
            row = conn.execute(sa.select(_inc).where(_inc.c.id == incident_id)).mappings().first()
            if row is None:
                raise NotFound(f"no incident {incident_id!r} in the store")
            links = grouping.incident_links(conn, incident_id)
            rows = (
                conn.execute(
                    sa.select(
                        _rep.c.id,
                        _rep.c.article_id,
                        _rep.c.ordinal,
                        _rep.c.data,
                        *_SUMMARY_COLUMNS,
                        _art.c.author,
                        _art.c.language,
                    )
                    .join(_art, _art.c.id == _rep.c.article_id)
                    .where(_rep.c.incident_id == incident_id)
                    .order_by(_art.c.published.nulls_last(), _rep.c.article_id, _rep.c.ordinal)
                )
                .mappings()
                .all()
            )
            decisions = grouping.decisions_about(conn, [r["id"] for r in rows])
        reports = [
            {"id": r["id"], "article_id": r["article_id"], "ordinal": r["ordinal"], "report": r["data"]}
            for r in rows
        ]
        articles: dict[str, dict[str, Any]] = {}
        for r in rows:
            articles.setdefault(
                r["article_id"],
                {
                    "id": r["article_id"],
                    "title": r["title"],
                    "url": r["url"],
                    "published": _iso(r["published"]),
                    "outlet": r["outlet"],
                    "author": r["author"],
                    "language": r["language"],
                },
            )
        return {
            **_plain(row),
            "reports": reports,
            "articles": list(articles.values()),
            "links": [
                {"a": link.a, "b": link.b, "score": link.score, "signals": [list(x) for x in link.signals]}
                for link in links
            ],
            "decisions": [decision.to_dict() for decision in decisions],
        }

    def stats(self) -> dict[str, int]:
        """How many articles, reports and incidents are stored, and the schema version."""
        counts = {
            name: sa.select(sa.func.count()).select_from(table).scalar_subquery()
            for name, table in (("articles", _art), ("reports", _rep), ("incidents", _inc))
        }
        query = sa.select(*(value.label(name) for name, value in counts.items()))
        with database_errors("read the store"), self._engine.connect() as conn:
            row = conn.execute(query).mappings().one()
            version = schema_version(conn)
        return {**{name: int(row[name]) for name in counts}, "schema_version": version}


# -- reading ----------------------------------------------------------------------------


def _stored_report(row: sa.RowMapping) -> StoredReport:
    return StoredReport(
        id=row["id"],
        article_id=row["article_id"],
        ordinal=row["ordinal"],
        incident_id=row["incident_id"],
        report=report_from_dict(row["data"]),
        article=ArticleSummary(
            id=row["article_id"],
            title=row["title"],
            url=row["url"],
            published=writing.as_date(row["published"]),
            outlet=row["outlet"],
        ),
    )


def _reading_order(stored: StoredReport) -> tuple[bool, date, str, int]:
    """Article date (undated last), then article, then position: the order ``reports()`` returns."""
    published = stored.article.published
    return (published is None, published or date.min, stored.article_id, stored.ordinal)


def _plain(row: sa.RowMapping) -> dict[str, Any]:
    """A row as a JSON-ready dict (dates and times as ISO 8601 strings)."""
    return {key: _iso(value) for key, value in row.items()}


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value
