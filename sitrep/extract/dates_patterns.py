"""The regular expressions of date pieces and where each is tried (its head words).

Built from the word list (:mod:`sitrep.extract.dates_lexicon`) and used by
:class:`sitrep.extract.dates_grammar.DateGrammar`; see that module for how
pieces are found and joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from sitrep.extract.dates_lexicon import DateWords

# Piece kinds, in the order that breaks ties between equally long pieces.
NAMED = "named"
HOLIDAY = "holiday"
ISO = "iso"
NUMERIC = "numeric"
DMY = "dmy"
MDY = "mdy"
MONTH = "month"
SEASON = "season"
DECADE = "decade"
YEAR = "year"
RELDAY = "relday"
WEEKDAY = "weekday"
ANAPHOR = "anaphor"
AGO = "ago"
RECENT = "recent"
PERIOD = "period"
ORDINAL = "ordinal"
TIME = "time"
PREFIX = "prefix"
TIME_WORDS = "time words"  # a second pattern for TIME pieces ("at dawn", "in the evening")

KINDS: tuple[str, ...] = (
    NAMED, HOLIDAY, ISO, NUMERIC, DMY, MDY, MONTH, SEASON, DECADE, YEAR, RELDAY, WEEKDAY,
    ANAPHOR, AGO, RECENT, PERIOD, ORDINAL, TIME, PREFIX,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Scanner:
    """Where to try one pattern: only around its head words, never at every character.

    A piece always contains a *head* word (a month name, "ago", a number...).
    The pattern is tried anchored at the head and at the words before it that
    may start it (``starters``, at most ``reach`` words back: "towards the end
    of last July"), farthest first, so the longest reading wins.
    """

    kind: str
    regex: re.Pattern[str]
    heads: frozenset[str]  # lower-case head words; empty: the head is a number
    number: re.Pattern[str] | None  # for number heads: which numbers (fullmatch)
    reach: int
    starters: frozenset[str]  # words the pattern may start with before its head
    also: frozenset[str] = frozenset()  # if set, the text must hold one of these words too
    probe: re.Pattern[str] | None = None  # if set, must match the lower-cased text
    counted: bool = False  # may start with a number before its head ("10 years ago")


def alternation(words: Iterable[str], *, ignore_case: bool = True) -> str:
    """A regex alternation of ``words``, longest first; spaces match any run of whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def _names(words: Iterable[str]) -> str:
    """Proper-name spellings: "March" or "MARCH", not "march"."""
    variants = [v for w in words for v in (w.title(), w.upper())]
    return alternation(variants, ignore_case=False)


#: The article of an Arabic name, written in lower case or not: "Eid al-Adha", "Eid Al-Adha".
_ARABIC_ARTICLE = re.compile(r"(?:al|ul|el|an|un)-")


def _holiday_names(names: Iterable[str]) -> str:
    """The holidays' names, each word capitalised or in capitals (an Arabic article in either
    case), an apostrophe optional."""
    spelt = []
    for name in sorted(names, key=lambda n: -len(n)):
        words = [(re.escape(w).replace("'", "['’]?"), _ARABIC_ARTICLE.match(w) is not None) for w in name.split()]
        spelt.append(r"\s+".join(
            rf"(?i:{w})" if arabic else rf"(?:{w[0].upper()}(?i:{w[1:]}))" for w, arabic in words
        ))
    return "|".join(spelt) if spelt else "(?!)"


def _patterns(words: DateWords) -> dict[str, str]:
    """The regular expression of each piece kind (TIME has two: clock times and time words)."""
    full = list(words.month_full)
    abbr = [w for w in words.months if w not in words.month_full]
    mon = rf"(?:{_names(full)}\b|{_names(abbr)}\b\.?)"
    wd_full = rf"{_names(words.weekday_full)}\b"
    wd_any = rf"(?:{wd_full}|{_names(w for w in words.weekdays if w not in words.weekday_full)}\b)"
    day = r"(?:[12][0-9]|3[01]|0?[1-9])(?!\d)(?:(?i:st|nd|rd|th)\b)?"
    year = r"(?:1[89][0-9]{2}|20[0-9]{2})(?!\d|['’]?(?i:s)\b)"
    cue = alternation(words.year_cues)
    quant = alternation([*words.vague_counts, *words.number_words])
    quant = rf"(?:{quant}|\d{{1,3}}(?:,\d{{3}})*)"
    units = alternation(words.units)
    part_words = alternation(next(iter(words.period_parts.values())))
    part = (
        r"(?:(?i:(?:towards?|near|by|until|till|at|in|around|from|since)\s+)?"
        rf"(?i:the\s+(?:very\s+)?)(?P<pn>{part_words})\s+(?i:of)\s+"
        r"|(?P<pa>(?i:early|mid|late|earlier|later))(?:\s*-\s*|\s+))"
    )
    rel = r"(?P<rel>(?i:this\s+past|this\s+coming|last|this|next|past|coming|previous))"
    pd = alternation(words.parts_of_day)
    relday = alternation(words.relative_days)
    seasons = alternation(words.seasons)
    b = r"(?<![\w])"  # a piece starts at a word boundary
    ap = r"(?i:[ap]\.?m\b\.?)"

    patterns: dict[str, str] = {
        NAMED: "|".join(
            rf"{b}(?P<n{i}>(?i:{nd.pattern}))(?![\w/])" for i, nd in enumerate(words.named_dates)
        ),
        # "Christmas Day", "last Good Friday", "New Year's Eve 2016", "NEW YEARS DAY"
        HOLIDAY: rf"{b}(?:{rel}\s+)?(?P<h>{_holiday_names(words.holiday_names)})(?:,?\s+(?P<y>{year}))?(?!\w)",
        ISO: r"(?<![\w/.-])(?P<y>(?:1[89]|20)\d\d)(?P<sep>[-/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
        r"(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/-]|\.\d)",
        NUMERIC: r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)"
        r"(?P<y>\d{4}|\d{2})(?![\w/]|[.-]\d)",
        DMY: rf"(?<![\w.,:/])(?:(?P<wd>{wd_any})\.?,?\s+)?(?:(?i:the)\s+)?(?P<d>{day})"
        rf"(?:\s+(?i:of))?(?:\s+|\s*-\s*)(?P<m>{mon})"
        rf"(?:(?:,\s*|\s+|\s*-\s*)(?P<y>{year})"
        r"|\s+(?P<yy>['’]?\d\d)(?=\s*(?:[(\[,;.]|--|$)))?",
        MDY: rf"{b}(?:(?P<wd>{wd_any})\.?,?\s+)?(?P<m>{mon})\s+(?:(?i:the)\s+)?(?P<d>{day})"
        rf"(?:(?:,\s*|\s+)(?P<y>{year}))?",
        MONTH: rf"{b}(?:(?P<cue>{cue})\s+)?(?:{part})?(?:{rel}\s+)?(?P<m>{mon})"
        rf"(?:(?:,\s*|\s+)(?:(?i:of)\s+)?(?P<y>{year})|\s+(?P<yy>['’]\d\d)(?!\d))?",
        SEASON: rf"{b}(?:(?P<cue>{cue})\s+)?(?:(?P<the1>(?i:the))\s+)?(?:{part})?(?:{rel}\s+)?"
        rf"(?:(?P<the2>(?i:the))\s+)?(?P<s>{seasons})\b"
        rf"(?:(?:,\s*|\s+)(?:(?i:of)\s+)?(?P<y>{year}))?",
        DECADE: rf"{b}(?:(?P<cue>{cue})\s+)?(?:(?P<the1>(?i:the))\s+)?(?:{part})?"
        r"(?:(?P<the2>(?i:the))\s+)?"
        r"(?:(?P<y>1[89][0-9]0|20[0-9]0)|(?P<ap>['’])?(?P<yy>[0-9]0))(?i:['’]?s)\b",
        YEAR: rf"(?<=\()(?P<py>{year})(?=\))|(?<![\w.,$£€#/-])(?:(?:(?P<cue>{cue})\s+)?(?:{part})?"
        rf"(?:(?P<the_year>(?i:the\s+year))\s+)?(?P<y>{year})"
        rf"(?:\s*[-–/]\s*(?P<y2>{year}|\d\d(?![\d]))|\s+(?i:and|to|until|till)\s+(?P<y3>{year}))?"
        r")(?![\w/]|[-–]\w)",  # never part of a code ("2010-11-S-260")
        RELDAY: rf"{b}(?:(?P<mod>(?i:early|late|earlier|later))\s+)?(?P<w>{relday})\b"
        rf"(?:\s+(?P<pd>{pd})\b)?",
        WEEKDAY: rf"{b}(?:(?P<mod>(?i:early|late))\s+(?:(?i:on)\s+)?)?(?:{rel}\s+)?"
        rf"(?P<wd>{wd_full})(?:\s+(?P<pd>{pd})\b)?",
        ANAPHOR: rf"{b}(?:"
        rf"(?:(?P<q>{quant})\s+)?(?P<u>{units})\s+"
        r"(?P<dir>(?i:later|earlier|afterwards?|beforehand|previously|before|after))\b"
        r"(?:\s+(?P<that>(?i:that|this))\b)?"
        r"|(?:(?P<the2>(?i:the))\s+)?(?P<dir2>(?i:next|following|previous|preceding|prior))\s+"
        rf"(?:(?P<u2>(?i:day|morning|afternoon|evening|night|weekend|week|month|year))\b|(?P<wd2>{wd_full}))"
        r"|(?i:the)\s+(?P<u3>(?i:day|night|evening|morning|afternoon|week|month|year))\s+"
        r"(?P<dir3>(?i:before|after|earlier|later))\b"
        r"|(?:(?P<lat>(?i:later|earlier|late|early))\s+(?:(?i:on|in)\s+)?)?"
        r"(?P<same>(?i:that|the\s+same))\s+"
        r"(?P<u4>(?i:day|night|morning|afternoon|evening|weekend|week|month|year))\b)",
        AGO: rf"{b}(?:(?P<q>{quant})\s+)?(?P<u>{units})\s+(?i:ago)\b",
        RECENT: rf"{b}(?:(?P<the>(?i:the))\s+)?(?P<rel>(?i:past|last|recent))\s+"
        rf"(?:(?P<q>{quant})\s+)?(?P<u>{units})\b",
        PERIOD: rf"{b}(?:{part})?"
        r"(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|in\s+the|the))\s+"
        r"(?P<u>(?i:weekend|week|month|year|decade))\b",
        ORDINAL: r"(?<![\w])(?:(?P<cue>(?i:on|since|until|till|from|by))\s+)?(?i:the)\s+"
        r"(?P<d>(?:[12][0-9]|3[01]|0?[1-9])(?i:st|nd|rd|th))\b",
        TIME: r"(?<![\w.:])(?:"
        r"(?:(?i:at|around|about|approximately|shortly\s+(?:before|after))\s+)?"
        r"(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<mi>[0-5]\d)(?!\d)"
        rf"(?:\s*(?P<ap>{ap}))?"
        r"(?:\s*(?P<tz>(?i:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|local\s+time|hours|hrs)\b))?"
        rf"|(?:(?i:at|around|about|approximately)\s+)?(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>{ap})"
        r"|(?i:at|around|about|approximately|before|after|until|by)\s+"
        r"(?P<mil>[01]\d[0-5]\d|2[0-3][0-5]\d)(?!\d)(?:\s*(?i:hours|hrs|GMT|UTC|local\s+time)\b)?"
        # a bare military time is a time only with its zone or "hours" ("2045 GMT on Friday"), else a year
        r"|(?<![Ii]n )(?<![Ss]ince )(?<![Oo]f )(?P<mil2>[01]\d[0-5]\d|2[0-3][0-5]\d)\s*(?i:hours|hrs|GMT|UTC|local\s+time)\b)",
        TIME_WORDS: r"(?<![\w])(?:"
        r"(?i:at|around|about|before|after|until|by|shortly\s+(?:before|after))\s+"
        r"(?P<w4>(?i:noon|midday|midnight|dawn|dusk|daybreak|nightfall|sunrise|sunset|sundown"
        r"|first\s+light|lunchtime))\b"
        r"|(?P<w5>(?i:in\s+the\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)"
        r"|in\s+the\s+early\s+hours|(?:late\s+)?at\s+night|during\s+the\s+night))\b"
        r"(?!\s+(?i:of)\b))",
        PREFIX: r"(?<![\w])(?:(?i:in|on|during)\s+)?(?i:the)\s+(?:(?i:early|late)\s+)?"
        r"(?P<pd>(?i:early\s+hours|small\s+hours|hours|morning|afternoon|evening|night))"
        r"\s+(?i:of)(?=\s)",
    }
    return patterns


def build_scanners(words: DateWords) -> tuple[Scanner, ...]:
    """Each pattern with the head words that trigger it and the words that may lead up to them."""
    months = frozenset(words.months)
    weekdays = frozenset(words.weekday_full)
    units = frozenset(words.units)
    counts = frozenset(words.number_words) | {p.split()[0] for p in words.vague_counts}
    rels = frozenset("this last next past coming previous".split())
    part_lead = frozenset(
        "towards toward near by until till at in around from since the early mid late earlier later".split()
    )
    cues = frozenset(words.year_cues) | part_lead
    day_words = frozenset("day morning afternoon evening night weekend week month year".split())
    none: frozenset[str] = frozenset()
    day_number = r"0?[1-9]|[12]\d|3[01]"
    year_number = r"(?:1[89]|20)\d\d"
    # name: (heads or a number pattern, reach, starters, also, probe)
    specs: dict[str, tuple[frozenset[str] | str, int, frozenset[str], frozenset[str], str | None]] = {
        NAMED: (day_number, 2, months | {"september"}, none, r"/|11"),
        HOLIDAY: (frozenset(n.split()[0].split("'")[0] for n in words.holiday_names), 1, rels, none, None),
        ISO: (year_number, 0, none, none, r"\d[-/.]\d"),
        NUMERIC: (r"\d\d?", 2, none, none, r"\d[-/.]\d"),
        DMY: (day_number, 4, frozenset(words.weekdays) | {"the"}, months, None),
        MDY: (months, 3, frozenset(words.weekdays), none, r"\d"),
        MONTH: (months, 8, cues | rels, none, None),
        SEASON: (frozenset(words.seasons), 9, cues | rels, none, None),
        DECADE: (r"(?:1[89]|20)?\d0", 8, cues, none, r"0['’]?s"),
        YEAR: (year_number, 8, cues, none, None),
        RELDAY: (
            frozenset(w.split()[-1] for w in words.relative_days),
            4,
            frozenset(w.split()[0] for w in words.relative_days) | {"early", "late", "earlier", "later"},
            none,
            None,
        ),
        WEEKDAY: (weekdays, 5, rels | {"early", "late"}, none, None),
        ANAPHOR: (
            frozenset(
                "later earlier afterwards afterward beforehand previously before after"
                " next following previous preceding prior that same".split()
            ),
            5,
            counts | units | {"the", "later", "earlier", "late", "early"},
            units | day_words | weekdays,
            None,
        ),
        AGO: (frozenset({"ago"}), 5, counts | units, none, None),
        RECENT: (frozenset({"past", "last", "recent"}), 1, frozenset({"the"}), units, None),
        PERIOD: (frozenset({"week", "weekend", "month", "year", "decade"}), 8, part_lead | rels, none, None),
        ORDINAL: (
            day_number,
            2,
            frozenset("on since until till from by the".split()),
            none,
            r"\d(?:st|nd|rd|th)\b",
        ),
        TIME: (
            r"\d\d?|[012]\d[0-5]\d",
            3,
            frozenset("at around about approximately shortly before after until by".split()),
            none,
            r"\d[:.]\d\d|\d\s*[ap]\.?m\b|(?<!\d)[012]\d[0-5]\d(?!\d)",
        ),
        TIME_WORDS: (
            frozenset(
                "noon midday midnight dawn dusk daybreak nightfall sunrise sunset sundown"
                " light lunchtime morning afternoon evening night hours".split()
            ),
            4,
            frozenset("at around about before after until by shortly in late during".split()),
            none,
            None,
        ),
        PREFIX: (
            frozenset(w.split()[-1] for w in words.parts_of_day) | {"hours"},
            4,
            frozenset({"in", "on", "during", "the"}),
            frozenset({"of"}),
            None,
        ),
    }
    scanners = []
    patterns = _patterns(words)
    for name, (heads, reach, starters, also, probe) in specs.items():
        scanners.append(
            Scanner(
                kind=TIME if name == TIME_WORDS else name,
                regex=re.compile(patterns[name]),
                heads=heads if isinstance(heads, frozenset) else none,
                number=re.compile(heads) if isinstance(heads, str) else None,
                reach=reach,
                starters=starters,
                also=also,
                probe=re.compile(probe) if probe else None,
                counted=name in (ANAPHOR, AGO, RECENT, NUMERIC),
            )
        )
    return tuple(scanners)
