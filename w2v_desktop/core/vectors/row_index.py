"""What the approximate indexes (PyNNDescent in :mod:`.ann`, Voyager in :mod:`.hnsw`) share: an
index over every row of one Vectors object (row i is id i), its name lookup and the query by
name or vector that leaves the query name and ``exclude`` out. Each subclass answers
``query_rows`` (a block of vectors -> rows and scores) its own way."""
from __future__ import annotations

import numpy as np

from w2v_desktop.core.vectors.keyed import UnknownNameError
from w2v_desktop.core.vectors.similarity import Neighbour


class RowIndex:
    def __init__(self, vectors, metric: str, index, build_seconds: float = 0.0):
        self.metric = metric
        self.names = vectors.names
        self.n_rows = len(vectors)
        self.build_seconds = build_seconds
        self._rows_by_name = vectors.index
        self._matrix = vectors.matrix
        self._index = index

    def _row(self, name: str) -> int:
        try:
            return self._rows_by_name[name]
        except KeyError:
            raise UnknownNameError(name) from None

    def _query(self, query, k: int, exclude, *search) -> list[Neighbour]:
        """Approximate top-k of a name or vector; the query name and ``exclude`` are left out.
        ``search``: the subclass's search options, passed on to ``query_rows``."""
        banned = {self._row(x) if isinstance(x, str) else int(x) for x in exclude}
        if isinstance(query, str):
            own = self._row(query)
            banned.add(own)
            vec = self._matrix[own]
        else:
            vec = np.asarray(query, dtype=np.float32).ravel()
        rows, scores = self.query_rows(vec, k + len(banned), *search)
        out = [Neighbour(self.names[r], s, r) for r, s in zip(rows[0].tolist(), scores[0].tolist())
               if r >= 0 and r not in banned]
        return out[:k]
