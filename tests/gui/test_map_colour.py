"""The map's colour choice: multi-label columns, useless columns hidden, count, legend clicks."""
from __future__ import annotations

import numpy as np
import pytest

from test_map import settle
from test_panels import clustered_vectors, make_panel, project_now, state  # noqa: F401 (a fixture)

from w2v_desktop.core.vectors import Vectors


def multi_label_vectors() -> Vectors:
    """genres "genreC|Sci-Fi" on every third name (Sci-Fi never first), an empty and a unique column."""
    base = clustered_vectors(titles=True)
    genres = [f"genre{i // 20}|Sci-Fi" if i % 3 == 0 else f"genre{i // 20}" for i in range(len(base))]
    columns = {"title": base.meta["columns"]["title"], "genres": genres, "empty": [""] * len(base)}
    return Vectors(base.names, base.matrix, base.counts, {"columns": columns})


@pytest.fixture
def coloured(qtbot, state):
    from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
    state.set_vectors(multi_label_vectors())
    panel = make_panel(qtbot, ProjectionPanel, state)
    panel.show()
    qtbot.waitExposed(panel)
    panel.top_spin.setValue(120)
    project_now(qtbot, panel)
    settle(qtbot, panel.map)
    return panel


def test_a_multi_label_column_highlights_every_item_that_has_the_value(qtbot, coloured):
    panel = coloured
    offered = [panel.colour_combo.itemData(i) for i in range(panel.colour_combo.count())]
    assert "genres" in offered and "title" not in offered and "empty" not in offered   # unique / empty hidden
    panel.colouring.set_choice("genres")
    values = [panel.colour_value_combo.itemData(i) for i in range(panel.colour_value_combo.count())]
    assert values[0] is None and "Sci-Fi" in values and "genre0" in values
    assert values.index("Sci-Fi") == 1   # the most common value first (40 rows)
    panel.colouring.set_choice("genres", "Sci-Fi")
    genres = [panel.vectors.meta["columns"]["genres"][r] for r in panel.result.rows]
    having = np.array(["Sci-Fi" in g.split("|") for g in genres])
    assert having.sum() == 40
    assert np.array_equal(panel.map.categories == 0, having)      # every item with the value, not its first
    assert panel.map.layers.categories.tolist() == panel.map.categories.tolist()
    assert [label for _s, _c, label in panel.map.legend_categories][0].startswith("Sci-Fi (40")
    panel.map.grab().save("/tmp/mc/highlight.png")


def test_a_legend_click_isolates_its_category_and_a_second_shows_all(qtbot, coloured):
    panel = coloured
    panel.colouring.set_choice("genres")
    # each point by its most common value: Sci-Fi (40 rows) before the genreC it shares a cell with
    assert [label for _s, _c, label in panel.map.legend_categories][0] == "Sci-Fi"
    assert len(panel.map.legend_categories) == 7
    swatch, category, _label = panel.map.legend_categories[2]
    panel.map.legend.sigSampleClicked.emit(swatch)
    assert panel.map.keep is not None and 0 < panel.map.keep.sum() == np.sum(panel.map.categories == category)
    assert np.all(panel.map.categories[panel.map.keep] == category)
    panel.map.grab().save("/tmp/mc/isolated.png")
    panel.map.legend.sigSampleClicked.emit(swatch)
    assert panel.map.keep is None


def test_colour_by_count_uses_a_log_scale(qtbot, coloured):
    panel = coloured
    from w2v_desktop.gui.widgets.map_colour import COUNT
    assert panel.colouring.set_choice(COUNT)
    assert panel.map.colorbar is not None
    low, high = panel.map.colorbar.values
    counts = panel.vectors.counts[panel.result.rows]
    assert low == pytest.approx(np.log10(counts.min())) and high == pytest.approx(np.log10(counts.max()))
    panel.map.grab().save("/tmp/mc/count.png")


def test_the_palette_is_okabe_ito():
    from w2v_desktop.gui.widgets.scatter_map import categorical_colours
    _cats, palette, _legend = categorical_colours(["a", "b", "a"])
    assert palette[0].name().upper() == "#E69F00" and palette[1].name().upper() == "#56B4E9"


def test_labels_are_placed_around_the_legend(qtbot, coloured):
    panel = coloured
    panel.colouring.set_choice("genres")
    legend, vb = panel.map.legend, panel.map.view_box
    # drag the legend (pyqtgraph legends can be moved) onto the labelled point nearest the centre
    panel.map.refresh_labels()
    rects = panel.map.label_layer.screen_rects()
    centre = vb.rect().center()
    target = min(rects, key=lambda r: (r.center() - centre).manhattanLength())
    legend.setOffset((target.left(), target.top()))   # from the top left corner
    panel.map.refresh_labels()
    box = legend.mapRectToItem(vb, legend.boundingRect())
    assert legend.isVisible() and box.contains(target.topLeft())
    rects = panel.map.label_layer.screen_rects()
    assert len(rects) > 10
    assert not [r for r in rects if r.intersects(box)]
