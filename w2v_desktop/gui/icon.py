"""The app's icon, from the package data (``resources/icons/``)."""
from __future__ import annotations

from PySide6.QtGui import QIcon

from w2v_desktop.core.bundled import bundled_path


def app_icon():
    """The bundled icon (SVG, with a 256 px PNG for installs without Qt's SVG plugin)."""
    icon = QIcon()
    for name in ("w2v-desktop.svg", "w2v-desktop-256.png"):
        path = bundled_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon
