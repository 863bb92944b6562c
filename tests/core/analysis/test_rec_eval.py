"""Leave-last-out evaluation: the split, the metric arithmetic, and an end-to-end run."""
import numpy as np
import pytest

from tests.conftest import SAMPLES
from w2v_desktop.core.config import ITEM_DEFAULTS, TrainConfig
from w2v_desktop.core.items import Interactions, read_items, read_ratings
from w2v_desktop.core.analysis.recs import (EvalOptions, ItemModel, _ranked, evaluate_recs, fit_model, genre_coherence,
                                       leave_last_out)
from w2v_desktop.core.vectors.keyed import Vectors


def events(rows):
    users = list(dict.fromkeys(r[0] for r in rows))
    items = list(dict.fromkeys(r[1] for r in rows))
    return Interactions(np.array([users.index(r[0]) for r in rows], np.int32),
                        np.array([items.index(r[1]) for r in rows], np.int32), users, items,
                        np.array([r[2] for r in rows], np.float32), np.array([r[3] for r in rows], np.float64))


def test_leave_last_out_holds_out_each_users_latest_kept_event():
    inter = events([("u", "a", 5, 30), ("u", "b", 5, 10), ("u", "c", 1, 99), ("u", "d", 4, 20),
                    ("v", "a", 5, 1),  # one kept event only: nothing to train on, not evaluated
                    ("w", "b", 5, 7), ("w", "c", 5, 7)])  # a tie: file order decides, c is last
    split = leave_last_out(inter, min_rating=3.5)
    names = lambda codes: [inter.item_ids[c] for c in codes]
    assert [inter.user_ids[u] for u in split.users] == ["u", "w"]
    assert names(split.targets) == ["a", "c"]  # c (rating 1) was filtered before holding out
    assert names(split.last_items) == ["d", "b"]
    assert names(split.train.items) == ["b", "d", "a", "b"]


def test_rank_metrics_arithmetic():
    scores = np.array([[0.9, 0.8, 0.7, 0.1],    # target col 2; col 0 seen -> rank 2
                       [0.5, 0.5, 0.5, 0.5],    # all tied: target col 1 ranks after col 0 -> 2
                       [0.1, 0.2, 0.3, 0.4],    # target col 0 -> rank 4
                       [0.3, 0.2, 0.1, 0.0]])   # target has no vector -> a miss
    row = _ranked("m", "t", "s", 2, np.array([2, 1, 0, -1]), [np.array([0]), np.array([], int),
                  np.array([], int), np.array([], int)], lambda block: scores[block].copy(),
                  n_cols=4, catalogue_size=4)
    assert row.hit_rate == pytest.approx(2 / 4)
    assert row.ndcg == pytest.approx((1 / np.log2(3) + 1 / np.log2(3)) / 4)
    assert row.mrr == pytest.approx((1 / 2 + 1 / 2 + 1 / 4 + 0) / 4)
    assert row.no_vector == 1
    # top-2 lists: {2,1}, {0,1} (ties to lower columns), {3,2}, {0,1}: every column recommended
    assert row.coverage == pytest.approx(1.0)


def test_evaluation_with_a_planted_model():
    # users walk a -> b -> c -> d -> e; a model whose nearest neighbour of x is "the next item"
    order = ["a", "b", "c", "d", "e"]
    rows = []
    for u in range(6):
        start = u % 3
        rows += [(f"u{u}", order[start + i], 5, i) for i in range(3)]
    inter = events(rows)
    angle = np.linspace(0, np.pi / 2, 5)
    planted = Vectors(order, np.stack([np.cos(angle), np.sin(angle)], 1).astype(np.float32))
    fit = lambda corpus, config: ItemModel(planted)
    result = evaluate_recs(inter, EvalOptions(k=1, methods=("item2vec",)), fit=fit)
    assert result.row("item2vec", "next item", "cosine").hit_rate == 1.0
    assert result.row("random", "baseline").users == 6
    assert "HR@1" in result.table()
    with pytest.raises(ValueError, match="unknown method"):
        evaluate_recs(inter, EvalOptions(methods=("svd",)), fit=fit)


def test_item2vec_on_the_sample_beats_baselines_and_groups_genres():
    inter = read_ratings(SAMPLES / "sample_ratings.csv")
    config = TrainConfig(**ITEM_DEFAULTS).replace(sample=1e-3, window=5, threads=1, epochs=5, dim=32)
    result = evaluate_recs(inter, EvalOptions(train=config, methods=("item2vec",)))
    next_item = result.row("item2vec", "next item", "cosine").hit_rate
    assert next_item > result.row("most-popular", "baseline").hit_rate
    assert next_item > 2 * result.row("random", "baseline").hit_rate
    near, chance = genre_coherence(result.vectors["item2vec"], read_items(SAMPLES / "sample_items.csv"))
    assert near > chance + 0.3


def test_evaluation_stops_when_cancelled_and_the_fit_takes_the_token():
    from w2v_desktop.core.cancel import CancelToken, Cancelled

    token = CancelToken()
    seen = []

    def fit(corpus, config, cancel=None):
        seen.append(cancel)
        token.cancel()  # the user presses Cancel while the first model trains
        return fit_model(corpus, config.replace(epochs=1, threads=1), cancel=cancel)

    with pytest.raises(Cancelled):
        evaluate_recs(read_ratings(SAMPLES / "sample_ratings.csv"), EvalOptions(methods=("item2vec", "deepwalk")),
                      fit=fit, cancel=token)
    assert seen == [token]  # the second model was never started
