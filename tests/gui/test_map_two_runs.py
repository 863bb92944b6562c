"""Two runs on the map: the Compare tab aligns, "Show on the map" draws run B and the arrows."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from scipy.stats import ortho_group

from test_map import settle, viewport_point
from test_panels import clustered_vectors, project_now, wait_job
from w2v_desktop.core.formats.registry import save_vectors
from w2v_desktop.core.vectors import Vectors

MOVED = ["c3_4", "c5_9"]


def second_run(tmp_path, current) -> str:
    """The current vectors rotated, with two names moved far: the planted arrows."""
    matrix = current.matrix @ ortho_group.rvs(current.dim, random_state=2)
    rows = [current.row(n) for n in MOVED]
    matrix[rows] = np.random.default_rng(3).normal(size=(len(rows), current.dim)) * 3
    path = tmp_path / "second.vec"
    save_vectors(Vectors(current.names, matrix), path, "word2vec")
    return str(path)


def shown_on_map(qtbot, window, tmp_path):
    current = clustered_vectors()
    window.state.set_vectors(current)
    compare, projection = window.panels["Compare"], window.panels["Projection"]
    assert not compare.map_button.isEnabled()
    compare.load_other(second_run(tmp_path, current))
    wait_job(qtbot, compare)
    compare.run_alignment()
    wait_job(qtbot, compare)
    assert compare.map_button.isEnabled()
    qtbot.mouseClick(compare.map_button, Qt.LeftButton)
    wait_job(qtbot, compare)
    return compare, projection


def test_show_on_the_map_draws_both_runs_and_arrows_for_the_most_moved(qtbot, window, tmp_path):
    compare, projection = shown_on_map(qtbot, window, tmp_path)
    layer = projection.comparison
    assert window.tabs.currentWidget() is projection and layer.shown
    assert projection.result.names == compare.alignment.names and len(projection.result.names) == 120
    assert layer.arrows.count == 30 and len(layer.points_b.data) == 120
    assert {projection.result.names[i] for i in layer.top()[:2]} == set(MOVED)
    # the arrows run from each name's run A point (the map's own) to its run B point
    first = layer.top()[0]
    np.testing.assert_allclose(layer.arrows.starts[0], projection.map.coords[first], atol=1e-6)
    np.testing.assert_allclose(layer.arrows.ends[0], layer.comparison.coords_b[first], atol=1e-6)
    texts = layer.legend_texts()
    assert texts == ["run A: current run", "run B: second.vec, aligned onto A",
                     "arrows A → B: the 30 names that moved most"]
    assert set(MOVED) <= {projection.map.names[i] for i in projection.map.pinned}   # labelled
    layer.arrows_spin.setValue(5)
    assert layer.arrows.count == 5 and texts[2].replace("30", "5") == layer.legend_texts()[2]
    window.grab()   # paints the arrows (heads in pixels) without error
    settle(qtbot, projection.map)


def test_a_click_on_run_a_shows_its_neighbours_and_how_far_it_moved(qtbot, window, tmp_path):
    _compare, projection = shown_on_map(qtbot, window, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, projection.map)
    index = projection.result.names.index("c3_4")
    x, y = projection.map.coords[index]
    qtbot.mouseClick(projection.map.plot.viewport(), Qt.LeftButton, pos=viewport_point(projection.map, x, y))
    assert projection.map.selection == [index]
    heading = projection.selection.heading.text()
    moved = projection.comparison.comparison.moved[index]
    assert "c3_4" in heading and f"moved {moved:.3f}" in heading and moved > 0.3
    assert projection.selection.original.rowCount() == 10   # its neighbours in run A, as for any map


def test_run_b_and_the_arrows_follow_an_isolation(qtbot, window, tmp_path):
    """Isolating some of run A's points hides the other names' run B rings and arrows too (they
    stayed, pointing from hidden points); the arrows go to the shown names that moved most."""
    _compare, projection = shown_on_map(qtbot, window, tmp_path)
    layer, names = projection.comparison, projection.result.names
    cluster = [i for i, name in enumerate(names) if name.startswith("c3_")]
    projection.map.select(cluster)
    projection.selection.isolate_button.click()
    assert sorted(int(i) for i in layer.points_b.data["data"]) == cluster
    assert layer.arrows.count == min(30, len(cluster)) and set(layer.top()) <= set(cluster)
    assert names[layer.top()[0]] == "c3_4"   # the planted move in this cluster comes first
    projection.selection.show_all_button.click()
    assert len(layer.points_b.data) == 120 and layer.arrows.count == 30
    settle(qtbot, projection.map)


def test_two_runs_are_not_offered_as_a_bookmark_a_normal_map_is(qtbot, window, tmp_path):
    """The button did nothing on two runs (a bookmark projects its subset again; there is none)."""
    _compare, projection = shown_on_map(qtbot, window, tmp_path)
    button = projection.bookmarks.add_button
    assert not button.isEnabled() and "second run" in button.toolTip()
    project_now(qtbot, projection)
    assert button.isEnabled() and "saved with the project" in button.toolTip()
    settle(qtbot, projection.map)


def test_a_normal_map_or_new_vectors_clear_the_comparison(qtbot, window, tmp_path):
    _compare, projection = shown_on_map(qtbot, window, tmp_path)
    assert projection.comparison.bar.isVisibleTo(projection)
    project_now(qtbot, projection)
    assert not projection.comparison.shown and projection.comparison.arrows.count == 0
    assert len(projection.comparison.points_b.data) == 0 and not projection.comparison.legend.isVisible()
    assert not projection.comparison.bar.isVisibleTo(projection)
    _compare, projection = shown_on_map(qtbot, window, tmp_path)
    window.state.set_vectors(clustered_vectors(seed=5))
    assert not projection.comparison.shown and projection.comparison.arrows.count == 0


def test_show_two_runs_from_two_files_for_the_readme_picture(qtbot, qapp, window, tmp_path):
    from w2v_desktop.gui.compare_screenshot import show_two_runs
    current = clustered_vectors()
    first = tmp_path / "first.vec"
    save_vectors(current, first, "word2vec")
    assert show_two_runs(qapp, window, str(first), second_run(tmp_path, current), arrows=7)
    layer = window.panels["Projection"].comparison
    assert layer.arrows.count == 7 and layer.legend_texts()[:2] == ["run A: first.vec",
                                                                   "run B: second.vec, aligned onto A"]
    assert window.tabs.currentWidget() is window.panels["Projection"] and not window.errors
    settle(qtbot, window.panels["Projection"].map)


def test_run_b_rings_are_neutral_and_run_a_is_coloured_as_the_map(qtbot, window, tmp_path):
    """Run B's rings were vermillion, a category colour of a coloured map; the run A swatch
    stayed blue while run A's points were coloured by a column."""
    from PySide6.QtGui import QColor

    from w2v_desktop.core.analysis import OKABE_ITO
    from w2v_desktop.gui import theme
    _compare, projection = shown_on_map(qtbot, window, tmp_path)
    layer = projection.comparison
    try:
        for scheme in ("light", "dark"):
            theme.apply_scheme(scheme)
            theme.retheme(window)
            ring = layer.points_b.opts["pen"].color()
            assert ring.red() == ring.green() == ring.blue()   # a neutral: no category has it
            assert ring.name() not in {QColor(c).name() for c in OKABE_ITO}
            base = theme.palette_color(theme.QPalette.ColorRole.Base)
            assert abs(ring.lightness() - base.lightness()) > 100   # stands out on the background
    finally:
        theme.apply_scheme("system")
        theme.retheme(window)
    assert layer.legend_texts()[0] == "run A: current run"
    projection.colour_combo.setCurrentIndex(projection.colour_combo.findData("trust score"))
    assert layer.legend_texts()[0] == "run A: current run, coloured as the map"
    assert layer.legend.items[0][0].item.opts["brush"].style() == Qt.BrushStyle.NoBrush   # no colour of its own
    projection.colour_combo.setCurrentIndex(0)
    assert layer.legend_texts()[0] == "run A: current run"
    settle(qtbot, projection.map)


def test_the_3d_option_is_off_while_two_runs_are_shown(qtbot, window, tmp_path):
    """A two-runs map is always 2-D: the "3-D" box stayed ticked and enabled over it."""
    projection = window.panels["Projection"]
    check = projection.controls.three_d_check
    check.setChecked(True)
    _compare, projection = shown_on_map(qtbot, window, tmp_path)
    assert not check.isEnabled() and "Two runs" in check.toolTip()
    projection.controls.set_running(True)    # a run started and ended (cancelled): still off
    projection.controls.set_running(False)
    assert not check.isEnabled()
    projection.comparison.clear_button.click()
    assert check.isEnabled() and check.isChecked() and "Two runs" not in check.toolTip()
    assert projection.map.plot.getPlotItem().titleLabel.text.startswith("Run A: PCA of runs A and B")
    settle(qtbot, projection.map)


def test_hover_texts_are_the_two_runs_names_after_a_map_of_as_many_names(qtbot, window, tmp_path):
    current = clustered_vectors()
    window.state.set_vectors(current)
    compare, projection = window.panels["Compare"], window.panels["Projection"]
    projection.pasted_radio.setChecked(True)
    projection.pasted_edit.setPlainText("\n".join(reversed(current.names[:120])))
    project_now(qtbot, projection)   # 120 names, in the other order
    assert projection.map._tip(0, 0, 0) == current.names[119]
    compare.load_other(second_run(tmp_path, current))   # the same vectors: no reset in between
    wait_job(qtbot, compare)
    compare.run_alignment()
    wait_job(qtbot, compare)
    qtbot.mouseClick(compare.map_button, Qt.LeftButton)
    wait_job(qtbot, compare)
    names = projection.result.names
    assert len(names) == 120 and names[0] != current.names[119]
    assert [projection.map._tip(0, 0, i).split("\n")[0] for i in (0, 119)] == [names[0], names[119]]
    settle(qtbot, projection.map)
