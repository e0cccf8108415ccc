"""The gazetteer's entry value and how entries are ranked against each other."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from sitrep.model import Location, PlacePrecision

__all__ = ["Candidate", "Place", "PlaceKind", "distance_km"]

PlaceKind = Literal["city", "admin1", "district", "country", "region", "water"]

_PRECISION: dict[str, PlacePrecision] = {
    "city": "town",
    "admin1": "province",
    "district": "district",
    "country": "country",
    "region": "region",
    "water": "region",
}
# Ranking weights, in orders of magnitude of population (log10 units).
_KIND_BONUS: dict[str, float] = {
    "country": 10.0, "city": 1.5, "admin1": -0.3, "district": -0.5, "region": 0.0, "water": 0.0,
}
QUALITY_PENALTY = 1.0  # an alternate name counts as a tenth of the population


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a city (GeoNames cities500), admin1 division, district (a GeoNames
    admin2 division not named after one of its towns), country, region or water (a sea,
    gulf, strait or lake between countries: no country, precision region).

    ``country_code`` is ISO 3166-1 alpha-2; for a region over several countries it is the
    main one and ``countries`` lists them all. ``historical`` marks a former state
    ("Soviet Union") mapped to its successor's code. Coordinates of admin1 divisions and
    regions are approximate centres; ``population`` of an admin1 or district sums its listed
    cities.
    """

    geonameid: int | None
    name: str
    kind: PlaceKind
    country_code: str
    country: str
    admin1: str | None
    admin1_code: str | None
    lat: float
    lon: float
    population: int
    countries: tuple[str, ...] = ()
    historical: bool = False

    @property
    def precision(self) -> PlacePrecision:
        """The Location precision this entry gives: town, province, region or country."""
        return _PRECISION[self.kind]

    def to_location(
        self,
        text: str = "",
        *,
        name: str | None = None,
        precision: PlacePrecision | None = None,
        country: tuple[str, str] | None = None,
    ) -> Location:
        """This entry as a :class:`sitrep.model.Location` for the phrase ``text``.

        ``country`` (code, name) overrides the entry's own country (a region over
        several countries placed in one of them by the article's context).
        """
        code, country_name = country if country is not None else (self.country_code, self.country)
        return Location(
            name=name or self.name,
            admin1=self.admin1,
            country=country_name or None,
            country_code=code or None,
            lat=self.lat,
            lon=self.lon,
            precision=precision or self.precision,
            text=text,
            geonameid=self.geonameid,
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place matched by a name, with how well the name matched (0 own name, 1 alternate, 2 derived)."""

    place: Place
    quality: int

    @property
    def prominence(self) -> float:
        """How likely this place is meant when nothing else is known (larger is likelier)."""
        place = self.place
        return (
            math.log10(max(place.population, 1))
            + _KIND_BONUS[place.kind]
            - QUALITY_PENALTY * self.quality
        )


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points, in kilometres."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
