"""The store's own values: what a save returns, a stored report, an incident to write, a filter."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from sitrep.model import Claim, Counts, DateSpan, Kind, Location, Realis, Report, Status

Order = Literal["date", "-date", "killed", "-killed"]
ORDERS: tuple[Order, ...] = ("date", "-date", "killed", "-killed")


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What :meth:`Store.save_article` did.

    ``new``: the article was not in the store before. ``replaced``: it was, from
    another extraction version, and its reports were replaced. Neither: the call
    was a no-op. ``stale_incidents``: incidents that held this article's earlier
    reports; deduplication should look at them again.
    """

    article_id: str
    report_ids: tuple[str, ...]
    new: bool
    replaced: bool = False
    stale_incidents: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """True when the call wrote anything."""
        return self.new or self.replaced


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """The few article fields shown next to a report: enough to cite and link it."""

    id: str
    title: str | None
    url: str | None
    published: date | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class StoredReport:
    """A report as stored: its ids, its incident (None before deduplication) and its article."""

    id: str
    article_id: str
    ordinal: int
    incident_id: str | None
    report: Report
    article: ArticleSummary


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """One deduplicated incident, as a deduplication stage hands it to the store.

    ``report_ids`` are the stored reports that make it up (each in at most one
    incident). The reconciled fields are written to flat columns exactly as a
    report's are; ``counts`` should carry the reconciled range (min, max, best).
    ``data`` is the JSON of the reconciled incident; when empty, the store writes
    these fields in ``Report.to_dict()`` form instead. The store itself works out
    ``n_reports``, ``n_sources``, ``first_reported`` and ``last_reported`` from the
    reports and their articles.
    """

    id: str
    report_ids: tuple[str, ...]
    kind: Kind
    status: Status
    realis: Realis
    date: DateSpan | None = None
    location: Location | None = None
    counts: Counts = field(default_factory=Counts)
    claim: Claim | None = None
    confidence: float = 0.5
    data: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("an incident needs an id")
        if not self.report_ids:
            raise ValueError(f"incident {self.id} has no reports")
        if len(set(self.report_ids)) != len(self.report_ids):
            raise ValueError(f"incident {self.id} lists a report twice")


@dataclass(frozen=True, slots=True)
class IncidentLink:
    """Why two reports share an incident: the score deduplication gave the pair and the
    signals behind it (``("date", 1.0), ("place", 0.9)``...). ``a`` sorts before ``b``."""

    a: str
    b: str
    score: float
    signals: tuple[tuple[str, float], ...] = ()

    def __post_init__(self) -> None:
        if not self.a < self.b:
            raise ValueError(f"a link's reports must be two ids in order, not {self.a!r} and {self.b!r}")


DecisionAction = Literal["merge", "split"]


@dataclass(frozen=True, slots=True)
class Constraints:
    """Report pairs analysts' decisions pin: ``must_link`` pairs share an incident in every
    later regroup, ``cannot_link`` pairs never do. Each pair is (smaller id, larger id)."""

    must_link: tuple[tuple[str, str], ...] = ()
    cannot_link: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's correction of deduplication, as recorded.

    ``merge``: ``incident_ids`` are the two incidents made one; ``split``: ``report_id``
    was taken out of ``incident_ids[0]``. ``pairs`` are the report pairs it pinned
    (``must_link`` or ``cannot_link``) when it was made; a later decision on the same
    pair overrides it.
    """

    id: int
    action: DecisionAction
    incident_ids: tuple[str, ...]
    report_id: str | None
    note: str | None
    decided_by: str
    decided_at: datetime
    pairs: Constraints = field(default_factory=Constraints)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``decided_at`` in ISO 8601)."""
        return {
            "id": self.id,
            "action": self.action,
            "incident_ids": list(self.incident_ids),
            "report_id": self.report_id,
            "note": self.note,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat(),
            "must_link": [list(pair) for pair in self.pairs.must_link],
            "cannot_link": [list(pair) for pair in self.pairs.cannot_link],
        }


def incident_id_for(anchor_report_id: str) -> str:
    """A stable incident id derived from one of its reports (say, its earliest).

    Deduplication may use it so an incident keeps its id while reports are added.
    """
    return "inc-" + hashlib.sha256(anchor_report_id.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Which incidents :meth:`Store.incidents` returns. Every set field must match.

    * ``date_from`` / ``date_to``: the incident's [date_start, date_end] overlaps them
      (undated incidents never match a date filter);
    * ``country``: ISO 3166-1 alpha-2 code or country name, any case;
    * ``actor_ids``: any perpetrator of any of its reports is in the set (expand a
      parent organisation to its affiliates with the actor registry first);
    * ``kind``: equals its event_type, sub_event_type or gtd_attack_type, any case;
    * ``realis``: reported, background, hypothetical or negated;
    * ``min_killed``: at least this many killed (best value, else the minimum);
    * ``text``: occurs in one of its evidence sentences or article titles, any case;
    * ``limit`` / ``offset``: a page of the result; ``order``: by date or killed,
      ``-`` for descending (undated or uncounted incidents come last either way).
    """

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    actor_ids: frozenset[str] | None = None
    kind: str | None = None
    realis: str | None = None
    min_killed: int | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0
    order: Order = "-date"

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {self.order!r}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.limit is not None and self.limit < 0:
            raise ValueError("limit must not be negative")
        if self.offset < 0:
            raise ValueError("offset must not be negative")
        if self.min_killed is not None and self.min_killed < 0:
            raise ValueError("min_killed must not be negative")
        if self.actor_ids is not None and not isinstance(self.actor_ids, frozenset):
            object.__setattr__(self, "actor_ids", frozenset(self.actor_ids))
