"""Every vector file format, in and out: the registry, format detection, and
``load_vectors`` / ``save_vectors`` / ``save_coordinates``.

The readers and writers live in formats_text (word2vec/GloVe/fastText text,
id:vector lines), formats_binary (word2vec binary) and formats_tables
(Embedding Projector TSV pair, .npy + vocabulary pair, CSV, coordinates),
formats_spark (Spark ML Word2VecModel folders, Parquet (item, vector) tables)
and formats_model (a w2v-desktop model .npz, read only: its input vectors, or
with ``matrix="output"`` the output vectors of negative sampling).

Names with spaces: word2vec text/binary, GloVe and fastText end a name at the
first space in every common reader (the C tool, gensim, fastText), so writing
one there is refused with an error naming the first such name, unless
``replace_spaces=True`` asks for each whitespace character to become '_'.
The other formats keep spaces (and any Unicode) as they are.
"""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Generator

from w2v_desktop.core.cancel import run_to_end
from w2v_desktop.core.wording import QT_TR_NOOP
from w2v_desktop.core.formats import model as formats_model
from w2v_desktop.core.formats import spark as formats_spark
from w2v_desktop.core.formats import tables as formats_tables

from w2v_desktop.core.formats import text as formats_text
from w2v_desktop.core.formats.common import (FormatError, UnwritableNameError, first_bad_row,
                                             is_number, read_head, row_label)
from w2v_desktop.core.formats.tables import save_coordinates
from w2v_desktop.core.formats.text import is_header
from w2v_desktop.core.outputs import check_output
from w2v_desktop.core.vectors import Vectors
from w2v_desktop.core.untrusted import require_regular

__all__ = ["FORMATS", "READABLE", "WRITABLE", "FormatError", "FormatInfo", "UnwritableNameError",
           "check_vectors_output", "detect_format", "files_of", "iter_load_vectors", "load_vectors",
           "save_coordinates", "save_counts", "save_vectors"]


@dataclass(frozen=True)
class FormatInfo:
    name: str
    label: str            # for an export menu
    suffix: str           # default file suffix when saving
    can_read: bool
    can_write: bool
    spaces_in_names: bool  # whether names may hold spaces
    counts: bool           # whether word counts survive a round trip


FORMATS: dict[str, FormatInfo] = {f.name: f for f in (
    FormatInfo("word2vec", QT_TR_NOOP("word2vec text (.txt)"), ".txt", True, True, False, False),
    FormatInfo("word2vec-binary", QT_TR_NOOP("word2vec binary (.bin)"), ".bin", True, True, False, False),
    FormatInfo("glove", QT_TR_NOOP("GloVe text, no header (.txt)"), ".txt", True, True, False, False),
    FormatInfo("fasttext", QT_TR_NOOP("fastText text (.vec)"), ".vec", True, True, False, False),
    FormatInfo("projector-tsv", QT_TR_NOOP("TensorFlow Embedding Projector (vectors.tsv + metadata.tsv)"),
               ".tsv", True, True, True, True),
    FormatInfo("npy", QT_TR_NOOP("NumPy matrix + vocabulary (.npy + .vocab.txt)"), ".npy", True, True, True,
               False),
    FormatInfo("csv", QT_TR_NOOP("CSV with a name column (.csv)"), ".csv", True, True, True, True),
    FormatInfo("sparrow", QT_TR_NOOP("id:v1 v2 ... lines (SparrowRecSys item2vec)"), ".txt", True, True, True,
               False),
    # a folder: no suffix, so a name without one is never taken to mean a Spark model
    FormatInfo("spark", QT_TR_NOOP("Spark ML Word2VecModel (folder)"), "", True, True, True, False),
    FormatInfo("parquet", QT_TR_NOOP("Parquet table of item, vector (.parquet)"), ".parquet", True, True, True,
               False),
    # written by training (--model, File > Save model), never by an export
    FormatInfo("model", QT_TR_NOOP("w2v-desktop model (.npz)"), ".npz", True, False, True, True),
)}
READABLE = tuple(name for name, info in FORMATS.items() if info.can_read)
WRITABLE = tuple(name for name, info in FORMATS.items() if info.can_write)

_BY_SUFFIX = {".bin": "word2vec-binary", ".vec": "fasttext", ".tsv": "projector-tsv",
              ".npy": "npy", ".csv": "csv", ".txt": "word2vec", ".parquet": "parquet", ".npz": "model"}


def _check_format(fmt: str) -> FormatInfo:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt]


def load_vectors(path: str | os.PathLike, fmt: str | None = None, *, encoding: str = "utf-8",
                 mmap: bool = False, matrix: str = "input") -> Vectors:
    """Read vectors; ``fmt=None`` detects the format from the content and suffix.

    ``encoding`` decodes names (e.g. "latin-1" for files that are not UTF-8);
    ``mmap`` memory-maps a float32 .npy matrix instead of reading it;
    ``matrix="output"`` reads a model file's output vectors (syn1neg) instead of its input vectors.
    Raises FormatError (a ValueError) naming the file and line on bad input.
    """
    return run_to_end(iter_load_vectors(path, fmt, encoding=encoding, mmap=mmap, matrix=matrix))


def iter_load_vectors(path: str | os.PathLike, fmt: str | None = None, *, encoding: str = "utf-8",
                      mmap: bool = False, matrix: str = "input") -> Generator[tuple[int, int], None, Vectors]:
    """``load_vectors`` as a generator: the text and binary word2vec families yield (bytes
    read, file size) between blocks (a progress report, and a point where a caller may stop
    the read by closing the generator); the other formats read in one step."""
    path = Path(path)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"unknown text encoding {encoding!r}") from None
    require_regular(path, "vectors file")
    fmt = detect_format(path) if fmt is None else fmt
    _check_format(fmt)
    if matrix != "input" and fmt != "model":
        raise ValueError(f"{path}: only a model file (.npz) holds output vectors; this is {FORMATS[fmt].label}")
    if fmt == "model":
        vectors = formats_model.read_model_vectors(path, matrix)
    elif fmt in ("word2vec", "glove", "fasttext"):
        vectors = yield from formats_text.iter_word2vec_text(path, encoding)
    elif fmt == "word2vec-binary":
        from w2v_desktop.core.formats import binary as formats_binary  # Numba: imported when used

        vectors = yield from formats_binary.iter_word2vec_binary(path, encoding)
    elif fmt == "sparrow":
        vectors = yield from formats_text.iter_sparrow(path, encoding)
    elif fmt == "projector-tsv":
        vectors = formats_tables.read_projector(path, encoding)
    elif fmt == "npy":
        vectors = formats_tables.read_npy_pair(path, encoding, mmap)
    elif fmt == "spark":
        try:
            vectors = formats_spark.read_spark_model(path)
        except UnicodeDecodeError as exc:  # names pyarrow took for UTF-8 without checking
            raise FormatError(path, f"names that are not UTF-8 ({exc.reason})") from None
    elif fmt == "parquet":
        vectors = formats_spark.read_parquet_table(path)
    else:
        vectors = formats_tables.read_csv_vectors(path, encoding)
    vectors.meta.update(source=str(path), format=fmt)
    return vectors


def save_vectors(vectors: Vectors, path: str | os.PathLike, fmt: str | None = None, *,
                 replace_spaces: bool = False) -> list[Path]:
    """Write ``vectors`` atomically; returns the files written (two for pair formats).

    ``fmt=None`` picks the format from the suffix (.txt means word2vec text). A Spark model is
    a folder, written beside ``path`` and renamed into place; only nothing, an empty folder or
    another Spark model is replaced.
    Raises UnwritableNameError (a ValueError) for names the format cannot hold.
    """
    path = Path(path)
    fmt = fmt or _BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the format from {path.name!r}; choose one of "
                         f"{', '.join(FORMATS)}")
    info = _check_format(fmt)
    if not info.can_write:
        raise ValueError(f"{path}: {info.label} cannot be written by an export; choose one of "
                         f"{', '.join(WRITABLE)}")
    if not len(vectors):
        raise ValueError("there are no vectors to save")
    bad = first_bad_row(vectors.matrix)
    if bad is not None:
        raise ValueError(f"{path}: {row_label(bad, vectors.names[bad])} has a vector holding NaN or "
                         f"infinity; it cannot be saved as {info.label}")
    try:
        return _write(vectors, path, fmt, info, replace_spaces)
    except UnwritableNameError as exc:
        raise UnwritableNameError(f"{path}: {exc}") from None


def files_of(path: str | os.PathLike, fmt: str) -> list[Path]:
    """The files (or the folder) a vector file of format ``fmt`` at ``path`` consists of:
    both files of a pair format, else ``path`` itself."""
    path = Path(path)
    if fmt == "projector-tsv":
        return list(formats_tables.projector_paths(path))
    if fmt == "npy":
        return list(formats_tables.npy_paths(path))
    return [path]


def check_vectors_output(path: str | os.PathLike, fmt: str | None = None, inputs=()) -> str:
    """Before any work: refuse writing vectors to ``path`` (every file of a pair format) when a
    file there is one of ``inputs``, a device, a FIFO, a socket or a folder (a Spark model is
    a folder: an empty one or another Spark model only), or its folder is missing or not
    writable. Returns the format, from the suffix when ``fmt`` is None. Raises ValueError
    (``outputs.OutputError``) naming the path."""
    fmt = fmt or _BY_SUFFIX.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the format from {Path(path).name!r}; choose one of "
                         f"{', '.join(FORMATS)}")
    _check_format(fmt)
    targets = files_of(path, fmt) if fmt in ("projector-tsv", "npy") else [path]  # as typed: for messages
    for file in targets:
        check_output(file, inputs, folder_ok=fmt == "spark")
    if fmt == "spark":
        formats_spark.check_replaceable(path)
    return fmt


def _write(vectors: Vectors, path: Path, fmt: str, info: FormatInfo, replace_spaces: bool) -> list[Path]:
    if fmt in ("word2vec", "glove", "fasttext"):
        formats_text.write_word2vec_text(vectors, path, header=fmt != "glove",
                                         fmt_label=info.label, replace_spaces=replace_spaces)
    elif fmt == "word2vec-binary":
        from w2v_desktop.core.formats import binary as formats_binary

        formats_binary.write_word2vec_binary(vectors, path, replace_spaces=replace_spaces)
    elif fmt == "sparrow":
        formats_text.write_sparrow(vectors, path)
    elif fmt == "projector-tsv":
        return formats_tables.write_projector(vectors, path)
    elif fmt == "npy":
        return formats_tables.write_npy_pair(vectors, path)
    elif fmt == "spark":
        formats_spark.write_spark_model(vectors, path)
    elif fmt == "parquet":
        formats_spark.write_parquet_table(vectors, path)
    else:
        formats_tables.write_csv_vectors(vectors, path)
    return [path]


def save_counts(vectors: Vectors, path: str | os.PathLike, *, replace_spaces: bool = False) -> Path:
    """Write ``word count`` lines (gensim's ``fvocab``) atomically; ValueError when there are no counts."""
    path = Path(path)
    try:
        formats_text.write_counts(vectors, path, replace_spaces=replace_spaces)
    except UnwritableNameError as exc:
        raise UnwritableNameError(f"{path}: {exc}") from None
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    return path


# --- detection --------------------------------------------------------------------------

def detect_format(path: str | os.PathLike) -> str:
    """The format of ``path`` from its content, with the suffix deciding between
    formats the content cannot tell apart (word2vec text vs fastText .vec)."""
    path = Path(path)
    name = path.name.lower()
    if name.endswith((".npy", ".vocab.txt")):
        return "npy"
    if path.is_dir():
        if formats_spark.is_spark_model(path):
            return "spark"
        if (path / "vectors.tsv").exists():
            return "projector-tsv"
        raise FormatError(path, "a folder, neither a Spark model (metadata/ and data/ in it) "
                                "nor a Projector pair (vectors.tsv in it)")
    head = read_head(path)
    if not head.strip():
        raise FormatError(path, "the file is empty", 1)
    if head.startswith(b"\x93NUMPY"):
        return "npy"
    if head.startswith(b"PK\x03\x04"):
        if formats_model.is_model_file(path):
            return "model"
        raise FormatError(path, "a zip archive (.npz?) that is not a w2v-desktop model file "
                                "(no meta_json and syn0 in it)")
    if head.startswith(b"PAR1"):
        if formats_spark.is_vector_table(path):
            return "parquet"
        raise FormatError(path, "a Parquet file without the columns of a vector table "
                                f"({' or '.join(formats_spark.TABLE_NAME_COLUMNS)}, and vector)")
    lines = head.lstrip(b"\xef\xbb\xbf").split(b"\n")
    first = lines[0].decode("utf-8", errors="replace").split()
    if is_header(first) and b"\t" not in lines[0]:
        return _text_or_binary(lines, int(first[1]), name)
    sample = [ln.decode("utf-8", errors="replace").rstrip("\r") for ln in lines[:-1] or lines]
    sample = [ln for ln in sample if ln.strip()][:20]
    if name.endswith(".tsv") or (sample and all("\t" in ln and _all_numbers(ln.split("\t"))
                                                 for ln in sample)):
        return "projector-tsv"
    if sample and all(":" in ln and _all_numbers(ln.rpartition(":")[2].split()) for ln in sample):
        return "sparrow"
    if sample and _is_sparrow_line(sample[0]) and not name.endswith((".csv", ".vec")):
        # id:v1 v2 lines with a damaged one: the careful id:vector reader names that line
        # (GloVe would read names like "the:0.1" and one dimension fewer)
        return "sparrow"
    if name.endswith(".csv") or (sample and all("," in ln for ln in sample)
                                 and _all_numbers(sample[-1].split(",")[1:])):
        return "csv"
    if sample and len(sample[0].split()) >= 2 and _all_numbers(sample[0].split()[1:]):
        return "fasttext" if name.endswith(".vec") else "glove"
    if name.endswith(".bin"):
        return "word2vec-binary"
    raise FormatError(path, "cannot tell the vector format; choose it explicitly "
                            f"({', '.join(FORMATS)})", 1)


def _is_sparrow_line(line: str) -> bool:
    """``name:v1 v2 ...`` with the first value glued to the name by the colon."""
    name, sep, rest = line.partition(" ")[0].rpartition(":")
    return bool(sep) and is_number(rest) and _all_numbers(line.rpartition(":")[2].split())


def _all_numbers(tokens: list[str]) -> bool:
    tokens = [t for t in tokens if t.strip()]
    return bool(tokens) and all(is_number(t) for t in tokens)


def _text_or_binary(lines: list[bytes], dim: int, name: str) -> str:
    """After a `count dim` header: text when the next line is a name and numbers
    (raw float32 bytes essentially never read as a run of decimal numbers)."""
    if len(lines) > 1:
        tokens = lines[1].decode("utf-8", errors="replace").split()
        if len(tokens) > 1 and _all_numbers(tokens[-min(dim, len(tokens) - 1):]):
            return "fasttext" if name.endswith(".vec") else "word2vec"
    return "word2vec-binary"

