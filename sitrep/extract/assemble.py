"""From an incident group to a ``Report``: every field with its evidence.

``DocumentContext`` holds what is shared by all incidents of one article: the
publication date, the countries the article names (to place ambiguous names),
every date phrase resolved in reading order (so "three months later" counts from
the date before it), and a cached place resolver. ``Assembler`` then fills each
field of the incident record from the group's clauses.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Sequence

from sitrep.actors.attribution import named_as_patron, names_its_strikes
from sitrep.extract.analysis import Sentence, Unit
from sitrep.extract.dateline import dateline_span
from sitrep.extract.dates_calendar import shift
from sitrep.extract.dates_lexicon import load_date_words
from sitrep.extract.kinds import KindTable
from sitrep.extract.lexicons import Lexicons, TriggerMatch, language_of
from sitrep.extract.numbers import find_quantities
from sitrep.extract.places import (
    BEFORE_NOT_THE_SCENE, GROUP_WORD, INSTITUTION, MISSION_AFTER, PlaceChoice, chains, choose_location,
    country_as_adjective, where_a_statement_was_made,
)
from sitrep.extract.realis import decide_realis, decide_status, read_cues
from sitrep.extract.segment import IDENTIFIED_DOER, SAME_SCENE, Group, only_its_country
from sitrep.gazetteer.normalize import normalize_name
from sitrep.gazetteer.resolve import names_compass_point
from sitrep.model import (
    ActorRef,
    Count,
    CountPart,
    Article,
    Claim,
    Counts,
    DateSpan,
    Precision,
    Evidence,
    Location,
    Report,
    Target,
    Weapon,
)
from sitrep.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.extract.outlets import SourceCountry
    from sitrep.gazetteer import Gazetteer
    from sitrep.gazetteer.place import Place

_ATTRIBUTION_RANK = {"claimed": 3, "attributed": 2, "suspected": 1, None: 0}
_FUTURE = re.compile(r"\b(?:will|plans? to|planning to|threat(?:en|ens|ened|ening) to|vow(?:s|ed)? to|intends? to)\b", re.I)
_EVENT_PAST = re.compile(
    r"\b(?:killed|died|wounded|injured|exploded|detonated|attacked|struck|opened fire|shot|stormed|kidnapped|"
    r"abducted|bombed|ambushed|clashed|torched|arrested|detained|blew|went off|carried out)\b",
    re.I,
)
#: A participle of an act that is still to come: "attacks could | be carried out", "is to | be detonated".
_YET_TO_BE = re.compile(r"\b(?:will|would|could|might|may|can|shall|must|to)\s+(?:not\s+|also\s+|soon\s+)?be\s+\Z", re.I)


def _tells_past_act(text: str) -> bool:
    """Whether ``text`` tells an act as done ("exploded", "carried out"), not as what could be done."""
    return any(_YET_TO_BE.search(text, max(0, m.start() - 30), m.start()) is None for m in _EVENT_PAST.finditer(text))


_PAST_VERB = re.compile(r"\b(?:said|had|was|were|did|died|struck|shot|blew|took|went|ago|yesterday|\w{3,}ed)\b", re.I)
_STATE_TYPES = frozenset({"state force"})
#: A modal right before the act: what will, would or could happen, whatever else in the clause is past
#: ("a leaflet distributed on 11 March warned that anyone who talks will die"); not "would later".
_MODAL_ACT = re.compile(
    r"\b(?:will|would|could|might|shall|must|(?:is|are|was|were) going to)\s+"
    r"(?:(?:not|also|soon|surely|certainly|probably|possibly|immediately|then|be|have|been)\s+){0,3}$",
    re.I,
)
#: An order or a call to act right before the act: what someone is told to do, not what was done
#: ("ordered its leaders in low-income neighborhoods to take hostages", "urged his men to attack").
#: A hypothetical cue, which a toll or a past date overrides ("were ordered to fire, killing 12").
_DIRECTIVE_ACT = re.compile(
    r"\b(?:order(?:s|ed|ing)?|urg(?:es|ed|ing)|instruct(?:s|ed|ing)?|exhort(?:s|ed|ing)?|incit(?:es|ed|ing)|"
    r"call(?:s|ed|ing)?\s+(?:on|upon)|command(?:s|ed|ing)?)\s+(?:[^\s.;:!?]+\s+){0,8}?[\"“]?to\s+$",
    re.I,
)
#: Acts a group says it suspends, named right after the suspension and perhaps after another act
#: coordinated with it ("decreed a suspension of its attacks on civilian officials and of its |
#: sabotage operations"): none is told, whatever the day of the decree.
_SUSPENDED_ACT = re.compile(
    r"\b(?:suspen(?:ds?|ded|ding|sion)|cessation|halt(?:s|ed|ing)?)\s+(?:of\s+)?(?:its|their|all)\s+"
    r"(?:(?:[\w'-]+\s+){1,8}?(?:and|or)\s+(?:of\s+)?(?:its|their|all)\s+)?$",
    re.I,
)
#: The acts by which a person of note is assassinated: a shooting, a killing (the GTD files a stabbing
#: or a beating of one as an armed or unarmed assault).
_TARGETED_FAMILIES = frozenset({"armed", "killing"})
#: A person of note, whom an attack on them alone makes an assassination: the last word of a
#: target's description (singular: "the head of the community", "a tribal elder", "Colonel X").
_PROMINENT = re.compile(
    r"leader|chief|head|chairman|chairperson|chairwoman|president|minister|mayor|governor|lawmaker|"
    r"legislator|senator|politician|councill?or|MP|judge|prosecutor|commander|colonel|general|sheikh|imam|cleric|"
    r"ambassador|consul|diplomat|notable|candidate|activist|journalist|editor",
    re.IGNORECASE,
)
#: At most this many dead: an attack on a person of note, perhaps with their guards, not a massacre.
_ASSASSINATION_DEAD = 3

#: A state force that is the subject of an act: "Dutch police detained two more".
_FORCE_ACTS = re.compile(
    r"\s+(?:\w+\s+)?(?:arrested|detained|captured|raided|killed|shot|fired|opened fire|stormed|seized|launched|"
    r"carried out|conducted|bombed|shelled|struck|attacked|overr[au]ns?|advanced?|advances|clashed|"
    r"(?:are |is |were |was )?accused of)\b",
    re.I,
)
#: A force that strikes from afar, as much abroad as at home ("Russian warplanes" over Idlib, "Turkish
#: jets" over northern Iraq): where it acts is not its country.
_STRIKES_FROM_AFAR = re.compile(
    r"\b(?:war ?planes?|jets?|aircraft|air ?forces?|air ?strikes?|drones?|helicopters?|gunships?|bombers?|navy|naval|"
    r"warships?|missiles?)\b",
    re.I,
)
#: An air force as the only doer makes an attack or a bombing an air strike (rockets told as the act
#: may be the other side's: "the Air Force struck Hamas targets after rockets struck a home").
_AIR_FORCE = re.compile(r"\bair ?forces?\b", re.I)
_AIR_FAMILIES = frozenset({"attack", "explosion", "armed", "killing", "raid"})
#: A location's evidence confidence when the place is a guess (a group's home country, a force
#: named with the victims), and the least a place the incident's clauses name ever gets: the
#: deduplication rules (``place.min_confidence`` in dedupe.yaml, 0.25) read a place below that
#: as no place, so a guess never keeps two reports apart.
_GUESS_CONFIDENCE = 0.2
_NAMED_PLACE_CONFIDENCE = 0.25
#: A town the text names that the gazetteer does not know: its name is sure, where it lies is not.
_UNKNOWN_TOWN_CONFIDENCE = 0.3
_ATTACKER_SIDES = frozenset({"perpetrators", "militants"})
_ARMED_TYPES = frozenset({"armed group", "militia"})
#: Groups whose home country places an incident no text places: armed groups, militias and cartels.
_PLACING_TYPES = _ARMED_TYPES | {"criminal group"}
#: A weapon type dropped when a more specific one is named ("a car bomb" is not also "explosives").
#: Explosive materials a device is charged with.
_CHARGE_MATERIAL = re.compile(
    r"\b(?:dynamite|tnt|semtex|c-?4|ammonium nitrate|anfo|gelignite|rdx|petn|nitroglycerine?|plastic explosives?)\b", re.I
)
_REDUNDANT_WEAPONS = {
    "explosives": frozenset({"suicide vest", "vehicle-borne explosives", "improvised explosive device", "landmine", "grenade"}),
    "suicide vest": frozenset({"vehicle-borne explosives"}),
    "aircraft": frozenset({"drone"}),
    "missiles and rockets": frozenset({"drone"}),
}
#: How far after its trigger the object of an attack may start ("attack on a crowded cattle market").
_OBJECT_WINDOW = 45
_NOT_EVENT_DATE = re.compile(r"\b(?:by|until|till|before|since)\s+$", re.I)
#: A year written out ("June 2022", "2017").
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
#: How far after a day named without its year the period it lies in may be written ("Pentecost
#: Sunday Mass in June 2022").
_SAME_PHRASE_REACH = 20
#: "since 2017, | when a truck bomb killed 500": the day of the act the clause after tells (not the
#: start of a campaign: "since 21 August, when the campaign of kidnappings began").
_WHEN_AFTER = re.compile(
    r",?\s+when\b(?![^,.;]*\b(?:campaign|war|offensive|insurgency|conflict|wave|uprising|violence|fighting)\b)", re.I
)
#: A time of the day, which "before" does not make a deadline: "before dawn on Friday".
_TIME_OF_DAY = re.compile(r"(?:dawn|daybreak|sunrise|first light|noon|midday|midnight|dusk|sunset|nightfall)\b", re.I)
_REPORTING_DATE = re.compile(
    r"\b(?:released|issued|published|announced|confirmed|said|says|told \w+|statement)(?:\s+(?:late|early))?(?:\s+on)?\s+$",
    re.I,
)
#: ... or just before the words it dates: "forces today confirmed the capture of ... June 14".
#: How many days before the day a statement was made an act it tells, dated by nothing else, may
#: have come ("killed 30 civilians, officials said Tuesday").
_SAID_REACH_DAYS = 3
_REPORTING_VERB_AFTER = re.compile(r"\s+(?:confirmed|announced|said|reported|released|stated)\b", re.I)
#: A court's acts on the day named: "sentenced on Thursday", "A court on Thursday convicted". The act
#: tried came long before: the day dates the verdict, never the act.
_COURT_VERBS = r"(?:convicted|sentenced|jailed|acquitted|indicted|arraigned|found\s+guilty)"
_COURT_DATE_BEFORE = re.compile(rf"\b{_COURT_VERBS}(?:\s+\w+){{0,3}}?(?:\s+on)?\s+$", re.I)
_COURT_VERB_AFTER = re.compile(rf"\s+{_COURT_VERBS}\b", re.I)
#: What a verdict is for, before the date that names it: "jailed for life over | 2017 Manchester Arena bombing plot".
_GROUNDS_BEFORE = re.compile(r"\b(?:over|for)\s+(?:the\s+|an?\s+)?$", re.I)
#: A date that names another event than the one at hand: "responsible for Tuesday's attack",
#: "one of the leaders behind the Aug. 7 attack". It dates the noun after it, not the sentence.
_POSSESSIVE = re.compile(r"['’]s\s+", re.I)
_THE_BEFORE = re.compile(r"\b(?:the|an?)\s+$", re.I)
_NOUN_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){1,4}", re.I)  # the noun phrase a date before it may modify
#: After a claim, its withdrawal: "..., but a spokesman later denied the group was behind it".
_CLAIM_WITHDRAWN = re.compile(
    r"[^.;]{0,20}?\b(?:but|however|though|although)\b[^.;]{0,80}?\b(?:denied|denies|retracted|withdrew|disowned|distanced)\b",
    re.I,
)
#: A habit told after an actor in its clause: "insurgents linked to al Qaeda | frequently target", "have often attacked".
_HABIT_AFTER = re.compile(
    r"[^,;.()]{0,40}?\b(?:(?:has|have|had)\s+)?(?:repeatedly|regularly|routinely|frequently|often|increasingly)\b", re.I)
#: The part of a wave of attacks that was the deadliest: "In the deadliest attack", "The worst violence was in".
_DEADLIEST = re.compile(r"\b(?:deadliest|bloodiest|worst)\b", re.I)
#: An incident told as happening somewhere other than the article's place.
_ELSEWHERE = re.compile(r"\b(?:elsewhere|separately|in (?:a |another )?separate|in another (?:incident|attack|part|province|city|town|district))\b", re.I)
_CLAIM_WORD = re.compile(r"\bclaim(?:ed|s|ing)?\b", re.I)


#: Precisions of a place that a province the article names may hold a namesake of.
_PROVINCE_TOWN_LEVELS = frozenset({"town", "district"})
#: A town this many times as populous as its namesake in a named province keeps its rank.
_DWARFS = 20
#: The smallest town that is the sole place of an unknown town's name when it is matched by another
#: of its names or a shortened one ("Sederot" is Sderot, "Hilah" no village called Al Hilah).
_SOLE_TOWN_FLOOR = 5_000


#: "village" after a name: in a headline, a village of the region so named ("Sagaing village").
_A_VILLAGE_OF = re.compile(r"\s+villages?\s*$", re.IGNORECASE)
#: The words that call a name a province: "the province of Idlib", "the Sagaing region", "Kaduna State".
_DIVISION_WORDS = "province|region|state|governorate|oblast|department|prefecture"


class CachedPlaces:
    """The gazetteer's ``resolve`` with a per-article cache, and the article's provinces.

    Once the provinces the article names are known (:meth:`DocumentContext.build` sets
    ``provinces``), a town is looked for in them first: "Palmer" in a story that names Alaska
    is Palmer, Alaska, not the larger Palmer, Massachusetts; "Springfield" with Illinois named
    is Springfield, Illinois. A town far better known than its namesake in the province keeps
    its rank ("Kandahar" in a story that also names Helmand is still the city).
    """

    def __init__(self, gazetteer: "Gazetteer", text: str = "") -> None:
        self._gazetteer = gazetteer
        self._cache: dict[tuple[Any, ...], Location | None] = {}
        self.provinces: tuple[Location, ...] = ()
        self.text = text  # the article's, where a name is called a province

    def resolve(
        self, text: str, *, context_countries: Sequence[str] = (), near: tuple[float, float] | None = None,
        loose: bool = True,
    ) -> Location | None:
        key = (text, tuple(context_countries), loose)
        if key not in self._cache:
            found = self._gazetteer.resolve(text, context_countries=context_countries, loose=loose)
            if found is not None:
                found = self._province_so_called(text, found) or found
            if found is not None and self.provinces and found.precision in _PROVINCE_TOWN_LEVELS:
                found = self._in_a_named_province(text, found, context_countries, loose)
            self._cache[key] = found
        return self._cache[key]

    def set_provinces(self, provinces: Sequence[Location]) -> None:
        """The provinces the article names; what was resolved before them is resolved again."""
        self.provinces = tuple(provinces)
        if self.provinces:
            self._cache.clear()

    def _province_so_called(self, text: str, found: Location) -> Location | None:
        """The province ``text`` names bare, where ``found`` is only the province's namesake seat and
        the article calls the name a province elsewhere ("the northwestern province of Idlib", "the
        Sagaing region"): "airstrikes kill 20 in Idlib" is the province, so that a town named in it
        ("the town of Maarat al-Numan") can say where; None otherwise."""
        if found.precision != "town" or not found.admin1 or not self.text:
            return None
        bare = _A_VILLAGE_OF.sub("", text)  # "Sagaing village" in a headline: a village of the region
        name = normalize_name(bare)
        if name != normalize_name(found.name) or name != normalize_name(found.admin1):
            return None
        words = r"\s+".join(re.escape(w) for w in bare.split())
        typed = re.search(
            rf"\b(?:{_DIVISION_WORDS})\s+of\s+{words}\b|\b{words}\s+(?:{_DIVISION_WORDS})\b", self.text, re.IGNORECASE
        )
        if typed is None:
            return None
        province = self._gazetteer.resolve(typed.group(0), context_countries=(found.country_code,))
        if province is None or province.precision != "province" or province.admin1 != found.admin1:
            return None
        return replace(province, text=found.text)

    def _in_a_named_province(
        self, text: str, found: Location, context_countries: Sequence[str], loose: bool
    ) -> Location:
        """The namesake of ``found`` in one of the article's provinces, if it has one and
        ``found`` does not dwarf it; else ``found``. A district, or a place read inside one ("Zike
        village in Bassa local government area", Plateau's Bassa where the story is set in Plateau
        state, not Kogi's), has no population to weigh: its namesake in the province is taken."""
        if any(p.country_code == found.country_code and p.admin1 == found.admin1 for p in self.provinces):
            return found  # already in a named province
        for province in self.provinces:
            again = self._gazetteer.resolve(f"{text}, {province.name}", context_countries=context_countries, loose=loose)
            if (
                again is not None and again.precision in _PROVINCE_TOWN_LEVELS
                and (again.country_code, again.admin1) == (province.country_code, province.admin1)
                and normalize_name(again.name) == normalize_name(found.name)  # a namesake, not the province's seat
                and (
                    self.population(found) < _DWARFS * max(self.population(again), 1)
                    if found.geonameid is not None and again.geonameid is not None
                    else found.precision == again.precision == "district"
                )
            ):
                return replace(again, text=found.text)
        return found

    def sole_country(self, name: str) -> str | None:
        """The one country holding the towns, districts and provinces called ``name``, if one, and
        if one of them is a division, bears the name as its own or is a town of some size: "Bajaur"
        is only Pakistan's Bajaur Agency, "Omeath" a village in Ireland, but "Hilah" only matches a
        West Bank village of 1,258 called Al Hilah (the Iraqi city is Al Hillah)."""
        found = [c for c in self._gazetteer.candidates(name)
                 if c.place.kind in ("city", "district", "admin1") and c.place.country_code]
        if len({c.place.country_code for c in found}) != 1:
            return None
        if not any(c.quality == 0 or c.place.kind != "city" or c.place.population >= _SOLE_TOWN_FLOOR for c in found):
            return None
        return found[0].place.country_code

    def population(self, location: Location) -> int:
        """How many people live in the gazetteer's entry read as ``location`` (0 when not known)."""
        return next((c.place.population for c in self._gazetteer.candidates(location.name)
                     if c.place.geonameid is not None and c.place.geonameid == location.geonameid), 0)

    def is_demonym(self, word: str) -> bool:
        return bool(self._gazetteer.is_demonym(word))

    def names_a_facility(self, text: str) -> bool:
        return bool(self._gazetteer.names_a_facility(text))

    def force_country(self, unit: Unit, *, targeted: bool = False, bystander: bool = False) -> tuple[Location, Any] | None:
        """The country of a state force named in ``unit`` ("Dutch police detained two more"):
        where a force acts is its country, when nothing else places the act. With ``targeted``,
        a force that was attacked instead ("rebels attacked a Myanmar army convoy"): forces are
        mostly attacked at home, while they may act abroad ("Israeli strikes"). With
        ``bystander``, a force named with the victims without being the attacked one ("a Kenya
        police reservist was killed"), a weaker sign."""
        from sitrep.actors.attribution import role

        for mention in unit.actors:
            if mention.actor_type == "state force" and mention.country_code:
                if names_its_strikes(mention.matched):
                    # "Man killed in Indian shelling at LoC": a state's strikes cross borders and say nothing
                    # of the country they hit, whatever side the mention is on (its machines count only
                    # where it acts, below)
                    continue
                if self._gazetteer.country(mention.matched) is not None:
                    continue  # "Russia launched 89 drones at the country": the state that strikes, from afar
                text = unit.sentence.text
                side = role(text, mention.start, mention.end, actor_type=mention.actor_type)
                if targeted or bystander:
                    if side == "perpetrator" or (side == "target") != targeted:
                        continue
                elif not (side == "perpetrator" or _FORCE_ACTS.match(text, mention.end)):
                    continue  # "translators for the British army": the force did not act here
                elif _STRIKES_FROM_AFAR.search(mention.matched):
                    continue  # "Russian warplanes target al-Hbit": acting abroad as often as at home
                country = self._gazetteer.country(mention.country_code)
                if country is not None:
                    return country.to_location(mention.matched, precision="country"), mention
        return None

    def facility_place(self, text: str, context_countries: Sequence[str] = ()) -> Location | None:
        key = ("\x00facility:" + text, tuple(context_countries))
        if key not in self._cache:
            self._cache[key] = self._gazetteer.facility_place(text, context_countries)
        return self._cache[key]


#: A preposition right before a place name: "of Cameroon", "in Chad".
_PLACE_PREPOSITION = re.compile(r"\b(?:of|in|across|throughout|near|from|to|into|inside|outside)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass
class DocumentContext:
    article: Article
    sentences: Sequence[Sentence]
    countries: list[str]
    not_places: list[tuple[int, int, int]]  # (sentence, start, end): actor names, the dateline
    places: CachedPlaces
    window_days: int = 10
    not_dates: list[tuple[int, int, int]] = field(default_factory=list)  # (sentence, start, end): the dateline
    #: The countries of ``countries`` named outright (a place, a country, a group active in one),
    #: not only through a people's name: "Chadian peacekeepers" do not put Kidal outside Mali.
    named_countries: list[str] = field(default_factory=list)
    #: The dateline's place when it is a provincial town or province, not the capital ("KUNDUZ,
    #: Afghanistan"): the story was filed where things happen, a last hint of the incident's place.
    local_dateline: tuple[Location, Evidence] | None = None
    dates: dict[tuple[int, int], DateSpan | None] = field(default_factory=dict)
    #: ``countries``, then those where a group the article names is active (at most
    #: :data:`HINT_COUNTRIES`): where to look last for a place read nowhere else ("in Jere area"
    #: with Boko Haram at work is Jere, Borno).
    hinted_countries: list[str] = field(default_factory=list)
    #: The country of the article's outlet or web address, and what told it, if known.
    source: SourceCountry | None = None

    @property
    def source_country(self) -> str | None:
        return self.source.country_code if self.source is not None else None

    @classmethod
    def build(
        cls, article: Article, sentences: Sequence[Sentence], gazetteer: "Gazetteer", settings: Settings,
        *, source: SourceCountry | None = None,
    ) -> "DocumentContext":
        """What the whole article tells. ``source``: the country of the article's outlet or web
        address, where an article that names no country is read first."""
        from sitrep.extract.dates import DateResolver

        tally: Counter[str] = Counter()
        named: set[str] = set()  # countries named outright, not only through a people ("Chadian")
        places = CachedPlaces(gazetteer, article.text)
        mentions: list[list[tuple[str, Place | None]]] = []  # per sentence: (place name, country if it is one)
        scanned: list[list[str]] = []  # per sentence: the places only the gazetteer's scan found
        provinces: list[Location] = []  # the provinces the article names, in order
        for sentence in sentences:
            found: list[tuple[str, Place | None]] = []
            for e in sentence.entities:
                if e.label in ("GPE", "LOC"):
                    # the NER's "Dera" is read as the "Dera Murad Jamali" the gazetteer found around it,
                    # "Luna" as the "Roverè della Luna" it is part of
                    around = next((
                        p for p in sentence.places
                        if p.start <= e.start and e.end <= p.end and (p.label == "GAZ" or p.end - p.start > e.end - e.start)
                    ), None)
                    if around is not None:
                        e = around if around.label == "GAZ" else replace(around, label=e.label)
                if e.label in ("GPE", "NORP", "LOC", "GAZ"):
                    country = gazetteer.country(e.text)
                    if country is not None:
                        found.append((e.text, country))
                        if e.label != "NORP" and not gazetteer.is_demonym(e.text) and not country_as_adjective(
                            sentence.text, e.start, e.end
                        ):  # not "a US citizen": like "an American"
                            named.add(country.country_code)
                    elif e.label != "NORP":
                        found.append((e.text, None))
            # the places only the gazetteer's scan found, where the NER saw none and outside any group's name
            # ("the Islamic State of Iraq")
            unseen = [
                p for p in sentence.places
                if p.label == "GAZ"
                and not any(e.start < p.end and p.start < e.end and e.label in ("GPE", "LOC") for e in sentence.entities)
                and not any(a.start < p.end and p.start < a.end for a in sentence.actors)
            ]
            # a province found so ("The situation in Tigray", Tigray taken for a person) counts too, named by
            # its own name; a town does not (too often a word or a name)
            scanned.append([p.text for p in unseen])
            # and a country, named after a preposition ("the North-West Region of Cameroon"), is named outright
            # (not "Chad said", a man's name)
            for p in unseen:
                if _PLACE_PREPOSITION.search(sentence.text, max(0, p.start - 12), p.start) and not any(
                    e.start < p.end and p.start < e.end and e.label == "NORP" for e in sentence.entities
                ):
                    country = gazetteer.country(p.text)
                    if country is not None:
                        found.append((p.text, country))
                        named.add(country.country_code)
            mentions.append(found)
        # places are read among the countries the article names, whose people it names, or where
        # a group it names is active ("Ghanzi province" in a release from Afghanistan is Ghazni,
        # not the Ghanzi of Botswana)
        by_name = Counter(country.country_code for found in mentions for _, country in found if country is not None)
        by_name.update(c for sentence in sentences for a in sentence.actors for c in _actor_countries(a))
        outright = [c for c, _ in by_name.most_common()]
        # a group active in a few more countries does not put them all in the article's context, but
        # its countries are where to look first for a town the article names ("Banki" with Boko Haram
        # is Nigeria's, not India's)
        hinted = outright + sorted({
            c for sentence in sentences for a in sentence.actors for c in hint_countries(a)
        } - set(outright))
        # a Spanish or Portuguese text ("Localizan a tres hombres asesinados en Chilapa") that names
        # no country is read among the countries that speak it
        language = language_of(t for s in sentences for t in s.triggers)
        speaking = language.countries if language is not None else ()
        # an article that names no country is read first in its source's ("in Zamora", in a paper of
        # Michoacan, is Zamora de Hidalgo, not Zamora in Spain)
        source_first = [source.country_code] if source is not None and not outright else []
        hinted = source_first + [c for c in hinted if c not in source_first]
        if source is not None and source.country_code not in hinted:
            # and one that does, last in its source's ("Turkish soldiers ... in the vicinity of Tel
            # Rifaat" in a report of a Syrian monitor)
            hinted.append(source.country_code)
        if speaking and not outright:
            hinted = hinted + [c for c in speaking if c not in hinted]
        for sentence, found, divisions in zip(sentences, mentions, scanned):
            for text, country in found:
                if country is not None:
                    tally[country.country_code] += 1
                    continue
                # "Borno State", "northeast Nigeria": the country of a named place counts too, read in
                # those countries first, else anywhere ("a Guyana native in Albany" is in New York)
                place = places.resolve(text, context_countries=hinted)
                if place is None:  # anywhere, but by its own spelling: "Kalacha" is no Karachi
                    place = places.resolve(text, loose=False)
                    if place is not None and hinted and not _known_abroad(place, gazetteer):
                        place = None  # "near Jebel ech Chambi" in a Tunisian story: not Jebel in Turkmenistan
                    elif place is not None and place.precision == "province" and names_compass_point(place.name):
                        place = None  # "the North-West Region of Cameroon": no country's North-West in particular
                if place is not None and place.country_code:
                    tally[place.country_code] += 1
                    named.add(place.country_code)
                    if place.precision == "province" and place.admin1 and place not in provinces:
                        provinces.append(place)
            for text in divisions:
                place = places.resolve(text, context_countries=hinted)
                if place is not None and place.country_code and place.precision == "province" and (
                    normalize_name(place.name) == normalize_name(text)  # by its own name: "Oro" is no "El Oro"
                ) and (place.country_code in hinted or not names_compass_point(place.name)):
                    tally[place.country_code] += 1
                    named.add(place.country_code)
            for a in sentence.actors:
                tally.update(_actor_countries(a))
                if not a.country_code and a.actor is not None and len(a.actor.countries) == 1:
                    named.add(a.actor.countries[0])  # a group active in one country (TTP, FARC...)
        places.set_provinces(provinces)
        not_places = [(s.index, a.start, a.end) for s in sentences for a in s.actors] + _named_people(sentences)
        countries = [c for c, _ in tally.most_common()]
        if not countries:
            countries = source_first + [c for c in speaking if c not in source_first]
        dateline = dateline_span(article.text)
        not_dates: list[tuple[int, int, int]] = []
        local_dateline: tuple[Location, Evidence] | None = None
        if dateline is not None:
            start, end, whole = dateline
            held = next((s for s in sentences if s.start <= start < s.end), None)
            if held is not None:
                not_places.append((held.index, start - held.start, end - held.start))
                not_dates.append((held.index, start - held.start, whole - held.start))
            filed_from = gazetteer.resolve(article.text[start:end])
            if filed_from is not None and filed_from.country_code:
                countries = [filed_from.country_code] + [c for c in countries if c != filed_from.country_code]
                named.add(filed_from.country_code)
                local = filed_from.precision in ("town", "district", "province") and not gazetteer.is_capital(filed_from)
                if local and held is not None:
                    unit = Unit(held, 0, len(held.text), -1)
                    local_dateline = (filed_from, _evidence(unit, start - held.start, end - held.start, 0.25))
        context = cls(
            article, sentences, countries, not_places, places, settings.reported_window_days, not_dates,
            named_countries=[c for c in countries if c in named], local_dateline=local_dateline,
            hinted_countries=countries + [c for c in hinted if c not in countries], source=source,
        )
        context._resolve_dates(DateResolver(article.published) if article.published else None)
        return context

    def _resolve_dates(self, resolver: Any) -> None:
        """Resolve every date phrase in reading order, each against the last one resolved."""
        anchor: DateSpan | None = None
        for sentence in self.sentences:
            if not sentence.dates:
                continue
            text = sentence.text
            tense = "future" if _FUTURE.search(text) and not _PAST_VERB.search(text) else "past"
            for mention in sentence.dates:
                span = None
                if getattr(mention, "time_only", False):
                    pass  # a clock time dates nothing ("at about 1100 hrs")
                elif tense == "past" and _looks_ahead(text, mention.start):
                    pass  # a day still to come, told aside, dates nothing told ("X, who will take office on 1 June, said")
                elif resolver is not None:
                    reading = getattr(mention, "reading", "")  # "Hace dos semanas", read as "2 weeks ago"
                    span = resolver.resolve(reading or mention.text, anchor=anchor, tense=tense)
                    if span is not None and reading:
                        span = replace(span, text=mention.text)
                elif _YEAR_IN_PHRASE.search(mention.text):
                    span = _resolve_without_publication(mention.text)
                self.dates[(sentence.index, mention.start)] = span
                # a period's start ("has stepped up attacks since 2022") is no date an act is told on:
                # "A day earlier" in the next sentence counts from the act told before it
                if span is not None and not _opens_a_period(text, mention):
                    anchor = span

    def news_window(self) -> DateSpan | None:
        """The days an undated incident told as news could fall on."""
        published = self.article.published
        if published is None:
            return None
        return DateSpan(published - timedelta(days=self.window_days), published, "week", "", inferred=True)

    def unit_date(self, unit: Unit, pos: int) -> DateSpan | None:
        """The date of the incident whose trigger is at ``pos`` in ``unit``: the nearest resolved
        phrase (see :meth:`dated_by`)."""
        found = self.dated_by(unit, pos)
        return found[0] if found is not None else None

    def dated_by(self, unit: Unit, pos: int) -> tuple[DateSpan, Any] | None:
        """The date of the incident whose trigger is at ``pos`` in ``unit``, with the mention that
        gives it: the nearest resolved phrase.

        A phrase after the trigger is preferred to one before it at the same distance; a
        deadline ("by Sunday", "until Monday") never dates the incident, and a phrase cut off
        from the trigger by a claim ("On 4 January ISIS claimed the bombing") or attached to a
        statement ("police said on Wednesday") dates the words, so it comes last; an act dated
        only by a statement came on that day or in the days before it.
        """
        best: tuple[float, DateSpan, Any, bool] | None = None
        written: list[tuple[DateSpan, Any]] = []  # the phrases that write out a year
        text = unit.sentence.text
        acts = frozenset(t.end for t in unit.triggers)  # where the clause's acts end ("the 2017 attack")
        for mention in unit.dates:
            span = self.dates.get((unit.sentence.index, mention.start))
            before = text[max(0, mention.start - 30) : mention.start]
            if span is None or self._in_dateline(unit, mention) or (
                # a deadline ("by Sunday"), not a time of the day ("before dawn on Friday") nor the day of
                # an act the words after it tell ("the deadliest since 2017, | when a truck bomb killed 500")
                _NOT_EVENT_DATE.search(before) and not _TIME_OF_DAY.match(mention.text)
                and not _WHEN_AFTER.match(text, mention.end)
            ):
                continue
            if mention.start >= pos:
                distance = float(mention.start - pos)
                between = text[pos : mention.start]
            else:
                distance = (pos - mention.end) * 1.5
                between = text[mention.end : pos]
            if _CLAIM_WORD.search(between):
                distance += 400.0
            elif mention.end <= pos and _SINGLED_OUT.search(between):
                distance += 300.0  # "attacks in recent months, including a bombing in May": the many's period
            elif mention.end <= pos and _AFTER_THE_ACT.search(between):
                # "A sixth person died in hospital on Monday after an attack on a bar on Saturday": the
                # day of what followed the act
                distance += 100.0
            if (
                _COURT_DATE_BEFORE.search(before) and not _GROUNDS_BEFORE.search(before)
            ) or _COURT_VERB_AFTER.match(text, mention.end):
                # "A British court on Thursday convicted ...": the day of the verdict, not of the act (but
                # "jailed for life over | 2017 Manchester Arena bombing plot" dates what the verdict is for)
                continue
            statement = bool(_REPORTING_DATE.search(before) or _REPORTING_VERB_AFTER.match(text, mention.end))
            if statement:
                distance += 300.0  # when it was said, used only when nothing dates the act itself
            elif self._dates_another_noun(text, mention, pos, acts):
                continue  # "which rejected a 2016 peace deal": the deal's year, not the act's
            if best is None or distance < best[0]:
                best = (distance, span, mention, statement)
            if not statement and _YEAR.search(mention.text):
                written.append((span, mention))
        if best is None:
            return None
        _, span, mention, said = best
        if not said and not _YEAR.search(mention.text):
            # a day named without its year, in a clause that writes out another period: the act lies in
            # the period written ("during Pentecost Sunday Mass in June 2022", not the last Pentecost)
            outside = next((
                (s, m) for s, m in written
                if 0 <= m.start - mention.end <= _SAME_PHRASE_REACH and not (s.start <= span.start and span.end <= s.end)
            ), None)
            if outside is not None:
                span, mention = outside
        if said and span.precision == "day":
            # "killed 30 civilians, officials said Tuesday": the act came on that day or in the days before
            span = DateSpan(span.end - timedelta(days=_SAID_REACH_DAYS), span.end, "week", span.text, inferred=True)
        return span, mention

    @staticmethod
    def _dates_another_noun(text: str, mention: Any, pos: int, acts: frozenset[int] = frozenset()) -> bool:
        """Whether the phrase is attributive ("Tuesday's attack", "the Aug. 7 attack") and the
        noun it dates is not the trigger at ``pos`` nor another act of the clause (``acts``, the
        ends of its triggers: "sentenced the brother of the suicide bomber for
        helping to plan the 2017 attack" dates the attack told)."""
        after = _POSSESSIVE.match(text, mention.end)
        if after is None:
            if not _THE_BEFORE.search(text, max(0, mention.start - 5), mention.start):
                return False
            after = _NOUN_AFTER.match(text, mention.end)
            if after is None or not any(c.isdigit() for c in mention.text):
                return False  # "the day", "the week": not a calendar date before a noun
            if pos > mention.end and _NAMES_BETWEEN.fullmatch(text, mention.end, pos) is not None:
                return False  # "the 2017 Manchester Arena bombing": the act, named by its place
            return not (mention.end < pos <= after.end()) and after.end() not in acts
        return pos != after.end() and after.end() not in acts

    def _in_dateline(self, unit: Unit, mention: Any) -> bool:
        index = unit.sentence.index
        return any(i == index and a <= mention.start and mention.end <= b for i, a, b in self.not_dates)

    @cached_property
    def sole_place(self) -> tuple[Location, Evidence] | None:
        """The one place below country level that the whole article names, for a reported
        incident whose own clauses name none ("A security force stopped a vehicle in Reg-e Khan
        Neshin district, Helmand province. ... Four men were detained"); where it names several,
        the one province that holds all the others; else None (which one is the incident's is
        not known)."""
        found: dict[tuple[str, str | None], tuple[Location, Evidence]] = {}
        peoples_only = list(self.named_countries) != list(self.countries) and not any(
            a.actor is not None and a.actor.countries for sentence in self.sentences for a in sentence.actors
        )  # no group named whose countries put the article's places there (the ELN's Colombia)
        for sentence in self.sentences:
            unit = Unit(sentence, 0, len(sentence.text), -1)
            # a place inside an organisation's name ("Los Angeles County Sheriff's Department")
            # says where the organisation is, not where anything happened
            organisations = [(e.start, e.end) for e in sentence.entities if e.label == "ORG"]
            # (a chain a name of an actor or the dateline opens is none: "BAMAKO, Nov 28 (Reuters)")
            skip = [(a, b) for s, a, b in self.not_places if s == sentence.index]
            for mention, phrase, start, end in chains(unit, skip):
                if any(a <= start and end <= b for a, b in skip):
                    continue
                if any(a <= start and end <= b and (a, b) != (start, end) for a, b in organisations):
                    continue
                if where_a_statement_was_made(sentence.text, start):
                    continue  # "a military spokesman told reporters in Rawalpindi"
                location = self.places.resolve(phrase, context_countries=self.countries)
                if location is None and peoples_only:
                    # as an incident's own place is read: the countries named outright, when the others
                    # come only from a people's name ("a Syrian man" in a story from Solingen)
                    location = self.places.resolve(phrase, context_countries=self.named_countries)
                if location is None or location.precision in (None, "country", "region"):
                    continue
                key = (location.name, location.country_code)
                if key not in found:
                    found[key] = (location, _evidence(unit, mention.start, mention.end, 0.3))
        if len(found) == 1:
            return next(iter(found.values()))
        # "in Kandahar province ... in the Zharay district of the province": one province that
        # holds every other place named is the article's one place, to that precision
        provinces = [
            (loc, ev) for loc, ev in found.values()
            if loc.precision == "province" and all(
                (other.country_code, other.admin1) == (loc.country_code, loc.admin1) for other, _ in found.values()
            )
        ]
        return provinces[0] if len(provinces) == 1 else None

    @cached_property
    def title_place(self) -> tuple[Location, Evidence] | None:
        """The place an article's opening title names with its event ("2016 Orlando nightclub
        shooting: ...", "Maidan Shar attack: ..."): the town the gazetteer knows, or a one-word
        name it does not ("Mamasapano clash"), which gets its country from the report. Not a
        street or a building ("Jaffa Street bombing", "World Trade Center bombing")."""
        if not self.sentences:
            return None
        first = self.sentences[0]
        m = _TITLED_EVENT.match(first.text)
        if m is None:
            return None
        name = m.group("name")
        unit = Unit(first, 0, len(first.text), -1)
        evidence = _evidence(unit, m.start("name"), m.end("name"), 0.5)
        location = self.places.resolve(name, context_countries=self.countries)
        if location is not None and location.precision in ("town", "district"):
            return location, evidence
        if location is None and " " not in name and not self.places.is_demonym(name):
            return Location(name=name, precision="town", text=name), evidence
        return None


def _in_country(town: Location, country: str | None, code: str | None) -> Location:
    """A town the gazetteer does not know, put in the country the text gives it."""
    return replace(town, country=country, country_code=code)


def _force_country(
    units: Sequence[Unit], context: DocumentContext, confidence: float, **how: bool
) -> tuple[Location, Evidence] | None:
    """:meth:`CachedPlaces.force_country` (``how``: targeted or bystander) over ``units``, the
    first found with its evidence."""
    for unit in units:
        forced = context.places.force_country(unit, **how)
        if forced is not None:
            location, mention = forced
            return location, _evidence(unit, mention.start, mention.end, confidence)
    return None


#: The most countries a group may be active in for them to guide the reading of a town's name.
HINT_COUNTRIES = 6


def hint_countries(mention: Any) -> tuple[str, ...]:
    """Where a town's name is looked for when a registry group is named: the countries it is
    active in, when there are at most :data:`HINT_COUNTRIES` ("Banki" with Boko Haram is
    Nigeria's, not India's)."""
    actor = mention.actor
    if actor is None or len(actor.countries) > HINT_COUNTRIES or names_its_strikes(mention.matched):
        return ()
    return tuple(actor.countries)



#: A town outside the countries an article points to is believed, to put its country among them,
#: only when it is this large ("a Guyana native in Albany" is in New York).
_TOWN_KNOWN_ABROAD = 50_000


def _known_abroad(place: Location, gazetteer: Any) -> bool:
    """Is ``place``, found outside the article's countries, well enough known to be meant: an
    area, or a town of _TOWN_KNOWN_ABROAD people or more?"""
    if place.precision != "town" or place.geonameid is None:
        return True
    populations = [c.place.population for c in gazetteer.candidates(place.name) if c.place.geonameid == place.geonameid]
    return not populations or max(populations) >= _TOWN_KNOWN_ABROAD


def _actor_countries(mention: Any) -> tuple[str, ...]:
    """The countries an actor mention puts in an article's context: its own ("Pakistani
    Taliban"), else those of a group active in one to three countries (the ELN: Colombia and
    Venezuela, so "Anorí" is Colombia's); none for a group active in more, nor for a state's strikes."""
    if names_its_strikes(mention.matched):
        return ()
    if mention.country_code:
        return (mention.country_code,)
    if mention.actor is not None and len(mention.actor.countries) <= 3:
        return tuple(mention.actor.countries)
    return ()


#: What introduces a person's name: "a Taliban leader named Malawi Sahib", "identified as X".
_INTRODUCES_A_NAME = re.compile(r"\b(?:named|identified\s+as|known\s+as|called)\s+\Z", re.I)


def _named_people(sentences: Sequence[Sentence]) -> list[tuple[int, int, int]]:
    """(sentence, start, end) of every mention of a person's name the article introduces as such
    ("a Taliban leader named Malawi Sahib"): "killing Malawi Sahib" later is no place, though
    its first word is a country's name. Names of two words or more only."""
    names = {
        e.text for sentence in sentences for e in sentence.entities
        if e.label == "PERSON" and len(e.text.split()) >= 2 and _INTRODUCES_A_NAME.search(sentence.text, 0, e.start)
    }
    return [
        (sentence.index, m.start(), m.end())
        for name in names for sentence in sentences if name in sentence.text
        for m in re.finditer(re.escape(name), sentence.text)
    ]


#: A year in a date phrase: four digits that are not a clock time ("at about 2045 GMT on Friday").
_YEAR_IN_PHRASE = re.compile(
    r"(?<!\bat )(?<!\babout )(?<!\baround )(?<!\bby )\b(\d{4})\b(?!\s*(?:GMT|UTC|hours|hrs|local\s+time)\b)", re.I
)


#: What bounds a clause for its tense: a comma, a semicolon, a colon, a bracket or a quotation mark.
_CLAUSE_BOUND = re.compile(r"[,;:()\"“”]")


#: A clause told after the act, between a date and the act: "died on Monday | after | an attack".
_AFTER_THE_ACT = re.compile(r"\b(?:after|following)\s+(?:an?|the|this|that|last|[\w-]+'s)\b", re.IGNORECASE)


#: "since" before a date: the date opens a period.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?\Z", re.IGNORECASE)


#: Capitalised words alone between a date and the act it names: " Manchester Arena ".
_NAMES_BETWEEN = re.compile(r"(?:\s+[A-Z][\w'’.-]*){1,4}\s+")


def _opens_a_period(text: str, mention: Any) -> bool:
    """Whether a date mention is the start of a period ("since 2022", "since March"), not a day an
    act was told on."""
    return mention.text.lower().startswith("since ") or _SINCE_BEFORE.search(text, 0, mention.start) is not None


def _looks_ahead(text: str, pos: int) -> bool:
    """Whether the clause around ``pos`` looks ahead and tells nothing done ("Cristiani, who will
    replace Duarte on 1 June, stated")."""
    bounds = [m.start() for m in _CLAUSE_BOUND.finditer(text)]
    lo = max((b for b in bounds if b < pos), default=-1) + 1
    hi = min((b for b in bounds if b >= pos), default=len(text))
    clause = text[lo:hi]
    return _FUTURE.search(clause) is not None and _PAST_VERB.search(clause) is None


def _resolve_without_publication(phrase: str) -> DateSpan | None:
    """Absolute dates only, when the article has no publication date."""
    from sitrep.extract.dates import DateResolver

    year = int(_YEAR_IN_PHRASE.search(phrase).group(1))  # type: ignore[union-attr]
    return DateResolver(date(min(year + 1, 9998), 12, 31)).resolve(phrase)


_RESTATING = frozenset({"both", "all", "each"})


def _restates(mention: Any) -> bool:
    """Whether a count names again people already counted: "killing both armed individuals",
    "all of them"."""
    parts = mention.count.parts
    return bool(parts) and all(p.text.split()[0].lower() in _RESTATING for p in parts if p.text)


class Assembler:
    """Builds reports from incident groups."""

    def __init__(self, lexicons: Lexicons, kinds: KindTable, gazetteer: "Gazetteer", settings: Settings) -> None:
        self.lexicons = lexicons
        self.kinds = kinds
        self.gazetteer = gazetteer
        self.settings = settings

    def assemble(self, groups: Sequence[Group], context: DocumentContext) -> list[Report]:
        reports: list[Report] = []
        lead_taken = False
        for group in groups:
            report = self._report(group, context, lead=not lead_taken)
            if report is None:
                continue
            if report.realis == "reported":
                lead_taken = True
            reports.append(report)
        return reports

    # -- one report -----------------------------------------------------------------------
    def _report(self, group: Group, context: DocumentContext, *, lead: bool) -> Report | None:
        lead = lead and not (group.in_passing or group.accused)
        evidence: dict[str, Evidence] = {}
        head_unit, head = group.head_unit, group.head
        evidence["kind"] = _evidence(head_unit, head.start, head.end, 0.8 if head.strong else 0.5)

        counts, count_evidence = self._counts(group)
        evidence.update(count_evidence)

        perpetrators, targets_from_actors, claim, actor_evidence = self._actors(group, context)
        evidence.update(actor_evidence)
        counts = _captives_taken(counts, evidence, perpetrators)

        weapons = self._weapons(group)
        if weapons:
            evidence["weapons"] = weapons[1]
        targets, target_evidence = self._targets(group, targets_from_actors)
        if target_evidence is not None:
            evidence["targets"] = target_evidence

        head_text = head_unit.text
        cues = read_cues(self.lexicons, head_text)
        if not cues.negated and any(self.lexicons.realis["negated"].search(u.text) for u in group.units):
            cues = replace(cues, negated=True)  # "Police said there was no attack on the mosque"
        if _MODAL_ACT.search(head_unit.sentence.text, max(0, head.start - 60), head.start) or _SUSPENDED_ACT.search(
            head_unit.sentence.text, max(0, head.start - 120), head.start
        ):
            cues = replace(cues, modal=True)
        elif _DIRECTIVE_ACT.search(head_unit.sentence.text, max(0, head.start - 80), head.start):
            cues = replace(cues, hypothetical=True)
        if group.recalled:  # opened right after a cue of an earlier incident (realis.recalled)
            cues = replace(cues, background=True)
        hurt = any(c is not None and (c.best or 0) > 0 for c in (counts.killed, counts.injured))
        has_casualties = hurt or (counts.kidnapped is not None and (counts.kidnapped.best or 0) > 0)
        status = decide_status(cues, has_casualties=has_casualties, families=frozenset(group.families))

        when, date_evidence = self._date(group, context)
        if when is None and group.counted_back is not None:
            # "two days after | a suicide attack": the day the news's date is counted back to
            when = group.counted_back
            cue = head_unit.sentence.text.rfind(when.text, 0, head_unit.lo + 1)
            if cue >= 0:
                date_evidence = _evidence(head_unit, cue, cue + len(when.text), 0.5)
        if date_evidence is not None:
            evidence["date"] = date_evidence
        counted = _counted_from(head_unit.sentence.text, head.start, context.article.published)
        if counted is not None:
            # "three years after the Bataclan massacre, survivors gathered": the act time is counted
            # from is past, dated by the count, and a recalled one even as the article's lead
            span, recalled, at = counted
            if span is not None and (when is None or when.inferred or when.start >= span.end):
                when = span  # a day the clause gives is the commemoration's ("on Sunday to mark ...")
                evidence["date"] = _evidence(head_unit, at[0], at[1], 0.5)
            if recalled:
                cues = replace(cues, background=True)
                lead = False
        past = has_casualties or _tells_past_act(head_text) or (when is not None and context.article.published is not None and when.end < context.article.published)
        realis = decide_realis(
            cues, when=when, published=context.article.published, lead=lead, has_past_evidence=past, has_casualties=has_casualties,
            status=status, window_days=self.settings.reported_window_days,
        )
        if when is None and realis == "reported" and context.article.published is not None:
            published = context.article.published
            when = DateSpan(published, published, "day", "", inferred=True)

        location, location_evidence = self._location(group, context, reported=realis == "reported", perpetrators=perpetrators)
        if group.scene is not None and (location is None or only_its_country(location, group.scene)):
            # "a mosque in the city", "in the same district, the deadliest attack in the country": where
            # the news it is recalled from happened
            location = group.scene
            at = SAME_SCENE.search(head_unit.text)
            if at is not None:
                location_evidence = _evidence(head_unit, head_unit.lo + at.start(), head_unit.lo + at.end(), _GUESS_CONFIDENCE)
        if location_evidence is not None:
            evidence["location"] = location_evidence

        if group.arrests_only:
            # people an armed group captured were kidnapped ("ISIS militants captured 20 soldiers")
            family = "kidnap" if counts.kidnapped is not None and counts.arrested is None else "arrest"
        elif "seizure" in group.families and not has_casualties:
            family = "seizure"  # "troops confiscated a mortar and two grenades": weapons taken, no attack
        else:
            family = self.kinds.main_family(
                group.families, [w.type for w in weapons[0]] if weapons else (), [t.type for t in targets], hurt=hurt
            )
        if family is None:
            return None
        if family in _AIR_FAMILIES and perpetrators and all(_AIR_FORCE.search(p.matched) for p in perpetrators):
            family = "air"  # "the air force bombed rebel positions in Zacamil"
        state_only = bool(perpetrators) and all(p.actor_type in _STATE_TYPES for p in perpetrators)
        if family == "raid" and "arrest" in group.families and not has_casualties and (state_only or not perpetrators):
            family = "arrest"  # "police raided a house in Mombasa and arrested three suspects": no attack
        kind = self.kinds.kind(
            family, target_types=[t.type for t in targets], state_perpetrator_only=state_only, status=status,
            plotted="plot" in group.families or "arrest" in group.families,
            hurt=hurt, demonstrators_only=bool(perpetrators) and all(p.actor_type == "protesters" for p in perpetrators),
        )
        if kind.gtd_attack_type == "Armed Assault" and family in _TARGETED_FAMILIES and _aims_at_a_prominent_person(targets, counts):
            # the GTD's assassination: an attack meant to kill a prominent person ("the head of the
            # Sikh community was shot dead", "gunmen shot an ANC branch deputy chairperson")
            kind = replace(kind, gtd_attack_type="Assassination")

        confidence = self._confidence(group, when, location, counts, perpetrators)
        return Report(
            kind=kind,
            status=status,
            realis=realis,
            date=when,
            location=location,
            perpetrators=tuple(perpetrators),
            targets=tuple(targets),
            weapons=tuple(weapons[0]) if weapons else (),
            counts=counts,
            claim=claim,
            evidence=evidence,
            confidence=confidence,
            trigger=head.text,
        )

    def _date(self, group: Group, context: DocumentContext) -> tuple[DateSpan | None, Evidence | None]:
        """The date phrase nearest the head trigger; else one in another clause with a strong trigger; else
        any. A day another clause gives inside a longer span found first narrows it ("killed 30 civilians,
        officials said Tuesday. The gunmen arrived late Sunday")."""
        others = [u for u in group.units if u is not group.head_unit]
        ordered = [group.head_unit] + [u for u in others if any(t.strong for t in u.triggers)]
        ordered += [u for u in others if u not in ordered]
        found: tuple[DateSpan, Evidence | None] | None = None
        for unit in ordered:
            # in another clause, the act the head names again ("Death toll in Celaya bar attack rises | A sixth
            # person died on Monday after an attack on a bar on Saturday": the attack's day)
            pos = group.head.start if unit is group.head_unit else next(
                (t.start for t in unit.triggers if t.family == group.head.family), _first_trigger_pos(unit)
            )
            dated = context.dated_by(unit, pos)
            if dated is None:
                continue
            span, mention = dated
            if found is not None and not (
                span.precision == "day" and found[0].start <= span.start and span.end <= found[0].end
            ):
                continue
            found = span, _evidence(unit, mention.start, mention.end, 0.7)
            if span.precision == "day":
                break
        return found if found is not None else (None, None)

    def _location(
        self, group: Group, context: DocumentContext, *, reported: bool, perpetrators: Sequence[ActorRef] = ()
    ) -> tuple[Location | None, Evidence | None]:
        units = group.units
        if group.sums_up:
            # a wave of attacks summed up is placed where its deadliest part was, when the text says which
            # ("In the deadliest attack, a car bomb exploded ... in Baghdad"), not where another part was
            deadliest = [u for u in group.units if u is not group.head_unit and _DEADLIEST.search(u.text)]
            if deadliest:
                units = [u for u in group.units if u.order <= group.head_unit.order] + deadliest[:1]
        choice = choose_location(
            units, trigger_unit=group.head_unit, trigger_pos=group.head.start, resolver=context.places,
            context_countries=context.countries, not_places=context.not_places,
            fallback_countries=context.named_countries, hint_countries=context.hinted_countries, unknown_towns=True,
        )
        # the article's hints (its one place, a provincial dateline) place only a reported incident
        # not told as happening "elsewhere" or "separately"
        hinted = reported and not any(_ELSEWHERE.search(u.text) for u in group.units)
        if choice is not None and choice.known and choice.score < 0 and choice.location.precision == "country":
            # only a country where the act is not ("near U.S. border"): a fight named by its people's
            # country tells where it was ("Five killed in Mexican drug clash near U.S. border")
            own = self._demonym_event(group)
            if own is not None and own[0].country_code != choice.location.country_code:
                return own
        said_at = None
        if choice is not None and choice.known and choice.said_at and choice.location.precision not in ("country", "region"):
            # only the town where a statement was made ("the spokesman told reporters in Rawalpindi"): at
            # most its country, when nothing else tells one
            said_at, choice = choice, None
        if choice is None or not choice.known:
            if hinted and context.sole_place is not None and (choice is None or (
                # but not the landmark a town is measured from, nor a town told in another sentence than
                # the one the incident's clauses name ("near the town of Boni", the capital named elsewhere)
                choice.landmark is None and (
                    context.sole_place[0].precision != "town" or context.sole_place[1].start == choice.unit.sentence.start
                )
            )):
                return context.sole_place
            town_country = choice is not None and choice.location.country_code
            country, evidence = (None, None) if town_country else self._country_only(group, context, perpetrators)
            titled = self._title_place(context, country) if hinted and choice is None else None
            if titled is not None:
                return titled
            local = context.local_dateline if hinted else None
            if local is not None and (country is None or country.country_code == local[0].country_code):
                return local  # "KUNDUZ, Afghanistan - ... detained four insurgents": nothing else places it
            if choice is None:
                home = self._home_region(group, country) if hinted else None
                if home is None and country is None and said_at is not None:
                    return self._country_of(said_at)
                return home if home is not None else (country, evidence)
            return self._unknown_town(choice, country, context)
        if hinted and choice.location.precision == "country":
            # "... killed numerous insurgents in eastern Afghanistan. An air weapons team engaged
            # insurgents in Sar Kani district, Kunar province": the one place the article names
            # in that country tells where
            for hint in (context.sole_place, context.local_dateline):
                if hint is not None and hint[0].country_code == choice.location.country_code:
                    return hint
            titled = self._title_place(context, choice.location)
            if titled is not None:
                return titled
        m = choice.mention
        confidence = max(_NAMED_PLACE_CONFIDENCE, min(0.9, 0.4 + choice.score / 20))
        return choice.location, _evidence(choice.unit, m.start, m.end, confidence)

    def _country_of(self, choice: PlaceChoice) -> tuple[Location | None, Evidence | None]:
        """The country of the place where a statement about the act was made, as a guess."""
        country = self.gazetteer.country(choice.location.country_code) if choice.location.country_code else None
        if country is None:
            return None, None
        m = choice.mention
        return country.to_location(m.text, precision="country"), _evidence(choice.unit, m.start, m.end, _GUESS_CONFIDENCE)

    def _demonym_event(self, group: Group) -> tuple[Location, Evidence] | None:
        """The country of the people a fight is named after: "Mexican" in "Mexican drug clash"."""
        for unit in group.units:
            found = self._demonym_country(unit, _DEMONYM_EVENT)
            if found is not None:
                return found
        return None

    def _demonym_country(self, unit: Unit, pattern: re.Pattern[str]) -> tuple[Location, Evidence] | None:
        """The country of the first people ``pattern`` finds in ``unit`` by its ``demonym`` group
        ("Mexican" in "at a Mexican hospital", "Mexican drug clash")."""
        for m in pattern.finditer(unit.sentence.text, unit.lo, unit.hi):
            demonym = m.group("demonym")
            country = self.gazetteer.country(demonym) if self.gazetteer.is_demonym(demonym) else None
            if country is not None:
                return country.to_location(demonym, precision="country"), _evidence(unit, m.start(), m.end(), 0.4)
        return None

    def _title_place(self, context: DocumentContext, country: Location | None) -> tuple[Location, Evidence] | None:
        """The place of the article's title (:attr:`DocumentContext.title_place`) for a report
        placed in ``country`` at most: in that country, and an unknown town given it."""
        titled = context.title_place
        if titled is None:
            return None
        location, evidence = titled
        if location.country_code is None:
            if country is None or not country.country_code:
                return None
            location = _in_country(location, country.country, country.country_code)
        elif country is not None and country.country_code and country.country_code != location.country_code:
            return None
        if location.lat is None:
            evidence = replace(evidence, confidence=_UNKNOWN_TOWN_CONFIDENCE)
        return location, evidence

    def _unknown_town(
        self, choice: PlaceChoice, country: Location | None, context: DocumentContext
    ) -> tuple[Location, Evidence]:
        """A town the gazetteer does not know ("in Jalawla"), in the country its phrase names, else the
        one its clauses tell (``country``), else the one the article names most."""
        town = choice.location
        if country is not None and not town.country_code:
            town = _in_country(town, country.country, country.country_code)
        elif not town.country_code and context.named_countries:
            code = next((c for c in context.countries if c in context.named_countries), context.named_countries[0])
            town = _in_country(town, self.gazetteer.country_name(code), code)
        m = choice.mention
        return town, _evidence(choice.unit, m.start, m.end, _UNKNOWN_TOWN_CONFIDENCE)

    def _country_only(
        self, group: Group, context: DocumentContext, perpetrators: Sequence[ActorRef] = ()
    ) -> tuple[Location | None, Evidence | None]:
        """When no place is named, the country the incident's clauses still tell, in this order:
        an acting state force's ("Dutch police detained two more"); a country named, or a people
        ("More than 200 Syrians were killed"; not an adjective such as "British", which is often
        the victims' nationality); the one country a named armed group operates in, or the one
        its name gives ("Colombian rebels"; confidence 0.3); the country of a state force that
        was attacked ("rebels ambushed a Myanmar army convoy"; 0.3). Then guesses, with
        :data:`_GUESS_CONFIDENCE`, which deduplication does not read as places: the country of
        a state force named with the victims ("a Kenya police reservist was killed"), and, in an
        article that names no country at all, the home country of the armed group at work (the
        first of its countries in the registry), named in the clauses or held responsible, the
        country of the article's source (its outlet or web address), and last the nationality of
        the people named ("Two Egyptian Christians were shot dead"; people may be killed abroad,
        a local outlet's stories are mostly at home).
        Always at country precision."""
        for unit in [group.head_unit] + [u for u in group.units if u is not group.head_unit]:
            forced = context.places.force_country(unit)
            if forced is not None:
                location, mention = forced
                return location, _evidence(unit, mention.start, mention.end, 0.4)
            for e in unit.entities:
                if e.label not in ("NORP", "GPE") or any(a.start <= e.start < a.end for a in unit.actors):
                    continue
                if e.label == "NORP" and not (e.text.endswith("s") and self.gazetteer.is_demonym(e.text)):
                    continue  # "British", "American": often the victims' nationality, not the place
                if BEFORE_NOT_THE_SCENE.search(unit.sentence.text, max(0, e.start - 40), e.start):
                    continue  # "in the border with Colombia" (on the other side), "factions loyal to Turkey"
                if MISSION_AFTER.match(unit.sentence.text, e.end):
                    continue  # "near the U.S. Embassy"
                if country_as_adjective(unit.sentence.text, e.start, e.end):
                    continue  # "two US aid workers": whose people, like "British"
                country = self.gazetteer.country(e.text)
                if country is not None:
                    return country.to_location(e.text, precision="country"), _evidence(unit, e.start, e.end, 0.4)
            # but "at a Mexican hospital", "in the Mexican Gulf state" place the act in the country
            found_demonym = self._demonym_country(unit, _DEMONYM_PLACE)
            if found_demonym is not None:
                return found_demonym
        units = group.units
        found = (
            self._group_country(units, home=False)
            or _force_country(units, context, 0.3, targeted=True)
            or _force_country(units, context, _GUESS_CONFIDENCE, bystander=True)
        )
        if found is None and not context.named_countries:
            # an article that names no country at all: the home country of the armed group at
            # work ("Boko Haram terrorists attacked ...": Nigeria, the first of its countries), or
            # of the group the report holds responsible, named in another sentence ("PKK militants
            # stopped a car ... They later shot him"); the country of the article's outlet or web
            # address; last, the nationality of the people the clauses name ("Two Egyptian
            # Christians were shot dead")
            found = (
                self._group_country(units, home=True, source=context.source_country)
                or self._perpetrator_home(perpetrators, context)
                or self._source_country(context)
                or self._people_country(units)
            )
        return found or (None, None)

    def _source_country(self, context: DocumentContext) -> tuple[Location, Evidence] | None:
        """The country of the article's source: its outlet ("El Sol de Tijuana") or its web address
        (".mx"), a guess with :data:`_GUESS_CONFIDENCE`. No sentence says it: the evidence quotes
        none and names the source."""
        source = context.source
        country = self.gazetteer.country(source.country_code) if source is not None else None
        if source is None or country is None:
            return None
        evidence = Evidence(sentence="", start=0, end=0, phrase=source.told_by, confidence=_GUESS_CONFIDENCE)
        return country.to_location(country.name, precision="country"), evidence

    def _people_country(self, units: Sequence[Unit]) -> tuple[Location, Evidence] | None:
        """The country of the first people named in ``units`` ("Egyptian" in "Two Egyptian
        Christians were shot dead"), outside any actor's name: a guess, with :data:`_GUESS_CONFIDENCE`."""
        for unit in units:
            for e in unit.entities:
                if e.label != "NORP" or any(a.start <= e.start < a.end for a in unit.actors):
                    continue
                if _ABROAD_AFTER.match(unit.sentence.text, e.end):
                    continue  # "Russian warplanes", "British tourists": who may well be abroad
                country = self.gazetteer.country(e.text) if self.gazetteer.is_demonym(e.text) else None
                if country is not None:
                    return country.to_location(e.text, precision="country"), _evidence(unit, e.start, e.end, _GUESS_CONFIDENCE)
        return None

    def _perpetrator_home(
        self, perpetrators: Sequence[ActorRef], context: DocumentContext
    ) -> tuple[Location, Evidence] | None:
        """The home country (the first of its countries in the registry, or the article's source
        country when the group is active there) of the first armed group among ``perpetrators``,
        where the article names it: a guess, with :data:`_GUESS_CONFIDENCE`."""
        for p in perpetrators:
            if p.actor_id is None or p.actor_type not in _PLACING_TYPES:
                continue
            for sentence in context.sentences:
                for a in sentence.actors:
                    if a.actor is None or a.actor.id != p.actor_id or not a.actor.countries:
                        continue
                    country = self.gazetteer.country(_home_country(a.actor.countries, context.source_country))
                    if country is not None:
                        unit = Unit(sentence, 0, len(sentence.text), -1)
                        return country.to_location(a.matched, precision="country"), _evidence(unit, a.start, a.end, _GUESS_CONFIDENCE)
        return None

    def _home_region(self, group: Group, country: Location | None) -> tuple[Location, Evidence] | None:
        """For an incident no words place, the region or town an acting armed group is named after
        ("United Liberation Front of Assam (ULFA) militants lobbed a grenade at a police patrol":
        Assam), in the group's own country and in the one the clauses tell, if any: a guess, with
        :data:`_GUESS_CONFIDENCE`, which deduplication does not read as a place."""
        for unit in group.units:
            for a in unit.actors:
                if a.actor_type not in _PLACING_TYPES or a.actor is None:
                    continue
                names = dict.fromkeys((a.matched, a.name))  # as written, then the canonical name
                for place in (p for name in names for _s, _e, p in self.gazetteer.scan(name)):
                    if place.kind not in ("admin1", "region", "city") or place.country_code not in a.actor.countries:
                        continue  # not "Moro" (Pakistan) for the Moro Islamic Liberation Front
                    if country is not None and country.country_code != place.country_code:
                        continue
                    return place.to_location(a.matched), _evidence(unit, a.start, a.end, _GUESS_CONFIDENCE)
        return None

    def _group_country(
        self, units: Sequence[Unit], *, home: bool, source: str | None = None
    ) -> tuple[Location, Evidence] | None:
        """The country of the first armed group or cartel named in ``units`` that tells one: a group
        active in one country, or one named by its country ("Colombian rebels", "Mexican gunmen";
        confidence 0.3); with ``home``, the first of a registry group's countries instead (a
        guess), or the ``source`` country of the article when the group is active there (ISIS in a
        Syrian monitor's report is in Syria, not in Iraq, the first of its countries)."""
        for unit in units:
            for a in unit.actors:
                # unnamed attackers named by their country count too ("Mexican gunmen")
                by_country = a.actor_type == "unnamed" and bool(a.country_code) and not home
                if a.actor_type not in _PLACING_TYPES and not by_country:
                    continue
                if home:
                    code = _home_country(a.actor.countries, source) if a.actor is not None else None
                elif a.actor is not None:
                    code = a.actor.countries[0] if len(a.actor.countries) == 1 else None
                else:
                    code = a.country_code
                country = self.gazetteer.country(code) if code else None
                if country is not None:
                    confidence = _GUESS_CONFIDENCE if home else 0.3
                    return country.to_location(a.matched, precision="country"), _evidence(unit, a.start, a.end, confidence)
        return None

    def _of_the_act_recalled(self, unit: Unit, mention: Any) -> bool:
        """Whether a count comes after a cue of an earlier act that follows the clause's own act ("riots
        | in protest at the death of a 15-year-old", "a reprisal | for the killing of two soldiers"): it
        counts the act recalled, not this one."""
        if not unit.triggers:
            return False
        text = unit.sentence.text
        for cue in self.lexicons.earlier_incident.finditer(text[: mention.start]):
            if cue.start >= unit.lo and any(unit.lo <= t.start and t.end <= cue.start for t in unit.triggers):
                return True
        return False

    def _counts(self, group: Group) -> tuple[Counts, dict[str, Evidence]]:
        """Each category's figure: a running total beats a partial count, else the largest;
        where the attackers' dead are counted apart from their victims ("15 soldiers killed
        ... dozens of attackers neutralised"), the two sides add up, each kept as a part. When
        the dead are wounded told before who died of their wounds ("Four Israelis were shot and
        injured ... One of them died in hospital"), the wounded are those who lived (3)."""
        chosen: dict[str, Count] = {}
        evidence: dict[str, Evidence] = {}
        told: dict[str, tuple[Any, Unit]] = {}  # the mention each figure was taken from
        for category in ("killed", "injured", "arrested", "kidnapped"):
            sides: dict[bool, tuple[Any, Unit]] = {}
            for unit in sorted(group.units, key=lambda u: u.order):
                for mention in unit.counts:
                    if mention.category != category or mention.aggregate:
                        continue
                    if sides and _restates(mention):
                        continue  # "two insurgents were killed ... killing both armed individuals"
                    if self._of_the_act_recalled(unit, mention):
                        continue  # "more rioting in protest at | the death of a teenager": the grievance's
                    if sides and _claimed_figure(unit, mention):
                        # "Al Shabaab said ... it had carried out the attack and killed 23 soldiers": the
                        # doers' own toll gives way to any other the text tells (an official's 11)
                        continue
                    # the dead on the attackers' side are told apart from their victims'; the
                    # detained are one list whatever their side ("a leader ... one suspected insurgent")
                    attacker = category in ("killed", "injured") and mention.side in _ATTACKER_SIDES
                    held = sides.get(attacker)
                    # a part of a wave adds to the parts, not to the toll that sums them up ("a series of
                    # attacks left 15 dead ... bombings killed a further ten")
                    summed = group.sums_up and held is not None and held[1] is group.head_unit
                    if held is not None and (
                        (getattr(mention, "additional", False) and not summed and not _names_again(mention, held[0]))
                        or (category == "arrested" and held[1] is not unit and _joins_leader(mention, held[0])
                            and not _includes_leader(unit, mention))
                    ):
                        # "captured a facilitator ... detained one additional suspected insurgent"
                        sides[attacker] = (_AddedMention(held[0], mention), unit)
                    elif held is None or _better_count(mention, held[0]):
                        sides[attacker] = (mention, unit)
            if not sides:
                continue
            victims, attackers = sides.get(False), sides.get(True)
            if victims and attackers and _bare(victims[0]) and _size(victims[0].count) <= _size(attackers[0].count):
                # "Three armed insurgents were killed ... returned fire, killing three": a count that
                # names nobody and is no larger than the attackers' restates theirs ("killing at
                # least 25 ... all 4 attackers were killed" still adds up)
                victims = None
            main = victims or attackers
            assert main is not None
            mention, unit = main
            count = mention.count
            if victims and attackers and category == "killed" and not victims[0].cumulative:
                count = _add_sides(victims[0].count, attackers[0].count)
            chosen[category] = count
            told[category] = main
            evidence[f"counts.{category}"] = _evidence(unit, mention.start, mention.end, 0.6 if count.approx else 0.8)
        if "killed" in told and "injured" in told and _died_of_wounds(*told["killed"], after=told["injured"]):
            chosen["injured"] = _less(chosen["injured"], chosen["killed"])
        return Counts(**chosen), evidence

    def _actors(
        self, group: Group, context: DocumentContext
    ) -> tuple[list[ActorRef], list[Target], Claim | None, dict[str, Evidence]]:
        from sitrep.actors.attribution import THREAT_TO_ACT, assess

        named: dict[str, ActorRef] = {}
        unnamed: dict[str, ActorRef] = {}
        behind: dict[str, ActorRef] = {}  # the groups a campaign told beside the act is blamed on
        targets: list[Target] = []
        evidence: dict[str, Evidence] = {}
        last_group_actor: ActorRef | None = None
        claim: Claim | None = None
        for unit in group.units:
            text = unit.sentence.text
            # a clause that only sums up a campaign ("Jihadists linked to Al-Qaeda have killed more than 700
            # people since 2015") tells who is behind the violence in general: suspects of this act at most
            campaign = unit is not group.head_unit and bool(unit.counts) and all(c.aggregate for c in unit.counts)
            for mention in unit.actors:
                judged = assess(text, mention.start, mention.end, actor_type=mention.actor_type)
                who = judged.role
                if who == "target":
                    targets.append(Target(mention.name, _actor_target_type(mention.actor_type)))
                    continue
                if who != "perpetrator":
                    continue
                if unit is not group.head_unit and (
                    _HABIT_AFTER.match(text, mention.end) is not None or THREAT_TO_ACT.match(text, mention.end) is not None
                    # "battling an Islamist insurgency linked to al Qaeda and Islamic State": the patrons of
                    # a campaign, named as the country's troubles, not as this act's doers
                    or _CAMPAIGN_PATRON.search(text, max(0, mention.start - 80), mention.start) is not None
                ):
                    # "insurgents linked to al Qaeda frequently target security forces": a habit, no blame; "the
                    # group has vowed to step up attacks": a threat of more, not the act told
                    continue
                how = judged.attribution
                if campaign:
                    if mention.actor is not None:
                        ref = _mention_ref(mention, "suspected" if how == "attributed" else how)
                        behind.setdefault(ref.actor_id or ref.name.lower(), ref)
                    continue
                ref = _mention_ref(mention, how)
                pool = named if mention.actor is not None else unnamed
                key = ref.actor_id or ref.name.lower()
                previous = pool.get(key)
                if previous is None or _ATTRIBUTION_RANK[how] > _ATTRIBUTION_RANK[previous.attribution]:
                    pool[key] = ref
                if mention.actor is not None:
                    last_group_actor = pool[key]
                if "perpetrators" not in evidence:
                    evidence["perpetrators"] = _evidence(unit, mention.start, mention.end, 0.7)
            for c in unit.claims:
                by = _claimant(unit, c, last_group_actor, named)
                if c.claimed and by is not None:
                    key = by.actor_id or by.name.lower()
                    # a claim its group took back is a suspicion ("initially claimed responsibility, but a
                    # spokesman later denied the group was behind the attack")
                    how = "suspected" if _CLAIM_WITHDRAWN.match(text, c.end) else "claimed"
                    named[key] = ActorRef(by.name, by.matched, by.parent, how, by.actor_id, by.actor_type, by.country_code)
                if claim is None or (c.claimed and not claim.claimed):
                    claim = Claim(claimed=c.claimed, by=by.name if (by and c.claimed) else None, text=c.text)
                    evidence["claim"] = _evidence(unit, c.start, c.end, 0.8)
        described: list[ActorRef] = []  # the doers as the text describes them, beside the group they are
        if not named:
            found = _group_antecedent(group, context)
            if found is not None:
                antecedent, told = found
                named[antecedent.actor_id or antecedent.name] = antecedent
                # "the terrorists set fire to ...": the Shining Path's, told as terrorists
                described = [ref for ref in unnamed.values() if ref.matched.lower() == told]
        persons = _named_attackers(group, context.places) + _unregistered_attackers(group, named, context)
        if persons and "perpetrators" not in evidence:
            evidence["perpetrators"] = persons[0][1]
        # "Kenyan police opened fire ... Police fired tear gas": the force named again without its country
        qualified = [ref.name.lower() for ref in unnamed.values() if ref.country_code and ref.actor_type in _STATE_TYPES]
        unnamed = {
            key: ref for key, ref in unnamed.items()
            if ref.country_code or ref.actor_type not in _STATE_TYPES or not any(q.startswith(ref.name.lower()) for q in qualified)
        }
        if any(ref.name != _THE_DOERS and ref.actor_type not in _STATE_TYPES for ref in unnamed.values()):
            # "the attackers" after "gunmen on motorcycles" are the same people, told again
            unnamed = {key: ref for key, ref in unnamed.items() if ref.name != _THE_DOERS}
        perpetrators = list(named.values()) + [ref for ref, _ in persons] + described or list(unnamed.values())
        perpetrators += [ref for key, ref in behind.items() if key not in named]
        if not perpetrators and group.suspects:
            # the people arrested for the act are its suspects ("arrested 45 soldiers for | killing ...")
            for unit, mention in group.suspects:
                perpetrators.append(_mention_ref(mention, "suspected"))
                evidence.setdefault("perpetrators", _evidence(unit, mention.start, mention.end, 0.5))
        return perpetrators, targets, claim, evidence

    def _weapons(self, group: Group) -> tuple[list[Weapon], Evidence] | None:
        """The weapons the incident's clauses name, each as the phrase that names it ("two
        medium-sized bombs", "explosive devices"), several of one family where the text names
        several ("rifles and machineguns"); a general family gives way to a more specific one
        ("a car bomb" is not also "explosives"). Weapons told only as seized or found in
        another clause ("an M-16 rifle was seized there") are not the incident's."""
        if group.arrests_only:
            return None
        found: dict[str, list[Weapon]] = {}
        first: Evidence | None = None
        for unit in group.units:
            if unit is not group.head_unit and _only_seizure(unit):
                continue
            text = unit.sentence.text
            for w in unit.weapons:
                phrase = _weapon_phrase(text, w.start, w.end, unit)
                same = found.setdefault(w.type, [])
                held = next((k for k, x in enumerate(same) if _same_words(phrase, x.text)), None)
                if held is not None:
                    if len(phrase) > len(same[held].text):
                        same[held] = Weapon(w.type, phrase)  # "the powerful bomb" tells more than "a bomb"
                    continue
                if same and (len(same) >= _MAX_WEAPONS_PER_TYPE or _names_an_act(phrase)):
                    continue  # "rifles" already says firearms; "the blast" adds no weapon
                same.append(Weapon(w.type, phrase))
                if first is None:
                    first = _evidence(unit, w.start, w.end, 0.7)
        if not found or first is None:
            return None
        for general, specifics in _REDUNDANT_WEAPONS.items():
            if general in found and specifics & found.keys():
                # a charge named by its material tells what the device held ("a car bomb loaded with
                # 300 kg of dynamite"); "explosives" beside "a car bomb" tells nothing more
                kept = [w for w in found[general] if _CHARGE_MATERIAL.search(w.text)]
                if kept:
                    found[general] = kept
                else:
                    del found[general]
        return [w for weapons in found.values() for w in weapons], first

    def _targets(self, group: Group, from_actors: list[Target]) -> tuple[list[Target], Evidence | None]:
        """Who or what was attacked, each as the phrase that names it: the object of the head
        trigger ("an attack on a crowded cattle market", "a bomb exploded inside a tourist
        bus"), things damaged or destroyed ("destroyed a truck", "five houses were damaged"),
        the people counted as victims ("killing 15 soldiers"), and people named as victims
        ("the murder of MNR leader Hector Oqueli", "minister Jose Antonio Rodriguez Porth
        was wounded"); actors named as targets come last, when nothing else is found."""
        if group.arrests_only:  # an arrest's target is the group whose people were sought
            return list(from_actors[:_MAX_TARGETS]), None
        found = _TargetList()
        unit, head = group.head_unit, group.head
        # the object the trigger's own words hold ("burned down more than 100 homes"), then the one after it
        objects = [t for t in unit.targets if head.start < t.start and t.end <= head.end]
        objects += [t for t in unit.targets if 0 <= t.start - head.end <= _OBJECT_WINDOW and not _AGENT.search(unit.sentence.text, 0, t.start)]
        objects += [
            t for t in unit.targets
            if 0 <= head.start - t.end <= 12 and t not in objects and not _SUBJECT_OF.fullmatch(unit.sentence.text, t.end, head.end)
            and not _subject_acting(unit.sentence.text, t.end, head)
        ]
        objects = [t for t in objects if not _not_a_target(unit, t)]
        if objects:
            for target, start, end in _object_list(unit, objects[0]):
                found.add(target, start, end, unit, 0.6)
        for u in group.units:
            for t in (*_damaged(u), *_placed_at(u)):
                for target, start, end in _object_list(u, t):
                    found.add(target, start, end, u, 0.5)
        for u in group.units:
            for mention in u.counts:
                if mention.category not in ("killed", "injured", "kidnapped") or not mention.victim:
                    continue
                if mention.side == "perpetrators":
                    continue
                victim = self.lexicons.find_targets(mention.victim)
                if not victim or victim[0].type == "armed group":
                    continue
                for phrase, kind in self._counted_targets(u, mention, victim[0].type):
                    found.add(Target(phrase, kind), mention.start, mention.end, u, 0.5)
        for u in group.units:
            for person, start, end in victims_named(u, self.lexicons):
                kind = self.lexicons.find_targets(person.title) if person.title else []
                found.add(Target(person.phrase.text, _title_type(kind)), start, end, u, 0.5)
        targets = found.targets()
        if any(t.type == "civilians" for t in targets) and not any(t.type not in ("business", "civilians") for t in targets):
            targets = [t for t in targets if t.type != "business"]  # people killed at a market: the target is the people
        if not targets:
            targets = list(from_actors[:1])
        return targets[:_MAX_TARGETS], found.evidence

    def _counted_targets(self, unit: Unit, mention: Any, kind: str) -> list[tuple[str, str]]:
        """The people a count counts as targets, each with its type: one per group a list counts ("two
        Italian engineers and a Spanish technician" are two targets), else the phrase that names them.
        A group whose own words name no type is civilians when the count says so ("a passer-by"), else
        takes ``kind``, the type of the whole phrase."""
        parts = [p for p in mention.count.parts if p.label and p.side != "perpetrators"]
        if len(parts) < 2 or " and " not in mention.victim.lower():
            return [(_counted_phrase(unit, mention), kind)]
        out: list[tuple[str, str]] = []
        for part in parts:
            own = self.lexicons.find_targets(part.label)
            if not own or own[0].type != "armed group":
                out.append((part.label, own[0].type if own else "civilians" if part.side == "civilians" else kind))
        return out

    def _confidence(self, group: Group, when: DateSpan | None, location: Location | None, counts: Counts, perpetrators: list[ActorRef]) -> float:
        score = 0.35
        if group.head.strong:
            score += 0.2
        if when is not None and not when.inferred:
            score += 0.1
        if location is not None:
            score += 0.1
        if any(counts.get(c) is not None for c in ("killed", "injured", "arrested", "kidnapped")):
            score += 0.1
        if perpetrators:
            score += 0.1
        return round(min(score, 0.95), 2)


#: After a people's name, who may well be abroad: an air or naval force, which strikes abroad as
#: often as at home ("Russian warplanes", "the Indian warship"; its army and soldiers mostly act at
#: home), a state acting ("the Turkish state killed five"), or people away from home ("British
#: tourists", "Chinese nationals", "a Turkish immigrant family").
_ABROAD_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:warplanes?|jets?|aircraft|air\s*strikes?|airstrikes?|drones?|drone\s+strikes?|warships?|"
    r"frigates?|navy|naval|air\s+force|(?:state|government)(?=\s+(?:\w+ed|has|have|had|is|was|were|will)\b)|"
    r"tourists?|visitors?|travell?ers?|expatriates?|expats?|nationals|diplomats?|envoys?|ambassadors?|"
    r"embassy|consulate|pilgrims?|aid\s+workers?|immigrants?|migrants?|refugees?|exiles?|asylum[\s-]seekers?)\b",
    re.IGNORECASE,
)


def _home_country(countries: Sequence[str], source: str | None) -> str | None:
    """Where a group active in ``countries`` is guessed to be: the article's ``source`` country when
    it is one of them, else the first (the registry lists a group's main country first)."""
    if source in countries:
        return source
    return countries[0] if countries else None


#: A campaign and the groups it is linked to, before a group's name: "an insurgency linked to (al Qaeda
#: and) | Islamic State".
_CAMPAIGN_PATRON = re.compile(
    r"\b(?:insurgency|insurgencies|rebellion|uprising|jihad|conflict|war|violence|campaign)\s+(?:(?:that|which)\s+is\s+)?"
    r"(?:linked|tied|affiliated|allied|loyal)\s+(?:to|with)\s+(?:both\s+)?(?:the\s+)?(?:[\w'’ -]{1,40}?\s+(?:and|or)\s+(?:the\s+)?)?\Z",
    re.IGNORECASE,
)


def _evidence(unit: Unit, start: int, end: int, confidence: float) -> Evidence:
    sentence = unit.sentence
    return Evidence(
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        phrase=sentence.text[start:end],
        phrase_start=sentence.start + start,
        phrase_end=sentence.start + end,
        confidence=confidence,
    )


_GROUP_ANAPHOR = re.compile(
    r"\b(?:the (?:group|organi[sz]ation|movement|militia|insurgents|jihadists|militants|rebels|guerrill?as|terrorists|subversives)"
    r"|its (?:fighters|militants|members|gunmen))\b",
    re.I,
)
#: An article opening on the title of its event: "2016 Orlando nightclub shooting:", "March 2017
#: Parachinar suicide bombing:", "Ma'alot massacre:" (the name: capitalised words and particles).
_TITLED_EVENT = re.compile(
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    r"(?:\d{1,2}\s+)?(?:\d{4}\s+)?"
    r"(?P<name>[A-Z][\w'\u2019-]*(?:\s+(?:[A-Z][\w'\u2019-]*|al|el|de|del|la|le|du))*)"
    r"\s+(?:[a-z][\w-]*\s+){0,3}"
    r"(?:attacks?|bombings?|massacres?|shootings?|clash(?:es)?|crisis|explosions?|stabbings?|incident|siege|raid|"
    r"ambush|hijacking|kidnapping|killings?|riots?|blasts?)\s*:"
)
#: "They" opening a sentence, and the adverbs between it and its verb.
_THEY = re.compile(r"They(?:\s+(?:later|then|also|allegedly|reportedly|subsequently))?(?=\s)")
#: How many sentences back "the group" may find the group it names.
_ANAPHOR_REACH = 3


#: The unnamed actor that says only that someone did it ("the attackers", "the assailants").
_THE_DOERS = "attackers"


def _named_attackers(group: Group, places: CachedPlaces) -> list[tuple[ActorRef, Evidence]]:
    """People named as the attackers: a person the NER finds, not part of a group's name, whose
    place in the sentence makes them the perpetrator ("Numan Haider stabbed two officers", "an
    Islamic convert, later identified as Michael Zehaf-Bibeau, attacked", "was killed by Juan
    Perez"). A victim ("shooting reservist Nathan Cirillo"), a speaker ("Rozi Khan said") or a
    bystander is not, nor is someone acted on ("a compound belonging to X", "X, who fought
    the Soviets, is killed"); neither is a one-word name, too often a surname of someone
    already named or a group the NER took for a person. Their actor type is ``individual``."""
    from sitrep.actors.attribution import assess

    found: dict[str, tuple[ActorRef, Evidence]] = {}
    for unit in group.units:
        text = unit.sentence.text
        taken = [(a.start, a.end) for a in unit.actors]
        for e in unit.entities:
            if e.label not in ("PERSON", "ORG") or any(s < e.end and e.start < t for s, t in taken):
                continue
            if e.label == "ORG":
                # a person's name the NER took for an organisation, opening the sentence and acting
                # right away ("Baraa Issa stabbed and wounded an Israeli civilian")
                name = None if INSTITUTION.search(e.text) or GROUP_WORD.search(e.text) else _person_name(e.text)
                if name is None or name.lower() in found or _GROUP_AFTER.match(text, e.end):
                    continue
                if text[: e.start].strip() or not _acts()[0].match(text, e.end):
                    continue
                ref = ActorRef(name=name, matched=e.text, attribution="attributed", actor_type="individual")
                found[name.lower()] = (ref, _evidence(unit, e.start, e.end, 0.5))
                continue
            start = _name_start(text, e.start)  # "Abed | Mohamed Abed Rabu Dawiat (19) and his gang ambushed"
            name = _person_name(text[start : e.end])
            if name is None or name.lower() in found:
                continue
            if _PERSON_OBJECT.search(text, 0, e.start) or _SPOKESMAN.search(text, 0, e.start):
                continue  # "a compound belonging to Osama bin Laden", "Taliban spokesman Zabihullah Mujahid"
            if _NAMES_AN_EVENT.match(text, e.end):
                continue  # "Jaffa Street bombing:": a place the NER took for a person
            if places.names_a_facility(name):
                continue  # "the Manchester Arena suicide bomber": the place he struck, taken for a person
            judged = assess(text, e.start, e.end, actor_type="individual")
            identified = IDENTIFIED_DOER.search(text, max(0, e.start - 80), e.start)
            if identified is not None:
                # "The suspect, identified as Payton Gendron of Conklin, surrendered": the doer, by name
                who = identified.group("who") or identified.group("who2")
                attribution = "suspected" if who.lower().startswith("suspect") else "attributed"
            elif judged.role == "other" and not judged.cue and _acting_subject(text, e.start, e.end):
                attribution = "attributed"  # "X arrived at a checkpoint ... and stabbed one of the soldiers"
            elif judged.role == "perpetrator" and _ACCUSED.fullmatch(judged.cue):
                attribution = "suspected"  # "Colonel X was accused of ordering the murder of the priests"
            elif (judged.role != "perpetrator" or judged.attribution is None or judged.attribution == "claimed"
                  or _PASSIVE.search(judged.cue)):
                # a person who claims is a spokesman, not the attacker (the group is named as claiming)
                continue  # not "Commander X, who spent years fighting ..., is killed"
            else:
                attribution = judged.attribution
            ref = ActorRef(name=name, matched=e.text, attribution=attribution, actor_type="individual")
            found[name.lower()] = (ref, _evidence(unit, e.start, e.end, 0.6))
        span = _unlabelled_name(unit)
        if span is not None:
            start, end = span
            name = text[start:end]
            if name.lower() not in found and _acts()[0].match(text, end):
                ref = ActorRef(name=name, matched=name, attribution="attributed", actor_type="individual")
                found[name.lower()] = (ref, _evidence(unit, start, end, 0.5))
    return list(found.values())


#: Two or three capitalised words opening a sentence, or right after a people's name ("Israeli Baruch
#: Goldstein kills 29"): a person's name the NER may miss altogether.
_BARE_NAME = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){1,2})(?![\w'’-])")
#: Capitalised words that open a sentence without being a name.
_NOT_IN_A_NAME = re.compile(
    r"(?:The|A|An|In|On|At|After|Before|During|Two|Three|Four|Five|Six|Several|Many|Some|Suspected|Unknown|Unidentified|"
    r"Armed|Masked|Police|Security|Army|Government|Rebel|Rebels|Islamic|Muslim|Christian|Jewish|Hindu|Sikh|Buddhist|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|North|South|East|West|Northern|Southern|Eastern|Western|Central|New|Old|"
    r"Saint|St|San|Santa|Fort|Port|Mount|Lake|Cape|President|General|Colonel|Captain|Major|Minister|Governor|"
    r"Suicide|Bomber|Bombers|Gunman|Gunmen|Militants?|Insurgents?|Terrorists?|Attackers?|Troops|Soldiers|Forces|Fighters)"
)


def _unlabelled_name(unit: Unit) -> tuple[int, int] | None:
    """The span of a person's name the NER did not label at all, where a sentence names its
    subject: two or three capitalised words opening the unit's sentence (past an opening phrase
    and a people's name: "In the Cave of the Patriarchs massacre, Israeli Baruch Goldstein"),
    clear of every entity, place and actor and of words that open sentences without being names."""
    text = unit.sentence.text
    m = _BARE_NAME.match(text, _people_lead(unit))
    if m is None or not (unit.lo <= m.start() and m.end() <= unit.hi) or _title_case(text):
        return None
    if any(_NOT_IN_A_NAME.fullmatch(w) for w in m.group("name").split()):
        return None
    taken = [*unit.sentence.entities, *unit.sentence.places, *unit.actors]
    if any(t.start < m.end() and m.start() < t.end for t in taken):
        return None
    return m.start(), m.end()


def _title_case(text: str) -> bool:
    """A headline written in title case ("Suicide Bomber Kills Five"), where capitals mark no name."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 3 > len(words) * 2


#: A phrase opening a sentence before its subject: "In the Cave of the Patriarchs massacre, ".
_OPENING_PHRASE = re.compile(r"(?:In|On|At|During|After)\b[^,]{3,60},[ ]")


def _people_lead(unit: Unit) -> int:
    """Where a sentence's subject starts: past a phrase opening it ("In the Cave of the Patriarchs
    massacre, ") and a people's name ("Israeli Baruch Goldstein")."""
    text = unit.sentence.text
    opening = _OPENING_PHRASE.match(text)
    at = opening.end() if opening else 0
    first = next((e for e in unit.sentence.entities if e.start == at), None)
    if first is not None and first.label == "NORP" and text[first.end : first.end + 1] == " ":
        return first.end + 1
    return at


def _unregistered_attackers(
    group: Group, named: dict[str, ActorRef], context: DocumentContext
) -> list[tuple[ActorRef, Evidence]]:
    """Organisations the registry does not know, named as the attackers: an organisation the NER
    finds whose place in the sentence makes it the perpetrator ("suspected members of the National
    Salvation Front (NAS) launched an attack", "Members of Aum Shinrikyo released sarin gas", "was
    kidnapped by the Black Liberation Army"). Not an institution ("the Interior Ministry", "Kabul
    University", "Reuters"), nor a place the NER took for an organisation, nor a group already
    named as claiming. Their actor type is ``group`` and they have no registry id."""
    from sitrep.actors.attribution import assess

    found: dict[str, tuple[ActorRef, Evidence]] = {}
    claimed = {ref.name.lower() for ref in named.values()}
    for unit in group.units:
        text = unit.sentence.text
        if _in_capitals(text):
            continue  # in capitals the NER's organisations are too often other words
        taken = [(a.start, a.end) for a in unit.actors] + [(p.start, p.end) for p in unit.sentence.places if p.label != "ORG"]
        for e in unit.entities:
            if e.label != "ORG" or any(s < e.end and e.start < t for s, t in taken):
                continue
            name = _LEADING_THE.sub("", e.text).strip(" \"'\u201c\u201d")
            key = name.lower()
            if not name or not name[0].isupper() or e.text.isupper() and len(e.text) <= 3 or key in found or key in claimed:
                continue
            if INSTITUTION.search(name) or _ACTED_ON.match(text, e.end) or not (
                _MEMBERS_OF.search(text, 0, e.start) or _ACT_BY.search(text, 0, e.start) or _GROUP_WORD.search(text, 0, e.start)
                or _GROUP_AFTER.match(text, e.end)
            ):
                continue  # only where the sentence says it is a group: its members, its act, "the group X"
            judged = assess(text, e.start, e.end, actor_type="group")
            if judged.role != "perpetrator" or judged.attribution in (None, "claimed") or _PASSIVE.search(judged.cue):
                continue
            place = context.places.resolve(name, context_countries=context.countries)
            if place is not None and place.precision in ("town", "district", "province"):
                continue  # "ELN militants in Saravena": a town the NER took for an organisation
            if context.places.names_a_facility(name):
                continue  # "the Manchester Arena suicide bomber": where he struck, not his group
            ref = ActorRef(name=name, matched=e.text, attribution=judged.attribution, actor_type="group")
            found[key] = (ref, _evidence(unit, e.start, e.end, 0.5))
    return list(found.values())


#: A place that a demonym before it puts in its country: "a Mexican hospital", "a Syrian border
#: town", "the Mexican state of Guerrero", "the Mexican Gulf state" (not "the U.S. embassy", "a
#: Turkish base", often abroad, nor "the Turkish state", its government).
_DEMONYM_PLACE = re.compile(
    r"\b(?P<demonym>(?-i:[A-Z])[a-z]+)\s+(?:(?:(?-i:[A-Z])[\w-]+\s+|border\s+)?(?:cit(?:y|ies)|towns?|villages?|state\s+of|"
    r"provinces?|districts?|regions?|capital|countryside|soil|territory|hospitals?|prisons?|jails?|ports?|resorts?|islands?)"
    r"|(?-i:[A-Z])[\w-]+\s+states?(?!\s+(?:forces|media|television|officials?|news)\b))\b",
    re.I,
)
#: A fight named by the people of its country: "Mexican drug clash", "a Colombian massacre". (Not a
#: strike or a bombing: "a Turkish air strike" is mostly abroad.)
_DEMONYM_EVENT = re.compile(
    r"\b(?P<demonym>(?-i:[A-Z])[a-z]+)\s+(?:[\w-]+\s+)?(?:clash(?:es)?|shoot-?outs?|gunfights?|firefights?|gun\s+battles?|"
    r"massacres?)\b",
    re.I,
)
#: What says an organisation is an armed group acting: "(suspected) members of (the Turkish-backed)
#: X", "an attack by the X", "the group X", "X group".
_MEMBERS_OF = re.compile(
    r"(?<!\bof\s)(?<!\bof\sa\s)(?<!\bof\sthe\s)(?<!\bon\s)(?<!\bagainst\s)\b(?:members?|militants?|fighters?|guerr?ill?as?|rebels?|insurgents?|gunmen|cadres?|operatives?|commandos?|"
    r"units?|cells?|activists?|supporters?|followers?|elements?)\s+(?:of|from|belonging\s+to|loyal\s+to)\s+"
    r"(?:(?:the|an?)\s+)?(?:[\w-]+\s+){0,2}?[\"'\u201c]?\Z", re.I)
_ACT_BY = re.compile(
    r"\b(?:attack(?:ed|s)?|assault(?:ed|s)?|kill(?:ed|ings?)|bomb(?:ed|ings?)|shot|murder(?:ed|s)?|kidnapp(?:ed|ing)|"
    r"abduct(?:ed|ions?)|carried\s+out|perpetrated|committed|massacred?|ambush(?:ed)?|executed|assassinat(?:ed|ion)|"
    r"ransom|planted|detonated|hijack(?:ed|ing)|launched|stormed|raided|burned|torched|set\s+on\s+fire)"
    r"\s+(?:[\w-]+\s+){0,3}?by\s+(?:(?:the|an?|so-called|outlawed|banned|militant|armed)\s+)*[\"'\u201c]?\Z", re.I)
#: The organisation's people acted on: "members of X traveling in a car were killed".
_ACTED_ON = re.compile(
    r"[^.;]{0,80}?\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:killed|injured|wounded|attacked|shot|"
    r"kidnapped|abducted|targeted|ambushed|executed|murdered|assassinated|stabbed|beheaded|evacuated|arrested|detained)\b", re.I)
_GROUP_WORD = re.compile(r"\b(?:group|organi[sz]ation|movement|faction|militia|cult|sect|cartel)\s+[\"'\u201c]?\Z", re.I)
_GROUP_AFTER = re.compile(r"[\"'\u201d]?\s+(?:group|organi[sz]ation|movement|militia|cult|cartel|militants|guerr?ill?as|rebels)\b", re.I)
#: A preposition right before a person's name makes them its object (not "by", the agent's).
_PERSON_OBJECT = re.compile(r"\b(?:of|on|at|in|into|from|with|against|for|to|near|toward|towards|belonging to)\s+\Z", re.I)
_SPOKESMAN = re.compile(r"\b(?:spokes(?:man|woman|person)|speaker|commander|leader|chief|official)\s+(?:[A-Z][\w.'’-]*\s+)?\Z", re.I)
_NAMES_AN_EVENT = re.compile(r"\s+(?:bombings?|attacks?|massacres?|shootings?|sieges?|stabbings?|explosions?|blasts?|riots?)\b", re.I)
_PASSIVE = re.compile(r"\b(?:is|was|were|are|be|been|being|got|gets)\b", re.I)
#: A person's blame told in the passive: "X was accused (of ordering the murder)".
_ACCUSED = re.compile(r"(?:is|was|were|are|being|has\s+been|have\s+been|had\s+been)\s+(?:accused|suspected|blamed)", re.I)
#: What may come before a person who is the subject of the sentence: "16-year-old", "Palestinian
#: man identified as", "A man named", "Forty-one-year-old Iraqi citizen, identified only as"; an
#: opening phrase of place or time may come first ("In the Cave of the Patriarchs massacre, Israeli").
_SUBJECT_LEFT = re.compile(
    r"(?:\A|:\s*|\A(?:in|on|at|during|after)\s[^,;:]{1,60},\s*)(?:(?:a|an|the)\s+)?(?:(?:\d[\w-]*|[\w-]+-old|(?-i:[A-Z][a-z][\w-]*)|man|woman|youth|teen|teenager|"
    r"boy|girl|convert|refugee|citizen|national|resident|student|year|old|aged)\s*,?\s+){0,5}"
    r"(?:(?:later\s+)?identified\s+(?:only\s+)?as\s+|named\s+|called\s+)?\Z", re.I)
#: A verb "to be" right after a name, past brackets and an apposition: "X (16), a shopkeeper, was".
_PASSIVE_AFTER = re.compile(r"(?:\s*\([^)]{1,30}\))?\s*(?:,[^,]{1,60},\s*)?(?:is|was|were|are|has\s+been|had\s+been)\b", re.I)
#: The same subject acting further on: "... and stabbed", "then suddenly took out a knife and stabbed",
#: "approached two policemen, stabbed one".
_LATER_ACT = "(?:\\band|\\bthen|\\bhe|\\bshe|,)\\s+(?:\\w+ly\\s+)?"
#: The act right after the name, past an age in brackets and an apposition: "X (25), resident of
#: the West Bank, stabbed", "X (19) from East Jerusalem stabbed", "X, member of Casa Pound opened fire",
#: "X (19) and his gang ambushed".
_DIRECT_ACT = (
    "(?:\\s*\\([^)]{1,30}\\))?(?:\\s+and\\s+(?:his|her|their)\\s+[\\w-]+)?(?:\\s*,[^,]{1,60},)?"
    "(?:\\s*,\\s*(?:an?\\s+)?(?:member|resident|native|supporter)\\s+of\\s+(?-i:[A-Z][\\w'’-]*\\s+){1,4}?)?"
    "(?:\\s+from\\s+(?-i:[A-Z][\\w'’-]*\\s+){1,3}?)?\\s*(?:\\w+ly\\s+)?"
)


def _acting_subject(text: str, start: int, end: int) -> bool:
    """Whether the person at ``[start, end)`` opens the sentence (after at most a few words that
    describe them) and the sentence goes on to tell an act of violence in the active voice
    ("X arrived at a checkpoint and approached the soldiers when he pulled out a knife and
    stabbed one"), with no passive right after the name ("X, a shopkeeper, was killed")."""
    if _SUBJECT_LEFT.search(text, 0, start) is None:
        return False
    if _PASSIVE_AFTER.match(text, end):
        return False
    return _acts_after(text, end)


def _acts_after(text: str, pos: int) -> bool:
    """Whether the words from ``pos`` go on to an act of violence in the active voice, right away
    ("stabbed", past brackets and an apposition) or further on ("... and stabbed one")."""
    direct, later = _acts()
    return direct.match(text, pos) is not None or later.search(text, pos) is not None


def preload() -> None:
    """Compile now the patterns assembly builds from the actor cues on first use (:func:`_acts`)."""
    _acts()


@lru_cache(maxsize=1)
def _acts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The act right after a name (past brackets and an apposition), and the act told later on."""
    from sitrep.actors.cues import cues

    act = cues().act.pattern
    return re.compile(_DIRECT_ACT + act, re.I), re.compile(_LATER_ACT + act, re.I)


_PERSON_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|(?:al|el|ad|ar|as|an|at)-[A-Z][\w'’-]*|al|el|bin|ibn|de|da|van|von|del|la)", re.UNICODE)


#: A demonym or a title, which a name the NER cut short does not begin with ("Israeli Baruch
#: Goldstein", "General Ahmed Khan").
_NOT_A_FIRST_NAME = re.compile(
    r"(?:\w+(?:an|ese|ish|i)|president|general|colonel|captain|major|lieutenant|sergeant|commander|senator|"
    r"minister|mayor|governor|judge|mr|mrs|ms|dr|sheikh|mullah|imam|father|bishop|rabbi|police|army|in|on|at|the|a|an)",
    re.I,
)


def _name_start(text: str, start: int) -> int:
    """Where a person's name that the NER found from ``start`` begins when the NER left out its
    first words: only at the opening of the sentence, and never a demonym or a title."""
    head = text[:start]
    words = head.split()
    if not words or len(words) > 2 or head[len(head.rstrip()) :] != " ":
        return start  # one or two words, then one space
    if all(_PERSON_WORD.fullmatch(w) and w[0].isupper() and not _NOT_A_FIRST_NAME.fullmatch(w) for w in words):
        return len(head) - len(head.lstrip())
    return start


def _person_name(text: str) -> str | None:
    """The name of a person as the NER found it, if it looks like one: two words or more, each
    capitalised (particles such as "al" and "bin" aside), no digits, not in capitals."""
    words = text.strip(" ,.'’").split()
    if words and words[-1] in ("'s", "’s"):
        words = words[:-1]
    if len(words) < 2 or text.isupper() or any(ch.isdigit() for ch in text):
        return None
    if not all(_PERSON_WORD.fullmatch(w) for w in words) or not words[0][0].isupper():
        return None
    return " ".join(words)


def _group_antecedent(group: Group, context: DocumentContext) -> tuple[ActorRef, str] | None:
    """The armed group that "the group" / "its fighters" in an incident's head clause points to:
    the last one named in the sentences just before (or earlier in the same sentence), with the
    word the clause calls its people by ("the terrorists": "terrorists"; "" for "They")."""
    unit = group.head_unit
    m = _GROUP_ANAPHOR.search(unit.text)
    told = m.group().lower().split()[-1] if m is not None else ""
    reach = _ANAPHOR_REACH
    if m is None:
        # "PKK militants stopped a car ... They later tied the man to a tree and shot him": a
        # sentence that opens on "They" acting points to the group of the sentence before
        m = _THEY.match(unit.sentence.text) if unit.lo == 0 else None
        if m is None or not _acts_after(unit.sentence.text, m.end()):
            return None
        reach = 1
    index = unit.sentence.index
    limit = unit.lo + m.start()
    for i in range(index, max(-1, index - reach - 1), -1):
        sentence = context.sentences[i]
        named = [
            a for a in sentence.actors
            if a.actor is not None and a.actor_type in _ARMED_TYPES and (i < index or a.end <= limit)
            # not the patron named to describe the group ("Al-Shabaab, which is linked to al-Qaida,
            # claimed ... The group has carried out similar attacks")
            and not named_as_patron(sentence.text, a.start)
        ]
        if named:
            a = named[-1]
            return ActorRef(a.name, a.matched, a.parent, "attributed", a.actor.id, a.actor_type, a.country_code), told
    return None


@dataclass(frozen=True)
class _AddedMention:
    """A count that adds to one told before ("two additional insurgents were detained")."""

    first: Any
    more: Any

    @property
    def count(self) -> Count:
        return _add_sides(self.first.count, self.more.count)

    def __getattr__(self, name: str) -> Any:  # start, end, side, cumulative...: those of the addition
        return getattr(self.more, name)


def _add_sides(victims: Count, attackers: Count) -> Count:
    """One toll from the victims' and the attackers' dead, each kept as parts."""

    def plus(a: int | None, b: int | None) -> int | None:
        return None if a is None or b is None else a + b

    parts = (victims.parts or ()) + (attackers.parts or ())
    return Count(
        min=plus(victims.min if victims.min is not None else victims.best, attackers.min if attackers.min is not None else attackers.best),
        max=plus(victims.max, attackers.max),
        best=plus(victims.best, attackers.best),
        approx=victims.approx or attackers.approx,
        text=f"{victims.text}; {attackers.text}",
        parts=parts,
    )


#: The roles that make one person the target of an operation ("captured a Taliban leader").
_LEAD_ROLES = frozenset({
    "leader", "commander", "sub-commander", "subcommander", "facilitator", "financier", "emir", "amir",
    "ringleader", "mastermind", "coordinator", "organizer", "organiser", "planner", "chief", "governor",
})


def _role(part: CountPart) -> str | None:
    words = part.label.lower().split()
    return _lead_role(words[-1]) if words else None


def _lead_role(word: str) -> str | None:
    """The leading role a word names, singular or plural ("leader", "20 Haqqani senior leaders")."""
    singular = word[:-1] if word.endswith("s") else word
    return singular if word in _LEAD_ROLES or singular in _LEAD_ROLES else None


def _names_again(new: Any, held: Any) -> bool:
    """Whether a count marked as adding names the very group told before ("captured an expert
    and several other militants ... Several other militants were also captured")."""
    told = {(p.text.lower(), p.best) for p in held.count.parts or ()}
    labels = {(_plain_label(p.label), p.best) for p in held.count.parts or () if p.label}
    # a list of several kinds of people told before already holds the "additional" ones a detail
    # adds to its first ("detained a leader along with one suspected insurgent ... The leader was
    # detained ... An additional suspected insurgent was detained")
    listed = len(held.count.parts or ()) >= 2
    return bool(new.count.parts) and all(
        (p.text.lower(), p.best) in told
        # "wounded 20 others ... Twenty others were wounded": the same people in other words, unless
        # a word says they are more ("an additional two people", "another soldier")
        or ((_plain_label(p.label), p.best) in labels and (listed or _ADDING_WORDS.isdisjoint(p.text.lower().split())))
        for p in new.count.parts
    )


def _plain_label(label: str) -> str:
    """A count's label without the words that make its people others ("additional suspected insurgent"),
    its people named by one word of those that name the same fighters ("militants" and "insurgents")."""
    return " ".join(_SAME_PEOPLE.get(w, w) for w in label.lower().split() if w not in _ADDING_WORDS)


#: Words news copy uses for the same armed men in one story: "two other militants were captured ...
#: Two other insurgents were also captured".
_SAME_PEOPLE = {"militant": "insurgent", "militants": "insurgents"}


#: Words in a count's phrase that make its people others than those counted before.
_ADDING_WORDS = frozenset({"additional", "another", "more", "further"})


def _joins_leader(new: Any, held: Any) -> bool:
    """Whether people detained in a later sentence are others than the one leader detained
    before ("captured a Taliban leader ... The security force detained two suspected insurgents
    during the operation"): the earlier count is one person named by a leading role, the
    later names people by no such role (a later "the facilitator" is the same man again, and so is
    one named by "the": "detained the targeted individual along with two of his associates")."""
    old_parts, new_parts = held.count.parts or (), new.count.parts or ()
    if held.count.best != 1 or len(old_parts) != 1 or _role(old_parts[0]) is None:
        return False
    return bool(new_parts) and all(
        p.label and _role(p) is None and not (p.best == 1 and p.text.lower().startswith("the ")) for p in new_parts
    )


#: After a count, the leader it holds: "detained several insurgents, including a Haqqani network leader".
_INCLUDING_LEADER = re.compile(r"[^.;]{0,60}?\bincluding (?:a|an|the|one) ((?:[\w-]+ ){0,3}[\w-]+)", re.I)


def _includes_leader(unit: Unit, mention: Any) -> bool:
    """Whether the people a count names hold a leader, said after it ("several insurgents, including
    the commander"): the leader told before is among them, not one more."""
    found = _INCLUDING_LEADER.match(unit.sentence.text, mention.end)
    if found is None:
        return False
    return any(_lead_role(word) for word in found.group(1).lower().split())


#: A death after the wounds told before: "He later succumbed to his wounds", "One of them died in
#: hospital", "The officer died of his injuries the next day".
_DIED_OF_WOUNDS = re.compile(
    r"\b(?:succumb(?:ed|s)?|(?:later|subsequently|eventually) (?:died|dies)"
    r"|(?:died|dies|die) (?:\w+ ){0,3}?(?:of|from|for) (?:his|her|their|the) (?:wounds|injuries)"
    r"|(?:died|dies) (?:\w+ ){0,2}?in (?:the )?hospital|(?:died|dies) (?:on )?the (?:next|following) day)\b",
    re.I,
)


def _died_of_wounds(mention: Any, unit: Unit, *, after: tuple[Any, Unit]) -> bool:
    """Is the killed figure people who died of the wounds counted before them ("Four Israelis were
    shot and injured ... One of them died in hospital the day after")? They are then the dead,
    no longer the wounded: the toll's wounded are those who lived."""
    wounded, wounded_unit = after
    if (wounded_unit.order, wounded.start) >= (unit.order, mention.start):
        return False
    if mention.count.best is None or wounded.count.best is None or mention.count.best > wounded.count.best:
        return False
    if mention.side in _ATTACKER_SIDES:
        return False  # "The terrorist later died of his wounds": the attacker, not his victims
    pronoun = mention.count.text.split()[0].lower()
    if pronoun in ("he", "she") and (
        # "stabbed and injured two soldiers ... He died of his injuries": not one of them
        wounded.count.best != 1
        or (pronoun == "he") == bool(_FEMALE.search(" ".join(p.label for p in wounded.count.parts or ())))
    ):
        return False
    clause = unit.sentence.text[mention.start : mention.end + 60]
    return _DIED_OF_WOUNDS.search(clause) is not None


_FEMALE = re.compile(r"\b(?:\w*wom[ae]n|girls?|mothers?|wi(?:fe|ves)|daughters?|sisters?|policewom[ae]n)\b", re.I)


def _less(wounded: Count, dead: Count) -> Count:
    """The wounded who lived: the wounded count less those of them who died."""

    def minus(a: int | None, b: int | None) -> int | None:
        return None if a is None or b is None else max(0, a - b)

    return Count(
        min=minus(wounded.min, dead.best), max=minus(wounded.max, dead.best), best=minus(wounded.best, dead.best),
        approx=wounded.approx, text=f"{wounded.text}; {dead.text}",
    )


def _bare(mention: Any) -> bool:
    """A count that names neither a side nor its people ("killing three", "Seventeen Killed",
    "killing him")."""
    return not mention.side and not getattr(mention, "victim", None)


def _aims_at_a_prominent_person(targets: Sequence[Target], counts: Counts) -> bool:
    """Is one person of note among the targets or the people counted killed or injured ("a Serbian
    politician", "the head of the Sikh community"), and are few dead?"""
    killed = counts.killed.best if counts.killed is not None else None
    if killed is not None and killed > _ASSASSINATION_DEAD:
        return False
    described = [t.description for t in targets] + [
        part.label for count in (counts.killed, counts.injured) if count is not None for part in count.parts
    ]
    for description in described:
        phrase = description.split(" of ")[0]
        words = phrase.split()
        if words and _PROMINENT.fullmatch(words[-1]) and not any(
            q.start == 0 and q.quantity.best != 1 for q in find_quantities(phrase)
        ):
            return True  # one of them: no number above one opens the phrase ("two ministers" is not)
    return False


def _first_trigger_pos(unit: Unit) -> int:
    triggers = unit.triggers
    return triggers[0].start if triggers else 0


def _better_count(new: Any, old: Any) -> bool:
    """A running total of this incident beats a partial count; a figure beats a vague word that
    it does not contradict ("a leader and an associate" over "several men"); otherwise the larger
    best value wins. A toll over many incidents ("has killed 40,000 since 2009") never wins."""
    new_total = new.cumulative and not getattr(new, "aggregate", False)
    old_total = old.cumulative and not getattr(old, "aggregate", False)
    if getattr(new, "aggregate", False) != getattr(old, "aggregate", False):
        return not getattr(new, "aggregate", False)
    if new_total != old_total:
        return bool(new_total)
    if _few(new.count) and _figure(old.count) and _size(old.count) >= 2:
        return False  # "detained a leader and an associate ... Several men were detained": the two
    if _few(old.count) and _figure(new.count) and _size(new.count) >= 2:
        return True
    return _size(new.count) > _size(old.count)


def _few(count: Count) -> bool:
    """A count told only by a word for a few ("several men", "a number of insurgents")."""
    return bool(count.parts) and all(_FEW.match(p.text) for p in count.parts)


def _figure(count: Count) -> bool:
    """A count whose every part is a figure or named people, no word for a few."""
    return bool(count.parts) and not any(_FEW.match(p.text) for p in count.parts)


#: A word for a few people, with no figure: "several", "a number of", "multiple", "numerous".
_FEW = re.compile(r"(?i:several|a number of|a few|few|multiple|numerous|some)\s+(?!hundreds?\b|thousands?\b|dozens?\b)\D*$")


def _size(count: Count) -> int:
    """A count's best value, or its minimum when it has no best ("numerous insurgents": at least 2)."""
    return count.best if count.best is not None else (count.min or 0)


def _mention_ref(mention: Any, attribution: str | None) -> ActorRef:
    """The perpetrator an actor mention names, with how the text attributes the act to it."""
    return ActorRef(
        name=mention.name, matched=mention.matched, parent=mention.parent, attribution=attribution,
        actor_id=mention.actor.id if mention.actor is not None else None,
        actor_type=mention.actor_type, country_code=mention.country_code,
    )


def _claimant(unit: Unit, claim: Any, last_actor: ActorRef | None, named: dict[str, ActorRef]) -> ActorRef | None:
    if claim.by_start is not None:
        for mention in unit.actors:
            if mention.start < claim.by_end and claim.by_start < mention.end:
                return _mention_ref(mention, "claimed")
    if claim.claimed:
        unknown = _unregistered_claimant(unit, claim.start)
        if unknown is not None:
            return unknown
    if last_actor is not None:
        return last_actor
    armed = [a for a in named.values() if a.actor_type != "state force"]
    return armed[-1] if armed else None


#: What may stand between a claimant and its claim: "X has claimed", "X, a little-known group, claimed".
_TO_CLAIM = re.compile(
    # an apposition may stand between: "The Army of Martyrs, a previously unknown group, claimed"
    r"\s*(?:,\s*(?:an?|the)\s+[^,;()]{0,60}?\b(?:group|organi[sz]ation|movement|faction|outfit|militia|cell)\s*,\s*)?"
    r"(?:,\s*)?(?:(?:has|have|had|also|later|quickly|reportedly|swiftly|itself|then|since)\s+)*\Z", re.I)
#: "a group called National Socialist Underground", "the group calling itself 'The Breeders'".
_CALLED = re.compile(
    r"\b(?:group|organi[sz]ation|movement|faction|cell|network)\s+(?:called|named|calling\s+(?:itself|themselves)|known\s+as)"
    r"\s+[\"'\u201c\u2018]?(?:the\s+)?(?P<name>(?-i:[A-Z][\w'\u2019-]*)(?:\s+(?:(?-i:[A-Z][\w'\u2019-]*)|of|al|the|for|and)){0,7})"
    r"[\"'\u201d\u2019]?", re.I)
#: The article the NER keeps at the head of a name ("The Kenyan People Liberation Front").
_LEADING_THE = re.compile(r"^the\s+", re.I)


def _unregistered_claimant(unit: Unit, at: int) -> ActorRef | None:
    """A group the registry does not know, named as the one that claims: an organisation (or
    what the NER takes for a person, unless a spokesman's title comes first) right before the
    claim ("The Kenyan People Liberation Front claimed responsibility", "Al-Nasireen has
    claimed", "Nepal Janabadi Morcha claimed") or a name given as a group's ("a group called
    National Socialist Underground claimed"). Its actor type is ``group`` and it has no
    registry id."""
    text = unit.sentence.text
    named = None
    for e in unit.entities:
        if e.label not in ("ORG", "PERSON") or e.end > at or _TO_CLAIM.match(text, e.end, at) is None:
            continue
        if e.label == "PERSON" and _SPOKESMAN.search(text, 0, e.start):
            continue  # "Taliban spokesman Zabihullah Mujahid claimed": the group claims through him
        named = (e.start, e.end)  # the NER often takes an unknown group for a person ("Nepal Janabadi Morcha")
    if named is None:
        called = [m for m in _CALLED.finditer(text, 0, at) if _TO_CLAIM.match(text, m.end(), at) is not None]
        if called:
            named = called[-1].span("name")
    if named is None:
        return None
    start, end = named
    if any(
        a.start < end and start < a.end
        # a state's force named by a word inside the group's longer name ("the Army of Martyrs") is no actor
        and not (a.actor_type == "state force" and start <= a.start and a.end <= end and a.end - a.start < end - start)
        for a in unit.actors
    ):
        return None  # a registry actor or an unnamed one ("the militants") already stands there
    matched = text[start:end]
    name = _LEADING_THE.sub("", matched).strip(" \"'\u201c\u201d")
    if not name or not name[0].isupper():
        return None
    return ActorRef(name, matched, None, "claimed", None, "group", None)


#: A rank that names no side: the words before it do ("police commander", "army commander").
_RANK = re.compile(r"commanders?", re.I)


def _title_type(matches: Sequence[Any]) -> str:
    """The target type of a person by the title before the name: its last typed word ("Antioquia
    Governor" is government), unless that is a rank another word qualifies ("Antioquia police
    commander Colonel ..." is police, not an armed group's commander)."""
    if not matches:
        return "civilians"
    if len(matches) > 1 and _RANK.fullmatch(matches[-1].text):
        return matches[-2].type
    return matches[-1].type


def _actor_target_type(actor_type: str) -> str:
    return {"state force": "military", "armed group": "armed group", "militia": "armed group"}.get(actor_type, "civilians")


# -- targets and weapons as phrases ------------------------------------------------------------
#: At most this many targets per report, and weapons per weapon type.
_MAX_TARGETS = 8
_MAX_WEAPONS_PER_TYPE = 3
#: Trigger families after which a person named is a victim ("killed", "the kidnapping of").
_NOT_VICTIM_FAMILIES = frozenset({"arrest", "plot", "protest", "riot", "seizure", "clash"})
#: What links an act to its victim: "the murder of", "an attack on", "an attempt against".
_VICTIM_LINK = re.compile(r"\s+(?:of|on|against|upon)\b", re.I)
_NON_WORD = re.compile(r"[^\w\s]")
#: The agent of a passive right before a phrase: "attacked by (the) terrorists" names who attacked.
_AGENT = re.compile(
    r"\bby\s+(?:(?:the|a|an|some|several|armed|heavily|suspected|alleged|presumed|unidentified|unknown|masked|\d+|two|three|four|five|six|seven|eight|nine|ten|a few|dozens of)\s+|(?:group|gang|band|squad|unit|cell|team|number)\s+of\s+)*$", re.I
)
#: A target word before the head that is its subject, the head a verb in "-ing": "Police are treating
#: the fire as suspicious" (unlike "police were attacked").
_SUBJECT_OF = re.compile(r"\s+(?:are|is|was|were|have been|has been|had been)\s+\w+ing\b.*", re.I | re.S)
#: After an act right after a target word, what makes the word its subject: an object ("Security forces
#: shot dead five protesters"), or "on"/"at" after a fire verb ("Police opened fire on demonstrators");
#: a headline's passive goes on with a place, a time or nothing ("Policeman shot dead in Kabul").
_OBJECT_AFTER = re.compile(
    r"\s+(?!(?:in|at|on|near|by|during|after|before|outside|inside|when|while|as|and|or|from|to|for|with|"
    r"overnight|today|yesterday|last|this|early|late)\b)[\w'’-]+",
    re.I,
)
_FIRE_VERB = re.compile(r"fired?$", re.I)
_FIRE_AT = re.compile(r"\s+(?:on|at|upon)\b", re.I)
_RESCUED = re.compile(r"\s*(?:freed|rescued|released|liberated|evacuated|saved)\b", re.I)


def _subject_acting(text: str, word_end: int, head: TriggerMatch) -> bool:
    """Whether a target word ending at ``word_end``, right before the head trigger, is the subject of
    an active act rather than its victim."""
    between = text[word_end : head.start]
    if between.strip():
        # "Police freed 20 hostages": the rescuers, not the victims; "policemen were shot dead": a passive's subject
        return _RESCUED.match(between) is not None
    if _FIRE_VERB.search(head.text):
        return _FIRE_AT.match(text, head.end) is not None
    verb = _VERB_WORDS.match(head.text)
    if verb is not None and _OBJECT_AFTER.match(head.text, verb.end()) is not None:
        return True  # the trigger holds its object: "Soldiers | burned down more than 100 homes"
    return _OBJECT_AFTER.match(text, head.end) is not None


#: A trigger's verb with its particle: "burned down", "shot dead", "blew up".
_VERB_WORDS = re.compile(r"[\w'’-]+(?:\s+(?:down|up|off|out|dead|apart|away))?", re.I)


#: The head of a list of names after an act: "killed three journalists: ", "died in combat: ".
_NAME_LIST = re.compile(r"[^.;:\n]{0,60}:\s*")
#: A trigger that is a verb, so that a name right after it is its object ("shot", "kidnapped").
_VERB_END = re.compile(r"(?:ed|shot|hit|struck|slain|slew)$", re.I)


#: Civilians named by no more than their being people: "people", "men", "eight wounded men".
_ANY_PEOPLE = re.compile(r"(?:[\w-]+ )?(?:people|m[ae]n|wom[ae]n|persons?)")


class _TargetList:
    """A report's targets in the order found, each thing or person once: a description inside
    a longer one ("bus" in "tourist bus") names the same target, and the longer one is kept."""

    def __init__(self) -> None:
        self._items: list[tuple[Target, str]] = []
        self.evidence: Evidence | None = None

    def add(self, target: Target, start: int, end: int, unit: Unit, confidence: float) -> None:
        key = _words_key(target.description)
        if not key:
            return
        if _ANY_PEOPLE.fullmatch(key) and any(_ANY_PEOPLE.fullmatch(k) for _, k in self._items):
            return  # "eight wounded men" after "12 people" killed: the same civilians, told again
        for i, (held, held_key) in enumerate(self._items):
            if key == held_key or f" {key} " in f" {held_key} " or _shortened(key, held_key):
                return
            if f" {held_key} " in f" {key} " or _shortened(held_key, key):
                self._items[i] = (target, key)
                return
        self._items.append((target, key))
        if self.evidence is None:
            self.evidence = _evidence(unit, start, end, confidence)

    def targets(self) -> list[Target]:
        return [t for t, _ in self._items]


def _shortened(short: str, full: str) -> bool:
    """Whether the words of ``short`` (three at least) are those of ``full`` with some left out,
    in the same order, the first kept: a person named again with a shorter name
    ("attorney general Garcia" after "attorney general Roberto Garcia Alvarado")."""
    a, b = short.split(), full.split()
    if len(a) < 3 or len(a) >= len(b) or a[0] != b[0]:
        return False
    it = iter(b)
    return all(word in it for word in a)


def _words_key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def _same_words(a: str, b: str) -> bool:
    """Whether two phrases name the same thing: equal words, or one inside the other."""
    ka, kb = _words_key(a), _words_key(b)
    return f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} "


def _claimed_spans(unit: Unit) -> list[tuple[int, int]]:
    """Words other finders read in a unit's sentence (triggers, dates): never part of a target's
    phrase. A date is only one that has a number or a word of time in it: the NER's dates in
    capitals include names ("ALDAY")."""
    from sitrep.extract.phrases import load_phrase_words

    stops = load_phrase_words().stops
    sentence = unit.sentence
    dates = [d for d in sentence.dates if any(c.isdigit() for c in d.text) or any(w in stops for w in d.text.lower().split())]
    return [(t.start, t.end) for t in sentence.triggers] + [(d.start, d.end) for d in dates]


def _target_phrase(unit: Unit, match: Any) -> tuple[Target, int, int]:
    """A lexicon match grown into its noun phrase, typed by the phrase's head: in "tourist bus"
    the head is "bus" (transport), not "tourist"."""
    from sitrep.extract.phrases import noun_phrase, strip_quantity

    text = unit.sentence.text
    heads = [(t.start, t.end) for t in unit.sentence.targets]
    phrase = noun_phrase(text, match.start, match.end, blocked=_claimed_spans(unit), heads=heads)
    kind = match.type
    for other in unit.sentence.targets:
        if match.end <= other.start and other.end <= phrase.end and (
            " of " not in text[match.end : other.start].lower()
            # a home or a car is its owner's: "the home of a local councillor" is a government target
            or (_OWNED.fullmatch(match.text) is not None and other.type != "civilians")
        ):
            kind = other.type
    return Target(strip_quantity(phrase.text), kind), phrase.start, phrase.end  # the counts tell how many


#: What a target owns, typed by its owner when the owner is named after "of".
_OWNED = re.compile(r"(?:home|house|residence|car|vehicle|compound|farm)s?", re.IGNORECASE)


def _object_list(unit: Unit, first: Any) -> list[tuple[Target, int, int]]:
    """The target phrase of ``first`` and of the lexicon targets listed with it ("destroyed the
    municipal office, a gasoline station, and the civil defense post"); a word that names a
    weapon ("a car bomb") is not a target."""
    from sitrep.extract.phrases import Phrase, coordinated

    text = unit.sentence.text
    out: list[tuple[Target, int, int]] = []
    for match in [t for t in unit.targets if t.start >= first.start]:
        if _not_a_target(unit, match):
            continue
        target, start, end = _target_phrase(unit, match)
        if out:
            if start < out[-1][2]:
                continue  # inside the phrase already taken ("tourist" in "tourist bus")
            if not coordinated(text, Phrase(out[-1][1], out[-1][2], ""), Phrase(start, end, "")):
                break
        out.append((target, start, end))
    return out


def _counted_phrase(unit: Unit, mention: Any) -> str:
    """The people a count counts, as the phrase that names them: "union members" for the
    count "10 union members" whose victim the count reader gives as "members"."""
    from sitrep.extract.phrases import noun_phrase, strip_quantity

    text = unit.sentence.text
    victim = mention.victim
    at = text.find(victim, max(0, mention.start - 80), mention.end + 80 + len(victim))
    if at < 0 or " and " in victim.lower():
        return victim
    phrase = noun_phrase(text, at, at + len(victim), blocked=_claimed_spans(unit), of_complement=False)
    return strip_quantity(phrase.text) if victim in phrase.text else victim  # the count has the number


#: After a target word, the verb of one who tells of the act: "..., police (in Alaska) said".
_SPEAKS = re.compile(
    r"(?:\s+(?:in|of|from)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?"
    r"(?:\s+(?:officials?|sources?|spokes(?:man|woman|person)|chief|officers?))?"
    r"\s+(?:said|say|says|told|reported|report|reports|stated|confirmed|added|announced)\b"
)
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}\Z", re.I)


#: An act named as what time is counted from: "three years after the Bataclan massacre", "to mark a
#: year since the attack", "on the anniversary of the bombing"; up to five words of its name between.
_COUNTED_FROM = re.compile(
    r"(?P<count>\b(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|several|many|few)\s+(?P<unit>weeks?|months?|years?|decades?)\s+(?:after|since|on\s+from)"
    r"|\b(?:anniversary|anniversaries|commemorations?|remembrance)\s+(?:of|for))"
    r"\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,5}\Z",
    re.I,
)
#: Days either side of the point a count of units puts an act at ("three years after": give or take half a year).
_COUNTED_SLACK = {"week": 3, "month": 15, "year": 183, "decade": 5 * 365}


#: How a count of people taken says they were captured: by a state, an arrest; by an armed group, a
#: kidnapping ("the Taliban stormed a checkpoint and captured five policemen").
_CAPTURED = re.compile(r"\bcaptur(?:ed|es?|ing)\b", re.I)
_ARMED_SIDES = frozenset({"militants", "perpetrators"})
#: The attackers named before a bare number of people captured, who are more of them.
_THE_ATTACKERS_BEFORE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+)?(?:attackers|assailants|gunmen|bombers|hijackers|militants|insurgents|raiders)\b", re.I)


def _captives_taken(counts: Counts, evidence: dict[str, Evidence], perpetrators: Sequence[ActorRef]) -> Counts:
    """The people an armed group captured counted as kidnapped, not arrested: only a state arrests.
    The captured must not be of an armed group, nor of the perpetrators named (a report's
    perpetrators may be the captured: "a Taliban leader was captured", "one of the leaders of the MRTA
    has been captured"). ``evidence`` follows the count (``counts.arrested`` becomes ``counts.kidnapped``)."""
    taken = counts.arrested
    if taken is None or not perpetrators or not _CAPTURED.search(taken.text):
        return counts
    if any(p.actor_type in _STATE_TYPES for p in perpetrators) or any(part.side in _ARMED_SIDES for part in taken.parts):
        return counts
    if any(p.matched.lower() in taken.text.lower() for p in perpetrators):
        return counts
    told = evidence.get("counts.arrested")
    if told is not None and all(not part.label for part in taken.parts) and told.phrase_start is not None and (
        _THE_ATTACKERS_BEFORE.search(told.sentence, 0, told.phrase_start - told.start) is not None
    ):
        return counts  # "Three of the attackers were killed, and one was captured": one of the attackers
    if counts.kidnapped is not None and (counts.kidnapped.best or 0) >= (taken.best or 0):
        return replace(counts, arrested=None)  # told twice: "captured and held hostage five soldiers"
    evidence["counts.kidnapped"] = evidence.pop("counts.arrested")
    return replace(counts, arrested=None, kidnapped=taken)


def _counted_from(text: str, trigger_start: int, published: date | None) -> tuple[DateSpan | None, bool, tuple[int, int]] | None:
    """When the trigger at ``trigger_start`` names what time is counted from ("three years after
    the Bataclan massacre"): the span the count puts the act in (None without a publication date or
    a number), whether it is thereby recalled (a count of months or more, or an anniversary; a few
    weeks leave that to the date), and where the count is in ``text``; else None."""
    m = _COUNTED_FROM.search(text, 0, trigger_start)
    if m is None:
        return None
    unit = (m.group("unit") or "").lower().rstrip("s")
    if not unit:
        return None, True, m.span("count")  # an anniversary
    recalled = unit != "week"
    if published is None:
        return None, recalled, m.span("count")
    span = count_back(published, m.group("n"), unit, _COUNTED_SLACK[unit], m.group("count"), unit)  # type: ignore[arg-type]
    return span, recalled, m.span("count")


def count_back(day: date, number: str, unit: str, slack_days: int, text: str, precision: Precision) -> DateSpan | None:
    """The span ``number`` ``unit``s ("three", "years") before ``day``, give or take ``slack_days``,
    ending before ``day``; None when the number is not one the date words know ("several")."""
    word = number.lower()
    n = int(word) if word.isdigit() else load_date_words().number_words.get(word)
    if n is None:
        return None
    centre = shift(day, -n, unit)
    slack = timedelta(days=slack_days)
    return DateSpan(centre - slack, min(centre + slack, day - timedelta(days=1)), precision, text)


def _not_a_target(unit: Unit, match: Any) -> bool:
    """A lexicon target word that names no target here: part of a weapon ("an explosives-laden
    car"), the teller of the act ("police said", "according to police") or a modifier of the
    next word ("property damage")."""
    from sitrep.extract.phrases import modifies

    if any(w.start <= match.start and match.end <= w.end for w in unit.sentence.weapons):
        return True  # "car" in "car bomb", not "gasoline" in "gasoline station"
    text = unit.sentence.text
    if _SPEAKS.match(text, match.end) or _ACCORDING_TO.search(text, 0, match.start):
        return True  # "a man was shot dead on Friday, police said": the police tell, they were not hit
    if _SETTLEMENT.fullmatch(match.text) and _LOCATIVE_BEFORE.search(text, max(0, match.start - 40), match.start):
        return True  # "killed by a landmine ... in the village of San Juan": where, not what was hit
    if _LANDMARK.fullmatch(match.text) and _NEAR_BEFORE.search(text, max(0, match.start - 40), match.start):
        return True  # "two rebels were killed during clashes near El Refugio farm": where, not what was hit
    return modifies(text, match.end)


def _damaged(unit: Unit) -> list[Any]:
    """The lexicon targets of a unit that a verb of damage acted on ("destroyed a truck",
    "five houses were damaged")."""
    from sitrep.extract.phrases import damaged, noun_phrase, tells_damage

    text = unit.sentence.text
    if not unit.targets or not tells_damage(text):
        return []
    out = []
    for t in unit.targets:
        if _not_a_target(unit, t):
            continue
        phrase = noun_phrase(text, t.start, t.end, blocked=_claimed_spans(unit))
        if damaged(text, phrase):
            out.append(t)
    return out


#: Where a device was put or went off: "a bomb, which was placed on the 5th floor of | the
#: Cultural Institute", "defused before it exploded at | a Catholic school".
_PLACED = re.compile(
    r"\b(?:placed|planted|left|hidden|hurled|thrown|detonated|exploded|went off|blew up|set off)"
    r"(?:\s+[\w'-]+){0,3}?\s+(?:at|in|on|inside|outside|near|under|beside|against|in front of|next to|close to)\s+",
    re.I,
)
#: How far after those words the place it was put may start ("the 5th floor of the | Institute").
_PLACED_WINDOW = 60
#: A village or a neighbourhood an act happened in is its place, not the thing hit.
_SETTLEMENT = re.compile(r"villages?|neighbou?rhoods?|camps?", re.I)
#: A property that may be hit or may only say where ("attacked a farm", "clashes near El Refugio farm") ...
_LANDMARK = re.compile(r"farms?|estates?|haciendas?|ranch(?:es)?|plantations?|bridges?|crossroads|junctions?", re.I)
#: ... and what makes it say where: near or around it, not at or in it.
_NEAR_BEFORE = re.compile(r"\b(?:near|outside|around|close\s+to|not\s+far\s+from)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,3}$", re.I)
#: "in the hinterland village of", "near a", "outside the": a place word after it says where.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|around|at)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}$", re.I)
#: A word that joins another clause or act: what follows it is no longer where the device was
#: ("went off at about 9.30 a.m. as | traders and herders gathered").
_JOINER = re.compile(r"\b(?:as|when|while|after|before|and|but|where|which|who|that|killing|wounding|injuring)\b", re.I)
#: A clause ends inside a sentence: a comma, semicolon or colon (a full stop there ends an abbreviation: "U.S.").
_CLAUSE_END = re.compile(r"[,;:]")


def _placed_at(unit: Unit) -> list[Any]:
    """The lexicon targets of a unit where a device was put or went off (see ``_PLACED``): the
    thing hit, though no verb of damage names it."""
    if not unit.weapons or not unit.targets:
        return []
    text = unit.sentence.text
    spans = [(m.end(), m.end() + _PLACED_WINDOW) for m in _PLACED.finditer(text, unit.lo, unit.hi)]
    return [
        t for t in unit.targets
        if any(lo <= t.start <= hi and not _CLAUSE_END.search(text, lo, t.start) and not _JOINER.search(text, lo, t.start) for lo, hi in spans)
        and not _not_a_target(unit, t)
    ]


def victims_named(unit: Unit, lexicons: Lexicons) -> list[tuple[Any, int, int]]:
    """People a unit names as the victims of its acts: after an act ("killed Hector Oqueli",
    "the murder of retired general Gustavo Alvarez") or as the subject of its passive
    ("minister Jose Antonio Rodriguez Porth was seriously wounded"). In mixed case a name
    must be capitalised; a "name" holding a word of the target lexicon ("U.S. embassy")
    names a thing, not a person."""
    from sitrep.extract.phrases import people_at, person_before

    sentence = unit.sentence
    text = sentence.text
    cased = not _in_capitals(text)
    blocked = _claimed_spans(unit) + [(a.start, a.end) for a in sentence.actors]
    out: list[tuple[Any, int, int]] = []
    for trigger in unit.triggers:
        if trigger.family in _NOT_VICTIM_FAMILIES:
            continue
        link = _VICTIM_LINK.match(text, trigger.end)
        # a person follows a verb ("killed Hector Oqueli") or a noun and its link ("the murder of
        # ..."); a list of names follows a colon ("killed three journalists: Roberto Navas, ...")
        colon = _NAME_LIST.match(text, trigger.end)
        after = people_at(text, link.end(), blocked=blocked, cased=cased) if link else (
            people_at(text, trigger.end, blocked=blocked, cased=cased) if _VERB_END.search(trigger.text) else []
        )
        if colon is not None:
            after = [*after, *people_at(text, colon.end(), blocked=blocked, cased=cased)]
        before = person_before(text, trigger.start, blocked=blocked, cased=cased)
        # a list of people begun in this clause goes on past its end ("... and of attorney Gilda Flores")
        listed = after if after and unit.lo <= after[0].phrase.start < unit.hi else []
        for person in (*listed, before):
            if person is None or person.phrase.start < unit.lo or (person is before and person.phrase.end > unit.hi):
                continue
            if person.name and (
                lexicons.find_targets(person.name) or lexicons.find_weapons(person.name)
                or _is_place(person.name, sentence) or _PLACE_HEAD.search(person.name)
            ):
                # "the attack on the U.S. embassy", "the attack on San Ramon", "DETONATIONS OF HEAVY WEAPONS",
                # "THE ATTACK ON THE COASTAL HIGHWAY": a thing, a weapon or a place
                continue
            out.append((person, person.phrase.start, person.phrase.end))
    return out


#: The last word of a place's description, which no person's name ends with ("the coastal highway",
#: "the northeastern sectors").
_PLACE_HEAD = re.compile(
    r"\b(?:highways?|roads?|streets?|avenues?|routes?|sectors?|zones?|areas?|neighbou?rhoods?|outskirts)\Z", re.I
)


def _is_place(name: str, sentence: Sentence) -> bool:
    """Whether the words of ``name`` are a place the sentence names ("San Ramon")."""
    key = _words_key(name)
    return any(_words_key(p.text) == key for p in sentence.places)


def _claimed_figure(unit: Unit, mention: Any) -> bool:
    """Whether a count is the doers' own, told in their claim ("said in a statement that it had
    carried out the attack and killed 23 soldiers"), not the toll of the act a claim is made for
    ("claimed responsibility for the attack that killed 17")."""
    text = unit.sentence.text
    return any(
        c.claimed and c.end <= mention.start
        and (_SAID_CLAIM.search(c.text) is not None or _SAYING.search(text, c.end, mention.start) is not None)
        and not _RELATIVE_TOLL.search(text, c.end, mention.start)
        for c in unit.claims
    )


#: One act singled out of the many a period before it sums up ("a string of attacks in recent months,
#: including a bombing at a Kabul school in May"): the period is the many's, not the act's.
_SINGLED_OUT = re.compile(r"\b(?:including|among them|such as|notably)\s+(?:a|an|the)\s", re.IGNORECASE)

_SAID_CLAIM = re.compile(r"\b(?:said|says|say|stated|announced|statement)\b", re.IGNORECASE)
#: The claim goes on to the doers' own words: "claimed responsibility ..., saying it had killed 20 soldiers".
_SAYING = re.compile(r"\b(?:saying|adding|boasting)\b", re.IGNORECASE)
_RELATIVE_TOLL = re.compile(r"\b(?:which|that|who)\b", re.IGNORECASE)


def _weapon_phrase(text: str, start: int, end: int, unit: Unit) -> str:
    """The phrase that names a weapon ("two medium-sized bombs", "explosive devices"), grown
    from the words the lexicon matched but never over an actor's name ("ISIS gunmen" stays
    "gunmen"). A weapon told by a verb ("shot dead", "opened fire") is left as matched, but
    a plural noun after the verb is the weapon ("firing rockets" -> "rockets")."""
    from sitrep.extract.phrases import load_phrase_words, noun_phrase, strip_quantity

    words = load_phrase_words()
    matched = list(re.finditer(r"\S+", text[start:end]))
    if not matched:
        return text[start:end]
    lowered = [m.group().lower() for m in matched]
    verbal = [w.endswith(("ed", "ing")) or w in words.stops or w in words.determiners for w in lowered]
    if verbal[-1] or (any(verbal) and not lowered[-1].endswith("s")):
        return text[start:end]
    first = max((k + 1 for k, v in enumerate(verbal) if v), default=0)
    blocked = [(d.start, d.end) for d in unit.sentence.dates] + [(a.start, a.end) for a in unit.sentence.actors]
    if first:
        blocked.append((start, start + matched[first - 1].end()))  # the verb of "firing rockets"
    phrase = noun_phrase(text, start + matched[first].start(), end, words=words, blocked=blocked, of_complement=False)
    # "the third grenade attack this month", "an Islamist knife attack": the rank among others and the
    # doers' creed are no part of the weapon
    return _NOT_OF_THE_WEAPON.sub("", strip_quantity(phrase.text, words=words), count=1)


_NOT_OF_THE_WEAPON = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|\d+(?:st|nd|rd|th)"
    r"|islamist|jihadist|terrorist|militant|insurgent|extremist|separatist|far-right|neo-nazi)\s+(?=\S)",
    re.IGNORECASE,
)


def _names_an_act(phrase: str) -> bool:
    """Whether a weapon phrase tells an act rather than a device: a verb ("blew himself up") or
    a noun of an act or its doer ("the blast", "gunmen")."""
    from sitrep.extract.phrases import load_phrase_words

    words = load_phrase_words()
    lowered = phrase.lower().split() or [""]
    verbal = any(w.endswith(("ed", "ing")) or w in words.stops for w in lowered)  # "blew himself up"
    return verbal or lowered[-1] in words.acts


def _only_seizure(unit: Unit) -> bool:
    """A clause whose only acts are seizures or arrests ("an M-16 rifle was seized there")."""
    triggers = unit.triggers
    return bool(triggers) and all(t.family in ("seizure", "arrest") for t in triggers)


@lru_cache(maxsize=1024)
def _in_capitals(text: str) -> bool:
    """Whether a sentence is written in capitals (seven letters in ten at least); asked of the
    same sentence by several units, hence cached."""
    letters = sum(map(str.isalpha, text))
    return letters >= 8 and sum(map(str.isupper, text)) >= 0.7 * letters


__all__ = [
    "HINT_COUNTRIES", "Assembler", "CachedPlaces", "DocumentContext", "count_back", "hint_countries", "preload", "victims_named",
]
