"""Blocking: which pairs of reports are worth comparing at all.

A report is described at a date level — ``d`` (day or week, in three-day
buckets), ``m`` (month or season), ``y`` (year or coarser), ``n`` (no date) —
and a place level — ``t`` (a town, by the one-degree grid cells within
``near_km`` of it), ``p`` (a province), ``c`` (a country), ``n`` (no place). It
emits a key for every combination of its own date ids and coarser ones (a day
report also names its month and year) with its own place ids and coarser ones (a
town also names its province and country). Where a report has no date or no
place, a few names in its text chosen by a fixed hash (:attr:`TextProfile.sketch`)
stand in for the missing part, so an undated report still meets the reports of
its town that name the same people or places; a report with neither date nor
place meets others through those names alone, and one whose text holds no names
(wire copy in capitals) is never linked.

Two reports can only be linked if they share a key; :func:`block_keys` returns
them all, for a store to find a new report's candidates. Within a key, not every
pair needs comparing: a pair is compared under the key at *its* coarsest levels
(the coarser date of the two, the coarser place of the two). So within a key,
a report whose own levels are the key's levels (a "full" member) is compared
with every member, and a report as coarse as the key in date only is compared
with one as coarse in place only (never through text words). Two town-and-day
reports meet under their own days-and-cell key, never under the country-and-year
key they also share — which keeps the cost near-linear: a country-year holds
thousands of reports, but few of them are known only to the country and the year.

Exact for reports with a date and a place (every pair the signals could link
shares a key); for reports lacking one, as good as their names.
"""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache
from typing import Iterator

from sitrep.dedupe.rules import DedupeRules, default_rules
from sitrep.dedupe.signals import Facts, is_article, report_facts
from sitrep.model import Report

DATE_LEVELS = ("d", "m", "y", "n")
PLACE_LEVELS = ("t", "p", "c", "n")

FULL, DATE_ONLY, PLACE_ONLY, FINER = 0, 1, 2, 3  # how a report stands to a key's levels

_MAX_DAY_SPAN = 16  # a "day-level" span longer than this gets no bucket ids
_BUCKET_DAYS = 3
_KM_PER_DEGREE = 111.2
_CELL_DEGREES = 1.0


def block_keys(report: Report, *, text: str | None = None, rules: DedupeRules | None = None) -> frozenset[str]:
    """Blocking keys: two reports can link only if they share a key.

    ``text`` is the text deduplication compares for this report (the same one
    given to :func:`~sitrep.dedupe.cluster_reports` in ``texts``); by default the
    report's evidence sentences.
    """
    facts = report_facts(report, rules or default_rules(), text=text)
    return frozenset(key for key, _, _ in keyed(facts, rules or default_rules()))


def keyed(
    facts: Facts, rules: DedupeRules, *, indexed: bool | None = None, by_names: bool = False
) -> Iterator[tuple[str, int, bool]]:
    """Every key of a report: (key, how the report stands to it, whether it can pair without
    a full member). The relation is FULL (the key is at the report's own levels), DATE_ONLY
    (at its own date level, a coarser place), PLACE_ONLY or FINER (finer on both).

    ``indexed=True`` gives only the keys a report is always indexed under (FULL, and
    PLACE_ONLY where a DATE_ONLY member could pair with it), ``indexed=False`` the others.
    ``by_names``: a report compared by a whole article is also a full member of a key for each
    name of its text, whatever its date and place (two articles of one story meet though
    extraction dated or placed them apart; see ``text.same_story``).
    """
    dates = _date_ids(facts, DATE_LEVELS.index(facts.date_level) if facts.date_level else 3)
    places = _place_ids(facts, PLACE_LEVELS.index(facts.place_level) if facts.place_level else 3,
                        rules.get("place", "near_km"))
    # a report's own levels are the finest it has ids at: a region with no country ("the Gulf of
    # Aden") has no place id at country level, a day-level span too long for buckets no day id
    own_date = dates[0][0] if dates else 3
    own_place = places[0][0] if places else 3
    if by_names and indexed is not False and (own_date, own_place) != (3, 3) and is_article(facts.text, rules):
        for word in facts.text.names:  # (a report with neither date nor place has these keys already)
            yield f"x{word}|x{word}", FULL, False
    if own_date == 3 and own_place == 0 and indexed is not False:
        # a report with no date at all (an article with neither a date nor a publication date)
        # meets the other undated reports of its town, not only those sharing a name of its sketch
        for cell in places[0][1]:
            yield f"undated|{cell}", FULL, False
    for i, date_ids in dates:
        for j, place_ids in places:
            if i == own_date:
                relation = FULL if j == own_place else DATE_ONLY
            else:
                relation = PLACE_ONLY if j == own_place else FINER
            # a date-only member pairs with a place-only one: possible only when the key is
            # coarser than the finest level on both sides, and never through text words: a report
            # with no place meets one known to the year only through the text of a full member
            crossing = 1 <= i < 3 and 1 <= j < 3 and relation in (DATE_ONLY, PLACE_ONLY)
            if relation in (DATE_ONLY, PLACE_ONLY) and not crossing:
                relation = FINER  # it pairs with the key's full members only
            if indexed is not None and indexed != (relation == FULL or (relation == PLACE_ONLY and crossing)):
                continue
            if i == 3 and j == 3:  # no date and no place: the names in the text alone
                for word in facts.text.names:
                    yield f"x{word}|x{word}", relation, crossing
                continue
            for d in date_ids:
                for p in place_ids:
                    yield f"{d}|{p}", relation, crossing


def _date_ids(facts: Facts, own: int) -> list[tuple[int, tuple[str, ...]]]:
    levels = list(_calendar_ids(own, facts.lo, facts.hi)) if own <= 2 else []
    levels.append((3, tuple("x" + w for w in facts.text.sketch)))
    return [(i, ids) for i, ids in levels if ids]


@lru_cache(maxsize=1 << 16)
def _calendar_ids(own: int, lo: int, hi: int) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Date ids from a report's own level up: three-day buckets around a day-level span
    (two spans a day apart always share one), then months, then years."""
    levels: list[tuple[int, tuple[str, ...]]] = []
    if own == 0:
        lo, hi = lo - 1, hi + 1
        if hi - lo <= _MAX_DAY_SPAN:
            buckets = range(lo // _BUCKET_DAYS, hi // _BUCKET_DAYS + 1)
            levels.append((0, tuple("b%d" % b for b in buckets)))
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    if own <= 1 and (last.year - first.year) * 12 + last.month - first.month <= 3:
        months = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            months.append("m%d-%02d" % (year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        levels.append((1, tuple(months)))
    if last.year - first.year <= 10:
        levels.append((2, tuple("y%d" % y for y in range(first.year, last.year + 1))))
    return tuple(levels)


def _place_ids(facts: Facts, own: int, near_km: float) -> list[tuple[int, tuple[str, ...]]]:
    levels: list[tuple[int, tuple[str, ...]]] = []
    country = facts.country or "?"
    if own == 0 and facts.lat is not None and facts.lon is not None:
        levels.append((0, _cells(facts.lat, facts.lon, near_km)))
    if own <= 1 and facts.admin1:
        levels.append((1, ("a%s:%s" % (country, facts.admin1.lower()),)))
    if own <= 2 and facts.country:
        levels.append((2, ("c" + country,)))
    levels.append((3, tuple("x" + w for w in facts.text.sketch)))
    return [(i, ids) for i, ids in levels if ids]


@lru_cache(maxsize=1 << 16)
def _cells(lat: float, lon: float, near_km: float) -> tuple[str, ...]:
    """The grid cells within ``near_km`` of a point (one to four of them)."""
    dlat = near_km / _KM_PER_DEGREE
    dlon = near_km / (_KM_PER_DEGREE * max(0.05, math.cos(math.radians(min(89.0, abs(lat))))))
    dlon = min(dlon, 180.0)
    rows = range(math.floor((lat - dlat) / _CELL_DEGREES), math.floor((lat + dlat) / _CELL_DEGREES) + 1)
    first, last = math.floor((lon - dlon) / _CELL_DEGREES), math.floor((lon + dlon) / _CELL_DEGREES)
    turn = round(360.0 / _CELL_DEGREES)
    cols = {c % turn for c in range(first, last + 1)}
    return tuple(sorted("g%d:%d" % (r, c) for r in rows for c in cols))
