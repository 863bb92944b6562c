"""Analogies ("a is to b as c is to ?") and benchmark files.

Left: solve one analogy with 3CosAdd or 3CosMul. Right: run an analogy
question file (questions-words format) or a word-pair file (WordSim353,
SimLex-999) off the GUI thread; per-section accuracy is drawn as bars and
every run is kept in a small history table for comparison.
"""
from __future__ import annotations

import html
import os

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QSpinBox, QSplitter, QTableWidget, QVBoxLayout, QWidget)

from w2v_desktop.core.analysis import intrinsic as evaluate
from w2v_desktop.core.vectors import analogy
from w2v_desktop.gui import data_set
from w2v_desktop.gui.jobs import JobRunner
from w2v_desktop.gui.widgets.bar_chart import HorizontalBarChart
from w2v_desktop.gui.widgets.empty_state import EmptyStateStack, TableHint
from w2v_desktop.gui.widgets.help_badge import GLOSSARY, with_help
from w2v_desktop.core.bundled import sample_path
from w2v_desktop.gui.widgets.name_completer import NameCompleter
from w2v_desktop.gui.widgets.neighbour_table import NeighbourTable, read_only_item
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

METHODS = {"3CosAdd (b \N{MINUS SIGN} a + c)": "3cosadd", "3CosMul (Levy & Goldberg)": "3cosmul"}
ANALOGIES, PAIRS = QT_TR_NOOP("Analogy questions (a b c d)"), QT_TR_NOOP("Word pairs with human scores")
HISTORY_HEADERS = [QT_TR_NOOP("file"), QT_TR_NOOP("kind"), QT_TR_NOOP("method"), QT_TR_NOOP("result"),
                   QT_TR_NOOP("coverage")]


def guess_benchmark_kind(path: str) -> str:
    """Analogy files have ': section' lines or four words a line; pair files end in a score."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            return ANALOGIES if line.startswith(":") or len(line.split()) == 4 else PAIRS
    return ANALOGIES


EXAMPLE_WORDS = ("man", "king", "woman")


class AnalogyPanel(QWidget):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.vectors = None
        self.completer = NameCompleter(self)
        self.word_edits = [QLineEdit(placeholderText=hint) for hint in EXAMPLE_WORDS]
        for edit in self.word_edits:
            edit.setCompleter(self.completer)
            edit.returnPressed.connect(self.solve)
        self.method_combo = QComboBox()
        self.method_combo.addItems(list(METHODS))
        self.k_spin = QSpinBox(minimum=1, maximum=100, value=10, prefix="k = ")
        self.restrict_check = QCheckBox(tr("only the 30,000 most frequent"))
        self.restrict_check.setChecked(True)
        self.solve_button = QPushButton(tr("Solve"))
        self.solve_status = QLabel()
        self.solve_status.setWordWrap(True)
        self.answers = NeighbourTable()
        self.answers_hint = TableHint(self.answers, tr("Fill in a, b and c (e.g. man, king, woman), then press Solve."))
        self._build_benchmark_widgets()
        self.stack = EmptyStateStack(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.solve_button.clicked.connect(self.solve)
        self.method_combo.currentIndexChanged.connect(lambda _i: self.answers.rowCount() and self.solve())
        self.answers.name_activated.connect(lambda name: self.word_edits[2].setText(name))
        self.answers.context_requested.connect(state.request_context)
        state.vectors_changed.connect(self.set_vectors)
        state.names_sent.connect(lambda target, names: target == "Analogy" and self.fill_words(names))
        self.set_vectors(state.vectors)

    def fill_words(self, names: list[str]) -> None:
        """Put up to three names (sent from the map's selection) into a, b, c; solve when all three are there."""
        for edit, name in zip(self.word_edits, names):
            edit.setText(name)
        if len(names) >= 3:
            self.solve()

    def _build_benchmark_widgets(self) -> None:
        self.path_edit = QLineEdit(placeholderText=tr("questions-words.txt, wordsim353.tsv, simlex999.txt…"))
        self.browse_button = QPushButton(tr("Browse…"))
        self.kind_combo = QComboBox()
        for kind in (ANALOGIES, PAIRS):
            self.kind_combo.addItem(tr(kind), kind)
        self.bench_restrict = QSpinBox(minimum=100, maximum=10_000_000, value=30_000, singleStep=10_000,
                                       suffix=tr(" most frequent"))
        self.bench_restrict.setGroupSeparatorShown(True)
        self.run_button = QPushButton(tr("Run benchmark"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.summary = QLabel(tr("Choose a benchmark file and run it."))
        self.summary.setWordWrap(True)
        self.runner = JobRunner(self.state, status=self.summary.setText, progress=self.progress, parent=self)
        self.runner.add_button(self.run_button, self.run_benchmark)
        self.chart = HorizontalBarChart(tr("Accuracy per section, or the correlation, will be drawn here."))
        self.history = QTableWidget(0, len(HISTORY_HEADERS))
        self.history.setHorizontalHeaderLabels([tr(h) for h in HISTORY_HEADERS])
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMaximumHeight(130)
        self.browse_button.clicked.connect(self._browse)
        self.path_edit.editingFinished.connect(self._guess_kind)

    def _build_content(self) -> QWidget:
        analogy = QGroupBox(tr("Analogy: a is to b as c is to ?"))
        words = QGridLayout()
        for column, (label, edit) in enumerate(zip(("a", tr("is to b"), tr("as c")), self.word_edits)):
            words.addWidget(QLabel(label), 0, column)
            words.addWidget(edit, 1, column)
        words.addWidget(QLabel(tr("is to ?")), 1, 3)
        options = QHBoxLayout()
        options.addWidget(with_help(self.method_combo, text=tr(GLOSSARY["3CosAdd"]) + "<br><br>" + tr(GLOSSARY["3CosMul"])))
        for widget in (self.k_spin, self.restrict_check):
            options.addWidget(widget)
        options.addStretch(1)
        options.addWidget(self.solve_button)
        left = QVBoxLayout(analogy)
        left.addLayout(words)
        left.addLayout(options)
        left.addWidget(self.solve_status)
        left.addWidget(self.answers, 1)

        bench = QGroupBox(tr("Benchmark file"))
        form = QFormLayout()
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form.addRow(tr("File:"), path_row)
        form.addRow(tr("Kind:"), self.kind_combo)
        form.addRow(tr("Analogies over:"), self.bench_restrict)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.progress, 1)
        right = QVBoxLayout(bench)
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.summary)
        right.addWidget(self.chart, 1)
        right.addWidget(self.history)

        splitter = QSplitter()
        splitter.addWidget(analogy)
        splitter.addWidget(bench)
        splitter.setSizes([450, 650])
        return splitter

    # -- vectors -------------------------------------------------------------
    def set_vectors(self, vectors) -> None:
        self.runner.cancel(quiet=True)
        self.vectors = vectors
        self.answers.setRowCount(0)
        self.solve_status.clear()
        if vectors is None or len(vectors) == 0:
            self.completer.set_vectors(None)
            self.stack.show_empty()
            return
        self.completer.set_vectors(vectors)
        self._show_examples(vectors)
        self.stack.show_content()

    def _show_examples(self, vectors) -> None:
        """Placeholders from these vectors: man, king, woman where they exist, else names
        of this data (Chinese words for a Chinese corpus, items for a rating file)."""
        hints = list(EXAMPLE_WORDS)
        if not all(word in vectors for word in hints):
            hints = data_set.examples(self.state, vectors) or hints
        for edit, hint in zip(self.word_edits, hints):
            edit.setPlaceholderText(hint)

    def screenshot_demo(self) -> None:
        """king - man + woman, and the bundled analogy file (``--screenshot``)."""
        if self.vectors is None:
            return
        for edit, word in zip(self.word_edits, ("man", "king", "woman")):
            edit.setText(word)
        self.solve()
        path = sample_path("sample_analogies.txt")
        if path is not None:
            # relative to the working folder, so pictures show no local path
            self.path_edit.setText(os.path.relpath(path))
            self._guess_kind()
            self.run_benchmark()

    # -- one analogy -----------------------------------------------------------
    def solve(self) -> None:
        if self.vectors is None:
            return
        texts = [edit.text() for edit in self.word_edits]
        names = [self.completer.resolve(text) for text in texts]
        missing = [text.strip() or tr("(empty)") for text, name in zip(texts, names) if name is None]
        if missing:
            self.solve_status.setText(tr("Not in the vocabulary: ") + ", ".join(repr(m) for m in missing))
            self.answers.setRowCount(0)
            return
        a, b, c = names
        method = METHODS[self.method_combo.currentText()]
        restrict = 30_000 if self.restrict_check.isChecked() else None
        answers = analogy.analogy(self.vectors, a, b, c, k=self.k_spin.value(), method=method, restrict=restrict)
        self.answers.show_neighbours(answers, self.vectors, score_label=method)
        best = answers[0].name if answers else "?"
        self.solve_status.setText(" ".join(f"<b>{html.escape(word)}</b> {joint}" for word, joint in
                                           zip((a, b, c, best), ("is to", "as", "is to", ""))))

    # -- benchmark files ---------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Benchmark file"), os.path.dirname(self.path_edit.text()),
                                              tr("Benchmarks (*.txt *.tsv *.csv);;All files (*)"))
        if path:
            self.path_edit.setText(path)
            self._guess_kind()

    def _guess_kind(self) -> None:
        path = self.path_edit.text().strip()
        if os.path.isfile(path):
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(guess_benchmark_kind(path)))

    @property
    def job(self):
        return self.runner.job

    def run_benchmark(self) -> None:
        path = self.path_edit.text().strip()
        if self.vectors is None or self.runner.running:
            return
        if not os.path.isfile(path):
            self.summary.setText(tr("No such file: {path!r}").format(path=path) if path else tr("Choose a benchmark file first."))
            return
        vectors, kind = self.vectors, self.kind_combo.currentData()
        method = METHODS[self.method_combo.currentText()]
        restrict = self.bench_restrict.value()
        if kind == ANALOGIES:
            work = lambda cancel: evaluate.evaluate_analogies(  # noqa: E731
                vectors, path, restrict=restrict, method=method, cancel=cancel)
        else:
            work = lambda cancel: evaluate.evaluate_pairs(vectors, path, cancel=cancel)  # noqa: E731
        self.runner.start(work, lambda result: self._show_result(path, kind, method, result),
                          button=self.run_button, title=tr("Benchmark failed"), name="benchmark",
                          message=tr("Running {v0}…").format(v0=os.path.basename(path)))

    def _show_result(self, path: str, kind: str, method: str, result) -> None:
        name = os.path.basename(path)
        if kind == ANALOGIES:
            self._show_analogies(name, method, result)
        else:
            self._show_pairs(name, result)

    def _show_analogies(self, name: str, method: str, result) -> None:
        answered = result.total
        if not answered:
            self.summary.setText(tr("<b>{name}</b>: no question could be answered: every one has a word outside the "
                                    "{v1:,} most frequent names.").format(name=name, v1=self.bench_restrict.value()))
            self.chart.clear_bars()
            return
        self.summary.setText(
            tr("<b>{name}</b>: accuracy <b>{v1:.1f}%</b> ({correct:,} of {answered:,} questions "
               "answered correctly; {skipped:,} skipped because a word is not among the {v5:,} "
               "most frequent).").format(name=name, v1=100 * result.accuracy, correct=result.correct, answered=answered, skipped=result.skipped, v5=self.bench_restrict.value()))
        sections = [s for s in result.sections if s.total]
        labels = [f"{s.name} ({s.total:,})" for s in sections]
        values = [100.0 * s.correct / s.total for s in sections]
        self.chart.set_bars(labels, values, x_range=(0, 100), title=tr("Accuracy per section ({method})").format(method=method),
                            x_label=tr("accuracy (%)"))
        coverage = answered / max(answered + result.skipped, 1)
        self._add_history(name, tr("analogies"), method, tr("{v0:.1f}% correct").format(v0=100 * result.accuracy),
                          tr("{v0:.0f}% of questions").format(v0=100 * coverage))

    def _show_pairs(self, name: str, result) -> None:
        self.summary.setText(
            tr("<b>{name}</b>: Spearman ρ = <b>{spearman:.3f}</b>, Pearson r = "
               "<b>{pearson:.3f}</b> over {n_pairs:,} pairs ({oov:,} pairs skipped as out of "
               "vocabulary, {v5:.0f}%).").format(name=name, spearman=result.spearman, pearson=result.pearson, n_pairs=result.n_pairs, oov=result.oov, v5=100 * result.oov_ratio))
        self.chart.set_bars([tr("Spearman ρ"), tr("Pearson r")], [result.spearman, result.pearson],
                            x_range=(0, 1), title=tr("Correlation of cosine similarity with human scores"),
                            x_label=tr("correlation"), fmt="{:.3f}")
        self._add_history(name, tr("word pairs"), tr("cosine"),
                          f"\N{GREEK SMALL LETTER RHO} {result.spearman:.3f}, r {result.pearson:.3f}",
                          tr("{v0:.0f}% of pairs").format(v0=100 * (1 - result.oov_ratio)))

    def _add_history(self, *cells: str) -> None:
        row = self.history.rowCount()
        self.history.insertRow(row)
        for column, text in enumerate(cells):
            self.history.setItem(row, column, read_only_item(text))
        self.history.scrollToBottom()
