"""Reading one sentence: its tokens, the groups of people counted, and the words linked to them.

:class:`Reader` is the sentence of :mod:`~sitrep.extract.counts.sentence` with the
two halves of the reading: finding the groups of people and their lists
(:mod:`~sitrep.extract.counts.groups`) and linking them to the verb or noun of a
category before, after or around them (:mod:`~sitrep.extract.counts.links`).
Turning those links into counts is :mod:`sitrep.extract.counts.mentions`.

These are the internals of :func:`sitrep.extract.counts.find_counts`; a group is
mutable only while one sentence is read (``used`` marks a group a count took).
"""

from __future__ import annotations

from sitrep.extract.counts.groups import GroupReader
from sitrep.extract.counts.links import LinkReader
from sitrep.extract.counts.sentence import QUANTITY, TOKEN_RE, Group, tokenize


class Reader(GroupReader, LinkReader):
    """The tokens of one sentence and the rules that read counts from them."""


__all__ = ["QUANTITY", "TOKEN_RE", "Group", "Reader", "tokenize"]
