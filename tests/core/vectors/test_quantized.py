"""The 8-bit scan for exact cosine top-k: same answers as the float32 product."""
import numpy as np
import pytest

from w2v_desktop.core.vectors import quantized

from w2v_desktop.core.vectors import similarity
from w2v_desktop.core.vectors.quantized import Int8Rows, top_k_cosine
from w2v_desktop.core.vectors.keyed import Vectors


def brute_force(unit, q, n, k, banned):
    scores = unit[:n] @ q
    scores[[b for b in banned if b < n]] = -np.inf
    return np.argsort(-scores, kind="stable")[:k]


@pytest.mark.parametrize("dim", [1, 3, 50, 301, 3000])
def test_error_bound_holds_for_every_row(dim):
    rng = np.random.default_rng(dim)
    m = rng.standard_normal((2000, dim)).astype(np.float32)
    m[5] = 0.0  # a zero row stays zero in .unit
    m[6] *= 1e-20  # a tiny one
    m[7] = 1.0  # all components equal: the largest integer sums
    unit = Vectors([str(i) for i in range(len(m))], m).unit
    rows = Int8Rows.build(unit)
    assert rows.row_codes().shape == (len(m), dim)
    queries = [rng.standard_normal(dim), np.ones(dim), unit[7], np.zeros(dim)]
    queries[0] = queries[0] / np.linalg.norm(queries[0])
    queries[1] = queries[1] / np.linalg.norm(queries[1])
    for q in queries:
        q = q.astype(np.float32)
        approx, bound = quantized.approximate(rows, q)
        assert np.all(np.abs(approx - unit @ q) <= bound)
        # the query's own rounding is inside its term, for every row
        query = rows.query(q)
        miss = q.astype(np.float64) - query.codes[:dim] * np.float64(query.scale)
        assert np.all(np.abs(rows.row_codes() @ miss) * rows.scale[:len(m)] <= query.err)
        # the integer scan is the exact product of the codes with the query's codes
        want = rows.row_codes().astype(np.int64) @ query.codes[:dim].astype(np.int64)
        np.testing.assert_allclose(approx, want * rows.scale[:len(m)] * query.scale, rtol=1e-6, atol=1e-30)


def test_padding_rows_and_odd_dimension_are_zero():
    unit = Vectors([str(i) for i in range(70)], np.random.default_rng(0).standard_normal((70, 5))).unit
    rows = Int8Rows.build(unit)
    assert rows.codes.shape == (2, 3, quantized.LANES, 2)
    flat = rows.codes.transpose(0, 2, 1, 3).reshape(-1, 6)
    assert not flat[70:].any() and not flat[:, 5].any()
    np.testing.assert_array_equal(flat[:70, :5], rows.row_codes())


@pytest.mark.parametrize("seed,parallel_rows,room", [(0, 10**9, 4096), (1, 10**9, 4096), (2, 1000, 4096),
                                                      (3, 1000, 16), (4, 10**9, 2)])
def test_top_k_equals_the_float32_product(seed, parallel_rows, room, monkeypatch):
    # also split over threads, and with candidate room so small it compacts and rescans
    monkeypatch.setattr(quantized, "PARALLEL_ROWS", parallel_rows)
    monkeypatch.setattr(quantized, "CANDIDATE_ROOM", room)
    rng = np.random.default_rng(seed)
    # clustered data: many near-ties around the k-th score, the hard case for a bound
    centres = rng.standard_normal((20, 32))
    m = (centres[rng.integers(0, 20, 30_000)] + 0.3 * rng.standard_normal((30_000, 32))).astype(np.float32)
    unit = (m / np.linalg.norm(m, axis=1, keepdims=True)).astype(np.float32)
    rows = Int8Rows.build(unit)
    for i in rng.integers(0, len(m), 30):
        banned = np.array([i, (i + 1) % len(m)])
        n = int(rng.integers(1000, len(m) + 1))
        got, scores = top_k_cosine(rows, unit, unit[i], n, 10, banned)
        want = brute_force(unit, unit[i], n, 10, banned)
        np.testing.assert_allclose(scores, (unit[:n] @ unit[i])[want], atol=1e-5)
        # identical sets; order may differ only between equal scores
        assert set(got) == set(want) or np.allclose(np.sort(scores), np.sort((unit @ unit[i])[want]), atol=1e-6)


def test_nearest_uses_the_scan_on_large_vocabularies_and_agrees():
    rng = np.random.default_rng(1)
    m = rng.standard_normal((similarity.QUANTIZED_MIN_ROWS + 500, 20)).astype(np.float32)
    vec = Vectors([f"w{i}" for i in range(len(m))], m)
    exact = similarity.nearest(vec, "w17", 10, exclude=["w3"])
    assert not vec.has_int8_rows  # one query does not wait for the copy: it takes the float path
    vec.int8_rows  # noqa: B018 - built (the GUI does it in the background after loading)
    scanned = similarity.nearest(vec, "w17", 10, exclude=["w3"])
    assert [n.row for n in scanned] == [n.row for n in exact]
    np.testing.assert_allclose([n.score for n in scanned], [n.score for n in exact], atol=1e-6)
    for name in ("w0", "w17", "w20400"):
        got = similarity.nearest(vec, name, 10, exclude=["w3"])
        row = vec.row(name)
        want = brute_force(vec.unit, vec.unit[row], len(vec), 10, [row, 3])
        assert [n.row for n in got] == list(want)
        np.testing.assert_allclose([n.score for n in got], (vec.unit @ vec.unit[row])[want], atol=1e-6)
    restricted = similarity.nearest(vec, "w5", 5, restrict=similarity.QUANTIZED_MIN_ROWS + 100)
    assert all(n.row < similarity.QUANTIZED_MIN_ROWS + 100 for n in restricted)


def test_k_larger_than_the_rows_left():
    unit = np.eye(4, dtype=np.float32)
    rows = Int8Rows.build(unit)
    got, _ = top_k_cosine(rows, unit, unit[0], 4, 10, np.array([0]))
    assert sorted(got) == [1, 2, 3]


def test_built_in_blocks_equals_built_at_once():
    unit = Vectors([str(i) for i in range(1000)], np.random.default_rng(3).standard_normal((1000, 20))).unit
    whole, blocks = Int8Rows.build(unit), Int8Rows.build(unit, block_rows=7)
    for a, b in ((whole.codes, blocks.codes), (whole.scale, blocks.scale), (whole.err, blocks.err)):
        np.testing.assert_array_equal(a, b)


def test_long_exclusion_lists_and_negative_rows_fall_back_consistently():
    rng = np.random.default_rng(4)
    m = rng.standard_normal((similarity.QUANTIZED_MIN_ROWS + 10, 8)).astype(np.float32)
    vec = Vectors([f"w{i}" for i in range(len(m))], m)
    many = list(range(100, 100 + similarity.QUANTIZED_MAX_BANNED + 5))  # too many for the scan
    vec.int8_rows  # noqa: B018 - the copy exists: only the exclusion list keeps the scan out
    got = similarity.nearest(vec, "w1", 5, exclude=many + [-1])
    want = brute_force(vec.unit, vec.unit[1], len(vec), 5, [1] + many)
    assert [n.row for n in got] == list(want)  # -1 is no row: it bans nothing, on either path
    got = similarity.nearest(vec, "w1", 5, exclude=[-1, 2])
    assert [n.row for n in got] == list(brute_force(vec.unit, vec.unit[1], len(vec), 5, [1, 2]))


def test_sizes_the_kernel_would_trust_are_checked():
    unit = np.eye(4, dtype=np.float32)
    rows = Int8Rows.build(unit)
    with pytest.raises(ValueError, match="dimension 5"):
        top_k_cosine(rows, unit, np.ones(5, np.float32) / 5 ** 0.5, 4, 2, np.array([], np.int64))
    with pytest.raises(ValueError, match="first 5 rows"):
        top_k_cosine(rows, unit, unit[0], 5, 2, np.array([0]))


@pytest.mark.parametrize("exclude_self,restrict", [(True, None), (False, None), (True, 20_300)])
def test_block_queries_on_large_vocabularies_scan_and_agree(exclude_self, restrict, monkeypatch):
    rng = np.random.default_rng(5)
    m = rng.standard_normal((similarity.QUANTIZED_MIN_ROWS + 700, 16)).astype(np.float32)
    vec = Vectors([f"w{i}" for i in range(len(m))], m)
    # more queries than one batch per worker; with the restriction, two queries are
    # outside it (no row of it: nothing to exclude)
    rows = np.array([0, 9, 20_500, 20_650, 77, 3] * 7)
    vec.int8_rows  # noqa: B018 - built already (a few queries alone would not build it)
    calls = []
    scan = quantized.top_k_of_rows
    monkeypatch.setattr(quantized, "top_k_of_rows", lambda *a, **kw: calls.append(1) or scan(*a, **kw))
    got = similarity.top_k_block(vec, rows, 7, restrict=restrict, exclude_self=exclude_self)
    assert calls  # the scan answered
    n = restrict or len(m)
    for q, found in zip(rows, got):
        assert list(found) == list(brute_force(vec.unit, vec.unit[q], n, 7, [q] if exclude_self else []))
    monkeypatch.setattr(quantized, "thread_is_niced", lambda: True)  # the same on one thread
    again = similarity.top_k_block(vec, rows, 7, restrict=restrict, exclude_self=exclude_self)
    np.testing.assert_array_equal(again, got)


def test_block_queries_stop_when_cancelled():
    from w2v_desktop.core.cancel import CancelToken, Cancelled

    m = np.random.default_rng(6).standard_normal((similarity.QUANTIZED_MIN_ROWS, 8)).astype(np.float32)
    vec = Vectors([f"w{i}" for i in range(len(m))], m)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        similarity.top_k_block(vec, np.arange(100), 5, cancel=token)


def test_block_queries_build_the_codes_only_for_many_queries():
    m = np.random.default_rng(7).standard_normal((similarity.QUANTIZED_MIN_ROWS, 8)).astype(np.float32)
    vec = Vectors([f"w{i}" for i in range(len(m))], m)
    few = similarity.top_k_block(vec, np.arange(10), 5)  # e.g. a watch list after each epoch
    assert not vec.has_int8_rows  # answered by blocked products
    many = similarity.top_k_block(vec, np.arange(similarity.QUANTIZED_MIN_BULK), 5)
    assert vec.has_int8_rows
    np.testing.assert_array_equal(many[:10], few)
    with pytest.raises(IndexError, match="query rows"):
        similarity.top_k_block(vec, np.array([-1]), 5)


def test_query_of_any_length_and_bans_outside_the_rows():
    rng = np.random.default_rng(8)
    m = rng.standard_normal((3000, 12)).astype(np.float32)
    unit = Vectors([str(i) for i in range(len(m))], m).unit
    rows = Int8Rows.build(unit)
    for scale in (1e-30, 3.0, 1e3, 1e30):  # the bound assumes a unit query: it is normalised first
        for q in unit[rng.integers(0, len(m), 20)]:
            got, scores = top_k_cosine(rows, unit, (q * scale).astype(np.float32), len(m), 10, np.array([], np.int64))
            want = brute_force(unit, q, len(m), 10, [])
            np.testing.assert_allclose(scores, (unit @ q)[want], atol=1e-5)
    got, _ = top_k_cosine(rows, unit, unit[0], 4, 4, np.array([10, -1]))  # no rows of the first 4
    assert sorted(got) == [0, 1, 2, 3]
