"""A map to .csv, the Projector .tsv pair and Embedding Atlas .parquet."""
import csv
import json

import numpy as np
import pytest

from w2v_desktop.core.analysis import ProjectionParams, export_map, project
from w2v_desktop.core.formats import load_vectors
from w2v_desktop.core.vectors import Vectors

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def mapped():
    rng = np.random.default_rng(0)
    names = [f"w{i}" for i in range(80)]
    names[3], names[4], names[5] = "=HYPERLINK(1)", "-12.5", "@sum"
    genres = ["Action|Comedy", "-Drama", "+x"] + ["Sci-Fi"] * 77
    vectors = Vectors(names, rng.normal(size=(80, 12)).astype(np.float32), np.arange(1000, 920, -1),
                      {"columns": {"genres": genres}})
    rows = np.array([5, 0, 1, 2, 3, 4] + list(range(6, 60)))
    return vectors, project(vectors, rows, ProjectionParams("pca"), trust_sample=40)


def test_csv_has_every_column_and_formula_cells_are_quoted(mapped, tmp_path):
    vectors, result = mapped
    path = tmp_path / "map.csv"
    assert export_map(path, result, vectors) == [path]
    with open(path, newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == ["name", "x", "y", "trust", "count", "genres"] and len(table) == 61
    by_name = {row[0]: row for row in table[1:]}
    assert "'=HYPERLINK(1)" in by_name and "'@sum" in by_name
    assert "-12.5" in by_name                                   # a negative number stays a number
    assert by_name["w1"][5] == "'-Drama" and by_name["w2"][5] == "'+x" and by_name["w0"][5] == "Action|Comedy"
    assert float(by_name["w0"][1]) == pytest.approx(result.coords[1, 0])
    assert sum(row[3] == "" for row in table[1:]) == 20             # trust measured on 40 of 60


def test_projector_pair_follows_the_header_rule(mapped, tmp_path):
    vectors, result = mapped
    written = export_map(tmp_path / "map.tsv", result, vectors)
    assert [p.name for p in written] == ["map.tsv", "map_metadata.tsv"]
    numbers = (tmp_path / "map.tsv").read_text().splitlines()
    assert len(numbers) == 60 and len(numbers[0].split("\t")) == 12
    float(numbers[0].split("\t")[0])                              # no header: the first line is numbers
    meta = (tmp_path / "map_metadata.tsv").read_text().splitlines()
    assert meta[0].split("\t") == ["name", "count", "x", "y", "trust", "genres"] and len(meta) == 61
    back = load_vectors(tmp_path / "map.tsv")                       # our reader round-trips it
    assert back.names == result.names
    np.testing.assert_allclose(back.matrix, vectors.matrix[result.rows], rtol=1e-6)


def test_projector_single_column_metadata_has_no_header(tmp_path):
    rng = np.random.default_rng(1)
    vectors = Vectors([f"n{i}" for i in range(20)], rng.normal(size=(20, 4)))
    subset = Vectors(vectors.names, vectors.matrix)
    from w2v_desktop.core.formats import save_vectors
    save_vectors(subset, tmp_path / "v.tsv", "projector-tsv")
    assert (tmp_path / "v_metadata.tsv").read_text().splitlines()[0] == "n0"


def test_parquet_for_embedding_atlas(mapped, tmp_path):
    vectors, result = mapped
    path = tmp_path / "map.parquet"
    export_map(path, result, vectors, neighbours=7)
    table = pq.read_table(path)
    schema = table.schema
    assert schema.names == ["name", "x", "y", "trust", "count", "genres", "neighbors"]
    assert schema.field("x").type == pa.float64() and schema.field("count").type == pa.int64()
    assert schema.field("neighbors").type == pa.struct([("ids", pa.list_(pa.int32())),
                                                        ("distances", pa.list_(pa.float32()))])
    assert json.loads(schema.metadata[b"w2v_desktop"])["method"] == "pca"
    rows = table.to_pylist()
    assert [r["name"] for r in rows] == result.names and rows[1]["x"] == pytest.approx(result.coords[1, 0])
    # neighbours: valid zero-based rows of this table, the same as an exact cosine search
    unit = vectors.unit[result.rows].astype(np.float64)
    similarity = unit @ unit.T
    np.fill_diagonal(similarity, -np.inf)
    for i, row in enumerate(rows):
        ids, distances = row["neighbors"]["ids"], row["neighbors"]["distances"]
        assert len(ids) == 7 and all(0 <= j < len(rows) and j != i for j in ids)
        assert ids == list(np.argsort(-similarity[i], kind="stable")[:7])
        np.testing.assert_allclose(distances, 1 - similarity[i, ids], atol=1e-5)


def test_unknown_suffix_is_refused(mapped, tmp_path):
    vectors, result = mapped
    with pytest.raises(ValueError, match="use one of .csv, .tsv, .parquet"):
        export_map(tmp_path / "map.xlsx", result, vectors)
    assert not list(tmp_path.iterdir())


def test_a_3d_map_writes_z_in_every_format(mapped, tmp_path):
    vectors, _ = mapped
    result = project(vectors, np.arange(40), ProjectionParams("pca", n_components=3), trust_sample=40)
    z = result.coords[:, 2].astype(np.float64)
    export_map(tmp_path / "m.csv", result, vectors)
    with open(tmp_path / "m.csv", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][:5] == ["name", "x", "y", "z", "trust"]
    np.testing.assert_allclose([float(r[3]) for r in table[1:]], z, rtol=1e-6)
    export_map(tmp_path / "m.tsv", result, vectors)
    header, *rows = (tmp_path / "m_metadata.tsv").read_text().splitlines()
    assert "\tx\ty\tz\ttrust" in header
    column = header.split("\t").index("z")
    np.testing.assert_allclose([float(r.split("\t")[column]) for r in rows], z, rtol=1e-6)
    export_map(tmp_path / "m.parquet", result, vectors, neighbours=3)
    np.testing.assert_allclose(pq.read_table(tmp_path / "m.parquet").column("z").to_numpy(), z, rtol=1e-6)
