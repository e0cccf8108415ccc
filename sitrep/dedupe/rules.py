"""The tunable numbers and lists of deduplication, read from ``sitrep/data/dedupe.yaml``.

Every weight lives in that file so a reviewer can read the whole decision rule in
one place; :func:`default_rules` loads and validates it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import load_data

_FILE = "dedupe.yaml"
_STOPWORDS_FILE = "dedupe_stopwords.yaml"

_SECTIONS: dict[str, tuple[str, ...]] = {
    "date": ("same_day", "adjacent_day", "within_week", "within_month", "within_year", "inferred", "missing",
             "unknown", "inferred_span_days"),
    "place": ("same_place_km", "near_km", "same_place", "near_place", "town_in_province", "same_province",
              "same_country", "missing", "min_confidence"),
    "kind": ("same_subtype", "related_subtype", "vague", "unknown"),
    "actors": ("same_named", "same_family", "same_unnamed", "unnamed_vs_named", "suspected_conflict"),
    "counts": ("same", "rising", "unordered", "far_apart", "far_ratio", "falling", "steep_fall", "zero_vs_some",
               "max_ratio", "small_toll"),
    "text": ("weight_short", "weight_long", "floor_short", "floor_long", "short_words", "long_words",
             "max_points", "min_points", "min_points_short", "name_weight", "number_weight", "sketch_words", "sketch_words_long",
             "same_story", "conflict_points"),
    "cluster": ("day_window", "inferred_window", "max_town_km", "document_similarity"),
}


@dataclass(frozen=True, slots=True)
class KindRules:
    """Which ACLED sub-event types may tell one incident."""

    related: frozenset[frozenset[str]]
    vague_subtypes: frozenset[str]
    violent_event_types: frozenset[str]
    exclusive_subtypes: frozenset[str]
    alike: frozenset[frozenset[str]] = frozenset()  # one kind told two ways: scored as the same


@dataclass(frozen=True, slots=True)
class DedupeRules:
    """Points per signal (``points[section][name]``), the link threshold and the kind table."""

    threshold: float
    points: Mapping[str, Mapping[str, float]]
    kinds: KindRules
    stopwords: frozenset[str]

    def get(self, section: str, name: str) -> float:
        """One number of the rules, e.g. ``get("date", "same_day")``."""
        return self.points[section][name]


@lru_cache(maxsize=1)
def default_rules() -> DedupeRules:
    """The rules shipped with sitrep (read and checked once)."""
    return rules_from_mapping(load_data(_FILE), load_data(_STOPWORDS_FILE))


def rules_from_mapping(data: Mapping[str, Any], stopword_data: Mapping[str, Any]) -> DedupeRules:
    """Build and validate rules from the parsed YAML of ``dedupe.yaml`` and the stopword file."""
    threshold = data.get("threshold")
    if not isinstance(threshold, (int, float)):
        raise RegistryError(f"{_FILE}: `threshold` must be a number")
    points: dict[str, dict[str, float]] = {}
    for section, names in _SECTIONS.items():
        raw = data.get(section)
        if not isinstance(raw, Mapping):
            raise RegistryError(f"{_FILE}: section `{section}` is missing")
        missing = [n for n in names if not isinstance(raw.get(n), (int, float))]
        if missing:
            raise RegistryError(f"{_FILE}: `{section}` lacks numbers for {', '.join(missing)}")
        points[section] = {n: float(raw[n]) for n in names}
    kind = data["kind"]
    related = kind.get("related", [])
    alike = kind.get("alike", [])
    for key, groups in (("related", related), ("alike", alike)):
        if not isinstance(groups, list) or not all(isinstance(g, list) and g for g in groups):
            raise RegistryError(f"{_FILE}: kind.{key} must be a list of lists of sub-event types")
    kinds = KindRules(
        related=frozenset(frozenset(str(s) for s in group) for group in related),
        vague_subtypes=frozenset(_strings(kind, "vague_subtypes")),
        violent_event_types=frozenset(_strings(kind, "violent_event_types")),
        exclusive_subtypes=frozenset(_strings(kind, "exclusive_subtypes")),
        alike=frozenset(frozenset(str(s) for s in group) for group in alike),
    )
    words: set[str] = set()
    for name, value in stopword_data.items():
        if not isinstance(value, str):
            raise RegistryError(f"{_STOPWORDS_FILE}: `{name}` must be a block of words")
        words.update(value.split())
    if not words or any(w != w.lower() for w in words):
        raise RegistryError(f"{_STOPWORDS_FILE}: stopwords must be a non-empty set of lower-case words")
    return DedupeRules(float(threshold), points, kinds, frozenset(words))


def _strings(section: Mapping[str, Any], key: str) -> list[str]:
    value = section.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RegistryError(f"{_FILE}: kind.{key} must be a list of strings")
    return value
