"""Find place names in running text without NER: the fallback for ALL-CAPS wire copy.

The statistical NER misses most names in upper-case agency copy ("GUNMEN KILLED 12
PEOPLE NEAR MAIDUGURI ON TUESDAY"). :class:`ScanIndex` holds, in memory, every
normalised name of the countries, admin1 divisions, regions, waters and the towns above a
population floor, keyed by the name's first word, and matches the longest name at
each word of the text.

Rules:

* In mixed-case text a name must start (and, for several words, end) with a capital;
  in capitals every word is a candidate.
* A name made only of common English words or function words ("Reading", "Police",
  "Of", "Mobile", "Long Beach") is skipped unless it is a country's own name ("Chad",
  "Turkey") or the own name of a town of a million people or more ("Phoenix"); in mixed-case text a
  several-word name of common words is accepted when every word is capitalised.
* Names in ``context_names`` are never reported: without an article's context they
  are more often something else.
* A country acronym that is also a word ("US", "CAR") counts in mixed-case text only
  when written in capitals, and in capitals only with its full stops ("U.S.").
* A country's clipped name ("Pak") counts only in mixed-case text, before a word in lower
  case ("Pak roadside blasts"; not "Pak Pong-ju").
* Towns below ``min_population`` are skipped (in capitals, below 500,000 when matched
  by an alternate name: "CARMEN" is also Ciudad del Carmen); countries, admin1
  divisions, regions and waters always count; districts (admin2) never do.
* A demonym with what it describes as a part of its country ("Afghan south", "Mexican
  border city", "Syrian countryside"; see :data:`~sitrep.gazetteer.phrase.DEMONYM_AREA`)
  is reported as that country: headlines place incidents so ("clashes in Afghan south").
  A demonym alone is not a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .normalize import normalize_name
from .phrase import DEMONYM_AREA_IN_TEXT
from .place import Candidate, Place
from .tables import load_tables

if TYPE_CHECKING:
    from .index import Gazetteer

__all__ = ["ScanIndex"]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*")
_GAP = re.compile(r"(?:\.?[ \t]+|\s?[-‐‑–]\s?|\n)")
_LOWER = re.compile(r"[a-z]")
_UPPER = re.compile(r"[A-Z]")
_POSSESSIVE = frozenset({"'s", "'S", "’s", "’S"})
_ASCII_FOLD = str.maketrans({"'": None, "’": None, ".": None})
_COMMON_EXEMPT_POPULATION = 1_000_000  # a town this big keeps its own name even if it is a word
_CAPS_ALTERNATE_POPULATION = 500_000  # in capitals, a town matched by an alternate name must be this big
_MAX_WORDS = 6
_CLIPPED_LENGTH = 3  # a country's name this short and no acronym is a clipped form ("Pak")


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    words: int
    common: bool  # made only of common words: needs capitals (mixed case) or is skipped
    acronym: bool  # a country acronym ("us", "uk", "drc")
    alternate: bool  # matched by an alternate or derived name, not the place's own


def _token(match: re.Match[str]) -> tuple[int, int, str]:
    """(start, end, surface) of a word, without a possessive "'s" ("PERU'S" -> "PERU")."""
    surface = match.group()
    start, end = match.span()
    if surface[-2:] in _POSSESSIVE:
        return start, end - 2, surface[:-2]
    return start, end, surface


def _fold_lowered(word: str) -> str:
    """Fold a word already lower-cased ASCII: only apostrophes and full stops go."""
    if "'" in word or "." in word:
        return word.translate(_ASCII_FOLD)
    return word


def _fold(surface: str) -> str:
    if surface.isascii():
        return surface.lower().translate(_ASCII_FOLD)
    return normalize_name(surface)


class ScanIndex:
    """In-memory names of the places :meth:`Gazetteer.scan` may report, above a population floor."""

    def __init__(
        self,
        entries: dict[str, _Entry],
        first_words: dict[str, int],
        floor: int,
        demonyms: dict[str, Place] | None = None,
    ) -> None:
        self._entries = entries
        self._first_words = first_words
        self.floor = floor
        self._demonyms = demonyms or {}

    @classmethod
    def load(cls, gazetteer: "Gazetteer", floor: int) -> "ScanIndex":
        """Read the names of every country, admin1, region and town of ``floor`` people or more."""
        tables = load_tables()
        stopwords = gazetteer.scan_stopwords
        context_names = gazetteer.context_names
        acronyms = {
            normalize_name(name)
            for country in tables.countries
            for name in country.alternate_names
            if name.replace(".", "").replace(" ", "").isupper()
        }
        rows = gazetteer.iter_names(floor)
        places = gazetteer.places_by_id(sorted({place_id for _, place_id, _ in rows}))
        best: dict[str, Candidate] = {}
        for key, place_id, quality in rows:
            candidate = Candidate(places[place_id], quality)
            current = best.get(key)
            if current is None or candidate.prominence > current.prominence:
                best[key] = candidate
        entries: dict[str, _Entry] = {}
        first_words: dict[str, int] = {}
        for key, candidate in best.items():
            words = key.split()
            acronym = key in acronyms
            if len(words) > _MAX_WORDS or key in context_names:
                continue
            if len(key) < 3 and not acronym:
                continue
            place = candidate.place
            common = all(word in stopwords for word in words)
            if common and candidate.quality == 0 and (
                (place.kind == "country" and not place.historical)
                or place.population >= _COMMON_EXEMPT_POPULATION
            ):
                common = False
            entries[key] = _Entry(place, len(words), common, acronym, candidate.quality > 0)
            if first_words.get(words[0], 0) < len(words):
                first_words[words[0]] = len(words)
        demonyms: dict[str, Place] = {}
        for country in tables.countries:
            place = gazetteer.country_place(country.iso2)
            if place is not None:
                for demonym in country.demonyms:
                    demonyms.setdefault(normalize_name(demonym), place)
        return cls(entries, first_words, floor, demonyms)

    def __len__(self) -> int:
        return len(self._entries)

    def scan(self, text: str, *, min_population: int = 15000) -> list[tuple[int, int, Place]]:
        """(start, end, place) for each place name in ``text``, longest match first."""
        tokens = [_token(m) for m in _TOKEN.finditer(text)]
        if not tokens:
            return []
        caps = len(_LOWER.findall(text)) * 10 < len(_UPPER.findall(text))
        lowered = text.lower() if text.isascii() else None
        folded: list[str | None] = [None] * len(tokens)
        found: list[tuple[int, int, Place]] = []
        first_words = self._first_words
        entries = self._entries
        count = len(tokens)
        i = 0
        while i < count:
            start, end, surface = tokens[i]
            if not caps and not surface[0].isupper():
                i += 1
                continue
            key = folded[i]
            if key is None:
                key = folded[i] = _fold(surface) if lowered is None else _fold_lowered(lowered[start:end])
            longest = first_words.get(key)
            if longest is None:
                i += 1
                continue
            match: tuple[int, _Entry] | None = None
            j = i
            while True:
                entry = entries.get(key)
                if entry is not None and self._accept(entry, tokens, i, j, caps, min_population):
                    match = (j, entry)
                if j - i + 1 >= longest or j + 1 >= count:
                    break
                gap = text[tokens[j][1] : tokens[j + 1][0]]
                if not _GAP.fullmatch(gap):
                    break
                j += 1
                word = folded[j]
                if word is None:
                    word = folded[j] = (
                        _fold(tokens[j][2]) if lowered is None else _fold_lowered(lowered[tokens[j][0] : tokens[j][1]])
                    )
                key = f"{key} {word}"
            if match is None:
                i += 1
                continue
            last, entry = match
            end = tokens[last][1]
            if end < len(text) and text[end] == "." and "." in tokens[last][2]:
                end += 1  # "U.S." keeps its final full stop
            found.append((start, end, entry.place))
            i = last + 1
        if self._demonyms:
            found = self._with_demonym_areas(text, found)
        return found

    def _with_demonym_areas(self, text: str, found: list[tuple[int, int, Place]]) -> list[tuple[int, int, Place]]:
        """``found`` with the demonym areas of ``text`` ("Afghan south") that overlap none of it."""
        added = False
        for m in DEMONYM_AREA_IN_TEXT.finditer(text):
            start, demonym = m.start("demonym"), m.group("demonym")
            place = self._demonyms.get(normalize_name(demonym))
            if place is None and " " in demonym.strip():
                # "In Afghan south", "Northern Afghan town": the last word alone
                last = demonym.split()[-1]
                start = m.start("demonym") + demonym.rindex(last)
                place = self._demonyms.get(normalize_name(last))
            end = m.end("noun")
            if place is None or any(s < end and start < e for s, e, _ in found):
                continue
            found.append((start, end, place))
            added = True
        if added:
            found.sort(key=lambda f: f[0])
        return found

    @staticmethod
    def _accept(
        entry: _Entry,
        tokens: list[tuple[int, int, str]],
        first: int,
        last: int,
        caps: bool,
        min_population: int,
    ) -> bool:
        place = entry.place
        if place.kind == "city" and (
            place.population < min_population
            or (caps and entry.alternate and place.population < _CAPS_ALTERNATE_POPULATION)
        ):
            return False
        surface_first = tokens[first][2]
        if entry.acronym:
            dotted = "." in surface_first
            if entry.common:
                return dotted or (not caps and surface_first.isupper())
            return caps or surface_first.isupper() or dotted
        if not caps and last > first and not tokens[last][2][0].isupper():
            return False
        if place.kind == "country" and first == last and len(surface_first) <= _CLIPPED_LENGTH and not entry.acronym:
            # a country's name clipped ("Pak roadside blasts kill one soldier") counts only before a
            # word in lower case, in mixed-case text: not the Korean name "Pak Pong-ju"
            return not caps and last + 1 < len(tokens) and tokens[last + 1][2][0].islower()
        if entry.common:
            if caps or last == first:
                return False
            return all(tokens[k][2][0].isupper() for k in range(first, last + 1) if len(tokens[k][2]) > 3)
        return True
