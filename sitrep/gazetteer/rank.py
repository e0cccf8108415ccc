"""Ranking and belief: which of the places sharing a name a phrase means, and whether to
believe it at all (see rules 2, 4 and 5 of :mod:`sitrep.gazetteer.resolve`).

A :class:`Context` carries what the phrase and the article say around a name: the
article's countries, a point, the container the phrase names. :func:`rank` orders the
candidates (inside the container, then the article's countries, then near the point, then
prominence) and :func:`choose` keeps the best one if it can be believed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from sitrep.model import PlacePrecision

from .normalize import normalize_name, spelling_variants, strip_article
from .place import Candidate, Place, distance_km

if TYPE_CHECKING:
    from .index import Gazetteer

__all__ = [
    "Context",
    "Match",
    "SETTLEMENTS",
    "admin1_container",
    "believe_loose",
    "choose",
    "in_context",
    "inside",
    "near",
    "rank",
]

_SUPPORT_NEEDS = 100_000  # a common-word town smaller than this needs support
# Smallest unsupported town believed, matched by (its own name, an alternate name):
_FLOORS = (5_000, 50_000)  # the article names no country
_FLOORS_OUTSIDE_CONTEXT = (200_000, 500_000)  # the town is in none of the article's countries
# A place in the article's first country (later countries) keeps its rank unless a place
# outside them is this many times more populous:
_CONTEXT_FACTORS = (20.0, 3.0)
_NEAR_KM = 150.0
_AREA_BONUS = 1.0  # "Taltizapan, Morelos": the state, not a town called Morelos
# A district with no town of its name inside it ranks as a town would: "Somerset" is the
# English county, not Somerset, New Jersey (a district otherwise needs a hundred times a town's
# population to outrank it, as "Juárez" the municipality must not outrank Ciudad Juárez in it)
_COUNTY_BONUS = 1.0
_SEAT_KM = 50.0
# Kinds believed by population, like towns: a district is no better known than its towns.
SETTLEMENTS: frozenset[str] = frozenset({"city", "district"})

# A loose (transliteration-blind) match with no support needs a skeleton this long, and a
# town this many people.
_LOOSE_UNSUPPORTED_LENGTH = 5
_LOOSE_TOWN_FLOOR = 100_000


@dataclass(frozen=True, slots=True)
class Match:
    """A part of a phrase matched to a gazetteer entry, at the precision the phrase gives it."""

    place: Place
    precision: PlacePrecision
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What the phrase and the article say around the name being matched."""

    countries: tuple[str, ...]
    near: tuple[float, float] | None
    container: Place | None
    city_container: bool  # the container is a town (or an admin1 that is a city)
    for_container: bool = False  # resolving the "Y" of "X, Y": an area is likelier than a town
    # "Jaghatu district, Ghazni province": a district named with its province lies in it, by
    # its admin1 code, not merely near it (Wardak's Jaghatu is not Ghazni's)
    strict: bool = False


def admin1_container(context: Context) -> bool:
    """Whether the phrase's container is an admin1 division that is not a city."""
    container = context.container
    return container is not None and container.kind == "admin1" and not context.city_container


def believe_loose(place: Place, context: Context, length: int) -> bool:
    """Whether a place matched by its skeleton (``length`` letters) may be believed."""
    if context.container is not None:
        # in the province the phrase names, not merely near it ("Mbonge, Southwest Region"
        # is not Mbanga, Littoral)
        return inside(place, context) >= (3 if admin1_container(context) else 2)
    if in_context(place, context) or near(place, context) > 0:
        return True
    if context.countries or length < _LOOSE_UNSUPPORTED_LENGTH:
        return False  # "Mishahda" is not Mashhad, "Pinochet" not Panchet
    if place.kind in SETTLEMENTS:
        return place.kind == "city" and place.population >= _LOOSE_TOWN_FLOOR
    return not place.historical


def inside(place: Place, context: Context) -> int:
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
        if context.strict and place.kind in SETTLEMENTS:
            return 1 if same_country else 0  # "Jaghatu district, Ghazni province": not Wardak's
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


def in_context(place: Place, context: Context) -> bool:
    return bool(context.countries) and _context_rank(place, context.countries) is not None


def near(place: Place, context: Context) -> int:
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
    if place.kind not in SETTLEMENTS:
        return not place.historical
    return place.population >= _FLOORS_OUTSIDE_CONTEXT[min(candidate.quality, 1)]


def _context_tiers(candidates: Sequence[Candidate], context: Context, *, typed: bool) -> list[int]:
    """2 in the article's first country, 1 in a later one, 0 outside them (or dwarfed).

    A place in the article's countries is dwarfed, and loses its tier, when a well-known
    place in another country (listed or not) is _CONTEXT_FACTORS times more populous:
    "Paris" is not Paris, Texas because the article also names the United States, nor
    Parizh in Chelyabinsk because it is mostly about Russia. A name with a type word is not
    dwarfed: "Santiago town" in a Mexican story is not the capital of Chile. A sea counts as
    in every context, and a country as in a later one ("Georgia" in a Russian story that
    names the United States).
    """
    countries = context.countries
    if not countries:
        return [2 if c.place.kind == "water" else 0 for c in candidates]
    ranks = [_context_rank(c.place, countries) for c in candidates]

    def rival(position: int | None) -> float:
        """The weight of the best-known place in another country than ``position``'s."""
        if typed:
            return 0.0
        return max(
            (_weight(c) for c, p in zip(candidates, ranks, strict=True) if p != position and _famous(c)),
            default=0.0,
        )

    tiers = []
    for candidate, position in zip(candidates, ranks, strict=True):
        if candidate.place.kind == "water":
            tiers.append(2)
        elif position is None and candidate.place.kind == "country" and not candidate.place.historical:
            tiers.append(1)  # "Georgia" beats the US state unless the story is American
        elif position is None or rival(position) >= _CONTEXT_FACTORS[min(position, 1)] * _weight(candidate):
            tiers.append(0)  # dwarfed: "Paris" in a Russian story is still Paris, France
        else:
            tiers.append(2 if position == 0 else 1)
    return tiers


def rank(
    candidates: Sequence[Candidate],
    context: Context,
    *,
    typed: bool,
    keep_order: bool,
    dwarf: bool = True,
) -> list[Candidate]:
    """Candidates best first: inside the container, article countries, near, prominence.

    ``dwarf=False`` keeps a place in the article's countries ahead of a famous namesake
    outside them, as a type word does ("Palma District" in a story from Mozambique)."""
    tiers = _context_tiers(candidates, context, typed=typed or not dwarf)
    counties = set() if keep_order else {
        id(c) for c in candidates if c.place.kind == "district" and not _has_seat(c.place, candidates)
    }

    def key(item: tuple[int, Candidate]) -> tuple[int, int, int, float]:
        index, candidate = item
        place = candidate.place
        prominence = 0.0
        if not keep_order:
            prominence = candidate.prominence
            if context.for_container and place.kind == "admin1":
                prominence += _AREA_BONUS
            if id(candidate) in counties:
                prominence += _COUNTY_BONUS
        return (inside(place, context), tiers[index], near(place, context), prominence)

    return [c for _, c in sorted(enumerate(candidates), key=key, reverse=True)]


def _has_seat(district: Place, candidates: Sequence[Candidate]) -> bool:
    """Whether a town among the candidates (so sharing the district's name, or nearly) lies
    in the district: "Juárez" the municipality holds Ciudad Juárez."""
    return any(
        c.place.kind == "city" and c.place.country_code == district.country_code
        and distance_km((c.place.lat, c.place.lon), (district.lat, district.lon)) <= _SEAT_KM
        for c in candidates
    )


def choose(
    gazetteer: "Gazetteer",
    key: str,
    candidates: Sequence[Candidate],
    context: Context,
    *,
    typed: bool,
    keep_order: bool = False,
    weak: bool = False,
    dwarf: bool = True,
) -> Candidate | None:
    """The best candidate, or None when the best one is not believable without support.

    ``weak``: the type word is "village", "town" or "city", which does not make a name
    matched by an alternate or derived name believable ("Kala village" is not El Kala)."""
    if not candidates:
        return None
    best = rank(candidates, context, typed=typed, keep_order=keep_order, dwarf=dwarf)[0]
    place = best.place
    if not typed and place.kind in SETTLEMENTS and _COMPASS_ONLY.fullmatch(key):
        return None  # "the North-east part of Diyala" names no town or district called North East
    where = inside(place, context)
    if context.container is not None and where < 2:
        return None  # the phrase says "X, Y" but no X lies inside Y
    known = in_context(place, context)
    if typed and context.countries and not known and where == 0 and best.quality > 0:
        return None  # "Samar province" in a Philippine story is not Samara Oblast (alias "Samar")
    if where > 0 or known or near(place, context) > 0 or place.kind == "water":
        return best
    if not typed and _needs_support(gazetteer, key, best):
        return None
    if place.kind in SETTLEMENTS:
        if context.countries:  # "Hassan" in a Somali story is not Hassan, India
            if place.population < _FLOORS_OUTSIDE_CONTEXT[min(best.quality, 1)]:
                return _area_instead(gazetteer, key, candidates, context, typed=typed, weak=weak, dwarf=dwarf)
        elif (not typed or (weak and best.quality > 0)) and place.population < _FLOORS[_floor_quality(key, best)]:
            # "Kala village": an alternate name is no better than a bare one
            return _area_instead(gazetteer, key, candidates, context, typed=typed, weak=weak, dwarf=dwarf)
    elif place.kind == "admin1" and context.countries and best.quality > 0:
        return None  # "Ariana" in a Russian story is not L'Ariana governorate (alias "Ariana")
    return best


def _floor_quality(key: str, candidate: Candidate) -> int:
    """0 when a town is matched by its own name or by its own name spelt another way
    ("Haditha" for Hadithah, "Kiryat Shmona" for Qiryat Shmona, "Hermel" for El Hermel), 1 for
    another name altogether ("Boni", an old name of Bonn): GeoNames lists both kinds as
    alternates, and with no country in the story a respelling is as safe as the own name."""
    if candidate.quality == 0:
        return 0
    if candidate.quality > 1:
        return 1
    own = normalize_name(candidate.place.name)
    bare_own = strip_article(own) or own
    return 0 if spelling_variants(key, own) or spelling_variants(strip_article(key) or key, bare_own) else 1


def _area_instead(
    gazetteer: "Gazetteer",
    key: str,
    candidates: Sequence[Candidate],
    context: Context,
    *,
    typed: bool,
    weak: bool,
    dwarf: bool,
) -> Candidate | None:
    """When the likeliest place of a name is a town too small to believe unsupported, the
    province or region of that name, if there is one and it can be believed: "Faryab" is
    Afghanistan's province, not a village of 4,900 people in Iran that outranks it; "Laghman"
    is the province, whose capital Mehtar Lam merely carries the name as an alternate. (A
    province's population here is only the sum of its listed towns, so towns outrank it.)
    The province must lie in one of the article's countries when it names any, in a country
    of a million people or more, and the name must be more than compass words."""
    if _COMPASS_ONLY.fullmatch(key):
        return None  # "the north-east part of Diyala" names no division called North East
    areas = [
        c for c in candidates
        if c.place.kind in _AREA_KINDS and not c.place.historical
        and gazetteer.country_population(c.place.country_code) >= _AREA_COUNTRY_FLOOR
        # in a story that names countries, only a province of one of them ("Junin" in a
        # Colombian story is neither the Argentine town nor Peru's Junín region)
        and (not context.countries or in_context(c.place, context))
    ]
    if not areas:
        return None
    return choose(gazetteer, key, areas, context, typed=typed, weak=weak, dwarf=dwarf)


#: Kinds of entry that name an area rather than a settlement (see :func:`_area_instead`).
_AREA_KINDS: frozenset[str] = frozenset({"admin1", "region"})
#: The parishes of a small state are no better known than its villages: "Douglas" is a person
#: before it is a parish of the Isle of Man, "Saint Mark" a church before a parish of Grenada.
_AREA_COUNTRY_FLOOR = 1_000_000
_COMPASS_ONLY = re.compile(r"(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s*)+")


def _needs_support(gazetteer: "Gazetteer", key: str, candidate: Candidate) -> bool:
    if key in gazetteer.context_names:
        return True
    if key not in gazetteer.scan_stopwords:
        return False
    place = candidate.place
    return place.kind in SETTLEMENTS and place.population < _SUPPORT_NEEDS
