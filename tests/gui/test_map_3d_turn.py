"""3-D maps: drawn by the 2-D map turned in numpy; turning, picking, export and bookmarks."""
from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from test_map import settle, shown_map, viewport_point
from test_panels import clustered_vectors, project_now, state, wait_job  # noqa: F401 (a fixture)

from w2v_desktop.core.analysis.map_camera import Camera, screen_view, unit_ball


def right_drag(widget, start: QPoint, end: QPoint, steps: int = 6, right=Qt.MouseButton.RightButton,
               modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press the right (or another) button at ``start``, move to ``end`` in steps, release."""
    def send(kind, pos, button, buttons):
        event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons, modifiers)
        QApplication.sendEvent(widget, event)
    send(QEvent.Type.MouseButtonPress, start, right, right)
    for i in range(1, steps + 1):
        QTest.qWait(15)   # pyqtgraph drops moves that come faster than its mouse rate limit
        send(QEvent.Type.MouseMove, start + (end - start) * i / steps, Qt.MouseButton.NoButton, right)
    send(QEvent.Type.MouseButtonRelease, end, right, Qt.MouseButton.NoButton)


def settled(qtbot, scatter_map) -> None:
    """Let the labels and the end of turning (points drawn one by one again) happen."""
    qtbot.waitUntil(lambda: not scatter_map.turn.settle_timer.isActive(), timeout=5000)
    settle(qtbot, scatter_map)


@pytest.fixture
def mapped_3d(qtbot, state):
    panel = shown_map(qtbot, state, clustered_vectors(titles=True), 120, three_d=True)
    settled(qtbot, panel.map)
    return panel


def loneliest(coords: np.ndarray) -> tuple[int, float]:
    """The point farthest from its nearest other point, and that distance."""
    d = np.linalg.norm(coords[:, None] - coords[None], axis=2)
    np.fill_diagonal(d, np.inf)
    nearest = d.min(axis=1)
    return int(np.argmax(nearest)), float(nearest.max())


def test_a_3d_map_turns_and_a_click_picks_the_point_drawn_there(qtbot, mapped_3d):
    panel, scatter = mapped_3d, mapped_3d.map
    assert panel.result.coords.shape == (120, 3) and scatter.turn.active
    item = scatter.plot.getPlotItem()
    assert not item.getAxis("bottom").isVisible() and not item.getAxis("left").isVisible()
    assert scatter.turn.tripod.isVisible() and scatter.turn.tripod.names == ("PC1", "PC2", "PC3")
    assert len(scatter.scatter.data) == 120
    before = scatter.coords.copy()

    viewport = scatter.plot.viewport()
    centre = QPoint(viewport.width() // 2, viewport.height() // 2)
    right_drag(viewport, centre, centre + QPoint(120, 40))
    camera = scatter.turn.camera
    assert camera.yaw > Camera().yaw + 20 and camera.pitch > Camera().pitch + 5
    expected, _ = screen_view(unit_ball(panel.result.coords), camera)
    np.testing.assert_allclose(scatter.coords, expected, atol=1e-5)
    assert np.abs(scatter.coords - before).max() > 0.1
    assert np.array_equal(np.sort(scatter.scatter.data["data"]), np.arange(120))   # every point still drawn

    scatter.plot.setFocus()
    qtbot.keyClick(scatter.plot, Qt.Key.Key_Left)
    assert scatter.turn.camera.yaw == pytest.approx(camera.yaw - 5)
    camera = scatter.turn.camera
    # Alt+drag turns too (for one-button mice); a plain drag still pans, without turning
    left = Qt.MouseButton.LeftButton
    right_drag(viewport, centre, centre + QPoint(-60, 0), right=left, modifiers=Qt.KeyboardModifier.AltModifier)
    assert scatter.turn.camera.yaw < camera.yaw - 10
    camera, view = scatter.turn.camera, scatter.view_box.viewRange()
    right_drag(viewport, centre, centre + QPoint(50, 30), right=left)
    assert scatter.turn.camera == camera and scatter.view_box.viewRange()[0][0] < view[0][0]
    scatter.fit_view()

    # a click where a point is drawn now selects it, and the selection panel lists its neighbours
    target, gap = loneliest(scatter.coords)
    assert gap / scatter.view_box.viewPixelSize()[0] > 6   # alone on screen: nothing else within the click radius
    x, y = scatter.coords[target]
    qtbot.mouseClick(scatter.plot.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(scatter, x, y))
    assert scatter.selection == [target]
    assert panel.result.names[target] in panel.selection.heading.text()
    assert panel.selection.original.rowCount() == 10
    settled(qtbot, scatter)

    # the selection, its star and links follow a turn
    scatter.turn.turn(40.0, -30.0)
    np.testing.assert_allclose(scatter.selected.data["x"], [scatter.coords[target, 0]], atol=1e-6)
    qtbot.mouseClick(scatter.turn.reset_button, Qt.MouseButton.LeftButton)
    assert scatter.turn.camera == Camera()
    settled(qtbot, scatter)


def test_far_points_are_drawn_first_smaller_and_fainter(mapped_3d):
    scatter = mapped_3d.map
    drawn = scatter.scatter.data
    depth = scatter.turn.depth[drawn["data"].astype(np.int64)]
    assert np.all(np.diff(depth) >= 0)          # far to near
    far, near = drawn[0], drawn[-1]
    assert far["size"] < near["size"]
    assert far["brush"].color().alpha() < near["brush"].color().alpha()


def test_a_3d_map_exports_z_and_goes_back_to_2d(qtbot, mapped_3d, tmp_path):
    panel = mapped_3d
    path = tmp_path / "map3d.csv"
    panel.export_coordinates(str(path))
    qtbot.waitUntil(lambda: panel.export_runner.job is None, timeout=30_000)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0][:5] == ["name", "x", "y", "z", "trust"]
    np.testing.assert_allclose([float(r[3]) for r in rows[1:]], panel.result.coords[:, 2], rtol=1e-6)
    panel.map.select([4, 9])
    picked = tmp_path / "picked.csv"
    panel.selection.export_selection(str(picked))
    with open(picked, newline="", encoding="utf-8") as f:
        assert next(csv.reader(f))[:4] == ["name", "x", "y", "z"]

    panel.controls.three_d_check.setChecked(False)
    project_now(qtbot, panel)
    item = panel.map.plot.getPlotItem()
    assert panel.result.coords.shape[1] == 2 and not panel.map.turn.active
    assert item.getAxis("bottom").isVisible() and not panel.map.turn.tripod.isVisible()
    assert not item.getViewBox().state["aspectLocked"]
    np.testing.assert_allclose(panel.map.coords, panel.result.coords)
    settled(qtbot, panel.map)


def test_3d_is_offered_for_pca_and_umap_only(qtbot, state):
    from w2v_desktop.gui.widgets.projection_controls import ProjectionControls
    controls = ProjectionControls()
    qtbot.addWidget(controls)
    controls.three_d_check.setChecked(True)
    for method, offered in (("pca", True), ("umap", True), ("tsne", False), ("axes", False)):
        controls.method_combo.setCurrentIndex(controls.method_combo.findData(method))
        assert controls.three_d_check.isEnabled() == offered
        assert ("t-SNE" in controls.three_d_check.toolTip()) != offered
        if method != "axes":
            assert controls.params().n_components == (3 if offered else 2)


def test_a_3d_bookmark_brings_back_its_camera(qtbot, mapped_3d, state):
    panel = mapped_3d
    panel.map.turn.set_camera(Camera(75.0, -40.0))
    panel.map.select([2])
    bookmark = panel.bookmarks.add()
    assert bookmark["camera"] == {"yaw": 75.0, "pitch": -40.0} and bookmark["params"]["n_components"] == 3
    panel.controls.three_d_check.setChecked(False)
    panel.map.turn.reset()
    panel.bookmarks.restore(0)
    wait_job(qtbot, panel)
    assert panel.controls.three_d_check.isChecked() and panel.result.coords.shape[1] == 3
    assert panel.map.turn.camera == Camera(75.0, -40.0) and panel.map.selection == [2]
    expected, _ = screen_view(unit_ball(panel.result.coords), Camera(75.0, -40.0))
    np.testing.assert_allclose(panel.map.coords, expected, atol=1e-5)
    settled(qtbot, panel.map)


def test_while_turning_many_points_draw_as_density_then_as_points_again(qtbot, state):
    from w2v_desktop.gui.widgets.map_rotation import TURNING_POINTS_BELOW
    panel = shown_map(qtbot, state, clustered_vectors(n_clusters=6, per_cluster=500), 3000, three_d=True)
    scatter = panel.map
    assert 3000 > TURNING_POINTS_BELOW and scatter.mode == "points"
    scatter.turn.turn(10.0, 0.0)
    assert scatter.mode == "density"          # cheap while the drag goes on
    settled(qtbot, scatter)
    assert scatter.mode == "points" and len(scatter.scatter.data) == 3000


def test_density_of_a_turned_map_draws_far_points_fainter(qtbot, state):
    from w2v_desktop.core.analysis import density_image
    from w2v_desktop.gui.widgets.map_rotation import density_weights
    panel = shown_map(qtbot, state, clustered_vectors(n_clusters=6, per_cluster=500), 3000, three_d=True)
    scatter = panel.map
    scatter.turn.turn(30.0, 10.0)
    assert scatter.mode == "density"
    layers = scatter.layers
    np.testing.assert_allclose(layers._binned_weights, density_weights(scatter.turn.depth)[layers._order])
    (x0, x1), (y0, y1) = scatter.view_box.viewRange()
    height, width = layers.image.image.shape[:2]
    flat, _ = density_image(scatter.coords, (x0, x1), (y0, y1), width, height, layers.categories, layers._rgb)
    drawn = layers.image.image
    assert drawn[..., 3].sum() < 0.9 * flat[..., 3].sum()   # fainter overall: the far half weighs less
    settled(qtbot, scatter)
