"""A writer for the fault tests (test_output_faults.py), run as a separate process:
``python fault_writer.py KIND TARGET SOURCE PAUSE`` writes TARGET as a user would
(``convert`` through the CLI's own ``main``, which handles SIGTERM, for vector formats;
the core functions under ``terminate_cleanly`` otherwise), and pauses at one point of the
write, printing PAUSED, so that the test can kill it exactly there:

- ``part``: when the first part file is complete and about to be fsynced (nothing renamed);
- ``between``: right after the first of a pair's two files is renamed into place.

The pause is the only thing injected; every byte is written by the real code."""
from __future__ import annotations

import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))  # this checkout
KIND, TARGET, SOURCE, PAUSE = sys.argv[1:5]


def pause() -> None:
    print("PAUSED", flush=True)
    time.sleep(120)


if PAUSE == "part":
    real_fsync = os.fsync

    def fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".part") if os.path.exists("/proc/self/fd") else True:
            pause()
        real_fsync(fd)

    os.fsync = fsync
elif PAUSE == "between":
    real_replace = os.replace

    def replace(src, dst):
        real_replace(src, dst)
        if not str(dst).endswith(".w2v-pair.json"):
            pause()

    os.replace = replace


def main() -> int:
    from w2v_desktop.core.outputs import terminate_cleanly

    if KIND in ("word2vec", "word2vec-binary", "npy", "projector-tsv", "csv"):
        from w2v_desktop.cli import main as cli

        return cli(["convert", SOURCE, TARGET, "--to", KIND])
    with terminate_cleanly():
        if KIND == "model":
            from w2v_desktop.core.config import TrainConfig
            from w2v_desktop.core.text.corpus import Corpus
            from w2v_desktop.core.train import save_model
            from w2v_desktop.core.train.trainer import Trainer

            words = [f"w{i}" for i in range(int(SOURCE))]
            save_model(Trainer(Corpus.from_sentences([words]), TrainConfig(dim=64, min_count=1, threads=1)), TARGET)
        elif KIND == "project":
            from w2v_desktop.core.formats.project import Project, save_project

            save_project(Project(watch=[f"w{i}" for i in range(int(SOURCE))]), TARGET)
        elif KIND == "coordinates":
            from w2v_desktop.core.formats import save_coordinates

            n = int(SOURCE)
            save_coordinates(TARGET, [f"w{i}" for i in range(n)], np.zeros((n, 2)))
    return 0


if __name__ == "__main__":
    from w2v_desktop.core.outputs import Terminated

    try:
        sys.exit(main())
    except Terminated as exc:  # as the CLI does
        sys.exit(128 + exc.signum)
