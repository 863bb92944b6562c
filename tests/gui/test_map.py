"""The map: clicks through overlays, the selection panel, lasso/box, isolate, labels, density."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from test_panels import clustered_vectors, make_panel, project_now, state  # noqa: F401 (a fixture)


def viewport_point(scatter_map, x: float, y: float) -> QPoint:
    """Where data point (x, y) is on the plot widget's viewport."""
    scene = scatter_map.view_box.mapViewToScene(QPointF(x, y))
    return scatter_map.plot.mapFromScene(scene)


def settle(qtbot, scatter_map) -> None:
    """Let the debounced label placement run (it must not be left pending)."""
    qtbot.waitUntil(lambda: not scatter_map._label_timer.isActive(), timeout=5000)


def shown_map(qtbot, state, vectors, n: int, three_d: bool = False):
    """A shown map tab with a map of the ``n`` most frequent rows of ``vectors`` (3-D on request)."""
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    state.set_vectors(vectors)
    panel = make_panel(qtbot, ProjectionPanel, state)
    panel.show()
    qtbot.waitExposed(panel)
    panel.top_spin.setValue(n)
    panel.controls.three_d_check.setChecked(three_d)
    project_now(qtbot, panel)
    return panel


def box_select_cluster(panel, prefix: str = "c3_") -> list[int]:
    """Shift-drag a box round the points named ``prefix...``; returns their indices."""
    c = panel.result.coords
    cluster = [i for i, n in enumerate(panel.result.names) if n.startswith(prefix)]
    lo, hi = c[cluster].min(axis=0), c[cluster].max(axis=0)
    pad = 0.01 * (c.max(axis=0) - c.min(axis=0))
    corners = [viewport_point(panel.map, lo[0] - pad[0], lo[1] - pad[1]),
               viewport_point(panel.map, hi[0] + pad[0], hi[1] + pad[1])]
    drag(panel.map.plot.viewport(), [corners[0], (corners[0] + corners[1]) / 2, corners[1]],
         Qt.KeyboardModifier.ShiftModifier)
    return cluster


@pytest.fixture
def mapped(qtbot, state):
    panel = shown_map(qtbot, state, clustered_vectors(titles=True), 120)
    settle(qtbot, panel.map)
    return panel


def test_a_click_on_a_searched_point_selects_it(qtbot, mapped):
    panel = mapped
    panel.search_edit.setText("c2_1")
    assert len(panel.map.highlight.data) == 11
    target = panel.map.hits[3]
    x, y = panel.result.coords[target]
    qtbot.mouseClick(panel.map.plot.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(panel.map, x, y))
    # the nearest point to the click: the target or a cluster mate drawn on the same pixels
    chosen = panel.map.selection
    assert len(chosen) == 1
    assert np.hypot(*(panel.result.coords[chosen[0]] - panel.result.coords[target])
                    / panel.map.view_box.viewPixelSize()) < 2
    assert panel.result.names[chosen[0]] in panel.selection.heading.text()
    assert panel.selection.original.rowCount() == 10
    settle(qtbot, panel.map)


def test_selection_panel_lists_the_neighbours_panel_neighbours(qtbot, mapped, state):
    from w2v_desktop.gui.panels.neighbours_panel import NeighboursPanel
    panel = mapped
    neighbours = make_panel(qtbot, NeighboursPanel, state)
    for metric in ("cosine", "euclidean"):
        panel.selection.metric_combo.setCurrentText(metric)
        neighbours.metric_combo.setCurrentText(metric)
        panel.map.select([7])
        neighbours.query(panel.result.names[7])
        ours, theirs = panel.selection.original, neighbours.table
        assert ours.names() == theirs.names() and len(ours.names()) == 10
        assert [ours.item(r, 2).text() for r in range(10)] == [theirs.item(r, 2).text() for r in range(10)]
    # every neighbour of a cluster member is on the map: all linked and labelled
    assert len(panel.map.link_targets) == 10 and not panel.selection.off_map.text()
    settle(qtbot, panel.map)
    labelled = {panel.map.short_labels[r] for r in panel.map.label_layer.rows}
    assert panel.map.short_labels[7] in labelled


def test_a_row_click_selects_and_centres_that_point(qtbot, mapped):
    panel = mapped
    panel.map.select([0])
    name = panel.selection.original.names()[2]
    panel.selection.original.cellClicked.emit(2, 1)
    index = panel.result.names.index(name)
    assert panel.map.selection == [index]
    (x0, x1), (y0, y1) = panel.map.view_box.viewRange()
    assert np.allclose(panel.result.coords[index], [(x0 + x1) / 2, (y0 + y1) / 2], atol=1e-5)
    settle(qtbot, panel.map)


def drag(widget, points, modifiers) -> None:
    """Press at the first point, move through the others with the button held, release."""
    def send(kind, pos, buttons):
        event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), Qt.MouseButton.LeftButton,
                            buttons, modifiers)
        QApplication.sendEvent(widget, event)
    send(QEvent.Type.MouseButtonPress, points[0], Qt.MouseButton.LeftButton)
    for pos in points[1:]:
        QTest.qWait(15)   # pyqtgraph drops moves that come faster than its mouse rate limit
        send(QEvent.Type.MouseMove, pos, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)


def test_lasso_selects_exactly_the_points_inside(qtbot, mapped):
    from w2v_desktop.core.analysis.map_select import points_in_polygon
    panel = mapped
    (x0, x1), (y0, y1) = panel.map.view_box.viewRange()
    # a concave lasso over the whole map: a "U" whose notch leaves out the middle column
    frac = [(0.02, 0.02), (0.98, 0.02), (0.98, 0.98), (0.6, 0.98), (0.6, 0.3), (0.4, 0.3), (0.4, 0.98), (0.02, 0.98)]
    polygon = [(x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)) for fx, fy in frac]
    pixels = [viewport_point(panel.map, x, y) for x, y in polygon]
    drag(panel.map.plot.viewport(), pixels + [pixels[0]], Qt.KeyboardModifier.ControlModifier)
    # the lasso as drawn, in data coordinates (pixel rounding moves its corners a little)
    drawn = [panel.map.view_box.mapSceneToView(panel.map.plot.mapToScene(p)) for p in pixels]
    expected = points_in_polygon(panel.result.coords, [(p.x(), p.y()) for p in drawn]).tolist()
    assert 0 < len(expected) < 120 and sorted(panel.map.selection) == expected
    # the points left out are exactly those in the notch or outside
    c = panel.result.coords
    notch = ((c[:, 0] > polygon[5][0]) & (c[:, 0] < polygon[4][0]) & (c[:, 1] > polygon[4][1]))
    assert not set(np.flatnonzero(notch)) & set(panel.map.selection)
    settle(qtbot, panel.map)


def test_box_isolate_and_show_all(qtbot, mapped):
    panel = mapped
    cluster = box_select_cluster(panel)
    assert set(cluster) <= set(panel.map.selection)
    panel.selection.isolate_button.click()
    assert panel.map.keep.sum() == len(panel.map.selection)
    assert sorted(panel.map.layers.shown.tolist()) == sorted(panel.map.selection)
    assert panel.selection.show_all_button.isEnabled()
    panel.selection.show_all_button.click()
    assert panel.map.keep is None and len(panel.map.layers.shown) == 120
    panel.selection.clear_button.click()
    assert panel.map.selection == [] and not panel.selection.clear_button.isEnabled()
    settle(qtbot, panel.map)


def label_rects_ok(scatter_map) -> int:
    rects = scatter_map.label_layer.screen_rects()
    area = scatter_map.view_box.rect()
    for r in rects:
        assert area.contains(r), (r, area)
    for i in range(len(rects)):
        for j in range(i + 1, len(rects)):
            assert not rects[i].intersects(rects[j]), (rects[i], rects[j])
    return len(rects)


def test_labels_never_overlap_stay_inside_and_grow_as_you_zoom(qtbot, state):
    from w2v_desktop.gui.widgets.scatter_map import ScatterMap
    rng = np.random.default_rng(0)
    n = 3000
    coords = rng.normal(size=(n, 2))
    names = [f"word{i}" for i in range(n)]
    scatter_map = ScatterMap()
    qtbot.addWidget(scatter_map)
    scatter_map.resize(800, 600)
    scatter_map.show()
    qtbot.waitExposed(scatter_map)
    scatter_map.set_points(names, coords, names, "map", "x")
    scatter_map.show_highlights(list(range(2500, 2600)))   # 100 forced labels in a crowd
    settle(qtbot, scatter_map)
    whole = label_rects_ok(scatter_map)
    assert 20 < whole < n
    assert "of 100 matches" in scatter_map.label_layer.note   # the cap is said on screen
    scatter_map.show_highlights([])
    settle(qtbot, scatter_map)
    before = set(scatter_map.label_layer.rows.tolist())
    scatter_map.view_box.setRange(xRange=(-0.3, 0.3), yRange=(-0.3, 0.3), padding=0)
    settle(qtbot, scatter_map)
    label_rects_ok(scatter_map)
    after = set(scatter_map.label_layer.rows.tolist())
    assert after - before                       # zoomed in: labels of less frequent points appear
    assert max(after) > max(before)


def test_density_at_large_n_switches_to_points_when_zoomed_in(qtbot):
    from w2v_desktop.gui.widgets.map_density_item import POINTS_BELOW
    from w2v_desktop.gui.widgets.scatter_map import ScatterMap
    rng = np.random.default_rng(1)
    n = 4 * POINTS_BELOW
    coords = rng.uniform(0, 1, size=(n, 2))
    names = [str(i) for i in range(n)]
    scatter_map = ScatterMap()
    qtbot.addWidget(scatter_map)
    scatter_map.resize(800, 600)
    scatter_map.set_points(names, coords, names, "many", "x")
    assert scatter_map.mode == "density" and scatter_map.layers.image.isVisible()
    assert len(scatter_map.layers.shown) == 0 and scatter_map.layers.in_view == n
    scatter_map.view_box.setRange(xRange=(0.4, 0.5), yRange=(0.4, 0.5), padding=0)
    assert scatter_map.mode == "points" and not scatter_map.layers.image.isVisible()
    inside = np.flatnonzero((coords[:, 0] >= 0.4) & (coords[:, 0] <= 0.5) & (coords[:, 1] >= 0.4) & (coords[:, 1] <= 0.5))
    assert set(inside) <= set(scatter_map.layers.shown.tolist())
    assert len(scatter_map.layers.shown) < POINTS_BELOW
    scatter_map.fit_view()
    assert scatter_map.mode == "density"


def test_density_drawn_from_the_sorted_copy_equals_the_points_own_image(qtbot):
    """The layers bin a copy sorted by grid cell (faster); colours and isolation follow the sort."""
    from PySide6.QtGui import QColor
    from w2v_desktop.core.analysis import density_image
    from w2v_desktop.gui.widgets.map_density_item import BIN_PIXELS, POINTS_BELOW
    from w2v_desktop.gui.widgets.scatter_map import ScatterMap
    rng = np.random.default_rng(4)
    n = 3 * POINTS_BELOW
    coords = np.concatenate([rng.normal(size=(n // 2, 2)), rng.uniform(-3, 3, size=(n - n // 2, 2))])
    scatter_map = ScatterMap()
    qtbot.addWidget(scatter_map)
    scatter_map.resize(800, 600)
    scatter_map.set_points([str(i) for i in range(n)], coords, [], "many", "x")
    values = [("a", "b", "c")[i % 3] if i % 7 else "d" for i in range(n)]
    scatter_map.colour_categories(values, "letters")
    keep = rng.random(n) < 0.9
    for kept in (None, keep):
        scatter_map.layers.set_keep(kept)
        scatter_map.view_box.setRange(xRange=(-2.5, 1.0), yRange=(-1.5, 2.0), padding=0)
        scatter_map._range_changed()
        assert scatter_map.mode == "density"
        rect = scatter_map.view_box.rect()
        expected, seen = density_image(coords, *scatter_map.view_box.viewRange(), int(rect.width() / BIN_PIXELS),
                                       int(rect.height() / BIN_PIXELS), scatter_map.layers.categories,
                                       scatter_map.layers.palette[:, :3], kept)
        assert seen == scatter_map.layers.in_view
        np.testing.assert_array_equal(scatter_map.layers.image.image, expected)
    assert not scatter_map.layers.scatter.isVisible()   # empty items are hidden: no paint cost
    assert not scatter_map.highlight.isVisible() and not scatter_map.selected.isVisible()
    scatter_map.select([5])
    assert scatter_map.selected.isVisible()
    scatter_map.select([])


def test_a_search_matching_most_of_a_large_map_rings_and_labels_a_bounded_few(qtbot):
    """Matches past what can be shown: rings for the ones in view (at most MAX_RINGS), labels for
    as many as fit, the count said on the map; hover texts are made for the hovered point."""
    from w2v_desktop.core.analysis import MapText
    from w2v_desktop.gui.widgets.map_labels_item import MAX_LABELS
    from w2v_desktop.gui.widgets.scatter_map import MAX_RINGS, ScatterMap
    rng = np.random.default_rng(2)
    n = 60_000
    coords = rng.uniform(0, 1, size=(n, 2))
    names = [f"w{i}" for i in range(n)]
    text = MapText(names, [f"title {i}" if i % 2 else "" for i in range(n)])
    scatter_map = ScatterMap()
    qtbot.addWidget(scatter_map)
    scatter_map.resize(800, 600)
    scatter_map.show()
    qtbot.waitExposed(scatter_map)
    scatter_map.set_points(names, coords, text.tip, "many", "x")
    assert scatter_map._tip(0, 0, 7) == "w7\ntitle 7" and scatter_map._tip(0, 0, 8) == "w8"
    hits = text.search("1")
    assert len(hits) > MAX_RINGS * 10
    scatter_map.show_highlights(hits)
    assert 0 < len(scatter_map.highlight.data) <= MAX_RINGS
    assert 0 < len(scatter_map.label_layer.rows) <= MAX_LABELS
    assert set(scatter_map.label_layer.rows.tolist()) <= set(hits.tolist())   # matches are labelled first
    assert f"of {len(hits):,} matches" in scatter_map.label_layer.note
    scatter_map.view_box.setRange(xRange=(0.1, 0.2), yRange=(0.1, 0.2), padding=0)
    settle(qtbot, scatter_map)   # re-ringed for the new view: the matches in it
    ringed = np.array([spot.pos() for spot in scatter_map.highlight.points()])
    assert len(ringed) and ((ringed >= 0.1 - 1e-6) & (ringed <= 0.2 + 1e-6)).all()


def test_send_selection_to_neighbours_and_analogy_and_export(qtbot, state, tmp_path):
    from helpers import temp_settings

    from w2v_desktop.gui.main_window import MainWindow
    window = MainWindow(state, settings=temp_settings(tmp_path))
    qtbot.addWidget(window)
    state.set_vectors(clustered_vectors(titles=True))
    panel = window.panels["Projection"]
    panel.top_spin.setValue(60)
    project_now(qtbot, panel)
    panel.map.select([4, 9, 2])
    panel.selection.to_neighbours.click()
    assert window.tabs.currentWidget() is window.panels["Neighbours"]
    assert window.panels["Neighbours"].query_edit.text() == "c0_4"
    assert window.panels["Neighbours"].table.rowCount() > 0
    panel.selection.to_analogy.click()
    assert window.tabs.currentWidget() is window.panels["Analogy"]
    assert [e.text() for e in window.panels["Analogy"].word_edits] == ["c0_4", "c0_9", "c0_2"]
    panel.selection.export_selection(str(tmp_path / "sel.csv"))
    lines = (tmp_path / "sel.csv").read_text().splitlines()
    assert lines[0] == "name,x,y,trust,title,genres" and [l.split(",")[0] for l in lines[1:]] == ["c0_4", "c0_9", "c0_2"]
    assert lines[1].endswith(",Title of c0_4,genre0")


def test_links_go_to_shown_neighbours_only_and_the_panel_counts_the_hidden(qtbot, mapped):
    """After Isolate the lines still ran from the focus to its hidden neighbours."""
    panel = mapped
    focus = panel.result.names.index("c3_0")
    panel.map.select([focus])
    linked = list(panel.map.link_targets)
    assert len(linked) == 10 and len(panel.map.links.getData()[0]) == 20
    panel.map.select([focus] + linked[:2])   # the focus first: its neighbours are linked
    panel.selection.isolate_button.click()
    x, _y = panel.map.links.getData()
    assert len(x) == 4 and set(map(tuple, np.column_stack(panel.map.links.getData())[1::2])) == {
        tuple(panel.map.coords[i]) for i in linked[:2]}
    assert "Hidden by the isolation (8)" in panel.selection.off_map.text()
    assert set(panel.selection.on_map.names()) <= {panel.result.names[i] for i in [focus] + linked[:2]}
    panel.selection.show_all_button.click()
    assert len(panel.map.links.getData()[0]) == 20 and "Hidden" not in panel.selection.off_map.text()
    settle(qtbot, panel.map)


def test_nearest_on_the_map_shows_the_titles_as_the_vectors_table_does(qtbot, mapped):
    panel = mapped
    panel.map.select([panel.result.names.index("c2_5")])
    tables = panel.selection.original, panel.selection.on_map
    headers = [[t.horizontalHeaderItem(c).text() for c in range(t.columnCount())] for t in tables]
    assert "title" in headers[0] and [h for h in headers[1] if h in ("title", "genres")] == [
        h for h in headers[0] if h in ("title", "genres")]
    titles = panel.vectors.meta["columns"]["title"]
    column = headers[1].index("title")
    for row in range(tables[1].rowCount()):
        name = tables[1].item(row, 1).text()
        assert tables[1].item(row, column).text() == str(titles[panel.vectors.row(name)])
    settle(qtbot, panel.map)
