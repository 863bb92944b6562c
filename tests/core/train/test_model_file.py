"""Crafted model files: each is refused with a ModelFileError naming the file, before the kernels see it."""
from __future__ import annotations

import io
import json
import os
import time
import tracemalloc
import zipfile

import numpy as np
import pytest

from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.text.corpus import Corpus
from w2v_desktop.core.train import model_file
from w2v_desktop.core.train.model_file import ModelFileError, load_model, save_model

WORDS = ["paris", "france", "rome", "italy"]
DIM = 4


def parts(hs: bool = False) -> tuple[dict, dict]:
    """The metadata and arrays of a sound model of four words (``save_model``'s layout)."""
    rng = np.random.default_rng(0)
    config = TrainConfig(dim=DIM, epochs=1, min_count=1, threads=1, hs=hs, sample=0)
    meta = {"format": "w2v-desktop-model", "version": 1, "config": config.to_dict(), "words": list(WORDS),
            "epochs_trained": 1, "source": "corpus.txt"}
    arrays = {"syn0": rng.normal(size=(4, DIM)).astype(np.float32), "counts": np.array([9, 5, 3, 2], np.int64)}
    if hs:
        arrays["syn1"] = rng.normal(size=(3, DIM)).astype(np.float32)
    else:
        arrays["syn1neg"] = rng.normal(size=(4, DIM)).astype(np.float32)
    return meta, arrays


def write(path, meta, arrays, meta_text: str | None = None):
    """Writes a model file as ``save_model`` lays it out, with whatever metadata and arrays it is given."""
    text = json.dumps(meta) if meta_text is None else meta_text
    members = {"meta_json": np.frombuffer(text.encode("utf-8"), np.uint8), **arrays}
    np.savez(path, **members)
    return path


def npy_bytes(array, allow_pickle=False) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=allow_pickle)
    return buffer.getvalue()


def refused(path, *fragments) -> str:
    """Loads ``path`` expecting a ModelFileError that names it; checks that nothing was written beside it."""
    before = sorted(os.listdir(path.parent))
    with pytest.raises(ModelFileError) as caught:
        load_model(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    for fragment in fragments:
        assert fragment in message, message
    assert sorted(os.listdir(path.parent)) == before
    return message


def test_a_sound_model_loads(tmp_path):
    meta, arrays = parts()
    trainer = load_model(write(tmp_path / "m.npz", meta, arrays))
    assert trainer.vocab.words == WORDS and trainer.config.dim == DIM and trainer.syn1 is None
    assert np.array_equal(trainer.syn0, arrays["syn0"]) and trainer.syn0.dtype == np.float32
    assert trainer.epochs_trained == 1 and trainer.source == "corpus.txt"


def test_a_hierarchical_softmax_model_loads(tmp_path):
    meta, arrays = parts(hs=True)
    trainer = load_model(write(tmp_path / "m.npz", meta, arrays))
    assert trainer.syn1neg is None and trainer.syn1.shape == (3, DIM)


def test_weights_of_another_float_type_or_order_are_cast_to_what_the_kernels_take(tmp_path):
    meta, arrays = parts()
    arrays["syn0"] = np.asfortranarray(arrays["syn0"].astype(">f8"))
    trainer = load_model(write(tmp_path / "m.npz", meta, arrays))
    assert trainer.syn0.dtype == np.float32 and trainer.syn0.flags.c_contiguous
    assert np.allclose(trainer.syn0, arrays["syn0"])


def test_a_loaded_model_continues_training(tmp_path):
    from w2v_desktop.core.train.trainer import Trainer

    sentences = [["paris", "france", "rome", "italy"] * 5, ["rome", "italy", "venice"] * 5] * 20
    trainer = Trainer(Corpus.from_sentences(sentences), TrainConfig(dim=DIM, epochs=1, min_count=1, threads=1))
    trainer.train()
    path = tmp_path / "m.npz"
    save_model(trainer, path)
    loaded = load_model(path)
    assert loaded.update(Corpus.from_sentences([["venice", "milan", "milan"]] * 10)) == 1
    last = list(loaded.iter_train())[-1]
    assert last.state == "finished" and np.isfinite(loaded.syn0).all()
    assert len(loaded.vocab) == len(trainer.vocab) + 1


# -- arrays that disagree with the vocabulary or the config ----------------------------------------
def _rows(arrays, name, n):
    arrays[name] = arrays[name][:n]


CASES = {
    "syn1neg with fewer rows": (lambda m, a: _rows(a, "syn1neg", 2), "syn1neg has shape (2, 4)"),
    "syn0 with fewer rows": (lambda m, a: _rows(a, "syn0", 3), "syn0 has shape (3, 4)"),
    "syn0 with a wrong column count": (lambda m, a: a.update(syn0=np.zeros((4, 7), np.float32)),
                                       "syn0 has shape (4, 7), expected (4, 4)"),
    "syn1neg with a wrong column count": (lambda m, a: a.update(syn1neg=np.zeros((4, 2), np.float32)),
                                          "syn1neg has shape (4, 2)"),
    "syn0 of one dimension": (lambda m, a: a.update(syn0=np.zeros(16, np.float32)), "syn0 has shape (16,)"),
    "a zero count": (lambda m, a: a["counts"].__setitem__(2, 0), "counts must all be at least 1"),
    "a negative count": (lambda m, a: a["counts"].__setitem__(0, -5), "first at row 0"),
    "counts too short": (lambda m, a: _rows(a, "counts", 3), "counts has shape (3,)"),
    "counts missing": (lambda m, a: a.pop("counts"), "no counts"),
    "counts of floats": (lambda m, a: a.update(counts=a["counts"].astype(np.float64)), "counts must hold integers"),
    "NaN in syn0": (lambda m, a: a["syn0"].__setitem__((1, 2), np.nan), "syn0 holds NaN or infinite"),
    "inf in syn1neg": (lambda m, a: a["syn1neg"].__setitem__((3, 0), np.inf), "the first row 3"),
    "a float64 too large for float32": (lambda m, a: a.update(syn0=a["syn0"].astype(np.float64) * 1e300),
                                        "syn0 holds NaN or infinite"),
    "complex weights": (lambda m, a: a.update(syn0=a["syn0"].astype(np.complex64)), "syn0 must hold floating"),
    "config dim disagreeing with the arrays": (lambda m, a: m["config"].update(dim=8), "expected (4, 8)"),
    "hs config with syn1neg only": (lambda m, a: m["config"].update(hs=True),
                                    "trains with hierarchical softmax but the file has no syn1"),
    "negative sampling with syn1 too": (lambda m, a: a.update(syn1=np.zeros((3, DIM), np.float32)),
                                        "the file has syn1"),
    "syn0 missing": (lambda m, a: a.pop("syn0"), "no metadata or weights"),
}

META_CASES = {
    "metadata not a dict": (lambda m: [m], "not a w2v-desktop model file"),
    "another format": (lambda m: {**m, "format": "other"}, "not a w2v-desktop model file"),
    "words not a list": (lambda m: {**m, "words": "paris france rome italy"}, "words must be a non-empty list"),
    "duplicate words": (lambda m: {**m, "words": ["paris", "france", "paris", "italy"]}, "'paris' appears twice"),
    "a word that is not a string": (lambda m: {**m, "words": ["paris", 7, "rome", "italy"]}, "word 2 is 7"),
    "an empty word": (lambda m: {**m, "words": ["paris", "", "rome", "italy"]}, "word 2 is ''"),
    "fewer words than rows": (lambda m: {**m, "words": WORDS[:3]}, "counts has shape (4,), expected (3,) for 3 words"),
    "config not a dict": (lambda m: {**m, "config": [1, 2]}, "config must be a JSON object"),
    "config with a string for a number": (lambda m: {**m, "config": {**m["config"], "alpha": "x"}},
                                          "config: alpha must be a finite number"),
    "config with a string for a flag": (lambda m: {**m, "config": {**m["config"], "hs": "no"}},
                                        "config: hs must be true or false"),
    "config out of range": (lambda m: {**m, "config": {**m["config"], "window": 0}}, "config: window"),
    "config with a seed beyond 64 bits": (lambda m: {**m, "config": {**m["config"], "seed": 1 << 70}},
                                          "config: seed must be an integer"),
    "negative epochs_trained": (lambda m: {**m, "epochs_trained": -1}, "epochs_trained must be"),
    "epochs_trained a string": (lambda m: {**m, "epochs_trained": "3"}, "epochs_trained must be"),
    "source not a string": (lambda m: {**m, "source": ["a"]}, "source must be a string"),
    "a newer version": (lambda m: {**m, "version": 9}, "newer w2v-desktop"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_arrays_that_disagree_are_refused(tmp_path, case):
    change, fragment = CASES[case]
    meta, arrays = parts()
    change(meta, arrays)
    refused(write(tmp_path / "bad.npz", meta, arrays), fragment)


@pytest.mark.parametrize("case", META_CASES, ids=list(META_CASES))
def test_metadata_of_the_wrong_shape_is_refused(tmp_path, case):
    change, fragment = META_CASES[case]
    meta, arrays = parts()
    refused(write(tmp_path / "bad.npz", change(meta), arrays), fragment)


def test_an_hs_model_with_too_few_inner_nodes_is_refused(tmp_path):
    meta, arrays = parts(hs=True)
    arrays["syn1"] = arrays["syn1"][:2]
    refused(write(tmp_path / "bad.npz", meta, arrays), "syn1 has shape (2, 4), expected (3 or 4, 4)")


def test_metadata_nested_100000_deep_is_refused_without_recursing(tmp_path):
    meta, arrays = parts()
    deep = json.dumps(meta)[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    refused(write(tmp_path / "bad.npz", meta, arrays, meta_text=deep), "nested 100001 levels deep")


def test_metadata_that_is_not_json_or_not_utf8_is_refused(tmp_path):
    meta, arrays = parts()
    refused(write(tmp_path / "a.npz", meta, arrays, meta_text='{"format": '), "damaged model metadata")
    path = tmp_path / "b.npz"
    np.savez(path, meta_json=np.frombuffer(b"\xff\xfe{}", np.uint8), **arrays)
    refused(path, "damaged model metadata")


def test_metadata_larger_than_the_vocabulary_explains_is_refused_before_it_is_read(tmp_path, monkeypatch):
    meta, arrays = parts()
    padded = json.dumps({**meta, "padding": "x" * (1 << 21)})
    path = write(tmp_path / "bad.npz", meta, arrays, meta_text=padded)
    opened = _record_opens(monkeypatch)
    refused(path, "meta_json is", "too large for 4 words")
    assert opened.count("meta_json.npy") == 1  # its header only: the data is never read


def _record_opens(monkeypatch) -> list[str]:
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def recording_open(self, name, *args, **kwargs):
        opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)
    return opened


# -- the zip itself ----------------------------------------------------------------------------------
def _zip(path, members: dict[str, bytes], deflate: tuple[str, ...] = ()):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data, zipfile.ZIP_DEFLATED if name in deflate else zipfile.ZIP_STORED)
    return path


def _sound_members() -> dict[str, bytes]:
    meta, arrays = parts()
    members = {f"{k}.npy": npy_bytes(v) for k, v in arrays.items()}
    members["meta_json.npy"] = npy_bytes(np.frombuffer(json.dumps(meta).encode(), np.uint8))
    return members


def test_a_member_that_would_expand_hugely_is_refused_before_decompressing(tmp_path):
    rows = 64 << 20 >> 4  # 64 MiB of float32 zeros in four columns: deflates about 1000-fold
    meta, _ = parts()
    meta["words"] = [f"w{i}" for i in range(4)]
    members = _sound_members()
    bomb = np.lib.format.header_data_from_array_1_0(np.zeros((1, DIM), np.float32))
    bomb["shape"] = (rows, DIM)
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, bomb)
    members["syn0.npy"] = header.getvalue() + bytes(rows * DIM * 4)
    path = _zip(tmp_path / "bomb.npz", members, deflate=("syn0.npy",))
    del members
    assert path.stat().st_size < 1 << 20
    tracemalloc.start()
    started = time.perf_counter()
    try:
        refused(path, "syn0.npy would expand from", "refused")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20 and time.perf_counter() - started < 2


def test_a_header_that_disagrees_with_the_declared_size_is_refused(tmp_path):
    members = _sound_members()
    header_only = npy_bytes(np.zeros((4, DIM), np.float32))
    members["syn0.npy"] = header_only[:-DIM * 4]  # a header for four rows, data for three
    refused(_zip(tmp_path / "bad.npz", members), "syn0 declares", "needs")


def test_an_unknown_npy_version_is_refused(tmp_path):
    members = _sound_members()
    data = bytearray(members["syn0.npy"])
    data[6] = 9  # the major version byte after the magic
    members["syn0.npy"] = bytes(data)
    refused(_zip(tmp_path / "bad.npz", members), "syn0.npy is damaged or unreadable", "version 9")


def test_an_object_array_is_refused_without_unpickling(tmp_path, monkeypatch):
    members = _sound_members()
    members["syn0.npy"] = npy_bytes(np.array([[1.0] * DIM] * 4, dtype=object), allow_pickle=True)
    path = _zip(tmp_path / "bad.npz", members)
    monkeypatch.setattr("pickle.loads", lambda *a, **k: pytest.fail("unpickled"))
    refused(path, "syn0 holds Python objects")


def test_unexpected_members_are_ignored_and_never_opened(tmp_path, monkeypatch):
    members = _sound_members()
    members["evil.npy"] = npy_bytes(np.array([{"a": 1}], dtype=object), allow_pickle=True)
    members["zeros.bin"] = bytes(8 << 20)
    path = _zip(tmp_path / "extra.npz", members, deflate=("zeros.bin",))
    opened = _record_opens(monkeypatch)
    trainer = load_model(path)
    assert trainer.vocab.words == WORDS
    assert "evil.npy" not in opened and "zeros.bin" not in opened


def test_two_members_of_the_same_name_are_refused(tmp_path):
    members = _sound_members()
    path = _zip(tmp_path / "twice.npz", members)
    with zipfile.ZipFile(path, "a") as zf, pytest.warns(UserWarning, match="Duplicate name"):
        zf.writestr("syn0.npy", npy_bytes(np.zeros((4, DIM), np.float32)))
    refused(path, "two members named syn0.npy")


def test_a_damaged_member_is_refused(tmp_path):
    members = _sound_members()
    path = _zip(tmp_path / "crc.npz", members)
    data = bytearray(path.read_bytes())
    at = data.find(members["syn0.npy"][-8:])  # inside syn0's stored data
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))
    refused(path, "syn0.npy is damaged or unreadable", "CRC")


def test_a_truncated_file_is_refused(tmp_path):
    meta, arrays = parts()
    path = write(tmp_path / "cut.npz", meta, arrays)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    refused(path, "not a w2v-desktop model file")


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "x.npz"
    path.write_text("paris 0.1 0.2\n")
    refused(path, "not a w2v-desktop model file")


def test_a_missing_file_and_a_folder_are_refused(tmp_path):
    refused(tmp_path / "missing.npz", "no such file")
    folder = tmp_path / "folder.npz"
    folder.mkdir()
    refused(folder, "a folder")


def test_the_module_keeps_its_public_names():
    assert model_file.FORMAT == "w2v-desktop-model" and issubclass(ModelFileError, ValueError)
