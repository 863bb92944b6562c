"""The bad-input catalogue (issue 13): every case runs the real CLI and must give exit
status 2, one message naming the file (and line) or the option, no traceback, and
leave every file in the folder as it was, with nothing new written.

A case is (id, files to create, argv, substrings the message must hold). Paths in
argv and in the expected substrings are relative to the case's folder; ``{d}`` is
that folder. ``corpus.txt``, ``vec.txt`` and ``ratings.csv`` (sound files) exist in
every folder. Cases run in-process (``cli.main``) except those that would hang on a
regression (FIFOs), which run in a subprocess with a timeout.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.catalogue import files as F
from tests.catalogue.cases import CASES, OUTPUT_CASES, PROJECT_CASES, Case
from w2v_desktop import cli

ROOT = Path(__file__).resolve().parents[2]


def make_folder(folder: Path, case: Case) -> None:
    (folder / "corpus.txt").write_text(F.sentences())
    (folder / "vec.txt").write_bytes(F.w2v_text())
    (folder / "ratings.csv").write_bytes(F.ratings_csv())
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under the folder with a hash of what it holds (FIFOs by kind: never opened)."""
    seen = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_fifo():
            seen[rel] = "fifo"
        elif path.is_dir():
            seen[rel] = "dir"
        else:
            seen[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return seen


def argv_of(case: Case, folder: Path) -> list[str]:
    out = []
    for arg in case.argv:
        arg = arg.replace("{d}", str(folder))
        out.append(arg)
    return out


def run_in_process(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse refuses options this way
        code = exc.code
    return code, capsys.readouterr().err


def run_subprocess(argv: list[str]) -> tuple[int, str]:
    result = subprocess.run([sys.executable, "-m", "w2v_desktop", *argv], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return result.returncode, result.stderr


def check_refused(case: Case, folder: Path, code: int, err: str) -> None:
    assert "Traceback" not in err, err
    assert code == 2, f"exit {code}: {err}"
    lines = [ln for ln in err.splitlines() if ln.strip()]
    message = lines[-1] if lines else ""
    for fragment in case.expect:
        fragment = fragment.replace("{d}", str(folder))
        assert fragment in message, f"{fragment!r} not in {message!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_bad_input_is_refused_in_one_line_and_changes_nothing(case, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path, case)
    before = snapshot(tmp_path)
    argv = argv_of(case, tmp_path)
    code, err = run_subprocess(argv) if case.subprocess else run_in_process(argv, capsys)
    check_refused(case, tmp_path, code, err)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", OUTPUT_CASES, ids=[c.id for c in OUTPUT_CASES])
def test_a_bad_output_is_refused_before_any_work(case, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path, case)
    before = snapshot(tmp_path)
    code, err = run_in_process(argv_of(case, tmp_path), capsys)
    check_refused(case, tmp_path, code, err)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", PROJECT_CASES, ids=[c.id for c in PROJECT_CASES])
def test_a_bad_project_file_is_refused_naming_it(case, tmp_path, monkeypatch):
    """Project files have no CLI command (``w2v-desktop FILE`` opens the app), so these go
    through the loader the app's Open project calls."""
    from w2v_desktop.core.formats import load_project
    from w2v_desktop.core.untrusted import InputError

    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path, case)
    before = snapshot(tmp_path)
    with pytest.raises(InputError) as info:
        load_project(tmp_path / case.argv[0])
    for fragment in case.expect:
        assert fragment.replace("{d}", str(tmp_path)) in str(info.value)
    assert snapshot(tmp_path) == before


def test_the_catalogue_is_large_and_covers_every_reader():
    kinds = {c.id.split("-", 1)[0] for c in CASES}
    assert len(CASES) + len(OUTPUT_CASES) + len(PROJECT_CASES) >= 80
    assert {"corpus", "ratings", "vectors", "model", "options", "eval"} <= kinds
    assert len({c.id for c in CASES}) == len(CASES)
