"""A model .npz read as vectors (format "model"): what it takes from the file, and what it refuses."""
import io
import json
import zipfile

import numpy as np
import pytest

from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.formats import FormatError, detect_format, guess_kind, load_vectors
from w2v_desktop.core.train import Trainer, Vocab, save_model

WORDS = ["alpha", "beta", "gamma", "delta"]


@pytest.fixture
def model(tmp_path):
    rng = np.random.default_rng(0)
    trainer = Trainer.from_weights(TrainConfig(dim=3), Vocab(WORDS, np.array([9, 7, 5, 3])),
                                   rng.normal(size=(4, 3)).astype(np.float32),
                                   rng.normal(size=(4, 3)).astype(np.float32), None, 1, "c.txt")
    path = tmp_path / "m.npz"
    save_model(trainer, path)
    return path, trainer


def rewrite(path, **members):
    """The model at ``path`` with some members replaced (raw .npy bytes or arrays)."""
    with zipfile.ZipFile(path) as zf:
        old = {i.filename: zf.read(i) for i in zf.infolist()}
    for name, value in members.items():
        buf = io.BytesIO()
        np.save(buf, value, allow_pickle=True)
        old[name + ".npy"] = buf.getvalue()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in old.items():
            zf.writestr(name, data)


def meta_bytes(**changes):
    meta = {"format": "w2v-desktop-model", "version": 1, "config": TrainConfig(dim=3).to_dict(),
            "words": WORDS, "epochs_trained": 1, "source": ""}
    meta.update(changes)
    return np.frombuffer(json.dumps(meta).encode("utf-8"), np.uint8)


def test_input_and_output_vectors_counts_and_options(model):
    path, trainer = model
    assert detect_format(path) == "model" and guess_kind(path) == "model"
    vec = load_vectors(path)
    assert vec.names == WORDS and np.array_equal(vec.matrix, trainer.syn0)
    assert list(vec.counts) == [9, 7, 5, 3] and vec.meta["config"]["dim"] == 3
    out = load_vectors(path, matrix="output")
    assert np.array_equal(out.matrix, trainer.syn1neg) and out.meta["matrix"] == "output (syn1neg)"


@pytest.mark.parametrize("members, says", [
    ({"syn0": np.array([object()] * 12, dtype=object).reshape(4, 3)}, "syn0 holds object"),
    ({"syn0": np.ones((5, 3), np.float32)}, "5 rows for 4 words"),
    ({"syn0": np.full((4, 3), np.nan, np.float32)}, "NaN"),
    ({"meta_json": meta_bytes(words=["a", "a", "b", "c"])}, "twice"),
    ({"meta_json": meta_bytes(format="other")}, "not a w2v-desktop model"),
    ({"meta_json": np.frombuffer(b"[" * 5000, np.uint8)}, "damaged model metadata"),
    ({"counts": np.ones(3, np.int64)}, "counts has shape"),
])
def test_crafted_members_are_refused_naming_the_file(model, members, says):
    path, _ = model
    rewrite(path, **members)
    with pytest.raises(FormatError, match=says) as info:
        load_vectors(path)
    assert str(path) in str(info.value)


def test_a_plain_npz_is_not_a_model(tmp_path):
    other = tmp_path / "a.npz"
    np.savez(other, x=np.ones(2))
    assert guess_kind(other) == "vectors"
    with pytest.raises(FormatError, match="not a w2v-desktop model"):
        load_vectors(other)
    with pytest.raises(ValueError, match="only a model file"):
        load_vectors(other, "npy", matrix="output")
