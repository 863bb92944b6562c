"""Vector files that come as tables or pairs of files: the TensorFlow Embedding
Projector's ``vectors.tsv`` + ``metadata.tsv``, ``NAME.npy`` + ``NAME.vocab.txt``,
and CSV with a name column.

Tables are parsed by pyarrow (fast path) and the csv module (careful path,
which names the bad line), not by hand.

The two pairs are written with ``pairs.write_pair`` and checked on load with
``pairs.check_pair``: a write killed between its two files never yields a pair that
loads. The CSV outputs (vectors with a name column, 2-D coordinates) are meant for
spreadsheets too, so their text cells (names, titles and other metadata) are escaped
against formula injection (``common.csv_text``: a leading ``'`` before ``= + - @``)
and unescaped when read back; numbers never are. The Projector's TSV files, the
vocabulary file and the word2vec formats are data for other tools and stay as they are.
"""
from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import numpy as np

from w2v_desktop.core.formats.pairs import check_pair, write_pair
from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.formats.common import (FormatError, check_cell_values, check_unique, csv_text,
                                             csv_text_value, decode_lines, first_bad_row, format_rows,
                                             is_number, parse_floats, writable_names)
from w2v_desktop.core.untrusted import require_regular
from w2v_desktop.core.formats.text import read_careful
from w2v_desktop.core.vectors import Vectors

COUNT_HEADERS = ("count", "counts", "freq", "frequency")
_DIM_TITLE = re.compile(r"^[a-z_]*\d+$")
ROWS_PER_BLOCK = 20_000


# --- shared ---------------------------------------------------------------------------

def metadata_columns(vectors: Vectors) -> dict[str, list[str]]:
    """Per-name text columns to export: name, count (when known), meta["columns"]."""
    columns = {"name": list(vectors.names)}
    if vectors.counts is not None:
        columns["count"] = [str(int(c)) for c in vectors.counts]
    for key, values in (vectors.meta.get("columns") or {}).items():
        if len(values) != len(vectors):
            raise ValueError(f"metadata column {key!r} has {len(values)} values for "
                             f"{len(vectors)} names")
        while key in columns:
            key = f"{key}_"
        columns[key] = [_cell_text(v) for v in values]
    return columns


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "|".join(map(str, value))
    return str(value)


def _read_lines(path: Path, encoding: str) -> list[str]:
    """Decoded lines without line ends (a final line end adds no empty line)."""
    require_regular(path, "text file")
    with open(path, "rb") as f:
        data = f.read()
    if not data:
        raise FormatError(path, "the file is empty", 1)
    lines = decode_lines(data, path, encoding)
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return lines


def _split_values(text: str, dim: int | None, path: Path, line: int) -> tuple[str, list[str]]:
    return "", text.split()


def _columns_to_matrix(table, first: int, dim: int) -> np.ndarray | None:
    matrix = np.empty((table.num_rows, dim), dtype=np.float32)
    for j in range(dim):
        column = table.column(first + j)
        if column.null_count:
            return None
        matrix[:, j] = column.to_numpy()
    return None if first_bad_row(matrix) is not None else matrix


# --- TensorFlow Embedding Projector ---------------------------------------------------

def projector_paths(path: Path) -> tuple[Path, Path]:
    """(vectors file, metadata file) for a folder, either file of a pair, or NAME.tsv."""
    path = Path(path)
    if path.is_dir():
        return path / "vectors.tsv", path / "metadata.tsv"
    name = path.name
    if "metadata" in name:   # the partner of X_vectors.tsv, or of X.tsv / X
        base = name[:-len("_metadata.tsv")] if name.endswith("_metadata.tsv") else None
        candidates = [path.with_name("vectors".join(name.rsplit("metadata", 1)))]
        candidates += [path.with_name(base + ".tsv"), path.with_name(base)] if base else []
        return next((c for c in candidates if c.is_file()), candidates[0]), path
    if "vectors" in name:
        return path, path.with_name("metadata".join(name.rsplit("vectors", 1)))
    return path, path.with_name(f"{path.stem}_metadata.tsv")


def read_projector(path: Path, encoding: str = "utf-8") -> Vectors:
    vectors_path, metadata_path = projector_paths(path)
    require_regular(vectors_path, "vectors file")
    check_pair(vectors_path, metadata_path)
    matrix = _read_numeric_tsv(vectors_path, encoding)
    if not metadata_path.exists():
        raise FormatError(metadata_path, f"missing: it holds the names for {vectors_path.name}")
    names, counts, columns = _read_projector_metadata(metadata_path, len(matrix), encoding)
    meta = {"columns": columns} if columns else {}
    return Vectors(names, matrix, counts, meta)


def _read_numeric_tsv(path: Path, encoding: str) -> np.ndarray:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        table = pacsv.read_csv(
            str(path), pacsv.ReadOptions(autogenerate_column_names=True, block_size=1 << 24),
            pacsv.ParseOptions(delimiter="\t", quote_char=False),
            pacsv.ConvertOptions(column_types={}, strings_can_be_null=False))
        numeric = all(pa.types.is_floating(t) or pa.types.is_integer(t)
                      for t in table.schema.types)
        matrix = _columns_to_matrix(table, 0, table.num_columns) \
            if numeric and table.num_rows else None
    except pa.ArrowException:
        matrix = None
    if matrix is None:
        matrix = read_careful(path, _split_values, encoding, named=False)[1]
    return matrix


def _read_projector_metadata(path: Path, rows: int, encoding: str):
    lines = _read_lines(path, encoding)
    while len(lines) > rows and not lines[-1]:
        lines.pop()
    header = lines[0].split("\t") if "\t" in lines[0] else None
    body = lines[1:] if header else lines
    first_line = 2 if header else 1
    if len(body) != rows:
        hint = (" (a one-column metadata file has no header line)" if len(body) == rows + 1
                else " (with several columns, the first line is the header)" if header else "")
        raise FormatError(path, f"{len(body)} metadata rows for {rows} vectors{hint}",
                          first_line + min(len(body), rows))
    if header is None:
        check_unique(body, range(1, rows + 1), path)
        return body, None, {}
    cells = []
    for number, text in enumerate(body, start=first_line):
        row = text.split("\t")
        if len(row) != len(header):
            raise FormatError(path, f"expected {len(header)} tab-separated columns, found "
                                    f"{len(row)}", number)
        cells.append(row)
    table = {key: [row[j] for row in cells] for j, key in enumerate(header)}
    names = table.pop(header[0])
    check_unique(names, range(first_line, first_line + rows), path)
    return names, _pop_counts(table), table


def _pop_counts(table: dict[str, list[str]]):
    key = next((k for k in table if k.strip().lower() in COUNT_HEADERS), None)
    if key is None or not all(v.isascii() and v.isdigit() for v in table[key]):
        return None
    return np.array(table.pop(key), dtype=np.int64)


def write_projector(vectors: Vectors, path: Path) -> list[Path]:
    """vectors.tsv (numbers only) and metadata.tsv: a header row ONLY when there
    are several columns - the projector reads one column as labels without one."""
    vectors_path, metadata_path = projector_paths(path)
    writable_names(vectors.names, "the Embedding Projector's metadata", "tab")
    columns = metadata_columns(vectors)
    for key, values in columns.items():
        check_cell_values(key, values, vectors.names, "the Embedding Projector's metadata")
    with write_pair(vectors_path, metadata_path, ("wb", "w"), newline="\n") as (fv, fm):
        for start in range(0, len(vectors), ROWS_PER_BLOCK):
            fv.write(b"".join(r + b"\n" for r in
                              format_rows(vectors.matrix[start:start + ROWS_PER_BLOCK], "\t")))
        if len(columns) > 1:
            fm.write("\t".join(columns) + "\n")
        fm.writelines("\t".join(row) + "\n" for row in zip(*columns.values()))
    return [vectors_path, metadata_path]


# --- NAME.npy + NAME.vocab.txt ------------------------------------------------------------

def npy_paths(path: Path) -> tuple[Path, Path]:
    text = str(path)
    for suffix in (".vocab.txt", ".npy"):
        if text.endswith(suffix):
            text = text[:-len(suffix)]
            break
    return Path(text + ".npy"), Path(text + ".vocab.txt")


def read_npy_pair(path: Path, encoding: str = "utf-8", mmap: bool = False) -> Vectors:
    npy, vocab = npy_paths(path)
    require_regular(npy, ".npy file")
    _check_npy_header(npy)
    check_pair(npy, vocab)
    try:
        matrix = np.load(npy, allow_pickle=False, mmap_mode="r" if mmap else None)
    except ValueError as exc:
        raise FormatError(npy, f"not a plain numeric NumPy array: {exc}") from None
    if matrix.ndim != 2 or matrix.dtype.kind not in "fiu" or not matrix.size:
        raise FormatError(npy, f"expected a 2-D numeric matrix, found shape {matrix.shape} "
                               f"of {matrix.dtype}")
    names = _read_lines(vocab, encoding)
    if len(names) != len(matrix):
        raise FormatError(vocab, f"{len(names)} names for the {len(matrix)} rows of {npy.name}",
                          min(len(names), len(matrix)) + 1)
    check_unique(names, range(1, len(names) + 1), vocab)
    bad = first_bad_row(matrix)
    if bad is not None:
        raise FormatError(npy, f"the vector of {names[bad]!r} (line {bad + 1} of {vocab.name}) "
                               f"holds NaN or infinity", where=f"row {bad + 1}")
    return Vectors(names, matrix)


def _check_npy_header(npy: Path) -> None:
    """Read only the header and refuse, before numpy allocates anything, a shape the file
    cannot hold (an .npy of shape (10**8, 10**8) is 40 PB), a negative one, or an object
    array (which only pickle could read)."""
    from numpy.lib import format as npy_format

    try:
        with open(npy, "rb") as f:
            version = npy_format.read_magic(f)
            reader = npy_format.read_array_header_1_0 if version == (1, 0) else \
                npy_format.read_array_header_2_0
            shape, _, dtype = reader(f, max_header_size=10_000)
            offset = f.tell()
    except Exception as exc:  # numpy parses the header as a Python literal: SyntaxError, TokenError, ...
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FormatError(npy, f"not a NumPy .npy file, or its header is damaged ({reason})") from None
    if dtype.hasobject or dtype.kind not in "fiu" or len(shape) != 2:
        raise FormatError(npy, f"expected a 2-D numeric matrix, found shape {shape} of {dtype}")
    if min(shape) < 0:
        raise FormatError(npy, f"the header gives a negative shape {shape}")
    need = offset + shape[0] * shape[1] * dtype.itemsize  # Python ints: no overflow
    size = os.stat(npy).st_size
    if need > size:
        raise FormatError(npy, f"the header gives shape {shape} of {dtype}, which needs "
                               f"{need:,} bytes, but the file has {size:,} (truncated or damaged)")


def write_npy_pair(vectors: Vectors, path: Path) -> list[Path]:
    npy, vocab = npy_paths(path)
    names = writable_names(vectors.names, "a .vocab.txt file", "line break")
    with write_pair(npy, vocab, ("wb", "w"), newline="\n") as (fm, fv):
        np.save(fm, np.ascontiguousarray(vectors.matrix, dtype=np.float32), allow_pickle=False)
        fv.writelines(name + "\n" for name in names)
    return [npy, vocab]


# --- CSV with a name column --------------------------------------------------------------

def _csv_layout(path: Path, encoding: str) -> tuple[list[str] | None, list[str]]:
    """(header or None, role of each column): "name", "dim", "count" or "meta".

    The first column holds the names (item ids may be numbers). A header is
    present when the first row's other cells are not all numbers, or are
    exactly 0, 1, 2, ... (pandas' default titles; no trained vector is that);
    then columns titled like ``d0``/``v12``/``dim_3``/``7`` are vector components, ``count``
    (or counts/freq/frequency) holds frequencies, and any other column is text
    metadata, even when it holds numbers (a year). A header with no such
    titles falls back to the rule for headerless files: every column whose
    first cell is a number is a vector component.
    """
    with open(path, "rb") as f:
        head = f.read(1 << 16)
    text = head.decode(encoding, errors="replace")  # the real read reports bad bytes
    rows = _csv_rows(text.lstrip("\ufeff"), path, 2)
    if not rows:
        raise FormatError(path, "the file is empty", 1)
    cells = [c.strip() for c in rows[0][1:]]
    numbered = cells == [str(i) for i in range(len(cells))]
    header = rows[0] if numbered or not all(map(is_number, cells)) else None
    # The header, or else the first row, decides how many columns there are; a shorter or
    # longer row is the careful reader's to name (never fewer vector components).
    width = len(rows[0])
    sample = (rows[-1] + [""] * width)[:width]
    titles = [t.strip().lower() for t in header] if header else [""] * width
    by_title = header is not None and any(_DIM_TITLE.match(t) for t in titles[1:])
    roles = ["name"]
    for title, cell in zip(titles[1:], sample[1:]):
        if title in COUNT_HEADERS and cell.strip().isdigit():
            roles.append("count")
        elif by_title:
            roles.append("dim" if _DIM_TITLE.match(title) else "meta")
        else:
            roles.append("dim" if is_number(cell) else "meta")
    if "dim" not in roles:
        raise FormatError(path, "no numeric columns: expected a name column and vector values",
                          2 if header else 1)
    return header, roles


def read_csv_vectors(path: Path, encoding: str = "utf-8") -> Vectors:
    header, roles = _csv_layout(path, encoding)
    result = _read_csv_fast(path, header, roles, encoding)
    if result is None:
        result = _read_csv_careful(path, header, roles, encoding)
    names, matrix, counts, columns = result
    return Vectors(names, matrix, counts, {"columns": columns} if columns else {})


def _first_line_decodes(path: Path, encoding: str) -> bool:
    with open(path, "rb") as f:
        first = f.readline()
    try:
        first.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _read_csv_fast(path, header, roles, encoding):
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    if header and not _first_line_decodes(path, encoding):
        return None  # pyarrow skips the header unread; the careful reader names its bad bytes
    keys = [f"c{j}" for j in range(len(roles))]
    kinds = {"name": pa.string(), "meta": pa.string(), "count": pa.int64(), "dim": pa.float32()}
    try:
        table = pacsv.read_csv(
            str(path), pacsv.ReadOptions(column_names=keys, skip_rows=1 if header else 0,
                                         encoding=encoding, block_size=1 << 24),
            pacsv.ParseOptions(),
            pacsv.ConvertOptions(column_types={k: kinds[r] for k, r in zip(keys, roles)},
                                 strings_can_be_null=False))
    except pa.ArrowException:
        return None
    dims = [j for j, r in enumerate(roles) if r == "dim"]
    matrix = np.empty((table.num_rows, len(dims)), dtype=np.float32)
    for i, j in enumerate(dims):
        if table.column(j).null_count:
            return None
        matrix[:, i] = table.column(j).to_numpy()
    if pc.any(pc.match_substring_regex(table.column(0), "[\r\n]")).as_py():
        return None  # a line break inside a quoted name: the careful reader's line ends decide
    names = [csv_text_value(name) for name in table.column(0).to_pylist()]
    if not names or first_bad_row(matrix) is not None or "" in names \
            or len(set(names)) != len(names):
        return None
    counts = next((table.column(j).to_numpy() for j, r in enumerate(roles) if r == "count"), None)
    if counts is not None and table.column(roles.index("count")).null_count:
        return None
    columns = {(csv_text_value(header[j]) if header else f"column{j}"): [csv_text_value(v) for v in table.column(j).to_pylist()]
               for j, r in enumerate(roles) if r == "meta"}
    return names, matrix, counts, columns


def _csv_rows(text: str, path: Path, limit: int) -> list[list[str]]:
    """The first ``limit`` non-empty rows; a line the csv module cannot split is named."""
    reader = csv.reader(io.StringIO(text, newline=None))  # \r, \r\n and \n end lines, as for pyarrow
    rows = []
    try:
        for row in reader:
            if row:
                rows.append(row)
                if len(rows) == limit:
                    break
    except csv.Error as exc:
        raise FormatError(path, f"not CSV ({exc})", reader.line_num) from None
    return rows


def _read_csv_careful(path, header, roles, encoding):
    """csv-module pass that reads the file or names the first bad line."""
    with open(path, "rb") as f:
        text = "\n".join(decode_lines(f.read(), path, encoding)).lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=None))  # a lone \r ends a line, as for pyarrow
    dims = [j for j, r in enumerate(roles) if r == "dim"]
    names, lines, rows, counts = [], [], [], []
    meta = {j: [] for j, r in enumerate(roles) if r == "meta"}
    for row in _checked(reader, path):
        if not row or reader.line_num == 1 and header:
            continue
        line = reader.line_num
        if len(row) != len(roles):
            raise FormatError(path, f"expected {len(roles)} columns, found {len(row)}", line)
        names.append(csv_text_value(row[0]))
        lines.append(line)
        rows.append(parse_floats([row[j] for j in dims], path, line, len(dims)))
        if "count" in roles:
            cell = row[roles.index("count")].strip()
            if not cell.isdigit():
                raise FormatError(path, f"count {cell!r} is not a whole number", line)
            counts.append(int(cell))
        for j in meta:
            meta[j].append(csv_text_value(row[j]))
    if not names:
        raise FormatError(path, "the file holds no vectors", max(reader.line_num, 1))
    check_unique(names, lines, path)
    columns = {(csv_text_value(header[j]) if header else f"column{j}"): values for j, values in meta.items()}
    return names, np.stack(rows), np.array(counts) if counts else None, columns



def _checked(reader, path: Path):
    """The csv reader's rows; a line it cannot split is named."""
    try:
        yield from reader
    except csv.Error as exc:
        raise FormatError(path, f"not CSV ({exc})", reader.line_num) from None

def write_csv_vectors(vectors: Vectors, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    writable_names(vectors.names, "CSV", None)
    columns = metadata_columns(vectors)
    arrays = [pa.array(vectors.counts) if key == "count" and vectors.counts is not None
              else pa.array([csv_text(v) for v in values]) for key, values in columns.items()]
    arrays += [pa.array(np.ascontiguousarray(vectors.matrix[:, j])) for j in range(vectors.dim)]
    table = pa.table(arrays, names=[csv_text(k) for k in columns] + [f"d{j}" for j in range(vectors.dim)])
    with atomic_write(path, "wb") as f:
        pacsv.write_csv(table, f)


# --- 2-D or 3-D coordinates -------------------------------------------------------------

def save_coordinates(path: Path, names, coords, extra_columns: dict | None = None) -> None:
    """``name,x,y[,z][,extra...]`` CSV of a 2-D or 3-D projection (quoted where needed; text cells
    escaped for spreadsheets, ``common.csv_text``; numbers as they are)."""
    coords = np.asarray(coords, dtype=np.float64)
    names = list(names)
    if coords.ndim != 2 or coords.shape[0] != len(names) or coords.shape[1] not in (2, 3):
        raise ValueError(f"expected {len(names)} x 2 or {len(names)} x 3 coordinates, got shape {coords.shape}")
    extra = {key: list(values) for key, values in (extra_columns or {}).items()}
    for key, values in extra.items():
        if len(values) != len(names):
            raise ValueError(f"column {key!r} has {len(values)} values for {len(names)} names")
    with atomic_write(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", *"xyz"[:coords.shape[1]], *map(csv_text, extra)])
        for i, name in enumerate(names):
            writer.writerow([csv_text(str(name)), *(repr(float(v)) for v in coords[i]),
                             *(csv_text(_cell_text(values[i])) for values in extra.values())])
