"""Reading text corpora: inputs, encodings, errors, options, long lines."""
from __future__ import annotations

import bz2
import itertools
import gzip
import json
import lzma
import sys

import numpy as np
import pytest

from tests.conftest import data_path
from w2v_desktop.core.text import files as textfiles
from w2v_desktop.core.text import tokenize
from w2v_desktop.core.config import ConfigError
from w2v_desktop.core.jobs.corpus import read_corpus
from w2v_desktop.core.text.tokenize import CorpusError, TokenizeOptions, iter_token_lines, plan_text

ENGLISH = "The cat sat on the mat.\nA dog, a DOG!\n\nDon't stop the e-mail.\n"
ENGLISH_TOKENS = [["the", "cat", "sat", "on", "the", "mat"], ["a", "dog", "a", "dog"],
                  ["don't", "stop", "the", "e-mail"]]
CHINESE = "北京是中国的首都。\n我喜欢吃苹果。\n"


def read(path, **options) -> list[list[str]]:
    return list(iter_token_lines(path, TokenizeOptions(**options)))


def write(path, data: bytes):
    path.write_bytes(data)
    return path


# --- inputs -----------------------------------------------------------------

@pytest.mark.parametrize("opener", [gzip.open, bz2.open, lzma.open])
def test_compressed_files_read_like_plain_text(tmp_path, opener):
    path = tmp_path / "corpus.txt.packed"  # recognised by content, not by suffix
    with opener(path, "wb") as f:
        f.write(ENGLISH.encode())
    assert read(path) == ENGLISH_TOKENS


def test_damaged_compressed_file_is_reported(tmp_path):
    data = gzip.compress(ENGLISH.encode() * 50)
    path = write(tmp_path / "broken.gz", data[: len(data) // 2])
    with pytest.raises(CorpusError, match="broken.gz.*damaged compressed file"):
        read(path)


def test_folder_is_read_in_sorted_order_skipping_hidden_and_empty_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("second\n")
    (tmp_path / "a.txt").write_text("first\n")
    (tmp_path / "sub" / "c.txt").write_text("third")  # no final newline
    (tmp_path / ".hidden").write_text("hidden\n")
    (tmp_path / "empty.txt").write_text("")
    assert read(tmp_path) == [["first"], ["second"], ["third"]]


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="nope.txt: no such file or folder"):
        read(tmp_path / "nope.txt")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match="empty: the folder contains no files"):
        read(tmp_path / "empty")


# --- encodings and bad files ------------------------------------------------

@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"),
    ("utf-16", "utf-16"),
])
def test_encodings_are_detected_and_decoded(tmp_path, encoding, expected):
    path = write(tmp_path / "zh.txt", (CHINESE + "café ok\n").encode(encoding))
    assert plan_text(path).encoding == expected
    sentences = read(path, segment_chinese=False)
    assert sentences == [["北京是中国的首都"], ["我喜欢吃苹果"], ["café", "ok"]]


def test_explicit_encoding(tmp_path):
    path = write(tmp_path / "latin.txt", "café crème\n".encode("latin-1"))
    assert read(path, encoding="latin-1") == [["café", "crème"]]
    with pytest.raises(CorpusError, match="unknown text encoding 'klingon'"):
        read(path, encoding="klingon")


def test_undecodable_byte_names_file_line_and_offset(tmp_path):
    path = write(tmp_path / "latin.txt", b"good line\ncaf\xe9 au lait\n")
    with pytest.raises(CorpusError) as error:
        read(path)
    message = str(error.value)
    assert "latin.txt" in message and "line 2" in message and "byte offset 13" in message
    assert "\n" not in message


def test_undecodable_byte_after_the_sample_is_found_while_streaming(tmp_path, monkeypatch):
    monkeypatch.setattr(textfiles, "BLOCK_BYTES", 1000)
    good = "word " * 20_000 + "\n"  # 100,000 bytes: the sniffed sample is clean UTF-8
    path = write(tmp_path / "late.txt", good.encode() * 2 + b"bad \xff here\n")
    with pytest.raises(CorpusError, match=r"late.txt: line 3: byte 0xff at byte offset 200006 "):
        read(path)


def test_empty_and_binary_files_are_refused(tmp_path):
    with pytest.raises(CorpusError, match="empty.txt: the file is empty"):
        read(write(tmp_path / "empty.txt", b""))
    with pytest.raises(CorpusError, match=r"blob.bin: not a text file .*byte offset 4"):
        read(write(tmp_path / "blob.bin", b"\x89PNG\x00\x00\x01\x02"))
    with pytest.raises(CorpusError, match="only-space.txt: no words found"):
        read(write(tmp_path / "only-space.txt", b" \n\t\n"))


# --- options ----------------------------------------------------------------

def test_punctuation_and_case_options(tmp_path):
    path = write(tmp_path / "t.txt", "Hello, World! (Rock'n'roll) 3.14 — state-of-the-art…\n".encode())
    assert read(path) == [["hello", "world", "rock'n'roll", "3", "14", "state-of-the-art"]]
    assert read(path, strip_punctuation=False, lowercase=False) == [
        ["Hello,", "World!", "(Rock'n'roll)", "3.14", "—", "state-of-the-art…"]]


def test_min_token_length(tmp_path):
    path = write(tmp_path / "t.txt", b"a an ant ants\n")
    assert read(path, min_token_length=3) == [["ant", "ants"]]


def test_stop_words_builtin_auto_and_user_file(tmp_path):
    english = write(tmp_path / "en.txt", b"The king and the queen of France\n")
    assert read(english, stop_words="english") == [["king", "queen", "france"]]
    assert read(english, stop_words="auto") == [["king", "queen", "france"]]
    assert read(english, stop_words="english", lowercase=False) == [["king", "queen", "France"]]
    user = write(tmp_path / "stop.txt", "# mine\nking\n".encode("utf-8-sig"))
    assert read(english, stop_words_file=str(user)) == [["the", "and", "the", "queen", "of", "france"]]
    chinese = write(tmp_path / "zh.txt", CHINESE.encode())
    assert read(chinese, stop_words="auto") == [["北京", "中国", "首都"], ["喜欢", "吃", "苹果"]]


def test_filters_that_remove_everything_say_so(tmp_path):
    path = write(tmp_path / "t.txt", b"the and of\n")
    with pytest.raises(CorpusError, match="t.txt: no words found .*stop-word"):
        read(path, stop_words="english")


def test_options_validate_and_round_trip_through_json():
    options = TokenizeOptions(stop_words="chinese", segment_chinese=True, phrases=True)
    assert TokenizeOptions.from_dict(json.loads(json.dumps(options.to_dict()))) == options
    for bad in [dict(stop_words="french"), dict(segment_chinese="yes"), dict(min_token_length=0),
                dict(layout="pages"), dict(stream_chunk=0), dict(phrase_scoring="pmi")]:
        with pytest.raises(ConfigError, match=next(iter(bad))):
            TokenizeOptions(**bad)


# --- Chinese ----------------------------------------------------------------

def test_chinese_is_detected_and_segmented_with_jieba(samples):
    plan = plan_text(samples / "sample_zh.txt")
    assert plan.chinese and plan.segment
    sentences = read(samples / "sample_zh.txt")
    words = {w for s in sentences for w in s}
    assert {"北京", "首都", "中国", "喜欢"} <= words
    assert "。" not in words
    unsegmented = read(samples / "sample_zh.txt", segment_chinese=False)
    assert all(len(s) <= 2 for s in unsegmented)  # whole clauses, cut only at punctuation


def test_already_segmented_chinese_is_left_alone(tmp_path):
    path = write(tmp_path / "cut.txt", "北京 是 中国 的 首都\n我 喜欢 深度学习\n".encode())
    plan = plan_text(path)
    assert plan.chinese and not plan.segment
    assert read(path)[1] == ["我", "喜欢", "深度学习"]


def test_user_dictionary_keeps_terms_whole(tmp_path):
    path = write(tmp_path / "zh.txt", "我喜欢深度学习和机器学习\n".encode())
    assert "深度学习" not in read(path)[0]
    user_dict = write(tmp_path / "dict.txt", "深度学习\n机器学习\n".encode())
    assert read(path, user_dict=str(user_dict)) == [["我", "喜欢", "深度学习", "和", "机器学习"]]


def test_missing_jieba_is_a_clear_error(tmp_path, monkeypatch):
    from w2v_desktop.core.text import segment

    segment._segmenter.cache_clear()
    monkeypatch.setitem(sys.modules, "jieba", None)  # makes `import jieba` fail
    path = write(tmp_path / "zh.txt", CHINESE.encode())
    with pytest.raises(CorpusError, match="needs the jieba package"):
        read(path, segment_chinese=True)
    segment._segmenter.cache_clear()


# --- long lines and streams ---------------------------------------------------

def test_a_50000_token_line_is_not_truncated(tmp_path):
    tokens = [f"w{i % 997}" for i in range(50_000)]
    path = write(tmp_path / "long.txt", (" ".join(tokens) + "\nshort line\n").encode())
    sentences = read(path)
    assert [len(s) for s in sentences] == [50_000, 2]
    assert sentences[0] == tokens
    corpus = read_corpus(str(path))
    assert corpus.n_tokens == 50_002 and corpus.sentence_lengths().tolist() == [50_000, 2]


def test_stream_layout_cuts_text8_style_text_into_chunks(tmp_path):
    tokens = [f"t{i}" for i in range(2_500)]
    path = write(tmp_path / "text8", " ".join(tokens).encode())  # one line, no newline
    sentences = read(path, layout="stream", stream_chunk=1_000)
    assert [len(s) for s in sentences] == [1_000, 1_000, 500]
    assert sum(sentences, []) == tokens


def test_very_long_lines_become_streams_in_auto_layout(tmp_path, monkeypatch):
    monkeypatch.setattr(textfiles, "BLOCK_BYTES", 64)  # many blocks, words cut at block edges
    monkeypatch.setattr(tokenize, "LONG_LINE_CHARS", 200)
    long_line = [f"词{i}" for i in range(300)]  # multi-byte characters cut by blocks too
    text = "short one\n" + " ".join(long_line) + "\nafter it\n" + " ".join(long_line)
    path = write(tmp_path / "mixed.txt", text.encode())
    auto = read(path, stream_chunk=100, segment_chinese=False)
    assert auto[0] == ["short", "one"] and auto[-4] == ["after", "it"]
    assert [len(s) for s in auto] == [2, 100, 100, 100, 2, 100, 100, 100]
    assert sum(auto[1:4], []) == long_line and sum(auto[5:], []) == long_line
    lines = read(path, layout="lines", segment_chinese=False)
    assert [len(s) for s in lines] == [2, 300, 2, 300]


def test_block_edges_never_split_words(tmp_path, monkeypatch):
    monkeypatch.setattr(textfiles, "BLOCK_BYTES", 7)
    text = "".join(f"line {i} with ünïcode 字{i}\r\n" for i in range(200))
    path = write(tmp_path / "crlf.txt", text.encode())
    assert read(path, segment_chinese=False) == [line.split() for line in text.lower().splitlines()]


# --- corpus and progress ------------------------------------------------------

def test_read_corpus_uses_the_options_and_progress_reaches_the_total(tmp_path):
    path = tmp_path / "c.txt.gz"
    with gzip.open(path, "wb") as f:
        f.write(("New York is big. " * 30 + "\n").encode() * 20)
    corpus = read_corpus(str(path), TokenizeOptions(stop_words="english"))
    assert corpus.words == ["new", "york", "big"] and corpus.n_tokens == 20 * 90
    seen = []
    list(iter_token_lines(path, TokenizeOptions(phrases=True), on_progress=lambda d, t: seen.append((d, t))))
    size = path.stat().st_size
    assert seen[-1] == (2 * size, 2 * size)  # two passes: learning phrases, then reading
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# --- real data (skipped without $W2V_DATA) ------------------------------------

@pytest.mark.data
def test_20news_reads_whole():
    corpus = read_corpus(str(data_path("text", "20news.txt")))
    assert corpus.n_tokens > 4_500_000 and len(corpus.words) > 50_000


@pytest.mark.data
def test_chinese_reviews_are_detected_and_segmented():
    path = data_path("zh", "reviews.txt")
    plan = plan_text(path)
    assert plan.chinese and plan.segment and plan.encoding == "utf-8"
    sentences = list(itertools.islice(iter_token_lines(path), 300))
    tokens = [t for s in sentences for t in s]
    assert sum(map(len, tokens)) / len(tokens) < 2.5  # words, not whole clauses


def test_ids_are_counted_in_blocks_exactly():
    from w2v_desktop.core.text.corpus import count_ids

    ids = np.random.default_rng(0).integers(0, 50, 10_001).astype(np.int32)
    np.testing.assert_array_equal(count_ids(ids, 60, block=1000), np.bincount(ids, minlength=60))
    assert count_ids(np.zeros(0, np.int32), 3).tolist() == [0, 0, 0]
