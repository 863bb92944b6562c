"""Pair formats (Projector TSV, .npy + .vocab.txt): a write stopped between its two files never
yields a pair that loads; the files stay readable by other tools; CSV text cells are escaped."""
from __future__ import annotations

import csv

import numpy as np
import pytest

from w2v_desktop.core.formats import FormatError, load_vectors, save_coordinates, save_vectors
from w2v_desktop.core.formats import pairs
from w2v_desktop.core import outputs
from w2v_desktop.core.outputs import Staged
from w2v_desktop.core.vectors import Vectors

PAIRS = {"projector-tsv": ("v.tsv", "v_metadata.tsv"), "npy": ("v.npy", "v.vocab.txt")}


def vectors(names, seed) -> Vectors:
    rng = np.random.default_rng(seed)
    return Vectors(list(names), rng.standard_normal((len(names), 4)).astype(np.float32))


OLD = vectors(["alpha", "beta", "gamma"], 1)
NEW = vectors(["delta", "epsilon", "zeta"], 2)


class Killed(BaseException):
    """Stands for a SIGKILL: nothing after it runs (no clean-up handler catches BaseException here)."""


def stop_after_commits(monkeypatch, n: int) -> None:
    """Stop the process (as far as the files can tell) right after the n-th rename of a pair file."""
    real = Staged.commit
    done = []

    def commit(self):
        real(self)
        if not self.path.name.endswith(".w2v-pair.json"):
            done.append(self.path)
            if len(done) == n:
                monkeypatch.setattr(Staged, "discard", lambda self: None)  # a kill cleans nothing up
                raise Killed

    monkeypatch.setattr(Staged, "commit", commit)


@pytest.mark.parametrize("fmt", PAIRS)
def test_a_kill_between_the_two_renames_gives_a_pair_that_is_refused(tmp_path, monkeypatch, fmt):
    first, second = (tmp_path / n for n in PAIRS[fmt])
    save_vectors(OLD, first, fmt)
    stop_after_commits(monkeypatch, 1)
    with pytest.raises(Killed):
        save_vectors(NEW, first, fmt)
    monkeypatch.undo()
    outputs._live.clear()  # the "killed" writer is gone: its part is a stale one now
    with pytest.raises(FormatError, match="come from two different writes") as err:
        load_vectors(first, fmt)
    assert str(first) in str(err.value)
    # the next write mends it
    save_vectors(NEW, first, fmt)
    assert load_vectors(first, fmt).names == NEW.names
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*PAIRS[fmt], f".{first.name}.w2v-pair.json"])


@pytest.mark.parametrize("fmt", PAIRS)
@pytest.mark.parametrize("renamed", [0, 2])
def test_a_kill_before_or_after_both_renames_leaves_a_whole_pair(tmp_path, monkeypatch, fmt, renamed):
    first = tmp_path / PAIRS[fmt][0]
    save_vectors(OLD, first, fmt)
    if renamed == 0:
        def killed(self):
            raise Killed
        monkeypatch.setattr(Staged, "commit", killed)
    else:
        stop_after_commits(monkeypatch, 2)
    with pytest.raises(Killed):
        save_vectors(NEW, first, fmt)
    monkeypatch.undo()
    expected = OLD if renamed == 0 else NEW
    loaded = load_vectors(first, fmt)
    assert loaded.names == expected.names and np.array_equal(loaded.matrix, expected.matrix)


@pytest.mark.parametrize("fmt", PAIRS)
def test_a_file_changed_by_hand_later_still_loads(tmp_path, fmt):
    """Only a mix of two generations is refused, not a file the user edited."""
    first, second = (tmp_path / n for n in PAIRS[fmt])
    save_vectors(OLD, first, fmt)
    save_vectors(NEW, first, fmt)
    second.write_text("one\ntwo\nthree\n", encoding="utf-8")
    assert load_vectors(first, fmt).names == ["one", "two", "three"]


def test_the_pair_files_stay_what_other_tools_read(tmp_path):
    save_vectors(OLD, tmp_path / "v.tsv", "projector-tsv")
    rows = (tmp_path / "v.tsv").read_text().splitlines()
    assert len(rows) == 3 and all(len(r.split("\t")) == 4 for r in rows)  # numbers only, no header
    assert (tmp_path / "v_metadata.tsv").read_text() == "alpha\nbeta\ngamma\n"
    save_vectors(OLD, tmp_path / "w.npy", "npy")
    assert np.array_equal(np.load(tmp_path / "w.npy", allow_pickle=False), OLD.matrix)
    assert (tmp_path / "w.vocab.txt").read_text() == "alpha\nbeta\ngamma\n"


def test_a_damaged_manifest_does_not_make_a_good_pair_unreadable(tmp_path):
    save_vectors(OLD, tmp_path / "v.npy", "npy")
    pairs.manifest_path(tmp_path / "v.npy").write_text("[[[[", encoding="utf-8")
    assert load_vectors(tmp_path / "v.npy").names == OLD.names


# --- CSV escaping --------------------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\")", "+1+2", "-1+2", "@SUM(A1)", "plain", "-7"]


def test_vector_csv_escapes_names_and_titles_and_reads_them_back(tmp_path):
    v = vectors(FORMULAS, 3)
    v.counts = np.array([5, 4, 3, 2, 1, 1])
    v.meta["columns"] = {"title": ["=cmd", "ok", "-x", "@y", "+z", "-2.5"]}
    path = tmp_path / "v.csv"
    save_vectors(v, path)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0][:3] == ["name", "count", "title"]
    assert [r[0] for r in rows[1:]] == ["'=HYPERLINK(\"http://x\")", "'+1+2", "'-1+2", "'@SUM(A1)", "plain", "-7"]
    assert [r[2] for r in rows[1:]] == ["'=cmd", "ok", "'-x", "'@y", "'+z", "-2.5"]
    assert all(float(cell) == float(cell) for r in rows[1:] for cell in r[3:])  # vector values are numbers
    assert any(cell.startswith("-") and not cell.startswith("'") for r in rows[1:] for cell in r[3:])
    back = load_vectors(path)
    assert back.names == FORMULAS and back.meta["columns"]["title"] == v.meta["columns"]["title"]
    assert np.allclose(back.matrix, v.matrix)


def test_coordinates_csv_escapes_text_but_not_numbers(tmp_path):
    path = tmp_path / "map.csv"
    save_coordinates(path, ["=1+1", "-x", "ok"], [[-1.5, 2.0], [0.0, -3.0], [1.0, 1.0]],
                     {"trust": ["-0.5", "0.9", "1.0"], "title": ["@me", "a", "b"]})
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[1] == ["'=1+1", "-1.5", "2.0", "-0.5", "'@me"]
    assert rows[2][:3] == ["'-x", "0.0", "-3.0"]


def test_data_formats_are_not_escaped(tmp_path):
    v = vectors(["=x", "-y", "@z"], 4)
    for name, fmt in (("v.tsv", "projector-tsv"), ("v.npy", "npy"), ("v.txt", "word2vec")):
        save_vectors(v, tmp_path / name, fmt)
        assert load_vectors(tmp_path / name, fmt).names == ["=x", "-y", "@z"]
    assert (tmp_path / "v_metadata.tsv").read_text() == "=x\n-y\n@z\n"
    assert (tmp_path / "v.txt").read_text().splitlines()[1].startswith("=x ")
