"""Text files as streams of decoded blocks: folders, compression, encodings.

A corpus path is a file (plain, .gz, .bz2 or .xz, recognised by its first
bytes) or a folder of such files, read in sorted order. Files are decoded in
fixed-size blocks, so a 100 MB single-line file never becomes one string. The
encoding is sniffed from the first 64 KiB (BOMs, UTF-8, then GB18030, which
contains GBK); a byte that does not decode anywhere in the file stops reading
with an error naming the file, its line and the byte offset.
"""
from __future__ import annotations

import bz2
import codecs
import contextlib
import gzip
import lzma
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterator
from w2v_desktop.core.untrusted import InputError, in_file, on_line, require_regular
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

SAMPLE_BYTES = 1 << 16  # sniffed for encoding and language
BLOCK_BYTES = 1 << 18  # decoded per step while streaming; also the step of the progress bar (jieba: ~0.6 s)

_MAGIC = [(b"\x1f\x8b", lambda raw: gzip.GzipFile(fileobj=raw, mode="rb")),
          (b"BZh", lambda raw: bz2.BZ2File(raw, "rb")),
          (b"\xfd7zXZ\x00", lambda raw: lzma.LZMAFile(raw, "rb"))]
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_AUTO_CANDIDATES = ("utf-8", "gb18030")  # GB18030 is a superset of GBK and GB2312
_DAMAGED = (OSError, EOFError, lzma.LZMAError, zlib.error)


class CorpusError(InputError):
    """A corpus that cannot be read; the one-line message names the file (and line)."""


@dataclass(frozen=True)
class TextFile:
    """One input file: its resolved encoding and the decoded start of its text."""

    path: str
    encoding: str
    sample: str = field(repr=False)
    size: int  # bytes on disk (compressed size for compressed files)


def list_files(path: str | os.PathLike) -> list[Path]:
    """The file itself, or every non-hidden file under a folder in sorted path order."""
    root = Path(path)
    require_regular(root, "text file")
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise CorpusError(in_file(root, Phrase(QT_TR_NOOP("no such file or folder"))))
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found += [Path(folder, n) for n in names if not n.startswith(".")]
    for file in found:  # a FIFO in the folder would block the read forever
        require_regular(file, "text file")
    found.sort(key=lambda p: p.relative_to(root).parts)
    if not found:
        raise CorpusError(in_file(root, Phrase(QT_TR_NOOP("the folder contains no files"))))
    return found


@contextlib.contextmanager
def open_binary(path: Path) -> Iterator[tuple[BinaryIO, BinaryIO]]:
    """(raw file, decompressed stream); the raw file's position measures progress."""
    require_regular(path, "text file")
    try:
        raw = open(path, "rb")
    except OSError as e:
        raise CorpusError(in_file(path, Phrase(QT_TR_NOOP("cannot open ({why})"), why=e.strerror or str(e)))) from None
    with raw:
        magic = raw.read(6)
        raw.seek(0)
        opener = next((op for prefix, op in _MAGIC if magic.startswith(prefix)), None)
        if opener is None:
            yield raw, raw
        else:
            with opener(raw) as stream:
                yield raw, stream


def _read(stream: BinaryIO, n: int, path: Path) -> bytes:
    try:
        return stream.read(n)
    except _DAMAGED as e:
        raise CorpusError(in_file(path, Phrase(QT_TR_NOOP("damaged compressed file ({why})"), why=str(e)))) from None


def sniff_file(path: Path, encoding: str = "auto") -> TextFile:
    """Check that ``path`` holds text and resolve its encoding from its first bytes."""
    with open_binary(path) as (_, stream):
        head = _read(stream, SAMPLE_BYTES, path)
        whole = len(head) < SAMPLE_BYTES or not _read(stream, 1, path)
    if not head:
        raise CorpusError(in_file(path, Phrase(QT_TR_NOOP("the file is empty"))))
    if encoding == "auto":
        encoding = _detect_encoding(path, head, whole)
    else:
        _check_encoding_name(encoding)
        if not encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32")):
            _reject_binary(path, head)
    sample = _decode_sample(path, head, encoding, whole)
    return TextFile(str(path), encoding, sample, path.stat().st_size)


def _check_encoding_name(encoding: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise CorpusError(Phrase(QT_TR_NOOP("unknown text encoding {encoding}"), encoding=repr(encoding))) from None


def _reject_binary(path: Path, head: bytes) -> None:
    nul = head.find(b"\x00")
    if nul >= 0:
        raise CorpusError(in_file(path, Phrase(QT_TR_NOOP("not a text file (binary data: a NUL byte at byte offset {nul})"),
                                               nul=nul)))


def _detect_encoding(path: Path, head: bytes, whole: bool) -> str:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    _reject_binary(path, head)
    first_error = None
    for name in _AUTO_CANDIDATES:
        try:
            codecs.getincrementaldecoder(name)("strict").decode(head, whole)
            return name
        except UnicodeDecodeError as e:
            first_error = first_error or e
    raise _decode_error(path, head, first_error.start, Phrase(QT_TR_NOOP("UTF-8 or GB18030/GBK")),
                        hint=Phrase(QT_TR_NOOP("; choose its encoding explicitly (e.g. latin-1, cp1252, big5)")))


def _decode_sample(path: Path, head: bytes, encoding: str, whole: bool) -> str:
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(head, whole)
    except UnicodeDecodeError as e:
        raise _decode_error(path, head, e.start, encoding) from None


def _decode_error(path: Path, data: bytes, position: int, encoding: str, offset_before: int = 0,
                  lines_before: int = 0, hint: str = "") -> CorpusError:
    line = lines_before + data[:position].count(b"\n") + 1
    byte = data[position:position + 1].hex()
    return CorpusError(on_line(path, line, Phrase(QT_TR_NOOP("byte 0x{byte} at byte offset {offset} is not valid "
                                                             "{encoding} text{hint}"),
                                                  byte=byte, offset=offset_before + position, encoding=encoding,
                                                  hint=hint)))


def iter_text_blocks(text_file: TextFile, on_bytes: Callable[[int], None] | None = None
                     ) -> Iterator[str]:
    """Decoded text of ``text_file`` in blocks of about BLOCK_BYTES.

    ``on_bytes(n)`` is told how many more bytes of the file on disk were read.
    """
    path = Path(text_file.path)
    encoding = text_file.encoding
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset = lines = reported = 0  # bytes decoded, newline bytes seen, raw bytes reported
    with open_binary(path) as (raw, stream):
        while True:
            data = _read(stream, BLOCK_BYTES, path)
            pending = decoder.getstate()[0]
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as e:
                raise _decode_error(path, pending + data, e.start, encoding, offset - len(pending),
                                    lines) from None
            offset += len(data)
            lines += data.count(b"\n")
            if on_bytes is not None:
                position = raw.tell()
                on_bytes(position - reported)
                reported = position
            if text:
                yield text
            if not data:
                return
