"""Extraction: from a cleaned article to its incident reports.

This package is also callable, so that ``sitrep.extract(text, published=...)`` is the
one-line Python API while ``sitrep.extract.pipeline`` and its neighbours stay the
modules a reader of the tree expects (the pipeline's stages live here).
"""

from __future__ import annotations

import sys
import types
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.extract.pipeline import Extractor
    from sitrep.model import Report


class _CallableModule(types.ModuleType):
    def __call__(
        self,
        text: str,
        *,
        published: str | date | None = None,
        title: str | None = None,
        extractor: "Extractor | None" = None,
    ) -> "list[Report]":
        """The incident reports in ``text`` (an article body), dated against ``published``."""
        from sitrep.api import extract

        return extract(text, published=published, title=title, extractor=extractor)

    def __getattr__(self, name: str) -> Any:
        if name == "Extractor":
            from sitrep.extract.pipeline import Extractor

            return Extractor
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")


sys.modules[__name__].__class__ = _CallableModule
