"""Numba training kernels: one call trains on one chunk of token positions.

Pure functions over arrays and scalars (no Python objects, no printing, no
callbacks), compiled with ``nogil`` so several Python threads train at once
(Hogwild: they update the shared weights without locks, as the C tool and
gensim do). The Python driver (trainer.py) owns the schedule: it subsamples
the ids, sets the learning rate per chunk, and reports progress between calls.

Conventions follow the word2vec C tool and gensim:
- skip-gram: for each (centre, context) pair the context word's input vector
  predicts the centre word; CBOW: the mean (or sum) of the context vectors
  predicts the centre word;
- the window is shrunk by a random amount for each centre word;
- NS: the target plus ``negative`` noise words drawn from count**0.75;
- HS: the inner nodes along the target's Huffman path.
Each call returns (summed loss, number of predictions) so the driver can
report the mean loss per training pair in float64. As in gensim (and the C
tool's hierarchical softmax), a prediction whose score is beyond +-MAX_EXP
updates nothing (its loss still counts): on 20news this measured slightly
better CBOW analogy accuracy than the C tool's clamped gradient, and is faster.
"""
from __future__ import annotations


import numpy as np
from llvmlite import binding as _llvm
from llvmlite import ir
from numba import njit, types
from numba.core import cgutils
from numba.extending import intrinsic

MAX_EXP = 6.0
TABLE_SIZE = 4096

_KW = dict(nogil=True, cache=True, fastmath=True)

# LLVM 17+ has only opaque pointers, and its prefetch intrinsic is named for them.
_PREFETCH = "llvm.prefetch.p0" if _llvm.llvm_version_info >= (17,) else "llvm.prefetch.p0i8"


@intrinsic
def prefetch_row(typingctx, matrix, row):
    """Ask the CPU to start loading ``matrix[row]`` (the first 512 bytes) into
    cache. Noise words are random rows of a matrix larger than the cache;
    fetching them while the previous pair is computed hides that latency."""
    sig = types.void(matrix, row)

    def codegen(context, builder, signature, args):
        aryty = signature.args[0]
        ary = context.make_array(aryty)(context, builder, args[0])
        zero = context.get_constant(types.intp, 0)
        row = context.cast(builder, args[1], signature.args[1], types.intp)
        ptr = builder.bitcast(cgutils.get_item_pointer(context, builder, aryty, ary, [row, zero]),
                              ir.IntType(8).as_pointer())
        fnty = ir.FunctionType(ir.VoidType(), [ir.IntType(8).as_pointer()] + [ir.IntType(32)] * 3)
        fn = cgutils.get_or_insert_function(builder.module, fnty, _PREFETCH)
        i32 = ir.IntType(32)
        for offset in range(0, 512, 64):  # rw=1 (we write the row), locality=3, data cache
            line = builder.gep(ptr, [ir.Constant(ir.IntType(64), offset)])
            builder.call(fn, [line, ir.Constant(i32, 1), ir.Constant(i32, 3), ir.Constant(i32, 1)])
        return context.get_dummy_value()

    return sig, codegen


def make_tables() -> tuple[np.ndarray, np.ndarray]:
    """sigmoid(x) and -log(sigmoid(x)) sampled on [-MAX_EXP, MAX_EXP]."""
    x = np.linspace(-MAX_EXP, MAX_EXP, TABLE_SIZE + 1)
    sig = 1.0 / (1.0 + np.exp(-x))
    nll = np.logaddexp(0.0, -x)
    return sig.astype(np.float32), nll.astype(np.float64)


@njit(**_KW)
def next_random(r):
    # The C tool's linear congruential generator (wraps in 64 bits).
    return r * 25214903917 + 11


@njit(**_KW)
def random_below(r, n):
    # multiply-shift instead of a modulo: the top 32 random bits scaled to [0, n)
    return (((r >> 16) & 0xFFFFFFFF) * n) >> 32


@njit(**_KW)
def sigmoid_nll(f, sig_table, nll_table, label):
    """(sigmoid(f), -log p(label | f)) with table lookups; clamped outside +-MAX_EXP."""
    if f >= MAX_EXP:
        s = 1.0
        nll = 0.0 if label == 1 else f
    elif f <= -MAX_EXP:
        s = 0.0
        nll = -f if label == 1 else 0.0
    else:
        k = int((f + MAX_EXP) * (TABLE_SIZE / (2.0 * MAX_EXP)))
        s = sig_table[k]
        nll = nll_table[k] if label == 1 else nll_table[TABLE_SIZE - k]
    return s, nll


@njit(**_KW)
def draw_noise(r, alias_prob, alias_idx):
    i = random_below(r, alias_prob.shape[0])  # bits 16..47
    # the top 16 bits for the coin: an LCG's low bits have short periods
    u = ((r >> 48) & 0xFFFF) / 65536.0
    if u < alias_prob[i]:
        return i
    return alias_idx[i]


# Rows are addressed as (matrix, row index) rather than as row views: a view
# costs an atomic reference-count update, which Hogwild threads would contend on.

@njit(**_KW)
def draw_negatives(r, negs, first, negative, alias_prob, alias_idx, syn1neg):
    """Draw ``negative`` noise words into negs[first:first + negative] and
    prefetch their output rows; returns the random state."""
    for d in range(negative):
        r = next_random(r)
        word = draw_noise(r, alias_prob, alias_idx)
        negs[first + d] = word
        prefetch_row(syn1neg, word)
    return r


@njit(**_KW)
def update_ns(src, srow, target, syn1neg, neu1e, alpha, negs, first, negative, sig_table, nll_table):
    """One negative-sampling prediction of ``target`` from input ``src[srow]``
    against the noise words negs[first:first + negative].

    Accumulates the input gradient in ``neu1e`` (the caller applies it) and
    updates the output rows in place. Returns the loss."""
    dim = src.shape[1]
    loss = 0.0
    for d in range(negative + 1):
        if d == 0:
            word = target
            label = 1
        else:
            word = negs[first + d - 1]
            if word == target:
                continue
            label = 0
        f = np.float32(0.0)
        for k in range(dim):
            f += src[srow, k] * syn1neg[word, k]
        s, nll = sigmoid_nll(f, sig_table, nll_table, label)
        loss += nll
        if f >= MAX_EXP or f <= -MAX_EXP:
            continue
        g = np.float32((label - s) * alpha)
        for k in range(dim):
            neu1e[k] += g * syn1neg[word, k]
            syn1neg[word, k] += g * src[srow, k]
    return loss


@njit(**_KW)
def update_hs(src, srow, target, syn1, neu1e, alpha, codes, points, code_lengths, sig_table, nll_table):
    """Hierarchical softmax along ``target``'s Huffman path; returns the path loss.

    The inner loop repeats update_ns's on purpose: factoring the shared
    dot-and-update into one helper measured 1.5-1.8x slower training
    (benchmarks/bench_train.py, 1 thread), the compiled loops no longer fused."""
    dim = src.shape[1]
    loss = 0.0
    for j in range(code_lengths[target]):
        node = points[target, j]
        f = np.float32(0.0)
        for k in range(dim):
            f += src[srow, k] * syn1[node, k]
        label = 1 - codes[target, j]
        s, nll = sigmoid_nll(f, sig_table, nll_table, label)
        loss += nll
        if f >= MAX_EXP or f <= -MAX_EXP:
            continue
        g = np.float32((label - s) * alpha)
        for k in range(dim):
            neu1e[k] += g * syn1[node, k]
            syn1[node, k] += g * src[srow, k]
    return loss


@njit(**_KW)
def sentence_of(offsets, t):
    """Index s with offsets[s] <= t < offsets[s + 1]."""
    return np.searchsorted(offsets, t, side="right") - 1


@njit(**_KW)
def train_sg_chunk(ids, offsets, t0, t1, syn0, syn1, use_hs, negative, alias_prob, alias_idx,
                   codes, points, code_lengths, window, alpha, seed, sig_table, nll_table, neu1e):
    """Skip-gram over centre positions t0..t1-1 of ``ids`` (sentence starts in
    ``offsets``); windows may reach outside the chunk but not the sentence."""
    dim = syn0.shape[1]
    r = np.int64(seed)
    loss = 0.0
    pairs = 0
    negs = np.empty(2 * window * max(negative, 1), dtype=np.int32)
    s = sentence_of(offsets, t0)
    for t in range(t0, t1):
        while offsets[s + 1] <= t:
            s += 1
        r = next_random(r)
        reduce = random_below(r, window)
        lo = max(offsets[s], t - window + reduce)
        hi = min(offsets[s + 1], t + window + 1 - reduce)
        centre = ids[t]
        # context rows (and noise words) for every pair of this centre first, so
        # their rows load while the earlier pairs train
        m = 0
        for c in range(lo, hi):
            if c != t:
                prefetch_row(syn0, ids[c])
                if not use_hs:
                    r = draw_negatives(r, negs, m * negative, negative, alias_prob, alias_idx, syn1)
                m += 1
        m = 0
        for c in range(lo, hi):
            if c == t:
                continue
            ctx = ids[c]
            for k in range(dim):
                neu1e[k] = 0.0
            if use_hs:
                loss += update_hs(syn0, ctx, centre, syn1, neu1e, alpha, codes, points, code_lengths,
                                  sig_table, nll_table)
            else:
                loss += update_ns(syn0, ctx, centre, syn1, neu1e, alpha, negs, m * negative, negative,
                                  sig_table, nll_table)
            m += 1
            for k in range(dim):
                syn0[ctx, k] += neu1e[k]
            pairs += 1
    return loss, pairs


@njit(**_KW)
def train_cbow_chunk(ids, offsets, t0, t1, syn0, syn1, use_hs, negative, alias_prob, alias_idx,
                     codes, points, code_lengths, window, alpha, seed, sig_table, nll_table,
                     cbow_mean, neu1, neu1e):
    """CBOW over centre positions t0..t1-1: the mean (or sum) of the context
    vectors (``neu1``, shape (1, dim)) predicts the centre word; the error goes
    back to every context word."""
    dim = syn0.shape[1]
    r = np.int64(seed)
    loss = 0.0
    pairs = 0
    negs = np.empty(max(negative, 1), dtype=np.int32)
    s = sentence_of(offsets, t0)
    for t in range(t0, t1):
        while offsets[s + 1] <= t:
            s += 1
        r = next_random(r)
        reduce = random_below(r, window)
        lo = max(offsets[s], t - window + reduce)
        hi = min(offsets[s + 1], t + window + 1 - reduce)
        count = hi - lo - 1
        if count <= 0:
            continue
        for k in range(dim):
            neu1[0, k] = 0.0
            neu1e[k] = 0.0
        for c in range(lo, hi):
            if c != t:
                ctx = ids[c]
                for k in range(dim):
                    neu1[0, k] += syn0[ctx, k]
        if cbow_mean:
            inv = np.float32(1.0 / count)
            for k in range(dim):
                neu1[0, k] *= inv
        centre = ids[t]
        if use_hs:
            loss += update_hs(neu1, 0, centre, syn1, neu1e, alpha, codes, points, code_lengths,
                              sig_table, nll_table)
        else:
            r = draw_negatives(r, negs, 0, negative, alias_prob, alias_idx, syn1)
            loss += update_ns(neu1, 0, centre, syn1, neu1e, alpha, negs, 0, negative, sig_table, nll_table)
        if not cbow_mean:
            inv = np.float32(1.0 / count)
            for k in range(dim):
                neu1e[k] *= inv
        for c in range(lo, hi):
            if c != t:
                ctx = ids[c]
                for k in range(dim):
                    syn0[ctx, k] += neu1e[k]
        pairs += 1
    return loss, pairs


@njit(**_KW)
def subsample_ids(raw, offsets, keep_prob, seed):
    """Keep each token of ``raw`` with probability keep_prob[token] (word2vec
    subsampling of frequent words); returns the kept ids and the sentence
    starts (``offsets`` relative to ``raw``) shifted to match."""
    r = np.int64(seed)
    kept = np.empty(raw.shape[0], dtype=np.int32)
    new_offsets = np.empty_like(offsets)
    j = 0
    for s in range(offsets.shape[0] - 1):
        new_offsets[s] = j
        for t in range(offsets[s], offsets[s + 1]):
            r = next_random(r)
            if ((r >> 40) & 0xFFFFFF) < keep_prob[raw[t]] * 16777216.0:
                kept[j] = raw[t]
                j += 1
    new_offsets[offsets.shape[0] - 1] = j
    return kept[:j].copy(), new_offsets


def chunk_seed(seed: int, epoch: int, chunk: int) -> int:
    """A per-chunk random state: training is reproducible whatever thread runs a chunk."""
    return int((seed * 1_000_003 + epoch * 7_919 + chunk * 104_729 + 1) % (1 << 62))


def warm_up() -> None:
    """Compile (or load from the on-disk cache) every kernel on a tiny problem."""
    sig, nll = make_tables()
    ids = np.array([0, 1, 0, 1], dtype=np.int32)
    offsets = np.array([0, 4], dtype=np.int64)
    syn0 = np.zeros((2, 4), dtype=np.float32)
    syn1 = np.zeros((2, 4), dtype=np.float32)
    prob = np.ones(2, dtype=np.float32)
    alias = np.arange(2, dtype=np.int32)
    codes = np.zeros((2, 1), dtype=np.uint8)
    points = np.zeros((2, 1), dtype=np.int32)
    lengths = np.ones(2, dtype=np.int32)
    work = np.zeros(4, dtype=np.float32)
    subsample_ids(ids, offsets, prob, 1)
    for hs in (False, True):
        train_sg_chunk(ids, offsets, 0, 4, syn0, syn1, hs, 1, prob, alias, codes, points, lengths,
                       2, 0.025, 1, sig, nll, work)
        train_cbow_chunk(ids, offsets, 0, 4, syn0, syn1, hs, 1, prob, alias, codes, points, lengths,
                         2, 0.025, 1, sig, nll, True, work.reshape(1, 4).copy(), work)


def kernels_cached() -> bool:
    """Whether compiled kernels are already in Numba's on-disk cache."""
    try:
        return bool(train_sg_chunk.stats.cache_hits) or _cache_files_exist()
    except AttributeError:
        return _cache_files_exist()


def _cache_files_exist() -> bool:
    import glob
    import os

    cache_dir = os.environ.get("NUMBA_CACHE_DIR", "")
    return bool(cache_dir) and bool(glob.glob(os.path.join(cache_dir, "**", "kernels.train_sg_chunk*.nbi"),
                                              recursive=True))
