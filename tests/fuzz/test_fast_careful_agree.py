"""The fast (pyarrow) and careful (line by line) vectors readers agree on every input: where
the fast one reads a file, the careful one reads the same names and numbers; where the fast
one declines (returns None), the careful one decides alone. Hand-written odd files first
(each once read differently, issue 13), then generated and damaged ones."""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.mutations import mutated, vector_lines
from w2v_desktop.core.formats import tables, text
from w2v_desktop.core.formats.common import FormatError
from w2v_desktop.core.untrusted import InputError


def outcome(read):
    try:
        return read()
    except InputError as exc:
        return ("refused", type(exc).__name__)


def text_pair(path: Path):
    """(fast, careful) results of the word2vec/GloVe text readers."""
    try:
        layout = text.sniff_text_layout(path)
    except FormatError:
        return None, None
    fast = outcome(lambda: text._read_fast(path, layout, "utf-8"))
    if isinstance(fast, tuple) and len(set(fast[0])) != len(fast[0]):
        fast = None  # duplicates: read_word2vec_text hands the file to the careful tier, as here
    careful = outcome(lambda: text.read_careful(path, text.split_text_record, "utf-8", layout))
    return fast, careful


def csv_pair(path: Path):
    try:
        header, roles = tables._csv_layout(path, "utf-8")
    except FormatError:
        return None, None
    fast = outcome(lambda: tables._read_csv_fast(path, header, roles, "utf-8"))
    careful = outcome(lambda: tables._read_csv_careful(path, header, roles, "utf-8"))
    return fast, careful


def assert_agree(fast, careful) -> None:
    if fast is None or (isinstance(fast, tuple) and fast[0] == "refused"):
        return  # the fast reader declined: the careful one's answer stands alone
    assert careful[0] != "refused", f"fast read {fast[0][:5]} but careful refused ({careful})"
    assert list(fast[0]) == list(careful[0]), "names differ"
    assert np.array_equal(np.asarray(fast[1]), np.asarray(careful[1])), "numbers differ"
    if len(fast) > 2:  # CSV: counts and text columns too
        assert (fast[2] is None) == (careful[2] is None)
        if fast[2] is not None:
            assert np.array_equal(fast[2], careful[2])
        assert {k: list(v) for k, v in fast[3].items()} == {k: list(v) for k, v in careful[3].items()}


ODD_TEXT = {
    "tab inside a name": b"a\tb 0.1 0.2\ncat 0.3 0.4\n",
    "tab between values": b"the 0.1\t0.2\ncat 0.3 0.4\n",
    "damaged id:vector": b"the:0.1 0.2 0.3\ncat 0.1 0.2\nsat:0.1 0.2 0.3\n",
    "header then short line": b"2 3\nthe 0.1 0.2 0.3\ncat 0.1\n",
    "byte-order mark": b"\xef\xbb\xbfthe 0.1 0.2\ncat 0.3 0.4\n",
    "carriage returns": b"the 0.1 0.2\r\ncat 0.3 0.4\r\n",
    "two spaces": b"the  0.1 0.2\ncat 0.3 0.4\n",
    "trailing spaces": b"2 2\nthe 0.1 0.2 \ncat 0.3 0.4 \n",
    "quote in a name": b'"the 0.1 0.2\ncat" 0.3 0.4\n',
    "nan": b"the 0.1 nan\ncat 0.3 0.4\n",
    "blank line": b"the 0.1 0.2\n\ncat 0.3 0.4\n",
    "tab after a name (found by fuzzing)": b"3 2\nthe 0.1 0.2\ncat -1.5 3e-2\nsat\t 7 8\n",
    "unit separator in a name (found by fuzzing)": b":\x1f 0\n",
    "duplicate names": b"0 0 0\n0 0 0\n",
}
ODD_CSV = {
    "short row": b"name,d0,d1,d2\nthe,0.1,0.2,0.3\ncat,0.1\n",
    "first row short": b"name,d0,d1,d2\nthe,0.1\ncat,0.1,0.2,0.3\n",
    "quoted name with comma": b'name,d0,d1\n"a,b",0.1,0.2\ncat,0.3,0.4\n',
    "quote unmatched": b'name,d0,d1\n"ab,0.1,0.2\ncat,0.3,0.4\n',
    "byte-order mark": b"\xef\xbb\xbfname,d0,d1\nthe,0.1,0.2\ncat,0.3,0.4\n",
    "empty value": b"name,d0,d1\nthe,,0.2\ncat,0.3,0.4\n",
    "count column": b"name,count,d0\nthe,5,0.2\ncat,3,0.4\n",
    "no header": b"the,0.1,0.2\ncat,0.3,0.4\n",
    "lone carriage return": b"the,0.1,0.2\rcat,0.3,0.4\n",
    "CRLF inside a quoted name (found by fuzzing)": b'name,count,d0,d1\nthe,5,0.1,0.2\n"\r\nat",3,-1.5,3e-2\n',
}


@pytest.mark.parametrize("name", ODD_TEXT)
def test_fast_and_careful_text_readers_agree_on_odd_files(name, tmp_path):
    path = tmp_path / "v.txt"
    path.write_bytes(ODD_TEXT[name])
    assert_agree(*text_pair(path))


@pytest.mark.parametrize("name", ODD_CSV)
def test_fast_and_careful_csv_readers_agree_on_odd_files(name, tmp_path):
    path = tmp_path / "v.csv"
    path.write_bytes(ODD_CSV[name])
    assert_agree(*csv_pair(path))


def test_a_damaged_id_vector_file_is_not_read_as_glove_with_colons_in_names(tmp_path):
    from w2v_desktop.core.formats import load_vectors

    path = tmp_path / "v.txt"
    path.write_bytes(ODD_TEXT["damaged id:vector"])
    with pytest.raises(FormatError, match="line 2"):
        load_vectors(path)


def test_csv_rows_shorter_than_the_header_are_refused_not_read_as_fewer_dimensions(tmp_path):
    from w2v_desktop.core.formats import load_vectors

    path = tmp_path / "v.csv"
    path.write_bytes(ODD_CSV["first row short"])
    with pytest.raises(FormatError, match="line 2"):
        load_vectors(path)


@given(lines=vector_lines(" ", " "))
def test_fast_and_careful_text_readers_agree_on_generated_files(lines):
    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "v.txt")
        path.write_bytes(lines.encode("utf-8"))
        assert_agree(*text_pair(path))


@given(lines=vector_lines(",", ","))
def test_fast_and_careful_csv_readers_agree_on_generated_files(lines):
    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "v.csv")
        path.write_bytes(lines.encode("utf-8"))
        assert_agree(*csv_pair(path))


_SOUND_TEXT = b"3 2\nthe 0.1 0.2\ncat -1.5 3e-2\nsat 7 8\n"
_SOUND_CSV = b"name,count,d0,d1\nthe,5,0.1,0.2\n\"c,at\",3,-1.5,3e-2\nsat,1,7,8\n"


@given(data=st.data())
def test_fast_and_careful_readers_agree_on_damaged_files(data):
    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "v.txt")
        path.write_bytes(data.draw(mutated(_SOUND_TEXT)))
        assert_agree(*text_pair(path))
        path = Path(work, "v.csv")
        path.write_bytes(data.draw(mutated(_SOUND_CSV)))
        assert_agree(*csv_pair(path))
