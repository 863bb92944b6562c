"""The status bar's progress of a data load (a text corpus, a rating file, here or on Spark),
with the Cancel button that stops it.

The bar follows the load's progress records: the share of the file read, or on Spark the
tasks done of the stages now running (``SparkProgress``: "12/40 tasks"); busy while the load
does not know its share. Cancel cancels the load's job: its token stops a local read at the
next check and cancels the Spark job group on Spark; the load then ends without a result.
"""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

STEPS = 1000
CANCEL_TEXT, CANCELLING_TEXT = "Cancel", "Cancelling\N{HORIZONTAL ELLIPSIS}"


class LoadIndicator(QWidget):
    """Hidden until :meth:`track` is given a load's ``Job``; hides again when that job ends.
    A newer load takes it over (the older one's result is dropped anyway)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.job = None
        self.bar = QProgressBar(maximum=STEPS, textVisible=True)
        self.bar.setFixedWidth(220)
        self.cancel_button = QToolButton(text=CANCEL_TEXT, toolTip="Stop reading this file")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.setVisible(False)

    def track(self, job) -> None:
        self.job = job
        self._busy()
        self.bar.setToolTip("")
        self.cancel_button.setText(CANCEL_TEXT)
        self.cancel_button.setEnabled(True)
        job.progress.connect(lambda record, j=job: j is self.job and self.show_record(record))
        job.done.connect(lambda j=job: self._ended(j))
        self.setVisible(True)

    def show_record(self, record) -> None:
        """A core progress record: LoadProgress (message, fraction) or SparkProgress (tasks)."""
        fraction = getattr(record, "fraction", None)
        message = getattr(record, "message", None)
        if message:
            self.bar.setToolTip(message)
        if fraction is None:
            self._busy()
            return
        self.bar.setRange(0, STEPS)
        self.bar.setValue(int(round(min(max(fraction, 0.0), 1.0) * STEPS)))
        total = getattr(record, "tasks_total", 0)
        self.bar.setFormat(f"{record.tasks_done:,}/{total:,} tasks" if total else "%p%")

    def cancel(self) -> None:
        if self.job is None:
            return
        self.job.cancel()
        self.cancel_button.setText(CANCELLING_TEXT)
        self.cancel_button.setEnabled(False)

    def _busy(self) -> None:
        self.bar.setRange(0, 0)  # Qt's busy indicator
        self.bar.setFormat("")

    def _ended(self, job) -> None:
        if job is self.job:
            self.job = None
            self.setVisible(False)
