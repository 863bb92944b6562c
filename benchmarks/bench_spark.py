"""Spark against the desktop path: rating logs to sequences, and MLlib's Word2Vec against ours.

    python benchmarks/bench_spark.py [--rows 20000000] [--master local[2]] [--epochs 1]
                                     [--skip-ratings] [--skip-train]

1. A generated MovieLens-shaped log (``bench_recs.write_big_csv``: ~162k users, ~59k
   items, half-star ratings, timestamps) becomes item sequences twice, each in a
   fresh process: through Spark (``--master``) and through the local pyarrow path.
   Time from start to a Corpus in our process, and the peak resident memory of
   our process (the Spark JVM's own memory is its own: on a cluster it is not on
   the desktop). Both must give the same report.
2. 20 Newsgroups (``$W2V_DATA/text/20news.txt``): MLlib's Word2Vec (skip-gram with
   hierarchical softmax, the only kind it has) at numPartitions 1 and 2 against our
   engine with the same options (sg, hs, no negative sampling, no subsampling: MLlib
   has none) and 1 and 2 threads. Words/s = corpus tokens x epochs / training
   seconds (reading excluded for both); quality by our evaluators: Google analogies
   over the 30,000 most frequent words, WordSim353 Spearman. MLlib cuts sentences
   at maxSentenceLength 1000 tokens; ours trains them whole.
Not a test: run by hand; the figures go in the README.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHILD_SEQUENCES = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
from w2v_desktop.core.jobs.ratings import SparkEngine, read_rating_data
engine = SparkEngine(master={master!r}) if {master!r} else None
data = read_rating_data({path!r}, spark=engine)
elapsed = time.perf_counter() - start
print(json.dumps(dict(seconds=elapsed, peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      sequences=data.corpus.n_sentences, tokens=data.corpus.n_tokens,
                      report=data.report.lines())))
"""


def child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"a measured process failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def ratings(rows: int, master: str) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_recs import write_big_csv

    with tempfile.TemporaryDirectory(prefix="w2v-bench-spark-") as tmp:
        path = Path(tmp) / "ratings.csv"
        started = time.perf_counter()
        write_big_csv(path, rows)
        print(f"wrote {rows:,} rows ({path.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s")
        spark = child(CHILD_SEQUENCES.format(root=str(ROOT), path=str(path), master=master))
        local = child(CHILD_SEQUENCES.format(root=str(ROOT), path=str(path), master=""))
    same = spark["report"] == local["report"]
    for name, r in (("Spark " + master, spark), ("local pyarrow", local)):
        print(f"  {name:<16} {r['seconds']:7.1f} s  peak {r['peak_mb']:7,.0f} MB  "
              f"{r['sequences']:,} sequences, {r['tokens']:,} tokens")
    print(f"  Spark / local: {spark['seconds'] / local['seconds']:.2f}x the time, "
          f"{spark['peak_mb'] / local['peak_mb']:.2f}x the memory of our process; same report: {same}")
    for line in local["report"]:
        print("    " + line)
    if not same:
        print("  Spark's report:", *spark["report"], sep="\n    ")


def train(master: str, epochs: int, data: Path) -> None:
    import numpy as np

    from w2v_desktop.core.analysis.intrinsic import evaluate_analogies, evaluate_pairs
    from w2v_desktop.core.cancel import run_to_end
    from w2v_desktop.core.config import TrainConfig
    from w2v_desktop.core.jobs import read_corpus
    from w2v_desktop.core.spark import spark_session, train_mllib
    from w2v_desktop.core.train import Trainer

    corpus_path = data / "text" / "20news.txt"
    config = TrainConfig(sg=True, hs=True, negative=0, sample=0, dim=100, window=5, min_count=5,
                         epochs=epochs, seed=1)
    corpus = read_corpus(str(corpus_path))
    tokens = corpus.n_tokens
    print(f"corpus {corpus_path.name}: {tokens:,} tokens, {corpus.n_sentences:,} documents; "
          f"sg + hs, d=100, window 5, min_count 5, no subsampling, {epochs} epoch(s)")

    def quality(vectors) -> str:
        analogy = evaluate_analogies(vectors, data / "eval" / "questions-words.txt")
        pairs = evaluate_pairs(vectors, data / "eval" / "wordsim353.tsv")
        return f"analogy {analogy.accuracy:.3f}  ws353 {pairs.spearman:.3f}"

    for threads in (1, 2):
        trainer = Trainer(corpus, config.replace(threads=threads))
        run_to_end(trainer.iter_train())  # compiles the kernels on a first run; timed again below
        trainer = Trainer(corpus, config.replace(threads=threads))
        started = time.perf_counter()
        run_to_end(trainer.iter_train())
        seconds = time.perf_counter() - started
        print(f"  ours  threads={threads}      {tokens * epochs / seconds:12,.0f} words/s  {quality(trainer.vectors())}")

    session = spark_session(master)
    sentences = session.read.text(str(corpus_path)).selectExpr("split(trim(value), '\\\\s+') AS words").cache()
    sentences.count()
    counts = dict(zip(corpus.words, np.asarray(corpus.counts).tolist()))
    for partitions in (1, 2):
        started = time.perf_counter()
        vectors = run_to_end(train_mllib(session, sentences, config, partitions=partitions, column="words",
                                         counts=counts))
        seconds = time.perf_counter() - started
        print(f"  MLlib partitions={partitions}  {tokens * epochs / seconds:12,.0f} words/s  {quality(vectors)}")
    session.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=20_000_000)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("W2V_DATA", "~/.cache/w2v-data")).expanduser())
    ap.add_argument("--skip-ratings", action="store_true")
    ap.add_argument("--skip-train", action="store_true")
    args = ap.parse_args()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    if not args.skip_ratings:
        ratings(args.rows, args.master)
    if not args.skip_train:
        train(args.master, args.epochs, args.data)


if __name__ == "__main__":
    main()
