"""``neighbors --ann``: the index is saved beside the vectors, reused while fresh, rebuilt when stale."""
import json
import os

import numpy as np
import pytest

from w2v_desktop.cli import main
from w2v_desktop.core.formats import load_vectors, save_vectors
from w2v_desktop.core.formats import ann_file
from w2v_desktop.core.vectors import Vectors, similarity

pytest.importorskip("voyager", reason="Voyager is not installed (the [ann] extra)")


@pytest.fixture
def vectors_file(tmp_path):
    rng = np.random.default_rng(5)
    path = tmp_path / "v.txt"
    save_vectors(Vectors([f"w{i}" for i in range(800)], rng.normal(size=(800, 12))), path, "word2vec")
    return path


def ann(capsys, path, *more):
    assert main(["neighbors", str(path), "w3", "w40", "-k", "10", "--ann", "--json", *map(str, more)]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def test_index_is_saved_then_reused_then_rebuilt_when_the_file_changes(vectors_file, capsys):
    index = ann_file.index_path_for(vectors_file, "cosine")
    data, err = ann(capsys, vectors_file)
    assert "building" in err and str(index) in err and index.exists() and ann_file.header_path(index).exists()
    assert data["approximate"] is True
    vec = load_vectors(vectors_file)
    for query in ("w3", "w40"):
        exact = {n.name for n in similarity.nearest(vec, query, 10)}
        assert len(exact & {n["name"] for n in data["results"][query]}) >= 9
        assert query not in {n["name"] for n in data["results"][query]}
    built = index.stat().st_mtime_ns

    again, err = ann(capsys, vectors_file)
    assert "using the saved index" in err and "building" not in err
    assert again == data and index.stat().st_mtime_ns == built

    save_vectors(Vectors(vec.names, vec.matrix[::-1].copy()), vectors_file, "word2vec")  # other rows, same size
    changed, err = ann(capsys, vectors_file)
    assert "stale" in err and "changed" in err and "rebuilding" in err
    assert changed != data

    os.utime(vectors_file, ns=(1, 1))  # same bytes, another modification time: rebuilt too
    _, err = ann(capsys, vectors_file)
    assert "stale" in err and "modified" in err


def test_an_index_for_other_vectors_or_a_mismatched_header_is_not_used(vectors_file, tmp_path, capsys):
    ann(capsys, vectors_file)
    index = ann_file.index_path_for(vectors_file, "cosine")
    index.write_bytes(index.read_bytes()[:-10] + b"0123456789")  # the index no longer matches its header
    _, err = ann(capsys, vectors_file)
    assert "stale" in err and "not the one its header describes" in err
    other = tmp_path / "other.txt"
    rng = np.random.default_rng(9)
    save_vectors(Vectors([f"w{i}" for i in range(800)], rng.normal(size=(800, 12))), other, "word2vec")
    _, err = ann(capsys, other, "--ann-index", index)
    assert "stale" in err and "other.txt changed" in err


def test_a_damaged_header_is_one_line_naming_it(vectors_file, capsys):
    ann(capsys, vectors_file)
    head = ann_file.header_path(ann_file.index_path_for(vectors_file, "cosine"))
    head.write_text("[" * 100_000, encoding="utf-8")
    assert main(["neighbors", str(vectors_file), "w3", "--ann"]) == 2
    err = capsys.readouterr().err
    assert str(head) in err and "Traceback" not in err


def test_other_metrics_and_rebuild(vectors_file, capsys):
    data, err = ann(capsys, vectors_file, "--metric", "euclidean")
    assert ann_file.index_path_for(vectors_file, "euclidean").exists()
    vec = load_vectors(vectors_file)
    exact = similarity.nearest(vec, "w3", 10, "euclidean")
    got = data["results"]["w3"]
    assert len({n.name for n in exact} & {n["name"] for n in got}) >= 9
    by_name = {n.name: n.score for n in exact}
    for n in got:
        if n["name"] in by_name:
            assert n["score"] == pytest.approx(by_name[n["name"]], rel=1e-4)
    _, err = ann(capsys, vectors_file, "--metric", "euclidean", "--rebuild-index")
    assert "building" in err


def test_combined_terms_with_the_index(vectors_file, capsys):
    assert main(["neighbors", str(vectors_file), "w1", "w2", "--negative", "w3", "--ann", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (got,) = data["results"].values()
    assert not {"w1", "w2", "w3"} & {n["name"] for n in got}
    assert main(["neighbors", str(vectors_file), "w1", "w2", "--negative", "w3", "--json"]) == 0
    exact = json.loads(capsys.readouterr().out)["results"]
    assert len({n["name"] for n in got} & {n["name"] for n in next(iter(exact.values()))}) >= 9


def test_index_options_need_ann(vectors_file, capsys):
    assert main(["neighbors", str(vectors_file), "w1", "--rebuild-index"]) == 2
    assert "--ann" in capsys.readouterr().err
    assert main(["neighbors", str(vectors_file), "w1", "--ann", "--restrict", "10"]) == 2
    assert "--restrict" in capsys.readouterr().err
    assert not ann_file.index_path_for(vectors_file, "cosine").exists()
