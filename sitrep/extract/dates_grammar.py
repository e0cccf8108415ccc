"""The grammar of date expressions: pieces found by regular expressions, then joined.

A *piece* is one atomic expression of a known kind ("Friday evening" is a
``weekday`` piece, "this year" a ``period`` piece, "at 1625" a ``time`` piece).
:meth:`DateGrammar.pieces` finds every piece of every kind, keeps the longest
that do not overlap, and :meth:`DateGrammar.chunks` joins neighbours that form
one expression ("4 January" + "this year", "6 January" + "at 1625", "the early
hours of" + "Sunday"). The resolver reads the same pieces back from a phrase,
so finding and resolving cannot drift apart.

Case rules: month and weekday names must be written "March" or "MARCH" (never
"march"); every other word may be in any case, so ALL-CAPS wire copy reads like
ordinary text. The finder is strict about words that are dates only in context
(a bare year needs "in", "since", "of"...; a bare "May" or "March" needs a cue);
the resolver, which is handed a phrase already known to be a date, is lenient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Iterator, Mapping

from sitrep.extract.dates_lexicon import DateWords, load_date_words
from sitrep.extract.dates_patterns import (
    AGO, ANAPHOR, DECADE, DMY, HOLIDAY, KINDS, MDY, MONTH, NUMERIC, ORDINAL, PERIOD, PREFIX, RECENT, SEASON,
    TIME, WEEKDAY, YEAR, Scanner, alternation, build_scanners,
)  # fmt: skip

_PRIORITY = {kind: i for i, kind in enumerate(KINDS)}

# Kinds that name a day or period but leave the year (or week, month) open: a
# following "this year" / "last week" / "of this month" completes them.
_OPEN_KINDS = frozenset({DMY, MDY, MONTH, SEASON, ORDINAL, WEEKDAY, HOLIDAY})

_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"[0-9]+")
# Punctuation and every kind of white space become a plain space (one character for one, so
# offsets survive).
_SEPARATORS = str.maketrans(
    {c: " " for c in "\"'’‘“”()[]{},.;:!?/\\|-–—…*&%$#@+=<>\t\n\r\f\v\u00a0\u2028\u2029"}
)
_MAX_LEAD = 9  # how many words may lead up to a head ("towards the very end of last ...")

# What may stand between two pieces that join: spaces, commas, a few small words.
_JOIN_GAP = re.compile(r"(?:\s|,|\b(?i:at|on|of|in|around|about|approximately)\b)*")
_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")
_TREATY_AFTER = re.compile(r"\s+(?i:agreement|accords?|truce|ceasefire)\b")
_HINT_GAP = re.compile(r"\s+(?:(?i:of)\s+)?")
_AFTER_ORDINAL = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?i:at|when|in|after|before|as|until)\b"
    r"|\s+(?i:of)\s+(?i:this|last|next|that|the\s+same)\s+(?i:month)\b"
)
_CLOSES_CLAUSE = re.compile(r"\s*(?:[,.;:)!?]|--|$)")
_OF_AFTER = re.compile(r"\s+(?i:of)\b")
_NEXT_WORD = re.compile(r"\s*([\w']+)")  # None: punctuation or the end follows
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:%|(?i:per\s*cent|percent)\b)|\s+(?i:to|and)\s+\d", re.ASCII
)


@dataclass(frozen=True, slots=True)
class Piece:
    """One atomic date or time expression: its kind, offsets and the regex groups it matched."""

    kind: str
    start: int
    end: int
    groups: Mapping[str, str]  # only the groups that matched (read-only)

    def group(self, name: str) -> str | None:
        return self.groups.get(name)


@dataclass(frozen=True, slots=True)
class Chunk:
    """Pieces joined into one mention (``start``/``end`` already exclude a leading "on", "in"...)."""

    start: int
    end: int
    pieces: tuple[Piece, ...]

    @property
    def time_only(self) -> bool:
        return all(p.kind == TIME for p in self.pieces)


def _find_word(low: str, word: str) -> Iterator[int]:
    """Offsets of ``word`` as a whole word in ``low``."""
    start = low.find(word)
    while start != -1:
        end = start + len(word)
        if (start == 0 or not low[start - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):
            yield start
        start = low.find(word, end)


def is_open(piece: Piece) -> bool:
    """A piece whose year (or week, month) is left for a neighbour to say ("4 January", "Friday")."""
    if piece.kind not in _OPEN_KINDS:
        return False
    return "y" not in piece.groups and "yy" not in piece.groups and "rel" not in piece.groups


def is_completion(piece: Piece) -> bool:
    """A plain "this year" / "last week" / "next month" that can complete an open piece."""
    rel = (piece.group("rel") or "").lower()
    return (
        piece.kind == PERIOD
        and rel in ("this", "last", "next")
        and "pa" not in piece.groups
        and "pn" not in piece.groups
    )


def _names_an_event(piece: Piece, text: str) -> bool:
    return piece.kind == HOLIDAY and "y" not in piece.groups and bool(
        _THE_BEFORE.search(text, max(0, piece.start - 8), piece.start) or _TREATY_AFTER.match(text, piece.end)
    )


class DateGrammar:
    """Compiled date-expression patterns for one word list (build once, share freely: immutable)."""

    def __init__(self, words: DateWords) -> None:
        self.words = words
        scanners = build_scanners(words)
        by_word: dict[str, list[Scanner]] = {}
        for scanner in scanners:
            for word in scanner.heads:
                by_word.setdefault(word, []).append(scanner)
        self._by_word: Mapping[str, tuple[Scanner, ...]] = MappingProxyType(
            {w: tuple(v) for w, v in by_word.items()}
        )
        self._head_words = frozenset(by_word)
        self._number_scanners = tuple(sc for sc in scanners if sc.number is not None)
        # Every word that may stand between a pattern's first word and its head.
        self._lead_words: frozenset[str] = frozenset().union(
            *(sc.starters for sc in scanners),
            words.units,
            words.months,
            words.weekdays,
            (
                w
                for phrase in (*words.vague_counts, *words.relative_days, *words.parts_of_day)
                for w in phrase.split()
            ),
            (w for part in next(iter(words.period_parts.values())) for w in part.split()),
            "the very of a an same that shortly day".split(),
        )
        self._strip = re.compile(rf"(?:{alternation(words.stripped_prepositions)}\s+)+")

    # -- finding -----------------------------------------------------------------------------

    def pieces(self, text: str, *, lenient: bool = False) -> list[Piece]:
        """Every piece in ``text``: the longest of each overlap, sorted by offset.

        ``lenient`` accepts words that are dates only in context (a bare "2015",
        "May", "the 11th", "summer"): the resolver uses it on a known date phrase.
        """
        low = text.lower()
        if len(low) != len(text):  # a few letters lower-case to two characters ("İ")
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        spaced = low.translate(_SEPARATORS)
        words = set(spaced.split())
        heads = [(w, i) for w in self._head_words.intersection(words) for i in _find_word(low, w)]
        numbers = [(m.group(), m.start()) for m in _NUMBER.finditer(text)] if _DIGIT.search(text) else []
        if not heads and not numbers:
            return []
        found: dict[tuple[str, int, int], Piece] = {}
        starts_at: dict[int, list[tuple[int, str]]] = {}
        probes: dict[int, bool] = {}
        for word, head in [*heads, *numbers]:
            if word[0].isdigit():
                scanners: Iterable[Scanner] = (
                    sc for sc in self._number_scanners if sc.number.fullmatch(word)  # type: ignore[union-attr]
                )
            else:
                scanners = self._by_word[word]
            for scanner in scanners:
                if scanner.also and scanner.also.isdisjoint(words):
                    continue
                if scanner.probe is not None:
                    key = id(scanner)
                    if key not in probes:
                        probes[key] = scanner.probe.search(low) is not None
                    if not probes[key]:
                        continue
                if head not in starts_at:
                    starts_at[head] = self._lead_starts(spaced, head)
                piece = self._match_at(scanner, text, starts_at[head], head, lenient)
                if piece is not None:
                    found[(piece.kind, piece.start, piece.end)] = piece
        return self._longest(list(found.values()))

    def _lead_starts(self, spaced: str, head: int) -> list[tuple[int, str]]:
        """The words before a head that may start a longer expression (nearest last).

        ``spaced`` is the lower-cased text with punctuation turned into spaces.
        Walks back over at most ``_MAX_LEAD`` words, stopping at a word no
        pattern could begin or continue with.
        """
        lead: list[tuple[int, str]] = []
        end = head
        for _ in range(_MAX_LEAD):
            while end > 0 and spaced[end - 1] == " ":
                end -= 1
            if end == 0:
                break
            start = spaced.rfind(" ", 0, end) + 1
            word = spaced[start:end]
            if word not in self._lead_words and not word.isdigit():
                break
            lead.append((start, word))
            end = start
        lead.reverse()
        return lead

    def _match_at(
        self, scanner: Scanner, text: str, lead: list[tuple[int, str]], head: int, lenient: bool
    ) -> Piece | None:
        """The longest valid match of ``scanner`` that covers the head word at ``head``."""
        starts = (
            [s for s, w in lead[-scanner.reach :] if w in scanner.starters or (scanner.counted and w.isdigit())]
            if scanner.reach
            else []
        )
        if scanner.number is not None and head > 0 and text[head - 1] in "'’":
            starts.append(head - 1)  # "the '90s"
        starts.append(head)
        for start in starts:
            match = scanner.regex.match(text, start)
            if match is None or match.end() <= head:
                continue
            groups = MappingProxyType({k: v for k, v in match.groupdict().items() if v is not None})
            piece = Piece(scanner.kind, match.start(), match.end(), groups)
            if self._valid(piece, text, lenient):
                return piece
        return None

    @staticmethod
    def _longest(found: list[Piece]) -> list[Piece]:
        """The longest pieces that do not overlap (ties: the kind listed first in KINDS), sorted."""
        if len(found) < 2:
            return found
        found.sort(key=lambda p: (p.start - p.end, _PRIORITY[p.kind], p.start))
        kept: list[Piece] = []
        for piece in found:
            if all(piece.end <= k.start or piece.start >= k.end for k in kept):
                kept.append(piece)
        kept.sort(key=lambda p: p.start)
        return kept

    def chunks(self, text: str) -> list[Chunk]:
        """Date mentions in ``text``: pieces joined into expressions, leading prepositions dropped."""
        # "the Easter Sunday bombings", "the Good Friday Agreement": a holiday's name in the name of
        # an event or a treaty, which may be years old, dates nothing (nor does the weekday in it)
        pieces = [p for p in self.pieces(text) if not _names_an_event(p, text)]
        groups: list[list[Piece]] = []
        for piece in pieces:
            if groups and self._joins(groups[-1], piece, text[groups[-1][-1].end : piece.start]):
                groups[-1].append(piece)
            else:
                groups.append([piece])
        chunks = []
        for group in groups:
            if all(p.kind == PREFIX for p in group):
                continue
            start, end = group[0].start, group[-1].end
            stripped = self._strip.match(text, start, end)
            if stripped and stripped.end() < end:
                start = stripped.end()
            chunks.append(Chunk(start, end, tuple(group)))
        return chunks

    # -- rules -------------------------------------------------------------------------------

    def _joins(self, group: list[Piece], piece: Piece, gap: str) -> bool:
        """Whether ``piece`` continues the expression built so far in ``group``."""
        last = group[-1]
        if last.kind == PREFIX:
            return not gap.strip() and piece.kind not in (TIME, PREFIX)
        if piece.kind == PREFIX or not _JOIN_GAP.fullmatch(gap):
            return False
        mains = [p for p in group if p.kind not in (TIME, PREFIX)]
        if piece.kind == TIME:
            # "6 JANUARY AT 1625", "Friday at 10pm": one time per expression
            return bool(mains) and all(p.kind != TIME for p in group)
        if not mains:
            return True  # a time or a prefix before its date: "at 0945 this morning"
        # "two years ago this week": an anniversary, read whole by the resolver
        if (
            len(mains) == 1 and mains[0].kind == AGO and piece.kind == PERIOD
            and piece.groups.get("rel", "").lower() == "this" and not gap.strip()
        ):
            return True
        # "4 January this year", "July last year", "Friday last week"
        return (
            len(mains) == 1
            and is_open(mains[0])
            and is_completion(piece)
            and _HINT_GAP.fullmatch(gap) is not None
        )

    def _valid(self, piece: Piece, text: str, lenient: bool) -> bool:
        """The checks a regex cannot make: context words, day ranges, what follows the piece."""
        g = piece.groups
        kind = piece.kind
        end = piece.end
        if kind in (DMY, MDY):
            if kind == DMY and "y" not in g and "-" in text[piece.start : piece.end]:
                return False  # "the 19-April Movement"; "4-Jan-2024" keeps its year
            # the resolver keeps "31 February" whole, so that it reads as no date, not as February
            return lenient or self._day_fits(g["d"], g["m"])
        if kind == NUMERIC:
            a, b_ = int(g["a"]), int(g["b"])
            if not (1 <= a <= 31 and 1 <= b_ <= 31 and min(a, b_) <= 12):
                return False
            return g["sep"] == "/" or len(g["y"]) == 4
        if kind == MONTH:
            word = g["m"].rstrip(".").lower()
            bare = not ({"y", "yy", "rel", "pa", "pn"} & g.keys())
            if word not in self.words.month_full and "y" not in g and "yy" not in g:
                return lenient  # "Jan" alone
            if word in self.words.ambiguous_months and "cue" not in g and "y" not in g and not lenient:
                if bare:
                    return False  # "they may", "protesters march"
                if g["m"].isupper():  # "THIS MAY HAVE BEEN": only before punctuation or a small word
                    follower = _NEXT_WORD.match(text, end)
                    return follower is None or follower.group(1).lower() in self.words.ambiguous_month_followers
            return True
        if kind == YEAR:
            if "py" in g:
                return True
            if "y3" not in g and _NOT_A_YEAR_AFTER.match(text, end):
                return False  # "rose from 2000 to 3000", "2015 per cent"
            return lenient or bool({"cue", "pa", "pn", "the_year"} & g.keys())
        if kind == DECADE:
            return "y" in g or lenient or bool({"ap", "the1", "the2", "pa", "pn"} & g.keys())
        if kind == SEASON:
            return lenient or bool({"y", "rel"} & g.keys())
        if kind == PERIOD:
            rel = g["rel"].lower().split()[-1]
            if rel == "the" and g["u"].lower() != "weekend":
                return lenient or bool({"pa", "pn"} & g.keys())
            return True
        if kind == RECENT:
            rel, unit = g["rel"].lower(), g["u"].lower()
            plural = unit.endswith("s")
            if rel == "recent":
                return plural and "q" not in g
            if "q" not in g:
                # "the past week" (rolling); "last week" is a calendar period, "the last day of" a part
                if "the" not in g or _OF_AFTER.match(text, end):
                    return False
                return not plural and unit not in ("day", "moment", "minute", "hour")
            return True
        if kind == AGO:
            return "q" in g or g["u"].lower().endswith("s")
        if kind == ANAPHOR:
            return self._anaphor_valid(g, text, end)
        if kind == ORDINAL:  # not "the 4th floor", "the 20th century"
            return _AFTER_ORDINAL.match(text, end) is not None
        if kind == TIME:
            if g.get("sep") == ".":
                return "ap" in g or "tz" in g
            return True
        return True

    @staticmethod
    def _anaphor_valid(g: Mapping[str, str], text: str, end: int) -> bool:
        """Anaphora are "two days later", "the next day", "the day before", "that night";
        "two days after the attack" and "the day before the vote" count from an event, not a date."""
        if "u" in g:
            direction = g["dir"].lower()
            if direction in ("before", "after") and "that" not in g:
                return _CLOSES_CLAUSE.match(text, end) is not None
            return "q" in g or g["u"].lower().endswith("s")
        if "dir2" in g:
            if "the2" in g:
                return True
            # without "the" only "next day", "following morning"...: "next week" is deictic
            return g["dir2"].lower() in ("next", "following") and (g.get("u2") or "").lower() in (
                "day",
                "morning",
            )
        if "dir3" in g:
            if g["dir3"].lower() in ("before", "after"):
                return _CLOSES_CLAUSE.match(text, end) is not None
            return True
        return True

    def _day_fits(self, day: str, month: str) -> bool:
        number = int("".join(c for c in day if c.isdigit()))
        month_no = self.words.months.get(month.rstrip(".").lower(), 0)
        longest = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
        return 1 <= month_no <= 12 and 1 <= number <= longest[month_no - 1]


@lru_cache(maxsize=1)
def default_grammar() -> DateGrammar:
    """The grammar built from sitrep's shipped word list (compiled once; immutable)."""
    return DateGrammar(load_date_words())
