"""Word lists from sitrep's data files, compiled once into fast matchers.

A :class:`PatternLexicon` turns labelled lists of regular expressions into
matchers (one named group per pattern), matched case-insensitively on word
boundaries. Earlier labels win where two could match at the same place, so data
files list specific phrases before general ones.
"""

from __future__ import annotations

import re
import re._constants as re_constants
import re._parser as re_parser
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Iterator, Mapping, Sequence

import yaml

from sitrep.errors import RegistryError

_WORD_START = r"(?<![\w])"
_WORD_END = r"(?![\w])"


@dataclass(frozen=True, slots=True)
class LexiconMatch:
    start: int
    end: int
    text: str
    label: str


class PatternLexicon:
    """Labelled regular expressions matched together.

    ``entries`` pairs a label with its patterns. ``negatives`` are phrases in which
    a match does not count (a match that lies inside a negative phrase is dropped).
    """

    def __init__(
        self,
        entries: Sequence[tuple[str, Sequence[str]]],
        *,
        negatives: Sequence[str] = (),
        name: str = "lexicon",
    ) -> None:
        self.name = name
        self._labels: list[str] = []
        alternatives: list[tuple[int, str]] = []
        for index, (label, patterns) in enumerate(entries):
            if not patterns:
                raise RegistryError(f"{name}: entry {label!r} has no patterns")
            for pattern in patterns:
                _check_pattern(name, label, pattern)
                alternatives.append((index, pattern))
            self._labels.append(label)
        self._matcher = _Matcher(alternatives)
        for pattern in negatives:
            _check_pattern(name, "negatives", pattern)
        self._negative = _Matcher([(0, p) for p in negatives]) if negatives else None

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self._labels)

    def finditer(self, text: str) -> list[LexiconMatch]:
        """Every non-overlapping match in ``text``, left to right."""
        text = _one_line(text)
        matches = [
            LexiconMatch(m.start(), m.end(), m.group(0), self._label(m)) for m in self._matcher.finditer(text)
        ]
        if matches and self._negative is not None:
            blocked = [(m.start(), m.end()) for m in self._negative.finditer(text)]
            if blocked:
                matches = [m for m in matches if not any(s <= m.start and m.end <= e for s, e in blocked)]
        return matches

    def search(self, text: str) -> LexiconMatch | None:
        """The first match, or None (the same as the first of :meth:`finditer`, found without
        matching the rest of the text)."""
        blocked: list[tuple[int, int]] | None = None
        text = _one_line(text)
        for m in self._matcher.finditer(text):
            if self._negative is not None:
                if blocked is None:
                    blocked = [(n.start(), n.end()) for n in self._negative.finditer(text)]
                if any(s <= m.start() and m.end() <= e for s, e in blocked):
                    continue
            return LexiconMatch(m.start(), m.end(), m.group(0), self._label(m))
        return None

    def _label(self, m: re.Match[str]) -> str:
        """The label of the entry whose pattern made the match (its group is ``g<entry>_<copy>``)."""
        return self._labels[int(m.lastgroup[1:].partition("_")[0])]  # type: ignore[index]


def _one_line(text: str) -> str:
    """The text with its line breaks read as spaces, at the same offsets: wire copy wraps its lines
    anywhere ("OPENED\\nFIRE"), and a phrase of the data files is written with plain spaces."""
    return text.replace("\n", " ").replace("\r", " ") if "\n" in text or "\r" in text else text


#: Where a match may start: a character that no letter, digit or underscore comes right before.
_MATCH_START = re.compile(r"(?<!\w)\S")
_MATCH_START_ANY = re.compile(r"(?<!\w)")


#: Up to this many patterns, a lexicon tries its one alternation where a text opens otherwise than
#: with plain characters.
_ALTERNATION_PATTERNS = 50


class _Matcher:
    """Patterns (each with the index of its entry) matched case-insensitively on word boundaries.

    The patterns are picked in Python by how a match starts: at each place a match may start,
    only the patterns that can start there are tried, in entry order, so the match found there is
    the one a plain alternation of them all finds. Where the text opens with plain characters,
    the first few of them (:func:`_heads`) pick the patterns, which leaves none to try at most
    places ("the", "and"). This is several times as fast as one alternation, which the engine
    tries, branch after branch, at every character. Where the text opens otherwise ("“", "É"),
    a lexicon of a few patterns tries its one alternation laid out by first letter
    (:func:`_by_first_letter`), a larger one the patterns that can start with the first
    character (:func:`_first_letters`). Each copy of a pattern is its own named group,
    ``g<entry>_<copy>``."""

    def __init__(self, alternatives: Sequence[tuple[int, str]]) -> None:
        firsts = [_first_letters(pattern) for _, pattern in alternatives]
        letters = sorted({c for f in firsts if f is not None for c in f})
        copies = 0

        def compiled(members: list[int]) -> re.Pattern[str]:
            nonlocal copies
            groups = []
            for k in members:
                copies += 1
                index, pattern = alternatives[k]
                groups.append(f"(?P<g{index}_{copies}>{pattern})")
            return re.compile("(?:" + "|".join(groups) + ")" + _WORD_END, re.IGNORECASE)

        anywhere = [k for k, f in enumerate(firsts) if f is None]
        if len(alternatives) <= _ALTERNATION_PATTERNS:
            # a small lexicon tries its one alternation where the opening is not plain (rare)
            self._by_letter: dict[str, re.Pattern[str]] = {}
            self._anywhere: re.Pattern[str] | None = re.compile(
                _WORD_START + "(?:" + _by_first_letter(alternatives) + ")" + _WORD_END, re.IGNORECASE
            )
        else:
            self._by_letter = {
                letter: compiled([k for k, f in enumerate(firsts) if f is None or letter in f]) for letter in letters
            }
            self._anywhere = compiled(anywhere) if anywhere else None
        # patterns that may start anywhere, or with a space, are tried at every boundary too
        self._starts = _MATCH_START_ANY if anywhere or any(c.isspace() for c in letters) else _MATCH_START

        # Where the text opens with _HEAD plain (ASCII) characters, the opening picks the patterns
        # instead: those that can open so, and those whose openings are not known that can start
        # with its first letter. Most places ("the", "and") open as no pattern does and are passed
        # over, and at the others only a few patterns are tried.
        heads = [_heads(pattern) for _, pattern in alternatives]

        def may_open(k: int, head: str) -> bool:
            h, f = heads[k], firsts[k]
            return head in h if h is not None else f is None or head[0] in f

        self._by_head = {
            head: compiled([k for k in range(len(alternatives)) if may_open(k, head)])
            for head in sorted({h for hs in heads if hs is not None for h in hs})
        }
        unknown = [k for k, h in enumerate(heads) if h is None]
        unknown_letters = sorted({c for k in unknown for c in firsts[k] or ()})
        self._unknown_by_letter = {
            letter: compiled([k for k in unknown if firsts[k] is None or letter in firsts[k]])  # type: ignore[operator]
            for letter in unknown_letters
        }
        unknown_anywhere = [k for k in unknown if firsts[k] is None]
        self._unknown_anywhere = compiled(unknown_anywhere) if unknown_anywhere else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every non-overlapping match, left to right."""
        by_head = self._by_head.get
        end = 0
        for at, char, head in _match_starts(text, self._starts):
            if at < end:
                continue
            pattern = by_head(head)  # None where no pattern opens so, or the opening is not plain
            if pattern is None:
                if head is None:
                    pattern = self._by_letter.get(char, self._anywhere)
                elif self._unknown_by_letter or self._unknown_anywhere is not None:
                    pattern = self._unknown_by_letter.get(char, self._unknown_anywhere)
                if pattern is None:
                    continue
            m = pattern.match(text, at)
            if m is not None and m.end() > at:
                end = m.end()
                yield m


#: How many characters of the text, where a match may start, pick the patterns tried there.
_HEAD = 3


@lru_cache(maxsize=64)
def _match_starts(text: str, starts: re.Pattern[str]) -> tuple[tuple[int, str, str | None], ...]:
    """Where a match may start in ``text``: the place, the character there in lower case, and
    the _HEAD characters from there in lower case when they are plain (ASCII) ones, else None.
    The same sentence goes through several lexicons in turn, which read these once."""
    n = len(text)
    if text.isascii():  # lower case, character for character: lowered once
        low = text.lower()
        return tuple((at, low[at], low[at : at + _HEAD] if at + _HEAD <= n else None) for at in _places(text, starts))
    out = []
    for at in _places(text, starts):
        head = text[at : at + _HEAD]
        out.append((at, text[at].lower(), head.lower() if len(head) == _HEAD and head.isascii() else None))
    return tuple(out)


def _places(text: str, starts: re.Pattern[str]) -> list[int]:
    n = len(text)
    return [at for at in (m.start() for m in starts.finditer(text)) if at < n]


#: A first-letter class wider than this is read as "any letter": the pattern is tried everywhere.
_MAX_FIRST_LETTERS = 20


def _by_first_letter(alternatives: Sequence[tuple[int, str]]) -> str:
    """One alternation of the patterns (each with the index of its entry), laid out by the letter a
    match can start with so that the engine tries, at each place, only the patterns that can
    start there: ``(?=[bB])(?:bomb...|blast...)|(?=[sS])(?:shot...)|...``. The patterns keep their
    order within each branch and a pattern that may start with any letter is in every branch,
    so the match found at each place is the one the plain alternation in entry order finds.
    Each copy of a pattern is its own named group, ``g<entry>_<copy>``."""
    firsts = [_first_letters(pattern) for _, pattern in alternatives]
    letters = sorted({c for f in firsts if f is not None for c in f})
    branches: list[str] = []
    copies = 0

    def group(k: int) -> str:
        nonlocal copies
        copies += 1
        index, pattern = alternatives[k]
        return f"(?P<g{index}_{copies}>{pattern})"

    for letter in letters:
        members = [k for k, f in enumerate(firsts) if f is None or letter in f]
        branches.append(f"(?={re.escape(letter)})(?:" + "|".join(group(k) for k in members) + ")")
    anywhere = [k for k, f in enumerate(firsts) if f is None]
    if anywhere:
        guard = f"(?![{''.join(re.escape(c) for c in letters)}])" if letters else ""
        branches.append(guard + "(?:" + "|".join(group(k) for k in anywhere) + ")")
    return "|".join(branches) if branches else "(?!)"


def _first_letters(pattern: str) -> frozenset[str] | None:
    """The lower-case characters a match of ``pattern`` (matched ignoring case) can start with,
    or None when that cannot be told or is too wide a set."""
    try:
        parsed = re_parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    found = _first_of(list(parsed.data))
    if found is None or found[1] or len(found[0]) > _MAX_FIRST_LETTERS:
        return None  # unknown, or the pattern may match the empty string
    return frozenset(found[0])


def _first_of(items: list[Any]) -> tuple[set[str], bool] | None:
    """(characters a match of the sequence can start with, whether it can match empty), or None."""
    letters: set[str] = set()
    for op, value in items:
        if op is re_constants.LITERAL:
            return letters | _folded(chr(value)), False
        if op is re_constants.IN:
            chars: set[str] = set()
            for kind, item in value:
                if kind is re_constants.LITERAL:
                    chars |= _folded(chr(item))
                elif kind is re_constants.RANGE and item[1] - item[0] <= _MAX_FIRST_LETTERS:
                    for code in range(item[0], item[1] + 1):
                        chars |= _folded(chr(code))
                else:
                    return None  # a negated class, a category, a wide range
            return letters | chars, False
        if op is re_constants.SUBPATTERN:
            inner = _first_of(list(value[3]))
        elif op is re_constants.BRANCH:
            inner = None
            parts = [_first_of(list(alternative)) for alternative in value[1]]
            if all(part is not None for part in parts):
                inner = (set().union(*(part[0] for part in parts)), any(part[1] for part in parts))  # type: ignore[index]
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT):
            inner = _first_of(list(value[2]))
            if inner is not None and value[0] == 0:
                inner = (inner[0], True)
        elif op in (re_constants.AT, re_constants.ASSERT, re_constants.ASSERT_NOT):
            continue  # an anchor or a look-around consumes nothing: what follows starts the match
        else:
            return None  # any character, a category, a back-reference: not told
        if inner is None:
            return None
        letters |= inner[0]
        if not inner[1]:
            return letters, False
    return letters, True


#: A pattern that can open in more ways than this is picked by its first letter alone.
_MAX_HEADS = 64
_ASCII = tuple(chr(code) for code in range(128))
_CATEGORIES = {
    re_constants.CATEGORY_DIGIT: r"\d",
    re_constants.CATEGORY_NOT_DIGIT: r"\D",
    re_constants.CATEGORY_SPACE: r"\s",
    re_constants.CATEGORY_NOT_SPACE: r"\S",
    re_constants.CATEGORY_WORD: r"\w",
    re_constants.CATEGORY_NOT_WORD: r"\W",
}


def _heads(pattern: str) -> frozenset[str] | None:
    """The ways a match of ``pattern`` (matched ignoring case) can open, when it opens with plain
    (ASCII) characters: its first _HEAD characters, in lower case. None when that cannot be
    told, is too wide a set, or a match may be shorter than _HEAD characters. Look-arounds and
    anchors are passed over, so the set may hold openings no match has, never lack one."""
    try:
        parsed = re_parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    found = _openings(list(parsed.data))
    if found is None or any(len(h) < _HEAD for h in found):
        return None
    return frozenset(found)


def _openings(items: list[Any]) -> set[str] | None:
    """The plain openings of a sequence, each cut to _HEAD characters (shorter when a match of the
    sequence can be), or None."""
    found = {""}
    for op, value in items:
        if all(len(h) == _HEAD for h in found):
            return found  # what follows does not change the openings
        if op in (re_constants.AT, re_constants.ASSERT, re_constants.ASSERT_NOT):
            continue
        if op is re_constants.LITERAL:
            step: set[str] | None = _plain_matches(re.escape(chr(value)))
        elif op is re_constants.NOT_LITERAL:
            step = _plain_matches("[^" + re.escape(chr(value)) + "]")
        elif op is re_constants.IN:
            step = _class_matches(value)
        elif op is re_constants.ANY:
            step = set(_ASCII)
        elif op is re_constants.SUBPATTERN:
            step = _openings(list(value[3]))
        elif op is re_constants.BRANCH:
            parts = [_openings(list(alternative)) for alternative in value[1]]
            step = None if any(part is None for part in parts) else set().union(*parts)  # type: ignore[arg-type]
        elif op in (re_constants.MAX_REPEAT, re_constants.MIN_REPEAT, re_constants.POSSESSIVE_REPEAT):
            step = _repeated(value[0], value[1], _openings(list(value[2])))
        else:
            return None  # a back-reference or the like: not told
        if step is None:
            return None
        found = {(h + s)[:_HEAD] if len(h) < _HEAD else h for h in found for s in step}
        if len(found) > _MAX_HEADS:
            return None
    return found


def _repeated(low: int, high: int, step: set[str] | None) -> set[str] | None:
    """The openings of ``low`` to ``high`` repeats of what opens as ``step``. Past _HEAD more
    repeats than ``low``, the openings cut to _HEAD characters no longer change."""
    if step is None or low > _HEAD:
        return None
    found: set[str] = set()
    current = {""}
    for count in range(min(high, low + _HEAD) + 1):
        if count >= low:
            found |= current
        current = {(h + s)[:_HEAD] for h in current for s in step}
        if len(current) > _MAX_HEADS:
            return None
    return found


def _class_matches(items: list[Any]) -> set[str] | None:
    parts = []
    for kind, item in items:
        if kind is re_constants.NEGATE:
            parts.insert(0, "^")
        elif kind is re_constants.LITERAL:
            parts.append(re.escape(chr(item)))
        elif kind is re_constants.RANGE:
            parts.append(re.escape(chr(item[0])) + "-" + re.escape(chr(item[1])))
        elif kind in _CATEGORIES:
            parts.append(_CATEGORIES[kind])
        else:
            return None
    return _plain_matches("[" + "".join(parts) + "]")


@lru_cache(maxsize=None)
def _plain_matches_cached(source: str) -> frozenset[str]:
    compiled = re.compile(source, re.IGNORECASE)
    return frozenset(c.lower() for c in _ASCII if compiled.fullmatch(c))


def _plain_matches(source: str) -> set[str]:
    """The plain characters that one-character ``source`` matches ignoring case, in lower case."""
    return set(_plain_matches_cached(source))


def _folded(char: str) -> set[str]:
    """A character as the branches see it: lower case, since they match ignoring case."""
    return {char.lower()}


def _check_pattern(name: str, label: str, pattern: str) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise RegistryError(f"{name}: bad pattern {pattern!r} for {label!r}: {exc}") from exc
    if compiled.groups:
        raise RegistryError(f"{name}: pattern {pattern!r} for {label!r} must use (?:...) groups only")


@lru_cache(maxsize=None)
def load_data(filename: str) -> Mapping[str, Any]:
    """Read one of the YAML files shipped in ``sitrep/data``."""
    try:
        text = resources.files("sitrep.data").joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RegistryError(f"data file {filename} is missing from the sitrep package") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RegistryError(f"data file {filename} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RegistryError(f"data file {filename} must hold a mapping at the top level")
    return data


def require_keys(filename: str, item: Mapping[str, Any], keys: Iterable[str]) -> None:
    """Raise RegistryError when an entry of a data file lacks one of ``keys``."""
    missing = [k for k in keys if k not in item]
    if missing:
        raise RegistryError(f"{filename}: entry {dict(item)!r} lacks {', '.join(missing)}")
