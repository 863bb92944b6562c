"""The Recs panel's lists: the best-evaluated rankings first, a minimum popularity, columns that
say something ("item id", no all-empty metadata)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from w2v_desktop.cli import main
from w2v_desktop.core.analysis.recs import EvalResult, MetricRow
from w2v_desktop.core.items import RANKINGS, histories, rank_for_user, read_items, read_ratings, sort_events
from w2v_desktop.core.vectors import Vectors
from w2v_desktop.gui.panels.recs_panel import RecsPanel
from w2v_desktop.gui.state import AppState


@pytest.fixture
def panel(qtbot, samples):
    state = AppState()
    events = read_ratings(samples / "sample_ratings.csv")
    items = read_items(samples / "sample_items.csv")
    names = list(events.item_ids)
    counts = np.bincount(events.items, minlength=len(names))
    columns = items.columns_for(names)
    columns["genres"] = [""] * len(names)  # an item file without genres: an empty column
    state.set_interactions(events, items)
    state.set_vectors(Vectors(names, np.random.default_rng(0).normal(size=(len(names), 8)), counts,
                              {"columns": columns}))
    widget = RecsPanel(state)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    qtbot.waitUntil(lambda: widget.job is None, timeout=60_000)
    qtbot.keyClicks(widget.user_edit, "u1")
    qtbot.keyClick(widget.user_edit, Qt.Key_Return)
    return widget


def row(task, scoring, hit, method="item2vec"):
    return MetricRow(method, task, scoring, hit, hit, hit, 0.5, 100, 0)


def evaluation(next_item, user_cosine, user_dot) -> EvalResult:
    return EvalResult(10, [row("baseline", "count", 0.05, "most-popular"), row("baseline", "-", 0.01, "random"),
                           row("next item", "cosine", next_item), row("user vector", "cosine", user_cosine),
                           row("user vector", "dot", user_dot),
                           row("user vector", "cosine", 0.9, "deepwalk")], 100, 1000, 300)


def headers(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_ranking_order_follows_the_evaluation():
    assert evaluation(0.2, 0.05, 0.1).ranking_order(RANKINGS) == ["next-item", "user-dot", "user-cosine"]
    assert evaluation(0.2, 0.05, 0.1).ranking_order(RANKINGS, "deepwalk")[0] == "user-cosine"
    empty = EvalResult(10, [], 0, 0, 0)
    assert empty.ranking_order(RANKINGS) == list(RANKINGS)  # nothing measured: the given order


def test_the_lists_default_to_the_best_evaluated_rankings(panel, tmp_path):
    left, right = panel.ranking_combos
    assert (left.currentData(), right.currentData()) == ("user-cosine", "user-dot")  # no evaluation yet
    panel.show_evaluation(evaluation(next_item=0.2, user_cosine=0.05, user_dot=0.1))
    assert (left.currentData(), right.currentData()) == ("next-item", "user-dot")
    assert "best-evaluated ranking first: last item's neighbours" in panel.eval_status.text()
    hist, i = panel.hist, panel.hist.index("u1")
    expected = rank_for_user(panel.vectors, "next-item", hist, i, panel.user_matrix[i], 10)
    assert panel.cosine_table.names() == [r.name for r in expected]
    seen = set(np.asarray(panel.vectors.names)[hist.seen_rows(i)])
    assert not set(panel.cosine_table.names()) & seen  # never what the user already has
    panel.grab().save(str(tmp_path / "recs-best-first.png"))


def test_the_minimum_popularity_leaves_rare_items_out(panel, tmp_path):
    counts = panel.vectors.counts
    index = panel.vectors.index
    rare_before = [n for n in panel.cosine_table.names() + panel.dot_table.names() if counts[index[n]] < 80]
    assert rare_before  # random vectors recommend items of every popularity
    panel.min_events_spin.setValue(80)
    shown = panel.cosine_table.names() + panel.dot_table.names()
    assert len(shown) == 20 and all(counts[index[n]] >= 80 for n in shown)
    assert "with fewer than 80 events are left out" in panel.comparison_label.text()
    panel.grab().save(str(tmp_path / "recs-min-popularity.png"))


def test_item_ids_are_headed_so_and_empty_metadata_is_hidden(panel):
    for table in (panel.cosine_table, panel.dot_table):
        assert headers(table)[1] == "item id" and "title" in headers(table) and "genres" not in headers(table)
    assert panel.history_table.horizontalHeaderItem(1).text() == "item id"


def test_cli_recommend_leaves_rare_items_out(samples, capsys):
    events = read_ratings(samples / "sample_ratings.csv")
    counts = dict(zip(events.item_ids, np.bincount(events.items, minlength=events.n_items)))
    assert main(["recommend", str(samples / "sample_ratings.csv"), "--user", "u1", "-k", "10",
                 "--min-popularity", "80", "--min-rating", "0", "--dim", "8", "--epochs", "1", "--threads", "1"]) == 0
    captured = capsys.readouterr()
    assert "leaving out" in captured.err and "fewer than 80 training events" in captured.err
    lines = captured.out.splitlines()[2:12]
    names = [line.split()[1] for line in lines]
    assert len(names) == 10 and all(counts[n] >= 80 for n in names)
