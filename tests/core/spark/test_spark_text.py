"""Text tokenised on Spark trains exactly as text read locally: the same Corpus (words in the
same id order, counts, tokens, offsets), spilled or not."""
import numpy as np
import pytest

from w2v_desktop.core.jobs.corpus import read_corpus
from w2v_desktop.core.spark import spark_text_corpus
from w2v_desktop.core.text import TokenizeOptions
from tests.conftest import run_job

pytestmark = pytest.mark.spark


def assert_same_corpus(got, expected):
    assert got.words == expected.words
    assert got.counts.tolist() == expected.counts.tolist()
    assert np.asarray(got.tokens).tolist() == np.asarray(expected.tokens).tolist()
    assert got.offsets.tolist() == expected.offsets.tolist()


@pytest.mark.parametrize("name, options, spill", [
    ("sample_corpus.txt", TokenizeOptions(stop_words="english"), False),
    ("sample_corpus.txt", TokenizeOptions(min_token_length=2, phrases=True, phrase_min_count=3,
                                          phrase_threshold=5.0), True),
    ("sample_zh.txt", TokenizeOptions(stop_words="auto"), False),  # jieba on the executors
])
def test_spark_corpus_equals_the_local_reader(spark, samples, tmp_path, name, options, spill):
    path = samples / name
    records, corpus = run_job(spark_text_corpus(spark, str(path), options, min_partitions=3,
                                                spill_tokens=100 if spill else 1 << 24, spill_dir=str(tmp_path)))
    expected = read_corpus(str(path), options)
    assert records and corpus.n_tokens > 1000
    assert_same_corpus(corpus, expected)
    assert isinstance(corpus.tokens, np.memmap) == spill and list(tmp_path.iterdir()) == []
    if options.phrases:
        assert any("_" in w for w in corpus.words)
