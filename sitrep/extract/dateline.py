"""Datelines: "BOGOTA, 14 MAR 25 (AGENCY) --", "KABUL, Afghanistan (Jan. 25, 2013)", "PESHAWAR:".

A dateline says where a story was filed, not where its incident happened: its place
must not be taken for the incident's location, but it is a strong hint of the
country the story is about.
"""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"""(?:^|(?<=[\n\u2028\u2029])|(?<=\xa0)|(?<=[ ]{2}))[ \t\xa0]*
    (?P<place>[A-Z][A-Za-z.'\-]+(?:[ ][A-Z][A-Za-z.'\-]+){0,3}     # KABUL / SAN SALVADOR / Kabul
      (?:,[ ]?[A-Z][A-Za-z.'\-]+(?:[ ][A-Z][A-Za-z.'\-]+){0,2})?)  # , Afghanistan
    [ ]*,?[ ]*
    (?P<date>\d{1,2}[ ][A-Za-z]{3,9}\.?[ ]\d{2,4}|[A-Za-z]{3,9}\.?[ ]\d{1,2}(?:,?[ ]\d{4})?)?[ ]*  # "Oct 19 (Reuters)" too
    (?:
        \((?P<paren>[^()\n]{2,40})\)[ ]*(?:--|-|\u2013|\u2014|:)?[ ]*(?:\[TEXT\][ ]*)?
      | (?:--|\u2013|\u2014)[ ]*                                       # "SRINAGAR, India, May 14 —"
    )""",
    re.VERBOSE | re.MULTILINE,
)
#: The South Asian press's dateline, a town in capitals and a colon: "PESHAWAR: At least 11 people were
#: killed"; only in a text that is not written all in capitals, where it reads as a name ("ATTENTION:").
_COLON_DATELINE = re.compile(
    r"(?:^|(?<=[\n\u2028\u2029]))[ \t\xa0]*(?P<place>[A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+){0,2}):[ ]+(?=[A-Z\"“'‘])(?=[^\n]{1,30}?[a-z])",
    re.MULTILINE,
)
_HEAD = 400


def dateline_span(text: str) -> tuple[int, int, int] | None:
    """(start, end of the place, end of the whole dateline) for a dateline at the start of a
    line in the first few hundred characters of ``text``, or None."""
    for m in _DATELINE.finditer(text, 0, min(len(text), _HEAD)):
        place = m.group("place")
        if not (place.split(",")[0].isupper() or m.group("date") or m.group("paren")):
            continue
        if len(place.split()) > 6:
            continue
        return m.start("place"), m.end("place"), m.end()
    m = _COLON_DATELINE.search(text, 0, min(len(text), _HEAD))
    if m is not None:
        return m.start("place"), m.end("place"), m.end()
    return None
