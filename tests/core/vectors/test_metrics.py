"""Each metric against a direct NumPy/SciPy formula, and ranking direction."""
import numpy as np
import pytest
from scipy.spatial import distance
from scipy.stats import pearsonr

from w2v_desktop.core.vectors import metrics

from w2v_desktop.core.vectors import similarity
from w2v_desktop.core.vectors.keyed import Vectors


@pytest.fixture
def data():
    rng = np.random.default_rng(1)
    matrix = rng.normal(size=(40, 7)).astype(np.float32)
    return matrix, rng.normal(size=(3, 7)).astype(np.float32)


def reference(metric, x, q):
    x, q = x.astype(np.float64), q.astype(np.float64)
    return {
        "cosine": lambda: 1 - distance.cosine(x, q),
        "dot": lambda: float(x @ q),
        "euclidean": lambda: distance.euclidean(x, q),
        "manhattan": lambda: distance.cityblock(x, q),
        "pearson": lambda: pearsonr(x, q).statistic,
        "tanimoto": lambda: x @ q / (x @ x + q @ q - x @ q),
    }[metric]()


@pytest.mark.parametrize("metric", metrics.METRICS)
def test_metric_matches_direct_formula(data, metric):
    matrix, queries = data
    got = metrics.block_scores(matrix, queries, metric)
    assert got.shape == (3, 40)
    want = np.array([[reference(metric, x, q) for x in matrix] for q in queries])
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


def test_manhattan_chunks_cover_all_rows(data, monkeypatch):
    matrix, queries = data
    monkeypatch.setattr(metrics, "_MANHATTAN_CELLS", 7 * 3 * 6)   # 6 rows per chunk, uneven end
    np.testing.assert_allclose(metrics.manhattan(matrix, queries), distance.cdist(queries, matrix, "cityblock"),
                               rtol=1e-5)


def test_degenerate_vectors_score_zero_not_nan():
    matrix = np.array([[0, 0, 0], [2, 2, 2], [1, 2, 3]], dtype=np.float32)
    for metric in ("cosine", "pearson", "tanimoto"):
        scores = metrics.block_scores(matrix, np.array([1, 0, 0], np.float32), metric)
        assert np.isfinite(scores).all()
    assert metrics.pearson(matrix, np.array([1, 0, 0], np.float32))[0, 1] == 0.0


@pytest.mark.parametrize("metric", metrics.METRICS)
def test_nearest_ranks_by_metric_direction(data, metric):
    matrix, _ = data
    vec = Vectors([f"w{i}" for i in range(len(matrix))], matrix)
    got = similarity.nearest(vec, "w0", k=5, metric=metric)
    scores = np.array([reference(metric, x, matrix[0]) for x in matrix])
    nearness = -scores if metrics.IS_DISTANCE[metric] else scores
    nearness[0] = -np.inf
    order = np.argsort(-nearness)[:5]
    assert [n.row for n in got] == order.tolist()
    assert "w0" not in [n.name for n in got]
    values = [n.score for n in got]
    assert values == sorted(values, reverse=not metrics.IS_DISTANCE[metric])


def test_unknown_metric_is_a_clear_error(data):
    with pytest.raises(ValueError, match="unknown metric 'jaccard'"):
        metrics.block_scores(data[0], data[1], "jaccard")
