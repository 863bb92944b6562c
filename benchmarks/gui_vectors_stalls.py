"""How long the GUI thread stalls when large vectors are opened on their own and explored.

Runs the app offscreen, opens a vectors file (default: GloVe 6B 50d, 400k x 50)
through the same worker path as File > Open vectors, then does what a user does
first: types a name into the Neighbours box (the completer filters 400k names),
presses Enter (the first exact query), and compares metrics on the Metrics tab.
A QTimer on the GUI thread fires every 5 ms; the longest gap between firings
(minus the 5 ms) is the worst event-loop stall of each phase. The idle figure is
the machine's own noise (the machine is shared: stalls near it are not the app's).

    W2V_DATA=~/.cache/w2v-data python benchmarks/gui_vectors_stalls.py [VECTORS]

Target: every phase's longest stall < 100 ms.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui_responsiveness import StallProbe  # noqa: E402


def default_vectors() -> Path:
    path = Path(os.environ.get("W2V_DATA", Path.home() / ".cache" / "w2v-data")) / "vectors" / "glove.6B.50d.txt"
    if not path.is_file():
        sys.exit("no vectors: pass a path or set W2V_DATA")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vectors", nargs="?", type=Path)
    parser.add_argument("--name", default="king", help="the name typed and queried")
    args = parser.parse_args()
    path = args.vectors or default_vectors()

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from w2v_desktop.gui.app import freeze_startup_objects, make_application
    from w2v_desktop.gui.events import wait_until
    from w2v_desktop.gui.main_window import MainWindow

    app = make_application()
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    freeze_startup_objects()
    window.resize(1280, 820)
    window.show()
    errors = []
    window.state.error_occurred.connect(lambda t, m, _d: errors.append(f"{t}: {m}"))
    probe = StallProbe()
    probe.timer.start()
    wait_until(app, lambda: False, 1.0)
    probe.reset()
    wait_until(app, lambda: False, 3.0)
    idle = probe.summary()

    probe.reset()
    t0 = time.perf_counter()
    window.files.open_vectors(str(path))
    wait_until(app, lambda: window.state.vectors is not None, 600)
    load_s = time.perf_counter() - t0
    wait_until(app, lambda: not window.state.busy, 600)  # derived caches built in the background
    ready_s = time.perf_counter() - t0
    wait_until(app, lambda: False, 0.5)
    loading = probe.summary()
    vectors = window.state.vectors
    print(f"vectors: {path.name} ({len(vectors):,} x {vectors.dim}), opened in {load_s:.1f} s, "
          f"background work done after {ready_s:.1f} s")

    panel = window.panels["Neighbours"]
    window.tabs.setCurrentWidget(panel)
    wait_until(app, lambda: False, 0.3)
    panel.query_edit.clear()
    probe.reset()
    QTest.keyClicks(panel.query_edit, args.name[0])
    wait_until(app, lambda: False, 0.5)
    keystroke = probe.summary()
    probe.reset()
    QTest.keyClicks(panel.query_edit, args.name[1:])
    QTest.keyClick(panel.query_edit, Qt.Key.Key_Return)
    wait_until(app, lambda: False, 0.5)
    query = probe.summary()
    shown = panel.table.names()[:3]

    metrics = window.panels["Metrics"]
    window.tabs.setCurrentWidget(metrics)
    wait_until(app, lambda: False, 0.3)
    metrics.query_edit.setText(args.name)
    probe.reset()
    metrics.compare()
    wait_until(app, lambda: metrics.comparison is not None and not window.state.busy, 60)
    wait_until(app, lambda: False, 0.3)
    compare = probe.summary()
    probe.timer.stop()
    window.close()
    if errors:
        print("errors:", *errors, sep="\n  ")
        return 1
    print(f"first neighbours of {args.name!r}: {shown}")
    print(f"longest GUI stall while idle:           {idle} (reference: machine noise)")
    print(f"longest GUI stall opening the vectors:  {loading}")
    print(f"longest GUI stall, first keystroke:     {keystroke}")
    print(f"longest GUI stall, first query:         {query}")
    print(f"longest GUI stall, compare metrics:     {compare}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
