"""Finding date expressions in sentences and resolving them to calendar spans.

``find_dates(sentence)`` lists every date or time expression in raw sentence
text (ALL-CAPS wire copy included), longest first, without overlaps.
``DateResolver(published).resolve(phrase, anchor=..., tense=...)`` turns one
phrase (a mention, or a spaCy DATE entity's text) into a
:class:`sitrep.model.DateSpan`. ``publication_date_from_text(page)`` reads a
dateline or a "Published:" line.

Conventions (P is the publication date; weeks run Monday to Sunday):

* **Deictic words count from P**: "yesterday" is P-1, "last night" P-1,
  "overnight" P-1..P, "two days ago" P-2. "N weeks ago" is the seven days
  centred on P-7N (precision week); "N months ago" / "N years ago" the calendar
  month / year that contains P minus N months / years.
* **Names without a year** ("Friday", "in July", "4 January", "the 11th", "last
  summer") are the most recent one *on or before* P for ``tense='past'`` (and
  ``'unknown'``), the first one *on or after* P for ``tense='future'``.
  "last Friday" / "last July" is the most recent one that ended *strictly
  before* P (published Friday 22 March, "last Friday" is 15 March; published
  in July, "last July" is the July before). "next X" is the first that starts
  after P; "this July" is July of P's year; "this winter" is the winter that
  overlaps P's year on the side the tense points to (in March, past tense: the
  winter just gone). A neighbouring "this/last/next year|week|month" completes
  a name: "4 January this year", "July last year", "Friday last week", "the 4th
  of this month". "the 11th" with an anchor of day, week or month precision is
  the 11th of the anchor's month ("In March 2020 ... on the 11th").
* **Calendar periods**: "this week" = Monday..P, "last week" the Monday-Sunday
  before; "last month", "last year" the previous calendar month / year;
  "earlier this month" = [1st of P's month, P] (precision month), "earlier this
  year" = [1 January, P] (precision year), "later this month" = [P, month end].
  "over the weekend" / "at the weekend" / "this weekend" = the most recent
  Saturday-Sunday on or before P; "last weekend" the most recent one wholly
  before P (precision week for both).
* **Parts of a period** narrow the span and keep the period's precision,
  except parts of a year, which take precision ``'season'`` (a span of three
  or four months): early = first third (days 1-10 of a month, January-April of a
  year, years 0-2 of a decade), mid = middle third, late = last third;
  "the start/beginning of" = the first quarter-ish (days 1-10, January-March),
  "the end of" / "towards the end of" = the last (days 21-end, October-December).
  So "the end of last year" is 1 Oct-31 Dec of P.year-1, precision season, and
  "early March" is 1-10 March, precision month. The table is data
  (``period_parts`` in ``sitrep/data/date_words.yaml``).
* **Seasons** are meteorological, northern hemisphere, three months each;
  winter Y is December Y to February Y+1.
* **Years and decades**: "2015" (in a date context) is the year; "between 2010
  and 2012", "2015-16" span their years (precision year); "the 1990s" =
  1990-1999; "the '90s" is the latest such decade that started by P. Events
  known by their date ("9/11", "the September 11 attacks", "7/7") are their
  day (``named_dates`` in the word list).
* **Holidays** ("Christmas Day", "New Year's Eve", "Easter Sunday", "Good Friday",
  ``holidays`` in the word list) are their day: the last one on or before P, or
  the year's with a year or "last year"; the feasts of Easter move with Western
  Easter; the Islamic feasts ("Eid al-Adha", "Ashura") are the three days around
  their day in the arithmetic Islamic calendar, the day kept varying by country. "The Easter Sunday bombings" and "the Good Friday Agreement" name an
  event or a treaty, perhaps years old, and date nothing.
* **Rolling spans**: "in recent days" = [P-7, P] (precision week), "recent
  weeks" [P-4 weeks, P], "recent months" [P-6 months, P]; "the past N days",
  "the last 24 hours" = [P-N, P]; their precision follows the span's length.
* **Anaphora** count from ``anchor`` (the previous resolved date in the text),
  or from P without one: "the next day" = anchor+1, "the day before",
  "a week earlier", "three months later", "that night" / "the same day" = the
  anchor itself, "the following week" = the calendar week after the anchor's.
  A shift by a unit coarser than the anchor's precision snaps to that unit
  ("three months later" than 15 July 2023 is October 2023, precision month); a
  finer shift keeps the anchor's precision. A vague count ("days later",
  "several years earlier") spans its whole range (2-7 days for a bare plural).
* **Numeric dates** "04/01/2024" are day-first unless a part over 12 decides
  (``day_first=False`` for US sources); when both readings are possible and
  only one is on or before P, a past-tense phrase takes that one.
  Two-digit years take the century that puts them no later than P.year+1
  ("12 JAN 90" published in 1990 is 1990).
* **Past tense never dates after publication**: with ``tense='past'`` a span
  that runs past P is cut at P, and a phrase that can only mean a date after P
  ("tomorrow", "next week", "two days later" with no anchor) resolves to
  ``None``. A fully written date ("4 January 2025", "2025") is returned as
  written even when it is after P: the text is explicit, P may be wrong.
  With ``tense='future'`` a span that straddles P starts at P.
* **Clock times** are part of a mention ("6 JANUARY AT 1625") but never date
  anything alone: a mention that is only a time ("at 10pm") resolves to None.

``dateparser`` is only a fallback for a phrase none of these rules read, is
never given raw text or a bare duration ("three years"), and its answers are
cached per resolver.

Speed (CPU time, one core, measured on MUC-4, ECB+ and ISAF sentences of about
20 words): ``find_dates`` about 25-30 us a sentence (6 us when a sentence has no
date word or number at all); ``resolve`` about 20-50 us for a new phrase and
under 1 us for a phrase already resolved by the same resolver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.dates_grammar import default_grammar
from sitrep.extract.dates_header import publication_date_from_text
from sitrep.extract.dates_resolver import DateResolver, Tense

__all__ = ["DateMention", "DateResolver", "Tense", "find_dates", "publication_date_from_text"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or time expression in a sentence: offsets into the sentence and its text.

    ``time_only`` marks a bare clock time ("at 10pm", "AT 1625"): it is a time
    expression but dates nothing by itself (:meth:`DateResolver.resolve` gives None).
    """

    start: int
    end: int
    text: str
    time_only: bool = False
    reading: str = ""  # the English words it is resolved as, when it is written in another language


def find_dates(text: str) -> list[DateMention]:
    """Every date or time expression in ``text``: longest, non-overlapping, sorted by offset.

    Leading prepositions are left out ("on Friday" gives "Friday"). Words that
    are dates only in context are taken only in that context: a bare year after
    "in", "since", "of", "during"... or in "(2015)" ("2015 people" is not a
    date); "May" and "March" alone only after such a cue (and in ALL-CAPS copy
    "THIS MAY" only before punctuation or a small word, not in "THIS MAY HAVE
    BEEN"); "the 11th" only when nothing but punctuation or a small word
    follows ("the 11th floor" is not a date); "two days after" and "the day
    before" only when they close the clause ("two days after the attack"
    counts from an event, not from a date). Month and weekday names must be
    capitalised ("March", "MARCH"); other words may be in any case.
    """
    found = [DateMention(c.start, c.end, text[c.start : c.end], c.time_only) for c in default_grammar().chunks(text)]
    extra = [
        *(DateMention(m.start(1), m.end(1), m.group(1)) for m in _YEAR_OF_AN_ACT.finditer(text)),
        *(DateMention(m.start(), m.end(), m.group(0), reading=f"{m.group('n')} years ago") for m in _YEARS_SINCE.finditer(text)),
        *(DateMention(m.start(), m.end(), m.group(0), reading=f"{m.group('n')} {m.group('unit')} ago") for m in _YEARS_ON.finditer(text)),
        *(_ago_romance(text) if _AGO_ROMANCE_HINT.search(text) else ()),
    ]
    if not extra:
        return found
    for mention in extra:  # each where the grammar's phrases and the ones taken before leave room
        if not any(d.start < mention.end and mention.start < d.end for d in found):
            found.append(mention)
    found.sort(key=lambda d: d.start)
    return found


#: A year that names an act ("the 2017 attack", "over 2017 Manchester Arena bombing plot", "the 2015 Paris
#: attacks"): its date, though no "in" comes before it.
_YEAR_OF_AN_ACT = re.compile(
    r"\b((?:19|20)\d\d)\s+(?=(?:[A-Z][\w'’.-]*\s+){0,3}(?:suicide\s+|car\s+|bus\s+|school\s+|terror(?:ist)?\s+|mass\s+)?"
    r"(?:attacks?|bombings?|massacres?|shootings?|killings?|assassinations?|kidnappings?|abductions?|hijackings?|"
    r"siege|raids?|ambush(?:es)?|blasts?|explosions?|stabbings?)\b)"
)
#: How many years or months an anniversary counts, in digits or words.
_HOW_MANY = (
    r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|twenty-five|thirty|"
    r"forty|fifty)"
)
#: An anniversary told as the years since an act ("to mark ten years since Taliban gunmen stormed the
#: school"): that many years before the day it is told on.
_YEARS_SINCE = re.compile(
    r"(?:(?<=\bmark\s)|(?<=\bmarks\s)|(?<=\bmarked\s)|(?<=\bmarking\s))" + _HOW_MANY + r"\s+years?\s+since\b",
    re.IGNORECASE,
)
#: An anniversary told as the time gone by ("Ten years on, Peshawar remembers school massacre").
_YEARS_ON = re.compile(r"\b" + _HOW_MANY + r"\s+(?P<unit>years|months)\s+on(?=,)", re.IGNORECASE)
#: "some time ago" in Spanish, Portuguese and French: "Hace dos semanas", "há três dias", "il y a deux mois".
_AGO_ROMANCE = re.compile(
    r"\b(?:[Hh]ace|[Hh][áa]|[Ii]l y a)\s+(?:(?P<n>\d{1,3}|[^\W\d_]+)\s+)?"
    r"(?P<unit>d[ií]as?|jours?|semanas?|semaines?|mes(?:es)?|m[eê]s(?:es)?|mois|a[ñn]os?|anos?|ans|ann[ée]es?)\b"
)
_AGO_ROMANCE_HINT = re.compile(r"\b(?:[Hh]ace|[Hh][áa]|[Ii]l y a)\s")
_ROMANCE_COUNTS = {
    "un": 1, "una": 1, "um": 1, "uma": 1, "une": 1, "dos": 2, "dois": 2, "duas": 2, "deux": 2, "tres": 3, "três": 3,
    "trois": 3, "cuatro": 4, "quatro": 4, "quatre": 4, "cinco": 5, "cinq": 5, "seis": 6, "six": 6, "siete": 7,
    "sete": 7, "sept": 7, "ocho": 8, "oito": 8, "huit": 8, "nueve": 9, "nove": 9, "neuf": 9, "diez": 10, "dez": 10,
    "dix": 10, "unos": 0, "unas": 0, "varios": 0, "varias": 0, "algunos": 0, "algunas": 0, "alguns": 0,
    "algumas": 0, "vários": 0, "várias": 0, "quelques": 0, "plusieurs": 0,
}


def _ago_romance(text: str) -> list[DateMention]:
    """"Hace dos semanas", "há três dias", "il y a deux mois" as mentions read as "2 weeks ago",
    "3 days ago", "2 months ago" ("hace unos días": "a few days ago", "hace un año": "a year ago")."""
    out = []
    for m in _AGO_ROMANCE.finditer(text):
        word, unit = (m.group("n") or "").lower(), m.group("unit").lower()
        units = (
            "days" if unit[0] in "dj" else "weeks" if unit.startswith("sem")
            else "months" if unit.startswith(("mes", "mês", "moi")) else "years"
        )
        if not word:
            reading = f"{units} ago"  # "hace años"
        elif word.isdigit():
            reading = f"{word} {units} ago"
        elif word in _ROMANCE_COUNTS:
            n = _ROMANCE_COUNTS[word]
            reading = f"a few {units} ago" if n == 0 else f"a {units[:-1]} ago" if n == 1 else f"{n} {units} ago"
        else:
            continue  # "hace frío", "há muitos": not a time told by its count
        out.append(DateMention(m.start(), m.end(), m.group(0), reading=reading))
    return out


