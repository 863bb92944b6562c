"""Nearest neighbours of a name under a chosen metric, with similarity bars.

Type a name (completion is case-insensitive and matches titles too), choose k,
the metric and optionally "only the N most frequent"; double-click a result
to look up its own neighbours.

For large vocabularies an approximate index (PyNNDescent) can be built in the
background; the panel then reports its recall@10 against exact search on a
sample of queries and answers from it while "approximate" is ticked (for the
metric it was built for, without a restriction).
"""
from __future__ import annotations

import html

from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from w2v_desktop.core.vectors import similarity
from w2v_desktop.gui.jobs import JobRunner
from w2v_desktop.gui.widgets.empty_state import EmptyStateStack, TableHint
from w2v_desktop.gui.widgets.help_badge import with_help
from w2v_desktop.gui.widgets.name_completer import NameCompleter, SuggestionLinks, example_name, titles_of
from w2v_desktop.gui.widgets.neighbour_table import NeighbourTable, score_header
from w2v_desktop.gui.i18n import counted, tr

DEFAULT_RESTRICT = 30_000
RECALL_QUERIES = 200  # sampled queries for the index's recall@10 against exact search


class NeighboursPanel(QWidget):
    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.vectors = None
        self.example = ""
        self.query_edit = QLineEdit(placeholderText=tr("a word or item, e.g. computer"))
        self.completer = NameCompleter(self)
        self.query_edit.setCompleter(self.completer)
        self.suggestions = SuggestionLinks(self.query_edit, self.completer)
        self.search_button = QPushButton(tr("Find neighbours"))
        self.k_spin = QSpinBox(minimum=1, maximum=1000, value=10, prefix="k = ")
        self.metric_combo = QComboBox()
        self.metric_combo.addItems(similarity.METRICS)
        self.restrict_check = QCheckBox(tr("only the"))
        self.restrict_spin = QSpinBox(minimum=1, maximum=10_000_000, value=DEFAULT_RESTRICT, singleStep=1000)
        self.restrict_suffix = QLabel(tr("most frequent"))
        self.restrict_spin.setGroupSeparatorShown(True)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = NeighbourTable()
        self.table_hint = TableHint(self.table, tr("Type a name above and press Enter to see its nearest names."))
        self.index = None  # a built core.ann.AnnIndex for the current vectors
        self._index_summary = ""
        self.index_button = QPushButton(tr("Build approximate index"))
        self.index_button.setToolTip(tr("PyNNDescent: seconds to minutes for large vocabularies; runs in the background"))
        self.approximate_check = QCheckBox(tr("approximate"))
        self.approximate_check.setEnabled(False)
        self.index_label = QLabel(tr("Exact search."))
        self.index_label.setWordWrap(True)
        self.index_runner = JobRunner(state, status=self.index_label.setText, parent=self)
        self.index_runner.add_button(self.index_button, self.build_index)
        self.index_runner.ended.connect(self._enable_index_button)
        self.stack = EmptyStateStack(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._connect()
        state.vectors_changed.connect(self.set_vectors)
        state.vectors_ready.connect(self._first_query)
        state.names_sent.connect(lambda target, names: target == "Neighbours" and names and self.query(names[0]))
        self.table.context_requested.connect(state.request_context)
        self.set_vectors(state.vectors)
        if state.ready_vectors is not None:
            self._first_query(state.ready_vectors)

    def _build_content(self) -> QWidget:
        controls = QHBoxLayout()
        controls.addWidget(QLabel(tr("Query:")))
        controls.addWidget(self.query_edit, 3)
        controls.addWidget(self.search_button)
        controls.addSpacing(12)
        controls.addWidget(self.k_spin)
        controls.addWidget(QLabel(tr("metric:")))
        controls.addWidget(with_help(self.metric_combo, "metric"))
        controls.addSpacing(12)
        controls.addWidget(self.restrict_check)
        controls.addWidget(self.restrict_spin)
        controls.addWidget(self.restrict_suffix)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(controls)
        layout.addWidget(self.suggestions)  # right under the query box
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        index_row = QHBoxLayout()
        index_row.addWidget(self.index_button)
        index_row.addWidget(self.approximate_check)
        index_row.addWidget(self.index_label, 1)
        layout.addLayout(index_row)
        return content

    def _connect(self) -> None:
        self.query_edit.returnPressed.connect(self.run_query)
        self.search_button.clicked.connect(self.run_query)
        self.completer.activated.connect(lambda _text: self.run_query())
        self.suggestions.chosen.connect(lambda _name: self.run_query())
        self.table.name_activated.connect(self.query)
        for spin in (self.k_spin, self.restrict_spin):
            spin.valueChanged.connect(self._rerun)
        self.metric_combo.currentIndexChanged.connect(self._rerun)
        self.restrict_check.toggled.connect(self._rerun)
        self.approximate_check.toggled.connect(self._rerun)
        self.restrict_check.toggled.connect(self.restrict_spin.setEnabled)
        self.restrict_spin.setEnabled(False)

    def set_vectors(self, vectors) -> None:
        self.vectors = vectors
        self.example = ""  # the name of the example shown while the box is empty
        self.table.setRowCount(0)  # first: the controls reset below rerun a shown query
        self.index_runner.cancel(quiet=True)
        self.index = None
        self.approximate_check.setChecked(False)
        self.approximate_check.setEnabled(False)
        self.index_label.setText(tr("Exact search."))
        self._enable_index_button()
        self.heading.clear()
        self.status.clear()
        if vectors is None or len(vectors) == 0:
            self.completer.set_vectors(None)
            self.stack.show_empty()
            return
        self.completer.set_vectors(vectors)
        self.restrict_spin.setMaximum(len(vectors))
        self.restrict_spin.setValue(min(DEFAULT_RESTRICT, len(vectors)))
        self.restrict_suffix.setText(tr("most frequent") if vectors.counts is not None else tr("first rows"))
        self.query_edit.setPlaceholderText(tr("a name, e.g. {v0}").format(v0=vectors.names[min(len(vectors) - 1, 50)]))
        self.stack.show_content()
        if self.query_edit.text().strip():
            self.run_query()

    def _first_query(self, vectors) -> None:
        """New vectors, ready to search: show an example instead of an empty table (unless
        the user has typed a query meanwhile, which set_vectors runs again)."""
        if vectors is self.vectors and vectors is not None and not self.query_edit.text().strip():
            self.example = example_name(vectors) or ""
            if self.example:
                self.run_query()  # the box stays empty: typing starts a new query
                self.status.setText(tr("An example to start with: type any name above, or double-click a row to see its "
                                       "neighbours."))

    def _enable_index_button(self) -> None:
        if not self.index_runner.running:
            self.index_button.setEnabled(self.vectors is not None and len(self.vectors) >= 3)

    def query(self, name: str) -> None:
        """Show the neighbours of ``name`` (also puts it in the search box)."""
        self.query_edit.setText(name)
        self.run_query()

    def screenshot_demo(self) -> None:
        """Fill in an example query (``--screenshot``)."""
        name = example_name(self.vectors)
        if name is not None:
            self.query(name)

    def _rerun(self, *_args) -> None:
        if self.table.rowCount():
            self.run_query()

    def run_query(self) -> None:
        if self.vectors is None:
            return
        text = self.query_edit.text()
        if not text.strip() and self.example:
            text = self.example
        name = self.completer.resolve(text)
        if name is None:  # no stale results under the message
            self.table.setRowCount(0)
            self.heading.clear()
            self.status.setText(not_found_message(text, len(self.vectors)))
            self.suggestions.offer(text)
            return
        self.suggestions.clear_links()
        if name != text and text != self.example:
            self.query_edit.setText(name)
        metric = self.metric_combo.currentText()
        restrict = self.restrict_spin.value() if self.restrict_check.isChecked() else None
        index = self._usable_index(metric, restrict)
        neighbours = similarity.nearest(self.vectors, name, k=self.k_spin.value(), metric=metric, restrict=restrict,
                                        index=index, exact=index is None)
        is_distance = similarity.IS_DISTANCE[metric]
        self.table.show_neighbours(neighbours, self.vectors, score_label=score_header(metric, is_distance),
                                   is_distance=is_distance)
        self.heading.setText(self._describe(name, restrict) + (tr(" (approximate)") if index is not None else ""))
        self.status.setText(tr("Double-click a row to see its neighbours."))

    def _usable_index(self, metric: str, restrict: int | None):
        """The built index when ticked and it fits the request; else None (exact search)."""
        if self.index is None or not self.approximate_check.isChecked():
            return None
        if self.index_runner.running:  # a new index is being built: keep saying so
            return None
        if self.index.metric != metric:
            self.index_label.setText(tr("Exact search: the index was built for {metric} (build it again for {v1}).").format(metric=self.index.metric, v1=metric))
            return None
        if restrict is not None:
            self.index_label.setText(tr("Exact search: the index covers all names, not only the most frequent."))
            return None
        self.index_label.setText(self._index_summary)
        return self.index

    def build_index(self) -> None:
        """Build a PyNNDescent index for the current metric (cosine if it has none) in
        the background, then measure its recall@10 against exact search."""
        from w2v_desktop.core.vectors import ann  # PyNNDescent: imported on first use

        if self.vectors is None or self.index_runner.running:
            return
        vectors = self.vectors
        metric = self.metric_combo.currentText()
        metric = metric if metric in ann.ANN_METRICS else "cosine"
        queries = min(RECALL_QUERIES, len(vectors))

        def work(token):
            index = ann.AnnIndex.build(vectors, metric=metric)
            # the build cannot be interrupted; a cancel stops the recall check and drops the index
            recall = ann.recall_at_k(vectors, index, k=10, n_queries=queries, cancel=token)
            return index, recall

        self.index_runner.start(work, lambda result: self._index_built(vectors, queries, *result),
                                button=self.index_button, name="approximate index",
                                message=tr("Building a PyNNDescent index ({metric}) over {n_vectors:,} names… exact search "
                                           "meanwhile.").format(metric=metric, n_vectors=len(vectors)),
                                title=tr("Building the approximate index failed"))

    def _index_built(self, vectors, queries: int, index, recall: float) -> None:
        if vectors is not self.vectors:
            return
        self.index = index
        self._index_summary = (tr("PyNNDescent index ({metric}), built in {build_seconds:.1f} s: recall@10 "
                                  "{recall:.3f} against exact search on {queries:,} sampled queries.").format(metric=index.metric, build_seconds=index.build_seconds, recall=recall, queries=queries))
        self.index_label.setText(self._index_summary)
        self.approximate_check.setEnabled(True)
        self.approximate_check.setChecked(True)

    def _describe(self, name: str, restrict: int | None) -> str:
        row = self.vectors.row(name)
        parts = [f"<b>{html.escape(name)}</b>"]
        titles = titles_of(self.vectors)
        if titles is not None and titles[row]:
            parts.append(html.escape(str(titles[row])))
        if self.vectors.counts is not None:
            parts.append(tr("seen ") + counted(int(self.vectors.counts[row]), tr("time"), tr("times")))
        scope = tr("among the {restrict:,} most frequent").format(restrict=restrict) if restrict else tr("among all {n_vectors:,} names").format(n_vectors=len(self.vectors))
        return " \N{MIDDLE DOT} ".join(parts) + tr(" — neighbours {scope}").format(scope=scope)


def not_found_message(text: str, vocabulary_size: int) -> str:
    """Why nothing was searched (close matches are offered as links under the query box)."""
    text = text.strip()
    if not text:
        return tr("Type a name to search for.")
    return tr("{text!r} is not in the vocabulary ({vocabulary_size:,} names).").format(text=text, vocabulary_size=vocabulary_size)
