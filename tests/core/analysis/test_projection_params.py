"""Map parameters (validation), progress reports, the child process and Cancel, trust sampling."""
import threading
import time

import numpy as np
import pytest

from w2v_desktop.core.analysis import projection, projection_child
from w2v_desktop.core.analysis.projection_params import ProjectionError, ProjectionParams, estimate_seconds
from w2v_desktop.core.cancel import Cancelled, CancelToken
from w2v_desktop.core.vectors import Vectors


@pytest.fixture(scope="module", autouse=True)
def no_child_left():
    yield
    projection_child.stop_children()
    assert not projection_child.multiprocessing.active_children()


@pytest.fixture(scope="module")
def clusters():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(4, 24)) * 3
    matrix = np.vstack([c + rng.normal(size=(60, 24)) for c in centres]).astype(np.float32)
    return Vectors([f"p{i}" for i in range(240)], matrix)


@pytest.mark.parametrize("changes, message", [
    ({"method": "mds"}, "unknown projection 'mds'"),
    ({"perplexity": 1}, "perplexity must be a number from 2 to 100, got 1"),
    ({"perplexity": float("nan")}, "perplexity must be"),
    ({"learning_rate": "fast"}, "learning_rate must be a number from 1 to 1e\\+06 or 'auto'"),
    ({"learning_rate": 0}, "learning_rate must be"),
    ({"exaggeration": 0.5}, "exaggeration must be a number from 1 to 50"),
    ({"n_neighbors": 1}, "n_neighbors must be a whole number from 2 to 200, got 1"),
    ({"n_neighbors": 15.5}, "n_neighbors must be a whole number"),
    ({"min_dist": 1.5}, "min_dist must be a number from 0 to 1, got 1.5"),
    ({"metric": "hamming"}, "metric must be one of cosine, euclidean, manhattan, pearson"),
    ({"method": "tsne", "n_components": 3}, "n_components must be 2 for t-SNE"),
    ({"n_components": 4}, "n_components must be 2 or 3 for PCA"),
    ({"seed": -1}, "seed must be a whole number from 0"),
    ({"method": "axes", "x_axis": "king"}, "custom axes need both x_axis and y_axis"),
    ({"normalize": "yes"}, "normalize must be true or false"),
])
def test_bad_parameters_name_themselves(changes, message):
    with pytest.raises(ProjectionError, match=message):
        ProjectionParams(**changes)


def test_good_parameters_and_description():
    params = ProjectionParams("umap", n_neighbors=30, min_dist=0.0, metric="euclidean", n_components=3)
    assert params.space_metric == "euclidean" and "30 neighbours" in params.describe()
    assert ProjectionParams("tsne", learning_rate=500.0).learning_rate == 500.0
    assert ProjectionParams("pca").space_metric == "euclidean"


def test_estimates_grow_with_size_and_warn_for_large_maps():
    small, large = estimate_seconds("tsne", 1000, 50), estimate_seconds("tsne", 100_000, 50)
    assert 0 < small < 30 < large
    assert estimate_seconds("pca", 400_000, 50) < estimate_seconds("umap", 400_000, 50)
    with pytest.raises(ProjectionError):
        estimate_seconds("mds", 10, 5)


def test_progress_reports_stages_and_partial_tsne_layouts(clusters):
    seen = []
    result = projection.project(clusters, np.arange(240), ProjectionParams("tsne", perplexity=20), isolate=False,
                                progress=lambda *args: seen.append(args))
    stages = [s[0] for s in seen]
    assert stages.index("neighbours") < stages.index("affinities") < stages.index("layout") < stages.index("trust")
    partials = [s[3] for s in seen if s[3] is not None]
    assert len(partials) >= 10 and all(p.shape == (240, 2) for p in partials)
    assert not np.array_equal(partials[0], partials[-1])          # the layout moves
    assert np.allclose(partials[-1], result.coords, atol=np.ptp(result.coords) * 0.05)
    fractions = [s[1] for s in seen]
    assert fractions == sorted(fractions) and fractions[-1] <= 1.0
    assert all(s[2] is None or s[2] >= 0 for s in seen)


def test_the_child_gives_the_same_map_as_this_process(clusters):
    params = ProjectionParams("tsne", perplexity=20, seed=3)
    seen = []
    here = projection.project(clusters, np.arange(240), params, isolate=False)
    there = projection.project(clusters, np.arange(240), params, isolate=True, progress=lambda *a: seen.append(a))
    np.testing.assert_allclose(there.coords, here.coords, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(there.trust, here.trust)
    assert {"layout", "trust"} <= {s[0] for s in seen} and any(s[3] is not None for s in seen)


def test_errors_in_the_child_come_back_as_messages(clusters):
    with pytest.raises(ProjectionError, match="needs at least 5 points"):
        projection_child.run_in_child(np.zeros((4, 3), np.float32), ProjectionParams("umap"))


def test_one_warm_child_serves_one_map_after_another_until_a_cancel(clusters):
    data = np.asarray(clusters.unit, dtype=np.float32)
    projection_child.run_in_child(data, ProjectionParams("pca"))
    first = projection_child._idle[0].process.pid
    projection_child.run_in_child(data, ProjectionParams("pca"))
    assert [c.process.pid for c in projection_child._idle] == [first]
    with pytest.raises(Cancelled):
        projection_child.run_in_child(data, ProjectionParams("tsne"), cancel=lambda: True)
    assert not projection_child._idle and not projection_child.multiprocessing.active_children()


def cancel_soon(after_s: float):
    token = CancelToken()
    pressed = []

    def press():
        pressed.append(time.monotonic())
        token.cancel()
    threading.Timer(after_s, press).start()
    return token, pressed


@pytest.mark.slow
@pytest.mark.parametrize("method, n", [("tsne", 20_000), ("umap", 20_000)])
def test_cancel_stops_a_long_map_within_two_seconds(method, n):
    rng = np.random.default_rng(1)
    vectors = Vectors([f"w{i}" for i in range(n)], rng.normal(size=(n, 50)).astype(np.float32))
    token, pressed = cancel_soon(6.0)      # inside the neighbour search or the layout
    seen = []
    with pytest.raises(Cancelled):
        projection.project(vectors, np.arange(n), ProjectionParams(method), cancel=token,
                           progress=lambda stage, *_: seen.append(stage))
    assert time.monotonic() - pressed[0] < 2.0
    assert not projection_child.multiprocessing.active_children()


def test_trust_is_sampled_on_large_maps_and_undefined_on_tiny_ones(clusters):
    result = projection.project(clusters, np.arange(240), "pca", trust_sample=100)
    assert result.trust_measured == 100 and np.isnan(result.trust).sum() == 140
    assert result.trust_note == "trust measured on a random 100 of 240 points"
    full = projection.project(clusters, np.arange(240), "pca", trust_sample=None)
    measured = ~np.isnan(result.trust)
    np.testing.assert_array_equal(result.trust[measured], full.trust[measured])   # the same score, sampled
    assert 0 < result.mean_trust <= 1 and full.trust_note == "trust measured on all 240 points"
    tiny = projection.project(clusters, np.arange(11), "pca")
    assert tiny.trust_measured == 0 and np.isnan(tiny.mean_trust) and "trust undefined" in tiny.trust_note
    assert projection.project(clusters, np.arange(12), "pca").trust_measured == 12


def test_normalising_is_an_option(clusters):
    scaled = Vectors(clusters.names, clusters.matrix * np.linspace(0.1, 10, 240)[:, None].astype(np.float32))
    unit = projection.project(scaled, np.arange(240), ProjectionParams("pca"))
    raw = projection.project(scaled, np.arange(240), ProjectionParams("pca", normalize=False))
    same = projection.project(clusters, np.arange(240), ProjectionParams("pca"))
    np.testing.assert_allclose(np.abs(unit.coords), np.abs(same.coords), atol=1e-4)   # length does not matter
    assert not np.allclose(np.abs(raw.coords), np.abs(unit.coords), atol=1e-2)       # unless rows stay raw


def test_three_components_for_pca_and_umap(clusters):
    assert projection.project(clusters, np.arange(240), ProjectionParams("pca", n_components=3)).coords.shape == (240, 3)
