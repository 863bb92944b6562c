"""Walks on Spark: the graph is the local one, the walks are the local walker's, and their
transition frequencies match the DeepWalk and node2vec probabilities.

Frequency tests: the walks come from a fixed seed, so each test is deterministic. Each
conditional distribution with at least 200 samples (here 1,000 to 12,000) must pass a
chi-square goodness-of-fit test at p > 0.001 (a correct sampler fails one such check for
0.1% of seeds), and each observed share must lie within 4.5 binomial standard errors of its
probability (at most 0.035 with 1,000 samples; a false alarm about once in 150,000 shares).
Swapping p and q, or dropping either, moves the node2vec probabilities checked here by 0.2
or more, which fails both checks by far."""
from dataclasses import replace

import numpy as np
import pytest
from scipy.stats import chisquare

from w2v_desktop.core.items.walks import ItemGraph, WalkOptions, walk_corpus
from w2v_desktop.core.spark import spark_item_graph, spark_walk_corpus
from w2v_desktop.core.text import Corpus
from tests.conftest import run_job

pytestmark = pytest.mark.spark

# A weighted directed graph: node 5 is a dead end, and from 0 -> 1 the next step can return
# (1 -> 0), stay next to 0 (1 -> 2, as 0 -> 2 exists) or move away (1 -> 3).
EDGES = [(0, 1, 3), (0, 2, 1), (1, 0, 2), (1, 2, 1), (1, 3, 3), (2, 1, 1), (2, 3, 2), (2, 4, 1),
         (3, 1, 1), (3, 4, 2), (3, 5, 1), (4, 0, 1), (4, 2, 2)]
SEQUENCES = [[str(a), str(b)] for a, b, w in EDGES for _ in range(w)]


def weighted_graph() -> ItemGraph:
    src, dst, w = (np.array(c) for c in zip(*EDGES))
    return ItemGraph.from_edges([str(i) for i in range(6)], src, dst, w)


def assert_same_corpus(got: Corpus, expected: Corpus) -> None:
    assert got.words == expected.words
    assert got.counts.tolist() == expected.counts.tolist()
    assert np.asarray(got.tokens).tolist() == np.asarray(expected.tokens).tolist()
    assert got.offsets.tolist() == expected.offsets.tolist()


def node_walks(corpus: Corpus, steps: int) -> np.ndarray:
    """The first ``steps`` nodes of every walk at least that long, as node numbers."""
    names = np.array([int(w) for w in corpus.words])
    starts = corpus.offsets[:-1][np.diff(corpus.offsets) >= steps]
    return names[np.asarray(corpus.tokens)[starts[:, None] + np.arange(steps)]]


def check_distribution(observed_next: np.ndarray, expected: dict[int, float]) -> None:
    if len(observed_next) < 200:
        return
    nodes = sorted(expected)
    total = sum(expected.values())
    probs = np.array([expected[n] / total for n in nodes])
    counts = np.array([(observed_next == n).sum() for n in nodes])
    assert counts.sum() == len(observed_next), "a step went along an edge that does not exist"
    standard_errors = np.sqrt(probs * (1 - probs) / counts.sum())
    assert (np.abs(counts / counts.sum() - probs) <= 4.5 * standard_errors).all(), (nodes, counts, probs)
    assert chisquare(counts, probs * counts.sum()).pvalue > 0.001, (nodes, counts, probs)


def test_spark_graph_is_the_local_graph(spark):
    rdd = spark.sparkContext.parallelize(SEQUENCES + [["9", "0", "0", "7"], ["8"]], 3)
    for directed, self_loops in [(True, False), (False, True)]:
        _, graph = run_job(spark_item_graph(spark, rdd, directed, self_loops))
        expected = ItemGraph.from_corpus(Corpus.from_sentences(rdd.collect()), directed, self_loops)
        assert graph.names == expected.names
        for field in ("indptr", "indices", "weights"):
            assert getattr(graph, field).tolist() == getattr(expected, field).tolist()


def test_spark_walks_are_the_local_walks_and_spill(spark, tmp_path):
    graph = weighted_graph()
    options = WalkOptions(method="node2vec", walks_per_node=2000, walk_length=8, p=0.5, q=2.0, seed=3)
    records, corpus = run_job(spark_walk_corpus(spark, graph, options, partitions=3, spill_tokens=1000,
                                                spill_dir=str(tmp_path)))
    assert records and isinstance(corpus.tokens, np.memmap) and list(tmp_path.iterdir()) == []
    assert_same_corpus(corpus, walk_corpus(graph, options))
    lengths = np.diff(corpus.offsets)
    ends = np.asarray(corpus.tokens)[corpus.offsets[1:] - 1]
    assert set(np.array(corpus.words)[ends[lengths < 8]]) == {"5"}  # short walks stop at the dead end
    _, other = run_job(spark_walk_corpus(spark, graph, replace(options, seed=4)))
    assert np.asarray(other.tokens).tolist() != np.asarray(corpus.tokens).tolist()


def test_transition_frequencies_match_deepwalk_and_node2vec(spark):
    graph = weighted_graph()
    out = {a: {} for a in range(6)}
    for a, b, w in EDGES:
        out[a][b] = w
    deep = WalkOptions(method="deepwalk", walks_per_node=3000, walk_length=2, seed=11)
    _, corpus = run_job(spark_walk_corpus(spark, graph, deep, partitions=2))
    walks = node_walks(corpus, 2)
    assert len(walks) == 5 * 3000  # every node with out-edges starts 3000 walks; none is cut short
    for node in range(5):
        check_distribution(walks[walks[:, 0] == node, 1], out[node])

    p, q = 0.25, 4.0
    n2v = WalkOptions(method="node2vec", walks_per_node=4000, walk_length=3, p=p, q=q, seed=12)
    _, corpus = run_job(spark_walk_corpus(spark, graph, n2v, partitions=2))
    walks = node_walks(corpus, 3)
    checked = 0
    for t in range(5):
        for v in out[t]:
            came = walks[(walks[:, 0] == t) & (walks[:, 1] == v), 2]
            bias = {x: w * (1 / p if x == t else 1.0 if x in out[t] else 1 / q) for x, w in out[v].items()}
            if bias:
                check_distribution(came, bias)
                checked += len(came) >= 200
    assert checked >= 8
    # 0 -> 1 -> ?: return 2/p = 8, next to 0 (2) 1, away (3) 3/q = 0.75
    came = walks[(walks[:, 0] == 0) & (walks[:, 1] == 1), 2]
    assert abs((came == 0).mean() - 8 / 9.75) < 0.03
