"""The app's shared state: what is loaded, what is training, what was trained.

Panels receive one ``AppState`` (constructor ``Panel(state, parent=None)``),
read its attributes and connect to its signals; they never talk to each
other. State changes go through the ``set_*`` methods so every listener hears
about them. Long work goes through ``run_in_worker`` so it runs off the GUI
thread and any exception reaches the user in an error dialog.

Attributes (read them; change them through the setters):
    corpus         core Corpus being trained on, or None
    vocab_report   core VocabReport of the current vocabulary, or None
    trainer        core Trainer (training state, output weights) of the last finished or
                   opened model, or None. A run publishes its trainer when it ends; one
                   that continues this model writes its arrays meanwhile, so read them
                   only while training_state is IDLE (the window disables saving until then)
    vectors        core Vectors to explore (trained or opened), or None
    interactions   rating/interaction data (core.items.Interactions), or None
    items          item metadata (core.items.ItemTable), or None
    source_path    file the corpus or ratings came from, or ""
    data_report    lines on how the data was prepared (e.g. ratings -> sequences), or []
    data_kind      what the corpus was made from: "text", "ratings", or "" (none)
    config         core TrainConfig being edited (the data panel's min_count lives here too)
    config_kind    the kind of data the options were set for: "text" or "items" (a preset's
                   name; edits keep it). Opening data of the other kind re-applies its defaults
    training_state one of IDLE, RUNNING, PAUSED, STOPPING
    document_path  the file the window is about (the last corpus, ratings, vectors, model or
                   project opened or saved), or "": the window title names it
    vectors_path   the file the current vectors were opened from ("" when trained here)
    unsaved        a trained model exists that no model or project file holds yet
    ready_vectors  the vectors whose search caches are built (``prepare_search``), or None
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import SIGNAL, QObject, Signal

from w2v_desktop.core.cancel import CancelToken
from w2v_desktop.core.config import TrainConfig
from w2v_desktop.gui.worker import Job
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

IDLE, RUNNING, PAUSED, STOPPING = "idle", "running", "paused", "stopping"


class AppState(QObject):
    corpus_changed = Signal(object)        # Corpus or None
    vectors_changed = Signal(object)       # Vectors or None
    trainer_changed = Signal(object)       # Trainer or None
    interactions_changed = Signal(object)  # Interactions or None (items follow in state.items)
    training_state_changed = Signal(str)   # IDLE / RUNNING / PAUSED / STOPPING
    config_changed = Signal(object)        # TrainConfig
    busy_changed = Signal(bool)            # True while any run_in_worker job runs
    error_occurred = Signal(str, str, str)  # title, message, details (traceback)
    status_message = Signal(str)           # a short line for the status bar
    names_sent = Signal(str, list)         # a panel's tab title and names for it (the map's selection)
    data_opened = Signal(str, dict)        # data kind ("text", "ratings"), options its dialog chose
    document_changed = Signal(str)         # document_path
    unsaved_changed = Signal(bool)         # unsaved
    vectors_ready = Signal(object)         # Vectors whose search caches were built in the background
    context_requested = Signal(str)        # a name to show in its corpus contexts (word in context)
    bookmarks_changed = Signal(list)       # the map's saved views (stored in the project file)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.corpus = None
        self.vocab_report = None
        self.trainer = None
        self._vectors = None
        self.interactions = None
        self.items = None
        self.source_path = ""
        self.data_kind = ""
        self.data_report: list[str] = []
        self.training_state = IDLE
        self.config = TrainConfig()
        self.config_kind = "text"
        self._jobs: set[Job] = set()
        self.last_error: tuple[str, str, str] | None = None
        self.document_path = ""
        self.vectors_path = ""
        self.unsaved = False
        self.map_bookmarks: list[dict] = []   # checked bookmark dicts (core.formats.map_bookmarks)
        self.ready_vectors = None
        self._preparing: Job | None = None

    # -- data ------------------------------------------------------------------
    @property
    def vectors(self):
        return self._vectors

    @vectors.setter
    def vectors(self, vectors) -> None:
        self.set_vectors(vectors)

    def set_vectors(self, vectors, path: str = "") -> None:
        """New vectors to explore; ``path``: the file they were opened from ("" when trained)."""
        self._vectors = vectors
        self.vectors_path = str(path or "")
        self.vectors_changed.emit(vectors)
        self._prepare(vectors)

    def _prepare(self, vectors) -> None:
        """Build large vectors' search caches (unit rows, 8-bit copy, name index) on a worker,
        so that neither the first keystroke nor the first query waits for them."""
        from w2v_desktop.core.vectors.prepare import prepare_search, worth_preparing

        if self._preparing is not None:
            self._preparing.cancel()
            self._preparing = None
        if not worth_preparing(vectors):
            self.ready_vectors = vectors
            self.vectors_ready.emit(vectors)
            return
        self.ready_vectors = None
        token = CancelToken()

        def ready(_result) -> None:
            if vectors is self._vectors:
                self.ready_vectors = vectors
                self.vectors_ready.emit(vectors)

        job = self.run_in_worker(prepare_search(vectors, token), ready, title=tr("Could not prepare the vectors"),
                                 name="prepare-vectors")
        job.add_cancel_callback(token.cancel)
        job.done.connect(lambda: self._preparing is job and setattr(self, "_preparing", None))
        self._preparing = job

    def set_document(self, path: str) -> None:
        if str(path) != self.document_path:
            self.document_path = str(path)
            self.document_changed.emit(self.document_path)

    def set_bookmarks(self, bookmarks: list[dict]) -> None:
        self.map_bookmarks = list(bookmarks)
        self.bookmarks_changed.emit(list(self.map_bookmarks))

    def set_unsaved(self, unsaved: bool) -> None:
        if unsaved != self.unsaved:
            self.unsaved = unsaved
            self.unsaved_changed.emit(unsaved)

    def request_context(self, name: str) -> None:
        """Show where ``name`` occurs in the corpus (the main window opens the word-in-context view)."""
        self.context_requested.emit(name)

    def set_corpus(self, corpus, source_path: str = "", vocab_report=None, data_report=(),
                   kind: str = "text") -> None:
        """A new training corpus: ``kind`` "text", or "ratings" (item sequences built from ratings)."""
        self.corpus = corpus
        self.data_kind = kind if corpus is not None else ""
        self.data_report = list(data_report)
        self.vocab_report = vocab_report
        self.source_path = str(source_path or getattr(corpus, "source", "") or "")
        self.corpus_changed.emit(corpus)

    def set_interactions(self, interactions, items=None) -> None:
        self.interactions = interactions
        self.items = items
        self.interactions_changed.emit(interactions)

    def set_trainer(self, trainer) -> None:
        self.trainer = trainer
        if trainer is not None:
            self.vocab_report = getattr(trainer, "vocab_report", self.vocab_report)
        # a run hands its trainer over before it reports IDLE: that model is in no file yet
        self.set_unsaved(trainer is not None and self.training_state != IDLE)
        self.trainer_changed.emit(trainer)

    def set_config(self, config: TrainConfig, kind: str | None = None) -> None:
        """New options; ``kind`` ("text", "items"): the data they are set for (None: unchanged)."""
        changed = config != self.config or (kind is not None and kind != self.config_kind)
        self.config_kind = kind or self.config_kind
        if changed:
            self.config = config
            self.config_changed.emit(config)

    def set_training_state(self, value: str) -> None:
        if value != self.training_state:
            self.training_state = value
            self.training_state_changed.emit(value)

    def send_names(self, target: str, names: list[str]) -> None:
        """Hand ``names`` to the panel titled ``target`` ("Neighbours", "Analogy"); the main
        window shows that tab and the panel puts the names in its inputs."""
        self.names_sent.emit(target, list(names))

    # -- work off the GUI thread ---------------------------------------------------
    def run_in_worker(self, job: Callable[..., Any] | Any, on_done: Callable[[Any], None] | None = None,
                      on_progress: Callable[[Any], None] | None = None, *, title: str = QT_TR_NOOP("Task failed"),
                      on_error: Callable[[str, str], None] | None = None, name: str = "") -> Job:
        """Run ``job()`` (a callable, or a generator object) on a worker thread.

        Each yield of a generator reaches ``on_progress`` on the GUI thread; the
        result (a generator's return value) reaches ``on_done``. An exception
        opens an error dialog titled ``title`` (and calls ``on_error`` too).
        Returns the ``Job`` (``cancel()``, ``wait()``, signals).
        """
        handle = Job(job, name=name)
        handle.finished.connect(on_done) if on_done is not None else None
        handle.progress.connect(on_progress) if on_progress is not None else None
        handle.errored.connect(lambda message, details: self.report_error(title, message, details))
        if on_error is not None:
            handle.errored.connect(on_error)
        handle.done.connect(lambda: self._job_ended(handle))
        self._jobs.add(handle)
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        return handle.start()

    def _job_ended(self, handle: Job) -> None:
        self._jobs.discard(handle)
        if not self._jobs:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def report_error(self, title: str, message: str, details: str = "") -> None:
        """Tell the user; the main window listens and shows an error dialog."""
        self.last_error = (title, message, details)
        if self.receivers(SIGNAL("error_occurred(QString,QString,QString)")) == 0:
            # No window is listening (a panel used on its own): show the dialog directly.
            from w2v_desktop.gui.dialogs.error_dialog import show_error
            show_error(None, title, message, details)
        self.error_occurred.emit(title, message, details)
