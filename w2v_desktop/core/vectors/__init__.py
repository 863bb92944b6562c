"""The trained result and its queries: the Vectors object (data and derived caches), distances,
exact search and analogies as functions. The Numba 8-bit scan (``quantized``) and the ANN index
(``ann``) are imported by module path, on first use.

Other wings, the CLI and the GUI import these names from here."""
from w2v_desktop.core.vectors.analogy import COSMUL_EPSILON
from w2v_desktop.core.vectors.keyed import UnknownNameError, Vectors, VectorsError
from w2v_desktop.core.vectors.metrics import METRICS, check_metric
from w2v_desktop.core.vectors.similarity import Neighbour, nearest, nearest_rows, top_k_block

__all__ = [
    "COSMUL_EPSILON",
    "METRICS",
    "Neighbour",
    "UnknownNameError",
    "Vectors",
    "VectorsError",
    "check_metric",
    "nearest",
    "nearest_rows",
    "top_k_block",
]
