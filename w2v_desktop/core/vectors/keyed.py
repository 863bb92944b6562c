"""The trained (or imported) result: names, a float32 matrix, counts, metadata.

This object is all that panels, queries, evaluation and exporters read. It
holds no training state (output weights, sampling tables, learning rate live
in the trainer) and imports no Qt.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from w2v_desktop.core.untrusted import InputError


class VectorsError(InputError):
    """Inconsistent vectors (mismatched sizes, duplicate or unknown names)."""


class UnknownNameError(KeyError):
    """A queried word or item is not in the vocabulary."""

    def __init__(self, name: str, hint: str = ""):
        super().__init__(name)
        self.name = name
        self.hint = hint  # a name that is there and differs only in case

    def __str__(self) -> str:
        return f"{self.name!r} is not in the vocabulary" + (f" (did you mean {self.hint!r}?)" if self.hint else "")


@dataclass
class Vectors:
    """Row i of ``matrix`` is the vector of ``names[i]``.

    ``counts`` are corpus frequencies when known (rows are then usually sorted
    by descending count, so "the N most frequent" is the first N rows).
    ``meta`` holds JSON-compatible facts: training options, source file, and
    optional per-name columns under ``meta["columns"]`` (e.g. title, genres).
    """

    names: list[str]
    matrix: np.ndarray
    counts: np.ndarray | None = None
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.names = list(self.names)
        matrix = np.asarray(self.matrix)
        if matrix.ndim != 2:
            raise VectorsError(f"matrix must be 2-D, got shape {matrix.shape}")
        if matrix.dtype != np.float32:
            matrix = matrix.astype(np.float32)
        self.matrix = matrix
        if len(self.names) != matrix.shape[0]:
            raise VectorsError(f"{len(self.names)} names but {matrix.shape[0]} rows")
        if self.counts is not None:
            self.counts = np.asarray(self.counts, dtype=np.int64)
            if self.counts.shape != (len(self.names),):
                raise VectorsError(f"{len(self.counts)} counts but {len(self.names)} names")
        self.index = {name: i for i, name in enumerate(self.names)}
        if len(self.index) != len(self.names):
            seen: set[str] = set()
            dup = next(n for n in self.names if n in seen or seen.add(n))
            raise VectorsError(f"duplicate name {dup!r}")
        self._unit: np.ndarray | None = None
        self._int8 = None
        self._names = None
        self._ann = None

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self.index

    @property
    def dim(self) -> int:
        return int(self.matrix.shape[1])

    def row(self, name: str) -> int:
        try:
            return self.index[name]
        except KeyError:
            raise UnknownNameError(name, self._case_hint(name)) from None

    def _case_hint(self, name: str) -> str:
        """A name that differs from ``name`` only in case, if there is one."""
        if not isinstance(name, str):
            return ""
        for candidate in (name.lower(), name.capitalize(), name.upper(), name.title()):
            if candidate != name and candidate in self.index:
                return candidate
        return ""

    def vector(self, name: str) -> np.ndarray:
        return self.matrix[self.row(name)]

    @property
    def unit(self) -> np.ndarray:
        """Rows scaled to unit length (zero rows stay zero); computed once."""
        if self._unit is None:
            norms = np.linalg.norm(self.matrix, axis=1, keepdims=True)
            self._unit = (self.matrix / np.maximum(norms, 1e-12)).astype(np.float32)
        return self._unit

    @property
    def has_unit_rows(self) -> bool:
        """Whether :attr:`unit` is built already."""
        return self._unit is not None

    @property
    def int8_rows(self):
        """The unit rows as 8-bit codes with per-row error bounds, for fast exact
        cosine search (:mod:`w2v_desktop.core.vectors.quantized`); computed once."""
        if self._int8 is None:
            from w2v_desktop.core.vectors.quantized import Int8Rows

            self._int8 = Int8Rows.build(self.unit)
        return self._int8

    @property
    def has_int8_rows(self) -> bool:
        """Whether :attr:`int8_rows` is built already (it costs a pass over the rows)."""
        return self._int8 is not None

    @property
    def name_index(self):
        """Case-insensitive substring search over the names (and titles), for completion
        (:class:`~w2v_desktop.core.vectors.names.NameIndex`); computed once."""
        if self._names is None:
            from w2v_desktop.core.vectors.names import NameIndex

            self._names = NameIndex.of(self)
        return self._names

    @property
    def has_name_index(self) -> bool:
        return self._names is not None

    @property
    def norms(self) -> np.ndarray:
        return np.linalg.norm(self.matrix, axis=1)

    def copy(self) -> "Vectors":
        counts = None if self.counts is None else self.counts.copy()
        return Vectors(list(self.names), self.matrix.copy(), counts, dict(self.meta))

    # Derived caches. Queries are functions of this wing (similarity, analogy), not methods:
    # the object holds data, the search modules read it.

    @property
    def ann_index(self):
        """An approximate-neighbour index built for these vectors, or None (exact search)."""
        return self._ann

    def set_ann_index(self, index) -> None:
        """Attach (or with None, drop) an :class:`~w2v_desktop.core.vectors.ann.AnnIndex`;
        ``similarity.nearest`` then answers cosine queries from it when it fits the request."""
        if index is not None and index.n_rows != len(self):
            raise VectorsError(f"index was built for {index.n_rows} rows, these vectors have {len(self)}")
        self._ann = index
