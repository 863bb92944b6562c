"""The output layer (core/outputs.py): refusals before work, part files that never outlive
their writer, disk errors that name the user's file; CSV escaping (formats.common), the cache
folder (core/scratch.py)."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from w2v_desktop.core import outputs
from w2v_desktop.core.formats.common import csv_text, csv_text_value
from w2v_desktop.core.outputs import (OutputError, OutputWriteError, Terminated, atomic_directory, atomic_write,
                                      check_distinct, check_output, sweep, terminate_cleanly)

ROOT = Path(__file__).resolve().parents[2]
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- refusals ---------------------------------------------------------------------------------

def test_an_output_that_is_an_input_is_refused_by_any_name(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("precious\n")
    os.link(corpus, tmp_path / "hard.txt")
    (tmp_path / "soft.txt").symlink_to(corpus)
    monkeypatch.chdir(tmp_path)
    for spelling in (corpus, "corpus.txt", "./corpus.txt", f"../{tmp_path.name}/corpus.txt",
                     tmp_path / "hard.txt", tmp_path / "soft.txt"):
        with pytest.raises(OutputError, match="same file as") as err:
            check_output(spelling, [str(corpus)])
        assert str(spelling) in str(err.value)
    check_output(tmp_path / "other.txt", [corpus])  # a new name is fine
    assert corpus.read_text() == "precious\n" and "other.txt" not in names(tmp_path)


def test_an_output_inside_an_input_folder_or_holding_an_input_is_refused(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("x\n")
    with pytest.raises(OutputError, match="inside the input folder"):
        check_output(folder / "vectors.txt", [folder])
    with pytest.raises(OutputError, match="holds the input"):
        check_output(folder, [folder / "a.txt"], folder_ok=True)


@pytest.mark.parametrize("kind", ["folder", "fifo", "device", "socket"])
def test_devices_fifos_sockets_and_folders_are_refused(tmp_path, kind):
    target = tmp_path / "target"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target.symlink_to("/dev/null")  # a link: were the check to fail, the link is replaced, not the device
    else:
        import socket

        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    with pytest.raises(OutputError, match=f"{target} is a") as err:
        check_output(target)
    assert ".part" not in str(err.value)
    with pytest.raises(OutputError):
        with atomic_write(target) as f:  # the write itself refuses too
            f.write("x")
    assert names(tmp_path) == ["target"]
    if kind == "device":
        assert target.is_char_device()


def test_dev_null_itself_is_never_replaced(tmp_path):
    with pytest.raises(OutputError, match="/dev/null is a device"):
        with atomic_write("/dev/null") as f:
            f.write("x")
    assert Path("/dev/null").is_char_device()


def test_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(OutputError, match=f"its folder {tmp_path / 'no'} does not exist"):
        check_output(tmp_path / "no" / "v.txt")
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="is not a folder"):
        check_output(tmp_path / "file" / "v.txt")


@pytest.mark.skipif(ROOT_USER, reason="root writes into a read-only folder anyway")
def test_an_unwritable_folder_is_refused_before_work(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match=f"{folder / 'v.txt'}: cannot write in its folder"):
            check_output(folder / "v.txt")
    finally:
        folder.chmod(0o700)


def test_a_folder_that_refuses_files_is_found_by_trying(tmp_path, monkeypatch):
    """The probe creates a file, so read-only file systems and ACLs are found too (simulated:
    this runs as root in CI, which chmod cannot stop)."""
    real_open = os.open

    def read_only(path, flags, *args):
        if str(path).endswith(".part"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(outputs.os, "open", read_only)
    with pytest.raises(OutputError, match=r"v.txt: cannot write in its folder .* \(read-only file system\)") as err:
        check_output(tmp_path / "v.txt")
    assert ".part" not in str(err.value)


def test_two_outputs_of_one_run_must_differ(tmp_path):
    with pytest.raises(OutputError, match="are the same file"):
        check_distinct([tmp_path / "a.npz", tmp_path / "." / "a.npz"])
    check_distinct([tmp_path / "a.npz", tmp_path / "b.npz", None])


# --- part files -------------------------------------------------------------------------------

def test_part_names_are_unique_and_name_their_writer(tmp_path):
    target = tmp_path / "v.txt"
    with atomic_write(target) as f1, atomic_write(tmp_path / "w.txt") as f2:
        parts = [n for n in names(tmp_path) if n.endswith(".part")]
        assert len(parts) == 2 and all(f".{os.getpid()}." in p for p in parts)
        f1.write("1")
        f2.write("2")
    assert names(tmp_path) == ["v.txt", "w.txt"]


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_next_write_sweeps_parts_of_dead_writers_only(tmp_path):
    target = tmp_path / "v.txt"
    host = outputs._HOST
    dead = tmp_path / f".v.txt.{dead_pid()}.{host}.0123abcd.part"
    live = tmp_path / f".v.txt.{os.getppid()}.{host}.0123abcd.part"  # pytest's parent: alive
    foreign = tmp_path / f".v.txt.{dead_pid()}.ffffff.0123abcd.part"  # another host: cannot judge
    legacy_old, legacy_new = tmp_path / ".v.txt.abcd_123.part", tmp_path / ".v.txt.zz99aa11.part"
    other = tmp_path / f".w.txt.{dead_pid()}.{host}.0123abcd.part"  # another target's
    for part in (dead, live, foreign, legacy_old, legacy_new, other):
        part.write_text("half")
    os.utime(legacy_old, (time.time() - 2 * outputs.LEGACY_AGE_S,) * 2)
    with atomic_write(target) as f:
        f.write("new")
    assert not dead.exists() and not legacy_old.exists()
    assert live.exists() and foreign.exists() and legacy_new.exists() and other.exists()
    assert target.read_text() == "new"


def test_a_kill_between_the_renames_of_a_folder_is_undone_by_the_next_write(tmp_path):
    target = tmp_path / "model"
    target.mkdir()
    (target / "data").write_text("old")
    stale = tmp_path / f".model.{dead_pid()}.{outputs._HOST}.0123abcd.old"
    os.rename(target, stale)  # what a SIGKILL between the two renames leaves
    assert sweep(target) == [stale]
    assert (target / "data").read_text() == "old" and names(tmp_path) == ["model"]


def test_a_failed_folder_write_keeps_the_old_folder(tmp_path):
    target = tmp_path / "model"
    target.mkdir()
    (target / "data").write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_directory(target) as tmp:
            (tmp / "data").write_text("new")
            raise RuntimeError("stop")
    assert (target / "data").read_text() == "old" and names(tmp_path) == ["model"]


# --- disk errors ------------------------------------------------------------------------------

@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EIO])
def test_a_disk_error_names_the_file_and_keeps_the_old_one(tmp_path, monkeypatch, code):
    target = tmp_path / "v.txt"
    target.write_text("precious")

    def failing(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(outputs.os, "fsync", failing)
    with pytest.raises(OutputWriteError) as err:
        with atomic_write(target) as f:
            f.write("new")
    message = str(err.value)
    assert message == f"{target}: could not write it ({os.strerror(code).lower()}); the file there is unchanged"
    assert err.value.errno == code and err.value.filename == str(target)
    assert target.read_text() == "precious" and names(tmp_path) == ["v.txt"]


def test_a_disk_error_on_a_new_file_says_nothing_was_written(tmp_path, monkeypatch):
    real_open = os.open

    def no_space(path, flags, *args):
        if str(path).endswith(".part"):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(outputs.os, "open", no_space)
    with pytest.raises(OutputWriteError, match=r"new.txt: could not write it \(no space left on device\); "
                                               r"nothing was written") as err:
        with atomic_write(tmp_path / "new.txt") as f:
            f.write("x")
    assert ".part" not in str(err.value) and names(tmp_path) == []


def test_another_files_error_is_left_as_it_is(tmp_path):
    with pytest.raises(FileNotFoundError) as err:
        with atomic_write(tmp_path / "v.txt") as f:
            f.write(open(tmp_path / "missing.txt").read())
    assert err.value.filename == str(tmp_path / "missing.txt") and names(tmp_path) == []


# --- signals ----------------------------------------------------------------------------------

def test_sigterm_unwinds_like_ctrl_c_and_the_part_goes(tmp_path):
    target = tmp_path / "v.txt"
    target.write_text("precious")
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Terminated) as err:
        with terminate_cleanly():
            with atomic_write(target) as f:
                f.write("half")
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)  # the handler raises here
    assert err.value.signum == signal.SIGTERM and isinstance(err.value, KeyboardInterrupt)
    assert signal.getsignal(signal.SIGTERM) is before
    assert target.read_text() == "precious" and names(tmp_path) == ["v.txt"]


def test_parts_another_thread_writes_go_at_interpreter_exit(tmp_path):
    script = (f"import threading, time, sys\n"
              f"from w2v_desktop.core.outputs import atomic_write\n"
              f"def write():\n"
              f"    with atomic_write({str(tmp_path / 'v.txt')!r}) as f:\n"
              f"        f.write('half'); time.sleep(30)\n"
              f"threading.Thread(target=write, daemon=True).start()\n"
              f"time.sleep(0.5); sys.exit(3)\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=60)
    assert result.returncode == 3 and names(tmp_path) == []


# --- CSV for spreadsheets ---------------------------------------------------------------------

@pytest.mark.parametrize("cell, escaped", [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("'=x", "''=x"), ("'tis", "''tis"),
    ("-1.5", "-1.5"), ("+2", "+2"), ("-inf", "-inf"), ("paris", "paris"), ("", ""), ("a=b", "a=b")])
def test_csv_text_escapes_formulas_but_not_numbers_and_round_trips(cell, escaped):
    assert csv_text(cell) == escaped
    assert csv_text_value(escaped) == cell


def test_csv_text_value_leaves_unescaped_cells_alone():
    for cell in ("'quoted", "'", "plain", "-3"):
        assert csv_text_value(cell) == cell


# --- the cache folder and jieba ----------------------------------------------------------------

def test_the_cache_folder_is_private(tmp_path, monkeypatch):
    from w2v_desktop.core.scratch import cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = cache_dir("jieba")
    assert folder == tmp_path / "cache" / "w2v-desktop" / "jieba"
    assert folder.stat().st_mode & 0o777 == 0o700
    (tmp_path / "cache" / "w2v-desktop").chmod(0o777)
    cache_dir()
    assert (tmp_path / "cache" / "w2v-desktop").stat().st_mode & 0o777 == 0o700


@pytest.mark.skipif(not ROOT_USER, reason="making a folder someone else's needs root")
def test_a_cache_folder_of_another_user_is_refused(tmp_path, monkeypatch):
    from w2v_desktop.core.scratch import cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "w2v-desktop").mkdir()
    os.chown(tmp_path / "w2v-desktop", 4242, 4242)
    with pytest.raises(PermissionError, match="w2v-desktop: the cache folder is not a folder of this user's"):
        cache_dir()


def test_jiebas_dictionary_cache_is_in_the_users_cache_folder(tmp_path, monkeypatch):
    pytest.importorskip("jieba")
    import tempfile

    from w2v_desktop.core.text import segment

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    segment._segmenter.cache_clear()
    try:
        assert segment.make_segmenter()("深度学习很有趣").split()
        cached = list((tmp_path / "w2v-desktop" / "jieba").iterdir())
        assert [p.name for p in cached] == ["jieba.cache"]
        assert not Path(tempfile.gettempdir(), "jieba.cache").samefile(cached[0]) \
            if Path(tempfile.gettempdir(), "jieba.cache").exists() else True
    finally:
        segment._segmenter.cache_clear()


def test_a_sweep_never_takes_a_part_this_process_is_writing(tmp_path, monkeypatch):
    """Another thread writing the same target under another spelling of its path."""
    monkeypatch.chdir(tmp_path)
    with atomic_write("v.txt") as f:
        f.write("new")
        assert sweep(tmp_path / "v.txt") == [] and len([n for n in names(tmp_path) if n.endswith(".part")]) == 1
    assert names(tmp_path) == ["v.txt"]
