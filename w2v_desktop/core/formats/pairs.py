"""Formats written as two files (the Projector's vectors.tsv + metadata.tsv, NAME.npy +
NAME.vocab.txt): written so that a reader never loads a mixed pair.

Each file is replaced atomically, but two renames are not one: a kill between them
leaves new names beside old vectors, which would load without a word. Why a manifest:
the files must stay readable by other tools, and neither has room for a shared token
(the .npy header holds numpy's three keys and no more, the Projector's vectors file is
numbers only, a one-column metadata file has no header row), while a versioned folder
would change the layout those tools expect. So a hidden sidecar,
``.FIRST.w2v-pair.json`` beside the first file, records each generation of the pair as
(size, CRC-32) of both files.

Writing: both part files are written and fsynced; the manifest is replaced by one that
lists the pair on disk now (the old generation) and the new one; the two files are
renamed; the manifest is replaced by one listing only the new generation. A kill at any
point leaves either a whole old pair, a whole new pair or one file of each, and the
manifest names both generations until the second rename is done.

Reading (:func:`check_pair`): the files are refused when each matches a generation but
no generation matches both: one file from each, a mixed pair. A file that matches none
was changed since (by hand, or rewritten by another tool), which is the user's doing,
not an interrupted write, so it is let through; so is a pair without a manifest.
"""
from __future__ import annotations

import contextlib
import json
import os
import zlib
from pathlib import Path
from typing import IO, Iterator

from w2v_desktop.core.formats.common import FormatError
from w2v_desktop.core.outputs import atomic_write, staged
from w2v_desktop.core.untrusted import loads

FORMAT = "w2v-desktop-pair"
MAX_MANIFEST = 1 << 16
CHUNK = 1 << 24


def manifest_path(first: Path) -> Path:
    return first.with_name(f".{first.name}.w2v-pair.json")


def fingerprint(path: Path) -> dict | None:
    """{"size", "crc32"} of a file, or None when there is none."""
    try:
        size = os.path.getsize(path)
        crc = 0
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                crc = zlib.crc32(chunk, crc)
    except OSError:
        return None
    return {"size": size, "crc32": crc}


@contextlib.contextmanager
def write_pair(first: Path, second: Path, modes: tuple[str, str] = ("wb", "wb"),
               newline: str | None = None) -> Iterator[tuple[IO, IO]]:
    """Open part files for both; when the block ends without an error they replace the pair
    (see the module's docstring for the order). ``newline`` applies to text modes."""
    first, second = Path(first), Path(second)
    manifest = manifest_path(first)
    with staged(first, modes[0], newline=newline) as a, staged(second, modes[1], newline=newline) as b:
        yield a.file, b.file
        a.finish()
        b.finish()
        new = [fingerprint(a.part), fingerprint(b.part)]
        old = [fingerprint(first), fingerprint(second)]
        generations = [old, new] if any(old) and old != new else [new]
        _write_manifest(manifest, first, second, generations)
        a.commit()
        b.commit()
        _write_manifest(manifest, first, second, [new])


def _write_manifest(path: Path, first: Path, second: Path, generations: list) -> None:
    with atomic_write(path) as f:
        json.dump({"format": FORMAT, "version": 1, "files": [first.name, second.name],
                   "generations": generations}, f)


def check_pair(first: Path, second: Path) -> None:
    """Refuse (FormatError) a pair whose files come from two different writes of it."""
    generations = _generations(Path(first))
    if not generations:
        return
    prints = [fingerprint(Path(first)), fingerprint(Path(second))]
    matches = [{g for g, gen in enumerate(generations) if gen[i] is not None and gen[i] == prints[i]}
               for i in range(2)]
    if all(matches) and not matches[0] & matches[1]:
        raise FormatError(first, f"{Path(first).name} and {Path(second).name} come from two different "
                                 f"writes (a write of the pair was interrupted between its two files); "
                                 f"write the pair again")


def _generations(first: Path) -> list:
    """The generations a manifest lists; [] when there is none or it is unreadable (a damaged
    manifest must not make a good pair unreadable)."""
    path = manifest_path(first)
    try:
        if os.path.getsize(path) > MAX_MANIFEST:
            return []
        data = loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return []
    generations = data.get("generations")
    if not isinstance(generations, list):
        return []
    return [g for g in generations if isinstance(g, list) and len(g) == 2
            and all(f is None or isinstance(f, dict) for f in g)]
