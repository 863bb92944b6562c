"""Long loads report the share of the file read and stop on cancel: rating files, vectors files."""
from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import run_job
from w2v_desktop.core.cancel import CancelToken, Cancelled
from w2v_desktop.core.formats import load_vectors, save_vectors
from w2v_desktop.core.formats import binary as formats_binary
from w2v_desktop.core.formats import text as formats_text
from w2v_desktop.core.items import ratings as ratings_reader
from w2v_desktop.core.jobs import TimeLeft, format_duration, load_rating_data, load_vectors_job
from w2v_desktop.core.jobs.ratings import SEQUENCES_AT
from w2v_desktop.core.vectors import Vectors


def rating_file(path, users=400, per_user=30, items=300, seed=0):
    rng = np.random.default_rng(seed)
    lines = ["user,item,rating,time"]
    for u in range(users):
        for t in range(per_user):
            lines.append(f"u{u},i{rng.integers(items)},{rng.integers(1, 6)},{1_000_000 + t}")
    path.write_text("\n".join(lines) + "\n")
    return path


def vectors_of(n=3000, dim=8, seed=0, names=None):
    rng = np.random.default_rng(seed)
    return Vectors(names or [f"w{i}" for i in range(n)], rng.standard_normal((n, dim)).astype(np.float32))


def test_a_rating_file_reports_each_block_read_and_the_result_is_unchanged(tmp_path, monkeypatch):
    path = rating_file(tmp_path / "r.csv")
    whole = run_job(load_rating_data(path))[1]
    monkeypatch.setattr(ratings_reader, "BLOCK_BYTES", 4096)
    records, data = run_job(load_rating_data(path))
    reading = [r for r in records if r.message.startswith("Reading r.csv:")]
    fractions = [r.fraction for r in reading]
    assert len(reading) >= path.stat().st_size // 4096  # one per block
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(SEQUENCES_AT)
    assert "KB of" in reading[0].message
    assert np.array_equal(data.events.items, whole.events.items) and data.events.item_ids == whole.events.item_ids


def test_cancel_stops_a_rating_file_while_it_is_read(tmp_path, monkeypatch):
    path = rating_file(tmp_path / "r.csv")
    monkeypatch.setattr(ratings_reader, "BLOCK_BYTES", 4096)
    token, seen = CancelToken(), []
    job = load_rating_data(path, cancel=token)
    with pytest.raises(Cancelled):
        for record in job:
            seen.append(record)
            if len(seen) == 3:  # the start and two blocks
                token.cancel()
    assert len(seen) == 3 and seen[-1].fraction < 0.1 * SEQUENCES_AT


@pytest.mark.parametrize("fmt, knob", [("word2vec", (formats_text, "BLOCK_BYTES", 4096)),
                                       ("glove", (formats_text, "BLOCK_BYTES", 4096)),
                                       ("word2vec-binary", (formats_binary, "READ_BYTES", 4096))])
def test_a_vectors_file_reports_the_share_read(tmp_path, monkeypatch, fmt, knob):
    vectors = vectors_of()
    path = tmp_path / ("v.bin" if fmt == "word2vec-binary" else "v.txt")
    save_vectors(vectors, path, fmt)
    monkeypatch.setattr(*knob)
    records, loaded = run_job(load_vectors_job(path, fmt))
    fractions = [r.fraction for r in records]
    assert len(records) > path.stat().st_size // 4096 and fractions == sorted(fractions)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert loaded.names == vectors.names and np.allclose(loaded.matrix, vectors.matrix, atol=1e-5)


def test_the_careful_tier_reports_too(tmp_path, monkeypatch):
    """Names with spaces send the file to the line-by-line reader, which reports every block of rows."""
    vectors = vectors_of(n=500, names=[f"new york x{i}" for i in range(500)])
    path = tmp_path / "v.txt"
    lines = [f"{name} " + " ".join(f"{x:.6f}" for x in row) for name, row in zip(vectors.names, vectors.matrix)]
    path.write_text("500 8\n" + "\n".join(lines) + "\n")  # word2vec text with spaces in names
    monkeypatch.setattr(formats_text, "ROWS_PER_BLOCK", 50)
    records, loaded = run_job(load_vectors_job(path, "word2vec"))
    assert len([r for r in records if r.fraction and r.fraction < 1]) >= 8
    assert loaded.names == vectors.names


def test_cancel_stops_a_vectors_file_and_load_vectors_is_unchanged(tmp_path, monkeypatch):
    vectors = vectors_of()
    path = tmp_path / "v.txt"
    save_vectors(vectors, path, "word2vec")
    assert load_vectors(path).names == vectors.names
    monkeypatch.setattr(formats_text, "BLOCK_BYTES", 4096)
    token = CancelToken()
    job = load_vectors_job(path, cancel=token)
    next(job), next(job)
    token.cancel()
    with pytest.raises(Cancelled):
        next(job)


def test_time_left_follows_the_rate():
    now = [0.0]
    left = TimeLeft(clock=lambda: now[0])
    assert left.update(0.0) is None
    now[0] = 0.2
    assert left.update(0.01) is None  # too early to say
    for t in range(1, 5):
        now[0] = float(t)
        estimate = left.update(0.1 * t)  # 10 % a second: 1 - 0.1 t left at 0.1 a second
    assert 5.5 < estimate < 7  # 60 % left at 10 % a second, the early slow start smoothed away
    assert left.update(None) is None and left.update(1.0) is None
    assert format_duration(6.0) == "about 6 s" and format_duration(150) == "about 2 min"
