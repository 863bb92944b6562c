"""Online loss against the loss on a fixed sample of pairs, for a corpus as it is and shuffled.

    python benchmarks/bench_sample_loss.py [--data DIR] [--corpus text/20news.txt] [--threads 2]
           [--configs sg-ns sg-hs]

For each configuration, trains the corpus in file order and with ``shuffle`` (a
new sentence order each epoch) and prints, per epoch, the learning rate at the
epoch end, the online epoch loss (each pair measured as it was trained) and the
loss on the fixed sample of 10,000 training pairs (core/train/probe.py) measured
after the epoch. Also times what the sample costs: drawing it once and scoring
it once per epoch, against the epoch's training time. Not a test: run by hand;
the figures go in the README.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

CONFIGS = {
    "sg-ns": dict(sg=True, hs=False, negative=5),
    "cbow-ns": dict(sg=False, hs=False, negative=5, alpha=0.05),
    "sg-hs": dict(sg=True, hs=True, negative=0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("W2V_DATA", str(Path.home() / ".cache" / "w2v-data")))
    parser.add_argument("--corpus", default="text/20news.txt")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--configs", nargs="+", default=["sg-ns"], choices=list(CONFIGS))
    parser.add_argument("--constant-alpha", action="store_true",
                        help="no learning-rate decay (min_alpha = alpha): is the rise the decay's doing?")
    parser.add_argument("--orders", nargs="+", default=["file", "shuffled"], choices=["file", "shuffled"])
    args = parser.parse_args()

    from w2v_desktop.core.config import TrainConfig
    from w2v_desktop.core.jobs import read_corpus
    from w2v_desktop.core.train import Trainer, trainer as trainer_module

    corpus = read_corpus(str(Path(args.data) / args.corpus))
    print(f"{args.corpus}: {corpus.n_tokens:,} tokens, {corpus.n_sentences:,} sentences; "
          f"{args.threads} threads, {os.cpu_count()} cores", flush=True)
    timings = {"draw": 0.0, "score": 0.0}

    def timed(name, function):
        def wrapper(*a, **k):
            started = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                timings[name] += time.perf_counter() - started
        return wrapper

    trainer_module.Trainer._draw_sample = timed("draw", trainer_module.Trainer._draw_sample)
    trainer_module.Trainer._score_sample = timed("score", trainer_module.Trainer._score_sample)
    for name in args.configs:
        for shuffle in (order == "shuffled" for order in args.orders):
            timings.update(draw=0.0, score=0.0)
            config = TrainConfig(epochs=args.epochs, threads=args.threads, shuffle=shuffle, **CONFIGS[name])
            if args.constant_alpha:
                config = config.replace(min_alpha=config.alpha)
            trainer = Trainer(corpus, config)
            print(f"\n{name}, {'shuffled each epoch' if shuffle else 'file order'}"
                  f"{', constant learning rate' if args.constant_alpha else ''}")
            print("epoch  alpha at end  online loss  fixed-sample loss  words/s")
            started = time.perf_counter()
            for p in trainer.iter_train():
                if p.epoch_done:
                    print(f"{p.epoch + 1:>5}  {p.alpha:12.5f}  {p.epoch_loss:11.4f}  {p.sample_loss:17.4f}  "
                          f"{p.words_per_sec:,.0f}", flush=True)
            wall = time.perf_counter() - started
            print(f"sample: drawn in {timings['draw']:.2f} s, scored {args.epochs}x in {timings['score']:.2f} s "
                  f"({100 * (timings['draw'] + timings['score']) / wall:.1f}% of the run's {wall:.1f} s)")


if __name__ == "__main__":
    main()
