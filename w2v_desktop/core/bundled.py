"""Files shipped inside the package (``w2v_desktop/resources/``): samples, stop-word
lists, icons, translations.

They are package data, found one way in every kind of install: a source
checkout, an editable or wheel install and a PyInstaller app (whose spec
collects the package's data files) all answer ``importlib.resources``.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

SAMPLE_FILES = ("sample_corpus.txt", "sample_analogies.txt", "sample_pairs.tsv", "sample_zh.txt",
                "sample_ratings.csv", "sample_items.csv")

ICON_FILES = ("w2v-desktop.svg", "w2v-desktop-256.png")

TRANSLATION_FILES = ("w2v_desktop_zh_CN.qm", "w2v_desktop_zh_CN.ts")


def bundled_path(*parts: str) -> Path:
    """The path of a bundled file (it may not exist: callers that can do without it check)."""
    return Path(str(resources.files("w2v_desktop").joinpath("resources", *parts)))


def sample_path(name: str) -> Path | None:
    """A bundled sample (``sample_corpus.txt``, ...), or None when the install lacks it."""
    path = bundled_path("samples", name)
    return path if path.is_file() else None


def missing_bundled_files() -> list[str]:
    """Bundled files this install lacks (the self-test reports them)."""
    wanted = [("samples", name) for name in SAMPLE_FILES]
    wanted += [("stopwords", f"{name}.txt") for name in ("english", "chinese")]
    wanted += [("icons", name) for name in ICON_FILES]
    wanted += [("i18n", name) for name in TRANSLATION_FILES]
    return ["/".join(parts) for parts in wanted if not bundled_path(*parts).is_file()]
