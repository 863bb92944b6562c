"""The map's Qt-free pieces: density binning, label placement, picking points, sampled trust."""
import time

import numpy as np
import pytest

from w2v_desktop.core.analysis import map_density, map_labels, map_select, projection


# -- density -------------------------------------------------------------------------------
def test_density_counts_only_points_in_view_and_colours_by_category():
    coords = np.array([[0.1, 0.1], [0.15, 0.12], [0.95, 0.95], [2.0, 2.0], [-1.0, 0.5]])
    palette = [[255, 0, 0], [0, 0, 255]]
    image, seen = map_density.density_image(coords, (0, 1), (0, 1), 10, 10, [0, 0, 1, 1, 0], palette)
    assert seen == 3 and image.shape == (10, 10, 4)
    assert image[1, 1, :3].tolist() == [255, 0, 0]    # row = y bin (bottom first), column = x bin
    assert image[9, 9, :3].tolist() == [0, 0, 255]
    assert image[1, 1, 3] > image[9, 9, 3] >= map_density.MIN_ALPHA   # two points are denser than one
    assert np.count_nonzero(image[..., 3]) == 2
    _, hidden = map_density.density_image(coords, (0, 1), (0, 1), 10, 10, keep=[False, True, True, True, True])
    assert hidden == 2
    with pytest.raises(ValueError, match="category"):
        map_density.density_image(coords, (0, 1), (0, 1), 4, 4, [0, 0, 5, 0, 0], palette)


def test_density_weights_make_far_points_fainter_and_near_ones_set_the_colour():
    """A turned 3-D map weighs each point by its nearness: density had no depth cue."""
    coords = np.array([[0.1, 0.1], [0.9, 0.9], [0.5, 0.5], [0.52, 0.52]])
    palette = [[255, 0, 0], [0, 0, 255]]
    cats = [0, 0, 0, 1]
    plain, _ = map_density.density_image(coords, (0, 1), (0, 1), 10, 10, cats, palette)
    ones, _ = map_density.density_image(coords, (0, 1), (0, 1), 10, 10, cats, palette, weights=np.ones(4))
    np.testing.assert_array_equal(ones, plain)                       # weight 1: as without weights
    image, seen = map_density.density_image(coords, (0, 1), (0, 1), 10, 10, cats, palette,
                                            weights=[1.0, 0.4, 1.0, 0.25])
    assert seen == 4 and image[1, 1, 3] == plain[1, 1, 3]            # a near point as before
    assert abs(int(image[9, 9, 3]) - 0.4 * plain[9, 9, 3]) <= 1      # a far one: 0.4 of its opacity
    assert image[5, 5, 0] == int(255 / 1.25) and image[5, 5, 2] == int(0.25 * 255 / 1.25)   # the near red wins
    assert plain[5, 5, 0] == plain[5, 5, 2] == 127                   # unweighted: half and half


def test_visible_rows():
    coords = np.array([[0, 0], [5, 5], [1, 1], [1, 3]], dtype=float)
    assert map_density.visible_rows(coords, (0, 2), (0, 2)).tolist() == [0, 2]
    assert map_density.visible_rows(coords, (0, 2), (0, 2), keep=[False, True, True, True]).tolist() == [2]


# -- labels --------------------------------------------------------------------------------
def overlaps(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def check_layout(placement, widths, heights, view):
    rects = [(placement.left[i], placement.top[i], widths[c], heights[c]) for i, c in enumerate(placement.placed)]
    for x, y, w, h in rects:
        assert x >= 0 and y >= 0 and x + w <= view[0] and y + h <= view[1]
    for i in range(len(rects)):
        for j in range(i + 1, len(rects)):
            assert not overlaps(rects[i], rects[j]), (rects[i], rects[j])
    return rects


def test_labels_never_overlap_and_stay_inside_the_view():
    rng = np.random.default_rng(0)
    view = (800, 500)
    xs, ys = rng.uniform(-20, 820, 3000), rng.uniform(-20, 520, 3000)   # some outside the view
    widths, heights = rng.uniform(20, 90, 3000), np.full(3000, 14.0)
    placement = map_labels.place_labels(xs, ys, widths, heights, view)
    rects = check_layout(placement, widths, heights, view)
    assert 100 < len(rects) < 3000
    assert np.all(np.diff(placement.placed) > 0)   # in priority order


def test_forced_labels_go_first_and_a_crowded_one_is_counted():
    # a 100 x 20 view has room for two 45-pixel labels on one line, not three
    xs, ys = np.array([50.0, 50.0, 50.0, 10.0]), np.array([10.0, 10.0, 10.0, 10.0])
    widths, heights = np.array([45.0, 45.0, 45.0, 5.0]), np.full(4, 12.0)
    placement = map_labels.place_labels(xs, ys, widths, heights, (100, 20), forced=3)
    assert placement.placed.tolist()[:2] == [0, 1] and placement.dropped_forced == 1
    check_layout(placement, widths, heights, (100, 20))


def test_no_label_covers_a_blocked_rectangle():
    rng = np.random.default_rng(3)
    view = (400, 300)
    xs, ys = rng.uniform(0, 400, 800), rng.uniform(0, 300, 800)
    widths, heights = rng.uniform(20, 60, 800), np.full(800, 14.0)
    free = map_labels.place_labels(xs, ys, widths, heights, view)
    legend = (290.0, 10.0, 100.0, 60.0)   # a legend in the top right corner

    def covers(placement):
        return [i for i, (l, t) in enumerate(zip(placement.left, placement.top))
                if l < legend[0] + legend[2] and l + widths[placement.placed[i]] > legend[0]
                and t < legend[1] + legend[3] and t + 14.0 > legend[1]]
    assert covers(free)   # without it some labels land there
    placement = map_labels.place_labels(xs, ys, widths, heights, view, blocked=[legend])
    assert not covers(placement) and len(placement.placed) > 50
    check_layout(placement, widths, heights, view)


def test_label_order_forced_then_priority():
    visible = np.arange(10)
    order, n_forced = map_labels.label_order(visible, forced=[7, 42, 3])   # 42 is not in view
    assert n_forced == 2 and order.tolist() == [7, 3, 0, 1, 2, 4, 5, 6, 8, 9]
    priority = np.array([0, 9, 1, 8, 2, 7, 3, 6, 4, 5])
    order, _ = map_labels.label_order(visible, priority=priority)
    assert order.tolist()[:3] == [1, 3, 5]


@pytest.mark.slow
def test_label_placement_after_a_zoom_on_400k_points_prints_its_time():
    rng = np.random.default_rng(1)
    coords = rng.normal(size=(400_000, 2))
    map_labels.place_labels([1.0], [1.0], [1.0], [1.0], (10, 10))  # compiled before timing
    start = time.perf_counter()
    x_range, y_range = (-0.5, 0.5), (-0.4, 0.4)
    visible = map_density.visible_rows(coords, x_range, y_range)
    order, n_forced = map_labels.label_order(visible, forced=[0, 1, 2])
    xs = (coords[order, 0] - x_range[0]) / 1.0 * 1000
    ys = (y_range[1] - coords[order, 1]) / 0.8 * 700
    widths = 8.0 * np.array([len(str(r)) for r in order]) + 6
    placement = map_labels.place_labels(xs, ys, widths, np.full(len(order), 16.0), (1000, 700), n_forced, 400)
    elapsed = time.perf_counter() - start
    print(f"\nlabel placement after a zoom, 400,000 points ({len(visible):,} in view): "
          f"{elapsed * 1000:.1f} ms, {len(placement.placed)} labels")
    check_layout(placement, widths, np.full(len(order), 16.0), (1000, 700))


# -- picking -------------------------------------------------------------------------------
def test_points_in_a_concave_lasso_are_exactly_those_inside():
    rng = np.random.default_rng(2)
    coords = rng.uniform(0, 10, size=(5000, 2))
    # an L: the union of [1,6]x[1,3] and [1,3]x[3,8]
    lasso = [(1, 1), (6, 1), (6, 3), (3, 3), (3, 8), (1, 8)]
    x, y = coords[:, 0], coords[:, 1]
    expected = np.flatnonzero(((x > 1) & (x < 6) & (y > 1) & (y < 3)) | ((x > 1) & (x < 3) & (y >= 3) & (y < 8)))
    assert map_select.points_in_polygon(coords, lasso).tolist() == expected.tolist()
    keep = np.ones(len(coords), bool)
    keep[expected[:10]] = False
    assert map_select.points_in_polygon(coords, lasso, keep).tolist() == expected[10:].tolist()
    box = map_select.points_in_box(coords, (6, 1), (3, 1))   # corners in any order
    assert box.tolist() == np.flatnonzero((x > 1) & (x < 6) & (y > 1) & (y < 3)).tolist()


def test_nearest_point_in_pixels_and_map_neighbours():
    coords = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 1.0], [3.0, 0.0]])
    # x pixels are 1 unit, y pixels 0.1 unit: (0, 1) is 10 px above (0, 0)
    assert map_select.nearest_point(coords, 0.1, 0.3, (1.0, 0.1), radius_px=8) == 0
    assert map_select.nearest_point(coords, 0.0, 0.8, (1.0, 0.1), radius_px=8) == 2
    assert map_select.nearest_point(coords, 6.5, 0.0, (1.0, 0.1), radius_px=3) is None
    assert map_select.nearest_point(coords, 0.1, 0.3, (1.0, 0.1), keep=[False, True, True, True]) == 3   # 4.2 px away; (0, 1) is 7
    rows, dist = map_select.map_neighbours(coords, 0, 2)
    assert rows.tolist() == [2, 3] and np.allclose(dist, [1.0, 3.0])
    # a 3-D map: neighbours in its space, not in one plane of it
    rows, dist = map_select.map_neighbours([[0, 0, 0], [1, 0, 5], [2, 0, 0]], 0, 2)
    assert rows.tolist() == [2, 1] and np.allclose(dist, [2.0, np.sqrt(26)])


def test_sampled_trust_agrees_with_full_trust_on_the_sample():
    rng = np.random.default_rng(3)
    data = rng.normal(size=(300, 8))
    data /= np.linalg.norm(data, axis=1, keepdims=True)   # project() passes unit rows
    coords = data[:, :2] + 0.1 * rng.normal(size=(300, 2))
    full = projection.trust_scores(data, coords, sample=None)
    sampled = projection.trust_scores(data, coords, seed=1, sample=40)
    picked = np.flatnonzero(np.isfinite(sampled))
    assert len(picked) == 40 and np.isfinite(full).all()
    assert np.allclose(sampled[picked], full[picked])


def test_grid_order_sorts_points_by_cell_row_by_row_and_keeps_every_point():
    rng = np.random.default_rng(5)
    coords = rng.uniform(0, 1, size=(5000, 2)).astype(np.float32)
    coords[7] = np.nan
    coords[9, 0] = np.inf
    order = map_density.grid_order(coords, 16)
    assert sorted(order.tolist()) == list(range(len(coords)))
    finite = order[np.isfinite(coords[order]).all(axis=1)]
    lo, hi = np.nanmin(coords[finite], axis=0), np.nanmax(coords[finite], axis=0)   # the grid spans the points
    cell = np.minimum(((coords[finite] - lo) * (16 / (hi - lo))).astype(int), 15)
    keys = cell[:, 1] * 16 + cell[:, 0]
    assert (np.diff(keys) >= 0).all()                   # row by row, then by column
    same = keys[1:] == keys[:-1]
    assert (np.diff(finite)[same] > 0).all()            # stable: row order within a cell
    image = map_density.density_image(coords, (0, 1), (0, 1), 40, 30)[0]
    np.testing.assert_array_equal(map_density.density_image(coords[order], (0, 1), (0, 1), 40, 30)[0], image)
