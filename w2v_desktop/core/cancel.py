"""Stopping long core work from another thread.

Long functions (hubness, benchmark evaluation, projection) take an optional
``cancel``: a :class:`CancelToken` (the trainer's too) or any object with a ``cancelled``
attribute, or a callable returning True once the work should stop. They look
at it between batches and raise :class:`Cancelled`, so a caller never
mistakes a stopped computation for a finished one. No Qt here: the GUI sets
the token from its thread, the work checks it on the worker thread.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Generator, TypeVar

T = TypeVar("T")


class CancelToken:
    """Set from any thread; the work that holds it stops at its next check
    (training: the next chunk boundary)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class Cancelled(Exception):
    """The caller asked the work to stop; it stopped without a result."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


def is_cancelled(cancel: Any) -> bool:
    """True once ``cancel`` (None, an object with ``.cancelled``, or a callable) says stop."""
    if cancel is None:
        return False
    flag = getattr(cancel, "cancelled", None)   # read once: it may be a property with effects
    if flag is None:
        return bool(cancel())
    return bool(flag() if callable(flag) else flag)


def check_cancel(cancel: Any) -> None:
    """Raise :class:`Cancelled` if the work should stop now."""
    if is_cancelled(cancel):
        raise Cancelled()


def run_to_end(job: Generator[Any, Any, T], on_record: Callable[[Any], object] | None = None) -> T:
    """Run a job generator (each yield a progress record and a cancel point) to its end and
    return what it returns; ``on_record`` sees each record (a CLI prints them, tests collect them).
    The GUI's worker runs the same generators, turning the records into signals."""
    while True:
        try:
            record = next(job)
        except StopIteration as stop:
            return stop.value
        if on_record is not None:
            on_record(record)
