"""``project``: map parameters, axes you choose, output by suffix, bad values named."""
import json

import numpy as np
import pytest

from w2v_desktop.cli import main
from w2v_desktop.core.formats import save_vectors
from w2v_desktop.core.vectors import Vectors


@pytest.fixture(scope="module")
def vectors_file(tmp_path_factory):
    rng = np.random.default_rng(0)
    names = ["king", "queen", "man", "woman"] + [f"w{i}" for i in range(96)]
    path = tmp_path_factory.mktemp("v") / "vectors.txt"
    save_vectors(Vectors(names, rng.normal(size=(100, 12))), path, "word2vec")
    return path


def run_json(capsys, *args):
    assert main([*map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_tsne_and_umap_parameters_reach_the_map(vectors_file, capsys):
    data = run_json(capsys, "project", vectors_file, "--top", "60", "--method", "tsne", "--perplexity", "8",
                    "--learning-rate", "150", "--exaggeration", "2", "--trust-sample", "25")
    assert "perplexity 8" in data["parameters"] and "learning rate 150.0" in data["parameters"]
    assert data["trust_measured"] == 25 and data["trust_note"] == "trust measured on a random 25 of 60 points"
    assert sum(p["trust"] is None for p in data["points"]) == 35
    data = run_json(capsys, "project", vectors_file, "--top", "40", "--method", "pca", "--no-normalize",
                    "--components", "3")
    assert "raw rows" in data["parameters"] and set(data["points"][0]) == {"name", "x", "y", "z", "trust"}


def test_3d_writes_x_y_z(vectors_file, tmp_path, capsys):
    data = run_json(capsys, "project", vectors_file, "--top", "30", "--3d")
    assert set(data["points"][0]) == {"name", "x", "y", "z", "trust"}
    out = tmp_path / "map3d.csv"
    assert main(["project", str(vectors_file), "--top", "30", "--method", "umap", "--n-neighbors", "5", "--3d",
                 "-o", str(out)]) == 0
    header, *rows = [line.split(",") for line in out.read_text().splitlines()]
    assert header[:5] == ["name", "x", "y", "z", "trust"] and len(rows) == 30
    assert len({row[3] for row in rows}) > 1      # z varies: a real third axis


@pytest.mark.parametrize("option, message", [
    (["--method", "tsne"], "--3d: t-SNE maps are 2-D; use --method pca or umap"),
    (["--x", "king", "--y", "queen"], "--3d: custom axes are x and y only; use --method pca or umap"),
])
def test_3d_is_refused_for_tsne_and_axes(vectors_file, capsys, option, message):
    assert main(["project", str(vectors_file), "--3d", *option]) == 2
    assert capsys.readouterr().err.strip() == f"w2v-desktop: error: {message}"


def test_custom_axes(vectors_file, capsys):
    data = run_json(capsys, "project", vectors_file, "--top", "20", "--x", "woman - man", "--y", "queen - king")
    assert data["method"] == "axes" and len(data["points"]) == 20
    assert main(["project", str(vectors_file), "--x", "woman - mann", "--y", "king"]) == 2
    assert capsys.readouterr().err.strip() == "w2v-desktop: error: x axis: unknown word 'mann'"


def test_small_maps_say_trust_is_undefined(vectors_file, capsys):
    assert main(["project", str(vectors_file), "--names", "king,queen,man,woman,w1"]) == 0
    assert "mean trust undefined (trust undefined for a map of 5 points" in capsys.readouterr().out


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".parquet"])
def test_writes_by_suffix(vectors_file, tmp_path, capsys, suffix):
    out = tmp_path / f"map{suffix}"
    assert main(["project", str(vectors_file), "--top", "100", "-o", str(out), "--neighbors", "5"]) == 0
    assert "written to" in capsys.readouterr().out and out.exists()
    if suffix == ".tsv":
        assert (tmp_path / "map_metadata.tsv").read_text().startswith("name\tx\ty\ttrust\n")
    if suffix == ".parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        table = pq.read_table(out)
        assert table.num_rows == 100 and len(table.column("neighbors")[0].as_py()["ids"]) == 5


@pytest.mark.parametrize("option, message", [
    (["--perplexity", "500"], "--perplexity must be a number from 2 to 100, got 500.0"),
    (["--learning-rate", "quick"], "--learning-rate must be 'auto' or a number, got 'quick'"),
    (["--learning-rate", "0"], "--learning-rate must be a number from 1 to 1e+06 or 'auto', got 0.0"),
    (["--exaggeration", "0"], "--exaggeration must be a number from 1 to 50, got 0.0"),
    (["--method", "umap", "--n-neighbors", "1"], "--n-neighbors must be a whole number from 2 to 200, got 1"),
    (["--min-dist", "2"], "--min-dist must be a number from 0 to 1, got 2.0"),
    (["--method", "tsne", "--components", "3"], "--components must be 2 for t-SNE, got 3"),
    (["--x", "king"], "--x and --y: give both, each a name or a formula such as 'woman - man'"),
    (["-o", "map.xlsx"], "-o/--output 'map.xlsx': use a .csv, .tsv (Projector pair) or .parquet file"),
    (["--neighbors", "-1"], "--neighbors must be 0 or more, got -1"),
])
def test_bad_values_exit_2_naming_the_option(vectors_file, capsys, option, message):
    assert main(["project", str(vectors_file), *option]) == 2
    assert capsys.readouterr().err.strip() == f"w2v-desktop: error: {message}"


def test_unknown_metric_is_refused_by_argparse(vectors_file, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["project", str(vectors_file), "--metric", "hamming"])
    assert stop.value.code == 2 and "--metric" in capsys.readouterr().err
