"""Waiting on the event loop without blocking it (checks, screenshots, tests)."""
from __future__ import annotations

import time

from PySide6.QtCore import QEventLoop, QTimer

WAIT_LIMIT_S = 300


def wait_until(app, condition, limit_s: float = WAIT_LIMIT_S) -> bool:
    """Run the event loop until ``condition()`` holds or the time is up (checks, screenshots)."""
    if condition():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + limit_s
    checker = QTimer(interval=20)
    checker.timeout.connect(lambda: loop.quit() if condition() or time.monotonic() > deadline else None)
    checker.start()
    loop.exec()
    checker.stop()
    return condition()


