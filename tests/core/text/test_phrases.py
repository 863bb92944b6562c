"""Phrase detection: scores, agreement with gensim's Phrases, use while reading."""
from __future__ import annotations

import random

import numpy as np
import pytest

from w2v_desktop.core.text.phrases import PairCounter, PhraseModel, learn_phrases
from w2v_desktop.core.text.tokenize import TokenizeOptions, iter_token_lines

PLANTED = [("new", "york"), ("machine", "learning"), ("san", "francisco"), ("hong", "kong")]


def random_corpus(seed: int = 7, n_sentences: int = 600) -> list[list[str]]:
    rng = random.Random(seed)
    filler = [f"w{i}" for i in range(60)] + ["new", "machine", "learning", "york", "kong"]
    sentences = []
    for _ in range(n_sentences):
        words = rng.choices(filler, k=rng.randint(3, 12))
        for first, second in PLANTED:
            if rng.random() < 0.15:
                at = rng.randrange(len(words) + 1)
                words[at:at] = [first, second]
        sentences.append(words)
    return sentences


def test_score_is_the_word2phrase_formula_on_total_words():
    sentences = [["new", "york", "is", "big"], ["new", "york"], ["new", "car"]]
    model = learn_phrases(sentences, min_count=1, threshold=1.0)
    # count(new york)=2, count(new)=3, count(york)=2, 8 words: (2 - 1) / (3 * 2) * 8
    assert model.phrases == {("new", "york"): pytest.approx(8 / 6)}
    assert model.apply(["the", "new", "york", "new", "car"]) == ["the", "new_york", "new", "car"]


def test_pairs_are_not_counted_across_sentences_and_counting_in_chunks_changes_nothing():
    sentences = random_corpus(n_sentences=200)
    whole, chunked = PairCounter(), PairCounter(flush_tokens=37)
    for sentence in sentences:
        whole.add(sentence)
        chunked.add(sentence)
    whole.flush()
    chunked.flush()
    assert np.array_equal(whole.pair_keys, chunked.pair_keys)
    assert np.array_equal(whole.pair_counts, chunked.pair_counts)
    assert whole.pair_counts.sum() == sum(len(s) - 1 for s in sentences)

    boundary = PairCounter()
    boundary.add(["a", "b"])
    boundary.add(["c", "d"])
    boundary.flush()
    assert boundary.pair_counts.tolist() == [1, 1]


@pytest.mark.parametrize("scoring, gensim_scoring, threshold", [
    ("gensim", "default", 2.0), ("npmi", "npmi", 0.3)])
def test_agrees_with_gensim_phrases(scoring, gensim_scoring, threshold):
    phrases_module = pytest.importorskip("gensim.models.phrases")
    sentences = random_corpus()
    reference = phrases_module.Phrases(sentences, min_count=5, threshold=threshold, scoring=gensim_scoring)
    expected = reference.export_phrases()
    ours = dict(learn_phrases(sentences, min_count=5, threshold=threshold, scoring=scoring).top())
    assert "new_york" in ours and "machine_learning" in ours
    assert ours.keys() == expected.keys()
    for phrase, score in expected.items():
        assert ours[phrase] == pytest.approx(score, rel=1e-9)
    model = learn_phrases(sentences, min_count=5, threshold=threshold, scoring=scoring)
    frozen = reference.freeze()
    assert all(model.apply(s) == frozen[s] for s in sentences)


def test_save_and_load_round_trip(tmp_path):
    model = learn_phrases(random_corpus(), min_count=5, threshold=5.0)
    assert len(model) >= len(PLANTED)
    path = tmp_path / "phrases.tsv"
    model.save(str(path))
    again = PhraseModel.load(str(path))
    assert again.phrases == model.phrases and again.delimiter == "_"


def test_reading_with_phrases_joins_pairs_before_stop_words_are_dropped(tmp_path):
    rng = random.Random(3)
    lines = []
    for _ in range(300):
        words = rng.choices(["the", "of", "a", "city", "big", "old", "times", "story", "news"], k=6)
        words.insert(rng.randrange(7), "new york")
        lines.append(" ".join(words).capitalize() + ".")
    path = tmp_path / "ny.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = TokenizeOptions(phrases=True, stop_words="english", phrase_min_count=5, phrase_threshold=3.0)
    sentences = list(iter_token_lines(path, options))
    words = {w for s in sentences for w in s}
    assert "new_york" in words and "new" not in words and "york" not in words
    assert not words & {"the", "of", "a"}
    assert sum(s.count("new_york") for s in sentences) == 300
