"""The word lists counts are read with: ``count_words.yaml``, validated and compiled.

:class:`CountLexicon` is built once from the data file (:func:`default_lexicon`)
or from any mapping of the same shape (:meth:`CountLexicon.from_data`, for tests
and tuning). Every phrase is indexed by the word the reader meets first, so a
sentence is read with dictionary look-ups rather than regular expressions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Sequence

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import load_data
from sitrep.extract.numbers import DATA_FILE, QuantityGrammar
from sitrep.model import COUNT_CATEGORIES

#: The sides a count of people can be put on, from the noun counted or a modifier.
SIDES: tuple[str, ...] = ("civilians", "security forces", "perpetrators", "militants")
#: A count category, or "combined" (killed and injured together, not split by the text).
CATEGORIES: tuple[str, ...] = (*COUNT_CATEGORIES, "combined")

#: A phrase of the lexicon: its tokens, its category, and whether it needs people ("strict").
Entry = tuple[list[str], str, bool]

#: The token of an ``after`` phrase that stands for one to three free words ("suffered ... wounds").
GAP = "..."
#: An ``after`` phrase with a gap: the words before it, the words after it, category, strict.
Gapped = tuple[list[str], list[str], str, bool]

_CATEGORY_KEYS = frozenset({"before", "strict", "after", "strict_after", "nouns", "adjectives", "around"})
_WORD_LISTS = (
    "toll_links", "totals", "not_people", "not_single", "generic_people", "companions", "object_adverbs",
    "auxiliaries", "reporting_auxiliaries", "speech_verbs", "negations", "prepositions", "boundaries",
    "function_words", "cumulative_cues", "aggregate_cues", "period_cues", "period_units", "campaign_nouns",
    "subset_markers", "joiners", "common_words", "modifier_phrases", "hypothetical_cues", "cause_words",
    "additive_words", "trailing_subset_markers",
)


@dataclass(frozen=True)
class CountLexicon:
    """The compiled word lists of ``count_words.yaml`` that counts are read with."""

    grammar: QuantityGrammar
    before: Mapping[str, Sequence[Entry]]  # keyed by the last word, or by the last two words of longer phrases
    before_ends: frozenset[str]  # the last word of every "before" phrase
    after: Mapping[str, Sequence[Entry]]  # keyed by the first token
    gapped_after: Mapping[str, Sequence[Gapped]]  # "suffered ... wounds", keyed by the first token
    nouns: Mapping[str, Sequence[Entry]]
    adjectives: Mapping[str, str]
    around: Mapping[str, Sequence[tuple[list[str], list[str], str]]]  # keyed by the last word before the group
    tolls: Mapping[str, Sequence[Entry]]
    toll_links: frozenset[str]
    totals: frozenset[str]
    zero_nouns: Mapping[str, tuple[str, ...]]
    zero_adjectives: Mapping[str, tuple[str, ...]]  # "unharmed": the categories it sets to zero
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
    reporting_auxiliaries: frozenset[str]  # "said", "feared": auxiliaries only after "was", "were"...
    speech_verbs: frozenset[str]  # "two security sources said": a group before one is a speaker
    negations: frozenset[str]
    prepositions: frozenset[str]
    modifier_phrases: frozenset[tuple[str, str]]  # ("off", "duty"): two words read as one modifier
    modifier_firsts: frozenset[str]  # their first words
    transitive: frozenset[str]  # "before" phrases: an "after" phrase among them may take an object
    boundaries: frozenset[str]  # words that may follow a count with no noun ("killed 12 in Kabul")
    subset_by_first: Mapping[str, Sequence[list[str]]]
    subset_by_last: Mapping[str, Sequence[list[str]]]
    trailing_subsets: Mapping[str, Sequence[list[str]]]  # "four cops among them": after the part
    joiners: Sequence[list[str]]
    joiner_ends: frozenset[str]
    stop_words: frozenset[str]  # never inside a victim noun phrase
    trigger_words: frozenset[str]  # a sentence without one of these words has no count
    cues: Mapping[str, Sequence[list[str]]]  # running-total cues keyed by their first word
    aggregate_cues: Mapping[str, Sequence[list[str]]]  # many-incident cues keyed by their first word
    period_cues: Mapping[str, Sequence[list[str]]]  # "over the past": aggregate before a time unit
    period_units: frozenset[str]
    campaign_nouns: frozenset[str]  # "the insurgency has killed ...": a toll of a campaign
    cue_words: frozenset[str]  # a word that every cue contains ("far", "since", "total"...)
    hypothetical_cues: Mapping[str, Sequence[list[str]]]  # "could", "threatened to", keyed by their first word
    hypothetical_words: frozenset[str]  # the first words of those cues
    cause_words: frozenset[str]  # "since the killing of X": a named death that is a cause, not a count
    additive_words: frozenset[str]  # "one additional suspect", "also detained": a count adding to earlier ones

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> "CountLexicon":
        """Validate a mapping shaped like ``count_words.yaml`` and compile it.

        Raises :class:`~sitrep.errors.RegistryError` naming the section at fault.
        """
        if data.get("version") != 1:
            raise RegistryError(f"{DATA_FILE}: unsupported version {data.get('version')!r} (expected 1)")
        grammar = QuantityGrammar.from_data(data)
        signal_words: list[list[str]] = []  # each phrase's words, for the sentence prefilter
        before, after, nouns, adjectives, around, gapped = _categories(_mapping(data, "categories"), signal_words)
        tolls: dict[str, list[Entry]] = {}
        for category, phrases in _mapping(data, "tolls").items():
            if category not in CATEGORIES:
                raise RegistryError(f"{DATA_FILE}: tolls: unknown category {category!r}")
            for phrase in _phrases(phrases, f"tolls.{category}"):
                tolls.setdefault(phrase.split()[0], []).append((phrase.split(), category, False))
                signal_words.append(phrase.split())
        zero_nouns = _zero_table(data, "zero_nouns", signal_words)
        zero_adjectives = _zero_table(data, "zero_adjectives", signal_words)
        people, compounds = _people(_mapping(data, "people"))
        partitive_nouns = {str(k).lower(): v for k, v in _mapping(data, "partitive_nouns").items()}
        if any(v not in COUNT_CATEGORIES for v in partitive_nouns.values()):
            raise RegistryError(f"{DATA_FILE}: partitive_nouns values must be count categories")
        side_words = {str(k).lower(): v for k, v in _mapping(data, "side_words").items()}
        if any(v not in SIDES for v in side_words.values()):
            raise RegistryError(f"{DATA_FILE}: side_words values must be one of {SIDES}")
        words = {key: frozenset(_required_phrases(data, key)) for key in _WORD_LISTS}
        if any(len(p.split()) != 2 for p in words["modifier_phrases"]):
            raise RegistryError(f"{DATA_FILE}: modifier_phrases must be two-word phrases")
        if not words["reporting_auxiliaries"] <= words["auxiliaries"]:
            raise RegistryError(f"{DATA_FILE}: every reporting_auxiliaries word must also be in auxiliaries")
        first_words = {t for table in (after, nouns, gapped) for t in table} | set(adjectives)
        first_words |= {w for pairs in around.values() for _, after_words, _ in pairs for w in after_words}
        first_words |= {e[0][0] for entries in before.values() for e in entries}
        stop_words = (words["function_words"] | words["auxiliaries"] | words["negations"] | words["prepositions"]
                      | words["boundaries"] | grammar.months | first_words) - set(people)
        trigger_words: set[str] = set()
        for tokens in signal_words:  # the telling words of each phrase ("dead" in "confirmed dead")
            telling = set(tokens) - words["function_words"] or set(tokens)
            trigger_words |= (telling - words["common_words"]) or {max(telling, key=len)}  # one word is enough
        if not all(w.isalpha() for w in trigger_words):  # find_counts looks for them among runs of letters
            raise RegistryError(f"{DATA_FILE}: the telling word of every phrase must be letters only")
        cue_words = {  # a cue is read only where all its words are: its longest word is enough to look for
            max(set(c.split()) - words["function_words"] or {c.split()[-1]}, key=len)
            for key in ("cumulative_cues", "aggregate_cues", "period_cues") for c in words[key]
        }
        return cls(
            grammar=grammar, before=_longest_first(before), after=_longest_first(after),
            before_ends=frozenset(e[0][-1] for entries in before.values() for e in entries),
            nouns=_longest_first(nouns), adjectives=adjectives, around=around, tolls=_longest_first(tolls),
            gapped_after={k: tuple(v) for k, v in gapped.items()},
            toll_links=words["toll_links"], totals=words["totals"], zero_nouns=zero_nouns,
            zero_adjectives=zero_adjectives, people=people, compounds=compounds, side_words=side_words,
            not_people=words["not_people"], not_single=words["not_single"], partitive_nouns=partitive_nouns,
            generic_people=words["generic_people"], companions=words["companions"],
            object_adverbs=words["object_adverbs"], auxiliaries=words["auxiliaries"],
            reporting_auxiliaries=words["reporting_auxiliaries"], speech_verbs=words["speech_verbs"],
            negations=words["negations"], prepositions=words["prepositions"], boundaries=words["boundaries"],
            modifier_phrases=frozenset((p.split()[0], p.split()[1]) for p in words["modifier_phrases"]),
            modifier_firsts=frozenset(p.split()[0] for p in words["modifier_phrases"]),
            transitive=frozenset(" ".join(e[0]) for entries in before.values() for e in entries),
            subset_by_first=_index(words["subset_markers"], 0), subset_by_last=_index(words["subset_markers"], -1),
            trailing_subsets=_index(words["trailing_subset_markers"], 0),
            joiners=sorted((p.split() for p in words["joiners"]), key=len, reverse=True),
            joiner_ends=frozenset(p.split()[-1] for p in words["joiners"]),
            stop_words=frozenset(stop_words), trigger_words=frozenset(trigger_words),
            cues=_index(words["cumulative_cues"], 0), aggregate_cues=_index(words["aggregate_cues"], 0),
            period_cues=_index(words["period_cues"], 0), period_units=words["period_units"],
            campaign_nouns=words["campaign_nouns"], cue_words=frozenset(cue_words),
            hypothetical_cues=_index(words["hypothetical_cues"], 0),
            hypothetical_words=frozenset(p.split()[0] for p in words["hypothetical_cues"]),
            cause_words=words["cause_words"], additive_words=words["additive_words"],
        )


_Categories = tuple[
    dict[str, list[Entry]], dict[str, list[Entry]], dict[str, list[Entry]], dict[str, str],
    dict[str, list[tuple[list[str], list[str], str]]], dict[str, list[Gapped]],
]


def _categories(categories: Mapping[str, Any], signal_words: list[list[str]]) -> _Categories:
    """Index the phrases of each category by the word the reader meets first."""
    before: dict[str, list[Entry]] = {}
    after: dict[str, list[Entry]] = {}
    nouns: dict[str, list[Entry]] = {}
    adjectives: dict[str, str] = {}
    around: dict[str, list[tuple[list[str], list[str], str]]] = {}
    gapped: dict[str, list[Gapped]] = {}
    for category, table in categories.items():
        if category not in CATEGORIES:
            raise RegistryError(f"{DATA_FILE}: unknown count category {category!r}")
        if not isinstance(table, dict):
            raise RegistryError(f"{DATA_FILE}: categories.{category} must be a mapping")
        unknown = set(table) - _CATEGORY_KEYS
        if unknown:
            raise RegistryError(f"{DATA_FILE}: categories.{category}: unknown keys {sorted(unknown)}")
        for key, index, strict, by_last in (
            ("before", before, False, True), ("strict", before, True, True),
            ("after", after, False, False), ("strict_after", after, True, False),
            ("nouns", nouns, False, False),
        ):
            for phrase in _phrases(table.get(key, []), f"categories.{category}.{key}"):
                tokens = phrase.split()
                if GAP in tokens:
                    gap = tokens.index(GAP)
                    if key not in ("after", "strict_after") or tokens.count(GAP) > 1 or gap in (0, len(tokens) - 1):
                        raise RegistryError(
                            f"{DATA_FILE}: categories.{category}.{key}: {phrase!r}: a gap ('{GAP}') may only stand"
                            " once inside an after phrase"
                        )
                    gapped.setdefault(tokens[0], []).append((tokens[:gap], tokens[gap + 1 :], category, strict))
                    signal_words.append([t for t in tokens if t != GAP])
                    continue
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
    return before, after, nouns, adjectives, around, gapped


def _zero_table(data: Mapping[str, Any], key: str, signal_words: list[list[str]]) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for word, cats in _mapping(data, key).items():
        if not isinstance(cats, list) or not cats or any(c not in COUNT_CATEGORIES for c in cats):
            raise RegistryError(f"{DATA_FILE}: {key}.{word} must list count categories")
        table[str(word).lower()] = tuple(cats)
        signal_words.append(str(word).lower().split())
    return table


def _people(
    sides: Mapping[str, Any],
) -> tuple[dict[str, tuple[bool, bool, str | None]], dict[tuple[str, str], str | None]]:
    """The person nouns ("singular|plural" entries) and two-word compounds, with their sides."""
    people: dict[str, tuple[bool, bool, str | None]] = {}
    compounds: dict[tuple[str, str], str | None] = {}
    for side, entries in sides.items():
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
    return people, compounds


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


def _longest_first(index: dict[str, list[Entry]]) -> dict[str, tuple[Entry, ...]]:
    return {k: tuple(sorted(v, key=lambda e: len(e[0]), reverse=True)) for k, v in index.items()}


@lru_cache(maxsize=1)
def default_lexicon() -> CountLexicon:
    """The lexicon built from the shipped ``count_words.yaml`` (built once)."""
    return CountLexicon.from_data(load_data(DATA_FILE))


__all__ = ["CATEGORIES", "GAP", "SIDES", "CountLexicon", "Entry", "Gapped", "default_lexicon"]
