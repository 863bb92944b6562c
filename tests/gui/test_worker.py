"""The worker: generators become progress signals, errors become messages, cancel works."""
from __future__ import annotations

import threading
import time

import pytest

from w2v_desktop.gui.state import AppState
from w2v_desktop.gui.worker import active_jobs, start_job


def count_to(n, pause=0.0):
    total = 0
    for i in range(n):
        time.sleep(pause)
        total += i
        yield i
    return total


def test_generator_yields_become_progress_and_return_value_the_result(qtbot):
    seen = []
    threads = set()
    job = start_job(count_to, 5, on_progress=seen.append,
                    on_done=lambda _r: threads.add(threading.current_thread().name))
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
    assert seen == [0, 1, 2, 3, 4]
    assert threads == {threading.main_thread().name}  # callbacks run on the GUI thread
    assert active_jobs() == []


def test_plain_function_result_reaches_finished(qtbot):
    job = start_job(lambda a, b: a * b, 6, 7)
    with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    job.wait()


def test_exception_is_reported_with_traceback(qtbot):
    def boom():
        yield 1
        raise ValueError("line 3 of corpus.txt: bad token")

    job = start_job(boom)
    with qtbot.waitSignal(job.errored, timeout=5000) as blocker:
        pass
    message, details = blocker.args
    assert message == "line 3 of corpus.txt: bad token"
    assert "Traceback" in details and "boom" in details
    job.wait()


def test_cancel_stops_a_generator_and_runs_its_cleanup(qtbot):
    cleaned = threading.Event()

    def endless():
        try:
            while True:
                time.sleep(0.005)
                yield None
        finally:
            cleaned.set()

    job = start_job(endless)
    qtbot.waitSignal(job.progress, timeout=5000).wait()
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()
    job.wait()
    assert cleaned.is_set()
    assert not job.is_running()


def test_state_run_in_worker_shows_errors_and_tracks_busy(qtbot):
    state = AppState()
    errors = []
    state.error_occurred.connect(lambda *a: errors.append(a))
    busy = []
    state.busy_changed.connect(busy.append)
    job = state.run_in_worker(lambda: 1 / 0, on_done=lambda r: None, title="Loading failed")
    with qtbot.waitSignal(job.done, timeout=5000):
        pass
    assert errors and errors[0][0] == "Loading failed"
    assert "ZeroDivisionError" in errors[0][1] and "Traceback" in errors[0][2]
    assert busy == [True, False] and not state.busy


def test_state_error_without_window_opens_dialog(qtbot):
    from w2v_desktop.gui.dialogs.error_dialog import open_error_dialogs

    state = AppState()
    state.report_error("Export failed", "disk full", "details here")
    boxes = open_error_dialogs()
    assert boxes and boxes[-1].text() == "disk full"
    assert boxes[-1].detailedText() == "details here"
    for box in boxes:
        box.close()


