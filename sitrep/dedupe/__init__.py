"""Deduplication: grouping reports into incidents and reconciling their fields.

``signals`` scores a pair of reports (date, place, kind, actors, counts, text);
``blocking`` decides which pairs are compared; ``cluster`` turns links into
incidents under analysts' merges and splits; ``reconcile`` builds each
incident's fields from its reports; ``regroup`` runs both over a store.
"""

from sitrep.dedupe.blocking import block_keys
from sitrep.dedupe.cluster import Link, cluster_reports, link_score
from sitrep.dedupe.reconcile import reconcile
from sitrep.dedupe.regroup import regroup
from sitrep.dedupe.rules import DedupeRules, default_rules

__all__ = [
    "DedupeRules",
    "Link",
    "block_keys",
    "cluster_reports",
    "default_rules",
    "link_score",
    "reconcile",
    "regroup",
]
