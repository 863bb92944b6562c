"""The trained result and its queries: the Vectors object (data and derived caches), distances,
exact search and analogies as functions. The Numba 8-bit scan (``quantized``) and the ANN index
(``ann``) are imported by module path, on first use.

Other wings, the CLI and the GUI import these names from here (each module is imported when one of
its names is first used)."""
from w2v_desktop.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "analogy": ("COSMUL_EPSILON",),
    "keyed": ("UnknownNameError", "Vectors", "VectorsError"),
    "metrics": ("METRICS", "check_metric"),
    "names": ("NameIndex", "titles_of"),
    "prepare": ("prepare_search", "worth_preparing"),
    "similarity": ("Neighbour", "nearest", "nearest_rows", "top_k_block"),
    "summary": ("VectorsSummary", "summarize_vectors"),
})
