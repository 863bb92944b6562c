"""Spark model folders through the real CLI: ``convert`` both ways and ``neighbors`` on a folder."""
import json

import numpy as np

from w2v_desktop import cli
from w2v_desktop.core.formats.registry import load_vectors, save_vectors
from w2v_desktop.core.vectors.keyed import Vectors
from w2v_desktop.core.vectors.similarity import nearest


def test_convert_to_a_spark_folder_and_back_then_query_it(tmp_path, capsys):
    rng = np.random.default_rng(4)
    vectors = Vectors([f"item{i}" for i in range(12)], rng.standard_normal((12, 6)).astype(np.float32))
    save_vectors(vectors, tmp_path / "vectors.txt", "word2vec")
    model = tmp_path / "model_dir"
    assert cli.main(["convert", str(tmp_path / "vectors.txt"), str(model), "--to", "spark"]) == 0
    assert f"wrote {model}" in capsys.readouterr().out
    assert (model / "metadata" / "part-00000").is_file()

    assert cli.main(["convert", str(model), str(tmp_path / "out.txt")]) == 0
    assert "read 12 vectors of dimension 6 (spark)" in capsys.readouterr().out
    back = load_vectors(tmp_path / "out.txt")
    assert back.names == vectors.names and np.array_equal(back.matrix, vectors.matrix)

    assert cli.main(["neighbors", str(model), "item3", "-k", "4", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = [n.name for n in nearest(vectors, "item3", k=4)]
    assert [row["name"] for row in printed["results"]["item3"]] == expected


def test_converting_onto_a_folder_that_is_not_a_model_is_refused(tmp_path, capsys):
    save_vectors(Vectors(["a", "b"], np.eye(2, dtype=np.float32)), tmp_path / "v.txt", "word2vec")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8")
    assert cli.main(["convert", str(tmp_path / "v.txt"), str(tmp_path / "photos"), "--to", "spark"]) == 2
    err = capsys.readouterr().err
    assert "photos exists and is a folder that is not a Spark model; refusing" in err
    assert [p.name for p in (tmp_path / "photos").iterdir()] == ["cat.jpg"]
