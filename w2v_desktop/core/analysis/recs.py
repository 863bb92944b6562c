"""Temporal leave-last-out evaluation of item embeddings for recommendation.

Each user's last kept event (by time; file order breaks ties) is held out;
models train on everything before it. For every user with a held-out item:

- next-item: rank the catalogue by cosine to the user's last training item;
- user-vector: rank it by the user's vector (cosine and dot product);
- baselines: most popular (training counts) and random.

Items the user already has are never recommended. The rank of the held-out
item among the candidates gives HitRate@K, NDCG@K and MRR (see
core.analysis.ranking; a held-out item without a vector is a miss); coverage
is the share of the training catalogue that appears in at least one top-K list.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass, field, replace
from typing import Callable

import numpy as np

from w2v_desktop.core.analysis.ranking import hit_rate, mrr, ndcg
from w2v_desktop.core.cancel import check_cancel
from w2v_desktop.core.config import ITEM_DEFAULTS, TrainConfig
from w2v_desktop.core.text import Corpus
from w2v_desktop.core.items import Interactions, ItemTable
from w2v_desktop.core.items import collapse_warning, file_order_warning, histories, user_vectors
from w2v_desktop.core.items import SequenceOptions, keep_ratings, make_sequences, sort_events
from w2v_desktop.core.vectors import Vectors
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase
from w2v_desktop.core.items import ItemGraph, WalkOptions, walk_corpus

METHODS = ("item2vec", "deepwalk", "node2vec")
# The words of the table's method, task and scoring columns, marked for translation: they stay the
# table's keys (and the CLI's words); the GUI shows each through tr().
ROW_WORDS = (QT_TR_NOOP("most-popular"), QT_TR_NOOP("random"), QT_TR_NOOP("baseline"), QT_TR_NOOP("next item"),
             QT_TR_NOOP("user vector"), QT_TR_NOOP("count"), QT_TR_NOOP("cosine"), QT_TR_NOOP("dot"))
BLOCK_CELLS = 4_000_000


@dataclass
class ItemModel:
    vectors: Vectors  # input vectors (W1): what neighbour search and exports use
    output: Vectors | None = None  # output vectors (W2) of negative sampling, when available


def fit_model(corpus: Corpus, config: TrainConfig, cancel=None) -> ItemModel:
    """The one place evaluation calls the trainer (swap it to plug in another model).
    ``cancel`` stops the training at its next chunk (raising ``Cancelled``)."""
    from w2v_desktop.core.train import Trainer

    trainer = Trainer(corpus, config).train(cancel)
    check_cancel(cancel)
    return ItemModel(trainer.vectors(), trainer.output_vectors())


@dataclass(frozen=True)
class EvalOptions:
    k: int = 10
    sequences: SequenceOptions = field(default_factory=SequenceOptions)
    train: TrainConfig = field(default_factory=lambda: TrainConfig(**ITEM_DEFAULTS))
    methods: tuple[str, ...] = ("item2vec", "deepwalk")
    walks: WalkOptions = field(default_factory=WalkOptions)
    user_vector: str = "mean"
    half_life: float | None = None
    max_users: int | None = None  # evaluate a seeded sample of users (large data sets)
    seed: int = 0


@dataclass
class Split:
    train: Interactions  # kept events minus the held-out ones, sorted by (user, time)
    users: np.ndarray  # user codes with a held-out event
    targets: np.ndarray  # held-out item code per user
    last_items: np.ndarray  # the user's last training item code


@dataclass
class MetricRow:
    method: str
    task: str  # "next item", "user vector" or "baseline"
    scoring: str
    hit_rate: float
    ndcg: float
    mrr: float
    coverage: float
    users: int
    no_vector: int  # held-out items (or queries) without a vector: counted as misses


@dataclass
class EvalResult:
    k: int
    rows: list[MetricRow]
    n_users: int
    n_train_events: int
    catalogue: int  # items in the training data
    notes: list[str] = field(default_factory=list)
    vectors: dict[str, Vectors] = field(default_factory=dict)

    def table(self) -> str:
        k = self.k
        head = (f"{'method':<13}{'task':<13}{'score':<8}{f'HR@{k}':>8}{f'NDCG@{k}':>9}{'MRR':>8}"
                f"{'coverage':>10}{'users':>8}{'missed':>8}")
        lines = [head, "-" * len(head)]
        for r in self.rows:
            lines.append(f"{r.method:<13}{r.task:<13}{r.scoring:<8}{r.hit_rate:>8.4f}{r.ndcg:>9.4f}"
                         f"{r.mrr:>8.4f}{r.coverage:>10.3f}{r.users:>8}{r.no_vector:>8}")
        lines.append(f"{self.n_users:,} users, last kept event held out; {self.n_train_events:,} training "
                     f"events over {self.catalogue:,} items. 'missed': no vector for the held-out item or query.")
        return "\n".join(lines + self.notes)

    def ranking_order(self, rankings: dict[str, tuple[str, str]], method: str = "item2vec") -> list[str]:
        """The keys of ``rankings`` (name -> (task, scoring), e.g. ``recommend.RANKINGS``), best
        evaluated first: by HitRate of ``method``'s rows (else of the best method for each);
        rankings the evaluation did not measure come last, in their given order."""
        def hit(task_scoring) -> float:
            rows = [r for r in self.rows if (r.task, r.scoring) == task_scoring]
            mine = [r.hit_rate for r in rows if r.method == method]
            return max(mine or [r.hit_rate for r in rows] or [-1.0])

        return sorted(rankings, key=lambda name: -hit(rankings[name]))

    def row(self, method: str, task: str, scoring: str | None = None) -> MetricRow:
        return next(r for r in self.rows if r.method == method and r.task == task
                    and (scoring is None or r.scoring == scoring))


def leave_last_out(events: Interactions, min_rating: float | None) -> Split:
    kept = sort_events(keep_ratings(events, min_rating))
    users = kept.users
    last = np.flatnonzero(np.r_[users[1:] != users[:-1], True]) if len(users) else np.zeros(0, np.int64)
    first = np.r_[0, last[:-1] + 1] if len(last) else last
    has_history = last > first  # at least one event left to train on
    last = last[has_history]
    held = np.zeros(len(users), dtype=bool)
    held[last] = True
    return Split(kept.select(~held), users[last], kept.items[last], kept.items[last - 1])


Walker = Callable[[ItemGraph, WalkOptions], Corpus]


def evaluate_recs(events: Interactions, options: EvalOptions = EvalOptions(),
                  fit: Callable[[Corpus, TrainConfig], ItemModel] = fit_model,
                  on_step: Callable[[str], None] | None = None, cancel=None,
                  walk: Walker = walk_corpus) -> EvalResult:
    """``cancel``: checked between steps and passed to ``fit`` when it takes one. ``walk``
    turns the training part's item graph into the DeepWalk/node2vec corpus (default: the local
    walker; core.jobs passes one that walks on Spark's executors, with the same walks)."""
    say = on_step or (lambda message: None)
    fit_kwargs = {"cancel": cancel} if cancel is not None and "cancel" in inspect.signature(fit).parameters else {}
    split = leave_last_out(events, options.sequences.min_rating)
    pick = _sample_users(len(split.users), options.max_users, options.seed)
    users, targets, last_items = split.users[pick], split.targets[pick], split.last_items[pick]
    train_counts = np.bincount(split.train.items, minlength=events.n_items)
    catalogue = np.flatnonzero(train_counts > 0)
    seen = _seen_lists(split.train, users)
    result = EvalResult(options.k, [], len(users), split.train.n_events, len(catalogue))

    popular = np.where(train_counts > 0, train_counts + 0.0, -np.inf)
    result.rows.append(_ranked("most-popular", "baseline", "count", options.k, targets, seen,
                               lambda block: np.broadcast_to(popular, (len(block), len(popular))).copy(),
                               n_cols=len(popular), catalogue_size=len(catalogue)))
    rng = np.random.default_rng(options.seed)
    result.rows.append(_ranked("random", "baseline", "-", options.k, targets, seen,
                               lambda block: np.where(train_counts > 0, rng.random((len(block), len(popular))),
                                                      -np.inf),
                               n_cols=len(popular), catalogue_size=len(catalogue)))
    seq_options = options.sequences.replace(min_rating=None)  # already applied by the split
    sequences, _ = make_sequences(split.train, seq_options)
    corpus = sequences.to_corpus(f"{events.source} (training part)")
    for method in options.methods:
        say(Phrase(QT_TR_NOOP("training {method}"), method=method))
        check_cancel(cancel)
        model = fit(_method_corpus(method, corpus, options, walk), options.train, **fit_kwargs)
        result.vectors[method] = model.vectors
        result.rows += _vector_rows(method, model, split, events, users, targets, last_items,
                                    seen, options, len(catalogue))
    result.notes += [Phrase(QT_TR_NOOP("Warning: {warning}"), warning=w) for w in evaluation_warnings(result, events)]
    return result


def evaluation_warnings(result: EvalResult, events: Interactions) -> list[str]:
    """What makes the table untrustworthy: a baseline beating every method, collapsed
    vectors, a file order that makes "last event" meaningless."""
    warnings = []
    methods = [r for r in result.rows if r.task != "baseline"]
    baselines = [r for r in result.rows if r.task == "baseline"]
    if methods and baselines:
        best = max(baselines, key=lambda r: r.hit_rate)
        if best.hit_rate >= max(r.hit_rate for r in methods):
            warnings.append(Phrase(QT_TR_NOOP("the {method} baseline (HitRate {hit_rate:.4f}) beats every method: "
                                              "the vectors add nothing here (see the warnings above and below; "
                                              "check the threshold, the time column and min_count)."),
                                   method=Phrase(best.method), hit_rate=best.hit_rate))
    for method, vectors in result.vectors.items():
        collapsed = collapse_warning(vectors, Phrase(QT_TR_NOOP("{method} vectors"), method=method))
        if collapsed:
            warnings.append(collapsed)
    order = file_order_warning(events)
    return warnings + ([order] if order else [])


def _method_corpus(method: str, corpus: Corpus, options: EvalOptions, walk: Walker = walk_corpus) -> Corpus:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    if method == "item2vec":
        return corpus
    return walk(ItemGraph.from_corpus(corpus), replace(options.walks, method=method))


def _vector_rows(method, model, split, events, users, targets, last_items, seen, options, n_catalogue):
    vectors = model.vectors
    code_to_row = np.array([vectors.index.get(name, -1) for name in events.item_ids], dtype=np.int64)
    seen_rows = [code_to_row[s][code_to_row[s] >= 0] for s in seen]
    target_rows = code_to_row[targets]
    query_rows = code_to_row[last_items]
    has_query = query_rows >= 0
    rank = (lambda task, scoring, score_block, no_query: _ranked(
        method, task, scoring, options.k, target_rows, seen_rows, score_block, n_cols=len(vectors),
        catalogue_size=n_catalogue, missing_query=no_query))
    unit = vectors.unit
    last_unit = unit[np.maximum(query_rows, 0)]
    rows = [rank("next item", "cosine", lambda b: _scores(unit, last_unit[b], has_query[b]), ~has_query)]
    if model.output is not None and model.output.names == vectors.names:
        # what skip-gram is trained to predict: P(context | item) grows with in . out
        last_in, out = vectors.matrix[np.maximum(query_rows, 0)], model.output.matrix
        rows.append(rank("next item", "in.out", lambda b: _scores(out, last_in[b], has_query[b]), ~has_query))
    hist = histories(vectors, split.train)
    user_index = {u: i for i, u in enumerate(hist.user_ids)}
    profile = user_vectors(vectors, hist, options.user_vector, options.half_life)
    profile = profile[[user_index[events.user_ids[u]] for u in users]]
    has_profile = np.any(profile != 0, axis=1)
    for scoring, matrix in (("cosine", unit), ("dot", vectors.matrix)):
        queries = _unit(profile) if scoring == "cosine" else profile
        rows.append(rank("user vector", scoring,
                         lambda b, m=matrix, q=queries: _scores(m, q[b], has_profile[b]), ~has_profile))
    return rows


def _scores(matrix: np.ndarray, queries: np.ndarray, valid: np.ndarray) -> np.ndarray:
    scores = (queries @ matrix.T).astype(np.float64)
    scores[~valid] = -np.inf  # no query: nothing can be ranked, a miss
    return scores


def _unit(m: np.ndarray) -> np.ndarray:
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)


def _ranked(method, task, scoring, k, targets, seen, score_block, n_cols, catalogue_size,
            missing_query=None) -> MetricRow:
    """Rank of each target among unseen candidates (ties go to the lower column),
    computed block by block so the score matrix stays small."""
    n = len(targets)
    ranks = np.full(n, np.inf)
    recommended: set[int] = set()
    cols = np.arange(n_cols)
    for lo in range(0, n, max(1, BLOCK_CELLS // max(n_cols, 1))):
        block = np.arange(lo, min(n, lo + max(1, BLOCK_CELLS // max(n_cols, 1))))
        scores = score_block(block)
        for j, b in enumerate(block):
            scores[j, seen[b]] = -np.inf
        ok = targets[block] >= 0
        t = np.where(ok, targets[block], 0)
        target_scores = scores[np.arange(len(block)), t]
        ok &= np.isfinite(target_scores)
        better = (scores > target_scores[:, None]) | ((scores == target_scores[:, None]) & (cols < t[:, None]))
        ranks[block[ok]] = 1 + better[ok].sum(axis=1)
        top = np.argpartition(-scores, min(k, n_cols - 1), axis=1)[:, :k]
        recommended.update(top[np.isfinite(np.take_along_axis(scores, top, axis=1))].tolist())
    missing = targets < 0
    if missing_query is not None:
        missing = missing | missing_query
    missing = int(missing.sum())
    if n == 0:
        return MetricRow(method, task, scoring, 0.0, 0.0, 0.0, 0.0, 0, missing)
    return MetricRow(method, task, scoring, hit_rate(ranks, k), ndcg(ranks, k), mrr(ranks),
                     len(recommended) / max(catalogue_size, 1), n, missing)


def _seen_lists(train: Interactions, users: np.ndarray) -> list[np.ndarray]:
    """Training item codes of each evaluated user (training events are sorted by user)."""
    starts = np.searchsorted(train.users, users, side="left")
    ends = np.searchsorted(train.users, users, side="right")
    return [np.unique(train.items[s:e]) for s, e in zip(starts, ends)]


def _sample_users(n: int, max_users: int | None, seed: int) -> np.ndarray:
    if max_users is None or n <= max_users:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=max_users, replace=False))


def genre_coherence(vectors: Vectors, items: ItemTable, k: int = 10, seed: int = 0) -> tuple[float, float]:
    """Share of each item's top-k cosine neighbours that share a genre with it,
    and the same share for k random items (the chance level)."""
    from w2v_desktop.core.vectors import top_k_block

    genres = [items.genres(name) for name in vectors.names]
    rows = np.array([i for i, g in enumerate(genres) if g])
    if len(rows) < 2:
        raise ValueError("no item of these vectors has genres in the item table")
    near = top_k_block(vectors, rows, k=k)
    rng = np.random.default_rng(seed)
    shared_near, shared_random = [], []
    for row, neighbours in zip(rows, near):
        shared_near += [bool(genres[row] & genres[n]) for n in neighbours]
        others = rng.choice(rows[rows != row], size=min(k, len(rows) - 1), replace=False)
        shared_random += [bool(genres[row] & genres[n]) for n in others]
    return float(np.mean(shared_near)), float(np.mean(shared_random))
