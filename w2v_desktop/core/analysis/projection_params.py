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

PROJECTION_METHODS = ("pca", "tsne", "umap", "axes")
METHOD_LABELS = {"pca": "PCA", "tsne": "t-SNE", "umap": "UMAP", "axes": "custom axes"}
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
        parts = {"tsne": [f"perplexity {self.perplexity:g}", f"learning rate {self.learning_rate}",
                          f"exaggeration {self.exaggeration:g}"],
                 "umap": [f"{self.n_neighbors} neighbours", f"min_dist {self.min_dist:g}", self.metric],
                 "axes": [f"x = {self.x_axis}", f"y = {self.y_axis}"]}.get(self.method, [])
        if self.method != "axes":
            parts += [("unit rows" if self.normalize else "raw rows"), f"seed {self.seed}"]
        return f"{self.label} ({', '.join(parts)})"


def _in_range(name: str, value, low, high, whole: bool = False, also: str = "") -> None:
    kind = "a whole number" if whole else "a number"
    ok = (isinstance(value, int) if whole else isinstance(value, (int, float))) and not isinstance(value, bool)
    if not ok or (not whole and not math.isfinite(value)) or not low <= value <= high:
        raise ProjectionError(f"{name} must be {kind} from {low:g} to {high:g}{' ' + also if also else ''}, "
                              f"got {value!r}")


# -- cost model -----------------------------------------------------------------------------------------
# Seconds per unit of work, measured on the development machine (2 shared cores, GloVe 6B 50-d rows,
# benchmarks/bench_map_projection.py and tools run by hand, 2025): see CALIBRATION below.
# t-SNE: neighbour search (Annoy) ~ n * log2(n) * dim, affinities ~ n * 3 * perplexity, and 750
# gradient steps ~ n each (FFT interpolation above 10,000 points, Barnes-Hut below, ~n log n).
# UMAP: NN-descent ~ n * log2(n) * dim, then 200 epochs (500 under 10,000 points) ~ n * n_neighbors.
# PCA: one SVD pass ~ n * dim * min(n, dim).
CALIBRATION = {
    # measured figures (n, dim=50, seconds) the constants below were fitted to:
    #   tsne   2,000: 6.2 s   5,000: 13.0 s   20,000: 47 s   (defaults, perplexity 30, 2 threads)
    #   umap   2,000: 4.9 s   5,000:  7.6 s   20,000: 24 s   (defaults, seed set: one thread)
    #   pca  100,000: 0.35 s 400,000:  1.4 s
    "tsne_fixed": 1.5, "tsne_knn": 1.2e-7, "tsne_affinity": 2.0e-8, "tsne_step": 2.6e-6,
    "umap_fixed": 3.0, "umap_knn": 2.0e-7, "umap_epoch": 3.0e-8,
    "pca_fixed": 0.05, "pca_cell": 7.0e-8,
    "trust_pair": 4.0e-9,   # trust: sample x n x dim
}
TSNE_ITERATIONS = 750   # 250 early exaggeration + 500


def estimate_seconds(method: str, n: int, dim: int, params: ProjectionParams | None = None,
                     trust_sample: int = 5000, startup: bool = True) -> float:
    """Rough wall time of a map of ``n`` rows of ``dim`` numbers on the calibration machine
    (the layout and the trust score), for warnings and ETAs; within a factor of ~2.
    ``startup=False`` leaves out the fixed cost of importing the library (paid once per process)."""
    params = params or ProjectionParams(method=method if method in PROJECTION_METHODS else "pca")
    c = dict(CALIBRATION)
    if not startup:
        c.update(tsne_fixed=0.0, umap_fixed=0.0, pca_fixed=0.0)
    n, dim = max(int(n), 1), max(int(dim), 1)
    log_n = math.log2(max(n, 2))
    trust = c["trust_pair"] * min(n, trust_sample) * n * dim
    if method == "pca" or method == "axes":
        return c["pca_fixed"] + c["pca_cell"] * n * dim * min(n, dim) / 50 + trust
    if method == "tsne":
        steps = c["tsne_step"] * n * TSNE_ITERATIONS * (1.0 if n >= 10_000 else 0.4 + 0.06 * log_n)
        return (c["tsne_fixed"] + c["tsne_knn"] * n * log_n * dim
                + c["tsne_affinity"] * n * 3 * params.perplexity * 30 + steps + trust)
    if method == "umap":
        epochs = 200 if n >= 10_000 else 500
        return (c["umap_fixed"] + c["umap_knn"] * n * log_n * dim
                + c["umap_epoch"] * n * epochs * params.n_neighbors * 5 + trust)
    raise ProjectionError(f"unknown projection {method!r}; choose one of {', '.join(PROJECTION_METHODS)}")


def stage_shares(method: str, n: int, dim: int, params: ProjectionParams) -> dict[str, float]:
    """Share of the estimated time spent in each stage, for an overall progress fraction."""
    c = CALIBRATION
    log_n = math.log2(max(n, 2))
    trust = c["trust_pair"] * min(n, 5000) * n * dim
    if method == "tsne":
        parts = {"neighbours": c["tsne_knn"] * n * log_n * dim,
                 "affinities": c["tsne_affinity"] * n * 3 * params.perplexity * 30,
                 "layout": c["tsne_step"] * n * TSNE_ITERATIONS, "trust": trust}
    elif method == "umap":
        parts = {"neighbours": c["umap_knn"] * n * log_n * dim, "affinities": c["umap_fixed"],
                 "layout": c["umap_epoch"] * n * 200 * params.n_neighbors * 5, "trust": trust}
    else:
        parts = {"layout": c["pca_fixed"] + c["pca_cell"] * n * dim * min(n, dim) / 50, "trust": trust}
    total = sum(parts.values()) or 1.0
    return {stage: value / total for stage, value in parts.items()}
