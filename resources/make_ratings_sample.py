"""Generate the bundled rating sample: ``sample_ratings.csv`` + ``sample_items.csv``.

Deterministic (fixed seed): run ``python resources/make_ratings_sample.py``
from the repository root to rebuild the committed files byte for byte.

The data come from latent genre preferences, so item2vec should find that an
item's neighbours share its genres:
- 300 items, each with a primary genre and up to two secondary ones, and a
  Zipf-like popularity;
- 500 users, each with a Dirichlet preference over the genres;
- a user's history is a Markov walk over genres (mostly staying in the current
  genre for a while, as people binge a genre), picking unseen items of that
  genre by popularity; ratings are higher for preferred genres;
- timestamps start between 1999 and 2012, so they straddle 1,000,000,000 (9
  and 10 digits, which string sorting would misorder).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np

SEED = 20240611
N_USERS, N_ITEMS, N_RATINGS = 500, 300, 30_000
GENRES = ["Action", "Adventure", "Animation", "Comedy", "Crime", "Documentary",
          "Drama", "Fantasy", "Horror", "Romance", "Sci-Fi", "Thriller"]
ADJECTIVES = ["Silent", "Crimson", "Broken", "Golden", "Hidden", "Last", "Midnight", "Frozen",
              "Electric", "Savage", "Gentle", "Lost", "Burning", "Velvet", "Iron", "Paper",
              "Distant", "Wild", "Hollow", "Bright", "Secret", "Northern", "Endless", "Little"]
NOUNS = ["River", "Harbor", "Kingdom", "Summer", "Machine", "Garden", "Empire", "Signal",
         "Stranger", "Promise", "Highway", "Orchard", "Planet", "Detective", "Lantern", "Voyage",
         "Circus", "Witness", "Forest", "Letters", "Frontier", "Island", "Symphony", "Ghost"]
STAY_IN_GENRE = 0.75


def make_items(rng: np.random.Generator) -> tuple[list[str], list[list[int]], np.ndarray]:
    pairs = rng.choice(len(ADJECTIVES) * len(NOUNS), size=N_ITEMS, replace=False)
    years = rng.integers(1960, 2012, size=N_ITEMS)
    titles = [f"The {ADJECTIVES[p // len(NOUNS)]} {NOUNS[p % len(NOUNS)]} ({y})"
              for p, y in zip(pairs, years)]
    genres = []
    for i in range(N_ITEMS):
        primary = i % len(GENRES)
        extra = rng.choice(len(GENRES), size=rng.integers(0, 3), replace=False)
        genres.append([primary] + sorted(set(int(g) for g in extra) - {primary}))
    popularity = 1.0 / (rng.permutation(N_ITEMS) + 8.0) ** 0.9
    return titles, genres, popularity


def make_user_history(rng, n_events, pref, items_by_genre, popularity, quality, item_genres):
    seen: set[int] = set()
    items, ratings = [], []
    genre = rng.choice(len(GENRES), p=pref)
    while len(items) < n_events:
        if rng.random() > STAY_IN_GENRE:
            genre = rng.choice(len(GENRES), p=pref)
        pool = [i for i in items_by_genre[genre] if i not in seen]
        if not pool:
            genre = rng.choice(len(GENRES), p=pref)
            continue
        weights = popularity[pool] / popularity[pool].sum()
        item = int(rng.choice(pool, p=weights))
        seen.add(item)
        affinity = max(pref[g] for g in item_genres[item]) * len(GENRES)
        score = 3.0 + 0.9 * np.tanh(affinity - 1.0) + quality[item] + rng.normal(0, 0.6)
        items.append(item)
        ratings.append(float(np.clip(np.round(score * 2) / 2, 0.5, 5.0)))
    return items, ratings


def make_times(rng, n_events) -> np.ndarray:
    start = rng.integers(915_000_000, 1_330_000_000)  # 1999 .. 2012
    gaps = rng.exponential(3 * 3600, size=n_events).astype(np.int64) + 60
    breaks = rng.random(n_events) < 0.08  # occasional long pauses (new sessions)
    gaps[breaks] += rng.integers(5 * 86400, 120 * 86400, size=int(breaks.sum()))
    gaps[0] = 0
    return start + np.cumsum(gaps)


def generate() -> tuple[str, str]:
    rng = np.random.default_rng(SEED)
    titles, item_genres, popularity = make_items(rng)
    quality = rng.normal(0, 0.4, size=N_ITEMS)
    items_by_genre = [[i for i in range(N_ITEMS) if g in item_genres[i]] for g in range(len(GENRES))]
    lengths = rng.lognormal(0, 0.6, size=N_USERS)
    lengths = np.clip(np.round(lengths / lengths.sum() * N_RATINGS), 12, 200).astype(int)
    ratings_csv = io.StringIO()
    ratings_csv.write("user_id,item_id,rating,timestamp\n")
    for user in range(N_USERS):
        pref = rng.dirichlet(np.full(len(GENRES), 0.25))
        items, ratings = make_user_history(rng, lengths[user], pref, items_by_genre,
                                           popularity, quality, item_genres)
        for item, rating, t in zip(items, ratings, make_times(rng, len(items))):
            ratings_csv.write(f"u{user + 1},{item + 1},{rating:g},{t}\n")
    items_csv = io.StringIO()
    items_csv.write("item_id,title,genres\n")
    for i in range(N_ITEMS):
        items_csv.write(f"{i + 1},{titles[i]},{'|'.join(GENRES[g] for g in item_genres[i])}\n")
    return ratings_csv.getvalue(), items_csv.getvalue()


def main(out_dir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from w2v_desktop.core.atomic import atomic_write

    ratings, items = generate()
    for name, text in (("sample_ratings.csv", ratings), ("sample_items.csv", items)):
        with atomic_write(out_dir / name, newline="") as f:
            f.write(text)
        print(f"wrote {out_dir / name} ({len(text.encode()):,} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "w2v_desktop" / "resources" / "samples")
