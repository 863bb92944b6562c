"""A wing's public API, imported on first use.

Each wing's ``__init__`` names its public API with :func:`lazy_exports`, so that
``from w2v_desktop.core.items import read_ratings`` works while importing the
wing itself costs nothing: importing every module of a wing up front pulled
pyarrow, Numba and SciPy into processes that needed none of them (reading a
corpus for training peaked 120 MB higher). A name's module is imported when the
name is first asked for.
"""
from __future__ import annotations

import importlib
from typing import Any, Callable


def lazy_exports(package: str, exports: dict[str, tuple[str, ...]]
                 ) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """``(__all__, __getattr__, __dir__)`` for ``package``, whose module ``m`` exports
    ``exports[m]``. Unknown names raise AttributeError, so submodules still import."""
    home = {name: module for module, names in exports.items() for name in names}
    namespace = importlib.import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(home))

    return sorted(home), __getattr__, __dir__
