"""Rating files through Spark give the local path's sequences: the same users, items and
order, the same corpus ids and counts, and the same report, line for line."""
import re

import numpy as np
import pytest

from tests.conftest import SAMPLES
from w2v_desktop.core.items import ColumnMapping, EmptySequencesError, SequenceOptions
from w2v_desktop.core.jobs import SparkEngine, read_rating_data
from w2v_desktop.core.spark import SparkProgress

pytestmark = pytest.mark.spark

RATINGS = SAMPLES / "sample_ratings.csv"
# Ties in time keep file order (u1's b, a at 10; u3's z, b at 3, though b came first in the file), a session gap (u1 at 10 -> 500), repeats in a
# row (u2's c c), leading zeros ("007" is not "7"), ratings below and at the threshold (3.3 is
# kept at 3.3, compared as float32 as the local path does), short histories, bad rows.
CRAFTED = """user,item,rating,time
u1,b,4,10
u2,007,5,3
u1,a,4,10
u2,7,5,4
u2,c,4,5
u2,c,4.5,6
u3,x,2,1
u1,c,5,500
u1,d,4,501
u2,c,4,7
u3,y,5,2
u3,z,3.3,3
u3,b,4,3
u2,a,oops,8
u4,a,5,
u4,b,4,2020-01-02 03:04:05
user,item,rating,time
u1,e,4,later
u2,d,4,9
u5,a
"""
CRAFTED_MAPPING = ColumnMapping("user", "item", "rating", "time", header=True)
OPTIONS = SequenceOptions(min_rating=3.3, session_gap=100, min_length=2, dedupe_consecutive=True, min_count=2)


def spark_read(spark, path, mapping=None, options=None, **engine):
    records = []
    data = read_rating_data(path, mapping, options, spark=SparkEngine("local[2]", **engine),
                            on_progress=records.append)
    assert any(isinstance(r, SparkProgress) for r in records)
    return data


def assert_same(local, on_spark):
    """Spark gives every figure of the report but the bad rows' line numbers."""
    a, b = local.corpus, on_spark.corpus
    expected = local.report.lines()
    expected[0] = re.sub(r"; first at lines [\d, ]+$", "", expected[0])
    assert on_spark.report.lines() == expected
    assert b.words == a.words
    np.testing.assert_array_equal(b.counts, a.counts)
    np.testing.assert_array_equal(b.offsets, a.offsets)
    np.testing.assert_array_equal(np.asarray(b.tokens), np.asarray(a.tokens))
    assert list(b.iter_sentences()) == list(a.iter_sentences())


def test_the_sample_through_spark_equals_the_local_path(spark):
    assert_same(read_rating_data(RATINGS), spark_read(spark, RATINGS))


def test_split_file_keeps_file_order_and_a_spilled_corpus_is_the_same(spark):
    """Small splits: the sample is read by several tasks; the corpus spills to a mapped file."""
    spark.conf.set("spark.sql.files.maxPartitionBytes", str(64 * 1024))
    try:
        options = SequenceOptions(min_rating=None, session_gap=3 * 86400, dedupe_consecutive=True)
        on_spark = spark_read(spark, RATINGS, options=options, spill_tokens=1000)
        assert spark.read.csv(str(RATINGS)).rdd.getNumPartitions() > 4
    finally:
        spark.conf.unset("spark.sql.files.maxPartitionBytes")
    assert isinstance(on_spark.corpus.tokens, np.memmap)
    assert on_spark.corpus.tokens.filename is None  # mapped from a file that never had a name to leave behind
    assert_same(read_rating_data(RATINGS, options=options), on_spark)


def test_crafted_file_ties_sessions_repeats_zeros_and_bad_rows(spark, tmp_path):
    path = tmp_path / "crafted.csv"
    path.write_text(CRAFTED)
    local = read_rating_data(path, CRAFTED_MAPPING, OPTIONS)
    on_spark = spark_read(spark, path, CRAFTED_MAPPING, OPTIONS)
    assert_same(local, on_spark)
    assert list(on_spark.corpus.iter_sentences()) == [["b", "a"], ["c", "d"], ["007", "7", "c", "d"],
                                                      ["y", "z", "b"]]
    assert on_spark.report.skipped_rows.counts == {
        "wrong column count": 1, "repeated header": 1, "missing field": 1, "non-numeric rating": 1,
        "non-numeric time": 1}
    assert "first at lines" not in on_spark.report.lines()[0]  # Spark knows no line numbers


def test_no_time_column_keeps_file_order_and_parquet_reads_the_same(spark, tmp_path):
    pa, pq = pytest.importorskip("pyarrow"), pytest.importorskip("pyarrow.parquet")
    rows = [("u2", "007"), ("u1", "b"), ("u2", "7"), ("u1", "a"), ("u1", "b"), ("u3", "a"), ("u2", "b")]
    csv = tmp_path / "clicks.tsv"
    csv.write_text("".join(f"{u}\t{i}\n" for u, i in rows))
    mapping = ColumnMapping(0, 1, delimiter="\t")
    options = SequenceOptions(min_rating=None, min_count=2)
    local = read_rating_data(csv, mapping, options)
    assert_same(local, spark_read(spark, csv, mapping, options))
    assert list(local.corpus.iter_sentences()) == [["007", "7", "b"], ["b", "a", "b"]]

    parquet = tmp_path / "clicks.parquet"
    pq.write_table(pa.table({"user_id": [u for u, _ in rows], "item_id": [i for _, i in rows]}), parquet)
    on_parquet = spark_read(spark, parquet, None, options)  # roles from the column names
    assert on_parquet.corpus.words == local.corpus.words
    np.testing.assert_array_equal(np.asarray(on_parquet.corpus.tokens), np.asarray(local.corpus.tokens))
    assert on_parquet.report.lines()[1:] == local.report.lines()[1:]  # the first names the file


def test_an_empty_result_names_the_same_step(spark, tmp_path):
    path = tmp_path / "crafted.csv"
    path.write_text(CRAFTED)
    options = OPTIONS.replace(min_length=50)
    with pytest.raises(EmptySequencesError) as local:
        read_rating_data(path, CRAFTED_MAPPING, options)
    with pytest.raises(EmptySequencesError) as on_spark:
        spark_read(spark, path, CRAFTED_MAPPING, options)
    assert str(on_spark.value) == str(local.value)
    assert "drop sequences shorter than 50" in str(local.value)
