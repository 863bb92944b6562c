"""Colouring a map by metadata, Qt-free: multi-label cells, useful columns, the palette.

Multi-label cells hold several values separated by ``|`` (MovieLens genres:
``"Action|Comedy"``). Such a column is handled as sets: its values are offered one
by one, and highlighting a value marks every row that *has* it (not only rows whose
first value it is).

Each function parses every *distinct* cell once and maps rows to them by index: a column of
400,000 rows usually has far fewer distinct cells (genres, years), and parsing each row took
seconds on the GUI thread (colouring a 400k map by genres: 2.4 s, now ~0.1 s).
"""
from __future__ import annotations

from collections import Counter

import numpy as np

SEPARATOR = "|"
# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour
# vision deficiencies. Their black is left out (it vanishes on a dark theme); points
# beyond these 7 categories share the theme's grey "other".
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
HIGHLIGHT = "#D55E00"   # vermillion: the rows that have the highlighted value


def cell_values(cell) -> list[str]:
    """The values of one cell: ``"Action|Comedy"`` -> ["Action", "Comedy"]; empty -> []."""
    if cell is None:
        return []
    text = str(cell).strip()
    if not text or text.lower() == "nan":
        return []
    if SEPARATOR not in text:
        return [text]
    return [v.strip() for v in text.split(SEPARATOR) if v.strip()]


def distinct_cells(column) -> tuple[list, np.ndarray]:
    """The column's distinct cells (in order of first appearance) and each row's index into them."""
    index: dict = {}
    try:
        codes = np.fromiter((index.setdefault(c, len(index)) for c in column), np.int64, len(column))
    except TypeError:   # an unhashable cell (a list): by its text
        index = {}
        codes = np.fromiter((index.setdefault(str(c), len(index)) for c in column), np.int64, len(column))
    return list(index), codes


class ColumnValues:
    """A metadata column parsed once (each distinct cell's values, each row's distinct cell), to
    ask about any subset of its rows (a map's points) without parsing a row again."""

    def __init__(self, column):
        self.cells, self.codes = distinct_cells(column)
        self.values = [list(dict.fromkeys(cell_values(c))) for c in self.cells]
        self._numbers: np.ndarray | None | bool = False   # not yet worked out
        self._all_counts: list[tuple[str, int]] | None = None   # counts() over every row, kept

    def numbers(self, rows=None) -> np.ndarray | None:
        """Each row's cell as a float (NaN where empty) when every non-empty cell is a number, else None."""
        if self._numbers is False:
            try:
                self._numbers = np.array([float(c) if str(c).strip() else np.nan for c in self.cells], dtype=float)
            except (TypeError, ValueError):
                self._numbers = None
        if self._numbers is None:
            return None
        return self._numbers[self._codes(rows)] if len(self._numbers) else np.zeros(len(self._codes(rows)))

    def __len__(self) -> int:
        return len(self.codes)

    def _codes(self, rows) -> np.ndarray:
        return self.codes if rows is None else self.codes[np.asarray(rows, dtype=np.int64)]

    def counts(self, rows=None) -> list[tuple[str, int]]:
        """(value, rows having it) over ``rows`` (default: all, worked out once), most common first
        (ties: alphabetical)."""
        if rows is None and self._all_counts is not None:
            return self._all_counts
        rows_per_cell = np.bincount(self._codes(rows), minlength=len(self.values)).tolist()
        counts: Counter = Counter()
        for values, n in zip(self.values, rows_per_cell):
            if n:
                for v in values:
                    counts[v] += n
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if rows is None:
            self._all_counts = ordered
        return ordered

    def multi_label(self) -> bool:
        return any(len(values) > 1 for values in self.values)

    def has_value(self, value: str, rows=None) -> np.ndarray:
        """Per row of ``rows``: does its cell hold ``value``."""
        return np.array([value in values for values in self.values] or [False], dtype=bool)[self._codes(rows)]

    def main_values(self, rows=None) -> tuple[np.ndarray, list[str]]:
        """Per row of ``rows`` an index into the returned texts: the row's value most common
        among ``rows`` ("" if none); see :func:`main_value`."""
        rank = {v: i for i, (v, _n) in enumerate(self.counts(rows))}
        texts: dict[str, int] = {}
        main = np.array([texts.setdefault(min(values, key=lambda v: rank.get(v, len(rank))) if values else "",
                                          len(texts)) for values in self.values] or [0], dtype=np.int64)
        return main[self._codes(rows)], list(texts)


def is_multi_label(column) -> bool:
    """True when some cell holds more than one value."""
    cells, _codes = distinct_cells(column)
    return any(len(cell_values(c)) > 1 for c in cells)


def value_counts(column) -> list[tuple[str, int]]:
    """(value, rows having it), most common first (ties: alphabetical)."""
    return ColumnValues(column).counts()


def is_useful(column) -> bool:
    """Worth colouring by: some value, and some value shared by two rows (not unique per row)."""
    counts = value_counts(column)
    return bool(counts) and counts[0][1] > 1


def has_value(column, value: str) -> np.ndarray:
    """Per row: does its cell hold ``value`` (any of its values, not just the first)."""
    return ColumnValues(column).has_value(value)


def main_value(column) -> list[str]:
    """One value per row for a categorical colouring: a row's most common value over the
    whole column (so "Comedy|Romance" counts as the genre most rows share), "" if empty."""
    codes, texts = ColumnValues(column).main_values()
    return np.array(texts or [""], dtype=object)[codes].tolist()


def log_counts(counts) -> tuple[np.ndarray, tuple[float, float]]:
    """log10 of the counts (NaN where not positive) and the levels to scale them by."""
    counts = np.asarray(counts, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.where(counts > 0, np.log10(np.where(counts > 0, counts, 1.0)), np.nan)
    finite = logs[np.isfinite(logs)]
    if len(finite) == 0:
        return logs, (0.0, 1.0)
    low, high = float(finite.min()), float(finite.max())
    return logs, (low, high if high > low else low + 1.0)
