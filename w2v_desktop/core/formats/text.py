"""Text vector files: word2vec and fastText (``count dim`` header), GloVe (no
header), and SparrowRecSys' ``id:v1 v2 ...`` lines.

Reading is two-tier. The fast tier hands the whole file to pyarrow's CSV
reader (multi-threaded C++; 7-12x faster than gensim's per-line Python in
benchmarks/bench_load.py). Any
surprise there - a ragged row, NaN, a duplicate, undecodable bytes, names with
spaces - sends the file to the careful tier, a streaming line-by-line parser
that either reads it (it tolerates extra spaces and names with spaces) or
raises a FormatError naming the exact line. Errors therefore always come from
one place, with one wording.
"""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Generator

import numpy as np

from w2v_desktop.core.cancel import run_to_end
from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.formats.common import (EMPTY_FILE, FormatError, check_unique, decode_line, first_bad_row,
                                             format_rows, header_too_big, is_number, parse_floats, values_found,
                                             writable_names)
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase
from w2v_desktop.core.vectors import Vectors, VectorsError

ROWS_PER_BLOCK = 20_000  # rows converted/written at a time: bounds memory on huge files
SLACK_BYTES = 1 << 20  # headers promising a little more than the file holds are named at the end
# What Python's str.split() splits at (RE2's \s knows only ASCII space, tab and line ends).
PY_WHITESPACE = r"[\s\x0b\x1c-\x1f\x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
BLOCK_BYTES = 1 << 23  # the fast tier parses this much at a time: the progress and cancel step

# (bytes read, file size): what the readers yield between blocks
Reading = Generator[tuple[int, int], None, "Vectors"]

# split_record(text, dim, path, line) -> (name, value tokens)
RecordSplitter = Callable[[str, "int | None", Path, int], "tuple[str, list[str]]"]


@dataclass(frozen=True)
class TextLayout:
    header_line: int          # line number of the `count dim` header, 0 when absent
    first_line: int           # line number of the first data line (or header)
    count: int | None         # rows promised by the header
    dim: int
    trailing_space: bool      # fastText ends every line with a space


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def _strip_bom(data: bytes, encoding: str) -> bytes:
    return data[3:] if data.startswith(codecs.BOM_UTF8) and _is_utf8(encoding) else data


def is_header(tokens: list[str]) -> bool:
    return len(tokens) == 2 and all(t.isascii() and t.isdigit() for t in tokens)


def _first_lines(path: Path, encoding: str, wanted: int = 2) -> list[tuple[int, bytes]]:
    """The first ``wanted`` non-blank lines with their line numbers (no newline)."""
    found = []
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            raw = _strip_bom(raw, encoding) if number == 1 else raw
            if raw.strip():
                found.append((number, raw.rstrip(b"\r\n")))
                if len(found) == wanted:
                    break
    return found


def _check_header_size(path: Path, count: int, dim: int, line: int) -> None:
    """Refuse a header that promises more than the file can hold, before anything is allocated:
    each vector takes at least a one-character name and ``dim`` one-digit values, each after a
    separator, and a line end (2 * dim + 2 bytes)."""
    size = os.stat(path).st_size
    need = count * (2 * dim + 2)
    if need > 2 * size + SLACK_BYTES:  # a modest shortfall is left to the reader, which says where it ends
        raise FormatError(path, header_too_big(count, dim, need, size), line)


def sniff_text_layout(path: Path, encoding: str = "utf-8") -> TextLayout:
    """Header or not, dimension, trailing spaces - from the first lines."""
    lines = _first_lines(path, encoding)
    if not lines:
        raise FormatError(path, Phrase(EMPTY_FILE), 1)
    (number, raw) = lines[0]
    tokens = decode_line(raw, path, number, encoding).split()
    if is_header(tokens):
        count, dim = int(tokens[0]), int(tokens[1])
        if dim < 1:
            raise FormatError(path, Phrase(QT_TR_NOOP("the header gives dimension {dim}"), dim=dim), number)
        _check_header_size(path, count, dim, number)
        trailing = len(lines) > 1 and lines[1][1].endswith(b" ")
        return TextLayout(number, number, count, dim, trailing)
    if len(tokens) < 2:
        raise FormatError(path, Phrase(QT_TR_NOOP("expected a name followed by numbers, or a 'count dim' header")),
                          number)
    return TextLayout(0, number, None, len(tokens) - 1, raw.endswith(b" "))


# --- fast tier --------------------------------------------------------------

def _read_fast(path: Path, layout: TextLayout, encoding: str
               ) -> tuple[list[str], np.ndarray] | None:
    """The whole file through pyarrow, or None when anything looks unusual
    (duplicates are left to the Vectors constructor, which checks them anyway)."""
    return run_to_end(_iter_fast(path, layout, encoding))


def _iter_fast(path: Path, layout: TextLayout, encoding: str
               ) -> Generator[tuple[int, int], None, tuple[list[str], np.ndarray] | None]:
    """``_read_fast``, yielding (bytes parsed, file size) after each block: pyarrow's
    streaming reader, which parses a block on several threads and is as fast as one
    ``read_csv`` of the whole file."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    if layout.first_line != 1:
        return None
    dim = layout.dim
    total = path.stat().st_size
    columns = [f"c{i}" for i in range(dim + 1 + layout.trailing_space)]
    types = {c: pa.float32() for c in columns[1:dim + 1]}
    types.update({c: pa.string() for c in columns if c not in types})
    batches = []
    try:
        reader = pacsv.open_csv(
            str(path),
            pacsv.ReadOptions(column_names=columns, skip_rows=1 if layout.header_line else 0,
                              encoding=encoding, block_size=BLOCK_BYTES),
            pacsv.ParseOptions(delimiter=" ", quote_char=False, double_quote=False,
                               escape_char=False, ignore_empty_lines=True),
            pacsv.ConvertOptions(column_types=types, strings_can_be_null=False))
        for batch in reader:  # each batch is one block of the file (pyarrow reads ahead)
            batches.append(batch)
            yield min(len(batches) * BLOCK_BYTES, total), total
        table = pa.Table.from_batches(batches, reader.schema)
    except (pa.ArrowException, UnicodeError):
        return None
    if layout.count is not None and table.num_rows != layout.count:
        return None
    if layout.trailing_space and not pc.all(pc.equal(table.column(dim + 1), "")).as_py():
        return None
    matrix = np.empty((table.num_rows, dim), dtype=np.float32)
    for j in range(dim):
        column = table.column(j + 1)
        if column.null_count:
            return None
        matrix[:, j] = column.to_numpy()
    if pc.any(pc.match_substring_regex(table.column(0), PY_WHITESPACE)).as_py():
        return None  # a tab or other space in a name: the careful tier splits on all whitespace
    names = table.column(0).to_pylist()
    if table.num_rows == 0 or first_bad_row(matrix) is not None or "" in names:
        return None
    return names, matrix


# --- careful tier -----------------------------------------------------------

def split_text_record(text: str, dim: int | None, path: Path, line: int) -> tuple[str, list[str]]:
    """``name v1 ... vdim``; the name is all before the last ``dim`` fields, so
    names with spaces (GloVe 840B has some) read whole."""
    if dim is None:
        parts = text.split()
        return parts[0], parts[1:]
    parts = text.rsplit(None, dim)
    if len(parts) <= dim:
        found = len(parts) - 1
        raise FormatError(path, Phrase(QT_TR_NOOP("expected a name and {dim} values, found 1 value") if found == 1
                                       else QT_TR_NOOP("expected a name and {dim} values, found {found} values"),
                                       dim=dim, found=found), line)
    name = parts[0].strip()
    extra = 0
    for word in reversed(name.split()[1:]):  # "a 0.1 0.2 ..." with too many values
        if not is_number(word):
            break
        extra += 1
    if extra:
        raise FormatError(path, Phrase(QT_TR_NOOP("expected {dim} values after the name, found {found}"),
                                       dim=dim, found=dim + extra), line)
    return name, parts[1:]


def split_sparrow_record(text: str, dim: int | None, path: Path, line: int
                         ) -> tuple[str, list[str]]:
    """``name:v1 v2 ...``; split at the LAST ':' (numbers never hold one), so
    names may contain ':' and spaces."""
    name, sep, rest = text.rpartition(":")
    if not sep:
        raise FormatError(path, Phrase(QT_TR_NOOP("expected 'name:v1 v2 ...' but the line has no ':'")), line)
    return name, rest.split()


def read_careful(path: Path, split_record: RecordSplitter, encoding: str = "utf-8",
                 layout: TextLayout | None = None, named: bool = True
                 ) -> tuple[list[str], np.ndarray]:
    """Stream the file line by line; read it or raise at the first bad line."""
    return run_to_end(iter_careful(path, split_record, encoding, layout, named))


def iter_careful(path: Path, split_record: RecordSplitter, encoding: str = "utf-8",
                 layout: TextLayout | None = None, named: bool = True
                 ) -> Generator[tuple[int, int], None, tuple[list[str], np.ndarray]]:
    """``read_careful``, yielding (bytes read, file size) every ROWS_PER_BLOCK rows."""
    total, done = path.stat().st_size, 0
    dim = layout.dim if layout else None
    count = layout.count if layout else None
    skip = layout.header_line if layout else 0
    names: list[str] = []
    line_numbers: list[int] = []
    blocks: list[np.ndarray] = []
    pending: list[list[str]] = []
    number = 0
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            done += len(raw)
            if number == 1:
                raw = _strip_bom(raw, encoding)
            if number <= skip or not raw.strip():
                continue
            name, values = split_record(decode_line(raw.rstrip(b"\r\n"), path, number, encoding),
                                        dim, path, number)
            dim = len(values) if dim is None else dim
            if len(values) != dim:
                raise FormatError(path, values_found(dim, len(values)), number)
            if count is not None and len(names) == count:
                raise FormatError(path, Phrase(QT_TR_NOOP("more vectors than the {count} the header (line {skip}) "
                                                          "promises"), count=count, skip=skip), number)
            names.append(name)
            line_numbers.append(number)
            pending.append(values)
            if len(pending) == ROWS_PER_BLOCK:
                blocks.append(_convert_block(pending, line_numbers, path))
                pending = []
                yield done, total
    if not names:
        raise FormatError(path, Phrase(QT_TR_NOOP("the file holds no vectors")), max(number, 1))
    if count is not None and len(names) < count:
        raise FormatError(path, Phrase(QT_TR_NOOP("the header promises {count} vectors but the file ends after "
                                                  "{found} (line {line})"), count=count, found=len(names), line=number),
                          skip)
    if pending:
        blocks.append(_convert_block(pending, line_numbers, path))
    if named:
        check_unique(names, line_numbers, path)
    return names, np.concatenate(blocks)


def _convert_block(rows: list[list[str]], line_numbers: list[int], path: Path) -> np.ndarray:
    """Rows of tokens to float32 in one call; on failure find and name the bad line."""
    first = len(line_numbers) - len(rows)
    try:
        block = np.array(rows, dtype=np.float32)
        bad = first_bad_row(block)
    except ValueError:
        bad = None
        block = None
    if block is None or bad is not None:
        for i, tokens in enumerate(rows):
            parse_floats(tokens, path, line_numbers[first + i], len(tokens))
        raise FormatError(path, Phrase(QT_TR_NOOP("cannot read these numbers")), line_numbers[first])
    return block


# --- public readers and writers --------------------------------------------------

def read_word2vec_text(path: Path, encoding: str = "utf-8") -> Vectors:
    """word2vec / fastText / GloVe text; the header is optional in all three."""
    return run_to_end(iter_word2vec_text(path, encoding))


def iter_word2vec_text(path: Path, encoding: str = "utf-8") -> Reading:
    """``read_word2vec_text``, yielding (bytes read, file size) as it goes (the careful tier,
    when needed, starts again from 0)."""
    layout = sniff_text_layout(path, encoding)
    result = yield from _iter_fast(path, layout, encoding)
    if result is not None:
        try:
            return Vectors(*result)
        except VectorsError:  # a duplicate name: the careful tier names its line
            pass
    return Vectors(*(yield from iter_careful(path, split_text_record, encoding, layout)))


def read_sparrow(path: Path, encoding: str = "utf-8") -> Vectors:
    return run_to_end(iter_sparrow(path, encoding))


def iter_sparrow(path: Path, encoding: str = "utf-8") -> Reading:
    return Vectors(*(yield from iter_careful(path, split_sparrow_record, encoding)))


def write_word2vec_text(vectors: Vectors, path: Path, *, header: bool, fmt_label: str,
                        replace_spaces: bool = False) -> None:
    names = writable_names(vectors.names, fmt_label, "whitespace", replace_spaces)
    first = f"{len(names)} {vectors.dim}\n" if header else ""
    write_named_rows(path, first, names, vectors.matrix, name_end=b" ", delimiter=" ")


def write_sparrow(vectors: Vectors, path: Path) -> None:
    names = writable_names(vectors.names, "the id:vector format", "line break")
    write_named_rows(path, "", names, vectors.matrix, name_end=b":", delimiter=" ")


def write_named_rows(path: Path, first_line: str, names: list[str], matrix: np.ndarray, *,
                     name_end: bytes, delimiter: str) -> None:
    """``name<name_end>v1<delimiter>v2...`` lines, block by block, atomically."""
    with atomic_write(path, "wb") as f:
        f.write(first_line.encode("utf-8"))
        for start in range(0, len(names), ROWS_PER_BLOCK):
            rows = format_rows(matrix[start:start + ROWS_PER_BLOCK], delimiter)
            chunk = names[start:start + ROWS_PER_BLOCK]
            f.write(b"".join(n.encode("utf-8") + name_end + r + b"\n" for n, r in zip(chunk, rows)))


def write_counts(vectors: Vectors, path: Path, *, replace_spaces: bool = False) -> None:
    """``word count`` per line, in row order: the vocabulary file gensim's
    ``load_word2vec_format(fvocab=...)`` and the C tool's ``-save-vocab`` use."""
    if vectors.counts is None:
        raise ValueError("these vectors carry no word counts (only a trained model or a format "
                         "that keeps counts has them)")
    names = writable_names(vectors.names, "a word count file", "whitespace", replace_spaces)
    with atomic_write(path, "wb") as f:
        for start in range(0, len(names), ROWS_PER_BLOCK):
            chunk = zip(names[start:start + ROWS_PER_BLOCK], vectors.counts[start:start + ROWS_PER_BLOCK].tolist())
            f.write("".join(f"{n} {c}\n" for n, c in chunk).encode("utf-8"))
