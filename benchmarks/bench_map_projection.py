"""Long maps on GloVe 6B 50d: UMAP and t-SNE of the most frequent rows, and Cancel to idle.

    python benchmarks/bench_map_projection.py [PATH] [--n 100000] [--methods umap,tsne]
        [--cancel-after 20] [--calibrate]
        (default PATH: $W2V_DATA/vectors/glove.6B.50d.txt)

For each method: the whole map of the N most frequent rows through ``project`` as the
app and the CLI run it (a spawned child process, progress reports, trust on a sample of
5,000), with the time of each stage and the estimate of ``estimate_seconds``; then the
same map started again and cancelled ``--cancel-after`` seconds in (inside the library's
long stages), timing Cancel to idle (``project`` has raised Cancelled and the child is
gone). Targets on the development machine (issue 11): UMAP of 100,000 < 3 min, t-SNE
of 100,000 < 4 min, Cancel to idle <= 2 s. ``--calibrate`` also times smaller maps
(2,000 / 5,000 / 20,000 rows) for the cost model in core/analysis/projection_params.py.
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from w2v_desktop.core.analysis import ProjectionParams, estimate_seconds, project  # noqa: E402
from w2v_desktop.core.cancel import Cancelled, CancelToken  # noqa: E402
from w2v_desktop.core.formats import load_vectors  # noqa: E402


def timed_map(vectors, n: int, method: str) -> dict:
    params = ProjectionParams(method=method)
    stages, started = {}, time.monotonic()

    def progress(stage, _fraction, _eta, _partial):
        stages.setdefault(stage, time.monotonic() - started)

    result = project(vectors, range(n), params, progress=progress, isolate=True)
    total = time.monotonic() - started
    marks = sorted(stages.items(), key=lambda kv: kv[1]) + [("end", total)]
    spans = {name: marks[i + 1][1] - at for i, (name, at) in enumerate(marks[:-1])}
    return {"total": total, "stages": spans, "estimate": estimate_seconds(method, n, vectors.dim, params),
            "trust": result.mean_trust, "note": result.trust_note}


class TimedToken(CancelToken):
    """Remembers when Cancel was pressed."""
    pressed_at: float | None = None

    def cancel(self) -> None:
        self.pressed_at = time.monotonic()
        super().cancel()


def cancel_to_idle(vectors, n: int, method: str, after_s: float) -> tuple[float, str]:
    """Seconds from Cancel until ``project`` has returned (child gone), and the stage it was in."""
    token, seen = TimedToken(), []
    threading.Timer(after_s, token.cancel).start()
    try:
        project(vectors, range(n), ProjectionParams(method=method), cancel=token, isolate=True,
                progress=lambda stage, *_: seen.append(stage))
    except Cancelled:
        pass
    return time.monotonic() - token.pressed_at, (seen[-1] if seen else "starting")


def main() -> None:
    default = Path(os.environ.get("W2V_DATA", Path.home() / ".cache/w2v-data")) / "vectors/glove.6B.50d.txt"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(default))
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--methods", default="umap,tsne")
    parser.add_argument("--cancel-after", type=float, default=20.0)
    parser.add_argument("--calibrate", action="store_true")
    args = parser.parse_args()
    vectors = load_vectors(args.path)
    print(f"{args.path}: {len(vectors):,} x {vectors.dim}; {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
    sizes = ([2_000, 5_000, 20_000] if args.calibrate else []) + [args.n]
    for method in args.methods.split(","):
        for n in sizes:
            r = timed_map(vectors, n, method)
            stages = ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items())
            print(f"{method:5} {n:>7,}: {r['total']:6.1f} s (estimate {r['estimate']:.0f} s)  [{stages}]  "
                  f"mean trust {r['trust']:.3f}, {r['note']}", flush=True)
        idle, stage = cancel_to_idle(vectors, args.n, method, args.cancel_after)
        print(f"{method:5} {args.n:>7,}: cancelled {args.cancel_after:.0f} s in (during {stage}): "
              f"idle {idle:.2f} s after Cancel", flush=True)


if __name__ == "__main__":
    main()
