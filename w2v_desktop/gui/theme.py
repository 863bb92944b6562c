"""Plot colours taken from the application palette, so light and dark themes both work.

Nothing here hard-codes a colour: plots use the palette's Base (background),
Text (axes, labels), Highlight (main data), Link (second curve) and Mid
(markers, "other"). Every plot in the app is made with ``make_plot`` and
styled here; widgets that draw their own items define ``apply_theme()``, and
``retheme(widget)`` re-applies everything below a widget after the palette
changes (the main window calls it on a palette change).
"""
from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from w2v_desktop.gui.i18n import tr


def palette_color(role: QPalette.ColorRole, alpha: int | None = None) -> QColor:
    colour = QColor(QApplication.palette().color(role))
    if alpha is not None:
        colour.setAlpha(alpha)
    return colour


def configure_pyqtgraph() -> None:
    """Defaults for plots created from now on."""
    pg.setConfigOptions(antialias=True, background=palette_color(QPalette.ColorRole.Base),
                        foreground=palette_color(QPalette.ColorRole.Text))


def curve_pen(role: QPalette.ColorRole = QPalette.ColorRole.Highlight, width: float = 2):
    return pg.mkPen(palette_color(role), width=width)


def text_pen(width: float = 1.0):
    return pg.mkPen(palette_color(QPalette.ColorRole.Text), width=width)


def marker_pen():
    return pg.mkPen(palette_color(QPalette.ColorRole.Mid), width=1, style=pg.QtCore.Qt.PenStyle.DashLine)


def fill_brush(role: QPalette.ColorRole = QPalette.ColorRole.Highlight, alpha: int = 110):
    return pg.mkBrush(palette_color(role, alpha))


GRID_SHARE = 0.15  # how much of the text colour the grid lines get, over the background


def grid_color() -> QColor:
    """The grid's colour: the text colour blended into the background in advance.

    pyqtgraph would draw a translucent grid, blending every grid pixel at each
    repaint: 12-15 ms per plot on a software-painted window, which made a
    window full of plots stall for 60-120 ms when data arrived. Opaque lines
    of the blended colour look the same and paint in under 1 ms."""
    return text_blend(GRID_SHARE)


def text_blend(share: float) -> QColor:
    """An opaque neutral: ``share`` of the text colour over the background (0: the background,
    1: the text), dark on a light theme and light on a dark one."""
    base, text = palette_color(QPalette.ColorRole.Base), palette_color(QPalette.ColorRole.Text)
    return QColor(*[round(b + share * (t - b)) for b, t in zip(base.getRgb()[:3], text.getRgb()[:3])])


def style_plot(plot: pg.PlotWidget) -> None:
    """Background, axes, grid, tick labels, axis labels and title in the palette's colours."""
    plot.setBackground(palette_color(QPalette.ColorRole.Base))
    text = palette_color(QPalette.ColorRole.Text)
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(text)
        axis.setTextPen(text)  # also colours the axis label
        if axis.grid is not False:
            axis.setTickPen(pg.mkPen(grid_color()))
            axis.setStyle(tickAlpha=255, maxTickLevel=0)  # grid on the labelled ticks only
    if item.titleLabel is not None:
        item.titleLabel.setText(item.titleLabel.text, color=text)


def make_plot(title: str = "", x_label: str = "", y_label: str = "", view_box: pg.ViewBox | None = None
              ) -> pg.PlotWidget:
    """A PlotWidget with palette colours, labelled axes and a light grid (and ``view_box``, if given)."""
    plot = pg.PlotWidget(viewBox=view_box)
    item = plot.getPlotItem()
    for name in ("left", "bottom"):
        item.getAxis(name).enableAutoSIPrefix(False)  # "(x0.001)" next to a label confuses more than it helps
    item.showGrid(x=True, y=True)  # opaque: style_plot gives it a faint colour
    item.setMenuEnabled(False)
    set_labels(plot, title, x_label, y_label)
    style_plot(plot)
    return plot


def set_labels(plot: pg.PlotWidget, title: str = "", x_label: str = "", y_label: str = "") -> None:
    item = plot.getPlotItem()
    colour = palette_color(QPalette.ColorRole.Text).name()
    item.setTitle(tr(title) if title else None, color=colour)
    item.setLabel("bottom", tr(x_label) if x_label else None, color=colour)
    item.setLabel("left", tr(y_label) if y_label else None, color=colour)


def set_category_ticks(plot: pg.PlotWidget, axis: str, labels: list[str]) -> None:
    """Label integer positions 0..n-1 of an axis with ``labels``."""
    plot.getPlotItem().getAxis(axis).setTicks([list(enumerate(labels)), []])


def set_log_ticks(plot: pg.PlotWidget, axis: str, smallest: float, largest: float) -> None:
    """Readable labels on a log-mode axis spanning [smallest, largest] (pyqtgraph labels every
    minor tick, and the labels run into each other): 1-2-5 steps over a short span, else decades."""
    low = math.floor(math.log10(max(float(smallest), 1e-12)))
    high = math.ceil(math.log10(max(float(largest), 1e-12)))
    steps = (1, 2, 5) if high - low <= 2 else (1,)
    major = [(k + math.log10(m), tick_label(m, k)) for k in range(low, high + 1) for m in steps]
    minor = [(k + math.log10(m), "") for k in range(low, high) for m in range(2, 10) if m not in steps]
    plot.getPlotItem().getAxis(axis).setTicks([major, minor])


def tick_label(mantissa: int, exponent: int) -> str:
    value = mantissa * 10.0 ** exponent
    if 1e-3 <= value < 1e5:
        return f"{value:,.0f}" if value >= 1 else f"{value:g}"
    return f"{mantissa}e{exponent}"


def style_colorbar(bar: pg.ColorBarItem, label: str | None = None) -> None:
    """Colour bars default to pyqtgraph's grey; use the palette's text colour."""
    text = palette_color(QPalette.ColorRole.Text)
    bar.axis.setPen(pg.mkPen(text))
    bar.axis.setTextPen(pg.mkPen(text))
    if label is not None:
        bar.axis.setLabel(label, color=text.name())


def style_legend(legend: pg.LegendItem) -> None:
    """Palette text on a translucent base; existing labels are redrawn in the new colour
    (pyqtgraph's setLabelTextColor only affects labels added later)."""
    text = palette_color(QPalette.ColorRole.Text)
    legend.setLabelTextColor(text)
    legend.setBrush(fill_brush(QPalette.ColorRole.Base, 200))
    for _sample, label in legend.items:
        label.setText(label.text, color=text)


def retheme(widget: QWidget) -> None:
    """Re-apply palette colours to every plot below ``widget`` (after a palette change)."""
    configure_pyqtgraph()
    for plot in widget.findChildren(pg.PlotWidget):
        style_plot(plot)
    for child in widget.findChildren(QWidget):
        if callable(getattr(child, "apply_theme", None)):
            child.apply_theme()  # curves, markers and overlays of widgets that define it


# -- the window's colour scheme (View > Theme) ----------------------------------------------------
SCHEMES = ("system", "light", "dark")
_system_look: tuple[str, QPalette] | None = None  # the platform's style and palette, before any choice

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e4e4e4",
    QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#272727",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a", QPalette.ColorRole.ToolTipText: "#e4e4e4",
    QPalette.ColorRole.Text: "#e4e4e4", QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e4e4e4", QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#6cb4ff", QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Light: "#4a4a4a",
    QPalette.ColorRole.Midlight: "#3c3c3c", QPalette.ColorRole.Mid: "#646464",
    QPalette.ColorRole.Dark: "#1a1a1a", QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.PlaceholderText: "#8c8c8c",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def apply_scheme(scheme: str) -> None:
    """"system": the platform's own look; "light" / "dark": Qt's Fusion style with a light or dark
    palette (the same on every platform). Plots follow through the palette-change event."""
    global _system_look
    from PySide6.QtWidgets import QStyleFactory

    if scheme not in SCHEMES:
        raise ValueError(f"unknown theme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    app = QApplication.instance()
    if _system_look is None:
        _system_look = (app.style().name(), QPalette(app.palette()))
    if scheme == "system":
        style, palette = _system_look
        app.setStyle(QStyleFactory.create(style) or style)
        app.setPalette(palette)
    else:
        app.setStyle("Fusion")
        app.setPalette(app.style().standardPalette() if scheme == "light" else dark_palette())
    configure_pyqtgraph()
