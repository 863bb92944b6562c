"""Long loads show the share read, the time left and Cancel in the status bar; Cancel stops the
load within about a second, says so, and leaves what was open before open and usable."""
from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtWidgets import QMainWindow

from tests.gui.helpers import temp_settings, topic_sentences, wait_idle
from w2v_desktop.core.formats import save_vectors
from w2v_desktop.core.formats import text as formats_text
from w2v_desktop.core.items import ratings as ratings_reader
from w2v_desktop.core.jobs import corpus as corpus_job
from w2v_desktop.core.text import files as text_files
from w2v_desktop.core.vectors import Vectors
from w2v_desktop.gui import worker
from w2v_desktop.gui.file_actions import FileActions
from w2v_desktop.gui.state import AppState


@pytest.fixture
def app(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    state = AppState(window)
    state.error_occurred.connect(lambda *error: pytest.fail(f"unexpected error: {error}"))
    files = FileActions(state, window, temp_settings(tmp_path))
    messages: list[str] = []
    state.status_message.connect(messages.append)
    state.status_message.connect(window.statusBar().showMessage)  # as the main window does
    window.resize(900, 120)
    window.show()
    return window, state, files, messages


def text_file(path, n=2000):
    path.write_text("\n".join(" ".join(s) for s in topic_sentences(n)) + "\n")
    return path


def slowed(monkeypatch, module, name, pause_s):
    """Make a generator function of ``module`` pause before each item it yields."""
    real = getattr(module, name)

    def slow(*args, **kwargs):
        inner = real(*args, **kwargs)
        while True:
            time.sleep(pause_s)
            try:
                item = next(inner)
            except StopIteration as stop:
                return stop.value
            yield item

    monkeypatch.setattr(module, name, slow)


def cancel_when_under_way(qtbot, files, window, tmp_path, picture: str) -> float:
    """Wait until the bar shows a share and a time left, grab the window, press Cancel;
    the seconds until the load's thread has ended."""
    loads = files.loads
    qtbot.waitUntil(lambda: loads.isVisible() and loads.bar.value() > 0 and "about" in loads.left.text(),
                    timeout=20_000)  # "big.txt: about 8 s left"
    assert 0 < loads.bar.value() < loads.bar.maximum() and loads.cancel_button.isEnabled()
    window.grab().save(str(tmp_path / picture))
    started = time.monotonic()
    loads.cancel_button.click()
    qtbot.waitUntil(lambda: not worker.active_jobs(), timeout=5_000)
    return time.monotonic() - started


def test_cancelling_a_text_load_keeps_the_corpus_open_before(qtbot, app, tmp_path, monkeypatch):
    window, state, files, messages = app
    first = text_file(tmp_path / "first.txt", 300)
    files.open_text(str(first), ask_options=False)
    wait_idle(qtbot, state)
    old = state.corpus
    assert old is not None and state.source_path == str(first) and not files.loads.isVisible()

    monkeypatch.setattr(corpus_job, "REPORT_EVERY_S", 0.0)
    monkeypatch.setattr(text_files, "BLOCK_BYTES", 2048)  # the share read moves every 2 KB
    slowed(monkeypatch, corpus_job, "iter_token_lines", 0.005)  # 2,000 lines: ~10 s
    files.open_text(str(text_file(tmp_path / "big.txt")), ask_options=False)
    took = cancel_when_under_way(qtbot, files, window, tmp_path, "text-load.png")
    assert took < 1.5
    assert state.corpus is old and state.source_path == str(first) and state.data_kind == "text"
    assert any(m.startswith("Load cancelled: big.txt was not opened") for m in messages)
    assert not files.loads.isVisible()
    assert old.n_tokens > 0 and len(old.words) > 0  # still usable


def test_cancelling_a_rating_load_keeps_the_ratings_open_before(qtbot, app, tmp_path, monkeypatch):
    window, state, files, messages = app
    rng = np.random.default_rng(0)
    rows = "".join(f"u{rng.integers(300)},i{rng.integers(200)},{rng.integers(1, 6)},{t}\n" for t in range(30_000))
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    small.write_text("user,item,rating,time\n" + rows[:20_000])
    big.write_text("user,item,rating,time\n" + rows)
    files.open_ratings(str(small), ask=False)
    wait_idle(qtbot, state)
    old_events, old_corpus = state.interactions, state.corpus
    assert old_events is not None and state.data_kind == "ratings"

    monkeypatch.setattr(ratings_reader, "BLOCK_BYTES", 4096)  # ~170 blocks
    check = ratings_reader._Reader._check
    monkeypatch.setattr(ratings_reader._Reader, "_check",
                        lambda self, cols: time.sleep(0.05) or check(self, cols))  # each block: ~8 s
    files.open_ratings(str(big), ask=False)
    took = cancel_when_under_way(qtbot, files, window, tmp_path, "ratings-load.png")
    assert took < 1.5
    assert state.interactions is old_events and state.corpus is old_corpus
    assert state.source_path == str(small)
    assert any(m.startswith("Load cancelled: big.csv was not opened") for m in messages)


def test_cancelling_a_vectors_load_keeps_the_vectors_open_before(qtbot, app, tmp_path, monkeypatch):
    window, state, files, messages = app
    rng = np.random.default_rng(0)
    first, big = tmp_path / "first.txt", tmp_path / "big.txt"
    save_vectors(Vectors([f"a{i}" for i in range(50)], rng.standard_normal((50, 8)).astype(np.float32)), first)
    save_vectors(Vectors([f"b{i}" for i in range(20_000)],
                         rng.standard_normal((20_000, 8)).astype(np.float32)), big)
    files.open_vectors(str(first))
    wait_idle(qtbot, state)
    old = state.vectors
    assert old is not None and len(old) == 50

    monkeypatch.setattr(formats_text, "BLOCK_BYTES", 8192)  # ~200 blocks
    slowed(monkeypatch, formats_text, "_iter_fast", 0.05)  # ~10 s
    files.open_vectors(str(big))
    took = cancel_when_under_way(qtbot, files, window, tmp_path, "vectors-load.png")
    assert took < 1.5
    assert state.vectors is old and old.names[0] == "a0"
    assert any(m.startswith("Load cancelled: big.txt was not opened") for m in messages)


def test_a_finished_load_hides_the_bar_and_opens_the_data(qtbot, app, tmp_path):
    _window, state, files, messages = app
    files.open_text(str(text_file(tmp_path / "c.txt", 500)), ask_options=False)
    assert files.loads.isVisible() and files.loads.running() == ["c.txt"]
    wait_idle(qtbot, state)
    assert not files.loads.isVisible() and state.corpus is not None
    assert not any("cancelled" in m for m in messages)
