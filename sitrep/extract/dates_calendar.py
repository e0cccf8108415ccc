"""Calendar arithmetic for date resolution: periods, shifts, parts, precisions.

Pure functions over :class:`datetime.date`; a period is an inclusive
``(start, end)`` pair. Weeks run Monday to Sunday (ISO 8601). Seasons are
meteorological and northern-hemisphere: each starts on the first of its first
month and lasts three months, so winter 2019 runs from 1 December 2019 to the
end of February 2020.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Mapping

from sitrep.model import Precision

Span = tuple[date, date]

PRECISION_ORDER: tuple[Precision, ...] = ("day", "week", "month", "season", "year", "decade")
_RANK = {p: i for i, p in enumerate(PRECISION_ORDER)}

# The precision a shift by one unit implies ("three months later" is a month).
UNIT_PRECISION: Mapping[str, Precision] = {
    "minute": "day",
    "hour": "day",
    "day": "day",
    "week": "week",
    "fortnight": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
}

MIN_YEAR = 1
MAX_YEAR = 9998


def coarser(a: Precision, b: Precision) -> Precision:
    """The coarser of two precisions (``coarser("day", "month") == "month"``)."""
    return a if _RANK[a] >= _RANK[b] else b


def is_coarser(a: Precision, b: Precision) -> bool:
    """True when ``a`` is strictly coarser than ``b``."""
    return _RANK[a] > _RANK[b]


def precision_for_length(days: int) -> Precision:
    """The precision that best describes a span of ``days`` days not aligned to the calendar."""
    if days <= 2:
        return "day"  # "the last 24 hours", "overnight"
    if days <= 8:
        return "week"
    if days <= 31:
        return "month"
    if days <= 92:
        return "season"
    if days <= 366:
        return "year"
    return "decade"


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> Span:
    return date(year, month, 1), month_end(year, month)


def year_span(year: int) -> Span:
    return date(year, 1, 1), date(year, 12, 31)


def decade_span(first_year: int) -> Span:
    first = first_year - first_year % 10
    return date(first, 1, 1), date(first + 9, 12, 31)


def week_span(day: date) -> Span:
    """The Monday-to-Sunday week that contains ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def weekend_span(day: date) -> Span:
    """The Saturday and Sunday of the week that contains ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday + timedelta(days=5), monday + timedelta(days=6)


def season_span(first_month: int, year: int) -> Span:
    """The three months from ``first_month`` of ``year`` (winter runs into the next year)."""
    last_month = (first_month + 1) % 12 + 1
    last_year = year + 1 if last_month < first_month else year
    return date(year, first_month, 1), month_end(last_year, last_month)


def season_of(day: date, season_starts: Mapping[str, int]) -> Span:
    """The season that contains ``day``."""
    for first in sorted(set(season_starts.values())):
        for year in (day.year, day.year - 1):
            start, end = season_span(first, year)
            if start <= day <= end:
                return start, end
    return month_span(day.year, day.month)  # a season table that leaves gaps


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, the day of month clamped to the new month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, amount: float, unit: str) -> date:
    """``day`` moved by ``amount`` units (negative: back in time); clamped to the calendar's range."""
    try:
        if unit in ("minute", "hour"):
            hours = amount if unit == "hour" else amount / 60
            return day + timedelta(days=round(hours / 24))
        if unit == "day":
            return day + timedelta(days=round(amount))
        if unit == "week":
            return day + timedelta(days=round(7 * amount))
        if unit == "fortnight":
            return day + timedelta(days=round(14 * amount))
        if unit == "month":
            return add_months(day, round(amount))
        if unit == "year":
            return add_months(day, 12 * round(amount))
        if unit == "decade":
            return add_months(day, 120 * round(amount))
    except OverflowError:
        return date.min if amount < 0 else date.max
    raise ValueError(f"unknown time unit {unit!r}")


def snap(day: date, precision: Precision, season_starts: Mapping[str, int]) -> Span:
    """The calendar period of ``precision`` that contains ``day`` (a week is Monday to Sunday)."""
    if precision == "day":
        return day, day
    if precision == "week":
        return week_span(day)
    if precision == "month":
        return month_span(day.year, day.month)
    if precision == "season":
        return season_of(day, season_starts)
    if precision == "year":
        return year_span(day.year)
    return decade_span(day.year)


def centred_week(day: date) -> Span:
    """The seven days centred on ``day`` (for "three weeks ago": about then, give or take)."""
    return day - timedelta(days=3), day + timedelta(days=3)


def part_of(span: Span, period: str, bounds: tuple[int, int]) -> Span:
    """Narrow a period to the sub-units ``bounds`` (1-based, inclusive, negative from the end).

    The sub-units are years of a decade, months of a year or season, days of a
    month or week: ``part_of(year_span(2019), "year", (10, 12))`` is Oct-Dec 2019.
    """
    start, end = span
    first, last = bounds
    if period in ("decade",):
        count = 10
    elif period in ("year", "season"):
        count = (end.year - start.year) * 12 + end.month - start.month + 1
    else:  # month, week: days
        count = (end - start).days + 1
    lo = first if first > 0 else count + first + 1
    hi = last if last > 0 else count + last + 1
    lo, hi = max(1, min(lo, count)), max(1, min(hi, count))
    if hi < lo:
        lo, hi = hi, lo
    if period == "decade":
        return date(start.year + lo - 1, 1, 1), date(start.year + hi - 1, 12, 31)
    if period in ("year", "season"):
        first_day = add_months(start, lo - 1)
        last_month = add_months(start, hi - 1)
        return first_day, month_end(last_month.year, last_month.month)
    return start + timedelta(days=lo - 1), start + timedelta(days=hi - 1)
