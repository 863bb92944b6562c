"""The full model file: weights, vocabulary and options in one ``.npz``.

Arrays are stored as plain numpy arrays and the metadata (options, words,
epochs trained) as UTF-8 JSON bytes; loading never unpickles
(``allow_pickle=False``). Written atomically.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np

from w2v_desktop.core.atomic import atomic_write
from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.train.trainer import Trainer
from w2v_desktop.core.train.vocab import Vocab

FORMAT = "w2v-desktop-model"
VERSION = 1


class ModelFileError(ValueError):
    pass


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
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
    except FileNotFoundError:
        raise ModelFileError(f"{path}: no such file") from None
    except (OSError, ValueError, zipfile.BadZipFile, EOFError):
        # numpy's own wording (e.g. advice about allow_pickle) would mislead here
        raise ModelFileError(f"{path}: not a w2v-desktop model file (a .npz saved with --model "
                             f"or File > Save model)") from None
    if "meta_json" not in data or "syn0" not in data:
        raise ModelFileError(f"{path}: not a w2v-desktop model file (no metadata or weights)")
    try:
        meta = json.loads(bytes(data["meta_json"]).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{path}: damaged model metadata ({exc})") from None
    if meta.get("format") != FORMAT:
        raise ModelFileError(f"{path}: not a w2v-desktop model file")
    words, syn0, counts = meta["words"], data["syn0"], data["counts"]
    if not (len(words) == syn0.shape[0] == counts.shape[0]):
        raise ModelFileError(f"{path}: {len(words)} words but {syn0.shape[0]} weight rows")
    config = TrainConfig.from_dict(meta["config"])
    return Trainer.from_weights(config, Vocab(words, counts), syn0.astype(np.float32), data.get("syn1neg"),
                                data.get("syn1"), int(meta.get("epochs_trained", 0)), meta.get("source", ""))
