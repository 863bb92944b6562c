"""Exploration panels driven through their widgets (pytest-qt, offscreen, real core)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from w2v_desktop.core.vectors.keyed import Vectors
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
    assert "not in the vocabulary" in panel.status.text() and not panel.suggestions.isHidden()
    assert panel.table.rowCount() == 0 and not panel.heading.text()  # no stale results under it
    links = panel.suggestions.text()
    assert links.startswith("Did you mean") and 'href="c5_0"' in links and "Title of c5_0 [c5_0]" in links
    panel.suggestions.linkActivated.emit("c5_0")       # a click on a suggestion searches it
    assert panel.query_edit.text() == "c5_0" and panel.table.rowCount() > 0
    assert panel.suggestions.isHidden()
    assert panel.completer.resolve("of c5_1") is None  # c5_1, c5_10, ...: no single completion
    panel.query_edit.setText("of c5_3")                # part of one title: Enter takes the completion
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert panel.query_edit.text() == "c5_3" and panel.heading.text()


def test_neighbours_approximate_index_built_in_background_with_recall(qtbot, state):
    from w2v_desktop.gui.panels.neighbours_panel import NeighboursPanel
    state.set_vectors(clustered_vectors())
    panel = make_panel(qtbot, NeighboursPanel, state)
    assert not panel.approximate_check.isEnabled()
    panel.query("c3_1")
    exact = panel.table.names()
    panel.index_button.click()
    assert panel.index_button.text() == "Cancel" and "exact search meanwhile" in panel.index_label.text()
    qtbot.waitUntil(lambda: panel.index is not None and not panel.index_runner.running, timeout=300_000)
    assert panel.approximate_check.isChecked()
    assert "recall@10" in panel.index_label.text() and "120 sampled queries" in panel.index_label.text()
    panel.run_query()
    assert "(approximate)" in panel.heading.text()
    assert set(panel.table.names()) == set(exact)  # well-separated clusters: the index finds them all
    panel.metric_combo.setCurrentText("dot")  # the index answers cosine only: exact, and says so
    assert "(approximate)" not in panel.heading.text() and "built for cosine" in panel.index_label.text()
    panel.metric_combo.setCurrentText("cosine")
    panel.restrict_check.setChecked(True)
    assert "(approximate)" not in panel.heading.text() and "not only the most" in panel.index_label.text()
    state.set_vectors(clustered_vectors(seed=1))  # new vectors drop the index
    assert panel.index is None and not panel.approximate_check.isEnabled()


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
    assert panel.kind_combo.currentData() == ANALOGIES
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
    assert panel.kind_combo.currentData() == PAIRS
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
    from w2v_desktop.core.vectors.similarity import METRICS
    from w2v_desktop.gui.panels.metrics_panel import MetricsPanel
    state.set_vectors(clustered_vectors())
    panel = make_panel(qtbot, MetricsPanel, state)
    panel.k_spin.setValue(5)
    qtbot.keyClicks(panel.query_edit, "c1_1")
    qtbot.keyClick(panel.query_edit, Qt.Key_Return)
    assert panel.compare_button.text() == "Cancel"  # on a worker, not the GUI thread
    wait_job(qtbot, panel)
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
    assert panel.diagnose_button.text() == "Cancel" and panel.diagnose_button.isEnabled()
    wait_job(qtbot, panel)
    assert panel.diagnose_button.text() == "Compute hubness and norms"
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


# -- projection --------------------------------------------------------------------------
def project_now(qtbot, panel):
    qtbot.mouseClick(panel.project_button, Qt.LeftButton)
    wait_job(qtbot, panel)


def test_projection_of_most_frequent_colours_links_and_search(qtbot, state):
    from w2v_desktop.gui.panels.projection_panel import TRUST, ProjectionPanel
    state.set_vectors(clustered_vectors(titles=True))
    panel = make_panel(qtbot, ProjectionPanel, state)
    panel.top_spin.setValue(60)          # clusters 0..2
    project_now(qtbot, panel)
    assert panel.result is not None and len(panel.map.scatter.data) == 60
    assert panel.map._tip(0, 0, 3) == "c0_3\nTitle of c0_3"
    panel.colour_combo.setCurrentText("genres")
    assert panel.map.legend.isVisible() and len(panel.map.legend.items) == 3
    panel.colour_combo.setCurrentText(TRUST)
    assert panel.map.colorbar is not None and not panel.map.legend.isVisible()
    panel.search_edit.setText("c2_1")    # c2_1 and c2_10..c2_19
    assert len(panel.map.highlight.data) == 11 and "11 points" in panel.selection_label.text()
    panel.show_neighbours_of(5)
    x, _ = panel.map.links.getData()
    assert len(x) == 2 * panel.selection.k_spin.value()   # every neighbour of a cluster member is on the map
    assert "c0_5" in panel.selection.heading.text() and panel.selection.original.rowCount() == 10
    assert not panel.selection.off_map.text()


def test_projection_subsets_neighbourhood_and_pasted(qtbot, state):
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    state.set_vectors(clustered_vectors())
    panel = make_panel(qtbot, ProjectionPanel, state)
    panel.around_radio.setChecked(True)
    panel.around_edit.setText("c4_0")
    panel.around_k.setValue(10)
    project_now(qtbot, panel)
    assert panel.result.names[0] == "c4_0" and len(panel.result.names) == 11
    panel.pasted_radio.setChecked(True)
    panel.pasted_edit.setPlainText("c1_1, c1_2\nc3_3 nope\nc5_5")
    project_now(qtbot, panel)
    assert panel.result.names == ["c1_1", "c1_2", "c3_3", "c5_5"] and "nope" in panel.status.text()


def test_projection_exports_png_svg_and_csv(qtbot, state, tmp_path):
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    from w2v_desktop.gui.widgets.plot_export import write_plot
    state.set_vectors(clustered_vectors(titles=True))
    panel = make_panel(qtbot, ProjectionPanel, state)
    assert not panel.export_csv_button.isEnabled()
    panel.top_spin.setValue(30)
    project_now(qtbot, panel)
    write_plot(panel.map.plot, str(tmp_path / "map.png"))
    write_plot(panel.map.plot, str(tmp_path / "map.svg"))
    assert (tmp_path / "map.png").read_bytes()[:4] == b"\x89PNG"
    assert "<svg" in (tmp_path / "map.svg").read_text()
    panel.export_coordinates(str(tmp_path / "map.csv"))   # on a worker
    qtbot.waitUntil(lambda: not panel.export_runner.running, timeout=60_000)
    lines = (tmp_path / "map.csv").read_text().splitlines()
    assert lines[0] == "name,x,y,trust,count,title,genres" and len(lines) == 31
    assert lines[1].startswith("c0_0,") and lines[1].endswith(",Title of c0_0,genre0")


def test_projection_cancel_drops_the_result(qtbot, state):
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    state.set_vectors(clustered_vectors())
    panel = make_panel(qtbot, ProjectionPanel, state)
    panel.method_combo.setCurrentText("t-SNE")
    panel.top_spin.setValue(120)
    panel.run_projection()
    assert panel.project_button.text() == "Cancel"
    qtbot.mouseClick(panel.project_button, Qt.LeftButton)   # the same button cancels
    wait_job(qtbot, panel)
    assert panel.result is None and panel.status.text() == "Cancelled."
    assert panel.project_button.isEnabled() and panel.project_button.text() == "Project"
    assert state.last_error is None   # a cancel is not an error


def test_projection_cancel_stops_a_long_tsne_promptly(qtbot, state, monkeypatch):
    """t-SNE draws its layout live over the dimmed old map; Cancel is back to idle within 2 s,
    with the old map restored, undimmed, under its own title."""
    import time

    from w2v_desktop.gui import worker
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    from w2v_desktop.gui.widgets import projection_controls
    pytest.importorskip("openTSNE")
    monkeypatch.setattr(projection_controls, "WARN_SECONDS", 5.0)   # whatever the cost model says here
    state.set_vectors(clustered_vectors(n_clusters=6, per_cluster=1000))
    panel = make_panel(qtbot, ProjectionPanel, state)
    panel.top_spin.setValue(100)
    project_now(qtbot, panel)                        # the old map: PCA of 100
    old_title = panel.map.plot.getPlotItem().titleLabel.text
    panel.method_combo.setCurrentText("t-SNE")
    panel.top_spin.setValue(6000)                    # estimated over the warning time: asked first
    panel.run_projection()
    assert panel.job is None and "Press Project again" in panel.controls.estimate_label.text()
    panel.run_projection()
    assert panel.job is not None and panel.is_dimmed()
    assert "previous map" in panel.map.plot.getPlotItem().titleLabel.text
    qtbot.waitUntil(lambda: panel._live, timeout=120_000)   # a partial layout is on screen
    assert len(panel.map.scatter.data) == 6000 and not panel.is_dimmed()
    assert panel.controls.progress_bar.isVisibleTo(panel) and "Laying out" in panel.controls.progress_label.text()
    clicked = time.perf_counter()
    qtbot.mouseClick(panel.project_button, Qt.LeftButton)
    assert panel.project_button.text().startswith("Cancelling")
    qtbot.waitUntil(lambda: panel.job is None, timeout=5_000)
    assert time.perf_counter() - clicked < 2.0 and not worker.active_jobs()
    assert panel.status.text() == "Cancelled." and len(panel.result.names) == 100
    assert len(panel.map.scatter.data) == 100 and not panel.is_dimmed()
    assert panel.map.plot.getPlotItem().titleLabel.text == old_title
    assert not panel.controls.progress_bar.isVisibleTo(panel) and panel.method_combo.isEnabled()


def test_projection_controls_show_the_method_parameters_and_refuse_bad_axes(qtbot, state):
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    state.set_vectors(clustered_vectors())
    panel = make_panel(qtbot, ProjectionPanel, state)
    controls = panel.controls
    panel.method_combo.setCurrentText("UMAP")
    assert controls.n_neighbors.isVisibleTo(panel) and not controls.perplexity.isVisibleTo(panel)
    controls.n_neighbors.setValue(30)
    controls.normalize_check.setChecked(False)
    params = controls.params()
    assert params.method == "umap" and params.n_neighbors == 30 and params.normalize is False
    panel.method_combo.setCurrentText("t-SNE")
    assert controls.perplexity.isVisibleTo(panel) and controls.params().learning_rate == "auto"
    assert "points: about" in controls.estimate_label.text()
    panel.method_combo.setCurrentText("Custom axes")
    controls.x_edit.setText("c1_0 - c0_0")
    controls.y_edit.setText("c2_0 - nope")
    panel.top_spin.setValue(60)
    project_now(qtbot, panel)
    assert panel.result is None and "y axis: unknown word 'nope'" in panel.status.text()
    controls.y_edit.setText("c2_0")
    project_now(qtbot, panel)
    assert panel.result.method == "axes" and panel.result.coords.shape == (60, 2)


# -- compare runs --------------------------------------------------------------------------
def test_compare_runs_lists_moved_names_and_side_by_side_neighbours(qtbot, state, tmp_path):
    from scipy.stats import ortho_group

    from w2v_desktop.core.formats.registry import save_vectors
    from w2v_desktop.gui.panels.compare_panel import ComparePanel
    current = clustered_vectors()
    matrix = current.matrix @ ortho_group.rvs(current.dim, random_state=2)
    moved = [current.row("c3_4"), current.row("c5_9")]
    matrix[moved] = np.random.default_rng(3).normal(size=(2, current.dim)) * 3
    save_vectors(Vectors(current.names, matrix), tmp_path / "second.vec", "word2vec")
    state.set_vectors(current)
    panel = make_panel(qtbot, ComparePanel, state)
    assert not panel.align_button.isEnabled()
    panel.load_other(str(tmp_path / "second.vec"))
    wait_job(qtbot, panel)
    assert "120 names shared" in panel.file_label.text() and panel.align_button.isEnabled()
    qtbot.mouseClick(panel.align_button, Qt.LeftButton)
    wait_job(qtbot, panel)
    assert {panel.table.item(0, 0).text(), panel.table.item(1, 0).text()} == {"c3_4", "c5_9"}
    assert panel.table.rowCount() == 120
    panel.table.selectRow(0)
    assert panel.current_neighbours.rowCount() == 10 and panel.other_neighbours.rowCount() == 10
    panel.filter_edit.setText("c5_")
    visible = [r for r in range(120) if not panel.table.isRowHidden(r)]
    assert len(visible) == 20


def test_compare_bad_file_is_reported(qtbot, state, tmp_path, monkeypatch):
    from w2v_desktop.gui.panels.compare_panel import ComparePanel
    bad = tmp_path / "bad.vec"
    bad.write_text("2 3\na 1 2 3\nb 1 x 3\n")
    monkeypatch.setattr(state, "report_error", lambda *args: None)  # no modal dialog in tests
    state.set_vectors(clustered_vectors())
    panel = make_panel(qtbot, ComparePanel, state)
    panel.load_other(str(bad))
    wait_job(qtbot, panel)
    assert panel.file_label.text().startswith("Failed:") and "bad.vec" in panel.file_label.text()
    assert panel.other is None


# -- recommendations ----------------------------------------------------------------------------
@pytest.fixture
def rating_state(state, samples):
    from w2v_desktop.core.items import read_items, read_ratings
    events = read_ratings(samples / "sample_ratings.csv")
    items = read_items(samples / "sample_items.csv")
    rng = np.random.default_rng(0)
    names = list(events.item_ids)
    counts = np.bincount(events.items, minlength=len(names))
    state.set_interactions(events, items)
    return state, Vectors(names, rng.normal(size=(len(names), 8)), counts,
                          {"columns": items.columns_for(names)})


def test_recs_empty_states_then_user_history_and_two_scorings(qtbot, rating_state):
    from w2v_desktop.gui.panels.recs_panel import RecsPanel
    state, vectors = rating_state
    panel = make_panel(qtbot, RecsPanel, state)
    assert panel.stack.is_empty and "no item vectors" in panel.stack.message_label.text()
    state.set_vectors(vectors)
    wait_job(qtbot, panel)
    assert not panel.stack.is_empty and "500 users" in panel.user_status.text()
    qtbot.keyClicks(panel.user_edit, "u1")
    qtbot.keyClick(panel.user_edit, Qt.Key_Return)
    events = state.interactions
    n_events = int(np.sum(np.asarray(events.user_ids)[events.users] == "u1"))
    assert panel.history_table.rowCount() == n_events
    assert panel.history_table.item(0, 3).text()  # titles shown
    seen = {panel.history_table.item(r, 1).text() for r in range(n_events)}
    cosine, dot = panel.cosine_table.names(), panel.dot_table.names()
    assert len(cosine) == len(dot) == 10 and not (set(cosine) | set(dot)) & seen
    assert "items in both lists" in panel.comparison_label.text()
    panel.aggregation_combo.setCurrentIndex(panel.aggregation_combo.findData("rating"))  # rebuilds user vectors in the worker
    wait_job(qtbot, panel)
    assert len(panel.cosine_table.names()) == 10


def test_recs_evaluation_table_and_chart(qtbot, rating_state):
    from w2v_desktop.core.analysis.recs import ItemModel
    from w2v_desktop.gui.panels.recs_panel import RecsPanel
    state, vectors = rating_state
    state.set_vectors(vectors)
    panel = make_panel(qtbot, RecsPanel, state)
    wait_job(qtbot, panel)

    def quick_fit(corpus, config):  # stands in for training: the panel's wiring is under test
        return ItemModel(Vectors(corpus.words, np.random.default_rng(1).normal(size=(len(corpus.words), 8))))

    panel.max_users.setValue(100)
    panel.run_evaluation(fit=quick_fit)
    qtbot.waitUntil(lambda: panel.eval_runner.job is None, timeout=60_000)
    methods = [panel.eval_table.item(r, 0).text() for r in range(panel.eval_table.rowCount())]
    assert methods[:2] == ["most-popular", "random"] and "item2vec" in methods and "deepwalk" in methods
    assert panel.eval_table.horizontalHeaderItem(3).text() == "HitRate@10"
    assert len(panel.eval_chart.values) == len(methods) and "100 users" in panel.eval_status.text()


def test_neighbours_index_button_and_status_while_jobs_overlap(qtbot, state):
    from w2v_desktop.gui.panels.neighbours_panel import NeighboursPanel
    state.set_vectors(clustered_vectors())
    panel = make_panel(qtbot, NeighboursPanel, state)
    panel.query("c3_1")
    panel.index_button.click()
    qtbot.waitUntil(lambda: panel.index is not None, timeout=120_000)
    panel.metric_combo.setCurrentText("euclidean")
    panel.index_button.click()  # rebuild for euclidean: a query meanwhile keeps the status
    building = panel.index_label.text()
    panel.run_query()
    assert panel.index_label.text() == building and "(approximate)" not in panel.heading.text()
    state.set_vectors(Vectors(["a", "b"], np.eye(2)))  # too few rows for an index, mid-build
    qtbot.waitUntil(lambda: not panel.index_runner.running, timeout=120_000)
    assert not panel.index_button.isEnabled() and panel.index is None
