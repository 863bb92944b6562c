"""Opening a vectors file, for the app (``AppState.run_in_worker``) and the command line.

``load_vectors_job`` is a generator like the other loads: each yield is a
``LoadProgress`` (the share of the file's bytes read) and a cancel point; the
return value is the Vectors. Formats read in one step (NumPy, Parquet, Spark,
tables) report only their start.
"""
from __future__ import annotations

import os
from typing import Any, Generator

from w2v_desktop.core.cancel import check_cancel
from w2v_desktop.core.formats import iter_load_vectors
from w2v_desktop.core.jobs.corpus import LoadProgress
from w2v_desktop.core.jobs.progress import format_size
from w2v_desktop.core.vectors import Vectors
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

READING = QT_TR_NOOP("Reading {name}")
READING_SIZE = QT_TR_NOOP("Reading {name}: {done} of {total}")


def load_vectors_job(path: str | os.PathLike, fmt: str | None = None, cancel: Any = None, **options
                     ) -> Generator[LoadProgress, None, Vectors]:
    """``core.formats.load_vectors(path, fmt, **options)`` with progress; ``cancel`` (see
    core.cancel) is checked after each block and raises ``Cancelled``."""
    name = os.path.basename(str(path))
    yield LoadProgress(Phrase(READING, name=name), 0.0)
    reading = iter_load_vectors(path, fmt, **options)
    while True:
        try:
            done, total = next(reading)
        except StopIteration as stop:
            return stop.value
        check_cancel(cancel)
        share = done / total if total else None
        yield LoadProgress(Phrase(READING_SIZE, name=name, done=format_size(done), total=format_size(total)), share)
