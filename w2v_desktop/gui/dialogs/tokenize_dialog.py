"""Tokenising options for a text file, with a preview of its first lines as tokens.

The form is generated from ``core.tokenize.TokenizeOptions``, so options added
there appear here without GUI changes.
"""
from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from w2v_desktop.core.tokenize import TokenizeOptions, iter_token_lines
from w2v_desktop.gui.forms import DataclassForm, FieldHints

PREVIEW_LINES = 12

HINTS = {
    "lowercase": FieldHints("Lower-case", tooltip="Fold case so “Paris” and “paris” are one word."),
    "strip_punctuation": FieldHints("Strip punctuation", tooltip="Drop punctuation marks around and between words."),
    "min_token_length": FieldHints("Minimum token length", minimum=0, maximum=100,
                                   tooltip="Drop tokens shorter than this many characters."),
    "stop_words": FieldHints("Stop words", tooltip=(
        "Words skipped when generating training samples (such as “the”, “of” or “的”, “了”).")),
    "segment_chinese": FieldHints("Segment Chinese (jieba)", tooltip=(
        "Chinese text has no spaces: split it into words with jieba, so that 深度学习 can be one word.")),
    "encoding": FieldHints("Encoding", tooltip="Text encoding of the file (utf-8, gb18030, latin-1, …).")}


class TokenizeDialog(QDialog):
    def __init__(self, path: str | Path, options: TokenizeOptions | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = str(path)
        self.setWindowTitle(f"Tokenising {Path(path).name}")
        self.form = DataclassForm(TokenizeOptions, options or TokenizeOptions(), hints=HINTS)
        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        preview_box = QGroupBox(f"First {PREVIEW_LINES} lines as tokens (separated by ·)")
        QVBoxLayout(preview_box).addWidget(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Open")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        body = QHBoxLayout()
        body.addWidget(self.form)
        body.addWidget(preview_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        self.resize(900, 420)
        # Debounced: a burst of edits refreshes the preview once.
        self._refresh = QTimer(self, singleShot=True, interval=250)
        self._refresh.timeout.connect(self.update_preview)
        self.form.changed.connect(self._refresh.start)
        self.finished.connect(lambda _r: self._refresh.stop())
        self.update_preview()

    def options(self) -> TokenizeOptions:
        return self.form.value()

    def update_preview(self) -> None:
        """Only the first lines are read, so this is quick even for huge files."""
        problem = self.form.validate()
        self.ok_button.setEnabled(not problem)
        if problem:
            return
        try:
            lines = list(itertools.islice(iter_token_lines(self.path, self.options()), PREVIEW_LINES))
            text = "\n".join(" · ".join(tokens) for tokens in lines) or "(no tokens in the first lines)"
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            text = f"Cannot read {self.path}: {exc}"
        self.preview.setPlainText(text)
