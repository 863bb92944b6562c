"""Rating readers: layouts, detection, bad rows, item metadata."""
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import ROOT, SAMPLES, data_path
from w2v_desktop.core.items import ColumnMapping, RatingsError, detect_layout, read_items, read_ratings
from w2v_desktop.core.items.layouts import LayoutError


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def events(inter):
    """(user id, item id, rating, time) tuples in file order."""
    ratings = inter.ratings if inter.ratings is not None else [None] * inter.n_events
    times = inter.times if inter.times is not None else [None] * inter.n_events
    return [(inter.user_ids[u], inter.item_ids[i], None if r is None else float(r),
             None if t is None else float(t))
            for u, i, r, t in zip(inter.users, inter.items, ratings, times)]


def test_movielens_100k_layout(tmp_path):
    path = write(tmp_path, "u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t377\t1\t878887116\n")
    assert detect_layout(path).layout == "movielens-100k"
    inter = read_ratings(path)
    assert events(inter) == [("196", "242", 3.0, 881250949.0), ("186", "302", 3.0, 891717742.0),
                             ("196", "377", 1.0, 878887116.0)]
    assert inter.users.dtype == np.int32 and inter.n_users == 2


def test_movielens_dat_layout(tmp_path):
    path = write(tmp_path, "ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n")
    assert detect_layout(path).layout == "movielens-dat"
    assert events(read_ratings(path)) == [("1", "1193", 5.0, 978300760.0), ("1", "661", 3.0, 978302109.0),
                                          ("2", "1193", 4.0, 978298413.0)]


def test_movielens_csv_layout(tmp_path):
    path = write(tmp_path, "ratings.csv", "userId,movieId,rating,timestamp\n1,307,3.5,1256677221\n1,481,4.0,1256677456\n")
    assert detect_layout(path).layout == "movielens-csv"
    assert events(read_ratings(path)) == [("1", "307", 3.5, 1256677221.0), ("1", "481", 4.0, 1256677456.0)]


def test_sniffed_semicolon_header_with_iso_dates(tmp_path):
    path = write(tmp_path, "log.txt", "customer;product;when\nc1;p9;2020-01-02\nc1;p7;2020-01-01 10:00:00\n")
    mapping = detect_layout(path)
    assert (mapping.delimiter, mapping.header, mapping.user, mapping.item, mapping.rating, mapping.time) == \
        (";", True, "customer", "product", None, "when")
    inter = read_ratings(path)
    assert inter.ratings is None
    assert inter.times.tolist() == [1577923200.0, 1577872800.0]


def test_implicit_without_time_uses_file_order(tmp_path):
    path = write(tmp_path, "clicks.tsv", "u1\tA\nu1\tB\nu2\tA\n")
    inter = read_ratings(path)
    assert inter.ratings is None and inter.times is None
    assert events(inter) == [("u1", "A", None, None), ("u1", "B", None, None), ("u2", "A", None, None)]


def test_explicit_mapping_by_index_and_name(tmp_path):
    path = write(tmp_path, "x.csv", "ts,who,score,what\n5,a,1,z\n6,b,2,y\n")
    by_name = read_ratings(path, ColumnMapping(user="who", item="what", rating="score", time="ts", header=True))
    by_index = read_ratings(path, ColumnMapping(user=1, item=3, rating=2, time=0, header=True))
    assert events(by_name) == events(by_index) == [("a", "z", 1.0, 5.0), ("b", "y", 2.0, 6.0)]
    with pytest.raises(RatingsError, match="no column named 'nope'"):
        read_ratings(path, ColumnMapping(user="nope", item="what", header=True))
    with pytest.raises(LayoutError, match="no header"):
        ColumnMapping(user="who", item="what", header=False)


DIRTY = """userId,movieId,rating,timestamp
1,10,4,1000000001

1,11
1,12,abc,999999999
userId,movieId,rating,timestamp
2,10,4,5,6
2,,3,100
2,13,5,1000000002
2,14,4.5,nan-time
2,15,4,1000000003
"""


def test_bad_rows_are_skipped_counted_and_located(tmp_path):
    path = write(tmp_path, "dirty.csv", DIRTY)
    inter = read_ratings(path)
    assert events(inter) == [("1", "10", 4.0, 1000000001.0), ("2", "13", 5.0, 1000000002.0),
                             ("2", "15", 4.0, 1000000003.0)]
    skipped = inter.skipped
    assert skipped.counts == {"wrong column count": 2, "blank line": 1, "repeated header": 1,
                              "missing field": 1, "non-numeric rating": 1, "non-numeric time": 1}
    assert [(line, reason.split(" (")[0]) for line, reason, _ in skipped.examples] == [
        (3, "blank line"), (4, "wrong column count"), (5, "non-numeric rating"), (6, "repeated header"),
        (7, "wrong column count"), (8, "missing field"), (10, "non-numeric time")]
    assert "first at lines 3, 4, 5, 6, 7" in skipped.summary()


def test_strict_mode_names_file_and_first_bad_line(tmp_path):
    path = write(tmp_path, "dirty.csv", DIRTY.replace("\n\n", "\n"))  # first problem now: line 3, "1,11"
    with pytest.raises(RatingsError, match=r"dirty.csv, line 3: wrong column count.*'1,11'"):
        read_ratings(path, strict=True)
    clean = write(tmp_path, "clean.csv", "userId,movieId,rating,timestamp\n1,2,3,4\n")
    assert read_ratings(clean, strict=True).n_events == 1


def test_strict_mode_reports_value_errors_with_line(tmp_path):
    path = write(tmp_path, "r.csv", "user,item,rating\na,b,4\na,c,4\na,d,four\n")
    with pytest.raises(RatingsError, match=r"r.csv, line 4: non-numeric rating.*'four'"):
        read_ratings(path, strict=True)


def test_bad_row_lines_stay_right_after_many_parser_skips(tmp_path):
    lines = ["u,i,r"]
    for n in range(2, 400):
        lines.append("x,y" if n % 3 == 0 else ("a,b,oops" if n == 301 else f"a,{n},1"))
    path = write(tmp_path, "many.csv", "\n".join(lines) + "\n")
    inter = read_ratings(path)
    assert inter.skipped.counts["non-numeric rating"] == 1
    assert [ln for ln, reason, _ in inter.skipped.examples if reason == "non-numeric rating"] == [301]


def test_latin1_ids_are_decoded(tmp_path):
    path = write(tmp_path, "songs.csv", "user,song\nu1,Caf\xe9\nu1,Na\xefve\n", encoding="latin-1")
    assert read_ratings(path).item_ids == ["Caf\xe9", "Na\xefve"]


def test_empty_and_unreadable_files(tmp_path):
    with pytest.raises(LayoutError, match="empty"):
        read_ratings(write(tmp_path, "e.csv", ""))
    inter = read_ratings(write(tmp_path, "h.csv", "user,item\n"))
    assert inter.n_events == 0


def test_sample_files_are_detected():
    inter = read_ratings(SAMPLES / "sample_ratings.csv")
    assert inter.n_users == 500 and inter.n_items == 300 and 25_000 < inter.n_events < 35_000
    assert inter.skipped.total == 0 and inter.times is not None
    items = read_items(SAMPLES / "sample_items.csv")
    assert len(items) == 300 and items.title("1") and items.genres("1")


def test_sample_is_reproducible_from_its_script(tmp_path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "resources" / "make_ratings_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ratings, items = module.generate()
    assert ratings == (SAMPLES / "sample_ratings.csv").read_text()
    assert items == (SAMPLES / "sample_items.csv").read_text()
    assert len(ratings) + len(items) < 1_000_000


def test_item_layouts(tmp_path):
    uitem = write(tmp_path, "u.item", "1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
                                      "2|Caf\xe9 (1995)|01-Jan-1995||http://y|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0\n",
                  encoding="latin-1")
    table = read_items(uitem)
    assert table.title("2") == "Caf\xe9 (1995)"
    assert table.genres("1") == {"Animation", "Children's", "Comedy"}
    dat = write(tmp_path, "movies.dat", "1::Star Wars: Episode IV (1977)::Action|Sci-Fi\n")
    assert read_items(dat).title("1") == "Star Wars: Episode IV (1977)"
    csv = write(tmp_path, "movies.csv", 'movieId,title,genres,year\n11,"American President, The (1995)",Comedy|Drama,1995\n')
    table = read_items(csv)
    assert table.title("11") == "American President, The (1995)" and table.get("11", "year") == "1995"
    assert table.columns_for(["11", "zz"]) == {"title": ["American President, The (1995)", ""],
                                               "genres": ["Comedy|Drama", ""], "year": ["1995", ""]}


def test_sibling_item_file_is_found_next_to_the_ratings(tmp_path):
    from w2v_desktop.core.items.item_table import sibling_item_file

    ratings = write(tmp_path, "u.data", "1\t2\t3\t881250949\n")
    assert sibling_item_file(ratings) == ""
    write(tmp_path, "movies.csv", "movieId,title\n2,B\n")
    assert sibling_item_file(ratings) == str(tmp_path / "movies.csv")
    write(tmp_path, "u.item", "2|B|01-Jan-1995||x\n")  # tried first: the MovieLens 100K name
    assert sibling_item_file(ratings) == str(tmp_path / "u.item")
    assert sibling_item_file(SAMPLES / "sample_ratings.csv") == str(SAMPLES / "sample_items.csv")


def test_real_movielens_100k_both_layouts_read_alike():
    a = read_ratings(data_path("ratings", "ml-100k", "u.data"))
    b = read_ratings(data_path("ratings", "ml-100k-csv", "ratings.csv"))
    assert a.n_events == b.n_events == 100_000
    assert a.item_ids == b.item_ids and a.user_ids == b.user_ids
    assert np.array_equal(a.items, b.items) and np.array_equal(a.times, b.times)
    assert np.array_equal(a.ratings, b.ratings)
    items = read_items(data_path("ratings", "ml-100k", "u.item"))
    csv_items = read_items(data_path("ratings", "ml-100k-csv", "movies.csv"))
    assert len(items) == len(csv_items) == 1682
    assert items.genres("2") == csv_items.genres("2") == {"Action", "Adventure", "Thriller"}
