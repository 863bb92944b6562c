"""The one text-corpus reader: progress as it reads, a cancel that stops it, and
``read_corpus`` giving the same corpus without the reports."""
from __future__ import annotations

import os

import numpy as np
import pytest

from tests.conftest import run_job
from w2v_desktop.core.cancel import Cancelled, CancelToken
from w2v_desktop.core.jobs import corpus as reader
from w2v_desktop.core.jobs.corpus import LoadProgress, load_text_corpus, read_corpus
from w2v_desktop.core.text.tokenize import TokenizeOptions


@pytest.fixture
def text(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("".join(f"The cat {i % 7} sat on the mat\n" for i in range(3000)), encoding="utf-8")
    return path


def test_progress_rises_to_the_end_and_the_corpus_matches_read_corpus(text, monkeypatch):
    monkeypatch.setattr(reader, "REPORT_EVERY_S", 0.0)  # a report for every line
    records, corpus = run_job(load_text_corpus(str(text), TokenizeOptions(stop_words="english")))
    assert all(isinstance(r, LoadProgress) for r in records) and len(records) > 100
    fractions = [r.fraction for r in records]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert records[-1].message == "Counting words of c.txt" and "sentences" in records[0].message
    same = read_corpus(str(text), TokenizeOptions(stop_words="english"))
    assert corpus.words == same.words == ["cat", "0", "sat", "mat", "1", "2", "3", "4", "5", "6"]
    assert np.array_equal(corpus.tokens, same.tokens) and np.array_equal(corpus.offsets, same.offsets)
    assert corpus.n_sentences == 3000 and corpus.source == str(text)


def test_cancel_stops_reading_at_the_next_report(text, monkeypatch):
    monkeypatch.setattr(reader, "REPORT_EVERY_S", 0.0)
    token = CancelToken()
    job = load_text_corpus(str(text), cancel=token)
    first = next(job)
    assert "1 sentences" in first.message
    token.cancel()
    with pytest.raises(Cancelled):
        next(job)


def test_a_cancelled_read_corpus_raises_instead_of_returning_part(text):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        read_corpus(str(text), cancel=token)


@pytest.mark.parametrize("how", ["cancel", "close"])
def test_a_stopped_read_leaves_no_spill_file(tmp_path, monkeypatch, how):
    """Past its RAM bound the reader spills ids to a temporary file. The file has no name from
    the start (nothing for a kill to leave in the folder), and a read stopped by Cancel or by
    the GUI worker closing the generator closes it, which frees its space."""
    import functools

    from w2v_desktop.core.cancel import CancelToken, Cancelled
    from w2v_desktop.core.jobs import corpus as reader
    from w2v_desktop.core.text import corpus as builder_module

    spill_dir = tmp_path / "spill"
    spill_dir.mkdir()
    opened, real_spill_file = [], builder_module.spill_file

    def spy(folder):
        opened.append(real_spill_file(folder))
        return opened[-1]

    monkeypatch.setattr(builder_module, "spill_file", spy)
    monkeypatch.setattr(reader, "CorpusBuilder",
                        functools.partial(reader.CorpusBuilder, spill_tokens=50, spill_dir=str(spill_dir)))
    monkeypatch.setattr(reader, "REPORT_EVERY_S", 0.0)
    text = tmp_path / "t.txt"
    text.write_text("the cat sat on the mat\n" * 2000, encoding="utf-8")
    token = CancelToken()
    job = reader.load_text_corpus(str(text), cancel=token)
    for _ in range(20):
        next(job)
    assert opened and opened[0].tell() > 0, "the test must reach the spill path"
    assert os.fstat(opened[0].fileno()).st_nlink == 0 and not list(spill_dir.iterdir())
    if how == "cancel":
        token.cancel()
        with pytest.raises(Cancelled):
            for _ in job:
                pass
    else:
        job.close()
    assert opened[0].closed and not list(spill_dir.iterdir())


def test_a_finished_spilled_corpus_is_mapped_from_a_nameless_file(tmp_path):
    from w2v_desktop.core.text import CorpusBuilder

    builder = CorpusBuilder(spill_tokens=10, spill_dir=str(tmp_path))
    for _ in range(20):
        builder.add(["a", "b", "c"])
    corpus = builder.finish()
    assert isinstance(corpus.tokens, np.memmap) and corpus.n_tokens == 60
    assert corpus.tokens[:6].tolist() == [0, 1, 2, 0, 1, 2] and not list(tmp_path.iterdir())
