"""Aligning an answer key's incidents with the reports extracted from the same article.

A key incident and a report are the same incident when the report's evidence sentences
hold the key's evidence phrases (trigger, date, place, counts, claim, actors, weapons), and
their dates and kinds agree. :func:`similarity` turns that into a number in [0, 1];
:func:`assign` pairs key incidents with reports one to one so that the total similarity is
as high as possible.

The similarity is a weighted sum::

    0.6 * evidence + 0.2 * date + 0.2 * kind

- *evidence*: the harmonic mean of the weighted share of the key's phrases (the trigger
  weighs 3, every other phrase 1) that fall inside one of the report's evidence sentences,
  and the share of the report's evidence entries whose sentence holds a key phrase. With
  the article text the phrases are found by offset (a phrase written several times is
  taken at the occurrence nearest the key's trigger); without it, by looking for the
  phrase in the evidence sentences' own text.
- *date*: 1 when both dates have the same start and end (or both are missing), 0.5 when
  the spans overlap, else 0.
- *kind*: half for the ACLED event type, half for the sub-event type, against the key's
  kind or any accepted alternative.

A pair is a candidate only when some evidence is shared and the similarity reaches
:data:`MIN_SIMILARITY`; otherwise the key incident is missed and the report spurious.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.evaluate.answer_key import KeyIncident

EVIDENCE_WEIGHT: Final = 0.6
DATE_WEIGHT: Final = 0.2
KIND_WEIGHT: Final = 0.2
TRIGGER_WEIGHT: Final = 3.0
"""How much more the key's trigger phrase counts than any other phrase."""
MIN_SIMILARITY: Final = 0.3
"""Below this a key incident and a report are not the same incident."""
EXACT_LIMIT: Final = 16
"""The exact assignment enumerates subsets of the smaller side; above this size it is greedy."""

_WHITESPACE: Final = re.compile(r"\s+")


# -- finding the key's phrases ------------------------------------------------------------
@dataclass(frozen=True)
class ArticleText:
    """An article body with its whitespace collapsed and lower-cased, for finding phrases.

    The key quotes phrases with their line breaks collapsed ("hard-wrapped wire copy"), so
    the text is searched in the same shape; ``offsets[i]`` is the position in the original
    text of character ``i`` of ``folded``.
    """

    folded: str
    offsets: tuple[int, ...]

    @classmethod
    def build(cls, text: str) -> ArticleText:
        """Collapse every run of whitespace to one space and fold case, keeping offsets."""
        chars: list[str] = []
        offsets: list[int] = []
        position = 0
        for match in _WHITESPACE.finditer(text):
            chars.append(text[position : match.start()])
            offsets.extend(range(position, match.start()))
            chars.append(" ")
            offsets.append(match.start())
            position = match.end()
        chars.append(text[position:])
        offsets.extend(range(position, len(text)))
        squashed = "".join(chars)
        lowered = squashed.lower()
        # lower() can change the length of a few characters (a dotted capital I); then keep the case.
        return cls(lowered if len(lowered) == len(squashed) else squashed, tuple(offsets))

    def find_all(self, phrase: str) -> list[tuple[int, int]]:
        """Every occurrence of ``phrase`` as (start, end) offsets in the original text."""
        needle = fold_phrase(phrase)
        if not needle:
            return []
        found: list[tuple[int, int]] = []
        at = self.folded.find(needle)
        while at != -1:
            last = at + len(needle) - 1
            found.append((self.offsets[at], self.offsets[last] + 1))
            at = self.folded.find(needle, at + 1)
        return found


def fold_phrase(text: str) -> str:
    """A phrase as it is compared: whitespace collapsed, lower case."""
    return _WHITESPACE.sub(" ", text).strip().lower()


def key_phrases(incident: KeyIncident) -> list[tuple[str, float]]:
    """The key's evidence phrases with their weights: the trigger first."""
    fields = incident.fields
    phrases: list[tuple[str, float]] = []
    if fields.get("trigger"):
        phrases.append((fields["trigger"], TRIGGER_WEIGHT))
    for name in ("date", "location", "claim"):
        value = fields.get(name)
        if isinstance(value, Mapping) and value.get("text"):
            phrases.append((value["text"], 1.0))
    for count in (fields.get("counts") or {}).values():
        if isinstance(count, Mapping) and count.get("text"):
            phrases.append((count["text"], 1.0))
    for actor in fields.get("perpetrators") or ():
        if actor.get("matched"):
            phrases.append((actor["matched"], 1.0))
    for weapon in fields.get("weapons") or ():
        if weapon.get("text"):
            phrases.append((weapon["text"], 1.0))
    return phrases


@dataclass(frozen=True)
class LocatedPhrases:
    """A key incident's phrases, placed in the article where possible."""

    spans: tuple[tuple[int, int, float], ...]  # (start, end, weight) in the article text
    loose: tuple[tuple[str, float], ...]  # (folded phrase, weight) when there is no text

    @property
    def total(self) -> float:
        return sum(w for _, _, w in self.spans) + sum(w for _, w in self.loose)


def locate(incident: KeyIncident, text: ArticleText | None) -> LocatedPhrases:
    """Place the key's phrases in the article; a phrase written several times is taken at
    the occurrence nearest the trigger. Phrases the text does not hold are dropped."""
    phrases = key_phrases(incident)
    if text is None:
        return LocatedPhrases((), tuple((fold_phrase(p), w) for p, w in phrases if fold_phrase(p)))
    anchor: int | None = None
    spans: list[tuple[int, int, float]] = []
    for phrase, weight in phrases:
        found = text.find_all(phrase)
        if not found:
            continue
        if anchor is None:
            start, end = found[0]
            anchor = start
        else:
            start, end = min(found, key=lambda span: (abs(span[0] - anchor), span[0]))
        spans.append((start, end, weight))
    return LocatedPhrases(tuple(spans), ())


# -- similarity ---------------------------------------------------------------------------
def evidence_sentences(report: Mapping[str, Any]) -> list[tuple[int, int, str]]:
    """The (start, end, sentence) of every piece of evidence a report dict carries."""
    out: list[tuple[int, int, str]] = []
    for item in (report.get("evidence") or {}).values():
        if not isinstance(item, Mapping):
            continue
        start, end = item.get("start"), item.get("end")
        if isinstance(start, int) and isinstance(end, int):
            out.append((start, end, item.get("sentence") or ""))
    return out


def _holds_key_phrase(located: LocatedPhrases, start: int, end: int, folded_sentence: str) -> bool:
    if any(p_start < end and start < p_end for p_start, p_end, _ in located.spans):
        return True
    return any(phrase in folded_sentence for phrase, _ in located.loose)


def evidence_overlap(located: LocatedPhrases, sentences: Sequence[tuple[int, int, str]]) -> float:
    """How far a report's evidence and a key incident's phrases coincide, in [0, 1].

    The harmonic mean of two shares: of the key's phrases (weighted) that lie in one of the
    report's evidence sentences, and of the report's evidence entries (one per field) whose
    sentence holds one of the key's phrases. The second keeps a report that borrowed one
    sentence of a neighbouring incident (a threat after an attack) from matching it.
    """
    total = located.total
    if total <= 0 or not sentences:
        return 0.0
    folded = [fold_phrase(sentence) for _, _, sentence in sentences] if located.loose else [""] * len(sentences)
    hit = sum(
        weight
        for p_start, p_end, weight in located.spans
        if any(p_start < s_end and s_start < p_end for s_start, s_end, _ in sentences)
    )
    hit += sum(weight for phrase, weight in located.loose if any(phrase in sentence for sentence in folded))
    recall = hit / total
    held = sum(
        _holds_key_phrase(located, s_start, s_end, sentence)
        for (s_start, s_end, _), sentence in zip(sentences, folded)
    )
    precision = held / len(sentences)
    return 2 * recall * precision / (recall + precision) if recall and precision else 0.0


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def date_agreement(expected: Mapping[str, Any] | None, got: Mapping[str, Any] | None) -> float:
    """1 for the same span (or no date on either side), 0.5 for overlapping spans, else 0."""
    if expected is None or got is None:
        return 1.0 if expected is None and got is None else 0.0
    e_start, e_end = _day(expected.get("start")), _day(expected.get("end"))
    g_start, g_end = _day(got.get("start")), _day(got.get("end"))
    if None in (e_start, e_end, g_start, g_end):
        return 0.0
    if (e_start, e_end) == (g_start, g_end):
        return 1.0
    return 0.5 if e_start <= g_end and g_start <= e_end else 0.0  # type: ignore[operator]


def kind_agreement(readings: Sequence[Mapping[str, Any]], got: Mapping[str, Any] | None) -> float:
    """Half for the event type, half for the sub-event type, at the best-agreeing reading."""
    if not got:
        return 0.0
    best = 0.0
    for kind in readings:
        if not isinstance(kind, Mapping):
            continue
        agreement = 0.5 * (kind.get("event_type") == got.get("event_type"))
        agreement += 0.5 * (kind.get("sub_event_type") == got.get("sub_event_type"))
        best = max(best, agreement)
    return best


def similarity(incident: KeyIncident, report: Mapping[str, Any], located: LocatedPhrases) -> float | None:
    """How alike a key incident and a report are, in [0, 1]; None when they share no
    evidence or fall below :data:`MIN_SIMILARITY` (they may not be paired)."""
    evidence = evidence_overlap(located, evidence_sentences(report))
    if evidence <= 0:
        return None
    dates = [incident.fields.get("date"), *incident.accept.get("date", ())]
    kinds = [incident.fields.get("kind"), *incident.accept.get("kind", ())]
    value = (
        EVIDENCE_WEIGHT * evidence
        + DATE_WEIGHT * max(date_agreement(d, report.get("date")) for d in dates)
        + KIND_WEIGHT * kind_agreement(kinds, report.get("kind"))
    )
    return value if value >= MIN_SIMILARITY else None


# -- assignment ---------------------------------------------------------------------------
def assign(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """Pair rows with columns one to one so that the summed weight is the highest possible.

    ``weights[row][column]`` is None where the pair is not allowed; a row or column may stay
    unpaired. Exact (dynamic programming over the subsets of the smaller side) while that
    side has at most :data:`EXACT_LIMIT` items, greedy by best weight above. Returns the
    pairs sorted by row.
    """
    rows = len(weights)
    columns = max((len(r) for r in weights), default=0)
    if rows == 0 or columns == 0:
        return []
    if min(rows, columns) > EXACT_LIMIT:
        return _greedy(weights)
    if columns > rows:
        transposed = [[_at(weights, r, c) for r in range(rows)] for c in range(columns)]
        return sorted((r, c) for c, r in _exact(transposed))
    return _exact(weights)


def _at(weights: Sequence[Sequence[float | None]], row: int, column: int) -> float | None:
    line = weights[row]
    return line[column] if column < len(line) else None


def _exact(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """Maximum-weight matching; the columns (the smaller side) are a bit mask."""
    columns = max(len(r) for r in weights)
    size = 1 << columns
    unreachable = float("-inf")
    best = [unreachable] * size
    best[0] = 0.0
    choices: list[list[int]] = []
    for line in weights:
        options = [(c, w) for c, w in enumerate(line) if w is not None]
        new = list(best)  # the row stays unpaired
        choice = [-1] * size
        for mask in range(size):
            base = best[mask]
            if base == unreachable:
                continue
            for column, weight in options:
                bit = 1 << column
                if mask & bit:
                    continue
                value = base + weight
                if value > new[mask | bit]:
                    new[mask | bit] = value
                    choice[mask | bit] = column
        best = new
        choices.append(choice)
    mask = max(range(size), key=lambda m: (best[m], -bin(m).count("1")))
    pairs: list[tuple[int, int]] = []
    for row in range(len(weights) - 1, -1, -1):
        column = choices[row][mask]
        if column >= 0:
            pairs.append((row, column))
            mask ^= 1 << column
    return sorted(pairs)


def _greedy(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """Best pair first, skipping rows and columns already taken."""
    candidates = sorted(
        ((w, r, c) for r, line in enumerate(weights) for c, w in enumerate(line) if w is not None),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    taken_rows: set[int] = set()
    taken_columns: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, row, column in candidates:
        if row not in taken_rows and column not in taken_columns:
            taken_rows.add(row)
            taken_columns.add(column)
            pairs.append((row, column))
    return sorted(pairs)
