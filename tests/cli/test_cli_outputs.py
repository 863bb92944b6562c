"""Outputs the CLI refuses before any work: an input of the run (by any name), a device, a FIFO,
a folder, a missing or unwritable folder. Each: exit status 2, one line naming the path, no
traceback, the input unchanged, and nothing read or trained first. Also: SIGTERM during
training and a full disk."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from w2v_desktop.cli import main
from w2v_desktop.core import outputs
from w2v_desktop.core.formats import load_vectors, save_vectors
from w2v_desktop.core.vectors import Vectors

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "w2v_desktop" / "resources" / "samples" / "sample_corpus.txt"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A folder with a corpus and a vectors pair in it, as the current folder."""
    (tmp_path / "corpus.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "stop.txt").write_text("the\n")
    rng = np.random.default_rng(0)
    save_vectors(Vectors(["a", "b", "c"], rng.standard_normal((3, 4)).astype(np.float32)), tmp_path / "v.npy")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def refused(capsys, argv, names, before) -> str:
    """Runs the CLI; checks exit 2, one line naming ``names``, no traceback, nothing read."""
    rc = main(argv)
    err = capsys.readouterr().err
    assert rc == 2, err
    assert err.count("\n") == 1 and err.startswith("w2v-desktop: error: ") and "Traceback" not in err, err
    for name in names:
        assert str(name) in err, err
    assert ".part" not in err
    assert "tokens in" not in err and "epoch" not in err and "read " not in err  # refused before reading
    after = {p.name: p.read_bytes() for p in Path.cwd().iterdir() if p.is_file()}
    assert after == before
    return err


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("argv, named", [
    (["train", "corpus.txt", "-o", "corpus.txt"], ["corpus.txt is the same file as corpus.txt"]),
    (["train", "corpus.txt", "-o", "./corpus.txt"], ["./corpus.txt is the same file"]),
    (["train", "./corpus.txt", "-o", "../{dir}/corpus.txt"], ["../{dir}/corpus.txt is the same file"]),
    (["train", "corpus.txt", "-o", "v.bin", "--model", "corpus.txt"], ["corpus.txt is the same file"]),
    (["train", "corpus.txt", "-o", "hard.txt"], ["hard.txt is the same file as corpus.txt"]),
    (["train", "corpus.txt", "-o", "soft.txt"], ["soft.txt is the same file as corpus.txt"]),
    (["train", "corpus.txt", "-o", "same.npz", "--format", "word2vec", "--model", "same.npz"],
     ["are the same file"]),
    (["train", "corpus.txt", "-o", "x.txt", "--stop-words-file", "stop.txt", "--model", "stop.txt"],
     ["stop.txt is the same file as stop.txt"]),
    (["convert", "v.npy", "v.npy"], ["v.npy is the same file as v.npy"]),
    (["convert", "v.npy", "v.vocab.txt"], ["v.vocab.txt is the same file as v.vocab.txt"]),
    (["convert", "v.npy", "w.npy", "--to", "npy"], []),  # a new pair: allowed (checked below)
    (["project", "v.npy", "-o", "v.vocab.txt"], ["v.vocab.txt is the same file"]),
])
def test_an_output_that_is_an_input_is_refused(work, capsys, argv, named):
    os.link(work / "corpus.txt", work / "hard.txt")
    (work / "soft.txt").symlink_to(work / "corpus.txt")
    argv = [a.format(dir=work.name) for a in argv]
    named = [n.format(dir=work.name) for n in named]
    before = files(work)
    if not named:
        assert main(argv) == 0 and load_vectors(work / "w.npy").names == ["a", "b", "c"]
        return
    refused(capsys, argv, named, before)


def test_a_model_may_be_replaced_by_its_own_continuation(work, capsys):
    """--model naming the --continue-from file: the model is read whole first and replaced
    atomically by its continuation, which is what updating a model in place means."""
    assert main(["train", "corpus.txt", "-o", "v.txt", "--model", "m.npz", "--dim", "8", "--epochs", "1",
                 "--quiet"]) == 0
    assert main(["train", "corpus.txt", "-o", "v2.txt", "--continue-from", "m.npz", "--model", "m.npz",
                 "--epochs", "1", "--quiet"]) == 0


def dev_null(tmp_path: Path) -> str:
    """/dev/null itself, or as root a link to it (were the refusal to fail, root would replace the
    device; the link is what would be replaced then)."""
    if not ROOT_USER:
        return "/dev/null"
    (tmp_path / "null-link").symlink_to("/dev/null")
    return "null-link"


@pytest.mark.parametrize("what", ["device", "device-model", "fifo", "folder", "missing", "convert-device"])
def test_devices_fifos_folders_and_missing_folders_are_refused_before_training(work, capsys, what):
    if what == "fifo":
        os.mkfifo(work / "pipe")
    (work / "adir").mkdir()
    null = dev_null(work) if "device" in what else ""
    argv, named = {
        "device": (["train", "corpus.txt", "-o", null], [f"{null} is a device"]),
        "device-model": (["train", "corpus.txt", "-o", "v.bin", "--model", null], [f"{null} is a device"]),
        "fifo": (["train", "corpus.txt", "-o", "pipe"], ["pipe is a FIFO"]),
        "folder": (["train", "corpus.txt", "-o", "adir"], ["adir is a folder"]),
        "missing": (["train", "corpus.txt", "-o", "no/v.bin"], [f"no/v.bin: its folder {work / 'no'} does not exist"]),
        "convert-device": (["convert", "v.npy", null, "--to", "word2vec"], [f"{null} is a device"]),
    }[what]
    refused(capsys, argv, named, files(work))
    assert Path("/dev/null").is_char_device()
    if what == "fifo":
        assert (work / "pipe").is_fifo()


@pytest.mark.skipif(ROOT_USER, reason="root writes into a read-only folder anyway")
def test_an_unwritable_folder_is_refused_before_training(work, capsys):
    (work / "ro").mkdir()
    (work / "ro").chmod(0o500)
    try:
        refused(capsys, ["train", "corpus.txt", "-o", "ro/v.bin"], ["ro/v.bin: cannot write in its folder"],
                files(work))
    finally:
        (work / "ro").chmod(0o700)


def test_a_folder_that_refuses_files_is_found_before_training(work, capsys, monkeypatch):
    """As root (CI) chmod cannot stop a write: the refusal is simulated at the file system call."""
    real_open = os.open

    def read_only(path, flags, *args):
        if "/ro/" in str(path) or str(path).startswith("ro/"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    (work / "ro").mkdir()
    monkeypatch.setattr(outputs.os, "open", read_only)
    refused(capsys, ["train", "corpus.txt", "-o", "ro/v.bin"],
            ["ro/v.bin: cannot write in its folder", "read-only file system"], files(work))


def test_refusals_print_one_line_from_a_real_process(work):
    """The whole command in its own process: exit 2, one line, no traceback, corpus intact."""
    before = (work / "corpus.txt").read_bytes()
    for argv in (["train", "corpus.txt", "-o", "corpus.txt"], ["train", "corpus.txt", "-o", dev_null(work)]):
        result = subprocess.run([sys.executable, "-m", "w2v_desktop", *argv], cwd=work, capture_output=True,
                                text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr and argv[-1] in result.stderr
    assert (work / "corpus.txt").read_bytes() == before and Path("/dev/null").is_char_device()


def test_a_full_disk_names_the_file_and_keeps_the_old_one(work, capsys, monkeypatch):
    old = (work / "v.npy").read_bytes(), (work / "v.vocab.txt").read_bytes()
    (work / "out.txt").write_text("precious")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs.os, "fsync", no_space)
    rc = main(["convert", "v.npy", "out.txt"])
    err = capsys.readouterr().err
    assert rc == 2 and err == (f"w2v-desktop: error: out.txt: could not write it (no space left on device); "
                               f"the file there is unchanged\n")
    assert (work / "out.txt").read_text() == "precious"
    rc = main(["convert", "v.npy", "w.tsv"])
    err = capsys.readouterr().err
    assert rc == 2 and "w_metadata.tsv" not in err and "w.tsv: could not write it (no space left on device); " \
                                                              "nothing was written" in err
    assert sorted(p.name for p in work.iterdir() if p.name.startswith((".", "w"))) == [".v.npy.w2v-pair.json"]
    assert ((work / "v.npy").read_bytes(), (work / "v.vocab.txt").read_bytes()) == old


@pytest.mark.slow
def test_sigterm_during_training_stops_cleanly(work):
    """A real run stopped by SIGTERM while it trains: exit 143, one line, no part file, the old
    output untouched (training takes several seconds here, so the signal lands mid-run)."""
    big = work / "big.txt"
    big.write_bytes(SAMPLE.read_bytes() * 40)
    (work / "v.bin").write_bytes(b"old vectors")
    child = subprocess.Popen([sys.executable, "-m", "w2v_desktop", "train", "big.txt", "-o", "v.bin", "--model",
                              "m.npz", "--epochs", "200", "--threads", "1"], cwd=work, stderr=subprocess.PIPE,
                             text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = []
    while not any(line.startswith("epoch 1/") for line in lines):
        lines.append(child.stderr.readline())
        assert lines[-1], lines
    started = time.monotonic()
    child.send_signal(signal.SIGTERM)
    rest = child.stderr.read()
    child.wait(timeout=60)
    assert child.returncode == 143 and rest.endswith("w2v-desktop: stopped by SIGTERM\n"), rest
    assert "Traceback" not in rest and time.monotonic() - started < 30
    assert (work / "v.bin").read_bytes() == b"old vectors" and not (work / "m.npz").exists()
    assert not [p for p in work.iterdir() if ".part" in p.name]


def test_a_signal_that_lands_inside_compiled_code_still_stops_cleanly(monkeypatch, capsys):
    """Numba's dispatcher turns an exception raised by a signal handler during a call into
    "SystemError: ... returned a result with an exception set" (seen once in CI): the CLI unwraps it."""
    import signal as signals

    from w2v_desktop import cli
    from w2v_desktop.cli import train_cmd
    from w2v_desktop.core.outputs import Terminated

    def interrupted_inside_numba(_args):
        try:
            raise Terminated(signals.SIGTERM)
        except Terminated as stop:
            raise SystemError("CPUDispatcher(<function subsample_ids>) returned a result with an exception set") \
                from stop

    monkeypatch.setattr(train_cmd, "run", interrupted_inside_numba)
    assert cli.main(["train", "x.txt", "-o", "v.bin"]) == 143
    err = capsys.readouterr().err
    assert err.endswith("w2v-desktop: stopped by SIGTERM\n") and "Traceback" not in err
