"""Starting the app: ``w2v-desktop [FILE]`` (window), ``--screenshot DIR``, ``--self-test``.

``run_app(argv)`` is called by ``w2v_desktop.cli`` when no subcommand is given.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="w2v-desktop", description="Open the w2v-desktop app.")
    parser.add_argument("path", nargs="?", help="a corpus, ratings, vectors, model or project file to open")
    parser.add_argument("--gui", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--screenshot", metavar="DIR",
                        help="train briefly on the bundled sample and save a PNG of each tab into DIR")
    parser.add_argument("--self-test", action="store_true",
                        help="import everything, train a tiny corpus, print OK and exit (packaging check)")
    parser.add_argument("--startup-time", action="store_true",
                        help="open the window on the bundled sample, print the seconds from process start "
                             "to its first paint, and quit (cold-start measurement)")
    return parser


def run_app(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test or args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed for checks
    app = make_application()
    if args.self_test:
        from w2v_desktop.gui.self_test import self_test

        return self_test(app)
    from w2v_desktop.gui.main_window import MainWindow

    if args.screenshot:
        import tempfile

        from PySide6.QtCore import QSettings

        from w2v_desktop.gui.screenshots import take_screenshots

        with tempfile.TemporaryDirectory() as tmp:  # the same pictures every time; the user's settings untouched
            window = MainWindow(settings=QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat))
            return take_screenshots(app, window, Path(args.screenshot))
    window = open_window(args.path)  # noqa: F841 - referenced until the app quits
    if args.startup_time:
        _report_first_paint(app, window)
    terminated = stop_on_termination(app, window)
    code = app.exec()
    from w2v_desktop.gui import worker

    worker.cancel_all(wait_ms=30_000)   # a job started after the window closed (a queued signal) ends too
    return terminated[0] if terminated else code


def stop_on_termination(app, window) -> list[int]:
    """SIGTERM or SIGHUP (a logout, ``kill``): close the window as Close does, stopping training
    and cancelling jobs so that their part files are removed, without asking about an unsaved
    model (nobody is there to answer: it is written to the cache folder instead), and exit with
    128 + the signal's number. Without this the process would end on the spot. A second signal
    ends it at once. Returns a list that holds the exit status once a signal came."""
    import signal

    from PySide6.QtCore import QTimer

    terminated: list[int] = []

    def close(signum: int) -> None:
        terminated.append(128 + signum)
        keep_unsaved_model(window)
        window.state.set_unsaved(False)
        window.close()
        app.exit(128 + signum)

    def handler(signum, _frame) -> None:   # anywhere in Python code: do the closing in the event loop
        signal.signal(signum, signal.SIG_DFL)
        print(f"w2v-desktop: {signal.Signals(signum).name}: closing", file=sys.stderr)
        QTimer.singleShot(0, lambda: close(signum))

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)
    ticker = QTimer(app)   # Python runs signal handlers between bytecodes: wake it while Qt waits
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
    return terminated


def keep_unsaved_model(window) -> None:
    """An unsaved trained model (not one still training) written to the cache folder's
    ``recovered/`` before a termination closes the window, its path on stderr."""
    import time

    state = window.state
    if not state.unsaved or state.trainer is None or window.train_panel.is_running():
        return
    from w2v_desktop.core.scratch import cache_dir
    from w2v_desktop.core.train import model_file

    try:
        path = cache_dir("recovered") / time.strftime("model-%Y%m%d-%H%M%S.npz")
        model_file.save_model(state.trainer, path)
        print(f"w2v-desktop: the unsaved model was written to {path}", file=sys.stderr)
    except (OSError, ValueError) as exc:
        print(f"w2v-desktop: could not keep the unsaved model: {exc}", file=sys.stderr)


def _seconds_since_process_start() -> float:
    """Wall time since this process started (Linux: from /proc; elsewhere: since Python began)."""
    import time

    try:
        with open("/proc/self/stat") as f:
            started_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - started_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter()  # Python's clock starts near interpreter start on most platforms


def _report_first_paint(app, window) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
                self.done = True
                print(f"first window paint after {_seconds_since_process_start():.2f} s", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)
    window.update()


def open_window(path: str | None = None, settings=None):
    """Show the main window with ``path`` open (any kind of file), or the bundled sample."""
    from w2v_desktop.gui.main_window import MainWindow

    window = MainWindow(settings=settings)
    freeze_startup_objects()
    window.show()
    if path:
        window.files.open_any(path)
    else:
        window.load_sample()
    return window


# Qt messages that tell a user nothing (the offscreen platform of --screenshot and --self-test
# cannot resize a window to its size hints; nothing depends on it)
QUIET_QT_MESSAGES = ("propagateSizeHints",)


def _qt_message(mode, context, message: str) -> None:
    if not any(quiet in message for quiet in QUIET_QT_MESSAGES):
        sys.stderr.write(message + "\n")


# While a worker thread runs Python (parsing 400,000 metadata cells, building a name index), the GUI
# thread waits for the GIL each time Qt calls into Python (every paint, every pyqtgraph item), up to
# the switch interval each time: at Python's default 5 ms, opening 400,000 vectors with metadata
# columns froze the window for 2.1 s (benchmarks/bench_map_gui.py), at 0.5 ms 0.29 s. The training
# kernels release the GIL (Numba nogil), so they do not pay for the extra switches.
GIL_SWITCH_S = 0.0005


def make_application():
    from PySide6.QtCore import qInstallMessageHandler

    sys.setswitchinterval(GIL_SWITCH_S)
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("w2v-desktop")
    app.setOrganizationName("w2v-desktop")
    from w2v_desktop import __version__
    from w2v_desktop.gui import theme

    app.setApplicationVersion(__version__)
    from w2v_desktop.gui.icon import app_icon

    app.setWindowIcon(app_icon())
    app.setDesktopFileName("w2v-desktop")  # Wayland/X11 docks match the window to w2v-desktop.desktop
    theme.configure_pyqtgraph()
    from w2v_desktop.gui.i18n import setup_language

    setup_language(app)  # before any window is built: every tr() after this is in the chosen language
    return app


def freeze_startup_objects() -> None:
    """Leave the objects made at start-up (Qt, pyqtgraph, numpy, Numba, the window) out of
    Python's full garbage collections from now on.

    A full collection holds the GIL for as long as it takes to scan every tracked object
    (60-180 ms with all of them), and whichever thread triggers it, often a worker building
    many small lists, freezes the GUI thread for that long. Frozen, they are not scanned.
    """
    import gc

    gc.collect()
    gc.freeze()
