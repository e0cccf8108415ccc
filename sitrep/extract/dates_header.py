"""Reading a page's publication date from its own text: datelines and "Published:" lines.

Only the first ~600 and the last ~300 characters are read, where headers,
datelines and footers live; a date there counts only when something marks it
as the page's date (a label, a wire dateline, a line of its own); otherwise the
answer is None rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.extract.dates_grammar import DateGrammar, Piece, default_grammar
from sitrep.extract.dates_patterns import DMY, ISO, MDY, NUMERIC

HEAD_CHARS = 600
TAIL_CHARS = 300
TWO_DIGIT_PIVOT = 70  # "12 JAN 90" is 1990, "25/03/24" is 2024: 00-69 -> 20xx, 70-99 -> 19xx
_YEARS = range(1900, 2101)

#: The labels of a page's own stamp: "Published", "Posted", "Last updated" (a regular expression).
STAMP_LABELS = r"first\s+published|published|posted|last\s+updated|last\s+modified|updated|modified"
# A label just before the date: "Published: ", "Posted on ", "Updated ", "Date: ".
_LABEL = re.compile(
    rf"(?i:\b(?P<label>{STAMP_LABELS}|released|issued|dated|date))\b(?:\s+(?i:on|at))?\s*[:\-–|]?\s*"
    r"(?:[A-Za-z]{3,9}\.?,?\s+)?$"
)
_WEAK_LABELS = ("last updated", "last modified", "updated", "modified")
# A wire dateline before the date: "SAN SALVADOR, ", "KABUL, Afghanistan (", "BRASILIA (BRAZIL), ".
_DATELINE = re.compile(
    r"^[\W_]*[A-Z][A-Z.'\- ]{1,40}(?:\s*\([A-Za-z .'\-]{2,40}\))?,"
    r"(?:\s*[A-Z][A-Za-z.'\- ]{1,40})?\s*\(?\s*$"
)
_LINE_START = re.compile(r"^[\s\W_]*$")
# ... a time, a separator, or the time of the last update ("21 July 2013 Last updated at 11:11 GMT")
_AFTER_DATE = re.compile(r"\s*(?:$|[|•·,\-–—(]|\d{1,2}[:.]\d\d|(?i:(?:last\s+)?updated\s+at)\b)")


def publication_date_from_text(text: str, *, day_first: bool = True) -> date | None:
    """The publication date a page states in its header, dateline or footer, or None if unsure.

    Reads "KABUL, Afghanistan (Jan. 25, 2013)", "Published: 25 March 2024",
    "Mon 25 Mar 2024 10.00 GMT", "March 25, 2024 | 10:42 AM",
    "SAN SALVADOR, 12 JAN 90 (ACAN-EFE)", "Updated 25/03/2024". A "published"
    date beats an "updated" one; a date in running prose is never taken.
    ``day_first`` reads an ambiguous "04/01/2024" as 4 January.
    """
    grammar = default_grammar()
    head = text[:HEAD_CHARS]
    best = _best(grammar, head, day_first, labels_only=False)
    if best is not None:
        return best
    if len(text) > HEAD_CHARS:
        tail = text[max(HEAD_CHARS, len(text) - TAIL_CHARS) :]
        return _best(grammar, tail, day_first, labels_only=True)
    return None


def _best(grammar: DateGrammar, window: str, day_first: bool, *, labels_only: bool) -> date | None:
    """The best-marked full date in ``window`` (ties: the first), or None."""
    scored: list[tuple[int, int, date]] = []
    offset = 0
    for line in window.splitlines(keepends=True):
        for chunk in grammar.chunks(line):
            found = next(
                (d for d in (_full_date(grammar, p, day_first) for p in chunk.pieces) if d), None
            )
            if found is None or found.year not in _YEARS:
                continue
            before, after = line[: chunk.start], line[chunk.end :]
            score = _score(before, after, labels_only)
            if score:
                scored.append((-score, offset + chunk.start, found))
        offset += len(line)
    return min(scored)[2] if scored else None


def _score(before: str, after: str, labels_only: bool) -> int:
    """How surely a date is the page's date, from the rest of its line (0: not at all)."""
    label = _LABEL.search(before)
    if label:
        return 2 if " ".join(label.group("label").lower().split()) in _WEAK_LABELS else 4
    if labels_only:
        return 0
    if _DATELINE.match(before):
        return 3
    if _LINE_START.match(before) and _AFTER_DATE.match(after):
        return 2  # a date on a line of its own, maybe followed by a time or a separator
    return 0


def _full_date(grammar: DateGrammar, piece: Piece, day_first: bool) -> date | None:
    """The day a piece writes in full (with its year), or None."""
    g = piece.groups
    try:
        if piece.kind == ISO:
            return date(int(g["y"]), int(g["m"]), int(g["d"]))
        if piece.kind == NUMERIC:
            a, b = int(g["a"]), int(g["b"])
            day, month = (a, b) if (day_first and b <= 12) or a > 12 else (b, a)
            return date(_year(g["y"]), month, day)
        if piece.kind in (DMY, MDY) and ("y" in g or "yy" in g):
            month = grammar.words.months[g["m"].rstrip(".").lower()]
            day = int("".join(c for c in g["d"] if c.isdigit()))
            return date(_year(g.get("y") or g["yy"]), month, day)
    except ValueError:
        return None
    return None


def _year(digits: str) -> int:
    digits = digits.lstrip("'’")
    year = int(digits)
    if len(digits) > 2:
        return year
    return 2000 + year if year < TWO_DIGIT_PIVOT else 1900 + year
