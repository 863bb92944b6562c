"""A saved approximate-neighbour index, kept beside the vectors file it was built from.

``glove.6B.50d.txt`` gets two files: ``glove.6B.50d.txt.cosine.ann``, Voyager's own
index file (:mod:`w2v_desktop.core.vectors.hnsw`: the HNSW graph and the vectors as
plain bytes; Voyager reads it in native code, no Python objects, 0.4 s for GloVe
400k where reading it through Python took four times as long), and
``glove.6B.50d.txt.cosine.ann.json``, the header saying what the index was built
from. Each is written atomically (``core.outputs``), the index first, so a header
never describes a half-written index; the header names the index file's size,
modification time and a hash of samples of it, so an index that does not match
its header is never read.

An index is used only while it is fresh: the header names the vectors file's
size, modification time and a hash of three 64 KiB samples of it (start,
middle, end), and a hash of a sample of the loaded rows. Anything else (the
file was rewritten, another file took its name, the index was built for
other vectors) makes ``load_ann_index`` say why it is stale, and the caller
builds a new one. The header is JSON read with ``core.untrusted.loads``.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.untrusted import loads

FORMAT = "w2v-desktop-ann"
VERSION = 1
SAMPLE_BYTES = 1 << 16
SAMPLE_ROWS = 256
MAX_HEADER = 1 << 16


class AnnFileError(ValueError):
    """An index file that cannot be read (damaged, or not an index)."""


@dataclass(frozen=True)
class Loaded:
    index: object | None  # an HnswIndex, or None when stale
    stale: str = ""       # why it cannot be used ("" when fresh)


def index_path_for(vectors_path: str | os.PathLike, metric: str) -> Path:
    """Where the index for ``vectors_path`` under ``metric`` is kept (beside it)."""
    path = Path(vectors_path)
    return path.parent / f"{path.name}.{metric}.ann"


def header_path(index_path: str | os.PathLike) -> Path:
    """The header file of an index file."""
    path = Path(index_path)
    return path.parent / f"{path.name}.json"


def fingerprint(path: str | os.PathLike) -> dict:
    """Size, modification time and a hash of samples of a file (or of a folder's file list)."""
    path = Path(path)
    digest = hashlib.sha256()
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
        stats = [p.stat() for p in files]
        for p, st in zip(files, stats):
            digest.update(f"{p.relative_to(path)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8"))
        return {"size": sum(st.st_size for st in stats),
                "mtime_ns": max((st.st_mtime_ns for st in stats), default=0), "sample_sha256": digest.hexdigest()}
    st = path.stat()
    with open(path, "rb") as f:
        for offset in sorted({0, max(0, st.st_size // 2 - SAMPLE_BYTES // 2), max(0, st.st_size - SAMPLE_BYTES)}):
            f.seek(offset)
            digest.update(f.read(SAMPLE_BYTES))
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sample_sha256": digest.hexdigest()}


def rows_digest(vectors) -> str:
    """A hash of the names and rows of a spread-out sample of the vectors."""
    rows = np.unique(np.linspace(0, len(vectors) - 1, min(SAMPLE_ROWS, len(vectors))).astype(np.int64))
    digest = hashlib.sha256(f"{len(vectors)} {vectors.dim}\n".encode("utf-8"))
    digest.update("\n".join(vectors.names[r] for r in rows).encode("utf-8"))
    digest.update(np.ascontiguousarray(vectors.matrix[rows], dtype=np.float32).tobytes())
    return digest.hexdigest()


def save_ann_index(index, path: str | os.PathLike, source: str | os.PathLike, vectors) -> Path:
    """Write ``index`` (an HnswIndex over ``vectors``, read from ``source``) to ``path`` and its
    header beside it, each atomically, the index first."""
    path = Path(path)
    with atomic_write(path, "wb") as f:
        index.save(f)
    meta = {"format": FORMAT, "version": VERSION, "engine": "voyager-hnsw", "metric": index.metric,
            "rows": len(vectors), "dim": vectors.dim, "source": Path(source).name,
            "fingerprint": fingerprint(source), "rows_sha256": rows_digest(vectors),
            "index_fingerprint": fingerprint(path), "build_seconds": round(index.build_seconds, 3)}
    with atomic_write(header_path(path), "w") as f:
        json.dump(meta, f, indent=1)
    return path


def load_ann_index(path: str | os.PathLike, source: str | os.PathLike, vectors, metric: str) -> Loaded:
    """The index saved at ``path`` if it is fresh for ``source``'s ``vectors`` under ``metric``,
    else ``Loaded(None, why)``. AnnFileError when the files are damaged or not an index."""
    from w2v_desktop.core.vectors.hnsw import HnswIndex

    path = Path(path)
    head = header_path(path)
    if not head.exists():
        return Loaded(None, f"its header {head.name} is missing")
    if head.stat().st_size > MAX_HEADER:
        raise AnnFileError(f"{head}: too large for an index header")
    try:
        meta = loads(head.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise AnnFileError(f"{head}: damaged header ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise AnnFileError(f"{head}: not a w2v-desktop index header")
    if meta.get("version") != VERSION:
        return Loaded(None, f"index version {meta.get('version')!r:.20}, this w2v-desktop writes {VERSION}")
    why = _stale(meta, path, source, vectors, metric)
    if why:
        return Loaded(None, why)
    try:
        return Loaded(HnswIndex.load(vectors, metric, path, meta.get("build_seconds", 0.0)))
    except ValueError as exc:
        raise AnnFileError(f"{path}: {exc}") from None


def _stale(meta: dict, path: Path, source, vectors, metric: str) -> str:
    """Why the index described by ``meta`` does not fit (empty when it does)."""
    if meta.get("metric") != metric:
        return f"it was built for {meta.get('metric')!r:.20}, not {metric}"
    if meta.get("rows") != len(vectors) or meta.get("dim") != vectors.dim:
        return "it was built for vectors of another size"
    saved, now = meta.get("fingerprint"), fingerprint(source)
    if not isinstance(saved, dict) or saved.get("size") != now["size"] or \
            saved.get("sample_sha256") != now["sample_sha256"]:
        return f"{Path(source).name} changed since the index was built"
    if saved.get("mtime_ns") != now["mtime_ns"]:
        return f"{Path(source).name} was modified since the index was built"
    if meta.get("rows_sha256") != rows_digest(vectors):
        return "it was built for other vectors"
    if not path.exists() or meta.get("index_fingerprint") != fingerprint(path):
        return f"the index file {path.name} is not the one its header describes"
    return ""
