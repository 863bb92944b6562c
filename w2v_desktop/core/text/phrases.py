"""Phrase detection: join frequent word pairs ("new york" -> "new_york").

The bigram score of Mikolov et al. (2013), as in word2phrase and gensim:

    score(a, b) = (count(a b) - min_count) / (count(a) * count(b)) * N

where N is the number of words in the corpus ("total_words", as word2phrase)
or the number of distinct words plus distinct pairs ("gensim", what gensim's
``Phrases`` multiplies by, so its thresholds carry over). "npmi" is the
normalised pointwise mutual information in [-1, 1] (gensim's ``npmi``). A pair
is a phrase when its score is above the threshold. The defaults (min_count 5,
threshold 100 on total words) are word2phrase's; gensim's ``Phrases`` defaults
are min_count 5, threshold 10 with scoring "gensim". On 20 Newsgroups (5M
words) threshold 10 on total words joined 18% of all tokens, mostly pairs
such as "if_you" and "to_be"; threshold 100 joined 6%, mostly real phrases
("at_least", "new_york", "e_mail"). Applying a model joins pairs
greedily from left to right, like gensim: "a b c" with phrases "a b" and "b c"
becomes "a_b c".

Counting keeps ids in arrays and pair keys in numpy, not a dict of tuples, so
a corpus of millions of words needs tens of megabytes, not gigabytes.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np

from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.text.files import CorpusError

SCORINGS = ("total_words", "gensim", "npmi")
_FLUSH_TOKENS = 1 << 23  # ids buffered before their pairs are counted in numpy
_HEADER = "# w2v-desktop phrases"


@dataclass
class PhraseModel:
    """Learned phrases: (first word, second word) -> score."""

    phrases: dict[tuple[str, str], float]
    delimiter: str = "_"
    _firsts: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._firsts = frozenset(a for a, _ in self.phrases)

    def __len__(self) -> int:
        return len(self.phrases)

    def apply(self, tokens: list[str]) -> list[str]:
        """The tokens with every detected pair joined by the delimiter."""
        firsts, phrases, joiner = self._firsts, self.phrases, self.delimiter
        out = []
        i, last = 0, len(tokens) - 1
        while i <= last:
            a = tokens[i]
            if i < last and a in firsts and (a, tokens[i + 1]) in phrases:
                out.append(a + joiner + tokens[i + 1])
                i += 2
            else:
                out.append(a)
                i += 1
        return out

    def top(self, n: int | None = None) -> list[tuple[str, float]]:
        """Joined phrases by decreasing score."""
        ranked = sorted(self.phrases.items(), key=lambda item: (-item[1], item[0]))
        return [(self.delimiter.join(pair), score) for pair, score in ranked[:n]]

    def save(self, path: str) -> None:
        """A UTF-8 text file: a header, then "first second<TAB>score" per line."""
        with atomic_write(path) as f:
            f.write(f"{_HEADER} delimiter={self.delimiter}\n")
            for (a, b), score in sorted(self.phrases.items(), key=lambda item: -item[1]):
                f.write(f"{a} {b}\t{score!r}\n")

    @classmethod
    def load(cls, path: str) -> "PhraseModel":
        phrases = {}
        delimiter = "_"
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if number == 1 and line.startswith(_HEADER):
                    delimiter = line.partition("delimiter=")[2] or "_"
                    continue
                try:
                    pair, score = line.split("\t")
                    a, b = pair.split(" ")
                    phrases[a, b] = float(score)
                except ValueError:
                    raise CorpusError(f"{path}: line {number}: expected 'first second<TAB>score'") from None
        return cls(phrases, delimiter)


class PairCounter:
    """Counts words and adjacent word pairs of a stream of sentences."""

    def __init__(self, flush_tokens: int = _FLUSH_TOKENS):
        self.index: dict[str, int] = {}
        self.words: list[str] = []
        self._ids = array("q")  # word ids, -1 between sentences
        self._flush_tokens = flush_tokens
        self.word_counts = np.zeros(0, np.int64)
        self.pair_keys = np.zeros(0, np.int64)  # (first id << 32) | second id, sorted
        self.pair_counts = np.zeros(0, np.int64)

    def add(self, sentence: Iterable[str]) -> None:
        index, words, ids = self.index, self.words, self._ids
        for token in sentence:
            i = index.get(token)
            if i is None:
                i = index[token] = len(words)
                words.append(token)
            ids.append(i)
        ids.append(-1)
        if len(ids) >= self._flush_tokens:
            self.flush()

    def flush(self) -> None:
        ids = np.frombuffer(self._ids, dtype=np.int64) if len(self._ids) else np.zeros(0, np.int64)
        self._ids = array("q")
        words = ids[ids >= 0]
        counts = np.bincount(words, minlength=len(self.words)).astype(np.int64)
        counts[:len(self.word_counts)] += self.word_counts
        self.word_counts = counts
        first, second = ids[:-1], ids[1:]
        real = (first >= 0) & (second >= 0)
        keys = (first[real] << 32) | second[real]
        keys = np.concatenate([self.pair_keys, keys])
        weights = np.concatenate([self.pair_counts, np.ones(len(keys) - len(self.pair_counts), np.int64)])
        self.pair_keys, inverse = np.unique(keys, return_inverse=True)
        self.pair_counts = np.bincount(inverse.ravel(), weights=weights,
                                       minlength=len(self.pair_keys)).astype(np.int64)


def score_pairs(count_a: np.ndarray, count_b: np.ndarray, count_ab: np.ndarray, total_words: int,
                n_types: int, min_count: int, scoring: str = "total_words") -> np.ndarray:
    """Phrase scores of word pairs from their counts (float64 array)."""
    count_a, count_b, count_ab = (np.asarray(c, dtype=np.float64) for c in (count_a, count_b, count_ab))
    if scoring == "npmi":
        with np.errstate(divide="ignore", invalid="ignore"):
            p_a, p_b, p_ab = count_a / total_words, count_b / total_words, count_ab / total_words
            score = np.log(p_ab / (p_a * p_b)) / -np.log(p_ab)
        return np.where(count_ab >= min_count, score, -np.inf)
    if scoring not in SCORINGS:
        raise ValueError(f"unknown phrase scoring {scoring!r}; choose one of {', '.join(SCORINGS)}")
    scale = total_words if scoring == "total_words" else n_types
    return (count_ab - min_count) / (count_a * count_b) * scale


def learn_phrases(sentences: Iterable[Iterable[str]], min_count: int = 5, threshold: float = 100.0,
                  delimiter: str = "_", scoring: str = "total_words") -> PhraseModel:
    """Count a corpus once and keep the pairs that score above ``threshold``."""
    if scoring not in SCORINGS:
        raise ValueError(f"unknown phrase scoring {scoring!r}; choose one of {', '.join(SCORINGS)}")
    counter = PairCounter()
    for sentence in sentences:
        counter.add(sentence)
    counter.flush()
    return phrases_from_counts(counter.words, counter.word_counts, counter.pair_keys >> 32,
                               counter.pair_keys & 0xFFFFFFFF, counter.pair_counts, min_count, threshold,
                               delimiter, scoring)


def phrases_from_counts(words: list[str], word_counts: np.ndarray, first: np.ndarray, second: np.ndarray,
                        pair_counts: np.ndarray, min_count: int = 5, threshold: float = 100.0,
                        delimiter: str = "_", scoring: str = "total_words") -> PhraseModel:
    """The phrases of counted words and pairs (``first``/``second``: word ids of each pair), for
    counts made elsewhere than in a PairCounter (Spark counts them on its executors)."""
    counts = np.asarray(word_counts, np.int64)
    first, second = np.asarray(first, np.int64), np.asarray(second, np.int64)
    n_types = len(counts) + len(pair_counts)  # gensim's len(vocab): words and pairs
    scores = score_pairs(counts[first], counts[second], pair_counts, int(counts.sum()),
                         n_types, min_count, scoring)
    keep = np.flatnonzero(scores > threshold)
    phrases = {(words[first[k]], words[second[k]]): float(scores[k]) for k in keep}
    return PhraseModel(phrases, delimiter)
