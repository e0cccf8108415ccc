"""Scores of a clustering against gold groups: B-cubed and pairwise precision, recall and F1,
and example pairs of what it got wrong. Shared by the deduplication evaluators
(:mod:`sitrep.evaluate.ecbplus`, :mod:`sitrep.evaluate.ucdp_multi`).

A clustering is a mapping item -> label; two items are together when their labels are equal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Hashable, Mapping

__all__ = ["ClusterScore", "PairError", "bcubed", "example_errors", "pairwise"]


@dataclass(frozen=True, slots=True)
class ClusterScore:
    """Precision, recall and F1 of a clustering, with the sums they were computed from.

    For B-cubed, ``correct_precision`` / ``correct_recall`` are the sums of the per-item
    shares and ``total`` is the number of items; for pairwise scores they are the number of
    right pairs, and ``predicted`` / ``gold`` the number of pairs put together / belonging
    together.
    """

    precision: float
    recall: float
    f1: float
    correct_precision: float
    correct_recall: float
    predicted: float
    gold: float


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _check_items(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> None:
    if predicted.keys() != gold.keys():
        missing = sorted(set(gold) ^ set(predicted))[:3]
        raise ValueError(f"predicted and gold clusterings cover different items (e.g. {', '.join(missing)})")


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> ClusterScore:
    """B-cubed precision, recall and F1 of ``predicted`` (item -> cluster label) against
    ``gold`` (item -> gold label), over the items both cover (the same set; ValueError if not).

    Per item, precision is |its cluster ∩ its gold group| / |its cluster| and recall is the same
    over |its gold group|; both are averaged over items. No items scores 1, 1, 1.
    """
    _check_items(predicted, gold)
    if not gold:
        return ClusterScore(1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0)
    cells: Counter[tuple[Hashable, Hashable]] = Counter((predicted[i], gold[i]) for i in gold)
    cluster_size = Counter(predicted[i] for i in gold)
    group_size = Counter(gold[i] for i in gold)
    p_sum = r_sum = 0.0
    for (cluster, group), shared in cells.items():
        # each of the `shared` items in this cell scores shared/|cluster| and shared/|group|
        p_sum += shared * shared / cluster_size[cluster]
        r_sum += shared * shared / group_size[group]
    n = len(gold)
    precision, recall = p_sum / n, r_sum / n
    return ClusterScore(precision, recall, _f1(precision, recall), p_sum, r_sum, n, n)


def _pairs(size: int) -> int:
    return size * (size - 1) // 2


def pairwise(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> ClusterScore:
    """Pairwise precision, recall and F1: the pairs of items a clustering puts together,
    compared with the pairs that belong together (same items in both; ValueError if not).

    With no predicted pair precision is 1 (nothing wrongly merged); with no gold pair
    recall is 1 (nothing to find).
    """
    _check_items(predicted, gold)
    right = sum(_pairs(n) for n in Counter((predicted[i], gold[i]) for i in gold).values())
    put = sum(_pairs(n) for n in Counter(predicted[i] for i in gold).values())
    belong = sum(_pairs(n) for n in Counter(gold[i] for i in gold).values())
    precision = right / put if put else 1.0
    recall = right / belong if belong else 1.0
    return ClusterScore(precision, recall, _f1(precision, recall), right, right, put, belong)


@dataclass(frozen=True, slots=True)
class PairError:
    """Two items a clustering got wrong: put together though their gold groups differ
    (``wrong_merge``), or kept apart though they belong together (``wrong_split``)."""

    kind: str
    a: str
    b: str


def example_errors(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> list[PairError]:
    """One example pair per wrong merge of two gold groups within a predicted cluster, and
    one per wrong split of a gold group between two predicted clusters (items in name order,
    the example being the first item of each side)."""
    _check_items(predicted, gold)
    errors: list[PairError] = []
    for kind, outer, inner in (("wrong_merge", predicted, gold), ("wrong_split", gold, predicted)):
        by_outer: dict[Hashable, dict[Hashable, str]] = defaultdict(dict)
        for item in sorted(gold):
            by_outer[outer[item]].setdefault(inner[item], item)
        for sides in by_outer.values():
            for first, second in combinations(sorted(sides.values()), 2):
                errors.append(PairError(kind, first, second))
    return sorted(errors, key=lambda e: (e.kind, e.a, e.b))
