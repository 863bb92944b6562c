"""Analogies and set queries over cosine similarity (the gensim query family).

* 3CosAdd (Mikolov et al. 2013): rank x by cos(x, b) − cos(x, a) + cos(x, c),
  i.e. by the cosine to the mean of unit vectors of b, c and −a.
* 3CosMul (Levy & Goldberg 2014, eq. 4): rank x by
  cos'(x, b) · cos'(x, c) / (cos'(x, a) + ε) with cos' = (1 + cos) / 2 shifted
  to [0, 1]. The paper uses ε = 0.001 (our default); gensim's
  ``most_similar_cosmul`` uses 1e-6.

Input names are never returned as answers.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from w2v_desktop.core.vectors.similarity import Neighbour, searched_rows, top_k_indices, resolve_query

ANALOGY_METHODS = ("3cosadd", "3cosmul")
COSMUL_EPSILON = 1e-3


def _as_list(items) -> list:
    if items is None:
        return []
    if isinstance(items, (str, np.ndarray)):
        return [items]
    return list(items)


def _unit_terms(vectors, items) -> tuple[list[np.ndarray], list[int]]:
    """Unit vectors of names or vectors, and the rows of those given by name."""
    units, rows = [], []
    for item in _as_list(items):
        vec, row = resolve_query(vectors, item)
        if row is not None:
            rows.append(row)
            units.append(vectors.unit[row])
        else:
            units.append(vec / max(float(np.linalg.norm(vec)), 1e-12))
    return units, rows


def _answers(vectors, scores: np.ndarray, banned: list[int], k: int) -> list[Neighbour]:
    scores = scores.copy()
    scores[[r for r in banned if r < len(scores)]] = -np.inf
    rows = top_k_indices(scores, k)
    return [Neighbour(vectors.names[r], float(scores[r]), int(r)) for r in rows if np.isfinite(scores[r])]


def signed_mean(vectors, positive, negative=()) -> np.ndarray:
    """The unit-length mean of +unit(positive) and −unit(negative): gensim's ``get_mean_vector``
    with weights ±1, pre- and post-normalised, the query of ``most_similar``."""
    pos, _ = _unit_terms(vectors, positive)
    neg, _ = _unit_terms(vectors, negative)
    if not pos and not neg:
        raise ValueError("most_similar needs at least one positive or negative term")
    mean = (np.sum(pos, axis=0) if pos else 0) - (np.sum(neg, axis=0) if neg else 0)
    mean = np.asarray(mean, dtype=np.float32) / (len(pos) + len(neg))
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def most_similar(vectors, positive, negative=(), k: int = 10, restrict: int | None = None) -> list[Neighbour]:
    """3CosAdd: cosine to the normalised mean of +unit(positive) and −unit(negative)."""
    mean = signed_mean(vectors, positive, negative)
    banned = _unit_terms(vectors, positive)[1] + _unit_terms(vectors, negative)[1]
    scores = vectors.unit[:searched_rows(vectors, restrict)] @ mean
    return _answers(vectors, scores.astype(np.float64), banned, k)


def most_similar_cosmul(vectors, positive, negative=(), k: int = 10, restrict: int | None = None,
                        epsilon: float = COSMUL_EPSILON) -> list[Neighbour]:
    """3CosMul: Π cos'(x, p) / (Π cos'(x, n) + ε), cos' = (1 + cos) / 2."""
    pos, pos_rows = _unit_terms(vectors, positive)
    neg, neg_rows = _unit_terms(vectors, negative)
    if not pos:
        raise ValueError("most_similar_cosmul needs at least one positive term")
    unit = vectors.unit[:searched_rows(vectors, restrict)]
    shifted = lambda terms: (1.0 + (unit @ np.array(terms, dtype=np.float32).T).astype(np.float64)) / 2.0
    scores = np.prod(shifted(pos), axis=1)
    denominator = np.prod(shifted(neg), axis=1) if neg else np.ones(len(unit))
    return _answers(vectors, scores / (denominator + epsilon), pos_rows + neg_rows, k)


def analogy(vectors, a, b, c, k: int = 10, method: str = "3cosadd", restrict: int | None = None,
            epsilon: float = COSMUL_EPSILON) -> list[Neighbour]:
    """"a is to b as c is to ?": answers ranked for b − a + c; a, b and c are excluded."""
    if method == "3cosadd":
        return most_similar(vectors, [b, c], [a], k, restrict)
    if method == "3cosmul":
        return most_similar_cosmul(vectors, [b, c], [a], k, restrict, epsilon)
    raise ValueError(f"unknown analogy method {method!r}; choose one of {', '.join(ANALOGY_METHODS)}")


def similarity(vectors, a: str, b: str) -> float:
    """Cosine similarity of two names."""
    return float(np.dot(vectors.unit[vectors.row(a)], vectors.unit[vectors.row(b)]))


def n_similarity(vectors, names1: Sequence[str], names2: Sequence[str]) -> float:
    """Cosine between the mean vectors of two sets of names (raw vectors, as gensim)."""
    if not names1 or not names2:
        raise ValueError("n_similarity needs two non-empty lists of names")
    m1 = vectors.matrix[[vectors.row(n) for n in names1]].mean(axis=0, dtype=np.float64)
    m2 = vectors.matrix[[vectors.row(n) for n in names2]].mean(axis=0, dtype=np.float64)
    den = float(np.linalg.norm(m1) * np.linalg.norm(m2))
    return float(np.dot(m1, m2) / den) if den > 0 else 0.0


def pair_score(vectors, a: str, b: str, metric: str = "cosine") -> float:
    """The similarity (or, for Euclidean and Manhattan, the distance) of two names under ``metric``."""
    if metric == "cosine":
        return similarity(vectors, a, b)
    from w2v_desktop.core.vectors.metrics import block_scores

    rows = [vectors.row(a), vectors.row(b)]
    return float(block_scores(vectors.matrix[rows[1]][None, :], vectors.matrix[rows[0]], metric)[0, 0])


def doesnt_match_scores(vectors, names: Sequence[str]) -> list[tuple[str, float]]:
    """Each name with the cosine of its unit vector to the unit mean of all the names' unit vectors."""
    names = list(names)
    if not names:
        raise ValueError("doesnt_match needs at least one name")
    units = vectors.unit[[vectors.row(n) for n in names]].astype(np.float64)
    mean = units.mean(axis=0)
    mean /= max(float(np.linalg.norm(mean)), 1e-12)
    return list(zip(names, (units @ mean).tolist()))


def doesnt_match(vectors, names: Sequence[str]) -> str:
    """The name furthest (lowest cosine) from the mean of the unit vectors of all names."""
    scores = doesnt_match_scores(vectors, names)
    return min(scores, key=lambda pair: pair[1])[0]
