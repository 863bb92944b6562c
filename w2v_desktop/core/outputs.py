"""The one output layer: every file w2v-desktop writes goes through here.

What it guarantees, to the CLI, the app and the Python API alike:

- **Refusal before work.** :func:`check_output` refuses a target that is one of the
  run's inputs (the same file by any name: a hard link, a symbolic link, ``./x``),
  lies inside an input folder or holds an input, is a device, a FIFO, a socket or
  a folder, or whose folder is missing or not writable (tried by creating a file
  there, which also catches read-only file systems and ACLs). Commands call it
  before reading or training, so a wrong ``-o`` costs a second, not a training run.
  :func:`atomic_write` refuses devices, FIFOs, sockets and folders again when it
  opens: ``-o /dev/null`` never replaces the device with a regular file.
- **Atomic replacement.** A part file beside the target is written, flushed,
  fsynced and renamed over it, and the folder is fsynced. Until the rename the
  old file is untouched; after it the new one is whole.
- **No part file outlives its writer.** An exception, Ctrl-C or SIGTERM (the
  CLI runs under :func:`terminate_cleanly`) removes it, and so does interpreter
  exit for a part another thread was writing. A part left by SIGKILL or a power
  cut is named after its process, ``.NAME.PID.HOST.RANDOM.part``, and the next
  write to the same target sweeps it once that process is gone (never one of a
  live writer, never one from another host). Two writers never share a name.
- **Errors name the user's file.** A disk error while writing (no space, quota,
  read-only, permission) becomes :class:`OutputWriteError` naming the target and
  saying the old file is unchanged; a refusal is :class:`OutputError`. Neither
  mentions the part file.
"""
from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import stat
import threading
import time
from pathlib import Path
from typing import IO, Iterable, Iterator

_HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]
LEGACY_AGE_S = 3600  # parts of older versions (.NAME.XXXXXXXX.part) carry no pid: swept when this old
_live: set[str] = set()  # part files and folders this process is writing now
_live_lock = threading.Lock()


class OutputError(ValueError):
    """An output refused before anything was written; the message names the user's path."""


class OutputWriteError(OSError):
    """Writing failed (disk full, quota, read-only file system, permission): the message names
    the file the user asked for, never the part file, and says what became of the old one."""

    def __init__(self, errno_: int | None, strerror: str | None, path: Path, existed: bool):
        super().__init__(errno_, strerror, str(path))
        self.existed = existed

    def __str__(self) -> str:
        kept = "the file there is unchanged" if self.existed else "nothing was written"
        return f"{self.filename}: could not write it ({(self.strerror or 'error').lower()}); {kept}"


# --- refusing before work ----------------------------------------------------------------------

def _kind(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def check_target(path: str | os.PathLike, folder_ok: bool = False) -> Path:
    """Refuse a target that is a device, FIFO, socket or (unless ``folder_ok``) a folder, or
    whose folder does not exist. Cheap: :func:`atomic_write` calls it on every write."""
    shown, path = os.fspath(path), Path(path)  # messages say the path as the user wrote it
    if path.name in ("", ".", ".."):
        raise OutputError(f"{shown}: not a file name")
    try:
        mode = os.stat(path).st_mode  # follows links: a link to /dev/null is a device
    except OSError:
        mode = None
    kind = None if mode is None else _kind(mode)
    if kind and not (folder_ok and stat.S_ISDIR(mode)):
        raise OutputError(f"{shown} is {kind}; refusing to write over it")
    folder = Path(os.path.abspath(path)).parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"{shown}: its folder {folder} {what}")
    return path


def check_output(path: str | os.PathLike, inputs: Iterable = (), *, folder_ok: bool = False) -> Path:
    """Everything :func:`check_target` refuses, plus a target that is (or is inside, or holds)
    one of ``inputs``, or whose folder this process cannot create a file in. For commands to
    call before any reading or training; raises :class:`OutputError` naming ``path``."""
    shown = os.fspath(path)
    path = check_target(path, folder_ok)
    for source in inputs:
        if source:
            why = _overlap(path, Path(source))
            if why:
                raise OutputError(f"{shown} {why}; refusing to overwrite an input of this run")
    _probe(path, shown)
    return path


def check_distinct(paths: Iterable) -> None:
    """Refuse two outputs of one run that are the same file (``-o m.npz --model m.npz``)."""
    seen: dict[str, Path] = {}
    for path in filter(None, paths):
        key = os.path.realpath(path)
        if key in seen:
            raise OutputError(f"{path} and {seen[key]} are the same file; one run cannot write both there")
        seen[key] = Path(path)


def _overlap(out: Path, source: Path) -> str | None:
    try:
        if os.path.samefile(out, source):  # hard links and symbolic links included
            return f"is the same file as {source}"
    except OSError:
        pass  # one of them does not exist
    real_out, real_in = Path(os.path.realpath(out)), Path(os.path.realpath(source))
    if real_out == real_in:
        return f"is the same file as {source}"
    if source.is_dir() and real_in in real_out.parents:
        return f"lies inside the input folder {source}"
    if out.is_dir() and real_out in real_in.parents:
        return f"holds the input {source}"
    return None


def _probe(path: Path, shown: str) -> None:
    part = _part_name(path)
    try:
        os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.unlink(part)
    except OSError as exc:
        folder = Path(os.path.abspath(path)).parent
        raise OutputError(f"{shown}: cannot write in its folder {folder} "
                          f"({(exc.strerror or str(exc)).lower()})") from None


# --- part files -------------------------------------------------------------------------------

def _part_name(path: Path, kind: str = "part") -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{_HOST}.{secrets.token_hex(4)}.{kind}")


def _parts_pattern(name: str) -> re.Pattern:
    return re.compile(rf"^\.{re.escape(name)}\.(?:(\d+)\.([0-9a-f]{{6}})\.[0-9a-f]{{8}}|([a-z0-9_]{{8}}))"
                      rf"\.(part|old)$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours but not live: left by an earlier process that had our pid
    if os.name != "posix":
        return True  # no safe probe (os.kill would signal it): never judge
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, someone else's
    return True


def sweep(path: str | os.PathLike) -> list[Path]:
    """Remove the part files (and folders) of ``path`` left by writers that are gone; a ``.old``
    folder left between the two renames of :func:`atomic_directory` is put back when ``path``
    is missing. Returns what was removed or restored."""
    path = Path(path)
    pattern = _parts_pattern(path.name)
    folder = path.parent
    done = []
    try:
        entries = list(os.scandir(folder if str(folder) else "."))
    except OSError:
        return done
    for entry in entries:
        match = pattern.match(entry.name)
        part = folder / entry.name
        if not match or os.path.abspath(part) in _live:
            continue
        pid, host, legacy, kind = match.groups()
        if pid is not None and (host != _HOST or _alive(int(pid))):
            continue
        with contextlib.suppress(OSError):
            if legacy is not None and time.time() - entry.stat(follow_symlinks=False).st_mtime < LEGACY_AGE_S:
                continue
            if kind == "old" and not os.path.lexists(path):
                os.rename(part, path)
            elif entry.is_dir(follow_symlinks=False):
                shutil.rmtree(part)
            else:
                os.unlink(part)
            done.append(part)
    return done


def _remove(part: Path) -> None:
    with contextlib.suppress(OSError):
        if part.is_dir() and not part.is_symlink():
            shutil.rmtree(part)
        else:
            os.unlink(part)


def _track(part: Path, live: bool) -> None:
    with _live_lock:  # absolute: a sweep may name the same target another way
        (_live.add if live else _live.discard)(os.path.abspath(part))


@atexit.register
def _remove_live_parts() -> None:
    """At interpreter exit, parts other threads were still writing go too."""
    with _live_lock:
        parts = list(_live)
        _live.clear()
    for part in parts:
        _remove(Path(part))


class Staged:
    """A part file beside ``path``, open for writing; :meth:`commit` puts it in place.
    Made by :func:`staged`, which removes it unless committed."""

    def __init__(self, path: Path, mode: str, encoding: str | None, newline: str | None):
        self.path = check_target(path)
        sweep(self.path)
        self.existed = os.path.lexists(self.path)
        self.part = _part_name(self.path)
        binary = "b" in mode
        fd = os.open(self.part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        _track(self.part, True)
        self._file = os.fdopen(fd, mode, encoding=None if binary else encoding,
                               newline=None if binary else newline)
        self.file: IO = _NamedFile(self._file, self)  # its disk errors name self.path
        self.committed = False

    def error(self, exc: OSError) -> OutputWriteError:
        return exc if isinstance(exc, OutputWriteError) else _named(exc, self.path, self.existed)

    def finish(self) -> None:
        """Flush and fsync the part file and close it (idempotent)."""
        if self._file.closed:
            return
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.chmod(self.part, _file_mode(self.path))  # parts are made 0600; keep the usual mode
        except OSError as exc:
            raise self.error(exc) from None

    def commit(self) -> None:
        self.finish()
        try:
            os.replace(self.part, self.path)
        except OSError as exc:
            raise self.error(exc) from None
        _track(self.part, False)
        self.committed = True
        _fsync_folder(self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        _remove(self.part)
        _track(self.part, False)


class _NamedFile:
    """The part file as writers see it: a disk error while writing names the target (with two
    files open, as for a pair, only the file itself knows which one it is)."""

    def __init__(self, file: IO, owner: Staged):
        self._f, self._owner = file, owner

    def write(self, data):
        try:
            return self._f.write(data)
        except OSError as exc:
            raise self._owner.error(exc) from None

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._f.flush()
        except OSError as exc:
            raise self._owner.error(exc) from None

    def __getattr__(self, name):
        return getattr(self._f, name)


@contextlib.contextmanager
def staged(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
           newline: str | None = None) -> Iterator[Staged]:
    """A :class:`Staged` part for ``path``: removed on any exit unless committed inside the block;
    a disk error inside the block is raised as :class:`OutputWriteError` naming ``path``."""
    path = Path(path)
    try:
        part = Staged(path, mode, encoding, newline)
    except OutputError:
        raise
    except OSError as exc:
        raise _named(exc, path, os.path.lexists(path)) from None
    try:
        yield part
    except OutputWriteError:
        raise
    except OSError as exc:
        if exc.filename not in (None, str(part.part), str(part.path)):
            raise  # some other file's error: leave it as it is
        raise _named(exc, path, part.existed) from None
    finally:
        if not part.committed:
            part.discard()


def _named(exc: OSError, path: Path, existed: bool) -> OutputWriteError:
    return OutputWriteError(exc.errno, exc.strerror or str(exc), path, existed)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO]:
    """Open a part file for writing; when the block ends without an error it replaces ``path``."""
    with staged(path, mode, encoding, newline) as part:
        yield part.file
        part.commit()


def _file_mode(path: Path) -> int:
    """The mode of the file being replaced, else 0666 less the umask."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _fsync_folder(path: Path) -> None:
    """Make the rename itself durable (POSIX; elsewhere a folder cannot be opened)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(Path(os.path.abspath(path)).parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_directory(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a part folder beside ``path`` to fill; on success it takes ``path``'s place.

    For formats that are folders (Spark models): a reader never sees a half-written
    folder, and an error half-way leaves the previous folder whole. Replacing an
    existing folder takes two renames, so ``path`` is briefly absent, never partial;
    a kill between them leaves the old folder as ``.NAME....old``, which the next
    write (:func:`sweep`) puts back. Whether an existing ``path`` may be replaced at
    all is the caller's decision.
    """
    path = check_target(path, folder_ok=True)
    sweep(path)
    existed = os.path.lexists(path)
    tmp = _part_name(path)
    try:
        os.mkdir(tmp, 0o700)
    except OSError as exc:
        raise _named(exc, path, existed) from None
    _track(tmp, True)
    try:
        yield tmp
        for file in tmp.rglob("*"):
            if file.is_file():
                with open(file, "rb") as f:
                    os.fsync(f.fileno())
        os.chmod(tmp, 0o777 & ~_umask())  # the part folder was made 0700; keep the usual mode
        if os.path.lexists(path):
            old = _part_name(path, "old")
            os.rename(path, old)
            try:
                os.rename(tmp, path)
            except BaseException:
                os.rename(old, path)
                raise
            _track(tmp, False)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, path)
            _track(tmp, False)
        _fsync_folder(path)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        _track(tmp, False)
        ours = exc.filename is None or str(exc.filename) == str(path) or str(exc.filename).startswith(str(tmp))
        if isinstance(exc, OutputWriteError) or not ours:
            raise
        raise _named(exc, path, existed) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        _track(tmp, False)
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


# --- signals ----------------------------------------------------------------------------------

class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised in the main thread. A KeyboardInterrupt, so that every path that
    cleans up after Ctrl-C (part files, spill files, thread pools) does so for these too, and no
    ``except Exception`` swallows it."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@contextlib.contextmanager
def terminate_cleanly() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise :class:`Terminated` in the main thread instead of
    ending the process on the spot (which would leave part files behind). A second signal during
    the clean-up is ignored, so the clean-up finishes. Outside the main thread: does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = [n for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)]
    previous = {}

    def handler(signum, frame):
        for name in names:
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        raise Terminated(signum)

    for name in names:
        previous[name] = signal.signal(getattr(signal, name), handler)
    try:
        yield
    finally:
        for name, old in previous.items():
            signal.signal(getattr(signal, name), old)
