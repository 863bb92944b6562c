"""Turning a 3-D map: the time of one rotation step, from 1,000 to 400,000 points.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_map_rotation.py [PATH] [--steps 40]
        (default PATH: $W2V_DATA/vectors/glove.6B.50d.txt)

Maps GloVe's first 400,000 rows with a 3-component PCA (trust on a small sample: not timed
here), then for the first 1,000, 2,000, 5,000, 100,000 and all 400,000 points, on a 1000 x 700 map:

* ``set_points`` (what a new map costs, for comparison);
* a rotation step as a drag makes it: ``MapRotation.turn`` (numpy rotation of the unit ball,
  then ``ScatterMap.move_points``: positions only, the density re-binned or the points item
  refilled with the depth cue) and a full offscreen paint (``widget.grab()``), median and p95,
  for the whole map and zoomed in;
* the redraw when turning pauses (points one by one again, up to 15,000 in view) and its paint.

Offscreen rendering is Qt's software raster engine, as on a machine without a GPU.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

SIZE = (1000, 700)


def steps_ms(app, widget, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Turn ``steps`` times by 2 degrees (a drag's step); (turn ms, turn + paint ms) per step."""
    turn, total = [], []
    for _ in range(steps):
        start = time.perf_counter()
        widget.turn.turn(2.0, 0.7)
        middle = time.perf_counter()
        widget.grab()
        end = time.perf_counter()
        turn.append(1000 * (middle - start))
        total.append(1000 * (end - start))
    widget._label_timer.stop()
    widget.turn.settle_timer.stop()
    return np.array(turn), np.array(total)


def settle_ms(widget) -> str:
    start = time.perf_counter()
    widget.turn._settled()
    middle = time.perf_counter()
    widget.grab()
    return (f"the redraw when turning pauses ({widget.mode}): {1000 * (middle - start):.0f} ms "
            f"+ paint {1000 * (time.perf_counter() - middle):.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(os.environ.get("W2V_DATA", "~/.cache/w2v-data")).expanduser() / "vectors" / "glove.6B.50d.txt"
    parser.add_argument("path", nargs="?", default=str(default))
    parser.add_argument("--steps", type=int, default=40)
    args = parser.parse_args()
    if not Path(args.path).is_file():
        print(f"bench_map_rotation: {args.path}: no such file (set W2V_DATA or pass the path)", file=sys.stderr)
        return 2

    from w2v_desktop.core.analysis import ProjectionParams, projection
    from w2v_desktop.core.formats import load_vectors

    vectors = load_vectors(args.path)
    rows = projection.select_rows(vectors, top_n=min(400_000, len(vectors)))
    start = time.perf_counter()
    result = projection.project(vectors, rows, ProjectionParams("pca", n_components=3), trust_sample=500,
                                isolate=False)
    print(f"3-D PCA of {len(rows):,} rows: {time.perf_counter() - start:.1f} s")

    app = QApplication.instance() or QApplication([])
    from w2v_desktop.gui import theme
    from w2v_desktop.gui.widgets.scatter_map import ScatterMap
    theme.configure_pyqtgraph()
    for n in (1_000, 2_000, 5_000, 100_000, len(rows)):
        widget = ScatterMap()
        widget.resize(*SIZE)
        widget.show()
        app.processEvents()
        names = result.names[:n]
        start = time.perf_counter()
        widget.set_points(names, result.coords[:n], names, "GloVe", "PCA")
        set_s = time.perf_counter() - start
        widget.grab()
        widget.turn.turn(1.0, 0.0)   # compile and warm up
        turn, total = steps_ms(app, widget, args.steps)
        mode = widget.mode
        print(f"{n:,} points: set_points {set_s:.2f} s; a rotation step, whole map ({mode}): "
              f"turn {np.median(turn):.1f} ms, turn + paint median {np.median(total):.1f} ms, "
              f"p95 {np.percentile(total, 95):.1f} ms; " + settle_ms(widget))
        if n < 100_000:
            widget.close()
            continue
        widget.view_box.setRange(xRange=(-0.03, 0.03), yRange=(-0.02, 0.02), padding=0)
        widget.grab()
        turn, total = steps_ms(app, widget, args.steps)
        print(f"{n:,} points: a rotation step zoomed in ({widget.mode}, {widget.layers.in_view:,} in view "
              f"after the last step): turn {np.median(turn):.1f} ms, turn + paint median "
              f"{np.median(total):.1f} ms, p95 {np.percentile(total, 95):.1f} ms; " + settle_ms(widget))
        widget.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
