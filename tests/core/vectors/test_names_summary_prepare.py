"""The name index (completion), the vectors summary (Data tab) and the background preparation."""
import numpy as np

from w2v_desktop.core.vectors import similarity
from w2v_desktop.core.vectors.keyed import Vectors
from w2v_desktop.core.vectors.names import NameIndex
from w2v_desktop.core.vectors.prepare import prepare_search, worth_preparing
from w2v_desktop.core.vectors.summary import summarize_vectors


def test_name_index_finds_substrings_case_insensitively_in_row_order():
    index = NameIndex(["Paris", "parsley", "spa", "apart", "PARIS"], titles=["", "", "Spa Town", "", ""])
    assert index.matches("par") == ["Paris", "parsley", "apart", "PARIS"]
    assert index.matches("PAR", limit=2) == ["Paris", "parsley"]
    assert index.matches("spa") == ["spa", "Spa Town [spa]"]  # a title can be typed too
    assert index.matches("") == [] and index.matches("zzz") == []
    assert index.lookup("paris") == "Paris"  # the most frequent spelling wins
    assert index.lookup("spa town") == "spa"


def test_name_index_agrees_with_a_plain_scan():
    rng = np.random.default_rng(0)
    names = ["".join(rng.choice(list("abcde"), size=rng.integers(1, 6))) for _ in range(3000)]
    names = list(dict.fromkeys(names))
    index = NameIndex(names)
    for needle in ("a", "ab", "cde", "eeee", "B"):
        want = [n for n in names if needle.casefold() in n.casefold()]
        assert index.matches(needle, limit=10**6) == want
        assert index.matches(needle, limit=5) == want[:5]


def test_vectors_summary_counts_norms_and_samples():
    matrix = np.zeros((5, 3), np.float32)
    matrix[1] = [3, 4, 0]
    matrix[2:] = 1
    vectors = Vectors(list("abcde"), matrix, np.array([9, 8, 7, 6, 5]), {"source": "/x/v.txt", "format": "glove"})
    summary = summarize_vectors(vectors, sample=2, components=2)
    assert (summary.n_rows, summary.dim, summary.zero_rows, summary.total_count) == (5, 3, 1, 35)
    assert summary.norm_hist.sum() == 5 and summary.norm_max == 5.0 and summary.norm_min == 0.0
    assert summary.sample == [("a", [0.0, 0.0], 9), ("b", [3.0, 4.0], 8)]
    assert (summary.source, summary.format) == ("/x/v.txt", "glove")
    bare = summarize_vectors(Vectors(["a"], np.ones((1, 2))))
    assert not bare.has_counts and bare.sample[0][2] is None and bare.format == ""


def test_prepare_builds_every_cache_and_the_scan_then_answers():
    rng = np.random.default_rng(2)
    m = rng.standard_normal((similarity.QUANTIZED_MIN_ROWS + 50, 8)).astype(np.float32)
    vectors = Vectors([f"w{i}" for i in range(len(m))], m)
    assert worth_preparing(vectors) and not worth_preparing(Vectors(["a"], np.ones((1, 2))))
    assert not vectors.has_int8_rows and not vectors.has_name_index
    steps = list(prepare_search(vectors))
    assert steps == ["unit rows", "name index", "8-bit copy", "compiled scan"]
    assert vectors.has_int8_rows and vectors.has_name_index and vectors._unit is not None
