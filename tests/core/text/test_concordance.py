"""Word in context: hits found on the id array, windows cut at sentence ends, counts."""
import numpy as np
import pytest

from w2v_desktop.core.cancel import CancelToken, Cancelled
from w2v_desktop.core.text import kwic
from w2v_desktop.core.text.corpus import Corpus

SENTENCES = [
    "the cat sat on the mat".split(),
    "a dog saw the cat".split(),
    "cat".split(),
    "no feline here".split(),
    "one two three four cat five six seven eight".split(),
]


def test_lines_centre_the_word_and_stop_at_sentence_boundaries():
    corpus = Corpus.from_sentences(SENTENCES)
    result = kwic.concordance(corpus, "cat", width=3)
    assert result.total == 4 and result.shown == 4
    first, second, alone, long = result.lines
    assert (first.left, first.word, first.right) == (["the"], "cat", ["sat", "on", "the"])
    assert (second.left, second.right) == (["a", "dog", "saw", "the"][-3:], [])  # no spill into "cat"
    assert (alone.left, alone.right, alone.sentence) == ([], [], 2)
    assert (long.left, long.right) == (["two", "three", "four"], ["five", "six", "seven"])


def test_limit_keeps_the_first_hits_and_the_total_counts_all(monkeypatch):
    corpus = Corpus.from_sentences([["x", "cat", "y"]] * 50)
    monkeypatch.setattr(kwic, "BLOCK_TOKENS", 7)  # many blocks: the limit spans them
    result = kwic.concordance(corpus, "cat", width=1, limit=12)
    assert result.total == 50 and result.shown == 12
    assert [line.sentence for line in result.lines] == list(range(12))
    positions, total = kwic.find_positions(corpus.tokens, corpus.words.index("cat"))
    assert total == 50 and np.array_equal(positions, np.arange(1, 150, 3))


def test_unknown_word_and_cancel():
    corpus = Corpus.from_sentences(SENTENCES)
    with pytest.raises(kwic.WordNotInCorpus, match="'lion' does not occur"):
        kwic.concordance(corpus, "lion")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        kwic.concordance(corpus, "cat", cancel=token)
