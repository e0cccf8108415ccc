"""Word lists from sitrep's data files, compiled once into fast matchers.

A :class:`PatternLexicon` turns labelled lists of regular expressions into one
compiled alternation (one named group per label), matched case-insensitively
on word boundaries. Earlier labels win where two could match at the same place,
so data files list specific phrases before general ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping, Sequence

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
        parts: list[str] = []
        for index, (label, patterns) in enumerate(entries):
            if not patterns:
                raise RegistryError(f"{name}: entry {label!r} has no patterns")
            for pattern in patterns:
                _check_pattern(name, label, pattern)
            self._labels.append(label)
            parts.append(f"(?P<g{index}>{'|'.join(f'(?:{p})' for p in patterns)})")
        self._regex = re.compile(_WORD_START + "(?:" + "|".join(parts) + ")" + _WORD_END, re.IGNORECASE)
        self._negative = (
            re.compile(_WORD_START + "(?:" + "|".join(f"(?:{p})" for p in negatives) + ")" + _WORD_END, re.IGNORECASE)
            if negatives
            else None
        )
        for pattern in negatives:
            _check_pattern(name, "negatives", pattern)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self._labels)

    def finditer(self, text: str) -> list[LexiconMatch]:
        """Every non-overlapping match in ``text``, left to right."""
        matches = [
            LexiconMatch(m.start(), m.end(), m.group(0), self._labels[int(m.lastgroup[1:])])  # type: ignore[index]
            for m in self._regex.finditer(text)
        ]
        if matches and self._negative is not None:
            blocked = [(m.start(), m.end()) for m in self._negative.finditer(text)]
            if blocked:
                matches = [m for m in matches if not any(s <= m.start and m.end <= e for s, e in blocked)]
        return matches

    def search(self, text: str) -> LexiconMatch | None:
        """The first match, or None."""
        found = self.finditer(text)
        return found[0] if found else None


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
