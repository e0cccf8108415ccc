"""From an IncidentFilter to one SELECT over ``incidents`` (portable SQL, no per-row queries)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from sitrep.store import schema
from sitrep.store.records import IncidentFilter

_inc = schema.incidents
_rep = schema.reports


def killed_value() -> sa.ColumnElement[int]:
    """The killed figure filters and ordering use: the best value, else the minimum."""
    return sa.func.coalesce(_inc.c.killed_best, _inc.c.killed_min)


def incident_conditions(flt: IncidentFilter) -> list[sa.ColumnElement[bool]]:
    """The WHERE conditions for ``flt``; all must hold."""
    conditions: list[sa.ColumnElement[bool]] = []
    if flt.date_from is not None:
        conditions.append(_inc.c.date_end >= flt.date_from)
    if flt.date_to is not None:
        conditions.append(_inc.c.date_start <= flt.date_to)
    if flt.country:
        country = flt.country.strip()
        conditions.append(
            sa.or_(_inc.c.country_code == country.upper(), sa.func.lower(_inc.c.country) == country.lower())
        )
    if flt.actor_ids is not None:
        ra = schema.report_actors
        by_actor = (
            sa.select(_rep.c.incident_id)
            .join(ra, ra.c.report_id == _rep.c.id)
            .where(ra.c.role == "perpetrator", ra.c.actor_id.in_(sorted(flt.actor_ids)))
        )
        conditions.append(_inc.c.id.in_(by_actor))
    if flt.kind:
        kind = flt.kind.strip().lower()
        conditions.append(
            sa.or_(
                sa.func.lower(_inc.c.event_type) == kind,
                sa.func.lower(_inc.c.sub_event_type) == kind,
                sa.func.lower(_inc.c.gtd_attack_type) == kind,
            )
        )
    if flt.realis:
        conditions.append(_inc.c.realis == flt.realis.strip().lower())
    if flt.min_killed is not None:
        conditions.append(killed_value() >= flt.min_killed)
    if flt.text:
        ev, art = schema.evidence, schema.articles
        in_evidence = (
            sa.select(_rep.c.incident_id)
            .join(ev, ev.c.report_id == _rep.c.id)
            .where(ev.c.sentence.icontains(flt.text, autoescape=True))
        )
        in_title = (
            sa.select(_rep.c.incident_id)
            .join(art, art.c.id == _rep.c.article_id)
            .where(art.c.title.icontains(flt.text, autoescape=True))
        )
        conditions.append(sa.or_(_inc.c.id.in_(in_evidence), _inc.c.id.in_(in_title)))
    return conditions


def incident_query(flt: IncidentFilter) -> sa.Select[Any]:
    """SELECT the ``incidents`` rows matching ``flt``, ordered and paged as it asks."""
    if flt.order in ("date", "-date"):
        key: sa.ColumnElement[Any] = _inc.c.date_start
    else:
        key = killed_value()
    ordered = key.desc() if flt.order.startswith("-") else key.asc()
    query = (
        sa.select(_inc)
        .where(*incident_conditions(flt))
        .order_by(ordered.nulls_last(), _inc.c.id)
        .offset(flt.offset)
    )
    if flt.limit is not None:
        query = query.limit(flt.limit)
    return query
