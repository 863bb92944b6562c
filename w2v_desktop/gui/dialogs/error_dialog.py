"""An error message with the technical details (traceback) one click away."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from w2v_desktop.gui.i18n import tr

_OPEN: list[QMessageBox] = []  # non-modal dialogs stay referenced until closed


def error_box(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr(title))
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    """Open (not exec) the dialog: the event loop, and any running training, go on."""
    box = error_box(parent, title, message, details)
    _OPEN.append(box)
    box.finished.connect(lambda _result: _OPEN.remove(box) if box in _OPEN else None)
    box.open()
    return box


def open_error_dialogs() -> list[QMessageBox]:
    return list(_OPEN)
