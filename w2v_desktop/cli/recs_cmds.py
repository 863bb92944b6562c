"""Interaction-data subcommands: ``ratings-report``, ``evaluate-recs``, ``recommend``.

``add_rating_arguments`` and ``read_rating_file`` are shared with ``train --ratings``.
"""
from __future__ import annotations

import argparse
import os
import sys

from w2v_desktop.cli.errors import CliError
from w2v_desktop.cli.common import TRAIN_HELP, TRAIN_TYPES, positive_int, ranged
from w2v_desktop.cli.options import delimiter, real, whole
from w2v_desktop.core.config import ITEM_DEFAULTS, TrainConfig

TRAIN_FLAGS = ("dim", "window", "epochs", "min_count", "sample", "negative", "ns_exponent", "alpha",
               "seed", "threads")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ratings-report", help="how a rating file turns into item sequences",
                       description="Read a rating/interaction file and report its columns, bad rows, "
                                   "what each filtering step removed and which items get no vector.")
    p.add_argument("file", metavar="FILE", help="rating/interaction file (CSV, TSV, .dat, Parquet)")
    add_rating_arguments(p)
    p.set_defaults(func=run_report)

    p = sub.add_parser("evaluate-recs", help="leave-last-out evaluation of item2vec / DeepWalk",
                       description="Hold out each user's last kept event, train on the rest and print "
                                   "HitRate@K, NDCG@K, MRR and coverage for next-item and user-vector "
                                   "recommendation next to most-popular and random baselines.")
    p.add_argument("file", metavar="FILE", help="rating/interaction file (CSV, TSV, .dat, Parquet)")
    p.add_argument("-k", type=positive_int, default=10, help="list length K, 1 or more (default 10)")
    p.add_argument("--methods", default="item2vec,deepwalk",
                   help="comma-separated: item2vec, deepwalk, node2vec (default item2vec,deepwalk)")
    p.add_argument("--max-users", type=positive_int, default=None, metavar="N",
                   help="evaluate a seeded sample of N users, 1 or more (default: every user)")
    add_rating_arguments(p)
    add_model_arguments(p)
    p.set_defaults(func=run_evaluate)

    p = sub.add_parser("recommend", help="recommendations for a user, or items similar to an item",
                       description="Train item2vec on a rating file (or load --vectors) and show a user's "
                                   "top-K unseen items by cosine and by dot product side by side, or the "
                                   "items nearest to --item.")
    p.add_argument("file", metavar="FILE", help="rating/interaction file (CSV, TSV, .dat, Parquet)")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", help="user id")
    who.add_argument("--item", help="item id")
    p.add_argument("-k", type=positive_int, default=10, help="list length, 1 or more (default 10)")
    p.add_argument("--vectors", metavar="PATH", help="use these item vectors instead of training")
    p.add_argument("--min-popularity", type=int, default=0, metavar="N",
                   help="never recommend items with fewer than N training events (default 0: any)")
    add_rating_arguments(p)
    add_model_arguments(p)
    p.set_defaults(func=run_recommend)


def add_rating_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("rating file")
    g.add_argument("--items", metavar="FILE", help="item metadata (u.item, movies.csv, ...) for titles/genres")
    g.add_argument("--user-col", help="user column: 0-based index or header name (default: detected)")
    g.add_argument("--item-col", help="item column")
    g.add_argument("--rating-col", help="rating column ('none' for implicit data)")
    g.add_argument("--time-col", help="time column: Unix seconds or ISO dates ('none': file order)")
    g.add_argument("--delimiter", type=delimiter, help="field delimiter (default: detected; 'tab' for tabs)")
    g.add_argument("--header", action=argparse.BooleanOptionalAction, default=None,
                   help="the first line is a header (default: detected)")
    g.add_argument("--strict", action="store_true", help="stop at the first bad row instead of skipping it")
    g = p.add_argument_group("sequences")
    g.add_argument("--min-rating", type=real(), default=None,
                   help="keep ratings >= this (default: suggested from the file's rating scale, keeping about "
                        "the top half of the events: 3.5 on a 1-5 scale; none for implicit data)")
    g.add_argument("--keep-all", action="store_true", help="keep every event (implicit data)")
    g.add_argument("--session-gap", type=real(0, above=True, why="seconds between two events"), default=None, help="split sequences at gaps over this many seconds")
    g.add_argument("--min-length", type=whole(1, why="a sequence holds at least one item"), default=2, help="drop shorter sequences (default 2)")
    g.add_argument("--dedupe", action="store_true", help="drop consecutive repeats of an item")
    g = p.add_argument_group("Spark (the [spark] extra)")
    g.add_argument("--spark", nargs="?", const="local[*]", default=None, metavar="MASTER",
                   help="read the file and build the sequences on Spark (evaluate-recs: the DeepWalk/node2vec "
                        "walks too): local[*] (the default), spark://host:7077, yarn, k8s://...; FILE may "
                        "then be hdfs://, s3a:// or Parquet")
    g.add_argument("--spark-log", action="store_true", help="let Spark's warnings through to the terminal")


def add_model_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("training (defaults suit item sequences)")
    for name in TRAIN_FLAGS:
        default = ITEM_DEFAULTS.get(name, getattr(TrainConfig(), name))
        g.add_argument("--" + name.replace("_", "-"), dest=name, type=TRAIN_TYPES[name], default=None,
                       metavar=name.upper(), help=f"{TRAIN_HELP[name]} (default {default})")
    g.add_argument("--cbow", action="store_true", help="CBOW instead of skip-gram")
    g.add_argument("--user-vector", default="mean", choices=("mean", "sum", "rating", "decay"),
                   help="a user's vector from their items: mean (default), sum, rating (weighted by rating) "
                        "or decay (recent items weigh more; see --half-life)")
    g.add_argument("--half-life", type=ranged(float, 0, low_open=True), default=None, metavar="SECONDS",
                   help="decay: an item's weight halves every SECONDS before the user's last event (every "
                        "SECONDS events when the file has no times), above 0")
    g = p.add_argument_group("graph walks (deepwalk, node2vec)")
    g.add_argument("--walks-per-node", type=whole(1, 10_000, "each walk visits --walk-length items"), default=10, metavar="N",
                   help="walks started from each item, 1 or more (default 10)")
    g.add_argument("--walk-length", type=whole(2, 100_000, "a walk is one training sequence"), default=40, metavar="N",
                   help="items per walk, 2 or more (default 40)")
    g.add_argument("--p", type=real(0, 10 ** 6, "node2vec weights a step by 1/p", above=True), default=1.0,
                   help="node2vec return parameter, above 0 (default 1)")
    g.add_argument("--q", type=real(0, 10 ** 6, "node2vec weights a step by 1/q", above=True), default=1.0,
                   help="node2vec in-out parameter, above 0 (default 1)")
    g.add_argument("--start", choices=("uniform", "weighted"), default="uniform",
                   help="walk starts: every item equally often, or by out-weight")


def mapping_from(args):
    """The detected ColumnMapping of ``args.file`` with any explicit column options applied."""
    from w2v_desktop.core.items import detect_layout

    changes = {}
    if args.delimiter:
        changes["delimiter"] = args.delimiter  # one character, checked by its argparse type
    if args.header is not None:
        changes["header"] = args.header
    for role in ("user", "item", "rating", "time"):
        value = getattr(args, f"{role}_col")
        if value is not None:
            changes[role] = None if value.lower() == "none" else int(value) if value.isdigit() else value
    if getattr(args, "spark", None) and not os.path.exists(args.file):
        # Spark reads what the desktop cannot open (hdfs://, s3a://, a folder): no detecting.
        from w2v_desktop.core.items import ColumnMapping
        if not changes:
            return None  # Parquet: roles from the column names; CSV: refused, naming the options
        if any(isinstance(v, str) for k, v in changes.items() if k in ("user", "item", "rating", "time")):
            changes.setdefault("header", True)
        return ColumnMapping().replace(**changes)
    if not changes:
        return detect_layout(args.file)
    try:
        base = detect_layout(args.file)
    except ValueError:
        from w2v_desktop.core.items import ColumnMapping
        base = ColumnMapping()
    if any(isinstance(v, str) for k, v in changes.items() if k in ("user", "item", "rating", "time")):
        changes.setdefault("header", True)
    return base.replace(**changes)


def sequence_options_from(args, min_count: int | None = None):
    from w2v_desktop.core.items import SequenceOptions

    return SequenceOptions(min_rating=None if args.keep_all else args.min_rating,
                           session_gap=args.session_gap, min_length=args.min_length,
                           dedupe_consecutive=args.dedupe,
                           min_count=min_count or ITEM_DEFAULTS["min_count"])


def config_from(args) -> TrainConfig:
    changes = {name: getattr(args, name) for name in TRAIN_FLAGS if getattr(args, name, None) is not None}
    if getattr(args, "cbow", False):
        changes["sg"] = False
    return TrainConfig(**ITEM_DEFAULTS).replace(**changes)


def read_rating_file(args, min_count: int | None = None, out: str | None = "stderr",
                     with_events: bool = False, corpus: bool = True):
    """``args.file`` through core's rating pipeline (a ``RatingData``), reporting to
    sys.stderr, sys.stdout or nowhere (``out`` "stderr", "stdout" or None); progress goes to a
    live stderr line on a terminal. With ``--spark`` the pipeline runs on Spark; ``with_events``
    then brings the events back too, and ``corpus=False`` leaves the sequences there."""
    from w2v_desktop.core.jobs import read_rating_data

    say = (lambda text: None) if out is None else (lambda text: print(text, file=getattr(sys, out)))
    engine = spark_engine(args, with_events=with_events, corpus=corpus)
    mapping = mapping_from(args)
    if mapping is not None:
        say(f"{args.file}: {mapping.describe()}")
    live = LiveLine(out is not None)
    with spark_errors(args.file):
        data = read_rating_data(args.file, mapping, sequence_options_from(args, min_count), args.items or "",
                                strict=args.strict, on_progress=live.show, spark=engine,
                                suggest_threshold=args.min_rating is None and not args.keep_all)
    live.clear()
    if mapping is None:
        say(f"{args.file}: {data.mapping.describe()}")
    if data.threshold_note:
        say(f"{data.threshold_note}; set --min-rating to change")
    for line, reason, text in data.report.skipped_rows.examples[:5]:
        say(f"  skipped line {line}: {reason}: {text}")
    for line in data.report_lines():
        say(line)
    return data


def spark_engine(args, **choices):
    """The SparkEngine that ``--spark`` asks for (None without it); without pyspark (or Java)
    a CliError with the install hint."""
    if not getattr(args, "spark", None):
        return None
    from w2v_desktop.core.jobs import SparkEngine
    from w2v_desktop.core.spark import SparkUnavailable, require_pyspark

    try:
        require_pyspark()
    except SparkUnavailable as exc:
        raise CliError(f"--spark: {exc}") from None
    return SparkEngine(args.spark, verbose=getattr(args, "spark_log", False), **choices)


class spark_errors:
    """Spark's own failures (a missing path, a lost executor) as one CliError line naming the file."""

    def __init__(self, source: str):
        self.source = source

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if exc is None or not (kind.__module__ or "").startswith(("pyspark", "py4j")):
            return False
        first = next((line.strip() for line in str(exc).splitlines() if line.strip()), kind.__name__)
        raise CliError(f"{self.source}: Spark: {first}") from None


class LiveLine:
    """Progress records (LoadProgress, SparkProgress, ...) on one live stderr line, on a terminal only."""

    def __init__(self, wanted: bool = True):
        self.on = wanted and sys.stderr.isatty()

    def show(self, record) -> None:
        message = getattr(record, "message", None)
        if not self.on or message is None:
            return
        fraction = getattr(record, "fraction", None)
        share = f" ({fraction:.0%})" if fraction is not None else ""
        sys.stderr.write(f"\r\033[K{message}{share}")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.on:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def run_report(args) -> int:
    read_rating_file(args, out="stdout")  # the report is this command's output
    return 0


def run_evaluate(args) -> int:
    from w2v_desktop.core.analysis import EvalOptions, genre_coherence
    from w2v_desktop.core.items import WalkOptions
    from w2v_desktop.core.jobs import evaluate_ratings

    config = config_from(args)
    data = read_rating_file(args, config.min_count, with_events=True)
    events, items = data.events, data.items
    # data.options: the threshold read_rating_file used (the file's suggestion unless given)
    options = EvalOptions(k=args.k, sequences=data.options, train=config,
                          methods=tuple(m.strip() for m in args.methods.split(",") if m.strip()),
                          walks=WalkOptions(walks_per_node=args.walks_per_node, walk_length=args.walk_length,
                                            p=args.p, q=args.q, start=args.start, seed=config.seed),
                          user_vector=args.user_vector, half_life=args.half_life, max_users=args.max_users,
                          seed=config.seed)
    live = LiveLine()

    def step(message: str) -> None:
        live.clear()
        print(message, file=sys.stderr)

    with spark_errors(args.file):  # with --spark the walks are generated there too
        result = evaluate_ratings(events, options, spark=spark_engine(args), on_step=step, on_progress=live.show)
    live.clear()
    print(result.table())
    if items is not None:
        for method, vectors in result.vectors.items():
            near, chance = genre_coherence(vectors, items, k=args.k, seed=config.seed)
            print(f"{method}: {near:.1%} of top-{args.k} neighbours share a genre with the item "
                  f"(random items: {chance:.1%})")
    return 0


def run_recommend(args) -> int:
    from w2v_desktop.core.items import compare_scorings, histories, rare_rows, similar_items, user_vectors
    from w2v_desktop.core.analysis import fit_model

    config = config_from(args)
    data = read_rating_file(args, config.min_count, with_events=True)
    events, corpus, items = data.events, data.corpus, data.items
    if args.vectors:
        from w2v_desktop.core.formats import load_vectors
        vectors = load_vectors(args.vectors)
    else:
        print("training item2vec ...", file=sys.stderr)
        vectors = fit_model(corpus, config).vectors
    label = (lambda r: f"{r.name} {r.title}".strip() + (f" [{r.genres}]" if r.genres else ""))
    rare = rare_rows(vectors, args.min_popularity, events)
    if len(rare):
        print(f"leaving out {len(rare):,} items with fewer than {args.min_popularity:,} training events",
              file=sys.stderr)
    if args.item:
        if args.item not in vectors:
            raise CliError(f"item {args.item!r} has no vector (too rare, filtered out, or unknown)")
        if items:
            print(f"items similar to {args.item} {items.title(args.item)} [{items.get(args.item, 'genres')}]:")
        for r in similar_items(vectors, args.item, args.k, items, exclude=rare):
            print(f"  {r.score:6.3f}  {label(r)}")
        return 0
    from w2v_desktop.core.items import sort_events
    hist = histories(vectors, sort_events(events))
    if args.user not in hist.user_ids:
        raise CliError(f"user {args.user!r} is not in {args.file}")
    i = hist.index(args.user)
    profile = user_vectors(vectors, hist, args.user_vector, args.half_life)[i]
    import numpy as np
    cmp = compare_scorings(vectors, profile, np.union1d(hist.seen_rows(i), rare).astype(np.int64), args.k, items)
    print(f"user {args.user}: {len(hist.seen_rows(i))} items with vectors; user vector: {args.user_vector}")
    print(f"{'by cosine (direction only)':<50}  by dot product (length counts)")
    for a, b in zip(cmp.cosine, cmp.dot):
        print(f"{a.score:6.3f} {label(a)[:42]:<43}  {b.score:7.3f} {label(b)[:48]}")
    # counts are unknown for vectors files that carry none (word2vec text/binary)
    counts = ("" if vectors.counts is None else
              f"; mean training count: cosine {cmp.mean_count['cosine']:.0f}, dot {cmp.mean_count['dot']:.0f} "
              f"(catalogue {cmp.catalogue_mean_count:.0f})")
    print(f"{cmp.overlap} of {args.k} items in both lists. Mean vector length of the recommended items: "
          f"cosine {cmp.mean_norm['cosine']:.2f}, dot {cmp.mean_norm['dot']:.2f} "
          f"(catalogue {cmp.catalogue_mean_norm:.2f}){counts}.")
    print("Dot product = cosine x both lengths: long (often frequent) item vectors rise, as in matrix "
          "factorisation; cosine ignores length, as neighbour search does.")
    return 0
