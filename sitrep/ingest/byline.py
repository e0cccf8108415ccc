"""Author lines of a page header: "By Jane Smith", "Jane Smith, Security correspondent".

The byline labels ("by", "words by"...) and the job words that mark a role
("correspondent", "reporter"...) come from ``sitrep/data/furniture.yaml``. In a
line in capitals case carries no signal, so there only a labelled byline or a
name followed by a role is accepted, and the name must look like one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.ingest.furniture import DumpVocabulary
from sitrep.ingest.layout import word_count
from sitrep.ingest.published import PublicationLine, publication_line

_CAP = r"[A-ZÀ-ÖØ-Þ]"
_NAME_WORD = rf"(?:{_CAP}[\w'’-]*[\w'’]|{_CAP}\.?)"  # "Smith", "O'Neil", "Smith-Jones", "J."
_PARTICLE = r"(?:de|van|von|al|bin|da|dos|der|del|den|la|le|el|ibn|du|di|ter|ten)"
_NAME = rf"{_NAME_WORD}(?:\s(?:{_NAME_WORD}|{_PARTICLE})){{0,4}}"
# One name, or a list that ends with "and": "Jane Smith, John Doe and Ann Lee". A comma
# after a single name starts the tail instead: "Aisha Lawan, Maiduguri".
_NAMES = rf"{_NAME}(?:(?:,\s{_NAME})*\s(?:and|AND|&)\s{_NAME})?"
_TAIL_SPLIT = re.compile(r"\s[|•·—–-]\s|\s?[|•·]\s?")
_COMMA = re.compile(r",\s*")
_LEAD_WORD = re.compile(r"(?:in|for|IN|FOR)\s")
_CAPITALISED = re.compile(
    rf"(?:{_NAME_WORD}|{_PARTICLE}|of|and|the|for)(?:\s(?:{_NAME_WORD}|{_PARTICLE}|of|and|the|for)){{0,5}}"
)
_FUNCTION_WORDS: frozenset[str] = frozenset(
    "the a an of in on at to for with from by and or but that this these those was were is are has have had".split()
)
_ROLE_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class Byline:
    """An author line of a page header, with the date it may also carry."""

    author: str
    published: PublicationLine | None = None


@dataclass(frozen=True, slots=True)
class _Patterns:
    labelled: re.Pattern[str]  # "By Jane Smith[, tail]"
    with_role: re.Pattern[str]  # "Jane Smith, Security correspondent"
    with_place: re.Pattern[str]  # "Jane Smith in Moscow"
    role: re.Pattern[str]


@lru_cache(maxsize=8)
def _patterns(labels: tuple[str, ...], roles: tuple[str, ...]) -> _Patterns:
    label = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(labels, key=len, reverse=True))
    role = "|".join(re.escape(x) for x in sorted(roles, key=len, reverse=True))
    return _Patterns(
        labelled=re.compile(
            rf"(?i:{label})\s*:?\s+(?P<names>{_NAMES})(?P<tail>\s*[,|•·—–]\s*.+|\s-\s.+|\s(?:in|for|IN|FOR)\s.+)?"
        ),
        with_role=re.compile(rf"(?P<names>{_NAMES})(?:\s*[,|—–]\s*|\s-\s)(?P<tail>.+)"),
        with_place=re.compile(rf"(?P<names>{_NAMES})\s(?:in|IN)\s{_NAME_WORD}(?:\s{_NAME_WORD}){{0,3}}"),
        role=re.compile(rf"\b(?:{role})\b", re.IGNORECASE),
    )


def _read_tail(tail: str, patterns: _Patterns, vocabulary: DumpVocabulary) -> tuple[bool, PublicationLine | None]:
    """Check what follows the names: each part must be a role ("Security correspondent"),
    a place or outlet ("Maiduguri", "in Moscow", "for The Sentinel") or a date.
    Returns whether it is a byline tail, and the date it carries."""
    found: PublicationLine | None = None
    for part in _TAIL_SPLIT.split(tail.strip()):
        part = part.strip().lstrip(",").strip()
        if not part:
            continue
        dated = publication_line(part, vocabulary)
        if dated is not None:
            found = found or dated
            continue
        if patterns.role.search(part) and word_count(part) <= _ROLE_MAX_WORDS:
            found = found or _dated_suffix(part, vocabulary)  # "Security correspondent, 25 March 2024"
            continue
        lead = _LEAD_WORD.match(part)
        if _CAPITALISED.fullmatch(part[lead.end() :] if lead else part):
            continue
        return False, None
    return True, found


def _dated_suffix(part: str, vocabulary: DumpVocabulary) -> PublicationLine | None:
    for comma in _COMMA.finditer(part):
        dated = publication_line(part[comma.end() :], vocabulary)
        if dated is not None:
            return dated
    return None


def _plausible(names: str, *, capitals: bool, several_words: bool = False) -> bool:
    """Names hold no function words ("On Tuesday", "BY THE GUERRILLA BOYCOTT"); in
    capitals, where case says nothing, and where asked, they hold two words or more."""
    words = [w for w in names.replace(",", " ").split() if w.casefold() not in ("and", "&")]
    if words and words[0].casefold() == "the" and not capitals:
        words = words[1:]  # "By The Associated Press"
    if not words or any(word.casefold() in _FUNCTION_WORDS for word in words):
        return False
    if capitals:
        return 2 <= len(words) <= 6
    return len(words) >= 2 or not several_words


def parse_byline(line: str, vocabulary: DumpVocabulary) -> Byline | None:
    """Read an author line, or return None.

    Accepted: "By Jane Smith", "Words by Jane Smith", "BY JANE SMITH",
    "By Aisha Lawan, Maiduguri", "By Jane Smith | 25 March 2024",
    "Jane Smith, Security correspondent", "Jane Smith in Moscow". Refused:
    sentences that start with "By" ("By Friday, the toll had risen to 60.") and
    lines in capitals that merely look like names.
    """
    patterns = _patterns(vocabulary.byline_labels, vocabulary.byline_roles)
    capitals = line.isupper()
    match = patterns.labelled.fullmatch(line)
    if match is not None and _plausible(match.group("names"), capitals=capitals):
        names, tail = match.group("names").strip(), match.group("tail")
        if not tail:
            return Byline(names)
        ok, dated = _read_tail(tail, patterns, vocabulary)
        if ok and (not capitals or dated is not None or patterns.role.search(tail)):
            return Byline(names, dated)
    match = patterns.with_role.fullmatch(line)
    if match is not None and _plausible(match.group("names"), capitals=capitals, several_words=True):
        names, tail = match.group("names").strip(), match.group("tail")
        if patterns.role.search(tail) and word_count(tail) <= _ROLE_MAX_WORDS + 4:
            ok, dated = _read_tail(tail, patterns, vocabulary)
            return Byline(names, dated if ok else None)
    if capitals:
        return None  # "TECHNICIAN WERE KIDNAPPED THURSDAY IN COLOMBIA" is not a byline
    match = patterns.with_place.fullmatch(line)
    if match is not None and _plausible(match.group("names"), capitals=False, several_words=True):
        return Byline(match.group("names").strip())
    return None
