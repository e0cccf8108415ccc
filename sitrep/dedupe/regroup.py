"""Regrouping a store's reports into incidents: incremental, order-independent, with stable ids.

After an ingest, only the reports that need it are clustered again: the *pending*
reports (in no incident yet — new ones, or ones saved by a run that stopped before
regrouping — and those of incidents queued as stale by a re-extraction, an analyst's
decision or a store upgrade), together with everything they are connected to. Two
reports are connected when they link (share a blocking key and score as one
incident), when they already share an incident, or when an analyst's merge pins
them together. Because :func:`~sitrep.dedupe.cluster_reports` clusters each
connected group on its own, clustering that closure gives the same incidents as
clustering the whole store (``regroup(store, full=True)``), and a second run finds
nothing pending and changes nothing.

**Incident ids.** A cluster keeps the id of an incident its reports already had.
When several incidents meet in one cluster (a merge), the *older* one's id survives:
the incident whose earliest report (by article publication date, then report id)
came first. When an incident's reports end up in several clusters (a split), the
cluster holding most of them keeps its id (ties: the one with the earliest report).
A cluster with no previous id takes ``incident_id_for`` of its earliest report, so
a set of articles ingested in one go gets the same ids whatever order they are
read in, and so do articles arriving in publication order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Callable

from sitrep.dedupe.blocking import DATE_ONLY, FINER, FULL, PLACE_ONLY, keyed
from sitrep.dedupe.cluster import Link, cluster_reports, link_score
from sitrep.dedupe.reconcile import reconcile
from sitrep.dedupe.rules import default_rules
from sitrep.dedupe.signals import report_facts
from sitrep.model import Report
from sitrep.store import IncidentLink, Store, StoredReport, incident_id_for

if TYPE_CHECKING:  # pragma: no cover
    from sitrep.actors import ActorRegistry

SameFamily = Callable[[str, str], bool]

#: How many times a run starts again when another process regrouped the same reports meanwhile.
ATTEMPTS = 5

#: Above this share of the store pending, one full pass is cheaper than following links.
FULL_PASS_SHARE = 0.5

#: For a report standing in a relation to a key, the relations of the other members it can
#: pair with under that key (see :mod:`sitrep.dedupe.blocking`): a member at the key's own
#: levels pairs with every member; one as coarse as the key in date only pairs with one as
#: coarse in place only. Two town-and-day reports never need the country-and-year key.
PAIRS_WITH: Mapping[int, tuple[int, ...]] = {
    FULL: (FULL, DATE_ONLY, PLACE_ONLY, FINER),
    DATE_ONLY: (FULL, PLACE_ONLY),
    PLACE_ONLY: (FULL, DATE_ONLY),
    FINER: (FULL,),
}

Keys = Mapping[str, int]  # blocking key -> how the report stands to it


def regroup(store: Store, *, registry: "ActorRegistry | None" = None, full: bool = False) -> int:
    """Bring the store's incidents up to date with its reports; return how many incidents it holds.

    Incremental by default: only the pending reports and what they connect to are
    clustered again (see the module docstring). ``full=True`` clusters every report
    and recomputes every blocking key (after the deduplication rules changed); its
    result is the same as the incremental runs'. Analysts' merges and splits are
    kept. ``registry`` decides which actors are affiliates of others (default: the
    shipped actor registry).
    """
    same_family = _family_test(registry)
    for _attempt in range(ATTEMPTS):
        everything = full
        if not everything:
            pending = store.pending_report_ids()
            if not pending:
                break
            everything = len(pending) > FULL_PASS_SHARE * store.stats()["reports"]
        if everything:
            group = store.reports()
            store.set_block_keys({s.id: report_keys(s.report) for s in group})
        else:
            group = _connected(store, store.reports(ids=pending), same_family)
        if not group or _write(store, group, same_family):
            break
        # another process regrouped some of these reports meanwhile: look again
    return store.stats()["incidents"]


def report_keys(report: Report) -> dict[str, int]:
    """The report's blocking keys (those of :func:`~sitrep.dedupe.block_keys`), each with how
    the report stands to it (FULL, DATE_ONLY, PLACE_ONLY or FINER)."""
    rules = default_rules()
    relations: dict[str, int] = {}
    for key, relation, _crossing in keyed(report_facts(report, rules), rules):
        relations[key] = min(relation, relations.get(key, relation))
    return relations


def _connected(store: Store, seeds: Sequence[StoredReport], same_family: SameFamily | None) -> list[StoredReport]:
    """The seeds and every stored report connected to them (links, shared incidents, merges).

    Stores the seeds' blocking keys on the way: they are what later runs look up.
    """
    keys: dict[str, Keys] = {s.id: report_keys(s.report) for s in seeds}
    store.set_block_keys(keys)
    group: dict[str, StoredReport] = {s.id: s for s in seeds}
    candidates: dict[str, StoredReport] = {}  # loaded, not (yet) connected
    frontier = set(group)
    while frontier:
        wanted_keys: dict[str, set[int]] = {}
        for rid in frontier:
            for key, relation in keys[rid].items():
                wanted_keys.setdefault(key, set()).update(PAIRS_WITH[relation])
        must = store.constraints(frontier).must_link
        partners = {b if a in frontier else a for a, b in must} | store.incident_members(frontier)
        wanted = (store.reports_sharing_keys(wanted_keys) | partners) - group.keys() - candidates.keys()
        for stored in store.reports(ids=wanted):
            candidates[stored.id] = stored
            keys[stored.id] = report_keys(stored.report)
        reached: set[str] = set()
        for rid, stored in candidates.items():
            if rid in partners or any(
                _links(group[x], stored, same_family) for x in frontier if _may_pair(keys[x], keys[rid])
            ):
                reached.add(rid)
        for rid in reached:
            group[rid] = candidates.pop(rid)
        frontier = reached
    return list(group.values())


def _may_pair(a: Keys, b: Keys) -> bool:
    """Whether blocking compares the two reports: a shared key where their relations pair."""
    return any(b[key] in PAIRS_WITH[relation] for key, relation in a.items() if key in b)


def _links(a: StoredReport, b: StoredReport, same_family: SameFamily | None) -> bool:
    scored = link_score(
        a.report,
        b.report,
        same_family=same_family,
        published_a=a.article.published,
        published_b=b.article.published,
    )
    return scored is not None and scored[0] >= 0.5


def _write(store: Store, group: Sequence[StoredReport], same_family: SameFamily | None) -> bool:
    """Cluster ``group`` (a closed set of reports), name and reconcile its incidents, write them;
    False when another process regrouped some of them since they were read (nothing written)."""
    by_id = {s.id: s for s in group}
    published = {s.id: s.article.published for s in group if s.article.published is not None}
    decided = store.constraints(by_id)
    clusters, links = cluster_reports(
        [(s.id, s.report) for s in group],
        same_family=same_family,
        published=published,
        must_link=decided.must_link,
        cannot_link=decided.cannot_link,
    )
    names = incident_ids(clusters, {s.id: s.incident_id for s in group}, published, store.existing_incident_ids)
    records = [reconcile(names[i], [by_id[rid] for rid in cluster]) for i, cluster in enumerate(clusters)]
    return store.set_incidents(
        records, links=_one_link_per_pair(links), expected={s.id: s.incident_id for s in group}
    )


def _one_link_per_pair(links: Sequence[Link]) -> list[IncidentLink]:
    """The links to store: a pair both scored and pinned by an analyst's merge is one link
    with the higher score and both reasons."""
    merged: dict[tuple[str, str], IncidentLink] = {}
    for link in links:
        a, b = sorted((link.a, link.b))
        seen = merged.get((a, b))
        if seen is None:
            merged[(a, b)] = IncidentLink(a, b, link.score, tuple(link.signals))
        else:
            extra = tuple(signal for signal in link.signals if signal not in seen.signals)
            merged[(a, b)] = IncidentLink(a, b, max(seen.score, link.score), seen.signals + extra)
    return [merged[pair] for pair in sorted(merged)]


def incident_ids(
    clusters: Sequence[Sequence[str]],
    previous: Mapping[str, str | None],
    published: Mapping[str, date],
    existing: Callable[[Collection[str]], Collection[str]] = lambda ids: (),
) -> list[str]:
    """An id for each cluster, under the rule in the module docstring.

    ``previous`` maps each report to the incident it was in (None for a new report);
    ``published`` gives report publication dates (missing: after every dated one);
    ``existing`` says which of some ids are stored incidents outside these clusters'
    previous incidents (so a fresh id never takes one).
    """

    def age(rid: str) -> tuple[bool, date, str]:
        day = published.get(rid)
        return (day is None, day or date.min, rid)

    # The age of each previous incident: its earliest report among these clusters.
    oldest: dict[str, tuple[bool, date, str]] = {}
    for cluster in clusters:
        for rid in cluster:
            iid = previous.get(rid)
            if iid is not None and (iid not in oldest or age(rid) < oldest[iid]):
                oldest[iid] = age(rid)
    claims = []
    for index, cluster in enumerate(clusters):
        held = Counter(previous[rid] for rid in cluster if previous.get(rid) is not None)
        for iid, count in held.items():
            first = min(age(rid) for rid in cluster if previous.get(rid) == iid)
            claims.append((oldest[iid], iid, -count, first, index))
    names: dict[int, str] = {}
    taken: set[str] = set()
    for _, iid, _, _, index in sorted(claims):  # oldest incident first; it picks its largest share
        if index not in names and iid not in taken:
            names[index] = iid
            taken.add(iid)

    unnamed = [i for i in range(len(clusters)) if i not in names]
    fresh = {i: [incident_id_for(rid) for rid in sorted(clusters[i], key=age)] for i in unnamed}
    blocked = set(oldest) | set(existing({iid for ids in fresh.values() for iid in ids} - set(oldest)))
    for i in unnamed:
        choice = next((iid for iid in fresh[i] if iid not in blocked and iid not in taken), None)
        if choice is None:  # every member's own id is in use: derive one from all of them
            choice = incident_id_for("+".join(clusters[i]))
        names[i] = choice
        taken.add(choice)
    return [names[i] for i in range(len(clusters))]


def _family_test(registry: "ActorRegistry | None") -> SameFamily:
    """Whether two registry actors are one family (one is an affiliate of the other, at any depth)."""
    if registry is None:
        from sitrep.actors.registry import default_registry

        registry = default_registry()
    chosen = registry

    def same_family(a: str, b: str) -> bool:
        try:
            return b in chosen.descendants(a) or a in chosen.descendants(b)
        except KeyError:
            return False

    return same_family
