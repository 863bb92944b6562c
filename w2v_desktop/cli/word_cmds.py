"""Questions about words (or items), gensim's KeyedVectors family: ``neighbors`` (``most_similar``,
with positive and negative terms), ``analogy``, ``similarity`` and ``doesnt-match``.

Each prints a plain table, or JSON with ``--json``. The maths lives in ``w2v_desktop.core.vectors``;
the saved approximate index of ``neighbors --ann`` in ``core.formats.ann_file``.
"""
from __future__ import annotations

import argparse

from w2v_desktop.cli.common import (add_vectors_arguments, load, neighbors_json, print_json, print_table,
                                    say)
from w2v_desktop.cli.errors import CliError

ANALOGY_METHODS = ("3cosadd", "3cosmul")
ANN_METRICS = ("cosine", "euclidean", "manhattan", "pearson")


def register(sub: argparse._SubParsersAction) -> None:
    from w2v_desktop.core.vectors import METRICS

    p = sub.add_parser(
        "neighbors", help="nearest neighbours of words or items (gensim's most_similar)",
        description="Top-k neighbours of each QUERY (the query itself is left out). With --negative or "
                    "--combine the terms are combined as gensim's most_similar(positive=[...], "
                    "negative=[...]) does: one list ranked by cosine to the mean of the terms' unit "
                    "vectors, negative terms subtracted; every term is left out of the answers. "
                    "Example: neighbors VECTORS king woman --negative man.")
    add_vectors_arguments(p)
    p.add_argument("queries", nargs="+", metavar="QUERY", help="word or item name(s)")
    p.add_argument("--negative", "-n", action="append", default=[], metavar="NAME",
                   help="a term to subtract (repeatable); implies --combine")
    p.add_argument("--combine", action="store_true",
                   help="one list for all QUERY terms together (their mean), not one list per QUERY")
    p.add_argument("--metric", choices=METRICS, default="cosine",
                   help=f"similarity or distance: {', '.join(METRICS)} (default cosine; "
                        "combined terms rank by cosine)")
    p.add_argument("--ann", action="store_true",
                   help="answer approximately from an index saved beside VECTORS (built on first use, "
                        "rebuilt when VECTORS changes; every row, so not with --restrict; Voyager HNSW for "
                        "cosine, pearson, euclidean, from "
                        "the [ann] extra), else a PyNNDescent index built for this call "
                        f"({', '.join(ANN_METRICS)})")
    p.add_argument("--ann-index", metavar="FILE",
                   help="where the saved index lives (default: VECTORS.<metric>.ann beside VECTORS, with its header VECTORS.<metric>.ann.json)")
    p.add_argument("--rebuild-index", action="store_true", help="with --ann: build and save the index anew")
    p.set_defaults(func=run_neighbors)

    p = sub.add_parser("analogy", help="solve 'A is to B as C is to ?'",
                       description="Answers ranked for B - A + C; the inputs are never answers.")
    add_vectors_arguments(p)
    p.add_argument("a", metavar="A", help="a word or item (e.g. man)")
    p.add_argument("b", metavar="B", help="what A becomes (e.g. king)")
    p.add_argument("c", metavar="C", help="the word to map the same way (e.g. woman)")
    p.add_argument("--method", choices=ANALOGY_METHODS, default="3cosadd",
                   help="3cosadd (vector offset, default) or 3cosmul (Levy & Goldberg 2014)")
    p.set_defaults(func=run_analogy)

    p = sub.add_parser("similarity", help="similarity of two words or items (gensim's similarity)",
                       description="Cosine similarity of A and B, as gensim's KeyedVectors.similarity; "
                                   "--metric gives another similarity or a distance.")
    add_vectors_arguments(p)
    p.add_argument("a", metavar="A", help="a word or item name")
    p.add_argument("b", metavar="B", help="another")
    p.add_argument("--metric", choices=METRICS, default="cosine",
                   help=f"{', '.join(METRICS)} (default cosine; euclidean and manhattan are distances)")
    p.set_defaults(func=run_similarity)

    p = sub.add_parser("doesnt-match", help="the name that fits least with the others (gensim's doesnt_match)",
                       description="The name whose unit vector is farthest (lowest cosine) from the mean of "
                                   "all the names' unit vectors, as gensim's doesnt_match; each name's "
                                   "cosine to that mean is listed.")
    add_vectors_arguments(p)
    p.add_argument("names", nargs="+", metavar="NAME", help="two or more words or items")
    p.set_defaults(func=run_doesnt_match)


# --- neighbors -----------------------------------------------------------------------------------

def run_neighbors(args) -> int:
    from w2v_desktop.core.vectors import similarity

    combine = args.combine or bool(args.negative)
    if combine and args.metric != "cosine":
        raise CliError(f"--metric {args.metric}: combined terms (--negative, --combine) rank by cosine, "
                       "as gensim's most_similar does")
    if args.ann_index and not args.ann or args.rebuild_index and not args.ann:
        raise CliError("--ann-index and --rebuild-index go with --ann")
    if args.ann and args.restrict is not None:
        raise CliError("--ann searches every row; --restrict needs exact search (drop --ann)")
    vectors = load(args)
    for name in [*args.queries, *args.negative]:
        vectors.row(name)  # an unknown name fails here, by name, before any index is built
    index = _ann_index(args, vectors) if args.ann else None
    if combine:
        results = {_combined_label(args): _combined(vectors, args, index)}
    else:
        results = {q: similarity.nearest(vectors, q, args.k, args.metric, args.restrict, index=index,
                                         exact=index is None) for q in args.queries}
    if args.json:
        data = {"metric": args.metric, "approximate": bool(index),
                "results": {q: neighbors_json(r) for q, r in results.items()}}
        if combine:
            data.update(positive=args.queries, negative=args.negative)
        print_json(data)
        return 0
    label = "distance" if similarity.IS_DISTANCE[args.metric] else "similarity"
    for i, (query, neighbors) in enumerate(results.items()):
        if i:
            print()
        print_table(["rank", "name", f"{args.metric} {label}"],
                    [[rank, n.name, n.score] for rank, n in enumerate(neighbors, 1)], title=f"{query}:")
    return 0


def _combined_label(args) -> str:
    return " + ".join(args.queries) + "".join(f" - {n}" for n in args.negative)


def _combined(vectors, args, index):
    """gensim's most_similar(positive, negative): cosine to the mean of signed unit vectors."""
    from w2v_desktop.core.vectors import analogy

    if index is None:
        return analogy.most_similar(vectors, args.queries, args.negative, args.k, args.restrict)
    mean = analogy.signed_mean(vectors, args.queries, args.negative)
    return index.query(mean, k=args.k, exclude=[*args.queries, *args.negative])


def _ann_index(args, vectors):
    """The saved index for VECTORS if fresh, else one built now (and saved when it can be)."""
    from pathlib import Path

    from w2v_desktop.core.formats import ann_file
    from w2v_desktop.core.vectors import hnsw

    metric = "cosine" if args.combine or args.negative else args.metric
    if metric not in ANN_METRICS:
        raise CliError(f"--ann supports --metric {', '.join(ANN_METRICS)}, not {metric}")
    if metric not in hnsw.HNSW_METRICS or not hnsw.available():
        why = ("Voyager is not installed (pip install 'w2v-desktop[ann]')" if metric in hnsw.HNSW_METRICS
               else f"a saved index does not support {metric}")
        return _pynndescent(vectors, metric, why)
    path = Path(args.ann_index) if args.ann_index else ann_file.index_path_for(args.vectors, metric)
    if path.exists() and not args.rebuild_index:
        loaded = ann_file.load_ann_index(path, args.vectors, vectors, metric)
        if loaded.index is not None:
            say(f"approximate search: using the saved index {path}")
            return loaded.index
        say(f"approximate search: the saved index {path} is stale ({loaded.stale}); rebuilding it")
    else:
        say(f"approximate search: building an HNSW index of {len(vectors):,} vectors ({metric})...")
    index = hnsw.HnswIndex.build(vectors, metric)
    try:
        ann_file.save_ann_index(index, path, args.vectors, vectors)
        say(f"approximate search: built in {index.build_seconds:.1f} s, saved to {path} (reused next time)")
    except OSError as exc:
        say(f"approximate search: built in {index.build_seconds:.1f} s; not saved ({path}: "
            f"{(exc.strerror or str(exc)).lower()}), so the next call builds it again")
    return index


def _pynndescent(vectors, metric: str, why: str):
    from w2v_desktop.core.vectors import ann

    say(f"approximate search: {why}; building a PyNNDescent index for this call only "
        "(it cannot be saved without pickle)...")
    index = ann.AnnIndex.build(vectors, metric=metric)
    say(f"approximate search: PyNNDescent index built in {index.build_seconds:.1f} s")
    return index


# --- analogy, similarity, doesnt-match -----------------------------------------------------------

def run_analogy(args) -> int:
    from w2v_desktop.core.vectors import analogy

    vectors = load(args)
    answers = analogy.analogy(vectors, args.a, args.b, args.c, k=args.k, method=args.method, restrict=args.restrict)
    if args.json:
        print_json({"a": args.a, "b": args.b, "c": args.c, "method": args.method,
                    "answers": neighbors_json(answers)})
        return 0
    print_table(["rank", "answer", "score"], [[r, n.name, n.score] for r, n in enumerate(answers, 1)],
                title=f"{args.a} : {args.b} :: {args.c} : ?   ({args.method})")
    return 0


def run_similarity(args) -> int:
    from w2v_desktop.core.vectors import analogy

    vectors = load(args)
    score = analogy.pair_score(vectors, args.a, args.b, args.metric)
    if args.json:
        print_json({"a": args.a, "b": args.b, "metric": args.metric, "score": score})
        return 0
    from w2v_desktop.core.vectors.metrics import IS_DISTANCE

    kind = "distance" if IS_DISTANCE[args.metric] else "similarity"
    print(f"{args.metric} {kind} of {args.a!r} and {args.b!r}: {score:.4f}")
    return 0


def run_doesnt_match(args) -> int:
    from w2v_desktop.core.vectors import analogy

    if len(args.names) < 2:
        raise CliError("doesnt-match needs two or more names")
    vectors = load(args)
    scores = analogy.doesnt_match_scores(vectors, args.names)
    odd = min(scores, key=lambda pair: pair[1])[0]
    if args.json:
        print_json({"doesnt_match": odd, "cosine_to_mean": dict(scores)})
        return 0
    print(f"doesn't match: {odd}")
    print()
    print_table(["name", "cosine to the mean"], [[n, s] for n, s in sorted(scores, key=lambda p: p[1])])
    return 0
