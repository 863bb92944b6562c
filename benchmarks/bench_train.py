"""Training speed, quality and memory: w2v-desktop vs gensim on the same corpus.

    python benchmarks/bench_train.py [--data DIR] [--threads 1 2] [--configs sg-ns cbow-ns sg-hs]

Each (implementation, configuration, threads) run happens in a fresh
subprocess, so its peak resident memory is its own. Speed is corpus tokens x
epochs / seconds spent in training (vocabulary building excluded), the same
numerator for both. gensim reads the file with its fastest path
(``corpus_file=``). Quality is judged by gensim's own evaluators for both
models: Google analogies restricted to the 30,000 most frequent words, and
WordSim353 Spearman. Not a test: run by hand; the figures go in the README.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

CONFIGS = {
    "sg-ns": dict(sg=1, hs=0, negative=5),
    "cbow-ns": dict(sg=0, hs=0, negative=5),
    "sg-hs": dict(sg=1, hs=1, negative=0),
}
COMMON = dict(dim=100, window=5, min_count=5, sample=1e-3, epochs=5)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_ours(corpus_path: str, cfg: dict, threads: int):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from w2v_desktop.core.config import TrainConfig
    from w2v_desktop.core.jobs import read_corpus
    from w2v_desktop.core.train import Trainer

    corpus = read_corpus(corpus_path)
    config = TrainConfig(sg=bool(cfg["sg"]), hs=bool(cfg["hs"]), negative=cfg["negative"], dim=COMMON["dim"],
                         window=COMMON["window"], min_count=COMMON["min_count"], sample=COMMON["sample"],
                         epochs=COMMON["epochs"], threads=threads, seed=1)
    trainer = Trainer(corpus, config)
    n_tokens = corpus.n_tokens
    del corpus  # the trainer keeps only the compact id array
    from w2v_desktop.core.train import kernels
    kernels.warm_up()  # compile outside the timed region (cached after the first run anyway)
    t0 = time.perf_counter()
    trainer.train()
    seconds = time.perf_counter() - t0
    vectors = trainer.vectors()
    return n_tokens, seconds, vectors.names, vectors.matrix


def run_gensim(corpus_path: str, cfg: dict, threads: int):
    from gensim.models import Word2Vec

    model = Word2Vec(vector_size=COMMON["dim"], window=COMMON["window"], min_count=COMMON["min_count"],
                     sample=COMMON["sample"], epochs=COMMON["epochs"], sg=cfg["sg"], hs=cfg["hs"],
                     negative=cfg["negative"], workers=threads, seed=1)
    model.build_vocab(corpus_file=corpus_path)
    t0 = time.perf_counter()
    model.train(corpus_file=corpus_path, total_words=model.corpus_total_words, epochs=COMMON["epochs"])
    seconds = time.perf_counter() - t0
    return model.corpus_total_words, seconds, list(model.wv.index_to_key), model.wv.vectors


def evaluate(names, matrix, data: Path) -> tuple[float, float]:
    import logging

    from gensim.models import KeyedVectors

    logging.getLogger("gensim").setLevel(logging.ERROR)
    kv = KeyedVectors(matrix.shape[1])
    kv.add_vectors(names, matrix)
    acc, _ = kv.evaluate_word_analogies(str(data / "eval" / "questions-words.txt"), restrict_vocab=30000,
                                        case_insensitive=True)
    pearson, spearman, _ = kv.evaluate_word_pairs(str(data / "eval" / "wordsim353.tsv"))
    return float(acc), float(spearman[0])


def baseline(impl: str) -> None:
    """Peak memory of the libraries alone: imported and ready, before any data."""
    if impl == "ours":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from w2v_desktop.core.train import kernels
        from w2v_desktop.core.train import Trainer  # noqa: F401

        kernels.warm_up()  # loads the compiled kernels from Numba's cache
    else:
        from gensim.models import Word2Vec  # noqa: F401
    print(json.dumps(dict(peak_mb=peak_rss_mb())))


def worker(args) -> None:
    if args.config == "baseline":
        return baseline(args.impl)
    cfg = CONFIGS[args.config]
    fn = run_ours if args.impl == "ours" else run_gensim
    tokens, seconds, names, matrix = fn(str(args.corpus), cfg, args.threads)
    peak = peak_rss_mb()
    acc, spearman = evaluate(names, matrix, args.data)
    print(json.dumps(dict(tokens=tokens, seconds=seconds, words_per_sec=tokens * COMMON["epochs"] / seconds,
                          peak_mb=peak, analogy=acc, spearman=spearman, vocab=len(names))))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("W2V_DATA", "~/.cache/w2v-data")).expanduser())
    ap.add_argument("--corpus", type=Path, default=None, help="default: DATA/text/20news.txt")
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--configs", nargs="+", default=list(CONFIGS), choices=list(CONFIGS))
    ap.add_argument("--worker", nargs=3, metavar=("IMPL", "CONFIG", "THREADS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.corpus = args.corpus or args.data / "text" / "20news.txt"
    if args.worker:
        args.impl, args.config, threads = args.worker
        args.threads = int(threads)
        return worker(args)

    import gensim
    print(f"machine: {machine()}; gensim {gensim.__version__}")
    print(f"corpus: {args.corpus}; d={COMMON['dim']} window={COMMON['window']} min_count={COMMON['min_count']} "
          f"sample={COMMON['sample']} epochs={COMMON['epochs']}, negative 5 for NS")
    header = (f"{'config':8} {'thr':>3} | {'ours w/s':>10} {'gensim w/s':>10} {'ratio':>6} | "
              f"{'analogy ours':>12} {'gensim':>7} | {'ws353 ours':>10} {'gensim':>7} | "
              f"{'peak MB ours':>12} {'gensim':>7}")
    print(header)
    print("-" * len(header))
    for config in args.configs:
        for threads in args.threads:
            res = {}
            for impl in ("ours", "gensim"):
                cmd = [sys.executable, __file__, "--data", str(args.data), "--corpus", str(args.corpus),
                       "--worker", impl, config, str(threads)]
                out = subprocess.run(cmd, capture_output=True, text=True)
                if out.returncode:
                    sys.exit(f"{impl} {config} failed:\n{out.stderr[-3000:]}")
                res[impl] = json.loads(out.stdout.strip().splitlines()[-1])
            o, g = res["ours"], res["gensim"]
            print(f"{config:8} {threads:>3} | {o['words_per_sec']:>10,.0f} {g['words_per_sec']:>10,.0f} "
                  f"{o['words_per_sec'] / g['words_per_sec']:>5.2f}x | {o['analogy']:>12.3f} {g['analogy']:>7.3f} | "
                  f"{o['spearman']:>10.3f} {g['spearman']:>7.3f} | {o['peak_mb']:>12.0f} {g['peak_mb']:>7.0f}",
                  flush=True)
    base = {}
    for impl in ("ours", "gensim"):
        out = subprocess.run([sys.executable, __file__, "--worker", impl, "baseline", "1"],
                             capture_output=True, text=True)
        base[impl] = json.loads(out.stdout.strip().splitlines()[-1])["peak_mb"] if not out.returncode else float("nan")
    print(f"libraries alone, before any data (peak MB): ours {base['ours']:.0f} (NumPy + Numba + kernels loaded), "
          f"gensim {base['gensim']:.0f} (NumPy + SciPy + gensim)")


if __name__ == "__main__":
    main()
