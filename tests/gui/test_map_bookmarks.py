"""Map bookmarks: a view saved into the project file (File > Save project) comes back the same
(File > Open project, Restore)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from PySide6.QtCore import Qt
from test_map import settle
from test_panels import project_now, wait_job

from tests.gui.helpers import temp_settings, topic_corpus, wait_idle
from w2v_desktop.core.formats import project as projects


def trained_with_many_names(qtbot, window):
    """A model of 126 names (six topics of 20, and filler), trained in ``window``."""
    topics = {f"topic{t}": [f"w{t}_{i}" for i in range(20)] for t in range(6)}
    window.state.set_corpus(topic_corpus(1500, topics=topics), "topics.txt")
    window.state.set_config(window.state.config.replace(epochs=1, dim=8, min_count=1, threads=1))
    window.train_panel.start()
    qtbot.waitUntil(lambda: not window.train_panel.is_running() and window.state.vectors is not None, timeout=60_000)
    wait_idle(qtbot, window.state)


def test_a_bookmark_round_trips_through_file_save_and_open_project(qtbot, window, tmp_path, monkeypatch):
    """What the user does: bookmark a view, File > Save project, then in another window File >
    Open project and Restore: the same points, method and parameters, colouring, selection and view."""
    from w2v_desktop.gui.main_window import MainWindow
    from w2v_desktop.gui.widgets.map_colour import COUNT
    path = tmp_path / ("view" + projects.SUFFIX)
    monkeypatch.setattr("w2v_desktop.gui.file_actions.QFileDialog.getSaveFileName",
                        lambda *args: (str(path), ""))
    monkeypatch.setattr("w2v_desktop.gui.file_actions.QFileDialog.getOpenFileName",
                        lambda *args: (str(path), ""))
    trained_with_many_names(qtbot, window)
    window.show()
    panel = window.panels["Projection"]
    window.tabs.setCurrentWidget(panel)
    qtbot.waitExposed(panel)
    panel.top_spin.setValue(90)
    panel.controls.method_combo.setCurrentIndex(panel.controls.method_combo.findData("umap"))
    panel.controls.n_neighbors.setValue(9)
    panel.controls.min_dist.setValue(0.35)
    panel.controls.seed_spin.setValue(7)
    project_now(qtbot, panel)
    assert panel.colouring.set_choice(COUNT)
    panel.map.select([3, 17, 40])
    (x0, x1), (y0, y1) = panel.map.view_box.viewRange()
    panel.map.view_box.setRange(xRange=(x0, (x0 + x1) / 2), yRange=(y0, (y0 + y1) / 2), padding=0)
    view = np.array(panel.map.view_box.viewRange())
    names, coords = list(panel.result.names), panel.result.coords.copy()
    colours = panel.map.layers.categories.copy()
    qtbot.mouseClick(panel.bookmarks.add_button, Qt.MouseButton.LeftButton)
    assert panel.bookmarks.list.count() == 1
    settle(qtbot, panel.map)

    window.save_project_action.trigger()   # File > Save project (the dialog answers ``path``)
    wait_idle(qtbot, window.state)
    assert path.is_file() and not window.errors
    stored = json.loads(path.read_text())["bookmarks"][0]
    assert stored["subset"] == {"top_n": 90} and stored["params"]["n_neighbors"] == 9

    other = MainWindow(settings=temp_settings(tmp_path / "other"))
    qtbot.addWidget(other)
    other.show()
    other.open_project_action.trigger()    # File > Open project
    qtbot.waitUntil(lambda: other.state.vectors is not None, timeout=60_000)
    wait_idle(qtbot, other.state)
    restored = other.panels["Projection"]
    other.tabs.setCurrentWidget(restored)
    qtbot.waitExposed(restored)
    assert restored.bookmarks.list.count() == 1
    restored.bookmarks.list.setCurrentRow(0)
    qtbot.mouseClick(restored.bookmarks.restore_button, Qt.MouseButton.LeftButton)
    wait_job(qtbot, restored)
    params = restored.result.params
    assert (params.method, params.n_neighbors, params.min_dist, params.seed) == ("umap", 9, pytest.approx(0.35), 7)
    assert list(restored.result.names) == names                              # the same points
    np.testing.assert_allclose(restored.result.coords, coords, atol=1e-4)   # same seed: same layout
    assert restored.colouring.choice() == COUNT and restored.map.colorbar is not None
    np.testing.assert_array_equal(restored.map.layers.categories, colours)
    assert restored.map.selection == [3, 17, 40]
    assert restored.selection.original.rowCount() > 0                          # the panel shows the focus
    np.testing.assert_allclose(np.array(restored.map.view_box.viewRange()), view, rtol=1e-3, atol=1e-3)
    settle(qtbot, restored.map)
    settle(qtbot, panel.map)


@pytest.mark.parametrize("bad", [
    {"name": "x"},                                                                   # fields missing
    "not an object",
])
def test_a_malformed_bookmark_is_refused_on_load(tmp_path, bad):
    path = tmp_path / ("bad" + projects.SUFFIX)
    path.write_text(json.dumps({"format": projects.FORMAT, "version": 1, "bookmarks": [bad]}))
    with pytest.raises(projects.ProjectError, match="bookmarks"):
        projects.load_project(path)
