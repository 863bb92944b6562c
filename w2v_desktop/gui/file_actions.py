"""Opening and saving files from the window: corpora, ratings, vectors, models,
projects and exports. Reading and writing run off the GUI thread through
``AppState.run_in_worker``; failures reach the user in the error dialog.

Long loads (text corpora, rating files, vectors files) show their share read, the
time left and a Cancel button in the status bar (``widgets.load_progress``); a
cancelled load changes nothing, and a new load of the same kind replaces one
still running.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox, QWidget

from w2v_desktop.core.cancel import CancelToken
from w2v_desktop.core.config import TrainConfig, closest_preset
from w2v_desktop.core.text import TokenizeOptions
from w2v_desktop.core.formats import project as projects
from w2v_desktop.core.jobs import load_text_corpus, load_vectors_job
from w2v_desktop.core.train import model_file
from w2v_desktop.gui.state import IDLE
from w2v_desktop.gui.widgets.load_progress import LoadProgressWidget
from w2v_desktop.gui.i18n import tr, tr_phrase, counted

MAX_RECENT = 10


def inside_package(path: str) -> bool:
    """Whether ``path`` lies in the installed package (the bundled samples): no place to save to."""
    from w2v_desktop.core.bundled import bundled_path

    try:
        return Path(path).resolve().is_relative_to(bundled_path().resolve().parent)
    except (OSError, ValueError):
        return False


class FileActions(QObject):
    recent_changed = Signal(list)          # recent data: what was opened (or saved to open again)
    recent_exports_changed = Signal(list)  # recent exports: vectors written for other programs
    vectors_opened = Signal(str)
    load_started = Signal(object)  # the Job of a corpus or ratings load (progress, Cancel)

    def __init__(self, state, window: QWidget, settings: QSettings):
        super().__init__(window)
        self.state, self.window, self.settings = state, window, settings
        self.tokenize_options = TokenizeOptions()
        self.data_kind = "text"
        self.sequence_report = None  # how the last rating file became sequences
        self._tickets = {"data": 0, "vectors": 0}  # loads started, per what they replace
        self._loading: dict[str, object] = {}  # the running long load of each channel (a Job)
        self._superseded: set = set()  # loads cancelled by a newer one, not by the user
        self.loads = LoadProgressWidget(window)
        if isinstance(window, QMainWindow):  # the window's status bar, beside its other notes
            window.statusBar().addPermanentWidget(self.loads)

    def _latest_only(self, channel: str, done):
        """Wrap a load's callback so that only the most recently started load of
        the channel ("data": corpus or ratings; "vectors": vectors, model or
        project) is applied. Loads finish in any order: a large file opened
        first must not replace a small one opened after it."""
        self._tickets[channel] += 1
        ticket = self._tickets[channel]

        def apply(result) -> None:
            if ticket == self._tickets[channel]:
                done(result)

        return apply

    def _long_load(self, channel: str, job, path: str, done, on_progress=None, *, title: str, name: str,
                   token: CancelToken | None = None):
        """Run a load generator with the status bar's progress and Cancel; a load of the same
        channel still running is cancelled (its result would be dropped anyway). Cancel closes
        the generator at its next yield and sets ``token``, which the job passes to work that
        does not yield often (a Spark action: its job group is cancelled)."""
        previous = self._loading.get(channel)
        if previous is not None and previous.is_running():
            self._superseded.add(previous)
            previous.cancel()
        handle = self.state.run_in_worker(job, self._latest_only(channel, done), on_progress, title=title, name=name)
        self._loading[channel] = handle
        if token is not None:
            handle.add_cancel_callback(token.cancel)
        self.loads.track(handle, Path(path).name)
        self.load_started.emit(handle)
        handle.done.connect(lambda: self._superseded.discard(handle))
        handle.done.connect(lambda: self._loading.get(channel) is handle and self._loading.pop(channel))
        handle.cancelled.connect(lambda: handle in self._superseded or self._say_cancelled(Path(path).name))
        return handle

    def _say_cancelled(self, name: str) -> None:
        self.state.status_message.emit(tr("Load cancelled: {name} was not opened; what was open before stays open.").format(name=name))

    # -- recent files and folders ---------------------------------------------------------
    def _recent(self, key: str) -> list[str]:
        value = self.settings.value(key, [])
        return [str(v) for v in (value if isinstance(value, list) else [value]) if v]

    def recent_files(self) -> list[str]:
        """Data opened (corpora, ratings, vectors, models, projects), newest first."""
        return self._recent("recent_files")

    def recent_exports(self) -> list[str]:
        """Files exported for other programs, newest first: a separate list, so exports do not
        push the data one works on out of Open recent."""
        return self._recent("recent_exports")

    def _push(self, key: str, path: str) -> list[str]:
        recent = [p for p in self._recent(key) if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue(key, recent[:MAX_RECENT])
        return recent[:MAX_RECENT]

    def _remember(self, path: str) -> None:
        self.recent_changed.emit(self._push("recent_files", path))
        self.settings.setValue("last_dir", str(Path(path).parent))

    def _remember_export(self, path: str) -> None:
        self.recent_exports_changed.emit(self._push("recent_exports", path))
        self.settings.setValue("last_export_dir", str(Path(path).parent))

    def save_folder(self) -> str:
        """Where save and export dialogs start: the folder of the data in use (never the
        package's own folder, where the samples live), else the last folder saved to, else home."""
        for path in (self.state.source_path, self.state.vectors_path, self.state.document_path):
            if path and not inside_package(path) and Path(path).parent.is_dir():
                return str(Path(path).parent)
        last = str(self.settings.value("last_export_dir", "") or "")
        return last if last and Path(last).is_dir() and not inside_package(last) else str(Path.home())

    def _ask_open(self, caption: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, caption, str(self.settings.value("last_dir", "")),
                                              filters)
        return path

    def _ask_save(self, caption: str, name: str, filters: str) -> str:
        start = str(Path(self.save_folder()) / name)
        path, _ = QFileDialog.getSaveFileName(self.window, caption, start, filters)
        return path

    # -- opening -----------------------------------------------------------------------
    def open_any(self, path: str) -> None:
        """Open a file by what it looks like (drag and drop, recent files, command line)."""
        from w2v_desktop.core.formats import sniff

        found = sniff(path)
        if found.kind == "vectors":
            self.open_vectors(path, found.vector_format)  # sniffed once: the loader gets the format
            return
        {"project": self.open_project, "model": self.open_model,
         "ratings": self.open_ratings, "text": self.open_text}[found.kind](path)

    def open_text(self, path: str | None = None, ask_options: bool = True, options=None,
                  as_document: bool = True) -> None:
        """``as_document``: the window title names the corpus (a project's data leaves the project's name)."""
        path = path or self._ask_open(tr("Open a text corpus"), tr("Text (*.txt *.cor *.gz *.bz2 *.xz);;All files (*)"))
        if not path:
            return
        if options is None and ask_options:
            from w2v_desktop.gui.dialogs.tokenize_dialog import TokenizeDialog

            dialog = TokenizeDialog(path, self.tokenize_options, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            options = dialog.options()
        self.tokenize_options = options or self.tokenize_options
        self._remember(path)
        self.state.status_message.emit(tr("Reading {path}…").format(path=path))

        def done(corpus) -> None:
            self.data_kind = "text"
            self.state.set_interactions(None, None)
            self.state.set_corpus(corpus, path, kind="text")
            if as_document:
                self.state.set_document(path)
            self.state.status_message.emit(tr("Loaded {path}: {n_tokens:,} tokens").format(path=path, n_tokens=corpus.n_tokens))
            self.state.data_opened.emit(tr("text"), {})

        token = CancelToken()
        self._long_load("data", load_text_corpus(path, self.tokenize_options, token), path, done,
                        lambda p: self.state.status_message.emit(tr_phrase(p.message)),
                        title=tr("Could not read {name}").format(name=Path(path).name), name="load-text", token=token)

    def open_ratings(self, path: str | None = None, ask: bool = True) -> None:
        """``ask=False`` takes the detected columns and default options without showing the dialog."""
        path = path or self._ask_open(tr("Open a ratings file"), tr("Ratings (*.csv *.tsv *.dat *.data *.parquet);;All files (*)"))
        if not path:
            return
        from w2v_desktop.gui.dialogs.ratings_dialog import RatingsDialog

        dialog = RatingsDialog(path, self.state, self.window)
        if ask and dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._remember(path)
        token = CancelToken()
        self._long_load("data", dialog.load_job(token), path, lambda d: self._ratings_loaded(d, path),
                        lambda progress: self.state.status_message.emit(tr_phrase(progress.message)),
                        title=tr("Could not read {name}").format(name=Path(path).name), name="load-ratings", token=token)

    def _ratings_loaded(self, data, path: str) -> None:
        """``data``: core.jobs.ratings.RatingData."""
        corpus = data.corpus
        self.data_kind = "ratings"
        self.sequence_report = data.report
        self.state.set_interactions(data.events, data.items)
        self.state.set_corpus(corpus, path, data_report=data.report_lines(), kind="ratings")
        self.state.set_document(path)
        self.state.status_message.emit(tr("Loaded {path}: {n_sentences:,} sequences of {n_words:,} items").format(path=path, n_sentences=corpus.n_sentences, n_words=len(corpus.words)))
        self.state.data_opened.emit(tr("ratings"), {"min_count": data.options.min_count})

    def open_vectors(self, path: str | None = None, fmt: str | None = None) -> None:
        path = path or self._ask_open(tr("Open vectors to explore"),
                                      tr("Vectors (*.txt *.vec *.bin *.w2v *.npy *.npz *.tsv *.csv);;All files (*)"))
        if not path:
            return
        self._remember(path)

        def done(vectors) -> None:
            self.state.set_vectors(vectors, path)
            self.state.set_document(path)
            self.state.status_message.emit(tr("Opened {n_vectors:,} vectors of {dim} dimensions").format(n_vectors=len(vectors), dim=vectors.dim))
            self.vectors_opened.emit(path)

        self._long_load("vectors", load_vectors_job(path, fmt), path, done,
                        lambda progress: self.state.status_message.emit(tr_phrase(progress.message)),
                        title=tr("Could not open {name}").format(name=Path(path).name), name="load-vectors")

    def open_model(self, path: str | None = None) -> None:
        """A saved model: explore its vectors, or continue training it on new data."""
        if self._training_runs(tr("open the model")):
            return
        path = path or self._ask_open(tr("Open a model to continue training"),
                                      tr("Models (*{MODEL_SUFFIX});;All files (*)").format(MODEL_SUFFIX=projects.MODEL_SUFFIX))
        if not path:
            return
        self._remember(path)

        def read():  # the vectors are copied here, on the worker, not on the GUI thread
            trainer = model_file.load_model(path)
            return trainer, trainer.vectors()

        def done(loaded) -> None:
            trainer, vectors = loaded
            self.state.set_trainer(trainer)
            self.state.set_config(trainer.config, kind=closest_preset(trainer.config))
            self.state.set_vectors(vectors, path)
            self.state.set_document(path)
            self.state.status_message.emit(tr("Opened model {name} ({n_vocab:,} names, {epochs_trained}); open new data "
                                              "and Train to continue").format(name=Path(path).name, n_vocab=len(trainer.vocab),
                                                                              epochs_trained=counted(trainer.epochs_trained, tr("epoch", "counted"), tr("epochs", "counted"))))

        self.state.run_in_worker(read, self._latest_only("vectors", done),
                                 title=tr("Could not open {name}").format(name=Path(path).name),
                                 name="load-model")

    # -- saving -----------------------------------------------------------------------
    def _training_runs(self, doing: str = "save") -> bool:
        """Saving reads the model, whose arrays the training threads write while it runs, and
        opening a model or project would replace it (the window disables these commands then;
        this answers any other caller: drag and drop, recent files)."""
        if self.state.training_state == IDLE:
            return False
        self.state.report_error(tr("Training is running"), tr("Wait until training ends (or stop it), then {doing}.").format(doing=doing))
        return True

    def save_model(self, path: str | None = None) -> bool:
        """Write the model (asking where when ``path`` is None); True when the writing started."""
        if self._training_runs():
            return False
        trainer = self.state.trainer
        if trainer is None:
            self.state.report_error(tr("Nothing to save"), tr("Train a model (or open one) first."))
            return False
        path = path or self._ask_save(tr("Save model"), "model" + projects.MODEL_SUFFIX,
                                      tr("Models (*{MODEL_SUFFIX})").format(MODEL_SUFFIX=projects.MODEL_SUFFIX))
        if path:
            self.state.run_in_worker(lambda: model_file.save_model(trainer, path),
                                     lambda _r: self._saved(path, trainer), title=tr("Could not save the model"),
                                     name="save-model")
        return bool(path)

    def _saved(self, path: str, trainer=None) -> None:
        """A model or project written: it is data one opens again (Open recent)."""
        self._remember(path)
        self.state.set_document(path)
        if trainer is not None and trainer is self.state.trainer:
            self.state.set_unsaved(False)
        self.state.status_message.emit(tr("Saved {path}").format(path=path))

    def _exported(self, path: str) -> None:
        self._remember_export(path)
        self.state.status_message.emit(tr("Exported {path}").format(path=path))

    def export_vectors(self, fmt: str, output: bool = False, path: str | None = None) -> None:
        from w2v_desktop.core.formats import FORMATS, save_vectors

        if self._training_runs():
            return
        trainer, vectors = self.state.trainer, self.state.vectors
        if (vectors is None) if not output else (trainer is None or trainer.syn1neg is None):
            self.state.report_error(tr("Nothing to export"), tr("Train, or open, vectors first.")
                                    if not output else tr("Output vectors exist only after negative-sampling training."))
            return
        info = FORMATS[fmt]
        path = path or self._ask_save(tr("Export {label}").format(label=tr(info.label)), ("output-vectors" if output else "vectors") + info.suffix,
                                      tr("{label} (*{suffix});;All files (*)").format(label=tr(info.label), suffix=info.suffix))
        if path:
            # the output weights are copied on the worker, not on the GUI thread
            write = (lambda: save_vectors(trainer.output_vectors(), path, fmt)) if output else \
                (lambda: save_vectors(vectors, path, fmt))
            self.state.run_in_worker(write, lambda _r: self._exported(path),
                                     title=tr("Could not export {label}").format(label=tr(info.label)), name="export")

    # -- projects -------------------------------------------------------------------------
    def save_project(self, path: str | None = None, watch=(), analogy_path: str = "") -> None:
        if self._training_runs():
            return
        trainer = self.state.trainer
        path = path or self._ask_save(tr("Save project"), "project" + projects.SUFFIX,
                                      tr("Projects (*{SUFFIX})").format(SUFFIX=projects.SUFFIX))
        if not path:
            return
        if not path.endswith(projects.SUFFIX):
            path = str(Path(path).with_suffix("")) + projects.SUFFIX
        model = projects.model_path_for(path)
        project = projects.Project(
            config=self.state.config.to_dict(), tokenize=dataclasses.asdict(self.tokenize_options),
            data_path=self.state.source_path, data_kind=self.data_kind,
            model_file=model.name if trainer is not None else "", watch=list(watch), analogy_path=analogy_path,
            bookmarks=list(self.state.map_bookmarks))

        def write() -> None:
            if trainer is not None:
                model_file.save_model(trainer, model)
            projects.save_project(project, path)

        self.state.run_in_worker(write, lambda _r: self._saved(path, trainer), title=tr("Could not save the project"),
                                 name="save-project")

    def open_project(self, path: str | None = None, on_loaded=None, allow_outside: bool = False) -> None:
        """``allow_outside``: the user confirmed paths that lead outside the project's folder."""
        if self._training_runs(tr("open the project")):
            return
        path = path or self._ask_open(tr("Open project"), tr("Projects (*{SUFFIX});;All files (*)").format(SUFFIX=projects.SUFFIX))
        if not path:
            return

        def read():
            try:
                project = projects.load_project(path, allow_outside=allow_outside)
            except projects.OutsideProjectError as outside:
                return outside  # asked on the GUI thread: a crafted project must not read /etc/passwd unasked
            if not project.model_file:  # load_project resolved and checked the path
                return project, None, None
            trainer = model_file.load_model(project.model_file)
            return project, trainer, trainer.vectors()  # copied on the worker, not the GUI thread

        def confirm_outside(outside: projects.OutsideProjectError) -> None:
            answer = QMessageBox.question(
                self.window, tr("Open a file outside the project's folder?"),
                tr("{name} refers to a file outside its folder:\n\n{field}: {target}\n\nOpen the "
                   "project and read that file anyway? Only do this for projects you trust.").format(name=Path(path).name, field=outside.field, target=outside.target))
            if answer == QMessageBox.StandardButton.Yes:
                self.open_project(path, on_loaded, allow_outside=True)

        def done(loaded) -> None:
            if isinstance(loaded, projects.OutsideProjectError):
                confirm_outside(loaded)
                return
            project, trainer, vectors = loaded
            self._remember(path)
            config = TrainConfig.from_dict(project.config)
            self.state.set_config(config, kind="items" if project.data_kind == "ratings" else "text")
            known = {f.name for f in dataclasses.fields(TokenizeOptions)}
            self.tokenize_options = TokenizeOptions(**{k: v for k, v in project.tokenize.items() if k in known})
            self.state.set_bookmarks(project.bookmarks)
            if trainer is not None:
                self.state.set_trainer(trainer)
                self.state.set_vectors(vectors)
            self.state.set_document(path)
            if project.data_path and Path(project.data_path).is_file() and project.data_kind == "text":
                self.open_text(project.data_path, options=self.tokenize_options, as_document=False)
            if on_loaded is not None:
                on_loaded(project)

        self.state.run_in_worker(read, self._latest_only("vectors", done), title=tr("Could not open {name}").format(name=Path(path).name),
                                 name="load-project")
