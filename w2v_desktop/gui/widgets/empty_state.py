"""A page that says why a panel is empty and what to do about it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

NO_VECTORS = ("<b>No vectors yet.</b><br><br>Train a model (Train tab), or open a vectors file "
              "(File \N{RIGHTWARDS ARROW} Open vectors\N{HORIZONTAL ELLIPSIS}), then come back here.")


class EmptyStateStack(QStackedWidget):
    """Shows ``content`` when ready, otherwise a centred explanatory message."""

    def __init__(self, content: QWidget, message: str = NO_VECTORS, parent=None):
        super().__init__(parent)
        self.message_label = QLabel(message)
        self.message_label.setAlignment(Qt.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("emptyStateMessage")
        font = self.message_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message_label.setFont(font)
        self.message_label.setTextFormat(Qt.RichText)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.message_label)
        self.addWidget(page)
        self.content = content
        self.addWidget(content)

    def show_empty(self, message: str | None = None) -> None:
        if message is not None:
            self.message_label.setText(message)
        self.setCurrentIndex(0)

    def show_content(self) -> None:
        self.setCurrentIndex(1)

    @property
    def is_empty(self) -> bool:
        return self.currentIndex() == 0
