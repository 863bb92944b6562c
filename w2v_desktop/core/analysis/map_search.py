"""What a map's points say on hover and what its search box finds, for maps of any size.

A map of the whole GloVe vocabulary has 400,000 points: building each point's hover text and
casefolding it on the GUI thread took 0.2-0.5 s, and testing every point's text in a Python loop
cost as much again on every keystroke. :class:`MapText` is built on the projection's worker:
hover texts are made one at a time, for the point under the cursor, and the search runs on one
casefolded array of code points (every name and title, one after another) with numpy, a few
milliseconds a keystroke at 400,000 points (``benchmarks/bench_map.py``).
"""
from __future__ import annotations

import numpy as np

from w2v_desktop.core.vectors import titles_of

SEPARATOR = "\n"   # between texts in the search array; a needle never contains it


class MapText:
    """Hover text and substring search for the points of a map.

    ``names``: one per point, in map order; ``titles``: None, or one per point ("" for none),
    shown under the name on hover and searched as well as it."""

    def __init__(self, names, titles=None):
        self.names = names if isinstance(names, list) else list(names)
        self.titles = None if titles is None else [str(t) if t else "" for t in titles]
        if self.titles is not None and len(self.titles) != len(self.names):
            raise ValueError("titles must have one entry per name")
        texts = [str(n) for n in self.names]
        owners = np.arange(len(texts), dtype=np.int64)
        if self.titles is not None:
            titled = [i for i, title in enumerate(self.titles) if title]
            texts += [self.titles[i] for i in titled]
            owners = np.concatenate([owners, np.asarray(titled, dtype=np.int64)])
        # casefold the joined text at once (cheaper than one call per text; a fold may change a
        # text's length, so each text's start is found from the separators afterwards)
        joined = SEPARATOR.join(texts)
        if joined.count(SEPARATOR) != len(texts) - 1:   # a text with the separator in it
            joined = SEPARATOR.join(t.replace(SEPARATOR, " ") for t in texts)
        joined = joined.casefold() + SEPARATOR
        self._codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        ends = np.flatnonzero(self._codes == ord(SEPARATOR))
        self._starts = np.concatenate([[0], ends[:-1] + 1]) if len(texts) else np.zeros(0, np.int64)
        self._owners = owners

    @classmethod
    def of_map(cls, vectors, rows, names) -> "MapText":
        """The texts of a map of ``vectors``' ``rows`` (named ``names``), titles from the vectors' title column."""
        titles = titles_of(vectors)
        return cls(names, None if titles is None else [titles[r] for r in np.asarray(rows).tolist()])

    def __len__(self) -> int:
        return len(self.names)

    def tip(self, index: int) -> str:
        """The hover text of point ``index``: its name, and its title on a second line."""
        name = str(self.names[index])
        title = self.titles[index] if self.titles is not None else ""
        return f"{name}\n{title}" if title else name

    def search(self, text: str) -> np.ndarray:
        """Points whose name or title contains ``text`` (case-insensitive), ascending; empty for
        an empty text."""
        needle = text.strip().casefold()
        if not needle or SEPARATOR in needle or not len(self._starts):
            return np.zeros(0, np.int64)
        pattern = np.frombuffer(needle.encode("utf-32-le"), dtype=np.uint32)
        codes, m = self._codes, len(pattern)
        if m > len(codes):
            return np.zeros(0, np.int64)
        # candidates where the first code point matches, narrowed one code point at a time
        at = np.flatnonzero(codes[:len(codes) - m + 1] == pattern[0])
        for k in range(1, m):
            at = at[codes[at + k] == pattern[k]]
            if not len(at):
                break
        texts = np.searchsorted(self._starts, at, side="right") - 1
        found = np.zeros(len(self.names), dtype=bool)   # a mask, not np.unique: O(points), no sort
        found[self._owners[texts]] = True
        return np.flatnonzero(found)
