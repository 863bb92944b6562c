"""Word in context: the sentences of the loaded corpus where a name occurs (a concordance).

Each line shows up to ``width`` tokens either side of the word, the word centred
and highlighted, for the first ``limit`` occurrences, with the total count.
The search (``core.text.kwic``) runs on the corpus's id array, on a worker for
large corpora. Without a corpus (vectors opened on their own) it says so.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableWidget, QVBoxLayout, QWidget)

from w2v_desktop.core.text import kwic
from w2v_desktop.gui import theme
from w2v_desktop.gui.jobs import JobRunner
from w2v_desktop.gui.widgets.neighbour_table import read_only_item
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

WIDTH = 8  # tokens either side
WORKER_TOKENS = 2_000_000  # corpora from this size are searched on a worker
NO_CORPUS = (QT_TR_NOOP("<b>No corpus is loaded</b>, so there are no sentences to show. These vectors "
                        "were opened without the text they were trained on: open that corpus (File → "
                        "Open text corpus…) to see where a word occurs."))


def occurrences_text(shown: int, total: int, word: str, unit: str) -> str:
    """One sentence with the counts, singular and plural right."""
    word = f"<b>{html.escape(word)}</b>"
    if total == 0:
        return tr("{word} does not occur in the loaded {unit}.").format(word=word, unit=unit)
    if total == 1:
        return tr("{word} occurs once in the loaded {unit}.").format(word=word, unit=unit)
    if shown < total:
        return tr("{word} occurs {total:,} times in the loaded {unit}; the first {shown:,} are shown.").format(word=word, total=total, unit=unit, shown=shown)
    return tr("{word} occurs {total:,} times in the loaded {unit}.").format(word=word, total=total, unit=unit)


class ContextDialog(QDialog):
    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.result: kwic.Concordance | None = None
        self.setWindowTitle(tr("Word in context"))
        self.resize(900, 520)
        self.word_edit = QLineEdit(placeholderText=tr("a word or item"))
        self.limit_spin = QSpinBox(minimum=10, maximum=100_000, value=200, singleStep=100, prefix=tr("first "),
                                   suffix=tr(" occurrences"))
        self.limit_spin.setGroupSeparatorShown(True)
        self.find_button = QPushButton(tr("Show in context"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("before"), tr("word"), tr("after")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.runner = JobRunner(state, status=self.summary.setText, parent=self)
        self.runner.add_button(self.find_button, self.search)
        self.word_edit.returnPressed.connect(self.search)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Word:")))
        row.addWidget(self.word_edit, 1)
        row.addWidget(self.limit_spin)
        row.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    @property
    def job(self):
        return self.runner.job

    def _unit(self) -> str:
        return "sequences" if self.state.interactions is not None else "corpus"

    def show_word(self, word: str) -> None:
        self.word_edit.setText(word)
        self.search()

    def search(self) -> None:
        word = self.word_edit.text().strip()
        corpus = self.state.corpus
        self.table.setRowCount(0)
        self.result = None
        if corpus is None:
            self.summary.setText(tr(NO_CORPUS))
            return
        if not word:
            self.summary.setText(tr("Type a word to see the sentences it occurs in."))
            return
        limit = self.limit_spin.value()
        if corpus.n_tokens < WORKER_TOKENS:
            try:
                self._show(kwic.concordance(corpus, word, WIDTH, limit))
            except kwic.WordNotInCorpus:
                self._not_found(word)
            return

        def work(cancel):
            try:
                return kwic.concordance(corpus, word, WIDTH, limit, cancel=cancel)
            except kwic.WordNotInCorpus:
                return None

        self.runner.start(work, lambda result: self._show(result) if result else self._not_found(word),
                          button=self.find_button, title=tr("Word in context failed"), name="concordance",
                          message=tr("Searching {n_tokens:,} tokens…").format(n_tokens=corpus.n_tokens))

    def _not_found(self, word: str) -> None:
        self.summary.setText(occurrences_text(0, 0, word, self._unit()))

    def _show(self, result: kwic.Concordance) -> None:
        self.result = result
        self.summary.setText(occurrences_text(result.shown, result.total, result.word, self._unit()))
        self.table.setRowCount(result.shown)
        bold = QFont(self.table.font())
        bold.setBold(True)
        mark = theme.palette_color(QPalette.ColorRole.Highlight, 70)
        for row, line in enumerate(result.lines):
            left = read_only_item(" ".join(line.left))
            left.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            word = read_only_item(line.word)
            word.setFont(bold)
            word.setBackground(mark)
            word.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            right = read_only_item(" ".join(line.right))
            for column, item in enumerate((left, word, right)):
                item.setToolTip(tr("sentence {v0:,}").format(v0=line.sentence + 1))
                self.table.setItem(row, column, item)
        if result.shown:
            self.table.scrollToTop()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.runner.cancel(quiet=True)
        super().closeEvent(event)
