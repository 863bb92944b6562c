"""简体中文: every visible string of the window in zh_CN, the language setting, screenshots in Chinese."""
from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox, QLabel,
                               QLineEdit, QListView, QMenu, QTabBar, QWidget)

from tests.gui.helpers import temp_settings
from w2v_desktop.gui import i18n
from w2v_desktop.gui.dialogs.context_dialog import ContextDialog
from w2v_desktop.gui.dialogs.tokenize_dialog import TokenizeDialog
from w2v_desktop.gui.main_window import MainWindow
from tests.conftest import SAMPLES

# ASCII words a Chinese window may show: the product, method and format names, units of code
ALLOWED = {
    "w2v", "desktop", "word2vec", "PCA", "SNE", "UMAP", "CBOW", "HS", "NS", "CSV", "PNG", "SVG", "TSV", "parquet", "Embedding", "Projector", "Atlas", "Skip", "gram",
    "softmax", "Spark", "ML", "Word2VecModel", "PyNNDescent", "Zipf", "jieba", "Spearman", "Pearson", "Kendall",
    "Tanimoto", "Jaccard", "HitRate", "NDCG", "MRR", "overlap", "min_count", "max_vocab", "Ctrl", "Shift", "ID",
    "Huffman", "sigmoid", "ns_exponent", "negative", "Levy", "Goldberg", "CosAdd", "CosMul", "in", "out", "sqrt",
    "sample", "log", "utf", "gb", "latin", "auto", "lines", "stream", "text8", "new_york", "local", "host", "yarn",
    "spark", "k8s", "MovieLens", "user", "item", "rating", "time", "questions", "words", "txt", "wordsim",
    "tsv", "simlex", "man", "king", "woman", "recall", "section", "hubness", "ETA", "Fusion", "English", "the", "of",
    "Paris", "paris", "news", "data", "csv", "ratings", "top", "k", "a", "b", "c", "d", "x", "y", "V", "O", "f",
    "skip", "Belkina", "Alt", "Home", "OpenGL",
    # the map table's filter language and its column names (typed as they are, in any language)
    "AND", "OR", "NOT", "contains", "name", "count", "trust", "title", "genres", "Sci", "Fi", "Heat",
}
# Values that come from core and are shown as they are (the CLI's names for them): metric names, the
# vector formats' labels, the tokeniser's and the ratings reader's choices, the user-vector poolings.
CORE_VALUES = {
    "cosine", "dot", "euclidean", "manhattan", "pearson", "tanimoto", "chinese", "english", "yes", "no", "npmi",
    "total_words", "mean", "sum", "decay", "deepwalk", "gensim", "CSV", "GloVe", "NumPy", "Parquet", "TensorFlow",
    "Embedding", "Projector", "fastText", "SparrowRecSys", "item2vec", "text", "no", "header", "with", "name",
    "column", "matrix", "vocabulary", "table", "of", "vector", "folder", "metadata", "binary", "id", "lines",
    "vocab", "npy", "parquet", "vec", "bin",
}


def visible_texts(root: QWidget) -> list[str]:
    """The texts a user sees on ``root`` and its children: labels, buttons, group titles, tabs, menus,
    placeholders, combo items, table headers, window titles, tooltips."""
    texts: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if w.isWindow():
            texts.append(w.windowTitle())
        if w.toolTip():
            texts.append(w.toolTip())
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QMenu):
            texts.append(w.title())
            texts += [a.text() for a in w.actions()]
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QListView) and w.model() is not None:  # lists: no header
            model = w.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    return [t for t in texts if t]


def english_words(text: str, extra: set[str] = frozenset()) -> list[str]:
    """ASCII words of ``text`` that are not allowed names (markup, accelerators, file patterns removed)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("&", "")
    text = re.sub(r"\*\.\w+|\S+\.(txt|tsv|csv|png|svg|npz|gz)\b|\w+://\S*", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z0-9_]*", text)
    return [w for w in words if w not in ALLOWED and w not in extra and len(w) > 1 and not re.search(r"\d", w)]


def untranslated(texts: list[str], extra: set[str] = frozenset()) -> list[str]:
    return sorted({t for t in texts if english_words(t, extra)})


@pytest.fixture
def chinese(qapp):
    assert i18n.install_translators(qapp, "zh_CN"), "the zh_CN translation is not bundled"
    yield qapp
    i18n.install_translators(qapp, "en")


def all_texts(window: MainWindow) -> list[str]:
    texts = visible_texts(window)
    for menu in window.menuBar().findChildren(QMenu):
        texts.append(menu.title())
        texts += [a.text() for a in menu.actions()]
    return texts


def test_every_visible_string_of_the_window_is_translated(qtbot, tmp_path, chinese):
    window = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.tabs.tabText(1) == "训练"
    texts = all_texts(window)
    dialogs = [ContextDialog(window.state, window), TokenizeDialog(SAMPLES / "sample_corpus.txt", parent=window)]
    for dialog in dialogs:
        texts += visible_texts(dialog)
    assert len(texts) > 200
    left = untranslated(texts, CORE_VALUES)
    assert not left, "untranslated in zh_CN:\n" + "\n".join(left)


def test_the_check_finds_a_string_left_in_english(qtbot, tmp_path, chinese, monkeypatch):
    """Removing one translation (the Train tab's) is caught."""
    real = i18n.QCoreApplication.translate
    monkeypatch.setattr(i18n.QCoreApplication, "translate",
                        lambda ctx, text, *a: text if text == "&Pause" else real(ctx, text, *a))
    window = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(window)
    left = untranslated(all_texts(window), CORE_VALUES)
    assert "&Pause" in left and all("Pause" in text for text in left), left


@pytest.mark.parametrize("setting, system, expected", [
    ("system", "zh_CN", "zh_CN"), ("system", "en_US", "en"), ("system", "de_DE", "en"),
    ("en", "zh_CN", "en"), ("zh_CN", "en_US", "zh_CN"), (None, "zh_CN", "zh_CN"),
])
def test_the_language_setting_chooses_the_translation(qapp, tmp_path, monkeypatch, setting, system, expected):
    settings = temp_settings(tmp_path)
    if setting is not None:
        settings.setValue(i18n.SETTING, setting)
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale(system)))
    language = i18n.chosen_language(settings)
    assert language == expected
    try:
        assert i18n.install_translators(qapp, language)
        assert i18n.tr("&Pause") == ("暂停(&P)" if expected == "zh_CN" else "&Pause")
    finally:
        i18n.install_translators(qapp, "en")
    assert i18n.tr("&Pause") == "&Pause"


def test_the_view_menu_saves_the_language(qtbot, tmp_path):
    window = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(window)
    labels = [a.text() for a in window.language_actions.actions()]
    assert labels == ["&System language", "English", "简体中文"]
    window.language_actions.actions()[2].trigger()
    assert window.settings.value(i18n.SETTING) == "zh_CN"
    assert i18n.chosen_language(window.settings) == "zh_CN"
    assert "next started" in window.statusBar().currentMessage()


def test_screenshots_in_chinese_draw_every_tab_in_chinese(qtbot, tmp_path, chinese):
    from w2v_desktop.gui import screenshots

    window = MainWindow(settings=temp_settings(tmp_path))
    qtbot.addWidget(window)
    assert screenshots.take_screenshots(QApplication.instance(), window, tmp_path / "shots") == 0
    shots = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    assert shots[:2] == ["01-data.png", "02-train.png"] and len(shots) == window.tabs.count()
    assert [window.tabs.tabText(i) for i in range(3)] == ["数据", "训练", "近邻"]
    assert "w2v-desktop" in window.windowTitle()
    # Lines made in core and shown here are Phrases, translated (tests/gui/test_chinese_flows.py);
    # detected layouts and metric names stay as the CLI says them.
