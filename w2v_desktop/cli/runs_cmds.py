"""Two runs and a model's other half: ``compare-runs`` (the app's Compare tab) and ``export-output``
(File > Export output vectors).
"""
from __future__ import annotations

import argparse
import sys

from w2v_desktop.cli.errors import CliError
from w2v_desktop.cli.common import non_negative_int, positive_int, print_json, print_table, say


def register(sub: argparse._SubParsersAction) -> None:
    from w2v_desktop.core.analysis.align import DEFAULT_LIMIT
    from w2v_desktop.core.formats import READABLE, WRITABLE

    p = sub.add_parser(
        "compare-runs", help="which names moved between two runs (Procrustes alignment)",
        description="Align run B onto run A (orthogonal Procrustes on the shared names, as the app's "
                    "Compare tab does) and print how well they align, the names that moved most "
                    "(cosine distance after alignment) and, for those, the neighbours each run has "
                    "that the other lacks. Both runs: any vectors file, model .npz or Spark model.")
    p.add_argument("a", metavar="A", help="the first run (the reference)")
    p.add_argument("b", metavar="B", help="the second run, aligned onto A")
    p.add_argument("--format-a", choices=READABLE, metavar="FMT", help=f"format of A: {', '.join(READABLE)} "
                   "(default: detected)")
    p.add_argument("--format-b", choices=READABLE, metavar="FMT", help="format of B (default: detected)")
    p.add_argument("-k", type=positive_int, default=10, metavar="K",
                   help="neighbours compared per name (overlap@K), 1 or more (default 10)")
    p.add_argument("--top", type=positive_int, default=20, metavar="N",
                   help="list the N names that moved most, 1 or more (default 20)")
    p.add_argument("--limit", type=non_negative_int, default=DEFAULT_LIMIT, metavar="N",
                   help=f"compare the N most frequent shared names, 0 for all (default {DEFAULT_LIMIT:,}, "
                        "as the app)")
    p.add_argument("--map", metavar="FILE.csv",
                   help="also write both runs on one map: name, x_a, y_a, x_b, y_b, moved per compared name "
                        "(one PCA of A and the aligned B, as the app's \"Show on the map\")")
    p.add_argument("--json", action="store_true", help="print JSON instead of tables")
    p.set_defaults(func=run_compare_runs)

    p = sub.add_parser(
        "export-output", help="write a model's output vectors (syn1neg) to a vectors file",
        description="The output vectors (W2, syn1neg) of a model saved with --model or File > Save model, "
                    "trained with negative sampling (hierarchical softmax has no output vector per word). "
                    "The input vectors, what every other command reads, come out with `convert MODEL OUT`.")
    p.add_argument("model", metavar="MODEL", help="model file (.npz)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="vectors file to write")
    p.add_argument("--to", dest="to_format", choices=WRITABLE, metavar="FMT",
                   help=f"output format: {', '.join(WRITABLE)} (default: from FILE's suffix; .txt is "
                        "word2vec text)")
    p.add_argument("--replace-spaces", action="store_true",
                   help="write '_' for whitespace in names for formats that cannot hold spaces; default: refuse")
    p.add_argument("--fvocab", metavar="FILE",
                   help="also write the word counts, 'word count' per line (gensim's fvocab)")
    p.set_defaults(func=run_export_output)


def run_compare_runs(args) -> int:
    from w2v_desktop.core.analysis import iter_align
    from w2v_desktop.core.cancel import run_to_end
    from w2v_desktop.core.formats import load_vectors
    from w2v_desktop.core.vectors import similarity

    if args.map:
        _check_map_output(args)
    a = load_vectors(args.a, args.format_a)
    b = load_vectors(args.b, args.format_b)
    live = sys.stderr.isatty()

    def show(fraction: float) -> None:
        if live:
            sys.stderr.write(f"\r\033[Kaligning and comparing neighbourhoods: {fraction:.0%}")
            sys.stderr.flush()

    result = run_to_end(iter_align(a, b, args.k, args.limit or None), show)
    if live:
        sys.stderr.write("\r\033[K")
    top = [int(i) for i in result.most_moved(args.top)]
    changes = []
    for i in top:
        name = result.names[i]
        in_a = [n.name for n in similarity.nearest(a, name, args.k)]
        in_b = [n.name for n in similarity.nearest(b, name, args.k)]
        changes.append({"name": name, "moved": float(result.moved[i]), "overlap": float(result.overlap[i]),
                        "only_in_a": [n for n in in_a if n not in in_b],
                        "only_in_b": [n for n in in_b if n not in in_a]})
    summary = {"a": args.a, "b": args.b, "shared_names": len(result.names), "k": result.k,
               "mean_overlap": float(result.overlap.mean()), "mean_moved": float(result.moved.mean()),
               "disparity": result.disparity}
    if args.map:
        summary["map"] = _write_map(args.map, a, b, result.names)
    if args.json:
        print_json({**summary, "most_moved": changes})
        return 0
    print(f"{len(result.names):,} shared names compared ({len(a):,} in A, {len(b):,} in B)")
    print(f"mean neighbour overlap@{result.k}: {summary['mean_overlap']:.3f}  (1 = the same neighbours in both runs)")
    print(f"mean cosine distance moved after alignment: {summary['mean_moved']:.4f}  (0 = the same place)")
    print(f"Procrustes disparity: {result.disparity:.4f}  (mean squared residual; 0 = identical up to rotation)")
    print()
    print_table(["name", "moved", f"overlap@{result.k}", "neighbours only in A", "neighbours only in B"],
                [[c["name"], c["moved"], c["overlap"], ", ".join(c["only_in_a"][:5]) or "-",
                  ", ".join(c["only_in_b"][:5]) or "-"] for c in changes],
                title=f"the {len(changes)} names that moved most (up to 5 changed neighbours each):")
    if args.map:
        print(f"\nwrote {args.map}: both runs on one map, {summary['map']['names']:,} names "
              f"({summary['map']['explained']:.0%} of the variance on its two axes)")
    return 0


def _check_map_output(args) -> None:
    """Refused before reading: not a .csv, one of the inputs, a folder, an unwritable place."""
    from w2v_desktop.core.formats import detect_format, files_of
    from w2v_desktop.core.outputs import check_output

    if not args.map.lower().endswith(".csv"):
        raise CliError(f"--map {args.map!r}: the map of two runs is written as a .csv file")
    inputs = []
    for path, fmt in ((args.a, args.format_a), (args.b, args.format_b)):
        try:
            inputs += files_of(path, fmt or detect_format(path))
        except (OSError, ValueError):
            inputs.append(path)  # reading it will say what is wrong
    check_output(args.map, inputs)


def _write_map(path: str, a, b, names: list[str]) -> dict:
    from w2v_desktop.core.analysis import map_comparison, write_comparison_csv

    comparison = map_comparison(a, b, names=names)
    write_comparison_csv(path, comparison)
    return {"path": path, "names": len(comparison.names), "explained": comparison.explained}


def run_export_output(args) -> int:
    from w2v_desktop.core.formats import load_vectors, save_counts, save_vectors

    vectors = load_vectors(args.model, "model", matrix="output")
    written = save_vectors(vectors, args.output, args.to_format, replace_spaces=args.replace_spaces)
    say(f"read the output vectors ({len(vectors):,} x {vectors.dim}) of {args.model}")
    print("wrote " + " and ".join(str(p) for p in written))
    if args.fvocab:
        print(f"wrote {save_counts(vectors, args.fvocab, replace_spaces=args.replace_spaces)}")
    return 0
