"""HitRate@K, NDCG@K and MRR on ranks small enough to work out by hand."""
import math

import numpy as np
import pytest

from w2v_desktop.core.analysis.ranking import hit_rate, mrr, ndcg

INF = math.inf


def test_hit_rate_counts_ranks_within_k():
    assert hit_rate([1, 2, 3, 4], k=2) == 0.5
    assert hit_rate([1, 2, 3, 4], k=4) == 1.0
    assert hit_rate([3, INF], k=3) == 0.5  # an unrankable item is a miss
    assert hit_rate([11], k=10) == 0.0


def test_ndcg_discounts_by_log2_of_the_position():
    assert ndcg([1], k=10) == 1.0
    assert ndcg([3], k=10) == pytest.approx(0.5)  # 1 / log2(4)
    assert ndcg([7], k=10) == pytest.approx(1 / 3)  # 1 / log2(8)
    assert ndcg([1, 3, 11, INF], k=10) == pytest.approx((1 + 0.5) / 4)  # past K and misses add 0
    assert ndcg([2], k=1) == 0.0


def test_mrr_is_not_cut_at_k():
    assert mrr([1, 2, 4]) == pytest.approx((1 + 0.5 + 0.25) / 3)
    assert mrr([20, INF]) == pytest.approx(0.05 / 2)


def test_empty_and_invalid_ranks():
    assert hit_rate([], 10) == ndcg(np.array([]), 10) == mrr([]) == 0.0
    with pytest.raises(ValueError, match="start at 1"):
        mrr([0, 1])
