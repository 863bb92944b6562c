"""w2v-desktop: train and explore word2vec-style embeddings.

Importing the package is cheap: it only sets the version and points Numba's
on-disk kernel cache at a writable folder (needed in frozen apps, where the
package folder is read-only) before anything imports Numba.
"""
import os as _os

__version__ = "0.1.0"


def _default_cache_dir() -> str:
    base = _os.environ.get("XDG_CACHE_HOME") or _os.path.join(_os.path.expanduser("~"), ".cache")
    return _os.path.join(base, "w2v-desktop", "numba")


_os.environ.setdefault("NUMBA_CACHE_DIR", _default_cache_dir())
