"""``ratings-report``, ``evaluate-recs`` and ``recommend`` end to end on the bundled sample."""
from pathlib import Path

from w2v_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
RATINGS = ROOT / "w2v_desktop" / "resources" / "samples" / "sample_ratings.csv"
ITEMS = ROOT / "w2v_desktop" / "resources" / "samples" / "sample_items.csv"
FAST = ["--dim", "16", "--epochs", "2", "--threads", "1"]


def test_evaluate_recs_prints_the_table(capsys):
    rc = main(["evaluate-recs", str(RATINGS), "--items", str(ITEMS), "--methods", "item2vec,deepwalk",
               "--walks-per-node", "2", "--walk-length", "10", "--max-users", "200", *FAST])
    out = capsys.readouterr().out
    assert rc == 0
    for row in ("most-popular", "random", "item2vec     next item", "deepwalk     user vector"):
        assert row in out
    assert "HR@10" in out and "share a genre" in out


def test_ratings_report_shows_bad_rows_and_steps(tmp_path, capsys):
    bad = tmp_path / "r.csv"
    bad.write_text("user;item;stars\nu1;a;5\nu1;b;x\nu1;c;4\nu2;a\n")
    assert main(["ratings-report", str(bad), "--min-rating", "3.5"]) == 0
    report = capsys.readouterr().out  # the report is the command's output
    assert "skipped line 3: non-numeric rating" in report and "skipped line 5: wrong column count" in report
    assert "keep ratings >= 3.5" in report


def test_explicit_columns_and_strict_mode(tmp_path, capsys):
    path = tmp_path / "log.tsv"
    path.write_text("a\tz\t1\nb\ty\t2\na\ty\t3\nb\tz\tfour\n")
    assert main(["ratings-report", str(path), "--user-col", "0", "--item-col", "1", "--rating-col", "none",
                 "--time-col", "2", "--delimiter", "tab", "--no-header"]) == 0
    assert "skipped line 4: non-numeric time" in capsys.readouterr().out
    assert main(["ratings-report", str(path), "--time-col", "2", "--rating-col", "none", "--strict"]) == 2
    assert "log.tsv, line 4: non-numeric time" in capsys.readouterr().err


def test_empty_result_explains_the_step(tmp_path, capsys):
    low = tmp_path / "low.csv"
    low.write_text("user,item,rating\nu,a,1\nu,b,2\n")
    assert main(["ratings-report", str(low), "--min-rating", "3.5"]) == 2
    assert "keep ratings >= 3.5' removed all 2" in capsys.readouterr().err
    assert main(["ratings-report", str(low), "--keep-all"]) == 0


def test_recommend_user_and_item(capsys):
    assert main(["recommend", str(RATINGS), "--items", str(ITEMS), "--user", "u1", "-k", "5", *FAST]) == 0
    out = capsys.readouterr().out
    assert "by cosine" in out and "by dot product" in out and "items in both lists" in out
    assert main(["recommend", str(RATINGS), "--items", str(ITEMS), "--item", "1", "-k", "3", *FAST]) == 0
    assert "items similar to 1 The" in capsys.readouterr().out
    assert main(["recommend", str(RATINGS), "--user", "nobody", *FAST]) == 2
