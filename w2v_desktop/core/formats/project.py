"""Project files: the options and inputs of a session as JSON, beside a model file.

``name.w2vproj.json`` holds the training options, tokenising options, the data
file, the watch list and the name of the model file (``name.w2vmodel.npz``,
written by ``save_model``). Plain JSON, no executable serialisation; written atomically.

A project file may come from someone else, and opening one reads the files it
names: a crafted project once read ``/etc/passwd`` in as the corpus. So every
field's type is checked, and every path (``data_path``, ``model_file``,
``analogy_path`` and the tokeniser's ``stop_words_file`` and ``user_dict``)
must lead inside the project's folder, after ``..`` and symbolic links are
resolved, or to one of the bundled samples. A path elsewhere is refused with
:class:`OutsideProjectError` unless the caller passes ``allow_outside=True``,
which the GUI is meant to do only after asking the user (:func:`is_inside`
tells it whether to ask).

On disk, paths inside the folder are stored relative to it (``save_project``
makes them so), which keeps a project folder movable; a path outside it is
stored absolute and so needs ``allow_outside`` to load. Projects saved before
this rule stored ``data_path`` absolute: they still load when the data sits
inside the project's folder, since containment, not spelling, is the rule. In
memory, ``load_project`` hands back every path resolved and absolute.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.formats.map_bookmarks import BookmarkError, check_bookmarks
from w2v_desktop.core.bundled import SAMPLE_FILES, sample_path
from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.text import TokenizeOptions
from w2v_desktop.core.untrusted import InputError, check_plain_fields, loads, require_regular

FORMAT = "w2v-desktop-project"
VERSION = 1
SUFFIX = ".w2vproj.json"
MODEL_SUFFIX = ".w2vmodel.npz"
MAX_BYTES = 16 << 20  # options, a watch list and a few paths: far less
DATA_KINDS = ("text", "ratings")
PATH_FIELDS = ("data_path", "model_file", "analogy_path")
TOKENIZE_PATHS = ("stop_words_file", "user_dict")


class ProjectError(InputError):
    pass


class OutsideProjectError(ProjectError):
    """A path in a project that leads outside its folder; ``field`` and ``target`` say which and where."""

    def __init__(self, project_path: Path, field_name: str, target: Path):
        super().__init__(f"{project_path}: {field_name} leads outside the project's folder ({target}); "
                         f"refused unless you confirm it")
        self.project_path, self.field, self.target = project_path, field_name, target


@dataclass
class Project:
    config: dict = field(default_factory=dict)  # TrainConfig.to_dict()
    tokenize: dict = field(default_factory=dict)  # TokenizeOptions fields
    data_path: str = ""  # the corpus or ratings file trained on
    data_kind: str = "text"  # "text" or "ratings"
    model_file: str = ""  # relative to the project file
    watch: list[str] = field(default_factory=list)
    analogy_path: str = ""
    bookmarks: list[dict] = field(default_factory=list)  # saved map views (core.analysis.map_view_state)


def model_path_for(project_path: str | Path) -> Path:
    path = Path(project_path)
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
    return path.with_name(stem + MODEL_SUFFIX)


def save_project(project: Project, path: str | Path) -> None:
    """Writes ``project`` with its paths relative to ``path``'s folder where they lie inside it.

    A relative path in ``project`` is taken as relative to that folder already
    (``model_file`` usually is); an absolute one inside the folder is made
    relative, and one outside is stored absolute (loading it will need
    ``allow_outside``)."""
    stored = replace(project, **{name: _stored(path, getattr(project, name)) for name in PATH_FIELDS},
                     tokenize={k: _stored(path, v) if k in TOKENIZE_PATHS and isinstance(v, str) else v
                               for k, v in project.tokenize.items()})
    data = {"format": FORMAT, "version": VERSION, **stored.__dict__}
    with atomic_write(path) as f:
        json.dump(data, f, ensure_ascii=False, indent=2, default=_jsonable)


def _stored(project_path: str | Path, value) -> str:
    if not value:
        return ""
    target = _target(project_path, value)
    folder = _folder(project_path)
    return Path(os.path.relpath(target, folder)).as_posix() if _contains(folder, target) else str(target)


def _jsonable(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__} in a project file")


def load_project(path: str | Path, allow_outside: bool = False) -> Project:
    """The project at ``path``, every field checked and every path resolved (absolute, or "" if unset).

    Raises :class:`ProjectError` naming the file and the field; a path outside
    the project's folder raises :class:`OutsideProjectError` unless
    ``allow_outside``."""
    path = Path(path)
    data = _read(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectError(f"{path}: not a w2v-desktop project file")
    version = data.get("version", VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or version > VERSION:
        raise ProjectError(f"{path}: version {version!r:.20} is not one this w2v-desktop reads")
    known = Project.__dataclass_fields__
    project = Project(**{k: v for k, v in data.items() if k in known})
    _check_types(path, project)
    paths = {name: _checked_path(path, name, getattr(project, name), allow_outside) for name in PATH_FIELDS}
    tokenize = {k: _checked_path(path, f"tokenize.{k}", v, allow_outside) if k in TOKENIZE_PATHS else v
                for k, v in project.tokenize.items()}
    return replace(project, tokenize=tokenize, **paths)


def _read(path: Path):
    require_regular(path, "project file")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ProjectError(f"{path}: {path.stat().st_size:,} bytes is too large for a project file")
        return loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProjectError(f"{path}: no such file") from None
    except json.JSONDecodeError as exc:
        raise ProjectError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path}: not a UTF-8 text file ({exc})") from None
    except ProjectError:
        raise
    except ValueError as exc:  # nested too deeply, a number too long
        raise ProjectError(f"{path}: {exc}") from None


def _check_types(path: Path, project: Project) -> None:
    def bad(name: str, why: str):
        return ProjectError(f"{path}: {name} {why}")

    for name in ("config", "tokenize"):
        if not isinstance(getattr(project, name), dict):
            raise bad(name, "must be a JSON object")
    for name in (*PATH_FIELDS, "data_kind"):
        if not isinstance(getattr(project, name), str):
            raise bad(name, "must be a string")
    if project.data_kind not in DATA_KINDS:
        raise bad("data_kind", f"must be one of {', '.join(DATA_KINDS)} (got {project.data_kind!r:.40})")
    if not isinstance(project.watch, list) or not all(isinstance(w, str) for w in project.watch):
        raise bad("watch", "must be a list of strings")
    try:
        check_bookmarks(project.bookmarks)
    except BookmarkError as exc:
        raise bad("bookmarks", str(exc)) from None
    for name, cls in (("config", TrainConfig), ("tokenize", TokenizeOptions)):
        try:
            check_plain_fields(cls, getattr(project, name))
            cls.from_dict(getattr(project, name))
        except (TypeError, ValueError) as exc:
            raise bad(name, f"is not usable: {exc}") from None


def _checked_path(project_path: Path, name: str, value: str, allow_outside: bool) -> str:
    return str(resolve(project_path, value, name, allow_outside)) if value else ""


def resolve(project_path: str | Path, relative: str, field_name: str = "path",
            allow_outside: bool = False) -> Path:
    """Where a path stored in a project leads: absolute, ``..`` and symbolic links resolved.

    ``relative`` is taken relative to the project's folder (an absolute path
    stays as it is). Unless ``allow_outside``, a path that ends up outside the
    folder and is not a bundled sample raises :class:`OutsideProjectError`
    naming the project file and ``field_name``. An empty path gives ``Path()``
    (the field is unset)."""
    if not relative:
        return Path()
    if not isinstance(relative, str):
        raise ProjectError(f"{project_path}: {field_name} must be a string")
    target = _target(project_path, relative)
    if not allow_outside and not is_inside(project_path, relative):
        raise OutsideProjectError(Path(project_path), field_name, target)
    return target


def is_inside(project_path: str | Path, relative: str) -> bool:
    """Whether a path stored in a project stays inside its folder (or is a bundled sample).

    The GUI asks this before offering to load an outside path with ``allow_outside``."""
    target = _target(project_path, relative)
    return _contains(_folder(project_path), target) or target in _bundled_samples()


def _folder(project_path: str | Path) -> Path:
    # the folder the project was opened from, its own links resolved (the file itself may be a link)
    return Path(project_path).absolute().parent.resolve()


def _target(project_path: str | Path, relative: str | Path) -> Path:
    return (_folder(project_path) / relative).resolve()  # "~" stays a name: no home-folder escape


def _contains(folder: Path, target: Path) -> bool:
    return target == folder or folder in target.parents


def _bundled_samples() -> set[Path]:
    return {path.resolve() for path in map(sample_path, SAMPLE_FILES) if path is not None}
