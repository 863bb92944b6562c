"""A map to files other tools read, chosen by suffix; every file is written atomically.

- ``.csv``: name, x, y (z), trust, then the metadata columns (count, title, genres, ...).
  Text cells starting with ``= + - @`` (or a tab / carriage return) get a leading ``'``
  so a spreadsheet shows them instead of running them as formulas; numbers, negative
  ones too, stay numbers.
- ``.tsv``: the TensorFlow Embedding Projector pair, through the vectors-format registry:
  ``NAME.tsv`` holds the mapped rows' vectors (numbers only, no header) and
  ``NAME_metadata.tsv`` the name, x, y, trust and metadata, with a header row because
  it has several columns (the Projector reads a single-column file as labels without one).
- ``.parquet``: a table Apple's Embedding Atlas opens with
  ``embedding-atlas FILE --x x --y y --neighbors neighbors``: ``name``, ``x``, ``y``
  (``z``), ``trust``, the metadata, and ``neighbors``, a struct
  ``{"ids": list<int32>, "distances": list<float32>}`` per row: the k nearest rows of
  the same table in the original space (exact search; zero-based row indices; the
  point itself left out), distances as the layout measured them (cosine distance
  1 - cos on unit rows). That is the layout the Atlas documents for ``--neighbors``
  (packages/docs/tool.md) and writes itself (its projection.py: one
  ``{"distances": [...], "ids": [...]}`` per row from UMAP's k-NN).
"""
from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import numpy as np

from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.cancel import check_cancel
from w2v_desktop.core.formats import metadata_columns, save_vectors
from w2v_desktop.core.vectors import Vectors, top_k_block

MAP_SUFFIXES = (".csv", ".tsv", ".parquet")
EXPORT_NEIGHBOURS = 10
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_map(path, result, vectors, neighbours: int = EXPORT_NEIGHBOURS, cancel=None) -> list[Path]:
    """Write the map ``result`` (a Projection of ``vectors``) to ``path`` by its suffix;
    returns the files written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_map_csv(path, result, vectors)
        return [path]
    if suffix == ".tsv":
        return write_map_projector(path, result, vectors)
    if suffix == ".parquet":
        write_map_parquet(path, result, vectors, neighbours, cancel)
        return [path]
    raise ValueError(f"{path.name}: cannot tell the map format from the suffix; use one of "
                     f"{', '.join(MAP_SUFFIXES)}")


def map_columns(result, vectors) -> dict[str, list]:
    """name, x, y (z), trust and the metadata columns of the mapped rows, in map order."""
    rows = np.asarray(result.rows)
    columns: dict[str, list] = {"name": list(result.names)}
    for axis, values in zip("xyz", np.asarray(result.coords, dtype=np.float64).T):
        columns[axis] = values.tolist()
    columns["trust"] = [None if math.isnan(t) else round(float(t), 3) for t in result.trust]
    for key, values in metadata_columns(vectors).items():
        if key == "name":
            continue
        if key == "count" and vectors.counts is not None:
            values = vectors.counts.tolist()
        while key in columns:
            key = f"{key}_"
        columns[key] = [values[r] for r in rows]
    return columns


def spreadsheet_safe(value) -> str:
    """A CSV cell a spreadsheet will not run: numbers as they are, formula-like text quoted."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    text = str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def write_map_csv(path, result, vectors) -> None:
    columns = map_columns(result, vectors)
    with atomic_write(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([spreadsheet_safe(key) for key in columns])
        for row in zip(*columns.values()):
            writer.writerow([spreadsheet_safe(cell) for cell in row])


def write_map_projector(path, result, vectors) -> list[Path]:
    """The Projector pair of the mapped rows (see the module notes), through the registry."""
    rows = np.asarray(result.rows)
    columns = map_columns(result, vectors)
    names = columns.pop("name")
    counts = columns.pop("count", None)
    meta = {"columns": {key: ["" if v is None else (repr(v) if isinstance(v, float) else str(v))
                              for v in values] for key, values in columns.items()}}
    subset = Vectors(names, vectors.matrix[rows], None if counts is None else np.asarray(counts, np.int64), meta)
    return save_vectors(subset, path, "projector-tsv")


def map_neighbours(result, vectors, k: int = EXPORT_NEIGHBOURS, cancel=None) -> tuple[np.ndarray, np.ndarray]:
    """(n, k) zero-based map rows of each point's k nearest on the map's rows in the original space
    (exact; the point itself left out), nearest first, and their distances: cosine distance on unit
    rows (the default), else the distance of the metric the layout used."""
    from w2v_desktop.core.analysis.projection import prepared_rows

    params = result.params
    data = prepared_rows(vectors, np.asarray(result.rows), params.normalize)
    metric = "cosine" if params.normalize or params.space_metric == "cosine" else params.space_metric
    space = Vectors([str(i) for i in range(len(data))], data)
    k = min(k, len(data) - 1)
    ids = top_k_block(space, np.arange(len(data)), k, metric=metric, cancel=cancel)
    check_cancel(cancel)
    here, there = data[:, None, :].astype(np.float64), data[ids].astype(np.float64)
    if metric == "cosine":
        unit = space.unit.astype(np.float64)
        distances = 1.0 - np.einsum("nd,nkd->nk", unit, unit[ids])
    elif metric == "manhattan":
        distances = np.abs(there - here).sum(axis=2)
    elif metric == "pearson":
        centred = data - data.mean(axis=1, keepdims=True)
        centred /= np.maximum(np.linalg.norm(centred, axis=1, keepdims=True), 1e-12)
        distances = 1.0 - np.einsum("nd,nkd->nk", centred, centred[ids])
    else:
        distances = np.linalg.norm(there - here, axis=2)
    return ids.astype(np.int32), np.maximum(distances, 0.0).astype(np.float32)


def write_map_parquet(path, result, vectors, neighbours: int = EXPORT_NEIGHBOURS, cancel=None) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = map_columns(result, vectors)
    arrays = {key: pa.array(values, type=pa.float64() if key in ("x", "y", "z", "trust") else None)
              for key, values in columns.items()}
    if neighbours > 0 and len(result.rows) > 1:
        ids, distances = map_neighbours(result, vectors, neighbours, cancel)
        k = ids.shape[1]
        offsets = pa.array(np.arange(0, len(ids) * k + 1, k, dtype=np.int32))
        arrays["neighbors"] = pa.StructArray.from_arrays(
            [pa.ListArray.from_arrays(offsets, pa.array(ids.reshape(-1))),
             pa.ListArray.from_arrays(offsets, pa.array(distances.reshape(-1)))], names=["ids", "distances"])
    table = pa.table(arrays)
    facts = {"method": result.method, "parameters": result.params.describe(), "trust": result.trust_note,
             "neighbors": f"{min(neighbours, len(result.rows) - 1)} nearest, exact, zero-based rows of this table"}
    table = table.replace_schema_metadata({b"w2v_desktop": json.dumps(facts).encode("utf-8")})
    with atomic_write(path, "wb") as f:
        pq.write_table(table, f)
