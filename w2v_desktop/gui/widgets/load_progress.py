"""The status bar's progress of file loads: the share of the file read, the time left, Cancel.

Every long load (text corpus, rating file, vectors) is a job whose progress
records carry ``fraction`` (bytes read over the file size; on Spark the tasks
done of the stages now running, shown as "12/40 tasks"; None when unknown). ``LoadProgressWidget.track(job, name)`` shows the bar while the job
runs and hides it when the last tracked job ends; Cancel stops the newest
load (the job closes its generator at the next yield, a fraction of a second
away; the job's ``cancelled`` signal follows). The estimate comes
from core (``TimeLeft``), so the bar never runs a timer of its own.
"""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from w2v_desktop.core.jobs import TimeLeft, format_duration
from w2v_desktop.gui.jobs import CANCEL_TEXT, CANCELLING_TEXT
from w2v_desktop.gui.i18n import tr, tr_phrase

STEPS = 1000


class LoadProgressWidget(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.bar.setFixedWidth(160)
        self.left = QLabel()
        self.cancel_button = QPushButton(tr(CANCEL_TEXT))
        self.cancel_button.setToolTip(tr("Stop reading this file; what was open before stays open."))
        self.cancel_button.setMinimumWidth(self.cancel_button.sizeHint().width())
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.left, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self._loads: list[list] = []  # [job, file name, TimeLeft], the newest last
        self.setVisible(False)

    def track(self, job, name: str) -> None:
        """Show ``job``'s progress (it reads the file ``name``) until it ends."""
        load = [job, name, TimeLeft()]
        self._loads.append(load)
        job.progress.connect(lambda record, load=load: self._on_progress(load, record))
        job.done.connect(lambda: self._ended(load))
        self._show(load, None)

    @property
    def job(self):
        """The newest load's job (the one Cancel stops), or None."""
        return self._loads[-1][0] if self._loads else None

    def running(self) -> list[str]:
        return [name for _job, name, _left in self._loads]

    def cancel(self) -> None:
        """Stop the newest load; the button waits until its thread has ended."""
        if self._loads:
            self._loads[-1][0].cancel()
            self.cancel_button.setText(tr(CANCELLING_TEXT))
            self.cancel_button.setEnabled(False)

    def _on_progress(self, load, record) -> None:
        fraction = getattr(record, "fraction", None)
        seconds = load[2].update(fraction)
        if self._loads and load is self._loads[-1]:
            self._show(load, fraction, seconds)
            total = getattr(record, "tasks_total", 0)  # Spark: the tasks of the stages now running
            if total and fraction is not None:
                self.bar.setFormat(tr("{tasks_done:,}/{total:,} tasks").format(tasks_done=record.tasks_done, total=total))
            message = getattr(record, "message", None)
            if message:
                self.bar.setToolTip(tr_phrase(message))

    def _show(self, load, fraction: float | None, seconds: float | None = None) -> None:
        name = load[1]
        if fraction is None:
            self.bar.setRange(0, 0)  # the share is not known: a busy bar
            self.bar.setFormat("")
        else:
            self.bar.setRange(0, STEPS)
            self.bar.setValue(int(STEPS * min(max(fraction, 0.0), 1.0)))
            self.bar.setFormat("%p%")
        left = tr("{v0} left").format(v0=tr_phrase(format_duration(seconds))) if seconds is not None else tr("estimating the time left")
        self.left.setText(f"{name}: {left}" if fraction is not None else f"{name}")
        self.left.setToolTip(tr("Reading {name}").format(name=name))
        self.cancel_button.setText(tr(CANCEL_TEXT))
        self.cancel_button.setEnabled(True)
        self.setVisible(True)

    def _ended(self, load) -> None:
        if load in self._loads:
            self._loads.remove(load)
        load[0] = None  # drop the reference to the finished job
        if self._loads:
            self._show(self._loads[-1], None)
        else:
            self.setVisible(False)
