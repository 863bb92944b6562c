"""``neighbors``, ``analogy``, ``compare-metrics``, ``evaluate`` and ``project`` end to end."""
import json

import numpy as np
import pytest

from w2v_desktop.cli import main
from w2v_desktop.core.analysis import intrinsic as evaluate
from w2v_desktop.core.vectors import analogy
from w2v_desktop.core.vectors import similarity

formats = pytest.importorskip("w2v_desktop.core.formats.registry")


@pytest.fixture(scope="module")
def vectors_file(tmp_path_factory):
    rng = np.random.default_rng(0)
    base, offset = rng.normal(size=(20, 12)), rng.normal(size=12) * 2
    names = [f"x{i}" for i in range(20)] + [f"y{i}" for i in range(20)] + [f"d{i}" for i in range(60)]
    matrix = np.vstack([base, base + offset + rng.normal(size=(20, 12)) * 0.3, rng.normal(size=(60, 12))])
    path = tmp_path_factory.mktemp("v") / "vectors.txt"
    formats.save_vectors(formats.Vectors(names, matrix), path, "word2vec")
    return path


def run_json(capsys, *args):
    assert main([*map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_neighbors_table_and_json(vectors_file, capsys):
    vec = formats.load_vectors(vectors_file)
    assert main(["neighbors", str(vectors_file), "x1", "d3", "-k", "4"]) == 0
    out = capsys.readouterr().out
    assert "x1:" in out and "d3:" in out and "cosine similarity" in out
    data = run_json(capsys, "neighbors", vectors_file, "x1", "-k", "4", "--metric", "manhattan")
    want = similarity.nearest(vec, "x1", 4, "manhattan")
    assert [n["name"] for n in data["results"]["x1"]] == [n.name for n in want]
    assert data["approximate"] is False


def test_analogy(vectors_file, capsys):
    vec = formats.load_vectors(vectors_file)
    data = run_json(capsys, "analogy", vectors_file, "x1", "y1", "x2", "-k", "3", "--method", "3cosmul")
    assert [a["name"] for a in data["answers"]] == [n.name for n in analogy.analogy(vec, "x1", "y1", "x2", 3, "3cosmul")]
    data = run_json(capsys, "analogy", vectors_file, "x1", "y1", "x2", "-k", "3")
    assert data["answers"][0]["name"] == "y2"       # the planted relation
    assert main(["analogy", str(vectors_file), "x1", "y1", "x2"]) == 0
    assert "x1 : y1 :: x2 : ?" in capsys.readouterr().out


def test_compare_metrics_for_a_query_and_a_sample(vectors_file, capsys):
    assert main(["compare-metrics", str(vectors_file), "x3", "-k", "5"]) == 0
    out = capsys.readouterr().out
    assert "overlap@5" in out and "Kendall tau" in out and "tanimoto" in out
    data = run_json(capsys, "compare-metrics", vectors_file, "--sample", "30", "--metrics", "cosine,euclidean",
                    "--hubness")
    assert data["queries"] == 30 and data["metrics"] == ["cosine", "euclidean"]
    assert np.allclose(np.diag(data["overlap"]), 1.0)
    assert set(data["hubness"]) == {"cosine", "euclidean"} and data["hubness"]["cosine"]["queries"] == 100
    with pytest.raises(SystemExit) as exit_:
        main(["compare-metrics", str(vectors_file), "x3", "--metrics", "cosine,jaccard"])
    assert exit_.value.code == 2
    assert "argument --metrics: unknown metric 'jaccard'" in capsys.readouterr().err


def test_evaluate(vectors_file, tmp_path, capsys):
    questions = tmp_path / "q.txt"
    questions.write_text(": planted\n" + "".join(f"X{i} Y{i} x{j} y{j}\n" for i in range(5) for j in range(6, 9))
                         + "x1 y1 nowhere y2\n")
    pairs = tmp_path / "p.tsv"
    pairs.write_text("# w1\tw2\tscore\n" + "".join(f"x{i}\ty{i}\t{9 - i * 0.1}\n" for i in range(8))
                     + "x1\td1\t1.0\nx2\td5\t0.5\nd1\tnowhere\t3\n")
    data = run_json(capsys, "evaluate", "--analogies", questions, "--pairs", pairs, vectors_file)
    vec = formats.load_vectors(vectors_file)
    want = evaluate.evaluate_analogies(vec, questions)
    got = data["analogies"][str(questions)]
    assert (got["correct"], got["total"], got["skipped"]) == (want.correct, want.total, 1)
    assert data["pairs"][str(pairs)]["oov"] == 1
    assert data["pairs"][str(pairs)]["spearman"] == pytest.approx(evaluate.evaluate_pairs(vec, pairs).spearman)
    assert main(["evaluate", str(vectors_file), "--analogies", str(questions)]) == 0
    assert "TOTAL" in capsys.readouterr().out
    assert main(["evaluate", str(vectors_file)]) == 2


def test_project_writes_coordinates(vectors_file, tmp_path, capsys):
    out = tmp_path / "coords.csv"
    data = run_json(capsys, "project", vectors_file, "--top", "30", "--names", "d50,d51", "-o", out)
    assert len(data["points"]) == 32 and 0 <= data["mean_trust"] <= 1
    lines = out.read_text().splitlines()
    assert lines[0] == "name,x,y,trust" and len(lines) == 33
    assert main(["project", str(vectors_file), "--around", "x1", "-k", "6", "--method", "tsne"]) == 0
    assert "mean trust" in capsys.readouterr().out


def test_unknown_names_are_one_line_errors(vectors_file, capsys):
    assert main(["neighbors", str(vectors_file), "nothing"]) == 2
    assert capsys.readouterr().err.strip() == "w2v-desktop: error: 'nothing' is not in the vocabulary"
