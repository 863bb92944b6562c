"""The 3-D map's camera: rotation maths, the unit ball, depth order (Qt-free)."""
import math

import numpy as np
import pytest

from w2v_desktop.core.analysis import map_camera
from w2v_desktop.core.analysis.map_camera import Camera, far_first, nearness, screen_view, unit_ball


def test_at_zero_angles_the_screen_shows_axes_one_and_two_and_axis_three_is_depth():
    points = np.array([[1.0, 2.0, 3.0], [-4.0, 5.0, -6.0]])
    screen, depth = screen_view(points, Camera(0.0, 0.0))
    assert np.allclose(screen, points[:, :2]) and np.allclose(depth, points[:, 2])


def test_known_turns_map_known_points():
    x, y, z = np.eye(3)
    # a quarter turn of yaw: the data's x axis points away from the viewer, z to the right
    screen, depth = screen_view(np.array([x, z]), Camera(90.0, 0.0))
    assert np.allclose(screen, [[0, 0], [1, 0]], atol=1e-6) and np.allclose(depth, [-1, 0], atol=1e-6)
    # a quarter tilt of pitch: the data's y axis points at the viewer, z down
    screen, depth = screen_view(np.array([y, z]), Camera(0.0, 90.0))
    assert np.allclose(screen, [[0, 0], [0, -1]], atol=1e-6) and np.allclose(depth, [1, 0], atol=1e-6)
    # 45 degrees of yaw: x goes half right, half away
    screen, depth = screen_view(np.array([x]), Camera(45.0, 0.0))
    h = math.sqrt(0.5)
    assert np.allclose(screen, [[h, 0]], atol=1e-6) and np.allclose(depth, [-h], atol=1e-6)


@pytest.mark.parametrize("yaw,pitch", [(-30, 20), (123.4, -77.0), (179.9, 90.0), (0, 0)])
def test_a_turn_keeps_every_distance(yaw, pitch):
    rng = np.random.default_rng(1)
    points = rng.normal(size=(200, 3))
    screen, depth = screen_view(points, Camera(yaw, pitch))
    turned = np.column_stack([screen, depth]).astype(np.float64)
    before = np.linalg.norm(points[:, None] - points[None], axis=2)
    after = np.linalg.norm(turned[:, None] - turned[None], axis=2)
    assert np.allclose(before, after, atol=1e-4)
    m = Camera(yaw, pitch).matrix()
    assert np.allclose(m @ m.T, np.eye(3)) and np.isclose(np.linalg.det(m), 1.0)


def test_turning_wraps_yaw_and_stops_pitch():
    camera = Camera(170.0, 80.0).turned(20.0, 30.0)
    assert camera.yaw == pytest.approx(-170.0) and camera.pitch == 90.0
    assert Camera(0.0, -85.0).turned(0.0, -10.0).pitch == -90.0
    assert Camera(10.0, 5.0).turned(-10.0, -5.0) == Camera(0.0, 0.0)


def test_unit_ball_centres_and_scales():
    ball = unit_ball([[10.0, 0, 0], [12.0, 0, 0], [11.0, 4.0, 0]])
    assert np.allclose(ball.mean(axis=0), 0, atol=1e-6)
    assert np.isclose(np.linalg.norm(ball, axis=1).max(), 1.0)
    assert unit_ball(np.ones((3, 3))).tolist() == np.zeros((3, 3)).tolist()
    assert unit_ball(np.zeros((0, 3))).shape == (0, 3)


def test_far_points_come_first_and_nearness_spans_the_ball():
    depth = np.array([0.5, -0.9, 0.9, -0.9, 0.0])
    assert far_first(depth).tolist() == [1, 3, 4, 0, 2]      # ties keep row order
    assert far_first(depth, [0, 2, 4]).tolist() == [4, 0, 2]
    assert far_first(depth, []).tolist() == []
    assert nearness([-1.0, 0.0, 1.0, 2.0]).tolist() == [0.0, 0.5, 1.0, 1.0]
    # the nearest point after a turn is drawn last
    points = unit_ball(np.random.default_rng(2).normal(size=(50, 3)))
    _, d = screen_view(points, Camera(40.0, -10.0))
    assert far_first(d)[-1] == int(np.argmax(d))


def test_the_tripod_follows_the_camera():
    directions, depth = map_camera.axis_directions(Camera(0.0, 0.0))
    assert np.allclose(directions, [[1, 0], [0, 1], [0, 0]]) and np.allclose(depth, [0, 0, 1])
    directions, depth = map_camera.axis_directions(Camera(90.0, 0.0))
    assert np.allclose(directions[2], [1, 0]) and np.isclose(depth[0], -1)


def bookmark_parts(**extra):
    from w2v_desktop.core.analysis.projection_params import ProjectionParams
    return dict(name="b", subset={"top_n": 50}, params=ProjectionParams("pca", n_components=3), colour="trust",
                colour_value=None, label="name", selection=[1, 2], view_range=((-1, 1), (-1, 1)), **extra)


def test_a_bookmark_keeps_the_camera_and_old_ones_still_load():
    from w2v_desktop.core.analysis.map_view_state import bookmark_camera, make_bookmark
    from w2v_desktop.core.formats.map_bookmarks import BookmarkError, check_bookmark
    bookmark = make_bookmark(**bookmark_parts(camera=Camera(12.5, -80.0)))
    assert bookmark["camera"] == {"yaw": 12.5, "pitch": -80.0}
    assert bookmark_camera(check_bookmark(bookmark)) == Camera(12.5, -80.0)
    old = make_bookmark(**bookmark_parts())        # a 2-D map, or a bookmark saved before 3-D maps
    assert "camera" not in old and bookmark_camera(check_bookmark(old)) is None
    for bad in ({"yaw": 0}, {"yaw": 0, "pitch": 91}, {"yaw": "a", "pitch": 0}, {"yaw": 0, "pitch": float("nan")}, [0, 0]):
        with pytest.raises(BookmarkError, match="camera"):
            check_bookmark({**old, "camera": bad})
    with pytest.raises(BookmarkError, match="exactly the fields"):
        check_bookmark({**old, "cam": {"yaw": 0, "pitch": 0}})
