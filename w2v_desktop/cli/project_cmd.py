"""``project``: a 2-D (or 3-D) map of a subset of the vectors, with trust per point, written by suffix.

The maths is :mod:`w2v_desktop.core.analysis.projection`; this module parses the options,
prints progress on stderr for long maps and the result (a table, JSON, or a file:
``.csv``, Projector ``.tsv`` pair, or ``.parquet`` with a neighbour column for Embedding Atlas).
"""
from __future__ import annotations

import argparse
import math
import sys
import time

from w2v_desktop.cli.errors import CliError

METHODS = ("pca", "tsne", "umap", "axes")
METRICS = ("cosine", "euclidean", "manhattan", "pearson")
# parameter names in core messages -> the options that set them
OPTION_OF = {"perplexity": "--perplexity", "learning_rate": "--learning-rate", "exaggeration": "--exaggeration",
             "n_neighbors": "--n-neighbors", "min_dist": "--min-dist", "metric": "--metric",
             "n_components": "--components", "seed": "--seed"}
PROGRESS_AFTER_S = 2.0   # progress lines for maps estimated to take longer


def register(sub: argparse._SubParsersAction) -> None:
    from w2v_desktop.cli.query_cmds import _parser, positive_int

    p = _parser(sub, "project", "2-D map (PCA, t-SNE, UMAP, axes you choose) of a subset, with trust per point",
                "Maps the chosen subset (--top, --around, --names; their union; default the 1000 most "
                "frequent) to 2-D (--3d: 3-D). Trust: share of a point's 10 nearest neighbours that stay among its 10 "
                "nearest on the map, measured on a random sample of --trust-sample points for large maps. "
                "Maps of many points run in a child process (Ctrl+C stops them at once).", k_default=50)
    p.add_argument("--method", choices=METHODS, default=None,
                   help="pca (default), tsne, umap, or axes (implied by --x/--y)")
    p.add_argument("--top", type=positive_int, metavar="N", help="the N most frequent (first N rows); any N up to all")
    p.add_argument("--around", metavar="NAME", help="a name and its -k nearest neighbours")
    p.add_argument("--names", help="comma-separated names")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--normalize", action=argparse.BooleanOptionalAction, default=True,
                   help="scale rows to unit length first, so the map reflects cosine similarity (default: on)")
    p.add_argument("--components", type=int, default=2, metavar="2|3", help="2, or 3 for pca/umap")
    p.add_argument("--3d", dest="three_d", action="store_true",
                   help="a 3-D map (pca or umap): writes x, y, z; the same as --components 3")
    t = p.add_argument_group("t-SNE")
    t.add_argument("--perplexity", type=float, default=30.0, help="2 to 100 (default 30)")
    t.add_argument("--learning-rate", default="auto", help="'auto' (default) or a number from 1")
    t.add_argument("--exaggeration", type=float, default=1.0, help="after the early phase, 1 to 50 (default 1)")
    u = p.add_argument_group("UMAP")
    u.add_argument("--n-neighbors", type=int, default=15, help="2 to 200 (default 15)")
    u.add_argument("--min-dist", type=float, default=0.1, help="0 to 1 (default 0.1)")
    u.add_argument("--metric", choices=METRICS, default="cosine", help="(default cosine)")
    a = p.add_argument_group("axes you choose")
    a.add_argument("--x", dest="x_axis", metavar="FORMULA", help="x: similarity to a name or 'a - b', e.g. 'woman - man'")
    a.add_argument("--y", dest="y_axis", metavar="FORMULA", help="y: the same, e.g. 'queen - king' or 'king'")
    p.add_argument("--trust-sample", type=positive_int, default=5000, metavar="N",
                   help="measure trust on a random N points of larger maps (default 5000)")
    p.add_argument("--neighbors", type=int, default=10, metavar="K",
                   help="neighbours per point in a .parquet file (default 10; 0: no column)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the map: .csv (name,x,y,trust,metadata), .tsv (Projector pair), "
                        ".parquet (with a neighbors column for Embedding Atlas)")
    p.set_defaults(func=run_project)


def build_params(args):
    """ProjectionParams from the options; a bad value names its option (exit status 2)."""
    from w2v_desktop.core.analysis import ProjectionError, ProjectionParams

    method = args.method or ("axes" if args.x_axis or args.y_axis else "pca")
    if args.three_d:
        if method not in ("pca", "umap"):
            raise CliError(f"--3d: {'custom axes are x and y only' if method == 'axes' else 't-SNE maps are 2-D'}; "
                           "use --method pca or umap")
        if args.components not in (2, 3):
            raise CliError(f"--3d and --components {args.components} disagree; give one of them")
        args.components = 3
    if method == "axes" and not (args.x_axis and args.y_axis):
        raise CliError("--x and --y: give both, each a name or a formula such as 'woman - man'")
    rate = args.learning_rate
    if rate != "auto":
        try:
            rate = float(rate)
        except ValueError:
            raise CliError(f"--learning-rate must be 'auto' or a number, got {rate!r}") from None
    try:
        return ProjectionParams(method=method, perplexity=args.perplexity, learning_rate=rate,
                                exaggeration=args.exaggeration, n_neighbors=args.n_neighbors,
                                min_dist=args.min_dist, metric=args.metric, normalize=args.normalize,
                                n_components=args.components, seed=args.seed,
                                x_axis=args.x_axis or "", y_axis=args.y_axis or "")
    except ProjectionError as exc:
        text = str(exc)
        for name, option in OPTION_OF.items():
            if text.startswith(name + " "):
                text = option + text[len(name):]
                break
        raise CliError(text) from None


def check_output(path: str | None, vectors_path: str = "", fmt: str | None = None) -> None:
    """Refused before the (slow) map: a suffix we cannot write, one of the inputs, a device, a
    FIFO, a folder, an unwritable folder (core.outputs)."""
    if path and vectors_path:
        from w2v_desktop.core.formats import detect_format, files_of
        from w2v_desktop.core.outputs import check_output as refuse_bad_output

        try:
            detected = fmt or detect_format(vectors_path)
        except (OSError, ValueError):
            detected = ""  # reading will say what is wrong
        refuse_bad_output(path, files_of(vectors_path, detected) if detected else [vectors_path])
    from w2v_desktop.core.analysis import MAP_SUFFIXES
    if path and not path.lower().endswith(MAP_SUFFIXES):
        raise CliError(f"-o/--output {path!r}: use a .csv, .tsv (Projector pair) or .parquet file")


class StderrProgress:
    """One line per stage and every few seconds (a live line on a terminal)."""

    def __init__(self, label: str):
        self.label, self.live = label, sys.stderr.isatty()
        self.stage, self.last = None, 0.0

    def __call__(self, stage, fraction, eta, _partial) -> None:
        now = time.monotonic()
        if stage == self.stage and now - self.last < (0.5 if self.live else 5.0):
            return
        self.stage, self.last = stage, now
        share = "" if fraction is None else f" {100 * fraction:3.0f}%"
        left = "" if eta is None else f", about {eta:.0f} s left"
        line = f"{self.label}: {stage}{share}{left}"
        sys.stderr.write(f"\r\033[K{line}" if self.live else line + "\n")
        sys.stderr.flush()

    def close(self) -> None:
        if self.live and self.stage is not None:
            sys.stderr.write("\n")


def run_project(args) -> int:
    from w2v_desktop.cli.query_cmds import _load, print_json, print_table
    from w2v_desktop.core.analysis import estimate_seconds, export_map, project, select_rows

    params = build_params(args)
    check_output(args.output, args.vectors, args.fmt)
    if args.neighbors < 0:
        raise CliError(f"--neighbors must be 0 or more, got {args.neighbors}")
    vectors = _load(args)
    names = [n.strip() for n in args.names.split(",") if n.strip()] if args.names else None
    top = args.top if args.top or args.around or names else min(1000, len(vectors))
    rows = select_rows(vectors, top_n=top, around=args.around, k=args.k, names=names)
    if args.restrict:
        rows = rows[rows < args.restrict]
    estimate = estimate_seconds(params.method, len(rows), vectors.dim, params, args.trust_sample)
    show = StderrProgress(params.label) if estimate >= PROGRESS_AFTER_S and not args.json else None
    if show:
        print(f"{params.describe()} of {len(rows):,} points: about {estimate:.0f} s", file=sys.stderr)
    try:
        result = project(vectors, rows, params, progress=show, trust_sample=args.trust_sample)
    finally:
        if show:
            show.close()
    axes = "xyz"[:result.coords.shape[1]]
    if args.output:
        written = export_map(args.output, result, vectors, neighbours=args.neighbors)
    if args.json:
        print_json({"method": params.method, "parameters": params.describe(), "mean_trust": _plain(result.mean_trust),
                    "trust_measured": result.trust_measured, "trust_note": result.trust_note,
                    "points": [{"name": n, **{a: float(v) for a, v in zip(axes, c)}, "trust": _plain(t)}
                               for n, c, t in zip(result.names, result.coords, result.trust)]})
        return 0
    summary = f"mean trust {_trust(result.mean_trust)} ({result.trust_note})"
    if args.output:  # the points are in the file; print only the summary
        print(f"{params.describe()} of {len(rows):,} points; {summary}; written to "
              f"{', '.join(str(p) for p in written)}")
        return 0
    print_table(["name", *axes, "trust"], [[n, *map(float, c), float(t)] for n, c, t in
                                          zip(result.names, result.coords, result.trust)],
                title=f"{params.describe()} of {len(rows):,} points:")
    print(f"\n{summary}")
    return 0


def _plain(value: float):
    return None if math.isnan(value) else float(value)


def _trust(value: float) -> str:
    return "undefined" if math.isnan(value) else f"{value:.3f}"

