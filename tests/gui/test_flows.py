"""Vectors opened on their own, empty states, background preparation, quitting with an unsaved
model, exports' folder and recent list, the View menu, help badges and word in context."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tests.gui.helpers import topic_corpus, wait_idle
from w2v_desktop.core.formats import save_vectors
from w2v_desktop.core.vectors import similarity
from w2v_desktop.core.vectors.keyed import Vectors
from w2v_desktop.gui.main_window import MainWindow


def small_vectors(n=300, dim=12, seed=0) -> Vectors:
    rng = np.random.default_rng(seed)
    return Vectors([f"word{i}" for i in range(n)], rng.standard_normal((n, dim)).astype(np.float32))


@pytest.fixture
def vectors_file(tmp_path):
    path = tmp_path / "tiny-glove.txt"
    save_vectors(small_vectors(), str(path), "glove")
    return path


def open_vectors(qtbot, window, path):
    window.files.open_vectors(str(path))
    qtbot.waitUntil(lambda: window.state.vectors is not None, timeout=30_000)
    wait_idle(qtbot, window.state)


# -- vectors opened on their own -----------------------------------------------------------
def test_vectors_alone_fill_the_data_tab_title_and_block_train_with_a_reason(qtbot, window, vectors_file):
    assert window.data_panel.stack.is_empty and "No data yet" in window.data_panel.stack.message_label.text()
    assert not window.train_panel.train_action.isEnabled()
    open_vectors(qtbot, window, vectors_file)
    panel = window.data_panel
    assert not panel.stack.is_empty and panel.pages.currentWidget() is panel.vectors_view
    info = panel.info.text()
    assert "tiny-glove.txt" in info and "300 names" in info and "12 dimensions" in info and "GloVe" in info
    assert panel.vectors_view.sample_table.rowCount() == 8
    assert panel.vectors_view.sample_table.item(0, 0).text() == "word0"
    assert panel.vectors_summary.norm_hist.sum() == 300
    assert window.windowTitle().startswith("tiny-glove.txt")
    assert not window.train_panel.train_action.isEnabled()
    reason = window.train_panel.blocked_label
    assert not reason.isHidden() and "without a corpus" in reason.text()
    window.state.set_corpus(topic_corpus(200), "topics.txt")  # a corpus: Train can start
    assert window.train_panel.train_action.isEnabled() and reason.isHidden()


def test_window_title_follows_corpora_and_marks_an_unsaved_model(qtbot, window, tmp_path):
    path = tmp_path / "my corpus.txt"
    path.write_text("a b c\nb c d\n" * 50, encoding="utf-8")
    window.files.open_text(str(path), ask_options=False)
    qtbot.waitUntil(lambda: window.state.corpus is not None, timeout=30_000)
    wait_idle(qtbot, window.state)
    assert window.windowTitle().startswith("my corpus.txt[*]") and not window.isWindowModified()
    window.state.set_training_state("running")
    window.state.set_trainer(object())  # a run hands over its trainer before it reports idle
    window.state.set_training_state("idle")
    assert window.state.unsaved and window.isWindowModified()


# -- quitting with an unsaved model -------------------------------------------------------
def trained_window(qtbot, window):
    window.state.set_corpus(topic_corpus(300))
    window.state.set_config(window.state.config.replace(epochs=1, dim=8, min_count=1, threads=1))
    window.train_panel.start()
    qtbot.waitUntil(lambda: not window.train_panel.is_running() and window.state.vectors is not None, timeout=60_000)
    wait_idle(qtbot, window.state)
    assert window.state.unsaved


@pytest.mark.parametrize("answer", ["cancel", "discard"])
def test_quit_with_an_unsaved_model_asks(qtbot, window, monkeypatch, answer):
    trained_window(qtbot, window)
    asked = []
    monkeypatch.setattr(MainWindow, "ask_about_unsaved", lambda self: asked.append(1) or answer)
    window.show()
    assert window.close() == (answer == "discard") and asked == [1]
    assert window.isVisible() == (answer == "cancel")
    window.state.set_unsaved(False)


def test_quit_save_writes_the_model_then_closes(qtbot, window, monkeypatch, tmp_path):
    trained_window(qtbot, window)
    monkeypatch.setattr(MainWindow, "ask_about_unsaved", lambda self: "save")
    target = tmp_path / "kept.w2v.npz"
    monkeypatch.setattr(window.files, "_ask_save", lambda *a: str(target))
    window.show()
    assert not window.close()  # not yet: the model is being written
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert target.is_file() and not window.state.unsaved
    assert window.files.recent_files()[0] == str(target)
    assert window.close()  # saved: no question any more


# -- exports ------------------------------------------------------------------------------------
def test_exports_start_in_the_data_folder_and_have_their_own_recent_list(qtbot, window, vectors_file, tmp_path,
                                                                          monkeypatch):
    from w2v_desktop.core.bundled import sample_path
    from w2v_desktop.gui.widgets import plot_export

    sample = sample_path("sample_corpus.txt")
    if sample is not None:
        window.state.set_corpus(topic_corpus(50), str(sample))
        assert window.files.save_folder() != str(sample.parent)  # never inside the package
    open_vectors(qtbot, window, vectors_file)
    assert window.files.save_folder() == str(tmp_path)
    assert plot_export.start_folder() == str(tmp_path)
    started = []
    monkeypatch.setattr("w2v_desktop.gui.file_actions.QFileDialog.getSaveFileName",
                        lambda parent, caption, start, filters: started.append(start) or (str(tmp_path / "out.vec"), ""))
    window.files.export_vectors("word2vec")
    wait_idle(qtbot, window.state)
    assert started[0].startswith(str(tmp_path))
    assert window.files.recent_exports() == [str(tmp_path / "out.vec")]
    assert window.files.recent_files() == [str(vectors_file)]  # the export did not push the data out
    assert [a.text() for a in window.recent_exports_menu.actions()] == [str(tmp_path / "out.vec")]


# -- background preparation, the completer, the first query --------------------------------
def test_large_vectors_are_prepared_on_a_worker_and_queries_before_use_the_exact_path(qtbot, window):
    n = similarity.QUANTIZED_MIN_ROWS + 100
    vectors = Vectors([f"w{i}" for i in range(n)], np.random.default_rng(1).standard_normal((n, 8)))
    window.state.set_vectors(vectors)
    assert window.state.busy and window.state.ready_vectors is None  # building on the worker
    panel = window.panels["Neighbours"]
    panel.query("w7")  # before the caches exist: answered exactly, without building them here
    first = panel.table.names()
    with qtbot.waitSignal(window.state.vectors_ready, timeout=60_000):
        pass
    wait_idle(qtbot, window.state)
    assert vectors.has_int8_rows and vectors.has_name_index and vectors.has_unit_rows
    panel.query("w7")
    assert panel.table.names() == first
    assert panel.completer.suggestions("w12", 3) == ["w12", "w120", "w121"]


def test_completer_offers_substring_matches_from_the_index(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from w2v_desktop.gui.widgets.name_completer import NameCompleter

    edit = QLineEdit()
    qtbot.addWidget(edit)
    completer = NameCompleter(edit)
    edit.setCompleter(completer)
    completer.set_vectors(Vectors(["Paris", "parsley", "apart", "lyon"], np.eye(4)))
    completer.setCompletionPrefix("PAR")
    shown = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert shown == ["Paris", "parsley", "apart"]
    assert completer.resolve("paris") == "Paris"


# -- empty states and defaults -----------------------------------------------------------------
def test_empty_tables_and_plots_say_what_to_do_then_an_example_appears(qtbot, window):
    metrics = window.panels["Metrics"]
    window.state.set_vectors(small_vectors())
    neighbours = window.panels["Neighbours"]
    assert neighbours.table.rowCount() == 10 and neighbours.query_edit.text() == ""  # an example, box left empty
    assert neighbours.table_hint.text == ""
    assert "Compare metrics" in metrics.tops_hint.text
    assert "Compute hubness" in metrics._hub_hint.text
    assert not metrics.hub_plot.getPlotItem().getAxis("left").isVisible()  # no fake 0-1 axes
    metrics.diagnose()
    qtbot.waitUntil(lambda: metrics.job is None, timeout=60_000)
    assert metrics._hub_hint.text == "" and metrics.hub_plot.getPlotItem().getAxis("left").isVisible()
    assert "no frequencies" in metrics._norm_hint.text
    analogy = window.panels["Analogy"]
    assert "Solve" in analogy.answers_hint.text


def test_compare_selects_the_first_row(qtbot, window):
    compare = window.panels["Compare"]
    vectors = small_vectors(200, 8)
    window.state.set_vectors(vectors)
    assert "Load a second run" in compare.table_hint.text
    compare.set_other(small_vectors(200, 8, seed=3), "other.txt")
    compare.run_alignment()
    qtbot.waitUntil(lambda: compare.job is None, timeout=60_000)
    assert compare.table.selectionModel().selectedRows()[0].row() == 0
    assert compare.current_neighbours.rowCount() == compare.alignment.k


# -- View menu, shortcuts, help badges -----------------------------------------------------------
def test_ctrl_f_and_ctrl_digits(qtbot, window):
    window.state.set_vectors(small_vectors())
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key_3, Qt.ControlModifier)
    assert window.tabs.currentWidget() is window.panels["Neighbours"]
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is window.panels["Neighbours"].query_edit
    qtbot.keyClick(window, Qt.Key_8, Qt.ControlModifier)
    assert window.tabs.currentWidget() is window.panels["Compare"]
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is window.panels["Compare"].filter_edit


def test_theme_choice_is_applied_and_remembered(qtbot, window, tmp_path):
    base = QApplication.palette().color(QPalette.ColorRole.Base).lightness()
    try:
        window.set_theme("dark")
        assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 60
        assert window.settings.value("theme") == "dark"
        again = MainWindow(settings=window.settings)
        qtbot.addWidget(again)
        assert [a.data() for a in again.theme_actions.actions() if a.isChecked()] == ["dark"]
    finally:
        window.set_theme("system")
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() == base


def test_help_badges_explain_terms(qtbot, window):
    from w2v_desktop.gui.widgets.help_badge import HelpBadge

    texts = " ".join(b.help_text for b in window.findChildren(HelpBadge))
    for term in ("3CosAdd", "Hubness", "Tanimoto", "overlap@k"):
        assert term in texts


# -- word in context -----------------------------------------------------------------------------
def test_word_in_context_from_a_neighbour_table_and_without_corpus(qtbot, window):
    window.state.set_vectors(small_vectors())
    window.state.request_context("word3")
    dialog = window.context_dialog
    assert dialog.isVisible() and "No corpus is loaded" in dialog.summary.text()
    window.state.set_corpus(topic_corpus(300))
    neighbours = window.panels["Neighbours"]
    neighbours.table.context_requested.emit("apple")  # what the context menu's action emits
    assert dialog.result is not None and dialog.result.word == "apple" and dialog.result.total > 0
    line = dialog.result.lines[0]
    assert dialog.table.item(0, 1).text() == "apple" and dialog.table.item(0, 0).text() == " ".join(line.left)
    assert f"{dialog.result.total:,} times" in dialog.summary.text()
    dialog.show_word("lion")
    assert "does not occur" in dialog.summary.text() and dialog.table.rowCount() == 0
    dialog.close()
