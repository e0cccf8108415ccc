"""Quantity phrases: "nearly 140", "between 20 and 30", "dozens", "SEVENTEEN".

:func:`parse_quantity` reads one phrase; :func:`find_quantities` finds every
phrase in a sentence that can count people, skipping numbers that are years,
times, dates, ages, labels ("Flight 330") or measures ("10 km").

A :class:`Quantity` has a lower bound, an upper bound and a best value, any of
which may be unknown (None), and an ``approx`` flag. The rules, applied the same
way everywhere (the words for each rule are in ``sitrep/data/count_words.yaml``):

==============================  =====  =====  =====  ======
phrase                          min    max    best   approx
==============================  =====  =====  =====  ======
"140", "a hundred", "both"      140    140    140    no
"nearly / almost 140"           --     140    140    yes
"about / some / roughly 140"    --     --     140    yes
"at least 60", "60 or more"     60     --     60     no
"more than / over 100"          101    --     101    no
"up to / as many as 50"         --     50     50     no
"fewer than / less than 10"     --     9      --     no
"10 to 15", "between 10 and 15" 10     15     12     yes
"a dozen", "two dozen"          --     --     12/24  yes
"dozens" (vague words)          24     --     24     yes
"no one", "nobody", "none"      0      0      0      no
"all" (on its own)              --     --     --     no
==============================  =====  =====  =====  ======

``approx`` says the true figure may lie on either side of ``best`` (a hedge or a
round estimate). Bounds alone ("at least", "more than", "up to") are carried by
``min``/``max`` and leave ``approx`` False, so "at least 60" reads as "60 or
more, no doubt about the 60". A range's best is its midpoint, rounded down.

"More than N" and "over N" have ``min`` N+1, the bound the words state, and
``best`` N+1, because ``best`` may never fall below ``min``. Human coders differ
here: the ISAF minimum counts record N+1 ("more than 30 insurgents" is coded 31,
"more than five" 6), the Wikipedia incident lists and the GTD record N. Recording
N would need ``min`` N, a bound the text does not give, and would lose the
difference from "at least N"; a consumer that wants the coders' N reads it from
``min - 1`` of a count whose phrase says "more than" (``Count.text`` keeps it).
Every vague word has a fixed minimum and best value listed in the data file
("dozens": 24, "hundreds": 200, "several": 3); "many" and "numerous" have a
minimum (2) but no best value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Literal, Mapping

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import load_data

DATA_FILE = "count_words.yaml"

Rule = Literal["exact", "approx", "below", "at_least", "more_than", "up_to", "fewer_than"]
RULES: frozenset[str] = frozenset(Rule.__args__)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Quantity:
    """How many, as a phrase says it. ``None`` marks an unknown or open value."""

    min: int | None
    max: int | None
    best: int | None
    approx: bool
    text: str


@dataclass(frozen=True, slots=True)
class QuantitySpan:
    """A quantity phrase found in a text, with its character offsets."""

    start: int
    end: int
    quantity: Quantity


@dataclass(frozen=True, slots=True)
class VagueWord:
    """The values a vague quantity word stands for."""

    min: int
    best: int | None
    scalable: bool = False
    needs_of: bool = False


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_ZERO_WORDS = ("no one", "no-one", "nobody", "none", "zero", "not a single", "not one")

_WORD_SPLIT_RE = re.compile(r"[\s-]+")
_LIST_GAP_RE = re.compile(r"\s*(?:,|and|or|to|-|–|,\s*and)\s*", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W_]+")
#: Words before a label that make it a noun of its own: "that day", "the same day".
_DAY_DETERMINERS = frozenset({"that", "this", "the", "same", "next", "previous", "following", "each", "every"})
#: Labels that number a step in a sequence, written out in lower case too: "day three", "phase two".
_SEQUENCE_LABELS = frozenset({
    "day", "phase", "round", "stage", "level", "grade", "class", "version", "chapter", "section", "act", "year",
    "match", "score", "scored", "scoring", "aged", "age", "ages", "page", "volume", "issue", "number", "no.", "nos",
})
#: Units that, singular after a number, name the shift of the people counted ("five day labourers").
_SHIFTS = frozenset({"day", "night"})
#: Words after such a unit that show it measures time after all ("a 5 day old baby", "a two day long siege").
_AFTER_SPAN = frozenset({"old", "long", "ago", "later", "earlier", "before", "after", "and", "or", "of", "in", "on", "at"})
_CLOCK_RE = re.compile(r"\s*[ap]\.\s?m\b", re.IGNORECASE)


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


class QuantityGrammar:
    """The compiled quantity patterns and the word lists behind them.

    Build it from the shipped data with :func:`default_grammar`, or from a mapping
    shaped like ``count_words.yaml`` with :meth:`from_data` (for tests and tuning).
    """

    def __init__(
        self,
        *,
        premodifiers: Mapping[str, Rule],
        postmodifiers: Mapping[str, Rule],
        vague: Mapping[str, VagueWord],
        label_words: frozenset[str],
        unit_words: frozenset[str],
        months: frozenset[str],
    ) -> None:
        self.premodifiers: Mapping[str, Rule] = MappingProxyType(dict(premodifiers))
        self.postmodifiers: Mapping[str, Rule] = MappingProxyType(dict(postmodifiers))
        self.vague: Mapping[str, VagueWord] = MappingProxyType(dict(vague))
        self.label_words = label_words
        self.unit_words = unit_words
        self.months = months
        self._pre_re = re.compile(r"(?<![\w])(" + _alternation(list(self.premodifiers)) + r")(?![\w])", re.I)
        self._pre_lengths = sorted({len(p.split()) for p in self.premodifiers}, reverse=True)
        self._pre_last = frozenset(p.split()[-1] for p in self.premodifiers)
        base, post, pre = self._patterns(ranges=True)
        self._base_re = re.compile(base, re.IGNORECASE)
        self._single_re = re.compile(self._patterns(ranges=False)[0], re.IGNORECASE)
        self._post_re = re.compile(post, re.IGNORECASE)
        self._fullmatch = re.compile(
            rf"\s*(?P<pre>(?:(?:{pre})\s+){{0,2}})(?:{base})(?P<post>{post})?(?:\s+of)?\s*", re.IGNORECASE
        )
        # the words a quantity can start with; after "a"/"an", the word that must follow
        article = [p.split() for p in self.vague if p.split()[0] in ("a", "an")]
        self._starts = frozenset(
            [*_UNITS, *_TENS, *_SCALES, "between", "half", "both", "no", "not", "none", "nobody", "zero"]
            + [p.split()[0] for p in self.vague if p.split()[0] not in ("a", "an")]
        )
        self._after_a = frozenset(["dozen", "hundred", "thousand", "million", "billion"] + [w[1] for w in article])

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "QuantityGrammar":
        """Validate the quantity sections of a ``count_words.yaml`` mapping and compile them."""

        def rules(key: str) -> dict[str, Rule]:
            table = data.get(key)
            if not isinstance(table, dict) or not table:
                raise RegistryError(f"{DATA_FILE}: '{key}' must be a non-empty mapping")
            for phrase, rule in table.items():
                if rule not in RULES:
                    raise RegistryError(f"{DATA_FILE}: {key}: unknown rule {rule!r} for {phrase!r}")
            return {str(k).lower(): v for k, v in table.items()}

        vague: dict[str, VagueWord] = {}
        table = data.get("vague")
        if not isinstance(table, dict) or not table:
            raise RegistryError(f"{DATA_FILE}: 'vague' must be a non-empty mapping")
        for phrase, entry in table.items():
            if not isinstance(entry, dict) or not isinstance(entry.get("min"), int):
                raise RegistryError(f"{DATA_FILE}: vague word {phrase!r} needs an integer 'min'")
            best = entry.get("best")
            if best is not None and (not isinstance(best, int) or best < entry["min"]):
                raise RegistryError(f"{DATA_FILE}: vague word {phrase!r}: 'best' must be null or an integer >= min")
            unknown = set(entry) - {"min", "best", "scalable", "needs_of"}
            if unknown:
                raise RegistryError(f"{DATA_FILE}: vague word {phrase!r}: unknown keys {sorted(unknown)}")
            vague[str(phrase).lower()] = VagueWord(
                entry["min"], best, bool(entry.get("scalable", False)), bool(entry.get("needs_of", False))
            )

        def words(key: str) -> frozenset[str]:
            items = data.get(key)
            if not isinstance(items, list) or not items or not all(isinstance(w, str) for w in items):
                raise RegistryError(f"{DATA_FILE}: '{key}' must be a non-empty list of words")
            return frozenset(w.lower() for w in items)

        return cls(
            premodifiers=rules("premodifiers"),
            postmodifiers=rules("postmodifiers"),
            vague=vague,
            label_words=words("label_words"),
            unit_words=words("unit_words"),
            months=words("months"),
        )

    # -- pattern -----------------------------------------------------------------

    def _patterns(self, *, ranges: bool) -> tuple[str, str, str]:
        """The regular expressions of a quantity's core, of what may follow it, and of its premodifiers.

        ``ranges=False`` reads "40 to 60" as the number 40 (for "rose from 40 to 60").
        """
        words = sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True)
        word = r"(?:" + "|".join(words) + r")(?![^\W\d_])"
        word_seq = (
            # "one hundred and twenty": "and" only after a scale word ("one and two others" is two numbers)
            rf"(?:a\s+(?=(?:hundred|thousand|million|billion)\b))?{word}"
            rf"(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+){word})*"
            r"(?![-‐–](?!(?:odd|plus)\b)[^\W\d_])"
        )
        digits = (
            r"(?<![\w.,/:$£€#])(?<![^\W\d_]-)"
            r"(?:\d+(?:\.\d+)?\s*(?:million|billion|thousand)(?![\w])"
            r"|(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w/%°]|[.,:]\d|[-‐–](?!(?:odd|plus)\b)[^\W\d_]))"
        )
        num = rf"(?:{digits}|{word_seq})"
        plain_vague = [p for p, v in self.vague.items() if not v.needs_of]
        of_vague = [p for p, v in self.vague.items() if v.needs_of]
        vague_alts = [_alternation(plain_vague)] if plain_vague else []
        if of_vague:
            vague_alts.append(rf"(?:{_alternation(of_vague)})(?=\s+of\b)")
        scalable = _alternation([p for p, v in self.vague.items() if v.scalable]) or "(?!)"
        zero = _alternation(list(_ZERO_WORDS))
        post_words = [p for p in self.postmodifiers if re.match(r"\w", p)]
        post_symbols = [p for p in self.postmodifiers if not re.match(r"\w", p)]
        post_alts = []
        if post_words:
            post_alts.append(rf"(?:\s+|\s*-\s*)(?:{_alternation(post_words)})(?![\w])(?!\s+than\b)")
        if post_symbols:
            post_alts.append(rf"\s*(?:{_alternation(post_symbols)})")
        pre = _alternation(list(self.premodifiers))
        base = "|".join(
            [
                rf"(?P<between>between\s+(?P<b_lo>{num})\s+and\s+(?P<b_hi>{num}))",
                rf"(?P<scaled>(?P<s_vague>{scalable})\s+(?:of\s+)?(?P<s_scale>dozen|hundred|thousand|million)s?)",
                r"(?P<dozen>(?:(?P<d_half>half\s+a)|a)\s+dozen(?!s))",
                rf"(?P<vague>{'|'.join(vague_alts)})" if vague_alts else "(?!)",
                rf"(?P<zero>{zero})",
                r"(?P<both>both)",
                rf"(?P<num>{num})(?:\s+(?P<d_times>dozen)(?!s)|"
                + (rf"\s*(?:-|–|—|to|or)\s*(?P<r_hi>{num}))?" if ranges else r"(?P<r_hi>(?!)))?"),
            ]
        )
        return rf"(?:{base})(?![^\W\d_])", "|".join(post_alts) or "(?!)", pre

    # -- reading -----------------------------------------------------------------

    def parse(self, phrase: str) -> Quantity | None:
        """Read one phrase; None when it is not a quantity. See :func:`parse_quantity`."""
        text = phrase.strip()
        low = " ".join(text.lower().split())
        if low in ("a", "an"):
            return Quantity(1, 1, 1, False, text)
        if low in ("no",):
            return Quantity(0, 0, 0, False, text)
        if low in ("all", "all of", "all the"):
            return Quantity(None, None, None, False, text)
        match = self._fullmatch.fullmatch(text)
        if match is None:
            return None
        modifiers = [" ".join(m.group(1).lower().split()) for m in self._pre_re.finditer(match.group("pre") or "")]
        return self._interpret(match, modifiers, match.group("post"), text)

    def find(self, text: str) -> list[QuantitySpan]:
        """Every quantity phrase in ``text`` that can count people. See :func:`find_quantities`."""
        found: list[QuantitySpan] = []
        lowered = text.lower()
        words = list(_WORD_RE.finditer(lowered if len(lowered) == len(text) else text))
        lows = [w.group() for w in words] if len(lowered) == len(text) else [w.group().lower() for w in words]
        starts, after_a = self._starts, self._after_a
        candidates = [
            i for i, low in enumerate(lows)
            if low[0].isdigit() or low in starts or (low in ("a", "an") and i + 1 < len(lows) and lows[i + 1] in after_a)
        ]
        done = skipped_end = -1
        for i in candidates:
            word = words[i]
            if word.start() < done:
                continue
            match = self._base_re.match(text, word.start())
            if match is None:
                continue
            if match.group("r_hi") and i > 0 and lows[i - 1] == "from":  # "rose from 40 to 60"
                match = self._single_re.match(text, word.start())
                if match is None:
                    continue
            end = match.end()
            first, modifiers = self._premodifiers(text, words, lows, i)
            start = words[first].start()
            while found and found[-1].end > start:  # "some" read alone before "some 40"
                found.pop()
            post = self._post_re.match(text, end)
            if post is not None:
                end = post.end()
            done = end
            if self._is_not_a_count(match, modifiers, text, words, lows, first, start, end) or (
                skipped_end >= 0 and _LIST_GAP_RE.fullmatch(text, skipped_end, start)
            ):
                # "aged 6 and 4", "Routes 9 and 11": the whole list is labels; but a date ends
                # with its number ("On February 21, two civilians were killed"), and an age set off
                # by commas after a name ends its apposition ("Ahmed Khan, 45, and three others")
                closed = self._is_date_part(match, text, words, lows, first, end) or _age_after_name(
                    match.group("num"), modifiers, text, words, first, start, end
                ) == ", "
                skipped_end = -1 if closed else end
                continue
            skipped_end = -1
            quantity = self._interpret(match, modifiers, post.group() if post else None, text[start:end])
            if quantity is not None:
                found.append(QuantitySpan(start, end, quantity))
        return found

    def _premodifiers(self, text: str, words: list[re.Match[str]], lows: list[str], i: int) -> tuple[int, list[str]]:
        """The modifiers written right before word ``i`` ("at least", "at least another"), innermost last."""
        modifiers: list[str] = []
        first = i
        while len(modifiers) < 2 and first > 0 and lows[first - 1] in self._pre_last:
            for n in self._pre_lengths:
                j = first - n
                if j < 0 or not all(text[words[k].end() : words[k + 1].start()].isspace() for k in range(j, first)):
                    continue
                phrase = " ".join(lows[j:first])
                if phrase in self.premodifiers:
                    modifiers.insert(0, phrase)
                    first = j
                    break
            else:
                break
        return first, modifiers

    def _is_not_a_count(
        self, match: re.Match[str], modifiers: list[str], text: str, words: list[re.Match[str]], lows: list[str],
        first: int, start: int, end: int,
    ) -> bool:
        number = match.group("num")
        if number is not None and not modifiers and number[0].isdigit():
            digits = number.replace(",", "")
            if len(digits) > 1 and digits[0] == "0":
                return True  # "0600": a time or a code
            if len(number) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100:
                return True  # a year
        if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
            return True  # "(23)": an age or a repeated figure
        if first > 0:
            gap = text[words[first - 1].end() : start]
            word = lows[first - 1]
            if not gap.strip(" .(\t\n\r\xa0"):
                if word in self.months or (gap.startswith(".") and word + "." in self.label_words):
                    return True
                if word in self.label_words and (
                    text[start].isdigit() or text[start].isupper() or text[words[first - 1].start()].isupper()
                    or (word in _SEQUENCE_LABELS and not (first > 1 and lows[first - 2] in _DAY_DETERMINERS))
                ):
                    # "Flight 330", "Region Three", "day three"; but a number word after a place or a
                    # thing counts ("executed in the Lower Shabelle region three people"), and so does
                    # one after a day that is named ("That day two people died")
                    return True
        if text[end : end + 2].lstrip().startswith("%") or _CLOCK_RE.match(text, end):
            return True
        gap = _age_after_name(number, modifiers, text, words, first, start, end)
        if gap is not None and (gap != " " or not _title_case(text, words)):
            # "Yehoshua Sofer 39, of Beersheba", "Victor Pomas, 30, who", "Dante Boboy Jr., 16,": an age;
            # but in a title-case headline "Convoy Kills 3, Rebels Claim" is a count
            return True
        k = first
        while k < len(words) and words[k].start() < end:
            k += 1
        if k < len(words) and text[end : words[k].start()].isspace():
            word = lows[k]
            # "five day labourers", "two night watchmen": the people's shift, not a span
            shift = (
                word in _SHIFTS and k + 1 < len(words) and text[words[k].end() : words[k + 1].start()] == " "
                and lows[k + 1].isalpha() and lows[k + 1] not in _AFTER_SPAN
            )
            if not shift and (word in self.unit_words or (word.endswith("s") and word[:-1] in self.unit_words)):
                return True
            if word in self.months and (word != "may" or (k + 1 < len(words) and lows[k + 1][0].isdigit())):
                return True
        return False

    def _is_date_part(
        self, match: re.Match[str], text: str, words: list[re.Match[str]], lows: list[str], first: int, end: int,
    ) -> bool:
        """Whether a number that is not a count is a day or a year: "February 21", "21 February",
        "October 6, 2002"."""
        number = match.group("num")
        if number is None or not number[0].isdigit():
            return False
        digits = number.replace(",", "")
        if len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100:
            return True
        if first > 0 and lows[first - 1] in self.months:
            return True
        k = first
        while k < len(words) and words[k].start() < end:
            k += 1
        return k < len(words) and lows[k] in self.months and lows[k] != "may"

    def _interpret(self, match: re.Match[str], modifiers: list[str], post: str | None, text: str) -> Quantity | None:
        value = self._base(match)
        if value is None:
            return None
        for modifier in reversed(modifiers):
            value = _apply(self.premodifiers[modifier], value)
        if post:
            key = " ".join(post.strip(" -").lower().split())
            value = _apply(self.postmodifiers[key], value)
        lo, hi, best, approx = value
        return Quantity(lo, hi, best, approx, text.strip())

    def _base(self, match: re.Match[str]) -> _Value | None:
        group = match.group
        if group("between") or group("r_hi"):
            lo = _number_value(group("b_lo") or group("num"))
            hi = _number_value(group("b_hi") or group("r_hi"))
            if lo is None or hi is None or lo >= hi:
                return None  # "3-1" is a score, not a range
            return (lo, hi, (lo + hi) // 2, True)
        if group("scaled"):
            vague = self.vague[" ".join(group("s_vague").lower().split())]
            scale = 12 if group("s_scale").lower() == "dozen" else _SCALES[group("s_scale").lower()]
            return (vague.min * scale, None, vague.best * scale if vague.best is not None else None, True)
        if group("dozen"):
            return (None, None, 6 if group("d_half") else 12, True)
        if group("d_times"):
            times = _number_value(group("num"))
            return None if times is None else (None, None, times * 12, True)
        if group("vague"):
            vague = self.vague[" ".join(group("vague").lower().split())]
            return (vague.min, None, vague.best, True)
        if group("zero"):
            return (0, 0, 0, False)
        if group("both"):
            return (2, 2, 2, False)
        n = _number_value(group("num"))
        if n is None:
            return None
        return (n, n, n, False)


_Value = tuple[int | None, int | None, int | None, bool]


def _apply(rule: Rule, value: _Value) -> _Value:
    lo, hi, best, approx = value
    low = lo if lo is not None else best
    high = hi if hi is not None else best
    if rule == "exact":
        return value
    if rule == "approx":
        if lo is not None and lo == hi:
            return (None, None, best, True)
        return (lo, hi, best, True)
    if rule == "below":
        return (None, high, high, True)
    if rule == "at_least":
        return (low, None, best if best is not None else low, approx)
    if rule == "more_than":  # N+1, the bound stated (see the module docstring)
        if low is None:
            return (None, None, None, approx)
        return (low + 1, None, max(low + 1, best or 0), approx)
    if rule == "up_to":
        return (None, high, high, approx)
    if rule == "fewer_than":
        return (None, max(0, high - 1) if high is not None else None, None, approx)
    raise AssertionError(rule)  # pragma: no cover - rules are validated on load


def _title_case(text: str, words: list[re.Match[str]]) -> bool:
    """Do most words of ``text`` begin with a capital, as in a headline ("Ambush Kills 3, Rebels Claim")?"""
    capitals = sum(1 for w in words if text[w.start()].isupper())
    return capitals * 5 > len(words) * 3


def _number_value(text: str | None) -> int | None:
    """The value of a number written in digits or words ("1,200", "1.2 million", "one hundred and forty")."""
    if not text:
        return None
    text = text.strip().lower()
    if text[0].isdigit():
        parts = text.split()
        if len(parts) == 1 and not text[-1].isdigit():  # "2million"
            digits = text.rstrip("abcdefghijklmnopqrstuvwxyz")
            parts = [digits, text[len(digits) :]]
        try:
            value = float(parts[0].replace(",", ""))
        except ValueError:
            return None
        if len(parts) > 1:
            value *= _SCALES.get(parts[1], 1)
        return int(round(value))
    return _words_value(text)


def _words_value(text: str) -> int | None:
    """Read "twenty-three", "a hundred and forty", "two thousand five hundred"; None if ill-formed."""
    total = current = 0
    previous = ""  # kind of the previous word: unit, teen, tens, scale
    for word in _WORD_SPLIT_RE.split(text):
        if word in ("and", ""):
            continue
        if word == "a":
            current, previous = 1, "unit"
            continue
        if word in _UNITS:
            value = _UNITS[word]
            if previous in ("unit", "teen") or (previous == "tens" and not 0 < value < 10):
                return None
            current += value
            previous = "unit" if value < 10 else "teen"
        elif word in _TENS:
            if previous in ("unit", "teen", "tens"):
                return None
            current += _TENS[word]
            previous = "tens"
        elif word == "hundred":
            if current % 100 == 0 and current:
                return None
            current = (current or 1) * 100
            previous = "scale"
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
            previous = "scale"
        else:
            return None
    return total + current


@lru_cache(maxsize=1)
def default_grammar() -> QuantityGrammar:
    """The grammar built from the shipped ``count_words.yaml`` (built once)."""
    return QuantityGrammar.from_data(load_data(DATA_FILE))


def parse_quantity(phrase: str, grammar: QuantityGrammar | None = None) -> Quantity | None:
    """Read a whole phrase as a quantity, or return None if it is not one.

    Digits ("140", "1,200", "1.2 million"), number words in any case ("seven",
    "twenty-three", "one hundred and forty", "a hundred", "SEVENTEEN"), dozens
    ("a dozen", "two dozen"), ranges ("10 to 15", "10-15", "between 20 and 30"),
    vague words ("dozens", "several", "hundreds"), modifiers ("nearly", "at least",
    "more than", "up to", "or more"), "a"/"an" (1), "both" (2), "no one"/"nobody"/
    "none"/"no" (0) and "all" (a Quantity whose values are all unknown). The rules
    are in this module's docstring.

    >>> parse_quantity("nearly 140")
    Quantity(min=None, max=140, best=140, approx=True, text='nearly 140')
    """
    return (grammar or default_grammar()).parse(phrase)


def _age_after_name(
    number: str | None, modifiers: list[str], text: str, words: list[re.Match[str]], first: int, start: int, end: int
) -> str | None:
    """The gap between a name and the number at ``[start, end)`` when that number is the name's age,
    closed by a comma (" " in "Yehoshua Sofer 39,", ", " in "Victor Pomas, 30,", "., " in "Dante
    Boboy Jr., 16,"), else None. Set off by commas (", "), the age also ends the name's apposition,
    which no list of labels runs on from ("Ahmed Khan, 45, and three others")."""
    if number is None or modifiers or text[end : end + 1] != "," or first == 0 or text.isupper():
        return None
    name = text[words[first - 1].start() : words[first - 1].end()]
    gap = text[words[first - 1].end() : start]
    if name[:1].isupper() and name[1:].islower() and gap in (" ", ", ", "., ") and number.isdigit() and int(number) < 120:
        return gap
    return None


def find_quantities(text: str, grammar: QuantityGrammar | None = None) -> list[QuantitySpan]:
    """Every quantity phrase in ``text`` that can count people, left to right.

    Skips years ("in 2015"), times ("10.00 GMT", "0600"), dates ("22 March"),
    ages ("23-year-old", "aged 23"), labels ("Flight 330", "Route 66"),
    "9/11"-style numbers and measures ("10 km", "3 days", "40%"). Bare "a",
    "an", "all" and "no" are not reported: whether they count anything depends on
    the noun after them (see :mod:`sitrep.extract.counts`).
    """
    return (grammar or default_grammar()).find(text)


__all__ = [
    "Quantity",
    "QuantityGrammar",
    "QuantitySpan",
    "VagueWord",
    "default_grammar",
    "find_quantities",
    "parse_quantity",
]
