"""The word lists behind date finding: ``sitrep/data/date_words.yaml``, loaded and validated.

The file is read once per process (``load_date_words`` is cached) into an
immutable :class:`DateWords`; a malformed file raises
:class:`sitrep.errors.RegistryError` naming the key at fault.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from sitrep.errors import RegistryError

DATE_WORDS_FILE = "date_words.yaml"

PERIODS: tuple[str, ...] = ("decade", "year", "season", "month", "week")
UNITS: tuple[str, ...] = ("minute", "hour", "day", "week", "fortnight", "month", "year", "decade")

_REQUIRED_KEYS = (
    "months",
    "ambiguous_months",
    "ambiguous_month_followers",
    "weekdays",
    "number_words",
    "vague_counts",
    "bare_plural",
    "units",
    "recent_reach",
    "parts_of_day",
    "relative_days",
    "seasons",
    "year_cues",
    "stripped_prepositions",
    "period_parts",
    "named_dates",
    "holidays",
)


@dataclass(frozen=True, slots=True)
class NamedDate:
    """An event known by its date ("9/11"): a case-insensitive pattern and the day it means."""

    pattern: str
    day: date


@dataclass(frozen=True, slots=True)
class Holiday:
    """A day named after a feast or a holiday: a fixed calendar day, a distance from Easter, or a
    day of the Islamic calendar."""

    month: int = 0  # with ``day``: the calendar day; 0 for a feast that moves with Easter
    day: int = 0
    after_easter: int = 0  # days after Western Easter Sunday (negative: before)
    hijri: tuple[int, int] | None = None  # (month, day) of the Islamic calendar: Eid al-Adha is (12, 10)

    def on(self, year: int) -> tuple[date, date]:
        """The holiday's days in ``year``: one day, or for an Islamic feast the three days around
        its day in the arithmetic calendar (the day observed differs by a day or two between
        countries, which fix the months by sighting the moon). A Gregorian year that holds an
        Islamic feast twice (once in about 33 years) gives the first."""
        if self.hijri is not None:
            day = _hijri_in_year(year, *self.hijri)
            return day - timedelta(days=1), day + timedelta(days=1)
        if self.month:
            day = date(year, self.month, self.day)
        else:
            day = easter_sunday(year) + timedelta(days=self.after_easter)
        return day, day


#: 1 Muharram of the year 1 of the Islamic calendar (16 July 622 in the Julian calendar).
_HIJRI_EPOCH = date(622, 7, 19).toordinal()


def hijri_to_date(year: int, month: int, day: int) -> date:
    """The Gregorian date of an Islamic date, by the arithmetic (tabular) calendar: months of 30 and
    29 days in turn, and 11 leap years in each cycle of 30."""
    days = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30
    return date.fromordinal(_HIJRI_EPOCH - 1 + days)


def _hijri_in_year(year: int, month: int, day: int) -> date:
    """The first Gregorian date in ``year`` of the Islamic month and day."""
    guess = int((year - 622) * 33 / 32)  # Islamic years are 11 days shorter
    for hijri_year in range(guess - 1, guess + 3):
        found = hijri_to_date(hijri_year, month, day)
        if found.year == year:
            return found
    raise ValueError(f"no {month}-{day} of the Islamic calendar in {year}")


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday of ``year``, by the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the computus's own letters
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_key(name: str) -> str:
    """A holiday's name as looked up: lower case, spaces single, apostrophes dropped."""
    return " ".join(name.lower().replace("'", "").replace("’", "").split())


@dataclass(frozen=True, slots=True)
class DateWords:
    """The validated contents of ``date_words.yaml`` (all mappings read-only, keys lower case)."""

    months: Mapping[str, int]  # spelling -> month number
    month_full: Mapping[str, int]  # full names only
    ambiguous_months: frozenset[str]
    ambiguous_month_followers: frozenset[str]
    weekdays: Mapping[str, int]  # spelling -> weekday (Monday = 0)
    weekday_full: Mapping[str, int]
    number_words: Mapping[str, int]
    vague_counts: Mapping[str, tuple[int, int]]
    bare_plural: tuple[int, int]
    units: Mapping[str, str]
    recent_reach: Mapping[str, int]
    parts_of_day: tuple[str, ...]
    relative_days: Mapping[str, tuple[int, int]]
    seasons: Mapping[str, int]
    year_cues: frozenset[str]
    stripped_prepositions: frozenset[str]
    period_parts: Mapping[str, Mapping[str, tuple[int, int]]]
    named_dates: tuple[NamedDate, ...]
    holidays: Mapping[str, Holiday]  # holiday_key(name) -> its day
    holiday_names: tuple[str, ...]  # the names as written in the word list


def _fail(key: str, why: str, source: str) -> RegistryError:
    return RegistryError(
        f"{source}: {key}: {why}",
        hint="fix the date word list or reinstall sitrep",
    )


def _words(value: Any, key: str, source: str) -> list[str]:
    if not isinstance(value, list) or not value:
        raise _fail(key, "expected a non-empty list of words", source)
    out = []
    for word in value:
        if not isinstance(word, str) or not word.strip() or word != word.lower().strip():
            raise _fail(key, f"{word!r} is not a lower-case word", source)
        out.append(word)
    return out


def _pair(value: Any, key: str, source: str) -> tuple[int, int]:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise _fail(key, f"expected [first, last] integers, got {value!r}", source)
    return value[0], value[1]


def _numbered(value: Any, key: str, source: str, lo: int, hi: int) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != set(range(lo, hi + 1)):
        raise _fail(key, f"expected one entry for each number {lo}..{hi}", source)
    out: dict[str, int] = {}
    for number, spellings in value.items():
        for word in _words(spellings, f"{key}.{number}", source):
            if word in out:
                raise _fail(key, f"{word!r} is listed twice", source)
            out[word] = number
    return out


def parse_date_words(data: Any, source: str = DATE_WORDS_FILE) -> DateWords:
    """Validate the parsed YAML of a date word list and freeze it into :class:`DateWords`."""
    if not isinstance(data, dict):
        raise _fail("(top level)", "expected a mapping", source)
    missing = [k for k in _REQUIRED_KEYS if k not in data]
    unknown = sorted(set(data) - set(_REQUIRED_KEYS))
    if missing or unknown:
        raise _fail("(top level)", f"missing keys {missing}, unknown keys {unknown}", source)

    months = _numbered(data["months"], "months", source, 1, 12)
    month_full = {spellings[0]: n for n, spellings in data["months"].items()}
    ambiguous = frozenset(_words(data["ambiguous_months"], "ambiguous_months", source))
    if not ambiguous <= set(months):
        raise _fail("ambiguous_months", "every entry must be a month spelling", source)
    weekdays = _numbered(data["weekdays"], "weekdays", source, 0, 6)
    weekday_full = {spellings[0]: n for n, spellings in data["weekdays"].items()}

    number_words = data["number_words"]
    if not isinstance(number_words, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and v > 0 for k, v in number_words.items()
    ):
        raise _fail("number_words", "expected word: positive integer", source)
    vague = data["vague_counts"]
    if not isinstance(vague, dict):
        raise _fail("vague_counts", "expected word: [least, most]", source)
    vague_counts = {k: _pair(v, f"vague_counts.{k}", source) for k, v in vague.items()}
    bare_plural = _pair(data["bare_plural"], "bare_plural", source)
    for key, (lo, hi) in [*vague_counts.items(), ("bare_plural", bare_plural)]:
        if not 0 < lo <= hi:
            raise _fail(key, "expected 0 < least <= most", source)

    units = data["units"]
    if not isinstance(units, dict) or not set(units.values()) <= set(UNITS):
        raise _fail("units", f"every unit must be one of {UNITS}", source)
    reach = data["recent_reach"]
    if not isinstance(reach, dict) or not all(
        k in UNITS and isinstance(v, int) and v > 0 for k, v in reach.items()
    ):
        raise _fail("recent_reach", "expected unit: positive integer", source)

    parts_of_day = tuple(_words(data["parts_of_day"], "parts_of_day", source))
    rel = data["relative_days"]
    if not isinstance(rel, dict):
        raise _fail("relative_days", "expected phrase: [first, last]", source)
    relative_days = {k: _pair(v, f"relative_days.{k}", source) for k, v in rel.items()}
    seasons = data["seasons"]
    if not isinstance(seasons, dict) or not all(
        isinstance(v, int) and 1 <= v <= 12 for v in seasons.values()
    ):
        raise _fail("seasons", "expected season: first month (1-12)", source)

    parts_raw = data["period_parts"]
    if not isinstance(parts_raw, dict) or set(parts_raw) != set(PERIODS):
        raise _fail("period_parts", f"expected one table for each of {PERIODS}", source)
    period_parts: dict[str, Mapping[str, tuple[int, int]]] = {}
    part_words: set[str] | None = None
    for period, table in parts_raw.items():
        if not isinstance(table, dict):
            raise _fail(f"period_parts.{period}", "expected part: [first, last]", source)
        pairs = {k: _pair(v, f"period_parts.{period}.{k}", source) for k, v in table.items()}
        if part_words is not None and set(pairs) != part_words:
            raise _fail(f"period_parts.{period}", "every period must list the same parts", source)
        part_words = set(pairs)
        period_parts[period] = MappingProxyType(pairs)

    named = data["named_dates"]
    if not isinstance(named, list):
        raise _fail("named_dates", "expected a list of {pattern, date}", source)
    named_dates = []
    for i, entry in enumerate(named):
        if (
            not isinstance(entry, dict)
            or set(entry) != {"pattern", "date"}
            or not isinstance(entry["pattern"], str)
            or not isinstance(entry["date"], date)
        ):
            raise _fail(f"named_dates[{i}]", "expected {pattern: str, date: YYYY-MM-DD}", source)
        try:
            re.compile(entry["pattern"])
        except re.error as exc:
            raise _fail(f"named_dates[{i}]", f"bad pattern: {exc}", source) from exc
        named_dates.append(NamedDate(entry["pattern"], entry["date"]))
    holidays = _holidays(data["holidays"], source)

    return DateWords(
        months=MappingProxyType(months),
        month_full=MappingProxyType(month_full),
        ambiguous_months=ambiguous,
        ambiguous_month_followers=frozenset(
            _words(data["ambiguous_month_followers"], "ambiguous_month_followers", source)
        ),
        weekdays=MappingProxyType(weekdays),
        weekday_full=MappingProxyType(weekday_full),
        number_words=MappingProxyType(dict(number_words)),
        vague_counts=MappingProxyType(vague_counts),
        bare_plural=bare_plural,
        units=MappingProxyType(dict(units)),
        recent_reach=MappingProxyType(dict(reach)),
        parts_of_day=parts_of_day,
        relative_days=MappingProxyType(relative_days),
        seasons=MappingProxyType(dict(seasons)),
        year_cues=frozenset(_words(data["year_cues"], "year_cues", source)),
        stripped_prepositions=frozenset(
            _words(data["stripped_prepositions"], "stripped_prepositions", source)
        ),
        period_parts=MappingProxyType(period_parts),
        named_dates=tuple(named_dates),
        holidays=MappingProxyType({holiday_key(name): day for name, day in holidays.items()}),
        holiday_names=tuple(holidays),
    )


_HOLIDAY_DAY = re.compile(r"(?P<hijri>hijri )?(?P<m>\d\d)-(?P<d>\d\d)|easter(?:(?P<sign>[+-])(?P<n>\d{1,2}))?")
_HOLIDAY_FORMS = "expected name: MM-DD, hijri MM-DD or easter[+-N]"


def _holidays(raw: object, source: str) -> dict[str, Holiday]:
    if not isinstance(raw, dict):
        raise _fail("holidays", _HOLIDAY_FORMS, source)
    out: dict[str, Holiday] = {}
    for name, when in raw.items():
        m = _HOLIDAY_DAY.fullmatch(str(when)) if isinstance(name, str) and name.strip() else None
        if m is None:
            raise _fail(f"holidays[{name!r}]", _HOLIDAY_FORMS, source)
        if m.group("hijri"):
            month, day = int(m.group("m")), int(m.group("d"))
            if not (1 <= month <= 12 and 1 <= day <= 29):  # the 30th is missing from half the months
                raise _fail(f"holidays[{name!r}]", f"no such day of every Islamic year: {when}", source)
            holiday = Holiday(hijri=(month, day))
        elif m.group("m"):
            holiday = Holiday(month=int(m.group("m")), day=int(m.group("d")))
            try:
                holiday.on(2001)  # a day of every year: not "02-30", nor "02-29"
            except ValueError as exc:
                raise _fail(f"holidays[{name!r}]", f"no such day: {when}", source) from exc
        else:
            n = int(m.group("n") or 0)
            holiday = Holiday(after_easter=-n if m.group("sign") == "-" else n)
        out[" ".join(name.lower().split())] = holiday
    return out


def read_date_words(path: Path) -> DateWords:
    """Load and validate a date word list from ``path`` (for tests and custom lists)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"{path}: cannot read the date word list: {exc}") from exc
    return parse_date_words(data, str(path))


@lru_cache(maxsize=1)
def load_date_words() -> DateWords:
    """The date word list shipped with sitrep (read once, then shared: it is immutable)."""
    text = resources.files("sitrep").joinpath("data", DATE_WORDS_FILE).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RegistryError(f"{DATE_WORDS_FILE}: not valid YAML: {exc}") from exc
    return parse_date_words(data)
