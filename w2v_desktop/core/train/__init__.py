"""Training: the vocabulary, the Numba kernels (``kernels``, imported by module path), hot-node
copies, the Trainer that yields Progress records, and the model file that alone saves and loads it.

Other wings, the CLI and the GUI import these names from here (each module is imported when one of
its names is first used)."""
from w2v_desktop.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "hot_nodes": ("HotNodeCopies", "merge_words"),
    "model_file": ("ModelFileError", "load_model", "save_model"),
    "trainer": ("Progress", "Trainer", "TrainingError", "train"),
    "vocab": ("Vocab", "VocabError", "report_for"),
})
