"""Approximate neighbours (PyNNDescent) against exact search.

Building the first index in a process compiles PyNNDescent's Numba code
(~40 s on 2 cores), hence one module-scoped index and the slow mark.
"""
import numpy as np
import pytest

from w2v_desktop.core.vectors import ann

from w2v_desktop.core.vectors import similarity
from w2v_desktop.core.vectors.keyed import Vectors, VectorsError


@pytest.fixture(scope="module")
def vec():
    rng = np.random.default_rng(2)
    return Vectors([f"w{i}" for i in range(3000)], rng.normal(size=(3000, 16)))


@pytest.fixture(scope="module")
def index(vec):
    return ann.AnnIndex.build(vec, metric="cosine", seed=0)


@pytest.mark.slow
def test_recall_against_exact_search(vec, index):
    assert ann.recall_at_k(vec, index, k=10, n_queries=300) >= 0.95
    assert index.build_seconds > 0 and index.n_rows == 3000


@pytest.mark.slow
def test_query_excludes_the_query_and_scores_like_exact(vec, index):
    got = index.query("w7", k=10, exclude=["w8", 9])
    assert not {"w7", "w8", "w9"} & {n.name for n in got}
    exact = {n.name: n.score for n in similarity.nearest(vec, "w7", k=50)}
    shared = [n for n in got if n.name in exact]
    assert len(shared) >= 8
    for n in shared:
        assert n.score == pytest.approx(exact[n.name], abs=1e-5)


@pytest.mark.slow
def test_vectors_use_an_attached_index_when_it_fits(vec, index):
    copy = vec.copy()
    copy.set_ann_index(index)
    assert copy.ann_index is index
    by_index = similarity.nearest(copy, "w3", k=10)
    assert [n.row for n in by_index] == [n.row for n in index.query("w3", k=10)]
    assert [n.row for n in similarity.nearest(copy, "w3", k=10)] == [n.row for n in by_index]
    exact = similarity.nearest(copy, "w3", k=10, exact=True)
    assert [n.row for n in exact] == [n.row for n in similarity.nearest(vec, "w3", k=10)]
    assert len({n.row for n in by_index} & {n.row for n in exact}) >= 9
    # a restricted or other-metric query falls back to exact search
    assert [n.row for n in similarity.nearest(copy, "w3", k=5, restrict=100)] == \
        [n.row for n in similarity.nearest(vec, "w3", k=5, restrict=100)]
    with pytest.raises(VectorsError, match="3000 rows"):
        Vectors(["a", "b", "c"], np.eye(3)).set_ann_index(index)


def test_unsupported_metric_is_refused_before_building(vec):
    with pytest.raises(ValueError, match="approximate search supports"):
        ann.AnnIndex.build(vec, metric="tanimoto")
