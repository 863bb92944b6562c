"""One name per concept: the window's strings (the .ts sources, GUI and core phrases alike) use the
terms of README's "Terms" table, never a banned variant."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from w2v_desktop.gui import i18n

# banned variant -> the term to use (README.md, "Terms")
BANNED = {
    r"\bneighbors?\b": "neighbours",
    r"\bcolor": "colour",
    r"\bcenter(s|ed)?\b": "centre",
    r"\bgray\b": "grey",
    r"\bvector files?\b": "vectors file",
    r"\brating files?\b": "ratings file",
    r"\btrustworthiness\b": "trust",
    r"\bembeddings?\b(?! (Projector|Atlas))": "vectors (a vectors file)",
    r"[a-z]\((s|es)\)": "a whole phrase per count (core.wording.plural, gui.i18n.counted)",
}


def source_strings() -> list[str]:
    ts = i18n.translation_file("zh_CN").with_suffix(".ts")
    return [m.findtext("source") or "" for m in ET.parse(ts).iter("message")]


def banned_in(texts: list[str]) -> list[tuple[str, str]]:
    return [(text, use) for text in texts for pattern, use in BANNED.items() if re.search(pattern, text, re.I)]


def test_the_window_says_one_name_per_concept():
    texts = source_strings()
    assert len(texts) > 700
    found = banned_in(texts)
    assert not found, "\n".join(f"{text!r}: say {use!r}" for text, use in found)


def test_each_banned_variant_is_caught():
    samples = ["3 nearest neighbors", "Point color", "centered view", "gray points", "Vector files (*.txt)",
               "Open a rating file", "trustworthiness", "Open an embeddings file", "3 point(s)"]
    assert [use for _, use in banned_in(samples)] == list(BANNED.values())
    assert not banned_in(["Colour by", "colouring", "centre on the selection", "grey", "ratings file",
                          "vectors file", "Split sessions after (s)", "Embedding Projector", "neighbours"])
