"""Training: the vocabulary, the Numba kernels (``kernels``, imported by module path), hot-node
copies, the Trainer that yields Progress records, and the model file that alone saves and loads it.

Other wings, the CLI and the GUI import these names from here."""
from w2v_desktop.core.train.hot_nodes import HotNodeCopies, merge_words
from w2v_desktop.core.train.model_file import ModelFileError, load_model, save_model
from w2v_desktop.core.train.trainer import Progress, Trainer, TrainingError, train
from w2v_desktop.core.train.vocab import Vocab, VocabError, report_for

__all__ = [
    "HotNodeCopies",
    "ModelFileError",
    "Progress",
    "Trainer",
    "TrainingError",
    "Vocab",
    "VocabError",
    "load_model",
    "merge_words",
    "report_for",
    "save_model",
    "train",
]
