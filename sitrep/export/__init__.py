"""Exports: incidents as CSV, JSON and GeoJSON."""

from sitrep.export.formats import (
    COLUMNS,
    geojson,
    incident_json,
    incident_row,
    report_json,
    write_csv,
    write_geojson,
    write_json,
)

__all__ = [
    "COLUMNS", "geojson", "incident_json", "incident_row", "report_json", "write_csv", "write_geojson", "write_json",
]
