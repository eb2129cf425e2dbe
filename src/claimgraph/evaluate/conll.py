"""Coreference scores as the CoNLL-2012 reference scorer (v8.01) computes them.

MUC (Vilain et al. 1995), B-cubed (Bagga & Baldwin 1998), entity-based CEAF with the
phi4 similarity (Luo 2005), and the "CoNLL F1", the mean of their three F1s. A
clustering is any iterable of clusters, a cluster any iterable of hashable mention
ids; key (gold) and response (system) may hold different mentions: a response
mention missing from the key, or the other way round, counts as the reference scorer
counts it (``muc`` partitions, B-cubed denominators, CEAF cluster sizes). Mentions
repeated in a clustering are de-duplicated first, as the reference scorer does
(its test case TC-A-7).

Why our own: no maintained scorer is on PyPI (``scorch`` 0.2.0 dates from 2020; the
``coval`` name there is an unrelated project), and the three metrics are short. The
numbers are pinned on the reference scorer's published toy cases
(conll/reference-coreference-scorers, ``test/CorefMetricTestConfig.pm`` and
``TestCases.README``) in ``tests/test_conll_scorer.py``.

Singletons count like any cluster (a key singleton adds nothing to MUC, one mention
to B-cubed and one entity to CEAF-e), which is how ECB+ event coreference is usually
reported.

    >>> key = [{"a"}, {"b", "c"}, {"d", "e", "f"}]
    >>> response = [{"a"}, {"d", "e"}]
    >>> round(muc(key, response).f1, 5), round(ceafe(key, response).f1, 5)
    (0.5, 0.72)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment

__all__ = ["PRF", "b_cubed", "ceafe", "clusters_from_labels", "conll_scores", "muc"]

Clusters = Iterable[Iterable[Hashable]]


class PRF(NamedTuple):
    """Recall, precision and F1 of one metric (the reference scorer's order)."""

    recall: float
    precision: float
    f1: float


def _prf(recall_num: float, recall_den: float, prec_num: float, prec_den: float) -> PRF:
    recall = recall_num / recall_den if recall_den else 0.0
    precision = prec_num / prec_den if prec_den else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return PRF(recall, precision, f1)


def _dedup(clusters: Clusters) -> list[frozenset]:
    """Clusters as frozensets, a mention kept only in the first cluster that holds it."""
    seen: set = set()
    out = []
    for cluster in clusters:
        members = frozenset(m for m in cluster if m not in seen)
        seen |= members
        if members:
            out.append(members)
    return out


def _index(clusters: list[frozenset]) -> dict[Hashable, int]:
    return {m: i for i, cluster in enumerate(clusters) for m in cluster}


def _muc_side(clusters: list[frozenset], other: list[frozenset]) -> tuple[int, int]:
    """Sum of |C| - partitions(C) and of |C| - 1: a mention the other side lacks is a
    partition of its own."""
    where = _index(other)
    num = den = 0
    for cluster in clusters:
        parts = {where.get(m, ("missing", m)) for m in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num, den


def muc(key: Clusters, response: Clusters) -> PRF:
    """Link-based MUC: recall counts the key links the response keeps.

    >>> muc([{1, 2, 3, 4}], [{1, 2}, {3, 4}])
    PRF(recall=0.6666666666666666, precision=1.0, f1=0.8)
    """
    k, r = _dedup(key), _dedup(response)
    recall_num, recall_den = _muc_side(k, r)
    prec_num, prec_den = _muc_side(r, k)
    return _prf(recall_num, recall_den, prec_num, prec_den)


def _b3_side(clusters: list[frozenset], other: list[frozenset]) -> tuple[float, int]:
    where = _index(other)
    num = 0.0
    for cluster in clusters:
        overlaps: dict[int, int] = {}
        for m in cluster:
            j = where.get(m)
            if j is not None:
                overlaps[j] = overlaps.get(j, 0) + 1
        num += sum(n * n for n in overlaps.values()) / len(cluster)
    return num, sum(len(c) for c in clusters)


def b_cubed(key: Clusters, response: Clusters) -> PRF:
    """Mention-based B-cubed: per mention, the share of its cluster the other side agrees on.

    >>> b_cubed([{1, 2}, {3}], [{1, 2, 3}])
    PRF(recall=1.0, precision=0.5555555555555556, f1=0.7142857142857143)
    """
    k, r = _dedup(key), _dedup(response)
    recall_num, recall_den = _b3_side(k, r)
    prec_num, prec_den = _b3_side(r, k)
    return _prf(recall_num, recall_den, prec_num, prec_den)


def ceafe(key: Clusters, response: Clusters) -> PRF:
    """Entity-based CEAF: the best one-to-one alignment of key and response clusters
    under phi4(K, R) = 2|K∩R| / (|K| + |R|) (Kuhn-Munkres), normalised by the number of
    key (recall) and response (precision) clusters.

    >>> ceafe([{1, 2}, {3}], [{1, 2, 3}])
    PRF(recall=0.4, precision=0.8, f1=0.5333333333333333)
    """
    k, r = _dedup(key), _dedup(response)
    if not k or not r:
        return _prf(0.0, len(k), 0.0, len(r))
    similarity = _phi4_matrix(k, r)
    rows, cols = linear_sum_assignment(similarity, maximize=True)
    total = float(similarity[rows, cols].sum())
    return _prf(total, len(k), total, len(r))


def _phi4_matrix(key: list[frozenset], response: list[frozenset]) -> np.ndarray:
    """phi4 for every pair, filled only where clusters share a mention (sparse in practice)."""
    matrix = np.zeros((len(key), len(response)))
    where = _index(response)
    for i, cluster in enumerate(key):
        overlaps: dict[int, int] = {}
        for m in cluster:
            j = where.get(m)
            if j is not None:
                overlaps[j] = overlaps.get(j, 0) + 1
        for j, n in overlaps.items():
            matrix[i, j] = 2 * n / (len(cluster) + len(response[j]))
    return matrix


def conll_scores(key: Clusters, response: Clusters) -> dict[str, float]:
    """MUC, B-cubed and CEAF-e recall/precision/F1 and their mean F1, as one flat dict.

    Keys: ``muc_recall``, ``muc_precision``, ``muc_f1``, the same for ``b3`` and ``ceafe``,
    and ``conll_f1`` (fractions 0..1).

    >>> scores = conll_scores([{1, 2}, {3}], [{1, 2}, {3}])
    >>> scores["conll_f1"], scores["muc_f1"]
    (1.0, 1.0)
    """
    key, response = _dedup(key), _dedup(response)
    out: dict[str, float] = {}
    for name, metric in (("muc", muc), ("b3", b_cubed), ("ceafe", ceafe)):
        score = metric(key, response)
        out[f"{name}_recall"] = score.recall
        out[f"{name}_precision"] = score.precision
        out[f"{name}_f1"] = score.f1
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return out


def clusters_from_labels(labels: Mapping[Hashable, Hashable]) -> list[set]:
    """Mention -> cluster label into a list of clusters (in first-seen order).

    >>> [sorted(c) for c in clusters_from_labels({"m1": "x", "m2": "y", "m3": "x"})]
    [['m1', 'm3'], ['m2']]
    """
    groups: dict[Hashable, set] = {}
    for mention, label in labels.items():
        groups.setdefault(label, set()).add(mention)
    return list(groups.values())
