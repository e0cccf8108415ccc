"""Marks read past: hashtags, quotation marks around a name or a word, a colon with no space.

Posts from armed forces, monitors and local reporters mark their names as hashtags: "20
#Taliban terrorists were killed in #Laghman", "A man has been shot dead in #Mbengwi",
"#BurkinaFaso: attack in #Centre_Nord". Headlines put a nickname or a word in quotation marks
("Wife of CJNG's “El Misa” Executed", "Resistance ‘Kills’ 10 Junta Troops") and run a place
into what follows it ("Zacatecas:7 Killed"). Read as written, "#Taliban" is no group, "20
#Taliban terrorists" and "‘Kills’ 10" no count, and "“El Misa” Executed" no killing, so the
extractor reads the text with those marks taken off (:func:`unmark`):

- a hashtag's ``#`` is dropped, an underscore in it read as a space, and a name run together
  from capitalised words split where a lower-case letter meets a capital ("BurkinaFaso" is
  "Burkina Faso"; "McCain" stays whole, its first part being shorter than three letters);
- the quotation marks around a word or two are dropped (a longer quotation, a name such as
  "Rouse the Believers", a name before its type word such as the "Zarate Willka" group, and what
  someone said keep them: they tell the NER where a name is);
- a space is read after a colon between a word and a number or a capital ("Zacatecas: 7").

What the reports quote stays the article's own words: :meth:`Unmarked.restore` maps every
evidence offset back to the article's text and takes the sentence and the phrase from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sitrep.model import Evidence, Report

#: A character of a quoted word: not a space or a quotation mark, or an apostrophe inside the word.
_IN_WORD = "(?:[^\\s\"“”‘’']|['’](?=[^\\W_]))"
_MARKS = re.compile(
    # a hashtag: "#" not inside a word or an HTML character reference ("C#", "&#x27;"), then a
    # letter and the rest of the tag
    r"(?<![\w&#])#(?P<tag>[^\W\d_]\w*)"
    # one or two words in quotation marks, opened after a space, a bracket or the start and closed
    # before a space or punctuation
    rf"|(?:(?<=^)|(?<=[\s(\[]))(?P<open>[\"“‘'])(?P<quoted>[^\W_]{_IN_WORD}*(?: {_IN_WORD}+)?)"
    r"(?P<close>[\"”’'])(?![\w'’])"
    # not a name the marks set off from its type word: 'the "Zarate Willka" group'
    r"(?!\s+(?i:group|organi[sz]ation|movement|command|commandos?|front|army|brigades?|battalions?|cartel|gang|cells?|"
    r"factions?|militias?|operation)\b)"
    # a colon run into what follows: "Zacatecas:7", "Zacatecas:Zetas"
    r"|(?<=[a-z]):(?P<run>(?=[A-Z0-9]))",
    re.MULTILINE,
)
#: The closing mark that goes with each opening one.
_CLOSES = {'"': '"”', "“": "”\"", "‘": "’'", "'": "'’"}
#: Where a tag's words meet: a lower-case letter after at least two more letters, then a capital.
_WORD_JOIN = re.compile(r"(?<=[^\W\d_]{2}[a-z])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Unmarked:
    """A text with its marks taken off, and where each of its characters came from."""

    text: str
    origin: tuple[int, ...]  # origin[i]: the offset in the original of text[i]; one more for the end

    def start(self, offset: int) -> int:
        """The original offset of a span that starts at ``offset`` here."""
        return self.origin[offset]

    def end(self, offset: int) -> int:
        """The original offset of a span that ends (exclusive) at ``offset`` here."""
        return self.origin[offset - 1] + 1 if offset > 0 else 0

    def restore(self, report: Report, original: str) -> Report:
        """``report`` with its evidence in the original text's offsets and words."""
        return replace(report, evidence={name: self._evidence(e, original) for name, e in report.evidence.items()})

    def _evidence(self, e: Evidence, original: str) -> Evidence:
        if not e.sentence:
            return e  # no sentence gave it (the article's outlet)
        start, end = self.start(e.start), self.end(e.end)
        phrase, phrase_start, phrase_end = e.phrase, e.phrase_start, e.phrase_end
        if phrase_start is not None and phrase_end is not None:
            phrase_start, phrase_end = _paired(original, self.start(phrase_start), self.end(phrase_end))
            phrase = original[phrase_start:phrase_end]
        return replace(e, sentence=original[start:end], start=start, end=end, phrase=phrase,
                       phrase_start=phrase_start, phrase_end=phrase_end)


def _paired(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` widened over a quotation mark left outside it whose pair is inside:
    "‘Kills’ 10", not "Kills’ 10"."""
    if start > 0 and text[start - 1] in _CLOSES and any(c in text[start:end] for c in _CLOSES[text[start - 1]]):
        start -= 1
    if end < len(text) and any(text[end] in closes and opening in text[start:end] for opening, closes in _CLOSES.items()):
        end += 1
    return start, end


class _Builder:
    """The text read, piece by piece, with the original offset of each character."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.origin: list[int] = []

    def keep(self, text: str, start: int, end: int) -> None:
        self.pieces.append(text[start:end])
        self.origin.extend(range(start, end))

    def put(self, piece: str, at: int, *, each: bool = False) -> None:
        """``piece`` (not as in the original), standing where the original's offset ``at`` is;
        with ``each``, its characters stand for as many of the original's from ``at``."""
        self.pieces.append(piece)
        self.origin.extend(range(at, at + len(piece)) if each else [at] * len(piece))


def unmark(text: str) -> Unmarked | None:
    """``text`` with its marks taken off, or None when it has none."""
    if "#" not in text and ":" not in text and not any(q in text for q in _CLOSES):
        return None
    built = _Builder()
    at = 0
    changed = False
    for m in _MARKS.finditer(text):
        if m.group("open") is not None and m.group("close") not in _CLOSES[m.group("open")]:
            continue  # “...' is no pair
        built.keep(text, at, m.start())
        if m.group("tag") is not None:
            offset = m.start("tag")
            for k, word in enumerate(_WORD_JOIN.split(m.group("tag").replace("_", " "))):
                if k:  # the space put between two words run together stands where the second begins
                    built.put(" ", offset)
                built.put(word, offset, each=True)
                offset += len(word)
        elif m.group("quoted") is not None:
            built.keep(text, m.start("quoted"), m.end("quoted"))
        else:  # the colon, then a space standing where what follows begins
            built.keep(text, m.start(), m.end())
            built.put(" ", m.end())
        at = m.end()
        changed = True
    if not changed:
        return None
    built.keep(text, at, len(text))
    built.origin.append(len(text))
    return Unmarked("".join(built.pieces), tuple(built.origin))
