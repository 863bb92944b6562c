"""A turned view of a 3-D map, in numpy: the maths behind the map's 3-D option.

Why no OpenGL: the app runs on many machines with software rendering, offscreen in CI, or
remotely, where ``pyqtgraph.opengl`` is missing or slow, and a second (GL) widget would need
its own hover, labels, density, click/box/lasso picking and selection panel. Instead the 3-D
coordinates stay in the ``Projection`` and a :class:`Camera` turns them here; the map draws
the turned points' screen coordinates with the very same 2-D widget, so everything that works
on a 2-D map works on a 3-D one, and the option is never off for lack of OpenGL.

- The points are centred and scaled into the unit ball (:func:`unit_ball`) once, so any turn
  keeps them inside the same square and the zoom stays put while turning.
- The projection is orthographic: a turn is a pure rotation, so screen distances are the 3-D
  distances seen from that side, a click picks what is drawn under it, and the wheel zoom
  means the same everywhere. Depth is shown instead by order and looks: far points are drawn
  first, smaller and fainter (:func:`far_first`, :func:`nearness`), as the Embedding
  Projector does.
- Turntable angles: ``yaw`` turns about the screen's vertical, then ``pitch`` tilts towards
  the viewer, kept within +-90 degrees so up stays up. At (0, 0) the screen shows axes 1 and
  2, axis 3 pointing at the viewer: the familiar 2-D map.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

DEFAULT_YAW, DEFAULT_PITCH = -30.0, 20.0    # degrees: a first view that shows depth
PITCH_LIMIT = 90.0


@dataclass(frozen=True)
class Camera:
    """Where a 3-D map is seen from: ``yaw`` in [-180, 180), ``pitch`` in [-90, 90] degrees."""
    yaw: float = DEFAULT_YAW
    pitch: float = DEFAULT_PITCH

    def turned(self, d_yaw: float, d_pitch: float) -> "Camera":
        """This camera turned by the given degrees (yaw wraps round, pitch stops at +-90)."""
        yaw = (self.yaw + d_yaw + 180.0) % 360.0 - 180.0
        pitch = min(PITCH_LIMIT, max(-PITCH_LIMIT, self.pitch + d_pitch))
        return Camera(yaw, pitch)

    def matrix(self) -> np.ndarray:
        """The (3, 3) rotation taking data axes to screen (x right, y up, z towards the viewer)."""
        a, b = math.radians(self.yaw), math.radians(self.pitch)
        turn = np.array([[math.cos(a), 0.0, math.sin(a)], [0.0, 1.0, 0.0], [-math.sin(a), 0.0, math.cos(a)]])
        tilt = np.array([[1.0, 0.0, 0.0], [0.0, math.cos(b), -math.sin(b)], [0.0, math.sin(b), math.cos(b)]])
        return tilt @ turn

    def as_dict(self) -> dict:
        return {"yaw": float(self.yaw), "pitch": float(self.pitch)}


def unit_ball(coords) -> np.ndarray:
    """``coords`` (n, 3) moved to their mean and scaled so the farthest point is at distance 1
    (float32); all zero or one point: centred only."""
    xyz = np.asarray(coords, dtype=np.float64).reshape(-1, 3)
    if len(xyz) == 0:
        return np.zeros((0, 3), np.float32)
    xyz = xyz - xyz.mean(axis=0)
    radius = float(np.sqrt((xyz * xyz).sum(axis=1).max()))
    return (xyz / radius if radius > 0 else xyz).astype(np.float32)


def screen_view(points, camera: Camera) -> tuple[np.ndarray, np.ndarray]:
    """Screen coordinates (n, 2) float32 and depth (n,) float32 (larger is nearer) of
    ``points`` (n, 3) seen by ``camera`` (orthographic)."""
    p = np.asarray(points, dtype=np.float32).reshape(-1, 3)
    m = camera.matrix().astype(np.float32)
    # three columns of multiply-adds: several times faster than a (n, 3) @ (3, 3) matmul here
    screen = np.empty((len(p), 2), np.float32)
    screen[:, 0] = p[:, 0] * m[0, 0] + p[:, 1] * m[0, 1] + p[:, 2] * m[0, 2]
    screen[:, 1] = p[:, 0] * m[1, 0] + p[:, 1] * m[1, 1] + p[:, 2] * m[1, 2]
    return screen, p[:, 0] * m[2, 0] + p[:, 1] * m[2, 1] + p[:, 2] * m[2, 2]


def nearness(depth) -> np.ndarray:
    """Depth of unit-ball points as 0 (farthest possible) to 1 (nearest possible)."""
    return np.clip((np.asarray(depth, dtype=np.float32) + 1.0) * 0.5, 0.0, 1.0)


def far_first(depth, rows=None) -> np.ndarray:
    """``rows`` (default all) ordered far to near, the order to draw them in (ties keep row order)."""
    depth = np.asarray(depth)
    rows = np.arange(len(depth)) if rows is None else np.asarray(rows, dtype=np.int64)
    return rows[np.argsort(depth[rows], kind="stable")] if len(rows) else rows


def axis_directions(camera: Camera) -> tuple[np.ndarray, np.ndarray]:
    """Where the data's three axes point on screen: (3, 2) unit-or-shorter screen vectors (x right,
    y up) and (3,) their depth, for an orientation tripod."""
    m = camera.matrix()
    return m[:2, :].T.copy(), m[2, :].copy()
