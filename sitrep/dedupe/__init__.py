"""Deduplication: grouping reports into incidents and reconciling their fields.

This is the first pass, enough for ``sitrep incidents`` to show one incident per
real-world event told by several articles. ``cluster`` decides which reports
belong together; ``reconcile`` builds each incident's fields from its reports;
``regroup`` runs both over a store.
"""

from sitrep.dedupe.cluster import Link, cluster_reports, link_score
from sitrep.dedupe.reconcile import reconcile
from sitrep.dedupe.regroup import regroup

__all__ = ["Link", "cluster_reports", "link_score", "reconcile", "regroup"]
