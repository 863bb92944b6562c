"""Finding names as users type them: case-insensitive substring search over a vocabulary.

A :class:`NameIndex` is built once per ``Vectors`` (on a worker: folding 400,000
names takes a few tenths of a second) and answers "the first N names containing
this text" by ``str.find`` over one folded string of all entries, in C, so a
keystroke costs about a millisecond even for 400,000 names. Entries are the
names in row order (most frequent first), then "Title [name]" for names with a
title (``meta["columns"]["title"]``), so a title can be typed too.
"""
from __future__ import annotations

from bisect import bisect_right

SEPARATOR = "\n"


def titles_of(vectors) -> list[str] | None:
    """The per-name title column, or None when the vectors have none."""
    columns = (getattr(vectors, "meta", None) or {}).get("columns") or {}
    titles = columns.get("title")
    return list(titles) if titles is not None and len(titles) == len(vectors) else None


class NameIndex:
    """The entries offered for completion and the look-up tables of one set of names."""

    def __init__(self, names, titles=None):
        names = [str(n) for n in names]
        self.entries = list(names)
        self.folded: dict[str, str] = {}
        for name in reversed(names):  # the most frequent spelling wins
            self.folded[name.casefold()] = name
        self.by_title: dict[str, str] = {}
        self.titled: dict[str, str] = {}  # name -> its "Title [name]" entry
        for name, title in zip(names, titles or ()):
            if title:
                self.titled[name] = f"{title} [{name}]"
                self.entries.append(self.titled[name])
                self.by_title.setdefault(str(title).casefold(), name)
        # one string of every folded entry, with the start of each entry in it
        folded = [e.casefold().replace(SEPARATOR, " ") for e in self.entries]
        self._text = SEPARATOR.join(folded)
        self._starts = []
        position = 0
        for entry in folded:
            self._starts.append(position)
            position += len(entry) + 1

    @classmethod
    def of(cls, vectors) -> "NameIndex":
        return cls(vectors.names, titles_of(vectors))

    def __len__(self) -> int:
        return len(self.entries)

    def matches(self, text: str, limit: int = 200) -> list[str]:
        """The first ``limit`` entries containing ``text`` (case-insensitive), in entry order."""
        needle = text.strip().casefold()
        if not needle or SEPARATOR in needle:
            return []
        found: list[str] = []
        position = self._text.find(needle)
        while position >= 0 and len(found) < limit:
            entry = bisect_right(self._starts, position) - 1
            found.append(self.entries[entry])
            following = entry + 1
            if following == len(self._starts):
                break
            position = self._text.find(needle, self._starts[following])
        return found

    def lookup(self, text: str) -> str | None:
        """The name spelt ``text`` up to case, or titled ``text``; None when there is none."""
        folded = text.strip().casefold()
        return self.folded.get(folded) or self.by_title.get(folded)
