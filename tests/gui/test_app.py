"""The window: start-up with the sample, drag and drop, settings, projects, self-test, screenshots."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication, QDialog

from tests.conftest import SAMPLES
from tests.gui.helpers import temp_settings, topic_corpus, topic_sentences, wait_idle
from w2v_desktop.core.config import ITEM_DEFAULTS
from w2v_desktop.gui.app import run_app
from w2v_desktop.gui.dialogs.error_dialog import open_error_dialogs
from w2v_desktop.gui.dialogs.tokenize_dialog import TokenizeDialog
from w2v_desktop.gui.main_window import EXPLORATION_PANELS, MainWindow

needs_sample = pytest.mark.skipif(not (SAMPLES / "sample_corpus.txt").is_file(),
                                  reason="the bundled sample corpus is missing")


@needs_sample
def test_start_up_loads_the_sample_ready_to_train(qtbot, window):
    assert window.load_sample()
    wait_idle(qtbot, window.state)
    assert window.state.corpus is not None and window.state.corpus.n_tokens > 10_000
    assert window.state.source_path.endswith("sample_corpus.txt")
    assert window.data_panel.summary is not None
    assert window.train_panel.train_action.isEnabled()
    assert window.train_panel.analogy_box.isChecked() and window.train_panel.watch_names()


def test_tabs_host_data_train_and_every_exploration_panel(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:2] == ["Data", "Train"]
    assert titles[2:] == [title for title, _cls in EXPLORATION_PANELS]
    assert titles[2:] == ["Neighbours", "Analogy", "Metrics", "Projection", "Recs", "Compare"]


def test_standard_shortcuts(window):
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for menu in window.menuBar().actions()
                 for a in menu.menu().actions()}
    assert shortcuts["Open text corpus…"] == "Ctrl+O"
    assert shortcuts["Save project…"] == "Ctrl+S"
    assert shortcuts["Quit"] == "Ctrl+Q"
    assert shortcuts["Train"] == "F5"


def test_dropping_a_text_file_opens_it_after_the_tokenising_dialog(qtbot, window, corpus_file, monkeypatch):
    monkeypatch.setattr(TokenizeDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(corpus_file))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wait_idle(qtbot, window.state)
    assert window.state.source_path == str(corpus_file)
    assert window.state.corpus.n_sentences == 600
    assert window.files.recent_files()[0] == str(corpus_file)
    assert [a.text() for a in window.recent_menu.actions()] == [str(corpus_file)]


def test_tokenising_dialog_previews_tokens_with_the_options(qtbot, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text("Hello World\nPARIS is Big\n", encoding="utf-8")
    dialog = TokenizeDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.preview.toPlainText().splitlines()[0] == "hello · world"
    dialog.form.editors["lowercase"].set(False)
    dialog.update_preview()
    assert dialog.preview.toPlainText().splitlines()[1] == "PARIS · is · Big"
    assert dialog.options().lowercase is False
    dialog.reject()


def test_unreadable_file_reaches_the_error_dialog(qtbot, window, tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"caf\xe9 au lait\n" * 3)
    window.files.open_text(str(bad), ask_options=False)
    wait_idle(qtbot, window.state)
    assert window.errors and "latin1.txt" in window.errors[0][0]
    boxes = open_error_dialogs()
    assert boxes and boxes[-1].isVisible() and "Traceback" in boxes[-1].detailedText()
    assert window.state.corpus is None


def test_settings_remember_options_and_watch_list(qtbot, tmp_path):
    first = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(first)
    first.state.set_config(first.state.config.replace(dim=42, window=7))
    first.train_panel.watch_edit.setText("apple, pear")
    first.close()
    second = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(second)
    assert (second.state.config.dim, second.state.config.window) == (42, 7)
    assert second.train_panel.options.config().dim == 42
    assert second.train_panel.watch_names() == ["apple", "pear"]


def test_project_round_trip_restores_options_model_and_data(qtbot, window, corpus_file, tmp_path):
    window.files.open_text(str(corpus_file), ask_options=False)
    wait_idle(qtbot, window.state)
    window.state.set_config(window.state.config.replace(dim=12, epochs=1, min_count=1, threads=1))
    window.train_panel.watch_edit.setText("apple")
    window.train_panel.start()
    wait_idle(qtbot, window.state)
    project = tmp_path / "p.w2vproj.json"
    window.files.save_project(str(project), watch=["apple"])
    wait_idle(qtbot, window.state)
    data = json.loads(project.read_text(encoding="utf-8"))
    assert data["format"] == "w2v-desktop-project" and data["model_file"] == "p.w2vmodel.npz"
    assert (tmp_path / "p.w2vmodel.npz").is_file()

    other = MainWindow(settings=temp_settings(tmp_path / "other"))
    qtbot.addWidget(other)
    other.files.open_project(str(project))
    qtbot.waitUntil(lambda: other.state.corpus is not None and not other.state.busy, timeout=30_000)
    assert other.state.config.dim == 12 and other.state.trainer is not None
    assert other.state.vectors.names == window.state.vectors.names
    assert other.state.source_path == str(corpus_file)
    assert not window.errors


@pytest.mark.parametrize("confirm", [False, True])
def test_a_project_pointing_outside_its_folder_is_read_only_when_confirmed(qtbot, window, tmp_path, monkeypatch,
                                                                            confirm):
    from PySide6.QtWidgets import QMessageBox

    outside = tmp_path / "elsewhere" / "corpus.txt"
    outside.parent.mkdir()
    outside.write_text("\n".join(" ".join(s) for s in topic_sentences(50)), encoding="utf-8")
    folder = tmp_path / "project"
    folder.mkdir()
    project = folder / "p.w2vproj.json"
    project.write_text(json.dumps({"format": "w2v-desktop-project", "version": 1, "data_kind": "text",
                                   "data_path": "../elsewhere/corpus.txt"}), encoding="utf-8")
    asked = []
    answer = QMessageBox.StandardButton.Yes if confirm else QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: asked.append(text) or answer)
    window.files.open_project(str(project))
    wait_idle(qtbot, window.state)
    assert len(asked) == 1 and "data_path" in asked[0] and str(outside) in asked[0]
    if confirm:
        qtbot.waitUntil(lambda: window.state.corpus is not None and not window.state.busy, timeout=30_000)
        assert window.state.source_path == str(outside)
    else:
        assert window.state.corpus is None
    assert not window.errors


def test_bad_project_file_names_the_file_and_line(qtbot, window, tmp_path):
    broken = tmp_path / "broken.w2vproj.json"
    broken.write_text('{"format": "w2v-desktop-project",\n  "config": {,}\n}', encoding="utf-8")
    window.files.open_project(str(broken))
    wait_idle(qtbot, window.state)
    assert window.errors and "broken.w2vproj.json: line 2" in window.errors[0][1]


def test_plots_follow_the_palette(qtbot, window):
    app = QApplication.instance()
    original = app.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Base, QColor(30, 30, 30))
    dark.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: window.train_panel.loss.plot.backgroundBrush().color() == QColor(30, 30, 30),
                        timeout=2000)
    finally:
        app.setPalette(original)
    qtbot.waitUntil(lambda: window.data_panel.zipf_plot.backgroundBrush().color()
                    == original.color(QPalette.ColorRole.Base), timeout=2000)


def test_closing_while_training_stops_the_worker(qtbot, window):
    window.state.set_corpus(topic_corpus(4000))
    window.state.set_config(window.state.config.replace(epochs=500, dim=16, min_count=1, threads=1))
    window.train_panel.start()
    qtbot.waitUntil(lambda: window.train_panel.last_progress is not None, timeout=60_000)
    window.close()
    assert not window.state.busy or all(not job.is_running() for job in window.state.jobs())


def test_self_test_prints_ok(capsys):
    assert run_app(["--self-test"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "OK"


# What each panel must show when its picture is taken (its demo's results, not its empty state).
SCREENSHOT_CHECKS = {
    "Neighbours": lambda p: p.table.rowCount() == 10,
    "Analogy": lambda p: p.answers.names()[0] == "queen" and len(p.chart.categories) == 5,
    "Metrics": lambda p: p.comparison is not None and len(p.hub_curve.xData) > 0 and len(p.norm_points.xData) > 0,
    "Projection": lambda p: len(p.result.names) == 300 and len(p.map.selected.data) == 1,
    "Recs": lambda p: p.history_table.rowCount() > 0 and p.cosine_table.rowCount() == 10
    and "title" in p.vectors.meta["columns"],
    "Compare": lambda p: p.alignment is not None and p.current_neighbours.rowCount() == p.alignment.k,
}


@needs_sample
def test_screenshot_mode_saves_a_picture_of_every_tab_with_real_results(qtbot, tmp_path, monkeypatch):
    from w2v_desktop.gui import screenshots

    shown = {}
    shoot = screenshots.shoot_tab

    def shoot_and_check(app, window, index, folder):
        ok = shoot(app, window, index, folder)
        title = window.tabs.tabText(index)
        shown[title] = SCREENSHOT_CHECKS.get(title, lambda _p: True)(window.tabs.widget(index))
        return ok

    monkeypatch.setattr(screenshots, "shoot_tab", shoot_and_check)
    window = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(window)
    assert screenshots.take_screenshots(QApplication.instance(), window, tmp_path / "shots") == 0
    assert shown == {window.tabs.tabText(i): True for i in range(window.tabs.count())}
    shots = sorted((tmp_path / "shots").glob("*.png"))
    assert [p.name for p in shots][:2] == ["01-data.png", "02-train.png"]
    assert len(shots) == window.tabs.count()
    for shot in shots:
        image = QImage(str(shot))
        assert image.width() >= 1000 and image.height() >= 600
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 40, f"{shot.name} looks blank"


def test_screenshot_flag_runs_headless(tmp_path, monkeypatch, capsys):
    from w2v_desktop.gui import screenshots

    monkeypatch.setenv("HOME", str(tmp_path))  # keep QSettings writes out of the real home
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    calls = []

    def fake_take(app, window, folder):
        calls.append(folder)
        window.close()
        return 0

    monkeypatch.setattr(screenshots, "take_screenshots", fake_take)
    assert run_app(["--screenshot", str(tmp_path / "shots")]) == 0
    assert calls == [tmp_path / "shots"]


def test_qt_binding_keeps_reference_counts():
    """PySide6 6.12.0 on Python < 3.12 drops a reference to None/True on every call
    (e.g. ``setText``, ``emit``), and the app aborts with "Fatal Python error:
    none_dealloc" after a few thousand calls; pyproject excludes that combination."""
    import sys

    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(100):
        label.setText("x")
    assert sys.getrefcount(None) >= before, "this PySide6 build corrupts reference counts; use PySide6 < 6.12 " \
                                            "on Python < 3.12"


@pytest.mark.skipif(not (SAMPLES / "sample_ratings.csv").is_file(), reason="sample ratings not generated")
def test_ratings_dialog_detects_columns_and_shows_their_roles(qtbot):
    from w2v_desktop.gui.dialogs.ratings_dialog import RatingsDialog

    dialog = RatingsDialog(SAMPLES / "sample_ratings.csv")
    qtbot.addWidget(dialog)
    mapping = dialog.mapping()
    assert (mapping.user, mapping.item, mapping.header) == ("user_id", "item_id", True)
    headers = [dialog.preview.horizontalHeaderItem(i).text() for i in range(dialog.preview.columnCount())]
    assert headers[0] == "user_id\n(user)" and headers[1] == "item_id\n(item)"
    assert dialog.preview.rowCount() == 12
    assert dialog.items_path.text().endswith("sample_items.csv")
    dialog.mapping_form.editors["header"].set(False)  # names without a header: refused, not guessed
    assert "no header" in dialog.mapping_form.validate() and not dialog.ok_button.isEnabled()
    dialog.reject()


@pytest.mark.skipif(not (SAMPLES / "sample_ratings.csv").is_file(), reason="sample ratings not generated")
def test_ratings_become_item_sequences_and_titles_travel_with_the_vectors(qtbot, window, monkeypatch):
    from w2v_desktop.gui.dialogs.ratings_dialog import RatingsDialog

    monkeypatch.setattr(RatingsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.load_sample_ratings()
    wait_idle(qtbot, window.state)
    state = window.state
    assert state.interactions is not None and state.items is not None
    assert state.config.window == ITEM_DEFAULTS["window"] and state.config.min_count == ITEM_DEFAULTS["min_count"]
    assert state.corpus.n_sentences > 100 and any("sequences" in line for line in state.data_report)
    assert window.data_panel.length_plot.getPlotItem().titleLabel.text == "Sequence length"
    state.set_config(state.config.replace(epochs=1, dim=16, threads=1))
    window.train_panel.start()
    wait_idle(qtbot, state)
    assert not window.errors
    columns = state.vectors.meta["columns"]
    first = state.vectors.names[0]
    assert columns["title"][0] == state.items.title(first) != ""


def test_export_menu_lists_every_writable_format_and_exports(qtbot, window, tmp_path):
    from w2v_desktop.core.formats.registry import FORMATS, load_vectors

    labels = [a.text() for a in window.export_menu.actions()]
    assert labels == [info.label for info in FORMATS.values() if info.can_write]
    assert not window.export_menu.isEnabled()  # nothing to export yet
    window.state.set_corpus(topic_corpus(300))
    window.state.set_config(window.state.config.replace(epochs=1, dim=8, min_count=1, threads=1))
    window.train_panel.start()
    wait_idle(qtbot, window.state)
    assert window.export_menu.isEnabled()
    out = tmp_path / "v.txt"
    window.files.export_vectors("word2vec", path=str(out))
    wait_idle(qtbot, window.state)
    assert load_vectors(out).names == window.state.vectors.names
    # ... and the file opens for exploring without training.
    fresh = MainWindow(settings=temp_settings(tmp_path / "fresh"))
    qtbot.addWidget(fresh)
    fresh.files.open_vectors(str(out))
    wait_idle(qtbot, fresh.state)
    assert fresh.state.vectors.names == window.state.vectors.names and fresh.state.trainer is None



def model_readers(window) -> dict:
    return {"save project": window.save_project_action, "save model": window.save_model_action,
            "export": window.export_menu.menuAction(), "export output": window.export_output_menu.menuAction()}


def test_saving_and_exporting_wait_while_training_runs(qtbot, window, tmp_path):
    """Everything that reads the model is off while the training threads write it, and back
    after the run, however it ends: finished, stopped or failed."""
    state, panel = window.state, window.train_panel
    readers = model_readers(window)
    state.set_corpus(topic_corpus(300))
    state.set_config(state.config.replace(epochs=1, dim=8, min_count=1, threads=1))
    assert readers["save model"].isEnabled() and not readers["export"].isEnabled()  # nothing trained yet
    panel.start()
    assert not any(action.isEnabled() for action in readers.values())
    wait_idle(qtbot, state)
    assert all(action.isEnabled() for action in readers.values()), "after a finished run"

    state.set_corpus(topic_corpus(4000))
    state.set_config(state.config.replace(epochs=200))
    panel.start()
    qtbot.waitUntil(lambda: panel.last_progress is not None and panel.last_progress.words_done > 0,
                    timeout=60_000)
    assert not any(action.isEnabled() for action in readers.values())
    window.files.save_model(str(tmp_path / "m.npz"))  # a caller other than the menu is told to wait
    assert window.errors[-1][0] == "Training is running" and not (tmp_path / "m.npz").exists()
    panel.stop()
    wait_idle(qtbot, state)
    assert all(action.isEnabled() for action in readers.values()), "after a stopped run"

    state.set_config(state.config.replace(min_count=10_000))  # nothing survives: the run fails
    panel.start()
    assert not any(action.isEnabled() for action in readers.values())
    wait_idle(qtbot, state)
    assert window.errors[-1][0] == "Training failed"
    assert all(action.isEnabled() for action in readers.values()), "after a failed run"
    window.files.save_model(str(tmp_path / "m.npz"))
    wait_idle(qtbot, state)
    assert (tmp_path / "m.npz").exists()


def test_opening_the_app_with_a_file_opens_that_file(qtbot, tmp_path, monkeypatch):
    """``w2v-desktop vectors.txt``: the window opens with the vectors ready to explore."""
    import numpy as np

    from w2v_desktop.core.formats.registry import save_vectors
    from w2v_desktop.core.vectors.keyed import Vectors
    from w2v_desktop.gui import app
    from w2v_desktop.gui.app import open_window

    frozen = []  # the app leaves its start-up objects out of garbage collections; not the test process
    monkeypatch.setattr(app, "freeze_startup_objects", lambda: frozen.append(True))

    path = tmp_path / "vectors.txt"
    names = ["red", "green", "blue", "cat", "dog"]
    save_vectors(Vectors(names, np.random.default_rng(0).normal(size=(5, 4)).astype(np.float32)), path, "word2vec")
    window = open_window(str(path), settings=temp_settings(tmp_path))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.state.vectors is not None and not window.state.busy, timeout=30_000)
    assert window.state.vectors.names == names and window.state.corpus is None  # not the sample
    assert window.files.recent_files() == [str(path)]
    assert frozen == [True]


def test_the_file_opened_last_wins_whichever_load_finishes_first(qtbot, window, tmp_path):
    import numpy as np

    from w2v_desktop.core.formats.registry import save_vectors
    from w2v_desktop.core.vectors.keyed import Vectors

    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    save_vectors(Vectors([f"w{i}" for i in range(150_000)], np.ones((150_000, 16), np.float32)), big, "word2vec")
    save_vectors(Vectors(["a", "b"], np.eye(2, 16, dtype=np.float32)), small, "word2vec")
    window.files.open_vectors(str(big))
    window.files.open_vectors(str(small))  # the user changed their mind at once
    wait_idle(qtbot, window.state)
    assert window.state.vectors.names == ["a", "b"] and not window.errors


def test_export_output_vectors_writes_the_output_weights(qtbot, window, tmp_path):
    import numpy as np

    from w2v_desktop.core.formats import load_vectors

    state = window.state
    state.set_corpus(topic_corpus(300))
    state.set_config(state.config.replace(epochs=1, dim=8, min_count=1, threads=1))
    window.train_panel.start()
    wait_idle(qtbot, state)
    out = tmp_path / "out.txt"
    window.files.export_vectors("word2vec", output=True, path=str(out))
    wait_idle(qtbot, state)
    written = load_vectors(out)
    assert written.names == state.trainer.vocab.words
    assert np.allclose(written.matrix, state.trainer.syn1neg, atol=1e-5)
    assert not np.allclose(written.matrix, state.vectors.matrix, atol=1e-3)


def test_opening_a_model_or_project_waits_while_training_runs(qtbot, window, tmp_path):
    """Opening either replaces the app's model, which the run's end would overwrite."""
    state, panel = window.state, window.train_panel
    state.set_corpus(topic_corpus(4000))
    state.set_config(state.config.replace(epochs=200, dim=8, min_count=1, threads=1))
    assert window.open_model_action.isEnabled() and window.open_project_action.isEnabled()
    panel.start()
    qtbot.waitUntil(lambda: panel.last_progress is not None and panel.last_progress.words_done > 0,
                    timeout=60_000)
    assert not window.open_model_action.isEnabled() and not window.open_project_action.isEnabled()
    window.files.open_model(str(tmp_path / "m.w2vmodel.npz"))  # a dropped file is told to wait
    assert window.errors[-1][0] == "Training is running"
    panel.stop()
    wait_idle(qtbot, state)
    assert window.open_model_action.isEnabled() and window.open_project_action.isEnabled()
