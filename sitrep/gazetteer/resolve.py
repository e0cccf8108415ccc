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
   district, region or town). A part the gazetteer does not know is skipped. A district
   named with its province ("Jaghatu district, Ghazni province") must lie in that very
   province by its admin1 code: the stated province wins over a namesake district next
   door. When no X lies in the Y chosen, the other places named Y are tried, most
   prominent first ("San Jorge, Samar" is in Samar, Philippines, not in Samara Oblast,
   alias "Samar"; "Puerto Rico (Caqueta)" is the Colombian town). "X near Y", "X, north
   of Y" are read the same way: the result is X, never Y (see rule 6 when X is unknown).
3. Type words say what a part is: "Ghazni province", "Moscow Oblast", "the Kaluga region"
   -> admin1 (precision province; an admin1 that is a city, such as the federal city of
   Moscow, only if nothing else fits; then a district, for Burkina Faso's provinces ("Soum
   province"); then the admin1 around the town of that name); "Andar district", "Tame
   municipality" -> the district (a GeoNames admin2 division), else the town of that name
   at precision district; "Kandahar city" -> the town; "Oursi Department", "Bondo commune"
   (divisions below admin1 named after their seat) -> the town at precision district. A
   phrase with a type word prefers an admin1 in the article's countries to a region over
   several countries ("the Sahel region" in a story from Burkina Faso is its Sahel region).
   One type word may stand for another ("Kurram Agency" is GeoNames' Kurram District), and
   when the name with its type word is only an alternate ("Northwest Region" of Iceland),
   the divisions of the bare name compete with it (Cameroon's North-West region; compass
   compounds are spelled both ways), and for a district the towns too ("Yarang district"
   is the district of the town of Yarang); a type word keeps a place in the article's
   countries ahead of a famous namesake ("Palma District" in a story from Mozambique).
4. Among places sharing a name (see :func:`sitrep.gazetteer.rank.rank`): inside the
   phrase's container first; then the article's countries (``context_countries``, most
   named first) -- a place in the first of them wins unless a well-known place outside
   them is at least twenty times more populous, a place in a later one unless three times
   ("Paris" in a story about Moscow that also names the United States is Paris, France;
   "Georgia" in an American story is the state; "Manchester" in an American story is
   Manchester, New Hampshire); then near
   ``near``; then the most prominent (population, a country over a town, a town over an
   admin1 of the same name unless it is twenty times smaller, an exact name over an
   alternate).
5. Belief. A name needs support (container, article country, nearby point or type word)
   when it is mostly something else in news copy ("Reading", "Police", "Victoria", "Abu":
   the ``context_names`` list, or a common English word naming a town under 100,000
   people). "X village" with X only an alternate or derived name is believed like a bare
   name ("Kala village" is not El Kala).
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
   district ("Qalabad district, Ghazni province"); so "Sidi Faraj near Benghazi" is Sidi
   Faraj, in Benghazi's admin1 at Benghazi's point, precision district. A piece of a town
   ("the Wedio Area near Mogadishu", "Yaqshid district of Mogadishu") is the town itself,
   at precision town. A bare unknown name ("Ariana", "Taliban") gives None: the article's
   country is not a location. A facility or a description in a container ("Crocus City
   Hall, Krasnogorsk", "a mosque near Bannu's main bazaar") gives the container; a facility
   alone gives the town its name contains ("Kabul airport"), see :func:`facility_location`.
7. Seas, gulfs, straits and lakes between countries ("the Red Sea", "the Gulf of Aden") are
   regions with no country, and win over a division of the same name unless a type word or
   container says otherwise ("Red Sea state", "Red Sea, Sudan").
8. Transliterations. When no name matches, places of countries whose names are
   transliterated (:data:`~sitrep.gazetteer.normalize.TRANSLITERATED_COUNTRIES`) are
   matched by a skeleton of their names with alike letters (:func:`_loose_match`): "Reef
   Dimashq" is Rif Dimashq, "Nooristan" Nuristan, "Tal Rifaat" Tall Rif'at. Such a match
   needs the container or an article country unless it is an area, or a town of 100,000
   people, with a long skeleton. Names inside a facility's name are never matched so.
9. Demonyms. A demonym is not a place ("Afghan forces"), but a demonym with what it
   describes as a part of its country is ("the Afghan south", "a Mexican border town", "the
   Syrian countryside": the country, at country precision); a place it introduces is looked
   up in that country first ("the Mexican border city of Nuevo Laredo", "the Indian state
   of Kerala"), and an unknown one is placed in it. A bare "border" is not a part of one
   country ("the Thai border").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Sequence

from sitrep.model import Location

from .normalize import ADMIN_TYPE_WORDS, TYPE_WORD_COUNTRIES, loose_key, normalize_name, split_type_word
from .phrase import DEMONYM_AREA, OUTER, TYPED_NOUN, bare_name, names_part_of_a_town, shown_name, split_phrase, variants
from .rank import (
    Context,
    Match,
    admin1_container,
    believe_loose,
    choose,
    in_context,
    inside,
    rank,
)

if TYPE_CHECKING:
    from .index import Gazetteer
    from .place import Candidate, Place

__all__ = ["facility_location", "resolve_phrase"]

_TOWN_PRECISIONS: frozenset[str] = frozenset({"town", "district", "point"})


def resolve_phrase(
    gazetteer: "Gazetteer",
    text: str,
    *,
    context_countries: Sequence[str] = (),
    near: tuple[float, float] | None = None,
    loose: bool = True,
) -> Location | None:
    """Resolve ``text`` (a place phrase) to a Location, or None; see the module doc for rules.

    ``context_countries`` are ISO 3166-1 alpha-2 codes (country names are accepted too)
    of the countries the article names, most salient first. With ``loose=False`` names are
    matched by their spellings only, never by a transliteration skeleton (rule 8).
    """
    countries = _context_codes(gazetteer, context_countries)
    capital = _capital(gazetteer, text, countries)
    if capital is not None:
        return capital
    area = _demonym_area(gazetteer, text, countries, near) or _demonym_before_name(gazetteer, text, countries, near)
    if area is not None:
        return area
    parts = split_phrase(text, gazetteer.is_demonym, gazetteer.whole_names)
    if not parts:
        return None
    container = _containers(gazetteer, parts[1:], countries, near, loose=loose)
    head = parts[0]
    found = _match(gazetteer, head, _context(gazetteer, countries, near, container), loose=loose)
    if found is None and container is not None and len(parts) >= 2:
        # "San Jorge, Samar": no San Jorge lies in Samara Oblast, but one lies in Samar, Philippines
        found, container = _other_container(gazetteer, parts, countries, near, container)
    if (
        found is not None and found.precision == "country" and container is not None
        and container.precision != "country" and container.place.country_code == found.place.country_code
    ):
        found = container  # "Iraq, Baghdad" (in "the capital of Iraq, Baghdad"): the town, named after its country
    if found is not None:
        if container is not None and container.place.country_code:
            countries = (container.place.country_code, *countries)  # "the Sahel region, Mali": Mali's part
        return _location(found, text, countries)
    if container is not None:
        sibling = _sibling_division(gazetteer, head, container)
        if sibling is not None:  # "Zabul, Khost": two provinces listed, not one inside the other
            return _location(sibling, text, countries)
    if gazetteer.names_a_facility(head):  # "Kabul airport"; "Crocus City Hall, Krasnogorsk": the town
        return _facility(gazetteer, head, countries, container, text)
    if container is None:
        return None  # an unknown bare name: the article's country is not its location
    if container.place.kind == "region":
        # a broad region ("Russia's Stavropol region near the north Caucasus") holds no list of
        # its places: a place of one of its countries known by that name is the place
        alone = _match(gazetteer, head, _context(gazetteer, countries, near, None), loose=False)
        region_countries = set(container.place.countries) | {container.place.country_code}
        if alone is not None and alone.precision != "country" and alone.place.country_code in region_countries:
            return _location(alone, text, countries)
    # "the Wedio Area near Mogadishu", "Yaqshid district of Mogadishu": a piece of a town is
    # placed at the town, under the town's name (the phrase keeps the area's)
    piece_of_a_town = container.precision == "town" and names_part_of_a_town(head)
    if piece_of_a_town or not _looks_like_a_name(gazetteer, head):
        return _location(container, text, countries)
    return _placed_inside(head, container, text, countries)


#: A country's capital named by description: "the Somali capital", "Somalia's capital", "the
#: capital of Somalia", "the country's capital", "the capital" (the article's country's); not "the
#: provincial capital" nor "the state capital", which are another division's.
_CAPITAL = re.compile(
    r"(?:(?i:in|at|near|inside|around)\s+)?"
    r"(?:(?i:the)\s+(?:(?P<demonym>[A-Z][\w'’-]+)\s+|(?i:country|nation)['’]s\s+)?|(?P<owner>[A-Z][\w.'’ -]*?)['’]s\s+)"
    r"(?i:capital)(?:\s+(?i:city))?(?:\s+(?i:of)\s+(?P<of>(?i:the\s+)?[A-Z][\w.'’ -]*))?"
)


def _capital(gazetteer: "Gazetteer", text: str, countries: tuple[str, ...]) -> Location | None:
    """The capital city a phrase names by description (see :data:`_CAPITAL`), else None. Plain
    "the capital" is the capital of the article's first country; with none it names nothing."""
    m = _CAPITAL.fullmatch(text.strip(OUTER))
    if m is None:
        return None
    named = m.group("demonym") or m.group("owner") or m.group("of")
    if named is not None:
        country = gazetteer.country(named)
        code = country.country_code if country is not None and not country.historical else None
    else:
        code = countries[0] if countries else None
    place = gazetteer.capital_place(code) if code else None
    return place.to_location(text, precision="town") if place is not None else None


def _demonym_area(
    gazetteer: "Gazetteer",
    text: str,
    countries: tuple[str, ...],
    near: tuple[float, float] | None,
) -> Location | None:
    """A phrase that places itself by a demonym (rule 9): "the Afghan south" is Afghanistan;
    "the Mexican border city of Nuevo Laredo" is Nuevo Laredo, looked up in Mexico first."""
    m = DEMONYM_AREA.match(text.strip(OUTER))
    if m is None:
        return None
    demonym = m.group("demonym")
    country = gazetteer.demonym_country(demonym)
    if country is None and " " in demonym.strip():
        country = gazetteer.demonym_country(demonym.split()[-1])  # "Northern Afghan town"
    if country is None:
        return None
    code = country.country_code
    rest = (m.group("rest") or "").strip(OUTER)
    if rest:
        typed = TYPED_NOUN.search(m.group("noun").removesuffix(" of"))
        if typed is not None and "," not in rest:
            rest = f"{rest} {typed.group(0).lower()}"  # "the Afghan province of Kandahar" is the province
        inner = resolve_phrase(gazetteer, rest, context_countries=(code, *countries), near=near)
        if inner is not None:
            return replace(inner, text=text)
        if not _looks_like_a_name(gazetteer, rest):
            return None
        # an unknown name placed by its demonym: in that country, at country precision
        return _placed_inside(rest, Match(country, "country"), text, countries)
    return _location(Match(country, "country"), text, countries)


_DEMONYM_BEFORE_NAME = re.compile(r"^(?:the\s+)?(?P<demonym>[A-Z][\w'’-]*)\s+(?P<rest>[A-Z].*)$")


def _demonym_before_name(
    gazetteer: "Gazetteer",
    text: str,
    countries: tuple[str, ...],
    near: tuple[float, float] | None,
) -> Location | None:
    """A name after a demonym: "the Afghan Samangan Province" is Samangan, looked up in
    Afghanistan first, and believed only if it lies there."""
    m = _DEMONYM_BEFORE_NAME.match(text.strip(OUTER))
    if m is None or not gazetteer.is_demonym(m.group("demonym")):
        return None
    country = gazetteer.demonym_country(m.group("demonym"))
    if country is None:
        return None
    inner = resolve_phrase(gazetteer, m.group("rest"), context_countries=(country.country_code, *countries), near=near)
    if inner is None or inner.country_code != country.country_code:
        return None
    return replace(inner, text=text)


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
    parts = split_phrase(text, gazetteer.is_demonym, gazetteer.whole_names)
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
    container: Match | None,
    *,
    for_container: bool = False,
) -> Context:
    place = container.place if container is not None else None
    city_container = place is not None and (place.kind == "city" or gazetteer.is_city_division(place))
    return Context(countries, near, place, city_container, for_container)


def _containers(
    gazetteer: "Gazetteer",
    outer_parts: Sequence[str],
    countries: tuple[str, ...],
    near: tuple[float, float] | None,
    *,
    loose: bool = True,
) -> Match | None:
    """The innermost container the parts after the first one name ("X, Y, Z": Y inside Z)."""
    container: Match | None = None
    for part in reversed(outer_parts):
        found = _match(gazetteer, part, _context(gazetteer, countries, near, container, for_container=True), loose=loose)
        if found is not None:
            container = found
    return container


_MAX_OTHER_CONTAINERS = 6


def _other_container(
    gazetteer: "Gazetteer",
    parts: Sequence[str],
    countries: tuple[str, ...],
    near: tuple[float, float] | None,
    container: Match,
) -> tuple[Match | None, Match]:
    """For "X, Y" where no X lies in the Y chosen: another place named Y that holds an X.

    Only the innermost container is reconsidered, among the entries of its own name (not
    loose matches), inside the outer containers the phrase names; the head must match one
    of its own names too. Returns (match, container), or (None, the original container).
    """
    head, inner = parts[0], parts[1]
    head_names = list(variants(head))
    head_names += [split[0] for v in variants(head) if (split := split_type_word(normalize_name(v)))]
    if not any(gazetteer.candidates(name) for name in head_names):
        return None, container
    outer = _containers(gazetteer, parts[2:], countries, near)
    outer_context = _context(gazetteer, countries, near, outer, for_container=True)
    tried = {container.place}
    for variant in variants(inner):
        key = normalize_name(variant)
        split = split_type_word(key)
        inner_names = [variant] if split is None else [variant, split[0]]
        # "Ghazni province" may be another province, never the town of Ghazni
        kinds = _LEVEL_KINDS[ADMIN_TYPE_WORDS[split[1]]] if split is not None else None
        for name in inner_names:
            ranked = rank(gazetteer.candidates(name), outer_context, typed=False, keep_order=False)
            for candidate in ranked[:_MAX_OTHER_CONTAINERS]:
                place = candidate.place
                if place in tried or place.kind == "water" or (kinds is not None and place.kind not in kinds):
                    continue
                tried.add(place)
                if outer is not None and inside(place, outer_context) < 2:
                    continue
                other = Match(place, place.precision)
                found = _match(gazetteer, head, _context(gazetteer, countries, near, other), loose=False)
                # the place must carry the head's own name: "Zahra district of Homs" is not
                # Az Zahra ("Zahra" without its article) near Al Khums, Libya (alias "Homs")
                if found is not None and any(
                    c.place == found.place and c.quality == 0
                    for name in head_names
                    for c in gazetteer.candidates(name)
                ):
                    return found, other
    return None, container


# ---------------------------------------------------------------------- matching


def _match(gazetteer: "Gazetteer", part: str, context: Context, *, loose: bool = True) -> Match | None:
    typed_in = _type_word_countries(part)
    if typed_in:
        # "the Anbar tehsil" is in Pakistan or India, not Ambar, Turkey; "Mafa LGA" is Nigeria's Mafa
        own = tuple(c for c in context.countries if c in typed_in)
        context = replace(context, countries=(*own, *sorted(typed_in.difference(own))))
    found = _match_name(gazetteer, part, context, loose=loose)
    if found is not None and typed_in and found.place.country_code not in typed_in and typed_in.isdisjoint(found.place.countries):
        return None
    if not context.countries or (found is not None and (found.place.kind != "admin1" or in_context(found.place, context))):
        return found
    # "Ghanzi province" in an Afghan story is Ghazni misspelt, not the Ghanzi of Botswana
    for variant in variants(part):
        split = split_type_word(normalize_name(variant))
        level = ADMIN_TYPE_WORDS[split[1]] if split is not None else None
        if split is not None and level == "district":  # "Zharay district" in an Afghan release is Zharey
            district = gazetteer.misspelt_district(split[0], context.countries) if found is None else None
            if district is not None and _believe_misspelt_district(district, context):
                return Match(district, district.precision)
            continue
        if level is not None and level not in ("admin1", "region"):
            continue
        if split is None and context.container is not None and context.container.kind != "country":
            continue  # "Agadem, in the Diffa region": a place inside a division, not Agadez misspelt
        misspelt = gazetteer.misspelt_admin1(split[0] if split is not None else variant, context.countries)
        if misspelt is not None:
            return Match(misspelt, misspelt.precision)
    if found is not None and found.place.kind == "admin1" and names_compass_point(found.place.name):
        return None  # "the East Region town of Bangou, Burkina Faso" is not Cameroon's East
    return found


def _type_word_countries(part: str) -> frozenset[str]:
    """The countries whose divisions ``part``'s type word names, when the word is one country's or a
    few countries' ("tehsil", "LGA", "oblast"); empty for any other part."""
    split = split_type_word(normalize_name(part))
    return TYPE_WORD_COUNTRIES.get(split[1], frozenset()) if split is not None else frozenset()


def names_compass_point(name: str) -> bool:
    """Whether a province's name is a point of the compass alone ("East", "North-West", "Centre").
    Many countries have such a province, so outside the article's countries the name says nothing
    of which one."""
    return _COMPASS_NAME.fullmatch(normalize_name(name)) is not None


_COMPASS_NAME = re.compile(
    r"(?:far |extreme )?(?:north|south|east|west|centre|center|central|northern|southern|eastern|western"
    r"|north ?east|north ?west|south ?east|south ?west|north-east|north-west|south-east|south-west"
    r"|northeastern|northwestern|southeastern|southwestern|north-eastern|north-western|south-eastern|south-western)"
)


def _believe_misspelt_district(place: Place, context: Context) -> bool:
    """A district one vowel from the name must lie in the province the phrase names ("Dayan
    district of Jowzjan province" is not Kandahar's Daman), or, with no province named, in the
    article's first country ("Shibam District" in a Yemeni story that names al-Qaeda, a group
    of many countries, is not Afghanistan's Shibar)."""
    if context.container is not None:
        return inside(place, context) >= (3 if admin1_container(context) else 2)
    return bool(context.countries) and context.countries[0] == place.country_code


def _match_name(gazetteer: "Gazetteer", part: str, context: Context, *, loose: bool = True) -> Match | None:
    for variant in variants(part):
        key = normalize_name(variant)
        if not key:
            continue
        split = split_type_word(key)
        level = ADMIN_TYPE_WORDS[split[1]] if split is not None else None
        strict = level == "district" and admin1_container(context)
        if strict != context.strict:
            context = replace(context, strict=strict)
        candidates = gazetteer.candidates(variant)
        if candidates and split is not None and level is not None and all(c.quality > 0 for c in candidates):
            # "Northwest Region": Cameroon's North-West region, not an Icelandic region listed
            # with that English alias; the type word's level decides among both readings
            merged = {c.place: c for c in candidates}
            for c in gazetteer.candidates(split[0]):
                current = merged.get(c.place)
                if (
                    c.place.kind in _MERGED_KINDS[level]
                    and not gazetteer.is_city_division(c.place)  # "Moscow region" is not the city
                    and (current is None or c.quality < current.quality)
                ):
                    merged[c.place] = c
            candidates = tuple(merged.values())
        if candidates:
            best = choose(gazetteer, key, candidates, context, typed=False, dwarf=split is None)
            if best is not None:
                if split is not None and level in ("admin1", "region") and len(best.place.countries) > 1:
                    # "the Sahel region" in a story from Burkina Faso: its Sahel region
                    division = _typed(gazetteer, split[0], level, variant, context)
                    if division is not None and division.place.kind == "admin1" and (
                        in_context(division.place, context) or inside(division.place, context) >= 2
                    ):
                        return division
                if level == "district" and best.place.kind == "city":
                    return _seat_district(candidates, best.place)
                return Match(best.place, best.place.precision)
        if split is not None:
            found = _typed(gazetteer, split[0], level or "", variant, context, type_word=split[1])
            if found is not None:
                return found
    return _loose_match(gazetteer, part, context) if loose else None


def _province_of_its_name(gazetteer: "Gazetteer", town: "Place") -> bool:
    """Does the province around ``town`` bear the town's own name (Lahij, seat of Lahij)?"""
    if not town.admin1_code:
        return False
    around = gazetteer.admin1_place(town.country_code, town.admin1_code)
    return around is not None and normalize_name(around.name) == normalize_name(town.name)


def _seat_district(candidates: Sequence["Candidate"], seat: "Place") -> Match:
    """A "<name> district" read as a town: the district the name also matches in the town's
    province ("Saydabad district": Sayyidabad, whose seat Markaz-e Sayyidabad is also called
    Saydabad), else the town itself at precision district (the district of its seat)."""
    district = next((
        c.place for c in candidates if c.place.kind == "district"
        and (c.place.country_code, c.place.admin1_code) == (seat.country_code, seat.admin1_code)
    ), None)
    return Match(district if district is not None else seat, "district")


#: The kinds of entry a type word's level names.
_LEVEL_KINDS: dict[str, frozenset[str]] = {
    "admin1": frozenset({"admin1", "region", "district"}),
    "region": frozenset({"admin1", "region", "district"}),
    "district": frozenset({"district", "city"}),
    "town": frozenset({"city"}),
}
#: The kinds of entry that compete with an alias holding the type word ("Northwest Region"):
#: the level's own kind ("San Pedro Department" is Paraguay's, not a district of the Ivory
#: Coast called San-Pedro), and for a district the town it is named after ("Yarang
#: district" is the district of Yarang, not a division listed as "Amphoe Yarang").
_MERGED_KINDS: dict[str, frozenset[str]] = {
    "admin1": frozenset({"admin1", "region"}),
    "region": frozenset({"admin1", "region"}),
    "district": frozenset({"district", "city"}),
    "town": frozenset({"city"}),
}


def _loose_match(gazetteer: "Gazetteer", part: str, context: Context) -> Match | None:
    """The part matched by its transliteration-blind skeleton ("Reef Dimashq" -> Rif Dimashq;
    "Talafar" in an Iraqi story -> Tall 'Afar), when no name matched.

    A skeleton match is believed inside the phrase's container (inside the very province
    it names), in the article's countries or near its point; otherwise, when the article
    names no country, only with a skeleton of five letters or more, and for a town only
    with 100,000 people.
    """
    for variant in variants(part):
        key = normalize_name(variant)
        if not key or key in gazetteer.context_names or gazetteer.is_demonym(key):
            continue
        split = split_type_word(key)
        base = split[0] if split is not None else key
        skeleton = loose_key(base)
        if not skeleton:
            continue
        candidates = gazetteer.loose_candidates(base)
        if split is not None:
            kinds = _LEVEL_KINDS[ADMIN_TYPE_WORDS[split[1]]]
            candidates = tuple(c for c in candidates if c.place.kind in kinds)
        believed = [c for c in candidates if believe_loose(c.place, context, len(skeleton))]
        if believed:
            best = rank(believed, context, typed=split is not None, keep_order=False)[0]
            precision = "district" if split is not None and ADMIN_TYPE_WORDS[split[1]] == "district" else None
            return Match(best.place, precision or best.place.precision)
    return None


# Type words for divisions below admin1 in most countries that use them (Burkina Faso's and
# Niger's departments, Mali's communes): "Oursi Department" is the town of Oursi at
# precision district, not the admin1 around it.
_SEAT_TYPE_WORDS: frozenset[str] = frozenset({"department", "commune", "cercle"})


def _typed(
    gazetteer: "Gazetteer",
    base: str,
    level: str,
    variant: str,
    context: Context,
    *,
    type_word: str = "",
) -> Match | None:
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
            best = choose(gazetteer, base, of_kind, context, typed=True, keep_order=kind != "district")
            if best is not None:
                return Match(best.place, best.place.precision)
        # "the Kaluga region" when no admin1 carries the town's name: the admin1 around it --
        # a town of that very name ("Barani Department" is not Bihar, around Baruni, whose
        # alternate name is Barani)
        towns = [c for c in candidates if c.place.kind == "city" and c.quality == 0]
        best = choose(gazetteer, base, towns, context, typed=True)
        if best is None:
            # "Lahj province": the text spells the seat as its alternate name (Lahij), and the province
            # bears the seat's own name
            seats = [c for c in candidates if c.place.kind == "city" and c.quality == 1 and _province_of_its_name(gazetteer, c.place)]
            best = choose(gazetteer, base, seats, context, typed=True)
        if best is not None and type_word in _SEAT_TYPE_WORDS:
            return Match(best.place, "district")
        if best is not None and best.place.admin1_code:
            around = gazetteer.admin1_place(best.place.country_code, best.place.admin1_code)
            if around is not None:
                return Match(around, "province")
        return None
    if level == "district":
        districts = [c for c in candidates if c.place.kind == "district"]
        best = choose(gazetteer, base, districts, context, typed=True)
        if best is not None:
            return Match(best.place, "district")
    towns = [c for c in candidates if c.place.kind == "city"]
    best = choose(gazetteer, base, towns, context, typed=True, weak=level == "town")
    if best is not None:  # "Bannu district", "Tame municipality": the district of its seat
        return _seat_district(candidates, best.place) if level == "district" else Match(best.place, "town")
    if level == "district":  # counties of Kenya, districts of Libya are admin1 divisions
        divisions = [c for c in candidates if c.place.kind == "admin1"]
        best = choose(gazetteer, base, divisions, context, typed=True)
        if best is not None:
            return Match(best.place, "province")
    return None


# ---------------------------------------------------------------------- facilities


_RUN_BREAKERS = frozenset("the of and for in at on de des du la le del al el".split())
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


#: A word of two capitalised names joined by a hyphen: "Munich-Riem", "Paris-Orly".
_TOWN_HYPHEN = re.compile(r"[A-Z][^\W\d_]+-[A-Z][^\W\d_]+")
_ROUTE_WORDS = re.compile(
    r"\b(?:road|highway|motorway|expressway|freeway|pipeline|railway|railroad|line|route|corridor|border)\b", re.I
)


def _name_runs(gazetteer: "Gazetteer", part: str) -> list[str]:
    """Names a facility's words may hold, longest first in each run of capitalised words:
    "Kabul International Airport" -> "Kabul International", "Kabul"."""
    caps = part.isupper()
    # "Munich-Riem Airport", "Paris-Orly Airport": a hyphen joins the town and the district the
    # place is named by (not in "the Kabul-Kandahar highway", which runs between two towns)
    hyphenated_town = _ROUTE_WORDS.search(part) is None
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
        if hyphenated_town:
            for town in (m.group().split("-")[0] for m in run if _TOWN_HYPHEN.fullmatch(m.group())):
                if town not in names:
                    names.append(town)
    return names


def _facility(
    gazetteer: "Gazetteer",
    head: str,
    countries: tuple[str, ...],
    container: Match | None,
    text: str,
) -> Location | None:
    """The town a facility's name holds (inside the container when there is one), else the
    container, else None."""
    context = _context(gazetteer, countries, None, container)
    for name in _name_runs(gazetteer, head):
        # exact names only: "Michurinsky Avenue" is not in Michurinsk
        found = _match(gazetteer, name, context, loose=False)
        if found is not None and countries and found.place.country_code not in countries and not any(
            c.place == found.place and c.quality == 0 for c in gazetteer.candidates(name)
        ):
            continue  # outside the article's countries, by its own name only: "the Caño Limón pipeline" is not Kano
        if found is not None and found.place.kind in ("city", "admin1", "region"):
            return _location(found, text, countries)
    return _location(container, text, countries) if container is not None else None


# ---------------------------------------------------------------------- results


def _location(found: Match, text: str, countries: tuple[str, ...]) -> Location:
    place = found.place
    country: tuple[str, str] | None = None
    if len(place.countries) > 1:
        chosen = next((c for c in countries if c in place.countries), None)
        country = (chosen, "") if chosen else ("", "")
    return place.to_location(text, name=found.name, precision=found.precision, country=country)


def _placed_inside(head: str, container: Match, text: str, countries: tuple[str, ...]) -> Location:
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


def _sibling_division(gazetteer: "Gazetteer", head: str, container: Match) -> Match | None:
    """For "X, Y" where X lies nowhere in Y: X itself when it is, by its own name, another
    admin1 division of Y's country ("Zabul, Khost" in a headline names two provinces; "Farah,
    Kandahar" is not an unknown Farah inside Kandahar)."""
    outer = container.place
    if outer.kind not in ("admin1", "city", "district"):
        return None
    for variant in variants(head):
        for candidate in gazetteer.candidates(variant):
            place = candidate.place
            if (
                candidate.quality == 0 and place.kind == "admin1" and place.country_code == outer.country_code
                and place.admin1_code != outer.admin1_code
            ):
                return Match(place, place.precision)
    return None


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
