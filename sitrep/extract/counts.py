"""Casualty and detention counts in one sentence: killed, injured, arrested, kidnapped.

:func:`find_counts` reads a sentence with word lists and a few patterns (no
parser), so it costs tens of microseconds per sentence. It finds *groups* — a
quantity and the people it counts ("nearly 140 people", "a policeman", "two of
his associates") — and links each to a verb or noun of a category:

* before the group: "killed nearly 140 people", "the bodies of 12", "abducted 276 schoolgirls";
* after it, perhaps past "were", "have been", an appositive or a place:
  "four suspects from Tajikistan were arrested", "12 people died", "at least 60 dead";
* around it: "took 20 people hostage", "took 5 suspects into custody";
* a noun right after the number: "143 deaths", "30 injuries";
* a running toll: "the death toll rose to 143" (marked ``cumulative``).

Groups joined by "and" or commas add up into one count whose ``parts`` keep
each group ("killed 13 American soldiers and nearly 170 civilians" -> killed
183, parts 13 soldiers / 170 civilians). Groups after "including", "among them"
or "of whom" are parts of a count already made and are not added again. Each
group is used by at most one mention.

Zero counts come from "no one was injured", "no civilians were harmed", "there
were no casualties" (killed 0 and injured 0) and "had not harmed any civilians".

Counts of killed *and* injured together ("killed or wounded 30", "30
casualties") cannot be split. They are reported once per category with
``combined=True``, ``best`` None, ``min`` None and ``max`` the combined upper
bound, so that no figure is counted twice; a reader of the mention can still
show the phrase.

What is *not* counted: numbers that are years, times, dates, ages, labels or
measures (see :mod:`sitrep.extract.numbers`); a plural noun without a number
("the attackers were killed"); "all" without a number; "two of the dead were
children" (a part of the dead, not a new total).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Sequence

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import load_data
from sitrep.extract.numbers import DATA_FILE, Quantity, QuantityGrammar
from sitrep.model import COUNT_CATEGORIES, Count, CountCategory, CountPart

SIDES: tuple[str, ...] = ("civilians", "security forces", "perpetrators", "militants")
_Category = str  # a CountCategory or "combined" (killed and injured together)
_CATEGORIES = (*COUNT_CATEGORIES, "combined")


@dataclass(frozen=True, slots=True)
class CountMention:
    """One count found in a sentence.

    ``start``/``end`` are the offsets, in the sentence, of the phrase that carries
    the count (``count.text``: "killed nearly 140 people", "12 people died").
    ``victim`` is the noun phrase counted ("American soldiers and civilians");
    ``side`` is set when every group counted is on the same side.
    ``cumulative`` marks a running or overall toll ("the death toll rose to 143",
    "since the start of the war"), which replaces earlier figures rather than
    adding to them. ``combined`` marks half of a killed-or-injured count that the
    text does not split (see the module docstring).
    """

    category: CountCategory
    count: Count
    start: int
    end: int
    victim: str | None
    side: str | None
    cumulative: bool
    combined: bool = False


# ---------------------------------------------------------------------------
# The word lists
# ---------------------------------------------------------------------------

_Entry = tuple[list[str], str, bool]  # tokens, category, strict


@dataclass(frozen=True)
class CountLexicon:
    """The compiled word lists of ``count_words.yaml`` that counts are read with."""

    grammar: QuantityGrammar
    before: Mapping[str, Sequence[_Entry]]  # keyed by the last word, or by the last two words of longer phrases
    after: Mapping[str, Sequence[_Entry]]  # keyed by the first token
    nouns: Mapping[str, Sequence[_Entry]]
    adjectives: Mapping[str, str]
    around: Mapping[str, Sequence[tuple[list[str], list[str], str]]]  # keyed by the last word before the group
    tolls: Mapping[str, Sequence[_Entry]]
    toll_links: frozenset[str]
    totals: frozenset[str]
    zero_nouns: Mapping[str, tuple[str, ...]]
    people: Mapping[str, tuple[bool, bool, str | None]]  # word -> (singular form, plural form, side)
    compounds: Mapping[tuple[str, str], str | None]  # ("aid", "worker") -> side
    side_words: Mapping[str, str]
    not_people: frozenset[str]
    not_single: frozenset[str]
    partitive_nouns: Mapping[str, str]  # "two of the dead": the category the part is taken from
    generic_people: frozenset[str]
    companions: frozenset[str]
    object_adverbs: frozenset[str]
    auxiliaries: frozenset[str]
    negations: frozenset[str]
    prepositions: frozenset[str]
    subset_by_first: Mapping[str, Sequence[list[str]]]
    subset_by_last: Mapping[str, Sequence[list[str]]]
    joiners: Sequence[list[str]]
    joiner_ends: frozenset[str]
    stop_words: frozenset[str]  # never inside a victim noun phrase
    trigger_words: frozenset[str]  # a sentence without one of these words has no count
    cues: Mapping[str, Sequence[list[str]]]  # cumulative cues keyed by their first word
    cue_words: frozenset[str]  # a word that every cumulative cue contains ("far", "since", "total"...)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "CountLexicon":
        """Validate a mapping shaped like ``count_words.yaml`` and compile it.

        Raises :class:`~sitrep.errors.RegistryError` naming the section at fault.
        """
        if data.get("version") != 1:
            raise RegistryError(f"{DATA_FILE}: unsupported version {data.get('version')!r} (expected 1)")
        grammar = QuantityGrammar.from_data(data)
        categories = _mapping(data, "categories")
        before: dict[str, list[_Entry]] = {}
        after: dict[str, list[_Entry]] = {}
        nouns: dict[str, list[_Entry]] = {}
        adjectives: dict[str, str] = {}
        around: dict[str, list[tuple[list[str], list[str], str]]] = {}
        signal_words: list[list[str]] = []  # each phrase's words, for the sentence prefilter
        for category, table in categories.items():
            if category not in _CATEGORIES:
                raise RegistryError(f"{DATA_FILE}: unknown count category {category!r}")
            if not isinstance(table, dict):
                raise RegistryError(f"{DATA_FILE}: categories.{category} must be a mapping")
            unknown = set(table) - {"before", "strict", "after", "strict_after", "nouns", "adjectives", "around"}
            if unknown:
                raise RegistryError(f"{DATA_FILE}: categories.{category}: unknown keys {sorted(unknown)}")
            for key, index, strict, by_last in (
                ("before", before, False, True), ("strict", before, True, True),
                ("after", after, False, False), ("strict_after", after, True, False),
                ("nouns", nouns, False, False),
            ):
                for phrase in _phrases(table.get(key, []), f"categories.{category}.{key}"):
                    tokens = phrase.split()
                    slot = " ".join(tokens[-2:]) if by_last else tokens[0]
                    index.setdefault(slot, []).append((tokens, category, strict))
                    signal_words.append(tokens)
            for word in _phrases(table.get("adjectives", []), f"categories.{category}.adjectives"):
                adjectives[word] = category
            for pair in table.get("around", []):
                if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
                    raise RegistryError(f"{DATA_FILE}: categories.{category}.around entries are [before, after] pairs")
                before_words = pair[0].lower().split()
                around.setdefault(before_words[-1], []).append((before_words, pair[1].lower().split(), category))
                signal_words.append(pair[1].lower().split())
        tolls: dict[str, list[_Entry]] = {}
        for category, phrases in _mapping(data, "tolls").items():
            if category not in _CATEGORIES:
                raise RegistryError(f"{DATA_FILE}: tolls: unknown category {category!r}")
            for phrase in _phrases(phrases, f"tolls.{category}"):
                tolls.setdefault(phrase.split()[0], []).append((phrase.split(), category, False))
                signal_words.append(phrase.split())
        zero_nouns: dict[str, tuple[str, ...]] = {}
        for noun, cats in _mapping(data, "zero_nouns").items():
            if not isinstance(cats, list) or not cats or any(c not in COUNT_CATEGORIES for c in cats):
                raise RegistryError(f"{DATA_FILE}: zero_nouns.{noun} must list count categories")
            zero_nouns[str(noun).lower()] = tuple(cats)
            signal_words.append(str(noun).lower().split())
        people: dict[str, tuple[bool, bool, str | None]] = {}
        compounds: dict[tuple[str, str], str | None] = {}
        for side, entries in _mapping(data, "people").items():
            if side not in (*SIDES, "unknown"):
                raise RegistryError(f"{DATA_FILE}: people: unknown side {side!r}")
            for entry in _phrases(entries, f"people.{side}"):
                singular, _, plural = entry.partition("|")
                if not plural:
                    raise RegistryError(f"{DATA_FILE}: people entry {entry!r} must read 'singular|plural'")
                value = None if side == "unknown" else side
                for form, is_singular in ((singular, True), (plural, False)):
                    if form == "-":
                        continue
                    words = form.split()
                    if len(words) == 2:  # "aid worker": the side belongs to the pair, not to "worker"
                        compounds[(words[0], words[1])] = value
                        sg, pl, old = people.get(words[1], (False, False, None))
                        people[words[1]] = (sg or is_singular, pl or not is_singular, old)
                        continue
                    sg, pl, old = people.get(words[0], (False, False, value))
                    people[words[0]] = (sg or is_singular, pl or not is_singular, old if old is not None else value)
        partitive_nouns = {str(k).lower(): v for k, v in _mapping(data, "partitive_nouns").items()}
        if any(v not in COUNT_CATEGORIES for v in partitive_nouns.values()):
            raise RegistryError(f"{DATA_FILE}: partitive_nouns values must be count categories")
        side_words = {str(k).lower(): v for k, v in _mapping(data, "side_words").items()}
        if any(v not in SIDES for v in side_words.values()):
            raise RegistryError(f"{DATA_FILE}: side_words values must be one of {SIDES}")
        words = {key: frozenset(_required_phrases(data, key)) for key in (
            "toll_links", "totals", "not_people", "not_single", "generic_people", "companions", "object_adverbs",
            "auxiliaries", "negations", "prepositions", "boundaries",
            "function_words", "cumulative_cues", "subset_markers", "joiners", "common_words")}
        first_words = {t for table in (after, nouns) for t in table} | set(adjectives)
        first_words |= {w for pairs in around.values() for _, after_words, _ in pairs for w in after_words}
        first_words |= {e[0][0] for entries in before.values() for e in entries}
        stop_words = (words["function_words"] | words["auxiliaries"] | words["negations"] | words["prepositions"]
                      | words["boundaries"] | grammar.months | first_words) - set(people)
        trigger_words: set[str] = set()
        for tokens in signal_words:  # the telling words of each phrase ("dead" in "confirmed dead")
            telling = set(tokens) - words["function_words"]
            trigger_words |= (telling - words["common_words"]) or telling
        return cls(
            grammar=grammar, before=_longest_first(before), after=_longest_first(after),
            nouns=_longest_first(nouns), adjectives=adjectives, around=around, tolls=_longest_first(tolls),
            toll_links=words["toll_links"], totals=words["totals"], zero_nouns=zero_nouns, people=people,
            compounds=compounds, side_words=side_words, not_people=words["not_people"], not_single=words["not_single"],
            partitive_nouns=partitive_nouns, generic_people=words["generic_people"], companions=words["companions"],
            object_adverbs=words["object_adverbs"],
            auxiliaries=words["auxiliaries"], negations=words["negations"], prepositions=words["prepositions"],
            subset_by_first=_index(words["subset_markers"], 0), subset_by_last=_index(words["subset_markers"], -1),
            joiners=sorted((p.split() for p in words["joiners"]), key=len, reverse=True),
            joiner_ends=frozenset(p.split()[-1] for p in words["joiners"]),
            stop_words=frozenset(stop_words), trigger_words=frozenset(trigger_words),
            cues=_index(words["cumulative_cues"], 0),
            cue_words=frozenset(
                w for c in words["cumulative_cues"] for w in (set(c.split()) - words["function_words"] or {c.split()[-1]})
            ),
        )


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict) or not value:
        raise RegistryError(f"{DATA_FILE}: '{key}' must be a non-empty mapping")
    return value


def _phrases(value: Any, where: str) -> list[str]:
    """A list of phrases from the data file, lower-cased with single spaces."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RegistryError(f"{DATA_FILE}: {where} must be a list of phrases")
    return [" ".join(v.lower().split()) for v in value]


def _required_phrases(data: Mapping[str, Any], key: str) -> list[str]:
    phrases = _phrases(data.get(key), key)
    if not phrases:
        raise RegistryError(f"{DATA_FILE}: '{key}' must be a non-empty list of phrases")
    return phrases


def _index(phrases: frozenset[str], position: int) -> dict[str, list[list[str]]]:
    index: dict[str, list[list[str]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        index.setdefault(phrase.split()[position], []).append(phrase.split())
    return index


def _longest_first(index: dict[str, list[_Entry]]) -> dict[str, tuple[_Entry, ...]]:
    return {k: tuple(sorted(v, key=lambda e: len(e[0]), reverse=True)) for k, v in index.items()}


@lru_cache(maxsize=1)
def default_lexicon() -> CountLexicon:
    """The lexicon built from the shipped ``count_words.yaml`` (built once)."""
    return CountLexicon.from_data(load_data(DATA_FILE))


# ---------------------------------------------------------------------------
# Reading one sentence
# ---------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:[-'’](?!s\b)[^\W_]+)*|['’]s\b|--|[^\w\s]")
_Q = "#q"
_PARTITIVE = frozenset({"the", "his", "her", "their", "them", "those", "these", "its", "whom", "us", "our"})
_PRONOUN_PARTITIVE = frozenset({"them", "whom", "us"})
_SINGULAR_DETS = frozenset({"a", "an", "the", "his", "her", "their", "its", "'s", "’s", "another", "this", "that"})
_PRONOUNS = frozenset({"he", "she", "him"})
_REFLEXIVE = frozenset({"himself", "herself"})
_OBJECT_DETS = frozenset({"a", "an", "the", "his", "her", "their", "its", "another", "all"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "himself", "herself", "themselves", "us", "me"})
_CLOSERS = {",": ",", "(": ")", "--": "--", "—": "—", "–": "–"}
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being", "got", "get", "gets", "getting", "left"})
_CLAUSE_WORDS = frozenset({"when", "while", "before", "after", "as", "because", "since", "until", "but", "or", "then",
                           "where", "who", "which", "that", "whose", "whom", "if", "though", "although"})


@dataclass(slots=True)
class _Group:
    """A quantity and the people it counts, as token indices (internal)."""

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
    used: bool = False


@dataclass(slots=True)
class _Found:
    category: _Category
    groups: list[_Group]
    start: int  # character offsets in the sentence
    end: int
    cumulative: bool = False
    extra: list[_Group] = field(default_factory=list)  # "(+2 attackers)"


class _Reader:
    """The tokens of one sentence and the rules that read counts from them."""

    def __init__(self, sentence: str, lex: CountLexicon, tokens: list[re.Match[str]], lows: list[str]) -> None:
        self.text = sentence
        self.lex = lex
        self.caps = sentence.isupper()
        starts = [m.start() for m in tokens]
        ends = [m.end() for m in tokens]
        qs: list[Quantity | None] = [None] * len(tokens)
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
                new_lows.append(_Q)
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
        return bool(low) and low != _Q and (low[0].isalnum())

    def ends_with(self, tokens: Sequence[str], k: int) -> bool:
        """Do ``tokens`` end at index ``k`` (inclusive)?"""
        n = len(tokens)
        return k - n + 1 >= 0 and self.lows[k - n + 1 : k + 1] == tokens

    def starts_with(self, tokens: Sequence[str], k: int) -> bool:
        return self.lows[k : k + len(tokens)] == tokens

    def match_forward(self, index: Mapping[str, Sequence[_Entry]], k: int) -> _Entry | None:
        for entry in index.get(self.low(k), ()):
            if self.starts_with(entry[0], k):
                return entry
        return None

    def match_backward(self, k: int) -> _Entry | None:
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

    def groups(self) -> list[_Group]:
        found: list[_Group] = []
        lows, n = self.lows, self.n
        k = 0
        while k < n:
            low = lows[k]
            group: _Group | None = None
            if low == _Q:
                group = self._quantity_group(k)
            elif low in _SINGULAR_DETS:
                group = self._singular_group(k)
            elif low in _PRONOUNS or (low == "her" and (not self.word(k + 1) or self.low(k + 1) in self.lex.stop_words)):
                group = _Group(k, k, Quantity(1, 1, 1, False, self.text[self.starts[k] : self.ends[k]]), person=True)
            elif low in _REFLEXIVE:
                group = _Group(k, k, Quantity(1, 1, 1, False, low), side="perpetrators", person=True, reflexive=True)
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

    def _quantity_group(self, k: int) -> _Group:
        q = self.qs[k]
        assert q is not None
        first = k - 1 if self.low(k - 1) in ("the", "these", "those", "their", "his", "her", "its", "our") else k
        j = k + 1
        if self.low(j) == "of" and self.low(j + 1) in _PARTITIVE:
            det = self.low(j + 1)
            if det in _PRONOUN_PARTITIVE:  # "three of them": a part of people named before
                return _Group(first, j + 1, q, partitive="them")
            m = j + 2 + (self.low(j + 2) in ("people", _Q))
            if self.low(m) in self.lex.partitive_nouns:  # "two of the dead"
                return _Group(first, m, q, partitive=self.lex.partitive_nouns[self.low(m)])
            if self.low(j + 2) == _Q:  # "one of the two gunmen"
                group = self._noun_group(first, j + 3, q)
                return group if group is not None else _Group(first, j + 2, q)
            group = self._noun_group(first, j + 2, q)
            return group if group is not None else _Group(first, j + 1, q)
        if self.low(j) == "of" or (self.low(j) == "the" and q.text.lower() in ("both", "all")):
            j += 1
        adjective = self.lex.adjectives.get(self.low(j))
        if adjective is not None:
            group = self._noun_group(first, j + 1, q, need_person=True)
            if group is not None:
                group.adjective = adjective
                return group
        group = self._noun_group(first, j, q)
        return group if group is not None else _Group(first, k, q)

    def _singular_group(self, k: int) -> _Group | None:
        low = self.lows[k]
        one = Quantity(1, 1, 1, False, low)
        if not self.word(k + 1) or self.lows[k + 1] in self.lex.stop_words:
            if low == "another":
                return _Group(k, k, one, person=True)  # "... and another injured"
            return None
        first = k - 1 if low in ("'s", "’s") and self.word(k - 1) else k
        possessive = low in ("'s", "’s")
        group = self._noun_group(first, k + 1, one, need_person=possessive, singular=True)
        if group is not None and group.tentative and self.low(first - 1) in self.lex.prepositions:
            return None  # "died on the spot": the object of a preposition
        return group

    def _noun_group(
        self, first: int, j: int, q: Quantity, *, need_person: bool = False, singular: bool = False
    ) -> _Group | None:
        """The victim noun phrase from token ``j``: modifiers, then a person noun as head.

        With ``singular`` (after "a", "the", "his"...) the head must be a singular person
        noun; failing that, a short phrase of other nouns makes a *tentative* group
        ("a shepherd") that only a passive verb can confirm.
        """
        lex, lows = self.lex, self.lows
        k, head, words, plural = j, -1, 0, False
        while k < self.n and words < 6:
            low = lows[k]
            words += 1
            if low == "(" and k > j and ")" in lows[k + 1 : k + 5]:
                k = lows.index(")", k + 1) + 1  # "Four Border Security Force (BSF) personnel"
                continue
            if low == _Q or not (low[0].isalnum() or (low in ("'s", "’s") and k > j)):
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
            return _Group(
                first, k - 1, q, label=label, noun=j, side=side, thing=thing, has_noun=True, tentative=singular
            )
        if singular and lex.people.get(lows[head], (True,))[0] is False:
            return None
        side = lex.compounds.get((lows[head - 1], lows[head])) if head > j else None
        if side is None:
            side = lex.people.get(lows[head], (False, False, None))[2]
        if side is None:
            side = next((lex.side_words[w] for w in lows[j:head] if w in lex.side_words), None)
        last = head
        if k - 1 == head + 1 and not self.caps and lows[k - 1].isalpha() and not lows[k - 1].endswith(("ing", "ed")):
            raw = self.text[self.starts[k - 1] : self.ends[k - 1]]
            if raw.islower() or (raw.isupper() and len(raw) <= 4):
                last = k - 1  # "a Christian preacher", "a Sunni MP"; not "the leader Nek Mohammad"
        label = self.text[self.starts[j] : self.ends[last]]
        return _Group(first, last, q, label=label, noun=j, side=side, person=True, has_noun=True)

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

    def _add_leaders(self, groups: list[_Group]) -> None:
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
            groups.insert(index, _Group(start, k, Quantity(1, 1, 1, False, name), label=name, person=True,
                                        has_noun=True))

    # -- chains of groups ----------------------------------------------------------

    def chains(self, groups: list[_Group]) -> list[list[_Group]]:
        chains: list[list[_Group]] = []
        for g in groups:
            if chains and self._joined(chains[-1][-1], g):
                chains[-1].append(g)
            else:
                chains.append([g])
        return chains

    def _joined(self, a: _Group, b: _Group) -> bool:
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
                    if self.low(end) == "and":
                        end += 1
                    elif self.lows[b.first] != _Q and self.low(b.first + 1) != _Q and self.low(b.last + 1) not in (
                        ",", "and"
                    ):
                        return False  # "killed one, a policeman": an apposition, not a list "A, B and C"
                    elif b.partitive == "them":
                        return False  # "12 people, three of them children, ..."
                return end == b.first
        return False

    # -- links --------------------------------------------------------------------

    def before(self, g: _Group) -> tuple[_Entry, int] | None:
        """The verb or noun right before the group ("killed", "the bodies of"), with its first token."""
        k = g.first - 1
        if self.low(k) in self.lex.object_adverbs:
            k -= 1  # "killing only himself"
        elif self.low(k) == "least" and self.low(k - 1) == "at" and self.lows[g.first] != _Q:
            k -= 2  # "killed at least a civilian"
        entry = self.match_backward(k)
        if entry is None:
            return None
        return entry, k + 1 - len(entry[0])

    def acceptable_object(self, g: _Group, strict: bool, category: str) -> bool:
        if g.tentative:  # "killed a road construction supervisor"; not "hurt the economy"
            return not strict and category in ("killed", "kidnapped", "arrested") and not self.caps
        if g.reflexive or (g.person and not g.thing):
            return True
        if strict or g.thing:
            return False
        return True

    def after(self, g: _Group, *, in_apposition: bool) -> tuple[_Entry, int, int] | None:
        """The verb after the group ("were killed", "died"): entry, first and last+1 token index."""
        lex = self.lex
        k = g.last + 1
        noun = self.match_forward(self.lex.nouns, k)
        if noun is not None:
            return None if g.tentative else (noun, k, k + len(noun[0]))
        if g.tentative:  # "the principal of the school was killed", not "the release of the priests who..."
            if not self.caps and self.low(k) in lex.prepositions:
                j = self._skip_phrase(k)
                if not any(w in lex.people or w == _Q for w in self.lows[k:j]):
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
                if low in ("left", "said", "reported", "confirmed", "found") and self.match_forward(lex.after, k):
                    break  # "left injured", "confirmed dead" are phrases of their own
                auxiliary = True
                passive = passive or low in _BE
            elif not (low.endswith("ly") and len(low) > 4 and low not in lex.people):
                break
            k += 1
        entry = self.match_forward(lex.after, k)
        if entry is None or (negated and g.quantity.best != 0) or (g.tentative and not auxiliary):
            return None
        end = k + len(entry[0])
        if not passive and self._object_at(end):
            return None  # "five gunmen (have) killed 12 people": the group did the killing
        return entry, k, end

    def also_after(self, end: int, category: str) -> tuple[_Entry, int] | None:
        """A second verb joined to the first: "was kidnapped and killed"."""
        if self.low(end) not in ("and", "or") or self.low(end - 1) == ",":
            return None
        entry = self.match_forward(self.lex.after, end + 1)
        if entry is None or entry[1] == category or self._object_at(end + 1 + len(entry[0])):
            return None
        return entry, end + 1 + len(entry[0])

    def _object_at(self, k: int) -> bool:
        low = self.low(k)
        if low == _Q or low in _OBJECT_PRONOUNS or (not self.caps and self.name_like(k)):
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
            if low in _CLOSERS:
                close = _CLOSERS[low]
                j = k + 1
                while j < self.n and j - k <= 12 and self.lows[j] != close:
                    lj = self.lows[j]
                    if lj in lex.auxiliaries or lj in lex.negations or lj in (";", ":", ".") or (
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
                break
            if any(self.starts_with(marker, k) for marker in lex.subset_by_first.get(low, ())):
                j = k + 1  # "Eight people including four civilians ... were killed"
                while j < self.n and j - k <= 14 and self.lows[j] not in lex.auxiliaries and self.lows[j] != ",":
                    if self.lows[j] in lex.after and self.match_forward(lex.after, j):
                        return k
                    j += 1
                if j < self.n and j - k <= 14:
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

    def _skip_phrase(self, k: int) -> int:
        """Skip a short prepositional phrase starting at ``k`` ("from Tajikistan", "of the party")."""
        lex = self.lex
        j = k + 1
        while j < self.n and j - k <= 10:
            low = self.lows[j]
            if low == "(":
                close = self.lows.index(")", j) if ")" in self.lows[j : j + 8] else -1
                if close < 0:
                    break
                j = close + 1
                continue
            if low == _Q or not (low[0].isalnum() or low in ("'s", "’s")):
                break
            if (low in lex.auxiliaries and low != "to") or low in lex.negations or low in _CLAUSE_WORDS:
                break
            if low == "and" and (
                self.low(j + 1) in lex.auxiliaries or self.low(j + 1) in _CLAUSE_WORDS or self.low(j + 1) == _Q
                or (self.low(j + 1) in _SINGULAR_DETS and any(w in lex.people for w in self.lows[j + 2 : j + 5]))
            ):
                break  # "the governor of the region and his brother": the phrase ends before "and"
            if low in lex.after and self.match_forward(lex.after, j):
                break
            j += 1
        return j

    def around(self, chain: list[_Group]) -> tuple[str, int, int] | None:
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
                return category, first.first - len(before), last.last
        return None


# ---------------------------------------------------------------------------
# From links to mentions
# ---------------------------------------------------------------------------


def find_counts(sentence: str, lexicon: CountLexicon | None = None) -> list[CountMention]:
    """Every casualty, detention and kidnapping count in one sentence, in reading order.

    >>> [(m.category, m.count.best, m.victim) for m in find_counts("The attack killed nearly 140 people.")]
    [('killed', 140, 'people')]
    """
    lex = lexicon or default_lexicon()
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a few characters change length when lowered
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    tokens = list(_TOKEN_RE.finditer(lowered))
    lows = [m.group() for m in tokens]
    if lex.trigger_words.isdisjoint(lows):
        return []
    reader = _Reader(sentence, lex, tokens, lows)
    groups = reader.groups()
    found: list[_Found] = []
    found.extend(_tolls(reader, groups))
    found.extend(_zeros(reader))
    for chain in reader.chains(groups):
        linked = _link_chain(reader, chain)
        for f in linked:  # groups inside an appositive or a place name were read with it
            for g in groups:
                if not g.used and f.start <= reader.starts[g.first] and reader.ends[g.last] <= f.end:
                    g.used = True
        found.extend(linked)
    for group in groups:
        if not group.used and group.adjective is not None and not group.subset:
            group.used = True
            found.append(_Found(group.adjective, [group], reader.starts[group.first], reader.ends[group.last]))
    found.extend(_totals(reader, groups, found))
    _attach_extras(reader, groups, found)
    found.sort(key=lambda f: f.start)
    _mark_cumulative(reader, found)
    mentions: list[CountMention] = []
    for f in found:
        mentions.extend(_mentions(reader, f))
    return mentions


def _link_chain(reader: _Reader, chain: list[_Group]) -> list[_Found]:
    starts, ends = reader.starts, reader.ends
    chain = [g for g in chain if not g.used]
    if not chain:
        return []
    around = None if chain[0].subset else reader.around(chain)
    if around is not None:
        category, a, b = around
        return [_use(chain, category, starts[a], ends[b])]
    named_twice = False
    if len(chain) > 1 and chain[0].label and chain[0].label.lower() in reader.lex.generic_people:
        rest = chain[1:]  # "Three people, a soldier and two civilians were killed": one count, named twice
        if all(g.quantity.best is not None for g in rest) and sum(g.quantity.best or 0 for g in rest) == chain[0].quantity.best:
            named_twice = True
    head = chain[0]
    before = None if head.subset else reader.before(head)
    if before is not None:
        (tokens, category, strict), first = before
        partitive_ok = head.partitive != category
        objects: list[_Group] = []
        for g in chain:
            if not reader.acceptable_object(g, strict, category) or not partitive_ok:
                break
            objects.append(g)
        if objects:
            tail = chain[len(objects) :]
            last_after = reader.after(chain[-1], in_apposition=False) if len(chain) > 1 else None
            if last_after is not None and len(objects) == len(chain):
                objects, tail = objects[:-1], [chain[-1]]
            found = [_use(objects, category, starts[first], ends[objects[-1].last])]
            return found + (_link_chain(reader, tail) if tail else [])
    in_apposition = reader.low(head.first - 1) == ","
    after = reader.after(chain[-1], in_apposition=in_apposition and len(chain) == 1)
    if after is not None:
        (tokens, category, strict), k, end = after
        if strict and not all(g.person for g in chain):
            return []
        if any(g.partitive == category for g in chain):
            return []
        found = [_use(chain, category, starts[chain[0].first], ends[end - 1])]
        if named_twice:
            found[0].groups = chain[:1]
        second = reader.also_after(end, category)
        if second is not None:
            found.append(_Found(second[0][1], list(chain), starts[chain[0].first], ends[second[1] - 1]))
        return found
    if len(chain) > 1:  # no verb for the whole list: try its first group alone, then the rest
        return _link_chain(reader, chain[:1]) + _link_chain(reader, chain[1:])
    return []


def _use(groups: list[_Group], category: _Category, start: int, end: int) -> _Found:
    for g in groups:
        g.used = True
    return _Found(category, list(groups), start, end)


def _tolls(reader: _Reader, groups: list[_Group]) -> list[_Found]:
    """'the death toll rose to 143', 'a toll of at least 60', 'the number of injured reached 30'."""
    found: list[_Found] = []
    lows, lex = reader.lows, reader.lex
    k = 0
    while k < reader.n:
        entry = reader.match_forward(lex.tolls, k) if lows[k] in lex.tolls else None
        if entry is None:
            k += 1
            continue
        end = k + len(entry[0])
        figures: list[_Group] = []  # "rose to 60 and then to 143": the last figure is the toll
        for j in range(end, min(reader.n, end + 14)):
            if lows[j] in (";", ".") or reader.match_forward(lex.tolls, j):
                break
            if lows[j] == _Q and lows[j - 1] in lex.toll_links and (j < 2 or lows[j - 2] != "from"):
                group = next((g for g in groups if g.first <= j <= g.last), None)
                if group is None or group.used:
                    break
                figures.append(group)
        if figures:
            for group in figures:
                group.used = True
            last = figures[-1]
            found.append(_Found(entry[1], [last], reader.starts[k], reader.ends[last.last], cumulative=True))
        k = end
    return found


def _totals(reader: _Reader, groups: list[_Group], found: list[_Found]) -> list[_Found]:
    """'..., bringing the total to 143': a running total of the count just before."""
    out: list[_Found] = []
    for k in range(reader.n - 2):
        if reader.lows[k] not in reader.lex.totals or reader.lows[k + 1] != "to" or reader.lows[k + 2] != _Q:
            continue
        earlier = [f for f in found if f.end <= reader.starts[k]]
        group = next((g for g in groups if g.first <= k + 2 <= g.last), None)
        if not earlier or group is None or group.used:
            continue
        group.used = True
        category = max(earlier, key=lambda f: f.end).category
        out.append(_Found(category, [group], reader.starts[k], reader.ends[group.last], cumulative=True))
    return out


def _zeros(reader: _Reader) -> list[_Found]:
    """'there were no casualties', 'without injuries', 'had not harmed any civilians'."""
    found: list[_Found] = []
    lows, lex = reader.lows, reader.lex
    for k in range(reader.n):
        low = lows[k]
        if low in ("no", "without"):
            j = k + 1 + (lows[k + 1 : k + 2] == ["any"])
            for mods in range(3):
                m = j + mods
                noun = " ".join(lows[m : m + 2]) if " ".join(lows[m : m + 2]) in lex.zero_nouns else reader.low(m)
                if noun in lex.zero_nouns:
                    end = m + len(noun.split()) - 1
                    side = next((lex.side_words[w] for w in lows[j:end + 1] if w in lex.side_words), None)
                    group = _Group(k, end, Quantity(0, 0, 0, False, low), side=side, used=True)
                    for category in lex.zero_nouns[noun]:
                        found.append(_Found(category, [group], reader.starts[k], reader.ends[end]))
                    break
                if not reader.word(m) or lows[m] in lex.stop_words:
                    break
        elif low in ("any", "anyone", "anybody") and k > 0:
            entry = reader.match_backward(k - 1)
            if entry is None or entry[1] == "combined":
                continue
            first = k - len(entry[0])
            if not any(lows[j] in lex.negations or lows[j].endswith("n't") for j in range(max(0, first - 4), first)):
                continue
            group = _Group(k, k, Quantity(0, 0, 0, False, low), used=True, person=True)
            if low == "any":
                noun = reader._noun_group(k, k + 1, group.quantity)
                if noun is not None:
                    group = noun
                    group.used = True
            found.append(_Found(entry[1], [group], reader.starts[first], reader.ends[group.last]))
    return found


def _attach_extras(reader: _Reader, groups: list[_Group], found: list[_Found]) -> None:
    """'26 killed (+2 attackers)': the bracketed figure adds the perpetrators killed."""
    by_end = {f.end: f for f in found}
    for g in groups:
        if g.used or g.first < 3 or reader.lows[g.first - 1] != "+" or reader.lows[g.first - 2] != "(":
            continue
        owner = by_end.get(reader.ends[g.first - 3])
        if owner is None or reader.low(g.last + 1) != ")":
            continue
        g.used = True
        g.side = g.side or "perpetrators"
        owner.extra.append(g)
        owner.end = reader.ends[g.last + 1]


def _mark_cumulative(reader: _Reader, found: list[_Found]) -> None:
    if not found or reader.lex.cue_words.isdisjoint(reader.lows):
        return
    by_first = reader.lex.cues
    cues = [
        reader.starts[k] for k, low in enumerate(reader.lows)
        if low in by_first and any(reader.starts_with(cue, k) for cue in by_first[low])
    ]
    if not cues:
        return
    for i, f in enumerate(found):  # a cue belongs to the counts on either side of it
        lo = found[i - 1].end if i else 0
        hi = found[i + 1].start if i + 1 < len(found) else len(reader.text)
        if any(lo <= c < hi for c in cues):
            f.cumulative = True


def _mentions(reader: _Reader, f: _Found) -> list[CountMention]:
    text = reader.text[f.start : f.end]
    parts = tuple(_part(reader, g) for g in (*f.groups, *f.extra))
    labels = [p.label for p in parts if p.label]
    victim = " and ".join(dict.fromkeys(labels)) if labels else None
    sides = {p.side for p in parts}
    side = sides.pop() if len(sides) == 1 else None
    if f.category == "combined":
        if all(p.best == 0 for p in parts):
            count = Count(0, 0, 0, False, text, parts)
            return [CountMention(c, count, f.start, f.end, victim, side, f.cumulative) for c in ("killed", "injured")]
        high = None if any(p.max is None for p in parts) else sum(p.max for p in parts if p.max is not None)
        count = Count(None, high, None, True, text, ())
        return [CountMention(c, count, f.start, f.end, victim, side, f.cumulative, True) for c in ("killed", "injured")]
    mins = [p.min for p in parts]
    total = Count(
        min=None if all(m is None for m in mins) else sum(m or 0 for m in mins),
        max=None if any(p.max is None for p in parts) else sum(p.max or 0 for p in parts),
        best=None if any(p.best is None for p in parts) else sum(p.best or 0 for p in parts),
        approx=any(p.approx for p in parts),
        text=text,
        parts=parts,
    )
    return [CountMention(f.category, total, f.start, f.end, victim, side, f.cumulative)]  # type: ignore[arg-type]


def _part(reader: _Reader, g: _Group) -> CountPart:
    q = g.quantity
    text = reader.text[reader.starts[g.first] : reader.ends[g.last]]
    return CountPart(g.label or "", q.min, q.max, q.best, q.approx, text, g.side)


__all__ = ["CountLexicon", "CountMention", "SIDES", "default_lexicon", "find_counts"]
