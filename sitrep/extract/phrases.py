"""Noun phrases around the words a lexicon matched, and the people a sentence names.

The lexicons find head words: "HOME", "bus", "assassins", "bombs". A user wants the thing
or the people: "THE PRESIDENT'S HOME", "a tourist bus", "10 paid assassins", "two
medium-sized bombs". sitrep runs no part-of-speech tagger (NER alone keeps extraction
fast), and wire copy in capitals gives no case to lean on, so a phrase is bounded by
closed word classes read from ``sitrep/data/phrases.yaml``:

- to the left, modifiers are taken up to a determiner, a preposition, a verb, punctuation
  or a word another finder claimed (a trigger, a date); a participle ("armed",
  "destroyed") or an adverb before one is taken only where a phrase may begin before it
  ("by heavily armed men", not "guerrillas attacked police stations");
- to the right, a compound goes on over nouns such as "warehouse" or "tower" ("embassy
  warehouse"), and a head such as "house" or "members" keeps its "of" complement ("the
  house of judge Guillermo Torre", "members of the FMLN").

:func:`person_at` and :func:`person_before` read a person's description and name after a
cue ("the murder of MNR leader Hector Oqueli") or before a passive verb ("presidency
minister Jose Antonio Rodriguez Porth was wounded"); :func:`split_title` cuts such a
phrase into its title and the name.

Every function works on offsets into the text it is given and costs a few microseconds:
it tokenises a window of at most a few dozen words around the head.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, Mapping, NamedTuple, Sequence

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import load_data

DATA_FILE: Final = "phrases.yaml"
_CLASSES: Final = (
    "determiners", "quantities", "stops", "of_heads", "compound_heads", "titles", "damage_verbs", "modified", "acts",
    "damaged_parts",
)

#: A word: an abbreviation with dots ("U.S."), a word with inner hyphens or an apostrophe
#: ("medium-sized", "PORTH'S"), a number (".22", "7.65-mm").
_TOKEN: Final = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9\u00C0-\u024F](?:[\w'\u2019]|-(?=\w))*(?:\.\d(?:\w|-(?=\w))*)?|\.\d(?:\w|-(?=\w))*"
)
_SPACE: Final = re.compile(r"\s+")
_NUMBER: Final = re.compile(r"\d")
_POSSESSIVE: Final = re.compile(r"(?:'|\u2019)[sS]?$")
#: Endings of words that are verbs, adverbs or abstract nouns rather than names.
_NOT_NAME: Final = re.compile(r"(?:ED|ING|LY|TION|TIONS|MENT|MENTS|NESS|ITY)$", re.IGNORECASE)
#: A participle or an adverb, which ends an "of" complement; an abstract noun may be a word of
#: the owner's name there ("the offices of the Salvadoran Workers National Union Federation",
#: "of the local development corporation").
_NOT_OF_NAME: Final = re.compile(r"(?:ED|ING|LY)$", re.IGNORECASE)
#: A passive auxiliary right before a verb: "was seriously wounded", "were later killed".
#: An apposition after a person's name: ", 45,", ", a street vendor walking through the area,".
_APPOSITION: Final = r",\s*(?:\d{1,3}|(?:a|an|the|his|her)\s+[^,.;:\"\[\]]{1,80}?)\s*,"
_APPOSITIVE: Final = re.compile(_APPOSITION, re.IGNORECASE)
_PASSIVE: Final = re.compile(
    rf"(?:{_APPOSITION})?(?:\s*,\s*who|\s+who)?\s+(?:was|were|has been|have been|had been)\s+(?:(?:also|reportedly|later|then|seriously|"
    r"critically|slightly|badly|fatally|allegedly|brutally|\w+ly)\s+)?$",
    re.IGNORECASE,
)
#: A translator's or editor's insertion in wire copy: "[RETIRED]", "[WORDS INDISTINCT]".
_INSERTION: Final = re.compile(r"\s*\[[^\]\n]{1,40}\]")
#: What joins two people in a list: "X and Y", "X, Y", "X and of Y".
_COORDINATION: Final = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:of\s+|on\s+|against\s+)?", re.IGNORECASE)
_MAX_COORDINATED: Final = 8
#: The words between two phrases of a list: "X, Y", "X and Y", "X, and Y", "X or Y".
_LIST_LINK: Final = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
_LEFT_WINDOW: Final = 120
_RIGHT_WINDOW: Final = 160
_MAX_LEFT: Final = 6
_MAX_OF: Final = 7
_MAX_PERSON: Final = 9


@dataclass(frozen=True, slots=True)
class PhraseWords:
    """The word classes of ``phrases.yaml``, lower case."""

    determiners: frozenset[str]
    quantities: frozenset[str]
    stops: frozenset[str]
    of_heads: frozenset[str]
    compound_heads: frozenset[str]
    titles: frozenset[str]
    modified: frozenset[str]  # nouns that turn a head before them into a modifier ("property damage")
    acts: frozenset[str]  # nouns that name an act, not a thing ("blast", "explosion")
    damage_verbs: re.Pattern[str]
    openers: frozenset[str]  # words after which a phrase may begin: determiners, quantities, prepositions
    damage_before: re.Pattern[str]  # searched in the text before a phrase: "destroyed (the) "
    damage_after: re.Pattern[str]  # matched after a phrase: " was destroyed", " damaged by"


#: Prepositions after which a noun phrase may begin ("by heavily armed men").
_PREPOSITIONS: Final = frozenset({
    "of", "in", "on", "at", "to", "from", "by", "with", "for", "against", "near", "among", "including",
    "into", "inside", "outside", "toward", "towards", "through", "between", "during", "upon", "like", "as",
})


@dataclass(frozen=True, slots=True)
class Phrase:
    """A span of the text: the phrase, and its words."""

    start: int
    end: int
    text: str


def load_phrase_words(data: Mapping[str, Any] | None = None, *, source: str = DATA_FILE) -> PhraseWords:
    """The word classes from ``data`` (the shipped ``phrases.yaml`` by default); RegistryError
    naming the entry at fault when a class is missing, empty or not a list of words."""
    if data is None:
        return _shipped()
    return _build(data, source)


@lru_cache(maxsize=1)
def _shipped() -> PhraseWords:
    return _build(load_data(DATA_FILE), DATA_FILE)


def _build(data: Mapping[str, Any], source: str) -> PhraseWords:
    if data.get("version") != 1:
        raise RegistryError(f"{source}: not a version 1 phrase file")
    unknown = set(data) - set(_CLASSES) - {"version"}
    if unknown:
        raise RegistryError(f"{source}: unknown entries {', '.join(sorted(unknown))}")
    classes: dict[str, frozenset[str]] = {}
    for name in _CLASSES:
        value = data.get(name)
        if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
            raise RegistryError(f"{source}: {name} must be a non-empty list of words")
        classes[name] = frozenset(w.strip().lower() for w in value)
    overlap = classes["determiners"] & classes["quantities"]
    if overlap:
        raise RegistryError(f"{source}: {', '.join(sorted(overlap))} cannot be both a determiner and a quantity")
    verbs = "|".join(sorted(classes.pop("damage_verbs")))
    parts = "|".join(re.escape(w) for w in sorted(classes.pop("damaged_parts")))
    openers = "|".join(re.escape(w) for w in sorted(classes["determiners"] | classes["quantities"]))
    opening = rf"(?:(?:{openers}|\d[\d,]*)\s+)*"
    try:
        damage = re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)
        before = re.compile(
            rf"\b(?:{verbs})\s+(?:(?:to|on|against|at)\s+)?{opening}(?:(?:[\w-]+\s+)?(?:{parts})\s+of\s+{opening})?[\"'“]?$",
            re.IGNORECASE,
        )  # "destroyed the", "damage to nearby", "attacks on two", "destroyed the masonry of the"
        after = re.compile(
            rf"\s+(?:(?:was|were|has been|have been|had been|being)\s+(?:(?:\w+ly|also|later|then)\s+)?(?:{verbs})\b"
            rf"|(?:{verbs})(?=\s+by\b|\s*[,.;]|\s+and\b)"  # "houses damaged by", not "rebels destroyed a truck"
            rf"|(?:was|were|has been|have been|had been|became)\s+(?:the\s+)?(?:\w+\s+)?targets?\s+of\b)",  # "were the target of bomb attacks"
            re.IGNORECASE,
        )
    except re.error as exc:
        raise RegistryError(f"{source}: damage_verbs holds a bad regex: {exc}") from exc
    return PhraseWords(
        damage_verbs=damage, openers=classes["determiners"] | classes["quantities"] | _PREPOSITIONS,
        damage_before=before, damage_after=after, **classes,
    )


# -- tokens -----------------------------------------------------------------------------------
class _Token(NamedTuple):  # a tuple: a sentence's words are made by the thousand, cheaply
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return _POSSESSIVE.sub("", self.text).lower()

    @property
    def possessive(self) -> bool:
        return bool(_POSSESSIVE.search(self.text)) and len(self.text) > 2


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    """The words of ``text[start:end]``, a word cut by an edge of the window cut there too. The
    text is read into words once; each window is a slice of them, and only a word across an
    edge is read again."""
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return []
    words, starts = _words_of(text)
    first = bisect_left(starts, start)
    last = bisect_left(starts, end, first)
    head: list[_Token] = []
    if first > 0 and words[first - 1].end > start:  # a word across the window's start
        head = _read(text, start, min(end, words[first - 1].end))
    tail: list[_Token] = []
    if last > first and words[last - 1].end > end:  # a word across the window's end
        last -= 1
        tail = _read(text, words[last].start, end)
    return head + words[first:last] + tail


def _read(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


@lru_cache(maxsize=64)
def _words_of(text: str) -> tuple[list[_Token], list[int]]:
    words = _read(text, 0, len(text))
    return words, [w.start for w in words]


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """Whether only spaces (no punctuation, no line of a new paragraph) part two tokens."""
    gap = text[left.end : right.start]
    return not gap or (gap.isspace() and "\n\n" not in gap)


def _blocked(token: _Token, blocked: Sequence[tuple[int, int]]) -> bool:
    return any(s < token.end and token.start < e for s, e in blocked)


def _is_number(token: _Token) -> bool:
    return bool(_NUMBER.match(token.text)) or token.text.startswith(".")


# -- noun phrases ---------------------------------------------------------------------------------
def noun_phrase(
    text: str,
    start: int,
    end: int,
    *,
    words: PhraseWords | None = None,
    blocked: Sequence[tuple[int, int]] = (),
    heads: Sequence[tuple[int, int]] = (),
    of_complement: bool = True,
) -> Phrase:
    """The noun phrase whose head is ``text[start:end]``: its modifiers to the left, a
    compound and an "of" complement to the right. ``blocked`` spans (triggers, dates) are
    never taken in; ``heads`` are other head words the lexicon found, over which a compound
    goes on ("military" + "command post"). The determiner is left out: "the house of judge
    X" -> "house of judge X"."""
    words = words or _shipped()
    head = _tokens(text, start, end)
    if not head:
        return Phrase(start, end, text[start:end])
    lo = _left_edge(text, head[0], words, blocked)
    last = head[-1]
    for s, e in sorted(heads):
        if s > last.end and not text[last.end : s].strip() and e > last.end:
            found = _tokens(text, s, e)
            if found:
                last = found[-1]
    hi = _right_edge(text, last, words, blocked, of_complement=of_complement)
    return Phrase(lo, hi, text[lo:hi])


def _left_edge(text: str, first: _Token, words: PhraseWords, blocked: Sequence[tuple[int, int]]) -> int:
    before = _tokens(text, first.start - _LEFT_WINDOW, first.start)
    taken = first
    i = len(before) - 1
    count = 0
    while i >= 0 and count < _MAX_LEFT:
        token = before[i]
        if not _joined(text, token, taken) or _blocked(token, blocked):
            break
        low = token.low
        if low in words.determiners or low in words.stops:
            break
        if _is_number(token) or low in words.quantities:
            taken = token  # a quantity opens the phrase: "two medium-sized bombs"
            break
        if _NOT_NAME.search(low) and not token.possessive:
            # a participle or adverb belongs to the phrase only where a phrase may start before
            # it: "by heavily armed men", "the wounded civilians", not "rebels attacked houses"
            j = i - 1
            while j >= 0 and before[j].low.endswith("ly") and _joined(text, before[j], before[j + 1]):
                j -= 1
            if not _opens_before(text, before, j, j + 1, words):
                break
            taken = before[j + 1]
            count += i - j
            i = j
            continue
        taken = token
        count += 1
        i -= 1
    return taken.start


def _opens_before(text: str, before: Sequence[_Token], j: int, k: int, words: PhraseWords) -> bool:
    """Whether a phrase may begin at ``before[k]``: nothing, punctuation or an opener precedes it."""
    if j < 0:
        return not text[: before[k].start].strip() or text[: before[k].start].rstrip()[-1] in ".:;\"[("
    if not _joined(text, before[j], before[k]):
        return text[before[j].end : before[k].start].strip()[-1:] in ".:;\"[("  # not after a comma: ", caused minor"
    return before[j].low in words.openers


def _right_edge(
    text: str, last: _Token, words: PhraseWords, blocked: Sequence[tuple[int, int]], *, of_complement: bool
) -> int:
    after = _tokens(text, last.end, last.end + _RIGHT_WINDOW)
    end = last.end
    current = last
    i = 0
    # a possessive head names the owner: "the minister's" -> "the minister's house"
    while i < len(after) and _joined(text, current, after[i]) and not _blocked(after[i], blocked):
        token = after[i]
        if current.possessive and token.low not in words.stops and token.low not in words.determiners:
            pass
        elif token.low not in words.compound_heads:
            break
        current = token
        end = token.end
        i += 1
    if (
        of_complement
        and current.low in words.of_heads
        and i < len(after)
        and after[i].low == "of"
        and _joined(text, current, after[i])
    ):
        end = _of_end(text, after, i, words, blocked) or end
    return end


def _of_end(
    text: str, after: Sequence[_Token], i: int, words: PhraseWords, blocked: Sequence[tuple[int, int]]
) -> int | None:
    """Where the "of" complement that starts at ``after[i]`` ends, or None when there is none."""
    j = i + 1
    if j < len(after) and after[j].low in words.determiners and _joined(text, after[i], after[j]):
        j += 1
    end = None
    taken = 0
    previous = after[j - 1] if j - 1 >= 0 else None
    while j < len(after) and taken < _MAX_OF:
        token = after[j]
        if previous is not None and not _joined(text, previous, token):
            break
        if _blocked(token, blocked) or token.low in words.stops or token.low in words.determiners:
            break
        if _NOT_OF_NAME.search(token.low) and "-" not in token.low and not token.possessive:
            break
        end = token.end
        taken += 1
        previous = token
        j += 1
    return end


def modifies(text: str, end: int, *, words: PhraseWords | None = None) -> bool:
    """Whether the word ending at ``end`` only modifies the next one ("property" in "property
    damage", "house" in "house arrest"), so it names nothing that was attacked."""
    words = words or _shipped()
    after = _tokens(text, end, end + 30)
    return bool(after) and not text[end : after[0].start].strip() and after[0].low in words.modified


def tells_damage(text: str, *, words: PhraseWords | None = None) -> bool:
    """Whether ``text`` holds a verb of damage at all (else :func:`damaged` is false for every
    phrase in it)."""
    return (words or _shipped()).damage_verbs.search(text) is not None


def damaged(text: str, phrase: Phrase, *, words: PhraseWords | None = None) -> bool:
    """Whether ``phrase`` is what a verb of damage acted on: its object ("guerrillas destroyed
    a truck") or the subject of its passive ("five houses were damaged", "houses damaged by")."""
    words = words or _shipped()
    if words.damage_before.search(text, max(0, phrase.start - _LEFT_WINDOW), phrase.start):
        return True
    return words.damage_after.match(text, phrase.end) is not None


def coordinated(text: str, left: Phrase, right: Phrase, *, words: PhraseWords | None = None) -> bool:
    """Whether ``right`` is listed with ``left``: only "and", "or", commas and the next
    phrase's determiner or quantity part them ("the municipal office, a gasoline station,
    and the civil defense post")."""
    words = words or _shipped()
    if right.start < left.end:
        return False
    gap = text[left.end : right.start]
    link = _LIST_LINK.match(gap)
    if link is None:
        return False
    rest = gap[link.end() :].split()
    return all(w.lower() in words.determiners or w.lower() in words.quantities or w.isdigit() for w in rest)


def strip_quantity(phrase: str, *, words: PhraseWords | None = None) -> str:
    """A phrase without its leading quantity: "two medium-sized bombs" -> "medium-sized bombs";
    a phrase that is only a quantity is returned whole."""
    words = words or _shipped()
    tokens = _tokens(phrase, 0, len(phrase))
    k = 0
    while k < len(tokens) - 1 and (tokens[k].text.replace(",", "").isdigit() or tokens[k].low in words.quantities):
        k += 1  # a count ("10", "two"), not a calibre (".22 caliber gun")
    return phrase[tokens[k].start :] if k else phrase


# -- people ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Person:
    """A person a text describes or names: the whole phrase, its title part and the name."""

    phrase: Phrase
    title: str  # "MNR assistant secretary general"; "" when the phrase is a bare name
    name: str  # "Hector Oqueli Colindres"; "" when the phrase is a bare description


def split_title(phrase: str, *, words: PhraseWords | None = None) -> tuple[str, str]:
    """(title, name) of a person's phrase: the name follows the last title word.
    "presidency minister Jose Antonio Rodriguez Porth" -> ("presidency minister", "Jose
    Antonio Rodriguez Porth"); "congressman" -> ("congressman", "")."""
    words = words or _shipped()
    tokens = _tokens(phrase, 0, len(phrase))
    last = -1
    for k, token in enumerate(tokens):
        if token.low in words.titles:
            last = k
    if last < 0:
        return "", phrase.strip()
    rest = tokens[last + 1 :]
    if not rest or any(t.low in words.stops or t.low in words.determiners or _NOT_NAME.search(t.low) for t in rest):
        return phrase.strip(), ""  # "mayor of Zaragoza": a description, no name
    return phrase[: tokens[last].end].strip(), phrase[rest[0].start :].strip()


def person_at(
    text: str,
    pos: int,
    *,
    words: PhraseWords | None = None,
    blocked: Sequence[tuple[int, int]] = (),
    cased: bool = False,
) -> Person | None:
    """The person named or described from ``pos`` on ("... the murder of | retired general
    Gustavo Alvarez Martinez, who ..."), or None. With ``cased`` (text in mixed case) the
    name's words must be capitalised."""
    words = words or _shipped()
    bracket = _INSERTION.match(text, pos)
    if bracket is not None:
        pos = bracket.end()  # a translator's insertion: "the murder of [retired] general ..."
    after = _tokens(text, pos, pos + _RIGHT_WINDOW)
    if not after or text[pos : after[0].start].strip():
        return None
    k = 0
    while k < len(after) and after[k].low in words.determiners:
        k += 1
    run: list[_Token] = []
    for token in after[k:]:
        if run and not _joined(text, run[-1], token):
            break
        if len(run) >= _MAX_PERSON or _blocked(token, blocked):
            break
        if _ends_person(token, words):
            break
        run.append(token)
        if token.possessive:
            return None  # "the minister's house": a thing of the person, not the person
    return _person(text, run, words, cased=cased)


def people_at(
    text: str,
    pos: int,
    *,
    words: PhraseWords | None = None,
    blocked: Sequence[tuple[int, int]] = (),
    cased: bool = False,
) -> list[Person]:
    """The people named or described from ``pos`` on, a coordination read as several ("the
    assassination of MNR leader Hector Oqueli and of Guatemalan attorney Gilda Flores")."""
    out: list[Person] = []
    while len(out) < _MAX_COORDINATED:
        person = person_at(text, pos, words=words, blocked=blocked, cased=cased)
        if person is None:
            break
        out.append(person)
        end = person.phrase.end
        apposition = _APPOSITIVE.match(text, end)
        if apposition is not None:  # "Robnerto Navas, a Reuter news photographer, Coronel Lagrow ..."
            end = apposition.end() - 1
        elif person.name and text.startswith(",", end):
            title = person_at(text, end + 1, words=words, blocked=blocked, cased=cased)
            if title is not None and not title.name:
                end = title.phrase.end  # "Jecar Neghme, spokesman of the MIR": his title, not another person
        link = _COORDINATION.match(text, end)
        if link is None:
            break
        following = _tokens(text, link.end(), link.end() + 20)
        if link.group().strip() == "," and following and following[0].low in (words or _shipped()).determiners:
            break  # "Mauricio Pineda, a staff member of ...": an apposition, not another person
        pos = link.end()
    return out


def person_before(
    text: str,
    pos: int,
    *,
    words: PhraseWords | None = None,
    blocked: Sequence[tuple[int, int]] = (),
    cased: bool = False,
) -> Person | None:
    """The person who is the subject of a passive verb at ``pos`` ("Jose Antonio Rodriguez
    Porth, 65, was seriously | wounded"), or None."""
    words = words or _shipped()
    window = text[max(0, pos - _LEFT_WINDOW) : pos]
    m = _PASSIVE.search(window)
    if m is None:
        return None
    end = pos - len(window) + m.start()
    before = _tokens(text, end - _LEFT_WINDOW, end)
    run: list[_Token] = []
    for token in reversed(before):
        if run and not _joined(text, token, run[0]):
            break
        if not run and text[token.end : end].strip():
            return None
        if len(run) >= _MAX_PERSON or _blocked(token, blocked) or token.possessive:
            break
        if _ends_person(token, words):
            break
        run.insert(0, token)
    return _person(text, run, words, cased=cased)


def _ends_person(token: _Token, words: PhraseWords) -> bool:
    """A word a person's description and name never run over: a closed-class word, a number or
    a quantity ("the", "of", "two", "several")."""
    low = token.low
    return low in words.stops or low in words.determiners or _is_number(token) or low in words.quantities


def _person(text: str, run: Sequence[_Token], words: PhraseWords, *, cased: bool) -> Person | None:
    if not run or text[: run[0].start].rstrip().endswith("[") or text[run[-1].end :].lstrip().startswith("]"):
        return None  # "[WORDS INDISTINCT]": an editor's note, not a person
    last_title = max((k for k, t in enumerate(run) if t.low in words.titles), default=-1)
    name_tokens = run[last_title + 1 :]
    if cased:
        lower = next((k for k, t in enumerate(name_tokens) if not t.text[0].isupper()), None)
        if lower:  # the name ends where prose goes on: "the murder of Antonio Roldan Betancur | shocked"
            run, name_tokens = run[: last_title + 1 + lower], name_tokens[:lower]
        if any(not t.text[0].isupper() for t in name_tokens):
            return None  # in prose a name is capitalised, and then "Ahmed" is no verb
    elif any(_NOT_NAME.search(t.low) for t in name_tokens):
        return None
    if not name_tokens and last_title < 0:
        return None
    if last_title < 0 and len(name_tokens) < 2:
        return None  # one unknown word is no evidence of a name ("killed Monday")
    if len(name_tokens) > 5:
        return None
    phrase = Phrase(run[0].start, run[-1].end, text[run[0].start : run[-1].end])
    title = text[run[0].start : run[last_title].end] if last_title >= 0 else ""
    name = text[name_tokens[0].start : name_tokens[-1].end] if name_tokens else ""
    return Person(phrase, title, name)


__all__ = [
    "Person",
    "Phrase",
    "PhraseWords",
    "coordinated",
    "damaged",
    "load_phrase_words",
    "modifies",
    "noun_phrase",
    "people_at",
    "person_at",
    "person_before",
    "split_title",
    "strip_quantity",
    "tells_damage",
]
