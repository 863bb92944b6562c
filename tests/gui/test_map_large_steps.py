"""A large map's slow steps off the GUI thread or capped: the colour list is filled by a worker,
and a large selection draws at most ``MAX_STARS`` stars while the selection stays whole."""
from __future__ import annotations

import numpy as np

from test_panels import state  # noqa: F401 (a fixture)

from w2v_desktop.core.vectors import Vectors


def large_vectors(n: int = 25_000) -> Vectors:
    rng = np.random.default_rng(3)
    genres = ["Action|Comedy" if i % 3 == 0 else "Drama" for i in range(n)]
    columns = {"title": [f"Title {i}" for i in range(n)], "genres": genres}
    return Vectors([f"w{i}" for i in range(n)], rng.normal(size=(n, 4)).astype(np.float32),
                   np.arange(n, 0, -1), {"columns": columns})


def offered(combo) -> list:
    return [combo.itemData(i) for i in range(combo.count())]


def test_large_metadata_columns_are_read_on_a_worker_then_offered(qtbot, state):
    from w2v_desktop.gui.widgets.map_colour import READING, MapColour
    from w2v_desktop.gui.i18n import tr

    colouring = MapColour(run_in_worker=state.run_in_worker)
    vectors = large_vectors()
    with qtbot.waitSignal(colouring.columns_ready, timeout=30_000) as ready:
        colouring.set_vectors(vectors)
        texts = [colouring.combo.itemText(i) for i in range(colouring.combo.count())]
        assert colouring.reading and tr(READING) in texts and "genres" not in offered(colouring.combo)
    assert ready.signal_triggered and not colouring.reading
    assert "genres" in offered(colouring.combo) and "title" not in offered(colouring.combo)   # unique: not offered
    assert colouring.set_choice("genres", "Comedy")
    assert colouring.value() == "Comedy"
    rows = np.arange(0, 30)
    assert colouring.columns["genres"].has_value("Comedy", rows).tolist() == [i % 3 == 0 for i in range(30)]
    texts = [colouring.combo.itemText(i) for i in range(colouring.combo.count())]
    assert tr(READING) not in texts
    qtbot.waitUntil(lambda: not state.busy)


def test_vectors_replaced_while_reading_keep_the_new_columns(qtbot, state):
    from w2v_desktop.gui.widgets.map_colour import MapColour

    colouring = MapColour(run_in_worker=state.run_in_worker)
    colouring.set_vectors(large_vectors())
    small = Vectors(["a", "b", "c"], np.eye(3, dtype=np.float32), None, {"columns": {"kind": ["x", "x", "y"]}})
    colouring.set_vectors(small)   # small: parsed at once
    qtbot.waitUntil(lambda: not state.busy, timeout=30_000)
    assert "kind" in offered(colouring.combo) and "genres" not in offered(colouring.combo)


def test_a_large_selection_stays_whole_while_only_some_stars_are_drawn(qtbot):
    from w2v_desktop.gui.widgets.scatter_map import MAX_STARS, ScatterMap

    widget = ScatterMap()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    n = 5 * MAX_STARS
    coords = np.random.default_rng(0).normal(size=(n, 2)).astype(np.float32)
    widget.set_points([f"w{i}" for i in range(n)], coords, [f"w{i}" for i in range(n)], "", "")
    chosen = list(range(0, n, 2))
    widget.select(chosen)
    assert widget.selection == chosen
    starred = widget.selected.data
    assert 0 < len(starred) <= MAX_STARS
    widget.select(chosen[:10])   # a small selection: every point starred
    assert len(widget.selected.data) == 10
    widget.clear_selection()
    assert widget.selection == [] and not widget.selected.isVisible()
