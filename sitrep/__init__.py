"""sitrep: sourced, deduplicated political-violence incidents from news articles.

>>> import sitrep
>>> reports = sitrep.extract("Gunmen killed 12 people in Maiduguri on Tuesday.", published="2025-06-12")

Importing sitrep loads nothing heavy: spaCy, the gazetteer and the actor registry are
loaded on first use.
"""

from __future__ import annotations

from typing import Any

from sitrep import extract
from sitrep.errors import (
    ArticleUnreadable,
    GazetteerError,
    ModelMissing,
    NotFound,
    RegistryError,
    SettingsError,
    SitrepError,
    StoreError,
    StoreLocked,
)
from sitrep.model import (
    ActorRef,
    Article,
    Claim,
    Count,
    CountPart,
    Counts,
    DateSpan,
    Evidence,
    Kind,
    Location,
    Report,
    Target,
    Weapon,
)
from sitrep.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "ActorRef", "Article", "ArticleUnreadable", "Claim", "Count", "CountPart", "Counts", "DateSpan",
    "Evidence", "Extractor", "GazetteerError", "Kind", "Location", "ModelMissing", "NotFound",
    "RegistryError", "Report", "Settings", "SettingsError", "SitrepError", "StoreError", "StoreLocked",
    "Target", "Weapon", "extract", "ingest", "load_settings", "open_store", "read_paths",
]

_LAZY = {
    "Extractor": ("sitrep.extract.pipeline", "Extractor"),
    "open_store": ("sitrep.store", "open_store"),
    "read_paths": ("sitrep.ingest", "read_paths"),
    "ingest": ("sitrep.api", "ingest"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
