"""The Train tab: options, start/pause/resume/stop, and live monitoring.

Training runs as core's ``train_job`` on a worker thread; this panel only
turns its records into view updates and forwards button presses to the run's
``TrainingHandle`` (pause, resume, cancel). The trainer itself reaches the app
state only when the run ends: until then its arrays belong to the training threads.
"""
from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QProgressBar, QScrollArea, QSizePolicy, QSplitter,
                               QTabWidget, QToolButton, QVBoxLayout, QWidget)

from w2v_desktop.core.config import continue_config
from w2v_desktop.core.train import Progress
from w2v_desktop.gui import state as app_state
from w2v_desktop.gui.panels.train_monitor import EvalPlot, LossPlot, WatchTable
from w2v_desktop.gui.panels.train_options import TrainOptions
from w2v_desktop.core.bundled import sample_path
from w2v_desktop.core.jobs import (EpochReport, Stage, Trained, TrainerReady, TrainingHandle, TrainRequest,
                                   train_job)
from w2v_desktop.gui.i18n import QT_TR_NOOP, counted, said, tr, tr_phrase

WATCH_TIP = (QT_TR_NOOP("Comma-separated words or item ids. After each epoch their 10 nearest neighbours "
                        "are listed under “Watch list”, so you can see the space take shape."))
ANALOGY_TIP = (QT_TR_NOOP("After each epoch, answer the analogy questions in this file (lines “a b c d”: a "
                          "is to b as c is to d; “: section” headers) and plot the accuracy. Uses the "
                          "30,000 most frequent words."))


class TrainPanel(QWidget):
    title = QT_TR_NOOP("Train")
    finished = Signal(str)  # a run ended and handed over its vectors: one line saying so

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.job = None
        self.handle: TrainingHandle | None = None  # the running job's pause/resume/cancel
        self.last_progress: Progress | None = None
        self._x_end = 0.0  # where the loss curve's epochs end (continuation appends)
        self._make_actions()
        self._build()
        state.training_state_changed.connect(self._sync_controls)
        state.trainer_changed.connect(lambda _t: self._sync_controls())
        state.corpus_changed.connect(lambda _c: self._sync_controls())
        state.vectors_changed.connect(lambda _v: self._sync_controls())
        self._sync_controls()

    # -- construction ----------------------------------------------------------------
    def _make_actions(self) -> None:
        self.train_action = QAction(tr("&Train"), self, shortcut=QKeySequence(Qt.Key.Key_F5),
                                    statusTip=tr("Train on the loaded data with these options"))
        self.pause_action = QAction(tr("&Pause"), self, shortcut=QKeySequence(Qt.Key.Key_F6), checkable=True,
                                    statusTip=tr("Hold training between steps; press again to resume"))
        self.stop_action = QAction(tr("&Stop"), self, shortcut=QKeySequence("Shift+F5"),
                                   statusTip=tr("Stop training and keep the vectors learnt so far"))
        self.train_action.triggered.connect(self.start)
        self.pause_action.toggled.connect(self.set_paused)
        self.stop_action.triggered.connect(self.stop)

    def _build(self) -> None:
        self.options = TrainOptions(self.state)
        self.watch_edit = QLineEdit()
        self.watch_edit.setPlaceholderText(tr("words or items to follow, comma-separated"))
        self.watch_edit.setToolTip(tr(WATCH_TIP))
        self.analogy_box = QCheckBox(tr("Evaluate analogies after each epoch"))
        self.analogy_box.setToolTip(tr(ANALOGY_TIP))
        self.analogy_path = QLineEdit(str(sample_path("sample_analogies.txt") or ""))
        self.analogy_path.setToolTip(tr(ANALOGY_TIP))
        browse = QToolButton(text="…", toolTip=tr("Choose an analogy file"))
        browse.clicked.connect(self._browse_analogies)
        path_row = QHBoxLayout()
        path_row.addWidget(self.analogy_path, 1)
        path_row.addWidget(browse)
        self.continue_box = QCheckBox(tr("Continue training the current model"))
        self.continue_box.setToolTip(tr("Keep the model's vectors and vocabulary; new words in the loaded data are added "
                                        "(min_count applies). Shape options are locked."))
        self.continue_box.toggled.connect(self.options.lock_for_continuation)
        watch_box = QGroupBox(tr("While training"))
        watch_layout = QVBoxLayout(watch_box)
        watch_layout.addWidget(QLabel(tr("Watch list")))
        watch_layout.addWidget(self.watch_edit)
        watch_layout.addWidget(self.analogy_box)
        watch_layout.addLayout(path_row)
        watch_layout.addWidget(self.continue_box)

        buttons = QHBoxLayout()
        for action in (self.train_action, self.pause_action, self.stop_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            buttons.addWidget(button)
        self.train_button = buttons.itemAt(0).widget()
        self.blocked_label = QLabel()  # why Train is disabled, when it is
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setVisible(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.blocked_label)
        left_layout.addWidget(self.options)
        left_layout.addWidget(watch_box)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(left.sizeHint().width() + 24)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.status = QLabel(tr("Ready."))
        # Text changes ~10 times a second: keep them from re-laying out (and repainting) the window.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status.setMinimumWidth(1)
        self.loss = LossPlot()
        self.evaluation = EvalPlot()
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.loss)
        plots.addWidget(self.evaluation)
        plots.setSizes([600, 300])
        self.watch = WatchTable()
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(5000)
        self.details = QTabWidget()
        self.details.addTab(self.watch, tr("Watch list"))
        self.details.addTab(self.log, tr("Log"))
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(plots)
        right_split.addWidget(self.details)
        right_split.setSizes([400, 250])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.progress_bar)
        right_layout.addWidget(self.status)
        right_layout.addWidget(right_split, 1)

        layout = QHBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(right, 1)

    def _browse_analogies(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Analogy questions"), self.analogy_path.text(),
                                              tr("Analogy files (*.txt);;All files (*)"))
        if path:
            self.analogy_path.setText(path)
            self.analogy_box.setChecked(True)

    # -- what belongs to the data set ---------------------------------------------------
    def data_settings(self) -> dict:
        """The watch list and analogy choice, which belong to the data they were set for."""
        return {"watch": self.watch_edit.text(), "analogy": self.analogy_box.isChecked(),
                "analogy_path": self.analogy_path.text()}

    def apply_data_settings(self, settings: dict | None, examples=()) -> None:
        """The data set's own watch list and analogy choice (none remembered: an empty watch
        list, no analogy evaluation); ``examples``: names of the data for the placeholder."""
        settings = settings or {}
        self.watch_edit.setText(str(settings.get("watch", "")))
        self.analogy_box.setChecked(bool(settings.get("analogy", False)))
        if settings.get("analogy_path"):
            self.analogy_path.setText(str(settings["analogy_path"]))
        self.watch_edit.setPlaceholderText(tr("e.g. {examples}").format(examples=", ".join(examples)) if examples else
                                           tr("words or items to follow, comma-separated"))

    # -- commands ------------------------------------------------------------------
    def watch_names(self) -> list[str]:
        return [w.strip() for w in self.watch_edit.text().replace(";", ",").split(",") if w.strip()]

    def start(self) -> None:
        if self.job is not None:
            return
        continuing = self.continue_box.isChecked() and self.state.trainer is not None
        try:
            config = self.options.config()
            if continuing:  # the one rule (core.config), checked before any work starts
                config = continue_config(self.state.trainer.config, config)
        except ValueError as exc:
            self.state.report_error(tr("Cannot train"), said(exc))
            return
        if self.state.corpus is None and not continuing:
            self.state.report_error(tr("Cannot train"), tr("Open a text corpus or a ratings file first."))
            return
        analogy = self.analogy_path.text().strip() if self.analogy_box.isChecked() else None
        if analogy and not Path(analogy).is_file():
            self.state.report_error(tr("Cannot train"), tr("Analogy file not found: {analogy}").format(analogy=analogy))
            return
        request = TrainRequest(config, self.state.corpus, self.state.trainer if continuing else None,
                               tuple(self.watch_names()), analogy)
        self._begin_run(request, continuing)

    def _begin_run(self, request: TrainRequest, continuing: bool) -> None:
        offset = self._x_end if continuing else 0.0
        self.loss.reset(offset, request.config.epochs, hs=request.config.hs)
        self.evaluation.reset(offset)
        self.watch.reset(request.watch, keep=continuing)
        self.last_progress = None
        self.handle = TrainingHandle()
        self._log(tr("Training {v0}with ").format(v0=tr("(continued) ") if continuing else '')
                  + ", ".join(f"{k}={v}" for k, v in request.config.to_dict().items()))
        self.job = self.state.run_in_worker(
            train_job(request, self.handle), on_done=self._on_finished, on_progress=self._on_record,
            title=tr("Training failed"), on_error=lambda message, _details: self._log(tr("Error: {message}").format(message=message)),
            name="train")
        self.job.add_cancel_callback(self._release)
        self.job.done.connect(self._on_job_done)
        self.state.set_training_state(app_state.RUNNING)

    def set_paused(self, paused: bool) -> None:
        if self.handle is None:
            return
        if paused:
            self.handle.pause()
            self.state.set_training_state(app_state.PAUSED)
            self._log(tr("Paused."))
        else:
            self.handle.resume()
            self.state.set_training_state(app_state.RUNNING)
            self._log(tr("Resumed."))

    def stop(self) -> None:
        """Stop at the next step; the vectors learnt so far are kept."""
        if self.job is None:
            return
        self._release()
        self.state.set_training_state(app_state.STOPPING)
        self._log(tr("Stopping…"))

    def _release(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    # -- records from the worker --------------------------------------------------------
    def _on_record(self, record) -> None:
        if isinstance(record, Progress):
            self._on_progress(record)
        elif isinstance(record, EpochReport):
            self._on_epoch_report(record)
        elif isinstance(record, Stage):
            self.status.setText(tr_phrase(record.message) + "…")
            self.progress_bar.setRange(0, 0)  # busy
            self._log(tr_phrase(record.message) + "…")
        elif isinstance(record, TrainerReady):
            report = record.report
            for line in (report.lines() if report is not None else []):
                self._log(tr_phrase(line))
            if record.added_words is not None:
                self._log(tr("{added_words:,} new words added to the model").format(added_words=record.added_words))

    def _on_progress(self, p: Progress) -> None:
        self.last_progress = p
        if p.state == "compiling":
            self.progress_bar.setRange(0, 0)
            self.status.setText(tr_phrase(p.message) or tr("Compiling the training kernels (first run only)…"))
            return
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(int(1000 * p.fraction))
        self.status.setText(describe_progress(p))
        self.loss.add(p)
        if p.epoch_done:
            self.loss.mark_epoch(p)
            self._x_end = self.loss.offset + p.epoch + 1
            sample = tr(", fixed sample {sample_loss:.4f}").format(sample_loss=p.sample_loss) if math.isfinite(p.sample_loss) else ""
            line = (tr("Epoch {v0}/{epochs}: online loss {epoch_loss:.4f}{sample}, {words_per_sec:,.0f} "
                       "words/s").format(v0=p.epoch + 1, epochs=p.epochs, epoch_loss=p.epoch_loss, sample=sample, words_per_sec=p.words_per_sec))
            self._log(line + ("; " + tr_phrase(p.message) if p.message else ""))

    def _on_epoch_report(self, report: EpochReport) -> None:
        self.watch.add(report)
        if report.analogy is not None:
            self.evaluation.add(report.epoch, report.analogy)
            self._log(tr("  analogies: {accuracy:.1%} of {total:,}").format(accuracy=report.analogy.accuracy, total=report.analogy.total))
        if report.problem:
            self._log("  " + tr_phrase(report.problem))

    def _on_finished(self, result: Trained) -> None:
        p = self.last_progress
        stopped = p is not None and p.state == "cancelled"
        trainer, vectors = result.trainer, result.vectors
        if self.state.items is not None:  # titles and genres travel with the vectors
            vectors.meta["columns"] = self.state.items.columns_for(vectors.names)
        self.state.set_trainer(trainer)
        self.state.set_vectors(vectors)
        what = tr("Stopped early") if stopped else tr("Finished")
        elapsed = tr(" in {v0}").format(v0=format_seconds(p.elapsed)) if p is not None else ""
        self._log(tr("{what}{elapsed}: {n_vectors:,} vectors of {dim} dimensions ({epochs_trained} "
                     "trained in all).").format(what=what, elapsed=elapsed, n_vectors=len(vectors), dim=vectors.dim,
                                             epochs_trained=counted(trainer.epochs_trained, tr("epoch", "counted"), tr("epochs", "counted"))))
        self.status.setText(tr("{what}: {n_vectors:,} vectors. Explore them in the other tabs.").format(what=what, n_vectors=len(vectors)))
        self.progress_bar.setRange(0, 1000)
        kind = "items" if self.state.data_kind == "ratings" else "words"
        if kind == "items":
            from w2v_desktop.core.items import collapse_warning

            collapsed = tr_phrase(collapse_warning(vectors))
            if collapsed:
                self._log(tr("Warning: {collapsed}").format(collapsed=collapsed))
                self.status.setText(tr("{what}, but {v1}{v2}").format(what=what, v1=collapsed[0].lower(), v2=collapsed[1:]))
        took = "" if p is None else tr(" in {elapsed:.1f} s").format(elapsed=p.elapsed) if p.elapsed < 60 else tr(" in {v0}").format(v0=format_seconds(p.elapsed))
        count = (counted(len(vectors), tr("item"), tr("items")) if kind == "items"
                 else counted(len(vectors), tr("word", "counted"), tr("words", "counted")))
        done = tr("Stopped early: trained {count}{took}") if stopped else tr("Trained {count}{took}")
        self.finished.emit(done.format(count=count, took=took))

    def _on_job_done(self) -> None:
        self.job = self.handle = None
        if self.pause_action.isChecked():
            self.pause_action.blockSignals(True)
            self.pause_action.setChecked(False)
            self.pause_action.blockSignals(False)
        if self.progress_bar.maximum() == 0:
            self.progress_bar.setRange(0, 1000)
        self.state.set_training_state(app_state.IDLE)

    # -- helpers -------------------------------------------------------------------
    def _sync_controls(self, *_args) -> None:
        running = self.job is not None
        reason = blocked_reason(self.state)
        self.train_action.setEnabled(not running and not reason)
        self.blocked_label.setText(reason)
        self.blocked_label.setVisible(bool(reason) and not running)
        self.pause_action.setEnabled(running and self.state.training_state != app_state.STOPPING)
        self.stop_action.setEnabled(running and self.state.training_state != app_state.STOPPING)
        self.options.setEnabled(not running)
        self.continue_box.setEnabled(not running and self.state.trainer is not None)
        if self.state.trainer is None and self.continue_box.isChecked():
            self.continue_box.setChecked(False)

    def _log(self, text: str) -> None:
        self.log.appendPlainText(text)

    def is_running(self) -> bool:
        return self.job is not None


def blocked_reason(state) -> str:
    """Why Train cannot start ("" when it can): there is nothing to train on."""
    if state.corpus is not None or state.trainer is not None:
        return ""
    if state.vectors is not None:
        return (tr("<b>Vectors opened without a corpus</b>: there is nothing to train on. Open a "
                   "corpus or a ratings file to train, or a saved model to continue training."))
    return tr("Open a text corpus or a ratings file (File menu, or the Data tab) to train.")


def format_seconds(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "–"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def describe_progress(p: Progress) -> str:
    if p.state == "paused":
        return tr("Paused in epoch {v0}/{epochs} ({fraction:.0%}).").format(v0=p.epoch + 1, epochs=p.epochs, fraction=p.fraction)
    epoch = min(p.epoch + 1, p.epochs)
    loss = tr(" · loss {loss:.4f}").format(loss=p.loss) if math.isfinite(p.loss) else ""
    return (tr("Epoch {epoch}/{epochs} · {fraction:.0%} · {words_per_sec:,.0f} words/s · ETA "
               "{v4} · learning rate {alpha:.5f}{loss}").format(epoch=epoch, epochs=p.epochs, fraction=p.fraction, words_per_sec=p.words_per_sec, v4=format_seconds(p.eta), alpha=p.alpha, loss=loss))
