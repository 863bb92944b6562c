"""The Data tab's view of vectors opened on their own (GloVe, a word2vec file, a model):
sizes, the file's format, a histogram of vector norms and the first rows."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHeaderView, QSplitter, QTableWidget, QVBoxLayout, QWidget

from w2v_desktop.core.vectors.summary import VectorsSummary
from w2v_desktop.gui import theme
from w2v_desktop.gui.widgets.help_badge import with_help
from w2v_desktop.gui.widgets.neighbour_table import read_only_item
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

NORM_TITLE = QT_TR_NOOP("Vector norms (lengths)")


def format_label(key: str) -> str:
    """The registry's label of a format key ("glove" -> "GloVe text"), or the key itself."""
    from w2v_desktop.core.formats import FORMATS

    info = FORMATS.get(key)
    return tr(info.label) if info is not None else key


class VectorsView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary: VectorsSummary | None = None
        self.norm_plot = theme.make_plot(NORM_TITLE, QT_TR_NOOP("norm"), QT_TR_NOOP("rows"))
        self.norm_curve = self.norm_plot.plot([], [], stepMode="center", fillLevel=0)
        self.sample_table = QTableWidget()
        self.sample_table.verticalHeader().setVisible(False)
        self.sample_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        sample_box = QGroupBox(tr("First rows"))
        box_layout = QVBoxLayout(sample_box)
        box_layout.addWidget(self.sample_table)
        splitter = QSplitter()
        splitter.addWidget(with_help(self.norm_plot, "norm"))
        splitter.addWidget(sample_box)
        splitter.setSizes([600, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.apply_theme()

    def apply_theme(self) -> None:
        self.norm_curve.setPen(theme.curve_pen(width=1))
        self.norm_curve.setBrush(theme.fill_brush())

    def show_summary(self, summary: VectorsSummary) -> None:
        self.summary = summary
        self.norm_curve.setData(summary.norm_edges, summary.norm_hist)
        theme.set_labels(self.norm_plot, tr("Vector norms (lengths): median {norm_median:.3g}, from {norm_min:.3g} to {norm_max:.3g}").format( norm_median=summary.norm_median, norm_min=summary.norm_min, norm_max=summary.norm_max), tr("norm"), tr("rows"))
        self.norm_plot.autoRange()
        shown = len(summary.sample[0][1]) if summary.sample else 0
        headers = [tr("name")] + ([tr("count")] if summary.has_counts else []) + [f"d{i + 1}" for i in range(shown)]
        if shown < summary.dim:
            headers.append("\N{HORIZONTAL ELLIPSIS}")
        self.sample_table.clear()
        self.sample_table.setColumnCount(len(headers))
        self.sample_table.setHorizontalHeaderLabels(headers)
        self.sample_table.setRowCount(len(summary.sample))
        for row, (name, values, count) in enumerate(summary.sample):
            cells = [read_only_item(name)] + ([read_only_item(f"{count:,}")] if summary.has_counts else [])
            cells += [read_only_item(f"{v:+.3f}") for v in values]
            if shown < summary.dim:
                cells.append(read_only_item(tr("{v0} more").format(v0=summary.dim - shown)))
            for column, cell in enumerate(cells):
                self.sample_table.setItem(row, column, cell)
        self.sample_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def clear(self) -> None:
        self.summary = None
        self.norm_curve.setData([], [])
        self.sample_table.setRowCount(0)
