"""The training options form: TrainConfig fields grouped and explained, with presets."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from w2v_desktop.core.config import FIXED_WHEN_CONTINUING, ITEM_DEFAULTS, TrainConfig
from w2v_desktop.gui.forms import DataclassForm, FieldHints

GROUPS = {
    "Architecture": ["sg", "cbow_mean", "dim", "window"],
    "Sampling": ["hs", "negative", "ns_exponent", "sample"],
    "Optimisation": ["alpha", "min_alpha", "epochs", "seed", "threads", "chunk_words"],
    "Vocabulary": ["min_count", "max_vocab"],
}

# The spin boxes go one below the valid range (0) and the window has no upper bound: what is
# valid is TrainConfig's to say (core.config), and the form shows its message, as the CLI prints it.
HINTS = {
    "sg": FieldHints("Model", choices={True: "Skip-gram", False: "CBOW"}, tooltip=(
        "Skip-gram predicts each context word from the centre word, one (centre, context) pair at a "
        "time: slower, and better for rare words.\nCBOW averages the context vectors to predict the "
        "centre word: several times faster, and smoother for frequent words.")),
    "cbow_mean": FieldHints("CBOW: average context", tooltip=(
        "CBOW only: average the context vectors (on) or sum them (off).")),
    "dim": FieldHints("Dimensions", minimum=0, maximum=10_000, tooltip=(
        "Length of each vector. 50-300 for text; 32-128 is common for items. More dimensions need "
        "more data and memory.")),
    "window": FieldHints("Window", minimum=0, tooltip=(
        "Maximum distance between the centre word and a context word (the actual window is drawn "
        "uniformly up to this, so near words count more). Item histories use wide windows.")),
    "hs": FieldHints("Output layer", choices={False: "Negative sampling", True: "Hierarchical softmax"},
                     tooltip=(
        "A full softmax costs O(V) per step. Two shortcuts:\n"
        "Negative sampling (NS): contrast the true context word with `negative` random words drawn "
        "from the unigram distribution raised to ns_exponent; a binary sigmoid loss updates only "
        "negative+1 output rows.\n"
        "Hierarchical softmax (HS): walk a Huffman tree built from word frequencies, O(log V) per "
        "step; frequent words get short paths. HS tends to favour rare words.")),
    "negative": FieldHints("Negative samples", minimum=0, maximum=100, tooltip=(
        "Noise words per positive pair with negative sampling (5-20; fewer for big corpora). "
        "0 turns negative sampling off (then hierarchical softmax must be on).")),
    "ns_exponent": FieldHints("Noise exponent", minimum=-2, maximum=2, step=0.05, decimals=3, tooltip=(
        "Noise words are drawn with probability proportional to count^exponent. 0.75 (the paper's "
        "value) flattens the distribution so rarer words are drawn more often than their frequency; "
        "1 samples by frequency, 0 uniformly.")),
    "sample": FieldHints("Down-sample threshold", minimum=0, maximum=0.999999, step=1e-4, decimals=6,
                         tooltip=(
        "Randomly skips very frequent words (the, of, a; or blockbuster items): a word making up a "
        "share f of all tokens is kept with probability (sqrt(f/sample) + 1) * sample / f.\n"
        "Speeds training and improves rare-word vectors. 1e-3 for text, 1e-4 or 1e-5 for large "
        "corpora or items; 0 turns it off.")),
    "alpha": FieldHints("Learning rate", minimum=1e-6, maximum=1, step=0.005, decimals=5, tooltip=(
        "Initial learning rate; it decays linearly to the final rate over all epochs. "
        "0.025 for skip-gram, 0.05 for CBOW.")),
    "min_alpha": FieldHints("Final learning rate", minimum=0, maximum=1, step=1e-4, decimals=6,
                            tooltip="Learning rate reached at the end of the last epoch."),
    "epochs": FieldHints("Epochs", minimum=0, maximum=10_000, tooltip=(
        "Passes over the corpus. Small corpora need more epochs.")),
    "seed": FieldHints("Random seed", minimum=0, maximum=2**31 - 1, tooltip=(
        "Seeds initial vectors, subsampling and noise draws. With 1 thread a run is repeatable; "
        "with several threads the update order varies slightly.")),
    "threads": FieldHints("Threads", minimum=0, maximum=256, tooltip="Worker threads; 0 uses all cores."),
    "chunk_words": FieldHints("Words per step", minimum=0, maximum=10_000_000, step=1000, tooltip=(
        "Words handed to the compiled kernel at a time: progress, pause and stop act between steps.")),
    "min_count": FieldHints("Minimum count", minimum=0, maximum=1_000_000, tooltip=(
        "Words seen fewer times are dropped: they get no vector. See the Data tab for what this "
        "drops in the loaded corpus.")),
    "max_vocab": FieldHints("Vocabulary limit", minimum=1, maximum=2_000_000_000, none_text="no limit",
                            tooltip="Keep at most this many of the most frequent words."),
}

PRESETS = {
    "text": ("Text (word2vec defaults)", {}),
    "items": ("Items (sessions, user histories)", ITEM_DEFAULTS),
}


def preset_config(name: str) -> TrainConfig:
    return TrainConfig().replace(**PRESETS[name][1])


class TrainOptions(QWidget):
    """Preset chooser + grouped form; keeps ``state.config`` in step with the form."""

    config_changed = Signal(object)

    def __init__(self, state, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.preset = QComboBox()
        self.preset.setToolTip("Fill the form with defaults suited to text or to item sequences.")
        for key, (label, _values) in PRESETS.items():
            self.preset.addItem(label, key)
        self.preset.activated.connect(lambda _i: self.apply_preset(self.preset.currentData()))
        self.form = DataclassForm(TrainConfig, state.config, hints=HINTS, groups=GROUPS)
        self.form.changed.connect(self._on_form_changed)
        top = QFormLayout()
        top.addRow("Preset", self.preset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.form)
        state.config_changed.connect(self._on_state_config)
        self._locked = False
        self._enable_relevant(state.config)

    def apply_preset(self, name: str) -> None:
        index = self.preset.findData(name)
        if index >= 0:
            self.preset.setCurrentIndex(index)
        self.form.set_value(preset_config(name))

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
        self.config_changed.emit(config)

    def _on_state_config(self, config: TrainConfig) -> None:
        if not self.form.validate() and self.form.value() == config:
            return
        self.form.set_value(config)
