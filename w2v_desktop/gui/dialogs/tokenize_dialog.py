"""Tokenising options for a text file, with a preview of its first lines as tokens.

The form is generated from ``core.text.TokenizeOptions``, so options added
there appear here without GUI changes (the hints below only add labels,
tooltips and the allowed choices).
"""
from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QPlainTextEdit,
                               QScrollArea, QVBoxLayout, QWidget)

from w2v_desktop.core.text import tokenize
from w2v_desktop.core.text import TokenizeOptions, iter_token_lines
from w2v_desktop.gui.forms import DataclassForm, FieldHints
from w2v_desktop.gui.i18n import QT_TR_NOOP, said, tr

PREVIEW_LINES = 12


def _choices(name: str, fallback: tuple) -> dict:
    return {value: str(value) for value in getattr(tokenize, name, fallback)}


def _scorings() -> dict:
    try:
        from w2v_desktop.core.text import SCORINGS
    except ImportError:
        SCORINGS = ("total_words",)
    return {value: value for value in SCORINGS}


HINTS = {
    "lowercase": FieldHints(QT_TR_NOOP("Lower-case"), tooltip=QT_TR_NOOP("Fold case so “Paris” and “paris” are one word.")),
    "strip_punctuation": FieldHints(QT_TR_NOOP("Strip punctuation"), tooltip=QT_TR_NOOP("Drop punctuation around and between words.")),
    "min_token_length": FieldHints(QT_TR_NOOP("Minimum token length"), minimum=1, maximum=100,
                                   tooltip=QT_TR_NOOP("Drop tokens shorter than this many characters.")),
    "stop_words": FieldHints(QT_TR_NOOP("Stop words"), choices=_choices("_STOP_CHOICES", ("none",)), tooltip=(
        QT_TR_NOOP("Words skipped when generating training samples (“the”, “of”; or “的”, “了”). "
                   "auto: Chinese list for mostly-Chinese text, else English."))),
    "stop_words_file": FieldHints(QT_TR_NOOP("Extra stop-word file"), none_text="none", tooltip=QT_TR_NOOP("One word a line.")),
    "segment_chinese": FieldHints(QT_TR_NOOP("Segment Chinese (jieba)"), choices={"auto": "auto", True: "yes", False: "no"},
                                  tooltip=(QT_TR_NOOP("Chinese text has no spaces: jieba splits it into words, so that 深度学习 (deep "
                                                      "learning) can be one word. auto: when the text is mostly Chinese and not yet "
                                                      "cut into words."))),
    "user_dict": FieldHints(QT_TR_NOOP("jieba user dictionary"), tooltip=QT_TR_NOOP("Extra words for the segmenter, one a line.")),
    "encoding": FieldHints(QT_TR_NOOP("Encoding"), tooltip=QT_TR_NOOP("auto, or an encoding name: utf-8, gb18030, latin-1, …")),
    "layout": FieldHints(QT_TR_NOOP("Sentences"), choices=_choices("_LAYOUTS", ("auto",)), tooltip=(
        QT_TR_NOOP("lines: each line is a sentence; stream: the text is one stream (text8) cut into "
                   "chunks; auto: lines, but very long lines are streams."))),
    "stream_chunk": FieldHints(QT_TR_NOOP("Stream chunk (tokens)"), minimum=1, maximum=10_000_000, step=1000),
    "phrases": FieldHints(QT_TR_NOOP("Detect phrases"), tooltip=(
        QT_TR_NOOP("Join frequent word pairs into one token (new_york); reads the text twice."))),
    "phrase_min_count": FieldHints(QT_TR_NOOP("Phrase minimum count"), minimum=1, maximum=1_000_000),
    "phrase_threshold": FieldHints(QT_TR_NOOP("Phrase threshold"), minimum=0, maximum=1e9, step=10, decimals=3),
    "phrase_scoring": FieldHints(QT_TR_NOOP("Phrase scoring"), choices=_scorings()),
}
GROUPS = {
    QT_TR_NOOP("Words"): ["lowercase", "strip_punctuation", "min_token_length", "stop_words", "stop_words_file"],
    QT_TR_NOOP("File"): ["encoding", "layout", "stream_chunk"],
    QT_TR_NOOP("Chinese"): ["segment_chinese", "user_dict"],
    QT_TR_NOOP("Phrases"): ["phrases", "phrase_min_count", "phrase_threshold", "phrase_scoring"],
}


class TokenizeDialog(QDialog):
    def __init__(self, path: str | Path, options: TokenizeOptions | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = str(path)
        self.setWindowTitle(tr("Tokenising {name}").format(name=Path(path).name))
        self.form = DataclassForm(TokenizeOptions, options or TokenizeOptions(), hints=HINTS, groups=GROUPS)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.form.sizeHint().width() + 24)
        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        preview_box = QGroupBox(tr("First {PREVIEW_LINES} sentences as tokens (separated by ·)").format(PREVIEW_LINES=PREVIEW_LINES))
        QVBoxLayout(preview_box).addWidget(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(scroll)
        body.addWidget(preview_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        self.resize(1000, 560)
        # Debounced: a burst of edits refreshes the preview once.
        self._refresh = QTimer(self, singleShot=True, interval=250)
        self._refresh.timeout.connect(self.update_preview)
        self.form.changed.connect(lambda: self.ok_button.setEnabled(not self.form.validate()))
        self.form.changed.connect(self._refresh.start)
        self.finished.connect(lambda _r: self._refresh.stop())
        self.update_preview()

    def options(self) -> TokenizeOptions:
        return self.form.value()

    def update_preview(self) -> None:
        """Only the first sentences are read (phrase detection reads the whole file first)."""
        problem = self.form.validate()
        self.ok_button.setEnabled(not problem)
        if problem:
            return
        options = self.options()
        if options.phrases:
            options = options.replace(phrases=False)  # a preview must stay quick
        try:
            lines = list(itertools.islice(iter_token_lines(self.path, options), PREVIEW_LINES))
            text = "\n".join(" · ".join(tokens) for tokens in lines) or tr("(no tokens in the first lines)")
        except (OSError, ValueError) as exc:
            text = tr("Cannot read {path}: {exc}").format(path=self.path, exc=said(exc))
        self.preview.setPlainText(text)
