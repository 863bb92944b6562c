"""A panel's long job behind its own button: the button reads "Cancel" while it runs.

The exploration panels share one pattern, kept here once: a button starts core
work on a worker thread (``AppState.run_in_worker``, which routes failures to
the error dialog), the same button stops it, the panel's other controls wait,
and a status label says what happened ("Failed: ...", "Cancelled.").

The work receives a cancel token (the trainer's ``CancelToken``) that the
Cancel press sets, so core functions taking ``cancel=`` stop at their next
batch and raise ``Cancelled``, which the worker reports as cancelled, not as an
error. A generator stops at its next yield instead.
"""
from __future__ import annotations

import types
from typing import Any, Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from w2v_desktop.core.cancel import CancelToken
from w2v_desktop.gui.worker import Job
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

CANCEL_TEXT = QT_TR_NOOP("Cancel")
CANCELLING_TEXT = QT_TR_NOOP("Cancelling…")

StatusSetter = Callable[[str], Any]


class JobRunner(QObject):
    """Runs one job at a time for a panel.

    ``add_button(button, run)``: a click on the idle button calls ``run()``
    (which normally calls :meth:`start`); a click while that button's job runs
    cancels it. While a job runs, the other added buttons and ``controls`` are
    disabled and ``progress`` is shown.
    """

    ended = Signal()  # the job's thread has ended and the buttons are back

    def __init__(self, state, *, status: StatusSetter | None = None, controls: Iterable[QWidget] = (),
                 progress: QProgressBar | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self.status = status
        self.controls = list(controls)
        self.progress = progress
        self.job: Job | None = None
        self._idle_text: dict[QPushButton, str] = {}
        self._active: QPushButton | None = None
        self._quiet = False  # cancelled by the panel itself (new data), not by the user
        if progress is not None:
            progress.setVisible(False)

    def add_button(self, button: QPushButton, run: Callable[[], Any]) -> None:
        self._idle_text[button] = button.text()
        # keep the width of the longer text, so the layout does not jump when it turns into Cancel
        button.setMinimumWidth(button.sizeHint().width())
        button.clicked.connect(lambda: self.cancel() if self._active is button else run())

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, work, on_done: Callable[[Any], Any] | None = None, *, button: QPushButton | None = None,
              message: str = "", status: StatusSetter | None = None, title: str = QT_TR_NOOP("Task failed"),
              name: str = "", on_progress: Callable[[Any], Any] | None = None) -> Job | None:
        """Run ``work(token)`` on a worker thread (or iterate ``work``, a generator).

        ``button`` (one passed to :meth:`add_button`) becomes its Cancel button;
        ``message`` goes to ``status`` (default: the runner's) now, and
        "Failed: ..." or "Cancelled." later. Returns None while a job still runs.
        """
        if self.job is not None:
            return None
        token = CancelToken()
        task = work if isinstance(work, types.GeneratorType) else (lambda: work(token))
        say = status or self.status or (lambda _text: None)
        if message:
            say(message)
        # A result or report already queued when the job was cancelled (say, the panel
        # dropped it for new vectors) must not be applied: check at delivery.
        done = on_done and (lambda result: token.cancelled or on_done(result))
        progress = on_progress and (lambda value: token.cancelled or on_progress(value))
        job = self.state.run_in_worker(task, done, progress, title=title, name=name,
                                       on_error=lambda text, _details: say(tr("Failed: {text}").format(text=text)))
        job.add_cancel_callback(token.cancel)  # every cancel of the job sets the token
        job.cancelled.connect(lambda: self._quiet or say(tr("Cancelled.")))
        job.done.connect(self._job_ended)
        self.job, self._active = job, button
        self._show_running(True)
        return job

    def cancel(self, quiet: bool = False) -> None:
        """Ask the running job to stop; its button waits, disabled, until the thread ends.

        ``quiet``: the panel drops a job that no longer fits (new vectors), so the
        status it has just set is not overwritten with "Cancelled.".
        """
        if self.job is None:
            return
        self._quiet = quiet
        self.job.cancel()
        if self._active is not None:
            self._active.setText(tr(CANCELLING_TEXT))
            self._active.setEnabled(False)

    def _job_ended(self) -> None:
        self.job = self._active = None
        self._quiet = False
        self._show_running(False)
        self.ended.emit()

    def _show_running(self, running: bool) -> None:
        for button, idle_text in self._idle_text.items():
            mine = running and button is self._active
            button.setText(tr(CANCEL_TEXT) if mine else idle_text)
            button.setEnabled(mine or not running)
        for widget in self.controls:
            widget.setEnabled(not running)
        if self.progress is not None:
            self.progress.setVisible(running)
            if running:
                self.progress.setValue(self.progress.minimum())
