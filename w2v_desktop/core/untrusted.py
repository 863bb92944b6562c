"""Reading values from files that may have been crafted: bounded JSON and plain-field checks.

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
the read forever or stream without end.
"""
from __future__ import annotations

import json
import math
import os
import re
import stat
import typing

import numpy as np

MAX_DEPTH = 64  # the files written here nest 3 deep; 64 leaves room and stays far from recursion limits
_INT64 = 1 << 63
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # brackets inside strings do not nest


class InputError(ValueError):
    """Bad input (a file, a value in it, an option): one line for the user, naming the file
    (and line) or the option. Every reader's own error type derives from it."""


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
