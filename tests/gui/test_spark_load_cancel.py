"""A Spark-backed Open ratings from the window: Spark's stage and task progress drives the status
bar's progress bar, and its Cancel cancels the Spark job group: the load ends at once, without a
result, nothing stays cached on the cluster, and the app (and the session) go on working."""
import os
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.conftest import SAMPLES
from tests.gui.helpers import temp_settings, wait_idle
from w2v_desktop.gui.dialogs.ratings_dialog import RatingsDialog
from w2v_desktop.gui.main_window import MainWindow

RATINGS = SAMPLES / "sample_ratings.csv"


def cached_on_the_cluster(spark) -> int:
    return spark.sparkContext._jsc.sc().getPersistentRDDs().size()


@pytest.mark.spark
def test_spark_load_shows_task_progress_and_cancel_stops_it(qtbot, spark, tmp_path, monkeypatch):
    def run_on_spark(dialog):  # the user picks "Run on: Spark", local[2], and presses Open
        dialog.engine.setCurrentIndex(1)
        dialog.master.setText("local[2]")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RatingsDialog, "exec", run_on_spark)
    window = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    cached = cached_on_the_cluster(spark)
    indicator, state = window.files.loads, window.state
    records = []
    window.files.load_started.connect(lambda job: job.progress.connect(records.append))

    window.files.open_ratings(str(RATINGS))
    job = indicator.job
    assert job is not None and indicator.isVisible() and indicator.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: any(getattr(r, "tasks_total", 0) for r in records), timeout=120_000)
    assert indicator.bar.maximum() > 0 and indicator.bar.format().endswith(" tasks")
    if os.environ.get("W2V_SHOTS"):  # a picture of it, to look at: W2V_SHOTS=folder
        window.grab().save(os.path.join(os.environ["W2V_SHOTS"], "spark-load-progress.png"))

    ended = []
    job.done.connect(lambda: ended.append(time.perf_counter()))
    cancelled_at = time.perf_counter()
    qtbot.mouseClick(indicator.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(ended), timeout=20_000)
    assert ended[0] - cancelled_at < 10
    assert list(spark.sparkContext.statusTracker().getActiveJobsIds()) == []  # the job group was cancelled
    wait_idle(qtbot, state)
    assert state.corpus is None and state.interactions is None  # no result applied
    assert state.last_error is None  # a cancel is not an error
    assert not indicator.isVisible()
    assert window.statusBar().currentMessage().startswith("Load cancelled: sample_ratings.csv was not opened")
    assert not [r for r in records if type(r).__name__ == "RatingData"]
    assert cached_on_the_cluster(spark) <= cached  # nothing left cached by the stopped load

    assert spark.range(3).count() == 3  # the session still works, and so does the app:
    window.files.open_ratings(str(RATINGS), ask=False)  # this computer, the detected columns
    wait_idle(qtbot, state)
    assert state.corpus is not None and state.corpus.n_sentences == 500
