"""A ranked table of neighbours: name, score drawn as a bar, frequency, metadata."""
from __future__ import annotations

from PySide6.QtCore import SIGNAL, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableWidget, QTableWidgetItem

from w2v_desktop.gui.widgets.similarity_bar import BAR_ROLE, SimilarityBarDelegate, bar_fractions
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

PREFERRED_COLUMNS = (QT_TR_NOOP("title"), QT_TR_NOOP("genres"))  # known columns, headed in the user's language
MAX_META_COLUMNS = 3
NAME_ROLE = Qt.UserRole + 1


def meta_columns(vectors) -> dict[str, list]:
    """Per-name metadata columns aligned with the names (title and genres first)."""
    if vectors is None:
        return {}
    columns = (vectors.meta or {}).get("columns") or {}
    usable = {key: list(values) for key, values in columns.items()
              if values is not None and len(values) == len(vectors)}
    ordered = [k for k in PREFERRED_COLUMNS if k in usable] + [k for k in usable if k not in PREFERRED_COLUMNS]
    return {key: usable[key] for key in ordered[:MAX_META_COLUMNS]}


def read_only_item(value) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setData(Qt.DisplayRole, value)
    item.setFlags(Qt.ItemIsSelectable | Qt.ItemIsEnabled)
    return item



def score_header(metric: str, is_distance: bool) -> str:
    """The score column's title: "cosine similarity", "euclidean distance" (the metric keeps its CLI name)."""
    return (tr("{metric} distance") if is_distance else tr("{metric} similarity")).format(metric=metric)

class NeighbourTable(QTableWidget):
    """Double-click (or Enter on) a row emits ``name_activated(name)``; the context menu's
    "Show in context" emits ``context_requested(name)`` (connect it to ``AppState.request_context``)."""

    name_activated = Signal(str)
    context_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        self._bar_delegate = SimilarityBarDelegate(self)
        self.cellDoubleClicked.connect(lambda row, _col: self._activate(row))
        self.cellActivated.connect(lambda row, _col: self._activate(row))

    def show_neighbours(self, neighbours, vectors, score_label: str = QT_TR_NOOP("score"),
                        is_distance: bool = False, show_counts: bool = True, name_header: str = QT_TR_NOOP("name"),
                        hide_empty: bool = False) -> None:
        """``hide_empty``: leave out metadata columns that are empty for every row shown."""
        meta = meta_columns(vectors)
        if hide_empty:
            meta = {key: values for key, values in meta.items()
                    if any(str(values[n.row]).strip() for n in neighbours)}
        counts = getattr(vectors, "counts", None) if show_counts else None
        score_label, name_header = tr(score_label), tr(name_header)
        headers = (["#", name_header, score_label] + ([tr("count")] if counts is not None else [])
                   + [tr(key) if key in PREFERRED_COLUMNS else key for key in meta])
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(neighbours))
        fractions = bar_fractions([n.score for n in neighbours], is_distance)
        for row, (neighbour, fraction) in enumerate(zip(neighbours, fractions)):
            cells = [read_only_item(row + 1), read_only_item(neighbour.name)]
            score = read_only_item(f"{neighbour.score:.4f}")
            score.setData(BAR_ROLE, fraction)
            score.setToolTip(tr("{score}: {value:.6g}").format(score=score_label, value=neighbour.score))
            cells.append(score)
            if counts is not None:
                cells.append(read_only_item(f"{int(counts[neighbour.row]):,}"))
            for values in meta.values():
                cells.append(read_only_item(str(values[neighbour.row])))
                cells[-1].setToolTip(str(values[neighbour.row]))
            cells[1].setData(NAME_ROLE, neighbour.name)
            for col, cell in enumerate(cells):
                self.setItem(row, col, cell)
        self.setItemDelegateForColumn(2, self._bar_delegate)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Fixed)
        # wide enough for the bar and for the header ("euclidean distance", "manhattan distance")
        self.setColumnWidth(2, max(105, header.sectionSizeHint(2)))
        if meta:
            header.setSectionResizeMode(len(headers) - 1, QHeaderView.Stretch)
        else:
            header.setSectionResizeMode(1, QHeaderView.Stretch)

    def names(self) -> list[str]:
        return [self.item(row, 1).data(NAME_ROLE) for row in range(self.rowCount())]

    def context_menu(self, pos) -> QMenu | None:
        """The menu for the row at viewport position ``pos`` (None: no name there or nobody listens)."""
        item = self.itemAt(pos)
        name = self.item(item.row(), 1).data(NAME_ROLE) if item is not None and self.item(item.row(), 1) else None
        if name is None or not self.receivers(SIGNAL("context_requested(QString)")):
            return None
        menu = QMenu(self)
        menu.addAction(tr("Show “{name}” in context").format(name=name),
                       lambda: self.context_requested.emit(name))
        return menu

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        menu = self.context_menu(event.pos())
        if menu is not None:
            menu.exec(event.globalPos())

    def _activate(self, row: int) -> None:
        item = self.item(row, 1)
        if item is not None:
            self.name_activated.emit(item.data(NAME_ROLE))
