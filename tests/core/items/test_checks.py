"""Rating data that MovieLens's defaults do not suit is said, not trained on silently:
the scale and a threshold for it, file order without times, collapsed vectors, baselines
that beat every method. The files are made here (issue 12, "What it must show" 5)."""
from __future__ import annotations

import numpy as np
import pytest

from w2v_desktop.cli import main
from w2v_desktop.core.analysis.recs import EvalResult, MetricRow, evaluation_warnings
from w2v_desktop.core.items import (collapse_warning, file_order_warning, mean_pairwise_cosine, rating_scale,
                                    read_ratings, sample_rating_scale, threshold_warning)
from w2v_desktop.core.items.layouts import ColumnMapping
from w2v_desktop.core.jobs import read_rating_data
from w2v_desktop.core.vectors.keyed import Vectors


def half_star_file(path, users=300, items=120, seed=0):
    """A 0.5-4 scale (half stars, no 4.5 or 5), timestamps, most ratings below 3.5."""
    rng = np.random.default_rng(seed)
    values = np.arange(0.5, 4.01, 0.5)
    p = np.array([2, 4, 8, 12, 16, 18, 22, 18], float)
    lines = ["userId,movieId,rating,timestamp"]
    for u in range(users):
        for t, item in enumerate(rng.choice(items, 25, replace=False)):
            lines.append(f"u{u},{item},{rng.choice(values, p=p / p.sum()):g},{1_000_000 + 60 * t}")
    path.write_text("\n".join(lines) + "\n")
    return path


def item_sorted_file(path, users=200, items=60, seed=0):
    """Implicit feedback, no header, no time, rows sorted by item."""
    rng = np.random.default_rng(seed)
    rows = sorted({(int(rng.integers(items)), int(rng.integers(users))) for _ in range(4000)})
    path.write_text("\n".join(f"{user}\t{item}" for item, user in rows) + "\n")
    return path


def test_a_half_star_scale_gets_its_own_threshold_and_a_warning(tmp_path):
    path = half_star_file(tmp_path / "half.csv")
    data = read_rating_data(path)  # the defaults: keep ratings >= 3.5, MovieLens's
    scale = data.scale
    assert (scale.minimum, scale.maximum, scale.step, scale.distinct) == (0.5, 4.0, 0.5, 8)
    assert scale.suggested == 3.0 and scale.kept_share >= 0.5 and scale.share_kept(3.5) < 0.5
    assert any("drops" in w and "Suggested: keep ratings >= 3" in w for w in data.warnings)
    lines = data.report_lines()
    assert any(line.startswith("rating scale: ratings 0.5 to 4 in steps of 0.5") for line in lines)
    assert any(line.startswith("Warning:") for line in lines)
    again = read_rating_data(path, options=data.options.replace(min_rating=scale.suggested))
    assert not any("drops" in w for w in again.warnings)  # the suggestion is not warned about


def test_movielens_like_ratings_keep_the_default_quietly():
    ratings = np.repeat([1.0, 2, 3, 4, 5], [6, 11, 27, 34, 21])  # MovieLens-100k's shares, in %
    scale = rating_scale(ratings)
    assert scale.suggested == 3.5 and scale.kept_share == pytest.approx(0.55, abs=0.01)
    assert threshold_warning(scale, 3.5) == ""
    assert "above the highest rating" in threshold_warning(scale, 6)


def test_implicit_data_takes_no_threshold():
    assert rating_scale(None).suggested is None and rating_scale(np.ones(50)).implicit
    assert "drops every event" in threshold_warning(rating_scale(np.ones(50)), 3.5)


def test_the_dialog_reads_the_scale_from_the_first_rows(tmp_path):
    path = half_star_file(tmp_path / "half.csv")
    mapping = ColumnMapping(user="userId", item="movieId", rating="rating", time="timestamp", header=True)
    scale = sample_rating_scale(path, mapping, rows=2000)
    assert scale.sampled == 2000 and scale.maximum == 4.0 and scale.suggested == 3.0


def test_rows_sorted_by_item_without_times_are_warned_about(tmp_path):
    path = item_sorted_file(tmp_path / "clicks.tsv")
    events = read_ratings(path, ColumnMapping(user=0, item=1, delimiter="\t"))
    assert "grouped by item" in file_order_warning(events)
    data = read_rating_data(path, ColumnMapping(user=0, item=1, delimiter="\t"))
    assert any("grouped by item" in w for w in data.warnings)
    assert data.scale.describe().startswith("no rating column")


def test_rows_sorted_by_user_then_item_are_warned_about_but_not_a_log(tmp_path):
    rng = np.random.default_rng(1)
    by_user = "\n".join(f"{u},{i}" for u in range(50) for i in sorted(rng.choice(200, 12, replace=False)))
    log = "\n".join(f"{u},{i}" for u in range(50) for i in rng.choice(200, 12, replace=False))
    (tmp_path / "by_user.csv").write_text(by_user + "\n")
    (tmp_path / "log.csv").write_text(log + "\n")
    mapping = ColumnMapping(user=0, item=1)
    assert "sorted by user, then by item" in file_order_warning(read_ratings(tmp_path / "by_user.csv", mapping))
    assert file_order_warning(read_ratings(tmp_path / "log.csv", mapping)) == ""  # a user's own order
    timed = read_ratings(tmp_path / "by_user.csv", mapping)
    timed.times = np.arange(timed.n_events, dtype=np.float64)
    assert file_order_warning(timed) == ""  # times decide the order, not the file


def test_collapsed_vectors_are_warned_about():
    rng = np.random.default_rng(0)
    names = [str(i) for i in range(300)]
    spread = Vectors(names, rng.normal(size=(300, 16)).astype(np.float32))
    collapsed = Vectors(names, (np.ones((300, 16)) + 0.05 * rng.normal(size=(300, 16))).astype(np.float32))
    assert abs(mean_pairwise_cosine(spread)) < 0.1 and mean_pairwise_cosine(collapsed) > 0.99
    assert collapse_warning(spread) == "" and "collapsed" in collapse_warning(collapsed)


def row(method, task, hit):
    return MetricRow(method, task, "cosine", hit, hit, hit, 0.5, 100, 0)


def test_a_baseline_beating_every_method_is_warned_about(tmp_path):
    events = read_ratings(half_star_file(tmp_path / "half.csv"))
    beaten = EvalResult(10, [row("most-popular", "baseline", 0.2), row("random", "baseline", 0.01),
                             row("item2vec", "next item", 0.15), row("item2vec", "user vector", 0.1)], 100, 1000, 50)
    fine = EvalResult(10, [row("most-popular", "baseline", 0.2), row("item2vec", "next item", 0.25)], 100, 1000, 50)
    assert any("most-popular baseline" in w for w in evaluation_warnings(beaten, events))
    assert evaluation_warnings(fine, events) == []


def test_the_cli_report_and_evaluation_show_the_warnings(tmp_path, capsys):
    half = half_star_file(tmp_path / "half.csv")
    assert main(["ratings-report", str(half), "--min-rating", "3.5"]) == 0
    out = capsys.readouterr().out
    assert "rating scale: ratings 0.5 to 4 in steps of 0.5" in out and "Warning: ratings run 0.5-4" in out
    clicks = item_sorted_file(tmp_path / "clicks.tsv")
    assert main(["evaluate-recs", str(clicks), "--no-header", "--rating-col", "none", "--methods", "item2vec",
                 "--dim", "8", "--epochs", "1", "--threads", "1"]) == 0
    captured = capsys.readouterr()
    assert "Warning: No time column, and the rows are grouped by item" in captured.out


def test_a_rating_file_given_to_train_as_a_corpus_trains_items(tmp_path, samples, capsys):
    from w2v_desktop.core.formats.registry import load_vectors

    out = tmp_path / "items.txt"
    assert main(["train", str(samples / "sample_ratings.csv"), "-o", str(out), "--threads", "1"]) == 0
    err = capsys.readouterr().err
    assert "looks like a rating file" in err and "collapsed" not in err
    vectors = load_vectors(out)
    assert len(vectors) == 300 and mean_pairwise_cosine(vectors) < 0.9  # the 300 items, not collapsed
    # two epochs are not enough: every item still points the frequent items' way, and it is said
    assert main(["train", "--ratings", str(samples / "sample_ratings.csv"), "-o", str(out), "--epochs", "2",
                 "--threads", "1"]) == 0
    assert "warning: The item vectors have collapsed" in capsys.readouterr().err
