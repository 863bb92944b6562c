"""Compare two runs over the same names: the current vectors and a file.

After an orthogonal Procrustes alignment (core.align), lists the names that
moved most and, per name, how many of its k nearest neighbours both runs
share. Selecting a name shows its neighbours in each run side by side.
"""
from __future__ import annotations

import html
import os

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QSpinBox, QSplitter, QTableWidget, QVBoxLayout,
                               QWidget)

from w2v_desktop.core.analysis import align, iter_map_comparison
from w2v_desktop.core.cancel import CancelToken

from w2v_desktop.core.vectors import similarity
from w2v_desktop.core.formats import load_vectors
from w2v_desktop.core.train import train
from w2v_desktop.gui.jobs import JobRunner
from w2v_desktop.gui.widgets.empty_state import EmptyStateStack, TableHint
from w2v_desktop.gui.widgets.neighbour_table import NAME_ROLE, NeighbourTable, meta_columns, read_only_item
from w2v_desktop.gui.widgets.similarity_bar import BAR_ROLE, SimilarityBarDelegate
from w2v_desktop.gui.i18n import counted, tr

MAX_ROWS = 2000  # rows listed in the table (the names that moved most first)


class ComparePanel(QWidget):
    """``map_requested(comparison, label_a, label_b)``: "Show on the map" has laid out both runs
    (core ``MapComparison``); the main window hands it to the map tab."""

    map_requested = Signal(object, str, str)

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.vectors = None
        self.other = None        # the second run, loaded from a file
        self.other_path = ""
        self.shared = 0          # names both runs hold
        self.alignment = None
        self.file_label = QLabel(tr("No second run loaded."))
        self.file_label.setWordWrap(True)
        self.load_button = QPushButton(tr("Load second run…"))
        self.k_spin = QSpinBox(minimum=1, maximum=100, value=10, prefix=tr("overlap@k, k = "))
        self.limit_spin = QSpinBox(minimum=50, maximum=100_000, value=align.DEFAULT_LIMIT, singleStep=1000,
                                   prefix=tr("the "), suffix=tr(" most frequent shared names"))
        self.limit_spin.setGroupSeparatorShown(True)
        self.align_button = QPushButton(tr("Align and compare"))
        self.map_button = QPushButton(tr("Show on the map"))
        self.map_button.setToolTip(tr("Both runs on one map (PCA of the current run and the aligned second run), "
                                      "with arrows for the names that moved most"))
        self.progress = QProgressBar(maximum=1000)
        self.filter_edit = QLineEdit(placeholderText=tr("filter names…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.summary = QLabel(tr("Load a second vectors file trained on the same data (another seed, another "
                                 "setting, a later date) to see which names moved."))
        self.summary.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.setItemDelegateForColumn(1, SimilarityBarDelegate(self.table))
        self.table.setItemDelegateForColumn(2, SimilarityBarDelegate(self.table))
        self.current_neighbours = NeighbourTable()
        self.other_neighbours = NeighbourTable()
        self.current_title, self.other_title = QLabel(tr("Current run")), QLabel(tr("Second run"))
        self.table_hint = TableHint(self.table, tr("Load a second run, then press “Align and compare”: the names that moved most "
                                       "are listed here."))
        self.neighbour_hints = [TableHint(t, tr("Select a name on the left to see its nearest names in this run."))
                                for t in (self.current_neighbours, self.other_neighbours)]
        self.stack = EmptyStateStack(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.runner = JobRunner(state, status=self.summary.setText, progress=self.progress, parent=self)
        self.runner.add_button(self.load_button, self._ask_load)
        self.runner.add_button(self.align_button, self.run_alignment)
        self.runner.add_button(self.map_button, self.show_on_map)
        self.runner.ended.connect(self._enable_align)
        self.filter_edit.textChanged.connect(self._filter)
        self.table.itemSelectionChanged.connect(self._show_selected)
        for table in (self.current_neighbours, self.other_neighbours):
            table.context_requested.connect(state.request_context)
        self._enable_align()
        state.vectors_changed.connect(self.set_vectors)
        self.set_vectors(state.vectors)

    def _build_content(self) -> QWidget:
        top = QHBoxLayout()
        top.addWidget(self.load_button)
        top.addWidget(self.file_label, 1)
        options = QHBoxLayout()
        for widget in (self.k_spin, self.limit_spin, self.align_button, self.map_button):
            options.addWidget(widget)
        options.addWidget(self.progress, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        for title, table in ((self.current_title, self.current_neighbours), (self.other_title, self.other_neighbours)):
            right_layout.addWidget(title)
            right_layout.addWidget(table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 540])
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        return content

    # -- inputs ------------------------------------------------------------------------
    def set_vectors(self, vectors) -> None:
        if self.runner.running and self.runner.job.name == "align":  # reading the second run goes on
            self.runner.cancel(quiet=True)
            self.summary.setText(tr("The current vectors changed: press Align and compare again."))
        self.vectors = vectors
        self._clear_results()
        if self.other is not None:
            self.set_other(self.other, self.other_path)  # recount the shared names
        if vectors is None or len(vectors) == 0:
            self.stack.show_empty()
            return
        self.stack.show_content()

    def _ask_load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Second run's vectors"), os.path.dirname(self.other_path),
                                              tr("Vectors files (*.txt *.vec *.bin *.npz *.npy *.tsv *.csv);;All files (*)"))
        if path:
            self.load_other(path)

    def load_other(self, path: str) -> None:
        """Read a vectors file off the GUI thread (large text files take seconds)."""
        self.progress.setRange(0, 0)   # reading cannot tell how far it is
        self.runner.start(lambda _cancel: load_vectors(path), lambda v: self.set_other(v, path),
                          button=self.load_button, status=self.file_label.setText,
                          message=tr("Reading {v0}…").format(v0=os.path.basename(path)),
                          title=tr("Could not read the vectors file"), name="load-vectors")

    def set_other(self, vectors, path: str = "") -> None:
        self.other, self.other_path = vectors, path
        self._clear_results()
        self.shared = sum(1 for name in vectors.names if name in self.vectors.index) if self.vectors else 0
        self.file_label.setText(tr("<b>{v0}</b>: {n_vectors:,} names × {dim} dimensions; {v3} shared with the "
                                   "current run.").format(v0=html.escape(os.path.basename(path) or tr("second run")), n_vectors=len(vectors), dim=vectors.dim, v3=counted(self.shared, tr("name", "counted"), tr("names", "counted"))))
        self.other_title.setText(tr("Second run ({v0})").format(v0=html.escape(os.path.basename(path))))
        self._enable_align()

    def _enable_align(self) -> None:
        if not self.runner.running:
            self.align_button.setEnabled(self.other is not None and self.shared > self.k_spin.value())
            self.map_button.setEnabled(self.alignment is not None)

    def screenshot_demo(self) -> None:
        """Train the same data again with another seed, align, select the name that moved most."""
        corpus, config = self.state.corpus, self.state.config
        if self.vectors is None or corpus is None:
            return
        second = config.replace(seed=config.seed + 1)
        self.file_label.setText(tr("Training a second run with seed {seed}…").format(seed=second.seed))
        self.state.run_in_worker(lambda: train(corpus, second), name="second-run", title=tr("Second run failed"),
                                 on_done=lambda vectors: self._compare_demo(vectors, tr("same data, seed {seed}").format(seed=second.seed)))

    def _compare_demo(self, vectors, label: str) -> None:
        self.set_other(vectors, label)
        self.run_alignment()

    # -- alignment (worker, a generator: progress and cancel) ----------------------------
    @property
    def job(self):
        return self.runner.job

    def run_alignment(self) -> None:
        if self.vectors is None or self.other is None or self.runner.running:
            return
        steps = align.iter_align(self.vectors, self.other, k=self.k_spin.value(), limit=self.limit_spin.value())
        self.progress.setRange(0, 1000)
        self.runner.start(steps, self.show_alignment, button=self.align_button,
                          on_progress=lambda f: self.progress.setValue(int(1000 * f)),
                          message=tr("Aligning…"), title=tr("Comparison failed"), name="align")

    def show_on_map(self) -> None:
        """Lay out both runs over the compared names (worker), then ask for the map tab."""
        if self.alignment is None or self.runner.running:
            return
        token = CancelToken()   # Cancel also reaches inside the layout and trust steps, not only between them
        steps = iter_map_comparison(self.vectors, self.other, names=self.alignment.names, cancel=token)
        label_a = os.path.basename(self.state.vectors_path) or tr("current run")
        label_b = os.path.basename(self.other_path) or tr("second run")
        self.progress.setRange(0, 1000)
        job = self.runner.start(steps, lambda result: self.map_requested.emit(result, label_a, label_b),
                                button=self.map_button, on_progress=lambda f: self.progress.setValue(int(1000 * f)),
                                message=tr("Laying out both runs on one map…"), title=tr("Could not map the two runs"),
                                name="map-compare")
        if job is not None:
            job.add_cancel_callback(token.cancel)

    # -- results ---------------------------------------------------------------------------
    def _clear_results(self) -> None:
        self.alignment = None
        self.map_button.setEnabled(False)
        self.table.setRowCount(0)
        self.current_neighbours.setRowCount(0)
        self.other_neighbours.setRowCount(0)

    def show_alignment(self, result) -> None:
        self.alignment = result
        self.map_button.setEnabled(True)
        self.summary.setText(
            tr("{n_names:,} shared names compared. Mean neighbour overlap@{k}: <b>{v2:.2f}</b> "
               "(1 = same neighbours in both runs); mean cosine distance moved after alignment: "
               "<b>{v3:.3f}</b>. ").format(n_names=len(result.names), k=result.k, v2=result.overlap.mean(), v3=result.moved.mean())
            + (tr("The table lists the {MAX_ROWS:,} that moved most; ").format(MAX_ROWS=MAX_ROWS) if len(result.names) > MAX_ROWS else "")
            + tr("sorted by distance moved; click a column header to sort by another."))
        self._fill_table(result)

    def _fill_table(self, result) -> None:
        meta = meta_columns(self.vectors)
        headers = [tr("name"), tr("moved"), tr("overlap@{k}").format(k=result.k)] + list(meta)
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        order = result.most_moved(MAX_ROWS)
        self.table.setRowCount(len(order))
        top_moved = float(result.moved[order[0]]) if order else 1.0
        for row, i in enumerate(order):
            name = result.names[i]
            # fixed-width text sorts like the numbers (both lie in [0, 2])
            cells = [read_only_item(name), read_only_item(f"{result.moved[i]:.4f}"),
                     read_only_item(f"{result.overlap[i]:.2f}")]
            cells[0].setData(NAME_ROLE, name)
            cells[1].setData(BAR_ROLE, float(result.moved[i]) / top_moved if top_moved > 0 else 0.0)
            cells[2].setData(BAR_ROLE, float(result.overlap[i]))
            vector_row = self.vectors.index[name]
            cells += [read_only_item(str(values[vector_row])) for values in meta.values()]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Fixed)
        header.setSectionResizeMode(2, QHeaderView.Fixed)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(2, 110)
        header.setStretchLastSection(True)
        self.table.sortItems(1, Qt.DescendingOrder)
        self._filter(self.filter_edit.text())
        self._select_first_shown()

    def _select_first_shown(self) -> None:
        """Select the first listed name, so both neighbour lists show something at once."""
        for row in range(self.table.rowCount()):
            if not self.table.isRowHidden(row):
                self.table.selectRow(row)
                return

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.table.rowCount()):
            texts = (self.table.item(row, c).text().casefold() for c in range(self.table.columnCount())
                     if c not in (1, 2) and self.table.item(row, c))
            self.table.setRowHidden(row, bool(needle) and not any(needle in t for t in texts))

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.alignment is None:
            return
        name = self.table.item(rows[0].row(), 0).data(NAME_ROLE)
        self.show_neighbours(name)

    def show_neighbours(self, name: str) -> None:
        """``name``'s neighbours in each run, among the names both runs share (as compared)."""
        k = self.alignment.k
        shared = np.array([self.vectors.index[n] for n in self.alignment.names])
        mine = similarity.nearest(self.vectors, name, k=k, exclude=_rows_outside(len(self.vectors), shared))
        shared_other = np.array([self.other.index[n] for n in self.alignment.names])
        theirs = similarity.nearest(self.other, name, k=k, exclude=_rows_outside(len(self.other), shared_other))
        self.current_neighbours.show_neighbours(mine, self.vectors, "cosine")
        self.other_neighbours.show_neighbours(theirs, self.other, "cosine")
        both = {n.name for n in mine} & {n.name for n in theirs}
        self.current_title.setText(tr("Current run: neighbours of <b>{v0}</b> ({n_both} of {k} in both runs)").format(v0=html.escape(name), n_both=len(both), k=k))


def _rows_outside(n_rows: int, kept_rows: np.ndarray) -> list[int]:
    """Rows to exclude so a search stays among the compared names."""
    outside = np.ones(n_rows, dtype=bool)
    outside[kept_rows] = False
    return np.flatnonzero(outside).tolist()
