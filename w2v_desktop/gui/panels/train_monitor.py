"""What the Train tab shows while training: the loss curve, per-epoch evaluation
and the watch list of neighbours changing epoch by epoch.

Plot items are created once and updated with ``setData`` (pyqtgraph's advice);
long curves are clipped to the view and downsampled.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from w2v_desktop.gui import theme
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr
from w2v_desktop.gui.widgets.empty_state import set_plot_hint


LOSS_HELP = (
    QT_TR_NOOP("<b>Online loss</b> (the line and the epoch means): each pair's loss measured "
               "just before it is trained on, averaged. The model has just been fitted to the "
               "pairs before it (the same document, and in a file sorted by topic the same "
               "topic), more so while the learning rate is high; as the rate decays that "
               "advantage fades, so the online loss can rise in the last epochs although the "
               "model keeps improving.<br><br><b>Fixed sample</b> (the second curve): the loss "
               "on the same 10,000 training pairs, drawn once before training and scored after "
               "each epoch without training on them there. It measures the model as a whole and "
               "is the curve to judge training by. If the two part ways, try “Shuffle sentences "
               "each epoch”.<br><br>Hierarchical softmax sums the loss over the word's path in "
               "the tree (about log2 of the vocabulary nodes), negative sampling over the "
               "target and its noise words: their losses are on different scales and cannot be "
               "compared."))
LOSS_EMPTY = QT_TR_NOOP("Press Train (F5) to see the loss here.")
EVAL_EMPTY = QT_TR_NOOP("Press Train (F5) with “Evaluate analogies after each epoch” ticked to see the "
                        "accuracy here.")
Y_LABEL = {False: QT_TR_NOOP("loss per pair (negative sampling)"),
           True: QT_TR_NOOP("loss per pair (hierarchical softmax: summed over the tree path)")}


class LossPlot(QWidget):
    """Loss per progress report against epochs elapsed, with a line at each epoch end, and the
    loss on the fixed sample of pairs after each epoch."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = theme.make_plot(tr("Training loss"), QT_TR_NOOP("epochs"), Y_LABEL[False])
        self.plot.setDownsampling(auto=True, mode="mean")
        self.plot.setClipToView(True)
        self.legend = self.plot.addLegend(offset=(-10, 10))
        # No antialiasing on the live curve: it is redrawn ~10 times a second.
        self.curve = self.plot.plot([], [], name=tr("online loss (each report)"), antialias=False)
        self.epoch_means = self.plot.plot([], [], pen=None, symbol="o", symbolSize=7, name=tr("online, epoch mean"))
        self.sample_curve = self.plot.plot([], [], symbol="s", symbolSize=7, name=tr("fixed sample of 10,000 pairs"))
        self.help = QLabel("(?)")
        self.help.setToolTip(tr(LOSS_HELP))
        self.help.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.help.setAccessibleName(tr("About the loss curves"))
        self.note = QLabel(tr("Online loss: measured as training goes. Fixed sample: the same pairs after each epoch."))
        self.note.setWordWrap(True)
        self._lines: list[pg.InfiniteLine] = []
        self._x: list[float] = []
        self._y: list[float] = []
        self._ex: list[float] = []
        self._ey: list[float] = []
        self._sx: list[float] = []
        self._sy: list[float] = []
        self.hs = False
        self.updates = 0  # setData calls, read by the responsiveness benchmark
        notes = QHBoxLayout()
        notes.addWidget(self.note, 1)
        notes.addWidget(self.help)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addLayout(notes)
        self.hint = set_plot_hint(self.plot, None, tr(LOSS_EMPTY))  # no fake axes before training
        self.legend.setVisible(False)
        self.apply_theme()

    def apply_theme(self) -> None:
        self.curve.setPen(theme.curve_pen())
        self.epoch_means.setSymbolBrush(theme.fill_brush(QPalette.ColorRole.Text, 255))
        self.epoch_means.setSymbolPen(None)
        self.sample_curve.setPen(theme.curve_pen(QPalette.ColorRole.Link))
        self.sample_curve.setSymbolBrush(theme.fill_brush(QPalette.ColorRole.Link, 255))
        self.sample_curve.setSymbolPen(None)
        for line in self._lines:
            line.setPen(theme.marker_pen())
        theme.style_legend(self.legend)

    def reset(self, offset_epochs: float = 0.0, epochs: int | None = None, hs: bool = False) -> None:
        """Start a new run; ``offset_epochs`` > 0 keeps the previous run's points (continuation).

        With ``epochs`` the x range is fixed to the whole run, so only y rescales as points arrive
        (re-laying out both axes on every update costs more than the drawing). ``hs``: the run's
        loss is hierarchical softmax's, on its own scale (the axis says so)."""
        if offset_epochs <= 0:
            for line in self._lines:
                self.plot.removeItem(line)
            self._lines.clear()
            for points in (self._x, self._y, self._ex, self._ey, self._sx, self._sy):
                points.clear()
            self.curve.setData([], [])
            self.epoch_means.setData([], [])
            self.sample_curve.setData([], [])
        self.offset = offset_epochs
        self.hs = hs
        set_plot_hint(self.plot, self.hint, "")  # training has started: its axes
        self.legend.setVisible(True)
        theme.set_labels(self.plot, tr("Training loss"), "epochs", Y_LABEL[hs])
        self.note.setText(tr("Online loss: measured as training goes. Fixed sample: the same pairs after each epoch.")
                          + (tr(" Hierarchical softmax: a larger scale than negative sampling's.") if hs else ""))
        if epochs:
            self.plot.setXRange(0.0, offset_epochs + epochs, padding=0.02)
            self.plot.getPlotItem().enableAutoRange(x=False, y=True)

    def add(self, progress) -> None:
        if not math.isfinite(progress.loss) or not progress.words_total:
            return
        self._x.append(self.offset + progress.fraction * progress.epochs)
        self._y.append(progress.loss)
        self.curve.setData(np.asarray(self._x), np.asarray(self._y))
        self.updates += 1

    def mark_epoch(self, progress) -> None:
        x = self.offset + progress.epoch + 1
        line = pg.InfiniteLine(pos=x, angle=90, movable=False, pen=theme.marker_pen())
        self.plot.addItem(line)
        self._lines.append(line)
        if math.isfinite(progress.epoch_loss):
            self._ex.append(x)
            self._ey.append(progress.epoch_loss)
            self.epoch_means.setData(self._ex, self._ey)
        if math.isfinite(progress.sample_loss):
            self._sx.append(x)
            self._sy.append(progress.sample_loss)
            self.sample_curve.setData(self._sx, self._sy)

    @property
    def points(self) -> int:
        return len(self._x)


class EvalPlot(QWidget):
    """Analogy accuracy after each epoch."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = theme.make_plot(tr("Analogy accuracy"), QT_TR_NOOP("epoch"), tr("% correct"))
        self.curve = self.plot.plot([], [], symbol="o", symbolSize=7)
        self.note = QLabel(tr("Tick “Evaluate analogies after each epoch” to plot accuracy here."))
        self.note.setWordWrap(True)
        self._x: list[float] = []
        self._y: list[float] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)
        self.hint = set_plot_hint(self.plot, None, tr(EVAL_EMPTY))
        self.apply_theme()

    def apply_theme(self) -> None:
        self.curve.setPen(theme.curve_pen(QPalette.ColorRole.Link))
        self.curve.setSymbolBrush(theme.fill_brush(QPalette.ColorRole.Link, 255))

    def reset(self, offset_epochs: float = 0.0) -> None:
        if offset_epochs <= 0:
            self._x.clear(), self._y.clear()
            self.curve.setData([], [])
            set_plot_hint(self.plot, self.hint, tr(EVAL_EMPTY))
        self.offset = offset_epochs

    def add(self, epoch: int, result) -> None:
        set_plot_hint(self.plot, self.hint, "")
        self._x.append(self.offset + epoch)
        self._y.append(100.0 * result.accuracy)
        self.curve.setData(self._x, self._y)
        self.note.setText(tr("Epoch {epoch}: {correct:,} of {total:,} analogies correct ({accuracy:.1%}); "
                             "{skipped:,} skipped (unknown words).").format(epoch=epoch, correct=result.correct, total=result.total, accuracy=result.accuracy, skipped=result.skipped))


class WatchTable(QWidget):
    """Top neighbours of a watched word: one column per epoch; new arrivals in bold."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.word = QComboBox()
        self.word.currentTextChanged.connect(self._show)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.note = QLabel(tr("Add words or items to the watch list to see their neighbours change."))
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Neighbours of")))
        top.addWidget(self.word, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.history: dict[str, list[tuple[int, list]]] = {}  # name -> [(epoch, neighbours)]

    def reset(self, names, keep: bool = False) -> None:
        if not keep:
            self.history = {}
        self.word.blockSignals(True)
        self.word.clear()
        self.word.addItems(list(names))
        self.word.blockSignals(False)
        self._show(self.word.currentText())

    def add(self, report) -> None:
        for name, neighbours in report.neighbours.items():
            self.history.setdefault(name, []).append((report.epoch, neighbours))
        note = tr("Bold: arrived since the previous epoch. Hover a name for its similarity.")
        if report.missing:
            note += tr("  Not in the vocabulary: ") + ", ".join(report.missing)
        if report.neighbours or report.missing:
            self.note.setText(note)
        self._show(self.word.currentText())

    def _show(self, name: str) -> None:
        columns = self.history.get(name, [])
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(max((len(n) for _, n in columns), default=0))
        self.table.setHorizontalHeaderLabels([tr("epoch {epoch}").format(epoch=epoch) for epoch, _ in columns])
        bold = QFont(self.table.font())
        bold.setBold(True)
        previous: set[str] = set()
        for col, (_epoch, neighbours) in enumerate(columns):
            for row, neighbour in enumerate(neighbours):
                item = QTableWidgetItem(neighbour.name)
                item.setToolTip(tr("{name}: similarity {score:.3f}").format(name=neighbour.name, score=neighbour.score))
                if col and neighbour.name not in previous:
                    item.setFont(bold)  # arrived since the previous epoch
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
            previous = {n.name for n in neighbours}
        self.table.resizeColumnsToContents()
