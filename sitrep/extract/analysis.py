"""Per-sentence analysis: everything sitrep's finders see in one sentence.

The extractor reads an article one sentence at a time. Each :class:`Sentence`
holds what the finders found in it (triggers, counts, dates, places, actors,
claims, weapons, targets and realis/status cues), with offsets relative to the
sentence. A sentence that recounts several incidents ("the Bataclan in November
2015, the Manchester bombing in May 2017") is cut into :class:`Unit` clauses,
one incident each; a unit is a window on its sentence's findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence, TypeVar

from sitrep.extract.lexicons import TriggerMatch, TypedMatch

#: Entity labels from spaCy's English NER that can name a place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str  # spaCy label (GPE, LOC, FAC, ORG, PERSON, NORP, DATE, ...) or "GAZ" for a gazetteer scan hit


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article and what the finders saw in it (offsets relative to ``text``)."""

    index: int
    start: int  # offset in Article.text
    text: str
    triggers: tuple[TriggerMatch, ...] = ()
    counts: tuple[Any, ...] = ()  # sitrep.extract.counts.CountMention
    dates: tuple[Any, ...] = ()  # sitrep.extract.dates.DateMention
    places: tuple[EntityMention, ...] = ()
    entities: tuple[EntityMention, ...] = ()  # every NER entity (for people, organisations, nationalities)
    actors: tuple[Any, ...] = ()  # sitrep.actors.ActorMention
    claims: tuple[Any, ...] = ()  # sitrep.actors.ClaimMention
    weapons: tuple[TypedMatch, ...] = ()
    targets: tuple[TypedMatch, ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Unit:
    """A clause of a sentence (or the whole sentence) that speaks of at most one incident."""

    sentence: Sentence
    lo: int  # window [lo, hi) relative to the sentence
    hi: int
    order: int  # position in the article's sequence of units

    @property
    def text(self) -> str:
        return self.sentence.text[self.lo : self.hi]

    def _within(self, items: Sequence[T]) -> tuple[T, ...]:
        if not items:
            return ()
        lo, hi = self.lo, self.hi
        return tuple([m for m in items if lo <= m.start and m.end <= hi])  # type: ignore[attr-defined]

    @property
    def triggers(self) -> tuple[TriggerMatch, ...]:
        return self._within(self.sentence.triggers)

    @property
    def counts(self) -> tuple[Any, ...]:
        return self._within(self.sentence.counts)

    @property
    def dates(self) -> tuple[Any, ...]:
        return self._within(self.sentence.dates)

    @property
    def places(self) -> tuple[EntityMention, ...]:
        return self._within(self.sentence.places)

    @property
    def actors(self) -> tuple[Any, ...]:
        return self._within(self.sentence.actors)

    @property
    def claims(self) -> tuple[Any, ...]:
        return self._within(self.sentence.claims)

    @property
    def weapons(self) -> tuple[TypedMatch, ...]:
        return self._within(self.sentence.weapons)

    @property
    def targets(self) -> tuple[TypedMatch, ...]:
        return self._within(self.sentence.targets)

    @property
    def entities(self) -> tuple[EntityMention, ...]:
        return self._within(self.sentence.entities)


T = TypeVar("T")

#: Where a sentence may be cut between two incidents: semicolons, and commas or
#: dashes or "and" that open a new noun phrase.
_CUT = re.compile(r";\s*|,\s+(?:and\s+|then\s+|while\s+|before\s+|after\s+)?|\s+(?:and|while|before|after)\s+|\s+[–—-]\s+|\)\s*")


def split_units(sentence: Sentence, *, order_start: int, anchors: Sequence[tuple[int, tuple[Any, ...]]]) -> list[Unit]:
    """Cut ``sentence`` into clauses, one per incident anchor.

    ``anchors`` are (position, key) pairs: the position of each incident trigger in the
    sentence and a key of the date/place it carries. Consecutive anchors with different
    keys are separated at the last cut point between them; the sentence stays whole when
    every anchor carries the same key (one incident described with several words).
    """
    ordered = sorted(anchors)
    cuts: list[int] = []
    for (pos_a, key_a), (pos_b, key_b) in zip(ordered, ordered[1:]):
        if key_a == key_b or not key_b:
            continue
        candidates = [
            m.end() for m in _CUT.finditer(sentence.text, pos_a, pos_b)
            # "Eighteen people, mostly children, | were killed": a count's words stay in one clause
            if not any(c.start < m.end() < c.end for c in sentence.counts)
        ]
        if candidates:
            cuts.append(_pick_cut(sentence.text, candidates, pos_b))
    bounds = [0, *sorted(set(cuts)), len(sentence.text)]
    return [
        Unit(sentence, lo, hi, order_start + i)
        for i, (lo, hi) in enumerate(zip(bounds, bounds[1:]))
        if hi > lo
    ]


def _pick_cut(text: str, candidates: list[int], before: int) -> int:
    """The cut nearest the second incident that still leaves its noun phrase whole."""
    for cut in reversed(candidates):
        if cut <= before:
            return cut
    return candidates[-1]
