"""The map's method, its parameters, the time estimate and the progress of a run.

Shows only the parameters of the chosen method (t-SNE: perplexity, learning rate,
exaggeration; UMAP: neighbours, min_dist, metric; custom axes: the x and y formulas),
with normalising and the seed for all, and "3-D" for PCA and UMAP. :meth:`params` returns a validated
``ProjectionParams`` (or raises ``ProjectionError`` naming the parameter). The panel
calls :meth:`set_size` with the number of points, and the estimate updates; runs over
:data:`WARN_SECONDS` need a second press (:meth:`confirm_long_run`). While a map runs,
:meth:`show_progress` shows its stage, share and time left. No maths here.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QProgressBar, QSpinBox, QStackedWidget, QVBoxLayout, QWidget)

from w2v_desktop.core.analysis import ProjectionParams, UMAP_METRICS, estimate_seconds
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr
from w2v_desktop.gui.widgets.map_rotation import ThreeDCheck

METHODS = {"PCA": "pca", "t-SNE": "tsne", "UMAP": "umap", QT_TR_NOOP("Custom axes"): "axes"}
WARN_SECONDS = 30.0
STAGE_WORDS = {"neighbours": QT_TR_NOOP("Finding neighbours"), "affinities": QT_TR_NOOP("Computing affinities"),
               "layout": QT_TR_NOOP("Laying out"), "trust": QT_TR_NOOP("Measuring trust")}


def duration(seconds: float) -> str:
    if seconds < 1:
        return tr("under a second")
    if seconds < 90:
        return tr("{n} s").format(n=f"{seconds:.0f}")
    if seconds < 5400:
        return tr("{n} min").format(n=f"{seconds / 60:.0f}")
    return tr("{n} h").format(n=f"{seconds / 3600:.1f}")


class ProjectionControls(QWidget):
    """``changed`` fires when the method or a parameter changes."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.n_points, self.dim = 0, 0
        self._confirmed_for = None   # the params a long-run warning was accepted for
        self.method_combo = QComboBox()
        for label, key in METHODS.items():
            self.method_combo.addItem(tr(label), key)
        self.seed_spin = QSpinBox(minimum=0, maximum=1_000_000, value=0, prefix=tr("seed "))
        self.normalize_check = QCheckBox(tr("Unit-length rows (cosine)"))
        self.normalize_check.setChecked(True)
        self.three_d_check = ThreeDCheck()
        self.normalize_check.setToolTip(tr("Scale every vector to length 1 first, so the map reflects cosine "
                                           "similarity, as the neighbour lists do."))
        self.pages = QStackedWidget()
        self.pages.addWidget(QWidget())             # PCA: nothing to set
        self.pages.addWidget(self._tsne_page())
        self.pages.addWidget(self._umap_page())
        self.pages.addWidget(self._axes_page())
        self.estimate_label = QLabel()
        self.estimate_label.setWordWrap(True)
        self.progress_bar = QProgressBar(minimum=0, maximum=1000, textVisible=False)
        self.progress_bar.setMaximumHeight(10)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.set_running(False)
        top = QHBoxLayout()
        top.addWidget(self.method_combo, 1)
        top.addWidget(self.seed_spin)
        top.addWidget(self.three_d_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addWidget(self.normalize_check)
        layout.addWidget(self.estimate_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        self.method_combo.currentIndexChanged.connect(self._method_changed)
        for widget in (self.seed_spin, self.perplexity, self.learning_rate, self.exaggeration, self.n_neighbors,
                       self.min_dist):
            widget.valueChanged.connect(self._changed)
        self.metric_combo.currentIndexChanged.connect(self._changed)
        self.normalize_check.toggled.connect(self._changed)
        self.three_d_check.toggled.connect(self._changed)
        self.x_edit.textChanged.connect(self._changed)
        self.y_edit.textChanged.connect(self._changed)
        self._method_changed()

    def _tsne_page(self) -> QWidget:
        self.perplexity = QDoubleSpinBox(minimum=2, maximum=100, value=30, decimals=0, singleStep=5)
        self.perplexity.setToolTip(tr("Roughly how many neighbours each point attends to (2-100)."))
        self.learning_rate = QDoubleSpinBox(minimum=0, maximum=1_000_000, value=0, decimals=0, singleStep=100)
        self.learning_rate.setSpecialValueText("auto")
        self.learning_rate.setToolTip(tr("auto: points / 12, at least 200 (Belkina et al. 2019)."))
        self.exaggeration = QDoubleSpinBox(minimum=1, maximum=50, value=1, decimals=1, singleStep=0.5)
        self.exaggeration.setToolTip(tr("Above 1 pulls clusters tighter (after the early phase)."))
        return self._form([(tr("Perplexity:"), self.perplexity), (tr("Learning rate:"), self.learning_rate),
                           (tr("Exaggeration:"), self.exaggeration)])

    def _umap_page(self) -> QWidget:
        self.n_neighbors = QSpinBox(minimum=2, maximum=200, value=15)
        self.n_neighbors.setToolTip(tr("Small: local detail; large: global structure (2-200)."))
        self.min_dist = QDoubleSpinBox(minimum=0, maximum=1, value=0.1, decimals=2, singleStep=0.05)
        self.min_dist.setToolTip(tr("How tightly points may pack (0-1)."))
        self.metric_combo = QComboBox()
        self.metric_combo.addItems(list(UMAP_METRICS))
        return self._form([(tr("Neighbours:"), self.n_neighbors), (tr("Min. distance:"), self.min_dist),
                           (tr("Metric:"), self.metric_combo)])

    def _axes_page(self) -> QWidget:
        self.x_edit = QLineEdit(placeholderText=tr("e.g. woman - man"))
        self.y_edit = QLineEdit(placeholderText=tr("e.g. queen - king, or king"))
        for edit in (self.x_edit, self.y_edit):
            edit.setToolTip(tr("A name (similarity to it) or a formula such as 'woman - man' (similarity to "
                               "that direction); spaces around - and +."))
        return self._form([("x:", self.x_edit), ("y:", self.y_edit)])

    @staticmethod
    def _form(rows) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget in rows:
            form.addRow(label, widget)
        return page

    # -- state ---------------------------------------------------------------------------------
    @property
    def method(self) -> str:
        return self.method_combo.currentData() or "pca"

    def params(self) -> ProjectionParams:
        rate = self.learning_rate.value()
        return ProjectionParams(method=self.method, perplexity=self.perplexity.value(),
                                learning_rate="auto" if rate == 0 else rate,
                                exaggeration=self.exaggeration.value(), n_neighbors=self.n_neighbors.value(),
                                min_dist=self.min_dist.value(), metric=self.metric_combo.currentText(),
                                normalize=self.normalize_check.isChecked(), seed=self.seed_spin.value(),
                                n_components=self.three_d_check.components(self.method),
                                x_axis=self.x_edit.text().strip(), y_axis=self.y_edit.text().strip())

    def set_size(self, n_points: int, dim: int) -> None:
        self.n_points, self.dim = int(n_points), int(dim)
        self._update_estimate()

    def estimate(self) -> float | None:
        if self.n_points < 3 or self.dim < 1:
            return None
        try:
            params = self.params()
        except ValueError:
            params = ProjectionParams(method="pca" if self.method == "axes" else self.method)
        return estimate_seconds(self.method, self.n_points, self.dim, params)

    def confirm_long_run(self) -> bool:
        """True when the run may start: short, or a warning for these very settings was shown
        and the button pressed again. Otherwise shows the warning and returns False."""
        seconds = self.estimate()
        key = (self.params(), self.n_points, self.dim)
        if seconds is None or seconds <= WARN_SECONDS or self._confirmed_for == key:
            return True
        self._confirmed_for = key
        self.estimate_label.setText(tr("<b>This map will take about {time} here.</b> Press Project again to start it "
                                       "(Cancel stops it at any time).").format(time=duration(seconds)))
        return False

    def _method_changed(self) -> None:
        self.pages.setCurrentIndex(self.method_combo.currentIndex())
        self.pages.setVisible(self.method != "pca")
        self.normalize_check.setEnabled(self.method != "axes")
        self.three_d_check.follow_method(self.method)
        self._changed()

    def _changed(self) -> None:
        self._confirmed_for = None
        self._update_estimate()
        self.changed.emit()

    def _update_estimate(self) -> None:
        seconds = self.estimate()
        if seconds is None:
            self.estimate_label.setText("")
            return
        if seconds > WARN_SECONDS:
            text = tr("{n} points: about {time} (a long run: you will be asked first).")
        else:
            text = tr("{n} points: about {time}.")
        self.estimate_label.setText(text.format(n=f"{self.n_points:,}", time=duration(seconds)))

    # -- a run ---------------------------------------------------------------------------------
    def set_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.progress_label.setVisible(running)
        for widget in (self.method_combo, self.seed_spin, self.pages, self.normalize_check, self.three_d_check):
            widget.setEnabled(not running)
        self._update_estimate()   # the long-run warning has been answered
        if running:
            self.progress_bar.setValue(0)
            self.progress_bar.setMaximum(0)   # busy until the first report
            self.progress_label.setText(tr("starting…"))
        else:
            self.normalize_check.setEnabled(self.method != "axes")
            self.three_d_check.follow_method(self.method)

    def show_progress(self, stage: str, fraction: float | None, eta_s: float | None) -> None:
        if fraction is None:
            self.progress_bar.setMaximum(0)
        else:
            self.progress_bar.setMaximum(1000)
            self.progress_bar.setValue(int(1000 * fraction))
        share = "" if fraction is None else f" \N{EM DASH} {100 * fraction:.0f}%"
        left = "" if eta_s is None else tr(", about {time} left").format(time=duration(eta_s))
        self.progress_label.setText(f"{tr(STAGE_WORDS[stage]) if stage in STAGE_WORDS else stage}{share}{left}")
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
