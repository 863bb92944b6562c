"""Similarity metrics side by side, and two whole-space diagnostics.

Top: one query's top-k under every metric (one column each) and a heatmap of
how much those lists agree (overlap@k or Kendall tau). Bottom: hubness (how
often each name shows up in others' top-k; a long tail means "hubs" crowd
neighbour lists) and vector norm against log frequency with its Spearman.
"""
from __future__ import annotations

import html
from collections import Counter

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QSplitter, QTableWidget, QVBoxLayout, QWidget)

from w2v_desktop.core.vectors import similarity
from w2v_desktop.gui import theme
from w2v_desktop.gui.jobs import JobRunner
from w2v_desktop.gui.widgets.empty_state import EmptyStateStack, TableHint, set_plot_hint
from w2v_desktop.gui.widgets.help_badge import HelpBadge, with_help
from w2v_desktop.gui.widgets.heatmap import HeatmapView
from w2v_desktop.gui.widgets.name_completer import NameCompleter, SuggestionLinks, example_name
from w2v_desktop.gui.widgets.neighbour_table import read_only_item
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

AGREEMENT = {"overlap@k": ("overlap", (0.0, 1.0)), "Kendall \N{GREEK SMALL LETTER TAU}": ("kendall", (-1.0, 1.0))}
HUB_X_LABEL = QT_TR_NOOP("k-occurrence (times in a query's top-k)")
HUB_Y_LABEL = QT_TR_NOOP("names (log scale)")
NORM_X_LABEL = QT_TR_NOOP("corpus frequency (log scale)")
MAX_SCATTER_POINTS = 50_000
GLOSSARY_AGREEMENT = (QT_TR_NOOP("<b>Agreement</b> between two metrics' top-k lists of the query. "
                                 "<b>overlap@k</b>: the share of names both lists hold (1: the same names). "
                                 "<b>Kendall τ</b>: how alike their orders are, from −1 (reversed) to 1 (the "
                                 "same)."))  # the most frequent; enough to see the trend and keep drawing fast


class MetricsPanel(QWidget):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.vectors = None
        self.comparison = None
        self.completer = NameCompleter(self)
        self.query_edit = QLineEdit(placeholderText=tr("a word or item"))
        self.query_edit.setCompleter(self.completer)
        self.suggestions = SuggestionLinks(self.query_edit, self.completer)
        self.suggestions.chosen.connect(lambda _name: self.compare())
        self.k_spin = QSpinBox(minimum=2, maximum=200, value=10, prefix="k = ")
        self.compare_button = QPushButton(tr("Compare metrics"))
        self.agreement_combo = QComboBox()
        self.agreement_combo.addItems(list(AGREEMENT))
        self.status = QLabel()
        self.tops_table = QTableWidget()
        self.tops_table.verticalHeader().setVisible(False)
        self.tops_table.setToolTip(tr("Shading: how many metrics have this name in their top-k."))
        self.heatmap = HeatmapView(empty_text=tr("How much the metrics' lists agree will be drawn here."))
        self.tops_hint = TableHint(self.tops_table, tr("Type a name and press “Compare metrics” to see its nearest names under every "
                                      "metric."))
        self._hub_hint = self._norm_hint = None
        self._build_diagnostics_widgets()
        self.stack = EmptyStateStack(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.query_edit.returnPressed.connect(self.compare)
        self.k_spin.valueChanged.connect(lambda _v: self.comparison is not None and not self.compare_runner.running
                                         and self.compare())
        self.agreement_combo.currentIndexChanged.connect(lambda _i: self._draw_heatmap())
        state.vectors_changed.connect(self.set_vectors)
        self.set_vectors(state.vectors)

    def _build_diagnostics_widgets(self) -> None:
        self.hub_k_spin = QSpinBox(minimum=1, maximum=100, value=10, prefix="k = ")
        self.hub_sample_spin = QSpinBox(minimum=100, maximum=1_000_000, value=10_000, singleStep=1000,
                                        prefix=tr("sample "), suffix=tr(" names"))
        self.hub_sample_spin.setGroupSeparatorShown(True)
        self.hub_metric_combo = QComboBox()
        self.hub_metric_combo.addItems(similarity.METRICS)
        self.diagnose_button = QPushButton(tr("Compute hubness and norms"))
        self.hub_plot = theme.make_plot(tr("Hubness"), HUB_X_LABEL, HUB_Y_LABEL)
        self.hub_plot.setLogMode(x=False, y=True)  # the long tail is the point: show it
        self.hub_curve = pg.PlotDataItem([], [], symbol="o", symbolSize=4, symbolPen=None)
        self.hub_plot.addItem(self.hub_curve)
        self.hubs_label = QLabel()
        self.hubs_label.setWordWrap(True)
        self.norm_plot = theme.make_plot(tr("Norm vs frequency"), NORM_X_LABEL, tr("vector norm"))
        self.norm_plot.setLogMode(x=True, y=False)
        self.norm_points = pg.PlotDataItem([], [], pen=None, symbol="o", symbolSize=3, symbolPen=None)
        self.norm_plot.addItem(self.norm_points)
        self.runner = JobRunner(self.state, status=self.hubs_label.setText, parent=self)
        self.runner.add_button(self.diagnose_button, self.diagnose)
        # one query under six metrics: 0.5-1 s over 400,000 rows, so on a worker too
        self.compare_runner = JobRunner(self.state, status=self.status.setText, parent=self)
        self.compare_runner.add_button(self.compare_button, self.compare)
        self.apply_theme()

    def apply_theme(self) -> None:
        self.hub_curve.setPen(theme.curve_pen(width=1.5))
        self.hub_curve.setSymbolBrush(theme.fill_brush(alpha=200))
        self.norm_points.setSymbolBrush(theme.fill_brush(alpha=90))
        if getattr(self, "comparison", None) is not None:
            self._fill_tops()  # cell shading comes from the palette

    def _build_content(self) -> QWidget:
        controls = QHBoxLayout()
        controls.addWidget(QLabel(tr("Query:")))
        controls.addWidget(self.query_edit, 2)
        controls.addWidget(self.k_spin)
        controls.addWidget(self.compare_button)
        controls.addSpacing(16)
        controls.addWidget(QLabel(tr("agreement:")))
        controls.addWidget(self.agreement_combo)
        controls.addWidget(HelpBadge(text=tr(GLOSSARY_AGREEMENT)))
        controls.addWidget(HelpBadge("metric"))
        top = QSplitter()
        top.addWidget(self.tops_table)
        top.addWidget(self.heatmap)
        top.setSizes([620, 480])
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(controls)
        upper_layout.addWidget(self.suggestions)  # right under the query box
        upper_layout.addWidget(self.status)
        upper_layout.addWidget(top, 1)

        diagnostics = QGroupBox(tr("Whole-space diagnostics"))
        row = QHBoxLayout()
        for widget in (with_help(QLabel(tr("Hubness:")), "hubness"), self.hub_k_spin, self.hub_sample_spin,
                       self.hub_metric_combo, self.diagnose_button):
            row.addWidget(widget)
        row.addStretch(1)
        plots = QHBoxLayout()
        hub_column = QVBoxLayout()
        hub_column.addWidget(self.hub_plot, 1)
        hub_column.addWidget(self.hubs_label)
        plots.addLayout(hub_column)
        plots.addWidget(self.norm_plot)
        lower = QVBoxLayout(diagnostics)
        lower.addLayout(row)
        lower.addLayout(plots, 1)
        splitter = QSplitter(Qt.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(diagnostics)
        splitter.setSizes([380, 320])
        return splitter

    # -- vectors ---------------------------------------------------------------
    def set_vectors(self, vectors) -> None:
        self.runner.cancel(quiet=True)
        self.compare_runner.cancel(quiet=True)
        self.vectors = vectors
        self.comparison = None
        self.tops_table.clear()
        self.tops_table.setRowCount(0)
        self.tops_table.setColumnCount(0)
        self.heatmap.clear()
        self.status.clear()
        self.hub_curve.setData([], [])
        self.hubs_label.clear()
        self.norm_points.setData([], [])
        theme.set_labels(self.hub_plot, tr("Hubness"), HUB_X_LABEL, HUB_Y_LABEL)
        theme.set_labels(self.norm_plot, tr("Norm vs frequency"), NORM_X_LABEL, tr("vector norm"))
        theme.set_log_ticks(self.hub_plot, "left", 1, 100)  # pyqtgraph's own log ticks crowd an empty plot
        theme.set_log_ticks(self.norm_plot, "bottom", 1, 1000)
        # after the labels: setting a label shows its axis again
        press = tr("Press “Compute hubness and norms”")
        self._hub_hint = set_plot_hint(self.hub_plot, self._hub_hint,
                                       tr("{press} to count how often each name is among others' nearest names.").format(press=press))
        self._norm_hint = set_plot_hint(self.norm_plot, self._norm_hint,
                                        tr("{press} to plot vector length against frequency.").format(press=press))
        if vectors is None or len(vectors) == 0:
            self.completer.set_vectors(None)
            self.stack.show_empty()
            return
        self.completer.set_vectors(vectors)
        self.hub_sample_spin.setMaximum(max(len(vectors), 100))
        self.hub_sample_spin.setValue(min(10_000, len(vectors)))
        self.stack.show_content()

    def screenshot_demo(self) -> None:
        """One query compared across metrics, and the diagnostics (``--screenshot``)."""
        name = example_name(self.vectors)
        if name is not None:
            self.query_edit.setText(name)
            self.compare()
            self.diagnose()

    # -- one query under every metric ---------------------------------------------
    def compare(self) -> None:
        if self.vectors is None:
            return
        name = self.completer.resolve(self.query_edit.text())
        if name is None:
            self.status.setText(tr("{v0!r} is not in the vocabulary.").format(v0=self.query_edit.text().strip()))
            self.suggestions.offer(self.query_edit.text())
            return
        self.suggestions.clear_links()
        self.query_edit.setText(name)
        vectors, k = self.vectors, self.k_spin.value()
        self.compare_runner.start(lambda _cancel: similarity.compare_metrics(vectors, name, k=k),
                                  lambda comparison: self._show_comparison(vectors, name, k, comparison),
                                  button=self.compare_button, name="compare-metrics",
                                  title=tr("Comparing the metrics failed"),
                                  message=tr("Searching the neighbours of <b>{v0}</b> under {n_METRICS} metrics…").format(v0=html.escape(name), n_METRICS=len(similarity.METRICS)))

    def _show_comparison(self, vectors, name: str, k: int, comparison) -> None:
        if vectors is not self.vectors:
            return
        self.comparison = comparison
        self.status.setText(tr("Top {k} neighbours of <b>{v1}</b> under each metric (darker cells: found by "
                               "more metrics).").format(k=k, v1=html.escape(name)))
        self._fill_tops()
        self._draw_heatmap()

    def _fill_tops(self) -> None:
        comparison = self.comparison
        metrics = list(comparison.metrics)
        lists = [comparison.tops[m] for m in metrics]
        found_by = Counter(n.name for top in lists for n in top)
        self.tops_table.clear()
        self.tops_table.setColumnCount(len(metrics))
        self.tops_table.setRowCount(max((len(top) for top in lists), default=0))
        self.tops_table.setHorizontalHeaderLabels(metrics)
        for column, (metric, top) in enumerate(zip(metrics, lists)):
            for row, neighbour in enumerate(top):
                item = read_only_item(neighbour.name)
                shared = found_by[neighbour.name]
                item.setToolTip(tr("{metric}: {score:.4g}; in the top-k of {shared} of {n_metrics} metrics").format(metric=metric, score=neighbour.score, shared=shared, n_metrics=len(metrics)))
                item.setBackground(theme.palette_color(QPalette.ColorRole.Highlight, int(150 * (shared - 1) / max(len(metrics) - 1, 1))))
                self.tops_table.setItem(row, column, item)
        self.tops_table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)

    def _draw_heatmap(self) -> None:
        if self.comparison is None:
            return
        label = self.agreement_combo.currentText()
        attribute, levels = AGREEMENT[label]
        self.heatmap.set_matrix(getattr(self.comparison, attribute), list(self.comparison.metrics), levels=levels,
                                title=tr("{label} between metrics' top-{v1}").format(label=label, v1=self.k_spin.value()))

    # -- hubness and norms (off the GUI thread) --------------------------------------
    @property
    def job(self):
        """The running job (hubness, or a comparison), or None."""
        return self.runner.job or self.compare_runner.job

    def diagnose(self) -> None:
        if self.vectors is None or self.runner.running:
            return
        vectors, k = self.vectors, self.hub_k_spin.value()
        sample = self.hub_sample_spin.value() if self.hub_sample_spin.value() < len(vectors) else None
        metric = self.hub_metric_combo.currentText()

        def work(cancel):
            frequency = similarity.norm_frequency(vectors) if vectors.counts is not None else None
            return similarity.hubness(vectors, k=k, sample=sample, metric=metric, cancel=cancel), frequency

        self.runner.start(work, lambda result: self._show_diagnostics(*result, k), button=self.diagnose_button,
                          message=tr("Computing…"), title=tr("Hubness failed"), name="hubness")


    def _show_diagnostics(self, hub, frequency, k: int) -> None:
        self._show_hubness(hub, k)
        self._show_norms(frequency)

    def _show_hubness(self, hub, k: int) -> None:
        set_plot_hint(self.hub_plot, self._hub_hint, "")
        values, names_per_value = hub.histogram()
        self.hub_curve.setData(values, names_per_value)
        theme.set_log_ticks(self.hub_plot, "left", 1, names_per_value.max() if len(values) else 1)
        theme.set_labels(self.hub_plot, tr("Hubness (k={k}): skewness {skew:.2f}").format(k=k, skew=hub.skew), HUB_X_LABEL, HUB_Y_LABEL)
        self.hub_plot.autoRange()
        hubs = ", ".join(f"{html.escape(name)} ({count})" for name, count in hub.hubs(self.vectors.names, top=8))
        self.hubs_label.setText(tr("{n_queries:,} query names. Biggest hubs: {hubs}").format(n_queries=hub.n_queries, hubs=hubs))

    def _show_norms(self, frequency) -> None:
        if frequency is None:
            theme.set_labels(self.norm_plot, tr("Norm vs frequency: these vectors carry no frequencies"))
            self.norm_points.setData([], [])
            set_plot_hint(self.norm_plot, self._norm_hint, tr("These vectors carry no frequencies (counts): there is no norm-against-frequency "
                             "plot to draw."))
            return
        set_plot_hint(self.norm_plot, self._norm_hint, "")
        counts = np.asarray(frequency.counts)[:MAX_SCATTER_POINTS]
        norms = np.asarray(frequency.norms)[:MAX_SCATTER_POINTS]
        keep = counts > 0
        self.norm_points.setData(counts[keep], norms[keep])
        if keep.any():
            theme.set_log_ticks(self.norm_plot, "bottom", counts[keep].min(), counts[keep].max())
        theme.set_labels(self.norm_plot, tr("Norm vs frequency: Spearman ρ = {spearman:.2f}").format(spearman=frequency.spearman),
                   NORM_X_LABEL, tr("vector norm"))
        self.norm_plot.autoRange()
