"""Fault tests: real writes in another process, killed mid-write by SIGTERM or SIGKILL.

Every kind of write (word2vec text and binary, the .npy pair, the Projector pair, CSV vectors,
CSV coordinates, the model .npz, the project file) replaces an old file. The writer
(``fault_writer.py``) pauses once its part file is complete; the test kills it there.
After SIGTERM the old files are byte-identical and no part file is left; after SIGKILL the
old files are byte-identical and the next write to the same target sweeps the part. A pair
killed between its two renames never loads.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from w2v_desktop.core.formats import FormatError, load_vectors, save_vectors
from w2v_desktop.core.vectors import Vectors

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
N = 20_000  # rows: a few MB per file, so the write is real work
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="signals and /proc as on Linux")
FAST = {"word2vec-binary", "npy", "model"}  # a process start each (~2 s): the rest run with the slow tests

VECTOR_KINDS = {"word2vec": "v.txt", "word2vec-binary": "v.bin", "npy": "v.npy", "projector-tsv": "v.tsv",
                "csv": "v.csv"}
OTHER_KINDS = {"model": "m.w2vmodel.npz", "project": "p.w2vproj.json", "coordinates": "map.csv"}


def make_vectors(n: int, seed: int) -> Vectors:
    rng = np.random.default_rng(seed)
    return Vectors([f"w{i}" for i in range(n)], rng.standard_normal((n, 50)).astype(np.float32))


def write_in_process(kind: str, target: Path, size: int) -> None:
    """The same write as the child's, here (the old file, and the write after a kill)."""
    if kind in VECTOR_KINDS:
        save_vectors(make_vectors(size, size), target, kind)
    else:
        subprocess.run([sys.executable, str(HERE / "fault_writer.py"), kind, str(target), str(size), "none"],
                       cwd=ROOT, check=True, timeout=120)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def parts(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".part" in p.name]


def start_and_pause(kind: str, target: Path, pause: str) -> subprocess.Popen:
    source = target.parent / "source" / "in.npy"
    if kind in VECTOR_KINDS and not source.exists():
        source.parent.mkdir(exist_ok=True)
        save_vectors(make_vectors(N, 7), source, "npy")
    child = subprocess.Popen([sys.executable, str(HERE / "fault_writer.py"), kind, str(target),
                              str(source) if kind in VECTOR_KINDS else str(N), pause],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    while not lines or lines[-1] not in ("PAUSED\n", ""):  # convert prints what it read first
        lines.append(child.stdout.readline())
    if lines[-1] != "PAUSED\n":
        child.kill()
        pytest.fail(f"the writer did not reach its pause: {lines!r} {child.stderr.read()}")
    return child


def kinds():
    return [k if k in FAST else pytest.param(k, marks=pytest.mark.slow) for k in [*VECTOR_KINDS, *OTHER_KINDS]]


@pytest.mark.parametrize("kind", kinds())
def test_sigterm_mid_write_keeps_the_old_file_and_leaves_no_part(tmp_path, kind):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / {**VECTOR_KINDS, **OTHER_KINDS}[kind]
    write_in_process(kind, target, 100)
    before = snapshot(folder)
    child = start_and_pause(kind, target, "part")
    assert parts(folder), "the kill must come while a part file exists"
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signal.SIGTERM and "Traceback" not in err, err
    if kind in VECTOR_KINDS:  # the CLI: one line
        assert err == "w2v-desktop: stopped by SIGTERM\n"
    assert snapshot(folder) == before and parts(folder) == []


@pytest.mark.parametrize("kind", kinds())
def test_sigkill_mid_write_keeps_the_old_file_and_the_next_write_sweeps_the_part(tmp_path, kind):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / {**VECTOR_KINDS, **OTHER_KINDS}[kind]
    write_in_process(kind, target, 100)
    before = snapshot(folder)
    child = start_and_pause(kind, target, "part")
    child.kill()
    child.communicate(timeout=60)
    left = parts(folder)
    assert left and all(f".{child.pid}." in name for name in left)
    after = snapshot(folder)
    assert {k: v for k, v in after.items() if k not in left} == before
    write_in_process(kind, target, 200)
    assert parts(folder) == []
    if kind in VECTOR_KINDS:
        assert len(load_vectors(target, kind)) == 200


@pytest.mark.parametrize("kind", ["npy", pytest.param("projector-tsv", marks=pytest.mark.slow)])
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_a_pair_killed_between_its_two_renames_never_loads(tmp_path, kind, how):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / VECTOR_KINDS[kind]
    write_in_process(kind, target, 100)
    child = start_and_pause(kind, target, "between")
    child.send_signal(how)
    child.communicate(timeout=60)
    with pytest.raises(FormatError, match="come from two different writes"):
        load_vectors(target, kind)
    write_in_process(kind, target, 200)  # writing the pair again mends it
    assert len(load_vectors(target, kind)) == 200 and parts(folder) == []
