"""Text corpora tokenised on Spark's executors, brought back as our Corpus.

The rules are the local reader's: each line goes through ``core.text.tokenize.line_tokenizer``
(lower-casing, jieba segmentation, words, phrases, stop words, length) inside
``mapPartitions``, and ``collect_name_corpus`` numbers the tokens as ``CorpusBuilder`` does,
so training on the result is training on what ``load_text_corpus`` reads. Partitions are
plain Python functions (``mapPartitions``, not pandas UDFs), so executors need no pandas or
pyarrow, but each executor's Python needs this package, numpy and, for Chinese, jieba
(segmentation imports it there; its dictionary loads once per Python worker). A
``stop_words_file`` or ``user_dict`` must be readable at the same path on every executor.

Where the text comes from:

- a local file or folder: sniffed on the driver as locally (``plan_text``: encoding, Chinese
  or not, segmentation, stop-word list), then handed to Spark as the list of its files in
  the local reader's order (a folder's files recursively, sorted, empty ones skipped).
- any other path Spark reads (``hdfs://``, ``s3a://``): the "auto" options are resolved
  from its first ``SAMPLE_LINES`` lines.

Spark decodes text lines as UTF-8 on the JVM, so only UTF-8 text (with or without BOM; the
BOM is dropped) is read here; a local file sniffed as GB18030 or UTF-16, or an explicit
other encoding, is refused with the advice to convert it (``iconv -t utf-8``) or read it
locally. Hadoop decompresses by file suffix (.gz, .bz2), not by magic bytes as the local
reader does, so a compressed local file without its suffix, or an xz file, is refused.
The "stream" layout (the whole text as one stream) is sequential by nature and refused;
"auto" cuts lines over ``LONG_LINE_CHARS`` into sentences of ``stream_chunk`` tokens, as the
local reader does up to where its 1 MiB blocks happen to fall.
"""
from __future__ import annotations

import codecs
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from w2v_desktop.core.spark.collect import Job, collect_name_corpus, first_positions, merge_counts, order_vocabulary
from w2v_desktop.core.spark.session import run_spark_job
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase
from w2v_desktop.core.text import (CorpusError, PhraseModel, TextPlan, TokenizeOptions, line_tokenizer,
                                   no_words_error, phrase_learning, phrases_from_counts, plan_from_sample,
                                   plan_text)
from w2v_desktop.core.text.corpus import SPILL_TOKENS
from w2v_desktop.core.text.tokenize import LONG_LINE_CHARS

SAMPLE_LINES = 1000
TOKENISING = QT_TR_NOOP("Tokenising {name}")
_SUFFIX_OF_MAGIC = ((b"\x1f\x8b", (".gz",)), (b"BZh", (".bz2",)), (b"\xfd7zXZ\x00", ()))
_HADOOP_PATTERN = set(",*?[]{}")


def tokenise_lines(lines: Iterable[str], options: TokenizeOptions, plan: TextPlan,
                   phrases: PhraseModel | None = None) -> Iterator[list[str]]:
    """Non-empty token lists of one partition's lines (what runs on an executor)."""
    tokens_of = line_tokenizer(options, plan, phrases)
    chunk = options.stream_chunk if options.layout == "auto" else 0
    for line in lines:
        if line.startswith("\ufeff"):
            line = line[1:]
        tokens = tokens_of(line)
        if not tokens:
            continue
        if chunk and len(line) > LONG_LINE_CHARS:
            yield from (tokens[i:i + chunk] for i in range(0, len(tokens), chunk))
        else:
            yield tokens


def count_words_and_pairs(sentences: Iterable[list[str]]) -> Iterator[tuple[Any, int]]:
    """(word, count) and ((first, second), count) of one partition, counted in it first."""
    counts: Counter = Counter()
    for tokens in sentences:
        counts.update(tokens)
        counts.update(zip(tokens, tokens[1:]))
    return iter(counts.items())


def phrases_from_spark_counts(counted: list[tuple[Any, int]], options: TokenizeOptions) -> PhraseModel:
    """The PhraseModel ``learn_phrases`` would learn, from words and pairs counted on Spark."""
    words = sorted(key for key, _ in counted if isinstance(key, str))
    index = {word: i for i, word in enumerate(words)}
    word_counts = np.zeros(len(words), np.int64)
    pairs = []
    for key, count in counted:
        if isinstance(key, str):
            word_counts[index[key]] = count
        else:
            pairs.append((index[key[0]], index[key[1]], count))
    pair_array = np.array(pairs, dtype=np.int64).reshape(-1, 3)
    return phrases_from_counts(words, word_counts, pair_array[:, 0], pair_array[:, 1], pair_array[:, 2],
                               options.phrase_min_count, options.phrase_threshold,
                               scoring=options.phrase_scoring)


def _local_path(path: str) -> Path | None:
    if path.startswith("file://"):
        return Path(path[len("file://"):])
    return None if "://" in path else Path(path)


def _check_local_file(path: str) -> None:
    if _HADOOP_PATTERN & set(path):
        raise CorpusError(f"{path}: Spark reads this name as a pattern ({''.join(sorted(_HADOOP_PATTERN))}); "
                          "rename the file or read it locally")
    with open(path, "rb") as f:
        magic = f.read(6)
    for prefix, suffixes in _SUFFIX_OF_MAGIC:
        if magic.startswith(prefix) and not path.endswith(suffixes or ("\0",)):
            raise CorpusError(f"{path}: compressed, but Spark decompresses only .gz and .bz2 files "
                              "named so; decompress it or read it locally")


def _refuse_encoding(where: str, encoding: str) -> None:
    try:
        name = "utf-8" if encoding == "auto" else codecs.lookup(encoding).name
    except LookupError:
        raise CorpusError(f"unknown text encoding {encoding!r}") from None
    if name not in ("utf-8", "utf-8-sig"):
        raise CorpusError(f"{where}: {encoding} text; Spark reads UTF-8 only: convert it "
                          "(iconv -f <encoding> -t utf-8) or read it locally")


def _plan(session, path: str, options: TokenizeOptions, cancel: Any):
    """(plan, the path string handed to Spark) with every "auto" resolved."""
    _refuse_encoding(path, options.encoding)
    local = _local_path(path)
    if local is not None:
        plan = plan_text(local, options)
        files = [Path(f.path).resolve().as_posix() for f in plan.files]
        for text_file, resolved in zip(plan.files, files):
            _refuse_encoding(text_file.path, text_file.encoding)
            _check_local_file(resolved)
        return plan, ",".join(files)
    sample = yield from run_spark_job(
        session, Phrase(QT_TR_NOOP("Sampling {path}"), path=path), lambda: session.sparkContext.textFile(path).take(SAMPLE_LINES), cancel)
    if not sample:
        raise CorpusError(f"{path}: no text found")
    return plan_from_sample("\n".join(sample).lstrip("\ufeff"), options), path


def spark_tokenised(session, path: str, options: TokenizeOptions | None = None, *,
                    min_partitions: int | None = None, cancel: Any = None) -> Job:
    """Job: (an RDD of the non-empty token lists of the text at ``path``, tokenised on the
    executors when an action reads it; the resolved TextPlan). With ``options.phrases`` a
    first Spark pass counts words and pairs for the phrase model, which is broadcast with the
    tokeniser. Raises CorpusError for what Spark cannot read as the local reader does."""
    options = options or TokenizeOptions()
    path = str(path)
    if options.layout == "stream":
        raise CorpusError(f"{path}: the stream layout reads the whole text in order, which Spark "
                          "does not; use the lines or auto layout, or read it locally")
    plan, spark_path = yield from _plan(session, path, options, cancel)
    lines = session.sparkContext.textFile(spark_path, min_partitions)
    phrases = None
    if options.phrases:
        learning, learning_plan = phrase_learning(options, replace(plan, files=()))
        counted = yield from run_spark_job(
            session, Phrase(QT_TR_NOOP("Learning phrases of {name}"), name=Path(path).name),
            lambda: lines.mapPartitions(lambda part: count_words_and_pairs(
                tokenise_lines(part, learning, learning_plan))).reduceByKey(lambda a, b: a + b).collect(),
            cancel)
        phrases = phrases_from_spark_counts(counted, options)
    plan = replace(plan, files=())  # what executors need of it: its resolved options
    return lines.mapPartitions(lambda part: tokenise_lines(part, options, plan, phrases)), plan


def spark_text_corpus(session, path: str, options: TokenizeOptions | None = None, *,
                      min_partitions: int | None = None, spill_tokens: int = SPILL_TOKENS,
                      spill_dir: str | None = None, cancel: Any = None) -> Job:
    """Job: the Corpus of the text at ``path`` (one sentence a line), tokenised on the
    executors; equal to ``load_text_corpus(path, options)`` for the text this module reads
    (see the module's notes). Raises CorpusError."""
    options = options or TokenizeOptions()
    path = str(path)
    tokenised, plan = yield from spark_tokenised(session, path, options, min_partitions=min_partitions,
                                                 cancel=cancel)
    corpus = yield from collect_name_corpus(session, tokenised, path, spill_tokens=spill_tokens,
                                            spill_dir=spill_dir, cancel=cancel,
                                            description=Phrase(TOKENISING, name=Path(path).name))
    if corpus.n_tokens == 0:
        raise no_words_error(path, options, plan)
    return corpus


@dataclass
class SparkSentences:
    """A text tokenised on the cluster and left there, for MLlib's Word2Vec: ``frame`` has one
    row per sentence (column ``sentence``, array<string>; persisted, memory then disk);
    ``counts``: the words seen at least ``min_count`` times, in order of first appearance, with
    their counts (what the driver holds of the vocabulary, as MLlib's driver does)."""

    frame: Any
    counts: dict[str, int]
    n_tokens: int
    n_sentences: int
    source: str

    def release(self) -> None:
        self.frame.unpersist()


def spark_text_sentences(session, path: str, options: TokenizeOptions | None = None, *, min_count: int = 1,
                         min_partitions: int | None = None, cancel: Any = None) -> Job:
    """Job: the text at ``path`` tokenised on the executors (the rules of ``spark_text_corpus``)
    as a SparkSentences that stays on the cluster; one pass counts the words (and their first
    positions, for the local trainer's row order), one the tokens and sentences. The caller
    releases it. Raises CorpusError when no word is left."""
    from pyspark import StorageLevel

    options = options or TokenizeOptions()
    path = str(path)
    name = Path(path).name
    tokenised, plan = yield from spark_tokenised(session, path, options, min_partitions=min_partitions,
                                                 cancel=cancel)
    frame = session.createDataFrame(tokenised.map(lambda tokens: (tokens,)), "sentence array<string>")
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        def count_words():
            sentences = frame.rdd.map(lambda row: row[0])
            return (sentences.mapPartitionsWithIndex(first_positions).reduceByKey(merge_counts)
                    .filter(lambda entry: entry[1][0] >= min_count).collect())

        entries = yield from run_spark_job(session, Phrase(QT_TR_NOOP("Tokenising {name}: counting words"), name=name),
                                           count_words, cancel)
        totals = yield from run_spark_job(
            session, Phrase(QT_TR_NOOP("Tokenising {name}: counting sentences"), name=name),
            lambda: frame.selectExpr("count(1) AS n", "coalesce(sum(size(sentence)), 0) AS tokens").first(), cancel)
        if totals["tokens"] == 0:
            raise no_words_error(path, options, plan)
    except BaseException:  # cancelled, failed or empty: nothing stays cached on the cluster
        frame.unpersist()
        raise
    words, counts = order_vocabulary(entries)
    return SparkSentences(frame, dict(zip(words, counts.tolist())), int(totals["tokens"]), int(totals["n"]), path)
