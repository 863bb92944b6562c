"""Run long core work (a plain function or a generator) on a QThread.

A generator is the unit of long work: each ``yield`` is a
progress report and a cancel point. ``_Runner`` lives on the worker thread
and turns yields into signals; ``Job`` lives on the GUI thread and re-emits
them there, so any callable connected to a ``Job`` signal runs on the GUI
thread. Every exception becomes ``errored(message, traceback)``: no failure is
silent; except core's ``Cancelled``, which a job raises when told to stop and
which ends it as ``cancelled``.

``start_job`` owns the thread's lifetime: the thread quits when the job ends,
and the ``Job`` is kept referenced until then (``active_jobs()`` lists the
running ones; GUI tests assert it is empty after each test).
"""
from __future__ import annotations

import threading
import traceback
import types
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from w2v_desktop.core.cancel import Cancelled
from w2v_desktop.gui.i18n import said

_ACTIVE: set["Job"] = set()  # running jobs, referenced until their thread ends


class _Runner(QObject):
    """The thread-side half: runs the job once and reports through signals."""

    progress = Signal(object)
    finished = Signal(object)
    errored = Signal(str, str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, job, args, kwargs, cancel_event: threading.Event):
        super().__init__()
        self._job, self._args, self._kwargs = job, args, kwargs
        self._cancel = cancel_event

    @Slot()
    def run(self) -> None:
        try:
            job = self._job
            result = job if isinstance(job, types.GeneratorType) else job(*self._args, **self._kwargs)
            if isinstance(result, types.GeneratorType):
                result = self._drain(result)
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.finished.emit(result)
        except Cancelled:   # the job obeyed a cancel token: not an error
            self.cancelled.emit()
        except Exception as exc:  # every failure reaches the user (STYLE habit 5)
            self.errored.emit(one_line(exc), traceback.format_exc())
        finally:
            self._job = self._args = self._kwargs = None  # drop references to big data early
            self.done.emit()

    def _drain(self, generator: types.GeneratorType) -> Any:
        try:
            while True:
                if self._cancel.is_set():
                    generator.close()  # runs the generator's finally blocks
                    return None
                self.progress.emit(next(generator))
        except StopIteration as stop:
            return stop.value


class Job(QObject):
    """GUI-thread handle of a running job: signals, ``cancel()``, ``wait()``."""

    progress = Signal(object)
    finished = Signal(object)
    errored = Signal(str, str)  # one-line message, full traceback
    cancelled = Signal()
    done = Signal()  # always last, after the thread has ended

    def __init__(self, job: Callable[..., Any] | types.GeneratorType, args=(), kwargs=None, name: str = ""):
        super().__init__()
        self.name = name or getattr(job, "__name__", "job")
        self._cancel_event = threading.Event()
        self._cancel_callbacks: list[Callable[[], None]] = []
        self._thread = QThread()
        self._thread.setObjectName(f"w2v-{self.name}")
        self._runner = _Runner(job, args, kwargs or {}, self._cancel_event)
        self._runner.moveToThread(self._thread)
        # Runner signals cross to this GUI-thread object through queued connections.
        self._runner.progress.connect(self.progress)
        self._runner.finished.connect(self.finished)
        self._runner.errored.connect(self.errored)
        self._runner.cancelled.connect(self.cancelled)
        # quit() straight from the worker thread: wait() on the GUI thread must not need its event loop.
        self._runner.done.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._runner.done.connect(self._on_runner_done)
        self._thread.started.connect(self._runner.run)

    def start(self) -> "Job":
        _ACTIVE.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Stop at the next yield; callbacks (e.g. a core cancel token) run at once."""
        self._cancel_event.set()
        for callback in self._cancel_callbacks:
            callback()

    def add_cancel_callback(self, callback: Callable[[], None]) -> None:
        self._cancel_callbacks.append(callback)

    @property
    def is_cancelled(self) -> bool:
        return self._cancel_event.is_set()

    def is_running(self) -> bool:
        return self in _ACTIVE

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread has ended, then finish the bookkeeping."""
        ended = self._thread.wait(msecs)
        if ended and self in _ACTIVE:
            self._on_runner_done()
        return ended

    @Slot()
    def _on_runner_done(self) -> None:
        if self not in _ACTIVE:
            return
        self._thread.wait()
        _ACTIVE.discard(self)
        self.done.emit()


def start_job(job, *args, on_done=None, on_progress=None, on_error=None, on_cancelled=None,
              name: str = "", **kwargs) -> Job:
    """Run ``job(*args, **kwargs)`` (or iterate a generator) on a new thread."""
    handle = Job(job, args, kwargs, name=name)
    for signal, slot in ((handle.finished, on_done), (handle.progress, on_progress),
                         (handle.errored, on_error), (handle.cancelled, on_cancelled)):
        if slot is not None:
            signal.connect(slot)
    return handle.start()


def one_line(exc: BaseException) -> str:
    """A user-facing summary: expected errors speak for themselves (in the window's language when
    core made the message a ``Phrase``), others name their type. Made on the worker thread: the
    signal carrying it holds a plain str, so the Phrase is translated here."""
    text = said(exc) or exc.__class__.__name__
    return text if isinstance(exc, (ValueError, OSError, KeyError)) else f"{exc.__class__.__name__}: {text}"


def active_jobs() -> list[Job]:
    return list(_ACTIVE)


def cancel_all(wait_ms: int = 30_000) -> bool:
    """Cancel every running job and wait for its thread; True when all ended."""
    jobs = active_jobs()
    for job in jobs:
        job.cancel()
    return all(job.wait(wait_ms) for job in jobs)
