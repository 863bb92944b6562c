"""The map table's columns and filter language: precedence, NOT, parentheses, quoted values,
multi-label "has the value", numbers against text, errors that say where, sorting."""
import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings, strategies as st

from w2v_desktop.core.analysis import FilterError, filter_mask, make_map_columns, parse_filter
from w2v_desktop.core.analysis.map_colour import cell_values
from w2v_desktop.core.analysis.map_columns import NUMBER, TEXT, split_values

NAMES = ["alien", "star_wars", "heat", "toy_story", "babe", "fargo"]
GENRES = ["Horror|Sci-Fi", "Action|Sci-Fi", "", "Animation|Children's|Comedy", "Children's|Drama", "Crime|Drama"]
TITLES = ["Alien (1979)", "Star Wars (1977)", "Heat (1995)", "Toy Story (1995)", "Babe (1995)", "Fargo (1996)"]
YEARS = ["1979", "1977", "1995", "1995", "", "1996"]


@pytest.fixture
def columns():
    trust = np.array([0.9, 0.8, np.nan, 0.4, 0.6, 0.2])
    coords = np.array([[0, 0], [1, 0], [2, 1], [-1, 3], [0.5, -2], [4, 4]], dtype=float)
    return make_map_columns(NAMES, coords, trust, [500, 400, 300, 60, 40, 20],
                            {"genres": GENRES, "title": TITLES, "year": YEARS, "empty": [""] * 6,
                             "same": list(NAMES)})


def matches(text, columns) -> list[str]:
    return [NAMES[i] for i in np.flatnonzero(filter_mask(text, columns))]


def test_columns_kinds_and_what_is_left_out(columns):
    assert columns.names == ["name", "count", "title", "genres", "year", "trust", "x", "y"]   # empty, same: out
    assert columns.shown() == ["name", "count", "trust", "title", "genres", "year"]
    kinds = {name: c.kind for name, c in columns.columns.items()}
    assert kinds == {"name": TEXT, "count": NUMBER, "title": TEXT, "genres": TEXT, "year": NUMBER,
                     "trust": NUMBER, "x": NUMBER, "y": NUMBER}
    assert columns.columns["genres"].multi_label and not columns.columns["title"].multi_label
    assert columns.columns["count"].display(0) == "500" and columns.columns["trust"].display(2) == ""
    assert columns.columns["trust"].display(3) == "0.400" and columns.columns["year"].display(4) == ""


def test_multi_label_equals_means_has_the_value_in_any_case(columns):
    assert matches("genres = Sci-Fi", columns) == ["alien", "star_wars"]   # not only the first value
    assert matches("genres = sci-fi", columns) == ["alien", "star_wars"]
    assert matches("GENRE == Drama", columns) == ["babe", "fargo"]          # a unique prefix, any case
    assert matches("genres != Sci-Fi", columns) == ["heat", "toy_story", "babe", "fargo"]
    assert matches("genres ~ fi", columns) == ["alien", "star_wars"]
    assert matches('genres = ""', columns) == ["heat"]
    assert matches('genres != ""', columns) == ["alien", "star_wars", "toy_story", "babe", "fargo"]


def test_numbers_compare_as_numbers_and_text_as_text(columns):
    assert matches("count > 60", columns) == ["alien", "star_wars", "heat"]   # not "60" < "500" as text
    assert matches("count >= 60", columns) == ["alien", "star_wars", "heat", "toy_story"]
    assert matches("year < 1990", columns) == ["alien", "star_wars"]          # a text column of numbers
    assert matches("year = 1995.0", columns) == ["heat", "toy_story"]
    assert matches("trust < 0.5", columns) == ["toy_story", "fargo"]          # NaN matches nothing
    assert matches("trust != 0.9", columns) == ["star_wars", "heat", "toy_story", "babe", "fargo"]
    assert matches("x > 0.5 AND y >= 0", columns) == ["star_wars", "heat", "fargo"]
    assert matches("name < c", columns) == ["alien", "babe"]                  # alphabetical
    assert matches("count <= -1e3", columns) == []


def test_precedence_not_and_parentheses(columns):
    # AND binds tighter than OR: alien OR (babe AND drama)
    assert matches("name = alien OR name = babe AND genres = Drama", columns) == ["alien", "babe"]
    assert matches("(name = alien OR name = babe) AND genres = Drama", columns) == ["babe"]
    # NOT binds tighter than AND
    assert matches("NOT genres = Drama AND count < 100", columns) == ["toy_story"]
    assert matches("NOT (genres = Drama AND count < 100)", columns) == ["alien", "star_wars", "heat", "toy_story"]
    assert matches("not not name = heat", columns) == ["heat"]
    assert matches("((name = heat))", columns) == ["heat"]
    assert matches("", columns) == NAMES and matches("   ", columns) == NAMES


def test_values_quoted_several_words_and_contains(columns):
    assert matches("genres = \"Children's\"", columns) == ["toy_story", "babe"]
    assert matches("genres = Children's", columns) == ["toy_story", "babe"]   # a quote inside a word
    assert matches("title ~ star wars", columns) == ["star_wars"]            # words up to AND/OR/)
    assert matches("title contains 'heat (1995)'", columns) == ["heat"]
    assert matches('title ~ "\\"x"', columns) == []                           # an escaped quote
    assert matches("title ~ story AND year = 1995 OR name = fargo", columns) == ["toy_story", "fargo"]
    assert matches('name = "and"', columns) == []                             # a keyword as a value


@pytest.mark.parametrize("text, message, position", [
    ("gnre = Drama", "unknown column 'gnre' at 1 (columns: name, count, title, genres, year, trust, x, y)", 0),
    ("t = 1", "'t' at 1 could be title / trust", 0),
    ("genres = Sci-Fi AND count >", "expected a value after '>' at 28", 27),
    ("count > 5 AND", "expected a column name after 'AND' at 14, not the end", 13),
    ("count > lots", "count is a number column: expected a number after '>' at 9, not 'lots'", 8),
    ("count ~ 5", "'~' at 7 looks for text, but count is a number column", 6),
    ("(name = heat", "missing ')' at 13 to close the '(' at 1", 12),
    ("name = heat)", "unexpected ')' at 12", 11),
    ("name heat", "expected =, !=, <, <=, >, >=, ~, contains after 'name' at 6, not 'heat'", 5),
    ("title = 'Heat", "the quote at 9 is never closed", 8),
    ("name > ''", "an empty value at 8 can only follow = or !=", 7),
    ("name = heat name = babe", "expected AND, OR or the end at 18, not '='", 17),
    ("AND name = heat", "expected a column name at 1, not 'AND'", 0),
])
def test_errors_are_one_line_with_the_position(columns, text, message, position):
    with pytest.raises(FilterError) as caught:
        parse_filter(text, columns)
    assert str(caught.value).startswith(message) and "\n" not in str(caught.value)
    assert caught.value.position == position


def test_sorting_is_stable_with_empty_cells_last(columns):
    order = columns.columns["year"].sort_order()
    assert [NAMES[i] for i in order] == ["star_wars", "alien", "heat", "toy_story", "fargo", "babe"]
    order = columns.columns["year"].sort_order(descending=True)
    assert [NAMES[i] for i in order] == ["fargo", "heat", "toy_story", "alien", "star_wars", "babe"]
    order = columns.columns["genres"].sort_order(descending=True)
    assert [NAMES[i] for i in order][-1] == "heat" and [NAMES[i] for i in order][0] == "alien"
    assert [NAMES[i] for i in columns.columns["name"].sort_order()] == sorted(NAMES)


def test_a_metadata_column_named_like_a_built_in_one_is_left_out():
    columns = make_map_columns(["a", "b"], np.zeros((2, 2)), np.zeros(2), [1, 2],
                               {"Count": ["x", "y"], "kind": ["p", "q"]})
    assert columns.names == ["name", "count", "kind", "trust", "x", "y"]
    assert list(np.flatnonzero(filter_mask("count = 2", columns))) == [1]


def test_a_3d_map_filters_on_z_too():
    """A 3-D map's depth is a column like x and y (filterable, not shown); a 2-D map has none."""
    coords = np.array([[0, 0, -1.0], [1, 0, 0.5], [2, 1, 2.0]])
    three = make_map_columns(["a", "b", "c"], coords, np.zeros(3), None, {"kind": ["p", "q", "r"]})
    assert three.names == ["name", "kind", "trust", "x", "y", "z"]
    assert three.shown() == ["name", "trust", "kind"]
    assert list(np.flatnonzero(filter_mask("z > 0 AND x < 2", three))) == [1]
    two = make_map_columns(["a", "b", "c"], coords[:, :2], np.zeros(3))
    with pytest.raises(FilterError, match="unknown column 'z'"):
        filter_mask("z > 0", two)


cells = st.one_of(st.none(), st.text(alphabet=st.sampled_from("ab |Nn\t-é"), max_size=8))


@settings(max_examples=200, deadline=None)
@given(st.lists(cells, min_size=1, max_size=12))
def test_values_are_split_as_the_colouring_splits_them(column):
    strings = pa.array(["" if c is None else c for c in column], type=pa.string())
    rows, values = split_values(strings)
    expected = [(r, v.lower()) for r, c in enumerate(column) for v in cell_values(c)]
    assert list(zip(rows.tolist(), values.to_pylist())) == expected
