"""Makers of the files the bad-input catalogue feeds the CLI: sound ones and damaged ones.

Each maker takes the path to write and returns nothing; the catalogue names
them in its table so that every case says in one line what it creates.
"""
from __future__ import annotations

import gzip
import json
import os
import struct
import zipfile
from pathlib import Path

import numpy as np

from w2v_desktop.core.config import TrainConfig

WORDS = ["the", "cat", "sat", "on", "mat", "dog", "ran", "far"]
DIM = 4


def sentences() -> str:
    """A small corpus every word of which passes min_count 1."""
    rng = np.random.default_rng(0)
    return "".join(" ".join(rng.choice(WORDS, 8)) + "\n" for _ in range(60))


def vectors_matrix(n: int = len(WORDS), dim: int = DIM) -> np.ndarray:
    return np.random.default_rng(1).normal(size=(n, dim)).astype(np.float32)


def w2v_text(header: str | None = None, rows: list[str] | None = None) -> bytes:
    m = vectors_matrix()
    rows = rows if rows is not None else [
        w + " " + " ".join(f"{x:.4f}" for x in r) for w, r in zip(WORDS, m)]
    head = f"{len(rows)} {DIM}" if header is None else header
    return ("\n".join([head] + rows) + "\n").encode() if head else ("\n".join(rows) + "\n").encode()


def w2v_binary(count: int = len(WORDS), dim: int = DIM, cut: int = 0) -> bytes:
    m = vectors_matrix()
    body = b"".join(w.encode() + b" " + r.astype("<f4").tobytes() + b"\n" for w, r in zip(WORDS, m))
    data = f"{count} {dim}\n".encode() + body
    return data[:len(data) - cut]


def npy_header(shape: tuple, dtype: str = "<f4") -> bytes:
    """A version-1.0 .npy header declaring ``shape`` with nothing (or little) after it."""
    text = f"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {shape!r}, }}"
    text += " " * (-(len(text) + 11) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text.encode("latin-1")


def npy_array(array: np.ndarray, allow_pickle: bool = False) -> bytes:
    import io
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=allow_pickle)
    return buf.getvalue()


def vocab(n: int = len(WORDS)) -> bytes:
    return ("\n".join(WORDS[:n]) + "\n").encode()


def ratings_csv(rows: list[str] | None = None, header: str = "userId,movieId,rating,timestamp") -> bytes:
    rows = rows if rows is not None else [
        f"{u},{i},{(u + i) % 5 + 1},{1_000_000_000 + 60 * (u * 10 + i)}" for u in range(1, 6) for i in range(1, 8)]
    return ("\n".join([header] + rows) + "\n").encode() if header else ("\n".join(rows) + "\n").encode()


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


def model(path: Path, change=None, arrays_change=None, meta_text: str | None = None) -> None:
    """A sound four-word model file (``save_model``'s layout), optionally changed."""
    words = ["the", "cat", "sat", "on"]
    rng = np.random.default_rng(0)
    config = TrainConfig(dim=DIM, epochs=1, min_count=1, threads=1, sample=0)
    meta = {"format": "w2v-desktop-model", "version": 1, "config": config.to_dict(), "words": words,
            "epochs_trained": 1, "source": "corpus.txt"}
    arrays = {"syn0": rng.normal(size=(4, DIM)).astype(np.float32), "counts": np.array([9, 5, 3, 2], np.int64),
              "syn1neg": rng.normal(size=(4, DIM)).astype(np.float32)}
    if change:
        change(meta)
    if arrays_change:
        arrays_change(arrays)
    text = json.dumps(meta) if meta_text is None else meta_text
    with open(path, "wb") as f:
        np.savez(f, meta_json=np.frombuffer(text.encode(), np.uint8), **arrays)


def zip_bomb(path: Path) -> None:
    """A model whose syn0 member declares 10 GiB in a few bytes."""
    model(path)
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            if name == "syn0.npy":
                data = npy_header((1 << 28, 10)) + b"\0" * 4096
                zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
            else:
                zf.writestr(name, data)


def project(path: Path, **fields) -> None:
    data = {"format": "w2v-desktop-project", "version": 1, **fields}
    path.write_text(json.dumps(data), encoding="utf-8")


def fifo(path: Path) -> None:
    os.mkfifo(path)
