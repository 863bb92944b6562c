"""The main window: menus, the tab of each panel, drag and drop, settings."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from w2v_desktop import __version__
from w2v_desktop.core.config import PRESETS, TrainConfig, closest_preset
from w2v_desktop.gui import data_set, theme, worker
from w2v_desktop.gui.dialogs.error_dialog import show_error
from w2v_desktop.gui.file_actions import FileActions
from w2v_desktop.gui.panels.analogy_panel import AnalogyPanel
from w2v_desktop.gui.panels.compare_panel import ComparePanel
from w2v_desktop.gui.panels.data_panel import DataPanel
from w2v_desktop.gui.panels.metrics_panel import MetricsPanel
from w2v_desktop.gui.panels.neighbours_panel import NeighboursPanel
from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
from w2v_desktop.gui.panels.recs_panel import RecsPanel
from w2v_desktop.gui.panels.train_panel import TrainPanel
from w2v_desktop.core.bundled import sample_path
from w2v_desktop.gui.state import IDLE, RUNNING, AppState

# The exploration tabs after Data and Train, in order: (tab title, panel class "Panel(state, parent)").
EXPLORATION_PANELS: tuple[tuple[str, type[QWidget]], ...] = (
    ("Neighbours", NeighboursPanel),
    ("Analogy", AnalogyPanel),
    ("Metrics", MetricsPanel),
    ("Projection", ProjectionPanel),
    ("Recs", RecsPanel),
    ("Compare", ComparePanel),
)


class MainWindow(QMainWindow):
    def __init__(self, state: AppState | None = None, settings: QSettings | None = None):
        super().__init__()
        self.state = state or AppState(self)
        self.settings = settings or QSettings()
        self.setWindowTitle(f"w2v-desktop {__version__}")
        self.setAcceptDrops(True)
        self.files = FileActions(self.state, self, self.settings)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.data_panel = DataPanel(self.state)
        self.train_panel = TrainPanel(self.state)
        self.tabs.addTab(self.data_panel, "Data")
        self.tabs.addTab(self.train_panel, "Train")
        self.panels: dict[str, QWidget] = {"Data": self.data_panel, "Train": self.train_panel}
        for title, cls in EXPLORATION_PANELS:
            panel = cls(self.state, self)
            self.panels[title] = panel
            self.tabs.addTab(panel, title)
        self.setCentralWidget(self.tabs)
        self._busy_label = QLabel()
        self.statusBar().addPermanentWidget(self._busy_label)
        self._build_menus()
        self._connect()
        self._restore_settings()

    # -- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        f = self.files
        file_menu = self.menuBar().addMenu("&File")
        self._add(file_menu, "&Open text corpus…", f.open_text, QKeySequence.StandardKey.Open)
        self._add(file_menu, "Open &ratings file…", f.open_ratings)
        self._add(file_menu, "Open &vectors to explore…", f.open_vectors, "Ctrl+Shift+O")
        self._add(file_menu, "Open Spar&k model folder…", self.open_spark_model)
        self.open_model_action = self._add(file_menu, "Open &model to continue training…", f.open_model)
        self.recent_menu = file_menu.addMenu("Open r&ecent")
        self._fill_recent(f.recent_files())
        file_menu.addSeparator()
        self.open_project_action = self._add(file_menu, "Open &project…", f.open_project)
        self.save_project_action = self._add(file_menu, "&Save project…", self.save_project,
                                             QKeySequence.StandardKey.Save)
        self.save_model_action = self._add(file_menu, "Save &model…", f.save_model)
        self.export_menu = file_menu.addMenu("&Export vectors")
        self.export_output_menu = file_menu.addMenu("Export output vectors (W&2)")
        self._fill_export_menus()
        file_menu.addSeparator()
        self._add(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit, fallback="Ctrl+Q")

        train_menu = self.menuBar().addMenu("&Training")
        for action in (self.train_panel.train_action, self.train_panel.pause_action, self.train_panel.stop_action):
            train_menu.addAction(action)
        train_menu.addSeparator()
        self._add(train_menu, "Use &text defaults", lambda: self.train_panel.options.apply_preset("text"))
        self._add(train_menu, "Use &item defaults", lambda: self.train_panel.options.apply_preset("items"))
        self._add(train_menu, "Open the sample &corpus", self.load_sample)
        self._add(train_menu, "Open the sample &ratings…", self.load_sample_ratings).setEnabled(
            sample_path("sample_ratings.csv") is not None)

        help_menu = self.menuBar().addMenu("&Help")
        self._add(help_menu, "&About", self._about)

    def _add(self, menu: QMenu, text: str, slot, shortcut=None, fallback: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            # Some platforms bind no key to a standard action (Quit on Windows/X11): use the usual one.
            keys = QKeySequence.keyBindings(shortcut) or ([QKeySequence(fallback)] if fallback else [])
            action.setShortcuts(keys)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _fill_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for path in paths:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.files.open_any(p))
        self.recent_menu.setEnabled(bool(paths))

    def _fill_export_menus(self) -> None:
        from w2v_desktop.core.formats import FORMATS

        for name, info in FORMATS.items():
            if not info.can_write:
                continue
            for menu, output in ((self.export_menu, False), (self.export_output_menu, True)):
                action = menu.addAction(info.label)
                action.triggered.connect(lambda _c=False, n=name, o=output: self.files.export_vectors(n, o))

    # -- signals ------------------------------------------------------------------------
    def _connect(self) -> None:
        s = self.state
        s.error_occurred.connect(lambda title, message, details: show_error(self, title, message, details))
        s.status_message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        s.names_sent.connect(lambda target, _names: target in self.panels
                             and self.tabs.setCurrentWidget(self.panels[target]))
        s.busy_changed.connect(lambda busy: self._busy_label.setText("Working…" if busy else ""))
        s.training_state_changed.connect(self._on_training_state)
        s.training_state_changed.connect(self._update_actions)
        s.vectors_changed.connect(self._update_actions)
        s.trainer_changed.connect(self._update_actions)
        self.files.recent_changed.connect(self._fill_recent)
        s.data_opened.connect(self._on_data_opened)
        s.training_state_changed.connect(self._show_training)
        self.train_panel.finished.connect(self._on_trained)
        self.train_panel.options.notice_changed.connect(lambda text: text and self.statusBar().showMessage(text, 10_000))
        self.data_panel.open_text_requested.connect(lambda: self.files.open_text())
        self.data_panel.open_ratings_requested.connect(lambda: self.files.open_ratings())
        self._update_actions()

    def _update_actions(self, *_args) -> None:
        """What reads the model (saving, exporting) waits while training runs: the
        training threads are writing its arrays; what replaces it (open model or project)
        waits too, else the run's end would silently overwrite what was opened."""
        idle = self.state.training_state == IDLE
        self.open_model_action.setEnabled(idle)
        self.open_project_action.setEnabled(idle)
        self.save_project_action.setEnabled(idle)
        self.save_model_action.setEnabled(idle)
        self.export_menu.setEnabled(idle and self.state.vectors is not None)
        self.export_output_menu.setEnabled(idle and self.state.trainer is not None)

    def _on_training_state(self, value: str) -> None:
        if value != IDLE:  # the end is said by _on_trained, which stays
            self.statusBar().showMessage(f"Training: {value}", 5000)

    def _show_training(self, value: str) -> None:
        """F5 pressed on the Data tab: show the run."""
        if value == RUNNING and self.tabs.currentWidget() is self.data_panel:
            self.tabs.setCurrentWidget(self.train_panel)

    def _on_trained(self, line: str) -> None:
        """Say the run ended and how to go on; answer a first query in Neighbours."""
        vectors = self.state.vectors
        neighbours = self.panels["Neighbours"]
        shown = ""
        if vectors is not None and len(vectors) and not neighbours.query_edit.text().strip():
            watched = [n for n in self.train_panel.watch_names() if n in vectors]
            name = watched[0] if watched else (data_set.examples(self.state, vectors) or [None])[0]
            if name is not None:
                neighbours.query(name)
                shown = f" (showing {name})"
        self.statusBar().showMessage(f"{line} \N{EM DASH} see the neighbours in the Neighbours tab{shown}, "
                                     "or save with File \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} Save model")

    # -- what belongs to the data set ---------------------------------------------------
    def _on_data_opened(self, kind: str, changes: dict) -> None:
        """New data: the options of its kind (notice and Undo when they change), and its own
        watch list and analogy choice (the previous data's are kept for when it comes back)."""
        self.train_panel.options.data_opened(kind, changes)
        self._switch_data_set(self.state.source_path)

    def _switch_data_set(self, path: str) -> None:
        stored = data_set.load(self.settings)
        stored[self._data_key] = self.train_panel.data_settings()
        self._data_key = path
        examples = data_set.examples(self.state)
        self.train_panel.apply_data_settings(stored.get(path), examples)
        data_set.save(self.settings, stored, first=path)

    def open_spark_model(self) -> None:
        """A Spark model is a folder, which the file dialog of Open vectors cannot choose."""
        path = QFileDialog.getExistingDirectory(self, "Open a Spark ML Word2VecModel folder",
                                                str(self.settings.value("last_dir", "")))
        if path:
            self.files.open_vectors(path, "spark")

    def save_project(self) -> None:
        panel = self.train_panel
        analogy = panel.analogy_path.text() if panel.analogy_box.isChecked() else ""
        self.files.save_project(watch=panel.watch_names(), analogy_path=analogy)

    def load_sample(self) -> bool:
        """Open the bundled sample corpus (first start), with a watch list that shows it learning."""
        path = sample_path("sample_corpus.txt")
        if path is None:
            return False
        stored = data_set.load(self.settings)
        if str(path) not in stored:  # the sample's own watch list, shown while it trains
            stored[str(path)] = {"watch": "paris, money, bicycle", "analogy": True,
                                 "analogy_path": str(sample_path("sample_analogies.txt") or "")}
            data_set.save(self.settings, stored)
        self.files.open_text(str(path), ask_options=False)
        return True

    def load_sample_ratings(self, ask: bool = True) -> bool:
        path = sample_path("sample_ratings.csv")
        if path is not None:
            self.files.open_ratings(str(path), ask=ask)
        return path is not None

    def _about(self) -> None:
        QMessageBox.about(self, "About w2v-desktop",
                          f"<b>w2v-desktop {__version__}</b><p>Train word2vec-style embeddings of text and "
                          "user-item interactions, and explore and export them.</p>")

    # -- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_any(paths[0])

    # -- settings and closing -----------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        config = self.settings.value("train_config")
        if isinstance(config, str) and config:
            try:
                import json

                config = TrainConfig.from_dict(json.loads(config))
                kind = self.settings.value("train_config_kind")
                self.state.set_config(config, kind=kind if kind in PRESETS else closest_preset(config))
            except ValueError:
                pass  # options from an older version that no longer validate: keep defaults
        self._data_key = ""  # no data yet: the watch list set without data
        self.train_panel.apply_data_settings(data_set.load(self.settings).get(""))

    def _save_settings(self) -> None:
        import json

        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("train_config", json.dumps(self.state.config.to_dict()))
        self.settings.setValue("train_config_kind", self.state.config_kind)
        stored = data_set.load(self.settings)
        stored[self._data_key] = self.train_panel.data_settings()
        data_set.save(self.settings, stored, first=self._data_key)
        self.settings.sync()

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            theme.retheme(self)
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        """Stop training and other jobs cleanly before the window goes."""
        self._save_settings()
        if self.train_panel.is_running():
            self.train_panel.stop()
        worker.cancel_all(wait_ms=30_000)
        super().closeEvent(event)
