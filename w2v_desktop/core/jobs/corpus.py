"""The one text-corpus reader, for the app (``AppState.run_in_worker``) and the command line.

``load_text_corpus`` is a generator: yields are progress lines (for a status
bar or a terminal) and cancel points; the return value is the Corpus.
``read_corpus`` drains it for callers that want neither. They only
orchestrate core readers; parsing rules live in core.text.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any, Iterator

from w2v_desktop.core.cancel import check_cancel, run_to_end
from w2v_desktop.core.text import Corpus, CorpusBuilder
from w2v_desktop.core.text import TokenizeOptions, iter_token_lines
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

REPORT_EVERY_S = 0.1


@dataclass(frozen=True)
class LoadProgress:
    message: str
    fraction: float | None = None  # None: unknown


def load_text_corpus(path: str, options: TokenizeOptions | None = None,
                     cancel: Any = None, spark_master: str | None = None,
                     spark_log: bool = False) -> Iterator[LoadProgress]:
    """Tokenise a text file (see core.text.tokenize for what is accepted) into a Corpus.

    ``cancel`` (see core.cancel) is looked at with each progress report, about
    ten times a second: reading then raises ``Cancelled``. A caller that stops
    iterating (the GUI worker closes the generator) stops it as well.
    ``spark_master``: tokenise on that Spark cluster's executors by the same rules
    (``core.spark.text``; any path the cluster reads) and stream the ids back; ``spark_log``:
    let Spark's warnings through to the terminal.
    """
    if spark_master:
        from w2v_desktop.core.spark import spark_session, spark_text_corpus

        session = spark_session(spark_master, verbose=spark_log)
        return (yield from spark_text_corpus(session, str(path), options, cancel=cancel))
    name = os.path.basename(str(path))
    builder = CorpusBuilder()
    read = [0, 0]  # bytes done, total: updated by the tokeniser as it reads

    def on_progress(done: int, total: int) -> None:
        read[0], read[1] = done, total

    last = time.monotonic()
    try:
        for n_lines, tokens in enumerate(iter_token_lines(str(path), options, on_progress=on_progress), start=1):
            builder.add(tokens)
            now = time.monotonic()
            if now - last >= REPORT_EVERY_S:
                last = now
                check_cancel(cancel)
                fraction = read[0] / read[1] if read[1] else None
                yield LoadProgress(Phrase(QT_TR_NOOP("Reading {name}: {n:,} sentences"), name=name, n=n_lines), fraction)
        check_cancel(cancel)
        yield LoadProgress(Phrase(QT_TR_NOOP("Counting words of {name}"), name=name), 1.0)
    except BaseException:  # cancelled, closed by the GUI worker, or bad input: no spill file left
        builder.discard()
        raise
    return builder.finish(source=str(path))


def read_corpus(path: str, options: TokenizeOptions | None = None, cancel: Any = None) -> Corpus:
    """``load_text_corpus`` without the progress reports (scripts, tests, benchmarks)."""
    return run_to_end(load_text_corpus(path, options, cancel))
