"""Ranking metrics of leave-one-out recommendation, from the rank of each held-out item.

``ranks`` holds one 1-based rank per evaluated user: 1 when the held-out item
tops the list, ``inf`` when it could not be ranked at all (no vector, no
query), which every metric counts as a miss. Each returns the mean over
users, and 0.0 for no users (rather than numpy's nan and a warning), so a
table row of an empty evaluation reads as nothing found.
"""
from __future__ import annotations

import numpy as np


def _ranks(ranks) -> np.ndarray:
    ranks = np.asarray(ranks, dtype=np.float64)
    if np.any(ranks < 1):
        raise ValueError(f"ranks start at 1 (got {ranks.min():g})")
    return ranks


def hit_rate(ranks, k: int) -> float:
    """HitRate@K: the share of users whose held-out item is in their top K."""
    ranks = _ranks(ranks)
    return float((ranks <= k).mean()) if len(ranks) else 0.0


def ndcg(ranks, k: int) -> float:
    """NDCG@K with one relevant item: 1 / log2(rank + 1) inside the top K, else 0.
    The ideal list puts the item first (1 / log2 2 = 1), so no further normalising."""
    ranks = _ranks(ranks)
    if not len(ranks):
        return 0.0
    return float(np.where(ranks <= k, 1 / np.log2(ranks + 1), 0.0).mean())


def mrr(ranks) -> float:
    """Mean reciprocal rank over the whole ranking (not cut at K): 1 / rank, 0 for a miss."""
    ranks = _ranks(ranks)
    return float((1 / ranks).mean()) if len(ranks) else 0.0
