"""The columns of a map's points, Qt-free: what the map's table shows, sorts and filters.

One ``MapColumns`` per map: ``name``, ``count`` (frequency, when known), every metadata column
(title, genres, ...), ``trust``, and the map coordinates ``x`` and ``y``. Each column knows its
kind (number or text), shows a cell as text, sorts the map's points in numpy (the table asks for
an order, never Qt's proxy, which would compare 400,000 strings in Python) and, for the filter
(``map_filter``), hands out its values in a form that compares fast: numbers as a float array;
text as *entries*, one (row, lower-cased value) pair per value, so a multi-label cell such as
MovieLens' ``"Action|Sci-Fi"`` has two entries and ``genres = Sci-Fi`` means "has the value".

A metadata column is a number column when every non-empty cell reads as a number (a ``year``
column stored as text compares numerically); otherwise text. Cells are split into values by the
colouring's rule (``map_colour.cell_values``: ``|``-separated, trimmed, empty or "nan" cells have
none), vectorised here with pyarrow. The entries and sort keys are made on first use and kept:
a filter on ``genres`` pays for splitting that column once, not per keystroke, and a map of
400,000 names without metadata pays only for the columns it is filtered or sorted by.
"""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from w2v_desktop.core.analysis.map_colour import SEPARATOR, cell_values

NUMBER, TEXT = "number", "text"
BUILT_IN = ("name", "count", "trust", "x", "y")   # and "z" on a 3-D map
AXES = ("x", "y", "z")
NOT_SHOWN = AXES   # filterable; the table shows the metadata instead of coordinates
PREFERRED = ("title", "genres")
SNIFF = 50   # cells read in Python before a column is cast to numbers as a whole


class MapColumn:
    """One column: ``kind`` (NUMBER or TEXT), ``cells`` (one per map point, as given)."""

    def __init__(self, name: str, cells, kind: str | None = None, precision: int | None = None):
        self.name = name
        self.cells = cells
        self._numbers: np.ndarray | None = None
        self._strings: pa.Array | None = None
        self._entries: tuple[np.ndarray, pa.Array] | None = None
        self._sort_key: np.ndarray | None = None
        self.precision = precision      # decimals shown for a float column (trust: 3)
        if kind == NUMBER:
            self._numbers = np.asarray(cells, dtype=np.float64)
        self._kind = kind               # None: told on first use (reading 400,000 cells costs)
        self._multi: bool | None = False if kind == NUMBER else None

    def __len__(self) -> int:
        return len(self.cells)

    @property
    def kind(self) -> str:
        if self._kind is None:
            self._numbers = _as_numbers(self.strings())
            self._kind = NUMBER if self._numbers is not None else TEXT
            self._multi = False if self._kind == NUMBER else None
        return self._kind

    # -- what the filter compares ---------------------------------------------------------
    @property
    def numbers(self) -> np.ndarray:
        """float64 per point, NaN where empty (number columns only)."""
        if self.kind != NUMBER:
            raise TypeError(f"{self.name} is a text column")
        return self._numbers

    def strings(self) -> pa.Array:
        """The cells as a pyarrow string array ("" for None)."""
        if self._strings is None:
            try:   # text cells (and None) convert in C++; numbers and the like go through str
                strings = pa.array(self.cells, type=pa.string())
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                strings = pa.array(["" if c is None else str(c) for c in self.cells], type=pa.string())
            self._strings = pc.fill_null(strings, "")
        return self._strings

    @property
    def multi_label(self) -> bool:
        """Some cell holds more than one value (text columns only)."""
        if self.kind == TEXT and self._multi is None:
            rows, _values = self.entries()
            self._multi = bool(len(rows) and np.any(rows[1:] == rows[:-1]))
        return self._multi

    def entries(self) -> tuple[np.ndarray, pa.Array]:
        """(row per value, lower-cased values): every value of every cell, in row order."""
        if self._entries is None:
            self._entries = split_values(self.strings())
        return self._entries

    def has_values(self) -> bool:
        """Some cell is not empty (an empty column is of no use in a table or a filter)."""
        if self._kind == NUMBER:
            return bool(np.any(np.isfinite(self._numbers)))
        return any(cell_values(c) for c in self.cells)   # stops at the first value: fast unless empty

    # -- what the table shows ---------------------------------------------------------------
    def display(self, row: int) -> str:
        if self._kind == NUMBER:   # a metadata cell shows as given, whatever its kind
            value = self._numbers[row]
            if not np.isfinite(value):
                return ""
            if self.precision is not None:
                return f"{value:.{self.precision}f}"
            cell = self.cells[row]
            return f"{int(value):,}" if isinstance(cell, (int, np.integer)) else str(cell)
        cell = self.cells[row]
        return "" if cell is None else str(cell)

    def sort_order(self, descending: bool = False) -> np.ndarray:
        """Point indices sorted by this column (stable: ties keep map order; empty cells last
        either way). Text sorts case-insensitively by the whole cell."""
        if self.kind == NUMBER:
            return np.argsort(-self._numbers if descending else self._numbers, kind="stable")  # NaN last
        if self._sort_key is None:   # dense ranks of the lower-cased cells, -1 for empty ones
            lowered = pc.utf8_lower(pc.utf8_trim_whitespace(self.strings()))
            rank = pc.rank(lowered, sort_keys="ascending", tiebreaker="dense").to_numpy().astype(np.int64)
            empty = np.asarray(pc.equal(lowered, "").to_numpy(zero_copy_only=False), dtype=bool)
            self._sort_key = np.where(empty, -1, rank)
        rank = self._sort_key
        order = np.argsort(-rank if descending else rank, kind="stable")
        empty = rank[order] < 0
        return np.concatenate([order[~empty], order[empty]])


def _as_numbers(strings: pa.Array) -> np.ndarray | None:
    """float64 per cell when every non-empty cell is a number, else None (a text column)."""
    trimmed = pc.utf8_trim_whitespace(strings)
    empty = pc.equal(trimmed, "")
    if pc.all(empty).as_py():
        return None   # nothing to tell: text (an empty column)
    if not all(_is_number(cell) for cell in pc.filter(trimmed, pc.invert(empty))[:SNIFF].to_pylist()):
        return None   # a quick no for text columns (a failing cast reads every cell first)
    try:
        numbers = pc.cast(pc.if_else(empty, None, trimmed), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return numbers.to_numpy(zero_copy_only=False).astype(np.float64)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def split_values(strings: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """(row, lower-cased value) for every value of every cell: ``map_colour.cell_values``'s
    rule (trim; an empty or "nan" cell has none; split on ``|``; trim and drop empty parts),
    vectorised."""
    trimmed = pc.utf8_trim_whitespace(strings)
    lowered = pc.utf8_lower(trimmed)
    blank = pc.or_(pc.equal(lowered, ""), pc.equal(lowered, "nan"))
    parts = pc.split_pattern(lowered, SEPARATOR)
    rows = pc.list_parent_indices(parts).to_numpy(zero_copy_only=False).astype(np.int64)
    values = pc.utf8_trim_whitespace(pc.list_flatten(parts))
    blank_rows = np.asarray(blank.to_numpy(zero_copy_only=False), dtype=bool)
    keep = np.asarray(pc.not_equal(values, "").to_numpy(zero_copy_only=False), dtype=bool) & ~blank_rows[rows]
    return rows[keep], values.filter(pa.array(keep))


class MapColumns:
    """The columns of one map, by name (``columns``, in table order)."""

    def __init__(self, columns: dict[str, MapColumn]):
        self.columns = columns
        lengths = {len(c) for c in columns.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")
        self.n = lengths.pop() if lengths else 0

    def __len__(self) -> int:
        return self.n

    @property
    def names(self) -> list[str]:
        return list(self.columns)

    def shown(self) -> list[str]:
        """The columns the table shows: all but the coordinates, the short number columns first
        and the metadata last (a long title or genre list then has the room left over)."""
        first = [name for name in ("name", "count", "trust") if name in self.columns]
        return first + [name for name in self.columns if name not in NOT_SHOWN and name not in first]

    def resolve(self, name: str) -> MapColumn | list[str]:
        """The column called ``name`` (any case, or a unique prefix of one), else the
        candidates it could mean (several: ambiguous; none: unknown)."""
        wanted = name.casefold()
        exact = [c for c in self.columns if c.casefold() == wanted]
        if exact:
            return self.columns[exact[0]]
        matches = [c for c in self.columns if c.casefold().startswith(wanted)]
        return self.columns[matches[0]] if len(matches) == 1 else matches


def make_map_columns(names, coords, trust, counts=None, metadata: dict | None = None) -> MapColumns:
    """The columns of a map of ``names`` (its coordinates, (n, 2) or (n, 3): x, y and z, trust,
    counts and metadata cells, each one per point in map order). Metadata columns that are empty everywhere or repeat the
    names are left out (nothing to read or filter in them); unlike the colour menu, a column with
    a different value on every row (a title) stays: it is what a table is read for. A metadata
    column named like a built-in one is left out (the built-in is meant)."""
    coords = np.asarray(coords)
    axes = AXES[:coords.shape[1]]
    built_in = BUILT_IN + axes
    columns = {"name": MapColumn("name", list(names), TEXT)}
    if counts is not None:
        columns["count"] = MapColumn("count", np.asarray(counts).tolist(), NUMBER)
    metadata = metadata or {}
    ordered = [k for k in PREFERRED if k in metadata] + [k for k in metadata if k not in PREFERRED]
    for key in ordered:
        if key.casefold() in built_in or len(metadata[key]) != len(columns["name"]):
            continue
        column = MapColumn(key, list(metadata[key]))
        if column.has_values() and not _repeats(column.cells, columns["name"].cells):
            columns[key] = column
    columns["trust"] = MapColumn("trust", np.asarray(trust, dtype=np.float64), NUMBER, precision=3)
    for i, axis in enumerate(axes):
        columns[axis] = MapColumn(axis, coords[:, i].astype(np.float64), NUMBER, precision=4)
    return MapColumns(columns)


def _repeats(cells, names) -> bool:
    return all(str(c) == n for c, n in zip(cells, names))


def projection_columns(result, vectors) -> MapColumns:
    """``map_columns`` of a ``Projection`` of ``vectors`` (their counts and ``meta["columns"]``)."""
    rows = np.asarray(result.rows)
    counts = None if vectors is None or vectors.counts is None else vectors.counts[rows]
    metadata = {}
    meta = ((getattr(vectors, "meta", None) or {}).get("columns") or {}) if vectors is not None else {}
    whole = len(rows) == len(vectors) and bool(np.all(rows == np.arange(len(rows))))   # every row, in order
    index = rows.tolist()
    for key, values in meta.items():
        if values is not None and len(values) == len(vectors):
            metadata[key] = list(values) if whole else [values[r] for r in index]
    return make_map_columns(result.names, result.coords, result.trust, counts, metadata)
