"""The GUI's Open ratings and the CLI reach the same core rating pipeline and
come out with the same result on the bundled sample."""
import numpy as np
from PySide6.QtCore import QSettings

from tests.conftest import SAMPLES
from tests.gui.helpers import wait_idle
from w2v_desktop.cli import main
from w2v_desktop.core.jobs import ratings as pipeline
from w2v_desktop.gui.dialogs.ratings_dialog import RatingsDialog
from w2v_desktop.gui.main_window import MainWindow

RATINGS = SAMPLES / "sample_ratings.csv"
ITEMS = SAMPLES / "sample_items.csv"


def test_the_dialog_job_is_the_core_generator(qtbot):
    dialog = RatingsDialog(RATINGS)
    qtbot.addWidget(dialog)
    job = dialog.load_job()
    assert job.gi_code is pipeline.load_rating_data.__code__
    job.close()
    dialog.reject()


def test_gui_and_cli_go_through_one_pipeline_with_one_result(qtbot, tmp_path, monkeypatch, capsys):
    runs = []
    real = pipeline.build_sequences
    monkeypatch.setattr(pipeline, "build_sequences", lambda *a, **k: runs.append(1) or real(*a, **k))

    assert main(["ratings-report", str(RATINGS), "--items", str(ITEMS)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].endswith("keeping ratings \N{GREATER-THAN OR EQUAL TO} 3.5 (69% of the events, about the top half); "
                           "set --min-rating to change")  # the threshold the dialog suggests too
    cli_lines = out[2:]  # after the column description and the threshold
    assert len(runs) == 1

    window = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.files.open_ratings(str(RATINGS), ask=False)  # detected columns, default options, sibling items
    wait_idle(qtbot, window.state)
    assert len(runs) == 2
    state = window.state
    assert list(state.data_report) == cli_lines
    expected = pipeline.read_rating_data(RATINGS, items_path=ITEMS)
    assert state.corpus.words == expected.corpus.words
    assert np.array_equal(state.corpus.tokens, expected.corpus.tokens)
    assert np.array_equal(state.corpus.offsets, expected.corpus.offsets)
    assert state.items.ids == expected.items.ids and state.interactions.n_events == expected.events.n_events
    assert state.config.min_count == expected.options.min_count
