"""How a place phrase from an article is cut into places: the place itself first, then
the places that contain it.

    >>> split_phrase("Kawuri, a village in Konduga local government area of Borno State")
    ['Kawuri', 'Konduga local government area', 'Borno State']
    >>> split_phrase("near Baardheere in Somalia's Gedo region")
    ['Baardheere', 'Gedo region', 'Somalia']

* Relational words are not part of the place: "near", "outside", "on the outskirts of",
  "20 km north of", "the northern town of", "the rural area of" are dropped.
* A possessive names the container: "Somalia's Gedo region" is "Gedo region, Somalia",
  "the Sahel region's Yagha province" is "Yagha province, the Sahel region".
* "X <type word> of Y" ("Konduga local government area of Borno State", "the Domel area of
  Bannu district") is "X <type word>, Y".
* Commas, semicolons, brackets, " - ", "in", "near", "outside", "north of" separate parts.
* Parts without a name are dropped: descriptions ("a village", "also", "the Afghan
  capital", "20 km") and, in mixed-case text, parts with no capital ("main bazaar").
"""

from __future__ import annotations

import re
from typing import Callable

from .normalize import ADMIN_TYPE_WORDS, CAPITAL, normalize_name

__all__ = [
    "DEMONYM_AREA",
    "DEMONYM_AREA_IN_TEXT",
    "OUTER",
    "TYPED_NOUN",
    "bare_name",
    "names_part_of_a_town",
    "shown_name",
    "split_phrase",
    "variants",
]

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
    r"|the\s+(?:(?:" + _DIRECTIONS + r")(?:ern)?\s+|northern\s+|southern\s+|eastern\s+|western\s+|central\s+)?parts?\s+of"
    r"|the\s+(?:\w+\s+)?(?:capital|city|town|village|port\s+city|port|border\s+town|hamlet|"
    r"province|district|state|governorate|region|area|zone|countryside)(?:\s+of)?"
    r"|(?:town|city|village|hamlet|locality|area|neighbou?rhood|suburb)\s+of"
    r"|(?:the\s+)?outskirts\s+of|(?:a\s+)?suburbs?\s+of|close\s+to|next\s+to|not\s+far\s+from"
    r"|just\s+outside|parts\s+of|much\s+of|all\s+of|also"
    r"|an?\s+(?:\w+\s+)?(?:village|town|city|district|area|neighbourhood|neighborhood|hamlet|settlement)"
    r"\s+(?:in|near|outside|of)"
    r"|in|at|near|nearby|outside|inside|around|across|throughout|from|into|within|towards|toward|to|"
    r"on|off|along|via|downtown|rural|suburban|restive|volatile|war-torn|neighbouring|neighboring|occupied"
    r")\s+",
    re.IGNORECASE,
)
_DIRECTION_ADJECTIVE = re.compile(
    r"^(?:(?:far|extreme|the)\s+)?(?:northern|southern|eastern|western|central|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|" + _DIRECTIONS + r"|"
    r"upper|lower|mid|middle|"
    # headline abbreviations: "NW Pakistan", "N. Rakhine"
    r"(?-i:[NSEW]\.|(?:NE|NW|SE|SW)\.?))\s+(?=\S)",
    re.IGNORECASE,
)
#: An incident word a name may carry in a headline ("Ghor Strike", "Nooristan Conflict").
_TRAILING_EVENT = re.compile(
    r"(?<=\w)\s+(?:strikes?|air ?strikes?|attacks?|conflict|clash(?:es)?|bombings?|blasts?|massacre|offensive|"
    r"raids?|ambush|shelling|violence|fighting)$",
    re.IGNORECASE,
)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
#: What a demonym may describe as a part of its country: "the Afghan south", "a Mexican border
#: town", "the Syrian countryside", "the Indian state of Kerala" (a bare "state" is the
#: government: "the Iraqi state"; a bare "border" may be either side of it).
_AREA_NOUN = (
    r"(?:(?:far[ -])?(?:north|south|east|west)(?:-?(?:east|west))?"
    r"|(?:(?:border|frontier|coastal|port|mountain|desert|garrison|market|oil|holy|northern|southern|eastern|"
    r"western|central|remote|rural|restive)[ -])?"
    r"(?:cities|city|towns?|villages?|hamlets?|regions?|provinces?|states|districts?|countryside|capital|"
    r"port|heartland|hinterland|interior|highlands|coast|governorates?)"
    r"|state of)"
)
#: A phrase that is a demonym and what it describes, with what may follow it: the place named
#: inside ("the Mexican border city of Nuevo Laredo").
DEMONYM_AREA = re.compile(
    r"^(?:the\s+|an?\s+)?(?:(?:far|extreme|northern|southern|eastern|western|central|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|restive|volatile|remote)\s+)?"
    r"(?P<demonym>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)??)\s+(?P<noun>" + _AREA_NOUN + r")\b"
    r"(?:\s*,?\s*(?:of\s+)?(?P<rest>\S.*))?$",
    re.IGNORECASE,
)
#: A demonym area between two places: "Bati Kot district of the eastern Afghan province of
#: Nangarhar" is "Bati Kot district, Nangarhar".
_DEMONYM_LINK = re.compile(
    r"\s+(?i:in|of|at|near)\s+(?:(?i:the|an?)\s+)?(?:(?i:far|northern|southern|eastern|western|central|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|restive|volatile|remote)\s+)?"
    r"(?P<demonym>" + CAPITAL + r"[\w'’-]*(?:\s+" + CAPITAL + r"[\w'’-]*)??)\s+(?P<noun>(?i:" + _AREA_NOUN + r"))(?:\s+(?i:of))?\s+"
    r"(?P<name>" + CAPITAL + r"[^,;()]*?)(?=\s*[,;()]|\s*$)"
)
#: Area nouns that are type words ("province" in "the Philippine province of Quezon").
TYPED_NOUN = re.compile(r"(?i:province|state|district|region|governorate)(?=s?$)")
#: The same in running text, for the scanner: a capitalised word or two, then the noun.
DEMONYM_AREA_IN_TEXT = re.compile(
    r"(?<![\w'’-])(?P<demonym>" + CAPITAL + r"[\w'’-]*(?:\s+" + CAPITAL + r"[\w'’-]*)??)\s+(?P<noun>(?i:" + _AREA_NOUN + r"))(?![\w-])"
)
_SPLIT = re.compile(
    r"\s*(?:[,;()]|\s-\s"
    r"|\s+(?i:in|on\s+the\s+outskirts\s+of|outside(?:\s+of)?|near|close\s+to"
    r"|(?:" + _DIRECTIONS + r")\s+of)\s+"
    # "Afrin in northwestern Syria": the direction is no part of the container's name
    # (in lower case only: "North Kivu" and "the West Bank" are names)
    r"(?:(?-i:(?:the\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?)\s+)?"
    r"(?=(?:the\s+|THE\s+)?" + CAPITAL + r")"
    r")\s*"
)
_TYPE_ALTERNATION = "|".join(
    sorted((re.escape(k) for k in ADMIN_TYPE_WORDS if " " not in k or k == "local government area"),
           key=len, reverse=True)
    + ["area", "locality", r"neighbou?rhood", "quarter", "suburb"]
)
# "Carrizal in the municipality of Convención": Carrizal, Convención
_IN_THE_DIVISION_OF = re.compile(
    r"\s+(?i:(?:in|of)\s+the\s+(?:municipality|district|department|province|state|region|governorate|county|commune)\s+of)\s+"
    r"(?=" + CAPITAL + r")"
)
# "Yaqshid district of Mogadishu", "Konduga local government area of Borno State": X inside Y
_PART_OF = re.compile(
    r"(\b" + CAPITAL + r"[^\s,]*(?:\s+[^\s,]+){0,3}?\s+(?i:" + _TYPE_ALTERNATION + r"))"
    r"\s+(?i:of)\s+(?=(?:the\s+|THE\s+)?(?:(?i:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west)(?i:ern)?\s+)?" + CAPITAL + r")"  # "the Darzab District of the northern Jowzjan Province"
)
# "Somalia's Gedo region" -> "Gedo region, Somalia"; "the Sahel region's Yagha province"
_NOT_OWNER = r"(?!(?i:in|near|of|at|on|from|outside|inside|and|or)\b)"


def _possessive(opening: str, joiner: str) -> re.Pattern[str]:
    """An owner's name (capitalised words, perhaps a type word), its "'s", and what it owns."""
    return re.compile(
        opening + r"(?P<owner>" + ("" if joiner else r"(?:(?i:the)\s+)?") + CAPITAL + r"[\w.\-]*(?:\s+" + joiner
        + _NOT_OWNER + CAPITAL + r"[\w.\-]*)*(?:\s+(?i:" + _TYPE_ALTERNATION + r"))?)['’][sS]\s+(?P<rest>[^,;()]+)"
    )


_POSSESSIVE = _possessive("", "")
#: The same at the start of a phrase, where an owner's name may hold "and": "Jammu and Kashmir's
#: Pulwama district" (a chain that opens on a place the gazetteer read whole).
_LEADING_POSSESSIVE = _possessive("^", r"(?:and\s+)?")
OUTER = " \t\n\"'“”‘’.,;:!?()[]"
_DESCRIPTOR_WORDS = frozenset(
    "the a an capital city town village province region country port border area district "
    "state provincial regional northern southern eastern western central restive volatile "
    "troubled war torn neighbouring neighboring home hometown native some about around nearly "
    "roughly approximately just km kms kilometers kilometres miles mi meters metres m also "
    "rural remote same nearby small large main local part parts".split()
)
# Type words that describe a place rather than name it: dropped from a displayed name
# ("the Domel area" -> "Domel"), unlike "Andar district" or "Tame municipality".
_DESCRIPTIVE_TYPE = re.compile(
    r"\s+(?i:area|village|town|city|hamlet|locality|neighbou?rhood|quarter|suburb|settlement)$"
)


def split_phrase(
    text: str,
    is_demonym: Callable[[str], bool] = lambda word: False,
    whole_names: re.Pattern[str] | None = None,
) -> list[str]:
    """The places a phrase names, the place itself first and its containers after it.

    ``is_demonym`` tells a demonym ("Afghan") so that "the Afghan capital" counts as a
    description, not a name. ``whole_names`` matches names that hold "<type word> of" and
    must not be cut there: "the Democratic Republic of Congo" is a country, not a
    "Democratic Republic" in Congo.
    """
    phrase = text.strip(OUTER)
    if not phrase:
        return []
    if "'" in phrase or "’" in phrase:
        lead = _LEADING_POSSESSIVE.match(phrase)
        if lead is not None and " and " in lead.group("owner"):
            phrase = f"{lead.group('rest').rstrip()}, {lead.group('owner')}{phrase[lead.end():]}"
        else:
            phrase = _POSSESSIVE.sub(lambda m: f"{m.group('rest').rstrip()}, {m.group('owner')}", phrase)
    if " of " in phrase or " in " in phrase:
        phrase = _DEMONYM_LINK.sub(lambda m: _demonym_link(m, is_demonym), phrase)
    if " of " in phrase or " OF " in phrase or " Of " in phrase:
        phrase = _IN_THE_DIVISION_OF.sub(", ", phrase)
        kept = [m.span() for m in whole_names.finditer(phrase)] if whole_names is not None else []
        phrase = _PART_OF.sub(
            lambda m: m.group(0) if any(a <= m.start(1) < b for a, b in kept) else m.group(1) + ", ",
            phrase,
        )
    lowercase_is_nameless = any(ch.isupper() for ch in phrase)
    parts = []
    for raw in _SPLIT.split(phrase):
        part = _clean(raw)
        if part and not _nameless(part, is_demonym, lowercase_is_nameless):
            parts.append(part)
    return parts


def _demonym_link(m: re.Match[str], is_demonym: Callable[[str], bool]) -> str:
    """", Quezon province" for " in the Philippine province of Quezon"; unchanged if the
    adjective is not a demonym."""
    if not _is_demonym_phrase(m.group("demonym"), is_demonym):
        return m.group(0)
    typed = TYPED_NOUN.search(m.group("noun").removesuffix(" of"))
    name = m.group("name")
    return f", {name} {typed.group(0).lower()}" if typed else f", {name}"


def _is_demonym_phrase(words: str, is_demonym: Callable[[str], bool]) -> bool:
    """A demonym of one or two words, or a word and a demonym ("Northern Afghan")."""
    return is_demonym(words) or is_demonym(words.split()[-1])


def _clean(part: str) -> str:
    part = part.strip(OUTER)
    while True:
        stripped = _LEAD.sub("", part, count=1)
        if stripped == part or not stripped.strip():
            return part.strip(OUTER)
        part = stripped.strip(OUTER)


def _nameless(part: str, is_demonym: Callable[[str], bool], lowercase_is_nameless: bool) -> bool:
    """True for "the Afghan capital", "a village", "20 km", "main bazaar": words but no name."""
    if lowercase_is_nameless and not any(ch.isupper() for ch in part):
        return True
    words = normalize_name(part).split()
    return all(word in _DESCRIPTOR_WORDS or word.isdigit() or is_demonym(word) for word in words)


def variants(part: str) -> list[str]:
    """The part as written, without "the", without a leading direction adjective ("northern",
    "NW") and without a trailing incident word ("Ghor Strike"), in that order."""
    found = [part]
    without_the = _THE.sub("", part)
    if without_the != part and without_the:
        found.append(without_the)
    for base in list(found):
        without_direction = _DIRECTION_ADJECTIVE.sub("", base)
        if (without_direction != base and without_direction and without_direction not in found
                and not _nameless(without_direction, lambda word: False, False)):  # "the North-east part" names no "part"
            found.append(without_direction)
    for base in list(found):
        without_event = _TRAILING_EVENT.sub("", base)
        if without_event != base and without_event not in found:
            found.append(without_event)
    return found


def shown_name(words: str) -> str:
    """A name from the text, title-cased when it came in capitals ("BAGHOUZ" -> "Baghouz")."""
    return words.title() if words.isupper() else words


# Nouns for a piece of a town: "the Wedio Area", "Yaqshid district", "Hodan neighbourhood".
_PART_OF_A_TOWN = re.compile(
    r"\s+(?i:area|neighbou?rhood|quarter|suburb|locality|district|sub-?district|sector|ward)$"
)


def names_part_of_a_town(part: str) -> bool:
    """Whether a part names a piece of a town rather than a settlement of its own:
    "the Wedio Area", "Yaqshid district" (but not "Kawuri" or "Koutougou village")."""
    return _PART_OF_A_TOWN.search(part) is not None


def bare_name(part: str) -> str:
    """The name without "the" and a descriptive noun: "the Domel area" -> "Domel"
    (an administrative type word stays: "Andar district")."""
    return _DESCRIPTIVE_TYPE.sub("", _THE.sub("", part)) or part
