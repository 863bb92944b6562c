"""Opening a rating file: which column is what (detected, editable), a preview of
the first rows with their roles, how histories become item sequences, and an
optional item metadata file (titles, genres), and where the work runs: this computer
or a Spark cluster (the [spark] extra)."""
from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout,
                               QWidget)

from w2v_desktop.core.items import sibling_item_file
from w2v_desktop.core.items import ColumnMapping, detect_layout
from w2v_desktop.core.items import SequenceOptions, sample_rating_scale, threshold_warning
from w2v_desktop.core.jobs import SparkEngine, load_rating_data
from w2v_desktop.core.spark import DEFAULT_MASTER, spark_missing
from w2v_desktop.gui.forms import DataclassForm, FieldHints
from w2v_desktop.gui.i18n import QT_TR_NOOP, said, tr, tr_phrase

PREVIEW_ROWS = 12
ROLES = ("user", "item", "rating", "time")
ENGINES = (QT_TR_NOOP("This computer"), QT_TR_NOOP("Spark"))
MASTER_TIP = (QT_TR_NOOP("Spark master URL: local[*] (all cores here), spark://host:7077, yarn, "
                         "k8s://...; the sequences come back to this computer for training."))

MAPPING_HINTS = {
    "user": FieldHints(QT_TR_NOOP("User column"), tooltip=QT_TR_NOOP("0-based column number, or the header name.")),
    "item": FieldHints(QT_TR_NOOP("Item column"), tooltip=QT_TR_NOOP("0-based column number, or the header name.")),
    "rating": FieldHints(QT_TR_NOOP("Rating column"), none_text=QT_TR_NOOP("none: implicit data"),
                         tooltip=QT_TR_NOOP("Leave empty when every row is one interaction (clicks, purchases).")),
    "time": FieldHints(QT_TR_NOOP("Time column"), none_text=QT_TR_NOOP("none: file order"),
                       tooltip=QT_TR_NOOP("Seconds or dates; histories are ordered by it. Empty: the file order.")),
    "delimiter": FieldHints(QT_TR_NOOP("Delimiter"), choices={",": QT_TR_NOOP("comma"), "\t": QT_TR_NOOP("tab"),
                                                                        ";": QT_TR_NOOP("semicolon"), "|": QT_TR_NOOP("pipe"),
                                                                        ":": QT_TR_NOOP("colon"), " ": QT_TR_NOOP("space")}),
    "header": FieldHints(QT_TR_NOOP("First row is a header")),
    "encoding": FieldHints(QT_TR_NOOP("Encoding")),
    "layout": FieldHints(QT_TR_NOOP("Layout label"), tooltip=QT_TR_NOOP("What was detected; informational.")),
}
SEQUENCE_HINTS = {
    "min_rating": FieldHints(QT_TR_NOOP("Keep ratings ≥"), none_text=QT_TR_NOOP("keep all"), tooltip=(
        QT_TR_NOOP("Only liked items go into histories (3.5 of 5 keeps 4 and 5 stars). Empty keeps every row."))),
    "session_gap": FieldHints(QT_TR_NOOP("Split sessions after (s)"), none_text=QT_TR_NOOP("one history per user"), tooltip=(
        QT_TR_NOOP("Start a new sequence when a user pauses longer than this many seconds."))),
    "min_length": FieldHints(QT_TR_NOOP("Minimum sequence length"), minimum=1, maximum=100_000, tooltip=(
        QT_TR_NOOP("Shorter sequences are dropped: a single item teaches nothing about co-occurrence."))),
    "dedupe_consecutive": FieldHints(QT_TR_NOOP("Drop repeats in a row")),
    "min_count": FieldHints(QT_TR_NOOP("Minimum item count"), minimum=1, maximum=1_000_000, tooltip=(
        QT_TR_NOOP("Items seen fewer times get no vector; becomes the training min_count."))),
}


class RatingsDialog(QDialog):
    def __init__(self, path: str | Path, state=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = str(path)
        self.setWindowTitle(tr("Reading ratings from {name}").format(name=Path(path).name))
        try:
            detected, note = detect_layout(path), ""
        except (OSError, ValueError) as exc:
            detected, note = ColumnMapping(), tr("Could not detect the layout: {exc}").format(exc=said(exc))
        self.detected = QLabel(note or tr("Detected: {v0}").format(v0=tr_phrase(detected.describe())))
        self.detected.setWordWrap(True)
        self.mapping_form = DataclassForm(ColumnMapping, detected, hints=MAPPING_HINTS)
        self.sequence_form = DataclassForm(SequenceOptions, SequenceOptions(), hints=SEQUENCE_HINTS)
        self.scale_label = QLabel()
        self.scale_label.setWordWrap(True)
        self.scale = None
        self._suggest_threshold(detected)
        self.items_path = QLineEdit(sibling_item_file(path))
        self.items_path.setPlaceholderText(tr("none"))
        browse = QToolButton(text="…", toolTip=tr("Choose an item file (titles, genres)"))
        browse.clicked.connect(self._browse_items)
        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.engine = QComboBox()
        self.engine.addItems([tr(e) for e in ENGINES])
        self.master = QLineEdit(DEFAULT_MASTER, toolTip=tr(MASTER_TIP), enabled=False)
        self.engine.currentIndexChanged.connect(lambda i: self.master.setEnabled(i == 1))
        self._offer_spark()
        self._build(browse)
        self._refresh = QTimer(self, singleShot=True, interval=200)
        self._refresh.timeout.connect(self.update_preview)
        self.mapping_form.changed.connect(self._validate)
        self.mapping_form.changed.connect(self._refresh.start)
        self.sequence_form.changed.connect(self._validate)
        self.sequence_form.changed.connect(self._warn_threshold)
        self.finished.connect(lambda _r: self._refresh.stop())
        self.update_preview()

    def _build(self, browse: QToolButton) -> None:
        mapping_box = QGroupBox(tr("Columns"))
        QVBoxLayout(mapping_box).addWidget(self.mapping_form)
        sequence_box = QGroupBox(tr("Histories → sequences"))
        sequence_layout = QVBoxLayout(sequence_box)
        sequence_layout.addWidget(self.scale_label)
        sequence_layout.addWidget(self.sequence_form)
        items_row = QHBoxLayout()
        items_row.addWidget(QLabel(tr("Item file")))
        items_row.addWidget(self.items_path, 1)
        items_row.addWidget(browse)
        left = QVBoxLayout()
        left.addWidget(mapping_box)
        left.addWidget(sequence_box)
        left.addLayout(items_row)
        engine_row = QHBoxLayout()
        engine_row.addWidget(QLabel(tr("Run on")))
        engine_row.addWidget(self.engine)
        engine_row.addWidget(self.master, 1)
        left.addLayout(engine_row)
        preview_box = QGroupBox(tr("First {PREVIEW_ROWS} rows, split with these settings").format(PREVIEW_ROWS=PREVIEW_ROWS))
        QVBoxLayout(preview_box).addWidget(self.preview)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addWidget(preview_box, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Open"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.detected)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(1100, 600)

    def _suggest_threshold(self, mapping: ColumnMapping) -> None:
        """The rating scale of the first rows and a threshold that suits it (MovieLens's 3.5
        drops most events of a 0.5-4 file; implicit data takes none)."""
        try:
            self.scale = sample_rating_scale(self.path, mapping)
        except (OSError, ValueError, LookupError):
            self.scale = None
        if self.scale is None or self.scale.distinct <= 1:
            self.sequence_form.editors["min_rating"].set(None)
        else:
            self.sequence_form.editors["min_rating"].set(self.scale.suggested)
        self._warn_threshold()

    def _warn_threshold(self) -> None:
        if self.scale is None:
            self.scale_label.setText("")
            return
        text = tr("First {sampled:,} rows: {v1}.").format(sampled=self.scale.sampled, v1=tr_phrase(self.scale.describe()))
        try:
            warning = tr_phrase(threshold_warning(self.scale, self.sequence_options().min_rating))
        except ValueError:
            warning = ""
        self.scale_label.setText(text + (tr("<br><b>⚠ {v0}</b>").format(v0=warning[0].upper() + warning[1:]) if warning else ""))

    def _browse_items(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Item metadata"), str(Path(self.path).parent),
                                              tr("Items (*.csv *.item *.dat *.tsv);;All files (*)"))
        if path:
            self.items_path.setText(path)

    def _offer_spark(self) -> None:
        """The Spark choice, disabled with the install hint as its tooltip when pyspark is missing."""
        tip = spark_missing()  # without importing pyspark: this dialog also opens for the sample
        if tip:
            self.engine.model().item(1).setEnabled(False)
        else:
            tip = tr("Read the file and build the sequences on Spark")
        self.engine.setItemData(1, tip, Qt.ItemDataRole.ToolTipRole)
        self.spark_tip = tip

    def spark_engine(self) -> SparkEngine | None:
        """None for this computer; the GUI keeps the events (recommendation needs them)."""
        if self.engine.currentIndex() != 1:
            return None
        return SparkEngine(self.master.text().strip() or DEFAULT_MASTER, with_events=True)

    def mapping(self) -> ColumnMapping:
        return self.mapping_form.value()

    def sequence_options(self) -> SequenceOptions:
        return self.sequence_form.value()

    def _validate(self) -> bool:
        ok = not self.mapping_form.validate() and not self.sequence_form.validate()
        self.ok_button.setEnabled(ok)
        return ok

    def update_preview(self) -> None:
        """Split the first lines as the mapping says and label the columns with their roles."""
        if not self._validate():
            return
        mapping = self.mapping()
        try:
            with open(self.path, encoding=mapping.encoding, errors="replace") as f:
                lines = [line.rstrip("\r\n") for line in itertools.islice(f, PREVIEW_ROWS + mapping.header)]
        except (OSError, LookupError) as exc:
            self.detected.setText(tr("Cannot read {path}: {exc}").format(path=self.path, exc=said(exc)))
            return
        rows = [line.split(mapping.delimiter) for line in lines if line.strip()]
        names = rows.pop(0) if mapping.header and rows else []
        width = max((len(r) for r in rows), default=len(names))
        headers = []
        for i in range(width):
            name = names[i].strip().strip('"') if i < len(names) else tr("column {i}").format(i=i)
            roles = [r for r in ROLES if getattr(mapping, r) in (i, name)]
            headers.append(f"{name}\n({', '.join(roles)})" if roles else name)
        self.preview.clear()
        self.preview.setColumnCount(width)
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()

    def load_job(self, cancel=None):
        """The worker's generator: core's rating pipeline with these settings (a ``RatingData``);
        ``cancel`` (a core cancel token) stops it, cancelling its Spark job group on Spark."""
        return load_rating_data(self.path, self.mapping(), self.sequence_options(), self.items_path.text().strip(),
                                cancel=cancel, spark=self.spark_engine())

