"""Odd files that are valid (issue 13): once refused or silently rewritten, now read as they
are, through the CLI (exit 0, the report says what was skipped) and the core reader (ids
exactly as written)."""
from __future__ import annotations

import pytest

from w2v_desktop import cli
from w2v_desktop.core.items import read_items, read_ratings

HEADER = "user,item,rating,timestamp\n"
ODD_IDS = (HEADER + "0195153448,a,5,100\n195153448,b,4,200\n1e3,c,3,300\n"
           "12345678901234567890,d,4,400\n12345678901234567891,e,4,500\n\"x,y\",\"i,1\",3,600\n"
           "007,f,2,700\n7,g,5,800\n")


def report(path, capsys) -> str:
    assert cli.main(["ratings-report", str(path), "--keep-all", "--min-length", "1"]) == 0
    return capsys.readouterr().out


def test_ids_are_text_leading_zeros_exponents_and_20_digits_stay_distinct(tmp_path, capsys):
    path = tmp_path / "ids.csv"
    path.write_text(ODD_IDS)
    events = read_ratings(path)
    assert events.user_ids == ["0195153448", "195153448", "1e3", "12345678901234567890",
                               "12345678901234567891", "x,y", "007", "7"]
    assert events.item_ids[5] == "i,1"
    assert "8 users" in report(path, capsys)


def test_a_byte_order_mark_before_the_header_is_not_part_of_the_first_column(tmp_path, capsys):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "1,a,5,100\n2,b,4,200\n").encode())
    events = read_ratings(path)
    assert events.mapping.user == "user" and events.user_ids == ["1", "2"]
    assert "2 events" in report(path, capsys)


def test_an_unmatched_quote_costs_its_own_line_only(tmp_path, capsys):
    rows = [f"{u},item{u},4,{100 * u}" for u in range(1, 101)]
    rows[4] = '5,"item5,4,500'  # line 6 of the file
    path = tmp_path / "quote.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n")
    events = read_ratings(path)
    assert events.n_events == 99 and "5" not in events.user_ids
    assert events.skipped.counts == {"unmatched quote": 1}
    assert events.skipped.examples[0][0] == 6
    out = report(path, capsys)
    assert "1 unmatched quote" in out and "line 6" in out


def test_non_finite_ratings_and_times_are_counted_as_bad_rows_with_their_lines(tmp_path, capsys):
    path = tmp_path / "inf.csv"
    path.write_text(HEADER + "1,a,5,100\n2,b,inf,200\n3,c,-inf,300\n4,d,4,inf\n5,e,3,500\n")
    events = read_ratings(path)
    assert events.n_events == 2
    assert events.skipped.counts == {"non-finite rating": 2, "non-finite time": 1}
    assert [line for line, _, _ in events.skipped.examples] == [3, 4, 5]
    assert "2 non-finite rating" in report(path, capsys)


def test_the_delimiter_sniffer_ignores_delimiters_inside_quotes(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text('user;item;rating\n1;"a;b, c";5\n2;"d, e";4\n3;f;3\n')
    events = read_ratings(path)
    assert events.mapping.delimiter == ";" and events.item_ids == ["a;b, c", "d, e", "f"]


def test_item_table_ids_are_text(tmp_path):
    path = tmp_path / "movies.csv"
    path.write_text("movieId,title,genres\n0195153448,A,x\n195153448,B,y\n1e3,C,z\n")
    table = read_items(path)
    assert table.ids == ["0195153448", "195153448", "1e3"]


def test_nan_and_infinite_word_pair_scores_are_left_out_and_reported(tmp_path, capsys):
    from tests.catalogue import files as F

    (tmp_path / "vec.txt").write_bytes(F.w2v_text())
    pairs = tmp_path / "pairs.txt"
    pairs.write_text("the\tcat\t5\nsat\ton\tnan\nmat\tdog\t2\nran\tfar\tinf\nthe\tdog\t7\n")
    assert cli.main(["evaluate", str(tmp_path / "vec.txt"), "--pairs", str(pairs)]) == 0
    captured = capsys.readouterr()
    assert "left out 2 pair(s) whose score is NaN or infinite (line 2, 4)" in captured.err
    row = captured.out.strip().splitlines()[-1].split()
    assert row[3] == "3" and row[1] != "-"  # three pairs scored, a finite correlation


@pytest.mark.parametrize("content", [b"\xef\xbb\xbfthe 0.1 0.2\ncat 0.3 0.4\n",
                                     b"2 2\r\nthe 0.1 0.2\r\ncat 0.3 0.4\r\n"], ids=["bom", "crlf"])
def test_vectors_files_with_a_bom_or_crlf_are_read(tmp_path, capsys, content):
    path = tmp_path / "v.txt"
    path.write_bytes(content)
    assert cli.main(["neighbors", str(path), "the", "-k", "1"]) == 0
    assert "cat" in capsys.readouterr().out
