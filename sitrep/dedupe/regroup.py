"""Regrouping a store's reports into incidents, keeping incident ids stable."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sitrep.dedupe.cluster import cluster_reports
from sitrep.dedupe.reconcile import reconcile
from sitrep.store import Store, incident_id_for

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.actors import ActorRegistry


def regroup(store: Store, *, registry: "ActorRegistry | None" = None) -> int:
    """Cluster every stored report into incidents and write them; return how many incidents.

    An incident keeps its id when its reports change: a cluster takes the id most of its
    reports already had, else one derived from its first report.
    """
    stored = store.reports()
    if not stored:
        return 0
    same_family = _family_test(registry) if registry is not None else None
    clusters, _links = cluster_reports([(s.id, s.report) for s in stored], same_family=same_family)
    by_id = {s.id: s for s in stored}
    taken: set[str] = set()
    incidents = []
    for ids in clusters:
        members = [by_id[i] for i in ids]
        previous = Counter(s.incident_id for s in members if s.incident_id and s.incident_id not in taken)
        incident_id = min(previous, key=lambda i: (-previous[i], i)) if previous else incident_id_for(ids[0])
        taken.add(incident_id)
        incidents.append(reconcile(incident_id, members))
    store.set_incidents(incidents)
    return len(incidents)


def _family_test(registry: "ActorRegistry"):  # type: ignore[no-untyped-def]
    def same_family(a: str, b: str) -> bool:
        try:
            return b in registry.descendants(a) or a in registry.descendants(b)
        except KeyError:
            return False

    return same_family
