"""Jobs that read data off the GUI thread (run them with ``AppState.run_in_worker``).

Each is a generator: yields are progress lines for the status bar and cancel
points; the return value is the loaded object. They only orchestrate core
readers; parsing rules live in core.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Iterator

from w2v_desktop.core.text.corpus import CorpusBuilder
from w2v_desktop.core.text.tokenize import TokenizeOptions, iter_token_lines

REPORT_EVERY_S = 0.1


@dataclass(frozen=True)
class LoadProgress:
    message: str
    fraction: float | None = None  # None: unknown


def load_text_corpus(path: str, options: TokenizeOptions | None = None) -> Iterator[LoadProgress]:
    """Tokenise a text file into a Corpus (the same rules as core.corpus.read_corpus)."""
    name = os.path.basename(str(path))
    builder = CorpusBuilder()
    read = [0, 0]  # bytes done, total: updated by the tokeniser as it reads

    def on_progress(done: int, total: int) -> None:
        read[0], read[1] = done, total

    last = time.monotonic()
    for n_lines, tokens in enumerate(iter_token_lines(str(path), options, on_progress=on_progress), start=1):
        builder.add(tokens)
        now = time.monotonic()
        if now - last >= REPORT_EVERY_S:
            last = now
            fraction = read[0] / read[1] if read[1] else None
            yield LoadProgress(f"Reading {name}: {n_lines:,} sentences", fraction)
    yield LoadProgress(f"Counting words of {name}", 1.0)
    return builder.finish(source=str(path))
