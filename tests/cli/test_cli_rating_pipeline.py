"""Every CLI command that reads a rating file goes through core's one pipeline."""
import pytest

from tests.conftest import SAMPLES
from w2v_desktop.cli import main
from w2v_desktop.core.jobs import ratings as pipeline

RATINGS = SAMPLES / "sample_ratings.csv"
ITEMS = SAMPLES / "sample_items.csv"
FAST = ["--dim", "8", "--epochs", "1", "--threads", "1"]


@pytest.fixture
def calls(monkeypatch):
    """Records each run of core's load_rating_data (the real one still runs)."""
    seen = []
    real = pipeline.load_rating_data

    def spy(path, *args, **kwargs):
        seen.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "load_rating_data", spy)
    return seen


@pytest.mark.parametrize("argv", [
    ["ratings-report", str(RATINGS)],
    ["recommend", str(RATINGS), "--item", "1", "-k", "3", *FAST],
    ["evaluate-recs", str(RATINGS), "--methods", "item2vec", "--max-users", "20", *FAST],
    ["train", "--ratings", str(RATINGS), "--quiet", "-o", "{out}", "--epochs", "1", "--dim", "8"],
], ids=lambda argv: argv[0])
def test_each_command_reads_through_load_rating_data(argv, calls, tmp_path, capsys):
    argv = [a.replace("{out}", str(tmp_path / "v.txt")) for a in argv]
    assert main(argv) == 0
    assert calls == [str(RATINGS)]


def test_the_report_is_the_pipeline_report(capsys):
    assert main(["ratings-report", str(RATINGS), "--items", str(ITEMS)]) == 0
    out = capsys.readouterr().out.splitlines()
    data = pipeline.read_rating_data(RATINGS, items_path=ITEMS, suggest_threshold=True)  # no --min-rating
    assert out[0] == f"{RATINGS}: {data.mapping.describe()}"
    assert out[1] == f"{data.threshold_note}; set --min-rating to change"
    assert out[2:] == data.report_lines()  # no skipped rows in the sample: nothing in between
