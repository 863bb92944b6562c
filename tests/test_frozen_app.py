"""The frozen (PyInstaller) app builds from packaging/w2v-desktop.spec and works.

Slow (about 70 s to build on two cores, 0.7 GB on disk, in a temporary folder): it
runs once in CI, where PyInstaller comes with the test extra. The bundle's
``--self-test`` imports every module of ours from the bundle, trains, checks the
bundled samples, stop words and icon, and builds the window; then the bundle trains
on its own bundled sample with a bundled stop-word list, and opens the window
(offscreen) to its first paint.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
pyinstaller = pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (it is in the test extra)")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("frozen")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(tmp / "dist"), "--workpath", str(tmp / "build"),
                    str(ROOT / "packaging" / "w2v-desktop.spec")],
                   cwd=tmp, check=True, timeout=900)
    app = tmp / "dist" / "w2v-desktop" / "w2v-desktop"
    assert app.is_file()
    return app


def _env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(QT_QPA_PLATFORM="offscreen", NUMBA_CACHE_DIR=str(tmp_path / "numba"), HOME=str(tmp_path))
    return env


def test_frozen_app_passes_its_self_test(bundle, tmp_path):
    done = subprocess.run([str(bundle), "--self-test"], cwd=tmp_path, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip().endswith("OK"), done.stdout + done.stderr


def test_frozen_app_trains_on_its_bundled_sample_and_opens_its_window(bundle, tmp_path):
    sample = bundle.parent / "_internal" / "w2v_desktop" / "resources" / "samples" / "sample_corpus.txt"
    out = tmp_path / "v.bin"
    done = subprocess.run([str(bundle), "train", str(sample), "-o", str(out), "--stop-words", "english",
                           "--epochs", "1"], cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000
    shown = subprocess.run([str(bundle), "--startup-time"], cwd=tmp_path, env=_env(tmp_path),
                           capture_output=True, text=True, timeout=300)
    assert shown.returncode == 0, shown.stderr
    assert re.search(r"first window paint after \d+\.\d+ s", shown.stdout), shown.stdout
