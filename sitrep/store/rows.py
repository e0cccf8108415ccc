"""From sitrep's values to table rows: ids, flat columns, evidence, actors, places."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from sitrep.model import (
    COUNT_CATEGORIES,
    ActorRef,
    Article,
    Claim,
    Counts,
    DateSpan,
    Kind,
    Location,
    Report,
    Target,
    to_plain,
)
from sitrep.store.records import IncidentRecord

#: Prefix of actor and place keys made from a name, for actors not in the registry and
#: places without a GeoNames id ("name:gunmen", "name:ru/moscow-oblast/krasnogorsk").
NAME_KEY_PREFIX = "name:"

_NOT_WORD = re.compile(r"[^\w]+")


def slug(text: str) -> str:
    """A lower-case key for a name: words joined by "-", accents dropped ("Kraków" -> "krakow")."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    key = _NOT_WORD.sub("-", folded).strip("-_")
    if key:
        return key
    return "x" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def report_id(article_id: str, ordinal: int, report: Report) -> str:
    """The report's stable id: a hash of its article, its position and its trigger span.

    The trigger span is the trigger words plus the offsets of the ``trigger`` (else
    ``kind``) evidence, so re-ingesting an article gives the same ids.
    """
    span = report.evidence.get("trigger") or report.evidence.get("kind")
    start, end = (None, None)
    if span is not None:
        start = span.phrase_start if span.phrase_start is not None else span.start
        end = span.phrase_end if span.phrase_end is not None else span.end
    key = f"{article_id}\x00{ordinal}\x00{report.trigger}\x00{start}:{end}"
    return "rep-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def article_row(
    article: Article, *, article_id: str, extraction_version: str, ingested_at: Any
) -> dict[str, Any]:
    """The ``articles`` row for ``article``."""
    return {
        "id": article_id,
        "title": article.title,
        "author": article.author,
        "standfirst": article.standfirst,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "language": article.language,
        "source": article.source,
        "text": article.text,
        "warnings": list(article.warnings),
        "extraction_version": extraction_version,
        "ingested_at": ingested_at,
    }


def place_key(location: Location) -> str | None:
    """The ``places`` key of a location: its GeoNames id, else a slug of country/admin1/name."""
    if location.geonameid is not None:
        return f"gn:{location.geonameid}"
    if not (location.name or location.admin1 or location.country_code or location.country):
        return None
    parts = (location.country_code or location.country or "", location.admin1 or "", location.name or "")
    return NAME_KEY_PREFIX + "/".join(slug(part) if part else "" for part in parts)


def place_row(location: Location, key: str) -> dict[str, Any]:
    """The ``places`` row for a location with key ``key``."""
    return {
        "id": key,
        "geonameid": location.geonameid,
        "name": location.name,
        "admin1": location.admin1,
        "country_code": location.country_code.upper() if location.country_code else None,
        "country": location.country,
        "lat": location.lat,
        "lon": location.lon,
        "precision": location.precision,
    }


def flat_columns(
    *,
    kind: Kind,
    status: str,
    realis: str,
    date: DateSpan | None,
    location: Location | None,
    counts: Counts,
    claim: Claim | None,
    confidence: float,
) -> dict[str, Any]:
    """The filterable columns shared by ``reports`` and ``incidents``."""
    row: dict[str, Any] = {
        "event_type": kind.event_type,
        "sub_event_type": kind.sub_event_type,
        "gtd_attack_type": kind.gtd_attack_type,
        "status": status,
        "realis": realis,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "date_inferred": date.inferred if date else None,
        "place_id": place_key(location) if location else None,
        "place": location.name if location else None,
        "admin1": location.admin1 if location else None,
        "country_code": location.country_code.upper() if location and location.country_code else None,
        "country": location.country if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "place_precision": location.precision if location else None,
        "claimed": claim.claimed if claim else None,
        "claimed_by": claim.by if claim else None,
        "confidence": confidence,
    }
    for category in COUNT_CATEGORIES:
        count = counts.get(category)
        row[f"{category}_min"] = count.min if count else None
        row[f"{category}_max"] = count.max if count else None
        row[f"{category}_best"] = count.best if count else None
    return row


def report_row(
    report: Report, *, rid: str, article_id: str, ordinal: int, incident_id: str | None
) -> dict[str, Any]:
    """The ``reports`` row: flat columns plus ``data``, the full ``Report.to_dict()``."""
    return {
        "id": rid,
        "article_id": article_id,
        "ordinal": ordinal,
        "incident_id": incident_id,
        "trigger": report.trigger,
        **flat_columns(
            kind=report.kind,
            status=report.status,
            realis=report.realis,
            date=report.date,
            location=report.location,
            counts=report.counts,
            claim=report.claim,
            confidence=report.confidence,
        ),
        "data": report.to_dict(),
    }


def incident_row(record: IncidentRecord, *, updated_at: Any) -> dict[str, Any]:
    """The ``incidents`` row for a record; counts of reports and sources are filled in later."""
    flat = flat_columns(
        kind=record.kind,
        status=record.status,
        realis=record.realis,
        date=record.date,
        location=record.location,
        counts=record.counts,
        claim=record.claim,
        confidence=record.confidence,
    )
    if record.data:
        data = to_plain(record.data)
    else:  # the reconciled fields, shaped as in Report.to_dict()
        reconciled = ("kind", "status", "realis", "date", "location", "counts", "claim", "confidence")
        data = {name: to_plain(getattr(record, name)) for name in reconciled}
    return {
        "id": record.id,
        **flat,
        "first_reported": None,
        "last_reported": None,
        "n_reports": len(record.report_ids),
        "n_sources": 0,
        "data": data,
        "updated_at": updated_at,
    }


def evidence_rows(rid: str, report: Report) -> Iterator[dict[str, Any]]:
    """One ``evidence`` row per field of the report that has evidence."""
    for name, ev in report.evidence.items():
        yield {
            "report_id": rid,
            "field": name,
            "sentence": ev.sentence,
            "sentence_start": ev.start,
            "sentence_end": ev.end,
            "phrase": ev.phrase,
            "phrase_start": ev.phrase_start,
            "phrase_end": ev.phrase_end,
            "confidence": ev.confidence,
        }


def actor_key(actor: ActorRef) -> str:
    """The ``actors`` key: the registry id, else a slug of the (normalised) name."""
    return actor.actor_id or NAME_KEY_PREFIX + slug(actor.name)


def target_key(target: Target) -> str:
    """The ``actors`` key of a target: a slug of its description."""
    return NAME_KEY_PREFIX + slug(target.description)


def actor_row(actor: ActorRef) -> dict[str, Any]:
    """The ``actors`` row for a perpetrator (``parent_id`` is resolved by the store)."""
    return {
        "id": actor_key(actor),
        "name": actor.name,
        "parent_id": None,
        "parent_name": actor.parent,
        "type": actor.actor_type,
        "country_code": actor.country_code.upper() if actor.country_code else None,
    }


def target_actor_row(target: Target) -> dict[str, Any]:
    """The ``actors`` row for a target, typed with the target type (police, civilians...)."""
    return {
        "id": target_key(target),
        "name": target.description,
        "parent_id": None,
        "parent_name": None,
        "type": target.type,
        "country_code": None,
    }


def report_actor_rows(rid: str, report: Report) -> Iterator[dict[str, Any]]:
    """The ``report_actors`` rows: perpetrators then targets, in the report's order."""
    for position, actor in enumerate(report.perpetrators):
        yield {
            "report_id": rid,
            "role": "perpetrator",
            "position": position,
            "actor_id": actor_key(actor),
            "matched": actor.matched,
            "attribution": actor.attribution,
        }
    for position, target in enumerate(report.targets):
        yield {
            "report_id": rid,
            "role": "target",
            "position": position,
            "actor_id": target_key(target),
            "matched": target.description,
            "attribution": None,
        }
