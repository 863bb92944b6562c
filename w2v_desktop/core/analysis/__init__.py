"""Judging and seeing vectors: analogy and word-pair evaluation (``intrinsic``), recommendation
evaluation with named ranking metrics, alignment of two runs, and 2-D maps (``projection``).

Other wings, the CLI and the GUI import these names from here; ``align.align`` is used through
its module, whose name it shares."""
from w2v_desktop.core.analysis.align import AlignError, iter_align
from w2v_desktop.core.analysis.intrinsic import evaluate_analogies
from w2v_desktop.core.analysis.ranking import hit_rate, mrr, ndcg
from w2v_desktop.core.analysis.recs import (EvalOptions, ItemModel, evaluate_recs, fit_model,
                                            genre_coherence, leave_last_out)

__all__ = [
    "AlignError",
    "EvalOptions",
    "ItemModel",
    "evaluate_analogies",
    "evaluate_recs",
    "fit_model",
    "genre_coherence",
    "hit_rate",
    "iter_align",
    "leave_last_out",
    "mrr",
    "ndcg",
]
