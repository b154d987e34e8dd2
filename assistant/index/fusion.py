"""Reciprocal-rank fusion of ranked lists (Cormack et al., 2009).

RRF needs no score calibration between retrievers: each list contributes ``weight / (k + rank)``
for every item it ranks (rank starting at 1). Dense and BM25 scores live on unrelated scales, so
fusing ranks is more robust than mixing scores. ``k`` damps the head of each list; larger ``k``
flattens the contribution of top ranks.

Example:
    >>> fuse([["a", "b", "c"], ["c", "a"]], k=60)[:2]
    [('a', 0.03252247488101534), ('c', 0.032266458495966696)]
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def fuse(rankings: Sequence[Sequence[Hashable]], k: int = 60, weights: Sequence[float] | None = None) -> list[tuple[Hashable, float]]:
    """Fused ``(item, score)`` pairs, best first; ties keep the order of first appearance."""
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    scores: dict[Hashable, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: -pair[1])
