"""An incident's fields from its reports, each with the report it came from.

The rules (documented for users in the README):

* **counts** — for each of killed, injured, arrested, kidnapped: ``best`` is the
  figure of the latest-published report told as news that gives one (a later report
  revises an earlier one: tolls rise as the dead are counted; a background mention
  gives it only when no news report does); ``min`` is the lowest figure any report
  gives (the conservative minimum) and ``max`` the highest (none when a report gives
  an open bound, "more than 100"); the report each ``best`` came from is named;
* **date** and **place** — the most precise any report gives (a day beats a month,
  a town beats a province; a date read from the text beats one inferred from the
  publication date), a report told as news before a background mention, then the
  earliest published;
* **perpetrators** — every actor any report names, with the strongest attribution
  any report gives it (claimed > attributed > suspected); unnamed descriptions
  ("gunmen") only when no report names a group;
* **realis** — reported when any report tells it as news; background when it is
  known only from recollections; **status** — completed when any report says so;
* **kind** — that of the most confident report told as news;
* **first / last reported** — the earliest and latest publication dates of its
  reports (worked out by the store from the reports' articles).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Sequence

from sitrep.model import ActorRef, Claim, Count, Counts, COUNT_CATEGORIES, Report, to_plain
from sitrep.store import IncidentRecord, StoredReport

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5}
_PLACE_RANK = {"point": 0, "town": 1, "district": 2, "province": 3, "region": 4, "country": 5, None: 6}
_REALIS_RANK = {"reported": 0, "background": 1, "hypothetical": 2, "negated": 3}
_STATUS_RANK = {"completed": 0, "attempted": 1, "foiled": 2, "threatened": 3}
_ATTRIBUTION_RANK = {"claimed": 3, "attributed": 2, "suspected": 1, None: 0}


def reconcile(incident_id: str, reports: Sequence[StoredReport]) -> IncidentRecord:
    """The incident made of ``reports`` (all stored, with their articles)."""
    ordered = sorted(reports, key=_published_order)
    told = [s for s in ordered if s.report.realis == "reported"] or list(ordered)
    sources: dict[str, str] = {}

    lead = max(told, key=lambda s: (s.report.confidence, -ordered.index(s)))
    sources["kind"] = lead.id

    dated = [s for s in ordered if s.report.date is not None and not s.report.date.inferred] or [
        s for s in ordered if s.report.date is not None
    ]
    when = None
    if dated:
        pick = min(dated, key=lambda s: (_DATE_RANK[s.report.date.precision], _REALIS_RANK[s.report.realis]))  # type: ignore[union-attr]
        when, sources["date"] = pick.report.date, pick.id

    placed = [s for s in ordered if s.report.location is not None]
    where = None
    if placed:
        pick = min(placed, key=lambda s: (_PLACE_RANK[s.report.location.precision], _REALIS_RANK[s.report.realis]))  # type: ignore[union-attr]
        where, sources["location"] = pick.report.location, pick.id

    counts, count_sources = _counts(ordered)
    sources.update(count_sources)
    perpetrators = _perpetrators(ordered)
    claim = reconciled_claim([s.report for s in ordered])
    realis = min((s.report.realis for s in ordered), key=_REALIS_RANK.__getitem__)
    status = min((s.report.status for s in told), key=_STATUS_RANK.__getitem__)
    confidence = max(s.report.confidence for s in ordered)

    data: dict[str, Any] = {
        "id": incident_id,
        "kind": to_plain(lead.report.kind),
        "status": status,
        "realis": realis,
        "date": to_plain(when),
        "location": to_plain(where),
        "perpetrators": to_plain(perpetrators),
        "counts": to_plain(counts),
        "claim": to_plain(claim),
        "confidence": confidence,
        "sources": sources,
        "report_ids": [s.id for s in ordered],
    }
    return IncidentRecord(
        id=incident_id,
        report_ids=tuple(s.id for s in ordered),
        kind=lead.report.kind,
        status=status,  # type: ignore[arg-type]
        realis=realis,  # type: ignore[arg-type]
        date=when,
        location=where,
        counts=counts,
        claim=claim,
        confidence=confidence,
        data=data,
    )


def _published_order(stored: StoredReport) -> tuple[date, str]:
    return (stored.article.published or date.min, stored.id)


def _counts(ordered: Sequence[StoredReport]) -> tuple[Counts, dict[str, str]]:
    out: dict[str, Count] = {}
    sources: dict[str, str] = {}
    for category in COUNT_CATEGORIES:
        given = [(s, s.report.counts.get(category)) for s in ordered]
        given = [(s, c) for s, c in given if c is not None and (c.best is not None or c.min is not None)]
        if not given:
            continue
        # the latest news report revises the toll; a recollection (a background mention) gives
        # the best figure only when no news report gives one
        news = [(s, c) for s, c in given if s.report.realis == "reported"]
        latest_stored, latest = (news or given)[-1]
        lows = [c.min if c.min is not None else c.best for _, c in given]
        highs = [c.max if c.max is not None else c.best for _, c in given]
        low = min((v for v in lows if v is not None), default=None)
        high = None if any(v is None for v in highs) else max(highs)  # type: ignore[type-var]
        out[category] = replace(latest, min=low, max=high)
        sources[f"counts.{category}"] = latest_stored.id
    return Counts(**out), sources


def _perpetrators(ordered: Sequence[StoredReport]) -> tuple[ActorRef, ...]:
    chosen: dict[str, ActorRef] = {}
    for stored in ordered:
        for actor in stored.report.perpetrators:
            key = actor.actor_id or actor.name.lower()
            previous = chosen.get(key)
            if previous is None or _ATTRIBUTION_RANK[actor.attribution] > _ATTRIBUTION_RANK[previous.attribution]:
                chosen[key] = actor
    named = [a for a in chosen.values() if a.actor_id]
    return tuple(named or chosen.values())


def reconciled_claim(reports: Sequence[Report]) -> Claim | None:
    """The claim of a set of reports: a positive claim wins over a denial or silence."""
    return next((r.claim for r in reports if r.claim and r.claim.claimed), None) or next(
        (r.claim for r in reports if r.claim is not None), None
    )
