"""Whitespace and paragraph layout of a cleaned body.

The cleaned body is what every later stage's character offsets refer to, so the
rules are few and fixed: runs of spaces (including tabs and no-break spaces)
become one space, invisible characters (zero-width space, soft hyphen, BOM,
control characters) are dropped, lines are stripped, paragraphs are separated
by exactly ``"\\n\\n"`` and no other newline remains. Every other character is
kept as it was.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad\x00-\x08\x0b-\x1f\x7f]")
_TERMINAL = re.compile(r"[.!?:;…][\"'”’)\]]*$|[\"'”’)\]]$")
_WORD = re.compile(r"\S+")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_TRUNCATION_MARK = re.compile(r"(?:\.\.\.|…)[\"'”’)\]]*$")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")

WRAP_MAX_WIDTH = 110
"""Hard-wrapped text (wire copy, e-mail) has lines no longer than this."""
WRAPPED_LINE_MIN = 40
"""A line at least this long that stops mid-sentence was wrapped: the next line carries on its sentence."""
WRAP_MIN_FILL = 0.6
"""In a hard-wrapped paragraph every line but the last fills at least this share of the widest."""
TRUNCATED = "text looks truncated"
"""Every truncation warning starts with these words."""
SHORT_BODY_WORDS = 40
"""Bodies with fewer words than this get a "very short body" warning."""


def normalise_line(line: str) -> str:
    """Collapse whitespace runs to one space, drop invisible characters, strip the ends."""
    if _INVISIBLE.search(line):
        line = _INVISIBLE.sub("", line)
    return _SPACES.sub(" ", line).strip()


def ends_clause(line: str) -> bool:
    """True when the line ends a sentence or clause (.!?:; or a closing quote or bracket)."""
    return _TERMINAL.search(line) is not None


def is_hard_wrapped(block: Sequence[str]) -> bool:
    """True when a block of lines looks like one paragraph wrapped at a fixed width."""
    if len(block) < 2:
        return False
    widest = max(len(line) for line in block)
    if widest > WRAP_MAX_WIDTH:
        return False
    body = block[:-1]
    if any(len(line) < WRAP_MIN_FILL * widest or len(line) < 25 for line in body):
        return False
    return any(not ends_clause(line) for line in body)


def _join(left: str, right: str) -> str:
    if _HYPHENATED.search(left) and right[:1].islower():
        return left + right  # "counter-" + "terrorism"
    return f"{left} {right}"


def continues(left: str, right: str) -> bool:
    """A line break inside a sentence: no clause end before it, lower case after it."""
    return not ends_clause(left) and right[:1].islower()


def _paragraphs_of_block(block: Sequence[tuple[int, str, bool]], hard_wrapped: bool) -> list[tuple[int, str]]:
    texts = [text for _, text, _ in block]
    if hard_wrapped and is_hard_wrapped(texts):
        joined = texts[0]
        for line in texts[1:]:
            joined = _join(joined, line)
        return [(block[0][0], joined)]
    paragraphs = [(block[0][0], texts[0])]
    for index, text, glued in block[1:]:
        start, previous = paragraphs[-1]
        if glued or continues(previous, text):
            paragraphs[-1] = (start, _join(previous, text))
        else:
            paragraphs.append((index, text))
    return paragraphs


def build_paragraphs(
    lines: Sequence[str], *, hard_wrapped: bool = True, glued: Collection[int] = ()
) -> list[tuple[int, str]]:
    """Group normalised lines (``""`` for a blank line) into paragraphs.

    Returns each paragraph with the index of its first line. Blank lines
    separate blocks. Inside a block each line is a paragraph, except that a block
    wrapped at a fixed width is joined into one paragraph (when ``hard_wrapped``),
    and a line that breaks a sentence (no clause end, lower-case continuation) or
    whose index is in ``glued`` is joined to the line before.
    """
    glue = frozenset(glued)
    paragraphs: list[tuple[int, str]] = []
    block: list[tuple[int, str, bool]] = []
    for index, line in enumerate(lines):
        if line:
            block.append((index, line, index in glue))
            continue
        if block:
            paragraphs.extend(_paragraphs_of_block(block, hard_wrapped))
            block = []
    if block:
        paragraphs.extend(_paragraphs_of_block(block, hard_wrapped))
    return paragraphs


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(_WORD.findall(text))


def body_warnings(body: str) -> list[str]:
    """Warnings about a cleaned body: empty, very short, or apparently cut off."""
    if not body:
        return ["empty body after cleaning"]
    warnings = []
    words = word_count(body)
    if words < SHORT_BODY_WORDS:
        warnings.append(f"very short body ({words} word{'s' if words != 1 else ''})")
    last = body.rsplit("\n\n", 1)[-1]
    if _TRUNCATION_MARK.search(last):
        warnings.append(f"{TRUNCATED} (ends with an ellipsis)")
    elif not _ENDS_SENTENCE.search(last) and word_count(last) >= 8:
        warnings.append(f"{TRUNCATED} (last paragraph ends mid-sentence)")
    return warnings
