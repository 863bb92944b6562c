"""The rules a model file must meet before its arrays reach the trainer.

The Numba kernels index the weight matrices without bounds checks, so a
matrix with fewer rows than the vocabulary, or a column count other than
``config.dim``, would read or write outside it; a zero or negative count
turns the noise distribution and the Huffman tree into NaNs; a NaN weight
spreads to every vector it trains with. Hence every shape is checked against
the metadata from the ``.npy`` headers alone (before any array is read, so a
file cannot make us decompress what it has no right to), and every value once
read. :mod:`.model_file` does the reading; this module only judges.

Every message starts with the file's name; :class:`ModelFileError` is a
``ValueError``, which the CLI prints as one line with exit status 2.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.untrusted import InputError, Member, check_plain_fields, in_file
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

FORMAT = "w2v-desktop-model"
VERSION = 1
META_BYTES = 1 << 20  # the metadata apart from the word list
BYTES_PER_WORD = 256  # a JSON word list averages far less (quotes, comma, UTF-8, escapes)
WEIGHTS = ("syn0", "syn1neg", "syn1")


class ModelFileError(InputError):
    pass


@dataclass(frozen=True)
class Meta:
    config: TrainConfig
    words: list[str]
    epochs_trained: int
    source: str


def fail(path: Path, why: str) -> ModelFileError:
    return ModelFileError(in_file(path, why))


def meta_limit(rows: int) -> int:
    """The most bytes of metadata a model with ``rows`` words may carry."""
    return META_BYTES + BYTES_PER_WORD * rows


def check_header(path: Path, name: str, member: Member) -> None:
    """A member's dtype: numbers only (no objects, no records), the kind its role needs."""
    dtype = member.dtype
    if dtype.hasobject:
        raise fail(path, Phrase(QT_TR_NOOP("{name} holds Python objects; a model file holds numbers only"), name=name))
    kinds = {"meta_json": "u", "counts": "iu"}.get(name, "f")
    if dtype.names is not None or dtype.subdtype is not None or dtype.kind not in kinds:
        wanted = {"u": "bytes", "iu": "integers"}.get(kinds, "floating-point numbers")
        raise fail(path, f"{name} must hold {wanted} (it holds {dtype})")
    if name == "meta_json" and (dtype.itemsize != 1 or len(member.shape) != 1):
        raise fail(path, f"meta_json must be a 1-D array of bytes (it is {dtype}, shape {member.shape})")


def check_meta(path: Path, meta) -> Meta:
    """The metadata's fields and their types; the config must be one training accepts."""
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise fail(path, Phrase(QT_TR_NOOP("not a w2v-desktop model file (its metadata is not a model's)")))
    version = meta.get("version", VERSION)
    if not _is_int(version) or version < 1:
        raise fail(path, f"version must be a positive integer (got {version!r:.40})")
    if version > VERSION:
        raise fail(path, Phrase(QT_TR_NOOP("written by a newer w2v-desktop (model file version {version}); update to "
                                           "load it"), version=version))
    words = meta.get("words")
    if not isinstance(words, list) or not words:
        raise fail(path, "words must be a non-empty list of words")
    for i, word in enumerate(words):
        if not isinstance(word, str) or not word:
            raise fail(path, f"word {i + 1} is {word!r:.40}, not a non-empty string")
    if len(set(words)) != len(words):
        seen: set[str] = set()
        for word in words:
            if word in seen:
                raise fail(path, Phrase(QT_TR_NOOP("the word {word:.60} appears twice"), word=repr(word)))
            seen.add(word)
    config = meta.get("config")
    if not isinstance(config, dict):
        raise fail(path, "config must be a JSON object of training options")
    try:
        check_plain_fields(TrainConfig, config)
        config = TrainConfig.from_dict(config)
    except (TypeError, ValueError) as exc:
        raise fail(path, Phrase(QT_TR_NOOP("config: {why}"), why=str(exc))) from None
    epochs = meta.get("epochs_trained", 0)
    if not _is_int(epochs) or epochs < 0:
        raise fail(path, f"epochs_trained must be a non-negative integer (got {epochs!r:.40})")
    source = meta.get("source", "")
    if not isinstance(source, str):
        raise fail(path, "source must be a string")
    return Meta(config, words, epochs, source)


def check_shapes(path: Path, meta: Meta, members: dict[str, Member]) -> None:
    """Every array's shape against the vocabulary and the config, before any is read.

    The output layer is the one the config trains (``syn1`` for hierarchical
    softmax, ``syn1neg`` for negative sampling), never both: a trainer loaded
    with the wrong one would hand the kernels ``None`` or an untrained matrix.
    ``syn1`` has one row per inner Huffman node, ``V - 1``; a model that grew
    from a single word (``update`` appends a row per new word) has ``V``."""
    rows, dim, hs = len(meta.words), meta.config.dim, meta.config.hs
    if "counts" not in members:
        raise fail(path, Phrase(QT_TR_NOOP("no counts (the model file is incomplete)")))
    layer, other = ("syn1", "syn1neg") if hs else ("syn1neg", "syn1")
    training = Phrase(QT_TR_NOOP("hierarchical softmax") if hs else QT_TR_NOOP("negative sampling"))
    if layer not in members:
        raise fail(path, Phrase(QT_TR_NOOP("the config trains with {training} but the file has no {layer}"),
                                training=training, layer=layer))
    if other in members:
        raise fail(path, Phrase(QT_TR_NOOP("the config trains with {training} but the file has {other}"),
                                training=training, other=other))
    counts = members["counts"].shape
    if counts != (rows,):
        raise fail(path, Phrase(QT_TR_NOOP("counts has shape {shape}, expected ({rows},) for {rows} words"),
                                shape=str(counts), rows=rows))
    for name in ("syn0", layer):
        shape = members[name].shape
        low, high = (max(rows - 1, 1), max(rows, 1)) if name == "syn1" else (rows, rows)
        if len(shape) != 2 or not low <= shape[0] <= high or shape[1] != dim:
            wanted = f"({low}, {dim})" if low == high else f"({low} or {high}, {dim})"
            raise fail(path, Phrase(QT_TR_NOOP("{name} has shape {shape}, expected {wanted} for {rows} words and dim "
                                               "{dim}"), name=name, shape=str(shape), wanted=wanted, rows=rows, dim=dim))


def check_counts(path: Path, counts: np.ndarray) -> np.ndarray:
    """Counts as int64, each at least 1 (the noise table and Huffman tree divide by and weight with them)."""
    if counts.dtype.kind == "u" and counts.size and counts.max() > np.iinfo(np.int64).max:
        raise fail(path, Phrase(QT_TR_NOOP("counts holds a count too large for a 64-bit integer")))
    counts = counts.astype(np.int64)
    bad = np.flatnonzero(counts < 1)
    if len(bad):
        raise fail(path, Phrase(QT_TR_NOOP("counts must all be at least 1 ({n:,} are not, the first at row {row})"),
                                n=len(bad), row=int(bad[0])))
    return counts


def check_weights(path: Path, name: str, weights: np.ndarray) -> np.ndarray:
    """Weights as C-ordered float32 (what the kernels take), all finite after the cast."""
    with np.errstate(over="ignore"):  # a float64 beyond float32's range becomes inf, refused below
        weights = np.ascontiguousarray(weights, dtype=np.float32)
    finite = np.isfinite(weights).all(axis=1)
    if not finite.all():
        row = int(np.flatnonzero(~finite)[0])
        raise fail(path, Phrase(QT_TR_NOOP("{name} holds NaN or infinite weights ({n:,} rows, the first row {row})"),
                                name=name, n=int((~finite).sum()), row=row))
    return weights


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
