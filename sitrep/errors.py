"""Exceptions raised by sitrep's core. The CLI and API turn them into one-line messages."""

from __future__ import annotations


class SitrepError(Exception):
    """Base class: every error sitrep raises on purpose derives from it."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class ArticleUnreadable(SitrepError):
    """An input could not be read as an article (bad encoding, broken JSON, empty body...)."""


class ModelMissing(SitrepError):
    """The spaCy pipeline named in the settings is not installed."""


class GazetteerError(SitrepError):
    """The offline gazetteer could not be built or opened."""


class RegistryError(SitrepError):
    """A shipped data file (actor registry, lexicon) is malformed."""


class StoreError(SitrepError):
    """The incident store could not be opened, migrated or written."""


class StoreLocked(StoreError):
    """Another process holds the store's write lock."""


class NotFound(SitrepError):
    """A requested incident, report or article does not exist."""


class SettingsError(SitrepError):
    """A setting has an unknown name or an invalid value."""
