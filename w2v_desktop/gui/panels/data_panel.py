"""The Data tab: what was loaded, its Zipf curve and sentence lengths, and what
``min_count`` will drop (updated live as the value is edited)."""
from __future__ import annotations

import html
import math
import os

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
                               QSpinBox, QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from w2v_desktop.core.text import CorpusSummary, summarize_corpus
from w2v_desktop.core.vectors.summary import summarize_vectors
from w2v_desktop.gui import theme
from w2v_desktop.gui.panels.vectors_view import VectorsView, format_label
from w2v_desktop.gui.widgets.empty_state import EmptyStateStack
from w2v_desktop.gui.i18n import QT_TR_NOOP, counted, tr, tr_phrase

MIN_COUNT_TIP = (QT_TR_NOOP("Words (or items) seen fewer than min_count times are dropped before training: "
                            "they get no vector and are skipped in the sentences. Rare words learn poor "
                            "vectors and inflate the vocabulary; for item data, too high a value leaves few "
                            "items."))
MAX_VOCAB_TIP = QT_TR_NOOP("Keep at most this many of the most frequent words (none: no limit).")
NO_DATA = (QT_TR_NOOP("<b>No data yet.</b><br><br>Open a text corpus or a ratings file to train on "
                      "(the buttons above, or the File menu), or open vectors to explore (File → Open "
                      "vectors…).<br>Drop any of them on the window to open it."))


class DataPanel(QWidget):
    title = QT_TR_NOOP("Data")
    open_text_requested = Signal()
    open_ratings_requested = Signal()

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.summary: CorpusSummary | None = None
        self.vectors_summary = None  # core VectorsSummary of the vectors shown, or None
        self._build()
        state.corpus_changed.connect(self._on_corpus_changed)
        state.config_changed.connect(self._on_config_changed)
        state.vectors_changed.connect(self._on_vectors_changed)
        state.document_changed.connect(lambda _p: self._show_page())
        self._on_config_changed(state.config)
        if state.corpus is not None:
            self._on_corpus_changed(state.corpus)
        self._on_vectors_changed(state.vectors)

    # -- layout ------------------------------------------------------------------
    def _build(self) -> None:
        self.info = QLabel(tr("No data loaded."))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_text = QPushButton(tr("Open text…"))
        open_text.clicked.connect(self.open_text_requested)
        open_ratings = QPushButton(tr("Open ratings…"))
        open_ratings.clicked.connect(self.open_ratings_requested)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(open_text)
        top.addWidget(open_ratings)

        self.zipf_plot = theme.make_plot(tr("Word frequency by rank (Zipf)"), QT_TR_NOOP("rank"), QT_TR_NOOP("count"))
        self.zipf_plot.setLogMode(x=True, y=True)
        self.kept_curve = self.zipf_plot.plot([], [], name="kept")
        self.dropped_curve = self.zipf_plot.plot([], [], name="dropped by min_count")
        self.cutoff_line = pg.InfiniteLine(angle=0, movable=False, label="min_count",
                                           labelOpts={"position": 0.95, "anchors": [(1, 1), (1, 1)]})
        self.zipf_plot.addItem(self.cutoff_line)
        self.length_plot = theme.make_plot(tr("Sentence length"), tr("tokens per sentence"), QT_TR_NOOP("sentences"))
        self.length_curve = self.length_plot.plot([], [], stepMode="center", fillLevel=0)
        plots = QSplitter(Qt.Orientation.Horizontal)
        plots.addWidget(self.zipf_plot)
        plots.addWidget(self.length_plot)

        self.min_count = QSpinBox()
        self.min_count.setRange(1, 1_000_000)
        self.min_count.setToolTip(tr(MIN_COUNT_TIP))
        self.min_count.valueChanged.connect(self._on_filter_edited)
        self.max_vocab = QSpinBox()
        self.max_vocab.setRange(0, 2_000_000_000)
        self.max_vocab.setSpecialValueText(tr("none"))
        self.max_vocab.setToolTip(tr(MAX_VOCAB_TIP))
        self.max_vocab.valueChanged.connect(self._on_filter_edited)
        self.report = QLabel()
        self.report.setWordWrap(True)
        filters = QFormLayout()
        filters.addRow(tr("min_count"), self.min_count)
        filters.addRow(tr("max_vocab"), self.max_vocab)
        filters.addRow(self.report)
        filter_box = QGroupBox(tr("Vocabulary filter"))
        filter_box.setLayout(filters)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        preview_box = QGroupBox(tr("Preview"))
        box_layout = QVBoxLayout(preview_box)
        box_layout.addWidget(self.preview)
        bottom = QHBoxLayout()
        bottom.addWidget(filter_box, 1)
        bottom.addWidget(preview_box, 2)

        corpus_page = QWidget()
        corpus_layout = QVBoxLayout(corpus_page)
        corpus_layout.setContentsMargins(0, 0, 0, 0)
        corpus_layout.addWidget(plots, 3)
        corpus_layout.addLayout(bottom, 1)
        self.vectors_view = VectorsView()
        self.pages = QStackedWidget()
        self.pages.addWidget(corpus_page)
        self.pages.addWidget(self.vectors_view)
        self.stack = EmptyStateStack(self.pages, NO_DATA)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.apply_theme()

    def apply_theme(self) -> None:
        self.kept_curve.setPen(theme.curve_pen())
        self.dropped_curve.setPen(theme.curve_pen(QPalette.ColorRole.Mid))
        self.cutoff_line.setPen(theme.marker_pen())
        self.cutoff_line.label.setColor(theme.palette_color(QPalette.ColorRole.Text))
        self.length_curve.setPen(theme.curve_pen(width=1))
        self.length_curve.setBrush(theme.fill_brush())

    # -- state -> view ---------------------------------------------------------------
    def showing_vectors(self) -> bool:
        """The vectors page is shown for vectors opened on their own, or opened after the corpus."""
        state = self.state
        return state.vectors is not None and (
            state.corpus is None or bool(state.vectors_path) and state.document_path == state.vectors_path)

    def _show_page(self) -> None:
        if self.showing_vectors():
            self.pages.setCurrentWidget(self.vectors_view)
            self.stack.show_content()
            self._describe_vectors()
        elif self.state.corpus is not None:
            self.pages.setCurrentIndex(0)
            self.stack.show_content()
            if self.summary is not None:
                self._describe_corpus(self.summary)
        else:
            self.info.setText(tr("No data loaded."))
            self.info.setToolTip("")
            self.stack.show_empty()

    def _on_vectors_changed(self, vectors) -> None:
        self.vectors_summary = None
        self.vectors_view.clear()
        if vectors is not None and self.showing_vectors():
            self.state.run_in_worker(lambda: summarize_vectors(vectors), lambda s: self._vectors_summarized(vectors, s),
                                     title=tr("Could not summarise the vectors"), name="summarize-vectors")
        self._show_page()

    def _vectors_summarized(self, vectors, summary) -> None:
        if vectors is self.state.vectors:
            self.vectors_summary = summary
            self.vectors_view.show_summary(summary)
            self._show_page()

    def _describe_vectors(self) -> None:
        vectors, summary = self.state.vectors, self.vectors_summary
        source = self.state.vectors_path or (summary.source if summary else "")
        self.info.setToolTip(source)
        name = html.escape(os.path.basename(source) or "vectors")
        facts = [tr("{n_vectors:,} names × {dim} dimensions").format(n_vectors=len(vectors), dim=vectors.dim)]
        if summary is not None and summary.format:
            facts.append(html.escape(format_label(summary.format)))
        facts.append(tr("with frequencies") if vectors.counts is not None else tr("no frequencies (rows in file order)"))
        if summary is not None and summary.zero_rows:
            facts.append(counted(summary.zero_rows, tr("zero vector", "counted"), tr("zero vectors", "counted")))
        corpus = self.state.corpus
        data = (tr("Training data: {v0} (Train uses it).").format(v0=html.escape(os.path.basename(self.state.source_path) or 'corpus')) if corpus is not None else
                tr("Opened without a corpus: open one to train, or to see words in context."))
        separator = " \N{MIDDLE DOT} "
        self.info.setText(tr("<b>{name}</b><br>{v1}<br>{data}").format(name=name, v1=separator.join(facts), data=data))

    def _on_corpus_changed(self, corpus) -> None:
        self.summary = None
        if corpus is None:
            self._clear_plots()
            self._show_page()
            return
        self._show_page()
        self.info.setText(tr("Summarising {v0}…").format(v0=self.state.source_path or 'corpus'))
        self.state.run_in_worker(lambda: summarize_corpus(corpus), self._show_summary,
                                 title=tr("Could not summarise the corpus"), name="summarize")

    def _show_summary(self, summary: CorpusSummary) -> None:
        if self.state.corpus is None:
            return
        self.summary = summary
        items = self.state.interactions is not None
        plot = self.length_plot.getPlotItem()
        plot.setTitle(tr("Sequence length") if items else tr("Sentence length"))
        plot.setLabel("left", tr("sequences") if items else tr("sentences"))
        plot.setLabel("bottom", tr("items per sequence") if items else tr("tokens per sentence"))
        self.zipf_plot.getPlotItem().setTitle(tr("Item frequency by rank (Zipf)") if items else tr("Word frequency by rank (Zipf)"))
        self._show_page()
        self.length_curve.setData(summary.length_edges, summary.length_hist)
        notes = [tr_phrase(line) for line in self.state.data_report]
        lines = notes + [""] + [tr("First sequences:") if items else tr("First sentences:")] + summary.preview if notes else summary.preview
        self.preview.setPlainText("\n".join(lines))
        if len(summary.zipf_counts):
            theme.set_log_ticks(self.zipf_plot, "bottom", 1, summary.zipf_ranks[-1])
            theme.set_log_ticks(self.zipf_plot, "left", 1, summary.zipf_counts[0])
        self._update_filter_view()

    def _describe_corpus(self, summary: CorpusSummary) -> None:
        unit = tr("sequences") if self.state.interactions is not None else tr("sentences")
        source = self.state.source_path
        self.info.setToolTip(source)  # the whole path on hover; the name is what users recognise
        name = html.escape(os.path.basename(source) or "corpus")
        self.info.setText(tr("<b>{name}</b><br>{n_sentences:,} {unit}, {n_tokens:,} tokens, {n_types:,} "
                             "distinct").format(name=name, n_sentences=summary.n_sentences, unit=unit, n_tokens=summary.n_tokens, n_types=summary.n_types))

    def _clear_plots(self) -> None:
        for curve in (self.kept_curve, self.dropped_curve, self.length_curve):
            curve.setData([], [])
        self.preview.clear()
        self.report.clear()

    def _on_config_changed(self, config) -> None:
        for spin, value in ((self.min_count, config.min_count), (self.max_vocab, config.max_vocab or 0)):
            if spin.value() != value:
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self._update_filter_view()

    def _on_filter_edited(self) -> None:
        max_vocab = self.max_vocab.value() or None
        self.state.set_config(self.state.config.replace(min_count=self.min_count.value(), max_vocab=max_vocab))
        self._update_filter_view()

    def _update_filter_view(self) -> None:
        corpus, summary = self.state.corpus, self.summary
        if corpus is None or summary is None:
            return
        from w2v_desktop.core.train import report_for

        report = report_for(corpus.counts, self.min_count.value(), self.max_vocab.value() or None)
        self.report.setText(describe_report(report, self.min_count.value()))
        kept = report.kept_types
        ranks, counts = summary.zipf_ranks, summary.zipf_counts
        split = summary.zipf_points_within(kept)
        # Overlap by one point so the two curves join.
        self.kept_curve.setData(ranks[:split], counts[:split])
        self.dropped_curve.setData(ranks[max(split - 1, 0):], counts[max(split - 1, 0):])
        self.cutoff_line.setPos(math.log10(max(self.min_count.value(), 1)))  # log-mode axes


def describe_report(report, min_count: int) -> str:
    share = report.kept_types / report.total_types if report.total_types else 0.0
    return (tr("Keeps <b>{kept_types:,}</b> of {total_types:,} distinct words ({share:.0%}), "
               "covering <b>{coverage:.1%}</b> of {total_tokens:,} tokens.<br>Drops {v5} seen "
               "fewer than {v6} ({v7}).").format(kept_types=report.kept_types, total_types=report.total_types, share=share, coverage=report.coverage, total_tokens=report.total_tokens, v5=counted(report.dropped_types, tr("word", "counted"), tr("words", "counted")), v6=counted(min_count, tr("time"), tr("times")), v7=counted(report.dropped_tokens, tr("token", "counted"), tr("tokens", "counted"))))

