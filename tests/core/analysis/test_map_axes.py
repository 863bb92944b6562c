"""Axes you choose: a name or an 'a - b' formula per axis."""
import numpy as np
import pytest

from w2v_desktop.core.analysis import AxisError, ProjectionParams, axes_coordinates, parse_axis, project
from w2v_desktop.core.vectors import Vectors


@pytest.fixture(scope="module")
def vec():
    rng = np.random.default_rng(0)
    names = ["king", "queen", "man", "woman", "e-mail", "Paris"] + [f"w{i}" for i in range(30)]
    return Vectors(names, rng.normal(size=(36, 16)).astype(np.float32))


def cos(a, b):
    return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))


def test_coordinates_are_cosines_with_the_directions(vec):
    u = vec.unit.astype(np.float64)
    coords = axes_coordinates(vec, [0, 6, 7], "woman - man", "king")
    direction = u[3] - u[2]
    for i, row in enumerate([0, 6, 7]):
        assert coords[i, 0] == pytest.approx(cos(u[row], direction), abs=1e-6)
        assert coords[i, 1] == pytest.approx(cos(u[row], u[0]), abs=1e-6)


def test_formulas_keep_hyphenated_names_and_fold_case(vec):
    assert parse_axis(vec, "e-mail") == [(1, 4)]
    assert parse_axis(vec, "queen - king + woman") == [(1, 1), (-1, 0), (1, 3)]
    assert parse_axis(vec, "paris") == [(1, 5)]


@pytest.mark.parametrize("formula, message", [
    ("king - prince", "x axis: unknown word 'prince'"),
    ("", "x axis: type a name"),
    ("king - king", "has no direction"),
])
def test_bad_formulas_name_the_problem(vec, formula, message):
    with pytest.raises(AxisError, match=message):
        axes_coordinates(vec, [0, 1], formula, "queen")


def test_project_on_axes_has_trust_and_the_unknown_word_in_the_error(vec):
    result = project(vec, np.arange(36), ProjectionParams("axes", x_axis="woman - man", y_axis="queen - king"))
    assert result.coords.shape == (36, 2) and result.method == "axes" and result.trust_measured == 36
    with pytest.raises(AxisError, match="y axis: unknown word 'emperor'"):
        project(vec, np.arange(36), ProjectionParams("axes", x_axis="woman", y_axis="emperor - king"))
