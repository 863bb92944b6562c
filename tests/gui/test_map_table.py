"""The map's table: a filter selects on the map, a row click selects its point, a box on the map
selects its rows, sorting keeps the selection, errors show under the box."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from test_map import box_select_cluster, settle
from test_map_colour import multi_label_vectors
from test_panels import make_panel, project_now, state  # noqa: F401 (a fixture)


@pytest.fixture
def tabled(qtbot, state):
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    state.set_vectors(multi_label_vectors())
    panel = make_panel(qtbot, ProjectionPanel, state)
    panel.resize(1300, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.top_spin.setValue(120)
    project_now(qtbot, panel)
    assert not panel.table.isVisible() and panel.table.columns is None   # hidden: nothing read yet
    panel.table.toggle.setChecked(True)
    settle(qtbot, panel.map)
    return panel


def table_points(panel) -> list[int]:
    """The map indices of the table's highlighted rows, in table order."""
    rows = sorted(index.row() for index in panel.table.view.selectionModel().selectedRows())
    return [int(panel.table.model.rows[r]) for r in rows]


def test_a_filter_selects_exactly_its_matches_on_the_map(qtbot, tabled):
    panel = tabled
    assert panel.table.isVisible() and panel.table.model.rowCount() == 120
    assert panel.table.count_label.text() == "120 points"
    headers = [panel.table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(panel.table.model.columnCount())]
    assert headers == ["name", "count", "trust", "title", "genres"]   # the empty column left out
    genres = [panel.vectors.meta["columns"]["genres"][r] for r in panel.result.rows]
    counts = panel.vectors.counts[panel.result.rows]
    expected = [i for i, (g, c) in enumerate(zip(genres, counts)) if "Sci-Fi" in g.split("|") and c > 500]
    assert 0 < len(expected) < 40   # Sci-Fi is never a cell's first value, and count cuts some
    qtbot.keyClicks(panel.table.filter_edit, "genres = Sci-Fi AND count > 500")
    qtbot.keyClick(panel.table.filter_edit, Qt.Key.Key_Return)
    assert sorted(panel.map.selection) == expected
    assert panel.table.count_label.text() == f"{len(expected)} of 120 points match"
    assert sorted(int(r) for r in panel.table.model.rows) == expected
    assert not panel.table.error_label.isVisible()
    # the selection panel works on it: isolate shows only the matches
    assert f"{len(expected)} points selected" in panel.selection.heading.text()
    panel.selection.isolate_button.click()
    assert np.flatnonzero(panel.map.keep).tolist() == expected
    panel.selection.show_all_button.click()
    qtbot.wait(50)   # the layout follows the new count text
    panel.grab().save("/tmp/map_table_filter.png")
    # clearing the box shows every row again
    panel.table.filter_edit.clear()
    assert panel.table.model.rowCount() == 120 and panel.table.count_label.text() == "120 points"
    settle(qtbot, panel.map)


def test_a_bad_filter_says_where_in_red_and_changes_nothing(qtbot, tabled):
    panel = tabled
    panel.map.select([3])
    qtbot.keyClicks(panel.table.filter_edit, "gnre = Sci-Fi")
    qtbot.keyClick(panel.table.filter_edit, Qt.Key.Key_Return)
    assert panel.table.error_label.isVisible()
    assert panel.table.error_label.text().startswith("⚠ unknown column 'gnre' at 1 (columns: name, count,")
    assert panel.map.selection == [3] and panel.table.model.rowCount() == 120
    panel.table.filter_edit.setText("count >")
    qtbot.keyClick(panel.table.filter_edit, Qt.Key.Key_Return)
    assert "expected a value after '>' at 8" in panel.table.error_label.text()
    panel.table.filter_edit.setText("count > 1000")
    qtbot.keyClick(panel.table.filter_edit, Qt.Key.Key_Return)
    assert not panel.table.error_label.isVisible()
    settle(qtbot, panel.map)


def test_a_row_click_selects_its_point_and_the_selection_panel_follows(qtbot, tabled):
    panel = tabled
    view = panel.table.view
    index = panel.table.model.index(5, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    point = int(panel.table.model.rows[5])
    assert panel.map.selection == [point]
    assert panel.result.names[point] in panel.selection.heading.text()
    assert panel.selection.original.rowCount() == panel.selection.k_spin.value()
    (x0, x1), (y0, y1) = panel.map.view_box.viewRange()
    assert np.allclose(panel.result.coords[point], [(x0 + x1) / 2, (y0 + y1) / 2], atol=1e-4)
    settle(qtbot, panel.map)


def test_a_box_on_the_map_selects_its_rows_and_a_sort_keeps_them(qtbot, tabled):
    panel = tabled
    cluster = box_select_cluster(panel)
    chosen = sorted(panel.map.selection)
    assert set(cluster) <= set(chosen) and len(chosen) < 120
    assert sorted(table_points(panel)) == chosen
    # sort by name, descending (numpy, not a proxy): the same points stay highlighted
    name_column = 0
    panel.table.view.sortByColumn(name_column, Qt.SortOrder.DescendingOrder)
    shown = [panel.result.names[int(r)] for r in panel.table.model.rows]
    assert shown == sorted(panel.result.names, reverse=True)
    assert sorted(table_points(panel)) == chosen and sorted(panel.map.selection) == chosen
    panel.grab().save("/tmp/map_table_box.png")
    settle(qtbot, panel.map)


def test_the_table_model_makes_no_items_and_sorts_numbers_as_numbers(qtbot, tabled):
    panel = tabled
    model = panel.table.model
    count_column = 1
    model.sort(count_column, Qt.SortOrder.AscendingOrder)
    counts = [int(model.data(model.index(r, count_column)).replace(",", "")) for r in range(model.rowCount())]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    model.sort(-1)
    assert model.rows.tolist() == list(range(120))   # the map order back
    settle(qtbot, panel.map)


def test_a_bad_filter_is_explained_in_chinese_under_zh_cn(qtbot, tabled, qapp):
    from w2v_desktop.gui import i18n
    assert i18n.install_translators(qapp, "zh_CN")
    try:
        tabled.table.filter_edit.setText("gnre = Sci-Fi")
        qtbot.keyClick(tabled.table.filter_edit, Qt.Key.Key_Return)
        text = tabled.table.error_label.text()
        assert text.startswith("⚠ 未知的列 'gnre'（第 1 个字符）（可用的列：name, count,"), text
        tabled.table.filter_edit.setText("count >")
        qtbot.keyClick(tabled.table.filter_edit, Qt.Key.Key_Return)
        assert tabled.table.error_label.text() == "⚠ '>' 之后（第 8 个字符）应有一个值"
    finally:
        i18n.install_translators(qapp, "en")


def test_a_filter_error_goes_when_the_vectors_change(qtbot, tabled):
    tabled.table.filter_edit.setText("gnre = Sci-Fi")
    qtbot.keyClick(tabled.table.filter_edit, Qt.Key.Key_Return)
    assert tabled.table.error_label.isVisible()
    tabled.state.set_vectors(None)
    assert not tabled.table.error_label.isVisible()
