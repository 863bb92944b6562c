"""SIGTERM or SIGHUP (a logout, ``kill``) closes the real window cleanly, without asking."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")


def catches(pid: int, signum: int) -> bool:
    """Whether process ``pid`` has a handler for ``signum`` (the SigCgt mask in /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigCgt:"):
            return bool(int(line.split()[1], 16) >> (signum - 1) & 1)
    return False


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_termination_signal_closes_the_window_and_exits_with_128_plus_it(signum, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    app = subprocess.Popen([sys.executable, "-m", "w2v_desktop"], env=env, cwd=tmp_path,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not catches(app.pid, signum):   # the window is up and listening
            assert app.poll() is None, app.communicate()[1]
            assert time.monotonic() < deadline, "the app never installed its handler"
            time.sleep(0.1)
        app.send_signal(signum)
        _out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 128 + signum, err
    assert f"{signal.Signals(signum).name}: closing" in err and "Traceback" not in err


def test_an_unsaved_model_is_kept_in_the_cache_folder_on_termination(qtbot, window, tmp_path, monkeypatch, capsys):
    from test_flows import trained_window
    from w2v_desktop.core.train import model_file
    from w2v_desktop.gui.app import keep_unsaved_model

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    trained_window(qtbot, window)
    assert window.state.unsaved
    keep_unsaved_model(window)
    kept = list((tmp_path / "cache" / "w2v-desktop" / "recovered").glob("model-*.npz"))
    assert len(kept) == 1 and str(kept[0]) in capsys.readouterr().err
    again = model_file.load_model(kept[0])
    assert again.vocab.words == window.state.trainer.vocab.words
    window.state.set_unsaved(False)
    keep_unsaved_model(window)   # nothing unsaved: nothing more written
    assert len(list(kept[0].parent.iterdir())) == 1
