import numpy as np
import pytest
from scipy.stats import ortho_group

from w2v_desktop.core.analysis.align import AlignError, align, iter_align
from w2v_desktop.core.vectors.keyed import Vectors


def clustered_vectors(n=300, dim=16, seed=0) -> Vectors:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(12, dim))
    matrix = centres[rng.integers(0, 12, n)] + 0.3 * rng.normal(size=(n, dim))
    return Vectors([f"w{i}" for i in range(n)], matrix)


def test_a_rotated_copy_aligns_perfectly():
    a = clustered_vectors()
    rotation = ortho_group.rvs(a.dim, random_state=1)
    b = Vectors(a.names, a.matrix @ rotation)
    result = align(a, b, k=5)
    assert result.names == a.names
    assert result.moved.max() < 1e-5
    assert result.disparity < 1e-8
    assert np.all(result.overlap == 1.0)


def test_scrambled_names_move_most_and_lose_their_neighbours():
    a = clustered_vectors()
    rng = np.random.default_rng(2)
    matrix = a.matrix @ ortho_group.rvs(a.dim, random_state=3)
    scrambled = [7, 42, 123, 250]
    matrix[scrambled] = rng.normal(size=(len(scrambled), a.dim)) * 3
    result = align(a, Vectors(a.names, matrix), k=10)
    assert set(result.most_moved(4)) == set(scrambled)
    others = np.setdiff1d(np.arange(len(a)), scrambled)
    assert result.overlap[scrambled].mean() < 0.3 < result.overlap[others].mean()


def test_only_shared_names_in_first_sets_order_and_limit():
    a = clustered_vectors(n=100)
    order = np.random.default_rng(4).permutation(100)[:80]  # b lacks 20 names, rows shuffled
    b = Vectors([a.names[i] for i in order] + ["extra"], np.vstack([a.matrix[order], np.ones((1, a.dim))]))
    result = align(a, b, k=5, limit=50)
    expected = [name for name in a.names if name in b][:50]
    assert result.names == expected
    assert result.moved.max() < 1e-5


def test_different_dimensions_are_padded():
    a = clustered_vectors(dim=8)
    semi_orthogonal = ortho_group.rvs(10, random_state=5)[:8]  # 8 x 10, orthonormal rows
    b = Vectors(a.names, a.matrix @ semi_orthogonal)
    assert align(a, b, k=5).moved.max() < 1e-5


def test_progress_is_reported_and_ends_at_one():
    a = clustered_vectors(n=1200)
    steps = iter_align(a, a.copy(), k=5)
    progress = []
    with pytest.raises(StopIteration) as stop:
        while True:
            progress.append(next(steps))
    assert progress == sorted(progress) and progress[-1] == 1.0 and len(progress) >= 3
    assert np.all(stop.value.value.overlap == 1.0)


def test_too_few_shared_names_is_a_clear_error():
    a = clustered_vectors(n=20)
    b = Vectors(["w0", "w1", "zz"], np.ones((3, a.dim)))
    with pytest.raises(AlignError, match="only 2 names are shared"):
        align(a, b, k=5)


def test_overlap_matches_plain_cosine_neighbour_search():
    from w2v_desktop.core.vectors.similarity import nearest
    a = clustered_vectors(n=200, seed=6)
    b = clustered_vectors(n=200, seed=7)  # same names, unrelated vectors
    result = align(a, b, k=8, limit=150)
    outside = list(range(150, 200))  # rows beyond the limit are not compared
    for i in (0, 17, 99):
        name = result.names[i]
        mine = {n.name for n in nearest(a, name, k=8, exclude=outside)}
        theirs = {n.name for n in nearest(b, name, k=8, exclude=outside)}
        assert result.overlap[i] == len(mine & theirs) / 8


def test_large_comparisons_scan_and_give_the_same_overlap(monkeypatch):
    import w2v_desktop.core.analysis.align as align_module

    a = clustered_vectors(n=900, seed=8)
    b = clustered_vectors(n=900, seed=9)
    blocked = align(a, b, k=10, limit=None)
    monkeypatch.setattr(align_module, "SCAN_ROWS", 100)
    monkeypatch.setattr(align_module, "BLOCK_ROWS", 256)  # several blocks, the last one short
    scanned = align(a, b, k=10, limit=None)
    np.testing.assert_array_equal(scanned.overlap, blocked.overlap)
    assert 0 < blocked.overlap.mean() < 1
