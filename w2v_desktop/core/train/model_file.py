"""The full model file: weights, vocabulary and options in one ``.npz``.

Arrays are stored as plain numpy arrays and the metadata (options, words,
epochs trained) as UTF-8 JSON bytes; written atomically.

Loading trusts nothing in the file, because a model file is something users
pass around and the kernels that train it index without bounds checks. So
``load_model`` opens the zip itself rather than with ``np.load``
(``core.untrusted.NpzReader``): it reads only the five members it knows
(anything else is never decompressed), refuses a member whose declared size is
out of proportion to the bytes on disk or to what its ``.npy`` header says,
parses each header without unpickling, and judges shapes against the metadata
(:mod:`.model_checks`) before reading any array's data. The trainer is built only from arrays that passed.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.train.model_checks import (FORMAT, VERSION, WEIGHTS, ModelFileError, check_counts,
                                                 check_header, check_meta, check_shapes, check_weights, fail,
                                                 meta_limit)
from w2v_desktop.core.train.trainer import Trainer
from w2v_desktop.core.train.vocab import Vocab
from w2v_desktop.core.untrusted import NpzReader, loads, require_regular
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

__all__ = ["FORMAT", "VERSION", "ModelFileError", "load_model", "save_model"]

MEMBERS = ("meta_json", "syn0", "counts", "syn1neg", "syn1")
NOT_A_MODEL = QT_TR_NOOP("not a w2v-desktop model file (a .npz saved with --model or File > Save model)")


def save_model(trainer: Trainer, path) -> None:
    meta = {
        "format": FORMAT, "version": VERSION,
        "config": trainer.config.to_dict(),
        "words": trainer.vocab.words,
        "epochs_trained": trainer.epochs_trained,
        "source": trainer.source,
    }
    arrays = {"syn0": trainer.syn0, "counts": trainer.vocab.counts,
              "meta_json": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), np.uint8)}
    if trainer.syn1neg is not None:
        arrays["syn1neg"] = trainer.syn1neg
    if trainer.syn1 is not None:
        arrays["syn1"] = trainer.syn1
    with atomic_write(path, "wb") as f:
        np.savez(f, **arrays)


def load_model(path) -> Trainer:
    """A trainer over the model file at ``path``; :class:`ModelFileError` naming the file if it is not sound."""
    path = Path(path)
    require_regular(path, "model file")
    try:
        with zipfile.ZipFile(path) as zf:
            return _load(path, zf)
    except FileNotFoundError:
        raise fail(path, Phrase(QT_TR_NOOP("no such file"))) from None
    except IsADirectoryError:
        raise fail(path, Phrase(QT_TR_NOOP("a folder, not a model file"))) from None
    except (zipfile.BadZipFile, NotImplementedError):  # NotImplementedError: "zip file version 10.9"
        # numpy's or zipfile's own wording would mislead here
        raise fail(path, Phrase(NOT_A_MODEL)) from None
    except OSError as exc:
        raise fail(path, exc.strerror or str(exc)) from None


def _load(path: Path, zf: zipfile.ZipFile) -> Trainer:
    reader = NpzReader(path, zf, lambda why: fail(path, why))
    infos = reader.members(MEMBERS)
    if "meta_json" not in infos or "syn0" not in infos:
        raise fail(path, Phrase(QT_TR_NOOP("not a w2v-desktop model file (no metadata or weights)")))
    members = {name: reader.header(name, info, lambda n, m: check_header(path, n, m))
               for name, info in infos.items()}
    syn0 = members["syn0"].shape
    rows = syn0[0] if len(syn0) == 2 else 0
    if members["meta_json"].nbytes > meta_limit(rows):
        raise fail(path, f"meta_json is {members['meta_json'].nbytes:,} bytes, too large for {rows:,} words")
    raw = reader.array(infos["meta_json"], members["meta_json"])
    try:
        meta = check_meta(path, loads(raw.tobytes().decode("utf-8")))
    except (UnicodeDecodeError, ValueError) as exc:
        if isinstance(exc, ModelFileError):
            raise
        raise fail(path, Phrase(QT_TR_NOOP("damaged model metadata ({why})"), why=str(exc))) from None
    check_shapes(path, meta, members)
    counts = check_counts(path, reader.array(infos["counts"], members["counts"]))
    weights = {name: check_weights(path, name, reader.array(infos[name], members[name]))
               for name in WEIGHTS if name in members}
    return Trainer.from_weights(meta.config, Vocab(meta.words, counts), weights["syn0"], weights.get("syn1neg"),
                                weights.get("syn1"), meta.epochs_trained, meta.source)
