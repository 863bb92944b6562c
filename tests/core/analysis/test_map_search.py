"""A map's hover texts and search (``core.analysis.map_search``), and label candidates when a
search matches most of a large map."""
from __future__ import annotations

import numpy as np

from w2v_desktop.core.analysis import MapText, label_order
from w2v_desktop.core.vectors.keyed import Vectors


def test_search_finds_names_and_titles_case_insensitively_in_point_order():
    text = MapText(["Paris", "rome", "Straße", "x\ny", "berlin"], ["", "Capital of Italy", "", "", "Paris-adjacent"])
    assert text.search("paris").tolist() == [0, 4]           # a title counts for its point, once
    assert text.search("  ITALY ").tolist() == [1]
    assert text.search("strasse").tolist() == [2]            # casefolded: ß is ss
    assert text.search("ss").tolist() == [2]
    assert text.search("x y").tolist() == [3]                # a newline in a name is a space
    assert text.search("").tolist() == [] and text.search("zzz").tolist() == []
    assert text.search("n").tolist() == [4]                  # never across two texts ("rome\nCapital")
    assert text.search("e\nc").tolist() == []


def test_search_agrees_with_a_python_substring_test():
    rng = np.random.default_rng(3)
    names = ["".join(rng.choice(list("abcdeé"), size=rng.integers(1, 7))) for _ in range(3000)]
    titles = ["".join(rng.choice(list("ABCé "), size=rng.integers(0, 5))) for _ in range(3000)]
    text = MapText(names, titles)
    for needle in ("a", "ab", "é", "ÉB", "cde", "c a", "abcdeab"):
        expected = [i for i, (n, t) in enumerate(zip(names, titles))
                    if needle.casefold() in n.casefold() or needle.casefold() in t.casefold()]
        assert text.search(needle).tolist() == expected, needle


def test_tips_are_made_per_point_with_the_title_under_the_name():
    vectors = Vectors(["a", "b", "c"], np.eye(3, dtype=np.float32),
                      meta={"columns": {"title": ["Alpha", "", "Gamma"]}})
    text = MapText.of_map(vectors, np.array([2, 1]), ["c", "b"])
    assert [text.tip(0), text.tip(1)] == ["c\nGamma", "b"]
    assert text.search("gam").tolist() == [0]
    assert MapText(["a", "b"]).tip(1) == "b"


def test_label_candidates_stay_bounded_when_a_search_forces_most_points():
    from w2v_desktop.core.analysis import map_labels
    visible = np.arange(0, 400_000, 2)
    forced = np.concatenate([[399_999, 10, 10], np.arange(1, 400_000)])   # repeats, one out of view
    order, n_forced = label_order(visible, forced=forced)
    assert n_forced == map_labels.MAX_CANDIDATES == len(order)
    assert order[:3].tolist() == [10, 2, 4]   # in the order given, without repeats, only those in view


def test_column_values_answer_as_parsing_every_row_would():
    """ColumnValues parses each distinct cell once; its answers for any rows equal a per-row parse."""
    from collections import Counter

    from w2v_desktop.core.analysis import ColumnValues, cell_values
    rng = np.random.default_rng(6)
    pool = ["Action|Comedy", "Comedy", "", None, "Drama | Comedy", "Action", "nan", "Action|Action", "Noir", 1995]
    column = [pool[i] for i in rng.integers(0, len(pool), size=2000)]
    parsed = ColumnValues(column)
    for rows in (None, rng.choice(2000, size=300, replace=False)):
        cells = column if rows is None else [column[r] for r in rows]
        counts = Counter(v for c in cells for v in dict.fromkeys(cell_values(c)))
        expected = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        assert parsed.counts(rows) == expected
        assert parsed.has_value("Comedy", rows).tolist() == ["Comedy" in cell_values(c) for c in cells]
        rank = {v: i for i, (v, _n) in enumerate(expected)}
        codes, texts = parsed.main_values(rows)
        assert [texts[c] for c in codes] == [min(cell_values(c), key=rank.get) if cell_values(c) else "" for c in cells]
    assert parsed.multi_label() and parsed.numbers() is None
    years = ColumnValues(["1995", "", "2001", "1995"])
    np.testing.assert_array_equal(years.numbers([3, 1, 2]), [1995.0, np.nan, 2001.0])
