"""Colouring a map by metadata, Qt-free: multi-label cells, useful columns, the palette.

Multi-label cells hold several values separated by ``|`` (MovieLens genres:
``"Action|Comedy"``). Such a column is handled as sets: its values are offered one
by one, and highlighting a value marks every row that *has* it (not only rows whose
first value it is).
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
    return [v.strip() for v in text.split(SEPARATOR) if v.strip()]


def is_multi_label(column) -> bool:
    """True when some cell holds more than one value."""
    return any(len(cell_values(c)) > 1 for c in column)


def value_counts(column) -> list[tuple[str, int]]:
    """(value, rows having it), most common first (ties: alphabetical)."""
    counts = Counter(v for cell in column for v in dict.fromkeys(cell_values(cell)))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def is_useful(column) -> bool:
    """Worth colouring by: some value, and some value shared by two rows (not unique per row)."""
    counts = value_counts(column)
    return bool(counts) and counts[0][1] > 1


def has_value(column, value: str) -> np.ndarray:
    """Per row: does its cell hold ``value`` (any of its values, not just the first)."""
    return np.array([value in cell_values(c) for c in column], dtype=bool)


def main_value(column) -> list[str]:
    """One value per row for a categorical colouring: a row's most common value over the
    whole column (so "Comedy|Romance" counts as the genre most rows share), "" if empty."""
    rank = {v: i for i, (v, _n) in enumerate(value_counts(column))}
    out = []
    for cell in column:
        values = cell_values(cell)
        out.append(min(values, key=rank.__getitem__) if values else "")
    return out


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
