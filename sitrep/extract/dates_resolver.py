"""Resolving one date phrase to a calendar span: :class:`DateResolver`.

The conventions it follows are listed in :mod:`sitrep.extract.dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Literal, Mapping, Sequence

from sitrep.extract import dates_calendar as cal
from sitrep.extract.dates_calendar import Span
from sitrep.extract.dates_grammar import DateGrammar, Piece, default_grammar, is_completion, is_open
from sitrep.extract.dates_patterns import (
    AGO, ANAPHOR, DECADE, DMY, HOLIDAY, ISO, MDY, MONTH, NAMED, NUMERIC, ORDINAL, PERIOD, PREFIX, RECENT,
    RELDAY, SEASON, TIME, WEEKDAY, YEAR,
)  # fmt: skip
from sitrep.extract.dates_lexicon import DateWords, holiday_key
from sitrep.model import DateSpan, Precision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["DateResolver", "Tense"]

Tense = Literal["past", "future", "unknown"]

_LAST = ("last", "past", "previous", "this past")
_NEXT = ("next", "coming", "this coming")
_FORWARD = ("later", "afterwards", "afterward", "after")
_NEAR_WEEKDAYS = 14  # how far "the following Monday" may look, in days
_FALLBACK_MAX_WORDS = 6
# What dateparser must not be asked: durations ("three years") and times of day ("noon", "10.30").
_NOT_FOR_DATEPARSER = re.compile(
    r"\b(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))s?\b"
    r"|\b(?:now|today|tonight|noon|midday|midnight|dawn|dusk|morning|afternoon|evening)\b"
    r"|\d\s*[:.]\s*\d\d\b|\d\s*[ap]\.?m\b",
    re.IGNORECASE,
)
_HAS_LETTER_AND_DIGIT = re.compile(r"(?=.*\d)(?=.*[^\W\d_])", re.DOTALL)


@dataclass(frozen=True, slots=True)
class _Reading:
    """A resolved span before the tense rules; ``explicit`` when the text wrote the date in full."""

    start: date
    end: date
    precision: Precision
    explicit: bool = False


class DateResolver:
    """Resolves date phrases for one article, against its publication date.

    Build one per article; it caches answers (and dateparser's) for its own
    publication date only, so it holds no state that outlives the article.
    """

    def __init__(
        self,
        published: date,
        *,
        day_first: bool = True,
        use_dateparser: bool = True,
        languages: tuple[str, ...] = ("en",),
        grammar: DateGrammar | None = None,
        cache_size: int = 4096,
    ) -> None:
        """Set the publication date and options.

        ``day_first``: read an ambiguous "04/01/2024" as 4 January (False: April 1).
        ``use_dateparser``: fall back to dateparser for phrases the rules do not read.
        ``languages``: the languages dateparser may try. ``grammar``: a grammar
        built from another word list (default: sitrep's).
        """
        if isinstance(published, datetime):
            published = published.date()
        self.published = published
        self.day_first = day_first
        self.use_dateparser = use_dateparser
        self.languages = tuple(languages)
        self._grammar = grammar or default_grammar()
        self._words: DateWords = self._grammar.words
        self._cache: dict[tuple[str, DateSpan | None, str], DateSpan | None] = {}
        self._parsed: dict[tuple[str, str], _Reading | None] = {}
        self._cache_size = cache_size
        self._dateparsers: dict[str, DateDataParser] = {}

    # -- public ------------------------------------------------------------------------------

    def resolve(
        self, phrase: str, *, anchor: DateSpan | None = None, tense: Tense = "past"
    ) -> DateSpan | None:
        """The span ``phrase`` names, or None when it names none (or only a time, or a
        date after publication for a past-tense event).

        ``anchor`` is the previous resolved date in the text, used by "three
        months later", "the next day", "that night"...; without it those count
        from the publication date. :mod:`sitrep.extract.dates` lists every convention.
        """
        key = (phrase, anchor, tense)
        if key in self._cache:
            return self._cache[key]
        reading = self._read(phrase, anchor, tense)
        result = None
        if reading is not None:
            reading = self._apply_tense(reading, tense)
        if reading is not None:
            result = DateSpan(reading.start, reading.end, reading.precision, text=phrase)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[key] = result
        return result

    # -- reading a phrase --------------------------------------------------------------------

    def _read(self, phrase: str, anchor: DateSpan | None, tense: Tense) -> _Reading | None:
        text = " ".join(phrase.replace("’", "'").split()).upper()
        if not text:
            return None
        pieces = self._grammar.pieces(text, lenient=True)
        mains = [p for p in pieces if p.kind not in (TIME, PREFIX)]
        if not mains:
            if pieces or not self.use_dateparser:
                return None  # a bare clock time dates nothing
            return self._fallback(text, tense)
        anniversary = self._anniversary(mains, anchor)
        if anniversary is not None:
            return anniversary
        main, hint = mains[0], None
        if len(mains) >= 2 and is_open(mains[0]) and is_completion(mains[1]):
            hint = mains[1]
        else:
            main = min(mains, key=lambda p: _RANK[p.kind])
        try:
            return self._interpret(main, hint, anchor, tense)
        except (ValueError, OverflowError):
            return None  # a date outside the calendar ("31 February", year 0)

    def _anniversary(self, mains: Sequence[Piece], anchor: DateSpan | None) -> _Reading | None:
        """ "Two years ago this week", "a year ago this month": this week's or this month's span, moved
        back by the years or months counted (the same week, that many years before), at its precision."""
        if len(mains) != 2:
            return None
        ago = next((p for p in mains if p.kind == AGO), None)
        this = next((p for p in mains if p.kind == PERIOD and p.groups["rel"].lower() == "this"), None)
        if ago is None or this is None:
            return None
        unit = self._unit(ago.groups["u"])
        if this.groups["u"].lower() not in _ANNIVERSARY_PERIODS.get(unit, ()):
            return None
        period = self._interpret(this, None, anchor, "past")
        if period is None:
            return None
        lo, hi = self._count(ago.groups.get("q"))
        first, last = cal.shift(period.start, -hi, unit), cal.shift(period.end, -lo, unit)
        precision = period.precision if lo == hi else cal.coarser(period.precision, cal.precision_for_length((last - first).days + 1))
        return _Reading(first, last, precision)

    def _interpret(
        self, piece: Piece, hint: Piece | None, anchor: DateSpan | None, tense: Tense
    ) -> _Reading | None:
        g = piece.groups
        kind = piece.kind
        if kind == NAMED:
            index = int(next(k for k in g if k.startswith("n"))[1:])
            day = self._words.named_dates[index].day
            return _Reading(day, day, "day", explicit=True)
        if kind == HOLIDAY:
            return self._holiday(g, hint, tense)
        if kind == ISO:
            day = date(int(g["y"]), int(g["m"]), int(g["d"]))
            return _Reading(day, day, "day", explicit=True)
        if kind == NUMERIC:
            return self._numeric(g, tense)
        if kind in (DMY, MDY):
            return self._day_month(g, hint, tense)
        if kind == MONTH:
            return self._month(g, hint, tense)
        if kind == SEASON:
            return self._season(g, hint, tense)
        if kind == DECADE:
            return self._decade(g)
        if kind == YEAR:
            return self._year(g)
        if kind == RELDAY:
            lo, hi = self._words.relative_days[" ".join(g["w"].lower().split())]
            p = self.published
            return _Reading(p + timedelta(days=lo), p + timedelta(days=hi), "day")
        if kind == WEEKDAY:
            return self._weekday(g, hint, tense)
        if kind == ANAPHOR:
            return self._anaphor(g, anchor)
        if kind == AGO:
            lo, hi = self._count(g.get("q"))
            base = DateSpan(self.published, self.published, "day", "")
            return self._offset(base, lo, hi, self._unit(g["u"]), -1)
        if kind == RECENT:
            return self._recent(g)
        if kind == PERIOD:
            return self._period(g, tense)
        if kind == ORDINAL:
            return self._ordinal(g, hint, anchor, tense)
        return None

    # -- absolute and calendar names ---------------------------------------------------------

    def _numeric(self, g: Mapping[str, str], tense: Tense) -> _Reading | None:
        a, b = int(g["a"]), int(g["b"])
        year = self._year_of(g["y"])
        readings = []
        for day, month in ((a, b), (b, a)):
            if 1 <= month <= 12:
                try:
                    readings.append(date(year, month, day))
                except ValueError:
                    pass
        if not readings:
            return None
        chosen = readings[0]
        if len(readings) == 2:
            preferred, other = (readings[0], readings[1]) if self.day_first else (readings[1], readings[0])
            chosen = preferred
            if tense == "past" and preferred > self.published >= other:
                chosen = other
        return _Reading(chosen, chosen, "day", explicit=True)

    def _day_month(self, g: Mapping[str, str], hint: Piece | None, tense: Tense) -> _Reading | None:
        day = int("".join(c for c in g["d"] if c.isdigit()))
        month = self._month_no(g["m"])
        if "y" in g or "yy" in g:
            year = int(g["y"]) if "y" in g else self._year_of(g["yy"])
            found = date(year, month, day)
            return _Reading(found, found, "day", explicit=True)
        hint_year = self._hint_year(hint)
        if hint_year is not None:
            found = date(hint_year, month, day)
            return _Reading(found, found, "day")

        def occurrence(k: int) -> Span | None:
            try:
                found = date(self.published.year + k, month, day)
            except ValueError:
                return None  # 29 February
            return found, found

        return self._pick(occurrence, "bare", tense, "day", reach=8)

    def _month(self, g: Mapping[str, str], hint: Piece | None, tense: Tense) -> _Reading | None:
        month = self._month_no(g["m"])
        part = self._part(g)

        def occurrence(k: int) -> Span:
            return self._narrow(cal.month_span(self.published.year + k, month), "month", part)

        if "y" in g or "yy" in g:
            year = int(g["y"]) if "y" in g else self._year_of(g["yy"])
            start, end = self._narrow(cal.month_span(year, month), "month", part)
            return _Reading(start, end, "month", explicit=True)
        hint_year = self._hint_year(hint)
        if hint_year is not None:
            start, end = occurrence(hint_year - self.published.year)
            return _Reading(start, end, "month")
        return self._pick(occurrence, self._mode(g, this_is_current=True), tense, "month")

    def _season(self, g: Mapping[str, str], hint: Piece | None, tense: Tense) -> _Reading | None:
        first = self._words.seasons[g["s"].lower()]
        part = self._part(g)

        def occurrence(k: int) -> Span:
            return self._narrow(cal.season_span(first, self.published.year + k), "season", part)

        if "y" in g:
            start, end = occurrence(int(g["y"]) - self.published.year)
            return _Reading(start, end, "season", explicit=True)
        hint_year = self._hint_year(hint)
        if hint_year is not None:
            start, end = occurrence(hint_year - self.published.year)
            return _Reading(start, end, "season")
        mode = self._mode(g, this_is_current=True)
        if mode == "this":  # one that overlaps P's year ("this winter" in March: the one just gone)
            year = self.published.year

            def this_year(k: int) -> Span | None:
                found = occurrence(k)
                return found if found[0].year <= year <= found[1].year else None

            return self._pick(this_year, "bare", tense, "season", reach=1)
        return self._pick(occurrence, mode, tense, "season")

    def _holiday(self, g: Mapping[str, str], hint: Piece | None, tense: Tense) -> _Reading | None:
        holiday = self._words.holidays[holiday_key(g["h"])]
        if "y" in g:
            start, end = holiday.on(int(g["y"]))
            return _Reading(start, end, "day", explicit=True)
        hint_year = self._hint_year(hint)
        if hint_year is not None:  # "Christmas Day last year"
            start, end = holiday.on(hint_year)
            return _Reading(start, end, "day")

        def occurrence(k: int) -> Span:
            return holiday.on(self.published.year + k)

        return self._pick(occurrence, self._mode(g, this_is_current=True), tense, "day", reach=1)

    def _decade(self, g: Mapping[str, str]) -> _Reading:
        if "y" in g:
            first = int(g["y"])
        else:
            first = self.published.year // 100 * 100 + int(g["yy"])
            if first > self.published.year:
                first -= 100
        start, end = self._narrow(cal.decade_span(first), "decade", self._part(g))
        return _Reading(start, end, "decade", explicit=True)

    def _year(self, g: Mapping[str, str]) -> _Reading:
        first = int(g.get("y") or g["py"])
        last = first
        if "y3" in g:
            last = int(g["y3"])
        elif "y2" in g:
            last = int(g["y2"])
            if last < 100:
                last += first - first % 100
                if last < first:
                    last += 100
        first, last = min(first, last), max(first, last)
        part = self._part(g)
        start, end = self._narrow((date(first, 1, 1), date(last, 12, 31)), "year", part)
        return _Reading(start, end, "season" if part else "year", explicit=True)

    def _weekday(self, g: Mapping[str, str], hint: Piece | None, tense: Tense) -> _Reading | None:
        weekday = self._words.weekdays[g["wd"].lower()]
        monday = self.published - timedelta(days=self.published.weekday())
        if hint is not None and hint.group("u").lower() == "week":
            offset = {"this": 0, "last": -1, "next": 1}[hint.group("rel").lower()]
            found = monday + timedelta(days=7 * offset + weekday)
            return _Reading(found, found, "day")

        def occurrence(k: int) -> Span:
            found = monday + timedelta(days=7 * k + weekday)
            return found, found

        return self._pick(occurrence, self._mode(g, this_is_current=False), tense, "day")

    def _ordinal(
        self, g: Mapping[str, str], hint: Piece | None, anchor: DateSpan | None, tense: Tense
    ) -> _Reading | None:
        day = int("".join(c for c in g["d"] if c.isdigit()))
        first_of_month = self.published.replace(day=1)
        if hint is not None and hint.group("u").lower() == "month":
            offset = {"this": 0, "last": -1, "next": 1}[hint.group("rel").lower()]
            month = cal.add_months(first_of_month, offset)
            found = month.replace(day=day)
            return _Reading(found, found, "day")
        if anchor is not None and anchor.precision in ("day", "week", "month"):
            found = anchor.start.replace(day=day)  # "In March 2020 ... on the 11th"
            return _Reading(found, found, "day")

        def occurrence(k: int) -> Span | None:
            month = cal.add_months(first_of_month, k)
            try:
                found = month.replace(day=day)
            except ValueError:
                return None
            return found, found

        return self._pick(occurrence, "bare", tense, "day")

    # -- periods, offsets, anaphora ----------------------------------------------------------

    def _period(self, g: Mapping[str, str], tense: Tense) -> _Reading | None:
        """ "this week", "last month", "the end of last year", "earlier this year", "over the weekend"."""
        unit = g["u"].lower()
        rel = " ".join(g["rel"].lower().split())
        p = self.published
        if unit == "weekend":

            def weekend(k: int) -> Span:
                return cal.weekend_span(p + timedelta(days=7 * k))

            mode = "last" if rel in _LAST else "next" if rel in _NEXT else "bare"
            return self._pick(weekend, mode, tense, "week")

        def occurrence(k: int) -> Span:
            if unit == "week":
                return cal.week_span(p + timedelta(days=7 * k))
            if unit == "month":
                first = cal.add_months(p.replace(day=1), k)
                return cal.month_span(first.year, first.month)
            if unit == "year":
                return cal.year_span(p.year + k)
            return cal.decade_span(p.year + 10 * k)

        whole: Precision = unit  # type: ignore[assignment]  # week, month, year, decade
        part = self._part(g)
        precision: Precision = "season" if part and unit == "year" else whole
        if rel in ("the", "in the"):  # "at the start of the year", "earlier in the month"
            if part in ("earlier", "later"):
                return self._earlier_later(*occurrence(0), part, whole)
            return self._pick(lambda k: self._narrow(occurrence(k), unit, part), "bare", tense, precision)
        offset = -1 if rel in _LAST else 1 if rel in _NEXT else 0
        if offset == 0 and part in ("earlier", "later"):  # "earlier this month"
            return self._earlier_later(*occurrence(0), part, whole)
        start, end = self._narrow(occurrence(offset), unit, part)
        return _Reading(start, end, precision)

    def _earlier_later(self, start: date, end: date, part: str, precision: Precision) -> _Reading:
        """ "earlier this month" = [period start, P]; "later this year" = [P, period end]."""
        p = self.published
        if part == "earlier":
            return _Reading(start, max(start, min(p, end)), precision)
        return _Reading(min(max(p, start), end), end, precision)

    def _recent(self, g: Mapping[str, str]) -> _Reading:
        unit = self._unit(g["u"])
        p = self.published
        if g["rel"].lower() == "recent":
            count = self._words.recent_reach.get(unit, 1)
        else:
            count = self._count(g.get("q"))[1] if "q" in g else 1
        start = min(cal.shift(p, -count, unit), p)
        return _Reading(start, p, cal.precision_for_length((p - start).days + 1))

    def _anaphor(self, g: Mapping[str, str], anchor: DateSpan | None) -> _Reading | None:
        base = anchor or DateSpan(self.published, self.published, "day", "")
        if "u" in g:  # "three months later", "a week earlier", "hours later"
            lo, hi = self._count(g.get("q"))
            sign = 1 if g["dir"].lower() in _FORWARD else -1
            return self._offset(base, lo, hi, self._unit(g["u"]), sign)
        if "dir2" in g or "dir3" in g:  # "the next day", "the following week", "the day before"
            word = (g.get("dir2") or g["dir3"]).lower()
            sign = 1 if word in ("next", "following", "after", "later") else -1
            if "wd2" in g:
                return self._nearest_weekday(base, self._words.weekdays[g["wd2"].lower()], sign)
            unit = (g.get("u2") or g["u3"]).lower()
            return self._neighbour(base, unit, sign)
        unit = g["u4"].lower()  # "that night", "the same day", "later that week"
        if unit == "weekend" and base.precision == "day":
            return _Reading(*cal.weekend_span(base.start), "week")
        if unit in ("week", "month", "year") and cal.is_coarser(
            self._unit_precision(unit), base.precision
        ):
            precision = self._unit_precision(unit)
            start, end = cal.snap(base.start, precision, self._words.seasons)
            return _Reading(start, end, precision)
        return _Reading(base.start, base.end, base.precision)

    def _neighbour(self, base: DateSpan, unit: str, sign: int) -> _Reading:
        """The period after (sign 1) or before (-1) the anchor: "the following week"."""
        if unit in ("day", "morning", "afternoon", "evening", "night"):
            return self._offset(base, 1, 1, "day", sign)
        if unit == "weekend":
            if sign > 0:
                saturday = base.end + timedelta(days=(5 - base.end.weekday()) % 7 or 7)
                return _Reading(saturday, saturday + timedelta(days=1), "week")
            sunday = base.start - timedelta(days=(base.start.weekday() + 1) % 7 or 7)
            return _Reading(sunday - timedelta(days=1), sunday, "week")
        precision = self._unit_precision(unit)
        if cal.is_coarser(base.precision, precision):
            return self._offset(base, 1, 1, unit, sign)
        start, end = cal.snap(cal.shift(base.start, sign, unit), precision, self._words.seasons)
        return _Reading(start, end, precision)

    def _nearest_weekday(self, base: DateSpan, weekday: int, sign: int) -> _Reading:
        """ "the following Monday": the first Monday after the anchor (before it for sign -1)."""
        edge = base.end if sign > 0 else base.start
        for step in range(1, _NEAR_WEEKDAYS):
            day = edge + timedelta(days=sign * step)
            if day.weekday() == weekday:
                return _Reading(day, day, "day")
        raise ValueError("unreachable: every weekday occurs within a week")

    def _offset(self, base: DateSpan, lo: int, hi: int, unit: str, sign: int) -> _Reading:
        """``base`` moved by lo..hi units, forward (sign 1) or back (-1); see the module docstring."""
        unit_precision = cal.UNIT_PRECISION[unit]
        precision = cal.coarser(unit_precision, base.precision)
        if sign > 0:
            first, last = cal.shift(base.start, lo, unit), cal.shift(base.end, hi, unit)
        else:
            first, last = cal.shift(base.start, -hi, unit), cal.shift(base.end, -lo, unit)
        seasons = self._words.seasons
        if precision == "week" and cal.is_coarser("week", base.precision):
            first, last = cal.centred_week(first)[0], cal.centred_week(last)[1]
        elif precision == unit_precision and precision not in ("day", "week"):
            first, last = cal.snap(first, precision, seasons)[0], cal.snap(last, precision, seasons)[1]
        # else the anchor is coarser than the shift: move it as it is ("two days after" July)
        if lo != hi:
            precision = cal.coarser(precision, cal.precision_for_length((last - first).days + 1))
        return _Reading(first, last, precision)

    # -- choosing among occurrences ----------------------------------------------------------

    def _pick(
        self,
        occurrence: Callable[[int], Span | None],
        mode: str,
        tense: Tense,
        precision: Precision,
        reach: int = 3,
    ) -> _Reading | None:
        """Choose the occurrence a name means (k = 0 is the one in P's period, -1 the one before).

        ``bare``: past -> the latest starting on or before P; future -> the first
        ending on or after P; unknown -> as past, else as future. ``last``: the latest ending before P.
        ``next``: the first starting after P. ``this``: k = 0.
        """
        p = self.published
        spans: list[tuple[int, Span]] = []
        for k in range(-reach, reach + 1):
            found = occurrence(k)
            if found is not None:
                spans.append((k, found))
        chosen: Span | None = None
        if mode == "this":
            chosen = next((s for k, s in spans if k == 0), None)
        elif mode == "last":
            chosen = next((s for _, s in reversed(spans) if s[1] < p), None)
        elif mode == "next":
            chosen = next((s for _, s in spans if s[0] > p), None)
        elif tense == "future":
            chosen = next((s for _, s in spans if s[1] >= p), None)
        else:
            chosen = next((s for _, s in reversed(spans) if s[0] <= p), None)
            if chosen is None and tense == "unknown":
                chosen = next((s for _, s in spans if s[1] >= p), None)
        if chosen is None:
            return None
        return _Reading(chosen[0], chosen[1], precision)

    @staticmethod
    def _mode(g: Mapping[str, str], *, this_is_current: bool) -> str:
        rel = " ".join((g.get("rel") or "").lower().split())
        if rel in _LAST:
            return "last"
        if rel in _NEXT:
            return "next"
        if rel == "this" and this_is_current:
            return "this"
        return "bare"

    # -- tense -------------------------------------------------------------------------------

    def _apply_tense(self, reading: _Reading, tense: Tense) -> _Reading | None:
        p = self.published
        start, end = reading.start, reading.end
        if tense == "past" and end > p:
            if start > p:
                return reading if reading.explicit else None
            end = p
        elif tense == "future" and start < p <= end and not reading.explicit:
            start = p
        return _Reading(start, end, reading.precision, reading.explicit)

    # -- small readers -----------------------------------------------------------------------

    def _month_no(self, word: str) -> int:
        return self._words.months[word.rstrip(".").lower()]

    def _year_of(self, digits: str) -> int:
        digits = digits.lstrip("'")
        year = int(digits)
        if len(digits) > 2:
            return year
        year += self.published.year // 100 * 100
        return year - 100 if year > self.published.year + 1 else year

    def _count(self, words: str | None) -> tuple[int, int]:
        if words is None:
            return self._words.bare_plural
        key = " ".join(words.lower().split())
        if key in self._words.vague_counts:
            return self._words.vague_counts[key]
        if key in self._words.number_words:
            n = self._words.number_words[key]
        else:
            n = int(key.replace(",", ""))
        return n, n

    def _unit(self, word: str) -> str:
        return self._words.units[word.lower()]

    @staticmethod
    def _unit_precision(unit: str) -> Precision:
        return "week" if unit in ("week", "weekend") else cal.UNIT_PRECISION[unit]

    def _hint_year(self, hint: Piece | None) -> int | None:
        if hint is None or hint.group("u").lower() != "year":
            return None
        return self.published.year + {"this": 0, "last": -1, "next": 1}[hint.group("rel").lower()]

    @staticmethod
    def _part(g: Mapping[str, str]) -> str | None:
        word = g.get("pn") or g.get("pa")
        return " ".join(word.lower().split()) if word else None

    def _narrow(self, span: Span, period: str, part: str | None) -> Span:
        if part is None:
            return span
        part = {"earlier": "early", "later": "late"}.get(part, part)
        return cal.part_of(span, period, self._words.period_parts[period][part])

    # -- dateparser fallback -----------------------------------------------------------------

    def _fallback(self, text: str, tense: Tense) -> _Reading | None:
        """dateparser's reading of a short phrase the rules could not read.

        In English only phrases with both words and numbers are worth asking
        (every English name is read by the rules already); with other languages
        configured, any short phrase ("vendredi") is.
        """
        if len(text.split()) > _FALLBACK_MAX_WORDS or _NOT_FOR_DATEPARSER.search(text):
            return None
        if self.languages == ("en",) and not _HAS_LETTER_AND_DIGIT.match(text):
            return None
        key = (text, tense)
        if key not in self._parsed:
            if len(self._parsed) >= self._cache_size:
                self._parsed.clear()
            self._parsed[key] = self._ask_dateparser(text, tense)
        return self._parsed[key]

    def preload(self) -> None:
        """Import dateparser and load its locale data now (the first phrase asked of it pays
        for both, a third of a second)."""
        self._ask_dateparser("3 days ago", "past")

    def _ask_dateparser(self, text: str, tense: Tense) -> _Reading | None:
        from dateparser.date import DateDataParser  # slow to import; only when needed

        prefer = "future" if tense == "future" else "past"
        parser = self._dateparsers.get(prefer)
        if parser is None:
            parser = self._dateparsers[prefer] = DateDataParser(
                languages=list(self.languages),
                settings={
                    "RELATIVE_BASE": datetime.combine(self.published, datetime.min.time()),
                    "DATE_ORDER": "DMY" if self.day_first else "MDY",
                    "PREFER_DATES_FROM": prefer,
                    "PREFER_DAY_OF_MONTH": "first",
                    "RETURN_TIME_AS_PERIOD": True,
                },
            )
        try:
            data = parser.get_date_data(text)
        except Exception:  # noqa: BLE001 - dateparser raises many kinds of errors on odd input
            return None
        found: Any = data.date_obj
        if found is None:
            return None
        day = found.date()
        if data.period == "month":
            return _Reading(*cal.month_span(day.year, day.month), "month")
        if data.period == "year":
            return _Reading(*cal.year_span(day.year), "year")
        if data.period == "week":
            return _Reading(*cal.week_span(day), "week")
        return _Reading(day, day, "day")


#: The periods "this ..." an anniversary counted in each unit may name: "two years ago this week",
#: "a year ago this month", "six months ago this week".
_ANNIVERSARY_PERIODS = {"year": ("week", "month"), "month": ("week",)}

_RANK = {
    kind: i
    for i, kind in enumerate(
        (NAMED, HOLIDAY, ISO, NUMERIC, DMY, MDY, MONTH, SEASON, YEAR, DECADE, RELDAY, WEEKDAY,
         ORDINAL, ANAPHOR, AGO, PERIOD, RECENT)
    )  # fmt: skip
}
