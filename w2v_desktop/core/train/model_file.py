"""The full model file: weights, vocabulary and options in one ``.npz``.

Arrays are stored as plain numpy arrays and the metadata (options, words,
epochs trained) as UTF-8 JSON bytes; written atomically.

Loading trusts nothing in the file, because a model file is something users
pass around and the kernels that train it index without bounds checks. So
``load_model`` opens the zip itself rather than with ``np.load``: it reads
only the five members it knows (anything else is never decompressed), refuses
a member whose declared size is out of proportion to the bytes on disk or to
what its ``.npy`` header says, parses each header without unpickling, and
judges shapes against the metadata (:mod:`.model_checks`) before reading any
array's data. The trainer is built only from arrays that passed.
"""
from __future__ import annotations

import json
import zipfile
import zlib
from pathlib import Path

import numpy as np
from numpy.lib import format as npy

from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.train.model_checks import (FORMAT, VERSION, WEIGHTS, Member, ModelFileError, check_counts,
                                                 check_header, check_meta, check_shapes, check_weights, fail,
                                                 meta_limit)
from w2v_desktop.core.train.trainer import Trainer
from w2v_desktop.core.train.vocab import Vocab
from w2v_desktop.core.untrusted import loads, require_regular

__all__ = ["FORMAT", "VERSION", "ModelFileError", "load_model", "save_model"]

MEMBERS = ("meta_json", "syn0", "counts", "syn1neg", "syn1")
MAX_RATIO = 16  # save_model stores members uncompressed; weights never deflate this far
RATIO_SLACK = 1 << 16  # small members (a short header, a few counts) may deflate further
MAX_HEADER = 10_000  # numpy's own limit for a .npy header
CHUNK = 1 << 22  # bytes decompressed at a time, so reading never holds a second copy of an array


def save_model(trainer: Trainer, path) -> None:
    meta = {
        "format": FORMAT, "version": VERSION,
        "config": trainer.config.to_dict(),
        "words": trainer.vocab.words,
        "epochs_trained": trainer.epochs_trained,
        "source": trainer.source,
    }
    arrays = {"syn0": trainer.syn0, "counts": trainer.vocab.counts,
              "meta_json": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), np.uint8)}
    if trainer.syn1neg is not None:
        arrays["syn1neg"] = trainer.syn1neg
    if trainer.syn1 is not None:
        arrays["syn1"] = trainer.syn1
    with atomic_write(path, "wb") as f:
        np.savez(f, **arrays)


def load_model(path) -> Trainer:
    """A trainer over the model file at ``path``; :class:`ModelFileError` naming the file if it is not sound."""
    path = Path(path)
    require_regular(path, "model file")
    try:
        with zipfile.ZipFile(path) as zf:
            return _load(path, zf)
    except FileNotFoundError:
        raise fail(path, "no such file") from None
    except IsADirectoryError:
        raise fail(path, "a folder, not a model file") from None
    except (zipfile.BadZipFile, NotImplementedError):  # NotImplementedError: "zip file version 10.9"
        # numpy's or zipfile's own wording would mislead here
        raise fail(path, "not a w2v-desktop model file (a .npz saved with --model or File > Save model)") from None
    except OSError as exc:
        raise fail(path, exc.strerror or str(exc)) from None


def _load(path: Path, zf: zipfile.ZipFile) -> Trainer:
    infos = _members(path, zf)
    members = {name: _header(path, zf, name, info) for name, info in infos.items()}
    syn0 = members["syn0"].shape
    rows = syn0[0] if len(syn0) == 2 else 0
    if members["meta_json"].nbytes > meta_limit(rows):
        raise fail(path, f"meta_json is {members['meta_json'].nbytes:,} bytes, too large for {rows:,} words")
    raw = _array(path, zf, infos["meta_json"], members["meta_json"])
    try:
        meta = check_meta(path, loads(raw.tobytes().decode("utf-8")))
    except (UnicodeDecodeError, ValueError) as exc:
        if isinstance(exc, ModelFileError):
            raise
        raise fail(path, f"damaged model metadata ({exc})") from None
    check_shapes(path, meta, members)
    counts = check_counts(path, _array(path, zf, infos["counts"], members["counts"]))
    weights = {name: check_weights(path, name, _array(path, zf, infos[name], members[name]))
               for name in WEIGHTS if name in members}
    return Trainer.from_weights(meta.config, Vocab(meta.words, counts), weights["syn0"], weights.get("syn1neg"),
                                weights.get("syn1"), meta.epochs_trained, meta.source)


def _members(path: Path, zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The known members' entries, each declaring no more than the file can hold; nothing is read yet."""
    on_disk = path.stat().st_size
    found: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        name = info.filename[:-4] if info.filename.endswith(".npy") else None
        if name not in MEMBERS:
            continue  # never opened, so never decompressed
        if name in found:
            raise fail(path, f"two members named {info.filename}")
        if info.compress_size > on_disk:
            raise fail(path, f"damaged: {info.filename} claims {info.compress_size:,} bytes in a "
                             f"{on_disk:,}-byte file")
        if info.file_size > info.compress_size * MAX_RATIO + RATIO_SLACK:
            raise fail(path, f"{info.filename} would expand from {info.compress_size:,} to {info.file_size:,} "
                             f"bytes; refused")
        found[name] = info
    if "meta_json" not in found or "syn0" not in found:
        raise fail(path, "not a w2v-desktop model file (no metadata or weights)")
    return found


def _header(path: Path, zf: zipfile.ZipFile, name: str, info: zipfile.ZipInfo) -> Member:
    """A member's ``.npy`` header (a few hundred bytes decompressed), checked against its declared size."""
    with _reading(path, info):
        with zf.open(info) as fp:
            version = npy.read_magic(fp)
            if version == (1, 0):
                shape, fortran, dtype = npy.read_array_header_1_0(fp, max_header_size=MAX_HEADER)
            elif version == (2, 0):
                shape, fortran, dtype = npy.read_array_header_2_0(fp, max_header_size=MAX_HEADER)
            else:
                raise ValueError(f".npy version {version[0]}.{version[1]} is not one numpy writes for numbers")
            offset = fp.tell()
    if any(n < 0 for n in shape):
        raise fail(path, f"{name} has a negative dimension {shape}")
    member = Member(tuple(shape), dtype, fortran, offset)
    check_header(path, name, member)  # an object dtype's size says nothing: refuse it first
    if info.file_size != offset + member.nbytes:
        raise fail(path, f"{name} declares {info.file_size:,} bytes but its shape {member.shape} of {dtype} "
                         f"needs {offset + member.nbytes:,}")
    return member


def _array(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, member: Member) -> np.ndarray:
    """A member's data, read in chunks straight into the array (its size was checked by ``_header``)."""
    flat = np.empty(int(np.prod(member.shape, dtype=object)), member.dtype)
    view = memoryview(flat.view(np.uint8))
    with _reading(path, info):
        with zf.open(info) as fp:
            fp.read(member.offset)
            done = 0
            while done < len(view):
                got = fp.readinto(view[done:done + CHUNK])
                if not got:
                    raise fail(path, f"{info.filename} is truncated")
                done += got
    return flat.reshape(member.shape, order="F" if member.fortran else "C")


class _reading:
    """Turns what zipfile, zlib and numpy raise on a damaged member into a ModelFileError naming it."""

    def __init__(self, path: Path, info: zipfile.ZipInfo):
        self.path, self.info = path, info

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        broken = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError)
        if exc is not None and isinstance(exc, broken) and not isinstance(exc, ModelFileError):
            raise fail(self.path, f"{self.info.filename} is damaged or unreadable ({exc})") from None
        return False
