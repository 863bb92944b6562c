"""Spark word2vec models and Parquet vector tables: each saved layout crafted with pyarrow and read
without Spark, our writer's folder and table, refusals that name the folder, and (``spark``-marked)
the real pyspark reading what we write and writing what we read."""
import json

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from w2v_desktop.core.formats import spark as formats_spark
from w2v_desktop.core.formats.kinds import FileKind, sniff
from w2v_desktop.core.formats.registry import FormatError, detect_format, load_vectors, save_vectors
from w2v_desktop.core.vectors.keyed import Vectors
from w2v_desktop.core.vectors.similarity import nearest

FLOAT_LIST = pa.list_(pa.field("element", pa.float32(), nullable=False))


def make_vectors(n=6, dim=4, seed=0, names=None):
    rng = np.random.default_rng(seed)
    names = names or [f"w{i}" for i in range(n)]
    return Vectors(names, rng.standard_normal((len(names), dim)).astype(np.float32))


def craft_model(folder, metadata, tables, extra_files=()):
    """A model folder as Spark leaves it: metadata line, part files, _SUCCESS and .crc files."""
    (folder / "metadata").mkdir(parents=True)
    (folder / "data").mkdir()
    (folder / "metadata" / "part-00000").write_text(json.dumps(metadata) + "\n")
    for folder_name in ("metadata", "data"):
        (folder / folder_name / "_SUCCESS").touch()
        (folder / folder_name / "._SUCCESS.crc").write_bytes(b"crc")
    for i, table in enumerate(tables):
        pq.write_table(table, folder / "data" / f"part-{i:05d}-abc-c000.snappy.parquet")
    for name in extra_files:
        (folder / "data" / name).write_bytes(b"not parquet")
    return folder


def rows_table(names, matrix):
    return pa.table({"word": pa.array(names, pa.string()),
                     "vector": pa.array([list(r) for r in np.asarray(matrix)], FLOAT_LIST)})


def ml_metadata(version="3.5.1", dim=None):
    params = {"inputCol": "text", "outputCol": "v"} | ({"vectorSize": dim} if dim else {})
    return {"class": formats_spark.ML_CLASS, "timestamp": 1, "sparkVersion": version,
            "uid": "Word2Vec_0123456789ab", "paramMap": params, "defaultParamMap": {}}


def assert_error(path, fragment, named=None, fmt="spark"):
    with pytest.raises(FormatError) as caught:
        load_vectors(path, fmt)
    err = caught.value
    assert err.path == str(named or path) and err.path in str(err), str(err)
    assert fragment in str(err), str(err)
    return err


# --- reading each layout ---------------------------------------------------------------------------

def test_rows_layout_is_read_in_part_file_order_and_ignores_markers(tmp_path):
    vectors = make_vectors(7)
    craft_model(tmp_path / "m", ml_metadata(dim=4),
                [rows_table(vectors.names[:3], vectors.matrix[:3]),
                 rows_table([], np.zeros((0, 4))),  # Spark leaves empty partitions as empty files
                 rows_table(vectors.names[3:], vectors.matrix[3:])],
                extra_files=[".part-00000-abc-c000.snappy.parquet.crc"])
    assert detect_format(tmp_path / "m") == "spark"
    assert sniff(tmp_path / "m") == FileKind("vectors", "spark")
    back = load_vectors(tmp_path / "m")
    assert back.names == vectors.names and np.array_equal(back.matrix, vectors.matrix)
    assert back.counts is None
    assert back.meta["format"] == "spark" and back.meta["spark"]["uid"] == "Word2Vec_0123456789ab"
    assert back.meta["spark"]["layout"] == "ml rows (Spark >= 2.2)"


def test_single_row_layout_of_spark_before_2_2_puts_each_word_at_its_index(tmp_path):
    vectors = make_vectors(4, dim=3)
    order = [2, 0, 3, 1]  # map entries in any order; the index says the row
    index = pa.array([[(vectors.names[i], i) for i in order]], pa.map_(pa.string(), pa.int32()))
    flat = pa.array([vectors.matrix.ravel().tolist()], pa.list_(pa.float32()))
    craft_model(tmp_path / "old", ml_metadata("2.1.0", dim=3),
                [pa.table({"wordIndex": index, "wordVectors": flat})])
    back = load_vectors(tmp_path / "old")
    assert back.names == vectors.names and np.array_equal(back.matrix, vectors.matrix)
    assert back.meta["spark"]["layout"] == "ml single-row (Spark < 2.2)"


def test_mllib_layout_is_read_and_its_counts_checked(tmp_path):
    vectors = make_vectors(5, dim=3)
    metadata = {"class": formats_spark.MLLIB_CLASS, "version": "1.0", "vectorSize": 3, "numWords": 5}
    craft_model(tmp_path / "mllib", metadata, [rows_table(vectors.names, vectors.matrix)])
    back = load_vectors(tmp_path / "mllib")
    assert back.names == vectors.names and np.array_equal(back.matrix, vectors.matrix)
    assert back.meta["spark"]["layout"] == "mllib"
    craft_model(tmp_path / "short", metadata | {"numWords": 6}, [rows_table(vectors.names, vectors.matrix)])
    assert_error(tmp_path / "short", "numWords 6, the data holds 5 words")


# --- writing --------------------------------------------------------------------------------------

def test_written_model_has_spark_layout_and_reads_back(tmp_path):
    vectors = make_vectors(names=["a", "new york", "日本語", "x"])
    out = tmp_path / "model"
    assert save_vectors(vectors, out, "spark") == [out]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]  # no temporary folder left
    metadata = json.loads((out / "metadata" / "part-00000").read_text())
    assert metadata["class"] == formats_spark.ML_CLASS and metadata["paramMap"]["vectorSize"] == 4
    assert metadata["uid"].startswith("Word2Vec_") and metadata["sparkVersion"] >= "2.4"
    assert metadata["defaultParamMap"]["outputCol"] == metadata["uid"] + "__output"
    assert (out / "metadata" / "_SUCCESS").exists() and (out / "data" / "_SUCCESS").exists()
    [part] = (out / "data").glob("part-*.parquet")
    schema = pq.read_schema(part)
    assert json.loads(schema.metadata[b"org.apache.spark.sql.parquet.row.metadata"]) == formats_spark.ROW_METADATA
    assert schema.field("word").type == pa.string() and schema.field("vector").type == FLOAT_LIST
    back = load_vectors(out)
    assert back.names == vectors.names and np.array_equal(back.matrix, vectors.matrix)


def test_a_spark_model_or_empty_folder_is_replaced_anything_else_refused(tmp_path):
    first, second = make_vectors(3, seed=1), make_vectors(5, seed=2)
    (tmp_path / "empty").mkdir()
    save_vectors(first, tmp_path / "empty", "spark")
    save_vectors(second, tmp_path / "empty", "spark")  # a Spark model now: replaced whole
    assert load_vectors(tmp_path / "empty").names == second.names
    assert len(list((tmp_path / "empty" / "data").glob("*.parquet"))) == 1
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "thesis.tex").write_text("precious")
    (tmp_path / "file").write_text("precious")
    for target in (tmp_path / "docs", tmp_path / "file"):
        with pytest.raises(ValueError, match="refusing to replace it"):
            save_vectors(first, target, "spark")
    assert (tmp_path / "docs" / "thesis.tex").read_text() == "precious"
    assert (tmp_path / "file").read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "empty", "file"]


def test_a_failed_write_keeps_the_old_model_and_leaves_nothing(tmp_path, monkeypatch):
    old = make_vectors(3, seed=1)
    save_vectors(old, tmp_path / "m", "spark")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq, "write_table", full_disk)
    with pytest.raises(OSError, match=r"/m: could not write it \(no space left on device\); the file there is unchanged"):
        save_vectors(make_vectors(5), tmp_path / "m", "spark")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]
    monkeypatch.undo()
    assert load_vectors(tmp_path / "m").names == old.names
    bad = make_vectors(3)
    bad.matrix[1, 2] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        save_vectors(bad, tmp_path / "new", "spark")
    assert not (tmp_path / "new").exists()


def test_parquet_table_round_trip_and_schema(tmp_path):
    vectors = make_vectors(names=["item 1", "42", "ß"], dim=5)
    path = tmp_path / "emb.parquet"
    assert save_vectors(vectors, path) == [path]  # the suffix picks the format
    table = pq.read_table(path)
    assert table.column_names == ["item", "vector"]
    assert table.schema.field("item").type == pa.string()
    assert table.schema.field("vector").type == FLOAT_LIST
    assert table.column("item").to_pylist() == vectors.names
    assert detect_format(path) == "parquet" and sniff(path) == FileKind("vectors", "parquet")
    back = load_vectors(path)
    assert back.names == vectors.names and np.array_equal(back.matrix, vectors.matrix)
    ratings = tmp_path / "ratings.parquet"
    pq.write_table(pa.table({"user": ["u"], "item": ["i"], "rating": [4.0]}), ratings)
    assert sniff(ratings).kind == "ratings"
    with pytest.raises(FormatError, match="without the columns of a vector table"):
        detect_format(ratings)


# --- bad input names the folder or file and what is wrong ------------------------------------------

def test_missing_metadata_and_wrong_class(tmp_path):
    vectors = make_vectors(3)
    craft_model(tmp_path / "m", ml_metadata(), [rows_table(vectors.names, vectors.matrix)])
    (tmp_path / "m" / "metadata" / "part-00000").unlink()
    assert_error(tmp_path / "m", "metadata is missing or empty", named=tmp_path / "m" / "metadata")
    (tmp_path / "data_only" / "data").mkdir(parents=True)
    assert_error(tmp_path / "data_only", "no metadata folder")
    with pytest.raises(FormatError, match="neither a Spark model"):
        detect_format(tmp_path / "data_only")
    craft_model(tmp_path / "lr", ml_metadata() | {"class": "org.apache.spark.ml.feature.PCAModel"},
                [rows_table(vectors.names, vectors.matrix)])
    assert_error(tmp_path / "lr", "PCAModel, not a Word2VecModel")
    craft_model(tmp_path / "junk", ml_metadata(), [rows_table(vectors.names, vectors.matrix)])
    (tmp_path / "junk" / "metadata" / "part-00000").write_text("{not json\n")
    assert_error(tmp_path / "junk", "not JSON", named=tmp_path / "junk" / "metadata" / "part-00000")


def test_unequal_non_finite_duplicate_and_empty_data(tmp_path):
    part = "part-00000-abc-c000.snappy.parquet"
    ragged = pa.table({"word": ["a", "b", "c"],
                       "vector": pa.array([[1.0, 2.0], [3.0, 4.0], [5.0]], FLOAT_LIST)})
    craft_model(tmp_path / "ragged", ml_metadata(), [ragged])
    err = assert_error(tmp_path / "ragged", "'c' has 1 values, row 1's has 2",
                       named=tmp_path / "ragged" / "data" / part)
    assert err.where == "row 3"
    craft_model(tmp_path / "nan", ml_metadata(), [rows_table(["a", "b"], [[1.0, 2.0], [np.inf, 0.0]])])
    assert_error(tmp_path / "nan", "'b' holds NaN or infinity", named=tmp_path / "nan" / "data" / part)
    craft_model(tmp_path / "dup", ml_metadata(), [rows_table(["a", "b"], np.ones((2, 2)))
                                                  , rows_table(["c", "a"], np.ones((2, 2)))])
    assert_error(tmp_path / "dup", "duplicate name 'a' (first at row 1)", named=tmp_path / "dup" / "data")
    craft_model(tmp_path / "empty", ml_metadata(), [rows_table([], np.zeros((0, 2)))])
    assert_error(tmp_path / "empty", "hold no rows", named=tmp_path / "empty" / "data")
    craft_model(tmp_path / "none", ml_metadata(), [])
    assert_error(tmp_path / "none", "no Parquet files", named=tmp_path / "none" / "data")
    craft_model(tmp_path / "size", ml_metadata(dim=3), [rows_table(["a"], [[1.0, 2.0]])])
    assert_error(tmp_path / "size", "vectorSize 3, the data holds vectors of 2 values")


def test_bad_single_row_and_bad_table(tmp_path):
    index = pa.array([[("a", 0), ("b", 0)]], pa.map_(pa.string(), pa.int32()))
    flat = pa.array([[1.0, 2.0, 3.0, 4.0]], pa.list_(pa.float32()))
    craft_model(tmp_path / "old", ml_metadata("2.0.0"), [pa.table({"wordIndex": index, "wordVectors": flat})])
    assert_error(tmp_path / "old", "does not number the 2 words 0..1 once each",
                 named=tmp_path / "old" / "data" / "part-00000-abc-c000.snappy.parquet")
    table = tmp_path / "t.parquet"
    pq.write_table(pa.table({"item": ["a", None], "vector": pa.array([[1.0], [2.0]], FLOAT_LIST)}), table)
    assert assert_error(table, "column item is empty", fmt=None).where == "row 2"


# --- against the real Spark ------------------------------------------------------------------------

SENTENCES = ["the king rules the land", "the queen rules the land", "a cat chases a mouse",
             "a dog chases a cat", "the king and the queen", "a mouse fears a cat"] * 5


@pytest.mark.spark
def test_a_model_trained_and_saved_by_spark_is_read_without_spark(spark, tmp_path):
    from pyspark.ml.feature import Word2Vec

    frame = spark.createDataFrame([(s.split(),) for s in SENTENCES], ["text"])
    model = Word2Vec(vectorSize=8, minCount=1, seed=7, maxIter=1, inputCol="text", outputCol="v").fit(frame)
    model.write().overwrite().save(str(tmp_path / "sparkmodel"))
    expected = {row.word: row.vector.toArray() for row in model.getVectors().collect()}
    back = load_vectors(tmp_path / "sparkmodel")
    assert back.meta["spark"]["layout"] == "ml rows (Spark >= 2.2)" and back.counts is None
    # what we write has the fields, defaults and footer schema Spark wrote here
    theirs = formats_spark.read_metadata(tmp_path / "sparkmodel")
    ours = formats_spark.spark_metadata(8)
    assert set(ours) == set(theirs)
    # pyspark's default seed is hash() of the class name, which Python salts per process
    assert ours["defaultParamMap"] | {"outputCol": "", "seed": 0} == \
        theirs["defaultParamMap"] | {"outputCol": "", "seed": 0}
    [part] = (tmp_path / "sparkmodel" / "data").glob("part-*.parquet")
    footer = pq.read_schema(part).metadata[b"org.apache.spark.sql.parquet.row.metadata"]
    assert json.loads(footer) == formats_spark.ROW_METADATA
    assert sorted(back.names) == sorted(expected)
    for name in back.names:
        np.testing.assert_allclose(back.matrix[back.row(name)], expected[name], rtol=0, atol=1e-6)


@pytest.mark.spark
def test_our_vectors_load_in_spark_and_its_synonyms_match_ours(spark, tmp_path):
    from pyspark.ml.feature import Word2VecModel

    vectors = make_vectors(40, dim=8, seed=3)
    save_vectors(vectors, tmp_path / "ours", "spark")
    model = Word2VecModel.load(str(tmp_path / "ours"))
    assert model.getVectorSize() == 8
    for word in ("w0", "w17"):
        theirs = [(r.word, r.similarity) for r in model.findSynonyms(word, 5).collect()]
        ours = nearest(vectors, word, k=5, metric="cosine", exact=True)
        assert [w for w, _ in theirs] == [n.name for n in ours]
        np.testing.assert_allclose([s for _, s in theirs], [n.score for n in ours], atol=1e-5)


@pytest.mark.spark
def test_a_pyspark_mllib_model_is_read(spark, tmp_path):
    feature = pytest.importorskip("pyspark.mllib.feature")
    sentences = spark.sparkContext.parallelize([s.split() for s in SENTENCES], 2)
    model = feature.Word2Vec().setVectorSize(8).setMinCount(1).setSeed(7).setNumIterations(1).fit(sentences)
    model.save(spark.sparkContext, str(tmp_path / "mllib"))
    expected = {word: np.array(list(vector), np.float32) for word, vector in model.getVectors().items()}
    back = load_vectors(tmp_path / "mllib")
    assert back.meta["spark"]["layout"] == "mllib" and sorted(back.names) == sorted(expected)
    for name in back.names:
        np.testing.assert_allclose(back.matrix[back.row(name)], expected[name], rtol=0, atol=1e-6)
