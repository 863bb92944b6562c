"""Completion over the vocabulary: case-insensitive, substring match, short popup.

When the vectors carry titles (``meta["columns"]["title"]``, e.g. movie ids),
each titled name is also offered as ``"Title [name]"`` so users can type the
title; ``resolve`` turns whatever was typed back into a vocabulary name.
"""
from __future__ import annotations

import re
import weakref

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter

_BRACKETED = re.compile(r"\[([^\[\]]+)\]\s*$")
MAX_VISIBLE = 12


def titles_of(vectors) -> list[str] | None:
    """The per-name title column, or None when the vectors have none."""
    columns = (getattr(vectors, "meta", None) or {}).get("columns") or {}
    titles = columns.get("title")
    return list(titles) if titles is not None and len(titles) == len(vectors) else None


class _NameIndex:
    """The completion list and look-up tables of one set of names."""

    def __init__(self, names, vectors=None):
        names = list(names)
        self.entries = list(names)
        self.folded: dict[str, str] = {}
        for name in reversed(names):  # the most frequent spelling wins
            self.folded[name.casefold()] = name
        self.by_title: dict[str, str] = {}
        titles = titles_of(vectors) if vectors is not None else None
        if titles is not None:
            for name, title in zip(names, titles):
                if title:
                    self.entries.append(f"{title} [{name}]")
                    self.by_title.setdefault(str(title).casefold(), name)
        self.model = QStringListModel(self.entries)


# The index of the latest vectors, shared by every panel's completer: new vectors reach
# several panels at once, and building the index for each would stall the GUI thread.
_latest: tuple[weakref.ref, _NameIndex] | None = None


def _index_for(vectors) -> _NameIndex:
    global _latest
    if _latest is None or _latest[0]() is not vectors:
        _latest = (weakref.ref(vectors), _NameIndex(vectors.names, vectors))
    return _latest[1]


class NameCompleter(QCompleter):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCaseSensitivity(Qt.CaseInsensitive)
        self.setFilterMode(Qt.MatchContains)
        self.setMaxVisibleItems(MAX_VISIBLE)
        self.setCompletionMode(QCompleter.PopupCompletion)
        self._vectors = None
        self._use(_NameIndex([]))

    def _use(self, index: _NameIndex) -> None:
        self._index = index
        self.setModel(index.model)
        self._folded, self._by_title, self._entries = index.folded, index.by_title, index.entries

    def set_names(self, names, vectors=None) -> None:
        """Offer ``names`` (rows of ``vectors`` when given, most frequent first)."""
        self._vectors = vectors
        self._use(_NameIndex(names, vectors))

    def suggestions(self, text: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` offered entries containing ``text`` (case-insensitive)."""
        folded = text.strip().casefold()
        if not folded:
            return []
        found = []
        for entry in self._entries:
            if folded in entry.casefold():
                found.append(entry)
                if len(found) == limit:
                    break
        return found

    def set_vectors(self, vectors) -> None:
        self._vectors = vectors
        self._use(_index_for(vectors) if vectors is not None else _NameIndex([]))

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
        folded = text.casefold()
        return self._folded.get(folded) or self._by_title.get(folded)


def example_name(vectors, preferred=("paris", "king", "computer")) -> str | None:
    """A name to show off a panel with (screenshots): a familiar one, else a fairly frequent one."""
    if vectors is None or not len(vectors):
        return None
    return next((name for name in preferred if name in vectors), vectors.names[min(20, len(vectors) - 1)])
