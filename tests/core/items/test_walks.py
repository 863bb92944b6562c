"""Item graph and random walks: structure, and sampling that matches the model."""
import numpy as np
import pytest
from scipy.stats import chisquare

from w2v_desktop.core.text.corpus import Corpus
from w2v_desktop.core.items.walks import ItemGraph, WalkOptions, random_walks, start_nodes, walk_corpus


def graph_from_edges(n, edges):
    """edges: (a, b, weight) on nodes named "0".."n-1"."""
    sentences = []
    for a, b, w in edges:
        sentences += [[str(a), str(b)]] * w
    corpus = Corpus.from_sentences([[str(i)] for i in range(n)] + sentences)
    return ItemGraph.from_corpus(corpus)


def test_graph_counts_consecutive_pairs_within_sentences():
    corpus = Corpus.from_sentences([["a", "b", "c", "b"], ["c", "a", "a", "b"]])
    graph = ItemGraph.from_corpus(corpus)
    edges = {(graph.names[a], graph.names[b]): w for a in range(graph.n_nodes)
             for b, w in zip(*graph.neighbours(a))}
    # b->c (end of sentence 1) never links to c (start of sentence 2); the self-loop a->a is dropped
    assert edges == {("a", "b"): 2.0, ("b", "c"): 1.0, ("c", "b"): 1.0, ("c", "a"): 1.0}
    undirected = ItemGraph.from_corpus(corpus, directed=False, self_loops=True)
    a = undirected.names.index("a")
    assert dict(zip([undirected.names[i] for i in undirected.neighbours(a)[0]],
                    undirected.neighbours(a)[1])) == {"a": 2.0, "b": 2.0, "c": 1.0}
    assert graph.out_weight().tolist() == [2.0, 1.0, 2.0]


def transitions(walks, lengths, step, n, condition=None):
    """Counts of the node at ``step`` (given the walk reached it), optionally conditioned."""
    ok = lengths > step
    if condition is not None:
        ok &= condition
    return np.bincount(walks[ok, step], minlength=n)


def test_deepwalk_transitions_follow_edge_weights():
    graph = graph_from_edges(5, [(0, 1, 1), (0, 2, 3), (0, 3, 6), (0, 4, 10), (1, 0, 1), (2, 0, 1),
                                 (3, 0, 1), (4, 0, 1)])
    walks, lengths = random_walks(graph, WalkOptions(walks_per_node=4000, walk_length=3, seed=7))
    from_zero = walks[:, 0] == 0
    counts = transitions(walks, lengths, 1, 5, from_zero)[1:]
    expected = np.array([1, 3, 6, 10]) / 20 * counts.sum()
    assert chisquare(counts, expected).pvalue > 1e-3
    # two steps: 0 -> x -> 0 always (every x only links back)
    assert np.all(walks[from_zero, 2] == 0)


def node2vec_expected(graph, prev, node, p, q):
    targets, weights = graph.neighbours(node)
    prev_out = set(graph.neighbours(prev)[0].tolist())
    bias = np.array([1 / p if x == prev else 1.0 if x in prev_out else 1 / q for x in targets])
    probs = weights * bias
    return targets, probs / probs.sum()


@pytest.mark.parametrize("p, q", [(0.25, 4.0), (4.0, 0.25), (1.0, 1.0)])
def test_node2vec_second_order_probabilities(p, q):
    # 0 -> 1, and from 1: back to 0, to 2 (also a neighbour of 0) or to 3/4 (two steps from 0)
    graph = graph_from_edges(5, [(0, 1, 3), (0, 2, 1), (1, 0, 2), (1, 2, 3), (1, 3, 1), (1, 4, 4),
                                 (2, 0, 1), (3, 0, 1), (4, 0, 1)])
    options = WalkOptions(method="node2vec", walks_per_node=6000, walk_length=3, p=p, q=q, seed=3)
    walks, lengths = random_walks(graph, options)
    came = (walks[:, 0] == 0) & (walks[:, 1] == 1)
    counts = transitions(walks, lengths, 2, 5, came)
    targets, probs = node2vec_expected(graph, 0, 1, p, q)
    assert chisquare(counts[targets], probs * counts[targets].sum()).pvalue > 1e-3
    first_order = graph.neighbours(1)[1] / graph.neighbours(1)[1].sum()
    if (p, q) != (1.0, 1.0):  # the check can fail: first-order sampling would not pass it
        assert chisquare(counts[targets], first_order * counts[targets].sum()).pvalue < 1e-6


def test_walks_stop_at_dead_ends_and_are_reproducible():
    graph = graph_from_edges(3, [(0, 1, 1), (1, 2, 1)])  # 2 has no way out
    options = WalkOptions(walks_per_node=3, walk_length=6, seed=5)
    walks, lengths = random_walks(graph, options)
    assert sorted(lengths.tolist()) == [2, 2, 2, 3, 3, 3]
    assert np.all(walks[np.arange(6) >= lengths[:, None]] == -1)
    again = walk_corpus(graph, options)
    assert np.array_equal(walk_corpus(graph, options).tokens, again.tokens)
    assert again.n_sentences == 6 and sorted(again.words) == ["0", "1", "2"]
    other = walk_corpus(graph, WalkOptions(method="node2vec", walks_per_node=3, walk_length=6, seed=5))
    assert other.n_tokens == again.n_tokens  # a chain has one path whatever p and q


def test_start_nodes_uniform_and_weighted():
    graph = graph_from_edges(4, [(0, 1, 9), (1, 0, 1), (2, 0, 0)])  # node 2 and 3 have no out-edges
    uniform = start_nodes(graph, WalkOptions(walks_per_node=5, seed=1))
    assert sorted(uniform.tolist()) == [0] * 5 + [1] * 5
    weighted = start_nodes(graph, WalkOptions(walks_per_node=5000, start="weighted", seed=1))
    share = np.mean(weighted == 0)
    assert abs(share - 0.9) < 0.02 and set(weighted.tolist()) == {0, 1}


def test_walk_options_are_validated():
    with pytest.raises(ValueError, match="method"):
        WalkOptions(method="line")
    with pytest.raises(ValueError, match="p and q"):
        WalkOptions(p=0)
