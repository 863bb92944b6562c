"""The bundled samples: reproducible from their generator, small, and useful."""
from __future__ import annotations

import importlib.util
import random

import pytest

from tests.conftest import ROOT, SAMPLES
from w2v_desktop.core.jobs.corpus import read_corpus


def load_generator():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "resources" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def committed_lines(name: str) -> list[str]:
    return (SAMPLES / name).read_text(encoding="utf-8").splitlines()


def test_committed_samples_are_what_the_generator_writes():
    gen = load_generator()
    assert committed_lines("sample_corpus.txt") == gen.english_corpus(random.Random(gen.SEED))
    assert committed_lines("sample_analogies.txt") == gen.analogy_file()
    assert committed_lines("sample_pairs.tsv") == gen.pair_scores()
    assert committed_lines("sample_zh.txt") == gen.chinese_corpus(random.Random(gen.SEED + 2))
    assert sum(p.stat().st_size for p in SAMPLES.iterdir()) < 2_000_000


def test_every_evaluation_word_occurs_in_the_corpus():
    corpus = read_corpus(str(SAMPLES / "sample_corpus.txt"))
    assert 150_000 <= corpus.n_tokens <= 250_000
    counts = dict(zip(corpus.words, corpus.counts.tolist()))
    analogy_words = {w for line in committed_lines("sample_analogies.txt") if not line.startswith(":")
                     for w in line.split()}
    pair_words = {w for line in committed_lines("sample_pairs.tsv") if not line.startswith("#")
                  for w in line.split("\t")[:2]}
    assert min(counts[w] for w in analogy_words | pair_words) >= 50


def test_a_quick_word2vec_solves_most_sample_analogies():
    word2vec = pytest.importorskip("gensim.models.word2vec")
    sentences = list(read_corpus(str(SAMPLES / "sample_corpus.txt")).iter_sentences())
    model = word2vec.Word2Vec(sentences, vector_size=50, window=5, min_count=2, sg=0, epochs=5,
                              workers=1, seed=1)
    accuracy, _ = model.wv.evaluate_word_analogies(str(SAMPLES / "sample_analogies.txt"))
    assert accuracy > 0.6
    assert model.wv.similarity("paris", "france") > model.wv.similarity("paris", "dogs")
