"""Training with MLlib's Word2Vec on the cluster (``train --trainer mllib``): the data stays
there and only the vectors come back, as our ``Vectors``.

Two sources: rating sequences that ``load_rating_data`` built on Spark (``RatingData.spark``)
and text tokenised on the executors by the local tokeniser's rules (``core.spark.text``).
The options are mapped, and those MLlib lacks refused, by ``core.spark.mllib.mllib_params``
(callers may call it first, to refuse before anything is read). Each job releases what it
cached on the cluster however it ends.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generator

from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.jobs.corpus import LoadProgress
from w2v_desktop.core.jobs.ratings import RatingData, SparkEngine
from w2v_desktop.core.text import TokenizeOptions
from w2v_desktop.core.vectors import Vectors


@dataclass(frozen=True)
class MllibText:
    """What ``train_mllib_text`` returns: the vectors and what the text was on the cluster."""

    vectors: Vectors
    n_tokens: int
    n_sentences: int
    n_words: int  # words seen at least min_count times (MLlib's vocabulary)


def train_mllib_text(path: str, options: TokenizeOptions | None, config: TrainConfig, engine: SparkEngine,
                     partitions: int = 1, max_sentence_length: int = 1000, cancel: Any = None
                     ) -> Generator[Any, None, MllibText]:
    """Job: the text at ``path`` (anything the cluster reads) tokenised on the executors and
    MLlib's Word2Vec trained on it there. Yields LoadProgress and SparkProgress records."""
    from w2v_desktop.core.spark import mllib_params, spark_session, spark_text_sentences, train_mllib

    mllib_params(config, partitions, max_sentence_length)  # refused before Spark starts
    yield LoadProgress(f"Starting Spark ({engine.master})", 0.0)
    session = spark_session(engine.master, engine.conf, engine.verbose)
    sentences = yield from spark_text_sentences(session, str(path), options, min_count=config.min_count,
                                                cancel=cancel)
    try:
        yield LoadProgress(f"Tokenised {Path(str(path)).name} on Spark: {sentences.n_tokens:,} tokens in "
                           f"{sentences.n_sentences:,} sentences; training MLlib Word2Vec", None)
        vectors = yield from train_mllib(session, sentences, config, partitions, max_sentence_length,
                                         cancel=cancel)
    finally:
        sentences.release()
    return MllibText(vectors, sentences.n_tokens, sentences.n_sentences, len(sentences.counts))


def train_mllib_ratings(data: RatingData, config: TrainConfig, engine: SparkEngine, partitions: int = 1,
                        max_sentence_length: int = 1000, cancel: Any = None) -> Generator[Any, None, Vectors]:
    """Job: MLlib's Word2Vec on the rating sequences ``load_rating_data`` left on the cluster
    (``data.spark``, released here)."""
    from w2v_desktop.core.spark import spark_session, train_mllib

    try:
        session = spark_session(engine.master, engine.conf, engine.verbose)
        return (yield from train_mllib(session, data.spark, config, partitions, max_sentence_length,
                                       cancel=cancel))
    finally:
        data.spark.release()
