"""Publication dates: reading them from metadata and header lines, and choosing one.

Precedence (:func:`resolve_publication`): the article's own metadata (HTML meta,
a JSON ``published`` field, the publication line of a text dump), else the date
the caller passes (``--published``), else the day in the page's address
("/2013/04/12/"), else a date inferred from the body text by
``sitrep.extract.dates.publication_date_from_text``. With none of them the
article has no date and a warning says what that costs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Literal

from sitrep.ingest.furniture import DumpVocabulary

DateFinder = Callable[[str], date | None]
"""Finds an article's publication date in its body text (e.g. a wire dateline)."""

NO_DATE_WARNING = "no publication date: relative dates will not be resolved; pass --published"

_MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAYS: frozenset[str] = frozenset(
    "mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday".split()
)
_FILLERS: frozenset[str] = frozenset(
    {"at", "on", "of", "the", "st", "nd", "rd", "th", "am", "pm", "a.m.", "p.m.", "a", "m", "p"}
)
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|'?\d{2})"
_DATE_FORMS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(rf"\b{_DAY}\s*(?:of\s+)?{_MONTH}\.?(?:,\s*|\s+){_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\.?\s+{_DAY}(?:,\s*|\s+){_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})\b"),
)
_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})\s?[/.]\s?(?P<b>\d{1,2})\s?[/.]\s?(?P<year>\d{4})\b")
_TOKENS = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]\.)?|\d+|[^\w\s]", re.UNICODE)
_PUNCTUATION: frozenset[str] = frozenset(",.:/|•·-–—()[]'+")


@dataclass(frozen=True, slots=True)
class PublicationLine:
    """A line of a page header that states when the article was published or updated."""

    date: date
    kind: Literal["published", "updated"]


def _year(text: str) -> int:
    digits = text.lstrip("'")
    value = int(digits)
    if len(digits) == 2:
        value += 1900 if value >= 50 else 2000
    return value


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first calendar date written in ``text`` ("25 March 2024", "Mar. 25, 2024",
    "2024-03-25", "25/03/2024"); None when there is none or it is ambiguous
    ("03/04/2024" could be either order)."""
    best: tuple[int, date] | None = None
    for form in _DATE_FORMS:
        match = form.search(text)
        if match is None:
            continue
        month_text = match.group("month")
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower().rstrip("."), 0)
        found = _make_date(_year(match.group("year")), month, int(match.group("day")))
        if found is not None and (best is None or match.start() < best[0]):
            best = (match.start(), found)
    if best is not None:
        return best[1]
    match = _NUMERIC.search(text)
    if match is None:
        return None
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if a > 12 >= b:
        return _make_date(year, b, a)
    if b > 12 >= a:
        return _make_date(year, a, b)
    if a == b:
        return _make_date(year, a, b)
    return None


@lru_cache(maxsize=8)
def _label_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})\b\s*:?\s*", re.IGNORECASE)


def publication_line(line: str, vocabulary: DumpVocabulary) -> PublicationLine | None:
    """Read a header line that is only a date, with an optional label.

    "Mon 25 Mar 2024 10.42 GMT", "Published: 25 March 2024", "Last modified on
    Tue 26 Mar 2024 14.12 GMT", "March 25, 2024 10:42 AM ET". A line with any
    other word in it ("Police said on 25 March 2024 ...") is not a publication line.
    """
    kind: Literal["published", "updated"] = "published"
    rest = line
    updated = _label_pattern(vocabulary.updated_labels).match(line)
    if updated is not None:
        kind, rest = "updated", line[updated.end() :]
    else:
        published = _label_pattern(vocabulary.published_labels).match(line)
        if published is not None:
            rest = line[published.end() :]
    for token in _TOKENS.findall(rest):
        low = token.lower()
        if token.isdigit() or low in _FILLERS or low.rstrip(".") in _MONTHS or low in _WEEKDAYS:
            continue
        if low in vocabulary.time_zones or token in _PUNCTUATION:
            continue
        return None
    found = find_date(rest)
    return PublicationLine(found, kind) if found is not None else None


def parse_date_value(value: object, *, language: str | None = None) -> date | None:
    """Read a metadata date leniently: ISO dates and datetimes, Unix timestamps,
    then the usual written forms, then dateparser (absolute dates only, never
    "yesterday", so the result does not depend on when it runs)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(float(value), tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    found = find_date(text)
    if found is not None:
        return found
    return _dateparser_date(text, language)


def _dateparser_date(text: str, language: str | None) -> date | None:
    import dateparser  # heavy: imported only when a date is in an unusual form

    languages = ["en"] if not language or language.lower().startswith("en") else [language.lower()[:2], "en"]
    settings = {"PARSERS": ["timestamp", "custom-formats", "absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        parsed = dateparser.parse(text, languages=languages, settings=settings)
    except (ValueError, TypeError, OverflowError):
        try:  # an unknown language code: try English alone
            parsed = dateparser.parse(text, languages=["en"], settings=settings)
        except (ValueError, TypeError, OverflowError):
            return None
    return parsed.date() if parsed is not None else None


def default_date_finder() -> DateFinder | None:
    """``sitrep.extract.dates.publication_date_from_text``, or None if it is not available."""
    try:
        from sitrep.extract.dates import publication_date_from_text
    except ImportError:
        return None
    return publication_date_from_text


#: A day in a page's address, as publishers write it: "/2013/04/12/", "/2005/jun/25/", "/20070503/",
#: "2013-04-12" (matched on the address with its spaces taken out).
_ADDRESS_DATES: tuple[re.Pattern[str], ...] = (
    re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
    re.compile(rf"/(?P<year>(?:19|20)\d\d)/{_MONTH}/(?P<day>0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)", re.IGNORECASE),
    re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
    re.compile(r"(?<![\d])(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d])"),
)


def address_date(url: str | None) -> date | None:
    """The publication day a page's address states ("https://www.x.com/2013/04/12/story"), or None.

    Publishers put the day of publication in the path; a month alone ("/2013/04/") is not a day.
    Spaces are taken out first, so a tokenised address ("http: / / x. com / 2013 / 04 / 12 /") reads
    the same."""
    if not url:
        return None
    address = re.sub(r"\s+", "", url)
    path = address.split("?", 1)[0]
    for form in _ADDRESS_DATES:
        match = form.search(path)
        if match is None:
            continue
        month = match.group("month")
        number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
        if number is None:
            continue
        found = _make_date(int(match.group("year")), number, int(match.group("day")))
        if found is not None:
            return found
    return None


def resolve_publication(
    metadata: date | None,
    given: date | None,
    text: str,
    date_finder: DateFinder | None = None,
    *,
    url: str | None = None,
) -> tuple[date | None, bool, tuple[str, ...]]:
    """Choose the publication date: metadata, else ``given``, else the day in the page's
    address (``url``), else inferred from ``text``.

    Returns ``(date, inferred, warnings)``; ``inferred`` is True only when the
    date was read from the body text. ``date_finder`` defaults to
    :func:`default_date_finder`.
    """
    if metadata is not None:
        return metadata, False, ()
    if given is not None:
        return given, False, ()
    in_address = address_date(url)
    if in_address is not None:
        return in_address, False, ("publication date read from the page's address",)
    finder = date_finder if date_finder is not None else default_date_finder()
    found = finder(text) if finder is not None else None
    if found is not None:
        return found, True, ("publication date inferred from the text",)
    return None, False, (NO_DATE_WARNING,)
