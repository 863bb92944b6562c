"""Our evaluation figures agree with gensim's on the same vectors.

Tolerances from the issue: analogy accuracy within 0.1 percentage point,
word-pair Spearman within 0.005.
"""
import numpy as np
import pytest
from gensim.models import KeyedVectors

from tests.conftest import data_path
from w2v_desktop.core.analysis import intrinsic as evaluate
from w2v_desktop.core.vectors.keyed import Vectors

GLOVE_ROWS = 30000


def gensim_total(sections):
    total = sections[-1]
    assert total["section"] == "Total accuracy"
    return len(total["correct"]), len(total["correct"]) + len(total["incorrect"])


@pytest.fixture(scope="module")
def glove():
    path = data_path("vectors", "glove.6B.50d.txt")
    kv = KeyedVectors.load_word2vec_format(str(path), no_header=True, limit=GLOVE_ROWS)
    return kv, Vectors(kv.index_to_key, kv.vectors)


@pytest.mark.data
def test_glove_analogies_match_gensim(glove):
    kv, vec = glove
    questions = data_path("eval", "questions-words.txt")
    ours = evaluate.evaluate_analogies(vec, questions, restrict=GLOVE_ROWS)
    score, sections = kv.evaluate_word_analogies(str(questions), restrict_vocab=GLOVE_ROWS)
    assert abs(ours.accuracy - score) * 100 <= 0.1
    assert (ours.correct, ours.total) == pytest.approx(gensim_total(sections), abs=ours.total * 0.001)
    assert len(ours.sections) == len(sections) - 1 == 14
    assert ours.skipped + ours.total == 19544
    assert 0.3 < ours.accuracy < 0.7       # GloVe 6B 50d answers about half of these


@pytest.mark.data
@pytest.mark.parametrize("name", ["wordsim353.tsv", "simlex999.txt"])
def test_glove_word_pairs_match_gensim(glove, name):
    kv, vec = glove
    path = data_path("eval", name)
    ours = evaluate.evaluate_pairs(vec, path)
    pearson, spearman, oov_percent = kv.evaluate_word_pairs(str(path))
    assert abs(ours.spearman - spearman.statistic) <= 0.005
    assert abs(ours.pearson - pearson.statistic) <= 0.005
    assert ours.oov_ratio * 100 == pytest.approx(oov_percent)
    assert ours.spearman > 0.2


def test_synthetic_analogies_match_gensim(tmp_path):
    """Always runs: random vectors with one planted relation, mixed-case words."""
    rng = np.random.default_rng(4)
    offset = rng.normal(size=16) * 2
    base = rng.normal(size=(30, 16))
    matrix = np.vstack([base, base + offset + rng.normal(size=(30, 16)), rng.normal(size=(200, 16))])
    names = [f"a{i}" for i in range(30)] + [f"B{i}" for i in range(30)] + [f"x{i}" for i in range(200)]
    vec = Vectors(names, matrix)
    kv = KeyedVectors(16)
    kv.add_vectors(names, matrix.astype(np.float32))
    lines = [": planted"] + [f"A{i} b{i} a{j} B{j}" for i in range(30) for j in range(30) if i != j]
    lines += [": mostly-oov", "a1 b1 nothere b2", "a1 b1 a2 b2"]
    path = tmp_path / "questions.txt"
    path.write_text("\n".join(lines) + "\n")
    ours = evaluate.evaluate_analogies(vec, path, restrict=None)
    score, sections = kv.evaluate_word_analogies(str(path), restrict_vocab=len(vec))
    assert 0.1 < ours.accuracy < 0.99
    assert abs(ours.accuracy - score) * 100 <= 0.1
    assert (ours.correct, ours.total) == gensim_total(sections)
    assert ours.skipped == 1
