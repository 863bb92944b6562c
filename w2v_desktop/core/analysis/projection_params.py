"""What a map is asked to be: the method and its parameters, checked once, and how long it will take.

:class:`ProjectionParams` is frozen and validated on creation, so a bad value fails
before any work starts, with a message naming the parameter and its allowed range
(the CLI turns it into exit status 2, the GUI shows it). :func:`estimate_seconds`
is a small cost model, calibrated on the development machine, that the GUI uses to
warn before long runs and to show an ETA.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from w2v_desktop.core.wording import QT_TR_NOOP, Phrase, joined

PROJECTION_METHODS = ("pca", "tsne", "umap", "axes")
METHOD_LABELS = {"pca": "PCA", "tsne": "t-SNE", "umap": "UMAP", "axes": QT_TR_NOOP("custom axes")}
UMAP_METRICS = ("cosine", "euclidean", "manhattan", "pearson")
PERPLEXITY_RANGE = (2.0, 100.0)         # the Embedding Projector's slider
LEARNING_RATE_RANGE = (1.0, 1_000_000.0)
EXAGGERATION_RANGE = (1.0, 50.0)
N_NEIGHBORS_RANGE = (2, 200)
MIN_DIST_RANGE = (0.0, 1.0)             # UMAP needs min_dist <= spread (1.0)
SEED_MAX = 2**31 - 1


class ProjectionError(ValueError):
    """The projection cannot run (bad parameter, too few points, missing optional package)."""


@dataclass(frozen=True)
class ProjectionParams:
    """A map's method and parameters (those of other methods are kept but unused).

    ``normalize``: scale every row to unit length first, so the map reflects cosine
    similarity (the metric the neighbour panels use). ``exaggeration`` is t-SNE's
    exaggeration after the early phase (1 is standard t-SNE; larger values give
    tighter clusters). ``x_axis``/``y_axis`` (method "axes") are a name or an
    ``a - b`` formula (see :mod:`w2v_desktop.core.analysis.map_axes`).
    """
    method: str = "pca"
    perplexity: float = 30.0
    learning_rate: float | str = "auto"
    exaggeration: float = 1.0
    n_neighbors: int = 15
    min_dist: float = 0.1
    metric: str = "cosine"
    normalize: bool = True
    n_components: int = 2
    seed: int = 0
    x_axis: str = ""
    y_axis: str = ""

    def __post_init__(self) -> None:
        if self.method not in PROJECTION_METHODS:
            raise ProjectionError(f"unknown projection {self.method!r}; choose one of {', '.join(PROJECTION_METHODS)}")
        _in_range("perplexity", self.perplexity, *PERPLEXITY_RANGE)
        if self.learning_rate != "auto":
            _in_range("learning_rate", self.learning_rate, *LEARNING_RATE_RANGE, also="or 'auto'")
        _in_range("exaggeration", self.exaggeration, *EXAGGERATION_RANGE)
        _in_range("n_neighbors", self.n_neighbors, *N_NEIGHBORS_RANGE, whole=True)
        _in_range("min_dist", self.min_dist, *MIN_DIST_RANGE)
        if self.metric not in UMAP_METRICS:
            raise ProjectionError(f"metric must be one of {', '.join(UMAP_METRICS)}, got {self.metric!r}")
        if not isinstance(self.normalize, bool):
            raise ProjectionError(f"normalize must be true or false, got {self.normalize!r}")
        allowed = (2, 3) if self.method in ("pca", "umap") else (2,)
        if self.n_components not in allowed or isinstance(self.n_components, bool):
            raise ProjectionError(f"n_components must be {' or '.join(map(str, allowed))} for "
                                  f"{METHOD_LABELS[self.method]}, got {self.n_components!r}")
        _in_range("seed", self.seed, 0, SEED_MAX, whole=True)
        if self.method == "axes" and not (str(self.x_axis).strip() and str(self.y_axis).strip()):
            raise ProjectionError("custom axes need both x_axis and y_axis (a name or 'a - b')")

    @property
    def label(self) -> str:
        return METHOD_LABELS[self.method]

    @property
    def space_metric(self) -> str:
        """The metric of the original space the map is laid out from (and trust is measured in):
        UMAP's chosen metric, else euclidean on the (by default unit-scaled) rows."""
        return self.metric if self.method == "umap" else "euclidean"

    def describe(self) -> str:
        """The parameters that shaped this map, for a title or a file."""
        parts = {"tsne": [Phrase(QT_TR_NOOP("perplexity {value:g}"), value=self.perplexity),
                          Phrase(QT_TR_NOOP("learning rate {value}"), value=self.learning_rate),
                          Phrase(QT_TR_NOOP("exaggeration {value:g}"), value=self.exaggeration)],
                 "umap": [Phrase(QT_TR_NOOP("{n} neighbours"), n=self.n_neighbors), f"min_dist {self.min_dist:g}",
                          self.metric],
                 "axes": [f"x = {self.x_axis}", f"y = {self.y_axis}"]}.get(self.method, [])
        if self.method != "axes":
            parts += [Phrase(QT_TR_NOOP("unit rows")) if self.normalize else Phrase(QT_TR_NOOP("raw rows")),
                      Phrase(QT_TR_NOOP("seed {seed}"), seed=self.seed)]
        return Phrase(QT_TR_NOOP("{method} ({parameters})"), method=self.label, parameters=joined(", ", parts))


def _in_range(name: str, value, low, high, whole: bool = False, also: str = "") -> None:
    kind = "a whole number" if whole else "a number"
    ok = (isinstance(value, int) if whole else isinstance(value, (int, float))) and not isinstance(value, bool)
    if not ok or (not whole and not math.isfinite(value)) or not low <= value <= high:
        raise ProjectionError(f"{name} must be {kind} from {low:g} to {high:g}{' ' + also if also else ''}, "
                              f"got {value!r}")


# -- cost model -----------------------------------------------------------------------------------------
# Fitted to figures measured on the development machine (2 cores), GloVe 6B 50-d rows, unit-scaled,
# default parameters, December 2026. The 100,000-row maps were timed on a quiet machine (load average
# under 1) through benchmarks/bench_map_projection.py (in the child process, as the app runs them);
# the smaller ones while other work kept the load at 5-9, so they only fixed the forms:
#   PCA      100,000: layout 3.6 s, trust 7.1 s      400,000: layout 5.8 s, trust 17.1 s
#   t-SNE      2,000: 7.3 s (Barnes-Hut)             10,000: neighbours 5.0 s, layout 137 s (FFT, loaded)
#            100,000: neighbours (Annoy) 37.9 s, affinities 2.4 s, layout 157.7 s, trust 3.9 s (quiet)
#   UMAP      10,000: neighbours 1.4 s, affinities and spectral start 3.4 s, layout 20.9 s (loaded)
#            100,000: neighbours 24.6 s, affinities and spectral start 11.2 s, layout 37.9 s, trust 1.2 s (quiet)
# Forms: neighbour search ~ n log2(n) dim; t-SNE's 750 gradient steps ~ a fixed FFT grid cost
# plus n (FFT) or n log n (Barnes-Hut); UMAP's affinities and epochs grow a little faster than n
# (fitted as n^1.5 and n^1.3); trust ~ sample x n x dim (the exact 8-bit scan); PCA ~ n dim.
CALIBRATION = {
    "tsne_fixed": 1.0, "tsne_knn": 4.5e-7, "tsne_affinity": 8.0e-6, "tsne_step_bh": 3.0e-7,
    "tsne_step_fft": 9.0e-7, "tsne_iteration_fft": 0.12,
    "umap_fixed": 2.5, "umap_knn": 2.7e-7, "umap_affinity": 3.5e-7, "umap_layout": 1.2e-5,
    "pca_fixed": 1.0, "pca_cell": 1.0e-6,
    "trust_pair": 1.0e-10,
}
TSNE_ITERATIONS = 750   # 250 early exaggeration + 500
TSNE_FFT_FROM = 10_000
UMAP_SMALL = 10_000      # UMAP runs 500 epochs below this many points, 200 from it


def _stage_costs(method: str, n: int, dim: int, params: ProjectionParams, trust_sample: int,
                 c: dict) -> dict[str, float]:
    log_n = math.log2(max(n, 2))
    costs = {"trust": c["trust_pair"] * min(n, trust_sample) * n * dim}
    if method == "tsne":
        step = (c["tsne_iteration_fft"] + c["tsne_step_fft"] * n if n >= TSNE_FFT_FROM
                else c["tsne_step_bh"] * n * log_n)
        costs.update(neighbours=c["tsne_fixed"] + c["tsne_knn"] * n * log_n * dim,
                     affinities=c["tsne_affinity"] * n * params.perplexity / 30 * 3,
                     layout=step * TSNE_ITERATIONS)
    elif method == "umap":
        epochs = 500 if n < UMAP_SMALL else 200
        costs.update(neighbours=c["umap_fixed"] + c["umap_knn"] * n * log_n * dim,
                     affinities=c["umap_affinity"] * n ** 1.5,
                     layout=c["umap_layout"] * n ** 1.3 * epochs / 200 * params.n_neighbors / 15)
    else:   # PCA, custom axes
        costs["layout"] = c["pca_fixed"] + c["pca_cell"] * n * dim / 50 * (0.1 if method == "axes" else 1.0)
    return costs


def estimate_seconds(method: str, n: int, dim: int, params: ProjectionParams | None = None,
                     trust_sample: int = 5000, startup: bool = True) -> float:
    """Rough wall time of a map of ``n`` rows of ``dim`` numbers on the calibration machine
    (the layout and the trust score), for warnings and ETAs; expect a factor of 2 either way.
    ``startup=False`` leaves out the fixed cost of importing the library (paid once per process)."""
    if method not in PROJECTION_METHODS:
        raise ProjectionError(f"unknown projection {method!r}; choose one of {', '.join(PROJECTION_METHODS)}")
    params = params or ProjectionParams(method="pca" if method == "axes" else method)
    c = dict(CALIBRATION)
    if not startup:
        c.update(tsne_fixed=0.0, umap_fixed=0.0, pca_fixed=0.0)
    return sum(_stage_costs(method, max(int(n), 1), max(int(dim), 1), params, trust_sample, c).values())


def stage_shares(method: str, n: int, dim: int, params: ProjectionParams) -> dict[str, float]:
    """Share of the estimated time spent in each stage, for an overall progress fraction."""
    costs = _stage_costs(method, max(n, 1), max(dim, 1), params, 5000, CALIBRATION)
    total = sum(costs.values()) or 1.0
    return {stage: value / total for stage, value in costs.items()}
