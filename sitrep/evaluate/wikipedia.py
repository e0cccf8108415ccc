"""``sitrep evaluate wikipedia``: sitrep's reports scored against Wikipedia's incident lists.

Each gold row (``wikipedia_incidents/incidents.csv``) is one incident of a Wikipedia "List of
terrorist incidents" table: its description (``details``, the text sitrep reads, with the
footnote markers such as ``[12]`` and editorial notes such as ``[citation needed]`` removed)
and the table's columns. The descriptions carry no publication date and none is invented:
the articles are built with ``published=None`` (the Wikipedia metrics score no dates, and the
table's date would hand the extractor a gold value).

**The incident of a row** is :func:`choose_report`: the first report whose realis is
``reported``, else the first report. A row with no report scores 0 on every metric it is
scored on: the product's record is the report, so nothing is credited without one.

**Metrics.** The issue's six, with the denominators it fixes, then the same fields the other
way ("score a field only where the text could support it, and report both ways"):

``killed_exact``, ``injured_exact``
    over rows whose ``dead`` (``injured``) is a plain integer; the others ("26 (+2)",
    "Unknown", "20+", empty) are excluded. A row's figure is its entry's total ("Two
    incidents: A car bomb ... killed 15 ... Elsewhere, two Iraqi soldiers were killed" is 17),
    so the predicted number is the sum over the row's reports whose realis is ``reported``
    (:func:`row_total`; the chosen report's alone when none is): each report's count is
    :func:`count_value` (best, else min, else max), and a report with no such count adds 0,
    as the issue asks. ``killed_first_exact`` and ``injured_first_exact`` give the chosen
    report's count alone. Wikipedia puts dead attackers in brackets ("3 (+1)"), so a plain
    number counts victims: the killed count's parts on the perpetrators' side ("the bomber
    also died") are taken off (:func:`victims_value`).
``country``
    over rows whose ``location`` names a country (a comma-separated part that the
    gazetteer's country table knows, historical names included, or that it reads as a whole
    country: "across Iraq", but not "Northern Ireland"); right when the report's
    ``country_code`` is one of the named countries.
``place``
    over rows whose gold place (the first part of ``location`` that is not a country, less a
    leading "near") appears in the text, ignoring case, accents and a type word ("Pulwama
    district" appears as "Pulwama"); right by :func:`same_place`.
``perpetrator``
    over rows whose gold perpetrator (without a bracketed "(suspected)") appears verbatim,
    ignoring case, in the text; right when the canonical name or an alias of one of the
    report's perpetrators is that name (:func:`names_actor`); a parent organisation is not
    its affiliate. A cell naming several ("ELN and FARC") is right for any of them that
    appears. "Unknown" and empty are no gold.
``kind``
    the gold type mapped by ``sitrep/data/evaluate/wikipedia_kinds.yaml`` (which explains
    why the GTD attack type is compared); rows with no type ("Unknown") are excluded.
``killed_split_exact``
    over the "N (+M)" rows: right when the victims are N and the perpetrators' part is M
    (each summed as above).
``country_text``
    ``country`` over the rows whose text names the country, a demonym of it or another part
    of the location (a lower bound of what the text supports: other towns are not counted).
``country_all``
    over every row whose location the gazetteer places in a country (named or resolved:
    "Hebron, West Bank" is PS).
``place_all``, ``perpetrator_all``
    over every row with a gold place (perpetrator), whether or not the text names it.
``kind_sub_event``
    over rows whose type fixes an ACLED sub-event type ("Suicide bombing": Suicide bomb).
``killed_first_exact``, ``injured_first_exact``
    ``killed_exact`` and ``injured_exact`` with the chosen report's count alone.

The helpers :func:`choose_report`, :func:`count_value`, :func:`appears`, :func:`names_actor`
and :func:`same_place` are shared with the ``gtd`` evaluator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from sitrep.errors import RegistryError
from sitrep.evaluate.core import EvalResult, extract_texts, read_csv, register
from sitrep.extract.lexicon import load_data
from sitrep.gazetteer.normalize import normalize_name, spelling_variants, split_type_word, strip_article
from sitrep.gazetteer.place import distance_km
from sitrep.model import ActorRef, Article, Count, CountPart, Kind, Location, Report

__all__ = [
    "METRICS",
    "KindGold",
    "KindMapping",
    "KindRule",
    "WikiRow",
    "WikipediaEvaluator",
    "actor_names",
    "appears",
    "choose_report",
    "clean_details",
    "count_value",
    "location_parts",
    "names_actor",
    "parse_plain_count",
    "parse_row",
    "parse_split_count",
    "perpetrators_value",
    "read_rows",
    "record",
    "placed_in",
    "same_place",
    "score_perpetrators",
    "row_total",
    "score_row",
    "show_location",
    "text_names_country",
    "victims_value",
]

KINDS_FILE = "evaluate/wikipedia_kinds.yaml"
GTD_FILE = "evaluate/gtd.yaml"
REQUIRED_COLUMNS: tuple[str, ...] = ("row_id", "type", "dead", "injured", "location", "details", "perpetrator")
#: Metric names in the order the table shows them: the issue's first.
METRICS: tuple[str, ...] = (
    "killed_exact", "injured_exact", "country", "place", "perpetrator", "kind",
    "killed_split_exact", "country_text", "country_all", "place_all", "perpetrator_all", "kind_sub_event",
    "killed_first_exact", "injured_first_exact",
)

_FOOTNOTE = re.compile(r"\[(?:\d+|[a-z]|note \d+|[^\]]*(?:needed|\?))\]", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
_PLAIN_INT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_SPLIT_COUNT = re.compile(r"(\d+)\s*\(\s*\+\s*(\d+)(?:\s+[a-z ]+)?\s*\)", re.IGNORECASE)
_BRACKETED = re.compile(r"\s*\([^)]*\)")
_TYPE_PARTS = re.compile(r"\s*(?:[,/\\;&+]|\band\b|\bthen\b|\bwith\b|\bfollowed by\b)\s*")
_LOCATION_PARTS = re.compile(r"\s*(?:[,;/\n]|\band\b|(?<=\w\w\w)\.\s)\s*")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
#: Words before a place in a location cell that are not part of its name ("Near Kfar Tapuach").
_PLACE_PREFIX = re.compile(r"^(?:across|near|outside|in)\s+", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}")
_NO_PERPETRATOR = frozenset({"", "unknown", "none", "n a", "unidentified", "unknown perpetrators"})
_PERPETRATOR_PARTS = re.compile(r"\s*(?:[,;/&]|\band\b)\s*")


# ---------------------------------------------------------------------------------------
# Scoring one incident per row (shared with the gtd evaluator)
# ---------------------------------------------------------------------------------------


def choose_report(reports: Sequence[Report]) -> Report | None:
    """The report that stands for a row describing one incident: the first whose realis is
    ``reported``, else the first; None when there is none."""
    for report in reports:
        if report.realis == "reported":
            return report
    return reports[0] if reports else None


def row_total(reports: Sequence[Report], chosen: Report | None, value: Callable[[Report], int]) -> int | None:
    """A row's figure as sitrep reads it: ``value`` summed over the reports told as news
    (realis ``reported``), the incidents the row's entry adds up; the chosen report's alone
    when none is; None with no report."""
    reported = [r for r in reports if r.realis == "reported"]
    if reported:
        return sum(value(r) for r in reported)
    return value(chosen) if chosen is not None else None


#: A bound the text states above a number: sitrep reads "more than 60" as at least 61, the list
#: (and the GTD) record 60 (see :mod:`sitrep.extract.numbers`).
_MORE_THAN = re.compile(r"\b(?:more than|over|above|in excess of|upwards of)\s+\S", re.IGNORECASE)


def count_value(count: Count | CountPart | None) -> int:
    """The number a count (or a part of one) predicts, as these lists record it: its best
    value, else its lower bound, else its upper bound; 0 for no count. A number stated as
    "more than N" or "over N" is N here, as the lists and the GTD code it (sitrep's ``min`` and
    ``best`` are N+1, the bound the words state)."""
    if count is None:
        return 0
    value = next((v for v in (count.best, count.min, count.max) if v is not None), None)
    if value is None:
        return 0
    phrases = getattr(count, "parts", None) or (count,)
    stated_above = sum(1 for p in phrases if p.min is not None and _MORE_THAN.search(p.text))
    return max(value - stated_above, 0)


def perpetrators_value(count: Count | None) -> int:
    """The dead attackers inside a killed count: its parts on the perpetrators' side."""
    return sum(count_value(part) for part in count.parts if part.side == "perpetrators") if count else 0


def victims_value(count: Count | None) -> int:
    """A killed count without its dead attackers ("killed 12 people; the bomber also died": 12)."""
    return max(count_value(count) - perpetrators_value(count), 0)


def appears(needle: str, text: str, *, fold: bool = False) -> bool:
    """Whether ``needle`` occurs in ``text`` as whole words, ignoring case (and accents and
    punctuation with ``fold``)."""
    if fold:
        needle, text = normalize_name(needle), normalize_name(_POSSESSIVE.sub("", text))
    else:
        needle, text = needle.strip().casefold(), text.casefold()
    if not needle:
        return False
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        start = text.find(needle, start + 1)
    return False


def _fold(name: str) -> str:
    key = normalize_name(name)
    return strip_article(key) or key


def actor_names(ref: ActorRef, registry: Any) -> frozenset[str]:
    """The folded names a predicted actor answers to: its name and the words matched, and the
    canonical name and every alias of its registry entry."""
    names = {_fold(ref.name), _fold(ref.matched)}
    actor = registry.lookup(ref.name) if ref.name else None
    if actor is None and ref.actor_id and ref.actor_id in registry:
        actor = registry.get(ref.actor_id)
    if actor is not None:
        names.add(_fold(actor.name))
        names.update(_fold(alias) for alias in actor.aliases)
    names.discard("")
    return frozenset(names)


def names_actor(gold: Iterable[str], perpetrators: Sequence[ActorRef], registry: Any) -> bool:
    """Whether one of ``perpetrators`` answers to one of the ``gold`` names."""
    wanted = {_fold(name) for name in gold} - {""}
    return any(wanted & actor_names(ref, registry) for ref in perpetrators)


def _place_keys(name: str) -> set[str]:
    """A place name folded, and without its type word ("Pulwama district": also "pulwama")."""
    key = _fold(_BRACKETED.sub("", name))
    keys = {key}
    split = split_type_word(key)
    if split is not None:
        keys.add(split[0])
    return keys - {""}


#: A place told as near another, or as the part of a larger one ("Russia's Stavropol region"),
#: is not inside it.
_NOT_INSIDE = re.compile(r"\b(?:near|outside|outskirts|close|km|kilometres|kilometers|miles|from|between)\b|'s\b")
#: How far from the gold place (as the gazetteer places it) a location inside it may lie.
_INSIDE_KM = 60.0


def placed_in(keys: set[str], location: Location, gazetteer: Any) -> bool:
    """Whether the phrase the location was read from places it inside one of ``keys`` (folded
    gold names): the name comes after the location's own name, not as "near" it ("Buni Yadi,
    Gujba Local Government Area", "the village of Naunde in the Macomia district"); the location
    is a town, a point or a district; and the gazetteer puts the gold place, in the same
    country, within 60 km of it (which a town of the same name elsewhere, a misread
    name, fails)."""
    if location.precision not in ("town", "point", "district") or location.lat is None or location.lon is None:
        return False
    text, name = _fold(location.text), _fold(location.name)
    at = text.find(name) if name else -1
    if at < 0:
        return False
    after = text[at + len(name) :]
    for key in keys:
        found = re.search(rf"(?<!\w){re.escape(key)}(?!\w)", after)
        if found is None or _NOT_INSIDE.search(after, 0, found.start()):
            continue
        for place in gazetteer.lookup(key, country_code=location.country_code, limit=5):
            if distance_km((place.lat, place.lon), (location.lat, location.lon)) <= _INSIDE_KM:
                return True
    return False


def same_place(gold: str, location: Location | None, gazetteer: Any, *, countries: Iterable[str] = ()) -> bool:
    """Whether a report's location is the gold place.

    Right when the names agree (ignoring case, accents, a leading article and a type word:
    "Diyala Governorate" is "Diyala"), or are spellings of one name as transliteration varies
    ("Panjwayi" and "Panjwai", "Haditha" and "Hadithah": :func:`spelling_variants`, the rule
    the gazetteer's own loose matches follow); when the location is a gazetteer entry that the
    gold name also names ("Bombay" is Mumbai), exactly or by such a spelling; or when the gold
    name is a province or district and the location lies in it (a town of Borno State is in
    "Borno State"), by the gazetteer or by the location's own phrase in the text ("Quiterajo in
    the Macomia district" is in "Macomia District": :func:`placed_in`). Nothing else counts: a
    district of the gold town, or a town near it, is another place.
    """
    if location is None:
        return False
    keys = _place_keys(gold)
    location_keys = _place_keys(location.name)
    if keys & location_keys or placed_in(keys, location, gazetteer):
        return True
    codes = [c for c in countries if c] or [None]
    same_country = codes == [None] or location.country_code in codes
    if same_country and any(spelling_variants(a, b) for a in keys for b in location_keys):
        return True  # "Charsadda" in Pakistan is not Chahar Sadah in Afghanistan
    for code in codes:
        entries = gazetteer.lookup(gold, country_code=code, limit=5)
        if not entries:
            split = split_type_word(normalize_name(gold))
            entries = gazetteer.lookup(split[0], country_code=code, limit=5) if split else []
        if any(_is_entry(location, p) for p in entries):
            return True
        if any(
            _is_entry(location, c.place) and (code is None or c.place.country_code == code)
            for c in gazetteer.loose_candidates(gold)
        ):
            return True  # "Baqouba" is Baqubah, spelled as the gazetteer spells it
        if entries and entries[0].kind in ("admin1", "district", "region") and location.admin1:
            area = entries[0].admin1 or entries[0].name
            if entries[0].kind == "admin1" and _place_keys(area) & _place_keys(location.admin1):
                return True
    return False


def _is_entry(location: Location, place: Any) -> bool:
    """Whether ``location`` was read as the gazetteer entry ``place``: by its GeoNames id, or, for
    an entry without one (the districts: "Dantewada" is the district Dakshin Bastar Dantewada; the
    regions: "Lake Chad" is the Lake Chad Basin, placed in one of its countries), by
    its name, country (one of a region's) and point."""
    if location.geonameid is not None:
        return place.geonameid == location.geonameid
    return (
        place.geonameid is None and place.name == location.name
        and (place.country_code == location.country_code or location.country_code in place.countries)
        and (place.lat, place.lon) == (location.lat, location.lon)
    )


# ---------------------------------------------------------------------------------------
# The type mapping
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KindRule:
    """One rule of ``wikipedia_kinds.yaml``: a gold type part matching ``match`` accepts these."""

    match: re.Pattern[str]
    gtd: frozenset[str]
    any_gtd: bool
    sub_event_type: str | None


@dataclass(frozen=True, slots=True)
class KindGold:
    """What a row's gold type accepts."""

    gtd: frozenset[str]
    any_gtd: bool
    sub_event_types: frozenset[str]

    def accepts(self, kind: Kind) -> bool:
        """Whether a report of this kind has the gold type (``kind`` metric)."""
        if kind.gtd_attack_type is not None and (self.any_gtd or kind.gtd_attack_type in self.gtd):
            return True
        return kind.sub_event_type in self.sub_event_types


class KindMapping:
    """The gold type -> sitrep kind rules of ``wikipedia_kinds.yaml``."""

    def __init__(self, rules: Sequence[KindRule], no_type: re.Pattern[str]) -> None:
        self.rules = tuple(rules)
        self.no_type = no_type

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "KindMapping":
        """The shipped mapping, validated against gtd.yaml's attack types and the sub-event
        types sitrep's kinds.yaml can produce."""
        gtd_types = frozenset(load_data(GTD_FILE).get("attack_types") or ())
        return cls.from_data(load_data(KINDS_FILE), gtd_types=gtd_types, sub_event_types=_sitrep_sub_event_types())

    @classmethod
    def from_data(
        cls, data: Mapping[str, Any], *, gtd_types: frozenset[str], sub_event_types: frozenset[str]
    ) -> "KindMapping":
        """A mapping from the parsed YAML; RegistryError when a rule is malformed, names a GTD
        type not in ``gtd_types`` or a sub-event type not in ``sub_event_types``."""
        unknown_keys = set(data) - {"no_type", "rules"}
        if unknown_keys:
            raise RegistryError(f"{KINDS_FILE}: unknown keys {sorted(unknown_keys)}")
        rules = []
        for item in data.get("rules") or ():
            if not isinstance(item, Mapping) or "match" not in item or "gtd" not in item:
                raise RegistryError(f"{KINDS_FILE}: a rule needs 'match' and 'gtd': {item!r}")
            name = item["match"]
            extra = set(item) - {"match", "gtd", "sub_event_type"}
            if extra:
                raise RegistryError(f"{KINDS_FILE}: rule {name!r} has unknown keys {sorted(extra)}")
            gtd = item["gtd"]
            any_gtd = gtd == "any"
            if not any_gtd and not isinstance(gtd, list):
                raise RegistryError(f"{KINDS_FILE}: rule {name!r}: gtd must be a list or 'any'")
            values = frozenset() if any_gtd else frozenset(gtd)
            if values - gtd_types:
                raise RegistryError(f"{KINDS_FILE}: rule {name!r}: not GTD attack types: {sorted(values - gtd_types)}")
            sub = item.get("sub_event_type")
            if sub is not None and sub not in sub_event_types:
                raise RegistryError(f"{KINDS_FILE}: rule {name!r}: sitrep has no sub-event type {sub!r}")
            if not any_gtd and not values and sub is None:
                raise RegistryError(f"{KINDS_FILE}: rule {name!r} accepts nothing")
            rules.append(KindRule(_compile(str(name)), values, any_gtd, sub))
        if not rules:
            raise RegistryError(f"{KINDS_FILE}: no rules")
        return cls(rules, _compile(str(data.get("no_type") or "^$")))

    def gold(self, value: str) -> KindGold | None:
        """What the gold type ``value`` accepts; None when it names no kind ("Unknown") or
        no rule covers it."""
        text = _BRACKETED.sub(" ", value.replace("\u00a0", " ").lower())
        gtd: set[str] = set()
        subs: set[str] = set()
        any_gtd = False
        found = False
        for part in _TYPE_PARTS.split(text):
            part = part.strip(" .-\t\n")
            if not part or self.no_type.search(part):
                continue
            rule = next((r for r in self.rules if r.match.search(part)), None)
            if rule is None:
                continue
            found = True
            gtd |= rule.gtd
            any_gtd = any_gtd or rule.any_gtd
            if rule.sub_event_type:
                subs.add(rule.sub_event_type)
        return KindGold(frozenset(gtd), any_gtd, frozenset(subs)) if found else None

    def names_no_type(self, value: str) -> bool:
        """Whether every part of the gold type says "no type" (as "Unknown" does)."""
        text = _BRACKETED.sub(" ", value.replace("\u00a0", " ").lower())
        parts = [p.strip(" .-\t\n") for p in _TYPE_PARTS.split(text)]
        return all(not p or self.no_type.search(p) for p in parts)


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RegistryError(f"{KINDS_FILE}: bad pattern {pattern!r}: {exc}") from exc


def _sitrep_sub_event_types() -> frozenset[str]:
    """Every ACLED sub-event type sitrep's kinds.yaml can give a report."""
    families = load_data("kinds.yaml").get("families") or {}
    out: set[str] = set()
    for item in families.values():
        if item.get("sub_event_type"):
            out.add(item["sub_event_type"])
        for key in ("civilian_target", "armed_target"):
            if key in item:
                out.add(item[key][1])
    out.add("Disrupted weapons use")  # a foiled incident of any family (sitrep.extract.kinds)
    return frozenset(out)


# ---------------------------------------------------------------------------------------
# Gold rows
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WikiRow:
    """A gold row read for scoring."""

    row_id: str
    text: str  # the description with footnote markers removed
    killed: int | None  # plain-integer gold only
    killed_split: tuple[int, int] | None  # "N (+M)": victims, attackers
    injured: int | None
    countries: frozenset[str]  # ISO codes of the countries the location names
    resolved_countries: frozenset[str]  # the above, else the gazetteer's reading of the location
    location_parts: tuple[str, ...]
    place: str | None  # the first part of the location that is not a country
    perpetrators: tuple[str, ...]  # gold names, "(suspected)" removed; () when unknown
    kind: KindGold | None
    kind_uncovered: bool  # a type the mapping does not cover (not "Unknown")


def clean_details(text: str) -> str:
    """The description without footnote markers ("[12]") or editorial notes ("[citation needed]")."""
    return _SPACES.sub(" ", _FOOTNOTE.sub("", text)).strip()


def parse_plain_count(value: str) -> int | None:
    """A plain integer ("12", "1,200"), else None ("3 (+1)", "20+", "Unknown", "")."""
    value = value.strip()
    return int(value.replace(",", "")) if _PLAIN_INT.fullmatch(value) else None


def parse_split_count(value: str) -> tuple[int, int] | None:
    """(victims, attackers) from "26 (+2)" or "1 (+1 attacker)", else None."""
    m = _SPLIT_COUNT.fullmatch(value.strip())
    return (int(m.group(1)), int(m.group(2))) if m else None


def location_parts(location: str) -> tuple[str, ...]:
    """The parts of a location cell: "Jamrud, Khyber Agency, Pakistan" -> three parts."""
    return tuple(p.strip(" .") for p in _LOCATION_PARTS.split(location.strip()) if p.strip(" ."))


def _country_of(part: str, gazetteer: Any) -> str | None:
    """The country a location part names: a country name ("West Germany"), or a phrase the
    gazetteer reads as a whole country ("across Iraq"), not a region of one ("Northern Ireland")."""
    place = gazetteer.country(part)
    if place is not None and place.country_code:
        return str(place.country_code)
    found = gazetteer.resolve(part)
    if found is not None and found.precision == "country" and found.country_code and appears(found.name, part, fold=True):
        return str(found.country_code)
    return None


def _perpetrator_names(value: str) -> tuple[str, ...]:
    name = _BRACKETED.sub("", value).strip()
    if normalize_name(name) in _NO_PERPETRATOR:
        return ()
    parts = [p.strip() for p in _PERPETRATOR_PARTS.split(name) if len(p.strip()) > 1]
    return (name, *parts) if len(parts) > 1 else (name,)


def parse_row(row: Mapping[str, str], gazetteer: Any, mapping: KindMapping) -> WikiRow:
    """A CSV row read into the gold values the metrics compare."""
    parts = location_parts(row["location"])
    named = {part: code for part in parts if (code := _country_of(part, gazetteer)) is not None}
    countries = frozenset(named.values())
    resolved = countries
    if not resolved and row["location"].strip():
        found = gazetteer.resolve(row["location"].replace("\n", " "))
        if found is not None and found.country_code:
            resolved = frozenset({found.country_code})
    place = next((_PLACE_PREFIX.sub("", p) for p in parts if p not in named), None)
    kind = mapping.gold(row["type"])
    return WikiRow(
        row_id=row["row_id"],
        text=clean_details(row["details"]),
        killed=parse_plain_count(row["dead"]),
        killed_split=parse_split_count(row["dead"]),
        injured=parse_plain_count(row["injured"]),
        countries=countries,
        resolved_countries=resolved,
        location_parts=parts,
        place=place or None,
        perpetrators=_perpetrator_names(row["perpetrator"]),
        kind=kind,
        kind_uncovered=kind is None and not mapping.names_no_type(row["type"]),
    )


def read_rows(path: Path, gazetteer: Any, *, limit: int | None = None) -> list[WikiRow]:
    """The gold rows of a Wikipedia incidents CSV (the first ``limit`` when given)."""
    raw = read_csv(path, REQUIRED_COLUMNS)
    if limit is not None:
        raw = raw[:limit]
    mapping = KindMapping.load()
    return [parse_row(r, gazetteer, mapping) for r in raw]


def text_names_country(text: str, codes: Iterable[str], gazetteer: Any, *, places: Iterable[str] = ()) -> bool:
    """Whether ``text`` names one of the countries ``codes`` (by name, alternate name or
    demonym) or one of ``places`` ("Maiduguri" for "Maiduguri, Nigeria")."""
    wanted = set(codes)
    if any(appears(place, text, fold=True) for place in places):
        return True
    for m in _CAPITALISED.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                place = gazetteer.country(" ".join(words[i:j]))
                if place is not None and place.country_code in wanted:
                    return True
    return False


# ---------------------------------------------------------------------------------------
# The evaluator
# ---------------------------------------------------------------------------------------


@register("wikipedia")
class WikipediaEvaluator:
    """Scores the ``wikipedia`` gold set (see the module docstring for every rule)."""

    name = "wikipedia"
    default_path = "wikipedia_incidents/incidents.csv"

    def evaluate(self, extractor: Any, path: Path, *, limit: int | None, all_rows: bool) -> EvalResult:
        """Extract every row's description and score the chosen report against the row.
        Every row is scored whether or not ``--data`` was given (``all_rows``)."""
        gazetteer, registry = extractor.gazetteer, extractor.registry
        rows = read_rows(path, gazetteer, limit=limit)
        reports, speed = extract_texts(extractor, [Article(text=r.text) for r in rows])
        result = EvalResult(self.name, documents=len(rows), speed=speed)
        for name in METRICS:
            result.metric(name)
        no_report = empty = uncovered = 0
        for row, found in zip(rows, reports):
            report = choose_report(found)
            no_report += report is None
            empty += not row.text
            uncovered += row.kind_uncovered
            score_row(result, row, report, gazetteer, registry, reports=found)
        result.notes.append(
            "one incident per row: the first report with realis 'reported', else the first; "
            f"{no_report} rows with no report ({empty} with an empty description) score 0 on every metric"
        )
        result.notes.append("killed: victims only (a count's parts on the perpetrators' side are taken off)")
        if uncovered:
            result.notes.append(f"kind: {uncovered} rows have a type wikipedia_kinds.yaml does not cover (excluded)")
        return result


def score_row(
    result: EvalResult, row: WikiRow, report: Report | None, gazetteer: Any, registry: Any,
    *, reports: Sequence[Report] = (),
) -> None:
    """Score one row's chosen report (None: no report) on every metric the row has gold for;
    the counts are summed over ``reports`` told as news (see :func:`row_total`)."""

    def add(name: str, ok: bool | None, gold: Any = None, got: Any = None, *, log: bool = True) -> None:
        record(result, name, ok, row=row.row_id, text=row.text, gold=gold, got=got, log=log)

    def victims(r: Report) -> int:
        return victims_value(r.counts.killed)

    def attackers(r: Report) -> int:
        return perpetrators_value(r.counts.killed)

    def injured(r: Report) -> int:
        return count_value(r.counts.injured)

    dead = row_total(reports, report, victims)
    add("killed_exact", None if row.killed is None else dead == row.killed, row.killed, dead)
    hurt = row_total(reports, report, injured)
    add("injured_exact", None if row.injured is None else hurt == row.injured, row.injured, hurt)
    first_dead = victims(report) if report else None
    add("killed_first_exact", None if row.killed is None else first_dead == row.killed, log=False)
    first_hurt = injured(report) if report else None
    add("injured_first_exact", None if row.injured is None else first_hurt == row.injured, log=False)
    split = (dead, row_total(reports, report, attackers)) if report else None
    add("killed_split_exact", None if row.killed_split is None else split == row.killed_split, row.killed_split, split)

    location = report.location if report else None
    code = location.country_code if location else None
    ok = code in row.countries if row.countries else None
    add("country", ok, sorted(row.countries), code)
    supported = ok is not None and text_names_country(row.text, row.countries, gazetteer, places=row.location_parts)
    add("country_text", ok if supported else None, log=False)
    add("country_all", code in row.resolved_countries if row.resolved_countries else None, log=False)

    ok = same_place(row.place, location, gazetteer, countries=row.resolved_countries) if row.place else None
    add("place_all", ok, log=False)
    in_text = row.place is not None and any(appears(key, row.text, fold=True) for key in _place_keys(row.place))
    add("place", ok if in_text else None, row.place, show_location(location))

    score_perpetrators(add, row.perpetrators, row.text, report, registry)

    kind = report.kind if report else None
    gold = row.kind
    ok = None if gold is None else kind is not None and gold.accepts(kind)
    wanted = None if gold is None else ("any attack type" if gold.any_gtd else sorted(gold.gtd))
    add("kind", ok, wanted, _show_kind(kind))
    subs = gold.sub_event_types if gold is not None else frozenset()
    ok = (kind is not None and kind.sub_event_type in subs) if subs else None
    add("kind_sub_event", ok, sorted(subs), _show_kind(kind))


def score_perpetrators(
    add: Callable[..., None], gold: Sequence[str], text: str, report: Report | None, registry: Any
) -> None:
    """``perpetrator_all`` over every row with a gold perpetrator, and ``perpetrator`` over the
    rows whose gold perpetrator appears in the text (case-insensitive), each right when a
    predicted actor's canonical name or an alias names it; ``add`` records one metric."""
    perpetrators = report.perpetrators if report else ()
    add("perpetrator_all", names_actor(gold, perpetrators, registry) if gold else None, log=False)
    named = [name for name in gold if appears(name, text)]
    ok = names_actor(named, perpetrators, registry) if named else None
    add("perpetrator", ok, named[0] if named else None, [p.name for p in perpetrators])


def record(result: EvalResult, name: str, ok: bool | None, *, row: str, text: str, gold: Any, got: Any,
           log: bool = True) -> None:
    """Score metric ``name`` on one row: ``ok`` None excludes the row (the gold or the text
    cannot support the field); a wrong one is kept for ``--errors`` unless ``log`` is False
    (the ``*_all`` and ``*_text`` variants repeat the issue's metrics)."""
    metric = result.metric(name)
    if ok is None:
        metric.exclude()
        return
    metric.add(ok)
    if not ok and log:
        result.miss(row, name, gold, got, text)


def show_location(location: Location | None) -> str | None:
    """A location as ``--errors`` shows it: "Kabul (Kabul, AF)"."""
    if location is None:
        return None
    return f"{location.name} ({location.admin1 or '-'}, {location.country_code or '-'})"


def _show_kind(kind: Kind | None) -> str | None:
    if kind is None:
        return None
    return f"{kind.gtd_attack_type} | {kind.event_type} / {kind.sub_event_type}"
