"""Leave-last-out evaluation of a rating file's events: the one pipeline behind
``evaluate-recs`` and the Recs tab's Evaluate.

The evaluation itself is ``core.analysis.recs.evaluate_recs``; what this adds is where the
DeepWalk and node2vec walks are generated. With a ``SparkEngine`` they are generated on the
cluster's executors (``core.spark.walks``: the training part's item graph is broadcast, the
walks stream back as our corpus), walk for walk the ones the local walker draws with the
same seed, so the table is the one the local path prints; a note under the table says how
many walks Spark generated. The graph is built on the desktop from the training part of the
events, which the evaluation holds there anyway (it ranks every user's held-out item).
"""
from __future__ import annotations

from typing import Any, Callable

from w2v_desktop.core.analysis.recs import EvalOptions, EvalResult, ItemModel, Walker, evaluate_recs, fit_model
from w2v_desktop.core.cancel import run_to_end
from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.items import Interactions, ItemGraph, WalkOptions, walk_corpus
from w2v_desktop.core.jobs.ratings import SparkEngine
from w2v_desktop.core.text import Corpus
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase


def evaluate_ratings(events: Interactions, options: EvalOptions = EvalOptions(), *,
                     spark: SparkEngine | None = None,
                     fit: Callable[[Corpus, TrainConfig], ItemModel] = fit_model,
                     on_step: Callable[[str], None] | None = None,
                     on_progress: Callable[[Any], None] | None = None, cancel: Any = None) -> EvalResult:
    """``evaluate_recs`` of ``events``; with ``spark`` the walks are generated on that cluster.
    ``on_step`` gets a line per step, ``on_progress`` Spark's progress records (stages, tasks)
    while the walks are generated; ``cancel`` (see core.cancel) stops the evaluation at its
    next step, or cancels the Spark job group of the walks under way (raising Cancelled)."""
    notes: list[str] = []
    walk: Walker = walk_corpus if spark is None else spark_walker(spark, on_step, on_progress, cancel, notes)
    result = evaluate_recs(events, options, fit=fit, on_step=on_step, cancel=cancel, walk=walk)
    result.notes += notes
    return result


def spark_walker(engine: SparkEngine, on_step: Callable[[str], None] | None = None,
                 on_progress: Callable[[Any], None] | None = None, cancel: Any = None,
                 notes: list[str] | None = None) -> Walker:
    """A ``walk`` for ``evaluate_recs`` that generates the walks on ``engine``'s cluster (the
    session starts, or is found running, at the first walk). Each call adds a line to
    ``notes``."""
    def walk(graph: ItemGraph, options: WalkOptions) -> Corpus:
        from w2v_desktop.core.spark import spark_session, spark_walk_corpus

        if on_step is not None:
            on_step(Phrase(QT_TR_NOOP("{method}: generating walks on Spark ({master})"), method=options.method,
                           master=engine.master))
        session = spark_session(engine.master, engine.conf, engine.verbose)
        corpus = run_to_end(spark_walk_corpus(session, graph, options, spill_tokens=engine.spill_tokens,
                                              cancel=cancel), on_progress)
        if notes is not None:
            notes.append(Phrase(QT_TR_NOOP("{method}: {walks:,} walks ({steps:,} steps) generated on Spark "
                                           "({master})"), method=options.method, walks=corpus.n_sentences,
                                steps=corpus.n_tokens, master=engine.master))
        return corpus

    return walk
