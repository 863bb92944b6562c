"""Nearest neighbours, bulk top-k, metric comparison, hubness, norm vs frequency."""
import numpy as np
import pytest
from scipy import stats

from w2v_desktop.core.vectors import similarity
from w2v_desktop.core.vectors.keyed import UnknownNameError, Vectors


@pytest.fixture
def vec():
    rng = np.random.default_rng(7)
    n = 300
    return Vectors([f"w{i}" for i in range(n)], rng.normal(size=(n, 16)), counts=np.arange(n, 0, -1) * 5)


def brute_cosine_top(vec, row, k, n=None):
    m = vec.matrix[: n or len(vec)].astype(np.float64)
    q = vec.matrix[row].astype(np.float64)
    s = m @ q / (np.linalg.norm(m, axis=1) * np.linalg.norm(q))
    if row < len(s):
        s[row] = -np.inf
    return np.argsort(-s)[:k].tolist()


def test_nearest_matches_brute_force_and_excludes_query(vec):
    got = similarity.nearest(vec, "w3", k=10)
    assert [n.row for n in got] == brute_cosine_top(vec, 3, 10)
    assert all(n.name == vec.names[n.row] for n in got)


def test_nearest_restrict_and_exclude(vec):
    got = similarity.nearest(vec, "w250", k=5, restrict=100, exclude=["w0", 1])
    assert all(n.row < 100 for n in got)
    assert not {0, 1} & {n.row for n in got}
    assert [n.row for n in got] == [r for r in brute_cosine_top(vec, 250, 7, n=100) if r not in (0, 1)][:5]


def test_nearest_of_a_vector_keeps_every_row(vec):
    got = similarity.nearest(vec, vec.vector("w9") * 3.0, k=1)
    assert got[0].name == "w9" and got[0].score == pytest.approx(1.0, abs=1e-5)


def test_bad_queries_are_reported(vec):
    with pytest.raises(UnknownNameError, match="'nope' is not in the vocabulary"):
        similarity.nearest(vec, "nope")
    with pytest.raises(ValueError, match="3 components"):
        similarity.nearest(vec, np.ones(3))


@pytest.mark.parametrize("metric", ["cosine", "euclidean", "manhattan"])
def test_top_k_block_equals_single_queries(vec, metric, monkeypatch):
    monkeypatch.setattr(similarity, "_BLOCK_CELLS", 300 * 7)   # several uneven blocks
    rows = np.array([0, 5, 77, 299, 150])
    block = similarity.top_k_block(vec, rows, k=8, metric=metric)
    for row, got in zip(rows, block):
        assert got.tolist() == [n.row for n in similarity.nearest(vec, vec.names[row], k=8, metric=metric)]


def test_compare_metrics_overlap_and_kendall_as_documented(vec):
    cmp = similarity.compare_metrics(vec, "w10", k=10, metrics=("cosine", "euclidean", "dot"))
    top = {m: [n.row for n in cmp.tops[m]] for m in cmp.metrics}
    assert top["cosine"] == brute_cosine_top(vec, 10, 10)
    np.testing.assert_allclose(np.diag(cmp.overlap), 1.0)
    assert cmp.overlap[0, 1] == len(set(top["cosine"]) & set(top["euclidean"])) / 10
    union = sorted(set(top["cosine"]) | set(top["euclidean"]))
    m, q = vec.matrix[union].astype(np.float64), vec.vector("w10").astype(np.float64)
    cos = m @ q / np.linalg.norm(m, axis=1)
    euc = -np.linalg.norm(m - q, axis=1)
    assert cmp.kendall[0, 1] == pytest.approx(stats.kendalltau(cos, euc).statistic, abs=1e-9)
    assert cmp.kendall[1, 0] == cmp.kendall[0, 1]


def test_metrics_agree_on_unit_vectors():
    # On unit vectors cosine, dot and Euclidean give the same order.
    rng = np.random.default_rng(3)
    m = rng.normal(size=(200, 10))
    vec = Vectors([str(i) for i in range(200)], m / np.linalg.norm(m, axis=1, keepdims=True))
    agreement = similarity.compare_metrics_sample(vec, n_queries=20, k=10, metrics=("cosine", "dot", "euclidean"))
    np.testing.assert_allclose(agreement.overlap, 1.0)
    np.testing.assert_allclose(agreement.kendall, 1.0)
    assert len(agreement.query_rows) == 20


def test_hubness_counts_k_occurrences(vec):
    hub = similarity.hubness(vec, k=5)
    brute = np.zeros(len(vec), dtype=int)
    for row in range(len(vec)):
        brute[brute_cosine_top(vec, row, 5)] += 1
    np.testing.assert_array_equal(hub.counts, brute)
    assert hub.counts.sum() == 5 * len(vec)
    assert hub.skew == pytest.approx(stats.skew(brute))
    sampled = similarity.hubness(vec, k=5, sample=50, seed=1)
    assert sampled.n_queries == 50 and sampled.counts.sum() == 250
    values, rows = hub.histogram()  # the hubness plot: rows per k-occurrence value
    assert rows.sum() == len(vec) and np.all(rows > 0)
    for value, n in zip(values, rows):
        assert n == np.count_nonzero(brute == value)


def test_hubness_finds_a_planted_hub():
    # Points scattered around a shared offset in 30-D; the offset itself is
    # near every point under cosine, so it becomes a hub and the counts skew.
    rng = np.random.default_rng(0)
    m = rng.normal(size=(400, 30)) + 1.0
    m[0] = 1.0
    vec = Vectors([str(i) for i in range(400)], m)
    hub = similarity.hubness(vec, k=10)
    assert hub.hubs(vec.names, 1) == [("0", hub.counts.max())]
    assert hub.counts[0] > 100 and hub.skew > 3
    flat = similarity.hubness(Vectors(vec.names, rng.normal(size=(400, 3))), k=10)
    assert flat.skew < 1.5


def test_norm_frequency_is_spearman(vec):
    nf = similarity.norm_frequency(vec)
    assert nf.spearman == pytest.approx(stats.spearmanr(np.linalg.norm(vec.matrix, axis=1), vec.counts).statistic)
    with pytest.raises(ValueError, match="no frequencies"):
        similarity.norm_frequency(Vectors(["a", "b"], np.ones((2, 2))))


def test_sampled_hubness_counts_within_the_sample_and_names_its_rows():
    rng = np.random.default_rng(7)
    m = rng.standard_normal((3000, 16)).astype(np.float32)
    vec = Vectors([f"w{i}" for i in range(len(m))], m)
    hub = similarity.hubness(vec, k=5, sample=500, seed=3)
    assert len(hub.counts) == len(hub.rows) == 500 and hub.counts.sum() == 500 * 5
    # the same as the full computation on the sub-matrix of the sampled rows
    sub = Vectors([vec.names[r] for r in hub.rows], m[hub.rows])
    assert np.array_equal(hub.counts, similarity.hubness(sub, k=5).counts)
    name, count = hub.hubs(vec.names, top=1)[0]
    assert count == hub.counts.max() and vec.row(name) in set(hub.rows.tolist())
    # random data: near-symmetric k-occurrence, nothing like the ~10 a sparse count gives
    assert abs(hub.skew) < 3


def test_unknown_names_hint_at_case_and_bad_query_vectors_are_refused():
    vec = Vectors(["king", "Paris", "x"], np.eye(3, dtype=np.float32))
    with pytest.raises(UnknownNameError, match="did you mean 'king'"):
        vec.row("KING")
    with pytest.raises(UnknownNameError, match="did you mean 'Paris'"):
        vec.row("paris")
    with pytest.raises(UnknownNameError) as err:
        vec.row("queen")
    assert "did you mean" not in str(err.value)
    for bad in ([np.nan, 0, 0], [np.inf, 1, 0], [1e39, 0, 0]):
        with pytest.raises(ValueError, match="NaN or infinity"):
            similarity.nearest(vec, np.array(bad, dtype=np.float64), 2)
