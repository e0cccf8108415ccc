"""Hashtags read as the words they mark.

Posts from armed forces, monitors and local reporters mark their names as hashtags: "20
#Taliban terrorists were killed in #Laghman", "A man has been shot dead in #Mbengwi",
"#BurkinaFaso: attack in #Centre_Nord". Read as written, "#Taliban" is no group and "20
#Taliban terrorists" no count, so the extractor reads such a text with the marks taken off
(:func:`unmark`): the ``#`` dropped, an underscore read as a space, and a name run together
from capitalised words split where a lower-case letter meets a capital ("BurkinaFaso" is
"Burkina Faso"; "McCain" stays whole, its first part being shorter than three letters).

What the reports quote stays the article's own words: :meth:`Unmarked.restore` maps every
evidence offset back to the article's text and takes the sentence and the phrase from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sitrep.model import Evidence, Report

#: A hashtag: "#" not inside a word or an HTML character reference ("C#", "&#x27;"), then a letter
#: and the rest of the tag.
_HASHTAG = re.compile(r"(?<![\w&#])#(?P<tag>[^\W\d_]\w*)")
#: Where a tag's words meet: a lower-case letter after at least two more letters, then a capital.
_WORD_JOIN = re.compile(r"(?<=[^\W\d_]{2}[a-z])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Unmarked:
    """A text with its hashtags unmarked, and where each of its characters came from."""

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
            phrase_start, phrase_end = self.start(phrase_start), self.end(phrase_end)
            phrase = original[phrase_start:phrase_end]
        return replace(e, sentence=original[start:end], start=start, end=end, phrase=phrase,
                       phrase_start=phrase_start, phrase_end=phrase_end)


def unmark(text: str) -> Unmarked | None:
    """``text`` with its hashtags read as words, or None when it has none."""
    if "#" not in text:
        return None
    pieces: list[str] = []
    origin: list[int] = []
    at = 0
    for m in _HASHTAG.finditer(text):
        pieces.append(text[at : m.start()])
        origin.extend(range(at, m.start()))
        tag_start = m.start("tag")
        words = _WORD_JOIN.split(m.group("tag").replace("_", " "))
        offset = tag_start
        for k, word in enumerate(words):
            if k:  # the space put between two words run together stands where the second begins
                pieces.append(" ")
                origin.append(offset)
            pieces.append(word)
            origin.extend(range(offset, offset + len(word)))
            offset += len(word)
        at = m.end()
    if not origin and at == 0:
        return None
    pieces.append(text[at:])
    origin.extend(range(at, len(text) + 1))
    return Unmarked("".join(pieces), tuple(origin))
