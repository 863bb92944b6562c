"""Per-thread copies of the Huffman nodes nearest the root, for multi-threaded HS.

With hierarchical softmax every prediction walks from the root, so every
training pair of every thread writes the root's row of the output matrix and
most write the rows just below it. Two threads doing that Hogwild-style keep
stealing those cache lines from each other: measured on 20news, two threads
trained SG-HS *slower* than one (397k vs 536k words/s).

Instead each thread trains on its own copy of the ``n_hot`` most visited inner
nodes (in the C tool's Huffman layout those are the highest rows: inner nodes
are created in increasing count order and the root is last). A thread's
Huffman ``points`` are rewritten to address its copy, which lives in slack rows
below the shared matrix, so the kernels run unchanged. After each chunk the
thread adds what it learned to the shared rows (its copy minus the snapshot it
started from) and takes the merged rows back: the hot nodes see every thread's
updates one chunk late, like any delayed-update SGD. Chunks are cut to
merge_words(threads) for this, and the threads train neighbouring chunks (no
interleaving of distant corpus parts, see trainer._epoch_jobs): measured on
20news over two seeds, copies of 256 nodes merged every 10,000 words cost
about 1 point of analogy accuracy against one thread, while 64 nodes merged
every 2,500 words from neighbouring chunks matched it (0.080 and 0.084 vs
gensim's 0.077 and 0.079) at the same speed.
"""
from __future__ import annotations

import threading

import numpy as np

HOT_NODES = 64
MERGE_WORDS = 5_000  # tokens (after subsampling) all threads together train between merges
MIN_CHUNK = 250  # below this the per-chunk overhead dominates


def merge_words(n_threads: int) -> int:
    """Tokens one thread trains between merges (HS's chunk size with threads).

    A thread's copy misses the others' updates until it merges, and the merge
    adds every thread's stale steps at once: with N threads the hot nodes take
    N steps computed from one old state, so the interval shrinks with N to keep
    that staleness the same (measured with 8 and 32 threads on 2 cores: a fixed
    interval let the loss blow up from 7.5 to 13.7 and 132)."""
    return max(MIN_CHUNK, MERGE_WORDS // max(1, n_threads))


class HotNodeCopies:
    """Owns the output matrix with slack rows and each thread's rewritten points."""

    def __init__(self, syn1: np.ndarray, points: np.ndarray, n_threads: int, n_hot: int = HOT_NODES):
        n_nodes, dim = syn1.shape
        self.n_nodes = n_nodes
        self.n_hot = n_hot = max(0, min(n_hot, n_nodes // 2))
        self.first_hot = n_nodes - n_hot
        self.buffer = np.empty((n_nodes + n_threads * n_hot, dim), np.float32)
        self.buffer[:n_nodes] = syn1
        self._points = points
        self._snapshots = np.empty((n_threads, n_hot, dim), np.float32)
        self._next_slot = 0
        self._lock = threading.Lock()

    @property
    def syn1(self) -> np.ndarray:
        """The shared output matrix (a view of the first rows of the buffer)."""
        return self.buffer[:self.n_nodes]

    def claim(self) -> tuple[int, np.ndarray]:
        """A slot for the calling thread: its index and its Huffman points,
        rewritten so that hot nodes address the thread's own copy."""
        with self._lock:
            slot = self._next_slot
            self._next_slot += 1
            if slot >= self._snapshots.shape[0]:
                raise RuntimeError("more training threads than slots")
            self._local(slot)[:] = self._shared()
            self._snapshots[slot] = self._shared()
        points = self._points.copy()
        hot = points >= self.first_hot
        points[hot] += self.n_nodes - self.first_hot + slot * self.n_hot
        return slot, points

    def merge(self, slot: int) -> None:
        """Add the thread's learning since its last merge to the shared rows and
        refresh its copy with everyone's."""
        with self._lock:
            shared, local, snapshot = self._shared(), self._local(slot), self._snapshots[slot]
            local -= snapshot  # now the thread's delta
            shared += local
            local[:] = shared
            snapshot[:] = shared

    def _shared(self) -> np.ndarray:
        return self.buffer[self.first_hot:self.n_nodes]

    def _local(self, slot: int) -> np.ndarray:
        start = self.n_nodes + slot * self.n_hot
        return self.buffer[start:start + self.n_hot]
