"""Fuzzing every reader (issue 13): each reader gets sound files written by the app's own
writers, then damaged (bit flips, cuts, inserted quotes, tabs, BOMs, NaN, NUL...). A reader
either reads the file or raises the app's own ``InputError`` (which the CLI prints as one
line with exit 2); anything else - IndexError, MemoryError, a pyarrow or numpy error, a
hang past the example deadline - is a bug.

The short "ci" profile runs 50 examples per reader; ``HYPOTHESIS_PROFILE=long`` runs 5,000.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.mutations import mutated, vector_lines
from w2v_desktop.core.untrusted import InputError
from w2v_desktop.core.vectors import Vectors

NAMES = ["the", "cat", "sat", "on", "mat", "der Hund", "中文", "é:x"]


def sound_vectors() -> Vectors:
    matrix = np.random.default_rng(3).normal(size=(len(NAMES), 3)).astype(np.float32)
    return Vectors(list(NAMES), matrix, np.arange(len(NAMES), 0, -1) * 10)


def _seed_folder(fmt: str) -> tuple[Path, Path, list[Path]]:
    """(folder, path to open, files a mutation may hit) of a sound file set in ``fmt``."""
    from w2v_desktop.core.formats import save_vectors

    folder = Path(tempfile.mkdtemp(prefix=f"fuzz-{fmt}-"))
    vectors = sound_vectors()
    if fmt in ("word2vec", "word2vec-binary", "glove", "fasttext"):
        vectors = Vectors([n.replace(" ", "_") for n in vectors.names], vectors.matrix)
    suffix = {"word2vec": ".txt", "word2vec-binary": ".bin", "glove": ".txt", "fasttext": ".vec", "csv": ".csv",
              "sparrow": ".txt", "projector-tsv": ".tsv", "npy": ".npy", "parquet": ".parquet", "spark": ""}[fmt]
    target = folder / f"v{suffix}"
    written = save_vectors(vectors, target, fmt)
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".crc")] \
        if fmt == "spark" else list(written)
    return folder, target, files


READERS = ["word2vec", "word2vec-binary", "glove", "fasttext", "csv", "sparrow", "projector-tsv", "npy",
           "parquet", "spark"]
_SEEDS: dict[str, tuple[Path, Path, list[Path]]] = {}


def seed(fmt: str):
    if fmt not in _SEEDS:
        _SEEDS[fmt] = _seed_folder(fmt)
    return _SEEDS[fmt]


def expect_read_or_input_error(read, *args, **kwargs):
    try:
        return read(*args, **kwargs)
    except InputError:
        return None
    except OSError as exc:  # the CLI prints these as one line too; only a named file is acceptable
        assert exc.filename, f"an OSError that names no file: {exc!r}"
        return None


@pytest.mark.parametrize("fmt", READERS)
@given(data=st.data())
def test_a_damaged_vectors_file_is_read_or_refused_as_input(fmt, data):
    from w2v_desktop.core.formats import load_vectors

    folder, target, files = seed(fmt)
    victim = data.draw(st.sampled_from(files))
    work = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        copy = work / folder.name
        shutil.copytree(folder, copy)
        hit = copy / victim.relative_to(folder)
        hit.write_bytes(data.draw(mutated(victim.read_bytes())))
        opened = copy / target.relative_to(folder)
        expect_read_or_input_error(load_vectors, opened, fmt)
        expect_read_or_input_error(load_vectors, opened)  # format detection too
    finally:
        shutil.rmtree(work)


@pytest.mark.parametrize("fmt,separator,name_end", [("word2vec", " ", " "), ("sparrow", " ", ":"),
                                                   ("csv", ",", ",")])
@given(data=st.data())
def test_generated_vectors_text_is_read_or_refused_as_input(fmt, separator, name_end, data):
    from w2v_desktop.core.formats import load_vectors

    text = data.draw(vector_lines(separator, name_end))
    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "v.csv" if fmt == "csv" else "v.txt")
        path.write_bytes(text.encode("utf-8"))
        expect_read_or_input_error(load_vectors, path, fmt)
        expect_read_or_input_error(load_vectors, path)


def _sound_ratings() -> bytes:
    rows = [f'{u:03d},"item {i}",{(u * i) % 5 + 1},{1_000_000_000 + u * 100 + i}' for u in range(1, 7)
            for i in range(1, 6)]
    return ("user,item,rating,timestamp\n" + "\n".join(rows) + "\n").encode()


@given(data=st.data())
def test_a_damaged_rating_file_is_read_or_refused_as_input(data):
    from w2v_desktop.core.items import read_ratings

    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "ratings.csv")
        path.write_bytes(data.draw(mutated(_sound_ratings(), max_steps=6)))
        events = expect_read_or_input_error(read_ratings, path)
        if events is not None:
            assert len(events.users) == len(events.items) <= 31
            if events.ratings is not None:
                assert np.isfinite(events.ratings).all()
            if events.times is not None:
                assert np.isfinite(events.times).all()


@given(data=st.data())
def test_a_damaged_corpus_is_read_or_refused_as_input(data):
    from w2v_desktop.core.jobs import read_corpus

    sound = "the cat sat on the mat\nder Hund 中文 schläft\n".encode() * 5
    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "corpus.txt")
        path.write_bytes(data.draw(mutated(sound, max_steps=6)))
        expect_read_or_input_error(read_corpus, str(path))


def _sound_model(path: Path) -> None:
    from w2v_desktop.core.config import TrainConfig
    from w2v_desktop.core.jobs import read_corpus
    from w2v_desktop.core.train import save_model
    from w2v_desktop.core.train.trainer import Trainer

    corpus_path = path.with_suffix(".txt")
    corpus_path.write_text("the cat sat on the mat\n" * 5)
    trainer = Trainer(read_corpus(str(corpus_path)), TrainConfig(dim=4, min_count=1, epochs=1, threads=1))
    save_model(trainer, path)


_MODEL: list[bytes] = []


@given(data=st.data())
def test_a_damaged_model_file_is_loaded_or_refused_as_input(data):
    from w2v_desktop.core.train import load_model

    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "m.npz")
        if not _MODEL:
            _sound_model(path)
            _MODEL.append(path.read_bytes())
        path.write_bytes(data.draw(mutated(_MODEL[0], max_steps=3)))
        expect_read_or_input_error(load_model, path)


@given(data=st.data())
def test_a_damaged_project_file_is_loaded_or_refused_as_input(data):
    from w2v_desktop.core.formats import Project, load_project, save_project

    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "p.w2vproj.json")
        save_project(Project(config={"dim": 50}, data_path="corpus.txt", watch=["the", "cat"]), path)
        path.write_bytes(data.draw(mutated(path.read_bytes(), max_steps=4)))
        expect_read_or_input_error(load_project, path)
