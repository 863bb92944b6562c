"""A w2v-desktop model file (``.npz``: weights, vocabulary, options) read as vectors.

The model file is the training wing's (``core.train.model_file`` saves it and
loads it into a trainer); this reader takes only what queries need, so a model
opens anywhere a vectors file does: the input vectors (``syn0``, what every
panel shows) or the output vectors of negative sampling (``syn1neg``). It reads
the file as the trainer's loader does (``core.untrusted.NpzReader``: no pickle,
only the members it names, sizes checked before anything is decompressed) and
checks what it uses: the metadata's word list against the matrix, counts of
one per word, finite weights.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np

from w2v_desktop.core.formats.common import FormatError
from w2v_desktop.core.untrusted import Member, NpzReader, loads
from w2v_desktop.core.vectors import Vectors

FORMAT = "w2v-desktop-model"  # the "format" field of the model's metadata
MATRICES = {"input": "syn0", "output": "syn1neg"}
META_BYTES = 1 << 20
BYTES_PER_WORD = 256


def is_model_file(path: Path) -> bool:
    """Whether ``path`` is a zip holding a model's metadata and input weights (names only are read)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (OSError, zipfile.BadZipFile):
        return False
    return {"meta_json.npy", "syn0.npy"} <= names


def read_model_vectors(path: Path, matrix: str = "input") -> Vectors:
    """The input (``syn0``) or output (``syn1neg``) vectors of a model file, with its counts and options."""
    if matrix not in MATRICES:
        raise ValueError(f"unknown matrix {matrix!r}; choose input or output")
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            return _read(path, NpzReader(path, zf, lambda why: FormatError(path, why)), matrix)
    except zipfile.BadZipFile:
        raise FormatError(path, "not a w2v-desktop model file (a .npz saved with --model or File > Save model)") \
            from None


def _read(path: Path, reader: NpzReader, matrix: str) -> Vectors:
    wanted = MATRICES[matrix]
    infos = reader.members(("meta_json", "counts", wanted, "syn1"))
    if "meta_json" not in infos:
        raise FormatError(path, "not a w2v-desktop model file (no metadata)")
    if wanted not in infos:
        if matrix == "output" and "syn1" in infos:
            raise FormatError(path, "trained with hierarchical softmax: its output layer (syn1) holds one "
                                    "vector per inner node of the Huffman tree, not one per word, so there "
                                    "are no output vectors to export")
        raise FormatError(path, f"not a w2v-desktop model file (no {wanted})")
    members = {name: reader.header(name, infos[name], lambda n, m: _check_dtype(path, n, m))
               for name in ("meta_json", wanted, "counts") if name in infos}
    shape = members[wanted].shape
    if len(shape) != 2:
        raise FormatError(path, f"{wanted} has shape {shape}; a matrix of vectors is 2-D")
    if members["meta_json"].nbytes > META_BYTES + BYTES_PER_WORD * shape[0]:
        raise FormatError(path, f"meta_json is {members['meta_json'].nbytes:,} bytes, too large for "
                                f"{shape[0]:,} words")
    meta = _meta(path, reader.array(infos["meta_json"], members["meta_json"]))
    words = meta["words"]
    if len(words) != shape[0]:
        raise FormatError(path, f"{wanted} has {shape[0]:,} rows for {len(words):,} words")
    counts = None
    if "counts" in members:
        if members["counts"].shape != (len(words),):
            raise FormatError(path, f"counts has shape {members['counts'].shape}, expected ({len(words)},)")
        counts = reader.array(infos["counts"], members["counts"]).astype(np.int64)
    with np.errstate(over="ignore"):
        weights = np.ascontiguousarray(reader.array(infos[wanted], members[wanted]), dtype=np.float32)
    finite = np.isfinite(weights).all(axis=1)
    if not finite.all():
        raise FormatError(path, f"{wanted} holds NaN or infinite weights (the first at row "
                                f"{int(np.flatnonzero(~finite)[0])})")
    info = {"config": meta.get("config"), "epochs_trained": meta.get("epochs_trained"),
            "source": meta.get("source", "")}
    if matrix == "output":
        info["matrix"] = "output (syn1neg)"
    return Vectors(words, weights, counts, {k: v for k, v in info.items() if v is not None})


def _check_dtype(path: Path, name: str, member: Member) -> None:
    kinds = {"meta_json": "u", "counts": "iu"}.get(name, "f")
    dtype = member.dtype
    if dtype.hasobject or dtype.names is not None or dtype.subdtype is not None or dtype.kind not in kinds:
        raise FormatError(path, f"{name} holds {dtype}, not the numbers a model file holds")


def _meta(path: Path, raw: np.ndarray) -> dict:
    try:
        meta = loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormatError(path, f"damaged model metadata ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise FormatError(path, "not a w2v-desktop model file (its metadata is not a model's)")
    words = meta.get("words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise FormatError(path, "the model's words must be a non-empty list of non-empty strings")
    if len(set(words)) != len(words):
        raise FormatError(path, "the model's word list names a word twice")
    return meta
