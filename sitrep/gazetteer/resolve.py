"""Resolve a place phrase as found in an article ("near Moscow", "Andar district, Ghazni
province", "Kerman, Iran") to a :class:`sitrep.model.Location`.

The rules, in order:

1. Relational words are not part of the place: "near", "outside", "on the outskirts
   of", "20 km north of", "the northern town of" are dropped; a direction adjective
   ("northern Nigeria") is dropped only if the whole phrase is not itself a name
   ("North Waziristan", "South Sudan").
2. "X, Y" (also "X in Y", "X (Y)", "X near/outside/north of Y", "X district of Y")
   means X inside (or by) Y: Y is resolved first (a country, admin1, region or town;
   an admin1 is preferred to a town of the same name) and X must lie inside it (same
   country for a country; same admin1, or within ~150 km, for an admin1, region or
   town). A descriptor in front ("the Afghan capital, Kabul") is skipped.
3. A type word says what X is: "Ghazni province", "Nineveh governorate", "Moscow
   Oblast", "the Moscow region" -> admin1 (precision province; an admin1 that is a
   city, such as the federal city of Moscow, only if nothing else fits); "Andar
   district" -> a town of that name inside the containing area at precision
   district, else the containing admin1's centre at precision district;
   "Kandahar city" -> the town.
4. Among places sharing a name: inside the phrase's container first, then in one of
   the article's countries (``context_countries``), then near ``near``, then the most
   prominent (population, a country over a town, a town over an admin1 of the same
   name unless it is twenty times smaller, an exact name over an alternate).
5. A name needs support (container, article country, nearby point or type word) when
   it is mostly something else in news copy ("Reading", "Police", "Victoria": the
   ``context_names`` list, or a common English word naming a town under 100,000
   people), and an unsupported town must have 5,000 people (50,000 when matched by an
   alternate name) -- a bare village name is more often a different village -- or,
   when the article names countries and the town is in none of them, 100,000
   (300,000).
6. A name the gazetteer does not know ("Baghouz") gets the containing area the phrase
   gives ("Baghouz, Syria") or, failing that, the article's first country, at that
   area's precision (``district`` for "X district" in a known admin1). A facility
   ("Crocus City Hall") or a common word gets nothing unless the phrase names its
   container; the caller places it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from sitrep.model import Location, PlacePrecision

from .normalize import ADMIN_TYPE_WORDS, normalize_name, split_type_word
from .place import Candidate, Place, distance_km

if TYPE_CHECKING:
    from .index import Gazetteer

__all__ = ["resolve_phrase"]

_DIRECTIONS = (
    r"north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west"
)
_LEAD = re.compile(
    r"^(?:"
    # 20 km (12 miles) north of / some 30 kilometres from
    r"(?:some|about|around|nearly|roughly|approximately|just|over|more than|less than)?\s*"
    r"\d+(?:[.,]\d+)?\s*(?:km|kms|kilometers|kilometres|miles|mi|meters|metres|m)\b\.?"
    r"(?:\s*\([^)]*\))?(?:\s+(?:to\s+the\s+)?(?:" + _DIRECTIONS + r")(?:ern)?)?\s+(?:of|from|outside)"
    r"|(?:to\s+the\s+|just\s+)?(?:" + _DIRECTIONS + r")\s+of"
    r"|(?:on\s+|in\s+|at\s+|from\s+)?the\s+(?:outskirts|outskirt|edge|edges|suburbs|suburb|centre|center|"
    r"heart|vicinity|area|" + _DIRECTIONS + r")\s+of"
    r"|the\s+(?:\w+\s+)?(?:capital|city|town|village|port\s+city|port|border\s+town|hamlet|"
    r"province|district|state|governorate|region)(?:\s+of)?"
    r"|(?:town|city|village|hamlet|locality|area|neighbou?rhood|suburb)\s+of"
    r"|(?:the\s+)?outskirts\s+of|(?:a\s+)?suburbs?\s+of|close\s+to|next\s+to|not\s+far\s+from"
    r"|just\s+outside|parts\s+of|much\s+of|all\s+of"
    r"|an?\s+(?:village|town|city|district|area|neighbourhood|neighborhood)\s+(?:in|near|outside|of)"
    r"|in|at|near|nearby|outside|inside|around|across|throughout|from|into|within|towards|toward|to|"
    r"on|off|along|via|downtown|rural|suburban|restive|volatile|war-torn|neighbouring|neighboring|occupied"
    r")\s+",
    re.IGNORECASE,
)
_DIRECTION_ADJECTIVE = re.compile(
    r"^(?:(?:far|extreme|the)\s+)?(?:northern|southern|eastern|western|central|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|" + _DIRECTIONS + r"|"
    r"upper|lower|mid|middle)\s+(?=\S)",
    re.IGNORECASE,
)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPLIT = re.compile(
    r"\s*(?:[,;()]|\s-\s"
    r"|\s+(?i:in|on\s+the\s+outskirts\s+of|outside(?:\s+of)?|near|close\s+to"
    r"|(?:" + _DIRECTIONS + r")\s+of)\s+(?=(?:the\s+|THE\s+)?[A-Z])"
    r")\s*"
)
# "Yaqshid district of Mogadishu", "Kalasabz locality of Ghazni city": X inside Y
_PART_OF = re.compile(
    r"(\b[A-Z][^\s,]*\s+(?i:district|area|locality|neighbou?rhood|suburb|quarter|village|town))"
    r"\s+(?i:of)\s+(?=[A-Z])"
)
_OUTER = " \t\n\"'“”‘’.,;:!?()[]"
_DESCRIPTOR_WORDS = frozenset(
    "the a an capital city town village province region country port border area district "
    "state provincial regional northern southern eastern western central restive volatile "
    "troubled war torn neighbouring neighboring home hometown native some about around nearly "
    "roughly approximately just km kms kilometers kilometres miles mi meters metres m".split()
)
_SUPPORT_NEEDS = 100_000  # a common-word town smaller than this needs support
# Smallest unsupported town believed, matched by (its own name, an alternate name):
_FLOORS = (5_000, 50_000)  # the article names no country
_FLOORS_OUTSIDE_CONTEXT = (100_000, 300_000)  # the town is in none of the article's countries
_NEAR_KM = 150.0
_AREA_BONUS = 1.0  # "Taltizapan, Morelos": the state, not a town called Morelos


@dataclass(frozen=True, slots=True)
class _Context:
    countries: tuple[str, ...]
    near: tuple[float, float] | None
    container: Place | None
    city_container: bool  # the container is a town (or an admin1 that is a city)
    for_container: bool = False  # resolving the "Y" of "X, Y": an area is likelier than a town


@dataclass(frozen=True, slots=True)
class _Match:
    place: Place
    precision: PlacePrecision
    name: str | None = None


def resolve_phrase(
    gazetteer: "Gazetteer",
    text: str,
    *,
    context_countries: Sequence[str] = (),
    near: tuple[float, float] | None = None,
) -> Location | None:
    """Resolve ``text`` (a place phrase) to a Location, or None; see the module doc for rules.

    ``context_countries`` are ISO 3166-1 alpha-2 codes (country names are accepted too)
    of the countries the article names, most salient first.
    """
    phrase = text.strip(_OUTER)
    if not phrase:
        return None
    countries = _context_codes(gazetteer, context_countries)
    phrase = _PART_OF.sub(r"\1, ", phrase)
    parts = [cleaned for cleaned in (_clean(part) for part in _SPLIT.split(phrase)) if cleaned]
    if not parts:
        return None

    container: Place | None = None
    while len(parts) > 1:
        outer = parts.pop()
        found = _match(gazetteer, outer, _context(gazetteer, countries, near, container, for_container=True))
        if found is not None:
            container = found.place
    head = parts[0]
    if container is not None and _is_descriptor(gazetteer, head):  # "20 km", "the Afghan capital"
        return _location(container, container.precision, None, text, countries)

    context = _context(gazetteer, countries, near, container)
    found = _match(gazetteer, head, context)
    if found is not None:
        return _location(found.place, found.precision, found.name, text, countries)
    return _unknown(gazetteer, head, text, container, countries)


# ---------------------------------------------------------------------- phrase shape


def _clean(part: str) -> str:
    part = part.strip(_OUTER)
    while True:
        stripped = _LEAD.sub("", part, count=1)
        if stripped == part or not stripped.strip():
            return part.strip(_OUTER)
        part = stripped.strip(_OUTER)


def _variants(part: str) -> list[str]:
    """The part as written, without "the", and without a leading direction adjective."""
    variants = [part]
    without_the = _THE.sub("", part)
    if without_the != part and without_the:
        variants.append(without_the)
    for base in list(variants):
        without_direction = _DIRECTION_ADJECTIVE.sub("", base)
        if without_direction != base and without_direction and without_direction not in variants:
            variants.append(without_direction)
    return variants


def _display(words: str) -> str:
    """A name from the text, title-cased when it came in capitals ("BAGHOUZ" -> "Baghouz")."""
    return words.title() if words.isupper() else words


def _is_descriptor(gazetteer: "Gazetteer", part: str) -> bool:
    """True for "the Afghan capital", "the northern town": words but no name."""
    words = normalize_name(part).split()
    return bool(words) and all(
        word in _DESCRIPTOR_WORDS or word.isdigit() or gazetteer.is_demonym(word) for word in words
    )


def _context_codes(gazetteer: "Gazetteer", values: Sequence[str]) -> tuple[str, ...]:
    codes: list[str] = []
    for value in values:
        if not value:
            continue
        if len(value) == 2 and value.isalpha():
            code = value.upper()
        else:
            place = gazetteer.country(value)
            if place is None:
                continue
            code = place.country_code
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def _context(
    gazetteer: "Gazetteer",
    countries: tuple[str, ...],
    near: tuple[float, float] | None,
    container: Place | None,
    *,
    for_container: bool = False,
) -> _Context:
    city_container = container is not None and (
        container.kind == "city" or gazetteer.is_city_division(container)
    )
    return _Context(countries, near, container, city_container, for_container)


# ---------------------------------------------------------------------- matching


def _match(gazetteer: "Gazetteer", part: str, context: _Context) -> _Match | None:
    for variant in _variants(part):
        key = normalize_name(variant)
        if not key:
            continue
        candidates = gazetteer.candidates(variant)
        if candidates:
            best = _choose(gazetteer, key, candidates, context, typed=False)
            if best is not None:
                return _Match(best.place, best.place.precision)
        split = split_type_word(key)
        if split is not None:
            found = _typed(gazetteer, split[0], ADMIN_TYPE_WORDS[split[1]], variant, context)
            if found is not None:
                return found
    return None


def _typed(
    gazetteer: "Gazetteer", base: str, level: str, variant: str, context: _Context
) -> _Match | None:
    """Resolve "<base> <type word>" where the type word says which kind of place it is."""
    candidates = gazetteer.candidates(base)
    if not candidates:
        return None
    if level in ("admin1", "region"):
        for kind in ("admin1", "region"):
            of_kind = [c for c in candidates if c.place.kind == kind]
            # "the Moscow region" is the oblast, not the federal city of Moscow
            of_kind.sort(key=lambda c: gazetteer.is_city_division(c.place))
            best = _choose(gazetteer, base, of_kind, context, typed=True, keep_order=True)
            if best is not None:
                return _Match(best.place, best.place.precision)
        towns = [c for c in candidates if c.place.kind == "city"]
        best = _choose(gazetteer, base, towns, context, typed=True)
        if best is not None and best.place.admin1_code:
            around = gazetteer.admin1_place(best.place.country_code, best.place.admin1_code)
            if around is not None:
                return _Match(around, "province")
        return None
    towns = [c for c in candidates if c.place.kind == "city"]
    best = _choose(gazetteer, base, towns, context, typed=True)
    if best is not None:
        if level == "district":
            return _Match(best.place, "district", _display(variant))
        return _Match(best.place, "town")
    if level == "district":  # counties of Kenya, districts of Libya are admin1 divisions
        divisions = [c for c in candidates if c.place.kind == "admin1"]
        best = _choose(gazetteer, base, divisions, context, typed=True)
        if best is not None:
            return _Match(best.place, "province")
    return None


def _inside(place: Place, context: _Context) -> int:
    """How well ``place`` lies inside the phrase's container: 2 inside, 1 same country, 0 not."""
    container = context.container
    if container is None:
        return 0
    same_country = bool(container.country_code) and (
        place.country_code == container.country_code or container.country_code in place.countries
    )
    if not same_country and container.countries:
        same_country = place.country_code in container.countries
    if container.kind == "country":
        return 2 if same_country else 0
    if container.kind == "admin1" and not context.city_container:
        if same_country and place.admin1_code == container.admin1_code and place is not container:
            return 2
    elif container.kind == "region" and not same_country:
        return 0
    if distance_km((place.lat, place.lon), (container.lat, container.lon)) <= _NEAR_KM:
        return 2
    return 1 if same_country else 0


def _in_context(place: Place, context: _Context) -> bool:
    if not context.countries:
        return False
    return place.country_code in context.countries or any(c in context.countries for c in place.countries)


def _near(place: Place, context: _Context) -> int:
    if context.near is None:
        return 0
    km = distance_km((place.lat, place.lon), context.near)
    return 2 if km <= 50 else 1 if km <= 300 else 0


def _choose(
    gazetteer: "Gazetteer",
    key: str,
    candidates: Sequence[Candidate],
    context: _Context,
    *,
    typed: bool,
    keep_order: bool = False,
) -> Candidate | None:
    """The best candidate, or None when the best one is not believable without support."""
    if not candidates:
        return None
    if keep_order:
        ranked = sorted(
            candidates,
            key=lambda c: (_inside(c.place, context), _in_context(c.place, context), _near(c.place, context)),
            reverse=True,
        )
    else:
        ranked = sorted(
            candidates,
            key=lambda c: (
                _inside(c.place, context),
                _in_context(c.place, context),
                _near(c.place, context),
                c.prominence + (_AREA_BONUS if context.for_container and c.place.kind == "admin1" else 0.0),
            ),
            reverse=True,
        )
    best = ranked[0]
    place = best.place
    inside = _inside(place, context)
    if context.container is not None and inside < 2:
        return None  # the phrase says "X, Y" but no X lies inside Y
    in_context = _in_context(place, context)
    if typed and context.countries and not in_context and inside == 0 and best.quality > 0:
        return None  # "Samar province" in a Philippine story is not Samara Oblast (alias "Samar")
    supported = inside > 0 or in_context or _near(place, context) > 0 or typed
    if not supported and _needs_support(gazetteer, key, place):
        return None
    if not supported and place.kind == "city":
        floors = _FLOORS_OUTSIDE_CONTEXT if context.countries else _FLOORS
        if place.population < floors[min(best.quality, 1)]:
            return None
    return best


def _needs_support(gazetteer: "Gazetteer", key: str, place: Place) -> bool:
    if key in gazetteer.context_names:
        return True
    return key in gazetteer.scan_stopwords and place.kind == "city" and place.population < _SUPPORT_NEEDS


# ---------------------------------------------------------------------- results


def _location(
    place: Place,
    precision: PlacePrecision,
    name: str | None,
    text: str,
    countries: tuple[str, ...],
) -> Location:
    country: tuple[str, str] | None = None
    if len(place.countries) > 1:
        chosen = next((c for c in countries if c in place.countries), None)
        country = (chosen, "") if chosen else ("", "")
    location = place.to_location(text, name=name, precision=precision, country=country)
    return location


def _unknown(
    gazetteer: "Gazetteer",
    head: str,
    text: str,
    container: Place | None,
    countries: tuple[str, ...],
) -> Location | None:
    """A name the gazetteer does not know, placed in the best containing area there is."""
    key = normalize_name(head)
    if not key or not _looks_like_a_name(gazetteer, head, key, allow_facility=container is not None):
        return None
    split = split_type_word(key)
    district = split is not None and ADMIN_TYPE_WORDS[split[1]] == "district"
    if container is not None:
        precision: PlacePrecision = (
            "district" if district and container.kind in ("admin1", "city") else container.precision
        )
        return Location(
            name=_display(head),
            admin1=container.admin1,
            country=container.country or None,
            country_code=container.country_code or None,
            lat=container.lat,
            lon=container.lon,
            precision=precision,
            text=text,
            geonameid=None,
        )
    if not countries:
        return None
    country = gazetteer.country_place(countries[0])
    if country is None:
        return None
    return Location(
        name=_display(head),
        admin1=None,
        country=country.country,
        country_code=country.country_code,
        lat=country.lat,
        lon=country.lon,
        precision="country",
        text=text,
        geonameid=None,
    )


def _looks_like_a_name(gazetteer: "Gazetteer", head: str, key: str, *, allow_facility: bool) -> bool:
    words = key.split()
    if not words or len(words) > 4 or any(ch.isdigit() for ch in head):
        return False
    if not head[:1].isupper():
        return False
    if head.isupper() and len(head) <= 5 and " " not in head:
        return False  # an acronym ("ISIS", "ISKP") is an organisation, not a place
    if key in gazetteer.context_names or key in gazetteer.scan_stopwords:
        return False
    if gazetteer.is_demonym(key) or gazetteer.country(head) is not None:
        return False
    if not allow_facility and any(word in gazetteer.facility_words for word in words):
        return False
    return True
