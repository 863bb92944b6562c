"""The map's table: every point on the map as a row (name, count, metadata, trust), sortable,
with a filter box whose matches are selected on the map; the selection is shared both ways.

Typing ``genres = Sci-Fi AND count > 50`` and Enter shows the matching rows and selects those
points on the map through the map's own selection (so the selection panel's Isolate, Show all,
Clear and "send to" work on them); a click on a row selects its point, and a click, box or lasso
on the map selects its rows. The language, its errors and the columns are Qt-free
(``core.analysis.map_filter``, ``map_columns``); an error shows in red under the box.

A table model, not a QTableWidget: rows are made as they are drawn, so a map of 400,000 points
costs no item objects, and sorting is numpy's (``MapColumn.sort_order``), not a proxy model
comparing strings in Python. The columns are read when the table is first needed (shown, or a
filter typed), so a hidden table costs a large map nothing.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from w2v_desktop.core.analysis import FilterError, filter_mask, projection_columns
from w2v_desktop.core.analysis.map_colour import HIGHLIGHT
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr, tr_phrase

MAX_RANGES = 1_000        # row runs highlighted for a map selection (more: the first ones; each costs
                          # Qt's selection model time on every sort: 10,000 took 0.5 s a sort)
MAX_COLUMN_WIDTH = 320    # a long title does not push the other columns out of view
FIT_ROWS = 100            # rows measured to fit the column widths (each cell measured is a Python call)
FILTER_HELP = QT_TR_NOOP(
    "Columns: name, count, trust, x, y (and z on a 3-D map) and the metadata (a unique start of the name is enough).\n"
    "Compare with = != < <= > >= and ~ or contains (text, any case); combine with AND, OR, NOT and "
    "parentheses.\nOn a multi-label column, genres = Sci-Fi means “has the value Sci-Fi”. Quote values with "
    "spaces, quotes or parentheses: title ~ \"Heat (1995)\". Enter applies the filter and selects the "
    "matching points on the map.")


class MapTableModel(QAbstractTableModel):
    """The rows shown: the map's points that pass the filter, in the chosen order. ``reordering``
    comes before a sort, while the view's selection can still be dropped cheaply (Qt would
    otherwise keep every selected range through the sort, and the table puts it back after)."""

    reordering = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns = None          # MapColumns of the map, or None
        self.shown: list = []        # the MapColumn of each table column
        self.rows = np.zeros(0, np.int64)   # point index of each table row
        self.mask = None             # the filter's matches, or None: every point
        self.order = None            # point indices in the sort order, or None: map order
        self.position = np.zeros(0, np.int64)   # table row of each point, -1 where not shown

    def set_columns(self, columns) -> None:
        self.beginResetModel()
        self.columns = columns
        self.shown = [] if columns is None else [columns.columns[name] for name in columns.shown()]
        self.mask, self.order = None, None
        self._update_rows()
        self.endResetModel()

    def set_mask(self, mask) -> None:
        self.beginResetModel()
        self.mask = mask
        self._update_rows()
        self.endResetModel()

    def _update_rows(self) -> None:
        n = 0 if self.columns is None else len(self.columns)
        rows = np.arange(n, dtype=np.int64) if self.order is None else self.order
        self.rows = rows if self.mask is None else rows[self.mask[rows]]
        self.position = np.full(n, -1, np.int64)
        self.position[self.rows] = np.arange(len(self.rows))

    # -- Qt's model interface -------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.shown)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.shown[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.display(int(self.rows[index.row()]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.name in ("count", "trust"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            name = self.shown[section].name
            return tr(name) if name in ("name", "count", "trust") else name
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort in numpy; a column of -1 puts the map order (most frequent first) back."""
        self.reordering.emit()
        self.layoutAboutToBeChanged.emit()
        if column < 0 or column >= len(self.shown):
            self.order = None
        else:
            self.order = self.shown[column].sort_order(descending=order == Qt.SortOrder.DescendingOrder)
        self._update_rows()
        self.changePersistentIndexList(self.persistentIndexList(), [QModelIndex()] * len(self.persistentIndexList()))
        self.layoutChanged.emit()


class MapTable(QWidget):
    """The table and filter box for ``scatter_map``; ``toggle`` shows or hides it. Call
    ``set_data(vectors, result)`` with each map drawn (None: no map)."""

    def __init__(self, scatter_map, parent=None):
        super().__init__(parent)
        self.map = scatter_map
        self.vectors = self.result = None
        self.columns = None          # made on first need
        self._syncing = False        # a selection being passed on: do not echo it back
        self.model = MapTableModel(self)
        self.filter_edit = QLineEdit(placeholderText=tr("filter, e.g. genres = Sci-Fi AND count > 50"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(tr(FILTER_HELP))
        self.count_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {HIGHLIGHT};")   # vermillion: legible on light and dark
        self.error_label.hide()
        self.view = self._make_view()
        self.toggle = QCheckBox(tr("Table of the points (sort, filter)"))
        self.toggle.setToolTip(tr("A table of the points on the map below it; a filter selects on the map"))
        self._layout()
        self.filter_edit.returnPressed.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(lambda text: self.apply_filter() if not text.strip() else None)
        self.toggle.toggled.connect(self.setVisible)
        self.map.selection_changed.connect(self._map_selected)
        self.view.selectionModel().selectionChanged.connect(self._rows_selected)
        # a sort or a new filter drops the view's selection: not the map's (it is put back after)
        for about in (self.model.layoutAboutToBeChanged, self.model.modelAboutToBeReset):
            about.connect(lambda *_a: setattr(self, "_syncing", True))
        self.model.reordering.connect(self._drop_view_selection)
        for done in (self.model.layoutChanged, self.model.modelReset):
            done.connect(self._rows_changed)
        self.setVisible(False)

    def _make_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)   # no per-row measuring
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)   # map order first
        view.setSortingEnabled(True)
        return view

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        layout.addLayout(top)
        layout.addWidget(self.error_label)
        layout.addWidget(self.view, 1)

    def beside(self, widget) -> QSplitter:
        """``widget`` (the map) with this table under it, in a splitter."""
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(widget)
        splitter.addWidget(self)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    # -- data -------------------------------------------------------------------------------
    def set_data(self, vectors, result) -> None:
        """A new map (or none): its rows, the filter in the box applied to them."""
        self.vectors, self.result = vectors, result
        self.columns = None
        self.model.set_columns(None)
        if result is None:
            self.error_label.hide()   # an error about the old map's filter says nothing about no map
        if self.isVisible() or self.filter_edit.text().strip():
            self._ensure_columns()
            self.apply_filter()
        self._update_count()

    def _ensure_columns(self) -> bool:
        if self.columns is None and self.result is not None:
            self.columns = projection_columns(self.result, self.vectors)
            self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.model.set_columns(self.columns)
            self._fit_columns()
            self._map_selected(self.map.selection)
        return self.columns is not None

    def _fit_columns(self) -> None:
        self.view.resizeColumnsToContents()   # the rows in view and FIT_ROWS others, not all
        for c in range(self.model.columnCount()):
            self.view.setColumnWidth(c, min(self.view.columnWidth(c), MAX_COLUMN_WIDTH))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.columns is None and self._ensure_columns():
            self._update_count()

    # -- the filter -------------------------------------------------------------------------
    def apply_filter(self) -> None:
        """Show the rows that match the box's filter and select their points on the map (a
        blank box: every row, the selection left as it is)."""
        if not self._ensure_columns():
            return
        text = self.filter_edit.text()
        try:
            mask = filter_mask(text, self.columns)
        except FilterError as exc:
            self.error_label.setText("⚠ " + tr_phrase(exc.args[0]))
            self.error_label.show()
            return
        self.error_label.hide()
        blank = not text.strip()
        self.model.set_mask(None if blank else mask)
        self._update_count()
        if blank:
            self._map_selected(self.map.selection)
            return
        chosen = np.flatnonzero(mask)
        if self.map.keep is not None and not self.map.keep[chosen].all():
            self.map.show_all()   # matches hidden by an isolation: show them to select them
        self.map.select(chosen.tolist())

    def _update_count(self) -> None:
        if self.columns is None:
            self.count_label.setText(tr("{n:,} points").format(n=len(self.result.names)) if self.result else "")
        elif self.model.mask is None:
            self.count_label.setText(tr("{n:,} points").format(n=len(self.columns)))
        else:
            self.count_label.setText(tr("{n:,} of {total:,} points match").format(
                n=len(self.model.rows), total=len(self.columns)))

    # -- the selection, both ways ---------------------------------------------------------------
    def _map_selected(self, indices) -> None:
        """The map's selection changed: highlight those rows (not when it is exactly the rows
        shown, as after a filter: a table all highlighted is hard to read) and scroll to the first."""
        if self._syncing or self.columns is None:
            return
        positions = self.model.position[np.asarray(indices, dtype=np.int64)] if len(indices) else np.zeros(0, np.int64)
        positions = positions[positions >= 0]
        everything = len(positions) == self.model.rowCount() > 1
        selection = QItemSelection()
        if len(positions) and not everything:
            runs = _runs(np.sort(positions))
            last = self.model.columnCount() - 1
            for start, stop in runs[:MAX_RANGES]:
                selection.select(self.model.index(int(start), 0), self.model.index(int(stop), last))
        self._syncing = True
        try:
            self.view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if len(positions) and not everything:
                self.view.scrollTo(self.model.index(int(positions[0]), 0), QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False

    def _drop_view_selection(self) -> None:
        self._syncing = True   # the map keeps its selection: the rows are highlighted again after
        self.view.selectionModel().clear()

    def _rows_changed(self, *_args) -> None:
        self._syncing = False
        self._map_selected(self.map.selection)

    def _rows_selected(self, *_args) -> None:
        """Rows chosen in the table: select their points on the map (one row: centred on it)."""
        if self._syncing or self.columns is None:
            return
        ranges = self.view.selectionModel().selection()
        parts = [self.model.rows[r.top():r.bottom() + 1] for r in ranges]
        chosen = np.unique(np.concatenate(parts)) if parts else np.zeros(0, np.int64)
        if len(chosen) > 1:   # keep the table's first row first: the focus whose neighbours are shown
            first = self.model.rows[min(r.top() for r in ranges)]
            chosen = np.concatenate([[first], chosen[chosen != first]])
        self._syncing = True
        try:
            if len(chosen) and self.map.keep is not None and not self.map.keep[chosen].all():
                self.map.show_all()
            self.map.select(chosen.tolist())
            if len(chosen) == 1:
                self.map.center_on(int(chosen[0]))
        finally:
            self._syncing = False


def _runs(sorted_positions: np.ndarray) -> list[tuple[int, int]]:
    """Consecutive runs of sorted row numbers as (first, last) pairs."""
    breaks = np.flatnonzero(np.diff(sorted_positions) != 1)
    starts = np.concatenate([[0], breaks + 1])
    stops = np.concatenate([breaks, [len(sorted_positions) - 1]])
    return list(zip(sorted_positions[starts].tolist(), sorted_positions[stops].tolist()))
