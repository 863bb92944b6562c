"""What belongs to a data set rather than to the app: its watch list, its analogy choice and
the example names shown in empty fields.

They are kept in the settings per data file ("data_sets": a JSON object from path to
settings, the most recently used first), so that the sample's watch list does not follow
the user into MovieLens and comes back when the sample does. "" holds what was set with
no data open.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from w2v_desktop.core.text.summary import example_names

KEY = "data_sets"
MAX_DATA_SETS = 50


def load(settings: QSettings) -> dict[str, dict]:
    raw = settings.value(KEY, "")
    try:
        stored = json.loads(raw) if isinstance(raw, str) and raw else {}
    except ValueError:
        return {}
    return {str(k): v for k, v in stored.items() if isinstance(v, dict)} if isinstance(stored, dict) else {}


def save(settings: QSettings, stored: dict[str, dict], first: str | None = None) -> None:
    """Store ``stored``; ``first`` (just used) goes to the front, the oldest beyond the limit go."""
    ordered = dict(stored)
    if first is not None and first in ordered:
        ordered = {first: ordered.pop(first), **ordered}
    settings.setValue(KEY, json.dumps(dict(list(ordered.items())[:MAX_DATA_SETS]), ensure_ascii=False))


def examples(state, vectors=None, n: int = 3) -> list[str]:
    """Names of the loaded data to offer as examples: frequent words of a text corpus (Chinese
    for a Chinese corpus), the most frequent items of a rating file; from ``vectors`` (only
    names that have a vector) when given."""
    items = state.data_kind == "ratings"
    if vectors is not None:
        if vectors.counts is None:
            return list(vectors.names[:n])
        return example_names(vectors.names, vectors.counts, n, items=items)
    corpus = state.corpus
    if corpus is None or not len(corpus.words):
        return []
    return example_names(corpus.words, corpus.counts, n, items=items)
