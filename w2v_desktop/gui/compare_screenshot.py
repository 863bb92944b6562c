"""Two runs compared on the map, reproducibly: the picture the README shows.

``python -m w2v_desktop.gui.compare_screenshot A B OUT.png [--arrows K]`` opens vectors file
A as the current run, B as the Compare tab's second run, aligns them, presses "Show on the
map" and saves the window (offscreen, README size, on throw-away settings). The same steps
are :func:`show_two_runs`, for a window one already has (tests, the screenshot run).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from w2v_desktop.core.formats import load_vectors
from w2v_desktop.gui.events import wait_until
from w2v_desktop.gui.screenshots import DEMO_LIMIT_S, WINDOW_SIZE


def show_two_runs(app: QApplication, window, path_a: str, path_b: str, arrows: int | None = None,
                  limit: int | None = None) -> bool:
    """A as the current vectors, B as the second run, aligned and shown on the map tab; True when
    the map shows both (False: something failed, the window's error says what). ``limit``: the
    most frequent shared names compared (default: the Compare tab's)."""
    state, compare, projection = window.state, window.panels["Compare"], window.panels["Projection"]
    if limit is not None:
        compare.limit_spin.setValue(limit)
    state.set_vectors(load_vectors(path_a), path_a)
    compare.load_other(path_b)
    if not wait_until(app, lambda: not compare.runner.running, DEMO_LIMIT_S) or compare.other is None:
        return False
    compare.run_alignment()
    if not wait_until(app, lambda: not compare.runner.running, DEMO_LIMIT_S) or compare.alignment is None:
        return False
    compare.show_on_map()
    shown = wait_until(app, lambda: not compare.runner.running and projection.comparison.shown, DEMO_LIMIT_S)
    if shown and arrows is not None:
        projection.comparison.arrows_spin.setValue(arrows)
    return shown


def take_comparison_picture(path_a: str, path_b: str, out: str, arrows: int | None = None,
                            limit: int | None = None) -> int:
    """Save the main window showing A and B on the map to ``out``; 0 on success, 1 when it failed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from w2v_desktop.gui.app import make_application
    from w2v_desktop.gui.main_window import MainWindow

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:   # the user's settings untouched
        window = MainWindow(settings=QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat))
        window.resize(*WINDOW_SIZE)
        window.show()
        ok = show_two_runs(app, window, path_a, path_b, arrows, limit)
        for _ in range(20):
            app.processEvents()   # let the labels settle
        window.grab().save(out)
        window.state.set_unsaved(False)
        window.close()
    if not ok:
        print(f"w2v-desktop: could not show {path_a} and {path_b} on the map", file=sys.stderr)
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m w2v_desktop.gui.compare_screenshot",
                                     description="Save a picture of two runs compared on the map.")
    parser.add_argument("a", help="run A's vectors file (the current run)")
    parser.add_argument("b", help="run B's vectors file (aligned onto A)")
    parser.add_argument("out", help="the PNG to write")
    parser.add_argument("--arrows", type=int, help="arrows for this many names (default: the app's)")
    parser.add_argument("--limit", type=int, help="compare the N most frequent shared names (default: the app's)")
    args = parser.parse_args(argv)
    return take_comparison_picture(args.a, args.b, args.out, args.arrows, args.limit)


if __name__ == "__main__":
    sys.exit(main())
