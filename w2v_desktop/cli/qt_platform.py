"""Before the window opens on Linux: the system libraries Qt's platform plugin needs.

Qt's xcb plugin (X11) needs about fifteen small X libraries that desktop
distributions ship but minimal and server images often lack. When one is
missing, Qt aborts the process with "Could not load the Qt platform plugin
'xcb' ... no Qt platform plugin could be initialized", which names neither
the library nor the package; Python cannot catch that abort. So the CLI looks
for the libraries first (by loading them, as the plugin would) and prints the
apt line that installs what is missing. Nothing here imports Qt: it runs before
PySide6 is imported, and also explains an ImportError of PySide6 itself
(QtGui needs libEGL, libGL, fontconfig and libxkbcommon).
"""
from __future__ import annotations

import ctypes
import os
import re
import sys

# soname -> Debian/Ubuntu package. The libraries PySide6 6.x's libqxcb.so and
# libQt6XcbQpa.so.6 link against (ldd), outside the Qt folder.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
# Libraries whose absence makes `import PySide6.QtGui` itself fail.
QTGUI_LIBRARIES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages(libraries: dict[str, str], loadable=None) -> list[str]:
    """The packages (sorted, without repeats) of the libraries that cannot be loaded."""
    loadable = loadable or _loadable
    return sorted({package for soname, package in libraries.items() if not loadable(soname)})


def apt_line(packages: list[str]) -> str:
    return "sudo apt install " + " ".join(packages)


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will try its X11 (xcb) plugin: Linux, and either asked for or the only display."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def xcb_problem(environ=os.environ, platform: str = sys.platform, loadable=None) -> str | None:
    """A message naming the missing packages, or None when the window can open (as far as we can tell)."""
    if not uses_xcb(environ, platform):
        return None
    missing = missing_packages(XCB_LIBRARIES, loadable)
    if not missing:
        return None
    return ("cannot open the window: Qt's X11 platform plugin (xcb) needs system libraries that are "
            f"not installed ({', '.join(missing)}). On Debian or Ubuntu: {apt_line(missing)}  "
            "(on Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms). "
            "Commands (w2v-desktop train, neighbors, ...) work without them, and so do "
            "--self-test and --screenshot, which draw offscreen.")


def explain_import_error(exc: ImportError, loadable=None) -> str:
    """The line for a failed `import PySide6...`: the missing library's package when we know it."""
    text = str(exc)
    match = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*)", text)
    packages = []
    if match and match.group(1) in QTGUI_LIBRARIES:
        packages = [QTGUI_LIBRARIES[match.group(1)]]
    elif sys.platform.startswith("linux"):
        packages = missing_packages(QTGUI_LIBRARIES, loadable)
    hint = f" On Debian or Ubuntu: {apt_line(packages)}" if packages else ""
    return f"cannot start the app: {text}.{hint}"
