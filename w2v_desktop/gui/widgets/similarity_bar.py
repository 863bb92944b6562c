"""A table delegate that paints a score as a horizontal bar behind its text.

The bar length is a fraction in [0, 1] stored under ``BAR_ROLE`` by whoever
fills the table; the delegate only paints it, in the palette's highlight
colour so it follows light and dark themes.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

BAR_ROLE = Qt.UserRole + 17


def bar_fractions(scores, is_distance: bool) -> list[float]:
    """Bar lengths for a column of scores: the best score gets the longest bar.

    Similarities are drawn relative to the largest magnitude (negatives get no
    bar); distances relative to the smallest (the closest gets a full bar).
    """
    scores = [float(s) for s in scores]
    if not scores:
        return []
    if is_distance:
        best, worst = min(scores), max(scores)
        return [1.0 - (s - best) / worst if worst > 0 else 1.0 for s in scores]
    top = max(abs(s) for s in scores) or 1.0
    return [max(0.0, min(1.0, s / top)) for s in scores]


class SimilarityBarDelegate(QStyledItemDelegate):
    """Paints ``index.data(BAR_ROLE)`` as a bar, then the cell text over it."""

    def paint(self, painter, option, index) -> None:
        fraction = index.data(BAR_ROLE)
        if fraction is None:
            return super().paint(painter, option, index)
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text, option.text = option.text, ""
        if style is not None:  # background, selection and focus, without the text
            style.drawControl(QStyle.CE_ItemViewItem, option, painter, option.widget)
        rect = QRectF(option.rect).adjusted(2, 3, -2, -3)
        colour = QColor(option.palette.color(QPalette.Highlight))
        colour.setAlpha(110)
        painter.save()
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), rect.width() * float(fraction), rect.height()), 2, 2)
        selected = bool(option.state & QStyle.State_Selected)
        painter.setPen(option.palette.color(QPalette.HighlightedText if selected else QPalette.Text))
        painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignVCenter | Qt.AlignRight, text)
        painter.restore()
