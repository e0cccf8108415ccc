"""Where the store lives and how to connect to it: URLs, SQLite settings, database errors.

A path becomes a SQLite file; a URL (``sqlite:///...``, ``postgresql+psycopg://...``)
is used as is. SQLite connections run in WAL mode (readers never wait for the
writer) with foreign keys on and a busy timeout; sitrep opens its own
transactions there (``BEGIN`` to read, ``BEGIN IMMEDIATE`` to write) so DDL is
transactional and a second writer waits at the start of its transaction instead of
failing half-way through it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from sitrep.errors import StoreError, StoreLocked

#: Seconds a SQLite connection waits for another process's write lock before StoreLocked.
DEFAULT_BUSY_TIMEOUT = 10.0

#: Execution option marking a connection whose transactions write (BEGIN IMMEDIATE on SQLite).
WRITE_OPTION = "sitrep_write"

_LOCK_MESSAGES = ("database is locked", "database table is locked", "database is busy")
_PG_LOCK_STATES = frozenset({"55P03", "40P01"})  # lock_not_available, deadlock_detected


def default_location() -> str:
    """``$SITREP_DB`` if set, else ``sitrep.db`` in the user's data folder (~/.local/share/sitrep)."""
    configured = os.environ.get("SITREP_DB")
    if configured:
        return configured
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return str(Path(base) / "sitrep" / "sitrep.db")


def resolve_url(url_or_path: str | Path | None) -> sa.URL:
    """The SQLAlchemy URL for a path, a URL string or None (the default location)."""
    location = default_location() if url_or_path is None else url_or_path
    if isinstance(location, str) and "://" in location:
        try:
            return sa.make_url(location)
        except sa.exc.ArgumentError as exc:
            raise StoreError(f"not a database URL: {location!r}") from exc
    path = Path(location).expanduser()
    return sa.URL.create("sqlite", database=str(path.resolve()))


def sqlite_file(url: sa.URL) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database, a URI filename or another backend."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:") or url.query.get("uri"):
        return None
    return Path(database)


def create_store_engine(url: sa.URL, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Engine:
    """An engine for ``url``, configured for the store (SQLite: WAL, foreign keys, busy timeout).

    Raises StoreError naming the extra to install when the database driver is missing.
    """
    try:
        if url.get_backend_name() == "sqlite":
            engine = sa.create_engine(url, connect_args={"timeout": busy_timeout})
            _configure_sqlite(engine, busy_timeout)
        else:
            engine = sa.create_engine(url, pool_pre_ping=True)
    except (ImportError, sa.exc.NoSuchModuleError) as exc:
        raise StoreError(
            f"no database driver for {url.render_as_string(hide_password=True)}: {exc}",
            hint="for PostgreSQL install the extra: pip install 'sitrep[postgres]'",
        ) from exc
    return engine


def _configure_sqlite(engine: Engine, busy_timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Autocommit at the driver level; transactions are begun in _on_begin below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if mode not in ("wal", "memory"):
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a crash loses no committed data
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside a write transaction: committed on success, rolled back on any error."""
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        yield conn


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside a read transaction (one consistent snapshot for several queries)."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def database_errors(action: str) -> Iterator[None]:
    """Turn the driver's errors into StoreLocked (another writer holds the lock) or StoreError."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        if _is_lock_error(exc):
            raise StoreLocked(
                f"could not {action}: the store is locked by another process",
                hint="wait for the other sitrep command to finish, then retry",
            ) from exc
        raise StoreError(f"could not {action}: {exc.orig}") from exc


def _is_lock_error(exc: sa.exc.DBAPIError) -> bool:
    state = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    if state in _PG_LOCK_STATES:
        return True
    message = str(exc.orig).lower()
    return any(text in message for text in _LOCK_MESSAGES)
