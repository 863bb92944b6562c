"""``w2v-desktop convert``: through the real CLI entry point, errors as one line and exit 2."""
import numpy as np
import pytest

from w2v_desktop import cli
from w2v_desktop.core.formats.registry import load_vectors, save_vectors
from w2v_desktop.core.vectors.keyed import Vectors


@pytest.fixture
def glove(tmp_path):
    rng = np.random.default_rng(1)
    matrix = rng.standard_normal((3, 4)).astype(np.float32)
    vectors = Vectors(["king", "königin", "東京"], matrix)
    path = tmp_path / "glove.txt"
    save_vectors(vectors, path, "glove")
    return path, vectors


def test_convert_glove_to_binary_and_projector(tmp_path, glove, capsys):
    path, vectors = glove
    assert cli.main(["convert", str(path), str(tmp_path / "out.bin")]) == 0
    out = capsys.readouterr().out
    assert "read 3 vectors of dimension 4 (glove)" in out and "out.bin" in out
    back = load_vectors(tmp_path / "out.bin")
    assert back.meta["format"] == "word2vec-binary" and back.names == vectors.names
    assert np.array_equal(back.matrix, vectors.matrix)

    assert cli.main(["convert", str(path), str(tmp_path / "proj"), "--to", "projector-tsv"]) == 0
    assert "proj_metadata.tsv" in capsys.readouterr().out
    assert load_vectors(tmp_path / "proj_metadata.tsv").names == vectors.names


def test_from_overrides_detection(tmp_path, capsys):
    path = tmp_path / "emb.txt"
    path.write_text("a:1 2\nb:3 4\n")
    assert cli.main(["convert", str(path), str(tmp_path / "o.csv"), "--from", "sparrow"]) == 0
    assert load_vectors(tmp_path / "o.csv").names == ["a", "b"]


def test_bad_input_is_one_line_naming_file_and_line(tmp_path, capsys):
    path = tmp_path / "bad.txt"
    path.write_text("a 1 2\nb 1\n")
    assert cli.main(["convert", str(path), str(tmp_path / "o.bin")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{path}, line 2:" in err
    assert not (tmp_path / "o.bin").exists()


def test_spaces_need_replace_spaces(tmp_path, capsys):
    path = tmp_path / "v.csv"
    path.write_text("name,d0\nnew york,1\nparis,2\n")
    assert cli.main(["convert", str(path), str(tmp_path / "o.txt")]) == 2
    assert "'new york'" in capsys.readouterr().err
    assert cli.main(["convert", str(path), str(tmp_path / "o.txt"), "--replace-spaces"]) == 0
    assert load_vectors(tmp_path / "o.txt").names == ["new_york", "paris"]


def test_missing_file_and_unknown_format_exit_2(tmp_path, capsys):
    assert cli.main(["convert", str(tmp_path / "none.txt"), str(tmp_path / "o.bin")]) == 2
    assert "none.txt" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["convert", "a.txt", "b.txt", "--to", "pickle"])
    assert exit_info.value.code == 2
