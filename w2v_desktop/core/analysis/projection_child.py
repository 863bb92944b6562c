"""Long maps run in a child process, so Cancel is bounded whatever the library is doing.

openTSNE's neighbour search, a whole UMAP fit, a large PCA and the trust neighbour
search are library calls that cannot be interrupted from Python (measured before
this: 11 s to cancel a 20,000-point t-SNE, 27 s for 50,000). Here the layout and the
trust score run in a child started with the "spawn" method (a fresh interpreter: safe
beside Qt's and Numba's threads, and the same on Linux, macOS and Windows); the
float32 matrix goes to it, progress (with t-SNE's partial layouts) comes back over a
pipe, and Cancel terminates it. The pipe carries pickles between this process and its
own child only; nothing pickled is ever written to a file.

Starting a child costs its interpreter and imports (measured: 0.5-1 s for t-SNE,
2-3 s for UMAP, whose Numba functions load from the cache), so maps estimated under
:data:`CHILD_MIN_SECONDS` run in-process, where every progress report is a cancel
point and the stages that cannot be stopped are short by construction. The frozen
app calls ``multiprocessing.freeze_support()`` first (packaging/launch.py).
"""
from __future__ import annotations

import multiprocessing
import os
import time
import traceback

import numpy as np

from w2v_desktop.core.analysis.projection_methods import (TRUST_SAMPLE, StageReport, layout_with_trust,
                                                          shares_for)
from w2v_desktop.core.analysis.projection_params import ProjectionError, ProjectionParams
from w2v_desktop.core.cancel import Cancelled, is_cancelled

CHILD_MIN_SECONDS = 3.0      # estimated runs shorter than this stay in-process
POLL_S = 0.05                # how often the parent looks at the cancel token
PARTIAL_INTERVAL_S = 0.25    # at most this often a partial layout crosses the pipe
STOP_WAIT_S = 1.0            # terminate, then kill after this long


def run_inline(data: np.ndarray, params: ProjectionParams, progress=None, cancel=None,
               estimate_s: float | None = None, trust_sample: int | None = TRUST_SAMPLE):
    report = StageReport(progress, cancel, shares_for(params, *data.shape), estimate_s)
    return layout_with_trust(data, params, report, trust_sample)


def run_in_child(data: np.ndarray, params: ProjectionParams, progress=None, cancel=None,
                 estimate_s: float | None = None, trust_sample: int | None = TRUST_SAMPLE):
    """(coords, trust) computed in a spawned child; raises Cancelled within ~0.1 s of ``cancel``."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child_main, name="w2v-desktop projection", daemon=True,
                            args=(send, np.ascontiguousarray(data, dtype=np.float32), params,
                                  estimate_s, trust_sample))
    started = time.monotonic()
    child.start()
    send.close()   # the child holds the only writing end: EOF once it is gone
    try:
        while True:
            if is_cancelled(cancel):
                raise Cancelled()
            if not receive.poll(POLL_S):
                continue
            try:
                message = receive.recv()
            except EOFError:
                child.join(STOP_WAIT_S)
                raise ProjectionError(f"the projection process ended without a result "
                                      f"(exit code {child.exitcode})") from None
            kind = message[0]
            if kind == "progress" and progress is not None:
                stage, fraction, eta, partial = message[1:]
                progress(stage, fraction, eta, partial)
            elif kind == "done":
                return message[1], message[2]
            elif kind == "error":
                name, text, details = message[1:]
                if name == "ProjectionError":
                    raise ProjectionError(text)
                raise RuntimeError(f"{name}: {text}\n(in the projection process, "
                                   f"{time.monotonic() - started:.1f} s in)\n{details}")
    finally:
        receive.close()
        _stop(child)


def _stop(child) -> None:
    if child.is_alive():
        child.terminate()
        child.join(STOP_WAIT_S)
        if child.is_alive():
            child.kill()
            child.join()
    child.close()


def _child_main(send, data, params, estimate_s, trust_sample) -> None:
    """In the child: lay out, measure trust, send progress and the result; never raise."""
    try:
        os.nice(5)   # the GUI (or the shell) first
    except (AttributeError, OSError):
        pass
    last_partial = [0.0]

    def progress(stage, fraction, eta, partial):
        now = time.monotonic()
        if partial is not None:
            if now - last_partial[0] < PARTIAL_INTERVAL_S:
                partial = None
            else:
                last_partial[0] = now
        send.send(("progress", stage, fraction, eta, partial))

    try:
        report = StageReport(progress, None, shares_for(params, *data.shape), estimate_s)
        coords, trust = layout_with_trust(data, params, report, trust_sample)
        send.send(("done", coords, trust))
    except BaseException as exc:   # noqa: BLE001 - everything goes back to the parent as a message
        send.send(("error", type(exc).__name__, str(exc), traceback.format_exc()))
    finally:
        send.close()
