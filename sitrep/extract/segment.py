"""Cutting an article into incidents: which clauses speak of which incident.

The extractor walks the article's units (sentences or clauses) in order. A unit
that signals an incident either opens a new incident or tells more of the one
being described. It opens a new one when

* nothing is being described yet;
* it says so ("in a separate attack", "meanwhile", "elsewhere");
* its date cannot be the current incident's date (the spans do not overlap);
* its place cannot be the current incident's place (another country, or another
  town that is neither inside nor around the current one);
* it reports arrests while the current incident is an attack, or the reverse
  (arrests are incidents of their own, as in ACLED).

Units that do not signal an incident themselves but carry a claim, an
attribution, a count or a "the attack"-style reference attach to the incident
just described when they follow it closely.
"""

from __future__ import annotations

import math
import re
from datetime import timedelta
from dataclasses import dataclass
from typing import Any

from sitrep.extract.analysis import Unit
from sitrep.extract.lexicons import TriggerMatch
from sitrep.model import DateSpan, Location

#: How many sentences after an incident's last unit a non-signalling unit may still attach.
ATTACH_GAP = 2
#: How long after an incident a back-reference may still tell of its consequences.
LATER_DAYS = 31
#: Towns further apart than this are different places.
SAME_PLACE_KM = 40.0


#: Words by which an act recalled beside the news is put where the news happened: "in the city", "there".
SAME_SCENE = re.compile(r"\b(?:there|in\s+the\s+(?:same\s+)?(?:city|town|village|capital|area|district|province))\b", re.I)


def only_its_country(location: Location, scene: Location) -> bool:
    """Whether ``location`` is only the country that the more precise ``scene`` lies in ("in the
    country" beside "in the same district")."""
    return location.precision == "country" and scene.precision != "country" and location.country_code == scene.country_code


#: The doer told, then named: "the suspect, identified as", "the gunman, who was later named by police as",
#: "The military identified the attacker as" (``who`` or ``who2`` is the word for the doer).
_IDENTIFIED_AS = (
    r"\b(?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?P<who>suspect|gunman|shooter|attacker|assailant|bomber|perpetrator|killer)"
    r"\s*,?\s+(?:(?:who\s+)?(?:was|is|has\s+been|had\s+been)\s+)?(?:later\s+|since\s+)?(?:identified|named)\s+"
    r"(?:by\s+(?:[\w-]+\s+){1,4}?)?as\s+"
    r"|\b(?:identified|named)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<who2>suspect|gunman|shooter|attacker|assailant|bomber|perpetrator|killer)\s+as\s+"
)
#: A clause that names the doer somewhere in it.
NAMES_THE_DOER = re.compile(_IDENTIFIED_AS, re.IGNORECASE)
#: The words that name the doer, ending where the name begins.
IDENTIFIED_DOER = re.compile(rf"(?:{_IDENTIFIED_AS})\Z", re.IGNORECASE)


@dataclass
class Group:
    """An incident being assembled: its units and what anchors it in time and space."""

    units: list[Unit]
    head: TriggerMatch
    head_unit: Unit
    families: set[str]
    arrests_only: bool
    date: DateSpan | None = None
    implied_date: DateSpan | None = None  # for an undated incident told as news: around publication
    place: Location | None = None
    last_sentence: int = 0
    threat: bool = False  # told as a threat: a threat never continues an act already done, nor the reverse
    recalled: bool = False  # an earlier incident brought in by a cue ("just a day after twin blasts ... killed 30")
    # for a recalled incident, what the news it is recalled from gives it: the day the cue counts back
    # to ("two days after | a suicide attack") and the place it points at ("in the city", "there")
    counted_back: DateSpan | None = None
    scene: Location | None = None
    # for the act an arrest was made for ("arrested 45 soldiers for | killing six clergymen"): the
    # arrest's clause and the actors it names as the people arrested, the act's suspects
    suspects: tuple[tuple[Unit, Any], ...] = ()
    # a killing named in passing by the people it was of, with no day, toll or doer ("the murder
    # of the Jesuit priests"): recalled, never the article's news
    in_passing: bool = False
    # an act told as what someone is accused, charged or convicted of, with no day ("were accused of
    # kidnapping several businessmen"): done before, never the article's news
    accused: bool = False
    # the head unit's toll sums up a wave of attacks whose parts are told after it ("A string of
    # car bombings ... killing 33 | Other bombings in Kirkuk killed 10"): a part's figure is inside it
    sums_up: bool = False


def dates_compatible(a: DateSpan | None, b: DateSpan | None) -> bool:
    """Two incident dates can be the same incident's when their spans overlap."""
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def places_compatible(a: Location | None, b: Location | None) -> bool:
    """Two locations can be the same incident's when one contains the other or they are close."""
    if a is None or b is None:
        return True
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    coarse = {"country", "region", "province", None}
    if a.precision in coarse or b.precision in coarse:
        if a.precision == "province" and b.precision == "province":
            return (a.admin1 or a.name) == (b.admin1 or b.name)
        if a.precision == "province" and b.admin1 and a.admin1 and b.precision not in coarse:
            return a.admin1 == b.admin1
        if b.precision == "province" and a.admin1 and b.admin1 and a.precision not in coarse:
            return a.admin1 == b.admin1
        return True
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return a.name.lower() == b.name.lower()
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def opens_new_incident(
    group: Group | None,
    *,
    unit: Unit,
    explicit_new: bool,
    refers_back: bool,
    head_strong: bool,
    date: DateSpan | None,
    place: Location | None,
    arrests_only: bool,
) -> bool:
    """Whether the signalling ``unit`` starts an incident rather than continuing ``group``.

    ``refers_back`` is true when the unit's trigger points at an incident already told ("the
    blast", "Tuesday's bombing"): it then continues the current one unless it names another
    place or an earlier date ("the twin bombing in Kerman" after a story set in Kabul); a later
    date is a consequence told later ("nineteen of the wounded died on Wednesday").
    """
    if group is None or explicit_new:
        return True
    if arrests_only != group.arrests_only and not refers_back:
        return True  # but "the force also detained two suspects and seized grenades" goes on
    if refers_back:
        later = (
            date is not None and group.date is not None
            and group.date.end < date.start <= group.date.end + timedelta(days=LATER_DAYS)
        )
        if not head_strong:
            # "the four wounded soldiers were flown to Bogota": consequences of the same act; but not
            # a day long after it ("hit by these attacks and a plane blew up on 27 November", after a
            # bombing in early October)
            return (
                date is not None and group.date is not None and date.precision == "day"
                and date.start > group.date.end and not later
            )
        if not places_compatible(group.place, place):
            return True
        return not (dates_compatible(group.date, date) or later)
    if not dates_compatible(group.date or group.implied_date, date):
        return True
    if not places_compatible(group.place, place):
        return True
    return False


def may_attach(group: Group | None, unit: Unit) -> bool:
    """Whether a unit that signals no incident of its own may tell more of ``group``."""
    return group is not None and unit.sentence.index - group.last_sentence <= ATTACH_GAP
