"""Axes you choose (whatlies, the Embedding Projector's custom projection): x and y as
cosine similarity to a name or to a direction typed as a formula.

A formula is names joined by `` - `` or `` + `` with spaces around the sign (so names
with hyphens, "e-mail", stay whole): ``"king"``, ``"woman - man"``,
``"queen - king + woman"``. The direction is the signed sum of the names' unit vectors,
and a point's coordinate is the cosine between its vector and that direction.
"""
from __future__ import annotations

import re

import numpy as np

from w2v_desktop.core.analysis.projection_params import ProjectionError

_SIGN = re.compile(r"\s+([+-])\s+")


class AxisError(ProjectionError):
    """A formula that cannot be read: empty, an unknown name, or no direction."""


def parse_axis(vectors, formula: str, axis: str = "x") -> list[tuple[int, int]]:
    """[(sign, row), ...] of a formula; names are matched exactly, else ignoring case."""
    text = str(formula).strip()
    if not text:
        raise AxisError(f"{axis} axis: type a name or a formula such as 'woman - man'")
    parts = _SIGN.split(text)
    terms, sign = [], 1
    for i, part in enumerate(parts):
        if i % 2:
            sign = 1 if part == "+" else -1
            continue
        name = part.strip()
        if not name:
            raise AxisError(f"{axis} axis: a sign without a name in {text!r}")
        terms.append((sign, _row_of(vectors, name, axis)))
    return terms


def _row_of(vectors, name: str, axis: str) -> int:
    if name in vectors:
        return vectors.row(name)
    for candidate in (name.lower(), name.capitalize(), name.upper()):
        if candidate in vectors:
            return vectors.row(candidate)
    raise AxisError(f"{axis} axis: unknown word {name!r}")


def axis_direction(vectors, formula: str, axis: str = "x") -> np.ndarray:
    """Unit direction of a formula (float64)."""
    unit = vectors.unit
    direction = np.zeros(vectors.dim, dtype=np.float64)
    for sign, row in parse_axis(vectors, formula, axis):
        direction += sign * unit[row].astype(np.float64)
    norm = np.linalg.norm(direction)
    if norm < 1e-9:
        raise AxisError(f"{axis} axis: {formula.strip()!r} has no direction (its terms cancel out)")
    return direction / norm


def axes_coordinates(vectors, rows, x_formula: str, y_formula: str) -> np.ndarray:
    """(len(rows), 2) float32: each row's cosine with the x and the y direction."""
    directions = np.column_stack([axis_direction(vectors, x_formula, "x"),
                                  axis_direction(vectors, y_formula, "y")])
    rows = np.asarray(rows, dtype=np.int64)
    return (vectors.unit[rows].astype(np.float64) @ directions).astype(np.float32)
