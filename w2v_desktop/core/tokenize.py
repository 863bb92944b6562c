"""Reading text files into token lists (minimal version: UTF-8, whitespace split).

Extended by the tokenising work: encodings, compression, folders, stop words,
Chinese segmentation, punctuation, text8-style streams.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class TokenizeOptions:
    lowercase: bool = True


def iter_token_lines(path: str, options: TokenizeOptions | None = None) -> Iterator[list[str]]:
    options = options or TokenizeOptions()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if options.lowercase:
                line = line.lower()
            tokens = line.split()
            if tokens:
                yield tokens
