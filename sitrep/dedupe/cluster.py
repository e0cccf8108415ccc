"""Which reports tell the same incident.

Two reports are linked when every signal they both carry agrees:

* **date** — their spans overlap, or are a day apart when one is known to the day
  (news often disagrees by one day across time zones and late-night events);
* **place** — the same country, and for two towns less than ``SAME_PLACE_KM`` apart,
  or one place containing the other (a town in the province named by the other);
* **kind** — the same ACLED event type, or one of them a vague "attack" that the
  other makes precise (an arrest is never the same incident as an attack);
* **actors** — a shared perpetrator, an affiliate and its parent, one side
  unnamed, or one side only suspected (early blame is often revised);
* **counts** — killed figures that could be the same toll told at two times.

A report with neither a date nor a place is never linked: nothing says where or
when it happened. Reports are blocked by country and year so that the cost grows
with the square of each block, not of the store; clusters are the
connected components of the links, so the result does not depend on the order the
reports are read in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable, Iterable, Sequence

from sitrep.extract.segment import distance_km
from sitrep.model import Report

SAME_PLACE_KM = 40.0
_VAGUE_SUBTYPES = frozenset({"Attack", "Armed clash"})


@dataclass(frozen=True, slots=True)
class Link:
    """Why two reports were put in one incident."""

    a: str
    b: str
    score: float
    signals: tuple[tuple[str, float], ...]


def link_score(
    a: Report, b: Report, *, same_family: Callable[[str, str], bool] | None = None
) -> tuple[float, tuple[tuple[str, float], ...]] | None:
    """The signals linking two reports, or None when one of them rules the link out."""
    signals: list[tuple[str, float]] = []
    if a.date is None or b.date is None or a.location is None or b.location is None:
        return None
    da, db = a.date, b.date
    slack = timedelta(days=1 if "day" in (da.precision, db.precision) else 0)
    if da.start > db.end + slack or db.start > da.end + slack:
        return None
    signals.append(("date", 1.0 if (da.precision == db.precision == "day" and da.start == db.start) else 0.6))

    la, lb = a.location, b.location
    if la.country_code and lb.country_code and la.country_code != lb.country_code:
        return None
    place = _place_signal(la, lb)
    if place is None:
        return None
    signals.append(("place", place))

    ka, kb = a.kind, b.kind
    if (ka.sub_event_type == "Arrests") != (kb.sub_event_type == "Arrests"):
        return None
    if ka.event_type == kb.event_type:
        signals.append(("kind", 1.0 if ka.sub_event_type == kb.sub_event_type else 0.6))
    elif ka.sub_event_type in _VAGUE_SUBTYPES or kb.sub_event_type in _VAGUE_SUBTYPES:
        signals.append(("kind", 0.4))
    else:
        return None

    actor = _actor_signal(a, b, same_family)
    if actor is None:
        return None
    signals.append(("actors", actor))

    counts = _count_signal(a, b)
    if counts is None:
        return None
    signals.append(("counts", counts))
    score = sum(v for _, v in signals) / len(signals)
    return round(score, 3), tuple(signals)


def _place_signal(la, lb) -> float | None:  # type: ignore[no-untyped-def]
    towns = {"point", "town", "district"}
    if la.precision in towns and lb.precision in towns:
        if la.lat is None or lb.lat is None:
            return 1.0 if la.name.lower() == lb.name.lower() else None
        km = distance_km(la.lat, la.lon, lb.lat, lb.lon)
        return None if km > SAME_PLACE_KM else round(1.0 - km / (2 * SAME_PLACE_KM), 3)
    if la.precision == "province" and lb.precision == "province":
        return 0.8 if (la.admin1 or la.name) == (lb.admin1 or lb.name) else None
    if "province" in (la.precision, lb.precision) and la.admin1 and lb.admin1:
        return 0.6 if la.admin1 == lb.admin1 else None
    return 0.3  # a country or region that contains the other


def _actor_signal(a: Report, b: Report, same_family: Callable[[str, str], bool] | None) -> float | None:
    named_a = {p.actor_id for p in a.perpetrators if p.actor_id}
    named_b = {p.actor_id for p in b.perpetrators if p.actor_id}
    if not named_a or not named_b:
        return 0.5
    if named_a & named_b:
        return 1.0
    if same_family is not None and any(same_family(x, y) for x in named_a for y in named_b):
        return 0.8
    if _only_suspected(a) or _only_suspected(b):
        return 0.2  # early suspicion is often revised ("police blamed Boko Haram"; ISWAP claimed it)
    return None


def _only_suspected(report: Report) -> bool:
    return all(p.attribution in ("suspected", None) for p in report.perpetrators if p.actor_id)


def _count_signal(a: Report, b: Report) -> float | None:
    ka, kb = a.counts.killed, b.counts.killed
    if ka is None or kb is None or ka.best is None or kb.best is None:
        return 0.5
    low, high = sorted((ka.best, kb.best))
    if high == low:
        return 1.0
    if low == 0 and high > 0:
        return 0.3
    # tolls rise as the dead are counted (40, 60, 143) but rarely by more than tenfold
    return 0.6 if high <= max(10, 10 * low) else None


def cluster_reports(
    reports: Sequence[tuple[str, Report]],
    *,
    same_family: Callable[[str, str], bool] | None = None,
    threshold: float = 0.5,
) -> tuple[list[list[str]], list[Link]]:
    """Group (id, report) pairs into incidents: (clusters of ids, the links that made them)."""
    parent = {rid: rid for rid, _ in reports}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    links: list[Link] = []
    for block in _blocks(reports):
        for i, (ida, ra) in enumerate(block):
            for idb, rb in block[i + 1 :]:
                scored = link_score(ra, rb, same_family=same_family)
                if scored is None or scored[0] < threshold:
                    continue
                links.append(Link(min(ida, idb), max(ida, idb), scored[0], scored[1]))
                root_a, root_b = find(ida), find(idb)
                if root_a != root_b:
                    parent[max(root_a, root_b)] = min(root_a, root_b)
    groups: dict[str, list[str]] = defaultdict(list)
    for rid, _ in reports:
        groups[find(rid)].append(rid)
    clusters = sorted((sorted(ids) for ids in groups.values()), key=lambda ids: ids[0])
    return clusters, sorted(set(links), key=lambda l: (l.a, l.b))


def _blocks(reports: Iterable[tuple[str, Report]]) -> list[list[tuple[str, Report]]]:
    """Reports that could link: the same country and a year their date spans share."""
    blocks: dict[tuple[str, int], list[tuple[str, Report]]] = defaultdict(list)
    for rid, report in sorted(reports, key=lambda item: item[0]):
        if report.date is None or report.location is None:
            continue
        country = report.location.country_code or "?"
        first = (report.date.start - timedelta(days=1)).year
        last = (report.date.end + timedelta(days=1)).year
        for year in range(first, min(last, first + 1) + 1):
            blocks[(country, year)].append((rid, report))
    return list(blocks.values())
