"""Field-by-field comparison of one key incident with the report it was paired with.

Every comparison follows the conventions of ``examples/README.md`` ("The answer key"):

- ``unscored`` paths are skipped with everything under them (``counts.killed`` skips
  ``counts.killed.approx``; ``perpetrators`` skips ``perpetrators.attribution``).
- ``accept`` gives other right values for a path. For an object (``kind``, ``location``,
  ``date``, ``claim``) an accepted alternative is a whole *reading*: the reading the
  extraction agrees with on most fields is chosen (the key's own on a tie) and every
  sub-field is scored against it, so a report cannot take its event type from one reading
  and its sub-event type from another.
- ``null`` / ``[]`` / ``{}`` / a missing count mean the extraction should have none.
  Where the key has no date (or no place), only ``date`` (``location.name``) is scored:
  right when the report has none either.
- Counts: an exact key count needs the same best value; an approximate one accepts a best
  value within 10% of the key's, or inside [min, max] when the key gives both bounds. The
  approximation flag is scored where both the key and the report have the count.
- Names compare without case, accents or punctuation; admin1 names also compare equal when
  the gazetteer resolves both to the same division; actors compare by registry entry
  (any alias), unnamed actors by their normalised description.
- Weapons: ``weapons`` is right when the sets of types agree or the sets of their GTD weapon
  types (``sitrep/data/weapons.yaml``) do, as the README asks; ``weapons.type`` needs the
  types themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Final, Mapping, Protocol, Sequence

from sitrep.gazetteer.normalize import normalize_name
from sitrep.model import COUNT_CATEGORIES

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.evaluate.answer_key import KeyIncident

#: Incident fields in the order the table lists them.
FIELD_ORDER: Final[tuple[str, ...]] = (
    "kind.event_type",
    "kind.sub_event_type",
    "kind.gtd_attack_type",
    "status",
    "realis",
    "date",
    "date.start",
    "date.precision",
    "location.name",
    "location.admin1",
    "location.country_code",
    "location.precision",
    "perpetrators",
    "perpetrators.attribution",
    *(name for category in COUNT_CATEGORIES for name in (f"counts.{category}", f"counts.{category}.approx")),
    "claim",
    "targets",
    "weapons",
    "weapons.type",
)
#: Article fields of the key, scored from the Article values.
ARTICLE_FIELDS: Final[tuple[str, ...]] = ("title", "standfirst", "author", "outlet", "url", "published")
#: The incident id of article-level results.
ARTICLE_ROW: Final = "(article)"

_KIND_FIELDS: Final = ("event_type", "sub_event_type", "gtd_attack_type")
_LOCATION_FIELDS: Final = ("name", "admin1", "country_code", "precision")
_ARTICLES: Final = ("the ", "a ", "an ")
APPROX_MARGIN: Final = 0.10
"""An approximate key count accepts a best value within this share of its own."""


@dataclass(frozen=True)
class FieldResult:
    """One field of one key incident (or article) compared with the extraction."""

    article: str
    incident_id: str
    field: str
    expected: Any
    got: Any
    ok: bool


class Admin1Lookup(Protocol):
    """What the scorer needs of a gazetteer (``sitrep.gazetteer.Gazetteer`` has it)."""

    def admin1(self, name: str, country_code: str | None = None) -> Any: ...


class ActorLookup(Protocol):
    """What the scorer needs of an actor registry (``sitrep.actors.ActorRegistry`` has it):
    ``lookup(name)`` gives the entry (with an ``id``) that has ``name`` as its name or an
    alias, or None."""

    def lookup(self, name: str) -> Any: ...


@lru_cache(maxsize=1)
def weapon_gtd_types() -> Mapping[str, str]:
    """Each weapon type of ``sitrep/data/weapons.yaml`` with its GTD weapon type."""
    from sitrep.extract.lexicon import load_data

    table = {item["type"]: item.get("gtd") or item["type"] for item in load_data("weapons.yaml").get("weapons", [])}
    return MappingProxyType(table)


@dataclass(frozen=True)
class ScoringContext:
    """The optional helpers a comparison uses; without them names compare as normalised text."""

    gazetteer: Admin1Lookup | None = None
    registry: ActorLookup | None = None
    weapon_gtd: Mapping[str, str] = field(default_factory=dict)


# -- normalisation --------------------------------------------------------------------------
def fold_name(name: Any) -> str:
    """A name without case, accents, punctuation or a leading article."""
    if not isinstance(name, str):
        return ""
    key = normalize_name(name)
    for article in _ARTICLES:
        if key.startswith(article):
            return key[len(article) :]
    return key


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10]


def _span(value: Mapping[str, Any] | None) -> str | None:
    """A date span as shown and compared: "2024-03-22", or "2024-03-01/2024-03-31"."""
    if value is None:
        return None
    start, end = _iso(value.get("start")), _iso(value.get("end"))
    return start if start == end else f"{start}/{end}"


def _actor_key(name: Any, *, unnamed: bool, actor_id: Any, registry: ActorLookup | None) -> str:
    """An actor's identity: its registry entry when it has one, else its folded name."""
    if not unnamed and registry is not None:
        if isinstance(actor_id, str) and actor_id:
            return f"id:{actor_id}"
        if isinstance(name, str):
            entry = registry.lookup(name)
            if entry is not None:
                return f"id:{entry.id}"
    return f"name:{fold_name(name)}"


def _key_actor(actor: Mapping[str, Any], registry: ActorLookup | None) -> str:
    return _actor_key(actor.get("name"), unnamed=bool(actor.get("unnamed")), actor_id=None, registry=registry)


def _got_actor(actor: Mapping[str, Any], registry: ActorLookup | None) -> str:
    unnamed = actor.get("actor_type") == "unnamed"
    return _actor_key(actor.get("name"), unnamed=unnamed, actor_id=actor.get("actor_id"), registry=registry)


def _claimant(name: Any, registry: ActorLookup | None) -> str | None:
    return None if not name else _actor_key(name, unnamed=False, actor_id=None, registry=registry)


def _same_admin1(expected: Any, got: Any, country_code: Any, gazetteer: Admin1Lookup | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    if fold_name(expected) == fold_name(got):
        return True
    if gazetteer is None:
        return False
    code = country_code if isinstance(country_code, str) else None
    first, second = gazetteer.admin1(str(expected), code), gazetteer.admin1(str(got), code)
    return first is not None and second is not None and _place_id(first) == _place_id(second)


def _place_id(place: Any) -> Any:
    geonameid = getattr(place, "geonameid", None)
    if geonameid is not None:
        return geonameid
    return (getattr(place, "country_code", None), getattr(place, "admin1_code", None), getattr(place, "name", None))


def same_count(expected: Mapping[str, Any] | None, got: Mapping[str, Any] | None) -> bool:
    """Whether an extracted count gives the key's number (README count rules)."""
    if expected is None or got is None:
        return expected is None and got is None
    best, want = got.get("best"), expected.get("best")
    if not isinstance(best, int) or not isinstance(want, int):
        return False
    if not expected.get("approx"):
        return best == want
    if abs(best - want) <= APPROX_MARGIN * want:
        return True
    low, high = expected.get("min"), expected.get("max")
    return low is not None and high is not None and low <= best <= high


def _show_count(count: Mapping[str, Any] | None) -> str | None:
    if count is None:
        return None
    return f"{'~' if count.get('approx') else ''}{count.get('best')}"


def _show_claim(claim: Mapping[str, Any] | None) -> str | None:
    if claim is None:
        return None
    if not claim.get("claimed"):
        return "not claimed"
    return f"claimed by {claim.get('by')}" if claim.get("by") else "claimed"


def _types(items: Any) -> frozenset[str]:
    return frozenset(str(item.get("type")) for item in items or () if isinstance(item, Mapping))


def _names(actors: Any) -> tuple[str, ...]:
    return tuple(sorted(str(actor.get("name")) for actor in actors or ()))


# -- one pair -------------------------------------------------------------------------------
Same = Callable[[Any, Any], bool]
PartSame = Callable[[str, Any, Any], bool]


def _equal(expected: Any, got: Any) -> bool:
    return expected == got


def _as_is(value: Any) -> Any:
    return value


@dataclass
class _Pair:
    """Collects the results of one key incident against one report, in field order."""

    article: str
    incident: KeyIncident
    report: Mapping[str, Any]
    context: ScoringContext
    results: list[FieldResult] = field(default_factory=list)

    def check(
        self, name: str, readings: Sequence[Any], got: Any, same: Same, show: Callable[[Any], Any] = _as_is
    ) -> Any:
        """Score field ``name``: right when ``got`` agrees with one of the readings (the key's
        value first). Returns the reading it agrees with, a private marker when it agrees
        with none, or :data:`SKIPPED` when the key leaves the field unscored."""
        if self.incident.skips(name):
            return SKIPPED
        match = next((reading for reading in readings if same(reading, got)), _NONE)
        self.results.append(
            FieldResult(self.article, self.incident.id, name, show(readings[0]), show(got), match is not _NONE)
        )
        return match

    def readings(self, path: str) -> list[Any]:
        """The key's value at ``path`` followed by its accepted alternatives."""
        return [self.incident.value(path), *self.incident.accept.get(path, ())]

    def reading(
        self, group: str, got: Mapping[str, Any] | None, parts: Sequence[str], same: PartSame
    ) -> tuple[Any, bool]:
        """The reading of an object field the report agrees with on most scored parts:
        (reading, whether it is the key's own). The key's own wins a tie."""
        primary = self.incident.value(group)
        alternatives = self.incident.accept.get(group, ())
        if not alternatives:
            return primary, True

        def agreement(candidate: Any, own: bool) -> int:
            if candidate is None or got is None:
                return int(candidate is None and got is None)
            return sum(
                any(same(part, value, got.get(part)) for value in self.part_readings(group, candidate, own, part))
                for part in parts
                if not self.incident.skips(f"{group}.{part}")
            )

        chosen, own, best = primary, True, agreement(primary, True)
        for alternative in alternatives:
            hits = agreement(alternative, False)
            if hits > best:
                chosen, own, best = alternative, False, hits
        return chosen, own

    def part_readings(self, group: str, reading: Mapping[str, Any], own: bool, part: str) -> list[Any]:
        """The values a part of a reading may take: its own, plus the key's ``accept`` for
        ``group.part`` when the reading is the key's own."""
        values = [reading.get(part)]
        if own:
            values += list(self.incident.accept.get(f"{group}.{part}", ()))
        return values


class _Sentinel:
    __slots__ = ()


_NONE: Final = _Sentinel()
SKIPPED: Final = _Sentinel()
"""What :meth:`_Pair.check` returns for a field the key leaves unscored."""


def score_incident(
    article: str, incident: KeyIncident, report: Mapping[str, Any], context: ScoringContext
) -> list[FieldResult]:
    """Every scored field of a key incident against the report it was paired with."""
    pair = _Pair(article, incident, report, context)
    _score_kind(pair)
    pair.check("status", pair.readings("status"), report.get("status"), _equal)
    pair.check("realis", pair.readings("realis"), report.get("realis"), _equal)
    _score_date(pair)
    _score_location(pair)
    _score_perpetrators(pair)
    _score_counts(pair)
    pair.check("claim", pair.readings("claim"), report.get("claim"), _same_claim(context.registry), _show_claim)
    _score_targets_and_weapons(pair)
    return pair.results


def _score_kind(pair: _Pair) -> None:
    got = pair.report.get("kind") or {}
    reading, own = pair.reading("kind", got, _KIND_FIELDS, lambda _, expected, value: expected == value)
    for part in _KIND_FIELDS:
        pair.check(f"kind.{part}", pair.part_readings("kind", reading or {}, own, part), got.get(part), _equal)


def _score_date(pair: _Pair) -> None:
    got = pair.report.get("date")

    def same_part(part: str, expected: Any, value: Any) -> bool:
        return expected == value if part == "precision" else _iso(expected) == _iso(value)

    reading, _ = pair.reading("date", got, ("start", "end", "precision"), same_part)
    if reading is None:
        pair.check("date", [None], _span(got), _equal)
        return
    pair.check("date", [_span(reading)], _span(got), _equal)
    pair.check("date.start", [_iso(reading.get("start"))], _iso(got.get("start")) if got else None, _equal)
    pair.check("date.precision", [reading.get("precision")], got.get("precision") if got else None, _equal)


def _score_location(pair: _Pair) -> None:
    got = pair.report.get("location")
    gazetteer = pair.context.gazetteer
    got_code = (got or {}).get("country_code")

    def same_part(part: str, expected: Any, value: Any, code: Any = got_code) -> bool:
        if part == "name":
            return expected is not None and value is not None and fold_name(expected) == fold_name(value)
        if part == "admin1":
            return _same_admin1(expected, value, code, gazetteer)
        if part == "country_code":
            return (expected or "").upper() == (value or "").upper()
        return expected == value

    reading, own = pair.reading("location", got, _LOCATION_FIELDS, same_part)
    if reading is None:
        pair.check("location.name", [None], (got or {}).get("name"), lambda _, __: got is None)
        return
    code = reading.get("country_code") or got_code
    for part in _LOCATION_FIELDS:
        pair.check(
            f"location.{part}",
            pair.part_readings("location", reading, own, part),
            got.get(part) if got else None,
            lambda expected, value, part=part: got is not None and same_part(part, expected, value, code),
        )


def _score_perpetrators(pair: _Pair) -> None:
    registry = pair.context.registry
    got = [actor for actor in pair.report.get("perpetrators") or () if isinstance(actor, Mapping)]
    got_keys = frozenset(_got_actor(actor, registry) for actor in got)

    def same(expected: Any, _: Any) -> bool:
        return frozenset(_key_actor(actor, registry) for actor in expected or ()) == got_keys

    readings = pair.readings("perpetrators")
    match = pair.check("perpetrators", readings, got, same, _names)
    if match is SKIPPED:
        return
    chosen = readings[0] if match is _NONE else match
    for actor in chosen or ():
        key = _key_actor(actor, registry)
        attributions = [a.get("attribution") for a in got if _got_actor(a, registry) == key]
        if not attributions:
            continue  # the actor is missing: already wrong under "perpetrators"
        name = actor.get("name")
        pair.check(
            "perpetrators.attribution",
            [actor.get("attribution")],
            attributions,
            lambda want, have: want in have,
            lambda value: f"{name}: {value if not isinstance(value, list) else '/'.join(map(str, value))}",
        )


def _score_counts(pair: _Pair) -> None:
    counts = pair.report.get("counts") or {}
    for category in COUNT_CATEGORIES:
        path = f"counts.{category}"
        readings = pair.readings(path)
        got = counts.get(category)
        match = pair.check(path, readings, got, same_count, _show_count)
        if match is SKIPPED:
            continue
        reference = readings[0] if match is _NONE else match
        if reference is not None and got is not None:
            pair.check(f"{path}.approx", [bool(reference.get("approx"))], bool(got.get("approx")), _equal)


def _same_claim(registry: ActorLookup | None) -> Same:
    def same(expected: Any, got: Any) -> bool:
        if expected is None or got is None:
            return expected is None and got is None
        return bool(expected.get("claimed")) == bool(got.get("claimed")) and _claimant(
            expected.get("by"), registry
        ) == _claimant(got.get("by"), registry)

    return same


def _score_targets_and_weapons(pair: _Pair) -> None:
    got_targets = _types(pair.report.get("targets"))
    pair.check("targets", pair.readings("targets"), got_targets, lambda e, g: _types(e) == g, _shown_types)

    gtd = pair.context.weapon_gtd
    got_weapons = _types(pair.report.get("weapons"))

    def gtd_types(types: frozenset[str]) -> frozenset[str]:
        return frozenset(gtd.get(t, t) for t in types)

    readings = pair.readings("weapons")
    pair.check(
        "weapons",
        readings,
        got_weapons,
        lambda e, g: _types(e) == g or gtd_types(_types(e)) == gtd_types(g),
        _shown_types,
    )
    pair.check("weapons.type", readings, got_weapons, lambda e, g: _types(e) == g, _shown_types)


def _shown_types(value: Any) -> tuple[str, ...]:
    types = value if isinstance(value, frozenset) else _types(value)
    return tuple(sorted(types))


# -- article fields -------------------------------------------------------------------------
def _article_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text or None


def score_article(name: str, expected: Mapping[str, Any], got: Mapping[str, Any] | None) -> list[FieldResult]:
    """The article fields the key gives (title, author, published...) against the Article
    read from the file; a field the key leaves out is not scored."""
    results: list[FieldResult] = []
    for field_name in ARTICLE_FIELDS:
        if field_name not in expected:
            continue
        want = _article_value(expected[field_name])
        have = _article_value((got or {}).get(field_name))
        if field_name == "published":
            want, have = _iso(want), _iso(have)
        results.append(FieldResult(name, ARTICLE_ROW, f"article.{field_name}", want, have, want == have))
    return results
