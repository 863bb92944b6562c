"""Small shared pieces of the GUI tests."""
from __future__ import annotations

import random

from PySide6.QtCore import QSettings

from w2v_desktop.core.text.corpus import Corpus

TOPICS = {
    "fruit": ["apple", "pear", "plum", "cherry", "grape"],
    "metal": ["iron", "copper", "zinc", "tin", "lead"],
    "sea": ["whale", "shark", "squid", "crab", "eel"],
}
FILLER = ["the", "a", "of", "and", "is", "on"]


def topic_sentences(n: int = 1500, seed: int = 0, topics=TOPICS) -> list[list[str]]:
    """Sentences that each draw from one topic, so topics become neighbourhoods."""
    rng = random.Random(seed)
    names = sorted(topics)
    sentences = []
    for _ in range(n):
        words = topics[rng.choice(names)]
        sentences.append([rng.choice(words) if rng.random() < 0.7 else rng.choice(FILLER) for _ in range(8)])
    return sentences


def topic_corpus(n: int = 1500, seed: int = 0, topics=TOPICS) -> Corpus:
    return Corpus.from_sentences(topic_sentences(n, seed, topics), source="topics")


def temp_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def wait_idle(qtbot, state, timeout: int = 120_000) -> None:
    qtbot.waitUntil(lambda: not state.busy, timeout=timeout)
