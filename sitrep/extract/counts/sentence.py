"""One sentence as the count reader sees it: tokens, quantity tokens and noun phrases.

:func:`tokenize` splits a sentence into lower-cased tokens; :class:`Sentence` turns
each quantity phrase of :mod:`sitrep.extract.numbers` into one token (``QUANTITY``)
and reads what both halves of the reader need: phrases of the lexicon before and
after a token, name-like words, and the victim noun phrase after a number or a
determiner (:meth:`Sentence._noun_group`). Finding the groups of people is
:mod:`~sitrep.extract.counts.groups`, linking them to verbs
:mod:`~sitrep.extract.counts.links`; :class:`~sitrep.extract.counts.reader.Reader`
is both.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Mapping, Sequence

from sitrep.extract.counts.lexicon import CountLexicon, Entry
from sitrep.extract.numbers import Quantity

#: Words (with inner hyphens and apostrophes: "passer-by", "year-old"), "U.S.", "'s" and punctuation.
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’&](?!s\b)[^\W_]+)*|['’]s\b|--|[^\w\s]")
#: What may follow a singular demonym that is a whole noun phrase ("" is the sentence's end).
_AFTER_DEMONYM = frozenset({"was", "is", "has", "had", "were", "are", "and", ",", ".", "", "in", "at", "near", "who"})
#: Times of day that name a person's shift before a person noun ("the night watchman", "five day labourers").
_SHIFT_WORDS = frozenset({"night", "day", "morning", "evening"})
#: Demonyms of a person that do not end like most ("a Briton", "a Turk").
_SHORT_DEMONYMS = frozenset({"briton", "swede", "dane", "pole", "turk", "kurd", "arab", "greek", "czech", "scot", "finn"})
#: The token that stands for a quantity phrase.
QUANTITY = "#q"
#: Determiners of one person ("a policeman", "his driver", "Karzai's brother").
SINGULAR_DETS = frozenset({"a", "an", "the", "his", "her", "their", "its", "'s", "’s", "another", "this", "that"})
#: Words that open a clause of its own.
CLAUSE_WORDS = frozenset({"when", "while", "before", "after", "as", "because", "since", "until", "but", "or", "then",
                         "where", "who", "which", "that", "whose", "whom", "if", "though", "although"})
#: Pronouns that open a relative clause with no "who" or "that": "the 30 schoolchildren they seized".
SUBJECT_PRONOUNS = frozenset({"they", "he", "she", "we"})
#: The first word of the phrases that make a count a part of the people it names ("were among the dead").
AMONG = "among"
_QUOTES = frozenset({"'", "‘", "’"})
_US_BEFORE = frozenset({QUANTITY, "a", "an", "the"})


@dataclass(slots=True)
class Group:
    """A quantity and the people it counts, as token indices."""

    first: int
    last: int
    quantity: Quantity
    label: str | None = None
    noun: int = -1  # index of the first word of the label
    side: str | None = None
    person: bool = False
    thing: bool = False
    has_noun: bool = False
    subset: bool = False
    partitive: str | None = None
    adjective: str | None = None
    reflexive: bool = False
    tentative: bool = False  # "a shepherd": a singular noun not known to name people
    demonym: bool = False  # "two Kenyans": people named by where they are from
    named: bool = False  # "Taliban leader Saifullah": one person named, with no number
    headline: bool = False  # a headline's opening name, told with no verb "to be" ("X, killed in Y")
    definite: bool = False  # "the insurgents": people counted before, whose number is told there
    whole: int = -1  # "12 of the 30 schoolchildren": the token of the number they are part of (the 30)
    used: bool = False


def tokenize(sentence: str) -> tuple[list[str], list[int], list[int]]:
    """The lower-cased tokens of a sentence, with their start and end offsets."""
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a few characters change length when lowered
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    lows: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in TOKEN_RE.finditer(lowered):  # one loop: three list comprehensions cost more
        lows.append(m.group())
        starts.append(m.start())
        ends.append(m.end())
    return lows, starts, ends


class Sentence:
    """The tokens of one sentence and the phrase readers both halves of :class:`Reader` use."""

    def __init__(self, sentence: str, lex: CountLexicon, lows: list[str], starts: list[int], ends: list[int]) -> None:
        """Read ``sentence`` as tokenised by :func:`tokenize` (lower-cased tokens and their offsets)."""
        self.text = sentence
        self.lex = lex
        self.caps = sentence.isupper()
        qs: list[Quantity | None] = [None] * len(lows)
        spans = lex.grammar.find(sentence)
        if spans:  # each quantity phrase becomes one token
            new_lows: list[str] = []
            new_starts: list[int] = []
            new_ends: list[int] = []
            new_qs: list[Quantity | None] = []
            t = 0
            for span in spans:
                i = bisect_left(starts, span.start, t)
                new_lows += lows[t:i]
                new_starts += starts[t:i]
                new_ends += ends[t:i]
                new_qs += qs[t:i]
                new_lows.append(QUANTITY)
                new_starts.append(span.start)
                new_ends.append(span.end)
                new_qs.append(span.quantity)
                t = bisect_left(starts, span.end, i)
            lows, starts, ends, qs = new_lows + lows[t:], new_starts + starts[t:], new_ends + ends[t:], new_qs + qs[t:]
        self.lows, self.starts, self.ends, self.qs = lows, starts, ends, qs
        self.n = len(lows)
        #: "of" phrases that tell whose someone is ("the wife | of an embassy staff member"): the
        #: token of "of" -> the token after the phrase; filled while groups are read
        self.possessors: dict[int, int] = {}
        #: numbers right after a group's verb that tell how some of that group fared ("two others
        #: injured | one seriously"): the token of each; filled while groups are read
        self.fared: set[int] = set()
        #: the bare singular nouns a headline lists after its first ("Prayer leader, | ANA official
        #: gunned down"): the token each starts at; filled while groups are read
        self.headline_items: set[int] = set()

    def low(self, k: int) -> str:
        return self.lows[k] if 0 <= k < self.n else ""

    def word(self, k: int) -> bool:
        low = self.low(k)
        return bool(low) and low != QUANTITY and (low[0].isalnum())

    def ends_with(self, tokens: Sequence[str], k: int) -> bool:
        """Do ``tokens`` end at index ``k`` (inclusive)?"""
        n = len(tokens)
        return k - n + 1 >= 0 and self.lows[k - n + 1 : k + 1] == tokens

    def starts_with(self, tokens: Sequence[str], k: int) -> bool:
        return self.lows[k : k + len(tokens)] == tokens

    def match_forward(self, index: Mapping[str, Sequence[Entry]], k: int) -> Entry | None:
        for entry in index.get(self.low(k), ()):
            if self.starts_with(entry[0], k):
                return entry
        return None

    def fate_at(self, k: int) -> bool:
        """Does a phrase telling what befell people ("killed", "shot dead", "were injured") start at ``k``?"""
        return self.low(k) in self.lex.after and self.match_forward(self.lex.after, k) is not None

    def match_backward(self, k: int) -> Entry | None:
        """The longest "before" phrase ending at token ``k``."""
        if k < 0 or k >= self.n:
            return None
        before = self.lex.before
        if k > 0:
            for entry in before.get(self.lows[k - 1] + " " + self.lows[k], ()):
                if self.ends_with(entry[0], k):
                    return entry
        single = before.get(self.lows[k])
        return single[0] if single else None

    def name_like(self, k: int) -> bool:
        if not self.word(k):
            return False
        low = self.lows[k]
        if low in self.lex.stop_words or low in self.lex.people or low in self.lex.side_words:
            return False
        raw = self.text[self.starts[k] : self.ends[k]]
        return raw.replace("-", "").isalpha() if self.caps else raw[0].isupper()

    def _title(self, k: int) -> bool:
        """A singular person noun that may stand before a name ("leader", "imam", "minister")."""
        entry = self.lex.people.get(self.low(k))
        return entry is not None and entry[0]

    def _noun_group(
        self, first: int, j: int, q: Quantity, *, need_person: bool = False, singular: bool = False
    ) -> Group | None:
        """The victim noun phrase from token ``j``: modifiers, then a person noun as head.

        With ``singular`` (after "a", "the", "his"...) the head must be a singular person
        noun; failing that, a short phrase of other nouns makes a *tentative* group
        ("a shepherd") that only a passive verb can confirm.
        """
        lex, lows = self.lex, self.lows
        k, head, words, plural, demonym = j, -1, 0, False, -1
        while k < self.n and words < 6:
            low = lows[k]
            words += 1
            if low == "(" and k > j and ")" in lows[k + 1 : k + 8]:
                k = lows.index(")", k + 1) + 1  # "Four Border Security Force (BSF) personnel"
                continue
            if low == QUANTITY or not (low[0].isalnum() or (low in ("'s", "’s") and k > j)):
                break
            entry = lex.people.get(low)
            if entry is None and "-" in low:  # "sub-commander", "ex-soldiers"
                entry = lex.people.get(low.rsplit("-", 1)[1])
            if entry is not None and (not singular or entry[0]):
                head = k
            elif entry is not None:
                plural = True
            elif k > j and (lows[k - 1], low) in lex.compounds:
                head = k
            elif low in lex.stop_words and not self._inner_word(k, head, singular, first=k == j):
                break
            elif head < 0 and not singular and self._looks_like_people(k, low):
                head = k
                demonym = -1 if low.endswith(("year-old", "year-olds")) else k
            elif head < 0 and singular and k == j and self._one_of_a_people(k):
                head = demonym = k
            elif head < 0 and singular and low.endswith("-year-old") and (
                not self.word(k + 1) or lows[k + 1] in lex.stop_words
            ):
                head = k  # "injures a 21-year-old in Belfast", not "a 26-year-old Santana Rojas"
            k += 1
        if 0 <= head < k - 1 and lows[k - 1] in lex.not_people:
            head = -1  # "two other cities", "three other vehicles": the phrase ends on what it counts
        if head < 0:
            if need_person or k == j:
                return None
            thing = any(w in lex.not_people for w in lows[j:k])
            if singular and (plural or thing or k - j > 3 or lows[k - 1] in lex.not_single):
                return None  # "the people" (plural), "the attack" (not a person)
            # "the Vice Principal of the school": a title, capitalised, of an institution named after it
            titled = k < len(lows) and lows[k] == "of" and j > 0 and lows[j - 1] == "the"
            if singular and not self.caps and not self.text[self.starts[k - 1]].islower() and not titled:
                return None  # "the Netherlands": a name, most likely of a place
            label = self.text[self.starts[j] : self.ends[k - 1]]
            side = next((lex.side_words[w] for w in lows[j:k] if w in lex.side_words), None)
            return Group(
                first, k - 1, q, label=label, noun=j, side=side, thing=thing, has_noun=True, tentative=singular
            )
        if singular and lex.people.get(lows[head], (True,))[0] is False:
            return None
        if singular and k - 1 > head and lows[k - 1] in lex.not_single:
            return None  # "an elder couple": not one person
        side = self._side(j, head)
        last = head
        if k - 1 > head and not self.caps and lows[k - 1].isalpha() and not lows[k - 1].endswith(("ing", "ed")):
            raw = self.text[self.starts[k - 1] : self.ends[k - 1]]
            if (k - 1 == head + 1 and raw.isupper() and len(raw) <= 4) or (
                raw.islower() and (k - 1 == head + 1 or (not singular and raw.endswith("s")) or (
                    # "a Shiite religious scholar was": two words of the phrase's own before its verb
                    singular and k - 1 == head + 2 and self.low(k) in lex.auxiliaries
                    and self.text[self.starts[head + 1]].islower() and lows[head + 1].isalpha()
                ))
            ):
                last = k - 1  # "a Christian preacher", "a Sunni MP", "8 Muslim Brotherhood loyalists";
                # not "the leader Nek Mohammad"
        label = self.text[self.starts[j] : self.ends[last]]
        if singular and last == head and k - 1 > head and self.low(k) in ("and", ",") and not self.caps and all(
            self.name_like(m) for m in range(head + 1, k)
        ):
            last = k - 1  # "the Councillor Marielle Franco and her driver": the name is read with its title
        return Group(
            first, last, q, label=label, noun=j, side=side, person=True, has_noun=True, demonym=demonym == head
        )

    def _inner_word(self, k: int, head: int, singular: bool, *, first: bool = False) -> bool:
        """Is function word ``k`` inside the noun phrase being read rather than its end?

        "a water and forestry officer", "four FC and police personnel" (modifiers joined
        before the head), "an Islamic Movement of Uzbekistan facilitator" (a name with
        "of"), "two US soldiers" (an acronym spelt like a function word), "an off duty
        army man" (a modifier phrase of the data file).
        """
        low, lex = self.lows[k], self.lex
        if low == "and":
            if head >= 0 or first:
                return False
            for m in range(k + 1, min(self.n, k + 4)):
                entry = lex.people.get(self.lows[m])
                if entry is not None:
                    return entry[0] if singular else entry[1]
                if not self.word(m) or self.lows[m] in lex.stop_words:
                    return False
            return False
        if low in lex.modifier_firsts and (low, self.low(k + 1)) in lex.modifier_phrases:
            return True
        if low in _SHIFT_WORDS and head < 0 and self.low(k + 1) in lex.people:
            return True  # "the night watchman", "five day labourers": the shift the people work
        if low == "us" and self.low(k - 1) in _US_BEFORE:
            return True  # "two US soldiers", "TWO US SOLDIERS": never the pronoun after a number
        if self.caps:
            return False
        if low == "of":
            if first:
                return False
            before, after = self.starts[k - 1], self.starts[k + 1] if k + 1 < self.n else -1
            return after >= 0 and self.text[before].isupper() and self.text[after].isupper() and self.word(k + 1)
        start = self.starts[k]
        if not self.text[start].isupper():
            return False
        raw = self.text[start : self.ends[k]]
        return len(raw) > 1 and raw.isupper() and raw.isalpha()

    def _side(self, j: int, head: int) -> str | None:
        """The side of the people named from token ``j`` to their head noun ("aid workers", "Taliban leader")."""
        lex, lows = self.lex, self.lows
        side = lex.compounds.get((lows[head - 1], lows[head])) if head > j else None
        if side is None:
            side = lex.people.get(lows[head], (False, False, None))[2]
        if side is None:
            side = next((lex.side_words[w] for w in lows[j:head] if w in lex.side_words), None)
        return side

    def _looks_like_people(self, k: int, low: str) -> bool:
        """Demonyms and ages: "Kenyans", "Chinese", "a 23-year-old", "two 17-year-olds"."""
        if low.endswith(("year-old", "year-olds")):
            return True
        if self.caps:
            return False
        raw = self.text[self.starts[k] : self.ends[k]]
        if not raw[0].isupper() or raw.isupper():
            return False
        return (raw.endswith("s") and not raw.endswith("ss")) or raw.endswith("ese")

    def _one_of_a_people(self, k: int) -> bool:
        """A singular demonym that is the whole noun phrase: "an Iraqi was killed", "a Palestinian
        is wounded" (not "an Iraqi soldier", read with its noun, nor "the Afghan government")."""
        if self.caps or self.low(k + 1) not in _AFTER_DEMONYM:
            return False  # "a Canadian and a Briton were killed", "killing a Togolese."
        raw = self.text[self.starts[k] : self.ends[k]]
        return raw[0].isupper() and not raw.isupper() and (
            raw.endswith(("i", "an", "ese", "ish")) or raw.lower() in _SHORT_DEMONYMS
        )

    def _subset_marker_at(self, k: int) -> bool:
        """Does a subset marker ("including", "among them") start at token ``k``?"""
        return any(self.starts_with(marker, k) for marker in self.lex.subset_by_first.get(self.low(k), ()))

    def _skip_phrase(self, k: int) -> int:
        """Skip a short prepositional phrase starting at ``k`` ("from Tajikistan", "of the party")."""
        lex = self.lex
        j = k + 1
        skipped = 0  # tokens inside brackets do not count towards the phrase's length
        while j < self.n and j - k - skipped <= 10:
            low = self.lows[j]
            if low in ("(", "["):  # "(aka ...)", a translator's "[Administrative Department of Security]"
                shut = ")" if low == "(" else "]"
                close = self.lows.index(shut, j) if shut in self.lows[j : j + 8] else -1
                if close < 0:
                    break
                skipped += close - j
                j = close + 1
                continue
            if low in _QUOTES and self.name_like(j + 1) and self.name_like(j - 1):
                j += 1  # "Pul-e 'Alam", "Nad 'Ali": an apostrophe inside a place name
                continue
            if low == QUANTITY or not (low[0].isalnum() or low in ("'s", "’s")):
                break
            if (low in lex.auxiliaries and low != "to") or low in lex.negations or low in CLAUSE_WORDS:
                break
            if low == "and" and (
                self.low(j + 1) in lex.auxiliaries or self.low(j + 1) in CLAUSE_WORDS or self.low(j + 1) == QUANTITY
                or self.low(j + 1) in lex.before_ends
                or (self.low(j + 1) in SINGULAR_DETS and any(w in lex.people for w in self.lows[j + 2 : j + 5]))
            ):
                break  # "the governor of the region and his brother": the phrase ends before "and"
            if self.fate_at(j):
                break
            j += 1
        return j


__all__ = ["CLAUSE_WORDS", "QUANTITY", "SINGULAR_DETS", "TOKEN_RE", "Group", "Sentence", "tokenize"]
