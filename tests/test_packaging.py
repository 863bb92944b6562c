"""The wheel carries the bundled files, and an install of it passes --self-test and --screenshot.

The wheel is built (pip, with build isolation) from a copy of the package sources, so that
a stale ``build/`` folder in the checkout cannot supply files the package configuration
forgot. It is installed without its dependencies into a folder of its own (they are the
ones this interpreter already has), and the commands run with only that folder on
PYTHONPATH, from a folder outside the checkout, so that the installed copy is the one
imported. A wheel that lost its package data fails the member check (and, were that
check gone, the self-test).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from w2v_desktop.core.bundled import ICON_FILES, TRANSLATION_FILES, SAMPLE_FILES

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = [f"w2v_desktop/resources/samples/{name}" for name in SAMPLE_FILES] + \
          [f"w2v_desktop/resources/stopwords/{name}.txt" for name in ("english", "chinese")] + \
          [f"w2v_desktop/resources/icons/{name}" for name in ICON_FILES] + \
          [f"w2v_desktop/resources/i18n/{name}" for name in TRANSLATION_FILES]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, list[str]]:
    """(folder to run in, install folder, wheel members)."""
    tmp = tmp_path_factory.mktemp("packaging")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "w2v_desktop", src / "w2v_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.nbi", "*.nbc"))
    dist = tmp / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--wheel-dir", str(dist), str(src)], cwd=tmp)
    wheel, = dist.glob("w2v_desktop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        members = archive.namelist()
    site = tmp / "site"
    _run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-compile", "--target", str(site),
          str(wheel)], cwd=tmp)
    return tmp, site, members


def test_wheel_carries_the_bundled_files_and_the_license(installed):
    _, _, members = installed
    missing = [name for name in BUNDLED if name not in members]
    assert not missing, f"the wheel lacks its package data: {missing}"
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in members)
    assert not any(name.startswith(("tests/", "benchmarks/", "resources/")) for name in members)


def test_installed_wheel_passes_self_test_and_screenshots(installed):
    tmp, site, _ = installed
    where = _run([sys.executable, "-c", "import w2v_desktop.core.bundled as b, w2v_desktop as w; "
                  "print(w.__file__); print(b.bundled_path())"], cwd=tmp, site=site).stdout.split()
    assert [Path(p).is_relative_to(site) for p in where] == [True, True], where  # not the checkout

    result = _run([sys.executable, "-m", "w2v_desktop", "--self-test"], cwd=tmp, site=site)
    assert result.stdout.strip().splitlines()[-1] == "OK", result.stdout + result.stderr

    shots = tmp / "shots"
    _run([sys.executable, "-m", "w2v_desktop", "--screenshot", str(shots)], cwd=tmp, site=site)
    pictures = sorted(p.name for p in shots.glob("*.png"))
    assert len(pictures) >= 8 and all((shots / p).stat().st_size > 10_000 for p in pictures), pictures


def _run(cmd: list[str], cwd: Path, site: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NUMBA_CACHE_DIR=str(cwd / "numba-cache"))
    if site is not None:
        env["PYTHONPATH"] = str(site)  # only the installed copy: the checkout is not on the path
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{cmd} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result
