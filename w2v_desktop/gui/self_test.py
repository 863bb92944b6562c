"""``w2v-desktop --self-test``: the packaging check of a source, wheel or frozen install.

It imports every module, trains a tiny corpus, runs the 8-bit scan once (compiled at
first use), maps a few points in the projection child process, checks the bundled files and builds the main window; it prints OK or
FAILED with the traceback.
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import traceback

from PySide6.QtCore import QSettings


def _check_exact_scan() -> None:
    """The 8-bit scan (compiled from vector IR at first use) agrees with one float product."""
    import numpy as np

    from w2v_desktop.core.vectors import similarity
    from w2v_desktop.core.vectors import Vectors

    rng = np.random.default_rng(0)
    vectors = Vectors([f"w{i}" for i in range(similarity.QUANTIZED_MIN_ROWS + 77)],
                      rng.standard_normal((similarity.QUANTIZED_MIN_ROWS + 77, 16)))
    scores = vectors.unit @ vectors.unit[5]
    scores[5] = -np.inf
    vectors.int8_rows  # noqa: B018 - built, as the window does in the background after loading
    got = [n.row for n in similarity.nearest(vectors, "w5", 10)]
    assert vectors.has_int8_rows and got == list(np.argsort(-scores, kind="stable")[:10]), got


def _check_projection_child() -> None:
    """Long maps run in a spawned child process: in a frozen app that child is the executable
    again, which works only with multiprocessing.freeze_support() in its entry point."""
    import numpy as np

    from w2v_desktop.core.analysis import ProjectionParams, project
    from w2v_desktop.core.analysis.projection_child import stop_children
    from w2v_desktop.core.vectors import Vectors

    vectors = Vectors([f"w{i}" for i in range(40)], np.random.default_rng(0).standard_normal((40, 8)))
    there = project(vectors, range(40), ProjectionParams("pca"), isolate=True)
    here = project(vectors, range(40), ProjectionParams("pca"), isolate=False)
    stop_children()
    assert np.allclose(there.coords, here.coords, atol=1e-5), "the projection child gave another map"


def self_test(app) -> int:
    """Import every module, train a tiny corpus, build the window; print OK on success."""
    try:
        import w2v_desktop

        for module in pkgutil.walk_packages(w2v_desktop.__path__, "w2v_desktop."):
            if not module.name.endswith(".__main__"):  # importing __main__ would run the app
                importlib.import_module(module.name)
        import numpy as np

        from w2v_desktop.core.config import TrainConfig
        from w2v_desktop.core.text import Corpus
        from w2v_desktop.core.train import train

        sentences = [["red", "green", "blue", "colour"], ["cat", "dog", "mouse", "animal"]] * 50
        config = TrainConfig(dim=8, epochs=2, min_count=1, threads=1, seed=1)
        vectors = train(Corpus.from_sentences(sentences, source="self-test"), config)
        assert len(vectors) == 8 and vectors.dim == 8 and np.isfinite(vectors.matrix).all()
        _check_exact_scan()
        _check_projection_child()
        _check_bundled_files()
        from w2v_desktop.gui.icon import app_icon

        assert not app_icon().isNull(), "the app icon does not load"
        import tempfile

        from w2v_desktop.gui.main_window import MainWindow

        with tempfile.TemporaryDirectory() as tmp:  # leave the user's settings alone
            window = MainWindow(settings=QSettings(os.path.join(tmp, "s.ini"), QSettings.Format.IniFormat))
            window.close()
    except Exception:
        traceback.print_exc()
        print("FAILED")
        return 1
    print("OK")
    return 0


def _check_bundled_files() -> None:
    """The samples and stop-word lists are in this install (a wheel or frozen app that lost its
    package data fails here, not when a user clicks "Open the sample")."""
    from w2v_desktop.core.bundled import missing_bundled_files
    from w2v_desktop.core.text import BUILTIN_LISTS, builtin_stop_words

    missing = missing_bundled_files()
    assert not missing, f"bundled files missing from this install: {', '.join(missing)}"
    for name in BUILTIN_LISTS:
        assert builtin_stop_words(name), f"the built-in {name} stop-word list is empty"
