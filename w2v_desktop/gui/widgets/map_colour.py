"""The map's colour choice: single colour, trust, count (log scale) or a metadata column;
for a column, one of its values highlighted (multi-label cells such as "Action|Comedy"
count for each of their values). Columns with nothing to colour by (all empty, or a
different value on every row) are not offered. The logic is in ``core.analysis.map_colour``.

Parsing the columns of large vectors (400,000 unique titles: 1.5 s) runs on a worker: until it
ends the list offers the colourings that need no column and says "reading columns…"; then the
columns are added and ``columns_ready`` is emitted.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox

from w2v_desktop.core.analysis import ColumnValues, log_counts
from w2v_desktop.core.analysis.map_colour import HIGHLIGHT
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr
from w2v_desktop.gui.widgets.neighbour_table import meta_columns

NO_COLOUR, TRUST = QT_TR_NOOP("single colour"), QT_TR_NOOP("trust score")
COUNT = QT_TR_NOOP("count (log scale)")
READING = QT_TR_NOOP("reading columns…")
MAX_VALUES = 500   # values offered for highlighting (most common first)
WORKER_CELLS = 20_000   # metadata cells from which the columns are parsed on a worker


class MapColour(QObject):
    """Owns the colour and value combos; ``changed`` when either changes."""

    changed = Signal()
    columns_ready = Signal()   # the metadata columns are parsed (``parsed``, ``columns`` filled)

    def __init__(self, parent=None, run_in_worker=None):
        """``run_in_worker``: ``AppState.run_in_worker``, to parse large columns off the GUI thread
        (None: always here)."""
        super().__init__(parent)
        self.run_in_worker = run_in_worker
        self.vectors = None
        self.reading = False           # a worker is parsing the columns
        self.combo = QComboBox()
        self.value_combo = QComboBox()
        self.value_combo.setToolTip(tr("Colour every point that has this value; the rest grey"))
        self.parsed: dict[str, ColumnValues] = {}    # every metadata column, parsed once per vectors
        self.columns: dict[str, ColumnValues] = {}   # those worth colouring by
        self.counts = None
        self.combo.currentIndexChanged.connect(self._column_changed)
        self.value_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_vectors(self, vectors) -> None:
        self.vectors = vectors
        self.counts = None if vectors is None else vectors.counts
        raw = meta_columns(vectors)
        self.parsed, self.columns = {}, {}
        self.reading = bool(raw) and self.run_in_worker is not None and \
            sum(len(values) for values in raw.values()) >= WORKER_CELLS
        if not self.reading:
            self._parsed(vectors, parse_columns(raw))
            return
        self._fill_combo()

        def done(parsed) -> None:
            if vectors is self.vectors:   # not for vectors replaced meanwhile
                self._parsed(vectors, parsed)

        self.run_in_worker(lambda: parse_columns(raw), done, title=QT_TR_NOOP("Could not read the metadata columns"),
                           name="map-colour-columns")

    def _parsed(self, vectors, parsed: dict) -> None:
        self.reading = False
        self.parsed = parsed
        self.columns = {key: column for key, column in parsed.items() if useful(column)}
        choice = self.choice()
        self.blockSignals(True)   # the choice stays what it was (no column could be chosen): no recolouring
        try:
            self._fill_combo()
            self.set_choice(choice)
        finally:
            self.blockSignals(False)
        self.columns_ready.emit()

    def _fill_combo(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(tr(NO_COLOUR), NO_COLOUR)
        self.combo.addItem(tr(TRUST), TRUST)
        if self.counts is not None:
            self.combo.addItem(tr(COUNT), COUNT)
        for key in self.columns:
            self.combo.addItem(key, key)
        if self.reading:   # a placeholder that cannot be chosen
            self.combo.addItem(tr(READING), None)
            item = self.combo.model().item(self.combo.count() - 1)
            item.setEnabled(False)
        self.combo.blockSignals(False)
        self._column_changed()

    def choice(self) -> str:
        return self.combo.currentData() or NO_COLOUR

    def value(self) -> str | None:
        """The highlighted value, or None (colour by every value)."""
        return self.value_combo.currentData() if self.value_combo.isEnabled() else None

    def set_choice(self, choice: str, value: str | None = None) -> bool:
        """Select a colouring (as ``choice``/``value`` return them); False if not offered."""
        index = self.combo.findData(choice)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        if value is not None:
            found = self.value_combo.findData(value)
            if found < 0:
                return False
            self.value_combo.setCurrentIndex(found)
        return True

    def _column_changed(self, *_args) -> None:
        column = self.columns.get(self.choice())
        self.value_combo.blockSignals(True)
        self.value_combo.clear()
        if column is not None:
            multi = column.multi_label()
            self.value_combo.addItem(tr("each point by its most common value") if multi
                                     else tr("every value"), None)
            for value, n in column.counts()[:MAX_VALUES]:
                self.value_combo.addItem(tr("{value} ({n:,})").format(value=value, n=n), value)
        self.value_combo.setEnabled(column is not None)
        self.value_combo.blockSignals(False)
        self.changed.emit()

    def apply(self, scatter_map, result) -> None:
        """Colour ``scatter_map``'s points (the rows of ``result``) as chosen."""
        choice = self.choice()
        if choice == TRUST:
            # NaN where not measured (large maps: a sample of 5,000): drawn grey, not as trust 0
            scatter_map.colour_scale(result.trust, tr("trust"), (0.0, 1.0))
        elif choice == COUNT and self.counts is not None:
            logs, levels = log_counts(self.counts[result.rows])
            scatter_map.colour_scale(logs, tr("log10 count"), levels)
        elif choice in self.columns:
            column = self.columns[choice]
            value = self.value()
            if value is not None:
                scatter_map.colour_mask(column.has_value(value, result.rows), value, HIGHLIGHT)
            else:
                # multi-valued cells: each point by the value it has that most points share
                scatter_map.colour_coded(*column.main_values(result.rows), choice)
        else:
            scatter_map.colour_uniform()



def parse_columns(raw: dict) -> dict[str, ColumnValues]:
    """Every metadata column parsed (on a worker for large vectors)."""
    parsed = {key: ColumnValues(values) for key, values in raw.items()}
    for column in parsed.values():
        column.counts()   # cached: the colour list and its value list ask for them on the GUI thread
    return parsed


def useful(column: ColumnValues) -> bool:
    """Worth colouring by: some value, and some value shared by two rows (not unique per row)."""
    counts = column.counts()
    return bool(counts) and counts[0][1] > 1
