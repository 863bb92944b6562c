"""The shared collector: a DataFrame of name sequences becomes Corpus.from_sentences' Corpus,
and a cancelled collection raises Cancelled and leaves no spill file."""
import numpy as np
import pytest

from w2v_desktop.core.cancel import Cancelled
from w2v_desktop.core.spark import collect_name_corpus
from w2v_desktop.core.text import Corpus
from tests.conftest import run_job

pytestmark = pytest.mark.spark


def test_dataframe_sequences_collect_as_corpus_builder_would_and_cancel(spark, tmp_path):
    sequences = [["u1", "i9", "i3"], [], ["i3", "i3", "i7"], ["i9"], ["i1", "i9"]] * 50
    frame = spark.createDataFrame([(s,) for s in sequences], "items array<string>").coalesce(3)
    _, corpus = run_job(collect_name_corpus(spark, frame, "ratings", spill_tokens=10, spill_dir=str(tmp_path)))
    expected = Corpus.from_sentences(frame.rdd.map(lambda row: row[0]).collect())
    assert corpus.words == expected.words and corpus.counts.tolist() == expected.counts.tolist()
    assert np.asarray(corpus.tokens).tolist() == expected.tokens.tolist()
    assert corpus.offsets.tolist() == expected.offsets.tolist() and corpus.source == "ratings"
    with pytest.raises(Cancelled):
        run_job(collect_name_corpus(spark, frame, spill_tokens=10, spill_dir=str(tmp_path), cancel=lambda: True))
    assert list(tmp_path.iterdir()) == []
