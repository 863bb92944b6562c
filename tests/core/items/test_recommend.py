"""User vectors, recommendations and similar items, on hand-made vectors."""
import numpy as np
import pytest

from w2v_desktop.core.items import Interactions, ItemTable
from w2v_desktop.core.items.recommend import (attach_item_columns, compare_scorings, event_weights, histories,
                                        recommend, similar_items, user_vectors)
from w2v_desktop.core.items.sequences import sort_events
from w2v_desktop.core.vectors.keyed import Vectors

VECTORS = Vectors(["a", "b", "c", "d"],
                  np.array([[1, 0], [0, 1], [3, 3], [0.5, -0.1]], np.float32),
                  counts=np.array([10, 8, 50, 1]))
ITEMS = ItemTable(["a", "b", "c"], {"title": ["Alpha", "Beta", "Gamma"], "genres": ["X", "Y", "X|Y"]})


def events(rows, ratings=True, times=True):
    """rows: (user, item, rating, time)."""
    users = list(dict.fromkeys(r[0] for r in rows))
    items = list(dict.fromkeys(r[1] for r in rows))
    inter = Interactions(np.array([users.index(r[0]) for r in rows], np.int32),
                         np.array([items.index(r[1]) for r in rows], np.int32), users, items,
                         np.array([r[2] for r in rows], np.float32) if ratings else None,
                         np.array([r[3] for r in rows], np.float64) if times else None)
    return sort_events(inter)


HISTORY = events([("u", "a", 5, 0), ("u", "b", 1, 100), ("u", "zz", 5, 50), ("v", "c", 4, 0)])


def test_histories_map_items_to_rows():
    hist = histories(VECTORS, HISTORY)
    assert hist.user_ids == ["u", "v"]
    assert hist.rows.tolist() == [0, -1, 1, 2]  # u: a, zz (no vector), b ; v: c
    assert hist.seen_rows(0).tolist() == [0, 1]


def test_user_vector_aggregations():
    hist = histories(VECTORS, HISTORY)
    mean = user_vectors(VECTORS, hist, "mean")
    assert np.allclose(mean, [[0.5, 0.5], [3, 3]])
    assert np.allclose(user_vectors(VECTORS, hist, "sum")[0], [1, 1])
    assert np.allclose(user_vectors(VECTORS, hist, "rating")[0], [5 / 6, 1 / 6])
    # b is the latest (t=100), a is 100 s older: with a 100 s half-life a weighs half of b
    assert np.allclose(user_vectors(VECTORS, hist, "decay", half_life=100)[0], [1 / 3, 2 / 3])
    weights = event_weights(hist, "decay", half_life=100)
    assert weights[1] == 0  # the item without a vector takes no weight


def test_decay_without_timestamps_counts_events():
    hist = histories(VECTORS, events([("u", "a", 5, 0), ("u", "b", 5, 0)], times=False))
    assert np.allclose(user_vectors(VECTORS, hist, "decay", half_life=1)[0], [1 / 3, 2 / 3])


def test_bad_aggregation_requests():
    hist = histories(VECTORS, events([("u", "a", 5, 0)], ratings=False))
    with pytest.raises(ValueError, match="rating column"):
        user_vectors(VECTORS, hist, "rating")
    with pytest.raises(ValueError, match="half_life"):
        user_vectors(VECTORS, hist, "decay")
    with pytest.raises(ValueError, match="unknown user vector method"):
        user_vectors(VECTORS, hist, "median")


def test_cosine_and_dot_rank_differently():
    user = np.array([1.0, 0.2], np.float32)
    by_cosine = recommend(VECTORS, user, seen_rows=[0], k=3, scoring="cosine", items=ITEMS)
    by_dot = recommend(VECTORS, user, seen_rows=[0], k=3, scoring="dot")
    # d points almost exactly the user's way; c is long (a popular item) and wins the dot product
    assert [r.name for r in by_cosine] == ["d", "c", "b"]
    assert [r.name for r in by_dot] == ["c", "d", "b"]
    assert by_cosine[1].title == "Gamma" and by_cosine[1].genres == "X|Y"
    comparison = compare_scorings(VECTORS, user, seen_rows=[0], k=1)
    assert comparison.overlap == 0
    assert comparison.mean_norm["dot"] > comparison.mean_norm["cosine"]
    assert comparison.mean_count["dot"] == 50 and comparison.mean_count["cosine"] == 1


def test_similar_items_and_metadata_columns():
    found = similar_items(VECTORS, "a", k=2, items=ITEMS)
    assert [(r.name, r.title) for r in found] == [("d", ""), ("c", "Gamma")]
    with_columns = attach_item_columns(VECTORS.copy(), ITEMS)
    assert with_columns.meta["columns"]["title"] == ["Alpha", "Beta", "Gamma", ""]
