"""Two runs on the map: what the map tab draws over run A's points when the Compare tab sends
a comparison (core ``map_compare``: B aligned onto A, one PCA of both).

Run A's points are the map's own (hover, labels, search, colour, selection and export work as
for any map); this layer adds run B's points as hollow rings in a dark neutral (a light one on a dark
theme: no category colour of a coloured map is grey, so a ring never reads as a category;
hover: the name and how far it moved), arrows from A to B for the K names that moved most (their names
labelled first, by the map's own placement, so they do not overlap), a legend naming both
files, and a bar under the map's view options: how many arrows, and Clear. The selection
panel's heading adds the focus point's moved distance. The panel clears the layer when a
normal map is projected or the vectors change.
"""
from __future__ import annotations

import html
import os

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from w2v_desktop.core.analysis import DEFAULT_ARROWS
from w2v_desktop.gui import theme
from w2v_desktop.gui.widgets.map_arrows_item import MapArrowsItem
from w2v_desktop.gui.widgets.map_density_item import POINT_SIZE, PassiveScatter
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

RING_SHARE = 0.7   # run B's rings: this share of the text colour over the background (the arrows: the text colour)
MAX_ARROWS = 500
TWO_RUNS_TIP = QT_TR_NOOP("Two runs on one map are drawn in 2-D (one PCA of both runs). "
                          "“Clear comparison” gives the 3-D option back.")
LEGEND_ROOM = 0.2   # share of the points' height left free above them when the comparison is shown


def ring_pen():
    return pg.mkPen(theme.text_blend(RING_SHARE), width=1.3)


class MapCompareLayer(QObject):
    """Draws a :class:`~w2v_desktop.core.analysis.MapComparison` over ``map_widget`` (a
    ScatterMap showing run A); ``cleared`` when the comparison is taken off the map."""

    cleared = Signal()

    def __init__(self, map_widget, selection=None, parent=None):
        super().__init__(parent)
        self.map = map_widget
        self.comparison = None
        self.labels = ("", "")
        self.arrows = MapArrowsItem(map_widget.view_box)
        self.points_b = PassiveScatter(size=POINT_SIZE, brush=None, hoverable=True, hoverSize=POINT_SIZE + 4,
                                       tip=self._tip)
        self.points_b.setZValue(-1)   # under run A's points: A keeps the hover and the clicks
        map_widget.plot.getPlotItem().addItem(self.points_b, ignoreBounds=True)
        self.legend = pg.LegendItem(offset=(10, 10))
        self.legend.setParentItem(map_widget.view_box)
        self.legend.setZValue(1e6 + 1)   # above the labels (LabelLayer, 1e6) and the arrows
        self.legend.setVisible(False)
        self.bar = QWidget()
        self.arrows_spin = QSpinBox(minimum=0, maximum=MAX_ARROWS, value=DEFAULT_ARROWS)
        self.arrows_spin.setToolTip(tr("Arrows from run A to run B for this many names, those that moved most"))
        self.clear_button = QPushButton(tr("Clear comparison"))
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Arrows:")))
        row.addWidget(self.arrows_spin)
        row.addWidget(self.clear_button, 1)
        self.bar.setVisible(False)
        self.bar.apply_theme = self.restyle   # theme.retheme calls it on a palette change
        self.arrows_spin.valueChanged.connect(lambda _k: self.redraw())
        self.clear_button.clicked.connect(self.clear)
        map_widget.isolation_changed.connect(self.redraw)   # run B and the arrows follow an isolation
        if selection is not None:
            selection.describe_extra = self.describe

    # -- showing -----------------------------------------------------------------------
    def show(self, comparison, label_a: str, label_b: str, arrows: int | None = None) -> None:
        """Draw ``comparison``: the map already shows its run A points (``projection_a()``)."""
        self.comparison, self.labels = comparison, (label_a, label_b)
        if arrows is not None:
            self.arrows_spin.blockSignals(True)
            self.arrows_spin.setValue(arrows)
            self.arrows_spin.blockSignals(False)
        self.bar.setVisible(True)
        self.redraw()
        self._fit_both()

    @property
    def shown(self) -> bool:
        return self.comparison is not None

    def top(self) -> list[int]:
        """Map indices of the names with arrows, most moved first (of the points shown, when isolated)."""
        if self.comparison is None:
            return []
        return self.comparison.most_moved(self.arrows_spin.value(), among=self.map.keep).tolist()

    def redraw(self) -> None:
        """Run B's points, arrows, their labels, the legend and the colours again (after the map
        redrew run A, or isolated some of its points: run B shows the same names)."""
        if self.comparison is None:
            return
        shown = np.arange(len(self.comparison.names)) if self.map.keep is None else np.flatnonzero(self.map.keep)
        self.points_b.setData(pos=self.comparison.coords_b[shown], data=shown)
        top = self.top()
        self.arrows.set_arrows(self.comparison.coords_a[top], self.comparison.coords_b[top])
        self.points_b.setPen(ring_pen())
        self.map.set_pinned(top)   # labelled first, without overlaps, at the arrows' starts
        self.map.plot.getPlotItem().setTitle(tr("Two runs: PCA of run A and the aligned run B, {n} names").format(
            n=f"{len(self.comparison.names):,}"))
        self._fill_legend(len(top))

    def _fill_legend(self, arrows: int) -> None:
        self.legend.clear()
        coloured = self.map_coloured()
        # coloured by a column, trust or count: run A's swatch has no colour of its own, the words say so
        a_sample = pg.ScatterPlotItem(size=POINT_SIZE + 2, pen=None,
                                      brush=None if coloured else theme.palette_color(QPalette.ColorRole.Highlight, 180))
        b_sample = pg.ScatterPlotItem(size=POINT_SIZE + 2, brush=None, pen=ring_pen())
        arrow_sample = pg.PlotDataItem(pen=pg.mkPen(theme.palette_color(QPalette.ColorRole.Text), width=1.6))
        label_a, label_b = (html.escape(os.path.basename(label) or label) for label in self.labels)
        self.legend.addItem(a_sample, (tr("run A: {name}, coloured as the map") if coloured
                                       else tr("run A: {name}")).format(name=label_a))
        self.legend.addItem(b_sample, tr("run B: {name}, aligned onto A").format(name=label_b))
        if arrows:
            self.legend.addItem(arrow_sample, tr("arrows A → B: the {k} names that moved most").format(k=arrows))
        theme.style_legend(self.legend)
        self.legend.setVisible(True)

    def map_coloured(self) -> bool:
        """Whether run A's points are coloured by something (categories, a mask or a scale)."""
        return self.map.categories is not None or self.map.colorbar is not None

    def restyle(self) -> None:
        """After the map's colouring or the theme changed: the legend and the rings again."""
        if self.comparison is not None:
            self.points_b.setPen(ring_pen())
            self._fill_legend(self.arrows.count)

    def legend_texts(self) -> list[str]:
        return [label.text for _sample, label in self.legend.items]

    def _fit_both(self) -> None:
        both = np.vstack([self.comparison.coords_a, self.comparison.coords_b]).astype(float)
        lo, hi = both.min(axis=0), both.max(axis=0)
        span = np.maximum(hi - lo, 1e-6)
        top = hi[1] + LEGEND_ROOM * span[1]   # room above the points for the legend (top left)
        self.map.view_box.setRange(xRange=(lo[0], lo[0] + span[0]), yRange=(lo[1], top), padding=0.05)

    def clear(self) -> None:
        if self.comparison is None:
            return
        if self.map.names:   # run A stays on the map, where the PCA of both runs put it ("Two runs" no more)
            self.map.plot.getPlotItem().setTitle(tr("Run A: PCA of runs A and B, {n} names").format(
                n=f"{len(self.comparison.names):,}"))
        self.comparison = None
        self.arrows.clear()
        self.points_b.setData([])
        self.legend.clear()
        self.legend.setVisible(False)
        self.bar.setVisible(False)
        self.map.set_pinned([])
        self.cleared.emit()

    # -- words ---------------------------------------------------------------------------
    def describe(self, index: int) -> str:
        """For the selection panel's heading: how far the focus point moved."""
        if self.comparison is None or not 0 <= index < len(self.comparison.moved):
            return ""
        return tr(" · moved {moved:.3f} from run A to run B").format(moved=float(self.comparison.moved[index]))

    def summary(self) -> str:
        c = self.comparison
        if c is None:
            return ""
        return tr("Runs A and B on one map (B aligned onto A, one PCA of both: {share:.0%} of the variance); "
                  "{n:,} names, mean moved {mean:.3f}.").format(share=c.explained, n=len(c.names), mean=float(c.moved.mean()))

    def _tip(self, x, y, data) -> str:   # pyqtgraph passes keywords
        i = int(data)
        if self.comparison is None or not 0 <= i < len(self.comparison.names):
            return ""
        return tr("{name} in run B\nmoved {moved:.3f}").format(name=self.comparison.names[i],
                                                              moved=float(self.comparison.moved[i]))
