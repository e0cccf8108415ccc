"""Column types that behave the same on SQLite and PostgreSQL.

* :class:`JSONText` keeps JSON as plain ``TEXT`` on SQLite (readable in Datasette and
  the ``sqlite3`` shell, and immune to SQLite's type affinity) and as ``JSONB`` on
  PostgreSQL, where it can be indexed and queried.
* :class:`UTCDateTime` stores timestamps in UTC and always hands back aware values,
  where SQLite would otherwise return naive ones.

Dates (``published``, ``date_start``...) use SQLAlchemy's ``Date``: ISO ``YYYY-MM-DD``
text on SQLite, which sorts and compares chronologically, and ``DATE`` on PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine


class JSONText(sa.types.TypeDecorator[Any]):
    """A JSON value: compact UTF-8 text on SQLite and other databases, JSONB on PostgreSQL."""

    impl = sa.Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.JSONB())
        return dialect.type_descriptor(sa.Text())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or dialect.name == "postgresql":
            return value
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None or dialect.name == "postgresql":
            return value
        return json.loads(value)


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A point in time, stored in UTC; naive values are taken to be UTC already."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        # SQLite has no time zones: store the UTC wall-clock time.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time in UTC (the value every ``*_at`` column is written with)."""
    return datetime.now(UTC)
