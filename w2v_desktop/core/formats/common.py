"""Shared pieces of the vector file formats: errors, name checks, line decoding.

Every reader reports bad input as a ``FormatError`` naming the file and the
line (or record, for binary files); every writer refuses names its format
cannot hold instead of silently changing them.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
from w2v_desktop.core.untrusted import InputError, require_regular
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

HEAD_BYTES = 1 << 16  # enough to sniff a format and read a header


class FormatError(InputError):
    """A vector file that cannot be read; the message names the file and where.

    ``reason`` and ``where`` may be ``Phrase``s; the message is one too, so the window
    says it in its language while the command line prints the same English."""

    def __init__(self, path: str | os.PathLike, reason: str, line: int | None = None,
                 where: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.line = line
        if where is None and line is not None:
            where = at_line(line)
        self.where = where
        super().__init__(Phrase(QT_TR_NOOP("{path}, {where}: {reason}"), path=self.path, where=where, reason=reason)
                         if where else Phrase(QT_TR_NOOP("{path}: {reason}"), path=self.path, reason=reason))


def at_line(line: int) -> Phrase:
    return Phrase(QT_TR_NOOP("line {line}"), line=line)


def at_record(record: int) -> Phrase:
    return Phrase(QT_TR_NOOP("record {record}"), record=record)


def at_row(row: int) -> Phrase:
    return Phrase(QT_TR_NOOP("row {row}"), row=row)


class UnwritableNameError(InputError):
    """A name the chosen export format cannot hold (space, tab, line break...)."""


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    require_regular(path, "vectors file")
    with open(path, "rb") as f:
        return f.read(size)


def decode_line(raw: bytes, path: Path, line: int, encoding: str) -> str:
    """Decode one line, or fail naming the line and the offending byte."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = raw[exc.start:exc.start + 1].hex()
        raise FormatError(path, Phrase(QT_TR_NOOP("bytes are not valid {encoding} (byte 0x{bad} at column "
                                                  "{column}); pass another encoding, e.g. encoding='latin-1'"),
                                       encoding=encoding, bad=bad, column=exc.start + 1), line) from None


def decode_lines(data: bytes, path: Path, encoding: str) -> list[str]:
    """All lines of a small text file (line ends dropped), decoded in one call;
    on bad bytes, the error names their line."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        end = data.find(b"\n", exc.start)
        decode_line(data[start:end if end >= 0 else len(data)], path,
                    data.count(b"\n", 0, exc.start) + 1, encoding)
        raise  # not reached: decode_line raised FormatError for that line
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return [ln.rstrip("\r") for ln in lines] if "\r" in text else lines


def is_number(token: str) -> bool:
    try:
        float(token)
    except ValueError:
        return False
    return True


def parse_floats(tokens: list[str], path: Path, line: int, expected: int) -> np.ndarray:
    """One row of numbers; used to locate a bad value after a bulk parse failed."""
    if len(tokens) != expected:
        raise FormatError(path, values_found(expected, len(tokens)), line)
    for i, token in enumerate(tokens, start=1):
        if not is_number(token):
            raise FormatError(path, Phrase(QT_TR_NOOP("value {i} ({token}) is not a number"), i=i,
                                           token=repr(token[:40])), line)
    row = np.array(tokens, dtype=np.float32)
    bad = np.flatnonzero(~np.isfinite(row))
    if bad.size:
        raise FormatError(path, Phrase(QT_TR_NOOP("value {i} is {token}; vectors must be finite numbers"),
                                       i=int(bad[0]) + 1, token=repr(tokens[bad[0]])), line)
    return row


def check_unique(names: list[str], numbers, path: Path, unit: str = "line") -> None:
    """Raise at the line (or record) of the first repeated or empty name."""
    if "" not in names and len(set(names)) == len(names):
        return
    seen: dict[str, int] = {}
    for name, number in zip(names, numbers):
        number = int(number)
        line = number if unit == "line" else None
        at = {"line": at_line, "record": at_record, "row": at_row}[unit]
        if not name:
            raise FormatError(path, Phrase(QT_TR_NOOP("empty name")), line, where=at(number))
        first = seen.setdefault(name, number)
        if first != number:
            raise FormatError(path, Phrase(QT_TR_NOOP("duplicate name {name} (first at {first})"),
                                           name=repr(name), first=at(first)), line, where=at(number))


def values_found(expected: int, found: int) -> Phrase:
    return Phrase(QT_TR_NOOP("expected {expected} values, found {found}"), expected=expected, found=found)


EMPTY_FILE = QT_TR_NOOP("the file is empty")


def header_too_big(count: int, dim: int, need: int, size: int) -> Phrase:
    return Phrase(QT_TR_NOOP("the header '{count} {dim}' promises {count:,} vectors of dimension {dim:,}, which need "
                             "at least {need:,} bytes, but the file has {size:,} (truncated, or not this format)"),
                  count=count, dim=dim, need=need, size=size)


def first_bad_row(matrix: np.ndarray) -> int | None:
    """Index of the first row holding NaN or infinity, or None."""
    finite = np.isfinite(matrix).all(axis=1)
    if finite.all():
        return None
    return int(np.argmin(finite))


# --- names on write -------------------------------------------------------

def row_label(index: int, name: str) -> str:
    """Where a name sits, for messages: 'row 3 (name 'a b')', counting rows from 1
    like the lines of the files we read."""
    return f"row {index + 1} (name {name!r})"


_FORBIDDEN = {
    "whitespace": (re.compile(r"\s"), "whitespace"),
    "tab": (re.compile(r"[\t\r\n]"), "a tab or line break"),
    "line break": (re.compile(r"[\r\n]"), "a line break"),
    None: (None, ""),
}


def writable_names(names: list[str], fmt_label: str, forbid: str | None,
                   replace_spaces: bool = False) -> list[str]:
    """Names as they will be written, or UnwritableNameError for the first bad one.

    ``forbid="whitespace"`` formats (word2vec text/binary, GloVe, fastText) end a
    name at the first space in every common reader, so a space would shift all
    the numbers. With ``replace_spaces`` each whitespace character becomes '_';
    without it we refuse, because a silent change would break lookups later.
    """
    pattern, what = _FORBIDDEN[forbid]
    if forbid == "whitespace" and replace_spaces:
        names = [pattern.sub("_", n) for n in names]
        if len(set(names)) != len(names):
            first: dict[str, int] = {}
            row = next(i for i, n in enumerate(names) if first.setdefault(n, i) != i)
            raise UnwritableNameError(
                f"replacing spaces with '_' makes rows {first[names[row]] + 1} and {row + 1} "
                f"the same name ({names[row]!r}); rename one before exporting to {fmt_label}")
    if "" in names:
        raise UnwritableNameError(f"row {names.index('') + 1} has an empty name; "
                                  f"{fmt_label} cannot hold it")
    if pattern is not None and pattern.search("\x00".join(names)):
        row, name = next((i, n) for i, n in enumerate(names) if pattern.search(n))
        hint = "; pass replace_spaces=True (--replace-spaces) to write '_' instead" \
            if forbid == "whitespace" else ""
        raise UnwritableNameError(f"{row_label(row, name)} contains {what}, which {fmt_label} "
                                  f"cannot hold{hint}")
    return names


def check_cell_values(column: str, values: list[str], names: list[str], fmt_label: str) -> None:
    """Metadata cells (and their column title) of tab-separated files may not hold
    tabs or line breaks."""
    pattern = _FORBIDDEN["tab"][0]
    if pattern.search(column):
        raise UnwritableNameError(f"column title {column!r} contains a tab or line break, "
                                  f"which {fmt_label} cannot hold")
    for row, value in enumerate(values):
        if pattern.search(value):
            raise UnwritableNameError(f"column {column!r}, {row_label(row, names[row])}: value "
                                      f"{value[:40]!r} contains a tab or line break, which "
                                      f"{fmt_label} cannot hold")


def format_rows(matrix: np.ndarray, delimiter: str) -> list[bytes]:
    """Rows of numbers as text lines (shortest float32 repr that reads back exactly).

    pyarrow's CSV writer formats floats in C; Python's repr per value is ~20x slower.
    """
    import io

    import pyarrow as pa
    import pyarrow.csv as pacsv

    table = pa.table([pa.array(np.ascontiguousarray(matrix[:, j])) for j in range(matrix.shape[1])],
                     names=[f"d{j}" for j in range(matrix.shape[1])])
    buf = io.BytesIO()
    pacsv.write_csv(table, buf, pacsv.WriteOptions(include_header=False, delimiter=delimiter))
    lines = buf.getvalue().split(b"\n")
    return lines[:-1] if lines and not lines[-1] else lines


# --- CSV for spreadsheets (the csv vectors format, 2-D coordinates) ------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def csv_text(cell: str) -> str:
    """A text cell for a CSV file meant for spreadsheets: one that would start a formula
    (``= + - @``, or a tab or carriage return before one) gets a leading ``'``, as OWASP advises.
    A leading ``'`` is escaped too, so :func:`csv_text_value` undoes exactly this and nothing
    else. Numbers (``-1.5``) are left alone: a negative number must stay a number."""
    if cell.startswith(_FORMULA_START) and not is_number(cell):
        return "'" + cell
    return cell


def csv_text_value(cell: str) -> str:
    """The text :func:`csv_text` was given (a cell it did not escape is returned as it is)."""
    if cell.startswith("'") and csv_text(cell[1:]) == cell:
        return cell[1:]
    return cell
