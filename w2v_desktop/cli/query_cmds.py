"""Exploring vectors from the command line: ``neighbors``, ``analogy``,
``compare-metrics`` and ``evaluate`` (``project`` has its own module, ``project_cmd``).

Each prints a plain table, or JSON with ``--json``. The maths lives in
``w2v_desktop.core``; this module only parses options and formats results.
"""
from __future__ import annotations

import argparse
import json
import math
import sys

import numpy as np

ANALOGY_METHODS = ("3cosadd", "3cosmul")


def register(sub: argparse._SubParsersAction) -> None:
    from w2v_desktop.core.vectors import METRICS

    p = _parser(sub, "neighbors", "nearest neighbours of words or items",
                "Top-k neighbours of each QUERY (the query itself is left out).")
    p.add_argument("queries", nargs="+", metavar="QUERY", help="word or item name(s)")
    p.add_argument("--metric", choices=METRICS, default="cosine", help="similarity or distance (default cosine)")
    p.add_argument("--ann", action="store_true",
                   help="build a PyNNDescent index and answer approximately (cosine, euclidean, manhattan, pearson)")
    p.set_defaults(func=run_neighbors)

    p = _parser(sub, "analogy", "solve 'A is to B as C is to ?'",
                "Answers ranked for B - A + C; the inputs are never answers.")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("c")
    p.add_argument("--method", choices=ANALOGY_METHODS, default="3cosadd",
                   help="3cosadd (vector offset) or 3cosmul (Levy & Goldberg 2014)")
    p.set_defaults(func=run_analogy)

    p = _parser(sub, "compare-metrics", "compare similarity metrics",
                "With a QUERY: its top-k under each metric side by side, with pairwise overlap@k and "
                "Kendall's tau. Without: the same agreement averaged over --sample random queries, "
                "and optionally hubness per metric.")
    p.add_argument("query", nargs="?", help="word or item name (omit for a sample of queries)")
    p.add_argument("--metrics", default=",".join(METRICS), help="comma-separated metrics (default: all)")
    p.add_argument("--sample", type=int, default=200, help="random queries when no QUERY is given (default 200)")
    p.add_argument("--hubness", action="store_true", help="also report hubness (k-occurrence skew) per metric")
    p.add_argument("--hubness-sample", type=int, default=None, metavar="N",
                   help="queries for hubness (default: every row up to 20000, else 20000 random rows)")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=run_compare)

    p = _parser(sub, "evaluate", "accuracy on analogy questions and correlation with word-pair scores",
                "Analogy files use the questions-words layout (': section' lines, then 'a b c d'); "
                "pair files have 'word1 word2 score' lines (tab or space separated, '#' comments).",
                restrict_default=30000)
    p.add_argument("--analogies", metavar="FILE", action="append", default=[], help="questions-words file")
    p.add_argument("--pairs", metavar="FILE", action="append", default=[], help="WordSim353 / SimLex-999 file")
    p.add_argument("--method", choices=ANALOGY_METHODS, default="3cosadd")
    p.add_argument("--case-sensitive", action="store_true", help="match words exactly (default: ignore case)")
    p.set_defaults(func=run_evaluate)


def positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1 (-k 0 would print an empty table)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _parser(sub, name: str, help_text: str, description: str, restrict_default=None,
            k_default: int = 10) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text, description=description)
    p.add_argument("vectors", metavar="VECTORS", help="vectors file or Spark model folder (any format w2v-desktop reads)")
    p.add_argument("--format", dest="fmt", default=None, help="vectors file format (default: detected)")
    p.add_argument("-k", type=positive_int, default=k_default, help=f"how many neighbours (default {k_default})")
    p.add_argument("--restrict", type=positive_int, default=restrict_default, metavar="N",
                   help="only the N most frequent (first N rows)"
                        + (f" (default {restrict_default})" if restrict_default else ""))
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return p


def _load(args):
    from w2v_desktop.core.formats import load_vectors
    return load_vectors(args.vectors, args.fmt)


# --- output ----------------------------------------------------------------------------------

def _cell(value) -> str:
    if isinstance(value, float):
        return "-" if math.isnan(value) else f"{value:.4f}"  # e.g. accuracy of a section with nothing answered
    return str(value)


def print_table(headers: list[str], rows: list[list], title: str | None = None) -> None:
    """Columns padded to their widest cell; numbers right-aligned."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [all(isinstance(row[i], (int, float)) for row in rows) and rows for i in range(len(headers))]
    fmt = lambda row: "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric))
    if title:
        print(title)
    print(fmt(headers).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print(fmt(row).rstrip())


def print_json(data) -> None:
    print(json.dumps(_plain(data), indent=2, ensure_ascii=False))


def _plain(value):
    """JSON-safe copy: arrays to lists, NaN to null."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def _neighbors_json(neighbors) -> list[dict]:
    return [{"name": n.name, "score": n.score, "row": n.row} for n in neighbors]


def _matrix_rows(metrics, matrix) -> list[list]:
    return [[m] + [float(x) for x in row] for m, row in zip(metrics, matrix)]


# --- commands --------------------------------------------------------------------------------

def run_neighbors(args) -> int:
    from w2v_desktop.core.vectors import ann
    from w2v_desktop.core.vectors import similarity

    vectors = _load(args)
    index = None
    if args.ann:
        index = ann.AnnIndex.build(vectors, metric=args.metric)
        print(f"approximate search: PyNNDescent index built in {index.build_seconds:.1f} s", file=sys.stderr)
    results = {q: similarity.nearest(vectors, q, args.k, args.metric, args.restrict, index=index)
               for q in args.queries}
    if args.json:
        print_json({"metric": args.metric, "approximate": bool(index),
                    "results": {q: _neighbors_json(r) for q, r in results.items()}})
        return 0
    label = "distance" if similarity.IS_DISTANCE[args.metric] else "similarity"
    for i, (query, neighbors) in enumerate(results.items()):
        if i:
            print()
        print_table(["rank", "name", f"{args.metric} {label}"],
                    [[rank, n.name, n.score] for rank, n in enumerate(neighbors, 1)], title=f"{query}:")
    return 0


def run_analogy(args) -> int:
    vectors = _load(args)
    from w2v_desktop.core.vectors import analogy

    answers = analogy.analogy(vectors, args.a, args.b, args.c, k=args.k, method=args.method, restrict=args.restrict)
    if args.json:
        print_json({"a": args.a, "b": args.b, "c": args.c, "method": args.method,
                    "answers": _neighbors_json(answers)})
        return 0
    print_table(["rank", "answer", "score"], [[r, n.name, n.score] for r, n in enumerate(answers, 1)],
                title=f"{args.a} : {args.b} :: {args.c} : ?   ({args.method})")
    return 0


def _metric_list(text: str) -> tuple[str, ...]:
    from w2v_desktop.core.vectors import check_metric
    return tuple(check_metric(m.strip()) for m in text.split(",") if m.strip())


def run_compare(args) -> int:
    from w2v_desktop.core.vectors import similarity

    vectors = _load(args)
    metrics = _metric_list(args.metrics)
    if args.query is not None:
        result = similarity.compare_metrics(vectors, args.query, args.k, metrics, args.restrict)
        data = {"query": args.query, "k": args.k, "metrics": list(metrics),
                "tops": {m: _neighbors_json(result.tops[m]) for m in metrics},
                "overlap": result.overlap, "kendall": result.kendall}
    else:
        result = similarity.compare_metrics_sample(vectors, args.sample, args.k, metrics, args.restrict, args.seed)
        data = {"queries": len(result.query_rows), "k": args.k, "metrics": list(metrics),
                "overlap": result.overlap, "kendall": result.kendall}
    if args.hubness:
        hub = {m: similarity.hubness(vectors, args.k, args.hubness_sample, m, args.restrict, args.seed)
               for m in metrics}
        data["hubness"] = {m: {"skew": h.skew, "queries": h.n_queries, "hubs": h.hubs(vectors.names, 5)}
                           for m, h in hub.items()}
    if vectors.counts is not None:
        data["norm_frequency_spearman"] = similarity.norm_frequency(vectors).spearman
    if args.json:
        print_json(data)
        return 0
    _print_comparison(data, metrics)
    return 0


def _print_comparison(data: dict, metrics) -> None:
    if "tops" in data:
        rows = [[rank + 1] + [f"{data['tops'][m][rank]['name']} ({data['tops'][m][rank]['score']:.3g})"
                              if rank < len(data["tops"][m]) else "" for m in metrics]
                for rank in range(max(len(t) for t in data["tops"].values()))]
        print_table(["rank", *metrics], rows, title=f"top {data['k']} of {data['query']!r} under each metric:")
        scope = ""
    else:
        scope = f", mean over {data['queries']} random queries"
    print()
    print_table(["", *metrics], _matrix_rows(metrics, data["overlap"]), title=f"overlap@{data['k']}{scope}:")
    print()
    print_table(["", *metrics], _matrix_rows(metrics, data["kendall"]),
                title=f"Kendall tau over the union of both top-{data['k']} lists{scope}:")
    if "hubness" in data:
        print()
        print_table(["metric", "skew", "queries", "top hubs (count)"],
                    [[m, h["skew"], h["queries"], ", ".join(f"{n} ({c})" for n, c in h["hubs"])]
                     for m, h in data["hubness"].items()], title=f"hubness (k-occurrence, k={data['k']}):")
    if "norm_frequency_spearman" in data:
        print(f"\nSpearman correlation of vector norm with frequency: {data['norm_frequency_spearman']:.4f}")


def run_evaluate(args) -> int:
    from w2v_desktop.core.analysis import intrinsic as evaluate

    if not args.analogies and not args.pairs:
        raise ValueError("give --analogies FILE and/or --pairs FILE")
    vectors = _load(args)
    case_insensitive = not args.case_sensitive
    analogies = {path: evaluate.evaluate_analogies(vectors, path, args.restrict, args.method, case_insensitive)
                 for path in args.analogies}
    pairs = {path: evaluate.evaluate_pairs(vectors, path, args.restrict, case_insensitive) for path in args.pairs}
    if args.json:
        print_json({"analogies": {p: {"accuracy": r.accuracy, "correct": r.correct, "total": r.total,
                                      "skipped": r.skipped, "method": r.method, "restrict": r.restrict,
                                      "sections": [{"name": s.name, "correct": s.correct, "total": s.total,
                                                    "skipped": s.skipped, "accuracy": s.accuracy}
                                                   for s in r.sections]}
                                  for p, r in analogies.items()},
                    "pairs": {p: vars_of(r) for p, r in pairs.items()}})
        return 0
    for path, r in analogies.items():
        rows = [[s.name, s.correct, s.total, 100 * s.accuracy, s.skipped] for s in r.sections]
        rows.append(["TOTAL", r.correct, r.total, 100 * r.accuracy, r.skipped])
        print_table(["section", "correct", "answered", "accuracy %", "skipped (OOV)"], rows,
                    title=f"{path} ({r.method}, {r.restrict} most frequent words):")
        print()
    if pairs:
        print_table(["file", "spearman", "pearson", "pairs", "OOV %"],
                    [[p, r.spearman, r.pearson, r.n_pairs, 100 * r.oov_ratio] for p, r in pairs.items()])
    return 0


def vars_of(result) -> dict:
    return {k: getattr(result, k) for k in result.__dataclass_fields__}
