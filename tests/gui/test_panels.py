"""Exploration panels driven through their widgets (pytest-qt, offscreen, real core)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from w2v_desktop.core.vectors import Vectors
from w2v_desktop.gui.state import AppState


def clustered_vectors(n_clusters=6, per_cluster=20, dim=16, seed=0, titles=False) -> Vectors:
    """Names c{cluster}_{i}; members of a cluster are each other's nearest neighbours."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(n_clusters, dim)) * 3
    names, rows, genres = [], [], []
    for c in range(n_clusters):
        for i in range(per_cluster):
            names.append(f"c{c}_{i}")
            rows.append(centres[c] + 0.3 * rng.normal(size=dim))
            genres.append(f"genre{c}")
    counts = np.arange(len(names), 0, -1) * 10
    meta = {}
    if titles:
        meta["columns"] = {"title": [f"Title of {n}" for n in names], "genres": genres}
    return Vectors(names, np.array(rows), counts, meta)


def analogy_vectors() -> Vectors:
    """Gender and royalty on their own axes: king - man + woman is queen; noise elsewhere."""
    rng = np.random.default_rng(1)
    base, male, female, royal = np.eye(50)[:4] * 2
    words = {"man": base + male, "woman": base + female, "king": royal + male, "queen": royal + female}
    names = list(words) + [f"noise{i}" for i in range(40)]
    matrix = np.vstack(list(words.values()) + [rng.normal(size=(40, 50))])
    return Vectors(names, matrix, np.arange(len(names), 0, -1))


@pytest.fixture
def state(qtbot):
    return AppState()


def make_panel(qtbot, cls, state):
    panel = cls(state)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    return panel


def wait_job(qtbot, panel, timeout=60_000):
    qtbot.waitUntil(lambda: panel.job is None, timeout=timeout)


# -- neighbours ---------------------------------------------------------------------
def test_neighbours_empty_until_vectors_then_search_by_typing(qtbot, state):
    from w2v_desktop.gui.panels.neighbours_panel import NeighboursPanel
    panel = make_panel(qtbot, NeighboursPanel, state)
    assert panel.stack.is_empty and "No vectors" in panel.stack.message_label.text()
    state.set_vectors(clustered_vectors())
    assert not panel.stack.is_empty
    panel.k_spin.setValue(5)
    qtbot.keyClicks(panel.query_edit, "c2_3")
    qtbot.keyClick(panel.query_edit, Qt.Key_Return)
    names = panel.table.names()
    assert len(names) == 5 and all(n.startswith("c2_") for n in names) and "c2_3" not in names
    state.set_vectors(None)
    assert panel.stack.is_empty


def test_neighbours_double_click_requeries_and_metric_changes_header(qtbot, state):
    from w2v_desktop.gui.panels.neighbours_panel import NeighboursPanel
    state.set_vectors(clustered_vectors())
    panel = make_panel(qtbot, NeighboursPanel, state)
    panel.query("c0_0")
    first = panel.table.names()[0]
    panel.table.cellDoubleClicked.emit(0, 1)
    assert panel.query_edit.text() == first and "c0_0" in panel.table.names()
    panel.metric_combo.setCurrentText("euclidean")
    assert "euclidean distance" in panel.table.horizontalHeaderItem(2).text()
    assert all(n.startswith("c0_") for n in panel.table.names())


def test_neighbours_restrict_titles_and_unknown_name(qtbot, state):
    from w2v_desktop.gui.panels.neighbours_panel import NeighboursPanel
    state.set_vectors(clustered_vectors(titles=True))
    panel = make_panel(qtbot, NeighboursPanel, state)
    headers = lambda: [panel.table.horizontalHeaderItem(i).text() for i in range(panel.table.columnCount())]  # noqa: E731
    panel.query_edit.setText("title of c5_2")          # a title resolves to its name
    panel.run_query()
    assert panel.query_edit.text() == "c5_2" and headers()[-2:] == ["title", "genres"]
    assert panel.table.item(0, headers().index("genres")).text() == "genre5"
    panel.restrict_check.setChecked(True)
    panel.restrict_spin.setValue(30)                   # only clusters 0 and 1 remain
    assert all(int(n[1]) <= 1 for n in panel.table.names())
    panel.query_edit.setText("c5_")
    panel.run_query()
    assert "not in the vocabulary" in panel.status.text() and "Did you mean" in panel.status.text()


def test_completer_is_case_insensitive_and_limited(qtbot, state):
    from w2v_desktop.gui.widgets.name_completer import MAX_VISIBLE, NameCompleter
    completer = NameCompleter()
    vectors = Vectors(["Paris", "paris", "London"], np.eye(3))
    completer.set_vectors(vectors)
    assert completer.caseSensitivity() == Qt.CaseInsensitive and completer.maxVisibleItems() == MAX_VISIBLE
    assert completer.resolve("PARIS") == "Paris" and completer.resolve("paris") == "paris"
    assert completer.resolve("Rome") is None


# -- analogies ------------------------------------------------------------------------
def test_analogy_solves_from_the_three_boxes(qtbot, state):
    from w2v_desktop.gui.panels.analogy_panel import AnalogyPanel
    state.set_vectors(analogy_vectors())
    panel = make_panel(qtbot, AnalogyPanel, state)
    for edit, word in zip(panel.word_edits, ("man", "king", "woman")):
        qtbot.keyClicks(edit, word)
    qtbot.mouseClick(panel.solve_button, Qt.LeftButton)
    assert panel.answers.names()[0] == "queen"
    assert "is to" in panel.solve_status.text() and "queen" in panel.solve_status.text()
    panel.method_combo.setCurrentIndex(1)  # 3CosMul re-solves
    assert panel.answers.names()[0] == "queen"
    panel.word_edits[0].setText("nobody")
    panel.solve()
    assert "nobody" in panel.solve_status.text() and panel.answers.rowCount() == 0


def test_analogy_benchmark_file_runs_in_worker_and_charts_sections(qtbot, state, tmp_path):
    from w2v_desktop.gui.panels.analogy_panel import ANALOGIES, AnalogyPanel
    questions = tmp_path / "questions.txt"
    questions.write_text(": royal\nman king woman queen\nwoman queen man king\n"
                         ": broken\nman woman king noise3\n: unknown\nman king woman zzz\n")
    state.set_vectors(analogy_vectors())
    panel = make_panel(qtbot, AnalogyPanel, state)
    panel.path_edit.setText(str(questions))
    panel.path_edit.editingFinished.emit()
    assert panel.kind_combo.currentText() == ANALOGIES
    qtbot.mouseClick(panel.run_button, Qt.LeftButton)
    wait_job(qtbot, panel)
    assert panel.chart.categories == ["royal (2)", "broken (1)"]
    assert panel.chart.values == [100.0, 0.0]
    assert "66.7%" in panel.summary.text() and "1 skipped" in panel.summary.text()
    assert panel.history.rowCount() == 1 and panel.run_button.isEnabled()


def test_pair_benchmark_reports_correlations(qtbot, state, tmp_path):
    from w2v_desktop.gui.panels.analogy_panel import PAIRS, AnalogyPanel
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("# word1 word2 score\nman woman 5\nking queen 9\nman king 7\nnoise1 king 1\nqueen zzz 3\n")
    state.set_vectors(analogy_vectors())
    panel = make_panel(qtbot, AnalogyPanel, state)
    panel.path_edit.setText(str(pairs))
    panel.path_edit.editingFinished.emit()
    assert panel.kind_combo.currentText() == PAIRS
    panel.run_benchmark()
    wait_job(qtbot, panel)
    assert panel.chart.categories[0].startswith("Spearman") and "4 pairs" in panel.summary.text()
    assert "1 pairs skipped" in panel.summary.text()


def test_missing_benchmark_file_is_explained(qtbot, state, tmp_path):
    from w2v_desktop.gui.panels.analogy_panel import AnalogyPanel
    state.set_vectors(analogy_vectors())
    panel = make_panel(qtbot, AnalogyPanel, state)
    panel.path_edit.setText(str(tmp_path / "nope.txt"))
    panel.run_benchmark()
    assert panel.job is None and "No such file" in panel.summary.text()


# -- metric comparison ---------------------------------------------------------------------
def test_metrics_side_by_side_and_heatmap(qtbot, state):
    from w2v_desktop.core.similarity import METRICS
    from w2v_desktop.gui.panels.metrics_panel import MetricsPanel
    state.set_vectors(clustered_vectors())
    panel = make_panel(qtbot, MetricsPanel, state)
    panel.k_spin.setValue(5)
    qtbot.keyClicks(panel.query_edit, "c1_1")
    qtbot.keyClick(panel.query_edit, Qt.Key_Return)
    table = panel.tops_table
    assert table.columnCount() == len(METRICS) and table.rowCount() == 5
    assert table.horizontalHeaderItem(0).text() == "cosine"
    assert all(table.item(r, 0).text().startswith("c1_") for r in range(5))
    assert panel.heatmap.values.shape == (len(METRICS), len(METRICS))
    assert len(panel.heatmap.cell_texts()) == len(METRICS) ** 2 and panel.heatmap.cell_texts()[0] == "1.00"
    panel.agreement_combo.setCurrentIndex(1)  # Kendall tau: levels -1..1
    assert np.allclose(np.diag(panel.heatmap.values), 1.0)


def test_metrics_hubness_and_norms_in_worker(qtbot, state):
    from w2v_desktop.gui.panels.metrics_panel import MetricsPanel
    vectors = clustered_vectors()
    state.set_vectors(vectors)
    panel = make_panel(qtbot, MetricsPanel, state)
    qtbot.mouseClick(panel.diagnose_button, Qt.LeftButton)
    assert not panel.diagnose_button.isEnabled()
    wait_job(qtbot, panel)
    x, y = panel.hub_curve.getOriginalDataset()
    assert y.sum() == len(vectors)  # every name counted once in the histogram
    assert "Spearman" in panel.norm_plot.getPlotItem().titleLabel.text
    assert "Biggest hubs" in panel.hubs_label.text()


def test_metrics_without_counts_says_so(qtbot, state):
    from w2v_desktop.gui.panels.metrics_panel import MetricsPanel
    vectors = clustered_vectors()
    state.set_vectors(Vectors(vectors.names, vectors.matrix))
    panel = make_panel(qtbot, MetricsPanel, state)
    panel.diagnose()
    wait_job(qtbot, panel)
    assert "no frequencies" in panel.norm_plot.getPlotItem().titleLabel.text
