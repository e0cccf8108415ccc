"""The values handed from stage to stage: Article -> Report (-> Incident).

Every value is a frozen dataclass. Character offsets always refer to
``Article.text`` (the cleaned body), so evidence can be highlighted in the
text that is stored.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date, datetime
from typing import Any, Literal, Mapping

Precision = Literal["day", "week", "month", "season", "year", "decade"]
Status = Literal["completed", "attempted", "foiled", "threatened"]
Realis = Literal["reported", "background", "hypothetical", "negated"]
Attribution = Literal["claimed", "attributed", "suspected"]
PlacePrecision = Literal["point", "town", "district", "province", "region", "country"]
CountCategory = Literal["killed", "injured", "arrested", "kidnapped"]

COUNT_CATEGORIES: tuple[CountCategory, ...] = ("killed", "injured", "arrested", "kidnapped")


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def to_plain(value: Any) -> Any:
    """Turn a value made of these dataclasses into JSON-ready builtins."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return {name: to_plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, Mapping):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a field came from: the sentence, its offsets, and the phrase in it. A value no
    sentence gives (the country of the article's outlet) has an empty sentence at offset 0 and
    names what gave it in ``phrase``, with no phrase offsets."""

    sentence: str
    start: int  # offset of the sentence in Article.text
    end: int
    phrase: str = ""  # the words that carry the value ("nearly 140 people")
    phrase_start: int | None = None  # offsets of the phrase in Article.text
    phrase_end: int | None = None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Kind:
    event_type: str  # ACLED event_type, e.g. "Explosions/Remote violence"
    sub_event_type: str  # ACLED sub_event_type, e.g. "Suicide bomb"
    gtd_attack_type: str | None = None  # e.g. "Bombing/Explosion"; None where GTD has no type


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: date
    end: date
    precision: Precision
    text: str  # the phrase it was resolved from ("Friday evening")
    inferred: bool = False  # True when no phrase dated the event (e.g. publication date used)


@dataclass(frozen=True, slots=True)
class Location:
    name: str  # the place as best resolved ("Krasnogorsk", "Crocus City Hall")
    admin1: str | None = None
    country: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    text: str = ""  # the phrase in the article ("near Moscow")
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A perpetrator or other actor as named in a report."""

    name: str  # canonical name, or a normalised description for unnamed actors ("gunmen")
    matched: str  # the words in the text
    parent: str | None = None  # canonical name of the parent organisation
    attribution: Attribution | None = None
    actor_id: str | None = None  # registry id; None for unnamed actors
    # "armed group", "state force", ... (the registry's types); "unnamed" ("gunmen"); "individual"
    # (a person named as the attacker); "group" (a group outside the registry, named as claiming)
    actor_type: str | None = None
    country_code: str | None = None


@dataclass(frozen=True, slots=True)
class Target:
    description: str  # "a rock concert", "Afghan National Police"
    type: str  # civilians, military, police, government, religious, business, diplomatic, ...


@dataclass(frozen=True, slots=True)
class Weapon:
    type: str  # firearms, explosives, suicide vest, vehicle-borne, incendiary, drone, ...
    text: str


@dataclass(frozen=True, slots=True)
class CountPart:
    """One group inside a count: "13 American soldiers" in "13 American soldiers and nearly 170 civilians"."""

    label: str
    min: int | None
    max: int | None
    best: int | None
    approx: bool
    text: str
    side: str | None = None  # "civilians", "security forces", "perpetrators", ... where stated


@dataclass(frozen=True, slots=True)
class Count:
    min: int | None  # None for an open bound ("more than 100" has min 101, max None)
    max: int | None
    best: int | None
    approx: bool
    text: str  # the raw phrase: "nearly 140", "dozens", "killing two staff members"
    parts: tuple[CountPart, ...] = ()


@dataclass(frozen=True, slots=True)
class Counts:
    killed: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    kidnapped: Count | None = None

    def get(self, category: CountCategory) -> Count | None:
        return getattr(self, category)


@dataclass(frozen=True, slots=True)
class Claim:
    claimed: bool
    by: str | None = None  # canonical actor name
    text: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """One account of one incident in one article."""

    kind: Kind
    status: Status
    realis: Realis
    date: DateSpan | None
    location: Location | None
    perpetrators: tuple[ActorRef, ...] = ()
    targets: tuple[Target, ...] = ()
    weapons: tuple[Weapon, ...] = ()
    counts: Counts = field(default_factory=Counts)
    claim: Claim | None = None
    evidence: Mapping[str, Evidence] = field(default_factory=dict)  # field name -> evidence
    confidence: float = 0.5
    trigger: str = ""  # the words that signal the incident ("suicide bombing")

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article, ready for extraction."""

    text: str  # cleaned body
    title: str | None = None
    author: str | None = None
    standfirst: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_inferred: bool = False  # True when the date was read from the body text
    language: str | None = None
    source: str | None = None  # file path or "-" for stdin, with ":line" for JSON Lines
    warnings: tuple[str, ...] = ()

    @property
    def content_hash(self) -> str:
        """A stable id for the article's content (title + body)."""
        import hashlib

        digest = hashlib.sha256()
        digest.update((self.title or "").strip().encode("utf-8"))
        digest.update(b"\x00")
        digest.update(self.text.strip().encode("utf-8"))
        return digest.hexdigest()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        data["warnings"] = list(self.warnings)
        return data
