"""Reading one sentence: its tokens, the groups of people counted, and the words linked to them.

:func:`tokenize` splits a sentence into lower-cased tokens; :class:`Reader`
turns each quantity phrase of :mod:`sitrep.extract.numbers` into one token
(``QUANTITY``), finds the groups of people in the sentence (:class:`Group`:
"nearly 140 people", "a policeman", "two of his associates"), joins groups into
lists ("13 soldiers and 170 civilians") and finds, for a group, the verb or noun
of a category before it, after it or around it. Turning those links into counts
is :mod:`sitrep.extract.counts.mentions`.

These are the internals of :func:`sitrep.extract.counts.find_counts`; a group is
mutable only while one sentence is read (``used`` marks a group a count took).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Mapping, Sequence

from sitrep.extract.counts.lexicon import CountLexicon, Entry
from sitrep.extract.numbers import Quantity

#: Words (with inner hyphens and apostrophes: "passer-by", "year-old"), "U.S.", "'s" and punctuation.
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’](?!s\b)[^\W_]+)*|['’]s\b|--|[^\w\s]")
#: The token that stands for a quantity phrase.
QUANTITY = "#q"
_PARTITIVE = frozenset({"the", "his", "her", "their", "them", "those", "these", "its", "whom", "us", "our"})
_PRONOUN_PARTITIVE = frozenset({"them", "whom", "us"})
_SINGULAR_DETS = frozenset({"a", "an", "the", "his", "her", "their", "its", "'s", "’s", "another", "this", "that"})
_PRONOUNS = frozenset({"he", "she", "him"})
_REFLEXIVE = frozenset({"himself", "herself"})
_OBJECT_DETS = frozenset({"a", "an", "the", "his", "her", "their", "its", "another", "all"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "himself", "herself", "themselves", "us", "me"})
_QUOTES = frozenset({"'", "‘", "’"})
_CLOSERS = {",": ",", "(": ")", "--": "--", "—": "—", "–": "–"}
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being", "got", "get", "gets", "getting", "left"})
_FILLERS = frozenset({"other", "additional", "more", "further"})  # between a number and an adjective
_FLOATING = frozenset({"all", "both", "each", "mostly", "mainly"})  # may open an appositive: ", all citizens of X,"
_CLAUSE_WORDS = frozenset({"when", "while", "before", "after", "as", "because", "since", "until", "but", "or", "then",
                           "where", "who", "which", "that", "whose", "whom", "if", "though", "although"})


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


class Reader:
    """The tokens of one sentence and the rules that read counts from them."""

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

    # -- small helpers -----------------------------------------------------------

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

    # -- groups ------------------------------------------------------------------

    def groups(self) -> list[Group]:
        """Every group of the sentence, left to right, none inside another."""
        found: list[Group] = []
        lows, n, lex = self.lows, self.n, self.lex
        k = 0
        while k < n:
            low = lows[k]
            group: Group | None = None
            if low == QUANTITY:
                group = self._quantity_group(k)
            elif low in _SINGULAR_DETS:
                group = self._singular_group(k)
            elif low in _PRONOUNS or (low == "her" and (not self.word(k + 1) or self.low(k + 1) in lex.stop_words)):
                group = Group(k, k, Quantity(1, 1, 1, False, self.text[self.starts[k] : self.ends[k]]), person=True)
            elif low in _REFLEXIVE:
                group = Group(k, k, Quantity(1, 1, 1, False, low), side="perpetrators", person=True, reflexive=True)
            elif low == "no":
                group = self._noun_group(k, k + 1, Quantity(0, 0, 0, False, "no"), need_person=True)
                if group is not None and self.low(group.last + 1) in self.lex.zero_nouns:
                    group = None  # "no civilian casualties" is read by _zeros
            if group is None:
                k += 1
                continue
            group.subset = group.subset or self._after_subset_marker(group.first)
            found.append(group)
            k = group.last + 1
        self._add_leaders(found)
        return found

    def _quantity_group(self, k: int) -> Group:
        q = self.qs[k]
        assert q is not None
        first = k - 1 if self.low(k - 1) in ("the", "these", "those", "their", "his", "her", "its", "our") else k
        j = k + 1
        if self.low(j) == "of" and self.low(j + 1) in _PARTITIVE:
            det = self.low(j + 1)
            if det in _PRONOUN_PARTITIVE:  # "three of them": a part of people named before
                return Group(first, j + 1, q, partitive="them")
            m = j + 2 + (self.low(j + 2) in ("people", QUANTITY))
            if self.low(m) in self.lex.partitive_nouns:  # "two of the dead"
                return Group(first, m, q, partitive=self.lex.partitive_nouns[self.low(m)])
            if self.low(j + 2) == QUANTITY:  # "one of the two gunmen"
                group = self._noun_group(first, j + 3, q)
                return group if group is not None else Group(first, j + 2, q)
            group = self._noun_group(first, j + 2, q)
            return group if group is not None else Group(first, j + 1, q)
        if self.low(j) == "of" or (self.low(j) == "the" and q.text.lower() in ("both", "all")):
            j += 1
        a = j + (self.low(j) in _FILLERS and self.low(j + 1) in self.lex.adjectives)  # "seven other wounded people"
        adjective = self.lex.adjectives.get(self.low(a))
        if adjective is not None:
            group = self._noun_group(first, a + 1, q, need_person=True)
            if group is not None:
                group.adjective = adjective
                return group
        group = self._noun_group(first, j, q)
        return group if group is not None else Group(first, k, q)

    def _singular_group(self, k: int) -> Group | None:
        low = self.lows[k]
        if not self.word(k + 1) or self.lows[k + 1] in self.lex.stop_words:
            if low == "another":
                return Group(k, k, Quantity(1, 1, 1, False, low), person=True)  # "... and another injured"
            return None
        possessive = low in ("'s", "’s")
        first = k - 1 if possessive and self.word(k - 1) else k
        # after a preposition only a person noun will do: "died on the spot" has no tentative group
        need_person = possessive or self.low(first - 1) in self.lex.prepositions
        return self._noun_group(first, k + 1, Quantity(1, 1, 1, False, low), need_person=need_person, singular=True)

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
            if low == "(" and k > j and ")" in lows[k + 1 : k + 5]:
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
            elif low in lex.stop_words:
                break
            elif head < 0 and not singular and self._looks_like_people(k, low):
                head = k
                demonym = -1 if low.endswith(("year-old", "year-olds")) else k
            k += 1
        if head < 0:
            if need_person or k == j:
                return None
            thing = any(w in lex.not_people for w in lows[j:k])
            if singular and (plural or thing or k - j > 3 or lows[k - 1] in lex.not_single):
                return None  # "the people" (plural), "the attack" (not a person)
            if singular and not self.caps and not self.text[self.starts[k - 1]].islower():
                return None  # "the Netherlands": a name, most likely of a place
            label = self.text[self.starts[j] : self.ends[k - 1]]
            side = next((lex.side_words[w] for w in lows[j:k] if w in lex.side_words), None)
            return Group(
                first, k - 1, q, label=label, noun=j, side=side, thing=thing, has_noun=True, tentative=singular
            )
        if singular and lex.people.get(lows[head], (True,))[0] is False:
            return None
        side = self._side(j, head)
        last = head
        if k - 1 == head + 1 and not self.caps and lows[k - 1].isalpha() and not lows[k - 1].endswith(("ing", "ed")):
            raw = self.text[self.starts[k - 1] : self.ends[k - 1]]
            if raw.islower() or (raw.isupper() and len(raw) <= 4):
                last = k - 1  # "a Christian preacher", "a Sunni MP"; not "the leader Nek Mohammad"
        label = self.text[self.starts[j] : self.ends[last]]
        return Group(
            first, last, q, label=label, noun=j, side=side, person=True, has_noun=True, demonym=demonym == head
        )

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

    def _after_subset_marker(self, first: int) -> bool:
        k = first - 1
        if self.low(k) in (",", ":"):
            k -= 1
        return any(self.ends_with(marker, k) for marker in self.lex.subset_by_last.get(self.low(k), ()))

    def _add_leaders(self, groups: list[Group]) -> None:
        """'Alaudin and two of his associates were detained': the named man counts too."""
        for index in range(len(groups) - 1, -1, -1):
            g = groups[index]
            possessive = self.low(g.first + 1) == "of" and self.low(g.first + 2) in ("his", "her")
            if not (possessive or self.low(g.last) in self.lex.companions) or self.low(g.first - 1) != "and":
                continue
            k = g.first - 2
            if any(o.first <= k <= o.last for o in groups) or not self.name_like(k):
                continue
            start = k
            while start - 1 >= 0 and k - start < 3 and self.name_like(start - 1):
                start -= 1
            name = self.text[self.starts[start] : self.ends[k]]
            groups.insert(index, Group(start, k, Quantity(1, 1, 1, False, name), label=name, person=True,
                                        has_noun=True))

    # -- chains of groups ----------------------------------------------------------

    def chains(self, groups: list[Group]) -> list[list[Group]]:
        chains: list[list[Group]] = []
        for g in groups:
            if chains and self._joined(chains[-1][-1], g):
                chains[-1].append(g)
            else:
                chains.append([g])
        return chains

    def _joined(self, a: Group, b: Group) -> bool:
        if b.subset != a.subset or b.reflexive or b.first - a.last > 12:
            return False
        if (a.tentative or b.tentative) and self.lows[b.first - 1] != "and":
            return False
        if self.lows[b.first - 1] not in self.lex.joiner_ends:
            return False
        k = a.last + 1
        if self.low(k) in self.lex.prepositions:
            k = self._skip_phrase(k)
        for joiner in self.lex.joiners:
            if self.starts_with(joiner, k):
                end = k + len(joiner)
                if joiner == [","]:
                    if self.low(b.last + 1) in self.lex.speech_verbs:
                        return False  # "killing two soldiers, two security sources said"
                    if self.low(end) == "and":
                        end += 1
                    elif QUANTITY not in (self.lows[b.first], self.low(b.first + 1)) and self.low(b.last + 1) not in (
                        ",", "and"
                    ):
                        return False  # "killed one, a policeman": an apposition, not a list "A, B and C"
                    elif b.partitive == "them":
                        return False  # "12 people, three of them children, ..."
                return end == b.first
        return False

    # -- links --------------------------------------------------------------------

    def before(self, g: Group) -> tuple[Entry, int] | None:
        """The verb or noun right before the group ("killed", "the bodies of"), with its first token."""
        k = g.first - 1
        if self.low(k) in self.lex.object_adverbs:
            k -= 1  # "killing only himself"
        elif self.low(k) == "least" and self.low(k - 1) == "at" and self.lows[g.first] != QUANTITY:
            k -= 2  # "killed at least a civilian"
        entry = self.match_backward(k)
        if entry is None:
            return None
        return entry, k + 1 - len(entry[0])

    def acceptable_object(self, g: Group, strict: bool, category: str) -> bool:
        if g.tentative:  # "killed a road construction supervisor"; not "hurt the economy"
            return not strict and category in ("killed", "kidnapped", "arrested") and not self.caps
        if g.reflexive or (g.person and not g.thing):
            return True
        if strict or g.thing:
            return False
        return True

    def after(self, g: Group, *, in_apposition: bool) -> tuple[Entry, int, int] | None:
        """The verb after the group ("were killed", "died"): entry, first and last+1 token index."""
        lex = self.lex
        k = g.last + 1
        noun = self.match_forward(self.lex.nouns, k)
        if noun is not None:
            return None if g.tentative else (noun, k, k + len(noun[0]))
        if g.tentative:  # "the principal of the school was killed", not "the release of the priests who..."
            if not self.caps and self.low(k) in lex.prepositions:
                j = self._skip_phrase(k)
                if not any(w in lex.people or w == QUANTITY for w in self.lows[k:j]):
                    k = j
        elif not g.subset:  # a part ("including two attackers") may not reach past a comma for its verb
            k = self._skip_material(k)
        if in_apposition and self.low(k) == ",":
            k += 1
        if self.low(k) in ("who", "that", "which"):
            k += 1
        auxiliary = passive = negated = False
        while k < self.n:
            low = self.lows[k]
            if low in lex.negations or low.endswith("n't"):
                negated = True
            elif low in lex.auxiliaries:
                if low in lex.after and self.match_forward(lex.after, k):
                    break  # "left injured", "confirmed dead", "being treated" are phrases of their own
                if low in lex.reporting_auxiliaries and not passive:
                    return None  # "the capital, said wounded soldiers ...": the verb of another clause
                auxiliary = True
                passive = passive or low in _BE
            elif not (low.endswith("ly") and len(low) > 4 and low not in lex.people):
                break
            k += 1
        entry = self.match_forward(lex.after, k)
        if entry is None or (negated and g.quantity.best != 0) or (g.tentative and not auxiliary):
            return None
        end = k + len(entry[0])
        if len(entry[0]) == 1 and entry[0][0] in lex.adjectives and self.low(end) in lex.people:
            return None  # "wounded soldiers had been brought": the word describes the next noun
        if not passive and self._object_at(end):
            return None  # "five gunmen (have) killed 12 people": the group did the killing
        return entry, k, end

    def also_after(self, end: int, category: str) -> tuple[Entry, int] | None:
        """A second verb joined to the first: "was kidnapped and killed"."""
        if self.low(end) not in ("and", "or") or self.low(end - 1) == ",":
            return None
        entry = self.match_forward(self.lex.after, end + 1)
        if entry is None or entry[1] == category or self._object_at(end + 1 + len(entry[0])):
            return None
        return entry, end + 1 + len(entry[0])

    def _object_at(self, k: int) -> bool:
        low = self.low(k)
        if low == QUANTITY or low in _OBJECT_PRONOUNS or (not self.caps and self.name_like(k)):
            return True
        if low in _OBJECT_DETS:
            return any(self.low(j) in self.lex.people for j in range(k + 1, k + 4))
        return False

    def _skip_material(self, k: int) -> int:
        """Skip an appositive, a place or a list of names between a group and its verb."""
        start = k
        lex = self.lex
        while k < self.n and k - start < 16:
            low = self.lows[k]
            if low == "," and self._subset_marker_at(k + 1):
                k += 1  # "Three soldiers, including a colonel were killed": the part is read below
                continue
            if low in _CLOSERS:
                close = _CLOSERS[low]
                j = k + 1
                while j < self.n and j - k <= 12 and self.lows[j] != close:
                    lj = self.lows[j]
                    verb = lj in lex.auxiliaries and not (j == k + 1 and lj in _FLOATING)  # ", all citizens of"
                    if verb and lj in lex.speech_verbs and self.low(j + 1) == close:
                        verb = False  # "Twelve people, officials said, were killed"
                    if verb or lj in lex.negations or lj in (";", ":", ".") or (
                        lj in lex.after and self.match_forward(lex.after, j)
                    ):
                        break
                    j += 1
                if j < self.n and self.lows[j] == close and j > k + 1:
                    k = j + 1
                    continue
                if low == "," and self.name_like(k + 1):
                    j = k + 1
                    while j < self.n and (self.name_like(j) or self.lows[j] in (",", "and")):
                        j += 1
                    if self.low(j) in lex.auxiliaries:
                        k = j
                        continue
                if low == "," and k > start and self.low(k + 1) in _BE:
                    k += 1  # "Three traders from the province, were killed": a stray comma before the verb
                break
            if self._subset_marker_at(k):
                j = k + 1  # "Eight people including four civilians ... were killed"
                while j < self.n and j - k <= 20 and self.lows[j] not in lex.auxiliaries:
                    low_j = self.lows[j]
                    if low_j in lex.after and self.match_forward(lex.after, j):
                        return k
                    if low_j in (";", ":", ".") or low_j in _CLAUSE_WORDS:
                        break
                    if low_j == "," and self.low(j + 1) in lex.auxiliaries:
                        break  # "..., including ten children, three women and their unborns, are killed"
                    j += 1
                if j < self.n and j - k <= 20 and self.lows[j] in (",", *lex.auxiliaries):
                    k = j + (self.lows[j] == ",")
                    continue
                break
            if low in lex.prepositions:
                j = self._skip_phrase(k)
                if j == k + 1:
                    break
                k = j
                continue
            if self.name_like(k):
                while k < self.n and (self.name_like(k) or (self.lows[k] == "," and self.name_like(k + 1))):
                    k += 1
                if self.low(k) == "," and self.low(k + 1) in lex.auxiliaries:
                    k += 1  # "Three members Theodore Gold, Diana Oughton, are killed"
                continue
            break
        return k

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
            if low == "(":
                close = self.lows.index(")", j) if ")" in self.lows[j : j + 8] else -1
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
            if (low in lex.auxiliaries and low != "to") or low in lex.negations or low in _CLAUSE_WORDS:
                break
            if low == "and" and (
                self.low(j + 1) in lex.auxiliaries or self.low(j + 1) in _CLAUSE_WORDS or self.low(j + 1) == QUANTITY
                or (self.low(j + 1) in _SINGULAR_DETS and any(w in lex.people for w in self.lows[j + 2 : j + 5]))
            ):
                break  # "the governor of the region and his brother": the phrase ends before "and"
            if low in lex.after and self.match_forward(lex.after, j):
                break
            j += 1
        return j

    def around(self, chain: list[Group]) -> tuple[str, int, int] | None:
        """ "took 20 people hostage": the category and the token range of the phrase."""
        first, last = chain[0], chain[-1]
        for before, after, category in self.lex.around.get(self.low(first.first - 1), ()):
            if not self.ends_with(before, first.first - 1):
                continue
            if self.starts_with(after, last.last + 1):
                return category, first.first - len(before), last.last + len(after)
            if len(after) == 1 and self.lows[last.last] == after[0]:  # "took 20 hostages"
                if last.noun >= 0 and last.last > last.noun:  # "took 20 people hostage"
                    last.label = self.text[self.starts[last.noun] : self.ends[last.last - 1]]
                    people = [h for h in range(last.noun, last.last) if self.lows[h] in self.lex.people]
                    if people:
                        last.side = self._side(last.noun, people[-1])
                return category, first.first - len(before), last.last
        return None



__all__ = ["QUANTITY", "TOKEN_RE", "Group", "Reader", "tokenize"]
