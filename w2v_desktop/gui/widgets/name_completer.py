"""Completion over the vocabulary: case-insensitive, substring match, short popup.

When the vectors carry titles (``meta["columns"]["title"]``, e.g. movie ids),
each titled name is also offered as ``"Title [name]"`` so users can type the
title; ``resolve`` turns whatever was typed back into a vocabulary name.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter

from w2v_desktop.core.vectors.names import NameIndex, titles_of  # noqa: F401 - titles_of: panels import it here

_BRACKETED = re.compile(r"\[([^\[\]]+)\]\s*$")
MAX_VISIBLE = 12
# Entries handed to Qt per keystroke. Qt's own filter over 400,000 names froze the window
# for 0.5-1.2 s on the first keystroke; the core index finds these in about a millisecond.
MAX_CANDIDATES = 500


class NameCompleter(QCompleter):
    """Completion whose candidates come from the vectors' :class:`NameIndex` (built on a
    worker after loading, see ``core.vectors.prepare``; here on first use otherwise)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCaseSensitivity(Qt.CaseInsensitive)
        self.setFilterMode(Qt.MatchContains)
        self.setMaxVisibleItems(MAX_VISIBLE)
        self.setCompletionMode(QCompleter.PopupCompletion)
        self._vectors = None
        self._names: NameIndex | None = NameIndex([])
        self._model = QStringListModel(self)
        self.setModel(self._model)

    def _index(self) -> NameIndex:
        if self._names is None:  # the vectors' own index: built once, shared by every completer
            self._names = self._vectors.name_index
        return self._names

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        """Called with each new prefix: hand Qt only the entries that contain it."""
        found = self._index().matches(path, MAX_CANDIDATES)
        if found != self._model.stringList():
            self._model.setStringList(found)
        return [path]

    def set_names(self, names, vectors=None) -> None:
        """Offer ``names`` (rows of ``vectors`` when given, most frequent first)."""
        self._vectors = vectors
        self._names = NameIndex(names, titles_of(vectors) if vectors is not None else None)

    def suggestions(self, text: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` offered entries containing ``text`` (case-insensitive)."""
        return self._index().matches(text, limit)

    def set_vectors(self, vectors) -> None:
        self._vectors = vectors
        self._names = None if vectors is not None else NameIndex([])
        self._model.setStringList([])

    def resolve(self, text: str) -> str | None:
        """The vocabulary name meant by ``text``, or None when there is none."""
        text = text.strip()
        if not text:
            return None
        vectors = self._vectors
        if vectors is not None and text in vectors:
            return text
        match = _BRACKETED.search(text)
        if match and (vectors is None or match.group(1) in vectors):
            return match.group(1)
        return self._index().lookup(text)


def example_name(vectors, preferred=("paris", "king", "computer")) -> str | None:
    """A name to show off a panel with (screenshots): a familiar one, else a fairly frequent one."""
    if vectors is None or not len(vectors):
        return None
    return next((name for name in preferred if name in vectors), vectors.names[min(20, len(vectors) - 1)])
