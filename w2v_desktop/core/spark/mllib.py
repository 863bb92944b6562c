"""MLlib's Word2Vec as a second trainer: it trains on the cluster, where the sequences are,
and its vectors come back as our ``Vectors`` (the same evaluation and export follow).

MLlib trains skip-gram with hierarchical softmax and no subsampling, its learning rate
decaying linearly to ``alpha * 0.0001``. Our options map onto its parameters: dim ->
vectorSize, window -> windowSize, min_count -> minCount, epochs -> maxIter, alpha ->
stepSize, seed -> seed, plus ``partitions`` -> numPartitions and ``max_sentence_length`` ->
maxSentenceLength (longer sequences are cut in pieces). Options it lacks are refused, all
named in one message, rather than silently ignored; ``threads`` and ``chunk_words`` do not
apply (the cluster's cores do the work).
"""
from __future__ import annotations

from typing import Any, Generator

import numpy as np

from w2v_desktop.core.config import ConfigError, TrainConfig
from w2v_desktop.core.spark.session import SparkProgress, run_spark_job
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase
from w2v_desktop.core.vectors import Vectors

MAX_SENTENCE_LENGTH = 1000  # MLlib's default
_DEFAULTS = TrainConfig()


class MllibUnsupported(ConfigError):
    """Options MLlib's Word2Vec does not have; ``names`` lists them."""

    def __init__(self, names: list[str], message: str):
        super().__init__(message)
        self.names = names


def mllib_params(config: TrainConfig, partitions: int = 1,
                 max_sentence_length: int = MAX_SENTENCE_LENGTH) -> dict[str, Any]:
    """MLlib Word2Vec parameters for ``config``; MllibUnsupported names every option it lacks."""
    lacking = []
    if not config.sg:
        lacking.append(("sg", "cbow (MLlib trains skip-gram only)"))
    if not config.hs or config.negative:
        lacking.append(("negative", f"negative sampling (negative={config.negative}"
                                    f"{'' if config.hs else ', hs off'}: MLlib has hierarchical softmax only; "
                                    "set hs and negative 0)"))
    if config.negative and config.ns_exponent != _DEFAULTS.ns_exponent:
        lacking.append(("ns_exponent", f"ns_exponent={config.ns_exponent:g} (no negative sampling)"))
    if config.sample:
        lacking.append(("sample", f"sample={config.sample:g} (MLlib does not subsample: set 0)"))
    if config.min_alpha != _DEFAULTS.min_alpha:
        lacking.append(("min_alpha", f"min_alpha={config.min_alpha:g} (MLlib decays to alpha x 0.0001)"))
    if config.max_vocab is not None:
        lacking.append(("max_vocab", f"max_vocab={config.max_vocab} (MLlib keeps every item over min_count)"))
    if lacking:
        raise MllibUnsupported([name for name, _ in lacking],
                               "MLlib's Word2Vec lacks " + "; ".join(text for _, text in lacking)
                               + ". Change these options or train with the local trainer.")
    for name, value in (("partitions", partitions), ("max_sentence_length", max_sentence_length)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ConfigError(f"{name} must be a positive integer (got {value!r})")
    return dict(vectorSize=config.dim, windowSize=config.window, minCount=config.min_count,
                maxIter=config.epochs, stepSize=config.alpha, seed=config.seed, numPartitions=partitions,
                maxSentenceLength=max_sentence_length)


def train_mllib(session, sentences, config: TrainConfig, partitions: int = 1,
                max_sentence_length: int = MAX_SENTENCE_LENGTH, column: str = "items",
                counts: dict[str, int] | None = None, cancel: Any = None
                ) -> Generator[SparkProgress, None, Vectors]:
    """Train MLlib's Word2Vec on ``sentences``: a SparkSequences (rating sequences), a
    SparkSentences (a tokenised text), or a DataFrame whose ``column`` holds arrays of strings
    (with ``counts``, when known, for the vectors).
    Rows come most frequent first (ties: first appearance), as our trainer orders them."""
    params = mllib_params(config, partitions, max_sentence_length)
    from w2v_desktop.core.spark.sequences import SparkSequences
    from w2v_desktop.core.spark.text import SparkSentences

    if isinstance(sentences, SparkSequences):
        counts = dict(zip(sentences.words, sentences.counts.tolist()))
        sentences, column = sentences.item_sequences(), "items"
    elif isinstance(sentences, SparkSentences):
        counts, sentences, column = sentences.counts, sentences.frame, "sentence"

    def fit():
        from pyspark.ml.feature import Word2Vec

        model = Word2Vec(inputCol=column, outputCol="vector", **params).fit(sentences.select(column))
        return [(row["word"], row["vector"].toArray()) for row in model.getVectors().collect()]

    rows = yield from run_spark_job(session, Phrase(QT_TR_NOOP("Training MLlib Word2Vec")), fit, cancel)
    if not rows:
        raise ConfigError(f"MLlib kept nothing: no word or item is seen min_count={config.min_count} times")
    names = [name for name, _ in rows]
    matrix = np.array([vector for _, vector in rows], dtype=np.float32)
    known = None
    if counts is not None:
        position = {name: i for i, name in enumerate(counts)}
        known = np.array([counts.get(name, 0) for name in names], np.int64)
        order = sorted(range(len(names)), key=lambda i: (-known[i], position.get(names[i], len(position))))
        names, matrix, known = [names[i] for i in order], matrix[order], known[order]
    meta = {"trainer": "spark-mllib", "config": config.to_dict(), "partitions": partitions,
            "max_sentence_length": max_sentence_length}
    return Vectors(names, matrix, known, meta)
