"""Saying why something is empty and what to do about it: a whole panel (``EmptyStateStack``),
a table or a plot (``EmptyHint``, ``TableHint``, ``set_plot_hint``)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

NO_VECTORS = (QT_TR_NOOP("<b>No vectors yet.</b><br><br>Train a model (Train tab), or open a vectors file "
                         "(File → Open vectors…), then come back here."))


class EmptyStateStack(QStackedWidget):
    """Shows ``content`` when ready, otherwise a centred explanatory message."""

    def __init__(self, content: QWidget, message: str = NO_VECTORS, parent=None):
        super().__init__(parent)
        self.message_label = QLabel(tr(message))
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
            self.message_label.setText(tr(message))
        self.setCurrentIndex(0)

    def show_content(self) -> None:
        self.setCurrentIndex(1)

    @property
    def is_empty(self) -> bool:
        return self.currentIndex() == 0


class EmptyHint(QObject):
    """A centred line over an empty table or plot saying what to do to fill it.

    ``EmptyHint(table.viewport(), text)``; ``set_text("")`` hides it. It lets mouse
    events through to the widget below and follows its size."""

    def __init__(self, target: QWidget, text: str = ""):
        super().__init__(target)
        self.target = target
        self.label = QLabel(target)
        self.label.setObjectName("emptyHint")
        self.label.setAlignment(Qt.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.RichText)
        self.label.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        target.installEventFilter(self)
        self.set_text(text)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.target and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        self.label.setGeometry(self.target.rect().adjusted(24, 24, -24, -24))

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))
        if text:
            self._place()
            self.label.raise_()

    @property
    def text(self) -> str:
        return "" if self.label.isHidden() else self.label.text()


class TableHint(EmptyHint):
    """An :class:`EmptyHint` over a table that shows itself whenever the table has no rows."""

    def __init__(self, table, text: str):
        super().__init__(table.viewport(), text)
        self.hint = text
        self._model = table.model()
        for signal in (self._model.rowsInserted, self._model.rowsRemoved, self._model.modelReset,
                       self._model.layoutChanged):
            signal.connect(self._refresh)  # a slot of this object: disconnected when it goes
        self._refresh()

    def _refresh(self, *_args) -> None:
        try:
            self.set_text("" if self._model.rowCount() else self.hint)
        except RuntimeError:  # the table is being deleted
            pass


def set_plot_hint(plot, hint: "EmptyHint | None", text: str) -> "EmptyHint":
    """Show ``text`` instead of a plot's axes while it has nothing to draw ("" shows the axes
    again); returns the hint to pass next time. No fake 0-1 axes around nothing."""
    if hint is None:
        hint = EmptyHint(plot, "")
    for axis in ("left", "bottom"):
        plot.getPlotItem().showAxis(axis, not text)
    plot.getPlotItem().titleLabel.setVisible(not text)
    hint.set_text(text)
    return hint
