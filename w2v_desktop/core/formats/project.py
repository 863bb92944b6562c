"""Project files: the options and inputs of a session as JSON, beside a model file.

``name.w2vproj.json`` holds the training options, tokenising options, the data
file, the watch list and the name of the model file (``name.w2vmodel.npz``,
written by ``Trainer.save``). Plain JSON, no executable serialisation; written atomically.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from w2v_desktop.core.atomic import atomic_write

FORMAT = "w2v-desktop-project"
VERSION = 1
SUFFIX = ".w2vproj.json"
MODEL_SUFFIX = ".w2vmodel.npz"


class ProjectError(ValueError):
    pass


@dataclass
class Project:
    config: dict = field(default_factory=dict)  # TrainConfig.to_dict()
    tokenize: dict = field(default_factory=dict)  # TokenizeOptions fields
    data_path: str = ""  # the corpus or ratings file trained on
    data_kind: str = "text"  # "text" or "ratings"
    model_file: str = ""  # relative to the project file
    watch: list[str] = field(default_factory=list)
    analogy_path: str = ""


def model_path_for(project_path: str | Path) -> Path:
    path = Path(project_path)
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else path.stem
    return path.with_name(stem + MODEL_SUFFIX)


def save_project(project: Project, path: str | Path) -> None:
    data = {"format": FORMAT, "version": VERSION, **project.__dict__}
    with atomic_write(path) as f:
        json.dump(data, f, ensure_ascii=False, indent=2, default=_jsonable)


def _jsonable(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot store {type(value).__name__} in a project file")


def load_project(path: str | Path) -> Project:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ProjectError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except UnicodeDecodeError as exc:
        raise ProjectError(f"{path}: not a UTF-8 text file ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProjectError(f"{path}: not a w2v-desktop project file")
    known = Project.__dataclass_fields__
    return Project(**{k: v for k, v in data.items() if k in known})


def resolve(project_path: str | Path, relative: str) -> Path:
    return (Path(project_path).parent / relative) if relative else Path()
