from w2v_desktop.core.formats.kinds import guess_kind, sniff


def test_guess_kind(tmp_path):
    vec = tmp_path / "glove.txt"
    vec.write_text("the 0.1 0.2 -0.3\nof 0.4 0.5 0.6\n", encoding="utf-8")
    text = tmp_path / "corpus.txt"
    text.write_text("the cat sat on the mat\n", encoding="utf-8")
    assert guess_kind(vec) == "vectors" and guess_kind(text) == "text"
    assert guess_kind("a.w2vproj.json") == "project" and guess_kind("a.w2vmodel.npz") == "model"
    assert guess_kind("u.data") == "ratings" and guess_kind("ratings.csv") == "ratings"


def test_sniff_hands_over_the_format_it_read(tmp_path):
    """One sniff on open: the kind guess carries the registry's format to the loader."""
    w2v = tmp_path / "vectors.txt"
    w2v.write_text("2 3\nthe 0.1 0.2 -0.3\nof 0.4 0.5 0.6\n", encoding="utf-8")
    assert sniff(w2v).kind == "vectors" and sniff(w2v).vector_format == "word2vec"
    projector = tmp_path / "vectors.tsv"
    projector.write_text("0.1\t0.2\n0.3\t0.4\n", encoding="utf-8")
    assert sniff(projector).vector_format == "projector-tsv"


def test_a_tsv_of_words_is_not_taken_for_projector_vectors(tmp_path):
    table = tmp_path / "pairs.tsv"
    table.write_text("tiger\tcat\t7.35\n", encoding="utf-8")
    assert sniff(table).kind == "text"
