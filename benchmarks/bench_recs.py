"""Interaction data: recommendation quality on MovieLens-100k, and reading speed at 20M rows.

    python benchmarks/bench_recs.py [--data DIR] [--rows 20000000] [--skip-big] [--skip-quality]

1. MovieLens-100k ($W2V_DATA/ratings): checks that ``ml-100k/u.data`` and
   ``ml-100k-csv/ratings.csv`` give identical sequences, then prints the
   leave-last-out table for item2vec, DeepWalk, gensim's word2vec on the same
   sequences (the reference implementation, when gensim is installed) and the
   most-popular / random baselines; then the share of each item's top-10
   neighbours sharing a genre with it, against the same share for random items.
2. A generated MovieLens-25M-like CSV (``--rows`` rows, in a temp folder) is
   turned into sequences in a fresh subprocess, which reports its wall time and
   peak RSS; a bare ``pyarrow.csv.read_csv`` of the same file, in its own
   subprocess, is the reference.
Not a test: run by hand; the figures go in the README.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# item2vec settings used for the table: ITEM_DEFAULTS with milder subsampling and a
# session-sized window (1e-4 subsampling discards most events of a 55k-event corpus).
TABLE_CONFIG = dict(sample=1e-3, window=5, seed=1)


def quality(data: Path) -> None:
    import numpy as np

    from w2v_desktop.core.config import ITEM_DEFAULTS, TrainConfig
    from w2v_desktop.core.items import read_items, read_ratings
    from w2v_desktop.core.analysis import EvalOptions, evaluate_recs, genre_coherence
    from w2v_desktop.core.jobs import read_rating_data

    a = read_rating_data(data / "ml-100k" / "u.data").corpus
    b = read_rating_data(data / "ml-100k-csv" / "ratings.csv").corpus
    same = (a.words == b.words and np.array_equal(a.tokens, b.tokens) and np.array_equal(a.offsets, b.offsets))
    print(f"ml-100k/u.data vs ml-100k-csv/ratings.csv: {a.n_sentences} sequences, {a.n_tokens:,} events; "
          f"identical sequences: {same}")

    events = read_ratings(data / "ml-100k" / "u.data")
    items = read_items(data / "ml-100k" / "u.item")
    config = TrainConfig(**ITEM_DEFAULTS).replace(**TABLE_CONFIG)
    print(f"training config: {config}")
    started = time.perf_counter()
    result = evaluate_recs(events, EvalOptions(train=config, methods=("item2vec", "deepwalk")))
    print(f"(evaluation with 2 trained models: {time.perf_counter() - started:.1f} s)")
    reference = gensim_rows(events, config)
    if reference is not None:
        result.rows += reference.rows
        result.vectors.update(reference.vectors)
    print(result.table())
    i2v = result.row("item2vec", "next item", "cosine").hit_rate
    pop = result.row("most-popular", "baseline").hit_rate
    print(f"next-item HitRate@10, item2vec (cosine) / most-popular: {i2v:.4f} / {pop:.4f} = {i2v / pop:.2f}x")
    print("share of top-10 neighbours sharing a genre with the item (vs 10 random items):")
    for method, vectors in result.vectors.items():
        near, chance = genre_coherence(vectors, items, k=10, seed=0)
        print(f"  {method:<14} {near:.3f} vs random {chance:.3f} ({near / chance:.2f}x)")


def gensim_rows(events, config):
    """The same evaluation with gensim's Word2Vec as the trainer (reference)."""
    try:
        from gensim.models import Word2Vec
    except ImportError:
        print("gensim not installed: no reference rows")
        return None
    from w2v_desktop.core.analysis import EvalOptions, ItemModel, evaluate_recs
    from w2v_desktop.core.vectors import Vectors

    def fit(corpus, cfg):
        model = Word2Vec([corpus.sentence(i) for i in range(corpus.n_sentences)], vector_size=cfg.dim,
                         window=cfg.window, min_count=cfg.min_count, sample=cfg.sample, sg=1,
                         negative=cfg.negative, ns_exponent=cfg.ns_exponent, epochs=cfg.epochs,
                         seed=cfg.seed, workers=2)
        names = list(model.wv.index_to_key)
        return ItemModel(Vectors(names, model.wv.vectors), Vectors(names, model.syn1neg))

    result = evaluate_recs(events, EvalOptions(train=config, methods=("item2vec",)), fit=fit)
    rows = [r for r in result.rows if r.method == "item2vec"]
    for r in rows:
        r.method = "gensim-i2v"
    result.rows = rows
    result.vectors = {"gensim-i2v": result.vectors["item2vec"]}
    return result


def write_big_csv(path: Path, rows: int) -> None:
    """MovieLens-25M-like: ~162k users, ~59k items with Zipf popularity, half-star ratings,
    timestamps from 1995 to 2019 (9 and 10 digits), sorted by user like the real file."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    rng = np.random.default_rng(0)
    per_user = rng.lognormal(4.3, 1.0, size=162_000)
    per_user = np.maximum(1, np.round(per_user / per_user.sum() * rows)).astype(np.int64)
    per_user[-1] += rows - per_user.sum()
    users = np.repeat(np.arange(1, len(per_user) + 1), per_user)[:rows]
    popularity = 1.0 / np.arange(1, 59_048) ** 0.9
    items = rng.choice(np.arange(1, 59_048), size=rows, p=popularity / popularity.sum())
    ratings = rng.integers(1, 11, size=rows) / 2
    times = rng.integers(789_652_009, 1_574_327_703, size=rows)
    table = pa.table({"userId": users, "movieId": items, "rating": ratings, "timestamp": times})
    pacsv.write_csv(table, path, write_options=pacsv.WriteOptions(quoting_style="none"))


CHILD_OURS = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
from w2v_desktop.core.jobs.ratings import read_rating_data
data = read_rating_data({path!r})
corpus, report = data.corpus, data.report
elapsed = time.perf_counter() - start
print(json.dumps(dict(seconds=elapsed, peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      events=report.events_in, sequences=corpus.n_sentences, tokens=corpus.n_tokens,
                      report=report.lines())))
"""
CHILD_ARROW = """
import json, resource, time
start = time.perf_counter()
import pyarrow.csv as c
table = c.read_csv({path!r})
print(json.dumps(dict(seconds=time.perf_counter() - start, rows=table.num_rows,
                      peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
"""


def big(rows: int) -> None:
    with tempfile.TemporaryDirectory(prefix="w2v-bench-recs-") as tmp:
        path = Path(tmp) / "ratings.csv"
        started = time.perf_counter()
        write_big_csv(path, rows)
        print(f"\nwrote {rows:,} rows ({path.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s; "
              f"{os.cpu_count()} CPU cores")
        ours = child(CHILD_OURS.format(root=str(ROOT), path=str(path)))
        arrow = child(CHILD_ARROW.format(path=str(path)))
    for line in ours["report"]:
        print("  " + line)
    print(f"ratings -> sequences: {ours['seconds']:.1f} s, peak RSS {ours['peak_mb']:,.0f} MB "
          f"({ours['sequences']:,} sequences, {ours['tokens']:,} tokens)")
    print(f"reference, pyarrow.csv.read_csv alone (multi-threaded, all columns): {arrow['seconds']:.1f} s, "
          f"peak RSS {arrow['peak_mb']:,.0f} MB")
    print(f"ratio: {ours['seconds'] / arrow['seconds']:.2f}x the time, "
          f"{ours['peak_mb'] / arrow['peak_mb']:.2f}x the memory of a bare pyarrow read")
    print(f"targets: under 30 s -> {'met' if ours['seconds'] < 30 else 'MISSED'}; "
          f"under 3 GB -> {'met' if ours['peak_mb'] < 3072 else 'MISSED'}")


def child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(os.environ.get("W2V_DATA", ""), "ratings"))
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    if not args.skip_quality:
        data = Path(args.data)
        if not (data / "ml-100k" / "u.data").exists():
            sys.exit(f"{data}/ml-100k/u.data not found: set W2V_DATA or --data")
        quality(data)
    if not args.skip_big:
        big(args.rows)


if __name__ == "__main__":
    main()
