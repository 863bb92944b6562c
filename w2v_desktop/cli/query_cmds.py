"""Judging vectors from the command line: ``compare-metrics`` and ``evaluate``
(``neighbors``, ``analogy``, ``similarity`` and ``doesnt-match`` are in ``word_cmds``, ``project``
in ``project_cmd``).

Each prints a plain table, or JSON with ``--json``. The maths lives in
``w2v_desktop.core``; this module only parses options and formats results.
"""
from __future__ import annotations

import argparse
import sys

from w2v_desktop.cli.common import load as _load
from w2v_desktop.cli.common import neighbors_json as _neighbors_json
from w2v_desktop.cli.common import positive_int, print_json, print_table, say  # noqa: F401 (re-exported)

from w2v_desktop.cli.options import whole

ANALOGY_METHODS = ("3cosadd", "3cosmul")
GENSIM_RESTRICT = 300_000  # gensim's evaluate_word_analogies / evaluate_word_pairs restrict_vocab


def register(sub: argparse._SubParsersAction) -> None:
    from w2v_desktop.core.vectors import METRICS

    p = _parser(sub, "compare-metrics", "compare similarity metrics",
                "With a QUERY: its top-k under each metric side by side, with pairwise overlap@k and "
                "Kendall's tau. Without: the same agreement averaged over --sample random queries, "
                "and optionally hubness per metric (about 10 s per metric on 400,000 rows; progress "
                "is printed on stderr).")
    p.add_argument("query", nargs="?", help="word or item name (omit for a sample of queries)")
    p.add_argument("--metrics", default=",".join(METRICS), type=_metric_list,
                   help=f"comma-separated, from {', '.join(METRICS)} (default: all)")
    p.add_argument("--sample", type=positive_int, default=200, metavar="N",
                   help="random queries when no QUERY is given, 1 or more (default 200)")
    p.add_argument("--hubness", action="store_true", help="also report hubness (k-occurrence skew) per metric")
    p.add_argument("--hubness-sample", type=positive_int, default=None, metavar="N",
                   help="queries for hubness, 1 or more (default: every row up to 20,000, else 20,000 "
                        "random rows)")
    p.add_argument("--seed", type=whole(0, 2 ** 32 - 1, "numpy seeds"), default=0,
                   help="seed of the random samples, 0 to 4294967295 (default 0)")
    p.set_defaults(func=run_compare)

    p = _parser(sub, "evaluate", "accuracy on analogy questions and correlation with word-pair scores",
                "Analogy files use the questions-words layout (': section' lines, then 'a b c d'); "
                "pair files have 'word1 word2 score' lines (tab or space separated, '#' comments). "
                f"Like gensim's evaluate_word_analogies and evaluate_word_pairs, questions and pairs "
                f"with a word outside the {GENSIM_RESTRICT:,} most frequent are skipped (and answers "
                "are searched among those), so the figures compare with gensim's; --restrict changes it.",
                restrict_default=GENSIM_RESTRICT)
    p.add_argument("--analogies", metavar="FILE", action="append", default=[],
                   help="questions-words file (repeatable)")
    p.add_argument("--pairs", metavar="FILE", action="append", default=[],
                   help="WordSim353 / SimLex-999 file (repeatable)")
    p.add_argument("--method", choices=ANALOGY_METHODS, default="3cosadd",
                   help="3cosadd (default, gensim's most_similar) or 3cosmul")
    p.add_argument("--case-sensitive", action="store_true", help="match words exactly (default: ignore case)")
    p.set_defaults(func=run_evaluate)


def _parser(sub, name: str, help_text: str, description: str, restrict_default=None,
            k_default: int = 10) -> argparse.ArgumentParser:
    from w2v_desktop.cli.common import add_vectors_arguments

    p = sub.add_parser(name, help=help_text, description=description)
    add_vectors_arguments(p, restrict_default, k_default)
    return p


def _matrix_rows(metrics, matrix) -> list[list]:
    return [[m] + [float(x) for x in row] for m, row in zip(metrics, matrix)]


# --- commands --------------------------------------------------------------------------------

def _metric_list(text: str) -> tuple[str, ...]:
    """argparse type: comma-separated metric names, each one we know."""
    from w2v_desktop.core.vectors import METRICS

    metrics = tuple(m.strip() for m in text.split(",") if m.strip())
    unknown = [m for m in metrics if m not in METRICS]
    if unknown or not metrics:
        raise argparse.ArgumentTypeError(f"unknown metric {unknown[0]!r}; choose from {', '.join(METRICS)}"
                                         if unknown else "name at least one metric")
    return metrics


def run_compare(args) -> int:
    from w2v_desktop.core.vectors import similarity

    import time

    vectors = _load(args)
    metrics = args.metrics
    if args.query is not None:
        result = similarity.compare_metrics(vectors, args.query, args.k, metrics, args.restrict)
        data = {"query": args.query, "k": args.k, "metrics": list(metrics),
                "tops": {m: _neighbors_json(result.tops[m]) for m in metrics},
                "overlap": result.overlap, "kendall": result.kendall}
    else:
        say(f"comparing {len(metrics)} metrics over {min(args.sample, len(vectors)):,} random queries...")
        result = similarity.compare_metrics_sample(vectors, args.sample, args.k, metrics, args.restrict, args.seed)
        data = {"queries": len(result.query_rows), "k": args.k, "metrics": list(metrics),
                "overlap": result.overlap, "kendall": result.kendall}
    if args.hubness:
        hub = {}
        for i, m in enumerate(metrics, 1):
            started = time.perf_counter()
            say(f"hubness {i}/{len(metrics)}: {m}...")
            hub[m] = similarity.hubness(vectors, args.k, args.hubness_sample, m, args.restrict, args.seed)
            say(f"hubness {i}/{len(metrics)}: {m} done ({hub[m].n_queries:,} queries, "
                f"{time.perf_counter() - started:.1f} s)")
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
        for p, r in pairs.items():
            if r.not_finite:
                lines = ", ".join(map(str, r.not_finite[:5])) + (", ..." if len(r.not_finite) > 5 else "")
                print(f"{p}: left out {len(r.not_finite)} pair(s) whose score is NaN or infinite "
                      f"(line {lines})", file=sys.stderr)
    return 0


def _detected(path: str) -> str:
    from w2v_desktop.core.formats import detect_format

    try:
        return detect_format(path)
    except (OSError, ValueError):
        return ""  # reading will say what is wrong


def vars_of(result) -> dict:
    return {k: getattr(result, k) for k in result.__dataclass_fields__}
