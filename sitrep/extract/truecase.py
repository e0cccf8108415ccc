"""Restoring letter case in wire copy written in capitals.

Agency feeds (and the MUC-4 corpus) often arrive in capitals, where a statistical
named-entity recogniser sees every word as a name. sitrep lower-cases such text
and then capitalises what it knows to be names: the first letter of each
sentence, months and weekdays, and the spans its gazetteer and actor registry
recognise (acronyms such as ELN or FMLN stay in capitals). Only letter case
changes, so every character offset into the original text stays valid.
"""

from __future__ import annotations

import re
from typing import Iterable

_LETTERS = re.compile(r"[A-Za-z]")
_UPPER = re.compile(r"[A-Z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|--\s*|\[TEXT\]\s*|\(\s*)([a-z])")
_CALENDAR = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def is_shouting(text: str, *, threshold: float = 0.7, min_letters: int = 40) -> bool:
    """True when most letters of ``text`` are capitals (wire copy in caps)."""
    letters = len(_LETTERS.findall(text))
    if letters < min_letters:
        return False
    return len(_UPPER.findall(text)) / letters >= threshold


def truecase(text: str, names: Iterable[tuple[int, int, bool]] = ()) -> str:
    """Lower-case ``text``, then capitalise sentence starts, calendar words and ``names``.

    ``names`` are (start, end, acronym) spans: an acronym keeps its capitals, any other
    name gets each word capitalised. The result has the same length as ``text``.
    """
    chars = list(text.lower())
    if len(chars) != len(text):  # a character whose lower case is longer: leave the text alone
        return text
    for m in _SENTENCE_START.finditer(text.lower()):
        chars[m.start(1)] = chars[m.start(1)].upper()
    for m in _CALENDAR.finditer(text.lower()):
        chars[m.start()] = chars[m.start()].upper()
    for start, end, acronym in names:
        if acronym:
            chars[start:end] = text[start:end]
            continue
        for w in _WORD.finditer(text, start, end):
            chars[w.start()] = chars[w.start()].upper()
    return "".join(chars)
