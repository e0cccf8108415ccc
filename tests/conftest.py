"""Shared fixtures: one gazetteer, actor registry and extractor for the whole test session.

The gazetteer index is built once into ``.pytest_cache/sitrep-cache`` (kept between runs,
rebuilt when its inputs change), so tests never write to the user's own cache. The
variable is set before any test runs so that commands run in subprocesses use it too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".pytest_cache" / "sitrep-cache"
CACHE.mkdir(parents=True, exist_ok=True)
os.environ["SITREP_CACHE_DIR"] = str(CACHE)


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from sitrep.gazetteer import Gazetteer

    return Gazetteer.open()


@pytest.fixture(scope="session")
def registry():  # type: ignore[no-untyped-def]
    from sitrep.actors import ActorRegistry

    return ActorRegistry.load()


@pytest.fixture(scope="session")
def extractor(gazetteer, registry):  # type: ignore[no-untyped-def]
    from sitrep.extract.pipeline import Extractor
    from sitrep.settings import Settings

    return Extractor(Settings(), gazetteer=gazetteer, registry=registry)
