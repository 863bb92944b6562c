"""The ratings dialog's engine choice: Spark gives the same corpus as this computer, and
without pyspark the choice is disabled with the install hint."""
import sys

import numpy as np
import pytest

from tests.conftest import SAMPLES, run_job
from w2v_desktop.gui.dialogs.ratings_dialog import RatingsDialog

RATINGS = SAMPLES / "sample_ratings.csv"


@pytest.mark.spark
def test_spark_engine_gives_the_local_corpus(qtbot, spark):
    dialog = RatingsDialog(RATINGS)
    qtbot.addWidget(dialog)
    _, local = run_job(dialog.load_job())
    dialog.engine.setCurrentIndex(1)
    assert dialog.master.isEnabled()
    dialog.master.setText("local[2]")
    _, on_spark = run_job(dialog.load_job())
    assert on_spark.spark is not None and local.spark is None
    assert on_spark.corpus.words == local.corpus.words
    np.testing.assert_array_equal(np.asarray(on_spark.corpus.tokens), local.corpus.tokens)
    np.testing.assert_array_equal(on_spark.corpus.offsets, local.corpus.offsets)
    assert on_spark.report_lines() == local.report_lines()
    assert on_spark.events.item_ids == local.events.item_ids  # kept for recommendation
    np.testing.assert_array_equal(on_spark.events.users, local.events.users)
    dialog.reject()


def test_without_pyspark_the_spark_choice_is_disabled_with_the_hint(qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    dialog = RatingsDialog(RATINGS)
    qtbot.addWidget(dialog)
    assert not dialog.engine.model().item(1).isEnabled()
    assert "pip install 'w2v-desktop[spark]'" in dialog.spark_tip
    assert dialog.spark_engine() is None
    dialog.reject()
