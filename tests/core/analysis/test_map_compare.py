import numpy as np
import pytest
from scipy.stats import ortho_group

from w2v_desktop.core.analysis import AlignError, map_comparison, write_comparison_csv
from w2v_desktop.core.analysis.align import align
from w2v_desktop.core.analysis.map_compare import CSV_COLUMNS
from w2v_desktop.core.cancel import Cancelled, run_to_end
from w2v_desktop.core.analysis.map_compare import iter_map_comparison
from w2v_desktop.core.vectors.keyed import Vectors


def clustered_vectors(n=300, dim=16, seed=0) -> Vectors:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(12, dim))
    matrix = centres[rng.integers(0, 12, n)] + 0.3 * rng.normal(size=(n, dim))
    return Vectors([f"w{i}" for i in range(n)], matrix)


def rotated_with_one_moved(a: Vectors, moved_row: int, seed=1) -> Vectors:
    matrix = a.matrix @ ortho_group.rvs(a.dim, random_state=seed)
    matrix[moved_row] = np.random.default_rng(seed).normal(size=a.dim) * 3
    return Vectors(a.names, matrix)


def test_the_planted_move_is_the_top_arrow_and_the_rest_coincide():
    a = clustered_vectors()
    b = rotated_with_one_moved(a, 42)
    result = map_comparison(a, b)
    assert result.names == a.names and result.coords_a.shape == result.coords_b.shape == (300, 2)
    assert result.most_moved(3)[0] == 42
    span = np.ptp(result.coords_a, axis=0).max()
    gap = np.linalg.norm(result.coords_a - result.coords_b, axis=1)
    others = np.delete(np.arange(300), 42)
    # one far-moved name shifts the centred rows a little (1/300 of its move), nothing more
    assert gap[others].max() < 0.02 * span
    assert gap[42] > 0.1 * span
    # the same moved distances as the Compare tab's alignment
    np.testing.assert_allclose(result.moved, align(a, b, k=5).moved)
    assert 0 < result.explained <= 1


def test_a_rotated_copy_lands_on_itself_and_a_plain_map_has_trust():
    a = clustered_vectors(n=120)
    b = Vectors(a.names, a.matrix @ ortho_group.rvs(a.dim, random_state=4))
    result = map_comparison(a, b)
    np.testing.assert_allclose(result.coords_a, result.coords_b, atol=1e-4)
    projection = result.projection_a()
    assert projection.names == a.names and np.array_equal(projection.rows, np.arange(120))
    assert projection.trust_measured == 120 and 0 < projection.mean_trust <= 1


def test_names_limit_and_shared_only():
    a = clustered_vectors(n=100)
    b = Vectors(a.names[::-1][:80], a.matrix[::-1][:80])   # other order, 20 names missing
    result = map_comparison(a, b, limit=50)
    assert result.names == [n for n in a.names if n in b.index][:50]
    assert list(result.rows_a) == [a.index[n] for n in result.names]
    chosen = map_comparison(a, b, names=["w30", "w40", "w50", "w60"])
    assert chosen.names == ["w30", "w40", "w50", "w60"]


def test_too_few_shared_names_and_cancel():
    a = clustered_vectors(n=20)
    with pytest.raises(AlignError, match="only 2 names"):
        map_comparison(a, Vectors(["w1", "w2", "zz"], np.eye(3)))
    steps = iter_map_comparison(a, rotated_with_one_moved(a, 3), cancel=lambda: True)
    with pytest.raises(Cancelled):
        run_to_end(steps)


def test_csv_has_both_positions_and_moved(tmp_path):
    a = clustered_vectors(n=40)
    a = Vectors(["=cmd"] + a.names[1:], a.matrix)
    result = map_comparison(a, rotated_with_one_moved(a, 5))
    write_comparison_csv(tmp_path / "map.csv", result)
    lines = (tmp_path / "map.csv").read_text().splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS) and len(lines) == 41
    first = lines[1].split(",")
    assert first[0] == "'=cmd"   # a spreadsheet shows it, never runs it
    assert [float(v) for v in first[1:]] == pytest.approx(
        [*result.coords_a[0], *result.coords_b[0], result.moved[0]], rel=1e-6)
