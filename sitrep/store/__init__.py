"""sitrep's store: articles, reports with their evidence, and deduplicated incidents.

SQLite by default (one file, which also opens in Datasette); PostgreSQL by URL.
The schema is created and upgraded by the numbered migrations in
:mod:`sitrep.store.migrations`.

    >>> from sitrep.store import IncidentFilter, open_store
    >>> with open_store("incidents.db") as store:                      # doctest: +SKIP
    ...     store.save_article(article, reports, extraction_version="0.1.0")
    ...     store.incidents(IncidentFilter(country="NG", min_killed=10))
"""

from sitrep.store.codec import article_from_row, report_from_dict, value_from_dict
from sitrep.store.connection import default_location
from sitrep.store.migrations import LATEST_VERSION, MIGRATIONS, Migration, migrate, schema_version
from sitrep.store.records import (
    ArticleSummary,
    Constraints,
    Decision,
    IncidentFilter,
    IncidentLink,
    IncidentRecord,
    SaveResult,
    StoredReport,
    incident_id_for,
)
from sitrep.store.store import Store, open_store

__all__ = [
    "LATEST_VERSION",
    "MIGRATIONS",
    "ArticleSummary",
    "Constraints",
    "Decision",
    "IncidentFilter",
    "IncidentLink",
    "IncidentRecord",
    "Migration",
    "SaveResult",
    "Store",
    "StoredReport",
    "article_from_row",
    "default_location",
    "incident_id_for",
    "migrate",
    "open_store",
    "report_from_dict",
    "schema_version",
    "value_from_dict",
]
