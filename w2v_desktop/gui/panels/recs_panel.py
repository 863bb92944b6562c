"""Recommendations from item vectors trained on rating data.

"User" tab: pick a user, see their history (with titles) and the unseen items
ranked two ways side by side (the last item's neighbours, or the user vector by
cosine or by dot product), with what sets the two lists apart (popularity,
vector length). Once an evaluation has run, the two lists default to the
rankings it found best; items with fewer training events than the minimum are
never recommended. "Evaluation" tab: a leave-last-out offline evaluation
(core.analysis.recs) that trains fresh models off the GUI thread.
"""
from __future__ import annotations

import datetime as dt
import html
import random

import numpy as np

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QProgressBar, QPushButton, QSpinBox, QSplitter, QTableWidget,
                               QTabWidget, QVBoxLayout, QWidget)

from w2v_desktop.core.analysis import recs as rec_eval

from w2v_desktop.core.items import recommend
from w2v_desktop.core.jobs import evaluate_ratings
from w2v_desktop.core.cancel import check_cancel
from w2v_desktop.core.items import sort_events
from w2v_desktop.gui.jobs import JobRunner
from w2v_desktop.gui.widgets.bar_chart import HorizontalBarChart
from w2v_desktop.gui.widgets.empty_state import EmptyStateStack
from w2v_desktop.gui.widgets.help_badge import with_help
from w2v_desktop.gui.widgets.name_completer import NameCompleter
from w2v_desktop.gui.widgets.neighbour_table import NeighbourTable, read_only_item
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr, tr_phrase, counted

NO_RATINGS = (QT_TR_NOOP("<b>No rating data loaded.</b><br><br>Open a ratings file (MovieLens u.data, "
                         "ratings.csv, any user,item[,rating,time] file), train item vectors on it, then "
                         "pick a user here."))
NO_VECTORS = (QT_TR_NOOP("<b>Rating data loaded, but no item vectors yet.</b><br><br>Train on the ratings "
                         "(Train tab) or open item vectors, then come back here."))
HISTORY_HEADERS = [QT_TR_NOOP("date"), QT_TR_NOOP("item id"), QT_TR_NOOP("rating"), QT_TR_NOOP("title"), QT_TR_NOOP("genres")]
RANKING_LABELS = {"next-item": QT_TR_NOOP("Last item's neighbours"), "user-cosine": QT_TR_NOOP("User vector, by cosine (direction only)"),
                  "user-dot": QT_TR_NOOP("User vector, by dot product (vector length counts)")}
DEFAULT_RANKINGS = ("user-cosine", "user-dot")  # before any evaluation
RANKINGS_SCORE = {"next-item": "cosine", "user-cosine": "cosine", "user-dot": "dot"}
EVAL_HEADERS = [QT_TR_NOOP("method"), QT_TR_NOOP("task"), QT_TR_NOOP("scoring"), QT_TR_NOOP("HitRate@k"), QT_TR_NOOP("NDCG@k"),
                "MRR", QT_TR_NOOP("coverage"), QT_TR_NOOP("users"), QT_TR_NOOP("missed")]


class _StepRelay(QObject):
    """Carries evaluation step messages from the worker thread to the GUI thread."""

    step = Signal(str)


class RecsPanel(QWidget):
    screenshot_data = "ratings"  # --screenshot shows this panel after training on the sample ratings

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.vectors = self.events = self.events_sorted = self.hist = self.user_matrix = None
        self.job = None   # building user vectors; the evaluation runs in self.eval_runner
        self.relay = _StepRelay(self)
        self._build_user_widgets()
        self._build_eval_widgets()
        tabs = QTabWidget()
        tabs.addTab(self._build_user_tab(), tr("User"))
        tabs.addTab(self._build_eval_tab(), tr("Evaluation"))
        self.stack = EmptyStateStack(tabs, NO_RATINGS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        state.vectors_changed.connect(lambda _v: self.refresh())
        state.interactions_changed.connect(lambda _i: self.refresh())
        self.refresh()

    # -- widgets ---------------------------------------------------------------------------
    def _build_user_widgets(self) -> None:
        self.user_completer = NameCompleter(self)
        self.user_edit = QLineEdit(placeholderText=tr("user id"))
        self.user_edit.setCompleter(self.user_completer)
        self.random_button = QPushButton(tr("Random user"))
        self.aggregation_combo = QComboBox()
        shown = {"mean": tr("mean", "user vector"), "sum": tr("sum", "user vector"),
                 "rating": tr("rating-weighted", "user vector"), "decay": tr("decay", "user vector")}
        for key in recommend.AGGREGATIONS:
            self.aggregation_combo.addItem(shown.get(key, key), key)
        self.aggregation_combo.setToolTip(tr("How a user vector is made from the vectors of the items they rated: mean, sum, "
                                             "rating-weighted, or recent items weighted more (decay)."))
        self.half_life_spin = QDoubleSpinBox(minimum=0.5, maximum=10_000, value=30, suffix=tr(" days half-life"))
        self.k_spin = QSpinBox(minimum=1, maximum=200, value=10, prefix="k = ")
        self.min_events_spin = QSpinBox(minimum=0, maximum=1_000_000, value=0, specialValueText=tr("any popularity"),
                                        prefix=tr("at least "), suffix=tr(" events"))
        self.min_events_spin.setToolTip(tr("Do not recommend items with fewer training events than this: a vector learnt "
                                           "from a handful of events is close to chance."))
        self.ranking_combos = [QComboBox(), QComboBox()]
        for combo, default in zip(self.ranking_combos, DEFAULT_RANKINGS):
            for key, label in RANKING_LABELS.items():
                combo.addItem(tr(label), key)
            combo.setCurrentIndex(combo.findData(default))
            combo.currentIndexChanged.connect(lambda _i: self.show_user())
        self.user_status = QLabel()
        self.user_status.setWordWrap(True)
        self.history_table = QTableWidget(0, len(HISTORY_HEADERS))
        self.history_table.setHorizontalHeaderLabels([tr(h) for h in HISTORY_HEADERS])
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.cosine_table, self.dot_table = NeighbourTable(), NeighbourTable()
        for table in (self.cosine_table, self.dot_table):
            table.context_requested.connect(self.state.request_context)
        self.comparison_label = QLabel()
        self.comparison_label.setWordWrap(True)
        self.user_edit.returnPressed.connect(self.show_user)
        self.user_completer.activated.connect(lambda _t: self.show_user())
        self.random_button.clicked.connect(self.random_user)
        self.aggregation_combo.currentIndexChanged.connect(lambda _i: self._prepare())
        self.half_life_spin.valueChanged.connect(lambda _v: self._is_decay() and self._prepare())
        self.k_spin.valueChanged.connect(lambda _v: self.show_user())
        self.min_events_spin.valueChanged.connect(lambda _v: self.show_user())

    def _build_user_tab(self) -> QWidget:
        controls = QHBoxLayout()
        controls.addWidget(QLabel(tr("User:")))
        for widget in (self.user_edit, self.random_button, QLabel(tr("user vector:")), self.aggregation_combo,
                       self.half_life_spin, self.k_spin, self.min_events_spin):
            controls.addWidget(widget)
        controls.addStretch(1)
        # History across the top, the two rankings side by side below: each table gets
        # the width its title and genres columns need.
        rankings = QSplitter()
        for combo, table in zip(self.ranking_combos, (self.cosine_table, self.dot_table)):
            rankings.addWidget(titled(combo, table))
        rows = QSplitter(Qt.Vertical)
        rows.addWidget(titled(tr("History (most recent first)"), self.history_table))
        rows.addWidget(rankings)
        rows.setSizes([260, 400])
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(controls)
        layout.addWidget(self.user_status)
        layout.addWidget(rows, 1)
        layout.addWidget(self.comparison_label)
        return tab

    def _build_eval_widgets(self) -> None:
        self.eval_k = QSpinBox(minimum=1, maximum=200, value=10, prefix="k = ")
        self.method_checks = {m: QCheckBox(m) for m in rec_eval.METHODS}
        for method in rec_eval.EvalOptions().methods:
            self.method_checks[method].setChecked(True)
        self.max_users = QSpinBox(minimum=0, maximum=10_000_000, value=0, singleStep=1000,
                                  specialValueText=tr("all users"), prefix=tr("at most "), suffix=tr(" users"))
        self.eval_button = QPushButton(tr("Evaluate"))
        self.eval_progress = QProgressBar()
        self.eval_progress.setRange(0, 0)
        self.eval_status = QLabel(tr("Holds out each user's last event, trains fresh models on the rest (with the "
                                     "item defaults), and ranks the held-out item."))
        self.eval_status.setWordWrap(True)
        self.eval_table = QTableWidget(0, len(EVAL_HEADERS))
        self.eval_table.setHorizontalHeaderLabels([tr(h) for h in EVAL_HEADERS])
        self.eval_table.verticalHeader().setVisible(False)
        self.eval_table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.eval_chart = HorizontalBarChart(tr("HitRate of each method will be drawn here."))
        self.eval_runner = JobRunner(self.state, status=self.eval_status.setText, progress=self.eval_progress,
                                     parent=self)
        self.eval_runner.add_button(self.eval_button, self.run_evaluation)
        self.relay.step.connect(lambda message: self.eval_status.setText(f"{message}\N{HORIZONTAL ELLIPSIS}"))

    def _build_eval_tab(self) -> QWidget:
        controls = QHBoxLayout()
        controls.addWidget(self.eval_k)
        for check in self.method_checks.values():
            controls.addWidget(check)
        for widget in (self.max_users, self.eval_button):
            controls.addWidget(widget)
        controls.addWidget(self.eval_progress, 1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(controls)
        layout.addWidget(with_help(self.eval_status, "in·out"))  # the "scoring" column's in.out
        layout.addWidget(self.eval_table, 1)
        layout.addWidget(self.eval_chart, 1)
        return tab

    # -- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """New vectors or new ratings: rebuild histories and user vectors off the GUI thread."""
        self.vectors, self.events = self.state.vectors, self.state.interactions
        self.hist = self.user_matrix = self.events_sorted = None
        for table in (self.history_table, self.cosine_table, self.dot_table):
            table.setRowCount(0)
        if self.events is None:
            self.stack.show_empty(NO_RATINGS)
            return
        if self.vectors is None:
            self.stack.show_empty(NO_VECTORS)
            return
        self.stack.show_content()
        self._prepare()

    def _is_decay(self) -> bool:
        return self.aggregation_combo.currentData() == "decay"

    def _prepare(self) -> None:
        if self.vectors is None or self.events is None:
            return
        if self.job is not None:
            self.job.cancel()
        vectors, events, hist = self.vectors, self.events, self.hist
        method = self.aggregation_combo.currentData()
        half_life = self.half_life_spin.value() * 86_400 if method == "decay" else None
        self.half_life_spin.setEnabled(method == "decay")

        def work():
            ordered = sort_events(events) if hist is None else None
            histories = hist or recommend.histories(vectors, ordered)
            return ordered, histories, recommend.user_vectors(vectors, histories, method, half_life)

        self.user_status.setText(tr("Building user vectors…"))
        job = self.state.run_in_worker(work, on_done=self._prepared, title=tr("Could not build user vectors"),
                                       name="user-vectors",
                                       on_error=lambda message, _d: self.user_status.setText(tr("Failed: {message}").format(message=message)))
        self.job = job
        job.done.connect(lambda: setattr(self, "job", None) if self.job is job else None)

    def _prepared(self, result) -> None:
        ordered, hist, matrix = result
        if ordered is not None:
            self.events_sorted = ordered
        self.hist, self.user_matrix = hist, matrix
        self.user_completer.set_names(hist.user_ids)
        with_vectors = sum(1 for i in range(len(hist)) if len(hist.seen_rows(i)))
        self.user_status.setText(tr("{n_hist:,} users ({with_vectors:,} with at least one item that has a vector).").format(n_hist=len(hist), with_vectors=with_vectors))
        if self.user_edit.text().strip():
            self.show_user()

    def screenshot_demo(self) -> None:
        """The first user of the file, with history and both scorings (``--screenshot``)."""
        if self.events is not None and self.events.n_events:
            self.user_edit.setText(self.events.user_ids[int(self.events.users[0])])
            self.show_user()  # or, while user vectors are still being built, once they are ready

    # -- one user ------------------------------------------------------------------------------
    def random_user(self) -> None:
        if self.hist is not None and len(self.hist):
            self.user_edit.setText(random.choice(self.hist.user_ids))
            self.show_user()

    def show_user(self) -> None:
        if self.hist is None:
            return
        user = self.user_edit.text().strip()
        try:
            i = self.hist.index(user)
        except KeyError:
            self.user_status.setText(tr("User {user!r} has no history in this data.").format(user=user) if user else tr("Pick a user."))
            return
        self._fill_history(i)
        seen = self.hist.seen_rows(i)
        if not len(seen):
            self.comparison_label.setText(tr("None of this user's items has a vector (all too rare?)."))
            self.cosine_table.setRowCount(0)
            self.dot_table.setRowCount(0)
            return
        k, vectors = self.k_spin.value(), self.vectors
        rare = recommend.rare_rows(vectors, self.min_events_spin.value(), self.events)
        lists = []
        for combo, table in zip(self.ranking_combos, (self.cosine_table, self.dot_table)):
            ranking = combo.currentData()
            found = recommend.rank_for_user(vectors, ranking, self.hist, i, self.user_matrix[i], k,
                                            self.state.items, exclude=rare)
            table.show_neighbours(found, vectors, RANKINGS_SCORE[ranking], show_counts=True, name_header=tr("item id"),
                                  hide_empty=True)
            lists.append(found)
        self.comparison_label.setText(self._comparison(lists, rare))

    def _comparison(self, lists, rare) -> str:
        """What sets the two lists apart: overlap, popularity and vector length."""
        counts = recommend.event_counts(self.vectors, self.events)
        norms = self.vectors.norms
        names = [tr(RANKING_LABELS[c.currentData()]).split(" (")[0].lower() for c in self.ranking_combos]
        overlap = len({r.name for r in lists[0]} & {r.name for r in lists[1]})
        mean = (lambda values, recs: float(np.mean([values[r.row] for r in recs])) if recs else 0.0)
        text = tr("{overlap} of {v1} items in both lists.").format(overlap=overlap, v1=self.k_spin.value())
        if counts is not None:
            text += (tr(" Mean training events of the recommended items: {v0} {v1:,.0f}, {v2} {v3:,.0f} "
                        "(catalogue {v4:,.0f}).").format(v0=names[0], v1=mean(counts, lists[0]), v2=names[1], v3=mean(counts, lists[1]), v4=float(np.mean(counts))))
        text += (tr(" Mean vector length: {v0} {v1:.2f}, {v2} {v3:.2f} (catalogue {v4:.2f}). Dot "
                    "product favours long, often frequent, item vectors, as matrix factorisation "
                    "does.").format(v0=names[0], v1=mean(norms, lists[0]), v2=names[1], v3=mean(norms, lists[1]), v4=float(norms.mean())))
        if len(rare):
            text += tr(" {items} with fewer than {events} are left out.").format(
                items=counted(len(rare), tr("item"), tr("items")),
                events=counted(self.min_events_spin.value(), tr("event"), tr("events")))
        return text

    def _fill_history(self, i: int) -> None:
        events, hist, items = self.events_sorted, self.hist, self.state.items
        start, stop = int(hist.offsets[i]), int(hist.offsets[i + 1])
        self.history_table.setRowCount(stop - start)
        for row, event in enumerate(range(stop - 1, start - 1, -1)):   # most recent first
            item = events.item_ids[events.items[event]]
            when = dt.datetime.fromtimestamp(float(events.times[event]), dt.timezone.utc).strftime("%Y-%m-%d") \
                if events.times is not None else f"#{event - start + 1}"
            rating = f"{events.ratings[event]:g}" if events.ratings is not None else ""
            title = items.title(item) if items is not None else ""
            genres = items.get(item, "genres") if items is not None else ""
            if hist.rows[event] < 0:
                title = tr("{title} (no vector)").format(title=title).strip()
            for column, text in enumerate((when, item, rating, title, genres)):
                self.history_table.setItem(row, column, read_only_item(text))
        self.history_table.resizeColumnsToContents()
        self.user_status.setText(tr("User <b>{v0}</b>: {events}, {items} with vectors.").format(
            v0=html.escape(self.hist.user_ids[i]), events=counted(stop - start, tr("event"), tr("events")),
            items=counted(len(hist.seen_rows(i)), tr("distinct item"), tr("distinct items"))))

    # -- evaluation (worker) ---------------------------------------------------------------------
    def evaluation_options(self) -> rec_eval.EvalOptions:
        methods = tuple(m for m, check in self.method_checks.items() if check.isChecked())
        return rec_eval.EvalOptions(k=self.eval_k.value(), methods=methods, max_users=self.max_users.value() or None)

    def run_evaluation(self, fit=rec_eval.fit_model) -> None:
        """``fit`` trains one model; tests pass a quicker one."""
        if self.events is None or self.eval_runner.running:
            return
        events, options, relay = self.events, self.evaluation_options(), self.relay

        def work(cancel):
            def on_step(message: str) -> None:   # between steps: the cancel point
                check_cancel(cancel)
                relay.step.emit(tr_phrase(message))

            return evaluate_ratings(events, options, fit=fit, on_step=on_step, cancel=cancel)

        self.eval_runner.start(work, self.show_evaluation, button=self.eval_button, title=tr("Evaluation failed"),
                               name="evaluate-recs")

    def show_evaluation(self, result) -> None:
        self.eval_table.setRowCount(len(result.rows))
        for row, r in enumerate(result.rows):
            cells = (tr(r.method), tr(r.task), tr(r.scoring), f"{r.hit_rate:.4f}", f"{r.ndcg:.4f}", f"{r.mrr:.4f}",
                     f"{r.coverage:.3f}", f"{r.users:,}", f"{r.no_vector:,}")
            for column, text in enumerate(cells):
                self.eval_table.setItem(row, column, read_only_item(text))
        self.eval_table.setHorizontalHeaderLabels([tr(h).replace("@k", f"@{result.k}") for h in EVAL_HEADERS])
        rows_height = sum(self.eval_table.rowHeight(r) for r in range(len(result.rows)))
        self.eval_table.setMaximumHeight(self.eval_table.horizontalHeader().height() + rows_height + 6)
        labels = [" \N{MIDDLE DOT} ".join(tr(word) for word in (r.method, r.task, r.scoring)) for r in result.rows]
        values = [r.hit_rate for r in result.rows]
        self.eval_chart.set_bars(labels, values, x_range=(0, max(values + [0.01])),
                                 title=tr("HitRate@{k} (held-out last item in the top {k})").format(k=result.k),
                                 x_label=tr("HitRate@{k}").format(k=result.k), fmt="{:.3f}")
        self.eval_status.setText(tr("{n_users:,} users, {n_train_events:,} training events over {catalogue:,} items. ").format(n_users=result.n_users, n_train_events=result.n_train_events, catalogue=result.catalogue) + " ".join(tr_phrase(note) for note in result.notes))
        self.use_best_rankings(result)

    def use_best_rankings(self, result) -> None:
        """The User tab's two lists become the two rankings this evaluation found best."""
        best = result.ranking_order(recommend.RANKINGS)
        for combo, ranking in zip(self.ranking_combos, best):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(ranking))
            combo.blockSignals(False)
        self.eval_status.setText(tr("{v0} The User tab now shows the best-evaluated ranking first: {v1}.").format(v0=self.eval_status.text(), v1=tr(RANKING_LABELS[best[0]]).lower()))
        self.show_user()


def titled(title: str | QWidget, widget: QWidget) -> QWidget:
    """``widget`` under a bold title (or under a widget that titles it, e.g. a choice)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title if isinstance(title, QWidget) else QLabel(f"<b>{title}</b>"))
    layout.addWidget(widget)
    return box
