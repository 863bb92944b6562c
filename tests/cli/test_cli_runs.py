"""``compare-runs``, ``export-output`` and a model ``.npz`` read wherever vectors are."""
import json

import numpy as np
import pytest

from w2v_desktop.cli import main
from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.formats import guess_kind, load_vectors, save_vectors
from w2v_desktop.core.train import Trainer, Vocab, load_model, save_model
from w2v_desktop.core.vectors import Vectors, similarity

WORDS = [f"w{i}" for i in range(120)]


def make_model(path, hs=False, seed=0):
    rng = np.random.default_rng(seed)
    config = TrainConfig(dim=8, hs=hs, negative=0 if hs else 5)
    vocab = Vocab(WORDS, np.arange(len(WORDS), 0, -1) * 10)
    syn0 = rng.normal(size=(len(WORDS), 8)).astype(np.float32)
    out = rng.normal(size=(len(WORDS) - 1 if hs else len(WORDS), 8)).astype(np.float32)
    trainer = Trainer.from_weights(config, vocab, syn0, None if hs else out, out if hs else None, 2, "corpus.txt")
    save_model(trainer, path)
    return trainer


@pytest.fixture
def model(tmp_path):
    path = tmp_path / "run.npz"
    make_model(path)
    return path


def run_json(capsys, *args):
    assert main([*map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_model_is_read_wherever_vectors_are(model, tmp_path, capsys):
    trainer = load_model(model)
    vec = load_vectors(model)
    assert vec.names == WORDS and np.array_equal(vec.matrix, trainer.syn0)
    assert list(vec.counts) == list(trainer.vocab.counts) and vec.meta["format"] == "model"
    data = run_json(capsys, "neighbors", model, "w5", "-k", "4")
    assert [n["name"] for n in data["results"]["w5"]] == [n.name for n in similarity.nearest(trainer.vectors(), "w5", 4)]
    assert run_json(capsys, "similarity", model, "w1", "w2")["score"] == pytest.approx(
        float(trainer.syn0[1] @ trainer.syn0[2] / np.linalg.norm(trainer.syn0[1]) / np.linalg.norm(trainer.syn0[2])),
        rel=1e-5)
    assert main(["convert", str(model), str(tmp_path / "in.txt")]) == 0
    assert np.allclose(load_vectors(tmp_path / "in.txt").matrix, trainer.syn0, atol=1e-5)
    assert main(["analogy", str(model), "w1", "w2", "w3", "--json"]) == 0
    assert guess_kind(model) == "model"  # the app's Open takes a plain .npz model as a model


def test_export_output_writes_syn1neg_and_counts(model, tmp_path, capsys):
    trainer = load_model(model)
    out, vocab = tmp_path / "out.bin", tmp_path / "out.vocab"
    assert main(["export-output", str(model), "-o", str(out), "--fvocab", str(vocab)]) == 0
    got = load_vectors(out)
    assert got.names == WORDS and np.array_equal(got.matrix, trainer.output_vectors().matrix)
    lines = vocab.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "w0 1200" and len(lines) == len(WORDS)


def test_export_output_refuses_hierarchical_softmax_and_non_models(tmp_path, capsys):
    hs = tmp_path / "hs.npz"
    make_model(hs, hs=True)
    assert main(["export-output", str(hs), "-o", str(tmp_path / "o.txt")]) == 2
    err = capsys.readouterr().err
    assert "hierarchical softmax" in err and str(hs) in err and not (tmp_path / "o.txt").exists()
    text = tmp_path / "v.txt"
    save_vectors(Vectors(WORDS, np.ones((len(WORDS), 3))), text, "word2vec")
    assert main(["export-output", str(text), "-o", str(tmp_path / "o.txt")]) == 2
    assert str(text) in capsys.readouterr().err


def test_models_cannot_be_written_by_an_export(model, tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["convert", str(model), str(tmp_path / "x.npz"), "--to", "model"])
    assert "argument --to" in capsys.readouterr().err
    assert main(["convert", str(model), str(tmp_path / "x.npz")]) == 2
    assert "cannot be written" in capsys.readouterr().err


def test_a_zip_that_is_not_a_model(tmp_path, capsys):
    other = tmp_path / "arrays.npz"
    np.savez(other, a=np.ones(3))
    assert main(["neighbors", str(other), "w1"]) == 2
    err = capsys.readouterr().err
    assert str(other) in err and "not a w2v-desktop model" in err and "Traceback" not in err


def test_compare_runs_finds_the_planted_move(tmp_path, capsys):
    rng = np.random.default_rng(1)
    matrix = rng.normal(size=(len(WORDS), 8))
    rotation, _ = np.linalg.qr(rng.normal(size=(8, 8)))
    moved = matrix @ rotation
    moved[7] = rng.normal(size=8) * 3  # w7 moves; every other word only rotates
    save_vectors(Vectors(WORDS, matrix), tmp_path / "a.txt", "word2vec")
    save_vectors(Vectors(WORDS, moved), tmp_path / "b.txt", "word2vec")
    data = run_json(capsys, "compare-runs", tmp_path / "a.txt", tmp_path / "b.txt", "--top", "3", "-k", "5")
    assert data["shared_names"] == len(WORDS) and data["k"] == 5
    top = data["most_moved"]
    assert len(top) == 3 and top[0]["name"] == "w7" and top[0]["moved"] > 0.3
    assert top[1]["moved"] < 0.05
    a_nb = [n.name for n in similarity.nearest(Vectors(WORDS, matrix), "w7", 5)]
    b_nb = [n.name for n in similarity.nearest(Vectors(WORDS, moved), "w7", 5)]
    assert top[0]["only_in_a"] == [n for n in a_nb if n not in b_nb]
    assert top[0]["only_in_b"] == [n for n in b_nb if n not in a_nb]
    assert main(["compare-runs", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "mean neighbour overlap@10" in out and "w7" in out


def test_compare_runs_bad_input(tmp_path, capsys):
    save_vectors(Vectors(["a", "b", "c"], np.eye(3)), tmp_path / "a.txt", "word2vec")
    save_vectors(Vectors(["x", "y", "z"], np.eye(3)), tmp_path / "b.txt", "word2vec")
    assert main(["compare-runs", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 2
    assert "shared" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["compare-runs", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--top", "0"])
    assert "argument --top" in capsys.readouterr().err
    assert main(["compare-runs", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_compare_runs_map_writes_both_positions_and_moved(tmp_path, capsys):
    import csv
    rng = np.random.default_rng(1)
    matrix = rng.normal(size=(len(WORDS), 8))
    moved = matrix @ np.linalg.qr(rng.normal(size=(8, 8)))[0]
    moved[7] = rng.normal(size=8) * 3  # w7 moves; every other word only rotates
    save_vectors(Vectors(WORDS, matrix), tmp_path / "a.txt", "word2vec")
    save_vectors(Vectors(WORDS, moved), tmp_path / "b.txt", "word2vec")
    out = tmp_path / "map.csv"
    data = run_json(capsys, "compare-runs", tmp_path / "a.txt", tmp_path / "b.txt", "--map", out)
    assert data["map"]["names"] == len(WORDS) and 0 < data["map"]["explained"] <= 1
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["name", "x_a", "y_a", "x_b", "y_b", "moved"] and len(rows) == len(WORDS)
    by_moved = sorted(rows, key=lambda r: -float(r["moved"]))
    assert by_moved[0]["name"] == "w7" and float(by_moved[1]["moved"]) < 0.05
    gap = {r["name"]: np.hypot(float(r["x_a"]) - float(r["x_b"]), float(r["y_a"]) - float(r["y_b"])) for r in rows}
    assert max(g for n, g in gap.items() if n != "w7") < gap["w7"] / 5
    assert main(["compare-runs", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--map", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out


def test_compare_runs_map_refuses_before_reading(tmp_path, capsys):
    save_vectors(Vectors(WORDS, np.eye(len(WORDS))), tmp_path / "a.txt", "word2vec")
    b = tmp_path / "b.txt"
    save_vectors(Vectors(WORDS, np.eye(len(WORDS))), b, "word2vec")
    before = b.read_bytes()
    assert main(["compare-runs", str(tmp_path / "a.txt"), str(b), "--map", str(b)]) == 2
    err = capsys.readouterr().err
    assert "b.txt" in err and "Traceback" not in err and b.read_bytes() == before
    assert main(["compare-runs", str(tmp_path / "a.txt"), str(b), "--map", str(tmp_path / "map.png")]) == 2
    assert "--map" in capsys.readouterr().err and not (tmp_path / "map.png").exists()
