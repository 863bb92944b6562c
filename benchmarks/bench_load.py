"""Load times of vector files: ours vs gensim, measured in the same run.

    python benchmarks/bench_load.py [--data DIR] [--repeat 3]

Uses DIR/vectors/glove.6B.50d.txt (400,000 x 50; DIR defaults to $W2V_DATA,
then ~/.cache/w2v-data; fetch it with ../shared/data/fetch-data --glove DIR),
writes a word2vec-binary copy to a temporary folder, and prints the median
load time of each reader for GloVe text (gensim with no_header=True) and
word2vec binary, with the ratio gensim / ours (target: >= 5).

Each section is a function taking a ``Context``; add a section (e.g. query
timings) by writing one more function and listing it in SECTIONS.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from w2v_desktop.core.formats import load_vectors, save_vectors  # noqa: E402
from w2v_desktop.core.vectors import Vectors  # noqa: E402

GLOVE = Path("vectors", "glove.6B.50d.txt")


@dataclass
class Context:
    glove: Path
    workdir: Path
    repeat: int
    vectors: Vectors | None = None           # our load of the GloVe file, for later sections
    results: dict = field(default_factory=dict)


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    import gensim
    import pyarrow
    return (f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}\n"
            f"python {platform.python_version()}, numpy {np.__version__}, "
            f"pyarrow {pyarrow.__version__}, gensim {gensim.__version__}")


def median_time(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def report(label: str, ours: float, gensim: float) -> None:
    print(f"  {label:<28} ours {ours:7.3f} s   gensim {gensim:7.3f} s   "
          f"gensim/ours {gensim / ours:5.1f}x")


def warm_up(ctx: Context) -> None:
    """Imports, Numba kernels and the OS file cache, so that timings compare readers."""
    small = Vectors(["a", "b"], np.ones((2, 3), np.float32))
    for name, fmt in (("w.bin", "word2vec-binary"), ("w.txt", "glove")):
        save_vectors(small, ctx.workdir / name, fmt)
        load_vectors(ctx.workdir / name)
    with open(ctx.glove, "rb") as f:
        while f.read(1 << 24):
            pass


def section_text(ctx: Context) -> None:
    from gensim.models import KeyedVectors

    ours, vectors = median_time(lambda: load_vectors(ctx.glove), ctx.repeat)
    theirs, kv = median_time(lambda: KeyedVectors.load_word2vec_format(
        str(ctx.glove), binary=False, no_header=True), ctx.repeat)
    same = vectors.names == kv.index_to_key and np.array_equal(vectors.matrix, kv.vectors)
    size = ctx.glove.stat().st_size / 1e6
    print(f"GloVe text, {len(vectors):,} x {vectors.dim} ({size:.0f} MB), "
          f"same vectors as gensim: {'yes' if same else 'NO'}")
    report("load", ours, theirs)
    ctx.vectors = vectors
    ctx.results["text"] = (ours, theirs)


def section_binary(ctx: Context) -> None:
    from gensim.models import KeyedVectors

    path = ctx.workdir / "glove.6B.50d.bin"
    save_vectors(ctx.vectors, path, "word2vec-binary")
    ours, vectors = median_time(lambda: load_vectors(path), ctx.repeat)
    theirs, kv = median_time(lambda: KeyedVectors.load_word2vec_format(str(path), binary=True),
                             ctx.repeat)
    same = vectors.names == kv.index_to_key and np.array_equal(vectors.matrix, kv.vectors)
    print(f"word2vec binary ({path.stat().st_size / 1e6:.0f} MB), "
          f"same vectors as gensim: {'yes' if same else 'NO'}")
    report("load", ours, theirs)
    ctx.results["binary"] = (ours, theirs)


def section_npy(ctx: Context) -> None:
    """Ours only (gensim has no .npy + vocabulary reader): for scale."""
    path = ctx.workdir / "glove.npy"
    save_vectors(ctx.vectors, path, "npy")
    plain, _ = median_time(lambda: load_vectors(path), ctx.repeat)
    mapped, _ = median_time(lambda: load_vectors(path, mmap=True), ctx.repeat)
    print(f".npy + .vocab.txt (ours only): load {plain:.3f} s, memory-mapped {mapped:.3f} s")


SECTIONS = [section_text, section_binary, section_npy]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path,
                        default=Path(os.environ.get("W2V_DATA", "~/.cache/w2v-data")).expanduser(),
                        help="data folder holding vectors/glove.6B.50d.txt")
    parser.add_argument("--repeat", type=int, default=3, help="runs per reader (median)")
    args = parser.parse_args(argv)
    glove = args.data / GLOVE
    if not glove.exists():
        print(f"{glove} is missing; fetch it with: ../shared/data/fetch-data --glove {args.data}",
              file=sys.stderr)
        return 1
    print(machine())
    print(f"median of {args.repeat} runs each, after a warm-up (imports, Numba, file cache)\n")
    with tempfile.TemporaryDirectory(prefix="bench_load_") as tmp:
        ctx = Context(glove, Path(tmp), args.repeat)
        warm_up(ctx)
        for section in SECTIONS:
            section(ctx)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
