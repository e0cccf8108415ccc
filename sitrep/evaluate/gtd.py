"""``sitrep evaluate gtd``: sitrep's reports scored against a Global Terrorism Database export.

The GTD is licensed to its users, so no copy ships with sitrep: pass ``--data FILE`` with a
CSV holding the columns ``text, date, country, admin1, city, event_type, perpetrator,
target_type, weapon_type, fatalities, injuries`` (an ``eventid`` column, when present, names
the rows in ``--errors``). ``text`` is the GTD summary, ``date`` the event date as
``YYYY-MM-DD`` (GTD's 0 for an unknown month or day written ``00``), ``event_type`` the GTD
attack type (several joined by ``;`` or ``|``), ``perpetrator`` the group name (``gname``;
several joined the same way), ``fatalities`` and ``injuries`` GTD's ``nkill`` and ``nwound``.

**The text and its date.** GTD summaries open with the event date, month first:
``"12/05/2014: Assailants attacked ..."``. That opening is the summary's own statement of
when the attack happened, so it is given to the extractor as the article's publication date
(as a wire story's dateline would be) and cut from the text, where its month-first order
could be misread. A summary without it is read with no publication date.

**The incident of a row** is :func:`sitrep.evaluate.wikipedia.choose_report`: the first
report whose realis is ``reported``, else the first; a row with no report scores 0 on every
metric it is scored on.

**Metrics** (rows whose gold value is unknown are excluded and counted):

``attack_type``
    the report's ``kind.gtd_attack_type`` is one of the row's attack types (``Unknown``
    is no gold).
``killed_exact``, ``injured_exact``
    the report's killed (injured) count equals ``fatalities`` (``injuries``). GTD's
    ``nkill`` counts every death, the attackers' included, so the whole count is compared
    (:func:`~sitrep.evaluate.wikipedia.count_value`); a report without the count predicts 0.
``country``
    the report's ``country_code`` is the gold country's ISO code (GTD's names through the
    gazetteer and ``sitrep/data/evaluate/gtd.yaml``); ``country_text`` repeats it over the
    rows whose summary names the country, a demonym of it or the city.
``city``
    over rows whose city appears in the summary (ignoring case and accents): the report's
    location is that city by :func:`~sitrep.evaluate.wikipedia.same_place`; ``city_all``
    over every row with a known city.
``perpetrator``
    over rows whose group name, the name without its bracketed acronym, or the acronym
    appears verbatim (ignoring case) in the summary: a predicted perpetrator answers to one of
    those names (:func:`~sitrep.evaluate.wikipedia.names_actor`); ``perpetrator_all`` over
    every row with a known perpetrator.
``date``
    the report's date span lies within the gold date: the very day, or within the month
    (year) when GTD's day (month) is unknown.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from sitrep.errors import RegistryError
from sitrep.evaluate.core import EvalResult, GoldDataError, extract_texts, read_csv, register
from sitrep.evaluate.wikipedia import (
    appears,
    choose_report,
    count_value,
    record,
    same_place,
    score_perpetrators,
    show_location,
    text_names_country,
)
from sitrep.extract.lexicon import load_data
from sitrep.model import Article, DateSpan, Report

__all__ = [
    "GoldDate",
    "GtdEvaluator",
    "GtdMapping",
    "GtdRow",
    "METRICS",
    "parse_gold_date",
    "parse_row",
    "read_rows",
    "score_row",
    "split_summary",
]

MAPPING_FILE = "evaluate/gtd.yaml"
REQUIRED_COLUMNS: tuple[str, ...] = (
    "text", "date", "country", "city", "event_type", "perpetrator", "fatalities", "injuries",
)
#: Metric names in the order the table shows them: the issue's first.
METRICS: tuple[str, ...] = (
    "attack_type", "killed_exact", "injured_exact", "country", "city", "perpetrator", "date",
    "country_text", "city_all", "perpetrator_all",
)

_LEADING_DATE = re.compile(
    r"^\s*(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?:\s*[-\u2013]\s*\d{1,2}/\d{1,2}/\d{4})?\s*:\s*"
)
_GOLD_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_MULTI = re.compile(r"\s*[;|]\s*")
_ACRONYM = re.compile(r"^(?P<name>.*?)\s*\((?P<acronym>[^()]+)\)\s*$")
_BRACKETED = re.compile(r"\s*\([^)]*\)")
_NUMBER = re.compile(r"\d+(?:\.0+)?")


# ---------------------------------------------------------------------------------------
# The mapping file
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GtdMapping:
    """``gtd.yaml``: the attack type names, country names the gazetteer lacks, unknown markers."""

    attack_types: Mapping[str, str]  # lower-cased name -> GTD spelling
    unknown_attack_type: str
    countries: Mapping[str, str | None]  # lower-cased GTD country name -> ISO code (None: no country)
    unknown_values: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "GtdMapping":
        """The shipped mapping, validated."""
        data = load_data(MAPPING_FILE)
        extra = set(data) - {"attack_types", "unknown_attack_type", "countries", "unknown_values"}
        if extra:
            raise RegistryError(f"{MAPPING_FILE}: unknown keys {sorted(extra)}")
        types = data.get("attack_types")
        if not isinstance(types, list) or not all(isinstance(t, str) and t for t in types):
            raise RegistryError(f"{MAPPING_FILE}: attack_types must be a list of names")
        unknown = data.get("unknown_attack_type")
        if unknown not in types:
            raise RegistryError(f"{MAPPING_FILE}: unknown_attack_type {unknown!r} is not one of attack_types")
        countries: dict[str, str | None] = {}
        for name, code in (data.get("countries") or {}).items():
            if code is not None and not (isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code)):
                raise RegistryError(f"{MAPPING_FILE}: country {name!r} needs an ISO 3166-1 alpha-2 code or null")
            countries[str(name).lower()] = code
        values = data.get("unknown_values")
        if not isinstance(values, list):
            raise RegistryError(f"{MAPPING_FILE}: unknown_values must be a list")
        return cls(
            attack_types={t.lower(): t for t in types},
            unknown_attack_type=str(unknown),
            countries=countries,
            unknown_values=frozenset(str(v).strip().lower() for v in values),
        )

    def is_unknown(self, value: str) -> bool:
        """Whether a cell says the value is not known ("", "Unknown", "-99")."""
        return value.strip().lower() in self.unknown_values

    def country_code(self, name: str, gazetteer: Any) -> tuple[bool, str | None]:
        """(known, ISO code) for a GTD country name: known is False when neither this file nor
        the gazetteer knows the name; the code is None for "International"."""
        key = name.strip().lower()
        if key in self.countries:
            return True, self.countries[key]
        for candidate in (name, _BRACKETED.sub("", name)):
            place = gazetteer.country(candidate)
            if place is not None and place.country_code:
                return True, str(place.country_code)
        return False, None


# ---------------------------------------------------------------------------------------
# Gold rows
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldDate:
    """An event date as GTD gives it: the day, or only the month or year when GTD wrote 0."""

    start: date
    end: date

    def contains(self, span: DateSpan | None) -> bool:
        """Whether a report's date span lies within this date."""
        return span is not None and self.start <= span.start and span.end <= self.end


@dataclass(frozen=True, slots=True)
class GtdRow:
    """A gold row read for scoring."""

    row_id: str
    text: str  # the summary without its leading date
    published: date | None  # the summary's leading date
    date: GoldDate | None
    country: str | None  # ISO code
    country_name: str
    country_known: bool  # False: neither gtd.yaml nor the gazetteer knows the name
    city: str | None
    attack_types: frozenset[str]
    perpetrators: tuple[str, ...]  # every name a group goes by: full, without acronym, acronym
    killed: int | None
    injured: int | None


def split_summary(text: str) -> tuple[date | None, str]:
    """(leading date, rest) of a GTD summary: "12/05/2014: Assailants ..." gives
    (2014-12-05, "Assailants ..."); a summary without a valid leading date is returned whole
    (an invalid one, such as a day 00, is cut off but gives no date)."""
    m = _LEADING_DATE.match(text)
    if m is None:
        return None, text.strip()
    rest = text[m.end() :].strip()
    try:
        return date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), rest
    except ValueError:
        return None, rest


def parse_gold_date(value: str, row_id: str) -> GoldDate | None:
    """The ``date`` column: ``YYYY-MM-DD``, a month or day of ``00`` widening the date to the
    month or year; None when empty. GoldDataError for anything else."""
    value = value.strip()
    if not value:
        return None
    m = _GOLD_DATE.fullmatch(value)
    if m is None:
        raise GoldDataError(f"row {row_id}: date {value!r} is not YYYY-MM-DD")
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    try:
        if month == 0:
            return GoldDate(date(year, 1, 1), date(year, 12, 31))
        if day == 0:
            last = calendar.monthrange(year, month)[1]
            return GoldDate(date(year, month, 1), date(year, month, last))
        return GoldDate(date(year, month, day), date(year, month, day))
    except ValueError as exc:
        raise GoldDataError(f"row {row_id}: date {value!r} is not a date: {exc}") from None


def _parse_count(value: str, row_id: str, column: str, mapping: GtdMapping) -> int | None:
    if mapping.is_unknown(value):
        return None
    if _NUMBER.fullmatch(value.strip()) is None:
        raise GoldDataError(f"row {row_id}: {column} {value!r} is not a whole number")
    return int(float(value))


def _attack_types(value: str, row_id: str, mapping: GtdMapping) -> frozenset[str]:
    out = set()
    for name in _MULTI.split(value.strip()):
        if not name:
            continue
        canonical = mapping.attack_types.get(name.lower())
        if canonical is None:
            raise GoldDataError(
                f"row {row_id}: {name!r} is not a GTD attack type",
                hint=f"use one of: {', '.join(mapping.attack_types.values())}",
            )
        if canonical != mapping.unknown_attack_type:
            out.add(canonical)
    return frozenset(out)


def _perpetrator_names(value: str, mapping: GtdMapping) -> tuple[str, ...]:
    names: list[str] = []
    for group in _MULTI.split(value.strip()):
        if mapping.is_unknown(group):
            continue
        names.append(group)
        m = _ACRONYM.match(group)
        if m is not None:
            names.extend(n for n in (m.group("name"), m.group("acronym")) if n.strip())
    return tuple(dict.fromkeys(names))


def parse_row(row: Mapping[str, str], row_id: str, gazetteer: Any, mapping: GtdMapping) -> GtdRow:
    """A CSV row read into the gold values the metrics compare."""
    published, text = split_summary(row["text"])
    known, code = mapping.country_code(row["country"], gazetteer) if row["country"].strip() else (True, None)
    city = row["city"].strip()
    return GtdRow(
        row_id=row_id,
        text=text,
        published=published,
        date=parse_gold_date(row["date"], row_id),
        country=code,
        country_name=row["country"].strip(),
        country_known=known,
        city=None if mapping.is_unknown(city) else city,
        attack_types=_attack_types(row["event_type"], row_id, mapping),
        perpetrators=_perpetrator_names(row["perpetrator"], mapping),
        killed=_parse_count(row["fatalities"], row_id, "fatalities", mapping),
        injured=_parse_count(row["injuries"], row_id, "injuries", mapping),
    )


def read_rows(path: Path, gazetteer: Any, *, limit: int | None = None) -> list[GtdRow]:
    """The gold rows of a GTD export (the first ``limit`` when given)."""
    raw = read_csv(path, REQUIRED_COLUMNS)
    if limit is not None:
        raw = raw[:limit]
    mapping = GtdMapping.load()
    return [
        parse_row(r, (r.get("eventid") or "").strip() or f"row {i}", gazetteer, mapping)
        for i, r in enumerate(raw, start=1)
    ]


# ---------------------------------------------------------------------------------------
# The evaluator
# ---------------------------------------------------------------------------------------


@register("gtd")
class GtdEvaluator:
    """Scores a GTD export (see the module docstring for every rule)."""

    name = "gtd"
    default_path = "gtd/gtd.csv"

    def evaluate(self, extractor: Any, path: Path, *, limit: int | None, all_rows: bool) -> EvalResult:
        """Extract every row's summary and score the chosen report against the row. Every row
        is scored whether or not ``--data`` was given (``all_rows``)."""
        gazetteer, registry = extractor.gazetteer, extractor.registry
        rows = read_rows(path, gazetteer, limit=limit)
        articles = [Article(text=r.text, published=r.published) for r in rows]
        reports, speed = extract_texts(extractor, articles)
        result = EvalResult(self.name, documents=len(rows), speed=speed)
        for name in METRICS:
            result.metric(name)
        no_report = 0
        for row, found in zip(rows, reports):
            report = choose_report(found)
            no_report += report is None
            score_row(result, row, report, gazetteer, registry)
        dated = sum(r.published is not None for r in rows)
        result.notes.append(
            "one incident per row: the first report with realis 'reported', else the first; "
            f"{no_report} rows with no report score 0 on every metric"
        )
        result.notes.append(f"{dated} of {len(rows)} summaries open with a date, read as the publication date")
        unknown = sorted({r.country_name for r in rows if not r.country_known})
        if unknown:
            result.notes.append(f"country: names neither gtd.yaml nor the gazetteer knows (excluded): {', '.join(unknown)}")
        return result


def score_row(result: EvalResult, row: GtdRow, report: Report | None, gazetteer: Any, registry: Any) -> None:
    """Score one row's chosen report (None: no report) on every metric the row has gold for."""

    def add(name: str, ok: bool | None, gold: Any = None, got: Any = None, *, log: bool = True) -> None:
        record(result, name, ok, row=row.row_id, text=row.text, gold=gold, got=got, log=log)

    attack = report.kind.gtd_attack_type if report else None
    add("attack_type", attack in row.attack_types if row.attack_types else None, sorted(row.attack_types), attack)
    killed = count_value(report.counts.killed) if report else None
    add("killed_exact", None if row.killed is None else killed == row.killed, row.killed, killed)
    injured = count_value(report.counts.injured) if report else None
    add("injured_exact", None if row.injured is None else injured == row.injured, row.injured, injured)

    location = report.location if report else None
    code = location.country_code if location else None
    ok = None if row.country is None else code == row.country
    add("country", ok, row.country, code)
    places = [row.country_name] + ([row.city] if row.city else [])
    supported = ok is not None and text_names_country(row.text, [row.country or ""], gazetteer, places=places)
    add("country_text", ok if supported else None, log=False)

    ok = same_place(row.city, location, gazetteer, countries=[row.country or ""]) if row.city else None
    add("city_all", ok, log=False)
    in_text = row.city is not None and appears(row.city, row.text, fold=True)
    add("city", ok if in_text else None, row.city, show_location(location))

    score_perpetrators(add, row.perpetrators, row.text, report, registry)

    span = report.date if report else None
    ok = None if row.date is None else row.date.contains(span)
    add("date", ok, _show_span(row.date.start, row.date.end) if row.date else None,
        _show_span(span.start, span.end) if span else None)


def _show_span(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
