"""2-D projections: subsets, planted clusters, trust scores."""
import sys

import numpy as np
import pytest

from w2v_desktop.core.analysis import projection, projection_methods
from w2v_desktop.core.vectors.keyed import UnknownNameError, Vectors


@pytest.fixture(scope="module")
def clusters():
    """Three well-separated directions in 30-D, 40 points each."""
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(3, 30)) * 3
    matrix = np.vstack([c + rng.normal(size=(40, 30)) for c in centres])
    labels = np.repeat(np.arange(3), 40)
    order = rng.permutation(120)
    return Vectors([f"p{i}" for i in range(120)], matrix[order]), labels[order]


def separated(coords, labels):
    """Every point is nearer its own cluster's 2-D centroid than any other."""
    centroids = np.array([coords[labels == c].mean(axis=0) for c in range(3)])
    nearest = np.linalg.norm(coords[:, None, :] - centroids[None], axis=2).argmin(axis=1)
    return (nearest == labels).mean()


def test_pca_separates_planted_clusters(clusters):
    vec, labels = clusters
    proj = projection.project(vec, np.arange(len(vec)), "pca")
    assert proj.coords.shape == (120, 2) and proj.coords.dtype == np.float32
    assert separated(proj.coords, labels) == 1.0
    assert ((proj.trust >= 0) & (proj.trust <= 1)).all()
    # shuffled labels are not separated: the check can fail
    assert separated(proj.coords, np.random.default_rng(1).permutation(labels)) < 0.7


def test_tsne_separates_planted_clusters(clusters):
    vec, labels = clusters
    proj = projection.project(vec, np.arange(len(vec)), "tsne", perplexity=15)
    assert separated(proj.coords, labels) == 1.0
    assert proj.trust.mean() > 0.3


def test_trust_is_one_when_the_map_keeps_neighbourhoods():
    rng = np.random.default_rng(3)
    angles = rng.uniform(0, 2 * np.pi, 50)
    circle = np.column_stack([np.cos(angles), np.sin(angles)])   # cosine order = 2-D distance order
    data = np.hstack([circle * rng.uniform(1, 3, (50, 1)), np.zeros((50, 3))])
    np.testing.assert_allclose(projection.trust_scores(data, circle, k=5), 1.0)
    scrambled = projection.trust_scores(data, rng.normal(size=(50, 2)), k=5)
    assert scrambled.mean() < 0.5 and ((scrambled >= 0) & (scrambled <= 1)).all()


def test_select_rows(clusters):
    vec, _ = clusters
    assert projection.select_rows(vec, top_n=5).tolist() == [0, 1, 2, 3, 4]
    around = projection.select_rows(vec, around="p7", k=10)
    assert around[0] == 7 and len(around) == 11 and len(set(around)) == 11
    both = projection.select_rows(vec, top_n=3, names=["p2", "p50"])
    assert both.tolist() == [0, 1, 2, 50]
    with pytest.raises(UnknownNameError):
        projection.select_rows(vec, names=["nope"])
    with pytest.raises(projection.ProjectionError, match="choose what to map"):
        projection.select_rows(vec)


def test_bad_requests_have_clear_messages(clusters, monkeypatch):
    vec, _ = clusters
    with pytest.raises(projection.ProjectionError, match="at least 3 points"):
        projection.project(vec, [0, 1], "pca")
    with pytest.raises(projection.ProjectionError, match="unknown projection 'mds'"):
        projection.project(vec, np.arange(10), "mds")
    monkeypatch.setitem(sys.modules, "umap", None)
    with pytest.raises(projection.ProjectionError, match="umap-learn"):
        projection.project(vec, np.arange(10), "umap")


@pytest.mark.slow
def test_umap_separates_planted_clusters(clusters):
    pytest.importorskip("umap")
    vec, labels = clusters
    proj = projection.project(vec, np.arange(len(vec)), "umap")
    assert separated(proj.coords, labels) == 1.0


def test_randomised_pca_and_sklearn_tsne_fallback(clusters, monkeypatch):
    vec, labels = clusters
    monkeypatch.setattr(projection_methods, "EXACT_PCA_CELLS", 10)      # force the randomised solver
    assert separated(projection.project(vec, np.arange(len(vec)), "pca").coords, labels) == 1.0
    monkeypatch.setitem(sys.modules, "openTSNE", None)            # openTSNE missing: scikit-learn's t-SNE
    proj = projection.project(vec, np.arange(len(vec)), "tsne", perplexity=15)
    assert separated(proj.coords, labels) == 1.0
