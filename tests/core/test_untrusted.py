"""Depth-bounded JSON and field-type checks for values read from files."""
from dataclasses import dataclass

import pytest

from w2v_desktop.core.untrusted import check_plain_fields, loads, nesting_depth


def test_depth_counts_arrays_and_objects_but_not_brackets_inside_strings():
    assert nesting_depth('"[[["') == 0 and nesting_depth("3") == 0
    assert nesting_depth('{"a": [1, {"b": "]]]}}}"}]}') == 3
    assert nesting_depth(r'["\"[[[", {"x": "\\"}, [[]]]') == 3  # escaped quotes do not end a string


def test_loads_refuses_deep_documents_before_parsing_and_accepts_the_rest():
    with pytest.raises(ValueError, match="nested 100000 levels deep"):
        loads("[" * 100_000 + "]" * 100_000)
    assert loads("[" * 64 + "]" * 64) is not None
    with pytest.raises(ValueError, match="nested 65"):
        loads("[" * 65 + "]" * 65)
    assert loads('{"words": ["[", "{"]}') == {"words": ["[", "{"]}


@dataclass
class Options:
    flag: bool = True
    count: int = 1
    rate: float = 0.5
    name: str = ""
    cap: int | None = None


@pytest.mark.parametrize("data,fragment", [
    ({"flag": 1}, "flag must be true or false"), ({"count": True}, "count must be an integer"),
    ({"count": 2.0}, "count must be an integer"), ({"count": 1 << 63}, "count must be an integer"),
    ({"rate": "0.5"}, "rate must be a finite number"), ({"rate": float("nan")}, "rate must be a finite"),
    ({"name": ["a"]}, "name must be a string (got a JSON array)"), ({"cap": "none"}, "cap must be an integer or null"),
])
def test_field_types_are_checked(data, fragment):
    with pytest.raises(ValueError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        check_plain_fields(Options, data)


def test_sound_fields_and_unknown_keys_pass():
    check_plain_fields(Options, {"flag": False, "count": -3, "rate": 2, "name": "x", "cap": None, "other": [1]})
    check_plain_fields(Options, {"cap": 7})
