"""Soak: train many epochs on a real corpus while queries run against the vectors, and report
the process's memory over time and every error (issue 13's reliability check).

    python benchmarks/soak.py [--epochs 10] [--corpus $W2V_DATA/text/20news.txt]

What runs, all in one process as in the app:
- the trainer (skip-gram, negative sampling, every core, low priority as in the app) for
  ``--epochs`` epochs over the corpus;
- a query thread that, for the whole run, asks neighbour (cosine, and Euclidean every tenth)
  and analogy queries of random names of the latest vectors: a snapshot taken after each
  epoch (what the app's watch list does), so snapshots are made while training writes;
- a sampler that reads the resident memory (VmRSS) every second.
It prints the RSS at each epoch end, the peak, the growth from the first to the last epoch,
the number of queries and every error (an exception or a non-finite score). Run by hand;
the figures go in README's reliability section.
"""
from __future__ import annotations

import argparse
import math
import os
import random
import sys
import threading
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from w2v_desktop.core.config import TrainConfig  # noqa: E402
from w2v_desktop.core.jobs import read_corpus  # noqa: E402
from w2v_desktop.core.train.trainer import Trainer  # noqa: E402
from w2v_desktop.core.vectors import nearest  # noqa: E402
from w2v_desktop.core.vectors.analogy import analogy  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return math.nan


def main() -> int:
    data = os.environ.get("W2V_DATA", str(Path.home() / ".cache" / "w2v-data"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.path.join(data, "text", "20news.txt"))
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--dim", type=int, default=100)
    args = parser.parse_args()

    t0 = time.perf_counter()
    corpus = read_corpus(args.corpus)
    print(f"corpus {args.corpus}: {corpus.n_tokens:,} tokens, {len(corpus.words):,} distinct "
          f"(read in {time.perf_counter() - t0:.1f} s); RSS {rss_mb():.0f} MB")
    trainer = Trainer(corpus, TrainConfig(dim=args.dim, epochs=args.epochs, min_count=5, seed=1))
    latest = {"vectors": trainer.vectors()}  # untrained at first, as when the app starts a run
    errors: list[str] = []
    queries = [0]
    done = threading.Event()
    samples: list[tuple[float, float]] = []

    def sample() -> None:
        while not done.is_set():
            samples.append((time.perf_counter() - t0, rss_mb()))
            done.wait(1.0)

    def ask() -> None:
        rng = random.Random(0)
        while not done.is_set():
            vectors = latest["vectors"]
            names = vectors.names
            try:
                name = names[rng.randrange(min(len(names), 20_000))]
                metric = "euclidean" if queries[0] % 10 == 9 else "cosine"
                found = nearest(vectors, name, 10, metric=metric)
                a, b, c = (names[rng.randrange(min(len(names), 5_000))] for _ in range(3))
                answers = analogy(vectors, a, b, c, 5) if len({a, b, c}) == 3 else []
                scores = [n.score for n in found] + [getattr(x, "score", 0.0) for x in answers]
                if not all(math.isfinite(s) for s in scores):
                    errors.append(f"non-finite score for {name!r}")
            except Exception:  # noqa: BLE001 - a soak counts every failure
                errors.append(traceback.format_exc(limit=3))
            queries[0] += 1

    def on_epoch(tr, epoch) -> None:
        latest["vectors"] = tr.vectors()
        at_epoch.append((epoch, time.perf_counter() - t0, rss_mb(), queries[0]))

    at_epoch: list[tuple[int, float, float, int]] = []
    threads = [threading.Thread(target=sample, daemon=True), threading.Thread(target=ask, daemon=True)]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    last_loss = math.nan
    try:
        for record in trainer.iter_train(on_epoch=on_epoch, background=True):
            if math.isfinite(record.epoch_loss):
                last_loss = record.epoch_loss
    except Exception:  # noqa: BLE001
        errors.append(traceback.format_exc(limit=5))
    finally:
        done.set()
        for thread in threads:
            thread.join(10)
    took = time.perf_counter() - started

    print(f"\ntrained {args.epochs} epochs in {took:.0f} s while {queries[0]:,} queries ran "
          f"({queries[0] / took:.0f}/s); last epoch's loss {last_loss:.3f}")
    print("epoch  time (s)  RSS (MB)  queries so far")
    for epoch, when, rss, asked in at_epoch:
        print(f"{epoch:5d}  {when:8.0f}  {rss:8.0f}  {asked:14,}")
    rss_values = [r for _, r in samples]
    if at_epoch:
        growth = at_epoch[-1][2] - at_epoch[0][2]
        print(f"RSS: peak {max(rss_values):.0f} MB over {len(samples)} samples; "
              f"epoch 1 to epoch {at_epoch[-1][0]}: {growth:+.0f} MB")
    print(f"errors: {len(errors)}")
    for error in errors[:5]:
        print(error)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
