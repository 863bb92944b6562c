"""Vector file formats: round trips, detection, gensim interop, and one test per
kind of bad file (each must name the file and the line)."""
import csv

import numpy as np
import pytest

from tests.conftest import data_path
from w2v_desktop.core.formats import binary as formats_binary
from w2v_desktop.core.formats import text as formats_text
from w2v_desktop.core.formats.registry import (FORMATS, FormatError, UnwritableNameError, detect_format,
                                      load_vectors, save_coordinates, save_vectors)
from w2v_desktop.core.vectors.keyed import Vectors

UNICODE_NAMES = ["the", "naïve", "日本語", "Ärger", "🙂", "x-1", "null", "nan", "1.5"]
SPACED_NAMES = ["new york", "a:b", 'say "hi", ok']
NO_SPACE_FORMATS = [name for name, info in FORMATS.items() if not info.spaces_in_names]


def make_vectors(names, dim=5, seed=0, columns=True):
    rng = np.random.default_rng(seed)
    matrix = rng.standard_normal((len(names), dim)).astype(np.float32)
    matrix[0, 0], matrix[1, 1] = 1e-30, -3.5e12   # extreme magnitudes must survive text
    counts = np.arange(len(names), 0, -1) * 10
    meta = {"columns": {"title": [f"Title {i}, part {i}" for i in range(len(names))]}} \
        if columns else {}
    return Vectors(names, matrix, counts, meta)


def path_for(tmp_path, fmt, suffix=None):
    return tmp_path / f"{fmt.replace('-', '_')}{suffix or FORMATS[fmt].suffix}"


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_format_error(path, line, fragment, named=None, **kwargs):
    """Loading ``path`` fails naming the file (``named``, default ``path``) and the line."""
    with pytest.raises(FormatError) as caught:
        load_vectors(path, **kwargs)
    err = caught.value
    assert err.path == str(named or path) and err.path in str(err), str(err)
    if line is not None:
        assert err.line == line and f"line {line}" in str(err), str(err)
    assert fragment in str(err), str(err)
    return err


# --- round trips and detection ----------------------------------------------------------------

def test_registry_lists_every_format_of_the_contract():
    assert set(FORMATS) == {"word2vec", "word2vec-binary", "glove", "fasttext",
                            "projector-tsv", "npy", "csv", "sparrow", "spark", "parquet", "model"}
    for name, info in FORMATS.items():  # a Spark model is a folder: no suffix
        assert info.name == name and info.label and (info.suffix.startswith(".") or name == "spark")
        assert info.can_read and info.can_write == (name != "model")  # models are written by training


@pytest.mark.parametrize("fmt", [f for f, info in FORMATS.items() if info.can_write])
def test_round_trip_keeps_names_vectors_and_counts_where_the_format_has_them(tmp_path, fmt):
    info = FORMATS[fmt]
    names = UNICODE_NAMES + (SPACED_NAMES if info.spaces_in_names else [])
    vectors = make_vectors(names)
    path = path_for(tmp_path, fmt)
    written = save_vectors(vectors, path, fmt)
    assert all(p.exists() for p in written)
    assert detect_format(path) == fmt
    back = load_vectors(path)
    assert back.names == names
    assert np.array_equal(back.matrix, vectors.matrix)
    assert back.meta["format"] == fmt
    if info.counts:
        assert np.array_equal(back.counts, vectors.counts)
        assert back.meta["columns"] == vectors.meta["columns"]
    else:
        assert back.counts is None


def test_content_wins_over_a_misleading_suffix(tmp_path):
    vectors = make_vectors(UNICODE_NAMES)
    binary = tmp_path / "vectors.txt"
    text = tmp_path / "vectors.bin"
    save_vectors(vectors, binary, "word2vec-binary")
    save_vectors(vectors, text, "word2vec")
    assert detect_format(binary) == "word2vec-binary"
    assert detect_format(text) == "word2vec"
    assert np.array_equal(load_vectors(binary).matrix, load_vectors(text).matrix)


def test_sparrowrecsys_output_named_csv_is_detected_as_id_vector_lines(tmp_path):
    path = write(tmp_path, "item2vecEmb.csv", b"10:0.1 0.2 0.3\n7:-1.5 2 3e-2\n")
    assert detect_format(path) == "sparrow"
    vectors = load_vectors(path)
    assert vectors.names == ["10", "7"]
    assert np.allclose(vectors.matrix[1], [-1.5, 2, 0.03])


def test_sparrow_names_may_hold_colons(tmp_path):
    path = write(tmp_path, "emb.txt", b"user:42:0.5 1\nitem:7:2 3\n")
    assert load_vectors(path, "sparrow").names == ["user:42", "item:7"]


def test_projector_pair_is_found_from_either_file_or_the_folder(tmp_path):
    vectors = make_vectors(UNICODE_NAMES)
    save_vectors(vectors, tmp_path / "vectors.tsv", "projector-tsv")
    assert (tmp_path / "metadata.tsv").exists()
    for path in (tmp_path / "vectors.tsv", tmp_path / "metadata.tsv", tmp_path):
        assert load_vectors(path).names == UNICODE_NAMES


def test_projector_metadata_has_a_header_only_with_several_columns(tmp_path):
    plain = Vectors(["a", "b"], np.ones((2, 3), np.float32))
    save_vectors(plain, tmp_path / "p_vectors.tsv", "projector-tsv")
    assert (tmp_path / "p_metadata.tsv").read_text("utf-8") == "a\nb\n"
    rich = Vectors(["a", "b"], np.ones((2, 3), np.float32), [5, 3],
                   {"columns": {"genres": [["Comedy", "Drama"], ["Horror"]]}})
    save_vectors(rich, tmp_path / "r_vectors.tsv", "projector-tsv")
    assert (tmp_path / "r_metadata.tsv").read_text("utf-8") == \
        "name\tcount\tgenres\na\t5\tComedy|Drama\nb\t3\tHorror\n"
    assert (tmp_path / "r_vectors.tsv").read_text("utf-8").splitlines()[0] == "1\t1\t1"


def test_npy_pair_loads_memory_mapped_and_never_unpickles(tmp_path):
    vectors = make_vectors(UNICODE_NAMES + SPACED_NAMES)
    npy, vocab = save_vectors(vectors, tmp_path / "emb.npy", "npy")
    assert vocab.name == "emb.vocab.txt"
    mapped = load_vectors(vocab, mmap=True)
    assert not mapped.matrix.flags.writeable and np.array_equal(mapped.matrix, vectors.matrix)
    np.save(npy, np.array([{"a": 1}] * len(vectors), dtype=object), allow_pickle=True)
    assert_format_error(npy, None, "expected a 2-D numeric matrix")


# --- gensim interop ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,options", [("word2vec", {}), ("word2vec-binary", {"binary": True}),
                                         ("glove", {"no_header": True}), ("fasttext", {})])
def test_our_exports_load_unchanged_in_gensim(tmp_path, fmt, options):
    KeyedVectors = pytest.importorskip("gensim.models").KeyedVectors
    vectors = make_vectors(UNICODE_NAMES, dim=7)
    path = path_for(tmp_path, fmt)
    save_vectors(vectors, path, fmt)
    kv = KeyedVectors.load_word2vec_format(str(path), binary=options.get("binary", False),
                                           no_header=options.get("no_header", False))
    assert kv.index_to_key == UNICODE_NAMES
    assert np.array_equal(kv.vectors, vectors.matrix)


@pytest.mark.parametrize("binary", [False, True])
def test_files_gensim_writes_load_here_equal(tmp_path, binary):
    KeyedVectors = pytest.importorskip("gensim.models").KeyedVectors
    kv = KeyedVectors(vector_size=6)
    kv.add_vectors(UNICODE_NAMES, make_vectors(UNICODE_NAMES, dim=6, seed=3).matrix)
    path = tmp_path / ("gensim.bin" if binary else "gensim.txt")
    kv.save_word2vec_format(str(path), binary=binary)
    assert detect_format(path) == ("word2vec-binary" if binary else "word2vec")
    vectors = load_vectors(path)
    assert vectors.names == UNICODE_NAMES
    assert np.array_equal(vectors.matrix, kv.vectors)


# --- names a format cannot hold ---------------------------------------------------------------

@pytest.mark.parametrize("fmt", NO_SPACE_FORMATS)
def test_spaces_are_refused_without_touching_the_existing_file(tmp_path, fmt):
    path = path_for(tmp_path, fmt)
    save_vectors(make_vectors(["a", "b"]), path, fmt)
    before = path.read_bytes()
    with pytest.raises(UnwritableNameError, match=r"row 2 \(name 'new york'\).*replace_spaces"):
        save_vectors(make_vectors(["a", "new york"]), path, fmt)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]   # no temp file left


@pytest.mark.parametrize("fmt", NO_SPACE_FORMATS)
def test_replace_spaces_writes_underscores(tmp_path, fmt):
    path = path_for(tmp_path, fmt)
    save_vectors(make_vectors(["a", "new york", "tab\there"]), path, fmt, replace_spaces=True)
    assert load_vectors(path).names == ["a", "new_york", "tab_here"]
    with pytest.raises(UnwritableNameError, match="rows 1 and 2 the same name .'a_b'"):
        save_vectors(make_vectors(["a b", "a_b"]), path, fmt, replace_spaces=True)


@pytest.mark.parametrize("fmt,name", [("projector-tsv", "tab\there"), ("npy", "two\nlines"),
                                      ("sparrow", "two\nlines"), ("csv", "")])
def test_names_other_formats_cannot_hold_are_refused(tmp_path, fmt, name):
    with pytest.raises(UnwritableNameError, match="row 2"):
        save_vectors(make_vectors(["a", name], columns=False), path_for(tmp_path, fmt), fmt)


def test_refusals_name_the_file_the_name_and_its_row_counted_from_1(tmp_path):
    path = tmp_path / "out.txt"
    with pytest.raises(UnwritableNameError) as refused:
        save_vectors(make_vectors(["a b", "c"]), path, "word2vec")
    assert str(refused.value).startswith(f"{path}: row 1 (name 'a b') contains whitespace")
    vectors = make_vectors(["a", "b", "c"])
    vectors.meta["columns"]["title"][2] = "tab\there"
    with pytest.raises(UnwritableNameError, match=r"column 'title', row 3 \(name 'c'\): value 'tab"):
        save_vectors(vectors, tmp_path / "p.tsv", "projector-tsv")
    vectors.meta["columns"] = {"ti\ttle": ["x", "y", "z"]}
    with pytest.raises(UnwritableNameError, match="column title 'ti"):
        save_vectors(vectors, tmp_path / "p.tsv", "projector-tsv")


def test_saving_refuses_nan_and_empty_vectors(tmp_path):
    vectors = make_vectors(["a", "b"])
    vectors.matrix[1, 2] = np.nan
    with pytest.raises(ValueError, match=r"v.txt: row 2 \(name 'b'\) has a vector holding NaN"):
        save_vectors(vectors, tmp_path / "v.txt")
    with pytest.raises(ValueError, match="no vectors"):
        save_vectors(Vectors([], np.zeros((0, 3), np.float32)), tmp_path / "v.txt")


# --- bad text files, one by one ---------------------------------------------------------------

def test_header_promising_more_rows_than_present(tmp_path):
    path = write(tmp_path, "v.txt", b"3 2\na 1 2\nb 3 4\n")
    assert_format_error(path, 1, "promises 3 vectors but the file ends after 2")


def test_more_rows_than_the_header_promises(tmp_path):
    path = write(tmp_path, "v.txt", b"1 2\na 1 2\nb 3 4\n")
    assert_format_error(path, 3, "more vectors than the 1")


@pytest.mark.parametrize("row,found", [(b"b 1 2", "found 2"), (b"b 1 2 3 4", "found 4")])
def test_row_with_the_wrong_number_of_values(tmp_path, row, found):
    path = write(tmp_path, "v.txt", b"a 1 2 3\n" + row + b"\nc 1 2 3\n")
    assert_format_error(path, 2, found)


def test_header_dimension_differs_from_the_rows(tmp_path):
    path = write(tmp_path, "v.txt", b"2 3\na 1 2\nb 1 2\n")
    assert_format_error(path, 2, "expected a name and 3 values")


@pytest.mark.parametrize("value", [b"nan", b"inf", b"-Infinity", b"NaN"])
def test_non_finite_values(tmp_path, value):
    path = write(tmp_path, "v.txt", b"2 2\na 1 2\nb 3 " + value + b"\n")
    assert_format_error(path, 3, "value 2 is")


def test_value_that_is_not_a_number(tmp_path):
    path = write(tmp_path, "v.txt", b"a 1 2\nb 1 x2\n")
    assert_format_error(path, 2, "value 2 ('x2') is not a number")


def test_duplicate_names(tmp_path):
    path = write(tmp_path, "v.txt", b"a 1 2\nb 1 2\na 3 4\n")
    assert_format_error(path, 3, "duplicate name 'a' (first at line 1)")


def test_undecodable_bytes_name_the_line_and_an_encoding_override_reads_them(tmp_path):
    path = write(tmp_path, "v.txt", b"a 1 2\n\xe9t\xe9 1 2\n")
    assert_format_error(path, 2, "not valid utf-8")
    assert load_vectors(path, encoding="latin-1").names == ["a", "été"]


def test_unknown_encoding_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="unknown text encoding"):
        load_vectors(write(tmp_path, "v.txt", b"a 1 2\n"), encoding="klingon")


@pytest.mark.parametrize("data", [b"", b"\n  \n"])
@pytest.mark.parametrize("name", ["v.txt", "v.vec", "v.csv", "v.bin"])
def test_empty_files(tmp_path, data, name):
    assert_format_error(write(tmp_path, name, data), 1, "empty")


def test_an_error_deep_in_a_large_file_names_its_line(tmp_path):
    rows = [f"w{i} {i} 0.5 -1" for i in range(30_000)]
    rows[25_000] = "w25000 1 2"
    path = write(tmp_path, "big.txt", ("\n".join(rows) + "\n").encode())
    assert_format_error(path, 25_001, "found 2")


# --- tolerance --------------------------------------------------------------------------------

def test_fasttext_trailing_spaces_crlf_bom_and_blank_lines_are_read(tmp_path):
    path = write(tmp_path, "v.vec", b"\xef\xbb\xbf2 3\r\n\xc3\xa9 1 2 3 \r\nb 4 5 6 \r\n\r\n")
    vectors = load_vectors(path)
    assert vectors.names == ["é", "b"] and vectors.matrix.tolist() == [[1, 2, 3], [4, 5, 6]]


def test_the_fast_tier_reads_plain_files_and_agrees_with_the_careful_tier(tmp_path):
    for name, fmt, trailing in (("a.vec", "fasttext", True), ("b.txt", "glove", False)):
        path = tmp_path / name
        save_vectors(make_vectors(UNICODE_NAMES, dim=4), path, fmt)
        if trailing:   # as fastText writes them: a space after the last value
            head, rest = path.read_bytes().split(b"\n", 1)
            path.write_bytes(head + b"\n" + rest.replace(b"\n", b" \n"))
        layout = formats_text.sniff_text_layout(path)
        fast = formats_text._read_fast(path, layout, "utf-8")
        careful = formats_text.read_careful(path, formats_text.split_text_record, "utf-8", layout)
        assert fast is not None and layout.trailing_space == trailing
        assert fast[0] == careful[0] and np.array_equal(fast[1], careful[1])


def test_names_with_spaces_and_extra_spaces_read_carefully(tmp_path):
    path = write(tmp_path, "glove.txt", b"a 1 2\n. . . 3 4\nb  5   6 \n")
    vectors = load_vectors(path)
    assert vectors.names == ["a", ". . .", "b"]
    assert vectors.matrix.tolist() == [[1, 2], [3, 4], [5, 6]]


# --- bad binary files -------------------------------------------------------------------------

def binary_file(tmp_path, names=("a", "b", "c"), dim=4):
    path = tmp_path / "v.bin"
    save_vectors(make_vectors(list(names), dim=dim, columns=False), path, "word2vec-binary")
    return path


def assert_binary_error(path, record, fragment, **kwargs):
    err = assert_format_error(path, None, fragment, **kwargs)
    assert f"record {record}" in str(err), str(err)


def test_large_binary_files_are_memory_mapped_and_read_the_same(tmp_path, monkeypatch):
    path = binary_file(tmp_path, names=UNICODE_NAMES)
    expected = load_vectors(path)
    monkeypatch.setattr(formats_binary, "MMAP_BYTES", 0)
    mapped = load_vectors(path)
    assert mapped.names == expected.names and np.array_equal(mapped.matrix, expected.matrix)


def test_truncated_binary(tmp_path):
    path = binary_file(tmp_path)
    path.write_bytes(path.read_bytes()[:-10])
    assert_binary_error(path, 3, "promises 3 vectors but the file ends after 2")


def test_binary_header_with_the_wrong_dimension(tmp_path):
    path = binary_file(tmp_path, dim=4)
    path.write_bytes(path.read_bytes().replace(b"3 4\n", b"3 3\n", 1))
    with pytest.raises(FormatError, match="dimension 3"):
        load_vectors(path)


def test_binary_without_a_header(tmp_path):
    assert_format_error(write(tmp_path, "v.bin", b"hello world\x00\x01"), 1, "'count dim' header",
                        fmt="word2vec-binary")


def test_binary_duplicate_nan_and_undecodable_names_name_the_record(tmp_path):
    path = binary_file(tmp_path, names=("a", "b", "c"))
    path.write_bytes(path.read_bytes().replace(b"\nc ", b"\na "))
    assert_binary_error(path, 3, "duplicate name 'a' (first at record 1)")
    path = binary_file(tmp_path, names=("a", "b", "xé"))
    path.write_bytes(path.read_bytes().replace("xé".encode(), b"x\xe9"))
    assert_binary_error(path, 3, "not valid utf-8")
    assert load_vectors(path, encoding="latin-1").names == ["a", "b", "xé"]
    data = bytearray(binary_file(tmp_path).read_bytes())
    start = data.index(b"\nb ") + 3
    data[start:start + 4] = np.array([np.inf], "<f4").tobytes()
    path.write_bytes(bytes(data))
    assert_binary_error(path, 2, "NaN or infinity")


# --- bad table files --------------------------------------------------------------------------

def test_csv_bad_rows_name_their_line(tmp_path):
    good = b"name,d0,d1\n\"a, b\",1,2\nc,3,4\n"
    assert load_vectors(write(tmp_path, "v.csv", good)).names == ["a, b", "c"]
    assert_format_error(write(tmp_path, "v.csv", good + b"d,5\n"), 4, "expected 3 columns")
    assert_format_error(write(tmp_path, "v.csv", good + b"d,5,nan\n"), 4, "value 2 is")
    assert_format_error(write(tmp_path, "v.csv", good + b"d,5,x\n"), 4, "not a number")
    assert_format_error(write(tmp_path, "v.csv", good + b"c,5,6\n"), 4, "duplicate name 'c'")


def test_csv_columns_are_told_apart_by_header_or_by_content(tmp_path):
    titled = b"movieId,title,year,count,d0,d1\n1,1984,1956,40,0.5,1\n2,Heat,1995,7,2,3\n"
    vectors = load_vectors(write(tmp_path, "t.csv", titled))
    assert vectors.names == ["1", "2"] and vectors.matrix.tolist() == [[0.5, 1], [2, 3]]
    assert vectors.counts.tolist() == [40, 7]
    assert vectors.meta["columns"] == {"title": ["1984", "Heat"], "year": ["1956", "1995"]}
    pandas_style = load_vectors(write(tmp_path, "p.csv", "word,0,1\nkönig,1,2\n".encode()))
    assert pandas_style.names == ["könig"] and pandas_style.dim == 2
    bare = load_vectors(write(tmp_path, "b.csv", b"10,1,2,3\n11,4,5,6\n"))
    assert bare.names == ["10", "11"] and bare.dim == 3


def test_projector_metadata_row_count_and_header_pitfall(tmp_path):
    (tmp_path / "vectors.tsv").write_text("1\t2\n3\t4\n")
    metadata = tmp_path / "metadata.tsv"
    metadata.write_text("word\na\nb\n")
    assert_format_error(tmp_path / "vectors.tsv", 3, "one-column metadata file has no header",
                        named=metadata)
    metadata.write_text("a\n")
    assert_format_error(metadata, 2, "1 metadata rows for 2 vectors")
    metadata.unlink()
    assert_format_error(tmp_path / "vectors.tsv", None, "missing", named=metadata)


def test_projector_ragged_vectors_row(tmp_path):
    path = write(tmp_path, "vectors.tsv", b"1\t2\n3\n")
    (tmp_path / "metadata.tsv").write_text("a\nb\n")
    assert_format_error(path, 2, "expected 2 values, found 1")


def test_npy_vocabulary_of_the_wrong_length(tmp_path):
    np.save(tmp_path / "m.npy", np.ones((3, 2), np.float32))
    (tmp_path / "m.vocab.txt").write_text("a\nb\n")
    assert_format_error(tmp_path / "m.vocab.txt", 3, "2 names for the 3 rows of m.npy")


def test_sparrow_line_without_a_colon(tmp_path):
    path = write(tmp_path, "emb.txt", b"1:0.5 0.25\n2 0.5 0.25\n")
    assert_format_error(path, 2, "no ':'", fmt="sparrow")


# --- coordinates ------------------------------------------------------------------------------

def test_save_coordinates_quotes_names_and_adds_columns(tmp_path):
    names = ['a, "b"', "日本", "c"]
    coords = np.array([[0.5, -1.0], [2.0, 3.25], [1e-9, 7.0]])
    path = tmp_path / "coords.csv"
    save_coordinates(path, names, coords, {"count": [3, 2, 1], "genres": [["x", "y"], [], None]})
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["name", "x", "y", "count", "genres"]
    assert [r[0] for r in rows[1:]] == names
    assert np.array_equal(np.array([[float(r[1]), float(r[2])] for r in rows[1:]]), coords)
    assert rows[1][3:] == ["3", "x|y"] and rows[3][4] == ""
    with pytest.raises(ValueError, match="x 2 or 3 x 3"):
        save_coordinates(path, names, coords[:, :1])


def test_save_coordinates_of_a_3d_map_writes_z(tmp_path):
    path = tmp_path / "coords3.csv"
    save_coordinates(path, ["a", "b"], [[1.0, 2.0, 3.0], [4.0, 5.0, -6.5]], {"trust": ["1", "0.5"]})
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows == [["name", "x", "y", "z", "trust"], ["a", "1.0", "2.0", "3.0", "1"], ["b", "4.0", "5.0", "-6.5", "0.5"]]


# --- real data --------------------------------------------------------------------------------

@pytest.mark.data
def test_real_glove_file_matches_a_plain_python_parse():
    path = data_path("vectors", "glove.6B.50d.txt")
    vectors = load_vectors(path)
    assert vectors.meta["format"] == "glove" and (len(vectors), vectors.dim) == (400_000, 50)
    with open(path, encoding="utf-8") as f:
        for _ in range(3):
            name, *values = f.readline().split(" ")
            assert np.array_equal(vectors.vector(name), np.array(values, dtype=np.float32))


def test_npy_rows_with_nan_are_counted_from_1(tmp_path):
    matrix = np.ones((3, 2), dtype=np.float32)
    matrix[1, 0] = np.nan
    np.save(tmp_path / "m.npy", matrix)
    (tmp_path / "m.vocab.txt").write_text("a\nb\nc\n")
    with pytest.raises(FormatError, match=r"m.npy, row 2: the vector of 'b' \(line 2 of m.vocab.txt\)"):
        load_vectors(tmp_path / "m.npy")
