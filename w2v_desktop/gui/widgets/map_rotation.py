"""3-D maps on the 2-D map widget: the "3-D" option, turning with the mouse and keys, the depth
cue and an axis tripod.

The camera maths is ``core/analysis/map_camera.py`` (numpy, no OpenGL: see its notes for why).
:class:`MapRotation` belongs to a ScatterMap: given (n, 3) coordinates it keeps them in the unit
ball, hands the map the turned points' screen coordinates and, on every turn, moves them with
the map's positions-only fast path (``ScatterMap.move_points``), so hover, labels, density,
click/box/lasso picking and the selection panel work on a 3-D map exactly as on a 2-D one.

Controls (a drag that is not taken on the map): right-drag, or Alt+drag, turns the map (a plain
drag still pans, Shift+drag boxes, Ctrl+drag lassos, the wheel zooms); the arrow keys turn it
while the map has the keyboard focus (Shift: bigger steps), Home or "Reset view" go back to the
first view. The 2-D axes mean nothing once turned, so they are hidden and a tripod in the
corner shows where the map's axes 1, 2 and 3 point. Far points are drawn first, smaller and
fainter (a few sizes and opacities: pyqtgraph renders each distinct symbol once).

Speed: a turn moves the points through ``ScatterMap.move_points`` (no new map, no reset), so
with many points in view it costs one re-binning of the density image (a few ms for 400,000
points). Drawn one by one, every turn refills pyqtgraph's points item, whose ``setData`` costs
some 5-20 microseconds a point in Python; so while the map is turning it draws density from
``TURNING_POINTS_BELOW`` points in view, and when the turning pauses for ``SETTLE_MS`` it
draws points again up to ``POINTS_BELOW``, as a 2-D map does. Density has a depth cue too: each point
weighs its nearness (``density_weights``), far points fainter. ``benchmarks/bench_map_rotation.py`` measures.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette, QPen
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from w2v_desktop.core.analysis import OKABE_ITO, Camera, axis_directions, far_first, nearness, screen_view, unit_ball
from w2v_desktop.gui import theme
from w2v_desktop.gui.widgets.map_density_item import POINT_SIZE, POINTS_BELOW
from w2v_desktop.gui.widgets.map_labels_item import ViewOverlay
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

THREE_D_METHODS = ("pca", "umap")
DEGREES_PER_PIXEL = 0.5
KEY_STEP, BIG_KEY_STEP = 5.0, 20.0       # degrees per arrow key press (Shift: the big step)
TURNING_POINTS_BELOW = 2_000   # while turning, points in view under which points are drawn (see the notes)
SETTLE_MS = 150                # turning has paused after this long without a turn
DEPTH_LEVELS = 8                         # brushes per colour: far (faint) to near (full)
FAR_SIZE, FAR_ALPHA = 0.55, 0.3          # the farthest point's size and opacity, shares of the nearest's
LEVEL_SIZES = POINT_SIZE * (FAR_SIZE + (1.0 - FAR_SIZE) * (np.arange(DEPTH_LEVELS) + 1) / DEPTH_LEVELS)
DENSITY_FAR = 0.4                        # density: the farthest point's weight (colour share, opacity)
TRIPOD_PX = 30
TRIPOD_COLOURS = (OKABE_ITO[5], OKABE_ITO[2], OKABE_ITO[4])   # axes 1, 2, 3: vermillion, green, blue
PCA_AXIS = QT_TR_NOOP("principal component")   # the map tab's PCA axis name: its tripod says PC1..PC3
HINT = QT_TR_NOOP("3-D: right-drag or Alt+drag turns the map, so do the arrow keys (Home: back); "
                  "the wheel zooms.")
ON_TIP = QT_TR_NOOP("Lay the points out in three dimensions and turn the map with the mouse (right-drag or "
                    "Alt+drag) or the arrow keys. Drawn without OpenGL: works everywhere.")
OFF_TIP = QT_TR_NOOP("3-D maps are for PCA and UMAP: t-SNE lays out 2-D maps only here, and custom axes "
                     "are two formulas, x and y.")


def density_weights(depth) -> np.ndarray:
    """Each point's weight in the density image: far points fainter, as they are drawn one by one."""
    return DENSITY_FAR + (1.0 - DENSITY_FAR) * nearness(depth)


class ThreeDCheck(QCheckBox):
    """The projection controls' "3-D" option: offered for PCA and UMAP only (the tooltip says why),
    and not while two runs are on the map (always 2-D: ``hold``)."""

    def __init__(self, parent=None):
        super().__init__(tr("3-D"), parent)
        self.method = "pca"
        self.held_by: str | None = None   # why it is off for now (a tooltip), or None

    def follow_method(self, method: str) -> None:
        self.method = method
        offered = method in THREE_D_METHODS and self.held_by is None
        self.setEnabled(offered)
        self.setToolTip(self.held_by or (tr(ON_TIP) if offered else tr(OFF_TIP)))

    def hold(self, reason: str | None) -> None:
        """Disabled, ``reason`` its tooltip, until ``hold(None)`` (the tick stays for the next map)."""
        self.held_by = reason
        self.follow_method(self.method)

    def components(self, method: str) -> int:
        return 3 if self.isChecked() and method in THREE_D_METHODS else 2


class AxisTripod(ViewOverlay):
    """Where the map's three axes point, drawn in the view box's bottom-right corner."""

    def __init__(self, viewbox: pg.ViewBox):
        super().__init__(viewbox)
        self.names = ("1", "2", "3")
        self.directions, self.depths = axis_directions(Camera())
        viewbox.sigResized.connect(lambda *_a: self.prepareGeometryChange())

    def show_camera(self, camera: Camera) -> None:
        self.directions, self.depths = axis_directions(camera)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self.vb.rect())

    def paint(self, painter, *_args) -> None:
        rect = self.vb.rect()   # the bottom-right corner: the legend is top right, the label note bottom left
        centre = QPointF(rect.right() - TRIPOD_PX - 30, rect.bottom() - TRIPOD_PX - 22)
        font = QFont()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        for axis in np.argsort(self.depths, kind="stable"):      # the far axis first
            dx, dy = self.directions[axis]
            end = QPointF(centre.x() + TRIPOD_PX * dx, centre.y() - TRIPOD_PX * dy)
            colour = QColor(TRIPOD_COLOURS[axis])
            colour.setAlphaF(0.45 + 0.55 * float(nearness(self.depths[axis])))
            painter.setPen(QPen(colour, 2.2))
            painter.drawLine(centre, end)
            painter.setPen(theme.palette_color(QPalette.ColorRole.Text))
            middle = QPointF(centre.x() + (TRIPOD_PX + 12) * dx, centre.y() - (TRIPOD_PX + 12) * dy)
            painter.drawText(QRectF(middle.x() - 30, middle.y() - 8, 60, 16), Qt.AlignmentFlag.AlignCenter,
                             self.names[axis])


class MapRotation(QObject):
    """The 3-D side of ``scatter_map`` (a ScatterMap): ``active`` while it shows a 3-D map."""

    def __init__(self, scatter_map):
        super().__init__(scatter_map)
        self.map = scatter_map
        self.active = False
        self.camera = Camera()
        self.ball = np.zeros((0, 3), np.float32)
        self.depth = np.zeros(0, np.float32)
        self._brush_table: tuple[bytes, list] | None = None   # (palette, brushes[level][category])
        self.tripod = AxisTripod(scatter_map.view_box)
        self.tripod.setVisible(False)
        self.bar = QWidget()
        self.hint = QLabel(tr(HINT))
        self.hint.setWordWrap(True)
        self.reset_button = QPushButton(tr("Reset view"))
        self.reset_button.setToolTip(tr("Back to the first view of the 3-D map (Home)"))
        self.reset_button.clicked.connect(self.reset)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(4, 0, 4, 2)
        row.addWidget(self.hint, 1)
        row.addWidget(self.reset_button)
        self.bar.setVisible(False)
        scatter_map.layout().addWidget(self.bar)
        scatter_map.view_box.turn_drag = self._drag
        scatter_map.plot.installEventFilter(self)
        self.settle_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settle_timer.setObjectName("map turn settles")
        self.settle_timer.timeout.connect(self._settled)

    # -- data -----------------------------------------------------------------------
    def set_data(self, coords) -> np.ndarray:
        """Screen coordinates for the map's ``coords``: (n, 3) starts a 3-D map at the first view,
        (n, 2) (or no points) is a 2-D map, passed through."""
        coords = np.asarray(coords, dtype=np.float32)
        self.active = coords.ndim == 2 and coords.shape[1] == 3 and len(coords) > 0
        item = self.map.plot.getPlotItem()
        item.setAspectLocked(self.active)    # a turn must not stretch the map
        self.tripod.setVisible(self.active)
        self.bar.setVisible(self.active)
        self.map.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.active else Qt.FocusPolicy.NoFocus)
        self.map.layers.points_below = POINTS_BELOW
        self.settle_timer.stop()
        if not self.active:
            self.map.layers.point_style = self.map.layers.weights = None
            self.ball, self.depth = np.zeros((0, 3), np.float32), np.zeros(0, np.float32)
            return coords.reshape(-1, 2)
        self.ball = unit_ball(coords)
        self.camera = Camera()
        self.tripod.show_camera(self.camera)
        self.map.layers.point_style = self._point_style
        screen, self.depth = screen_view(self.ball, self.camera)
        self.map.layers.weights = density_weights(self.depth)
        return screen

    def style_axes(self, axis_name: str) -> None:
        """After the map set its axis titles: a 3-D map hides the axes (and their grid) and
        names the tripod's axes instead."""
        if not self.active:
            return
        item = self.map.plot.getPlotItem()
        item.hideAxis("bottom")
        item.hideAxis("left")
        prefix = "PC" if axis_name == tr(PCA_AXIS) else (axis_name + " " if axis_name else "")
        self.tripod.names = tuple(f"{prefix}{i}" for i in (1, 2, 3))
        self.tripod.update()

    # -- turning --------------------------------------------------------------------
    def set_camera(self, camera: Camera) -> None:
        """Show the 3-D map from ``camera`` (no effect on a 2-D map)."""
        if not self.active:
            return
        self.camera = camera
        screen, self.depth = screen_view(self.ball, camera)
        self.map.layers.weights = density_weights(self.depth)
        self.tripod.show_camera(camera)
        self.map.layers.points_below = TURNING_POINTS_BELOW
        self.map.move_points(screen)
        self.settle_timer.start()

    def _settled(self) -> None:
        """Turning has paused: points one by one again up to the usual number in view."""
        layers = self.map.layers
        if layers.points_below == POINTS_BELOW:
            return
        layers.points_below = POINTS_BELOW
        layers.refresh()
        rect = self.map.view_box.rect()
        layers.update(self.map.view_box.viewRange(), (rect.width(), rect.height()))

    def turn(self, d_yaw: float, d_pitch: float) -> None:
        self.set_camera(self.camera.turned(d_yaw, d_pitch))

    def reset(self) -> None:
        self.set_camera(Camera())

    def _drag(self, ev) -> bool:
        """The view box's drag hook: True when the drag turned the map (right button or Alt+left)."""
        if not self.active:
            return False
        button, alt = ev.button(), bool(ev.modifiers() & Qt.KeyboardModifier.AltModifier)
        if button != Qt.MouseButton.RightButton and not (button == Qt.MouseButton.LeftButton and alt):
            return False
        ev.accept()
        delta = ev.screenPos() - ev.lastScreenPos()
        self.turn(delta.x() * DEGREES_PER_PIXEL, delta.y() * DEGREES_PER_PIXEL)
        return True

    def eventFilter(self, watched, event) -> bool:
        if not self.active or event.type() != QEvent.Type.KeyPress:
            return False
        step = BIG_KEY_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else KEY_STEP
        turns = {Qt.Key.Key_Left: (-step, 0.0), Qt.Key.Key_Right: (step, 0.0),
                 Qt.Key.Key_Up: (0.0, -step), Qt.Key.Key_Down: (0.0, step)}
        if event.key() in turns:
            self.turn(*turns[event.key()])
            return True
        if event.key() == Qt.Key.Key_Home:
            self.reset()
            return True
        return False

    # -- depth cue ------------------------------------------------------------------
    def _point_style(self, rows: np.ndarray, categories: np.ndarray):
        """For the map's points item: ``rows`` far to near, their sizes and brushes (far: smaller, fainter)."""
        order = far_first(self.depth[rows])
        rows, categories = rows[order], categories[order]
        levels = np.minimum((nearness(self.depth[rows]) * DEPTH_LEVELS).astype(np.int64), DEPTH_LEVELS - 1)
        # a few sizes, not one per point: pyqtgraph renders each distinct symbol once into its atlas
        sizes = LEVEL_SIZES[levels]
        table = self._brushes()
        return rows, sizes, [table[level][c] for level, c in zip(levels.tolist(), categories.tolist())]

    def _brushes(self) -> list:
        palette = self.map.layers.palette
        key = palette.tobytes()
        if self._brush_table is None or self._brush_table[0] != key:
            table = []
            for level in range(DEPTH_LEVELS):
                share = FAR_ALPHA + (1.0 - FAR_ALPHA) * (level + 1) / DEPTH_LEVELS
                table.append([pg.mkBrush(int(r), int(g), int(b), int(a * share)) for r, g, b, a in palette])
            self._brush_table = (key, table)
        return self._brush_table[1]
