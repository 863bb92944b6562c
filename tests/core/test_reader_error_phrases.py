"""Reader errors are Phrases (the window translates them) whose str() is exactly the English the
command line has always printed; a translation formats the same file name and numbers."""
from __future__ import annotations

import numpy as np
import pytest

from tests.catalogue import files as F
from w2v_desktop.core.wording import Phrase


def _nan_weights(arrays):
    arrays["syn0"] = np.full((4, F.DIM), np.nan, np.float32)


def _read_vectors(p):
    from w2v_desktop.core.formats import load_vectors
    load_vectors(p)


def _read_corpus(p):
    from w2v_desktop.core.text.files import sniff_file
    sniff_file(p)


def _read_ratings(p):
    from w2v_desktop.core.items.layouts import detect_layout
    detect_layout(p)


def _read_model(p):
    from w2v_desktop.core.train.model_file import load_model
    load_model(p)


def _read_pairs(p):
    from w2v_desktop.core.analysis.intrinsic import read_pairs
    read_pairs(p)


CASES = [  # (file, content, reader, the English after "{path}")
    ("s.txt", F.w2v_text(rows=["the 0.1 0.2 0.3 0.4", "cat 0.1 0.2"]), _read_vectors,
     ", line 3: expected a name and 4 values, found 2 values"),
    ("d.txt", F.w2v_text(rows=["the 1 2 3 4", "the 1 2 3 4"]), _read_vectors,
     ", line 3: duplicate name 'the' (first at line 2)"),
    ("h.txt", b"999999999999 4\nthe 1 2 3 4\n", _read_vectors,
     ", line 1: the header '999999999999 4' promises 999,999,999,999 vectors of dimension 4, which need at least "
     "9,999,999,999,990 bytes, but the file has 27 (truncated, or not this format)"),
    ("e.txt", b"", _read_corpus, ": the file is empty"),
    ("u.txt", b"good words\n\xff\xfe bad \xc3\x28\n", _read_corpus,
     ": line 2: byte 0xff at byte offset 11 is not valid UTF-8 or GB18030/GBK text; choose its encoding explicitly "
     "(e.g. latin-1, cp1252, big5)"),
    ("one.csv", b"a\nb\nc\n", _read_ratings,
     ": cannot tell the delimiter (tried ',', '\\t', ';', '|', ' '); give it explicitly"),
    ("m.npz", lambda p: F.model(p, arrays_change=_nan_weights), _read_model,
     ": syn0 holds NaN or infinite weights (4 rows, the first row 0)"),
    ("p.txt", b"cat dog 1.0\ncat lots\n", _read_pairs, ", line 2: expected 'word1 word2 score', found 2 fields"),
]


@pytest.mark.parametrize("name, content, read, english", CASES, ids=[c[0] for c in CASES])
def test_a_reader_error_is_a_phrase_saying_the_old_english(tmp_path, name, content, read, english):
    path = tmp_path / name
    content(path) if callable(content) else path.write_bytes(content)
    with pytest.raises(ValueError) as info:
        read(path)
    message = info.value.args[0]
    assert str(info.value) == f"{path}{english}"
    assert isinstance(message, Phrase)
    said = message.say(lambda template: "«" + template + "»")  # a "translation": the values stay as they are
    assert said.startswith("«" + str(path)) and said.count("«") >= 2
