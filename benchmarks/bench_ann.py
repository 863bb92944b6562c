"""A saved approximate-neighbour index on GloVe 6B 50d (400k x 50): build, save, load, recall, query.

    python benchmarks/bench_ann.py [PATH] [--queries 1000] [--ef 50,100,200] [--pynndescent]
        (default PATH: $W2V_DATA/vectors/glove.6B.50d.txt; fetch it with
         ../shared/data/fetch-data --glove "$W2V_DATA")

What ``w2v-desktop neighbors --ann`` does: builds a Voyager HNSW index (cosine) and saves it
beside a copy of the vectors file through ``core.formats.ann_file`` (atomic, no pickle),
then loads it back as a later call would. Prints the build time, the file's size, the load
time (header checks, freshness, Voyager reading its file), and for each search breadth
``ef`` the recall@10 against exact search over ``--queries`` random rows (the query
excluded) and the median time per query. Exact search (the 8-bit scan,
``similarity.nearest``) is timed on the same queries for comparison. ``--pynndescent``
adds PyNNDescent (what ``--ann`` built on every call before; it cannot be saved
without pickle) built the same way, for its build time, recall and query time.

The machine's load average is printed: on a shared machine the times move with it; the
CPU time of the build and the load is printed too (the build uses every core).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from w2v_desktop.core.formats import load_vectors  # noqa: E402
from w2v_desktop.core.formats import ann_file  # noqa: E402
from w2v_desktop.core.vectors import hnsw, similarity  # noqa: E402

K = 10


def recall(found: np.ndarray, exact: np.ndarray, rows: np.ndarray) -> float:
    hits = 0
    for i, row in enumerate(rows):
        got = [r for r in found[i].tolist() if r != row][:K]
        hits += len(set(got) & set(exact[i].tolist()))
    return hits / exact.size


def per_query_ms(run, rows) -> float:
    times = []
    for row in rows:
        start = time.perf_counter()
        run(row)
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


def main() -> None:
    default = Path(os.environ.get("W2V_DATA", Path.home() / ".cache/w2v-data")) / "vectors/glove.6B.50d.txt"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(default))
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--ef", default="50,100,200", help="search breadths to try (comma-separated)")
    parser.add_argument("--pynndescent", action="store_true", help="also build PyNNDescent (slow)")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.1f}")

    start = time.perf_counter()
    vectors = load_vectors(args.path)
    print(f"read {len(vectors):,} x {vectors.dim} in {time.perf_counter() - start:.1f} s")
    rows = similarity.sample_rows(len(vectors), args.queries, 0)
    exact = similarity.top_k_block(vectors, rows, K)
    exact_ms = per_query_ms(lambda r: similarity.nearest(vectors, vectors.names[r], K, exact=True), rows[:200])
    print(f"exact search (8-bit scan): {exact_ms:.3f} ms per query (median of {min(200, len(rows))})")

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / Path(args.path).name
        shutil.copy2(args.path, source)
        cpu = time.process_time()
        built = hnsw.HnswIndex.build(vectors, "cosine")
        cpu = time.process_time() - cpu
        target = ann_file.index_path_for(source, "cosine")
        start = time.perf_counter()
        ann_file.save_ann_index(built, target, source, vectors)
        saved = time.perf_counter() - start
        print(f"Voyager HNSW (M={hnsw.DEFAULT_M}, ef_construction={hnsw.DEFAULT_EF_CONSTRUCTION}): "
              f"build {built.build_seconds:.1f} s, save {saved:.2f} s, file {target.stat().st_size / 1e6:.0f} MB; "
              f"{cpu:.1f} s of CPU time")
        start, cpu = time.perf_counter(), time.process_time()
        loaded = ann_file.load_ann_index(target, source, vectors, "cosine").index
        print(f"  load {time.perf_counter() - start:.2f} s, {time.process_time() - cpu:.2f} s of CPU time "
              "(header, freshness checks, Voyager reading its file)")
        for ef in (int(x) for x in args.ef.split(",")):
            loaded.ef = ef
            found, _ = loaded.query_rows(vectors.matrix[rows], K + 1)
            ms = per_query_ms(lambda r: loaded.query(vectors.names[r], K), rows)
            print(f"  ef={ef}: recall@{K} {recall(found, exact, rows):.3f}, {ms:.3f} ms per query")

    if args.pynndescent:
        from w2v_desktop.core.vectors import ann

        index = ann.AnnIndex.build(vectors, "cosine")
        found, _ = index.query_rows(vectors.matrix[rows], K + 1)
        ms = per_query_ms(lambda r: index.query(vectors.names[r], K), rows)
        print(f"PyNNDescent (n_neighbors={ann.DEFAULT_NEIGHBORS}): build {index.build_seconds:.1f} s "
              f"(not savable), recall@{K} {recall(found, exact, rows):.3f}, {ms:.3f} ms per query")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
