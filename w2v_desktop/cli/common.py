"""What the query commands share: the VECTORS argument and its options, argparse value types,
loading, and printing (plain tables aligned by display width, or JSON)."""
from __future__ import annotations

import argparse
import json
import math
import sys
import unicodedata

import numpy as np

from w2v_desktop.cli.options import training_option, whole


# --- argparse types ------------------------------------------------------------------------------

MAX_K = 1_000_000  # a list longer than this is never read; a larger k only asks for memory


def positive_int(text: str) -> int:
    """argparse type: a whole number from 1 to MAX_K (-k 0 would print an empty table; a k past
    the number of vectors gives them all)."""
    return whole(1, MAX_K, "a longer list is never read")(text)


def non_negative_int(text: str) -> int:
    """argparse type: a whole number of at least 0."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


TRAIN_HELP = {
    "sg": "skip-gram (default) or --cbow",
    "hs": "hierarchical softmax instead of negative sampling",
    "dim": "vector dimension, 1 or more",
    "window": "max distance between a word and its context words, 1 or more",
    "negative": "noise words per positive example (negative sampling), 0 or more (0 only with --hs)",
    "ns_exponent": "exponent of the noise distribution (count ** x), from -2 to 2",
    "cbow_mean": "CBOW: average the context vectors (default) or --cbow-sum",
    "alpha": "initial learning rate, above 0 and at most 1",
    "min_alpha": "final learning rate (linear decay over all epochs), from 0 to --alpha",
    "epochs": "passes over the corpus, 1 or more",
    "min_count": "ignore words/items seen fewer times, 1 or more",
    "max_vocab": "keep at most this many of the most frequent words, 1 or more",
    "sample": "subsampling threshold for frequent words, from 0 (off) to below 1",
    "seed": "random seed, any integer (one thread + fixed seed = identical vectors)",
    "threads": "worker threads, 0 or more (0 = all cores)",
    "chunk_words": "words per kernel call (progress/cancel granularity), 1 or more",
    "shuffle": "train the sentences in a new seeded order each epoch (for files sorted by topic or source)",
}


def ranged(kind, low=None, high=None, low_open=False, high_open=False):
    """argparse type: a number of ``kind`` within [low, high] (ends open where asked)."""
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {'a whole number' if kind is int else 'a number'}, "
                                             f"got {text!r}") from None
        if kind is float and not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"expected a finite number, got {text!r}")
        if low is not None and (value < low or low_open and value == low):
            raise argparse.ArgumentTypeError(f"must be {'above' if low_open else 'at least'} {low}, got {text}")
        if high is not None and (value > high or high_open and value == high):
            raise argparse.ArgumentTypeError(f"must be {'below' if high_open else 'at most'} {high}, got {text}")
        return value
    return parse


# The training options' bounds and reasons come from one table (core.config.BOUNDS), which
# TrainConfig checks too.
TRAIN_TYPES = {name: training_option(name) for name in
               ("dim", "window", "negative", "ns_exponent", "alpha", "min_alpha", "epochs", "min_count",
                "max_vocab", "sample", "seed", "threads", "chunk_words")}


def add_vectors_arguments(p: argparse.ArgumentParser, restrict_default: int | None = None,
                          k_default: int = 10, restrict_help: str = "") -> None:
    """VECTORS, --format, -k, --restrict and --json: the options every query command takes."""
    from w2v_desktop.core.formats import READABLE

    p.add_argument("vectors", metavar="VECTORS",
                   help="vectors file, model .npz or Spark model folder (any format w2v-desktop reads)")
    p.add_argument("--format", dest="fmt", default=None, choices=READABLE, metavar="FMT",
                   help=f"format of VECTORS: {', '.join(READABLE)} (default: detected)")
    p.add_argument("-k", type=positive_int, default=k_default, metavar="K",
                   help=f"how many neighbours, 1 or more (default {k_default})")
    p.add_argument("--restrict", type=positive_int, default=restrict_default, metavar="N",
                   help="search only the N most frequent (the first N rows), 1 or more "
                        + (f"(default {restrict_default:,})" if restrict_default else "(default: all rows)")
                        + restrict_help)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def load(args, path: str | None = None, fmt: str | None = None):
    from w2v_desktop.core.formats import load_vectors
    return load_vectors(path or args.vectors, fmt if path else args.fmt)


def say(message: str) -> None:
    """A progress or notice line: on stderr, so stdout stays the result (and valid JSON)."""
    print(message, file=sys.stderr, flush=True)


# --- output --------------------------------------------------------------------------------------

def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters (CJK) take two,
    combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def _pad(text: str, columns: int, right: bool) -> str:
    fill = " " * max(0, columns - width(text))
    return fill + text if right else text + fill


def _cell(value) -> str:
    if isinstance(value, float):
        return "-" if math.isnan(value) else f"{value:.4f}"  # e.g. accuracy of a section with nothing answered
    return str(value)


def print_table(headers: list[str], rows: list[list], title: str | None = None) -> None:
    """Columns padded to their widest cell (by display width); numbers right-aligned."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) and rows for i in range(len(headers))]
    fmt = lambda row: "  ".join(_pad(c, w, bool(num)) for c, w, num in zip(row, widths, numeric))  # noqa: E731
    if title:
        print(title)
    print(fmt(headers).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print(fmt(row).rstrip())


def print_json(data) -> None:
    print(json.dumps(plain(data), indent=2, ensure_ascii=False))


def plain(value):
    """JSON-safe copy: arrays to lists, NaN to null."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def neighbors_json(neighbors) -> list[dict]:
    return [{"name": n.name, "score": n.score, "row": n.row} for n in neighbors]
