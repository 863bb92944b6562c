"""The main window: menus, the tab of each panel, drag and drop, settings."""
from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from w2v_desktop import __version__
from w2v_desktop.core.config import PRESETS, TrainConfig, closest_preset
from w2v_desktop.gui import data_set, i18n, theme, worker
from w2v_desktop.gui.dialogs.error_dialog import show_error
from w2v_desktop.gui.file_actions import FileActions
from w2v_desktop.gui.widgets import plot_export
from w2v_desktop.gui.panels.analogy_panel import AnalogyPanel
from w2v_desktop.gui.panels.compare_panel import ComparePanel
from w2v_desktop.gui.panels.data_panel import DataPanel
from w2v_desktop.gui.panels.metrics_panel import MetricsPanel
from w2v_desktop.gui.panels.neighbours_panel import NeighboursPanel
from w2v_desktop.gui.panels.projection_panel import ProjectionPanel
from w2v_desktop.gui.panels.recs_panel import RecsPanel
from w2v_desktop.gui.panels.train_panel import TrainPanel
from w2v_desktop.core.bundled import sample_path
from w2v_desktop.gui.state import IDLE, PAUSED, RUNNING, STOPPING, AppState
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

# The exploration tabs after Data and Train, in order: (tab title, panel class "Panel(state, parent)").
EXPLORATION_PANELS: tuple[tuple[str, type[QWidget]], ...] = (
    (QT_TR_NOOP("Neighbours"), NeighboursPanel),
    (QT_TR_NOOP("Analogy"), AnalogyPanel),
    (QT_TR_NOOP("Metrics"), MetricsPanel),
    (QT_TR_NOOP("Projection"), ProjectionPanel),
    (QT_TR_NOOP("Recs"), RecsPanel),
    (QT_TR_NOOP("Compare"), ComparePanel),
)
# What Ctrl+F focuses on each tab: the attribute holding its search box (or first input).
SEARCH_BOXES = {"Train": "watch_edit", "Neighbours": "query_edit", "Analogy": "word_edits", "Metrics": "query_edit",
                "Projection": "search_edit", "Recs": "user_edit", "Compare": "filter_edit"}
LANGUAGE_LABELS = {"system": QT_TR_NOOP("&System language"), "en": "English", "zh_CN": "简体中文"}
THEME_LABELS = {"system": QT_TR_NOOP("&System"), "light": QT_TR_NOOP("&Light"), "dark": QT_TR_NOOP("&Dark")}


class MainWindow(QMainWindow):
    def __init__(self, state: AppState | None = None, settings: QSettings | None = None):
        super().__init__()
        self.state = state or AppState(self)
        self.settings = settings or QSettings()
        self._update_title()
        self.setAcceptDrops(True)
        self.files = FileActions(self.state, self, self.settings)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.data_panel = DataPanel(self.state)
        self.train_panel = TrainPanel(self.state)
        self.tabs.addTab(self.data_panel, tr("Data"))
        self.tabs.addTab(self.train_panel, tr("Train"))
        self.panels: dict[str, QWidget] = {"Data": self.data_panel, "Train": self.train_panel}
        for title, cls in EXPLORATION_PANELS:
            panel = cls(self.state, self)
            self.panels[title] = panel
            self.tabs.addTab(panel, tr(title))
        self.setCentralWidget(self.tabs)
        self._busy_label = QLabel()
        self.statusBar().addPermanentWidget(self._busy_label)
        self._build_menus()
        self._connect()
        self._restore_settings()
        self.context_dialog = None  # the word-in-context window, made on first use
        self._close_after_save = False
        plot_export.start_folder = self.files.save_folder

    # -- menus --------------------------------------------------------------------------
    def _build_menus(self) -> None:
        f = self.files
        file_menu = self.menuBar().addMenu(tr("&File"))
        self._add(file_menu, tr("&Open text corpus…"), f.open_text, QKeySequence.StandardKey.Open)
        self._add(file_menu, tr("Open &ratings file…"), f.open_ratings)
        self._add(file_menu, tr("Open &vectors to explore…"), f.open_vectors, "Ctrl+Shift+O")
        self._add(file_menu, tr("Open Spar&k model folder…"), self.open_spark_model)
        self.open_model_action = self._add(file_menu, tr("Open &model to continue training…"), f.open_model)
        self.recent_menu = file_menu.addMenu(tr("Open r&ecent"))
        self._fill_recent(f.recent_files())
        self.recent_exports_menu = file_menu.addMenu(tr("Recent e&xports"))
        self._fill_recent_exports(f.recent_exports())
        file_menu.addSeparator()
        self.open_project_action = self._add(file_menu, tr("Open &project…"), f.open_project)
        self.save_project_action = self._add(file_menu, tr("&Save project…"), self.save_project,
                                             QKeySequence.StandardKey.Save)
        self.save_model_action = self._add(file_menu, tr("Save &model…"), f.save_model)
        self.export_menu = file_menu.addMenu(tr("&Export vectors"))
        self.export_output_menu = file_menu.addMenu(tr("Export output vectors (W&2)"))
        self._fill_export_menus()
        file_menu.addSeparator()
        self._add(file_menu, tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, fallback="Ctrl+Q")

        train_menu = self.menuBar().addMenu(tr("&Training"))
        for action in (self.train_panel.train_action, self.train_panel.pause_action, self.train_panel.stop_action):
            train_menu.addAction(action)
        train_menu.addSeparator()
        self._add(train_menu, tr("Use &text defaults"), lambda: self.train_panel.options.apply_preset("text"))
        self._add(train_menu, tr("Use &item defaults"), lambda: self.train_panel.options.apply_preset("items"))
        self._add(train_menu, tr("Open the sample &corpus"), self.load_sample)
        self._add(train_menu, tr("Open the sample &ratings…"), self.load_sample_ratings).setEnabled(
            sample_path("sample_ratings.csv") is not None)

        self._build_view_menu()
        help_menu = self.menuBar().addMenu(tr("&Help"))
        self._add(help_menu, tr("&About"), self._about)

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

    def _build_view_menu(self) -> None:
        view = self.menuBar().addMenu(tr("&View"))
        theme_menu = view.addMenu(tr("&Theme"))
        self.theme_actions = QActionGroup(self)
        for scheme in theme.SCHEMES:
            action = theme_menu.addAction(tr(THEME_LABELS[scheme]))
            action.setCheckable(True)
            action.setData(scheme)
            self.theme_actions.addAction(action)
            action.triggered.connect(lambda _c=False, name=scheme: self.set_theme(name))
        self._build_language_menu(view)
        view.addSeparator()
        self.find_action = self._add(view, tr("&Find in this tab"), self.focus_search, QKeySequence.StandardKey.Find,
                                     fallback="Ctrl+F")
        self._add(view, tr("Word in &context…"), lambda: self.show_context(""), "Ctrl+K")
        tabs_menu = view.addMenu(tr("&Go to tab"))
        self.tab_actions = []
        for index in range(min(self.tabs.count(), 9)):
            action = self._add(tabs_menu, self.tabs.tabText(index), lambda i=index: self.tabs.setCurrentIndex(i),
                               f"Ctrl+{index + 1}")
            self.tab_actions.append(action)
        self.addActions([self.find_action, *self.tab_actions])  # keys work wherever the focus is in the window

    def _build_language_menu(self, view: QMenu) -> None:
        menu = view.addMenu(tr("&Language"))
        self.language_actions = QActionGroup(self)
        chosen = str(self.settings.value(i18n.SETTING, "system") or "system")
        for code in i18n.LANGUAGES:
            action = menu.addAction(tr(LANGUAGE_LABELS[code]))
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            self.language_actions.addAction(action)
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
        menu.addSeparator()
        menu.addAction(tr("Applies on the next start")).setEnabled(False)

    def set_language(self, code: str) -> None:
        """System, English or 简体中文: saved, applied on the next start (the window is built in one language)."""
        self.settings.setValue(i18n.SETTING, code)
        for action in self.language_actions.actions():
            action.setChecked(action.data() == code)
        self.statusBar().showMessage(tr("The language changes when w2v-desktop is next started."), 10_000)

    def set_theme(self, scheme: str) -> None:
        """System, Light or Dark; remembered for the next start."""
        theme.apply_scheme(scheme)
        self.settings.setValue("theme", scheme)
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == scheme)

    def focus_search(self) -> None:
        """Ctrl+F: the current tab's search box (its first input where it has none)."""
        box = getattr(self.tabs.currentWidget(), SEARCH_BOXES.get(self.tab_key(self.tabs.currentIndex()), ""), None)
        box = box[0] if isinstance(box, list) else box
        if box is not None and box.isEnabled():
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

    def tab_key(self, index: int) -> str:
        """The English name of a tab ("Data", "Neighbours", ...), whatever the language shown."""
        return list(self.panels)[index]

    def show_comparison_map(self, comparison, label_a: str, label_b: str) -> None:
        """Two runs on the map tab (from the Compare tab's "Show on the map")."""
        self.panels["Projection"].show_comparison(comparison, label_a, label_b)
        self.tabs.setCurrentWidget(self.panels["Projection"])

    def show_context(self, name: str) -> None:
        """The word-in-context window, showing ``name`` (when given)."""
        from w2v_desktop.gui.dialogs.context_dialog import ContextDialog

        if self.context_dialog is None:
            self.context_dialog = ContextDialog(self.state, self)
        self.context_dialog.show()
        self.context_dialog.raise_()
        if name:
            self.context_dialog.show_word(name)
        elif self.state.corpus is None:
            self.context_dialog.search()  # says why there is nothing to show

    def _fill_recent(self, paths: list[str]) -> None:
        self._fill_menu(self.recent_menu, paths)

    def _fill_recent_exports(self, paths: list[str]) -> None:
        self._fill_menu(self.recent_exports_menu, paths)

    def _fill_menu(self, menu: QMenu, paths: list[str]) -> None:
        menu.clear()
        for path in paths:
            action = menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.files.open_any(p))
        menu.setEnabled(bool(paths))

    def _fill_export_menus(self) -> None:
        from w2v_desktop.core.formats import FORMATS

        for name, info in FORMATS.items():
            if not info.can_write:
                continue
            for menu, output in ((self.export_menu, False), (self.export_output_menu, True)):
                action = menu.addAction(tr(info.label))
                action.triggered.connect(lambda _c=False, n=name, o=output: self.files.export_vectors(n, o))

    # -- signals ------------------------------------------------------------------------
    def _connect(self) -> None:
        s = self.state
        s.error_occurred.connect(lambda title, message, details: show_error(self, title, message, details))
        s.status_message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        s.names_sent.connect(lambda target, _names: target in self.panels
                             and self.tabs.setCurrentWidget(self.panels[target]))
        s.busy_changed.connect(lambda busy: self._busy_label.setText(tr("Working…") if busy else ""))
        s.training_state_changed.connect(self._on_training_state)
        s.training_state_changed.connect(self._update_actions)
        s.vectors_changed.connect(self._update_actions)
        s.trainer_changed.connect(self._update_actions)
        self.files.recent_changed.connect(self._fill_recent)
        s.data_opened.connect(self._on_data_opened)
        s.training_state_changed.connect(self._show_training)
        self.train_panel.finished.connect(self._on_trained)
        self.train_panel.options.notice_changed.connect(lambda text: text and self.statusBar().showMessage(text, 10_000))
        self.files.recent_exports_changed.connect(self._fill_recent_exports)
        s.document_changed.connect(self._update_title)
        s.unsaved_changed.connect(self._on_unsaved)
        s.context_requested.connect(self.show_context)
        s.error_occurred.connect(lambda *_a: setattr(self, "_close_after_save", False))  # a failed save: stay
        self.data_panel.open_text_requested.connect(lambda: self.files.open_text())
        self.panels["Compare"].map_requested.connect(self.show_comparison_map)
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

    def _update_title(self, *_args) -> None:
        """The file the window is about, and a "*" while a trained model is unsaved."""
        path = self.state.document_path
        app = f"w2v-desktop {__version__}"
        self.setWindowTitle(f"{os.path.basename(path)}[*] \N{EM DASH} {app}" if path else f"{app}[*]")
        self.setWindowFilePath(path)
        self.setWindowModified(self.state.unsaved)

    def _on_unsaved(self, unsaved: bool) -> None:
        self.setWindowModified(unsaved)
        if not unsaved and self._close_after_save:
            self.close()

    def _on_training_state(self, value: str) -> None:
        if value != IDLE:  # the end is said by _on_trained, which stays
            shown = {RUNNING: tr("running"), PAUSED: tr("paused"), STOPPING: tr("stopping")}.get(value, value)
            self.statusBar().showMessage(tr("Training: {value}").format(value=shown), 5000)

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
                shown = tr(" (showing {name})").format(name=name)
        self.statusBar().showMessage(tr("{line} — see the neighbours in the Neighbours tab{shown}, or save with File › "
                                        "Save model").format(line=line, shown=shown))

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
        path = QFileDialog.getExistingDirectory(self, tr("Open a Spark ML Word2VecModel folder"),
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
            stored[str(path)] = {"watch": tr("paris, money, bicycle"), "analogy": True,
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
        QMessageBox.about(self, tr("About w2v-desktop"),
                          tr("<b>w2v-desktop {__version__}</b><p>Train word2vec-style vectors of text and "
                             "user-item interactions, and explore and export them.</p>").format(__version__=__version__))

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
        scheme = self.settings.value("theme", "system")
        scheme = scheme if scheme in theme.SCHEMES else "system"
        if scheme != "system":
            theme.apply_scheme(scheme)
        for action in self.theme_actions.actions():
            action.setChecked(action.data() == scheme)

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

    def ask_about_unsaved(self) -> str:
        """"save", "discard" or "cancel": what to do with a trained model no file holds."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("Save the trained model?"),
                          tr("The model trained in this session has not been saved."),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(tr("Save it to continue training it or explore it later; discarded, it is gone when "
                                  "the window closes."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def closeEvent(self, event) -> None:
        """Ask about an unsaved trained model, then stop training and other jobs cleanly."""
        if self.state.unsaved and not self.train_panel.is_running():
            answer = self.ask_about_unsaved()
            if answer == "cancel":
                event.ignore()
                return
            if answer == "save":
                event.ignore()  # the window closes once the model is written (and stays if that fails)
                self._close_after_save = self.files.save_model()  # False: no file was chosen
                return
            self.state.set_unsaved(False)
        self._save_settings()
        if self.train_panel.is_running():
            self.train_panel.stop()
        worker.cancel_all(wait_ms=30_000)
        super().closeEvent(event)
