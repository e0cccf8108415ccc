"""How alike two texts are, measured from the two texts alone.

A text becomes a bag of content words (lower-cased, a plural ``s`` dropped, the
fixed stopword list of ``sitrep/data/dedupe_stopwords.yaml`` removed), each
weighted by what kind of word it is — a name (a capitalised word inside a
sentence) weighs more than a common word, a number a little more — and two
texts are compared by the cosine of their weighted word sets. No statistic is
fitted on the reports being compared (no IDF), so the similarity of a pair never
changes when other reports are added: the property that lets a new article be
compared with its neighbours alone and still get the result of clustering
everything again.

Wire copy in capitals carries no case, so no word is taken for a name there.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from sitrep.dedupe.rules import DedupeRules

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?|\d+(?:[.,]\d+)*")
_SENTENCE_BREAK = re.compile(r"[.!?]+(?=\s|$)|[\n:;\"`]+")
_POSSESSIVE = ("'s", "’s")
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


@dataclass(frozen=True, slots=True)
class TextProfile:
    """A text reduced to weighted content words, ready to be compared."""

    weights: Mapping[str, float]
    norm: float
    sketch: tuple[str, ...]  # a few content words chosen by a fixed hash (names first), for blocking
    names: tuple[str, ...]  # the names among them: the only keys of a report with no date and no place

    @property
    def empty(self) -> bool:
        return not self.weights


EMPTY_PROFILE = TextProfile({}, 0.0, (), ())


def text_profile(text: str, rules: DedupeRules) -> TextProfile:
    """The weighted content words of ``text`` (see the module docstring)."""
    if not text:
        return EMPTY_PROFILE
    stop = rules.stopwords
    name_weight = rules.get("text", "name_weight")
    number_weight = rules.get("text", "number_weight")
    sample = text[:400]
    cased = len(_UPPER.findall(sample)) < len(_LOWER.findall(sample))
    weights: dict[str, float] = {}
    for sentence in _SENTENCE_BREAK.split(text):
        tokens = _TOKEN.findall(sentence)
        for position, token in enumerate(tokens):
            word = _normalise(token.lower())
            if len(word) < 2 or word in stop:
                continue
            if word[0].isdigit():
                weight = number_weight
            elif cased and position and token[0].isupper():
                weight = name_weight
            else:
                weight = 1.0
            if weight > weights.get(word, 0.0):
                weights[word] = weight
    if not weights:
        return EMPTY_PROFILE
    norm = math.sqrt(sum(w * w for w in weights.values()))
    low, high = rules.get("text", "sketch_words"), rules.get("text", "sketch_words_long")
    k = int(min(high, max(low, high * len(weights) / rules.get("text", "long_words"))))
    # the sketch holds names only (what tells one incident from another; common words would put
    # every report of a year in one block): a text without names, such as wire copy in capitals,
    # gets none
    names = sorted((w for w, weight in weights.items() if weight == name_weight and len(w) >= 4), key=_stable_hash)
    sketch = tuple(sorted(names[:k]))
    return TextProfile(weights, norm, sketch, sketch)


def similarity(a: TextProfile, b: TextProfile) -> float:
    """Cosine of two profiles' weighted words: 0 (nothing shared) to 1 (the same words)."""
    if not a.weights or not b.weights:
        return 0.0
    small, large = (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    dot = 0.0
    for word, weight in small.items():
        other = large.get(word)
        if other is not None:
            dot += weight * other
    return dot / (a.norm * b.norm)


@lru_cache(maxsize=1 << 17)
def _normalise(word: str) -> str:
    for suffix in _POSSESSIVE:
        if word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


@lru_cache(maxsize=1 << 17)
def _stable_hash(word: str) -> int:
    """A hash that is the same in every process (Python's ``hash`` of a str is not)."""
    return zlib.crc32(word.encode("utf-8"))
