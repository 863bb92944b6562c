"""Analogies and set queries agree with gensim's KeyedVectors on random vectors."""
import numpy as np
import pytest
from gensim.models import KeyedVectors

from w2v_desktop.core.vectors import analogy
from w2v_desktop.core.vectors.keyed import Vectors


@pytest.fixture(scope="module")
def pair():
    rng = np.random.default_rng(11)
    names = [f"w{i}" for i in range(500)]
    matrix = rng.normal(size=(500, 24)).astype(np.float32) * rng.uniform(0.5, 2, size=(500, 1)).astype(np.float32)
    kv = KeyedVectors(24)
    kv.add_vectors(names, matrix)
    return Vectors(names, matrix), kv


QUERIES = [(["w1", "w2"], ["w3"]), (["w10"], []), (["w4", "w5", "w6"], ["w7", "w8"]), (["w9"], ["w11"])]


@pytest.mark.parametrize("positive,negative", QUERIES)
def test_most_similar_matches_gensim(pair, positive, negative):
    vec, kv = pair
    ours = analogy.most_similar(vec, positive, negative, k=10)
    theirs = kv.most_similar(positive=positive, negative=negative, topn=10)
    assert [n.name for n in ours] == [w for w, _ in theirs]
    np.testing.assert_allclose([n.score for n in ours], [s for _, s in theirs], atol=1e-5)


@pytest.mark.parametrize("positive,negative", QUERIES)
def test_cosmul_matches_gensim_with_its_epsilon(pair, positive, negative):
    vec, kv = pair
    ours = analogy.most_similar_cosmul(vec, positive, negative, k=10, epsilon=1e-6)
    theirs = kv.most_similar_cosmul(positive=positive, negative=negative, topn=10)
    assert [n.name for n in ours] == [w for w, _ in theirs]
    np.testing.assert_allclose([n.score for n in ours], [s for _, s in theirs], rtol=1e-4)


def test_cosmul_default_epsilon_is_levy_goldberg(pair):
    vec, _ = pair
    unit = vec.unit.astype(np.float64)
    cos = lambda name: unit @ unit[vec.row(name)]
    want = (1 + cos("w2")) / 2 * (1 + cos("w3")) / 2 / ((1 + cos("w1")) / 2 + 0.001)
    want[[1, 2, 3]] = -np.inf
    got = analogy.analogy(vec, "w1", "w2", "w3", k=5, method="3cosmul")
    assert [n.row for n in got] == np.argsort(-want)[:5].tolist()
    np.testing.assert_allclose([n.score for n in got], np.sort(want)[::-1][:5], rtol=1e-5)


def test_analogy_is_b_minus_a_plus_c_and_excludes_inputs(pair):
    vec, kv = pair
    got = analogy.analogy(vec, "w1", "w2", "w3", k=5)
    assert [n.name for n in got] == [w for w, _ in kv.most_similar(positive=["w2", "w3"], negative=["w1"], topn=5)]
    # plant the answer: d = c + (b - a) exactly
    planted = Vectors(vec.names + ["answer"], np.vstack([vec.matrix, vec.vector("w3") + vec.vector("w2")
                                                          - vec.vector("w1")]))
    assert analogy.analogy(planted, "w1", "w2", "w3", k=1)[0].name in {"answer"}
    assert not {"w1", "w2", "w3"} & {n.name for n in analogy.analogy(planted, "w1", "w2", "w3", k=50, method="3cosmul")}
    with pytest.raises(ValueError, match="unknown analogy method"):
        analogy.analogy(vec, "w1", "w2", "w3", method="3cosavg")


def test_restrict_searches_first_rows_like_gensim(pair):
    vec, kv = pair
    ours = analogy.most_similar(vec, ["w300"], k=5, restrict=100)
    theirs = kv.most_similar("w300", topn=5, restrict_vocab=100)
    assert [n.name for n in ours] == [w for w, _ in theirs]


def test_pair_and_set_queries_match_gensim(pair):
    vec, kv = pair
    assert analogy.similarity(vec, "w1", "w2") == pytest.approx(float(kv.similarity("w1", "w2")), abs=1e-6)
    assert analogy.n_similarity(vec, ["w1", "w2"], ["w3", "w4", "w5"]) == pytest.approx(
        float(kv.n_similarity(["w1", "w2"], ["w3", "w4", "w5"])), abs=1e-5)
    for group in (["w1", "w2", "w3", "w4"], [f"w{i}" for i in range(20, 31)]):
        assert analogy.doesnt_match(vec, group) == kv.doesnt_match(group)
