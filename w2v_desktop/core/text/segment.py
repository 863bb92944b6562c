"""Chinese text: detection from a sample, and word segmentation with jieba.

Chinese is written without spaces, so "深度学习很有趣" must be cut into words
("深度 学习 很 有趣") before word2vec can see them. jieba is an optional
dependency, imported only when segmentation is wanted. A user dictionary (one
word per line, e.g. "深度学习") keeps domain terms in one piece.
"""
from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from typing import Callable

from w2v_desktop.core.scratch import cache_dir
from w2v_desktop.core.text.files import CorpusError

# CJK Unified Ideographs, extension A and compatibility ideographs
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

MOSTLY_CHINESE = 0.5  # share of Han characters among letters
SEGMENTED_RUN = 4.0  # mean Han characters per space-separated run in already-cut text


def han_share(text: str) -> float:
    """Han characters / (Han characters + Latin letters); 0 for text with neither."""
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    return han / (han + latin) if han + latin else 0.0


def is_mostly_chinese(sample: str) -> bool:
    return han_share(sample) > MOSTLY_CHINESE


def is_already_segmented(sample: str) -> bool:
    """True when Han text in the sample is already cut into words by spaces.

    Punctuation ends a run as well as a space, so the test is the mean length
    of Han runs between any non-Han characters: a few characters in cut text,
    whole clauses in uncut text.
    """
    runs = _HAN_RUN.findall(sample)
    if not runs:
        return True
    return sum(map(len, runs)) / len(runs) <= SEGMENTED_RUN


def make_segmenter(user_dict: str = "") -> Callable[[str], str]:
    """A function that returns its text with words separated by spaces."""
    if not user_dict:
        return _segmenter(None)
    try:
        stat = os.stat(user_dict)
    except OSError as e:
        raise CorpusError(f"{user_dict}: cannot read the user dictionary ({e.strerror or e})") from None
    return _segmenter((user_dict, stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=4)  # loading jieba's dictionary takes a second or two
def _segmenter(user_dict: tuple[str, int, int] | None) -> Callable[[str], str]:
    try:
        import jieba
    except ImportError:
        raise CorpusError("Chinese word segmentation needs the jieba package (pip install jieba); "
                          "or turn segmentation off") from None
    logging.getLogger("jieba").setLevel(logging.WARNING)  # its dictionary-building chatter
    tokenizer = jieba.Tokenizer()
    # jieba caches its dictionary at a fixed name in /tmp and loads it back with marshal: anyone
    # who can write there could hand us their file. Ours lives in the user's own 0700 cache folder.
    try:
        tokenizer.tmp_dir = str(cache_dir("jieba"))
    except OSError as e:
        raise CorpusError(f"cannot use the cache folder for jieba's dictionary: {e}") from None
    if user_dict is not None:
        path = user_dict[0]
        try:
            tokenizer.load_userdict(path)
        except OSError as e:
            raise CorpusError(f"{path}: cannot read the user dictionary ({e.strerror or e})") from None
        except (ValueError, UnicodeDecodeError) as e:
            raise CorpusError(f"{path}: not a jieba user dictionary ({e})") from None

    def segment(text: str) -> str:
        return " ".join(tokenizer.cut(text))

    return segment
