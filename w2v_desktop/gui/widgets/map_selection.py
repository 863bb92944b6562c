"""The map's selection panel: the selected point's nearest neighbours in the vectors' own space
(the Neighbours panel's search, so scores agree) and on the map; a click on a row selects that
point and centres it. Isolate / show all / clear, and send the selection to Neighbours, Analogy
or a CSV file (names, map coordinates, trust, metadata)."""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QGridLayout, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from w2v_desktop.core.analysis import map_neighbours
from w2v_desktop.core.formats import save_coordinates
from w2v_desktop.core.vectors import similarity
from w2v_desktop.gui.widgets.name_completer import titles_of
from w2v_desktop.gui.widgets.neighbour_table import (NAME_ROLE, PREFERRED_COLUMNS, NeighbourTable, meta_columns,
                                                      read_only_item, score_header)
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr, counted

HINT = (QT_TR_NOOP("Click a point to select it (Ctrl+click adds), Shift+drag for a box, Ctrl+drag for a lasso."))


class MapSelection(QWidget):
    """Shows what ``map`` (a ScatterMap) has selected; ``state`` receives names sent on."""

    def __init__(self, state, map_widget, parent=None):
        super().__init__(parent)
        self.state = state
        self.map = map_widget
        self.vectors = None
        self.result = None   # the Projection on the map
        self._position = np.zeros(0, np.int64)   # each vectors row's point on the map, or -1
        self._linked: list[int] = []   # the focus's neighbours in the vectors' space that are on the map
        self._missing: list[str] = []  # and those that are not
        self.describe_extra = None   # index -> more words for the heading (two runs: how far it moved)
        self.heading = QLabel(tr(HINT))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.metric_combo = QComboBox()
        self.metric_combo.addItems(similarity.METRICS)
        self.k_spin = QSpinBox(minimum=1, maximum=200, value=10, prefix="k = ")
        self.original = NeighbourTable()
        self.on_map = NeighbourTable()
        self.on_map.verticalHeader().setVisible(False)
        self.on_map.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.on_map.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.on_map.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.on_map.horizontalHeader().setStretchLastSection(True)
        self.off_map = QLabel()
        self.off_map.setWordWrap(True)
        self.isolate_button = QPushButton(tr("Isolate"))
        self.show_all_button = QPushButton(tr("Show all"))
        self.clear_button = QPushButton(tr("Clear"))
        self.to_neighbours = QPushButton(tr("→ Neighbours"))
        self.to_analogy = QPushButton(tr("→ Analogy"))
        self.export_button = QPushButton(tr("Export CSV…"))
        self._layout()
        self._connect()
        self.show_selection([])

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.heading)
        options = QHBoxLayout()
        options.addWidget(QLabel(tr("metric:")))
        options.addWidget(self.metric_combo, 1)
        options.addWidget(self.k_spin)
        layout.addLayout(options)
        layout.addWidget(QLabel(tr("Nearest in the vectors' space:")))
        layout.addWidget(self.original, 3)
        layout.addWidget(self.off_map)
        layout.addWidget(QLabel(tr("Nearest on the map:")))
        layout.addWidget(self.on_map, 2)
        buttons = QGridLayout()
        for i, button in enumerate((self.isolate_button, self.show_all_button, self.clear_button,
                                    self.to_neighbours, self.to_analogy, self.export_button)):
            buttons.addWidget(button, i // 3, i % 3)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.map.selection_changed.connect(self.show_selection)
        self.map.isolation_changed.connect(self._show_on_map)   # links and "nearest on the map" among the shown
        self.metric_combo.currentIndexChanged.connect(lambda _i: self.show_selection(self.map.selection))
        self.k_spin.valueChanged.connect(lambda _v: self.show_selection(self.map.selection))
        self.original.cellClicked.connect(lambda row, _c: self._go_to(self.original.item(row, 1)))
        self.on_map.cellClicked.connect(lambda row, _c: self._go_to(self.on_map.item(row, 1)))
        for table in (self.original, self.on_map):
            table.context_requested.connect(self.state.request_context)
        self.isolate_button.clicked.connect(lambda: (self.map.isolate(), self._enable_buttons()))
        self.show_all_button.clicked.connect(lambda: (self.map.show_all(), self._enable_buttons()))
        self.clear_button.clicked.connect(self.map.clear_selection)
        self.to_neighbours.clicked.connect(lambda: self.state.send_names("Neighbours", self.selected_names()))
        self.to_analogy.clicked.connect(lambda: self.state.send_names("Analogy", self.selected_names()))
        self.export_button.clicked.connect(self._ask_export)

    def set_data(self, vectors, result) -> None:
        """The vectors and the Projection now on the map (None: nothing mapped)."""
        self.vectors, self.result = vectors, result
        # an array, not a dict by name: 400,000 names took a third of a second on the GUI thread
        self._position = np.full(len(vectors) if vectors is not None else 0, -1, np.int64)
        if result is not None:
            self._position[result.rows] = np.arange(len(result.rows))
        self.show_selection(self.map.selection)

    def position(self, name) -> int | None:
        """The map point of vectors name ``name``, or None when it is not on the map."""
        row = self.vectors.index.get(name) if self.vectors is not None else None
        point = self._position[row] if row is not None and row < len(self._position) else -1
        return int(point) if point >= 0 else None

    def selected_names(self) -> list[str]:
        return [self.result.names[i] for i in self.map.selection] if self.result is not None else []

    # -- showing ----------------------------------------------------------------------
    def _enable_buttons(self) -> None:
        chosen = bool(self.map.selection) and self.result is not None
        for button in (self.isolate_button, self.clear_button, self.to_neighbours, self.to_analogy, self.export_button):
            button.setEnabled(chosen)
        self.show_all_button.setEnabled(self.map.keep is not None)

    def show_selection(self, indices: list[int]) -> None:
        chosen = bool(indices) and self.result is not None
        self._enable_buttons()
        self.original.setRowCount(0)
        self._on_map_columns()
        self.off_map.clear()
        self._linked, self._missing = [], []
        if not chosen:
            self.heading.setText(tr(HINT))
            return
        focus = indices[0]
        name = self.result.names[focus]
        self.heading.setText(self._describe(focus, len(indices)))
        metric = self.metric_combo.currentText()
        neighbours = similarity.nearest(self.vectors, name, k=self.k_spin.value(), metric=metric, exact=True)
        is_distance = similarity.IS_DISTANCE[metric]
        self.original.show_neighbours(neighbours, self.vectors, show_counts=False,
                                      score_label=score_header(metric, is_distance),
                                      is_distance=is_distance)
        points = [self.position(n.name) for n in neighbours]
        self._linked = [p for p in points if p is not None]
        self._missing = [n.name for n, p in zip(neighbours, points) if p is None]
        for row, point in enumerate(points):
            if point is None:
                for col in range(self.original.columnCount()):
                    cell = self.original.item(row, col)
                    cell and cell.setForeground(self.palette().color(self.palette().ColorRole.PlaceholderText))
        self._show_on_map()

    def _show_on_map(self) -> None:
        """The links to the neighbours that are shown, how many an isolation hides, and the nearest
        shown points on the map (again after an isolation or Show all)."""
        if not self.map.selection or self.result is None:
            return
        focus, keep = self.map.selection[0], self.map.keep
        notes = []
        if self._missing:
            notes.append(tr("Not on the map ({n_missing}): ").format(n_missing=len(self._missing))
                         + ", ".join(self._missing[:8]) + (" \N{HORIZONTAL ELLIPSIS}" if len(self._missing) > 8 else ""))
        hidden = 0 if keep is None else sum(not keep[p] for p in self._linked)
        if hidden:
            notes.append(tr("Hidden by the isolation ({n_hidden}): no line to them; Show all shows them.").format(
                n_hidden=hidden))
        self.off_map.setText("\n".join(notes))
        self.map.show_links(focus, self._linked)
        rows, distances = map_neighbours(self.result.coords, focus, self.k_spin.value(), keep)
        meta = self._on_map_columns()
        self.on_map.setRowCount(len(rows))
        for r, (i, d) in enumerate(zip(rows.tolist(), distances.tolist())):
            row = int(self.result.rows[i])
            cells = [read_only_item(r + 1), read_only_item(self.result.names[i]), read_only_item(f"{d:.4g}")]
            cells += [read_only_item(str(values[row])) for values in meta.values()]
            cells[1].setData(NAME_ROLE, self.result.names[i])
            for col, cell in enumerate(cells):
                if col > 2:
                    cell.setToolTip(cell.text())
                self.on_map.setItem(r, col, cell)

    def _on_map_columns(self) -> dict[str, list]:
        """Empty the "nearest on the map" table and head it: the metadata columns (title, genres)
        as the table of the vectors' space shows them."""
        meta = meta_columns(self.vectors)
        self.on_map.clear()
        self.on_map.setRowCount(0)
        self.on_map.setColumnCount(3 + len(meta))
        self.on_map.setHorizontalHeaderLabels(["#", tr("name"), tr("map distance")]
                                              + [tr(key) if key in PREFERRED_COLUMNS else key for key in meta])
        return meta

    def _describe(self, focus: int, count: int) -> str:
        name = self.result.names[focus]
        titles = titles_of(self.vectors)
        row = int(self.result.rows[focus])
        text = f"<b>{html.escape(name)}</b>"
        if titles and titles[row]:
            text += f" ({html.escape(str(titles[row]))})"
        trust = float(self.result.trust[focus])
        if np.isfinite(trust):
            text += tr(" · trust {trust:.1f}").format(trust=trust)
        if self.describe_extra is not None:
            text += html.escape(self.describe_extra(focus))
        if count > 1:
            text += tr("<br>{points} selected; neighbours of the first.").format(
                points=counted(count, tr("point"), tr("points")))
        return text

    def _go_to(self, item) -> None:
        name = item.data(NAME_ROLE) if item is not None else None
        index = self.position(name)
        if index is None:
            return
        if self.map.keep is not None and not self.map.keep[index]:
            self.map.show_all()
        self.map.select([index])
        self.map.center_on(index)

    # -- export -------------------------------------------------------------------------
    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the selection"), tr("selection.csv"), tr("CSV (*.csv)"))
        if path:
            self.export_selection(path)

    def export_selection(self, path: str) -> None:
        """name, x, y, trust and the metadata columns of the selected points."""
        chosen = list(self.map.selection)
        rows = self.result.rows[chosen]
        trust = self.result.trust[chosen]
        extra = {"trust": [f"{t:.3f}" if np.isfinite(t) else "" for t in trust]}
        for key, values in meta_columns(self.vectors).items():
            extra[key] = [values[r] for r in rows]
        save_coordinates(path, [self.result.names[i] for i in chosen], self.result.coords[chosen], extra_columns=extra)
        self.heading.setText(self.heading.text() + tr("<br>Wrote {points} to {v1}").format(
            points=counted(len(chosen), tr("point"), tr("points")), v1=html.escape(path)))
