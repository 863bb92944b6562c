"""Reading values from files that may have been crafted: bounded JSON, plain-field checks, and the
members of an ``.npz`` read without pickle (``NpzReader``).

Model files carry their metadata as JSON and project files are JSON; either
may come from someone else. ``json.loads`` recurses once per nesting level,
so a document nested 100,000 deep raises ``RecursionError`` (and on a worker
thread's smaller stack could take the process down), so depth is measured
before parsing, with a regular expression and numpy rather than a Python loop
over a document that may be tens of megabytes. The field checks exist because
the options dataclasses trust their callers' types (``sg="yes"`` is truthy,
``alpha="x"`` fails with a ``TypeError`` deep inside), which is right for
code but not for values read from a file.

The JSON and field checks raise plain ``ValueError`` saying what is wrong;
callers add the file's name and raise their own error type. ``InputError`` is
the base of those error types (every reader's), so a caller or a test can tell
"this input is bad" from a bug; ``require_regular`` is the one check every
reader makes before opening a path: a FIFO, a socket or a device would block
the read forever or stream without end. ``NpzReader`` takes a ``fail`` that
makes the caller's error.

``NpzReader`` is what the model file (``core.train.model_file``) and the
vector formats (``core.formats.model``) read ``.npz`` files with: only the
members asked for are opened (anything else is never decompressed), a member
whose declared size is out of proportion to the bytes on disk or to what its
``.npy`` header says is refused, each header is parsed without unpickling,
and an array is read in chunks straight into its buffer.
"""
from __future__ import annotations

import json
import math
import os
import re
import stat
import typing
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from numpy.lib import format as npy

from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

MAX_DEPTH = 64  # the files written here nest 3 deep; 64 leaves room and stays far from recursion limits
_INT64 = 1 << 63
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # brackets inside strings do not nest


class InputError(ValueError):
    """Bad input (a file, a value in it, an option): one line for the user, naming the file
    (and line) or the option. Every reader's own error type derives from it."""


def in_file(path: str | os.PathLike, reason: str) -> Phrase:
    """"FILE: reason" as a ``Phrase``: the English every reader prints, which the window can
    say in its language (``reason`` a Phrase too; the file name stays as it is)."""
    return Phrase(QT_TR_NOOP("{path}: {reason}"), path=os.fspath(path), reason=reason)


def on_line(path: str | os.PathLike, line: int, reason: str) -> Phrase:
    """"FILE: line N: reason" as a ``Phrase``."""
    return Phrase(QT_TR_NOOP("{path}: line {line}: {reason}"), path=os.fspath(path), line=line, reason=reason)


class NotRegularFileError(InputError):
    """A path that is a FIFO, a socket or a device where a file was expected."""


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def special_kind(path: str | os.PathLike) -> str | None:
    """What a path is when it is neither a regular file nor a folder (None otherwise, and
    for a path that does not exist: opening it reports that). Follows symbolic links."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def require_regular(path: str | os.PathLike, what: str = "file") -> None:
    """Refuse, naming the path, anything but a regular file or a folder, before it is opened:
    ``open`` on a FIFO blocks until a writer comes, and a device never ends."""
    kind = special_kind(path)
    if kind is not None:
        raise NotRegularFileError(f"{os.fspath(path)}: is {kind}, not a regular {what}; "
                                  f"it cannot be read as one")


def nesting_depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (0 for a bare value)."""
    bare = _STRING.sub('""', text).encode("utf-8")
    codes = np.frombuffer(bare, np.uint8)
    opens = (codes == ord("[")) | (codes == ord("{"))
    closes = (codes == ord("]")) | (codes == ord("}"))
    where = np.flatnonzero(opens | closes)
    if len(where) == 0:
        return 0
    steps = np.where(opens[where], 1, -1).astype(np.int64)
    return int(np.cumsum(steps).max())


def loads(text: str, max_depth: int = MAX_DEPTH):
    """``json.loads`` that refuses documents nested deeper than ``max_depth``, before parsing them."""
    depth = nesting_depth(text)
    if depth > max_depth:
        raise ValueError(f"JSON nested {depth} levels deep (at most {max_depth} allowed)")
    try:
        return json.loads(text)
    except RecursionError:  # not reachable after the depth check, kept as a second guard
        raise ValueError("JSON nested too deeply") from None


def check_plain_fields(cls, data: dict) -> None:
    """Check that the values in ``data`` have the JSON types of ``cls``'s dataclass fields.

    Keys that are not fields are left alone (the caller decides whether to
    ignore them). Field types may be ``bool``, ``int``, ``float``, ``str``,
    ``None`` or unions of these; ``int`` excludes ``bool`` and fits in 64
    bits (seeds reach numpy), ``float`` accepts integers but not NaN or
    infinity. Ranges are left to the dataclass's own ``__post_init__``."""
    hints = typing.get_type_hints(cls)
    for name, value in data.items():
        if name not in hints:
            continue
        allowed = typing.get_args(hints[name]) or (hints[name],)
        if not any(_has_type(value, kind) for kind in allowed):
            wanted = " or ".join(_TYPE_NAMES.get(kind, kind.__name__) for kind in allowed)
            raise ValueError(f"{name} must be {wanted} (got {_shown(value)})")


_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a finite number", str: "a string",
               type(None): "null"}


def _has_type(value, kind) -> bool:
    if kind is bool:
        return isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool) and -_INT64 <= value < _INT64
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if kind is str:
        return isinstance(value, str)
    if kind is type(None):
        return value is None
    return False  # a field type that files never hold


def _shown(value) -> str:
    """A value for a message: short, whatever a crafted file put there."""
    if isinstance(value, (dict, list)):
        return f"a JSON {'object' if isinstance(value, dict) else 'array'}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- .npz members -------------------------------------------------------------------------------

MAX_RATIO = 16  # members of the files we write are stored uncompressed; weights never deflate this far
RATIO_SLACK = 1 << 16  # small members (a short header, a few counts) may deflate further
MAX_HEADER = 10_000  # numpy's own limit for a .npy header
CHUNK = 1 << 22  # bytes decompressed at a time, so reading never holds a second copy of an array


@dataclass(frozen=True)
class Member:
    """What a member's ``.npy`` header declares: enough to judge it without reading its data."""

    shape: tuple[int, ...]
    dtype: np.dtype
    fortran: bool = False  # column-major data
    offset: int = 0  # bytes of magic and header before the data

    @property
    def nbytes(self) -> int:
        return int(np.prod(self.shape, dtype=object)) * self.dtype.itemsize


class NpzReader:
    """The members of an open ``.npz`` (a ``zipfile.ZipFile``), read without pickle.

    ``fail(why)`` makes the exception raised (the caller's type, naming its file)."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, fail: Callable[[str], Exception]):
        self.path, self.zf, self._make_error = Path(path), zf, fail

    def fail(self, why: str) -> Exception:
        error = self._make_error(why)
        error._from_reader = True  # already says what is wrong: not wrapped again on its way out
        return error

    def members(self, known: typing.Iterable[str]) -> dict[str, zipfile.ZipInfo]:
        """The entries of the ``known`` members (by name, without ``.npy``), each declaring no more
        than the file can hold; nothing is read yet."""
        known = set(known)
        on_disk = self.path.stat().st_size
        found: dict[str, zipfile.ZipInfo] = {}
        for info in self.zf.infolist():
            name = info.filename[:-4] if info.filename.endswith(".npy") else None
            if name not in known:
                continue  # never opened, so never decompressed
            if name in found:
                raise self.fail(f"two members named {info.filename}")
            if info.compress_size > on_disk:
                raise self.fail(f"damaged: {info.filename} claims {info.compress_size:,} bytes in a "
                                f"{on_disk:,}-byte file")
            if info.file_size > info.compress_size * MAX_RATIO + RATIO_SLACK:
                raise self.fail(f"{info.filename} would expand from {info.compress_size:,} to "
                                f"{info.file_size:,} bytes; refused")
            found[name] = info
        return found

    def header(self, name: str, info: zipfile.ZipInfo, check: Callable[[str, Member], None] | None = None
               ) -> Member:
        """A member's ``.npy`` header (a few hundred bytes decompressed), checked against its declared
        size; ``check(name, member)`` judges the dtype first (an object dtype's size says nothing)."""
        with self.reading(info):
            with self.zf.open(info) as fp:
                version = npy.read_magic(fp)
                if version == (1, 0):
                    shape, fortran, dtype = npy.read_array_header_1_0(fp, max_header_size=MAX_HEADER)
                elif version == (2, 0):
                    shape, fortran, dtype = npy.read_array_header_2_0(fp, max_header_size=MAX_HEADER)
                else:
                    raise ValueError(f".npy version {version[0]}.{version[1]} is not one numpy writes for numbers")
                offset = fp.tell()
        if any(n < 0 for n in shape):
            raise self.fail(Phrase(QT_TR_NOOP("{name} has a negative dimension {shape}"), name=name, shape=str(shape)))
        member = Member(tuple(shape), dtype, fortran, offset)
        if check is not None:
            check(name, member)
        if dtype.hasobject:
            raise self.fail(Phrase(QT_TR_NOOP("{name} holds Python objects; only numbers are read"), name=name))
        if info.file_size != offset + member.nbytes:
            raise self.fail(Phrase(QT_TR_NOOP("{name} declares {declared:,} bytes but its shape {shape} of {dtype} "
                                              "needs {needed:,}"), name=name, declared=info.file_size,
                                   shape=str(member.shape), dtype=str(dtype), needed=offset + member.nbytes))
        return member

    def array(self, info: zipfile.ZipInfo, member: Member) -> np.ndarray:
        """A member's data, read in chunks straight into the array (its size was checked by ``header``)."""
        flat = np.empty(int(np.prod(member.shape, dtype=object)), member.dtype)
        view = memoryview(flat.view(np.uint8))
        with self.reading(info):
            with self.zf.open(info) as fp:
                fp.read(member.offset)
                done = 0
                while done < len(view):
                    got = fp.readinto(view[done:done + CHUNK])
                    if not got:
                        raise self.fail(Phrase(QT_TR_NOOP("{name} is truncated"), name=info.filename))
                    done += got
        return flat.reshape(member.shape, order="F" if member.fortran else "C")

    def reading(self, info: zipfile.ZipInfo) -> "_Reading":
        return _Reading(self, info)


class _Reading:
    """Turns what zipfile, zlib and numpy raise on a damaged member into the reader's error, naming it."""

    def __init__(self, reader: NpzReader, info: zipfile.ZipInfo):
        self.reader, self.info = reader, info

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        broken = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError)
        if exc is not None and isinstance(exc, broken) and not getattr(exc, "_from_reader", False):
            error = self.reader.fail(f"{self.info.filename} is damaged or unreadable ({exc})")
            raise error from None
        return False
