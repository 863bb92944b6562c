"""Project files: every field's type is checked and no path leads outside the project's folder unasked."""
from __future__ import annotations

import json

import pytest

from w2v_desktop.core.bundled import sample_path
from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.formats import project as projects
from w2v_desktop.core.formats.project import (OutsideProjectError, Project, ProjectError, is_inside, load_project,
                                              resolve, save_project)


def write(path, **fields):
    data = {"format": projects.FORMAT, "version": 1, "model_file": "p.w2vmodel.npz", **fields}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "projects"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "corpus.txt").write_text("paris france\n")
    (tmp_path / "secret.txt").write_text("not yours\n")
    return folder


def test_relative_paths_inside_the_folder_resolve(folder):
    path = write(folder / "p.w2vproj.json", data_path="data/corpus.txt", analogy_path="./data/../data/corpus.txt",
                 tokenize={"stop_words_file": "data/corpus.txt"})
    project = load_project(path)
    corpus = str((folder / "data" / "corpus.txt").resolve())
    assert project.data_path == corpus and project.analogy_path == corpus
    assert project.tokenize["stop_words_file"] == corpus
    assert project.model_file == str((folder / "p.w2vmodel.npz").resolve())
    # the GUI resolves model_file again: an absolute path inside the folder stays as it is
    assert resolve(path, project.model_file, "model_file") == (folder / "p.w2vmodel.npz").resolve()


@pytest.mark.parametrize("field", ["model_file", "data_path", "analogy_path"])
@pytest.mark.parametrize("value", ["../secret.txt", "data/../../secret.txt", "ABSOLUTE"])
def test_paths_that_leave_the_folder_are_refused(folder, field, value):
    value = str(folder.parent / "secret.txt") if value == "ABSOLUTE" else value
    path = write(folder / "p.w2vproj.json", **{field: value})
    with pytest.raises(OutsideProjectError) as caught:
        load_project(path)
    assert str(caught.value).startswith(f"{path}: {field} leads outside")
    assert caught.value.field == field and caught.value.target == (folder.parent / "secret.txt").resolve()


def test_etc_passwd_as_data_is_refused_by_default_and_loads_only_when_allowed(folder):
    path = write(folder / "p.w2vproj.json", data_path="/etc/passwd")
    with pytest.raises(ProjectError, match=r"p\.w2vproj\.json: data_path leads outside"):
        load_project(path)
    assert not is_inside(path, "/etc/passwd")
    assert load_project(path, allow_outside=True).data_path == str(projects.Path("/etc/passwd").resolve())


def test_a_tokeniser_file_outside_the_folder_is_refused(folder):
    path = write(folder / "p.w2vproj.json", tokenize={"user_dict": "../secret.txt"})
    with pytest.raises(OutsideProjectError, match="tokenize.user_dict"):
        load_project(path)


def test_a_symlink_that_escapes_the_folder_is_refused(folder):
    (folder / "data" / "link.txt").symlink_to(folder.parent / "secret.txt")
    (folder / "escape").symlink_to(folder.parent)
    for value in ("data/link.txt", "escape/secret.txt"):
        path = write(folder / "p.w2vproj.json", data_path=value)
        with pytest.raises(OutsideProjectError, match="data_path"):
            load_project(path)
        assert not is_inside(path, value)


def test_a_symlink_that_stays_inside_is_followed(folder):
    (folder / "latest.txt").symlink_to(folder / "data" / "corpus.txt")
    path = write(folder / "p.w2vproj.json", data_path="latest.txt")
    assert load_project(path).data_path == str((folder / "data" / "corpus.txt").resolve())


def test_a_bundled_sample_counts_as_inside(folder):
    sample = sample_path("sample_analogies.txt")
    if sample is None:
        pytest.skip("this install lacks the bundled samples")
    path = write(folder / "p.w2vproj.json", analogy_path=str(sample))
    assert load_project(path).analogy_path == str(sample.resolve())


def test_an_absolute_data_path_inside_the_folder_still_loads(folder):
    # projects saved before paths were stored relative hold the corpus's absolute path
    corpus = folder / "data" / "corpus.txt"
    path = write(folder / "p.w2vproj.json", data_path=str(corpus))
    assert load_project(path).data_path == str(corpus.resolve())


def test_saving_stores_paths_inside_the_folder_relative_and_others_absolute(folder, tmp_path):
    outside = tmp_path / "secret.txt"
    path = folder / "p.w2vproj.json"
    save_project(Project(data_path=str(folder / "data" / "corpus.txt"), model_file="p.w2vmodel.npz",
                         analogy_path=str(outside), tokenize={"stop_words_file": str(folder / "data" / "corpus.txt"),
                                                              "lowercase": False}), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["data_path"] == "data/corpus.txt" and data["model_file"] == "p.w2vmodel.npz"
    assert data["analogy_path"] == str(outside.resolve())
    assert data["tokenize"] == {"stop_words_file": "data/corpus.txt", "lowercase": False}
    with pytest.raises(OutsideProjectError, match="analogy_path"):
        load_project(path)
    loaded = load_project(path, allow_outside=True)
    assert loaded.analogy_path == str(outside.resolve())
    # a loaded project saves back to the same file
    save_project(loaded, path)
    assert json.loads(path.read_text(encoding="utf-8")) == data


def test_a_moved_project_folder_keeps_working(folder, tmp_path):
    save_project(Project(data_path=str(folder / "data" / "corpus.txt")), folder / "p.w2vproj.json")
    moved = folder.rename(tmp_path / "moved")
    assert load_project(moved / "p.w2vproj.json").data_path == str((moved / "data" / "corpus.txt").resolve())


WRONG_TYPES = {
    "config a list": (dict(config=[1]), "config must be a JSON object"),
    "tokenize a string": (dict(tokenize="lower"), "tokenize must be a JSON object"),
    "watch a string": (dict(watch="paris"), "watch must be a list of strings"),
    "watch with a number": (dict(watch=["paris", 3]), "watch must be a list of strings"),
    "data_kind unknown": (dict(data_kind="images"), "data_kind must be one of text, ratings"),
    "data_kind a number": (dict(data_kind=1), "data_kind must be a string"),
    "data_path a list": (dict(data_path=["/etc/passwd"]), "data_path must be a string"),
    "model_file a number": (dict(model_file=3), "model_file must be a string"),
    "analogy_path null": (dict(analogy_path=None), "analogy_path must be a string"),
    "config with a string flag": (dict(config={"hs": "yes"}), "config is not usable: hs must be true or false"),
    "config out of range": (dict(config={"dim": 0}), "config is not usable: dim"),
    "tokenize with a string flag": (dict(tokenize={"lowercase": "no"}), "tokenize is not usable: lowercase"),
    "tokenize with an unknown choice": (dict(tokenize={"layout": "spiral"}), "tokenize is not usable: layout"),
    "tokenize path a number": (dict(tokenize={"user_dict": 5}), "tokenize is not usable: user_dict"),
}


@pytest.mark.parametrize("case", WRONG_TYPES, ids=list(WRONG_TYPES))
def test_fields_of_the_wrong_type_are_refused_naming_the_file(folder, case):
    fields, fragment = WRONG_TYPES[case]
    path = write(folder / "p.w2vproj.json", **fields)
    with pytest.raises(ProjectError) as caught:
        load_project(path)
    assert str(caught.value).startswith(f"{path}: ") and fragment in str(caught.value), str(caught.value)


def test_whole_files_that_are_not_projects_are_refused(folder):
    cases = {
        "list.w2vproj.json": ("[1, 2]", "not a w2v-desktop project file"),
        "other.w2vproj.json": ('{"format": "something"}', "not a w2v-desktop project file"),
        "newer.w2vproj.json": (f'{{"format": "{projects.FORMAT}", "version": 7}}', "version 7"),
        "broken.w2vproj.json": ('{"format": "w2v-desktop-project",\n  "config": {,}\n}', "line 2: not valid JSON"),
        "deep.w2vproj.json": ('{"format": "w2v-desktop-project", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
                              "nested 100001 levels deep"),
    }
    for name, (text, fragment) in cases.items():
        (folder / name).write_text(text, encoding="utf-8")
        with pytest.raises(ProjectError) as caught:
            load_project(folder / name)
        assert str(caught.value).startswith(f"{folder / name}: ") and fragment in str(caught.value)
    (folder / "latin1.w2vproj.json").write_bytes(b'{"format": "\xe9"}')
    with pytest.raises(ProjectError, match="not a UTF-8 text file"):
        load_project(folder / "latin1.w2vproj.json")
    with pytest.raises(ProjectError, match="no such file"):
        load_project(folder / "missing.w2vproj.json")


def test_an_oversized_project_file_is_refused_before_reading(folder, monkeypatch):
    path = write(folder / "p.w2vproj.json")
    monkeypatch.setattr(projects, "MAX_BYTES", 10)
    with pytest.raises(ProjectError, match="too large for a project file"):
        load_project(path)


def test_a_sound_project_round_trips(folder):
    config = TrainConfig(dim=12, hs=True).to_dict()
    path = folder / "p.w2vproj.json"
    save_project(Project(config=config, tokenize={"lowercase": False}, data_kind="ratings",
                         watch=["paris", "rome"]), path)
    loaded = load_project(path)
    assert loaded.config == config and loaded.tokenize == {"lowercase": False}
    assert loaded.data_kind == "ratings" and loaded.watch == ["paris", "rome"] and loaded.data_path == ""
    assert TrainConfig.from_dict(loaded.config).dim == 12
