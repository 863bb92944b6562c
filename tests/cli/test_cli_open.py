"""``w2v-desktop FILE``: a path instead of a subcommand opens the app with that file."""
from w2v_desktop import cli


def test_a_file_as_first_argument_opens_the_app_with_it(tmp_path, monkeypatch):
    path = tmp_path / "corpus.txt"
    path.write_text("the cat sat\n", encoding="utf-8")
    opened = []
    monkeypatch.setattr(cli, "_run_gui", lambda argv: opened.append(argv) or 0)
    assert cli.main([str(path)]) == 0
    assert opened == [[str(path)]]


def test_subcommands_still_win_over_files(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "convert").write_text("not a corpus\n", encoding="utf-8")
    monkeypatch.setattr(cli, "_run_gui", lambda argv: 99)
    assert cli.main(["convert", "missing.txt", "out.bin"]) == 2  # the convert command ran, and failed
    assert "missing.txt" in capsys.readouterr().err


def test_neither_a_file_nor_a_command_is_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "_run_gui", lambda argv: 99)
    assert cli.main([str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err.strip()
    assert "nope.txt" in err and "neither a file nor a command" in err and "train" in err
    assert len(err.splitlines()) == 1
