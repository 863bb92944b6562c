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
                                  ["train", "--ratings", str(RATINGS), "-o", "v.txt", "--trainer", "mllib"],
                                  ["train", "corpus.txt", "-o", "v.txt", "--trainer", "mllib"],
                                  ["train", "corpus.txt", "-o", "v.txt", "--spark"]])
def test_without_pyspark_one_line_says_how_to_install_it(argv, monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now raises ImportError
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install 'w2v-desktop[spark]'" in err[0] and "Java 17" in err[0]


def test_mllib_on_a_text_corpus_refuses_options_it_lacks_before_reading(capsys, tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("a b c\n")
    assert main(["train", str(text), "-o", str(tmp_path / "v.txt"), "--trainer", "mllib", "--sample", "1e-3"]) == 2
    err = capsys.readouterr().err
    assert "MLlib's Word2Vec lacks sample=0.001" in err and not (tmp_path / "v.txt").exists()


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


@pytest.mark.spark
def test_mllib_trains_a_text_corpus_tokenised_on_the_cluster(spark, tmp_path, capsys):
    """``train CORPUS --trainer mllib``: tokenised on the executors (stop words too), trained by
    MLlib there; the words are the local reader's at min_count, most frequent first."""
    from w2v_desktop.core.formats import load_vectors
    from w2v_desktop.core.jobs.corpus import read_corpus
    from w2v_desktop.core.text import TokenizeOptions

    text = tmp_path / "tiny.txt"
    words = "The apple pear plum grape is and a of iron zinc copper tin the".split()
    rng = np.random.default_rng(0)
    text.write_text("".join(" ".join(rng.choice(words, 8)) + "\n" for _ in range(300)))
    out = tmp_path / "v.txt"
    cached = spark.sparkContext._jsc.sc().getPersistentRDDs().size()
    assert main(["train", str(text), "--trainer", "mllib", "--spark", "local[2]", "--stop-words", "english",
                 "--dim", "8", "--epochs", "1", "--min-count", "3", "-o", str(out)]) == 0
    expected = read_corpus(str(text), TokenizeOptions(stop_words="english"))
    kept = sorted((w for w, c in zip(expected.words, expected.counts) if c >= 3),
                  key=lambda w: (-expected.counts[expected.words.index(w)], expected.words.index(w)))
    err = capsys.readouterr().err
    assert (f"tokenised on Spark: {expected.n_tokens:,} tokens in {expected.n_sentences:,} sentences, "
            f"{len(kept)} words seen min_count=3 times or more") in err
    vectors = load_vectors(out)
    assert vectors.names == kept and "the" not in kept and vectors.matrix.shape == (len(kept), 8)
    assert np.isfinite(vectors.matrix).all() and np.abs(vectors.matrix).sum() > 0
    assert spark.sparkContext._jsc.sc().getPersistentRDDs().size() <= cached  # the sentences were released


@pytest.mark.spark
def test_evaluate_recs_on_spark_walks_there_and_prints_the_local_table(spark, capsys, monkeypatch):
    """``evaluate-recs --spark``: the sequences and the DeepWalk/node2vec walks are made on Spark
    (the walker is spied on), and with one seeded thread the table is the local one, row for row,
    with a note per walked method."""
    import w2v_desktop.core.spark as on_spark_wing

    walked = []
    real = on_spark_wing.spark_walk_corpus

    def spy(session, graph, options, *args, **kwargs):
        walked.append(options.method)
        return (yield from real(session, graph, options, *args, **kwargs))

    monkeypatch.setattr(on_spark_wing, "spark_walk_corpus", spy)
    argv = ["evaluate-recs", str(RATINGS), "--items", str(SAMPLES / "sample_items.csv"),
            "--methods", "item2vec,deepwalk,node2vec", "--p", "0.5", "--q", "2", "--walks-per-node", "2",
            "--walk-length", "10", "--max-users", "100", "--dim", "8", "--epochs", "1", "--threads", "1"]
    assert main(argv) == 0
    local = capsys.readouterr().out.splitlines()
    assert walked == []
    assert main([*argv, "--spark", "local[2]"]) == 0
    captured = capsys.readouterr()
    assert walked == ["deepwalk", "node2vec"]
    notes = [f"{method}: 600 walks (6,000 steps) generated on Spark (local[2])" for method in walked]
    on_spark = captured.out.splitlines()
    assert [line for line in on_spark if line not in notes] == local
    assert on_spark[len(local) - 3:len(local) - 1] == notes  # under the table, before the genre lines
    for row in ("most-popular", "item2vec     next item", "deepwalk     user vector", "node2vec     next item"):
        assert any(line.startswith(row) for line in on_spark)
    assert "deepwalk: generating walks on Spark (local[2])" in captured.err


@pytest.mark.parametrize("flag, verbose", [([], False), (["--spark-log"], True)])
def test_train_on_spark_tokenising_passes_spark_log_to_the_session(flag, verbose, monkeypatch, capsys, tmp_path):
    import w2v_desktop.core.spark as spark_face
    asked = []

    class Stop(Exception):
        pass

    def session(master, conf=None, verbose=False):
        asked.append((master, verbose))
        raise Stop

    monkeypatch.setattr(spark_face, "spark_session", session)
    text = tmp_path / "t.txt"
    text.write_text("a b c\n")
    with pytest.raises(Stop):
        main(["train", str(text), "-o", str(tmp_path / "v.txt"), "--spark", "local[1]", *flag])
    assert asked == [("local[1]", verbose)]
