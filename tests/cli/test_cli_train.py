"""``w2v-desktop train`` end to end, and one clear line for each kind of bad input."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from w2v_desktop.cli import main
from w2v_desktop.core.formats.registry import load_vectors

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "w2v_desktop" / "resources" / "samples" / "sample_corpus.txt"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "w2v_desktop", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_train_writes_vectors_and_model(tmp_path, capsys):
    out, model = tmp_path / "v.bin", tmp_path / "m.npz"
    rc = main(["train", str(SAMPLE), "-o", str(out), "--model", str(model), "--dim", "20",
               "--epochs", "2", "--quiet"])
    assert rc == 0
    vectors = load_vectors(out)
    assert vectors.dim == 20 and "paris" in vectors
    # continue training the saved model on new data with new words
    extra = tmp_path / "new.txt"
    extra.write_text("zanzibar zanzibar paris france\n" * 20)
    out2 = tmp_path / "v2.txt"
    assert main(["train", str(extra), "-o", str(out2), "--continue-from", str(model), "--quiet",
                 "--epochs", "1"]) == 0
    grown = load_vectors(out2)
    assert "zanzibar" in grown and len(grown) == len(vectors) + 1


def test_progress_and_report_are_printed(tmp_path):
    result = run_cli("train", SAMPLE, "-o", tmp_path / "v.txt", "--dim", "10", "--epochs", "2")
    assert result.returncode == 0, result.stderr
    assert "kept (min_count=5)" in result.stderr
    assert "epoch 2/2: mean loss" in result.stderr
    assert "words/s" in result.stderr


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "data.bin"
    binary.write_bytes(bytes(range(256)) * 20)
    undecodable = tmp_path / "latin.txt"
    undecodable.write_bytes(b"caf\xe9 au lait\n" * 3 + b"\xff\xfe\x00broken")
    rare = tmp_path / "rare.txt"
    rare.write_text("every word here appears once only\n")
    return {
        "empty": ([empty], "empty"),
        "binary": ([binary], "binary"),
        "undecodable": ([undecodable], "latin.txt"),
        "min_count": ([rare], "min_count"),
        "dim0": ([SAMPLE, "--dim", "0"], "argument --dim: must be at least 1"),
        "dimneg": ([SAMPLE, "--dim", "-5"], "argument --dim: must be at least 1"),
        "missing": ([tmp_path / "nope.txt"], "nope.txt"),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "undecodable", "min_count", "dim0", "dimneg", "missing"])
def test_bad_input_gives_one_clear_line(tmp_path, case):
    args, expected = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out.txt"
    result = run_cli("train", *args, "-o", out)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    # "w2v-desktop: error: ..." from the command, "w2v-desktop train: error: argument ..." from argparse
    assert lines[-1].startswith("w2v-desktop") and "error:" in lines[-1] and expected in lines[-1], result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_train_on_ratings_carries_item_metadata(tmp_path):
    samples = ROOT / "w2v_desktop" / "resources" / "samples"
    out = tmp_path / "items.tsv"
    assert main(["train", "--ratings", str(samples / "sample_ratings.csv"), "--items",
                 str(samples / "sample_items.csv"), "-o", str(out), "--format", "projector-tsv",
                 "--epochs", "2", "--quiet"]) == 0
    meta = (tmp_path / "items_metadata.tsv").read_text(encoding="utf-8").splitlines()
    assert meta[0].split("\t")[:3] == ["name", "count", "title"]
    assert len(meta) == 1 + len((tmp_path / "items.tsv").read_text().splitlines())


@pytest.mark.parametrize("suffix,fmt", [(".npy", "npy"), (".vec", "fasttext"), (".bin", "word2vec-binary"),
                                        (".txt", "word2vec")])
def test_output_format_follows_the_suffix(tmp_path, suffix, fmt):
    from w2v_desktop.core.formats.registry import detect_format

    out = tmp_path / f"v{suffix}"
    assert main(["train", str(SAMPLE), "-o", str(out), "--dim", "8", "--epochs", "1", "--quiet"]) == 0
    assert detect_format(out) == fmt
    assert "paris" in load_vectors(out)


def test_bad_model_folder_is_refused_before_training(tmp_path, capsys):
    rc = main(["train", str(SAMPLE), "-o", str(tmp_path / "v.txt"), "--model", str(tmp_path / "no" / "m.npz")])
    assert rc == 2
    assert "m.npz: its folder does not exist" in capsys.readouterr().err
    assert not (tmp_path / "v.txt").exists()


def test_continuing_refuses_a_new_shape(tmp_path, capsys):
    model = tmp_path / "m.npz"
    assert main(["train", str(SAMPLE), "-o", str(tmp_path / "v.txt"), "--model", str(model), "--dim", "8",
                 "--epochs", "1", "--quiet"]) == 0
    rc = main(["train", str(SAMPLE), "-o", str(tmp_path / "v2.txt"), "--continue-from", str(model),
               "--dim", "16", "--quiet"])
    assert rc == 2 and "--dim cannot change" in capsys.readouterr().err
    rc = main(["train", str(SAMPLE), "-o", str(tmp_path / "v3.txt"), "--continue-from", str(tmp_path / "v.txt")])
    err = capsys.readouterr().err
    assert rc == 2 and "not a w2v-desktop model file" in err and "pickle" not in err


def test_continuing_may_change_the_window_but_not_the_model_kind(tmp_path, capsys):
    """The CLI asks core's one rule (config.continue_config), as the app does."""
    from w2v_desktop.core.train.model_file import load_model

    model, grown = tmp_path / "m.npz", tmp_path / "m2.npz"
    assert main(["train", str(SAMPLE), "-o", str(tmp_path / "v.txt"), "--model", str(model), "--dim", "8",
                 "--epochs", "1", "--quiet"]) == 0
    assert main(["train", str(SAMPLE), "-o", str(tmp_path / "v2.txt"), "--continue-from", str(model),
                 "--model", str(grown), "--window", "9", "--sample", "0", "--epochs", "1"]) == 0
    err = capsys.readouterr().err
    assert f"continuing {model}: 0 new words added" in err and "epoch 1/1: mean loss" in err
    continued = load_model(grown)
    assert (continued.config.window, continued.config.sample, continued.config.dim) == (9, 0.0, 8)
    assert continued.epochs_trained == 2
    rc = main(["train", str(SAMPLE), "-o", str(tmp_path / "v3.txt"), "--continue-from", str(model),
               "--cbow", "--hs", "--quiet"])
    err = capsys.readouterr().err
    assert rc == 2 and "--cbow, --hs, --negative cannot change" in err and "dim=8" in err
    assert not (tmp_path / "v3.txt").exists()


def test_a_bad_window_is_refused_naming_the_option_and_its_range(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["train", str(SAMPLE), "-o", str(tmp_path / "v.txt"), "--window", "0"])
    assert exit_.value.code == 2 and "argument --window: must be at least 1, got 0" in capsys.readouterr().err


def test_an_epoch_without_training_pairs_says_why(tmp_path, capsys):
    corpus = tmp_path / "tiny.txt"
    corpus.write_text("alpha\nbeta\ngamma\n", encoding="utf-8")  # one word per sentence: no context at all
    assert main(["train", str(corpus), "-o", str(tmp_path / "v.txt"), "--min-count", "1", "--epochs", "1",
                 "--dim", "4"]) == 0
    out = capsys.readouterr()
    assert "no training pairs" in out.out + out.err and "nan" not in out.out + out.err


@pytest.mark.parametrize("args", [["-k", "0"], ["-k", "-1"], ["--restrict", "-5"]])
def test_query_counts_must_be_positive(tmp_path, capsys, args):
    vectors = tmp_path / "v.txt"
    vectors.write_text("2 2\na 1 0\nb 0 1\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["neighbors", str(vectors), "a", *args])
    assert stop.value.code == 2 and "at least 1" in capsys.readouterr().err
