"""Guessing what a dropped or opened file is: a project, a model, vectors, ratings or text."""
from __future__ import annotations

from pathlib import Path

RATING_SUFFIXES = {".csv", ".dat", ".data", ".parquet"}
VECTOR_SUFFIXES = {".bin", ".vec", ".w2v", ".npy", ".kv"}
TEXT_SUFFIXES = {".txt", ".cor", ".gz", ".bz2", ".xz", ".text", ".md", ""}


def guess_kind(path: str | Path) -> str:
    """One of "project", "model", "vectors", "ratings", "text"."""
    path = Path(path)
    name = path.name.lower()
    if name.endswith(".w2vproj.json"):
        return "project"
    if name.endswith(".w2vmodel.npz"):
        return "model"
    suffix = path.suffix.lower()
    if suffix in VECTOR_SUFFIXES or name.endswith(".sparrow") or suffix == ".npz":
        return "vectors"
    if suffix in RATING_SUFFIXES:
        return "ratings"
    if suffix in (".txt", ".tsv") and _looks_like_vectors(path):
        return "vectors"  # word2vec/GloVe text files share .txt with corpora
    return "text"


def _looks_like_vectors(path: Path) -> bool:
    """A word2vec header ("count dim") or a name followed only by numbers."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            first = f.readline().split()
            second = f.readline().split()
    except OSError:
        return False

    def numbers(tokens):
        try:
            [float(t) for t in tokens]
            return True
        except ValueError:
            return False

    if len(first) == 2 and all(t.isdigit() for t in first):
        return True
    return len(first) > 2 and numbers(first[1:]) and (not second or numbers(second[1:]))
