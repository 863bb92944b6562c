"""Top-10 neighbour queries on GloVe 6B 50d (400k x 50): ours vs gensim, exact vs PyNNDescent.

    python benchmarks/bench_query.py [PATH] [--queries 200] [--skip-ann]
        (default PATH: $W2V_DATA/vectors/glove.6B.50d.txt; fetch it with
         ../shared/data/fetch-data --glove "$W2V_DATA")

Loads the file with gensim (so this does not depend on our readers), builds
our Vectors from the same arrays, and prints median single-query times:

* ours exact (an 8-bit scan with error bounds, then exact re-scoring of the
  few rows that can be in the top 10; see w2v_desktop/core/quantized.py) vs
  gensim ``most_similar`` (exact, one float32 product), with the ratio;
* the same queries answered in one batch (``top_k_block``: one scan per query,
  the queries spread over the cores), per query;
* PyNNDescent (index build time, median query time, recall@10 against our
  exact search) vs our exact, with the ratio, for a few search ``epsilon``s.

Both sides run in this process with the same BLAS threads (printed).
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import sys

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from w2v_desktop.core.vectors import ann

from w2v_desktop.core.vectors import similarity  # noqa: E402
from w2v_desktop.core.vectors import Vectors  # noqa: E402

K = 10


def median_ms(run, items) -> float:
    times = []
    for item in items:
        start = time.perf_counter()
        run(item)
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


def blas_threads() -> str:
    try:
        from threadpoolctl import threadpool_info
        return ", ".join(f"{i['internal_api']} x{i['num_threads']}" for i in threadpool_info()
                         if i["user_api"] == "blas") or "unknown"
    except ImportError:
        return "unknown"


def load(path: Path):
    from gensim.models import KeyedVectors
    start = time.perf_counter()
    kv = KeyedVectors.load_word2vec_format(str(path), no_header=True)
    kv.fill_norms()
    vectors = Vectors(kv.index_to_key, kv.vectors)
    vectors.unit  # noqa: B018 - normalise once, outside the timed queries
    print(f"loaded {len(vectors):,} x {vectors.dim} in {time.perf_counter() - start:.1f} s (gensim reader); "
          f"BLAS: {blas_threads()}")
    return kv, vectors


def bench_exact(kv, vectors, names: list[str]) -> float:
    for name in names[:5]:   # warm caches, check agreement
        ours = [n.name for n in similarity.nearest(vectors, name, K)]
        theirs = [w for w, _ in kv.most_similar(name, topn=K)]
        assert ours == theirs, (name, ours, theirs)
    gensim_ms = median_ms(lambda w: kv.most_similar(w, topn=K), names)
    ours_ms = median_ms(lambda w: similarity.nearest(vectors, w, K), names)
    print(f"exact top-{K}, median per query: gensim most_similar {gensim_ms:.2f} ms, "
          f"ours {ours_ms:.2f} ms  -> ratio {gensim_ms / ours_ms:.2f}x")
    rows = np.array([vectors.row(n) for n in names])
    # median of 3 runs: the first also pays for fresh score buffers (page faults)
    batch_ms = median_ms(lambda _: similarity.top_k_block(vectors, rows, K), range(3)) / len(rows)
    print(f"exact top-{K}, {len(rows)} queries in one batch (top_k_block): ours {batch_ms:.2f} ms per query "
          f"-> {gensim_ms / batch_ms:.1f}x gensim's single queries")
    return ours_ms


def bench_ann(vectors, names: list[str], exact_ms: float, recall_queries: int) -> None:
    start = time.perf_counter()
    index = ann.AnnIndex.build(vectors, metric="cosine", seed=0)
    print(f"PyNNDescent index build (incl. first-use Numba compilation): {time.perf_counter() - start:.1f} s")
    for epsilon in (0.05, ann.DEFAULT_EPSILON, 0.2):
        index.query(names[0], K, epsilon=epsilon)
        ann_ms = median_ms(lambda w: index.query(w, K, epsilon=epsilon), names)
        recall = ann.recall_at_k(vectors, index, k=K, n_queries=recall_queries, epsilon=epsilon)
        print(f"ANN epsilon={epsilon}: median {ann_ms:.3f} ms per query, recall@{K} {recall:.4f} "
              f"({recall_queries} queries) -> {exact_ms / ann_ms:.1f}x faster than our exact")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default = Path(os.environ.get("W2V_DATA", ""), "vectors", "glove.6B.50d.txt")
    parser.add_argument("path", nargs="?", default=default)
    parser.add_argument("--queries", type=int, default=200, help="timed queries (random words)")
    parser.add_argument("--recall-queries", type=int, default=1000)
    parser.add_argument("--skip-ann", action="store_true")
    args = parser.parse_args()
    kv, vectors = load(Path(args.path))
    rng = np.random.default_rng(0)
    names = [vectors.names[r] for r in rng.choice(len(vectors), args.queries, replace=False)]
    exact_ms = bench_exact(kv, vectors, names)
    if not args.skip_ann:
        bench_ann(vectors, names, exact_ms, args.recall_queries)


if __name__ == "__main__":
    main()
