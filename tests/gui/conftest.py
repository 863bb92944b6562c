"""GUI test fixtures: every test must leave no worker thread and no timer running.

Timers are tracked by wrapping ``QTimer.start`` for the test's duration (the
napari approach); jobs by ``worker.active_jobs()``. Widgets registered with
``qtbot.addWidget`` are closed by pytest-qt before this check runs, so a
window's closeEvent gets the chance to stop its own timers and jobs.
"""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QTimer  # noqa: E402

from tests.gui.helpers import temp_settings, topic_sentences  # noqa: E402
from w2v_desktop.gui import worker  # noqa: E402
from w2v_desktop.gui.dialogs.error_dialog import open_error_dialogs  # noqa: E402


@pytest.fixture(autouse=True)
def unsaved_model_is_discarded_on_close(monkeypatch):
    """Closing a window with a trained, unsaved model asks (a modal box) what to do with it;
    tests that train answer "discard" unless they test the question (they patch it again)."""
    from w2v_desktop.gui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "ask_about_unsaved", lambda self: "discard")


@pytest.fixture(autouse=True)
def no_dangling_threads_or_timers(qapp, monkeypatch):
    started: list[QTimer] = []
    original_start = QTimer.start

    def tracking_start(self, *args):
        started.append(self)
        return original_start(self, *args)

    monkeypatch.setattr(QTimer, "start", tracking_start)
    yield
    monkeypatch.undo()
    running = worker.active_jobs()
    for job in running:  # stop them so the next test starts clean, then fail
        job.cancel()
        job.wait(10_000)
    assert not running, f"test left worker threads running: {[j.name for j in running]}"
    active = []
    for timer in started:
        try:
            if timer.isActive():
                active.append(timer)
        except RuntimeError:  # the C++ timer is already deleted: fine
            pass
    for timer in active:
        timer.stop()
    assert not active, f"test left {len(active)} QTimer(s) running: {[t.objectName() for t in active]}"


# The main window on its own settings file, with the errors it reported (``window.errors``);
# error dialogs still open are closed afterwards.
@pytest.fixture
def window(qtbot, tmp_path):
    from w2v_desktop.gui.main_window import MainWindow

    win = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(win)
    errors = []
    win.state.error_occurred.connect(lambda *args: errors.append(args))
    win.errors = errors
    yield win
    for box in open_error_dialogs():
        box.close()


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "topics.txt"
    path.write_text("\n".join(" ".join(s) for s in topic_sentences(600)), encoding="utf-8")
    return path
