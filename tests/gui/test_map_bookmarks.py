"""Map bookmarks: a view saved into the project file comes back the same."""
from __future__ import annotations

import json

import numpy as np
import pytest

from test_map import settle
from test_map_colour import multi_label_vectors
from test_panels import make_panel, project_now, wait_job

from w2v_desktop.core.formats import project as projects
from w2v_desktop.gui.state import AppState


def test_a_bookmark_round_trips_through_the_project_file(qtbot, tmp_path):
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    state = AppState()
    state.set_vectors(multi_label_vectors())
    panel = make_panel(qtbot, ProjectionPanel, state)
    panel.show()
    qtbot.waitExposed(panel)
    panel.top_spin.setValue(90)
    panel.controls.method_combo.setCurrentIndex(panel.controls.method_combo.findData("umap"))
    panel.controls.n_neighbors.setValue(9)
    panel.controls.min_dist.setValue(0.35)
    panel.controls.seed_spin.setValue(7)
    project_now(qtbot, panel)
    panel.colouring.set_choice("genres", "Sci-Fi")
    panel.map.select([3, 17, 40])
    (x0, x1), (y0, y1) = panel.map.view_box.viewRange()
    panel.map.view_box.setRange(xRange=(x0, (x0 + x1) / 2), yRange=(y0, (y0 + y1) / 2), padding=0)
    view = np.array(panel.map.view_box.viewRange())
    coords = panel.result.coords.copy()
    bookmark = panel.bookmarks.add()
    assert bookmark is not None and panel.bookmarks.list.count() == 1
    settle(qtbot, panel.map)

    path = tmp_path / ("view" + projects.SUFFIX)
    projects.save_project(projects.Project(bookmarks=list(state.map_bookmarks)), path)
    stored = json.loads(path.read_text())["bookmarks"][0]
    assert stored["subset"] == {"top_n": 90} and stored["params"]["n_neighbors"] == 9
    loaded = projects.load_project(path)

    other = AppState()
    other.set_vectors(multi_label_vectors())
    restored = make_panel(qtbot, ProjectionPanel, other)
    restored.show()
    qtbot.waitExposed(restored)
    other.set_bookmarks(loaded.bookmarks)
    assert restored.bookmarks.list.count() == 1
    restored.bookmarks.restore(0)
    wait_job(qtbot, restored)
    params = restored.result.params
    assert (params.method, params.n_neighbors, params.min_dist, params.seed) == ("umap", 9, pytest.approx(0.35), 7)
    assert len(restored.result.names) == 90
    np.testing.assert_allclose(restored.result.coords, coords, atol=1e-4)   # same seed: same layout
    assert restored.colouring.choice() == "genres" and restored.colouring.value() == "Sci-Fi"
    assert restored.map.categories is not None and (restored.map.categories == 0).sum() == (panel.map.categories == 0).sum()
    assert restored.map.selection == [3, 17, 40]
    np.testing.assert_allclose(np.array(restored.map.view_box.viewRange()), view, rtol=1e-3, atol=1e-3)
    restored.map.grab().save("/tmp/mc/restored.png")
    settle(qtbot, restored.map)


@pytest.mark.parametrize("bad", [
    {"name": "x"},                                                                   # fields missing
    "not an object",
])
def test_a_malformed_bookmark_is_refused_on_load(tmp_path, bad):
    path = tmp_path / ("bad" + projects.SUFFIX)
    path.write_text(json.dumps({"format": projects.FORMAT, "version": 1, "bookmarks": [bad]}))
    with pytest.raises(projects.ProjectError, match="bookmarks"):
        projects.load_project(path)
