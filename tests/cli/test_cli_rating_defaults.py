"""Without --min-rating the CLI keeps what the app's ratings dialog suggests: the threshold of the
file's own scale (core.jobs.ratings.suggested_threshold), said on one line; none for implicit data."""
from __future__ import annotations

import numpy as np
import pytest

from tests.core.items.test_checks import half_star_file, item_sorted_file
from w2v_desktop.cli import main
from w2v_desktop.core.analysis import recs as rec_eval
from w2v_desktop.core.items import sample_rating_scale
from w2v_desktop.core.jobs import read_rating_data
from w2v_desktop.core.jobs.ratings import suggested_threshold

FAST = ["--dim", "8", "--epochs", "1", "--threads", "1"]
GE = "\N{GREATER-THAN OR EQUAL TO}"


def movielens_file(path, users=200, per_user=20, items=150, seed=0):
    """1-5 stars in MovieLens-100k's shares (6, 11, 27, 34, 21 %), with times."""
    rng = np.random.default_rng(seed)
    p = np.array([6, 11, 27, 34, 21], float)
    lines = ["userId,movieId,rating,timestamp"]
    for u in range(users):
        for t, item in enumerate(rng.choice(items, per_user, replace=False)):
            lines.append(f"u{u},{item},{rng.choice([1, 2, 3, 4, 5], p=p / p.sum())},{1_000_000 + 60 * t}")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_movielens_scale_keeps_3_5(tmp_path, capsys):
    path = movielens_file(tmp_path / "ml.csv")
    assert main(["ratings-report", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"ratings 1\N{EN DASH}5 in steps of 1: keeping ratings {GE} 3.5 (" in out
    assert "set --min-rating to change" in out and "keep ratings >= 3.5" in out


def test_a_half_star_scale_gets_its_own_threshold_in_every_command(tmp_path, capsys, monkeypatch):
    path = half_star_file(tmp_path / "half.csv")
    assert main(["ratings-report", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"ratings 0.5\N{EN DASH}4 in steps of 0.5: keeping ratings {GE} 3 (" in out
    assert "keep ratings >= 3" in out and "keep ratings >= 3.5" not in out
    assert "Warning: ratings run" not in out  # the suggestion is not warned about

    out_path = tmp_path / "v.txt"
    assert main(["train", "--ratings", str(path), "-o", str(out_path), *FAST]) == 0
    assert f"keeping ratings {GE} 3 (" in capsys.readouterr().err

    used = []
    real = rec_eval.evaluate_recs
    from w2v_desktop.core.jobs import recs as rec_job  # the caller binds the name at its import

    monkeypatch.setattr(rec_job, "evaluate_recs",
                        lambda events, options, **kw: used.append(options.sequences.min_rating) or
                        real(events, options, **kw))
    assert main(["evaluate-recs", str(path), "--methods", "item2vec", "--max-users", "30", *FAST]) == 0
    assert used == [3.0]  # the evaluation holds out from the same kept events


def test_implicit_data_gets_no_threshold(tmp_path, capsys):
    path = item_sorted_file(tmp_path / "clicks.tsv")
    assert main(["ratings-report", str(path), "--no-header", "--rating-col", "none"]) == 0
    out = capsys.readouterr().out
    assert "no rating column (implicit data): keeping every event; set --min-rating to change" in out
    assert "keep ratings >=" not in out
    ones = tmp_path / "ones.csv"
    ones.write_text("user,item,rating\n" + "".join(f"u{i % 7},i{i % 11},1\n" for i in range(200)))
    assert main(["ratings-report", str(ones)]) == 0
    assert "every rating is 1 (implicit data): keeping every event" in capsys.readouterr().out


def test_a_given_threshold_is_kept_and_not_explained(tmp_path, capsys):
    path = half_star_file(tmp_path / "half.csv")
    assert main(["ratings-report", str(path), "--min-rating", "2"]) == 0
    out = capsys.readouterr().out
    assert "keep ratings >= 2" in out and "set --min-rating to change" not in out
    assert main(["ratings-report", str(path), "--keep-all"]) == 0
    out = capsys.readouterr().out
    # no threshold step (the scale line still says what it would suggest)
    assert "\n  keep ratings >=" not in out and "set --min-rating to change" not in out


@pytest.mark.parametrize("make", [half_star_file, movielens_file])
def test_the_cli_and_the_dialog_use_one_rule(tmp_path, make):
    """The dialog suggests from the first rows, the CLI from every event: the same function of the scale."""
    path = make(tmp_path / "r.csv")
    data = read_rating_data(path, suggest_threshold=True)
    assert data.options.min_rating == suggested_threshold(data.scale)[0]
    assert data.options.min_rating == sample_rating_scale(path, data.mapping).suggested
