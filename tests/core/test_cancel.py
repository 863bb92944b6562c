"""Cancel tokens stop hubness, benchmark evaluation and projection between batches."""
import numpy as np
import pytest

from w2v_desktop.core.analysis import intrinsic as evaluate

from w2v_desktop.core.analysis import projection, projection_methods

from w2v_desktop.core.vectors import similarity
from w2v_desktop.core.cancel import Cancelled, check_cancel, is_cancelled
from w2v_desktop.core.train.trainer import CancelToken
from w2v_desktop.core.vectors.keyed import Vectors


class CountingToken:
    """Says "stop" from its ``after``-th look on; counts the looks (the cancel checks)."""

    def __init__(self, after: int | None):
        self.after, self.looks = after, 0

    @property
    def cancelled(self) -> bool:
        self.looks += 1
        return self.after is not None and self.looks >= self.after


def cancelled_token() -> CancelToken:
    token = CancelToken()
    token.cancel()
    return token


@pytest.fixture(scope="module")
def vec():
    rng = np.random.default_rng(3)
    return Vectors([f"w{i}" for i in range(200)], rng.normal(size=(200, 12)),
                   counts=np.arange(200, 0, -1))


def test_tokens_objects_and_callables():
    assert not is_cancelled(None) and not is_cancelled(CancelToken()) and not is_cancelled(lambda: False)
    assert is_cancelled(cancelled_token()) and is_cancelled(lambda: True)
    with pytest.raises(Cancelled, match="cancelled"):
        check_cancel(lambda: True)


# -- hubness ------------------------------------------------------------------------------
@pytest.mark.parametrize("metric", ["cosine", "manhattan"])
def test_hubness_stops_after_the_first_block(vec, metric, monkeypatch):
    monkeypatch.setattr(similarity, "_BLOCK_CELLS", len(vec) * 20)   # 20 queries a block: 10 blocks
    monkeypatch.setattr(similarity, "_MANHATTAN_DIM", vec.dim)
    token = CountingToken(after=2)
    with pytest.raises(Cancelled):
        similarity.hubness(vec, k=5, metric=metric, cancel=token)
    assert token.looks == 2   # one block ran, the second was never started


def test_hubness_with_a_quiet_token_checks_every_block_and_gives_the_same_answer(vec, monkeypatch):
    monkeypatch.setattr(similarity, "_BLOCK_CELLS", len(vec) * 20)
    token = CountingToken(after=None)
    counted = similarity.hubness(vec, k=5, cancel=token)
    assert token.looks == 10
    assert np.array_equal(counted.counts, similarity.hubness(vec, k=5).counts)


def test_hubness_already_cancelled(vec):
    with pytest.raises(Cancelled):
        similarity.hubness(vec, k=5, cancel=cancelled_token())


# -- benchmark files ------------------------------------------------------------------------
def write_questions(path, vec, n=300):
    rng = np.random.default_rng(0)
    lines = [": all"] + [" ".join(vec.names[i] for i in rng.choice(len(vec), 4, replace=False))
                         for _ in range(n)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_analogies_stop_after_the_first_block(vec, tmp_path, monkeypatch):
    path = write_questions(tmp_path / "q.txt", vec)
    monkeypatch.setattr(evaluate, "_BLOCK_CELLS", len(vec) * 50)   # 50 questions a block: 6 blocks
    quiet = CountingToken(after=None)
    full = evaluate.evaluate_analogies(vec, path, restrict=None, cancel=quiet)
    before_blocks = quiet.looks - 6   # the looks while building the vocabulary
    assert full.total == 300 and before_blocks >= 1
    token = CountingToken(after=before_blocks + 2)   # the look before the second block
    with pytest.raises(Cancelled):
        evaluate.evaluate_analogies(vec, path, restrict=None, cancel=token)
    assert token.looks == before_blocks + 2


def test_evaluations_already_cancelled(vec, tmp_path):
    questions = write_questions(tmp_path / "q.txt", vec)
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("w1\tw2\t3.5\nw3\tw4\t1.0\nw5\tw9\t7\n")
    with pytest.raises(Cancelled):
        evaluate.evaluate_analogies(vec, questions, cancel=cancelled_token())
    with pytest.raises(Cancelled):
        evaluate.evaluate_pairs(vec, pairs, cancel=lambda: True)
    assert evaluate.evaluate_pairs(vec, pairs, cancel=CancelToken()).n_pairs == 3


# -- projection ---------------------------------------------------------------------------------
@pytest.mark.parametrize("method", projection.PROJECTION_METHODS)
def test_projection_already_cancelled_does_not_start(vec, method):
    params = projection.ProjectionParams(method, x_axis="w1", y_axis="w2 - w3")
    with pytest.raises(Cancelled):
        projection.project(vec, np.arange(100), params, cancel=cancelled_token())


def test_tsne_stops_inside_the_optimisation(vec):
    pytest.importorskip("openTSNE")
    stages = []
    token = CountingToken(after=6)   # project, neighbours, affinities, layout start, then two callbacks
    with pytest.raises(Cancelled):
        projection.project(vec, np.arange(100), "tsne", cancel=token, isolate=False,
                           progress=lambda stage, _f, _eta, partial: stages.append((stage, partial is not None)))
    assert token.looks == 6
    assert stages[-1] == ("layout", True)   # stopped between two partial layouts of the optimisation


def test_tsne_with_a_quiet_token_is_unchanged(vec):
    pytest.importorskip("openTSNE")
    rows = np.arange(60)
    token = CountingToken(after=None)
    watched = projection.project(vec, rows, "tsne", seed=1, cancel=token, isolate=False)
    # 750 optimisation steps checked every TSNE_CALLBACK_ITERS_BH (a small map), plus the stage checks
    assert token.looks > 750 // projection_methods.TSNE_CALLBACK_ITERS_BH
    assert np.array_equal(watched.coords, projection.project(vec, rows, "tsne", seed=1).coords)


def test_run_to_end_returns_the_result_and_shows_every_record():
    from w2v_desktop.core.cancel import run_to_end

    def job():
        yield "reading"
        yield "counting"
        return 42

    seen = []
    assert run_to_end(job(), seen.append) == 42 and seen == ["reading", "counting"]
    assert run_to_end(job()) == 42
