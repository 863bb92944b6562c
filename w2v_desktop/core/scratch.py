"""Scratch space: spill files that leave nothing behind, and the user's own cache folder.

A spill file (the corpus readers' int32 ids past their RAM bound) is anonymous:
``tempfile.TemporaryFile`` unlinks it at creation on POSIX (or opens it with
``O_TMPFILE``) and opens it delete-on-close on Windows, so the operating system
reclaims it on every exit, SIGKILL and power cut included; a memory map made
from it keeps the data alive after the file object is closed. Nothing is ever
left for a later run to sweep.

The cache folder (jieba's dictionary cache, the Spark log) is
``$XDG_CACHE_HOME/w2v-desktop`` or ``~/.cache/w2v-desktop``, made 0700. Files
that are loaded from it (jieba's cache is read with ``marshal``) must not come
from a folder another user can write to, as a fixed name in ``/tmp`` can: a
folder of ours that is open to others is closed, and one owned by someone else
is refused.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import IO

APP = "w2v-desktop"


def spill_file(folder: str | os.PathLike | None = None) -> IO[bytes]:
    """An anonymous read-write binary file in ``folder`` (default: the temporary folder)."""
    return tempfile.TemporaryFile("w+b", prefix="w2v-spill-", suffix=".int32", dir=folder)


def cache_dir(*parts: str) -> Path:
    """The user's cache folder for w2v-desktop (or a subfolder of it), created 0700.

    Raises ``PermissionError`` naming the folder when it belongs to another user or is
    a symbolic link to one."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base, APP, *parts)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for level in [Path(base, APP, *parts[:i]) for i in range(len(parts) + 1)]:
        _own(level)
    return folder


def _own(folder: Path) -> None:
    if os.name != "posix":
        return
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode):
        info = os.stat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
        raise PermissionError(f"{folder}: the cache folder is not a folder of this user's; "
                              f"remove it or set XDG_CACHE_HOME")
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)
