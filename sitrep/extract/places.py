"""Choosing an incident's own location among the places its sentences name.

An article names many places; the incident happened at one. For each place
mention in the incident's clauses sitrep scores:

* the preposition before it: "in", "at", "near", "outside", "on the outskirts of"
  mark a location; "from" marks an origin ("suspects from Tajikistan") and "to",
  "toward" a destination, which are skipped; a place inside an actor's name
  ("Islamic State – Khorasan Province") is skipped;
* its distance from the incident's trigger word, and whether it is in the
  trigger's own clause;
* how precise it resolves: a town beats a province beats a country.

Chains such as "Kerman, Iran" or "Andar district, Ghazni province" are resolved as
one phrase, the first part inside the second. A facility the gazetteer cannot
place ("Crocus City Hall") is kept in the location's text with the best
containing area as its name and coordinates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol, Sequence

from sitrep.extract.analysis import EntityMention, Unit
from sitrep.model import Location

_PRECISION_RANK = {"point": 6, "town": 5, "district": 4, "province": 3, "region": 2, "country": 1, None: 0}

_BEFORE_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|across|around|across|throughout|on|into|of|"
    r"(?:on )?the (?:outskirts|edge|centre|center|suburbs?) of|(?:north|south|east|west)(?:-?(?:east|west))? of|"
    r"(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|"
    r"northeastern|northwestern|southeastern|southwestern)|"
    r"km|kilometres|kilometers|miles)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_BEFORE_ORIGIN = re.compile(r"\b(?:from|to|toward|towards|for|by|via|with|citizens? of|nationals? of|natives? of|born in)\s+(?:the\s+)?$", re.IGNORECASE)
_CHAIN_SEP = re.compile(r"^\s*(?:,|in|in the|of|of the)\s*$", re.IGNORECASE)


class PlaceResolver(Protocol):  # what the extractor needs of the gazetteer
    def resolve(
        self, text: str, *, context_countries: Sequence[str] = (), near: tuple[float, float] | None = None
    ) -> Location | None: ...


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    location: Location
    unit: Unit
    mention: EntityMention  # the (first) mention in the sentence
    score: float


def chains(unit: Unit) -> list[tuple[EntityMention, str, int, int]]:
    """Place mentions of a unit joined into chains ("Kerman, Iran"): (first mention, phrase, start, end)."""
    places = sorted(unit.places, key=lambda m: m.start)
    text = unit.sentence.text
    out: list[tuple[EntityMention, str, int, int]] = []
    i = 0
    while i < len(places):
        first = places[i]
        end = first.end
        j = i + 1
        while j < len(places) and _CHAIN_SEP.match(text[end : places[j].start]) and places[j].label != "FAC":
            end = places[j].end
            j += 1
        out.append((first, text[first.start : end], first.start, end))
        i = j
    return out


def choose_location(
    units: Sequence[Unit],
    *,
    trigger_unit: Unit,
    trigger_pos: int,
    resolver: PlaceResolver,
    context_countries: Sequence[str],
    actor_spans: Sequence[tuple[int, int, int]] = (),
) -> PlaceChoice | None:
    """The best location for an incident told in ``units`` (``trigger_unit`` holds its trigger).

    ``actor_spans`` are (sentence index, start, end) spans of actor names, whose place words
    are not locations.
    """
    best: PlaceChoice | None = None
    facility: tuple[Unit, EntityMention] | None = None
    for unit in units:
        text = unit.sentence.text
        for first, phrase, start, end in chains(unit):
            if any(s == unit.sentence.index and a <= start and end <= b for s, a, b in actor_spans):
                continue
            before = text[max(0, start - 40) : start]
            if _BEFORE_ORIGIN.search(before):
                continue
            if first.label == "FAC" and phrase == first.text:
                if facility is None and unit is trigger_unit:
                    facility = (unit, first)
                continue
            location = resolver.resolve(phrase, context_countries=context_countries)
            if location is None:
                continue
            score = float(_PRECISION_RANK.get(location.precision, 0))
            if _BEFORE_LOCATIVE.search(before):
                score += 3.0
            if unit is trigger_unit:
                score += 4.0 - min(3.0, abs(start - trigger_pos) / 40.0)
            elif unit.order < trigger_unit.order:
                score -= 1.0
            if best is None or score > best.score:
                best = PlaceChoice(location, unit, first, score)
    if best is not None and facility is not None:
        unit, mention = facility
        best = replace(best, location=replace(best.location, text=f"{mention.text}, {best.location.text or best.location.name}"))
    return best
