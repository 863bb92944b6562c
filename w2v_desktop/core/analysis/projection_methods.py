"""The layouts (PCA, openTSNE, UMAP) and the trust score, each reporting its stages.

Every function takes the prepared float matrix (rows already unit-scaled when asked)
and a :class:`StageReport`, which it tells the stage it enters ("neighbours",
"affinities", "layout", "trust") and, inside a stage, how far it is. The report turns
that into one overall fraction and an ETA, throttles the calls, and checks the cancel
token: each report is a cancel point when the work runs in this process. What a
library does between two reports cannot be stopped from here; that is why long maps
run in a child process (:mod:`w2v_desktop.core.analysis.projection_child`).
"""
from __future__ import annotations

import contextlib
import os
import re
import time
import warnings

import numpy as np

from w2v_desktop.core.analysis.projection_params import ProjectionError, ProjectionParams, stage_shares
from w2v_desktop.core.cancel import check_cancel

TRUST_NEIGHBOURS = 10
TRUST_SAMPLE = 5000      # trust is measured on at most this many points (a seeded random sample)
# PCA switches from exact SVD to randomised SVD above this many matrix cells.
EXACT_PCA_CELLS = 2_000_000
# openTSNE optimisation steps between callbacks; each callback is a cancel point in-process
# and sends the partial layout, and also makes openTSNE compute the KL error, which costs
# little with FFT gradients (10,000 points and more) but much with Barnes-Hut below (2,000
# points under load: 10 s without callbacks, 18 s with one every 20 steps): fewer there.
TSNE_CALLBACK_ITERS = 20
TSNE_CALLBACK_ITERS_BH = 50
TSNE_FFT_FROM = 10_000   # openTSNE's "auto": Barnes-Hut below (FFT's fixed cost dominates small maps)
TSNE_EARLY_ITERS, TSNE_ITERS = 250, 500
REPORT_INTERVAL_S = 0.1


class StageReport:
    """Turns (stage, fraction within it) into progress(stage, overall fraction, eta_s, partial).

    ``shares`` weighs the stages (from the cost model); ``estimate_s`` is the ETA until
    enough of the work is done to extrapolate from the elapsed time.
    """

    def __init__(self, progress=None, cancel=None, shares: dict | None = None, estimate_s: float | None = None,
                 clock=time.monotonic):
        self.progress, self.cancel, self.clock = progress, cancel, clock
        self.shares = shares or {}
        self.estimate_s = estimate_s
        self.start = clock()
        self.current = None
        self.done_share = 0.0
        self.last_call = -1e9

    def stage(self, name: str, fraction: float | None = None, partial: np.ndarray | None = None) -> None:
        check_cancel(self.cancel)
        now = self.clock()
        if name != self.current:
            if self.current is not None:
                self.done_share += self.shares.get(self.current, 0.0)
            self.current = name
        elif partial is None and now - self.last_call < REPORT_INTERVAL_S:
            return
        self.last_call = now
        if self.progress is None:
            return
        overall = None
        if self.shares:
            overall = min(1.0, self.done_share + self.shares.get(name, 0.0) * (fraction or 0.0))
        self.progress(name, overall, self._eta(overall, now), partial)

    def _eta(self, overall: float | None, now: float) -> float | None:
        elapsed = now - self.start
        if overall is not None and overall >= 0.1:
            return max(0.0, elapsed * (1.0 - overall) / overall)
        if self.estimate_s is not None:
            return max(0.0, self.estimate_s - elapsed)
        return None


def worker_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:   # not Linux
        return max(1, os.cpu_count() or 1)


def layout(data: np.ndarray, params: ProjectionParams, report: StageReport) -> np.ndarray:
    """(n, n_components) float32 coordinates of the rows of ``data``."""
    n = len(data)
    if params.method in ("tsne", "umap") and n < 5:
        raise ProjectionError(f"{params.label} needs at least 5 points, got {n}")
    if params.method == "pca":
        coords = _pca(data, params, report)
    elif params.method == "tsne":
        coords = _tsne(data, params, report)
    elif params.method == "umap":
        coords = _umap(data, params, report)
    else:
        raise ProjectionError(f"{params.label} is not laid out from the rows alone")
    return np.ascontiguousarray(coords, dtype=np.float32)


def _pca(data, params, report):
    from sklearn.decomposition import PCA
    report.stage("layout", 0.0)
    solver = "full" if data.size <= EXACT_PCA_CELLS else "randomized"
    coords = PCA(n_components=params.n_components, svd_solver=solver, random_state=params.seed).fit_transform(data)
    report.stage("layout", 1.0)
    return coords


def _tsne(data, params, report):
    perplexity = min(params.perplexity, (len(data) - 1) / 3.0)
    try:
        from openTSNE import TSNE, nearest_neighbors
        from openTSNE.affinity import Affinities, joint_probabilities_nn
    except ImportError:
        from sklearn.manifold import TSNE as SkTSNE
        report.stage("layout", 0.0)
        lr = params.learning_rate
        return SkTSNE(n_components=2, perplexity=perplexity, learning_rate=lr, init="pca",
                      early_exaggeration=12.0, random_state=params.seed).fit_transform(data)
    jobs = worker_threads()
    report.stage("neighbours", 0.0)
    k = min(len(data) - 1, int(3 * perplexity))
    # openTSNE's own choice ("auto") imports PyNNDescent only to see whether it is there (2-3 s)
    index = nearest_neighbors.Sklearn if len(data) < 1000 else nearest_neighbors.Annoy
    neighbours, distances = index(data, k, "euclidean", n_jobs=jobs, random_state=params.seed).build()
    report.stage("affinities", 0.0)
    affinities = Affinities()
    affinities.P = joint_probabilities_nn(neighbours, distances, [perplexity], n_jobs=jobs)
    report.stage("layout", 0.0)
    total = TSNE_EARLY_ITERS + TSNE_ITERS
    done = [0]

    def show(iteration, _error, embedding) -> bool:
        report.stage("layout", (done[0] + iteration) / total, np.array(embedding, dtype=np.float32))
        return False   # raising Cancelled (not returning True) ends optimize() at once, without a result

    fft = len(data) >= TSNE_FFT_FROM
    tsne = TSNE(n_components=2, perplexity=perplexity, learning_rate=params.learning_rate, n_jobs=jobs,
                random_state=params.seed, verbose=False, negative_gradient_method="fft" if fft else "bh",
                callbacks=show, callbacks_every_iters=TSNE_CALLBACK_ITERS if fft else TSNE_CALLBACK_ITERS_BH)
    embedding = tsne.prepare_initial(data, affinities=affinities, initialization="pca")
    embedding.optimize(n_iter=TSNE_EARLY_ITERS, exaggeration=12, momentum=0.5, inplace=True,
                       propagate_exception=True)
    done[0] = TSNE_EARLY_ITERS
    embedding.optimize(n_iter=TSNE_ITERS, exaggeration=params.exaggeration, momentum=0.8, inplace=True,
                       propagate_exception=True)
    return np.asarray(embedding)


class _EpochWriter:
    """A file for UMAP's tqdm bar: reads "n/total" and reports the layout's progress."""

    def __init__(self, report: StageReport):
        self.report = report

    def write(self, text: str) -> None:
        found = re.findall(r"(\d+)/(\d+)", text)
        if found:
            n, total = map(int, found[-1])
            self.report.stage("layout", n / max(total, 1))

    def flush(self) -> None:
        pass


def _umap(data, params, report):
    try:
        import umap
        from umap.umap_ import nearest_neighbors
    except ImportError:
        raise ProjectionError("UMAP needs the optional package umap-learn "
                              "(pip install 'w2v-desktop[umap]' or pip install umap-learn)") from None
    metric = {"pearson": "correlation"}.get(params.metric, params.metric)
    n_neighbors = min(params.n_neighbors, len(data) - 1)
    options = dict(n_components=params.n_components, n_neighbors=n_neighbors, min_dist=params.min_dist,
                   metric=metric, random_state=params.seed, init="spectral" if len(data) > 10 else "random",
                   tqdm_kwds={"disable": False, "file": _EpochWriter(report), "bar_format": "{n}/{total}",
                              "mininterval": 0.2, "ascii": True})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # "n_jobs overridden by random_state" and friends
        if len(data) >= 4096:   # below, UMAP computes exact distances itself
            report.stage("neighbours", 0.0)
            options["precomputed_knn"] = nearest_neighbors(
                data, n_neighbors, metric, None, False, np.random.RandomState(params.seed))
        report.stage("affinities", 0.0)
        with contextlib.redirect_stdout(None):
            return umap.UMAP(**options).fit_transform(data)


def trust_scores(data: np.ndarray, coords: np.ndarray, k: int = TRUST_NEIGHBOURS, metric: str = "cosine",
                 sample: int | None = TRUST_SAMPLE, seed: int = 0, unit_rows: bool = False,
                 report: StageReport | None = None) -> np.ndarray:
    """Per point: share of its k nearest neighbours in ``data`` (under ``metric``) kept among its
    k nearest in ``coords``; NaN for points not in the measured sample.

    With more than ``sample`` points a seeded random sample of that many is measured (against all
    points). A map of k+1 points or fewer has no trust score (every point keeps every other one):
    all NaN. ``unit_rows``: the rows have unit length, so euclidean order is cosine order and the
    exact 8-bit cosine scan answers.
    """
    from sklearn.neighbors import NearestNeighbors
    from w2v_desktop.core.vectors import Vectors, top_k_block

    n = len(data)
    trust = np.full(n, np.nan)
    if n - 1 <= k:
        return trust
    if report is not None:
        report.stage("trust", 0.0)
    rows = np.arange(n) if sample is None or n <= sample else \
        np.sort(np.random.default_rng(seed).choice(n, size=sample, replace=False))
    ours = {"euclidean": "cosine" if unit_rows else "euclidean"}.get(metric, metric)
    space = Vectors([str(i) for i in range(n)], np.ascontiguousarray(data, dtype=np.float32))
    high = top_k_block(space, rows, k, metric=ours, cancel=report.cancel if report else None)
    if report is not None:
        report.stage("trust", 0.9)
    low = NearestNeighbors(n_neighbors=k + 1).fit(coords).kneighbors(coords[rows], return_distance=False)
    low = drop_self(low, rows, k)
    kept = (high[:, :, None] == low[:, None, :]).any(axis=2).sum(axis=1)
    trust[rows] = kept / k
    return trust


def drop_self(idx: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    """Remove each query point from its own (k+1)-list; it need not come first on ties."""
    keep = idx != rows[:, None]
    keep[keep.all(axis=1), -1] = False   # self not listed: drop the farthest instead
    return idx[keep].reshape(len(idx), k)


def layout_with_trust(data: np.ndarray, params: ProjectionParams, report: StageReport,
                      trust_sample: int | None = TRUST_SAMPLE) -> tuple[np.ndarray, np.ndarray]:
    """The layout and its trust scores: the work that runs in a child process for long maps."""
    coords = layout(data, params, report)
    trust = trust_scores(data, coords, metric=params.space_metric, sample=trust_sample, seed=params.seed,
                         unit_rows=params.normalize, report=report)
    return coords, trust


def shares_for(params: ProjectionParams, n: int, dim: int) -> dict:
    return stage_shares(params.method, n, dim, params)
