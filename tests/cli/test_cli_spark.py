"""``--spark`` on the command line: the same report as the local path, and one line with the
install hint when pyspark is missing."""
import os
import subprocess
import sys

import numpy as np
import pytest

from tests.conftest import ROOT, SAMPLES
from w2v_desktop.cli import main

RATINGS = SAMPLES / "sample_ratings.csv"


@pytest.mark.spark
def test_ratings_report_on_spark_prints_the_same_report_and_no_spark_log(spark, capsys):
    """In a process of its own, so that it starts its own JVM: whose log must not reach stderr."""
    assert main(["ratings-report", str(RATINGS), "--session-gap", "86400"]) == 0
    local = capsys.readouterr().out
    done = subprocess.run([sys.executable, "-m", "w2v_desktop", "ratings-report", str(RATINGS), "--session-gap",
                           "86400", "--spark", "local[1]"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout == local
    assert "split sessions at gaps > 1 d" in local
    assert done.stderr == ""  # no banner, no WARN lines: they went to the Spark log file


@pytest.mark.parametrize("argv", [["ratings-report", str(RATINGS), "--spark"],
                                  ["train", "--ratings", str(RATINGS), "-o", "v.txt", "--trainer", "mllib"]])
def test_without_pyspark_one_line_says_how_to_install_it(argv, monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now raises ImportError
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install 'w2v-desktop[spark]'" in err[0] and "Java 17" in err[0]


def test_mllib_with_a_text_corpus_is_refused_for_now(capsys, tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("a b c\n")
    assert main(["train", str(text), "-o", str(tmp_path / "v.txt"), "--trainer", "mllib"]) == 2
    assert "--trainer mllib with a text corpus: not yet" in capsys.readouterr().err


@pytest.mark.spark
def test_a_text_corpus_tokenised_on_spark_trains_the_same_vectors(spark, tmp_path, capsys):
    """``train CORPUS --spark``: the executors tokenise (stop words too), the ids stream back,
    and one seeded thread trains exactly what the local reader's corpus trains."""
    from w2v_desktop.core.formats import load_vectors

    common = [str(SAMPLES / "sample_corpus.txt"), "--stop-words", "english", "--epochs", "1", "--dim", "16",
              "--threads", "1", "--seed", "3", "--quiet"]
    assert main(["train", *common, "-o", str(tmp_path / "local.txt")]) == 0
    assert main(["train", *common, "-o", str(tmp_path / "spark.txt"), "--spark", "local[2]"]) == 0
    local, on_spark = load_vectors(tmp_path / "local.txt"), load_vectors(tmp_path / "spark.txt")
    assert on_spark.names == local.names and len(local) > 300
    assert np.array_equal(on_spark.matrix, local.matrix)


def test_mllib_refuses_options_it_lacks_before_reading(capsys, tmp_path):
    assert main(["train", "--ratings", str(RATINGS), "-o", str(tmp_path / "v.txt"), "--trainer", "mllib",
                 "--negative", "5", "--cbow"]) == 2
    err = capsys.readouterr().err
    assert "cbow" in err and "negative sampling" in err


@pytest.mark.spark
def test_train_through_spark_gives_the_local_vectors(spark, tmp_path, capsys):
    """The corpus Spark sends back trains to the same vectors (one thread, one seed)."""
    fast = ["--dim", "8", "--epochs", "1", "--threads", "1", "--seed", "3", "--quiet"]
    assert main(["train", "--ratings", str(RATINGS), "-o", str(tmp_path / "local.txt"), *fast]) == 0
    assert main(["train", "--ratings", str(RATINGS), "-o", str(tmp_path / "spark.txt"), "--spark", "local[2]",
                 *fast]) == 0
    assert (tmp_path / "spark.txt").read_text() == (tmp_path / "local.txt").read_text()


@pytest.mark.spark
def test_train_with_mllib_on_the_cluster(spark, tmp_path, capsys):
    from w2v_desktop.core.formats import load_vectors

    clicks = tmp_path / "clicks.csv"
    histories = {"u1": "abcab", "u2": "bcdbc", "u3": "abdee", "u4": "cdcdx"}
    clicks.write_text("".join(f"{u},{item}\n" for u, items in histories.items() for item in items))
    out = tmp_path / "items.txt"
    assert main(["train", "--ratings", str(clicks), "--user-col", "0", "--item-col", "1", "--rating-col", "none",
                 "--trainer", "mllib", "--spark", "local[2]", "--dim", "8", "--epochs", "2", "--min-count", "2",
                 "--window", "2", "-o", str(out)]) == 0
    assert "training MLlib Word2Vec on 4 sequences" in capsys.readouterr().err
    vectors = load_vectors(out)
    assert vectors.matrix.shape == (5, 8)
    assert vectors.names == ["b", "c", "d", "a", "e"]  # counts 5 5 4 3 2, ties by first appearance; x once
    assert np.isfinite(vectors.matrix).all() and np.abs(vectors.matrix).sum() > 0
