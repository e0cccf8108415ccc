"""Resolve a place phrase as found in an article ("near Moscow", "Andar district, Ghazni
province", "Kawuri, a village in Konduga local government area of Borno State") to a
:class:`sitrep.model.Location`.

The phrase is read first, then each part is matched, outermost first:

1. Shape (:mod:`sitrep.gazetteer.phrase`). Relational words are dropped ("near", "20 km
   north of", "the rural area of"); a possessive names the container ("Somalia's Gedo
   region" is "Gedo region, Somalia"); "X <type word> of Y" is "X <type word>, Y"; commas,
   brackets, "in", "near", "outside" separate the parts; parts without a name ("a village",
   "the Afghan capital") are dropped. A direction adjective ("northern Nigeria") is dropped
   only if the part is not itself a name ("North Waziristan", "South Sudan").
2. Containers. "X, Y" means X inside (or by) Y: Y is resolved first (a country, admin1,
   district, region or town; an admin1 is preferred to a town of the same name) and X must
   lie inside it (same country for a country; same admin1, or within ~150 km, for an admin1,
   district, region or town). A part the gazetteer does not know is skipped.
3. Type words say what a part is: "Ghazni province", "Moscow Oblast", "the Kaluga region"
   -> admin1 (precision province; an admin1 that is a city, such as the federal city of
   Moscow, only if nothing else fits; then a district, for Burkina Faso's provinces ("Soum
   province"); then the admin1 around the town of that name); "Andar district", "Tame
   municipality" -> the district (a GeoNames admin2 division), else the town of that name
   at precision district; "Kandahar city" -> the town. A phrase with a type word prefers an
   admin1 in the article's countries to a region over several countries ("the Sahel
   region" in a story from Burkina Faso is its Sahel region).
4. Among places sharing a name (see :func:`_rank`): inside the phrase's container first;
   then the article's countries (``context_countries``, most named first) -- a place in the
   first of them wins unless a well-known place outside them is at least twenty times more
   populous, a place in a later one unless three times ("Paris" in a story about Moscow
   that also names the United States is Paris, France; "Georgia" in an American story is
   the state; "Manchester" in an American story is Manchester, New Hampshire); then near
   ``near``; then the most prominent (population, a country over a town, a town over an
   admin1 of the same name unless it is twenty times smaller, an exact name over an
   alternate).
5. Belief. A name needs support (container, article country, nearby point or type word)
   when it is mostly something else in news copy ("Reading", "Police", "Victoria": the
   ``context_names`` list, or a common English word naming a town under 100,000 people).
   An unsupported town or district must have 5,000 people (50,000 when matched by an
   alternate name) when the article names no country -- a bare village name is more often
   a different village -- and, when the article names countries and the place is in none
   of them, 200,000 (500,000): a person's name mis-tagged as a place ("Hassan" in a Somali
   story) must not become a town in India. A type word does not lift the second floor
   ("Soum province" in a story from Burkina Faso is not the admin1 around Soum, Senegal),
   and an admin1 outside the article's countries must be matched by its own name.
6. A name the gazetteer does not know is placed only in a container the phrase itself
   names, at the container's point: "Baghouz, Deir ez-Zor province" -> Baghouz in Deir
   ez-Zor at precision province; "Kawuri, Konduga district, Borno state" -> Kawuri in Borno
   at precision district (at Konduga, the district's seat); "Koutougou, a village in Soum
   province" -> Koutougou in Sahel at precision district (Soum is a district). Precision
   is district when the container is a district or town, or when the name is itself a
   district ("Qalabad district, Ghazni province"). A bare unknown name ("Ariana",
   "Taliban") gives None: the article's country is not a location. A facility or a
   description in a container ("Crocus City Hall, Krasnogorsk", "a mosque near Bannu's main
   bazaar") gives the container; a facility alone gives the town its name contains
   ("Kabul airport"), see :func:`facility_location`.
7. Seas, gulfs, straits and lakes between countries ("the Red Sea", "the Gulf of Aden") are
   regions with no country, and win over a division of the same name unless a type word or
   container says otherwise ("Red Sea state", "Red Sea, Sudan").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Sequence

from sitrep.model import Location, PlacePrecision

from .normalize import ADMIN_TYPE_WORDS, normalize_name, split_type_word
from .phrase import bare_name, shown_name, split_phrase, variants
from .place import Candidate, Place, distance_km

if TYPE_CHECKING:
    from .index import Gazetteer

__all__ = ["facility_location", "resolve_phrase"]

_SUPPORT_NEEDS = 100_000  # a common-word town smaller than this needs support
# Smallest unsupported town believed, matched by (its own name, an alternate name):
_FLOORS = (5_000, 50_000)  # the article names no country
_FLOORS_OUTSIDE_CONTEXT = (200_000, 500_000)  # the town is in none of the article's countries
# A place in the article's first country (later countries) keeps its rank unless a place
# outside them is this many times more populous:
_CONTEXT_FACTORS = (20.0, 3.0)
_NEAR_KM = 150.0
_AREA_BONUS = 1.0  # "Taltizapan, Morelos": the state, not a town called Morelos
_TOWN_PRECISIONS: frozenset[str] = frozenset({"town", "district", "point"})
# Kinds believed by population, like towns: a district is no better known than its towns.
_SETTLEMENTS: frozenset[str] = frozenset({"city", "district"})


@dataclass(frozen=True, slots=True)
class _Match:
    """A part of a phrase matched to a gazetteer entry, at the precision the phrase gives it."""

    place: Place
    precision: PlacePrecision
    name: str | None = None


@dataclass(frozen=True, slots=True)
class _Context:
    countries: tuple[str, ...]
    near: tuple[float, float] | None
    container: Place | None
    city_container: bool  # the container is a town (or an admin1 that is a city)
    for_container: bool = False  # resolving the "Y" of "X, Y": an area is likelier than a town


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
    parts = split_phrase(text, gazetteer.is_demonym)
    if not parts:
        return None
    countries = _context_codes(gazetteer, context_countries)
    container = _containers(gazetteer, parts[1:], countries, near)
    head = parts[0]
    found = _match(gazetteer, head, _context(gazetteer, countries, near, container))
    if found is not None:
        return _location(found, text, countries)
    if _is_facility(gazetteer, head):  # "Kabul airport"; "Crocus City Hall, Krasnogorsk": the town
        return _facility(gazetteer, head, countries, container, text)
    if container is None:
        return None  # an unknown bare name: the article's country is not its location
    if not _looks_like_a_name(gazetteer, head):
        return _location(container, text, countries)
    return _placed_inside(head, container, text, countries)


def facility_location(
    gazetteer: "Gazetteer",
    text: str,
    *,
    context_countries: Sequence[str] = (),
) -> Location | None:
    """The town (or admin1) a facility's name contains, or that its phrase places it in.

    "the Manchester Arena" -> Manchester; "Kabul airport" -> Kabul; "the Russian embassy in
    Kabul" -> Kabul; "Crocus City Hall" -> None (no town is named). Facility words
    (``facility_words``), demonyms and runs of common words ("Grand", "Central", "Abbey")
    are never taken for the town; the town is believed under the same rules as
    :func:`resolve_phrase` (article countries, population floors). Location.text is ``text``.
    """
    parts = split_phrase(text, gazetteer.is_demonym)
    if not parts:
        return None
    countries = _context_codes(gazetteer, context_countries)
    container = _containers(gazetteer, parts[1:], countries, None)
    return _facility(gazetteer, parts[0], countries, container, text)


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
    container: _Match | None,
    *,
    for_container: bool = False,
) -> _Context:
    place = container.place if container is not None else None
    city_container = place is not None and (place.kind == "city" or gazetteer.is_city_division(place))
    return _Context(countries, near, place, city_container, for_container)


def _containers(
    gazetteer: "Gazetteer",
    outer_parts: Sequence[str],
    countries: tuple[str, ...],
    near: tuple[float, float] | None,
) -> _Match | None:
    """The innermost container the parts after the first one name ("X, Y, Z": Y inside Z)."""
    container: _Match | None = None
    for part in reversed(outer_parts):
        found = _match(gazetteer, part, _context(gazetteer, countries, near, container, for_container=True))
        if found is not None:
            container = found
    return container


# ---------------------------------------------------------------------- matching


def _match(gazetteer: "Gazetteer", part: str, context: _Context) -> _Match | None:
    for variant in variants(part):
        key = normalize_name(variant)
        if not key:
            continue
        split = split_type_word(key)
        level = ADMIN_TYPE_WORDS[split[1]] if split is not None else None
        candidates = gazetteer.candidates(variant)
        if candidates:
            best = _choose(gazetteer, key, candidates, context, typed=False)
            if best is not None:
                if split is not None and level in ("admin1", "region") and len(best.place.countries) > 1:
                    # "the Sahel region" in a story from Burkina Faso: its Sahel region
                    division = _typed(gazetteer, split[0], level, variant, context)
                    if division is not None and division.place.kind == "admin1" and (
                        _in_context(division.place, context) or _inside(division.place, context) >= 2
                    ):
                        return division
                return _Match(best.place, best.place.precision)
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
        # "Soum province": Burkina Faso's provinces are second-level divisions (districts)
        for kind in ("admin1", "region", "district"):
            of_kind = [c for c in candidates if c.place.kind == kind]
            # "the Moscow region" is the oblast, not the federal city of Moscow
            of_kind.sort(key=lambda c: gazetteer.is_city_division(c.place))
            best = _choose(gazetteer, base, of_kind, context, typed=True, keep_order=kind != "district")
            if best is not None:
                return _Match(best.place, best.place.precision)
        # "the Kaluga region" when no admin1 carries the town's name: the admin1 around it
        towns = [c for c in candidates if c.place.kind == "city"]
        best = _choose(gazetteer, base, towns, context, typed=True)
        if best is not None and best.place.admin1_code:
            around = gazetteer.admin1_place(best.place.country_code, best.place.admin1_code)
            if around is not None:
                return _Match(around, "province")
        return None
    if level == "district":
        districts = [c for c in candidates if c.place.kind == "district"]
        best = _choose(gazetteer, base, districts, context, typed=True)
        if best is not None:
            return _Match(best.place, "district")
    towns = [c for c in candidates if c.place.kind == "city"]
    best = _choose(gazetteer, base, towns, context, typed=True)
    if best is not None:  # "Bannu district", "Tame municipality": the district of its seat
        return _Match(best.place, "district" if level == "district" else "town")
    if level == "district":  # counties of Kenya, districts of Libya are admin1 divisions
        divisions = [c for c in candidates if c.place.kind == "admin1"]
        best = _choose(gazetteer, base, divisions, context, typed=True)
        if best is not None:
            return _Match(best.place, "province")
    return None


def _inside(place: Place, context: _Context) -> int:
    """How well ``place`` lies inside the phrase's container: 3 in its admin1, 2 inside (or
    within ~150 km of a town, district or region), 1 same country, 0 not."""
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
            return 3  # "Arghandab district (Zabul)": Zabul's, not Kandahar's
    elif container.kind in ("region", "water") and not same_country:
        return 0
    if distance_km((place.lat, place.lon), (container.lat, container.lon)) <= _NEAR_KM:
        return 2
    return 1 if same_country else 0


def _context_rank(place: Place, countries: tuple[str, ...]) -> int | None:
    """The position of the place's country among the article's countries, or None."""
    if place.country_code in countries:
        return countries.index(place.country_code)
    ranks = [countries.index(code) for code in place.countries if code in countries]
    return min(ranks) if ranks else None


def _in_context(place: Place, context: _Context) -> bool:
    return bool(context.countries) and _context_rank(place, context.countries) is not None


def _near(place: Place, context: _Context) -> int:
    if context.near is None:
        return 0
    km = distance_km((place.lat, place.lon), context.near)
    return 2 if km <= 50 else 1 if km <= 300 else 0


def _weight(candidate: Candidate) -> float:
    """Population, an alternate name counting a tenth (a derived name a hundredth)."""
    return max(candidate.place.population, 1) / 10.0**candidate.quality


def _famous(candidate: Candidate) -> bool:
    """A place believed without any support: an area, or a large town."""
    place = candidate.place
    if place.kind not in _SETTLEMENTS:
        return not place.historical
    return place.population >= _FLOORS_OUTSIDE_CONTEXT[min(candidate.quality, 1)]


def _context_tiers(candidates: Sequence[Candidate], context: _Context, *, typed: bool) -> list[int]:
    """2 in the article's first country, 1 in a later one, 0 outside them (or dwarfed).

    A place in the article's countries is dwarfed, and loses its tier, when a well-known
    place outside them is _CONTEXT_FACTORS times more populous: "Paris" is not Paris, Texas
    because the article also names the United States. A name with a type word is not
    dwarfed: "Santiago town" in a Mexican story is not the capital of Chile. A sea counts as
    in every context, and a country as in a later one ("Georgia" in a Russian story that
    names the United States).
    """
    countries = context.countries
    if not countries:
        return [2 if c.place.kind == "water" else 0 for c in candidates]
    ranks = [_context_rank(c.place, countries) for c in candidates]
    outside = 0.0 if typed else max(
        (_weight(c) for c, rank in zip(candidates, ranks, strict=True) if rank is None and _famous(c)), default=0.0
    )
    tiers = []
    for candidate, rank in zip(candidates, ranks, strict=True):
        if candidate.place.kind == "water":
            tiers.append(2)
        elif rank is None and candidate.place.kind == "country" and not candidate.place.historical:
            tiers.append(1)  # "Georgia" beats the US state unless the story is American
        elif rank is None or outside >= _CONTEXT_FACTORS[min(rank, 1)] * _weight(candidate):
            tiers.append(0)
        else:
            tiers.append(2 if rank == 0 else 1)
    return tiers


def _rank(
    candidates: Sequence[Candidate], context: _Context, *, typed: bool, keep_order: bool
) -> list[Candidate]:
    """Candidates best first: inside the container, article countries, near, prominence."""
    tiers = _context_tiers(candidates, context, typed=typed)

    def key(item: tuple[int, Candidate]) -> tuple[int, int, int, float]:
        index, candidate = item
        place = candidate.place
        prominence = 0.0
        if not keep_order:
            prominence = candidate.prominence
            if context.for_container and place.kind == "admin1":
                prominence += _AREA_BONUS
        return (_inside(place, context), tiers[index], _near(place, context), prominence)

    return [c for _, c in sorted(enumerate(candidates), key=key, reverse=True)]


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
    best = _rank(candidates, context, typed=typed, keep_order=keep_order)[0]
    place = best.place
    inside = _inside(place, context)
    if context.container is not None and inside < 2:
        return None  # the phrase says "X, Y" but no X lies inside Y
    in_context = _in_context(place, context)
    if typed and context.countries and not in_context and inside == 0 and best.quality > 0:
        return None  # "Samar province" in a Philippine story is not Samara Oblast (alias "Samar")
    if inside > 0 or in_context or _near(place, context) > 0 or place.kind == "water":
        return best
    if not typed and _needs_support(gazetteer, key, place):
        return None
    if place.kind in _SETTLEMENTS:
        if context.countries:  # "Hassan" in a Somali story is not Hassan, India
            if place.population < _FLOORS_OUTSIDE_CONTEXT[min(best.quality, 1)]:
                return None
        elif not typed and place.population < _FLOORS[min(best.quality, 1)]:
            return None
    elif place.kind == "admin1" and context.countries and best.quality > 0:
        return None  # "Ariana" in a Russian story is not L'Ariana governorate (alias "Ariana")
    return best


def _needs_support(gazetteer: "Gazetteer", key: str, place: Place) -> bool:
    if key in gazetteer.context_names:
        return True
    if key not in gazetteer.scan_stopwords:
        return False
    return place.kind in _SETTLEMENTS and place.population < _SUPPORT_NEEDS


# ---------------------------------------------------------------------- facilities


_RUN_BREAKERS = frozenset("the of and for in at on de des du la le del al el".split())
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


def _is_facility(gazetteer: "Gazetteer", part: str) -> bool:
    return any(word in gazetteer.facility_words for word in normalize_name(part).split())


def _name_runs(gazetteer: "Gazetteer", part: str) -> list[str]:
    """Names a facility's words may hold, longest first in each run of capitalised words:
    "Kabul International Airport" -> "Kabul International", "Kabul"."""
    caps = part.isupper()
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _WORD.finditer(part):
        word = match.group()
        key = normalize_name(word)
        if (
            (caps or word[0].isupper())
            and key not in _RUN_BREAKERS
            and key not in gazetteer.facility_words
            and not gazetteer.is_demonym(key)
        ):
            current.append(match)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    names = []
    for run in runs:
        for end in range(len(run), 0, -1):
            name = part[run[0].start() : run[end - 1].end()]
            words = normalize_name(name).split()
            if all(w in gazetteer.scan_stopwords or w in gazetteer.context_names for w in words):
                continue  # "Grand Mosque", "Abbey Gate": common words, not a town
            names.append(name)
    return names


def _facility(
    gazetteer: "Gazetteer",
    head: str,
    countries: tuple[str, ...],
    container: _Match | None,
    text: str,
) -> Location | None:
    """The town a facility's name holds (inside the container when there is one), else the
    container, else None."""
    context = _context(gazetteer, countries, None, container)
    for name in _name_runs(gazetteer, head):
        found = _match(gazetteer, name, context)
        if found is not None and found.place.kind in ("city", "admin1", "region"):
            return _location(found, text, countries)
    return _location(container, text, countries) if container is not None else None


# ---------------------------------------------------------------------- results


def _location(found: _Match, text: str, countries: tuple[str, ...]) -> Location:
    place = found.place
    country: tuple[str, str] | None = None
    if len(place.countries) > 1:
        chosen = next((c for c in countries if c in place.countries), None)
        country = (chosen, "") if chosen else ("", "")
    return place.to_location(text, name=found.name, precision=found.precision, country=country)


def _placed_inside(head: str, container: _Match, text: str, countries: tuple[str, ...]) -> Location:
    """A name the gazetteer does not know, at its container's coordinates.

    Precision: ``district`` when the container is a town or district, or when the name is
    itself a district ("Andar district, Ghazni province"); else the container's.
    """
    name = bare_name(head)
    split = split_type_word(normalize_name(name))
    names_district = split is not None and ADMIN_TYPE_WORDS[split[1]] == "district"
    precision = container.precision
    if precision in _TOWN_PRECISIONS or (names_district and precision == "province"):
        precision = "district"
    located = _location(container, text, countries)
    return replace(located, name=shown_name(name), precision=precision, geonameid=None)


def _looks_like_a_name(gazetteer: "Gazetteer", head: str) -> bool:
    key = normalize_name(head)
    words = key.split()
    if not words or len(words) > 4 or any(ch.isdigit() for ch in head):
        return False
    if head.isupper() and len(head) <= 5 and " " not in head:
        return False  # an acronym ("ISIS", "ISKP") is an organisation, not a place
    if key in gazetteer.context_names or key in gazetteer.scan_stopwords:
        return False
    return not (gazetteer.is_demonym(key) or gazetteer.country(head) is not None)
