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
import weakref

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit

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
        self.names = set(names)
        self.by_title: dict[str, str] = {}
        self.titled: dict[str, str] = {}  # name -> its "Title [name]" entry
        titles = titles_of(vectors) if vectors is not None else None
        if titles is not None:
            for name, title in zip(names, titles):
                if title:
                    self.titled[name] = f"{title} [{name}]"
                    self.entries.append(self.titled[name])
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
        exact = self._folded.get(folded) or self._by_title.get(folded)
        if exact is not None:
            return exact
        matches = self.matching_names(text, limit=2)
        return matches[0] if len(matches) == 1 else None  # the one completion the popup offers

    def name_of(self, entry: str) -> str:
        """The vocabulary name of an offered entry ("Title [name]" or the name)."""
        if entry in self._index.names:
            return entry
        match = _BRACKETED.search(entry)
        return match.group(1) if match else entry

    def entry_of(self, name: str) -> str:
        """How ``name`` is offered: "Title [name]" when it has a title."""
        return self._index.titled.get(name, name)

    def matching_names(self, text: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` distinct names whose entry contains ``text`` (a name and its title
        entry count once)."""
        folded = text.strip().casefold()
        found: list[str] = []
        if not folded:
            return found
        for entry in self._entries:
            if folded in entry.casefold():
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
            links.append(f'<a href="{html.escape(name, quote=True)}">{html.escape(label)}</a>')
        self.setText("Did you mean: " + " \N{MIDDLE DOT} ".join(links) + "?")
        self.show()
        return names

    def clear_links(self) -> None:
        self.clear()
        self.hide()

    def _follow(self, name: str) -> None:
        self.clear_links()
        self.edit.setText(name)
        self.chosen.emit(name)
