"""DeepWalk and node2vec walks over the item graph, generated on Spark's executors.

The graph is the local ``ItemGraph``'s (core.items.walks): an edge a -> b weighted by how
often b directly follows a within a sequence, self-loops dropped unless asked for,
undirected graphs counting each pair both ways, nodes numbered in order of first
appearance. Spark counts the pairs; the driver assembles the same CSR arrays with
``ItemGraph.from_edges``.

Walking: the adjacency (CSR arrays: 8 bytes a node, 12 bytes an edge) is broadcast to the
executors, and each partition runs the local Numba walkers over its share of the start
nodes. Why broadcast rather than joins: a join-based walker needs one shuffle of every live
walk per step (40 for the default length) and node2vec's second-order rule needs the
previous node's neighbour set at each step as well, a second join; with the adjacency at
hand a step is a binary search. Item graphs have one node per item and one edge per
distinct pair of consecutive items, so they fit: ``MAX_BROADCAST_EDGES`` (100 million
edges, about 1.2 GB in each executor's Python worker) is the bound, above which the walker
refuses with a message rather than failing halfway. Graphs beyond it need a join-based
walker, which this module does not have.

Start nodes come from ``start_nodes`` on the driver (the same uniform rounds of
permutations or out-weight draws as locally; 4 bytes a walk, a fortieth of what the walks
bring back). Walks are cut into the local walker's chunks of ``WALKS_PER_CALL`` with the
local per-chunk seeds (seed * 1_000_003 + chunk number), and each partition takes a run of
whole chunks: the walks are those of ``random_walks`` for the same seed, whatever the
number of partitions, and the corpus equals ``walk_corpus``'s.
"""
from __future__ import annotations

from typing import Any, Iterator

import numpy as np

from w2v_desktop.core.items import ItemGraph, WalkOptions, start_nodes, walk_chunk
from w2v_desktop.core.items.walks import WALKS_PER_CALL
from w2v_desktop.core.spark.collect import (Job, collect_id_corpus, first_positions, keep, merge_counts,
                                            order_vocabulary)
from w2v_desktop.core.spark.session import run_spark_job
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase
from w2v_desktop.core.text.corpus import SPILL_TOKENS

MAX_BROADCAST_EDGES = 100_000_000


def sequence_edges(sequences: Iterator[list[str]], index: dict[str, int], self_loops: bool
                   ) -> Iterator[tuple[tuple[int, int], int]]:
    """((a, b), count) of one partition's consecutive pairs, counted in the partition first."""
    counts: dict[tuple[int, int], int] = {}
    for sequence in sequences:
        ids = [index[name] for name in sequence]
        for pair in zip(ids, ids[1:]):
            if self_loops or pair[0] != pair[1]:
                counts[pair] = counts.get(pair, 0) + 1
    return iter(counts.items())


def spark_item_graph(session, sequences, directed: bool = True, self_loops: bool = False,
                     cancel: Any = None) -> Job:
    """Job: the ItemGraph of ``sequences`` (an RDD of lists of item names, or a DataFrame whose
    first column is an array of strings), equal to ``ItemGraph.from_corpus`` of the same
    sequences read in partition order. Returns the graph."""
    rdd = sequences.rdd.map(lambda row: row[0]) if hasattr(sequences, "columns") else sequences
    index = None
    kept = keep(rdd)
    try:
        entries = yield from run_spark_job(
            session, Phrase(QT_TR_NOOP("Item graph: numbering items")),
            lambda: rdd.mapPartitionsWithIndex(first_positions).reduceByKey(merge_counts).collect(), cancel)
        names, _ = order_vocabulary(entries)
        index = session.sparkContext.broadcast({name: i for i, name in enumerate(names)})
        edges = yield from run_spark_job(
            session, Phrase(QT_TR_NOOP("Item graph: counting transitions")),
            lambda: rdd.mapPartitions(lambda part: sequence_edges(part, index.value, self_loops))
            .reduceByKey(lambda a, b: a + b).collect(), cancel)
    finally:
        if index is not None:
            index.unpersist()
        if kept:
            rdd.unpersist()
    pairs = np.array([pair for pair, _ in edges], dtype=np.int64).reshape(-1, 2)
    weights = np.array([count for _, count in edges], dtype=np.float64)
    return ItemGraph.from_edges(names, pairs[:, 0], pairs[:, 1], weights, directed)


def walk_partition(adjacency: tuple[np.ndarray, np.ndarray, np.ndarray], options: WalkOptions,
                   first_chunk: int, starts: np.ndarray) -> Iterator[tuple[bytes, bytes]]:
    """One partition's walks, as (int32 node ids, int64 lengths) byte records, one per chunk.
    ``starts`` are those of chunks ``first_chunk``, ``first_chunk + 1``, ... (WALKS_PER_CALL
    each); walks shorter than two nodes (a start without out-edges) are dropped, as
    ``walk_corpus`` drops them."""
    indptr, indices, cumw = adjacency
    for k, lo in enumerate(range(0, len(starts), WALKS_PER_CALL)):
        chunk_starts = starts[lo:lo + WALKS_PER_CALL]
        walks = np.full((len(chunk_starts), options.walk_length), -1, dtype=np.int32)
        lengths = np.zeros(len(chunk_starts), dtype=np.int32)
        walk_chunk(indptr, indices, cumw, chunk_starts, options, first_chunk + k, walks, lengths)
        keep = lengths >= 2
        walks, lengths = walks[keep], lengths[keep]
        ids = walks[np.arange(walks.shape[1]) < lengths[:, None]]
        yield ids.astype(np.int32).tobytes(), lengths.astype(np.int64).tobytes()


def partition_work(n_starts: int, partitions: int) -> list[tuple[int, int, int]]:
    """(first chunk, first start, end start) of each partition: runs of whole chunks, as even
    as chunks allow, none empty."""
    n_chunks = -(-n_starts // WALKS_PER_CALL)
    parts = max(1, min(partitions, n_chunks))
    bounds = [n_chunks * k // parts for k in range(parts + 1)]
    return [(bounds[k], bounds[k] * WALKS_PER_CALL, min(bounds[k + 1] * WALKS_PER_CALL, n_starts))
            for k in range(parts) if bounds[k + 1] > bounds[k]]


def spark_walk_corpus(session, graph: ItemGraph, options: WalkOptions, partitions: int | None = None,
                      *, spill_tokens: int = SPILL_TOKENS, spill_dir: str | None = None,
                      cancel: Any = None) -> Job:
    """Job: random walks over ``graph`` generated on the executors, returned as a Corpus equal
    to ``walk_corpus(graph, options)`` (each walk a sentence of item names). ``partitions``:
    how many tasks walk (default: the session's default parallelism)."""
    n_edges = len(graph.indices)
    if n_edges > MAX_BROADCAST_EDGES:
        raise ValueError(f"the item graph has {n_edges:,} edges; Spark walks broadcast the graph to "
                         f"every executor and take at most {MAX_BROADCAST_EDGES:,}")
    context = session.sparkContext
    starts = start_nodes(graph, options)
    work = partition_work(len(starts), partitions or context.defaultParallelism)
    adjacency = context.broadcast((graph.indptr, graph.indices, graph.row_cumulative_weights()))
    try:
        tasks = context.parallelize([(chunk, starts[lo:hi]) for chunk, lo, hi in work], max(len(work), 1))
        batches = tasks.flatMap(lambda task: walk_partition(adjacency.value, options, *task))
        return (yield from collect_id_corpus(session, batches, graph.names, f"{options.method} walks",
                                             spill_tokens=spill_tokens, spill_dir=spill_dir, cancel=cancel,
                                             description=Phrase(QT_TR_NOOP("{method} walks"), method=options.method)))
    finally:
        adjacency.unpersist()
