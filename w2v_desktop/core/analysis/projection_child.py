"""Long maps run in a child process, so Cancel is bounded whatever the library is doing.

openTSNE's neighbour search, a whole UMAP fit, a large PCA and the trust neighbour
search are library calls that cannot be interrupted from Python (measured before
this: 11 s to cancel a 20,000-point t-SNE, 27 s for 50,000). Here the layout and the
trust score run in a child started with the "spawn" method (a fresh interpreter: safe
beside Qt's and Numba's threads, and the same on Linux, macOS and Windows); the
float32 matrix goes to it, progress (with t-SNE's partial layouts) comes back over a
pipe, and Cancel terminates it. The pipe carries pickles between this process and its
own child only; nothing pickled is ever written to a file.

Starting a child costs its interpreter and imports (1 s for t-SNE, 2-3 s for UMAP, and
the first UMAP also compiles PyNNDescent's functions), so one child is kept warm between
maps and only a Cancel (which terminates it) makes the next map start a fresh one; maps
estimated under :data:`CHILD_MIN_SECONDS` run in-process, where every progress report is
a cancel point and the stages that cannot be stopped are short by construction. The frozen
app calls ``multiprocessing.freeze_support()`` first (packaging/launch.py).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
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


class _Child:
    """One spawned worker process, kept between maps: its imports and the functions Numba compiles
    at run time (PyNNDescent's, UMAP's: not in Numba's file cache) are paid once per session, as
    in-process, instead of once per map (measured under load: 222 s of a 5,000-point UMAP's
    neighbour search was compiling in a fresh child)."""

    def __init__(self):
        context = multiprocessing.get_context("spawn")
        self.conn, child_end = context.Pipe(duplex=True)
        self.process = context.Process(target=_child_main, args=(child_end,), name="w2v-desktop projection",
                                       daemon=True)
        self.process.start()
        child_end.close()   # the child holds the only other end: EOF once it is gone

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(STOP_WAIT_S)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
        self.process.close()


_idle: list[_Child] = []          # a warm child waiting for the next map
_idle_lock = threading.Lock()


def _take_child() -> _Child:
    with _idle_lock:
        while _idle:
            child = _idle.pop()
            if child.process.is_alive():
                return child
            child.stop()
    return _Child()


def _give_back(child: _Child) -> None:
    with _idle_lock:
        if _idle:          # one warm child is enough
            child.stop()
        else:
            _idle.append(child)


def stop_children() -> None:
    """End the warm child (tests, and before the app exits; a daemon child ends with us anyway)."""
    with _idle_lock:
        while _idle:
            _idle.pop().stop()


def run_in_child(data: np.ndarray, params: ProjectionParams, progress=None, cancel=None,
                 estimate_s: float | None = None, trust_sample: int | None = TRUST_SAMPLE):
    """(coords, trust) computed in a spawned child; raises Cancelled within ~0.1 s of ``cancel``
    (the child is terminated; the next map starts a fresh one)."""
    child = _take_child()
    started, healthy = time.monotonic(), False
    try:
        child.conn.send((np.ascontiguousarray(data, dtype=np.float32), params, estimate_s, trust_sample))
        while True:
            if is_cancelled(cancel):
                raise Cancelled()
            if not child.conn.poll(POLL_S):
                continue
            try:
                message = child.conn.recv()
            except EOFError:
                child.process.join(STOP_WAIT_S)
                raise ProjectionError(f"the projection process ended without a result "
                                      f"(exit code {child.process.exitcode})") from None
            kind = message[0]
            if kind == "progress" and progress is not None:
                stage, fraction, eta, partial = message[1:]
                progress(stage, fraction, eta, partial)
            elif kind == "done":
                healthy = True
                return message[1], message[2]
            elif kind == "error":
                healthy = True
                name, text, details = message[1:]
                if name == "ProjectionError":
                    raise ProjectionError(text)
                raise RuntimeError(f"{name}: {text}\n(in the projection process, "
                                   f"{time.monotonic() - started:.1f} s in)\n{details}")
    finally:
        _give_back(child) if healthy else child.stop()


def _child_main(conn) -> None:
    """In the child: for each (data, params, estimate, trust sample) received, lay out, measure
    trust, send progress and the result or the error; never raise."""
    try:
        os.nice(5)   # the GUI (or the shell) first
    except (AttributeError, OSError):
        pass
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        _run_one(conn, *job)


def _run_one(conn, data, params, estimate_s, trust_sample) -> None:
    last_partial = [0.0]

    def progress(stage, fraction, eta, partial):
        now = time.monotonic()
        if partial is not None:
            if now - last_partial[0] < PARTIAL_INTERVAL_S:
                partial = None
            else:
                last_partial[0] = now
        conn.send(("progress", stage, fraction, eta, partial))

    try:
        report = StageReport(progress, None, shares_for(params, *data.shape), estimate_s)
        coords, trust = layout_with_trust(data, params, report, trust_sample)
        conn.send(("done", coords, trust))
    except Exception as exc:   # noqa: BLE001 - everything goes back to the parent as a message
        conn.send(("error", type(exc).__name__, str(exc), traceback.format_exc()))
