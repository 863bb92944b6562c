"""hypothesis strategies: damage a sound file (bit flips, cuts, inserted bytes that readers
treat specially: quotes, tabs, a byte-order mark, NaN, line breaks, NUL)."""
from __future__ import annotations

from hypothesis import strategies as st

SPECIAL = [b'"', b"\t", b"\xef\xbb\xbf", b"nan", b"inf", b"-inf", b"\n", b"\r\n", b" ", b":", b",", b"\x00",
           b"\xff", b"1e3", b"0", b"999999999999", b"-1", b"\\", b"#", b"'"]


@st.composite
def mutated(draw, data: bytes, max_steps: int = 4) -> bytes:
    """``data`` after a few random edits."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, max_steps))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete", "replace"]))
        at = draw(st.integers(0, max(len(data), 1) - 1)) if data else 0
        if kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            data = data[:at]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(SPECIAL) | st.binary(min_size=1, max_size=4))
        elif kind == "delete" and data:
            data[at:at + draw(st.integers(1, 8))] = b""
        elif kind == "replace" and data:
            piece = draw(st.sampled_from(SPECIAL))
            data[at:at + len(piece)] = piece
    return bytes(data)


NAME_CHARS = st.characters(codec="utf-8", exclude_categories=["Cs"],
                           include_characters=[" ", "\t", ":", '"', ",", "\ufeff", "é", "中"])
names = st.text(NAME_CHARS, min_size=0, max_size=6)
values = st.one_of(st.floats(width=32, allow_nan=False, allow_infinity=False).map(lambda x: f"{x:g}"),
                   st.sampled_from(["nan", "inf", "-inf", "1e3", "0", "-0", "x", "", "1,5", "0x1"]))


@st.composite
def vector_lines(draw, separator: str = " ", name_end: str = " ") -> str:
    """Lines of 'name v1 v2 ...', mostly of one width, with the odd damaged line."""
    dim = draw(st.integers(1, 4))
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        width = dim if draw(st.integers(0, 4)) else draw(st.integers(0, dim + 2))
        rows.append(draw(names) + name_end + separator.join(draw(values) for _ in range(width)))
    return "\n".join(rows) + draw(st.sampled_from(["\n", "", "\r\n", " \n"]))
