"""The training options form: TrainConfig fields grouped and explained, with presets."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from w2v_desktop.core import config as core_config
from w2v_desktop.core.config import FIXED_WHEN_CONTINUING, TrainConfig, matching_preset
from w2v_desktop.gui.forms import DataclassForm, FieldHints
from w2v_desktop.gui.i18n import QT_TR_NOOP, tr

GROUPS = {
    QT_TR_NOOP("Architecture"): ["sg", "cbow_mean", "dim", "window"],
    QT_TR_NOOP("Sampling"): ["hs", "negative", "ns_exponent", "sample"],
    QT_TR_NOOP("Optimisation"): ["alpha", "min_alpha", "epochs", "shuffle", "seed", "threads", "chunk_words"],
    QT_TR_NOOP("Vocabulary"): ["min_count", "max_vocab"],
}

# The spin boxes go one below the valid range (0) and the window has no upper bound: what is
# valid is TrainConfig's to say (core.config), and the form shows its message, as the CLI prints it.
HINTS = {
    "sg": FieldHints(QT_TR_NOOP("Model"), choices={True: QT_TR_NOOP("Skip-gram"), False: "CBOW"}, tooltip=(
        QT_TR_NOOP("Skip-gram predicts each context word from the centre word, one (centre, "
                   "context) pair at a time: slower, and better for rare words.\nCBOW averages the "
                   "context vectors to predict the centre word: several times faster, and smoother "
                   "for frequent words."))),
    "cbow_mean": FieldHints(QT_TR_NOOP("CBOW: average context"), tooltip=(
        QT_TR_NOOP("CBOW only: average the context vectors (on) or sum them (off)."))),
    "dim": FieldHints(QT_TR_NOOP("Dimensions"), minimum=0, maximum=10_000, tooltip=(
        QT_TR_NOOP("Length of each vector. 50-300 for text; 32-128 is common for items. More "
                   "dimensions need more data and memory."))),
    "window": FieldHints(QT_TR_NOOP("Window"), minimum=0, tooltip=(
        QT_TR_NOOP("Maximum distance between the centre word and a context word (the actual window "
                   "is drawn uniformly up to this, so near words count more). Item histories use "
                   "wide windows."))),
    "hs": FieldHints(QT_TR_NOOP("Output layer"), choices={False: QT_TR_NOOP("Negative sampling"), True: QT_TR_NOOP("Hierarchical softmax")},
                     tooltip=(
        QT_TR_NOOP("A full softmax costs O(V) per step. Two shortcuts:\nNegative sampling (NS): "
                   "contrast the true context word with `negative` random words drawn from the "
                   "unigram distribution raised to ns_exponent; a binary sigmoid loss updates only "
                   "negative+1 output rows.\nHierarchical softmax (HS): walk a Huffman tree built "
                   "from word frequencies, O(log V) per step; frequent words get short paths. HS "
                   "tends to favour rare words."))),
    "negative": FieldHints(QT_TR_NOOP("Negative samples"), minimum=0, maximum=100, tooltip=(
        QT_TR_NOOP("Noise words per positive pair with negative sampling (5-20; fewer for big "
                   "corpora). 0 turns negative sampling off (then hierarchical softmax must be on)."))),
    "ns_exponent": FieldHints(QT_TR_NOOP("Noise exponent"), minimum=-2, maximum=2, step=0.05, decimals=3, tooltip=(
        QT_TR_NOOP("Noise words are drawn with probability proportional to count^exponent. 0.75 "
                   "(the paper's value) flattens the distribution so rarer words are drawn more "
                   "often than their frequency; 1 samples by frequency, 0 uniformly."))),
    "sample": FieldHints(QT_TR_NOOP("Down-sample threshold"), minimum=0, maximum=0.999999, step=1e-4, decimals=6,
                         tooltip=(
        QT_TR_NOOP("Randomly skips very frequent words (the, of, a; or blockbuster items): a word "
                   "making up a share f of all tokens is kept with probability (sqrt(f/sample) + 1) "
                   "* sample / f.\nSpeeds training and improves rare-word vectors. 1e-3 for text, "
                   "1e-4 or 1e-5 for large corpora or items; 0 turns it off."))),
    "alpha": FieldHints(QT_TR_NOOP("Learning rate"), minimum=1e-6, maximum=1, step=0.005, decimals=5, tooltip=(
        QT_TR_NOOP("Initial learning rate; it decays linearly to the final rate over all epochs. "
                   "0.025 for skip-gram, 0.05 for CBOW."))),
    "min_alpha": FieldHints(QT_TR_NOOP("Final learning rate"), minimum=0, maximum=1, step=1e-4, decimals=6,
                            tooltip=QT_TR_NOOP("Learning rate reached at the end of the last epoch.")),
    "epochs": FieldHints(QT_TR_NOOP("Epochs"), minimum=0, maximum=10_000, tooltip=(
        QT_TR_NOOP("Passes over the corpus. Small corpora need more epochs."))),
    "shuffle": FieldHints(QT_TR_NOOP("Shuffle sentences each epoch"), tooltip=(
        QT_TR_NOOP("Train the sentences in a new random order (from the seed) each epoch instead of "
                   "the file's order. Worth it for files sorted by topic or source (20news is "
                   "sorted by newsgroup): in file order the last topics of each epoch are learnt at "
                   "a lower learning rate than the first."))),
    "seed": FieldHints(QT_TR_NOOP("Random seed"), minimum=0, maximum=2**31 - 1, tooltip=(
        QT_TR_NOOP("Seeds initial vectors, subsampling and noise draws. With 1 thread a run is "
                   "repeatable; with several threads the update order varies slightly."))),
    "threads": FieldHints(QT_TR_NOOP("Threads"), minimum=0, maximum=256, tooltip=QT_TR_NOOP("Worker threads; 0 uses all cores.")),
    "chunk_words": FieldHints(QT_TR_NOOP("Words per step"), minimum=0, maximum=10_000_000, step=1000, tooltip=(
        QT_TR_NOOP("Words handed to the compiled kernel at a time: progress, pause and stop act between steps."))),
    "min_count": FieldHints(QT_TR_NOOP("Minimum count"), minimum=0, maximum=1_000_000, tooltip=(
        QT_TR_NOOP("Words seen fewer times are dropped: they get no vector. See the Data tab for "
                   "what this drops in the loaded corpus."))),
    "max_vocab": FieldHints(QT_TR_NOOP("Vocabulary limit"), minimum=1, maximum=2_000_000_000, none_text=QT_TR_NOOP("no limit"),
                            tooltip=QT_TR_NOOP("Keep at most this many of the most frequent words.")),
}

PRESET_LABELS = {"text": QT_TR_NOOP("Text (word2vec defaults)"), "items": QT_TR_NOOP("Items (sessions, user histories)")}
CUSTOM = "custom"
KIND_PRESET = {"text": "text", "ratings": "items"}  # the defaults each kind of data gets
KIND_WORDS = {"text": "text", "items": "item"}


def preset_config(name: str, keep: TrainConfig | None = None) -> TrainConfig:
    return core_config.preset_config(name, keep)


class TrainOptions(QWidget):
    """Preset chooser + grouped form; keeps ``state.config`` in step with the form."""

    config_changed = Signal(object)
    notice_changed = Signal(str)  # the defaults notice ("" when hidden)

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.preset = QComboBox()
        self.preset.setToolTip(tr("Fill the form with defaults suited to text or to item sequences. “Custom” once "
                                  "an option is changed."))
        for key, label in PRESET_LABELS.items():
            self.preset.addItem(tr(label), key)
        self.preset.addItem(tr("Custom"), CUSTOM)
        self.preset.model().item(self.preset.count() - 1).setEnabled(False)  # a state, not a choice
        self.preset.activated.connect(lambda _i: self._on_preset_chosen(self.preset.currentData()))
        self.form = DataclassForm(TrainConfig, state.config, hints=HINTS, groups=GROUPS)
        self.form.changed.connect(self._on_form_changed)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setToolTip(tr("Put back the options as they were before the data was opened"))
        self.undo_button.clicked.connect(self.undo_defaults)
        self._notice_row = QWidget()
        row = QHBoxLayout(self._notice_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.notice, 1)
        row.addWidget(self.undo_button)
        self._notice_row.hide()
        self._undo: tuple[TrainConfig, str] | None = None  # (options, kind) before defaults were applied
        self._applied: TrainConfig | None = None
        top = QFormLayout()
        top.addRow(tr("Preset"), self.preset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._notice_row)
        layout.addWidget(self.form)
        state.config_changed.connect(self._on_state_config)
        self._locked = False
        self._enable_relevant(state.config)
        self._show_preset(state.config)

    def apply_preset(self, name: str) -> None:
        """Fill the form with the preset's defaults (this machine's seed, threads and step kept)."""
        self._hide_notice()
        self.state.set_config(preset_config(name, keep=self.state.config), kind=name)
        self._show_preset(self.state.config)

    def _on_preset_chosen(self, name: str) -> None:
        if name in PRESET_LABELS:
            self.apply_preset(name)

    def preset_name(self) -> str:
        """The preset the form shows: "text", "items" or "custom"."""
        return self.preset.currentData()

    def _show_preset(self, config: TrainConfig) -> None:
        self.preset.setCurrentIndex(self.preset.findData(matching_preset(config) or CUSTOM))

    # -- defaults per kind of data ------------------------------------------------------
    def data_opened(self, data_kind: str, changes: dict | None = None) -> None:
        """New data of ``data_kind`` ("text", "ratings"): options set for the other kind give
        way to this kind's defaults, said in a one-line notice with Undo; ``changes`` (options
        the data's own dialog chose, such as min_count) are applied either way."""
        wanted = KIND_PRESET.get(data_kind)
        if wanted is None:
            return
        before, kind_before = self.state.config, self.state.config_kind
        if kind_before == wanted:
            if changes:
                self.state.set_config(before.replace(**changes))
            return
        config = preset_config(wanted, keep=before).replace(**(changes or {}))
        self.state.set_config(config, kind=wanted)
        self._undo, self._applied = (before, kind_before), config
        self.notice.setText(tr("{v0} data opened: {v1} defaults applied (the options were set for {v2} data).").format(v0=KIND_WORDS[wanted].capitalize(), v1=KIND_WORDS[wanted], v2=KIND_WORDS.get(kind_before, kind_before)))
        self._notice_row.show()
        self.notice_changed.emit(self.notice.text())

    def undo_defaults(self) -> None:
        if self._undo is None:
            return
        config, kind = self._undo
        self._hide_notice()
        self.state.set_config(config, kind=kind)

    def _hide_notice(self) -> None:
        self._undo = self._applied = None
        if not self._notice_row.isHidden():
            self._notice_row.hide()
            self.notice_changed.emit("")

    def config(self) -> TrainConfig:
        """The form's options (raises ConfigError naming the bad option)."""
        return self.form.value()

    def lock_for_continuation(self, locked: bool) -> None:
        """Continuing a model: the options it fixes (core.config.continue_config) are locked."""
        self._locked = locked
        for name, editor in self.form.editors.items():
            editor.widget.setEnabled(not locked or name not in FIXED_WHEN_CONTINUING)
        self.preset.setEnabled(not locked)
        self._enable_relevant(self.state.config)

    def _enable_relevant(self, config: TrainConfig) -> None:
        """Grey out options the chosen model ignores (CBOW averaging under skip-gram,
        noise words under hierarchical softmax)."""
        ignored = {"cbow_mean": config.sg, "negative": config.hs, "ns_exponent": config.hs}
        for name, is_ignored in ignored.items():
            editor = self.form.editors.get(name)
            if editor is not None and not (self._locked and name in FIXED_WHEN_CONTINUING):
                editor.widget.setEnabled(not is_ignored)

    def _on_form_changed(self) -> None:
        try:
            config = self.form.value()
        except ValueError:
            return  # the form shows the message; state keeps the last valid options
        self.state.set_config(config)
        self._enable_relevant(config)
        self._show_preset(config)
        if self._applied is not None and config != self._applied:
            self._hide_notice()  # edited since: Undo would throw the edits away
        self.config_changed.emit(config)

    def _on_state_config(self, config: TrainConfig) -> None:
        self._show_preset(config)
        if not self.form.validate() and self.form.value() == config:
            return
        self.form.set_value(config)
