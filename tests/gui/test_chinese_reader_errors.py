"""简体中文 reader errors: a bad file opened through the File actions shows an error whose text is
Chinese apart from the file's name, numbers and quoted values, while the same error's str() (what the
command line prints) stays the English it always was."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from tests.catalogue import files as F
from tests.gui.helpers import wait_idle
from w2v_desktop.gui import i18n


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators(qapp, "zh_CN")
    yield qapp
    i18n.install_translators(qapp, "en")


def _nan_weights(arrays):
    arrays["syn0"] = np.full((4, F.DIM), np.nan, np.float32)


def english_left(message: str, path: Path) -> list[str]:
    """ASCII words of the message once the file's path, quoted values and array names are taken out."""
    text = message.replace(str(path), " ")
    text = re.sub(r"'[^']*'|\b(syn0|syn1neg|syn1|counts)\b|0x[0-9a-f]+", " ", text)
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in TECHNICAL]


TECHNICAL = {"NaN", "UTF", "GB", "GBK", "latin", "cp", "big"}  # encoding names, NaN


def shown_error(qtbot, window, open_file, path: Path) -> str:
    window.errors.clear()
    open_file(str(path))
    qtbot.waitUntil(lambda: bool(window.errors), timeout=30_000)
    wait_idle(qtbot, window.state)
    _title, message, _details = window.errors[-1]
    return message


CASES = [  # (file name, what it holds, the File action, a Chinese word the message must hold)
    ("short.txt", F.w2v_text(rows=["the 0.1 0.2 0.3 0.4", "cat 0.1 0.2"]), "open_vectors", "行"),
    ("bad-utf8.txt", b"good words here\n\xff\xfe bad \xc3\x28\n", "open_text", "编码"),
    ("empty.txt", b"", "open_text", "空"),
    ("nan.npz", lambda p: F.model(p, arrays_change=_nan_weights), "open_model", "无穷大"),
]


@pytest.mark.parametrize("name, content, action, word", CASES, ids=[c[0] for c in CASES])
def test_a_bad_file_is_refused_in_chinese(qtbot, window, chinese, tmp_path, name, content, action, word):
    path = tmp_path / name
    content(path) if callable(content) else path.write_bytes(content)
    opener = getattr(window.files, action)
    message = shown_error(qtbot, window, (lambda p: opener(p, ask_options=False)) if action == "open_text" else opener, path)
    assert str(path) in message and word in message, message
    assert not english_left(message, path), message


def test_an_empty_ratings_file_is_refused_in_chinese(qtbot, window, chinese, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    message = shown_error(qtbot, window, lambda p: window.files.open_ratings(p, ask=False), path)
    # the window reads it with the default columns (detection failed): the reader's complaint, in Chinese
    assert message.startswith(f"{path}：") and "不存在" in message, message
    assert not english_left(message, path), message
