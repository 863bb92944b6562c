"""2-D maps (PCA, t-SNE, UMAP) of a chosen subset of the vectors.

Choose the points (the N most frequent, a name and its neighbourhood, or a
pasted list), project off the GUI thread, then hover for names, search to
highlight, colour by metadata or by trust (how well each point's neighbours
survived the projection). Labels are placed without overlaps, more as you zoom
in; large maps draw as density until few points are in view (the whole
vocabulary can be mapped). Click, box or lasso points: the selection panel
beside the map lists the focus point's neighbours in the full space and on the
map (linked and labelled) and sends the selection to Neighbours, Analogy or a
CSV file. Colour by a column (multi-label cells: highlight one value), trust or count;
click a legend entry to isolate it. Export the picture (PNG/SVG) or the map's data (CSV,
Projector TSV pair, Atlas parquet); bookmark a view into the project and restore it. The table
under the map (``MapTable``) lists the points, sorts, and filters: its matches are selected on the map.
"""
from __future__ import annotations

import re
import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton, QSpinBox,
                               QSplitter, QVBoxLayout, QWidget)

from w2v_desktop.core.analysis import MapText, export_map, projection
from w2v_desktop.core.wording import plural

from w2v_desktop.gui.jobs import JobRunner
from w2v_desktop.gui.widgets.empty_state import EmptyStateStack
from w2v_desktop.gui.widgets.map_file_export import ask_map_path
from w2v_desktop.gui.widgets.map_bookmarks import MapBookmarks
from w2v_desktop.gui.widgets.help_badge import with_help
from w2v_desktop.gui.widgets.map_colour import TRUST, MapColour
from w2v_desktop.gui.widgets.map_compare_layer import TWO_RUNS_TIP, MapCompareLayer
from w2v_desktop.gui.widgets.map_selection import MapSelection
from w2v_desktop.gui.widgets.map_table import MapTable
from w2v_desktop.gui.widgets.name_completer import NameCompleter, example_name
from w2v_desktop.gui.widgets.neighbour_table import meta_columns
from w2v_desktop.gui.widgets.plot_export import export_plot
from w2v_desktop.gui.widgets.projection_controls import ProjectionControls
from w2v_desktop.gui.widgets.scatter_map import ScatterMap
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr, tr_phrase, counted

AXIS_NAMES = {"pca": QT_TR_NOOP("principal component"), "tsne": QT_TR_NOOP("t-SNE"), "umap": "UMAP", "axes": ""}
TOP_N, AROUND, PASTED = 0, 1, 2
BY_FREQUENCY = QT_TR_NOOP("name, most frequent first")
DIMMED = 0.3   # opacity of the previous map while a new one is computed
LIVE_POINTS_PER_S = 100_000   # t-SNE's live layout: redraw at most this many points a second (GUI time)


class ProjectionPanel(QWidget):
    _reported = Signal(object)   # ("rows", rows) or ("progress", stage, fraction, eta, partial), from the worker

    def __init__(self, state, parent=None):
        super().__init__(parent)
        self.state = state
        self.vectors = None
        self.result = None   # the Projection on screen
        self.subset_note = ""  # e.g. pasted names that were skipped
        self.map_text: MapText | None = None  # hover texts and search of the map on screen (built on the worker)
        self.map = ScatterMap()
        self.selection = MapSelection(state, self.map)
        self.table = MapTable(self.map)   # under the map: rows, sort, filter (selects on the map)
        self.comparison = MapCompareLayer(self.map, self.selection, self)   # two runs, from the Compare tab
        self.result_subset = None    # how the points on the map were chosen (for bookmarks)
        self._running_subset = None
        self.completer = NameCompleter(self)
        self._build_subset_widgets()
        self.comparison.cleared.connect(lambda: self.controls.three_d_check.hold(None))
        self._build_view_widgets()
        self.bookmarks = MapBookmarks(self, state)
        self.stack = EmptyStateStack(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._reported.connect(self._on_report)
        self.runner.ended.connect(self._run_ended)
        self._running_rows = None   # rows of the map being computed (for its partial layouts)
        self._live = False          # a partial layout is on screen in place of the old map
        self._last_partial = 0.0
        state.vectors_changed.connect(self.set_vectors)
        self.set_vectors(state.vectors)

    def _build_subset_widgets(self) -> None:
        self.subset_group = QButtonGroup(self)
        self.top_radio = QRadioButton(tr("The most frequent"))
        self.around_radio = QRadioButton(tr("Neighbourhood of"))
        self.pasted_radio = QRadioButton(tr("These names:"))
        for i, radio in enumerate((self.top_radio, self.around_radio, self.pasted_radio)):
            self.subset_group.addButton(radio, i)
        self.top_radio.setChecked(True)
        self.top_spin = QSpinBox(minimum=3, maximum=1000, value=1000, singleStep=500, suffix=tr(" names"))
        self.top_spin.setGroupSeparatorShown(True)
        self.around_edit = QLineEdit(placeholderText=tr("a name"))
        self.around_edit.setCompleter(self.completer)
        self.around_k = QSpinBox(minimum=5, maximum=5000, value=200, prefix=tr("with "), suffix=tr(" nearest"))
        self.pasted_edit = QPlainTextEdit(placeholderText=tr("one name per line, or separated by commas/spaces"))
        self.pasted_edit.setMaximumHeight(90)
        self.controls = ProjectionControls()
        self.method_combo, self.seed_spin = self.controls.method_combo, self.controls.seed_spin
        self.project_button = QPushButton(tr("Project"))
        self.status = QLabel(tr("Choose points and a method, then Project."))
        self.status.setWordWrap(True)
        self.runner = JobRunner(self.state, status=self.status.setText, parent=self)
        self.export_runner = JobRunner(self.state, status=self.status.setText, parent=self)
        self.runner.add_button(self.project_button, self.run_projection)
        self.around_edit.textEdited.connect(lambda _t: self.around_radio.setChecked(True))
        self.top_spin.valueChanged.connect(self._update_size)
        self.around_k.valueChanged.connect(self._update_size)
        self.subset_group.idClicked.connect(self._update_size)
        self.pasted_edit.textChanged.connect(lambda: self.pasted_edit.hasFocus() and self.pasted_radio.setChecked(True))

    def _build_view_widgets(self) -> None:
        self.colouring = MapColour(self, self.state.run_in_worker)
        self.colour_combo, self.colour_value_combo = self.colouring.combo, self.colouring.value_combo
        self.search_edit = QLineEdit(placeholderText=tr("highlight names containing…"))
        self.search_edit.setClearButtonEnabled(True)
        self.label_combo = QComboBox()
        self.label_combo.setToolTip(tr("What labels say, and which points get one first when not all fit"))
        self.selection_label = QLabel(tr("Search highlights and labels names containing the text."))
        self.selection_label.setWordWrap(True)
        self.export_plot_button = QPushButton(tr("Picture (PNG/SVG)…"))
        self.export_csv_button = QPushButton(tr("Map data…"))
        self.export_csv_button.setToolTip(tr("Coordinates and metadata as CSV, the Embedding Projector's TSV pair, "
                                             "or a parquet table with neighbours for Embedding Atlas"))
        self.colouring.changed.connect(self.apply_colour)
        self.colouring.columns_ready.connect(self.apply_labels)   # "Label by" a column reads them
        self.search_edit.textChanged.connect(self.highlight)
        self.label_combo.currentIndexChanged.connect(lambda _i: self.apply_labels())
        self.export_plot_button.clicked.connect(lambda: export_plot(self, self.map.plot, "projection"))
        self.export_csv_button.clicked.connect(self._ask_export_coordinates)

    def _build_content(self) -> QWidget:
        points = QGroupBox(tr("Points"))
        form = QVBoxLayout(points)
        form.addWidget(self.top_radio)
        form.addWidget(self.top_spin)
        form.addWidget(self.around_radio)
        form.addWidget(self.around_edit)
        form.addWidget(self.around_k)
        form.addWidget(self.pasted_radio)
        form.addWidget(self.pasted_edit)
        form.addWidget(self.controls)
        form.addWidget(self.project_button)
        form.addWidget(self.status)
        view = QGroupBox(tr("View"))
        view_form = QFormLayout(view)
        view_form.addRow(tr("Colour:"), with_help(self.colour_combo, "trust"))
        view_form.addRow(tr("Value:"), self.colour_value_combo)
        view_form.addRow(tr("Search:"), self.search_edit)
        view_form.addRow(tr("Label by:"), self.label_combo)
        view_form.addRow(self.selection_label)
        view_form.addRow(self.table.toggle)
        view_form.addRow(self.comparison.bar)
        export = QHBoxLayout()
        export.addWidget(self.export_plot_button)
        export.addWidget(self.export_csv_button)
        view_form.addRow(export)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(points)
        side_layout.addWidget(view)
        side_layout.addWidget(self.bookmarks)
        side_layout.addStretch(1)
        side.setMaximumWidth(330)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(self.table.beside(self.map))
        splitter.addWidget(self.selection)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 700, 300])
        return splitter

    # -- vectors ----------------------------------------------------------------------
    def set_vectors(self, vectors) -> None:
        self.runner.cancel(quiet=True)
        self.vectors = vectors
        self.result, self.map_text = None, None
        self.comparison.clear()
        self.map.clear()
        self.selection.set_data(vectors, None)
        self.table.set_data(vectors, None)
        self._set_exportable(False)
        if vectors is None or len(vectors) < 3:
            self.completer.set_vectors(None)
            self.stack.show_empty()
            return
        self.completer.set_vectors(vectors)
        self.top_spin.setMaximum(len(vectors))   # all rows: large maps draw as density
        self.top_spin.setValue(min(1000, len(vectors)))
        self.colouring.set_vectors(vectors)
        self.label_combo.blockSignals(True)
        self.label_combo.clear()
        self.label_combo.addItems(label_choices(vectors))
        if "title" in meta_columns(vectors):  # items: their titles say more than their ids
            self.label_combo.setCurrentText("title")
        self.label_combo.blockSignals(False)
        self.status.setText(tr("Choose points and a method, then Project."))
        self._update_size()
        self.stack.show_content()

    def screenshot_demo(self) -> None:
        """t-SNE of the 300 most frequent names, coloured, one point clicked (``--screenshot``)."""
        if self.vectors is None or len(self.vectors) < 3:
            return
        self.top_radio.setChecked(True)
        self.top_spin.setValue(min(300, len(self.vectors)))
        self.method_combo.setCurrentText(tr("t-SNE"))
        self.colouring.set_choice("genres" if "genres" in self.colouring.columns else TRUST)
        self.run_projection()
        if self.job is not None:
            self.job.finished.connect(lambda _result: self._click_example())

    def _click_example(self) -> None:
        names = list(self.result.names)
        name = example_name(self.vectors)
        self.show_neighbours_of(names.index(name) if name in names else 0)

    # -- projecting (worker) ---------------------------------------------------------------
    def chosen_subset(self) -> dict | None:
        """Keyword arguments for ``projection.select_rows``, or None (status explains)."""
        choice = self.subset_group.checkedId()
        self.subset_note = ""
        if choice == TOP_N:
            return {"top_n": self.top_spin.value()}
        if choice == AROUND:
            name = self.completer.resolve(self.around_edit.text())
            if name is None:
                self.status.setText(tr("{v0!r} is not in the vocabulary.").format(v0=self.around_edit.text().strip()))
                return None
            return {"around": name, "k": self.around_k.value()}
        names, unknown = self._pasted_names()
        if unknown:
            self.subset_note = (tr(" Not in the vocabulary ({n_unknown}): {v1}").format(n_unknown=len(unknown), v1=', '.join(unknown[:10]))
                                + (" \N{HORIZONTAL ELLIPSIS}" if len(unknown) > 10 else ""))
            if len(names) < 3:
                self.status.setText(tr("Fewer than 3 known names.") + self.subset_note)
                return None
        elif len(names) < 3:
            self.status.setText(tr("Paste at least 3 names."))
            return None
        return {"names": names}

    def _pasted_names(self) -> tuple[list[str], list[str]]:
        names, unknown = [], []
        for line in self.pasted_edit.toPlainText().splitlines():
            whole = self.completer.resolve(line)
            tokens = [line] if whole is not None else [t for t in re.split(r"[,;\t ]+", line) if t]
            for token in tokens:
                name = self.completer.resolve(token)
                (names if name is not None else unknown).append(name if name is not None else token)
        return list(dict.fromkeys(names)), unknown

    @property
    def job(self):
        return self.runner.job

    def _update_size(self, *_args) -> None:
        """The estimate follows the number of points chosen (a pasted list counts when run)."""
        if self.vectors is None:
            return
        choice = self.subset_group.checkedId()
        n = self.top_spin.value() if choice == TOP_N else self.around_k.value() + 1 if choice == AROUND else 0
        self.controls.set_size(n, self.vectors.dim)

    def run_projection(self) -> None:
        if self.vectors is None or self.runner.running:
            return
        subset = self.chosen_subset()
        if subset is None:
            return
        try:
            params = self.controls.params()
            if "names" in subset:
                self.controls.set_size(len(subset["names"]), self.vectors.dim)
            if not self.controls.confirm_long_run():
                return
        except ValueError as exc:   # ProjectionError: names the parameter
            self.status.setText(tr("Cannot project: {reason}").format(reason=exc))
            return
        vectors, report = self.vectors, self._reported.emit
        self._running_subset = subset

        def work(cancel):
            rows = projection.select_rows(vectors, **subset)
            report(("rows", rows))
            result = projection.project(vectors, rows, params, cancel=cancel,
                                        progress=lambda *args: report(("progress", *args)))
            return result, MapText.of_map(vectors, result.rows, result.names)   # off the GUI thread

        job = self.runner.start(work, lambda done: self.show_projection(*done), button=self.project_button,
                                title=QT_TR_NOOP("Projection failed"),
                                name="projection", message=tr("Projecting with {parameters}…").format(
                                    parameters=tr_phrase(params.describe())))
        if job is not None:
            self._show_computing(params)

    # -- while a map is computed: the old one dimmed, t-SNE's layout live --------------------------
    def _show_computing(self, params) -> None:
        self.controls.set_running(True)
        self._running_rows, self._running_label = None, tr(params.label)
        self._dim(True)
        if self.result is not None:
            self._set_title(tr("previous map — computing {method}…").format(method=tr(params.label)))

    def _on_report(self, message) -> None:
        if not self.runner.running:
            return   # a late report of a run that has ended
        if message[0] == "rows":
            self._running_rows = message[1]
            return
        stage, fraction, eta, partial = message[1:]
        self.controls.show_progress(stage, fraction, eta)
        now = time.monotonic()
        if (partial is not None and self._running_rows is not None and len(partial) == len(self._running_rows)
                and now - self._last_partial >= min(2.0, len(partial) / LIVE_POINTS_PER_S)):
            self._last_partial = now
            names = [self.vectors.names[r] for r in self._running_rows]
            self._dim(False)
            self.map.set_points(names, partial, names, tr("{method} of {n} names — {percent}%…").format(
                method=self._running_label, n=f"{len(names):,}", percent=f"{100 * (fraction or 0):.0f}"), "")
            self._live = True

    def _run_ended(self) -> None:
        """Whatever the outcome: controls back; a cancelled or failed run puts the old map back."""
        self.controls.set_running(False)
        self._running_rows = None
        self._dim(False)
        delivered, self._delivered = getattr(self, "_delivered", False), False
        if not delivered and (getattr(self, "_live", False) or self.result is not None):
            # cancelled or failed: the old map back, undimmed, under its own title (a delivered
            # map is already drawn, with what was done to it since, e.g. a clicked point)
            self._live = False
            if self.result is not None:
                self._redraw(self.result)
            else:
                self.map.clear()
        self.bookmarks.finish()   # after the redraw above, which resets the selection

    def _dim(self, dimmed: bool) -> None:
        """Fade the points, not the title and axes (a widget opacity effect garbles the plot's drawing)."""
        self.map.plot.getPlotItem().vb.setOpacity(DIMMED if dimmed else 1.0)

    def is_dimmed(self) -> bool:
        return self.map.plot.getPlotItem().vb.opacity() < 1.0

    def _set_title(self, text: str) -> None:
        self.map.plot.getPlotItem().setTitle(text)

    def show_projection(self, result, text: MapText | None = None) -> None:
        """Put ``result`` on the map; ``text``: its hover and search texts (made here if not given)."""
        self.comparison.clear()
        self.result = result
        self.map_text = text if text is not None else MapText.of_map(self.vectors, result.rows, result.names)
        self._delivered = True
        self.result_subset = self._running_subset
        self._live = False
        self._redraw(result)
        self.bookmarks.map_ready = True   # a bookmark being restored is finished when the run has ended
        trust = tr("undefined") if result.trust_measured == 0 else f"{result.mean_trust:.2f}"
        points = tr_phrase(plural(len(result.names), tr("point"), tr("points")))
        self.status.setText(tr("{points}; mean trust {trust} (share of each point's 10 nearest neighbours kept on "
                               "the map; {note}).").format(points=points, trust=trust, note=tr_phrase(result.trust_note))
                            + self.subset_note)

    def _redraw(self, result) -> None:
        if self.map_text is None:   # the texts of ``result`` (a new one sets map_text first, or None)
            self.map_text = MapText.of_map(self.vectors, result.rows, result.names)
        with self.map.held():   # drawn and labelled once, at the end
            self._draw(result)

    def _draw(self, result) -> None:
        label = tr(result.params.label)
        # a short title (a long one widens the plot past its splitter pane); the parameters are in the status
        self.map.set_points(result.names, result.coords, self.map_text.tip,   # (n, 3): a 3-D map, turned by the map
                            tr("{method} of {n} names").format(method=label, n=f"{len(result.names):,}"),
                            tr(AXIS_NAMES.get(result.method, label)))
        self._set_exportable(True)
        self.selection.set_data(self.vectors, result)
        self.table.set_data(self.vectors, result)
        self.apply_colour()
        self.apply_labels()
        around = self.subset_group.checkedId() == AROUND
        self.map.set_pinned([0] if around else [])   # the name the neighbourhood was drawn around
        self.highlight(self.search_edit.text())
        self.comparison.redraw()   # two runs: arrows and their labels over run A's points again

    def show_comparison(self, comparison, label_a: str, label_b: str) -> None:
        """Run A's points as a map, with run B and arrows over them (the Compare tab's "Show on the map")."""
        self.runner.cancel(quiet=True)
        self.result, self.result_subset, self.map_text = comparison.projection_a(), None, None
        self._redraw(self.result)
        self.comparison.show(comparison, label_a, label_b)
        self.controls.three_d_check.hold(tr(TWO_RUNS_TIP))   # always 2-D, until "Clear comparison"
        self.status.setText(self.comparison.summary())

    def _set_exportable(self, enabled: bool) -> None:
        self.export_plot_button.setEnabled(enabled)
        self.export_csv_button.setEnabled(enabled)
        self.bookmarks.set_enabled(enabled)

    # -- view ---------------------------------------------------------------------------------
    def apply_colour(self) -> None:
        if self.result is not None:
            self.colouring.apply(self.map, self.result)
            self.comparison.restyle()   # two runs: run A's legend entry says it is coloured as the map

    def apply_labels(self) -> None:
        """Label texts and which points get a label first, from the "Label by" choice."""
        if self.result is None:
            return
        choice = self.label_combo.currentText()
        rows = self.result.rows
        parsed = self.colouring.parsed.get(choice)   # parsed once per vectors: no Python loop over the rows
        column = (self.vectors.meta or {}).get("columns", {}).get(choice) if parsed is not None else None
        if column is None:     # names, most frequent (first rows) first
            self.map.set_label_texts(self.result.names)
            return
        numbers = parsed.numbers(rows)
        if numbers is not None:  # a number column: names, highest first
            self.map.set_label_texts(self.result.names, numbers)
        else:
            self.map.set_label_texts(ColumnLabels(column, rows, self.result.names))

    def highlight(self, text: str) -> None:
        if self.result is None:
            return
        needle = text.strip().casefold()
        hits = self.map_text.search(needle)
        self.map.show_highlights(hits)
        if needle:
            self.selection_label.setText(tr("{points} match {v1!r}.").format(points=counted(len(hits), tr("point"), tr("points")),
                                                                    v1=text.strip()))
        else:
            self.selection_label.setText(tr("Search highlights and labels names containing the text."))

    def show_neighbours_of(self, index: int) -> None:
        """Select point ``index``: the selection panel lists and links its nearest neighbours."""
        if self.result is not None:
            self.map.select([index])

    # -- export -----------------------------------------------------------------------------------
    def _ask_export_coordinates(self) -> None:
        path = ask_map_path(self)
        if path:
            self.export_coordinates(path)

    def export_coordinates(self, path: str) -> None:
        """The map by suffix (core ``export_map``, atomic): ``.csv`` name, x, y, trust and the
        metadata; ``.tsv`` the Projector pair; ``.parquet`` with a neighbours column. On a worker:
        the parquet's neighbours of a large map take minutes."""
        result, vectors = self.result, self.vectors

        def done(written) -> None:
            self.status.setText(tr("Wrote {n_names:,} points to {path}").format(
                n_names=len(result.names), path=", ".join(str(p) for p in written)))

        self.export_runner.start(lambda _token: export_map(path, result, vectors), done, name="map-export",
                                 title=QT_TR_NOOP("Could not export the map"),
                                 message=tr("Writing the map to {path}…").format(path=path))


def label_choices(vectors) -> list[str]:
    """"Label by" entries: names by frequency, then each metadata column."""
    return [tr(BY_FREQUENCY)] + list(meta_columns(vectors))


def shorten(text: str, width: int = 28) -> str:
    text = str(text)
    return text if len(text) <= width else text[:width - 1] + "\N{HORIZONTAL ELLIPSIS}"


class ColumnLabels:
    """Label texts from a metadata column, made when a point gets a label: its cell shortened, or
    its name where the cell is empty (making all 400,000 up front took 0.9 s on the GUI thread)."""

    def __init__(self, column, rows, names):
        self.column, self.rows, self.names = column, rows, names

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, index: int) -> str:
        value = self.column[int(self.rows[index])]
        return shorten(value) if str(value) else self.names[index]
