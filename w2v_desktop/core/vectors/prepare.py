"""Building a large ``Vectors``' derived caches ahead of the first query, off the GUI thread.

Over GloVe's 400,000 x 50 rows the unit rows take about 0.5 s, the 8-bit copy
0.5 s, the name index 0.3 s and loading the compiled scan 0.4 s: a window that
built them on its first keystroke or query would freeze for as long. The GUI
runs :func:`prepare_search` on its worker right after vectors arrive; a query
that comes first takes the exact float path (``similarity.nearest_rows`` scans
the 8-bit copy only once it exists), so nothing waits for it.
"""
from __future__ import annotations

from typing import Iterator

from w2v_desktop.core.cancel import check_cancel

# Below this many rows every cache builds in a few milliseconds: not worth a worker.
PREPARE_MIN_ROWS = 20_000


def worth_preparing(vectors) -> bool:
    return vectors is not None and len(vectors) >= PREPARE_MIN_ROWS


def prepare_search(vectors, cancel=None) -> Iterator[str]:
    """Generator: builds the unit rows, the name index, the 8-bit copy, and loads the compiled
    scan by answering one query; yields what it did after each step (a cancel point)."""
    from w2v_desktop.core.vectors import similarity

    vectors.unit
    yield "unit rows"
    check_cancel(cancel)
    vectors.name_index
    yield "name index"
    check_cancel(cancel)
    if len(vectors) >= similarity.QUANTIZED_MIN_ROWS and vectors.dim:
        vectors.int8_rows
        yield "8-bit copy"
        check_cancel(cancel)
        similarity.nearest_rows(vectors, vectors.matrix[0], k=1)  # imports and loads the compiled scan
        yield "compiled scan"
