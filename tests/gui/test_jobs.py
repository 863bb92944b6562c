"""JobRunner: one button runs and cancels, other controls wait, outcomes reach the status."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QPushButton

from w2v_desktop.core.cancel import Cancelled, check_cancel
from w2v_desktop.gui.jobs import CANCEL_TEXT, JobRunner
from w2v_desktop.gui.state import AppState


@pytest.fixture
def parts(qtbot, monkeypatch):
    state = AppState()
    errors = []
    monkeypatch.setattr(state, "report_error", lambda *args: errors.append(args))  # no modal dialog
    run, other, edit, label, bar = (QPushButton("Run"), QPushButton("Load"), QLineEdit(), QLabel(),
                                    QProgressBar())
    for widget in (run, other, edit, label, bar):
        qtbot.addWidget(widget)
    runner = JobRunner(state, status=label.setText, controls=[edit], progress=bar)
    return state, runner, run, other, edit, label, errors


def wait_until_cancelled(cancel, started: threading.Event):
    """Work that runs until its token is set, checking it like a core batch loop."""
    started.set()
    while True:
        check_cancel(cancel)
        threading.Event().wait(0.01)


def test_button_turns_into_cancel_and_cancel_stops_the_work(qtbot, parts):
    state, runner, run, other, edit, label, errors = parts
    started = threading.Event()
    runner.add_button(run, lambda: runner.start(lambda c: wait_until_cancelled(c, started), button=run,
                                                message="Working..."))
    runner.add_button(other, lambda: None)
    qtbot.mouseClick(run, Qt.LeftButton)
    assert runner.running and label.text() == "Working..."
    assert run.text() == CANCEL_TEXT and run.isEnabled()
    assert not other.isEnabled() and not edit.isEnabled() and not bar_hidden(runner)
    assert started.wait(5)
    qtbot.mouseClick(run, Qt.LeftButton)
    qtbot.waitUntil(lambda: not runner.running, timeout=5_000)
    assert label.text() == "Cancelled." and not errors   # Cancelled is not an error
    assert run.text() == "Run" and run.isEnabled() and other.isEnabled() and edit.isEnabled()
    assert bar_hidden(runner)


def bar_hidden(runner) -> bool:
    return runner.progress.isHidden()


def test_results_and_errors_reach_the_panel(qtbot, parts):
    state, runner, run, other, edit, label, errors = parts
    runner.add_button(run, lambda: None)
    results = []
    runner.start(lambda _c: 6 * 7, results.append, button=run)
    qtbot.waitUntil(lambda: not runner.running, timeout=5_000)
    assert results == [42]

    def fail(_cancel):
        raise ValueError("bad file.txt, line 3: no")

    runner.start(fail, results.append, button=run, title="Failed to do it")
    qtbot.waitUntil(lambda: not runner.running, timeout=5_000)
    assert label.text() == "Failed: bad file.txt, line 3: no"
    assert errors and errors[0][0] == "Failed to do it" and results == [42]


def test_quiet_cancel_keeps_the_status_and_one_job_at_a_time(qtbot, parts):
    state, runner, run, other, edit, label, errors = parts
    started = threading.Event()
    assert runner.start(lambda c: wait_until_cancelled(c, started)) is not None
    assert runner.start(lambda _c: None) is None   # still busy
    assert started.wait(5)
    runner.cancel(quiet=True)
    label.setText("New vectors.")
    qtbot.waitUntil(lambda: not runner.running, timeout=5_000)
    assert label.text() == "New vectors." and not errors


def test_a_generator_raising_cancelled_ends_as_cancelled(qtbot, parts):
    state, runner, run, other, edit, label, errors = parts

    def steps():
        yield 0.5
        raise Cancelled()

    runner.start(steps())
    qtbot.waitUntil(lambda: not runner.running, timeout=5_000)
    assert label.text() == "Cancelled." and not errors


def test_a_result_already_queued_is_not_applied_after_the_panel_cancels(qtbot, parts):
    state, runner, run, other, edit, label, errors = parts
    results = []
    job = runner.start(lambda _cancel: 42, results.append, button=None)
    # the worker finishes and queues its result before the GUI thread looks again
    assert job._thread.wait(5_000)
    runner.cancel(quiet=True)  # e.g. new vectors arrived: this result no longer fits
    qtbot.waitUntil(lambda: not runner.running, timeout=5_000)
    assert results == [] and not errors
