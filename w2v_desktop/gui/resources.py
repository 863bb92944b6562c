"""Locating bundled files under ``resources/`` (samples, icons).

Unfrozen, ``resources/`` sits at the repository root beside the package; in a
PyInstaller app it is unpacked under ``sys._MEIPASS`` (the spec in
``packaging/`` copies it there).
"""
from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a bundled file (it may not exist; callers check)."""
    return resources_dir().joinpath(*parts)


def sample_corpus() -> Path | None:
    path = resource_path("samples", "sample_corpus.txt")
    return path if path.is_file() else None


def sample_analogies() -> Path | None:
    path = resource_path("samples", "sample_analogies.txt")
    return path if path.is_file() else None


def sample_ratings() -> Path | None:
    path = resource_path("samples", "sample_ratings.csv")
    return path if path.is_file() else None
