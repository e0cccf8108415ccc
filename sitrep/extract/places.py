"""Choosing an incident's own location among the places its sentences name.

An article names many places; the incident happened at one. For each place
mention in the incident's clauses sitrep scores:

* the preposition before it: "in", "at", "near", "outside", "on the outskirts of"
  mark a location; "from" marks an origin ("suspects from Tajikistan") and "to",
  "toward" a destination, which are used only when nothing else places the incident
  ("the evacuation from Kabul"), and so is a place that says where someone is from
  ("a Dubai-based operator"); a place inside an actor's name ("Islamic State –
  Khorasan Province") or in the dateline is skipped;
* a landmark the incident is measured from ("127 km east of Sirte", "Efrat, south of
  Jerusalem") comes after places named in their own right, and the town in a facility's
  name ("the Heidelberg Tavern in Observatory, Cape Town") after where the text says the
  facility stands;
* its distance from the incident's trigger word, and whether it is in the
  trigger's own clause;
* how precise it resolves: a town beats a province beats a country, but nearness
  to the trigger counts for more ("drones in the Red Sea" is not moved to a town
  named later in the sentence).

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
from sitrep.gazetteer.normalize import CAPITAL
from sitrep.gazetteer.place import distance_km
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
#: Also where someone works or lives, which describes them and does not place the incident ("a
#: sub-commander operating in Mata Khan district", "a cell based in Quetta", "the commander, who was in
#: charge of operations in Paktiya province").
_BEFORE_ORIGIN = re.compile(
    r"\b(?:from|(?<!entrance )(?<!entrances )(?<!gate )(?<!gates )(?<!door )to|toward|towards|for|by|via|with|citizens? of|nationals? of|natives? of|born in|"
    r"(?:operating|operates|operated|active|based|headquartered|living|lives|resident|residing|wanted)\s+in|"
    # where people fled to: "Syrians who wanted to take a refuge in Turkey", "sought asylum in Greece"
    r"(?:refuge|asylum)\s+in|"
    r"in charge of (?:[\w-]+\s+){0,3}in|"
    # the country owning a mission abroad: "the embassies of Egypt and the United Arab Emirates in Tripoli"
    r"(?:embass(?:y|ies)|consulates?|consulate-general|diplomatic missions?) of|"
    # where fire came from: "rockets fired from an area in Syria ... hit Kilis"
    r"from\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}?(?:area|areas|territory|region|side|part|positions?|soil)\s+(?:in|of))"
    # ... also before a place's kind: "the rioting spread to the northern city of Thessaloniki"
    r"\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:city|town|village|province|region|district|state|capital|port)\s+of\s+)?$",
    re.IGNORECASE,
)
#: Where a statement was made, which says nothing of where the act was: "the spokesman told reporters
#: in Rawalpindi", "at a news conference in Kabul", "speaking in Geneva".
_BEFORE_STATEMENT = re.compile(
    r"\b(?:(?:told|telling|briefed|briefing)\s+(?:reporters|journalists|the\s+(?:media|press)|lawmakers|parliament)"
    r"|(?:news|press)\s+conference|(?:speaking|spoke|said)(?:\s+to\s+(?:reporters|journalists))?)\s+in\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:city|town|capital)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)


def where_a_statement_was_made(text: str, start: int) -> bool:
    """Whether the place named at ``start`` in ``text`` is where a statement was made ("told
    reporters in | Rawalpindi"), which does not place the act the statement tells of."""
    return _BEFORE_STATEMENT.search(text, max(0, start - 60), start) is not None


#: An office's seat, which tells whose office it is before it tells where anything happened: "the
#: mayor of Koutougou", "the president of the community action board of the municipality of La Laguna
#: ... was shot dead in the municipality of Convención".
_BEFORE_OFFICE = re.compile(
    r"\b(?:mayor|governor|president|chief|head|leader|chairman|chairperson|councill?or|council|board|deputy|"
    r"commissioner|administrator|secretary|diocese|archdiocese|bishop|archbishop|prefect|emir)\s+of\s+"
    r"(?:the\s+(?:municipality|town|city|village|department|province|state|district|region)\s+of\s+)?(?:the\s+)?"
    r"(?:(?:nearby|neighbou?ring)\s+)?$",
    re.IGNORECASE,
)
#: A statement's verb right after its maker's name: "the diocese of Dori | said".
_SPEAKS = re.compile(r"\s+(?:said|says|told|stated|reported|announced|confirmed)\b")
#: A country named where the incident is not: the other side of a border ("near the border with
#: Burkina Faso"), or a side's backer ("factions loyal to Turkey", "militias backed by Iran").
BEFORE_NOT_THE_SCENE = re.compile(
    r"\b(?:borders?\s+with|loyal\s+to|backed\s+by|(?:allied|affiliated)\s+(?:to|with)|aligned\s+with|"
    r"(?:supported|sponsored|funded)\s+by|prox(?:y|ies)\s+(?:of|for))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A place named as a landmark to measure from: "127 km east of Sirte", "about 40 kilometers from
#: the capital Mogadishu", "20 miles to the north of Ramadi".
_BEFORE_DISTANCE = re.compile(
    r"\b(?:km|kms|kilomet(?:re|er)s?|miles?)\s+"
    r"(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?"
    r"(?:of|from)\s+(?:the\s+)?(?:(?:[\w-]+\s+)?capital,?\s+)?$"
    # a bearing alone after a place just named: "in Efrat, south of Jerusalem"
    r"|,\s+(?:just\s+|about\s+|some\s+)?(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+"
    r"(?:the\s+)?(?:(?:[\w-]+\s+)?capital,?\s+)?$"
    # a town near the scene, not the scene: "said the mayor of nearby Bankass" (but "abducted 25
    # worshippers in neighbouring Kaduna state" is there)
    r"|(?<!\bin\s)(?<!\bat\s)\b(?:nearby|neighbou?ring)\s+$",
    re.IGNORECASE,
)
#: After a place's name, a facility it names and where that facility is: "the Heidelberg Tavern in
#: Observatory", "Walton's Restaurant in the Chelsea neighborhood of London" (the town in a facility's
#: name is not where it stands when the text says where it stands).
_STANDS_IN = r"[ ](?:in|at)[ ](?:the[ ])?(?:[a-z-]+[ ]){0,2}" + CAPITAL
_FACILITY_ELSEWHERE = re.compile(
    r"(?:['\u2019]s)?(?:[ ](?!(?i:in|at|near|on|of|and|or|an?|the)\b)[\w'\u2019-]+){0,2}[ ](?i:hotel|tavern|restaurant|caf[eé]|bar|pub|club|inn|store|shop|"
    r"supermarket|cinema|theat(?:re|er)|hall|mall|arena|stadium)s?(?=" + _STANDS_IN + ")"
)
#: The last word of a building's or a station's name (not a road's: "Jaffa Road" is in Jerusalem).
_FACILITY_END = re.compile(
    r"\b(?:junction|station|airport|airfield|air ?base|base|camp|barracks|market|bazaar|hospital|school|university|"
    r"college|mosque|church|temple|shrine|hotel|stadium|prison|jail)$",
    re.IGNORECASE,
)
#: After a facility's name, where it stands: "the Hilton Hotel in London".
_FACILITY_IN = re.compile(_STANDS_IN)
#: A place that describes what comes after it as from there: "a Dubai-based harbour operator",
#: "the Lagos-born gunman" (an origin, not where the incident happened).
_AFTER_ORIGIN = re.compile(r"-(?:based|born|headquartered|registered|flagged|owned|bound)\b", re.IGNORECASE)
#: A country named as the owner of a mission abroad: "the U.S. Embassy", "the French consulate",
#: never where its mission is.
MISSION_AFTER = re.compile(
    r"\s+(?:embass(?:y|ies)|consulates?|consulate-general|diplomatic missions?|ambassadors?|envoys?)\b", re.I
)
#: A country named as the owner of people or things that may well be abroad: "a US man", "in US
#: custody"; or as the neighbour across a frontier: "clash near U.S. border".
_ABROAD_OR_FRONTIER_AFTER = re.compile(
    # people and things that go abroad: "found in US vehicle in Mexico", "killed US man"
    r"\s+(?:(?-i:man|woman|men|women|citizens?|nationals?|vehicles?|cars?|trucks?|soldiers?|troops|servicem[ae]n|"
    r"contractors?|journalists?|tourists?|diplomats?|aid workers?|hostages?|custody|warships?|vessels?)"
    # or the frontier of a neighbour: "clash near U.S. border", "killed on Bangladesh border"
    r"|borders?|frontiers?)\b",
    re.I,
)
#: A place named as where the wounded were treated or died ("died at the State Specialist
#: Hospital in Maiduguri", "taken to hospital in Quetta"), not where the incident happened.
_BEFORE_HOSPITAL = re.compile(
    r"\b(?:hospitals?|clinics?|infirmary|medical (?:centre|center|facility)|morgue|mortuary)\b[^.;,]{0,25}?\b(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_CHAIN_SEP = re.compile(
    r"^\s*(?:,\s*|\(\s*)?(?:(?:also |just |some \d+ \w+ |(?P<part>neighbou?rhood|suburb|quarter|area|village) )?"
    r"(?:in|of|outside|near|on the outskirts of)\s+)?(?:the\s+)?"
    # "Carrizal in the municipality of Convención"
    r"(?:(?:municipality|district|department|province|state|region|commune)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$",
    re.IGNORECASE,
)
_TYPE_WORD = (
    r"(?i:local government(?: area)?|lga|municipality|department|province|state|district|region|county|"
    r"governorate|oblast|prefecture|commune|division|sub-district|subdistrict|tehsil|agency|area)"
)
_NAME = r"(?:" + CAPITAL + r"[\w'\u2019.-]*)(?:[ ](?:" + CAPITAL + r"[\w'\u2019.-]*|de|del|la|el|al|ad|as|an)){0,3}"
#: What may follow a place name and still describe where it is: ", a village in Konduga local
#: government area of Borno State", ", Tame municipality, Arauca department", " province".
_CONTINUATION = re.compile(
    r"(?:"
    # "Anbar tehsil of Mohmand Agency": the division of the next name
    r"[ ]" + _TYPE_WORD + r"\b(?:[ ](?i:of)[ ](?i:the[ ])?" + _NAME + r"[ ]" + _TYPE_WORD + r"\b)?"
    r"|[ ](?i:of)[ ](?i:the[ ])?" + _NAME + r"[ ]" + _TYPE_WORD + r"\b"  # "Safi tehsil of Mohmand Agency"
    r"|(?:'s|\u2019s)[ ]" + _NAME + r"[ ]" + _TYPE_WORD + r"\b"
    r"|,[ ](?i:also[ ]|just[ ])?(?i:in[ ](?:the[ ])?)?(?i:(?:an?|the)[ ](?:small[ ]|remote[ ]|rural[ ])?"
    r"(?:village|town|city|hamlet|settlement|suburb|district|area|neighbou?rhood|locality)[ ](?:in|of|near)[ ](?:the[ ])?)?"
    + _NAME + r"(?:[ ]" + _TYPE_WORD + r")?(?:[ ](?i:of)[ ]" + _NAME + r"(?:[ ]" + _TYPE_WORD + r")?)?"
    r")"
)
_NAME_START = re.compile(CAPITAL)
#: A division named with its type word: "Şırnak Province", "Nahri Saraj District".
_TYPED_DIVISION = re.compile(r"\s" + _TYPE_WORD + r"$")
#: A people's name and a type of place before a name: "the Saudi town of", "Mexico's border city of"
#: is not (that is a possessive, read as a chain); the resolver checks the word is a demonym.
_DEMONYM_LEAD = re.compile(
    r"(?<![\w'’-])(?:the\s+)?[A-Z][a-z][\w'’-]*\s+(?:(?:border|frontier|northern|southern|eastern|western|central)\s+)?"
    r"(?:town|village|city|province|district|region|state|governorate|capital)\s+of\s+\Z"
)


#: A day or a month after a name is when, not more of the name ("the area of Helmand Province Saturday").
_DATE_WORD = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
              r"June|July|August|September|October|November|December)\b")

#: Countries whose short names stand before a noun as adjectives: "US aid workers", "U.S. Mormon
#: missionaries", "a UK national".
_ADJECTIVE_COUNTRY = re.compile(r"(?:U\.?S\.?A?|U\.?K\.?)\Z")
#: A word after such a name that makes it an adjective: a noun or a name, not a function word, a
#: verb of saying, a weekday or a month ("in the US on Monday", "the US said", "in the UK last year"); nor
#: a frontier, which is the country's too ("a clash near the U.S. border").
_NOUN_AFTER_COUNTRY = re.compile(
    r"\s+(?!(?:in|on|at|and|or|but|nor|has|have|had|is|was|were|are|will|would|could|should|may|might|must|can|"
    r"said|says|say|told|to|for|from|of|with|by|as|since|after|before|during|until|till|last|this|that|which|who|"
    r"where|when|while|because|if|than|then|also|still|not|did|does|do|being|been|be|earlier|later|ago|now|"
    r"today|yesterday|tonight|over|under|into|through|against|via|amid|near|across|itself|alone|too|borders?|frontiers?|"
    r"May)\b|" + _DATE_WORD + r")[A-Za-z]"
)


def country_as_adjective(text: str, start: int, end: int) -> bool:
    """Whether the place at ``[start, end)`` is a country's short name used as an adjective ("two US aid
    workers", "a U.S. citizen"): it tells whose people they were, not where anything happened."""
    return _ADJECTIVE_COUNTRY.match(text, start, end) is not None and _NOUN_AFTER_COUNTRY.match(text, end) is not None


#: The name after "the village of", "the province of": up to three capitalised words, no date, no owner.
_AREA_NAME = r"(?P<name>" + CAPITAL + r"[\w'\u2019-]*(?:[ ](?!" + _DATE_WORD + r")" + CAPITAL + r"[\w'\u2019-]*){0,2})(?<!'s)(?<!\u2019s)"
_NAMED_AREA = re.compile(
    r"\b(?i:village|town|township|city|hamlet|area|locality|municipality|commune|settlement|district|suburb|neighbou?rhood|"
    r"sub-prefecture|subdivision)"
    r"[ ](?i:of)[ ]" + _AREA_NAME +
    r"(?=[,.;]|[ ](?i:in|near|on|at)[ ]|[ ]" + _DATE_WORD + r"|[ ](?!(?:province|district|governorate|county|region|state|department|municipality|tehsil)\b)[a-z])"  # "the city of Van as ..."
)


#: A province named after its type ("the eastern province of Van", "the governorate of Diyala"): the
#: type word stays in the phrase, which tells the gazetteer the province from the town of that name.
_NAMED_PROVINCE = re.compile(
    r"\b(?:province|governorate|region|prefecture|state)[ ]of[ ]" + _AREA_NAME +
    r"(?=[,.;)]|[ ](?i:in|near|on|at)[ ]|[ ]" + _DATE_WORD + r"|[ ][a-z]|$)"
)


#: A name followed by the type of division it is ("the Khogyani district", "Dibis District",
#: "Konduga local government area"), in mixed case: the NER rarely tags district names.
_TYPED_AREA = re.compile(
    r"(?<![\w'\u2019-])(?P<name>" + CAPITAL + r"[\w'\u2019-]*(?:[ ]" + CAPITAL + r"[\w'\u2019-]*){0,2})[ ]"
    r"(?P<type>(?:district|province|governorate|county|tehsil|municipality|prefecture|department|subdivision|local government area|LGA|(?:village|town|township|settlement)(?![ ]of\b))"
    r"|(?:District|Province|Governorate|County|Tehsil|Municipality|Prefecture|Department|Subdivision))(?![\w-])"
)


#: A possessor inside a typed name: "Kashmir's " in "Kashmir's Pulwama district".
_POSSESSOR = re.compile(r"['\u2019]s[ ]")
#: Offices called departments ("the Justice Department", "the Colombian Police Department"): no place.
_OFFICE = re.compile(
    r"\b(?:Justice|State|Police|Fire|Defen[cs]e|Treasury|Health|Education|Homeland|Security|Sheriff'?s?|Transportation|"
    r"Energy|Labou?r|Commerce|Agriculture|Interior|Corrections?|Public|Water|Highway|Immigration|Revenue|Parks)\s+\Z"
)


def named_areas(text: str) -> list[tuple[int, int, str]]:
    """Place names that a phrase marks as such ("the village of Kawuri", "THE RURAL AREA OF
    PUERTO JORDAN,", "the Khogyani district"), which NER and the gazetteer may both miss:
    (start, end, name); a typed name keeps its type word, which tells the gazetteer what to
    look for."""
    found = [(m.start("name"), m.end("name"), m.group("name")) for m in _NAMED_PROVINCE.finditer(text)]
    found += [
        (m.start("name"), m.end("name"), m.group("name")) for m in _NAMED_AREA.finditer(text)
        if not any(a < m.end() and m.start() < b for a, b, _ in found)
    ]
    for m in _TYPED_AREA.finditer(text):
        if m.group("type").lower() == "department" and _OFFICE.search(text, m.start(), m.start("type")):
            continue
        start = m.start()
        owners = list(_POSSESSOR.finditer(text, start, m.start("type")))
        if owners:  # "Jammu and Kashmir's Pulwama district": the district is Pulwama
            owner = owners[-1]
            owned = _TYPED_AREA.fullmatch(text, m.start(), owner.start())
            if owned is not None and not any(a < owned.end() and owned.start() < b for a, b, _ in found):
                found.append((owned.start(), owned.end(), owned.group(0)))  # "Şırnak Province's Uludere district"
            start = owner.end()
            if start >= m.start("type") - 1:
                continue
        if not any(a < m.end() and start < b for a, b, _ in found):
            found.append((start, m.end(), text[start : m.end()]))
    return sorted(found)


class PlaceResolver(Protocol):  # what the extractor needs of the gazetteer
    def resolve(
        self, text: str, *, context_countries: Sequence[str] = (), near: tuple[float, float] | None = None
    ) -> Location | None: ...

    def facility_place(self, text: str, context_countries: Sequence[str] = ()) -> Location | None: ...

    def is_demonym(self, word: str) -> bool: ...

    def names_a_facility(self, text: str) -> bool: ...

    def sole_country(self, name: str) -> str | None: ...

    def population(self, location: Location) -> int: ...


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    location: Location
    unit: Unit
    mention: EntityMention  # the (first) mention in the sentence
    score: float
    known: bool = True  # False: a town the text names and the gazetteer does not know (no coordinates)
    reference: bool = False  # a place named to say how far the incident was from it ("127 km east of Sirte")
    landmark: Location | None = None  # for an unknown town, the known place it is measured from or lies in
    said_at: bool = False  # named as where a statement about the act was made, not where it was


#: Right before a town's name: "in", "at", "near", "outside", perhaps "the village of" (with up to
#: two words before its type: "in the rebel-held town of"); or "the town of", "the village of" alone
#: ("Boko Haram attacked the town of Michika").
_BEFORE_TOWN = re.compile(
    r"(?:\b(?:in|at|near|outside)\s+|\b(?=the\s+(?:[\w-]+\s+){0,3}?(?:town|township|village|city)\s+of\s+$))"
    r"(?:(?:the|an?)\s+(?:(?!of\b)[\w-]+\s+){0,3}?(?:town|township|village|city|settlement|locality|hamlet|neighbou?rhood|area|"
    r"district|municipality|commune|suburb|quarter)\s+of\s+)?$",
    re.IGNORECASE,
)
_BEFORE_DISTRICT = re.compile(r"\b(?:district|municipality|commune)\s+of\s+$", re.IGNORECASE)
#: Right before a town named with its type word after it: "in the Khan Tuman village".
_BEFORE_TYPED_TOWN = re.compile(r"\b(?:in|at|near|outside)\s+the\s+$", re.IGNORECASE)
#: A type word after a town's name: "Khan Tuman village", "Al-Shaafah town".
_TRAILING_TYPE = re.compile(r"\s+(?:village|town|township|city|settlement|hamlet|area)$")
#: A possessive ending: "North Sinai's" is a place's name and its owner's "'s".
_POSSESSIVE_S = ("'s", "\u2019s")
#: A town's name as written: capitalised words, with the particles of Arabic, Spanish or French names.
_TOWN_NAME = re.compile(
    CAPITAL + r"[\w'\u2019.-]*(?:[ -](?:" + CAPITAL + r"[\w'\u2019.-]*|al|el|ad|as|ar|an|at|de|del|la|le|du|des|bin|ibn)){0,3}",
    re.UNICODE,
)


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
#: A name ending in the kind of event it is names that event, not a town: "accused in Kraft Shooting".
_EVENT_NAME = re.compile(
    r"\s(?:Shootings?|Bombings?|Attacks?|Massacres?|Blasts?|Explosions?|Killings?|Murders?|Stabbings?|Raids?|"
    r"Sieges?|Riots?|Fires?|Crash(?:es)?|Ambush(?:es)?|Hostage Crisis)$"
)


def _sole_namesake(resolver: PlaceResolver, town: Location) -> Location | None:
    """The place of an unknown town's name when the gazetteer holds places of that name in one
    country only, read within that country, else None."""
    code = resolver.sole_country(town.name)
    if code is None:
        return None
    found = resolver.resolve(town.name, context_countries=(code,))
    if found is None or found.country_code != code or found.precision not in ("town", "district"):
        return None
    return replace(found, text=town.text or found.text)


def _unknown_town(words: str, before: str) -> Location | None:
    """A town the text names as where something happened ("in Jalawla", "near the village of
    Nitzanit") that the gazetteer does not know: its name, without coordinates or country."""
    typed = _TRAILING_TYPE.search(words.strip()) is not None
    if not (_BEFORE_TOWN.search(before) or (typed and _BEFORE_TYPED_TOWN.search(before))):
        return None
    name = _TRAILING_TYPE.sub("", _LEADING_THE.sub("", words.strip()))  # "the Khan Tuman village"
    if not _TOWN_NAME.fullmatch(name) or name.isupper() or _EVENT_NAME.search(name) or name.endswith(_POSSESSIVE_S):
        return None  # not a name as written, capitals where the NER is guessing, or an event's name
    precision = "district" if _BEFORE_DISTRICT.search(before) else "town"  # "in the district of Timote"
    return Location(name=name, precision=precision, text=words)


#: Words that make an organisation an institution, a company or a medium rather than an armed group.
INSTITUTION = re.compile(
    r"\b(?:police|army|armed forces|forces|military|navy|air force|guard|ministry|ministers?|government|department|"
    r"directorate|office|agency|bureau|service|services|command|embassy|consulate|council of ministers|parliament|"
    r"senate|congress|assembly|court|tribunal|commission|committee|university|college|school|academy|institute|hospital|"
    r"clinic|red cross|red crescent|united nations|nato|european union|african union|trade union|airlines?|airways|bank|company|corporation|"
    r"corp|inc|ltd|group plc|news|press|times|post|herald|tribune|television|tv|radio|broadcasting|reuters|"
    r"church|mosque|cathedral|temple|club|federation of \w+ industries|international|amnesty|watch|house of|"
    r"hotel|palace|theat(?:re|er)|cent(?:re|er)|bar|restaurant|cafe|market|stadium|airport|station|squad|unit|"
    r"team|corps|swat|seals?|protection|investigation|operation|intelligence)\b",
    re.I,
)
#: Beyond institutions, words of a group's or a compound's name: "at the Popular Front", "in Evin Prison".
GROUP_WORD = re.compile(
    r"\b(?:party|front|brigades?|battalions?|movement|group|organi[sz]ation|network|union|league|alliance|coalition|"
    r"association|council|cartel|clan|militia|republic|kingdom|emirate|caliphate|regiment|division|prison|jail|base|"
    r"barracks|camp|compound|mall|port|media)\b",
    re.I,
)


def _misread_towns(unit: Unit, trigger_pos: int) -> list[PlaceChoice]:
    """Towns the NER took for an organisation or a person ("killed in Djibasso", "injured in
    Jalawla") that the gazetteer does not know: one or two capitalised words right after "in",
    "at", "near" or "outside", no actor and no institution ("in Parliament"); a person's name
    qualifies only as one word."""
    text = unit.sentence.text
    taken = [(a.start, a.end) for a in unit.actors] + [(p.start, p.end) for p in unit.places]
    found = []
    for e in unit.sentence.entities:
        if e.label not in ("ORG", "PERSON") or not (unit.lo <= e.start and e.end <= unit.hi):
            continue
        words = e.text.split()
        # a person's name after "at", "near" or "outside" may be a person's ("fired at Pedro Lopez"); after
        # "in" a name of up to three words is a place's ("in Khan Beni Saad, Iraq"), not one followed by "'s"
        after_in = text[max(0, e.start - 3) : e.start].lower() == "in " and text[e.end : e.end + 1] not in ("'", "’")
        longest = (3 if after_in else 1) if e.label == "PERSON" else 2
        if len(words) > longest or any(a < e.end and e.start < b for a, b in taken):
            continue
        if INSTITUTION.search(e.text) or GROUP_WORD.search(e.text):
            continue
        typed = _TYPE_AFTER.match(text, e.end)  # "in the Kuchlak area"
        words = e.text + typed.group() if typed is not None else e.text
        town = _unknown_town(words, text[max(0, e.start - 40) : e.start])
        if town is not None:
            found.append(_unknown_choice(replace(town, text=e.text), unit, e, trigger_pos))
    return found


#: A town's type word after its name: " area", " village", " town".
_TYPE_AFTER = re.compile(r"\s+(?:area|village|town)\b")


#: An unknown town's name introduced as one ("near the town of Boni"), which names a town in any
#: sentence of the incident, and its score there.
_TOWN_OF = re.compile(r"\b(?:town|village|city|hamlet|settlement|locality)\s+of\s+$", re.IGNORECASE)
_TOLD_TOWN_SCORE = 0.5


def _unknown_choice(town: Location, unit: Unit, mention: EntityMention, trigger_pos: int) -> PlaceChoice:
    """An unknown town as a choice, scored by its closeness to the trigger."""
    return PlaceChoice(town, unit, mention, 4.0 - min(4.0, abs(mention.start - trigger_pos) / 30.0), known=False)


def chains(unit: Unit, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[EntityMention, str, int, int]]:
    """Place mentions of a unit joined with what follows them into phrases that say where a place
    is ("Kerman, Iran"; "Kawuri, a village in Konduga local government area of Borno State"):
    (first mention, phrase, start, end). Mentions inside a ``skip`` span (an actor's name: the
    "Nagaland" of "the National Socialist Council of Nagaland") are no places and open no chain."""
    places = sorted((m for m in unit.places if not any(a <= m.start and m.end <= b for a, b in skip)),
                    key=lambda m: m.start)
    text = unit.sentence.text
    out: list[tuple[EntityMention, str, int, int]] = []
    i = 0
    while i < len(places):
        first = places[i]
        end = first.end
        j = i + 1
        # a person's home town is followed by where he was, not by what holds it ("Salim Barakat of
        # Yarka in Tel Aviv"), unless a comma or a bracket says so
        hometown = _hometown(unit, first.start)
        while True:
            sep = _CHAIN_SEP.match(text[end : places[j].start]) if j < len(places) and places[j].label != "FAC" else None
            if sep is not None and _attributive(text, places[j].end):
                sep = None  # "In Beirut, US Ambassador Francis Meloy": the country says whose envoy, not where
            if sep is not None and hometown and any(ch.isalpha() for ch in sep.group(0)):
                sep = None
            if sep is not None and (not sep.group("part") or _TYPED_DIVISION.search(places[j].text)):
                # "the Bahçelievler neighbourhood of Şırnak Province" is in that province; but in
                # "the Baghdad suburb of Suwaib" the part comes second (read by _part_of_town)
                end = places[j].end
                j += 1
                continue
            m = _CONTINUATION.match(text, end)
            if m is None or m.end() <= end or not _continues_with_name(text, end, m.end()):
                break
            end = m.end()
            while j < len(places) and places[j].end <= end:
                j += 1
        if "(" in text[first.start : end] and text[end : end + 1] == ")":
            end += 1  # "Segovia (Antioquia)"
        start = first.start
        lead = _DEMONYM_LEAD.search(text, 0, start)
        if lead is not None and not any(lead.start() < m.end and m.start < first.start for m in places if m is not first):
            start = lead.start()  # "the Saudi town of Qadif": the gazetteer places it by its demonym
        out.append((first, text[start:end], start, end))
        i = j
    return out


#: A country's name used of its state's people and bodies, not as a place: "US Ambassador" (a
#: mission: :data:`MISSION_AFTER`), "UN envoy", "Turkish troops", "US officials".
_STATE_BODY_AFTER = re.compile(
    r"\s+(?:consuls?|forces?|troops|soldiers?|army|military|"
    r"officials?|president|prime minister|ministers?|ministry|government|police|citizens?|nationals?|navy|"
    r"air force|marines?|special forces|drones?|aid workers?|secretary|diplomats?|delegation|spokes(?:man|woman|person)|"
    r"agents?|intelligence|authorities|state department|senators?|congress(?:man|woman)?|lawmakers?)\b",
    re.IGNORECASE,
)


def _attributive(text: str, end: int) -> bool:
    """Whether the country named up to ``end`` is said of what follows it ("US Ambassador", "UN envoy")."""
    return (
        MISSION_AFTER.match(text, end) is not None or _STATE_BODY_AFTER.match(text, end) is not None
        or _AFTER_ORIGIN.match(text, end) is not None  # "Maarat al-Numan, the Britain-based war monitor"
    )


#: A part of the town already told: "the city's", "the capital's".
_PART_OF_THE_TOWN_TOLD = re.compile(r"\bthe\s+(?:city|town|capital|village)['\u2019]s\s+(?:\w+\s+)?\Z", re.IGNORECASE)


#: Between a person's name and the town he is from: "Salim Barakat of Yarka", perhaps after the age
#: ("Thomas Matthew Crooks, 20, of Bethel Park").
_OF = re.compile(r"(?:,\s+(?:aged\s+)?\d{1,3},)?,?\s+of\s+$")


def _hometown(unit: Unit, start: int) -> bool:
    """Is the place at ``start`` a person's home town, named right after the name ("Druze police
    officer Salim Barakat of Yarka was killed in Tel Aviv")? It describes the person."""
    text = unit.sentence.text
    return any(
        e.label == "PERSON" and e.end < start and _OF.fullmatch(text, e.end, start) is not None
        for e in unit.sentence.entities
    )


def _in_the_province_named(
    candidates: list[PlaceChoice], resolver: PlaceResolver, context_countries: Sequence[str]
) -> list[PlaceChoice]:
    """The candidates, a district or town read in another province than the one province the
    incident's clauses name in its country read again inside that province, where a namesake
    lies ("Maoists ambushed troops in Chhattisgarh ... in a forested area of Bijapur district" is
    Chhattisgarh's Bijapur, not Karnataka's)."""
    provinces: dict[str, set[str]] = {}
    for c in candidates:
        if c.location.precision == "province" and c.known and not c.reference and c.location.country_code:
            provinces.setdefault(c.location.country_code, set()).add(c.location.admin1 or c.location.name)
    out = []
    for c in candidates:
        named = provinces.get(c.location.country_code or "", set())
        if c.location.precision in ("town", "district") and c.known and len(named) == 1 and c.location.admin1 not in named:
            province = next(iter(named))
            inside = resolver.resolve(f"{c.location.text}, {province}", context_countries=context_countries)
            if inside is not None and inside.precision == c.location.precision and inside.admin1 == province:
                c = replace(c, location=replace(inside, text=c.location.text))
        out.append(c)
    return out


def _part_named_by_its_town(candidates: list[PlaceChoice], resolver: PlaceResolver) -> list[PlaceChoice]:
    """In "the Damascus suburb of Douma", "the Dallas suburb of Allen" or "the Chelsea neighborhood of
    London", one of the two towns is a part of the other, and the smaller is the place: the larger
    loses the lead its nearness to the trigger may give it. Only for two towns near each other (a
    suburb the gazetteer mistook for a namesake far away keeps the city its place)."""
    if len(candidates) < 2:
        return candidates
    out = list(candidates)
    for i, a in enumerate(candidates):
        for j, b in enumerate(candidates):
            if (
                a.unit is b.unit and a.mention.end < b.mention.start
                and a.location.precision == b.location.precision == "town"
                and _PART_OF_A_TOWN.fullmatch(a.unit.sentence.text, a.mention.end, b.mention.start) is not None
                and None not in (a.location.lat, a.location.lon, b.location.lat, b.location.lon)
                and distance_km((a.location.lat, a.location.lon), (b.location.lat, b.location.lon)) <= _SUBURB_REACH_KM  # type: ignore[arg-type]
            ):
                larger = i if resolver.population(a.location) >= resolver.population(b.location) else j
                out[larger] = replace(out[larger], score=out[larger].score - 3.0)
    return out


#: Between two towns, one a part of the other: "the Dallas suburb of", "Baghdad's neighbourhood of".
_PART_OF_A_TOWN = re.compile(
    r"(?:['\u2019]s)?\s+(?:suburbs?|neighbou?rhoods?|districts?|quarters?|outskirts)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: How far a suburb may lie from the town it is a suburb of.
_SUBURB_REACH_KM = 60.0


def _most_precise_within(top: PlaceChoice, candidates: Sequence[PlaceChoice]) -> PlaceChoice:
    """A more precise place inside the chosen one, named elsewhere in the incident's clauses
    ("in northern Burkina Faso" ... "the detachment at Koutougou, a village in Soum province")."""
    while True:  # and inside that, a more precise one still ("in Borno state" ... "Mandarari village in Konduga")
        rank = _PRECISION_RANK.get(top.location.precision, 0)
        inside = [
            c for c in candidates
            if _PRECISION_RANK.get(c.location.precision, 0) > rank and c.score > 0 and _contains(top.location, c.location)
        ]
        if not inside:
            return top
        top = max(inside, key=lambda c: c.score)


def _nearer_than_its_province(town: PlaceChoice, province: PlaceChoice, trigger_pos: int) -> bool:
    """Is the unknown town named in the same sentence as the province chosen, and nearer the
    trigger ("The deputy governor of the province of Logar ... killed in a Taliban ambush in
    Waghjan")? It is then the incident's place, in that province. (Not one in a district: "in
    Konjak village of Faizabad District" is coded as the district the gazetteer knows.)"""
    return (
        province.location.precision == "province" and town.unit.sentence is province.unit.sentence
        and abs(town.mention.start - trigger_pos) < abs(province.mention.start - trigger_pos)
    )


#: Between a known town and an unknown name that is part of it: "the southwest Baghdad suburb of Suwaib".
_PART_OF_TOWN = re.compile(r"(?:['\u2019]s)?\s+(?:suburb|neighbou?rhood|quarter|district|area)\s+of\s+(?:the\s+)?$", re.I)


def _part_of_town(part: PlaceChoice, town: PlaceChoice) -> bool:
    """Is the unknown name told as a part of the known town chosen, in the same words ("the
    Baghdad suburb of Suwaib")? The part is the more precise place."""
    return (
        town.location.precision == "town" and part.unit.sentence is town.unit.sentence
        and town.mention.end <= part.mention.start
        and _PART_OF_TOWN.match(part.unit.sentence.text[town.mention.end : part.mention.start]) is not None
    )


def _run_as_chain(name: str, resolver: PlaceResolver, context_countries: Sequence[str]) -> Location | None:
    """A run of names with no comma between a place and the province, region or country that holds it,
    read as the chain it stands for: "Patikul Sulu" as "Patikul, Sulu", "Madagali Nigeria" as
    "Madagali, Nigeria". The place must lie in the holder, and the holder in the text's countries."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    for k in range(len(words) - 1, 0, -1):  # the holder's name as long as it can be
        left, right = " ".join(words[:k]), " ".join(words[k:])
        holder = resolver.resolve(right, context_countries=context_countries)
        if holder is None or holder.precision not in ("province", "region", "country") or (
            context_countries and holder.country_code not in context_countries
        ):
            # a province, region or country holds the place, in the text's countries: not "Bejucales
            # Veracruz" in Mexico when the text is about Colombia
            continue
        location = resolver.resolve(f"{left}, {right}", context_countries=context_countries)
        if location is None or (location.name, location.precision) == (holder.name, holder.precision):
            continue  # the chain named no more than its holder
        if location.country_code != holder.country_code or (
            holder.precision == "province" and location.admin1 not in (holder.admin1, holder.name)
        ):
            continue  # not inside it: "Albu Bali" is no Albu in Bali
        return replace(location, text=name)
    return None


def _rank(location: Location) -> int:
    return _PRECISION_RANK.get(location.precision, 0)


def _fold_lower(words: str) -> str:
    return " ".join(words.lower().split())


def _contains(outer: Location, inner: Location) -> bool:
    if not outer.country_code or outer.country_code != inner.country_code:
        return False
    if outer.precision == "country":
        return True
    if outer.precision == "region" and not outer.admin1 and None not in (outer.lat, outer.lon, inner.lat, inner.lon):
        # a named region that is no division ("Kashmir", "the Donbas"): the places of its country near it
        return distance_km((outer.lat, outer.lon), (inner.lat, inner.lon)) <= _REGION_REACH_KM  # type: ignore[arg-type]
    if outer.precision in ("province", "region"):
        return bool(inner.admin1) and inner.admin1 == (outer.admin1 or outer.name)
    return False


#: How far from a named region's centre a place of its country is taken to lie in it ("Indian-
#: administered Kashmir's Pulwama district", 25 km; not Delhi, 650 km from Kashmir's).
_REGION_REACH_KM = 400.0


def _continues_with_name(text: str, start: int, end: int) -> bool:
    """A continuation must be a type word or contain a capitalised name (not "in the evening")."""
    piece = text[start:end]
    if not piece.startswith(","):
        return True
    has_type = re.search(_TYPE_WORD, piece) is not None
    if piece.isupper():  # in capitals every word looks like a name: only "<NAME> <TYPE>" continues
        return has_type
    return bool(_NAME_START.search(piece)) and (
        re.search(_TYPE_WORD, piece, re.IGNORECASE) is not None or piece.count(",") == 1
    )


def choose_location(
    units: Sequence[Unit],
    *,
    trigger_unit: Unit,
    trigger_pos: int,
    resolver: PlaceResolver,
    context_countries: Sequence[str],
    not_places: Sequence[tuple[int, int, int]] = (),
    min_score: float | None = None,
    fallback_countries: Sequence[str] | None = None,
    hint_countries: Sequence[str] = (),
    unknown_towns: bool = False,
) -> PlaceChoice | None:
    """The best location for an incident told in ``units`` (``trigger_unit`` holds its trigger).

    ``not_places`` are (sentence index, start, end) spans whose place words are not the
    incident's location: actor names ("Islamic State – Khorasan Province") and the dateline.
    With ``min_score``, a choice scoring lower (an origin or destination only) is None.
    A name that resolves nowhere within ``context_countries`` is tried again within
    ``fallback_countries`` (the countries the article names outright, when some come only from
    a people's name: "Chadian peacekeepers were killed in Kidal" is in Mali), and last within
    ``hint_countries`` (those and where the groups named are active).
    With ``unknown_towns``, a town the trigger's clause names ("in Jalawla") that the gazetteer
    does not know is chosen over a mere country (``known`` False: no coordinates; the country
    chosen, if any, is kept).
    """
    candidates: list[PlaceChoice] = []
    unknown: list[PlaceChoice] = []
    facility: tuple[Unit, EntityMention] | None = None
    for unit in units:
        text = unit.sentence.text
        skip = [(a, b) for s, a, b in not_places if s == unit.sentence.index]
        for first, phrase, start, end in chains(unit, skip):
            if any(a <= start and end <= b for a, b in skip):
                continue
            before = text[max(0, start - 40) : start]
            stands_in = _FACILITY_IN.match(text, first.end) if first.label == "FAC" and phrase != first.text else None
            if first.label == "FAC" and phrase == first.text:
                if facility is None and unit is trigger_unit:
                    facility = (unit, first)
                location = None
                if not resolver.names_a_facility(phrase):
                    # no facility's word: a town the NER took for a facility ("found in Valle de Juárez")
                    location = resolver.resolve(phrase, context_countries=context_countries)
                if location is None:
                    location = resolver.facility_place(phrase, context_countries)  # "the Manchester Arena"
            elif stands_in is not None:
                # "the Hilton Hotel in London": where it stands, not the town in its name, unless that
                # says less ("the Gush Etzion Junction in the West Bank")
                location = resolver.resolve(text[stands_in.end() - 1 : end], context_countries=context_countries)
                if location is None or _rank(location) < _PRECISION_RANK["town"]:
                    location = resolver.resolve(phrase, context_countries=context_countries)
            else:
                location = resolver.resolve(phrase, context_countries=context_countries)
                if start < first.start and (location is None or _fold_lower(location.name) in _fold_lower(text[start : first.start])):
                    # the words before were no demonym ("the Shia town of Tuz Khormato"): without them
                    phrase = text[first.start : end]
                    location = resolver.resolve(phrase, context_countries=context_countries)
                if location is None and fallback_countries is not None and list(fallback_countries) != list(context_countries):
                    location = resolver.resolve(phrase, context_countries=fallback_countries)
                if location is None and phrase.endswith(_POSSESSIVE_S):
                    location = resolver.resolve(phrase[:-2], context_countries=context_countries)  # "North Sinai's"
                if location is None and phrase != first.text:
                    # a chain read wrongly as one place ("Laak, Compostella Valley, Philippines" with
                    # the valley misspelt): its first name alone may still be known
                    location = resolver.resolve(first.text, context_countries=context_countries)
                if location is None and hint_countries and list(hint_countries) != list(context_countries):
                    # "in Jere area" with Boko Haram at work: Jere, Borno
                    location = resolver.resolve(phrase, context_countries=hint_countries) or (
                        resolver.resolve(first.text, context_countries=hint_countries) if phrase != first.text else None
                    )
                if location is None and _FACILITY_END.search(first.text):
                    # a facility the NER took for a town: "the Varanasi Junction railway station"
                    location = resolver.facility_place(first.text, context_countries)
                if location is None:
                    location = _run_as_chain(first.text, resolver, context_countries)
            vague = location is None or location.precision in ("country", "region")
            if unknown_towns and vague and (unit.sentence is trigger_unit.sentence or _TOWN_OF.search(before)):
                # not when the mention is the country itself ("in Iraq")
                country_name = _fold_lower(location.country or location.name) if location is not None else ""
                names_country = bool(country_name) and country_name in _fold_lower(first.text)
                # not "the Mexican Gulf state": a people's name opens no town's
                named = first.label in ("GPE", "LOC", "PHR") and not names_country and not resolver.is_demonym(first.text.split()[0])
                town = _unknown_town(first.text, text[max(0, first.start - 40) : first.start]) if named else None
                if town is not None and location is not None:  # "Jalawla, Iraq": the country its phrase names
                    town = replace(town, country=location.country, country_code=location.country_code)
                if town is not None:
                    choice = _unknown_choice(town, unit, first, trigger_pos)
                    if unit.sentence is not trigger_unit.sentence:
                        # "the town of Boni" told in a sentence of the incident after the one with its act
                        choice = replace(choice, score=_TOLD_TOWN_SCORE)
                    unknown.append(choice)
            if location is None:
                continue
            if location.precision == "country" and phrase == first.text and BEFORE_NOT_THE_SCENE.search(before):
                continue  # "near the border with Mali" (a neighbour of Mali), "factions loyal to Turkey"
            if location.precision == "country" and MISSION_AFTER.match(text, first.end):
                continue  # "near the U.S. Embassy" (in La Paz)
            if _PART_OF_THE_TOWN_TOLD.search(before):
                # "in the city's Kyivskyi district": a part of the town told before, which the gazetteer
                # would look for anywhere (there are Kyivskyi districts in several cities)
                continue
            score = 0.5 * _PRECISION_RANK.get(location.precision, 0)
            reference = _BEFORE_DISTANCE.search(before) is not None
            said_at = False
            if reference:
                # a landmark the incident is measured from: a place named in its own right comes first
                score -= 4.0
            elif where_a_statement_was_made(text, start) or (_BEFORE_OFFICE.search(before) and _SPEAKS.match(text, end)):
                # where a statement was made, or the seat of who made it ("the diocese of Dori said"): at most
                # its country, when nothing else tells one
                score -= 8.0
                said_at = True
            elif _BEFORE_ORIGIN.search(before) or _BEFORE_HOSPITAL.search(before) or _hometown(unit, start) or (
                location.precision == "country" and _ABROAD_OR_FRONTIER_AFTER.match(text, end)
            ) or _AFTER_ORIGIN.match(text, end):
                # an origin, a destination, a hospital, a country's people or frontier ("a US man", "near
                # U.S. border"): only when nothing else places it
                score -= 8.0
            elif _BEFORE_LOCATIVE.search(before) and not _BEFORE_OFFICE.search(before):
                score += 3.0
            if _FACILITY_ELSEWHERE.match(text, end) or (first.label == "FAC" and phrase == first.text and _FACILITY_IN.match(text, end)):
                score -= 8.0  # a town in a facility's name, the text saying where the facility is
            if unit is trigger_unit:
                score += 4.0 - min(4.0, abs(start - trigger_pos) / 30.0)
            elif unit.order < trigger_unit.order:
                score -= 1.0
            candidates.append(PlaceChoice(location, unit, first, score, reference=reference, said_at=said_at))
    best: PlaceChoice | None = None
    candidates = _in_the_province_named(_part_named_by_its_town(candidates, resolver), resolver, context_countries)
    if candidates:
        top = max(candidates, key=lambda c: c.score)
        best = _most_precise_within(top, candidates)
    if unknown_towns:
        unknown.extend(_misread_towns(trigger_unit, trigger_pos))
    town = max(unknown, key=lambda c: c.score) if unknown else None
    if town is not None and (
        best is None or best.reference or best.score < 0 or best.location.precision in ("country", "region")
        or _nearer_than_its_province(town, best, trigger_pos) or _part_of_town(town, best)
    ):
        # a name the gazetteer knows in one country only, where the article's countries did not
        # let it be believed ("in Bajaur" with only the Islamic State to place it): that place
        known = _sole_namesake(resolver, town.location)
        if known is not None and (best is None or best.location.country_code == known.country_code):
            return replace(town, location=known)
        # a town the gazetteer does not know says more than a country, or than a landmark it is
        # measured from ("the town of Nofaliya, 127 km east of Sirte"): it keeps the country chosen
        if best is None:
            return town
        anchor = best.location
        located = town.location
        if not located.country_code:
            located = replace(located, country=anchor.country, country_code=anchor.country_code)
        inside = anchor.precision in ("province", "town") and not best.reference
        if inside:  # the province or town it lies in
            admin1 = anchor.admin1 or (anchor.name if anchor.precision == "province" else None)
            located = replace(located, admin1=admin1)
        return replace(town, location=located, landmark=anchor if inside or best.reference else None)
    if best is not None and min_score is not None and best.score < min_score:
        return None
    if best is not None and facility is not None:
        unit, mention = facility
        best = replace(best, location=replace(best.location, text=f"{mention.text}, {best.location.text or best.location.name}"))
    return best
