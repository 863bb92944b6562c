"""Item transition graph and random walks (DeepWalk, node2vec) over it.

The graph has an edge a -> b weighted by how often b directly follows a in
the item sequences (CSR arrays, neighbours sorted). Walks become sentences of
a Corpus for the same trainer as text.

- DeepWalk: the next item is drawn with probability proportional to the edge
  weight (binary search in the row's cumulative weights).
- node2vec: second order. Having come from t to v, a neighbour x of v is drawn
  with probability proportional to w(v, x) * a(t, x), where a = 1/p if x == t,
  1 if there is an edge t -> x, else 1/q (low q explores outwards, DFS-like;
  low p stays local, BFS-like). Sampled exactly by rejection: draw x by
  weight, accept with probability a(t, x) / max(1/p, 1, 1/q).

Kernels are short ``@njit(nogil=True)`` calls over a chunk of start nodes; the
Python driver owns seeding, progress and cancel between chunks.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from numba import njit

from w2v_desktop.core.text import Corpus

METHODS = ("deepwalk", "node2vec")
STARTS = ("uniform", "weighted")
WALKS_PER_CALL = 4096


@dataclass
class ItemGraph:
    names: list[str]  # node id -> item id
    indptr: np.ndarray  # int64, len n_nodes + 1
    indices: np.ndarray  # int32 targets, sorted within each row
    weights: np.ndarray  # float64 edge weights (transition counts)

    @property
    def n_nodes(self) -> int:
        return len(self.names)

    def out_weight(self) -> np.ndarray:
        return np.bincount(self._edge_rows(), weights=self.weights, minlength=self.n_nodes)

    def _edge_rows(self) -> np.ndarray:
        return np.repeat(np.arange(self.n_nodes), np.diff(self.indptr))

    def neighbours(self, node: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.indptr[node], self.indptr[node + 1]
        return self.indices[lo:hi], self.weights[lo:hi]

    def row_cumulative_weights(self) -> np.ndarray:
        """Cumulative weights restarting at each row (what the samplers search)."""
        total = np.cumsum(self.weights)
        before_row = np.concatenate(([0.0], total))[self.indptr[:-1]]
        return total - before_row[self._edge_rows()]

    @classmethod
    def from_corpus(cls, corpus: Corpus, directed: bool = True, self_loops: bool = False) -> "ItemGraph":
        """Edges between consecutive tokens of each sentence (never across sentences)."""
        tokens = np.asarray(corpus.tokens)
        follows = np.ones(max(len(tokens) - 1, 0), dtype=bool)
        inner_starts = np.asarray(corpus.offsets[1:-1])
        follows[inner_starts[(inner_starts > 0) & (inner_starts < len(tokens))] - 1] = False
        src, dst = tokens[:-1][follows], tokens[1:][follows]
        if not self_loops:
            src, dst = src[src != dst], dst[src != dst]
        return cls.from_edges(list(corpus.words), src, dst, np.ones(len(src)), directed)

    @classmethod
    def from_edges(cls, names: list[str], src: np.ndarray, dst: np.ndarray, weights: np.ndarray,
                   directed: bool = True) -> "ItemGraph":
        """The graph of weighted edges src -> dst (repeated pairs add up; undirected: each edge
        also counts the other way). Shared by ``from_corpus`` and the Spark builder, which
        counts the pairs on the executors."""
        n = len(names)
        matrix = sp.coo_matrix((np.asarray(weights, np.float64), (src, dst)), shape=(n, n)).tocsr()
        if not directed:
            matrix = (matrix + matrix.T).tocsr()
        matrix.sum_duplicates()
        matrix.sort_indices()
        return cls(list(names), matrix.indptr.astype(np.int64), matrix.indices.astype(np.int32),
                   matrix.data.astype(np.float64))


@dataclass(frozen=True)
class WalkOptions:
    method: str = "deepwalk"
    walks_per_node: int = 10
    walk_length: int = 40
    p: float = 1.0  # node2vec return parameter
    q: float = 1.0  # node2vec in-out parameter
    start: str = "uniform"  # "uniform": every node walks_per_node times; "weighted": by out-weight
    seed: int = 1

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {METHODS} (got {self.method!r})")
        if self.start not in STARTS:
            raise ValueError(f"start must be one of {STARTS} (got {self.start!r})")
        if self.walks_per_node < 1 or self.walk_length < 2:
            raise ValueError("walks_per_node must be >= 1 and walk_length >= 2")
        if self.p <= 0 or self.q <= 0:
            raise ValueError(f"p and q must be positive (got p={self.p}, q={self.q})")


def start_nodes(graph: ItemGraph, options: WalkOptions) -> np.ndarray:
    rng = np.random.default_rng(options.seed)
    out_weight = graph.out_weight()
    active = np.flatnonzero(out_weight > 0)
    if options.start == "uniform":
        rounds = [rng.permutation(active) for _ in range(options.walks_per_node)]
        return np.concatenate(rounds).astype(np.int32) if rounds else np.zeros(0, np.int32)
    n = len(active) * options.walks_per_node
    return rng.choice(graph.n_nodes, size=n, p=out_weight / out_weight.sum()).astype(np.int32)


def random_walks(graph: ItemGraph, options: WalkOptions, state=None) -> tuple[np.ndarray, np.ndarray]:
    """(walks (n, walk_length) int32 padded with -1, lengths). ``state``: optional object with
    ``set_progress(fraction)`` and ``is_interruption_requested()`` (checked between chunks)."""
    starts = start_nodes(graph, options)
    cumw = graph.row_cumulative_weights()
    walks = np.full((len(starts), options.walk_length), -1, dtype=np.int32)
    lengths = np.zeros(len(starts), dtype=np.int32)
    for chunk, lo in enumerate(range(0, len(starts), WALKS_PER_CALL)):
        if state is not None and state.is_interruption_requested():
            raise InterruptedError("walk generation cancelled")
        hi = min(lo + WALKS_PER_CALL, len(starts))
        walk_chunk(graph.indptr, graph.indices, cumw, starts[lo:hi], options, chunk, walks[lo:hi], lengths[lo:hi])
        if state is not None:
            state.set_progress(hi / len(starts))
    return walks, lengths


def walk_chunk(indptr: np.ndarray, indices: np.ndarray, cumw: np.ndarray, starts: np.ndarray,
               options: WalkOptions, chunk: int, walks: np.ndarray, lengths: np.ndarray) -> None:
    """Fill ``walks``/``lengths`` for the starts of chunk number ``chunk`` (at most WALKS_PER_CALL).
    Each chunk has its own random stream (seed * 1_000_003 + chunk), so the walks depend on the seed
    alone, not on timing, threads or how chunks are split among Spark partitions."""
    seed = options.seed * 1_000_003 + chunk
    if options.method == "deepwalk":
        walk_deepwalk(indptr, indices, cumw, starts, seed, walks, lengths)
    else:
        walk_node2vec(indptr, indices, cumw, starts, 1.0 / options.p, 1.0 / options.q, seed, walks, lengths)


def walk_corpus(graph: ItemGraph, options: WalkOptions, state=None) -> Corpus:
    """Random walks as a Corpus: each walk is a sentence of item ids."""
    walks, lengths = random_walks(graph, options, state)
    keep = lengths >= 2
    walks, lengths = walks[keep], lengths[keep]
    nodes = walks[np.arange(walks.shape[1]) < lengths[:, None]]
    present, first_seen = np.unique(nodes, return_index=True)
    present = present[np.argsort(first_seen, kind="stable")]
    to_token = np.full(graph.n_nodes, -1, dtype=np.int32)
    to_token[present] = np.arange(len(present), dtype=np.int32)
    tokens = to_token[nodes]
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    words = [graph.names[i] for i in present.tolist()]
    counts = np.bincount(tokens, minlength=len(words)).astype(np.int64)
    return Corpus(words, counts, tokens, offsets, f"{options.method} walks")


# -- kernels ------------------------------------------------------------------
@njit(nogil=True, cache=True)
def sample_edge(indptr, cumw, node):
    """Index of an out-edge of ``node`` drawn by weight; -1 when it has none."""
    lo, hi = indptr[node], indptr[node + 1]
    if lo == hi:
        return -1
    r = np.random.random() * cumw[hi - 1]
    while lo < hi - 1:  # first edge whose cumulative weight exceeds r
        mid = (lo + hi - 1) // 2
        if cumw[mid] > r:
            hi = mid + 1
        else:
            lo = mid + 1
    return lo


@njit(nogil=True, cache=True)
def has_edge(indptr, indices, a, b):
    lo, hi = indptr[a], indptr[a + 1]
    while lo < hi:
        mid = (lo + hi) // 2
        if indices[mid] < b:
            lo = mid + 1
        else:
            hi = mid
    return lo < indptr[a + 1] and indices[lo] == b


@njit(nogil=True, cache=True)
def walk_deepwalk(indptr, indices, cumw, starts, seed, walks, lengths):
    np.random.seed(seed)
    for w in range(starts.shape[0]):
        node = starts[w]
        walks[w, 0] = node
        n = 1
        while n < walks.shape[1]:
            edge = sample_edge(indptr, cumw, node)
            if edge < 0:
                break
            node = indices[edge]
            walks[w, n] = node
            n += 1
        lengths[w] = n


@njit(nogil=True, cache=True)
def walk_node2vec(indptr, indices, cumw, starts, inv_p, inv_q, seed, walks, lengths):
    np.random.seed(seed)
    top = max(inv_p, 1.0, inv_q)
    for w in range(starts.shape[0]):
        prev = starts[w]
        walks[w, 0] = prev
        n = 1
        edge = sample_edge(indptr, cumw, prev)  # the first step has no history
        if edge >= 0:
            node = indices[edge]
            walks[w, 1] = node
            n = 2
            while n < walks.shape[1]:
                edge = sample_edge(indptr, cumw, node)
                if edge < 0:
                    break
                while True:
                    x = indices[edge]
                    if x == prev:
                        bias = inv_p
                    elif has_edge(indptr, indices, prev, x):
                        bias = 1.0
                    else:
                        bias = inv_q
                    if np.random.random() * top < bias:
                        break
                    edge = sample_edge(indptr, cumw, node)
                prev, node = node, x
                walks[w, n] = node
                n += 1
        lengths[w] = n
