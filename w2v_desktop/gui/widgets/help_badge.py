"""A small visible "(?)" beside a term: hover or click shows what the term means.

The explanations of the app's terms live here, once (``GLOSSARY``), so every tab
says the same thing about "hubness" or "Tanimoto"; ``HelpBadge("hubness")``
shows that entry. Tooltips alone are invisible until found: the badge says
"there is an explanation here".
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QToolButton, QToolTip, QWidget
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

GLOSSARY: dict[str, str] = {
    "3CosAdd": QT_TR_NOOP("<b>3CosAdd</b>: the answer to “a is to b as c is to ?” is the name nearest to b "
                          "− a + c (cosine), leaving out a, b and c."),
    "3CosMul": QT_TR_NOOP("<b>3CosMul</b> (Levy &amp; Goldberg): like 3CosAdd, but multiplies the "
                          "similarities instead of adding them, so one very close term cannot outweigh the "
                          "others."),
    "hubness": QT_TR_NOOP("<b>Hubness</b>: in many dimensions a few names turn up in almost everyone's "
                          "nearest neighbours. The plot counts, for each name, how many other names' top-k "
                          "it is in; a long tail to the right means hubs crowd the neighbour lists."),
    "trust": QT_TR_NOOP("<b>Trust</b> of a map point: the share of its 10 nearest neighbours in the full "
                        "space that are also among its 10 nearest on the map (1: the map keeps its "
                        "neighbourhood)."),
    "in·out": QT_TR_NOOP("<b>in·out</b>: scores an item by its input vector against the other items' "
                         "output vectors, the way word2vec itself predicts a context (“what comes next”), "
                         "rather than input against input."),
    "tanimoto": QT_TR_NOOP("<b>Tanimoto</b> (extended Jaccard): x·y / (|x|² + |y|² − x·y). 1 for equal "
                           "vectors; unlike cosine it also drops when the lengths differ."),
    "metric": QT_TR_NOOP("<b>Similarity</b> ranks larger-is-nearer (cosine: direction only; dot: also "
                         "length; Pearson; Tanimoto). <b>Distance</b> ranks smaller-is-nearer (Euclidean, "
                         "Manhattan)."),
    "overlap@k": QT_TR_NOOP("<b>overlap@k</b>: the share of names two top-k lists have in common (1: the same names)."),
    "kendall": QT_TR_NOOP("<b>Kendall τ</b>: how alike two rankings' orders are, from −1 (reversed) to 1 (the same)."),
    "norm": QT_TR_NOOP("<b>Norm</b>: a vector's length. word2vec gives frequent words in many contexts "
                       "shorter vectors and rare or single-sense words longer ones; cosine ignores it, "
                       "dot product does not."),
    "min_count": QT_TR_NOOP("<b>min_count</b>: names seen fewer times than this get no vector."),
}


class HelpBadge(QToolButton):
    """A round "?" that shows the glossary entry ``term`` (or ``text``) on hover and on click."""

    def __init__(self, term: str = "", text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.help_text = tr(text or GLOSSARY[term])
        self.setText("?")
        self.setObjectName("helpBadge")
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.setToolTip(self.help_text)
        self.setAccessibleName(tr("Help"))
        self.setAccessibleDescription(self.help_text)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._size = self.fontMetrics().height() + 4
        self.setFixedSize(self._size, self._size)
        self.apply_theme()
        self.clicked.connect(self.show_help)

    def apply_theme(self) -> None:
        """Colours from the current palette (called again when the theme changes)."""
        palette = QApplication.palette()
        text = palette.color(QPalette.ColorRole.WindowText).name()
        mid = palette.color(QPalette.ColorRole.Mid).name()
        self.setStyleSheet(f"QToolButton#helpBadge {{ border: 1px solid {mid}; border-radius: {self._size // 2}px;"
                           f" color: {text}; font-weight: bold; padding: 0; }}")

    def show_help(self) -> None:
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.help_text, self)


def with_help(widget: QWidget, term: str = "", text: str = "") -> QWidget:
    """``widget`` followed by a help badge, as one widget for a layout."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(3)
    row.addWidget(widget)
    row.addWidget(HelpBadge(term, text))
    return box


def label_with_help(text: str, term: str) -> QWidget:
    return with_help(QLabel(text), term)
