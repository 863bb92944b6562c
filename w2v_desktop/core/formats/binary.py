"""word2vec binary files, in the layout of the original C tool.

    b"<count> <dim>\\n"  then per row:  name bytes, b" ", dim little-endian float32,
                                        and an optional b"\\n" (the C tool writes it,
                                        gensim does not)

Names are variable-length, so rows cannot be viewed as one structured array;
a short Numba kernel walks the records once (the file is memory-mapped, not
copied, when large) and a second one gathers the vectors and names into flat arrays.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Generator

import numpy as np
from numba import njit

from w2v_desktop.core.cancel import run_to_end
from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.formats.common import EMPTY_FILE, FormatError, check_unique, header_too_big, writable_names
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase
from w2v_desktop.core.vectors import Vectors, VectorsError

SPACE, NEWLINE = 32, 10
EXPONENT = 0x7F800000  # float32 exponent bits; all set means NaN or infinity
ROWS_PER_BLOCK = 20_000
MMAP_BYTES = 1 << 30
READ_BYTES = 1 << 25  # read this much at a time: the progress and cancel step
SCAN_OK, SCAN_TRUNCATED, SCAN_BAD_NAME = 0, 1, 2


@njit(nogil=True, cache=True)
def scan_records(buf, pos, count, vec_bytes, name_start, name_end):
    """Find each record's name span; the vector follows the name's space.

    Returns (records found, status, position after the last record).
    """
    n = buf.size
    for i in range(count):
        while pos < n and buf[pos] == NEWLINE:  # the C tool's newline after a vector
            pos += 1
        start = pos
        while pos < n and buf[pos] != SPACE:
            if buf[pos] == NEWLINE:
                return i, SCAN_BAD_NAME, start
            pos += 1
        if pos == start:
            return i, SCAN_BAD_NAME, start
        if pos + 1 + vec_bytes > n:
            return i, SCAN_TRUNCATED, start
        name_start[i] = start
        name_end[i] = pos
        pos += 1 + vec_bytes
    return count, SCAN_OK, pos


@njit(nogil=True, cache=True)
def gather_records(buf, name_start, name_end, words, names):
    """Copy each vector's bytes into ``words`` (rows x dim, uint32; the caller
    views it as float32 — the file's little-endian layout is the host's, see
    read_word2vec_binary) and the names, separated by newlines, into ``names``.
    Returns (names' length, first row holding NaN or infinity, or -1): the
    finiteness check rides along the copy."""
    k = 0
    bad = -1
    dim = words.shape[1]
    row_bytes = words.view(np.uint8).reshape(words.shape[0], 4 * dim)
    for i in range(name_start.size):
        v = name_end[i] + 1
        row_bytes[i, :] = buf[v:v + 4 * dim]  # a plain memory copy
        nonfinite = np.uint32(0)
        for j in range(dim):
            nonfinite |= np.uint32((words[i, j] & EXPONENT) == EXPONENT)
        if nonfinite and bad < 0:
            bad = i
        length = name_end[i] - name_start[i]
        names[k:k + length] = buf[name_start[i]:name_end[i]]
        names[k + length] = NEWLINE
        k += length + 1
    return k, bad


def _read_header(buf: np.ndarray, path: Path) -> tuple[int, int, int]:
    end = int(np.argmax(buf[:200] == NEWLINE)) if buf.size else 0
    tokens = bytes(buf[:end]).split() if end else []
    if len(tokens) != 2 or not all(t.isdigit() for t in tokens):
        raise FormatError(path, Phrase(QT_TR_NOOP("expected a 'count dim' header line (is this a word2vec binary "
                                                  "file?)")), 1)
    count, dim = int(tokens[0]), int(tokens[1])
    if count < 1 or dim < 1:
        raise FormatError(path, Phrase(QT_TR_NOOP("the header promises {count} vectors of dimension {dim}"),
                                       count=count, dim=dim), 1)
    # Checked before anything is allocated: each record is a name of at least one byte, a
    # space and 4 * dim bytes (the line end after it is optional).
    need = end + 1 + count * (4 * dim + 2)
    if need > 2 * buf.size + (1 << 20):  # a modest shortfall is named where the records end
        raise FormatError(path, header_too_big(count, dim, need, int(buf.size)), 1)
    return count, dim, end + 1


def read_word2vec_binary(path: Path, encoding: str = "utf-8") -> Vectors:
    return run_to_end(iter_word2vec_binary(path, encoding))


def _read_into(path: Path, size: int) -> Generator[tuple[int, int], None, np.ndarray]:
    """The file's bytes, read READ_BYTES at a time, yielding (bytes read, size)."""
    buf = np.empty(size, dtype=np.uint8)
    view = memoryview(buf)
    done = 0
    with open(path, "rb") as f:
        while done < size:
            n = f.readinto(view[done:done + READ_BYTES])
            if not n:
                break
            done += n
            yield done, size
    return buf[:done]


def iter_word2vec_binary(path: Path, encoding: str = "utf-8") -> Generator[tuple[int, int], None, Vectors]:
    """``read_word2vec_binary``, yielding (bytes read, file size) while it reads the file."""
    size = Path(path).stat().st_size
    if size == 0:
        raise FormatError(path, Phrase(EMPTY_FILE), 1)
    # Past MMAP_BYTES, map the file so it is not held twice in memory (pages come in as the
    # scan reaches them: no progress to report).
    buf = np.memmap(path, dtype=np.uint8, mode="r") if size > MMAP_BYTES else \
        (yield from _read_into(Path(path), size))
    count, dim, pos = _read_header(buf, path)
    vec_bytes = 4 * dim
    name_start = np.empty(count, dtype=np.int64)
    name_end = np.empty(count, dtype=np.int64)
    found, status, end = scan_records(buf, pos, count, vec_bytes, name_start, name_end)
    where = _at_byte(found + 1, end)
    if status == SCAN_TRUNCATED:
        raise FormatError(path, Phrase(QT_TR_NOOP("the header promises {count} vectors but the file ends after "
                                                  "{found}"), count=count, found=found), where=where)
    if status == SCAN_BAD_NAME:
        raise FormatError(path, Phrase(QT_TR_NOOP("no name before the vector, or a line break inside a name "
                                                  "(is the header's dimension {dim} right?)"), dim=dim), where=where)
    rest = bytes(buf[end:end + 64]).strip()
    if rest:
        raise FormatError(path, Phrase(QT_TR_NOOP("data after the {count} vectors the header promises (is the "
                                                  "header's dimension {dim} right?)"), count=count, dim=dim),
                          where=Phrase(QT_TR_NOOP("byte {byte}"), byte=int(end)))
    words = np.empty((count, dim), dtype=np.uint32)
    name_bytes = np.empty(int((name_end - name_start).sum()) + count, dtype=np.uint8)
    size, bad = gather_records(buf, name_start, name_end, words, name_bytes)
    if sys.byteorder != "little":  # the file is little-endian; the copy kept its bytes
        words.byteswap(inplace=True)
        bad = _first_nonfinite(words.view(np.float32))
    names = _decode_names(name_bytes[:size].tobytes(), name_start, path, encoding)
    matrix = words.view(np.float32)
    if bad >= 0:
        raise FormatError(path, Phrase(QT_TR_NOOP("vector of {name} holds NaN or infinity"), name=repr(names[bad])),
                          where=_at_byte(bad + 1, name_start[bad]))
    try:
        return Vectors(names, matrix)
    except VectorsError:  # a duplicate name: say which record
        check_unique(names, range(1, count + 1), path, unit="record")
        raise


def _at_byte(record: int, byte) -> Phrase:
    return Phrase(QT_TR_NOOP("record {record} (byte {byte})"), record=int(record), byte=int(byte))


def _first_nonfinite(matrix: np.ndarray) -> int:
    rows = np.flatnonzero(~np.isfinite(matrix).all(axis=1))
    return int(rows[0]) if len(rows) else -1


def _decode_names(blob: bytes, name_start: np.ndarray, path: Path, encoding: str) -> list[str]:
    try:
        return blob.decode(encoding).split("\n")[:-1]
    except UnicodeDecodeError as exc:
        record = blob.count(b"\n", 0, exc.start)
        raise FormatError(path, Phrase(QT_TR_NOOP("name bytes are not valid {encoding}; pass another encoding, "
                                                  "e.g. encoding='latin-1'"), encoding=encoding),
                          where=_at_byte(record + 1, name_start[record])) from None


def write_word2vec_binary(vectors: Vectors, path: Path, *, replace_spaces: bool = False) -> None:
    names = writable_names(vectors.names, "word2vec binary", "whitespace", replace_spaces)
    matrix = np.ascontiguousarray(vectors.matrix, dtype="<f4")
    with atomic_write(path, "wb") as f:
        f.write(f"{len(names)} {vectors.dim}\n".encode("ascii"))
        for start in range(0, len(names), ROWS_PER_BLOCK):
            rows = matrix[start:start + ROWS_PER_BLOCK]
            f.write(b"".join(name.encode("utf-8") + b" " + row.tobytes() + b"\n"
                             for name, row in zip(names[start:start + ROWS_PER_BLOCK], rows)))
