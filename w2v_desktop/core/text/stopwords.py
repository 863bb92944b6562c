"""Stop-word lists: the built-in English and Chinese lists, and user files.

Lists are plain UTF-8 text, one word per line, "#" starting a comment line;
the built-in ones are bundled as ``w2v_desktop/resources/stopwords/<name>.txt``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from w2v_desktop.core.bundled import bundled_path
from w2v_desktop.core.text.files import iter_text_blocks, sniff_file

BUILTIN_LISTS = ("english", "chinese")


def parse_word_list(text: str) -> frozenset[str]:
    words = (line.strip() for line in text.splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


@lru_cache(maxsize=None)
def builtin_stop_words(name: str) -> frozenset[str]:
    if name not in BUILTIN_LISTS:
        raise ValueError(f"unknown stop-word list {name!r}; built-in lists: {', '.join(BUILTIN_LISTS)}")
    return parse_word_list(bundled_path("stopwords", f"{name}.txt").read_text(encoding="utf-8"))


def read_stop_words(path: str) -> frozenset[str]:
    """A user's stop-word file (encoding sniffed like a corpus: UTF-8, BOM or GBK)."""
    return parse_word_list("".join(iter_text_blocks(sniff_file(Path(path)))))


def with_case_variants(words: frozenset[str]) -> frozenset[str]:
    """Adds "The" and "THE" for "the", for text that is not lower-cased."""
    return words | {w.capitalize() for w in words} | {w.upper() for w in words}
