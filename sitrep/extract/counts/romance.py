"""Counts in Spanish, Portuguese and French: :func:`find_counts_romance`.

Wire headlines from Mexico, Colombia, Brazil or the Sahel tell their tolls in two shapes,
which this reader takes with the word lists of ``count_words_romance.yaml``:

* a verb of a category and its object after it, past how and where: "Matan a 10 en Juárez",
  "Ejecutan con bazuca a dos en Culiacán", "Asesinan a balazos a un hombre", "Matan a agente de
  EU" (one person: a singular noun after Spanish's personal "a"), "PM mata dois suspeitos",
  "Des jihadistes tuent trois soldats";
* the people counted and a word of their fate after them: "Tiroteo en Durango dejó 2 soldados
  muertos", "un muerto y dos heridos", "Duas pessoas morrem durante tiroteio", "12 soldats tués
  dans une embuscade".

A count told as a sum over several incidents ("suman 90 asesinatos", "30 muertos en 8 días",
"van 16 homicidios en diciembre") is marked ``aggregate``, as the English reader marks
"since 2009". The language is the one whose words of a category the sentence holds (a word of
two, "mata", is tried in each). The reader is used only where the English reader finds no
count, so an English sentence is read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Sequence

from sitrep.errors import RegistryError
from sitrep.extract.counts.mentions import CountMention
from sitrep.extract.lexicon import load_data
from sitrep.model import COUNT_CATEGORIES, Count, CountPart

DATA_FILE = "count_words_romance.yaml"

_TOKEN = re.compile(r"\d+(?:[.,]\d{3})*|[^\W\d_]+(?:-[^\W\d_]+)*|[^\w\s]")
#: A number written with thousands separators: "1,200", "1.200".
_GROUPED_DIGITS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
#: Words between a verb and its object that say where or with what: "Ejecutan con bazuca a dos
#: en Culiacán", "Matan en Culiacán a operador". Any language's.
_ADVERBIAL_OPENERS = frozenset({"con", "com", "avec", "en", "em", "no", "na", "dans", "à", "au", "desde", "de", "por"})
#: Articles before a person object: "a la mujer", "al joven", "o homem", "le chef".
_ARTICLES = frozenset({"el", "la", "al", "o", "a", "le", "l"})
_PLURAL_ARTICLES = frozenset({"los", "las", "os", "as", "les", "des", "sus", "seus", "ses"})
#: Words that may stand between the people counted and their fate: "2 soldados muertos" (a noun of
#: people), "tres hombres asesinados", "dos presuntos delincuentes muertos".
_GAP_WORDS = 3
#: How far a verb's object may be from it: "Asesinan a balazos a un hombre en Santa Anita".
_OBJECT_REACH = 7
#: Prepositions that put a time after a count: "en 8 días", "durante junio", "em 24 horas".
_PERIOD_PREPOSITIONS = frozenset({"en", "durante", "em", "durant", "dans", "pendant", "de", "menos", "del"})
#: Punctuation at the edges of a word split off by spaces: "heridos.", "(muertos)", "«tués»".
_EDGE_PUNCTUATION = ".,;:!?\"'“”‘’«»()[]¿¡-–—"
#: How many tokens after a count its span of time may end: "Seis muertos, en menos de 24 horas".
_PERIOD_REACH = 8
#: Function words a gap between a number and its fate never holds ("cinco integrantes de una
#: familia asesinados": the "una" is no count).
_STOP = frozenset({"de", "del", "la", "el", "los", "las", "en", "y", "a", "con", "por", "que", "e", "do", "da",
                   "dos", "das", "em", "no", "na", "com", "et", "le", "les", "des", "du", "dans", "à", "au", "aux"})


@dataclass(frozen=True, slots=True)
class LanguageCounts:
    """The count words of one language (see the data file's header)."""

    name: str
    numbers: Mapping[str, int]
    vague: Mapping[str, tuple[int, int | None]]
    verbs: Mapping[str, str]
    states: Mapping[str, str]
    object_marker: str | None
    manner: frozenset[str]
    people: Mapping[str, str | None]
    not_one: frozenset[str]
    aggregate: frozenset[str]
    period: frozenset[str]
    rate: frozenset[str]
    joiner: str
    category_words: frozenset[str]  # the verbs' and the states' words: a sentence without one has no count


@lru_cache(maxsize=1)
def default_languages() -> tuple[LanguageCounts, ...]:
    """The languages of the shipped ``count_words_romance.yaml`` (built once)."""
    return languages_from_data(load_data(DATA_FILE))


def languages_from_data(data: Mapping[str, Any]) -> tuple[LanguageCounts, ...]:
    raw = data.get("languages")
    if not isinstance(raw, dict) or not raw:
        raise RegistryError(f"{DATA_FILE}: 'languages' must map language codes to their words")
    return tuple(_language(name, entry) for name, entry in raw.items())


def _language(name: str, entry: Any) -> LanguageCounts:
    where = f"{DATA_FILE}: {name}"
    if not isinstance(entry, dict):
        raise RegistryError(f"{where} must be a mapping")
    missing = [k for k in ("numbers", "verbs", "states", "people", "joiner") if k not in entry]
    if missing:
        raise RegistryError(f"{where} lacks {', '.join(missing)}")

    def by_category(key: str) -> dict[str, str]:
        table: dict[str, str] = {}
        for category, words in (entry.get(key) or {}).items():
            if category not in COUNT_CATEGORIES:
                raise RegistryError(f"{where}: {key} has an unknown category {category!r}")
            for word in words:
                table.setdefault(str(word).lower(), category)
        return table

    vague = {}
    for word, values in (entry.get("vague") or {}).items():
        if not isinstance(values, dict) or "min" not in values:
            raise RegistryError(f"{where}: vague word {word!r} needs a min")
        vague[str(word).lower()] = (int(values["min"]), values.get("best"))
    verbs, states = by_category("verbs"), by_category("states")
    return LanguageCounts(
        name=name,
        numbers={str(k).lower(): int(v) for k, v in entry["numbers"].items()},
        vague=vague,
        verbs=verbs,
        states=states,
        object_marker=entry.get("object_marker"),
        manner=frozenset(str(w).lower() for w in entry.get("manner") or ()),
        people={str(k).lower(): v for k, v in entry["people"].items()},
        not_one=frozenset(str(w).lower() for w in entry.get("not_one") or ()),
        aggregate=frozenset(str(w).lower() for w in entry.get("aggregate") or ()),
        period=frozenset(str(w).lower() for w in entry.get("period") or ()),
        rate=frozenset(str(w).lower() for w in entry.get("rate") or ()),
        joiner=str(entry["joiner"]),
        category_words=frozenset(verbs) | frozenset(states),
    )


@dataclass(frozen=True, slots=True)
class _Number:
    """A quantity read at a token: its value(s) and the tokens it spans."""

    first: int
    last: int
    min: int
    best: int | None
    approx: bool


def find_counts_romance(sentence: str, languages: Sequence[LanguageCounts] | None = None) -> list[CountMention]:
    """The counts of a Spanish, Portuguese or French sentence, in reading order.

    >>> [(m.category, m.count.best) for m in find_counts_romance("Tiroteo en Durango dejó 2 soldados muertos")]
    [('killed', 2)]
    """
    languages = default_languages() if languages is None else languages
    # most sentences hold no word of a category in any of the languages: a cheap test first
    words = {w.strip(_EDGE_PUNCTUATION) for w in sentence.lower().split()}
    candidates = [language for language in languages if not words.isdisjoint(language.category_words)]
    if not candidates:
        return []
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    for language in candidates:
        found = _Reader(sentence, tokens, language).read()
        if found:
            return found
    return []


class _Reader:
    def __init__(self, sentence: str, tokens: list[tuple[str, int, int]], language: LanguageCounts) -> None:
        self.sentence = sentence
        self.tokens = tokens
        self.lows = [t[0] for t in tokens]
        self.n = len(tokens)
        self.lang = language
        self.used: set[int] = set()

    def low(self, k: int) -> str:
        return self.lows[k] if 0 <= k < self.n else ""

    def read(self) -> list[CountMention]:
        found: list[CountMention] = []
        lang = self.lang
        for k, low in enumerate(self.lows):
            if low in lang.verbs:
                mention = self._object_of(k, lang.verbs[low])
                if mention is not None:
                    found.append(mention)
                    continue
            if low in lang.states:
                mention = self._people_before(k, lang.states[low])
                if mention is not None:
                    found.append(mention)
        return sorted(found, key=lambda m: m.start)

    # -- "Matan a 10", "Asesinan a balazos a un hombre" ---------------------------------------
    def _object_of(self, verb: int, category: str) -> CountMention | None:
        lang = self.lang
        k = verb + 1
        while k < self.n and k - verb <= _OBJECT_REACH:
            low = self.lows[k]
            if lang.object_marker and low == lang.object_marker:
                if self.low(k + 1) in lang.manner:
                    k += 2  # "a balazos": how, not whom
                    continue
                return self._object_at(verb, k + 1, category)
            if lang.object_marker and low == "al":  # "a" and "el": "Ejecutaron ... al “Panda”"
                return self._one_person_at(verb, k + 1, category, singular_only=True)
            if not lang.object_marker and k == verb + 1:
                mention = self._object_at(verb, k, category)
                if mention is not None:
                    return mention
            if low in _ADVERBIAL_OPENERS or (low.isalpha() and k > verb + 1 and self.lows[k - 1] in _ADVERBIAL_OPENERS):
                k += 1  # "con bazuca", "en Culiacán", "en Nuevo León"
                continue
            if self.sentence[self.tokens[k][1]].isupper() and k > verb + 1:
                k += 1  # the rest of a place's name
                continue
            return None
        return None

    def _object_at(self, verb: int, k: int, category: str) -> CountMention | None:
        number = self._number_at(k)
        if number is not None:
            if number.best == 1 and number.last == k and self.low(k + 1) in self.lang.not_one:
                return None  # "a una familia": how many the text does not say
            label_end = number.last + 1
            while label_end < self.n and label_end - number.last <= 2 and self._counted_noun(label_end, number):
                label_end += 1
            return self._mention(category, number, verb, label_end - 1, label_from=number.last + 1, label_to=label_end)
        return self._one_person_at(verb, k, category, singular_only=False)

    def _one_person_at(self, verb: int, k: int, category: str, *, singular_only: bool) -> CountMention | None:
        """One person named by a singular noun or a name after the verb: "a agente de EU", "a la
        mujer", "al “Panda”", "mata homem"."""
        lang = self.lang
        if self.low(k) in _PLURAL_ARTICLES:
            return None
        if self.low(k) in _ARTICLES and not singular_only:
            k += 1
        while self.low(k) in ("“", '"', "«", "'"):
            k += 1
        low = self.low(k)
        if not low.isalpha() or low in lang.not_one or low in _STOP or low in lang.numbers:
            return None
        if lang.object_marker is None and low not in lang.people:
            return None  # without Spanish's personal "a", only a noun of people is surely a person
        if low.endswith("s") and not self.sentence[self.tokens[k][1]].isupper():
            return None  # a plural with no number ("a militares"): how many is not said
        one = _Number(k, k, 1, 1, False)
        end = k + 1 if k + 1 < self.n and self.lows[k + 1].isalpha() and self.lows[k + 1] not in _STOP else k
        return self._mention(category, one, verb, end, label_from=k, label_to=end + 1)  # "presunto narcomenudista"

    # -- "2 soldados muertos", "Duas pessoas morrem" ---------------------------------------------
    def _people_before(self, state: int, category: str) -> CountMention | None:
        lang = self.lang
        for j in range(state - 1, max(-1, state - 2 - _GAP_WORDS), -1):
            if j in self.used:
                return None
            number = self._number_ending_at(j)
            if number is not None:
                if number.best == 1 and j + 1 < state and self.lows[j + 1] in lang.not_one:
                    return None
                return self._mention(category, number, state, state, label_from=j + 1, label_to=state)
            low = self.lows[j]
            if not low.isalpha() or low in _STOP or low in lang.verbs or low in lang.states:
                return None
        return None

    # -- quantities --------------------------------------------------------------------------
    def _number_at(self, k: int) -> _Number | None:
        """A quantity starting at token ``k``: "10", "dos", "treinta y dos", "decenas de"."""
        low, lang = self.low(k), self.lang
        if low.isdigit() or _GROUPED_DIGITS.fullmatch(low):
            value = int(low.replace(",", "").replace(".", ""))
            if 1900 <= value <= 2100 and len(low) == 4:
                return None  # a year
            return _Number(k, k, value, value, False)
        if low in lang.numbers:
            value, last = lang.numbers[low], k
            if value >= 20 and value % 10 == 0 and self.low(k + 1) == lang.joiner and self.low(k + 2) in lang.numbers:
                units = lang.numbers[self.low(k + 2)]
                if units < 10:
                    value, last = value + units, k + 2  # "treinta y dos"
            return _Number(k, last, value, value, False)
        if low in lang.vague:
            least, best = lang.vague[low]
            return _Number(k, k, least, best, True)
        return None

    def _number_ending_at(self, j: int) -> _Number | None:
        """A quantity whose last token is ``j`` ("dos", "32", "treinta y dos")."""
        if j >= 2 and self.lows[j - 1] == self.lang.joiner:
            compound = self._number_at(j - 2)
            if compound is not None and compound.last == j:
                return compound
        number = self._number_at(j)
        return number if number is not None and number.last == j else None

    def _counted_noun(self, k: int, number: _Number) -> bool:
        """Does token ``k`` name the people a number counts ("a 13 personas", "a tres sujetos"), not
        what follows them ("a 20 durante junio", "a 4 pese a operativo")?"""
        low, lang = self.lows[k], self.lang
        if not low.isalpha() or low in _STOP or low in _PERIOD_PREPOSITIONS or low in lang.period:
            return False
        if low in lang.verbs or low in lang.states or self.sentence[self.tokens[k][1]].isupper():
            return False
        return low in lang.people or (number.min > 1 and low.endswith("s"))

    # -- the mention ---------------------------------------------------------------------------
    def _mention(
        self, category: str, number: _Number, anchor: int, end_token: int, *, label_from: int, label_to: int
    ) -> CountMention | None:
        first, last = min(number.first, anchor), max(number.last, end_token, anchor)
        if any(k in self.used for k in range(number.first, number.last + 1)):
            return None
        self.used.update(range(number.first, number.last + 1))
        start, end = self.tokens[first][1], self.tokens[last][2]
        label_words = [self.lows[k] for k in range(label_from, label_to) if self.lows[k].isalpha()]
        label = self.sentence[self.tokens[label_from][1] : self.tokens[label_to - 1][2]] if label_words else ""
        side = next((self.lang.people[w] for w in reversed(label_words) if w in self.lang.people), None)
        aggregate = self._summed_up(number.first, last)
        part = CountPart(
            label=label, min=number.min, max=None if number.approx else number.min, best=number.best,
            approx=number.approx, text=self.sentence[self.tokens[number.first][1] : self.tokens[max(number.last, label_to - 1)][2]],
            side=side,
        )
        count = Count(
            min=number.min, max=part.max, best=number.best, approx=number.approx,
            text=self.sentence[start:end], parts=(part,),
        )
        return CountMention(
            category=category,  # type: ignore[arg-type]
            count=count, start=start, end=end, victim=label or None, side=side,
            cumulative=aggregate, aggregate=aggregate,
        )

    def _summed_up(self, first: int, last: int) -> bool:
        """Is the count a sum over several incidents: a word of summing before it in its clause
        ("suman 90 asesinatos"), or a span of time after it ("en 8 días", "durante junio")?"""
        lang = self.lang
        for j in range(first - 1, max(-1, first - 4), -1):
            if self.lows[j] in (";", ".", ":", ","):
                break
            if self.lows[j] in lang.aggregate:
                return True
        for j in range(last + 1, min(self.n, last + _PERIOD_REACH)):
            low = self.lows[j]
            if low in (";", ".", ":"):
                break
            if low in lang.period and any(self.lows[i] in _PERIOD_PREPOSITIONS for i in range(last + 1, j)):
                return True
            if j == last + 1 and low in lang.rate:
                return True  # "79 homicidios diarios": a rate
        return False


__all__ = ["LanguageCounts", "default_languages", "find_counts_romance", "languages_from_data"]
