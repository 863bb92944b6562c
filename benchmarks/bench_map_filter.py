"""The map table's filter and sort on a map of 400,000 points.

    python benchmarks/bench_map_filter.py [--points 400000] [--repeats 7]

Synthetic map (seeded): names like GloVe's (random lower-case words), counts, trust with NaN on
most points (as a large map's sampled trust), x/y, a multi-label ``genres`` column (1 to 3 of 18
genres) and a unique ``title`` per point. Prints, in milliseconds:

* building the columns (``make_map_columns``: number detection of each metadata column);
* each filter's first evaluation (which splits a text column into values once, then keeps them)
  and the median of the next ``--repeats`` (what each Enter in the filter box costs);
* sorting by name, by count and by genres (the table's header clicks), first and repeated.
"""
from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from w2v_desktop.core.analysis import filter_mask, make_map_columns, parse_filter

GENRES = ("Action Adventure Animation Children's Comedy Crime Documentary Drama Fantasy Film-Noir "
          "Horror Musical Mystery Romance Sci-Fi Thriller War Western").split()
FILTERS = ("count > 50", "genres = Sci-Fi AND count > 50", "name ~ ab", "title contains \"of the\"",
           "NOT (genres = Drama OR trust < 0.5) AND x > 0", "name = abcde")


def synthetic_map(n: int, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    lengths = rng.integers(3, 11, size=n)
    pool = letters[rng.integers(0, 26, size=(n, 10))]
    names = ["".join(row[:k]) + str(i) for i, (row, k) in enumerate(zip(pool, lengths))]
    picks = rng.integers(0, len(GENRES), size=(n, 3))
    how_many = rng.integers(1, 4, size=n)
    genres = ["|".join(GENRES[g] for g in dict.fromkeys(row[:k])) for row, k in zip(picks.tolist(), how_many)]
    titles = [f"The {name} of the {GENRES[p[0]]}" for name, p in zip(names, picks.tolist())]
    trust = np.full(n, np.nan)
    sample = rng.choice(n, size=min(n, 5000), replace=False)
    trust[sample] = rng.random(len(sample))
    return {"names": names, "coords": rng.normal(size=(n, 2)), "trust": trust,
            "counts": np.sort(rng.zipf(1.3, size=n))[::-1], "metadata": {"title": titles, "genres": genres}}


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=400_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    data = synthetic_map(args.points)
    holder = {}
    build = timed(lambda: holder.setdefault("columns", make_map_columns(data["names"], data["coords"], data["trust"],
                                                                   data["counts"], data["metadata"])))
    columns = holder["columns"]
    print(f"{args.points:,} points; columns {', '.join(columns.names)}")
    print(f"build the columns: {build:8.1f} ms")
    for text in FILTERS:
        first = timed(lambda: filter_mask(text, columns))
        again = statistics.median(timed(lambda: filter_mask(text, columns)) for _ in range(args.repeats))
        parse = statistics.median(timed(lambda: parse_filter(text, columns)) for _ in range(args.repeats))
        hits = int(filter_mask(text, columns).sum())
        print(f"filter {text!r:52} first {first:7.1f} ms, then {again:6.1f} ms (parse {parse:.2f} ms); "
              f"{hits:,} match")
    for name in ("name", "count", "genres"):
        column = columns.columns[name]
        first = timed(lambda: column.sort_order())
        again = statistics.median(timed(lambda: column.sort_order(descending=True)) for _ in range(args.repeats))
        print(f"sort by {name:8} first {first:7.1f} ms, then {again:6.1f} ms (descending)")


if __name__ == "__main__":
    main()
