"""``--spark`` on the command line: the same report as the local path, and one line with the
install hint when pyspark is missing."""
import os
import subprocess
import sys

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


def test_spark_with_a_text_corpus_is_refused_for_now(capsys, tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("a b c\n")
    assert main(["train", str(text), "-o", str(tmp_path / "v.txt"), "--spark"]) == 2
    assert "--spark with a text corpus: not yet" in capsys.readouterr().err


def test_mllib_refuses_options_it_lacks_before_reading(capsys, tmp_path):
    assert main(["train", "--ratings", str(RATINGS), "-o", str(tmp_path / "v.txt"), "--trainer", "mllib",
                 "--negative", "5", "--cbow"]) == 2
    err = capsys.readouterr().err
    assert "cbow" in err and "negative sampling" in err
