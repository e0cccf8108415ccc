"""Incidents as CSV rows, JSON and GeoJSON.

The input is what ``Store.incidents()`` returns: flat columns plus ``data``, the
reconciled incident. CSV has one row per incident with ACLED-like column names;
GeoJSON has one point feature per located incident (unlocated incidents are left
out and counted, never placed at 0,0).
"""

from __future__ import annotations

import csv
import json
from typing import Any, Iterable, Mapping, Sequence, TextIO

#: CSV columns, in order.
COLUMNS: tuple[str, ...] = (
    "id", "date_start", "date_end", "date_precision", "event_type", "sub_event_type", "gtd_attack_type",
    "status", "realis", "place", "admin1", "country", "country_code", "lat", "lon", "place_precision",
    "killed_best", "killed_min", "killed_max", "injured_best", "injured_min", "injured_max",
    "arrested_best", "kidnapped_best", "perpetrators", "claimed", "claimed_by",
    "n_reports", "n_sources", "first_reported", "last_reported", "confidence",
)


def incident_row(incident: Mapping[str, Any]) -> dict[str, Any]:
    """One incident as a flat row with the CSV columns."""
    data = incident.get("data") or {}
    counts = data.get("counts") or {}
    row: dict[str, Any] = {name: incident.get(name) for name in COLUMNS}
    for category in ("killed", "injured", "arrested", "kidnapped"):
        count = counts.get(category) or {}
        for part in ("best", "min", "max"):
            key = f"{category}_{part}"
            if key in row:
                row[key] = count.get(part, incident.get(key))
    row["perpetrators"] = "; ".join(
        p.get("name", "") + (f" ({p['attribution']})" if p.get("attribution") else "")
        for p in data.get("perpetrators") or []
    )
    for key in ("date_start", "date_end", "first_reported", "last_reported"):
        if row.get(key) is not None:
            row[key] = str(row[key])
    return row


def write_csv(incidents: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
    """Write incidents as CSV with a header; return how many rows."""
    writer = csv.DictWriter(stream, fieldnames=list(COLUMNS), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for incident in incidents:
        writer.writerow(incident_row(incident))
        n += 1
    return n


def incident_json(incident: Mapping[str, Any], reports: Sequence[Any] = ()) -> dict[str, Any]:
    """The JSON shape of one incident: the reconciled fields, first and last reported, and its
    reports (``StoredReport`` values), each with its article and its own fields."""
    data = dict(incident.get("data") or {})
    data.setdefault("id", incident.get("id"))
    data.pop("report_ids", None)
    for key in ("first_reported", "last_reported", "n_reports", "n_sources"):
        value = incident.get(key)
        data[key] = str(value) if key.endswith("reported") and value is not None else value
    data["reports"] = [report_json(stored) for stored in reports]
    return data


def report_json(stored: Any) -> dict[str, Any]:
    """One stored report in the ``sitrep extract`` shape, with its id and its article."""
    article = stored.article
    return {
        "id": stored.id,
        "article": {
            "id": article.id,
            "url": article.url,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "outlet": article.outlet,
        },
        **stored.report.to_dict(),
    }


def write_json(
    incidents: Iterable[Mapping[str, Any]], stream: TextIO, reports: Mapping[str, Sequence[Any]] | None = None
) -> int:
    """Write incidents as a JSON list; ``reports`` maps incident ids to their stored reports."""
    reports = reports or {}
    items = [incident_json(i, reports.get(i["id"], ())) for i in incidents]
    json.dump(items, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(items)


def geojson(incidents: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the located incidents; ``skipped`` counts the others."""
    features = []
    skipped = 0
    for incident in incidents:
        lat, lon = incident.get("lat"), incident.get("lon")
        if lat is None or lon is None:
            skipped += 1
            continue
        features.append(
            {
                "type": "Feature",
                "id": incident.get("id"),
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": incident_row(incident),
            }
        )
    return {"type": "FeatureCollection", "features": features, "skipped": skipped}


def write_geojson(incidents: Sequence[Mapping[str, Any]], stream: TextIO) -> int:
    collection = geojson(incidents)
    json.dump(collection, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(collection["features"])
