"""A tokenised corpus held as one compact int32 id array.

Text is read in one streaming pass: each token gets a provisional id in order
of first appearance, ids are appended to a compact buffer (spilled to an
anonymous temporary file and memory-mapped when large: ``core.scratch``, which
leaves nothing behind on any exit), and sentence boundaries are kept
as offsets. The vocabulary (vocab.py) later maps provisional ids to
frequency-sorted ids. No list of Python string lists is ever held.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np

from w2v_desktop.core.scratch import spill_file

SPILL_TOKENS = 1 << 24  # tokens kept in RAM before spilling to a temp file


@dataclass
class Corpus:
    words: list[str]  # provisional id -> token, in order of first appearance
    counts: np.ndarray  # int64 count per provisional id
    tokens: np.ndarray  # int32 provisional ids, all sentences concatenated
    offsets: np.ndarray  # int64 sentence starts, len n_sentences + 1
    source: str = ""

    @property
    def n_tokens(self) -> int:
        return int(self.offsets[-1])

    @property
    def n_sentences(self) -> int:
        return len(self.offsets) - 1

    def sentence(self, i: int) -> list[str]:
        ids = self.tokens[self.offsets[i]:self.offsets[i + 1]]
        return [self.words[j] for j in ids]

    def iter_sentences(self) -> Iterator[list[str]]:
        for i in range(self.n_sentences):
            yield self.sentence(i)

    def sentence_lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    @classmethod
    def from_sentences(cls, sentences: Iterable[Iterable[str]], source: str = "") -> "Corpus":
        builder = CorpusBuilder()
        for sentence in sentences:
            builder.add(sentence)
        return builder.finish(source)


class CorpusBuilder:
    """Accumulates sentences of tokens into a Corpus in one pass."""

    def __init__(self, spill_tokens: int = SPILL_TOKENS, spill_dir: str | None = None):
        self._index: dict[str, int] = {}
        self._words: list[str] = []
        self._buf = array("i")
        self._lengths = array("q")
        self._spill_tokens = spill_tokens
        self._spill_dir = spill_dir
        self._spill = None  # open temp file once the buffer outgrows RAM
        self._n_spilled = 0

    def add(self, sentence: Iterable[str]) -> None:
        index, words, buf = self._index, self._words, self._buf
        before = len(buf)
        for token in sentence:
            i = index.get(token)
            if i is None:
                i = index[token] = len(words)
                words.append(token)
            buf.append(i)
        n = len(buf) - before
        if n:
            self._lengths.append(n)
        if len(buf) >= self._spill_tokens:
            self._flush()

    def _flush(self) -> None:
        if self._spill is None:
            self._spill = spill_file(self._spill_dir)  # unlinked already: no name to clean up
        self._buf.tofile(self._spill)
        self._n_spilled += len(self._buf)
        self._buf = array("i")

    def discard(self) -> None:
        """Drop what was added; closing the spill file frees its space at once (a read that
        was cancelled or failed must not hold gigabytes until the process ends)."""
        if self._spill is not None:
            self._spill.close()
            self._spill = None
        self._buf, self._lengths, self._n_spilled = array("i"), array("q"), 0

    def finish(self, source: str = "") -> Corpus:
        if self._spill is None:
            tokens = np.frombuffer(self._buf, dtype=np.int32) if len(self._buf) else np.zeros(0, np.int32)
        else:
            self._flush()
            self._spill.flush()
            # the mapping keeps the data alive once the file is closed (and, on Windows, deleted)
            tokens = np.memmap(self._spill, dtype=np.int32, mode="r", shape=(self._n_spilled,))
            self._spill.close()
            self._spill = None
        offsets = np.zeros(len(self._lengths) + 1, dtype=np.int64)
        if len(self._lengths):
            np.cumsum(np.frombuffer(self._lengths, dtype=np.int64), out=offsets[1:])
        n_words = len(self._words)
        return Corpus(self._words, count_ids(tokens, n_words), tokens, offsets, source)


def count_ids(tokens: np.ndarray, n_words: int, block: int = 1 << 20) -> np.ndarray:
    """Occurrences of each id 0..n_words-1. In blocks: np.bincount turns int32 ids
    into a 64-bit copy, which over a whole corpus would double its memory (and
    for a memory-mapped corpus read it all into RAM at once)."""
    counts = np.zeros(n_words, np.int64)
    for start in range(0, len(tokens), block):
        counts += np.bincount(tokens[start:start + block], minlength=n_words)
    return counts

