"""Opening a Spark model folder in the window: the File menu's folder action, and a dropped folder."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog

from tests.gui.helpers import temp_settings, wait_idle
from w2v_desktop.core.formats.registry import save_vectors
from w2v_desktop.core.vectors.keyed import Vectors
from w2v_desktop.gui.main_window import MainWindow


@pytest.fixture
def model(tmp_path):
    rng = np.random.default_rng(5)
    vectors = Vectors([f"w{i}" for i in range(20)], rng.standard_normal((20, 8)).astype(np.float32))
    save_vectors(vectors, tmp_path / "spark_model", "spark")
    return tmp_path / "spark_model", vectors


def open_window(qtbot, tmp_path) -> MainWindow:
    window = MainWindow(settings=temp_settings(tmp_path / "settings"))
    qtbot.addWidget(window)
    errors = []
    window.state.error_occurred.connect(lambda *args: errors.append(args))
    window.errors = errors
    return window


def test_file_menu_opens_a_spark_model_folder(qtbot, tmp_path, model, monkeypatch):
    path, vectors = model
    window = open_window(qtbot, tmp_path)
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kwargs: asked.append(args) or str(path))
    action = next(a for a in window.menuBar().actions()[0].menu().actions()
                  if a.text() == "Open Spar&k model folder…")
    action.trigger()
    wait_idle(qtbot, window.state)
    assert asked and not window.errors
    opened = window.state.vectors
    assert opened.names == vectors.names and np.array_equal(opened.matrix, vectors.matrix)
    assert opened.meta["format"] == "spark"
    assert window.files.recent_files()[0] == str(path)


def test_a_dropped_or_recent_folder_opens_as_vectors(qtbot, tmp_path, model):
    path, vectors = model
    window = open_window(qtbot, tmp_path)
    window.files.open_any(str(path))
    wait_idle(qtbot, window.state)
    assert not window.errors
    assert window.state.vectors.names == vectors.names
    assert np.array_equal(window.state.vectors.matrix, vectors.matrix)
