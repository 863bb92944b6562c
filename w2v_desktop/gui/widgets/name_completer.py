"""Completion over the vocabulary: case-insensitive, substring match, short popup.

When the vectors carry titles (``meta["columns"]["title"]``, e.g. movie ids),
each titled name is also offered as ``"Title [name]"`` so users can type the
title; ``resolve`` turns whatever was typed back into a vocabulary name, and
takes the completion when only one name matches (what the popup shows).
``SuggestionLinks`` puts "did you mean" links right under an input.
"""
from __future__ import annotations

import html
import re

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit

from w2v_desktop.core.vectors.names import NameIndex, titles_of  # noqa: F401 - titles_of: panels import it here
from w2v_desktop.gui.i18n import tr

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
        exact = self._index().lookup(text)
        if exact is not None:
            return exact
        matches = self.matching_names(text, limit=2)
        return matches[0] if len(matches) == 1 else None  # the one completion the popup offers

    def name_of(self, entry: str) -> str:
        """The vocabulary name of an offered entry ("Title [name]" or the name)."""
        vectors = self._vectors
        if (vectors is not None and entry in vectors) or entry in self._index().titled:
            return entry
        match = _BRACKETED.search(entry)
        return match.group(1) if match else entry

    def entry_of(self, name: str) -> str:
        """How ``name`` is offered: "Title [name]" when it has a title."""
        return self._index().titled.get(name, name)

    def matching_names(self, text: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` distinct names whose entry contains ``text`` (a name and its title
        entry count once)."""
        found: list[str] = []
        for entry in self._index().matches(text, 2 * limit + 2):
            name = self.name_of(entry)
            if name not in found:
                found.append(name)
                if len(found) == limit:
                    break
        return found


def example_name(vectors, preferred=("paris", "king", "computer")) -> str | None:
    """A name to show off a panel with (screenshots): a familiar one, else a fairly frequent one."""
    if vectors is None or not len(vectors):
        return None
    return next((name for name in preferred if name in vectors), vectors.names[min(20, len(vectors) - 1)])


class SuggestionLinks(QLabel):
    """"Did you mean" names as links, meant to sit right under ``edit``: a click puts the
    name in the box and emits ``chosen``."""

    chosen = Signal(str)

    def __init__(self, edit: QLineEdit, completer: NameCompleter, parent=None):
        super().__init__(parent)
        self.edit, self.completer = edit, completer
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._follow)
        self.hide()

    def offer(self, text: str, limit: int = 5) -> list[str]:
        """Show the names close to ``text`` (none: hidden); returns them."""
        names = self.completer.matching_names(text, limit)
        if not names:
            self.clear_links()
            return names
        links = []
        for name in names:
            label = self.completer.entry_of(name)
            links.append(tr("<a href=\"{v0}\">{v1}</a>").format(v0=html.escape(name, quote=True), v1=html.escape(label)))
        self.setText(tr("Did you mean: ") + " \N{MIDDLE DOT} ".join(links) + "?")
        self.show()
        return names

    def clear_links(self) -> None:
        self.clear()
        self.hide()

    def _follow(self, name: str) -> None:
        self.clear_links()
        self.edit.setText(name)
        self.chosen.emit(name)
