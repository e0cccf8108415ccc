"""Definite references to an armed group already named: "the group", "the jihadist group".

"In June last year, JNIM fighters overran an army base ... Two months later, the group
killed hundreds of civilians": the perpetrator of the second incident is JNIM, but the
sentence only says "the group". :func:`find_group_references` finds such phrases; the
caller, who holds the article, decides what they refer to (usually the last named armed
group before them) and may ask :func:`~sitrep.actors.attribution.assess` about the span
like any other mention ("the group killed" is a perpetrator, "an attack on the group" a
target).

Only definite phrases headed by a word for an organisation are returned: "a group of
gunmen", "the group of seven" and "the gunmen" are not references to a named group.
"""

from __future__ import annotations

import re

__all__ = ["find_group_references"]

_REFERENCE = re.compile(
    r"\b(?:the|this|that)\s+"
    r"(?:(?!(?:of|in|on|at|by|for|with|from|and|or|to)\b)[\w'\u2019-]+\s+){0,2}?"
    r"(?:group|organi[sz]ation|movement|outfit|militia|faction|network|insurgency)\b"
    r"(?!\s+(?:of|that|which|who|called|named|known)\b)",
    re.IGNORECASE,
)
_HINTS = ("group", "organi", "movement", "outfit", "militia", "faction", "network", "insurgency")


def find_group_references(sentence: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of "the group", "the militant group", "this organisation"... in ``sentence``.

    Works on running text and on text in capitals. A phrase followed by "of", "that",
    "called"... is a description, not a reference, and is skipped.
    """
    lowered = sentence.lower()
    if not any(hint in lowered for hint in _HINTS):
        return []
    return [(m.start(), m.end()) for m in _REFERENCE.finditer(sentence)]
