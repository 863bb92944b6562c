"""Exact cosine top-k through an 8-bit scan with a proven error bound.

A single query against all rows is one pass over the matrix: over 400,000 x
50 float32 unit rows, 80 MB. Here each unit row u is also kept as 8-bit
integers c with one scale per row (u ~ c * scale), a quarter of the bytes
(measured on a 2-core Xeon: this scan is then limited by arithmetic, the
int8-to-float conversions, at about 2x gensim's float32 product). The scan
computes approximate scores a = (c . v) * scale for the unit query v, and for
each row knows how far off it can be:

    |u . v - a| <= |u - c * scale| * |v| + (rounding of the float sums)

so with that bound ``err`` per row, every row whose upper bound a + err
reaches the k-th largest lower bound a - err is a candidate, and no other row
can be in the true top k. The candidates (usually a few dozen) are then
scored exactly on the float32 unit rows. The answer is the same top k as the
full float32 product (up to ties within float rounding), not an approximation.
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from numba import njit

_KW = dict(nogil=True, cache=True, fastmath=True)

LANES = 16  # codes are padded to a multiple of this many bytes per row (one SIMD load)
PARALLEL_ROWS = 100_000  # from this many rows the scan is split over threads
CANDIDATE_ROOM = 4096  # candidate rows kept per part before the scan compacts them
# The heap starts below every bound. A finite value: fastmath assumes no infinities.
LOWEST = np.float32(-3.0e38)


@dataclass(frozen=True)
class Int8Rows:
    codes: np.ndarray  # int8 (n, dim rounded up to LANES; zero padding)
    scale: np.ndarray  # float32 (n,): unit row ~ codes * scale
    err: np.ndarray  # float32 (n,): |unit row - codes * scale| plus float-rounding slack

    @classmethod
    def build(cls, unit: np.ndarray, block_rows: int = 65_536) -> "Int8Rows":
        """Codes, scales and bounds, built in blocks of rows so the temporaries
        stay small next to a large matrix."""
        n, dim = unit.shape
        codes = np.zeros((n, -(-dim // LANES) * LANES), np.int8)
        scale = np.ones(n, np.float32)
        err = np.empty(n, np.float32)
        # float32 sums of dim products err by at most ~dim * 2**-24 of the sum of
        # magnitudes (<= 1 for unit rows and query); 4x that covers the scan and
        # the exact re-scoring, and the query's own rounding.
        slack = 4.0 * (dim + 2) * 2.0 ** -24
        for lo in range(0, n, block_rows):
            block = unit[lo:lo + block_rows]
            peak = np.abs(block).max(axis=1) if dim else np.zeros(len(block), np.float32)
            s = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
            c = np.rint(block / s[:, None]).astype(np.int8)
            residual = block - c.astype(np.float32) * s[:, None]
            codes[lo:lo + len(block), :dim] = c
            scale[lo:lo + len(block)] = s
            err[lo:lo + len(block)] = np.linalg.norm(residual, axis=1) * (1 + 1e-6) + slack
        return cls(codes, scale, err)

    @property
    def nbytes(self) -> int:
        return self.codes.nbytes + self.scale.nbytes + self.err.nbytes


def top_k_cosine(rows: Int8Rows, unit: np.ndarray, query_unit: np.ndarray, n: int, k: int,
                 banned: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows and exact cosine scores of the k best of the first ``n`` rows for a
    unit query, best first, leaving out the rows in ``banned``."""
    banned = np.unique(np.asarray(banned, dtype=np.int64))
    k = min(k, n - len(banned))
    if k <= 0:
        return np.empty(0, np.int64), np.empty(0, np.float32)
    query = np.zeros(rows.codes.shape[1], np.float32)
    query[:len(query_unit)] = query_unit
    # Banned rows take part in the scan; keeping k + len(banned) lower bounds
    # keeps the threshold at or below the k-th best allowed row's.
    kept = min(n, k + len(banned))
    cuts = np.linspace(0, n, _n_parts(n) + 1).astype(np.int64)
    heaps = np.empty((len(cuts) - 1, kept), np.float32)
    room = CANDIDATE_ROOM
    while True:
        sizes = [min(room, hi - lo) for lo, hi in zip(cuts[:-1], cuts[1:])]
        found = [np.empty(size, np.int64) for size in sizes]  # candidate rows per part
        upper = [np.empty(size, np.float32) for size in sizes]  # and their upper bounds
        jobs = [(rows.codes, rows.scale, rows.err, query, cuts[p], cuts[p + 1], heaps[p], found[p], upper[p])
                for p in range(len(sizes))]
        counts = [_scan(*jobs[0])] if len(jobs) == 1 else list(_pool().map(lambda job: _scan(*job), jobs))
        if min(counts) >= 0:
            break
        room = n  # rare: more near-ties than room; scan again with room for every row
    bound = np.partition(heaps.ravel(), -kept)[-kept]
    cand = np.concatenate([f[:c][u[:c] >= bound] for f, u, c in zip(found, upper, counts)])
    cand = cand[~np.isin(cand, banned)]
    exact = unit[cand] @ query_unit.astype(np.float32)
    order = np.argsort(-exact, kind="stable")[:k]
    return cand[order], exact[order]


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _n_parts(n: int) -> int:
    return 1 if n < PARALLEL_ROWS or _niced() else _workers()


def _niced() -> bool:
    """Whether the calling thread runs at a lower priority (a background training
    thread): threads it started would inherit that, so it scans alone."""
    try:
        mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return mine > os.getpriority(os.PRIO_PROCESS, os.getpid())
    except (AttributeError, OSError):
        return False


def _pool() -> ThreadPoolExecutor:
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(_workers(), thread_name_prefix="w2v-scan")
        return _POOL


@njit(**_KW)
def _scan(codes, scale, err, query, lo, hi, heap, cand, cand_upper):
    """One pass over rows lo..hi-1: the largest lower bounds go into ``heap`` (a
    min-heap, smallest first), and every row whose upper bound reached the
    heap's smallest when it was scanned goes into ``cand`` (its upper bound into
    ``cand_upper``). The heap only rises, so that includes every row that can
    reach the final threshold. Returns how many candidates were kept. When
    ``cand`` fills up, rows the risen threshold has ruled out are dropped; if
    that frees less than half of it, the scan stops and returns -1 so the
    caller can retry with room for every row."""
    width = codes.shape[1]
    heap[:] = LOWEST
    c = 0
    for i in range(lo, hi):
        s = np.float32(0.0)
        for j in range(width):  # width is a multiple of LANES: no scalar remainder
            s += np.float32(codes[i, j]) * query[j]
        a = s * scale[i]
        if a + err[i] >= heap[0]:
            if c == cand.shape[0]:
                c = _compact(cand, cand_upper, heap[0])
                if 2 * c > cand.shape[0]:  # compacting freed too little: give up, rescan roomier
                    return -1
            cand[c] = i
            cand_upper[c] = a + err[i]
            c += 1
            low = a - err[i]
            if low > heap[0]:
                heap[0] = low
                _sift_down(heap)
    return c


@njit(**_KW)
def _compact(cand, cand_upper, bound):
    """Keep (in place, at the front) the candidates still able to reach ``bound``."""
    c = 0
    for t in range(cand.shape[0]):
        if cand_upper[t] >= bound:
            cand[c] = cand[t]
            cand_upper[c] = cand_upper[t]
            c += 1
    return c


@njit(**_KW)
def _sift_down(heap):
    i = 0
    k = heap.shape[0]
    while True:
        smallest = i
        left = 2 * i + 1
        right = left + 1
        if left < k and heap[left] < heap[smallest]:
            smallest = left
        if right < k and heap[right] < heap[smallest]:
            smallest = right
        if smallest == i:
            return
        heap[i], heap[smallest] = heap[smallest], heap[i]
        i = smallest



