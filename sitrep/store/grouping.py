"""What incremental deduplication keeps in the store: blocking keys, links, decisions, the queue.

Every function here runs inside a transaction its caller opened; none commits. Lists
of ids are bound in chunks (:data:`sitrep.store.writing.CHUNK`), so the number of
statements grows with the number of ids a call is about, never with the store.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitrep.errors import NotFound, StoreError
from sitrep.store import schema
from sitrep.store.records import Constraints, Decision, DecisionAction, IncidentLink
from sitrep.store.types import utcnow
from sitrep.store.writing import chunks, insert_many, mark_stale, serialise

_rep, _inc = schema.reports, schema.incidents
_keys, _links = schema.report_keys, schema.report_links
_dec, _pairs, _stale = schema.decisions, schema.decision_pairs, schema.stale_incidents

_IDS = sa.bindparam("ids", expanding=True)

_UNASSIGNED = sa.select(_rep.c.id).where(_rep.c.incident_id.is_(None))
_OF_STALE = sa.select(_rep.c.id).join(_stale, _stale.c.incident_id == _rep.c.incident_id)
_SHARING_KEYS = (
    sa.select(_keys.c.report_id)
    .where(_keys.c.key.in_(_IDS), _keys.c.relation.in_(sa.bindparam("relations", expanding=True)))
    .distinct()
)
_DELETE_KEYS = _keys.delete().where(_keys.c.report_id.in_(_IDS))
_INCIDENTS_OF = sa.select(_rep.c.incident_id).where(_rep.c.id.in_(_IDS), _rep.c.incident_id.is_not(None))
_INCIDENTS_OF_REPORTS = sa.select(_rep.c.id, _rep.c.incident_id).where(_rep.c.id.in_(_IDS))
_MEMBERS_OF = sa.select(_rep.c.id, _rep.c.incident_id).where(_rep.c.incident_id.in_(_IDS))
_EXISTING_INCIDENTS = sa.select(_inc.c.id).where(_inc.c.id.in_(_IDS))
_DELETE_LINKS_A = _links.delete().where(_links.c.a.in_(_IDS))
_DELETE_LINKS_B = _links.delete().where(_links.c.b.in_(_IDS))
_LINKS_OF_INCIDENT = (
    sa.select(_links)
    .join(_rep, _rep.c.id == _links.c.a)
    .where(_rep.c.incident_id == sa.bindparam("iid"))
    .order_by(_links.c.a, _links.c.b)
)
_PAIR_COLUMNS = (_pairs.c.decision_id, _pairs.c.a, _pairs.c.b, _pairs.c.kind)
_PAIRS_TOUCHING = sa.select(*_PAIR_COLUMNS).where(sa.or_(_pairs.c.a.in_(_IDS), _pairs.c.b.in_(_IDS)))
_PAIRS_OF_DECISIONS = sa.select(*_PAIR_COLUMNS).where(_pairs.c.decision_id.in_(_IDS))
_CLEAR_STALE = _stale.delete().where(_stale.c.incident_id.in_(_IDS))


# -- the regroup queue ----------------------------------------------------------------


def pending_report_ids(conn: Connection) -> list[str]:
    """Reports deduplication must look at: those in no incident (new, or left over by a run
    that stopped before regrouping) and those of incidents marked stale; sorted."""
    pending = set(conn.execute(_UNASSIGNED).scalars()) | set(conn.execute(_OF_STALE).scalars())
    return sorted(pending)


def clear_stale(conn: Connection, incident_ids: Sequence[str]) -> None:
    """Take incidents off the regroup queue."""
    for chunk in chunks(incident_ids):
        conn.execute(_CLEAR_STALE, {"ids": chunk})


# -- blocking keys ----------------------------------------------------------------------


def set_block_keys(conn: Connection, keys: Mapping[str, Mapping[str, int]]) -> None:
    """Replace the stored blocking keys of each report in ``keys`` (report id -> key -> relation)."""
    report_ids = sorted(keys)
    for chunk in chunks(report_ids):
        conn.execute(_DELETE_KEYS, {"ids": chunk})
    insert_many(
        conn,
        _keys,
        [
            {"report_id": rid, "key": key, "relation": relation}
            for rid in report_ids
            for key, relation in sorted(keys[rid].items())
        ],
    )


def reports_sharing_keys(conn: Connection, wanted: Mapping[str, Collection[int]]) -> set[str]:
    """The stored reports holding a key of ``wanted`` in one of the relations it lists."""
    by_relations: dict[tuple[int, ...], list[str]] = {}
    for key, relations in wanted.items():
        by_relations.setdefault(tuple(sorted(set(relations))), []).append(key)
    found: set[str] = set()
    for relations, keys in sorted(by_relations.items()):
        for chunk in chunks(sorted(keys)):
            found.update(conn.execute(_SHARING_KEYS, {"ids": chunk, "relations": list(relations)}).scalars())
    return found


# -- incidents and links ------------------------------------------------------------------


def incident_members(conn: Connection, report_ids: Collection[str]) -> set[str]:
    """``report_ids`` and every report that shares an incident with one of them."""
    incident_ids: set[str] = set()
    for chunk in chunks(sorted(report_ids)):
        incident_ids.update(conn.execute(_INCIDENTS_OF, {"ids": chunk}).scalars())
    members = set(report_ids)
    for chunk in chunks(sorted(incident_ids)):
        members.update(rid for rid, _ in conn.execute(_MEMBERS_OF, {"ids": chunk}))
    return members


def unchanged(conn: Connection, expected: Mapping[str, str | None]) -> bool:
    """Whether each report of ``expected`` is still in the incident it names, and no other
    report has joined one of those incidents."""
    serialise(conn, "incidents")  # one deduplication writer at a time (PostgreSQL)
    current: dict[str, str | None] = {}
    for chunk in chunks(sorted(expected)):
        current.update((rid, iid) for rid, iid in conn.execute(_INCIDENTS_OF_REPORTS, {"ids": chunk}))
    if current != dict(expected):
        return False
    incident_ids = sorted({iid for iid in expected.values() if iid is not None})
    for chunk in chunks(incident_ids):
        if any(rid not in expected for rid, _ in conn.execute(_MEMBERS_OF, {"ids": chunk})):
            return False
    return True


def existing_incident_ids(conn: Connection, incident_ids: Collection[str]) -> set[str]:
    """Which of ``incident_ids`` are stored."""
    found: set[str] = set()
    for chunk in chunks(sorted(incident_ids)):
        found.update(conn.execute(_EXISTING_INCIDENTS, {"ids": chunk}).scalars())
    return found


def replace_links(conn: Connection, report_ids: Sequence[str], links: Sequence[IncidentLink]) -> None:
    """Drop every stored link touching ``report_ids``, then store ``links``."""
    for chunk in chunks(report_ids):
        conn.execute(_DELETE_LINKS_A, {"ids": chunk})
        conn.execute(_DELETE_LINKS_B, {"ids": chunk})
    insert_many(
        conn,
        _links,
        [
            {"a": link.a, "b": link.b, "score": link.score, "signals": [list(s) for s in link.signals]}
            for link in sorted(set(links), key=lambda link: (link.a, link.b))
        ],
    )


def incident_links(conn: Connection, incident_id: str) -> list[IncidentLink]:
    """The stored links between reports of one incident, ordered by report ids."""
    return [
        IncidentLink(
            a=row["a"],
            b=row["b"],
            score=row["score"],
            signals=tuple((str(name), float(value)) for name, value in row["signals"]),
        )
        for row in conn.execute(_LINKS_OF_INCIDENT, {"iid": incident_id}).mappings()
    ]


# -- analysts' decisions --------------------------------------------------------------------


def constraints(conn: Connection, report_ids: Collection[str]) -> Constraints:
    """The pairs decisions pin that touch any of ``report_ids`` (the other end may be
    anywhere); on a pair two decisions disagree about, the latest holds."""
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    for _decision_id, a, b, kind in sorted(_pairs_touching(conn, report_ids)):
        latest[(a, b)] = (_decision_id, kind)
    found = {pair: kind for pair, (_, kind) in latest.items()}
    return Constraints(
        must_link=tuple(sorted(pair for pair, kind in found.items() if kind == "must_link")),
        cannot_link=tuple(sorted(pair for pair, kind in found.items() if kind == "cannot_link")),
    )


def merge_decision(
    conn: Connection, first: str, second: str, *, note: str | None, decided_by: str
) -> Decision:
    """Record that incidents ``first`` and ``second`` are one; queue both for regrouping.

    Every report of either is pinned to the smallest report id of the two (``must_link``),
    overriding any earlier decision on those pairs. NotFound for an unknown incident;
    StoreError when both ids are the same incident.
    """
    if first == second:
        raise StoreError(f"cannot merge incident {first} with itself", hint="give two different incident ids")
    members = {iid: _members(conn, iid) for iid in (first, second)}
    everyone = sorted(members[first] | members[second])
    anchor = everyone[0]
    pairs = [(anchor, rid) for rid in everyone[1:]]
    return _record(
        conn, "merge", (first, second), None, note, decided_by, Constraints(must_link=tuple(pairs))
    )


def split_decision(
    conn: Connection, incident_id: str, report_id: str, *, note: str | None, decided_by: str
) -> Decision:
    """Record that ``report_id`` is not the incident ``incident_id``; queue it for regrouping.

    The report is pinned apart from every other report of the incident (``cannot_link``),
    overriding any earlier decision on those pairs. NotFound for an unknown incident, or
    a report not in it; StoreError when the report is the incident's only one.
    """
    members = _members(conn, incident_id)
    if report_id not in members:
        known = conn.execute(sa.select(_rep.c.incident_id).where(_rep.c.id == report_id)).first()
        problem = (
            f"no report {report_id!r} in the store"
            if known is None
            else f"report {report_id} is in incident {known[0]}, not {incident_id}"
        )
        raise NotFound(problem, hint=f"`sitrep show {incident_id}` lists its reports")
    others = sorted(members - {report_id})
    if not others:
        raise StoreError(f"report {report_id} is the only report of {incident_id}: there is nothing to split")
    pairs = tuple((min(report_id, other), max(report_id, other)) for other in others)
    return _record(conn, "split", (incident_id,), report_id, note, decided_by, Constraints(cannot_link=pairs))


def decisions_about(conn: Connection, report_ids: Collection[str]) -> list[Decision]:
    """The decisions that pinned a pair touching any of ``report_ids``, oldest first."""
    decision_ids = {row[0] for row in _pairs_touching(conn, report_ids)}
    return all_decisions(conn, decision_ids)


def all_decisions(conn: Connection, decision_ids: Collection[int] | None = None) -> list[Decision]:
    """Recorded decisions (all, or those with these ids) with the pairs each pinned, oldest first."""
    query = sa.select(_dec).order_by(_dec.c.id)
    rows: list[Any] = []
    if decision_ids is None:
        rows = list(conn.execute(query).mappings())
    else:
        for chunk in chunks(sorted(decision_ids)):
            rows.extend(conn.execute(query.where(_dec.c.id.in_(chunk))).mappings())
        rows.sort(key=lambda row: row["id"])
    pairs: dict[int, list[tuple[str, str, str]]] = {}
    for chunk in chunks([row["id"] for row in rows]):
        for decision_id, a, b, kind in conn.execute(_PAIRS_OF_DECISIONS, {"ids": chunk}):
            pairs.setdefault(decision_id, []).append((kind, a, b))
    return [_decision(row, pairs.get(row["id"], [])) for row in rows]


def _pairs_touching(conn: Connection, report_ids: Collection[str]) -> set[tuple[int, str, str, str]]:
    """(decision id, a, b, kind) of every recorded pair with an end among ``report_ids``."""
    found: set[tuple[int, str, str, str]] = set()
    for chunk in chunks(sorted(report_ids)):
        found.update(tuple(row) for row in conn.execute(_PAIRS_TOUCHING, {"ids": chunk}))  # type: ignore[misc]
    return found


def _members(conn: Connection, incident_id: str) -> set[str]:
    members = set(conn.execute(sa.select(_rep.c.id).where(_rep.c.incident_id == incident_id)).scalars())
    if not members:
        raise NotFound(
            f"no incident {incident_id!r} in the store", hint="`sitrep incidents` lists the incident ids"
        )
    return members


def _record(
    conn: Connection,
    action: DecisionAction,
    incident_ids: tuple[str, ...],
    report_id: str | None,
    note: str | None,
    decided_by: str,
    pairs: Constraints,
) -> Decision:
    decided_at = utcnow()
    row = {
        "action": action,
        "incident_ids": list(incident_ids),
        "report_id": report_id,
        "note": note,
        "decided_by": decided_by,
        "decided_at": decided_at,
    }
    decision_id = int(conn.execute(_dec.insert().values(row).returning(_dec.c.id)).scalar_one())
    rows = [
        {"a": a, "b": b, "kind": kind, "decision_id": decision_id}
        for kind, kind_pairs in (("must_link", pairs.must_link), ("cannot_link", pairs.cannot_link))
        for a, b in kind_pairs
    ]
    insert_many(conn, _pairs, rows)  # kept as history; on a pair, the latest decision holds
    mark_stale(conn, incident_ids)
    return Decision(
        id=decision_id,
        action=action,
        incident_ids=incident_ids,
        report_id=report_id,
        note=note,
        decided_by=decided_by,
        decided_at=decided_at,
        pairs=pairs,
    )


def _decision(row: Any, pairs: Sequence[tuple[str, str, str]]) -> Decision:
    """A decision from its row and its recorded (kind, a, b) pairs."""
    decided_at: datetime = row["decided_at"]
    return Decision(
        id=row["id"],
        action=row["action"],
        incident_ids=tuple(row["incident_ids"]),
        report_id=row["report_id"],
        note=row["note"],
        decided_by=row["decided_by"],
        decided_at=decided_at,
        pairs=Constraints(
            must_link=tuple(sorted((a, b) for kind, a, b in pairs if kind == "must_link")),
            cannot_link=tuple(sorted((a, b) for kind, a, b in pairs if kind == "cannot_link")),
        ),
    )
