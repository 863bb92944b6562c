"""Guessing what a dropped or opened file is: a project, a model, vectors, ratings or text.

Vector files are recognised by the registry's own detector, so a file is
sniffed once on open: ``sniff`` hands the format it found to ``load_vectors``.
A Spark model is a folder, and a Parquet file may be ratings or a vector table:
both are told by what is inside, not by a name.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from w2v_desktop.core.formats.common import FormatError, is_number
from w2v_desktop.core.formats.model import is_model_file
from w2v_desktop.core.formats.registry import detect_format
from w2v_desktop.core.formats.spark import is_spark_model, is_vector_table

RATING_SUFFIXES = {".csv", ".dat", ".data", ".parquet"}
VECTOR_SUFFIXES = {".bin", ".vec", ".w2v", ".npy", ".kv"}
# word2vec/GloVe text files share .txt with corpora, Projector TSVs share .tsv with rating files
AMBIGUOUS_SUFFIXES = {".txt", ".tsv"}


@dataclass(frozen=True)
class FileKind:
    kind: str  # "project", "model", "vectors", "ratings" or "text"
    vector_format: str | None = None  # the registry's format name, when it was read from the content


def sniff(path: str | Path) -> FileKind:
    path = Path(path)
    name = path.name.lower()
    if name.endswith(".w2vproj.json"):
        return FileKind("project")
    if name.endswith(".w2vmodel.npz") or (path.suffix.lower() == ".npz" and is_model_file(path)):
        return FileKind("model")
    if is_spark_model(path):
        return FileKind("vectors", "spark")
    suffix = path.suffix.lower()
    if suffix == ".parquet" and is_vector_table(path):
        return FileKind("vectors", "parquet")
    if suffix in VECTOR_SUFFIXES or name.endswith(".sparrow") or suffix == ".npz":
        return FileKind("vectors")
    if suffix in RATING_SUFFIXES:
        return FileKind("ratings")
    if suffix in AMBIGUOUS_SUFFIXES:
        try:
            fmt = detect_format(path)
        except (FormatError, OSError):
            fmt = None
        # the registry takes any .tsv for a Projector file; as a guess, its rows must be all numbers
        if fmt is not None and (fmt != "projector-tsv" or _numbers_only(path)):
            return FileKind("vectors", fmt)
    return FileKind("text")


def _numbers_only(path: Path) -> bool:
    with open(path, encoding="utf-8", errors="replace") as f:
        first = f.readline().split("\t")
    return len(first) > 1 and all(is_number(t) for t in first)


def guess_kind(path: str | Path) -> str:
    """One of "project", "model", "vectors", "ratings", "text"."""
    return sniff(path).kind
