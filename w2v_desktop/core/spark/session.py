"""One Spark session helper for every Spark step of the app: start it quietly, run a
job under a job group with progress records, cancel that group.

pyspark is an optional extra (``pip install 'w2v-desktop[spark]'``; it needs Java
17 or newer). Spark does the data-heavy steps (rating logs to sequences, walks,
tokenising); what comes back to the desktop is an int32 corpus or a vectors table.
Any master URL works: ``local[*]`` (the default), ``spark://host:7077``, ``yarn``,
``k8s://...``; input paths are whatever the cluster reads (local, ``hdfs://``,
``s3a://``).
"""
from __future__ import annotations

import itertools
import os
import re
import shutil
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Generator

from w2v_desktop.core.cancel import Cancelled, is_cancelled
from w2v_desktop.core.scratch import cache_dir
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

DEFAULT_MASTER = "local[*]"
INSTALL_HINT = ("Spark support needs the optional extra: pip install 'w2v-desktop[spark]' "
                "(pyspark 4, which needs Java 17 or newer on PATH or in JAVA_HOME)")
NO_JAVA = ("Spark needs Java 17 or newer: none is on PATH and JAVA_HOME is not set "
           "(on Debian/Ubuntu: apt-get install openjdk-17-jre-headless)")
POLL_SECONDS = 0.2
CLOSE_WAIT_SECONDS = 5.0  # a closed job waits this long for its Spark tasks to stop
# Where the JVM's own output goes when it is not asked for (its start-up banner, WARN lines).
LOG_NAME = "spark.log"  # in the user's cache folder (core.scratch), not at a fixed name in /tmp
_groups = itertools.count(1)


class SparkUnavailable(RuntimeError):
    """pyspark or Java is missing; the message says how to install them."""


@dataclass(frozen=True)
class SparkProgress:
    """What the cluster is doing: the job's description, its active stage and task counts."""

    message: str
    tasks_done: int = 0
    tasks_total: int = 0

    @property
    def fraction(self) -> float | None:
        return self.tasks_done / self.tasks_total if self.tasks_total else None


def spark_missing() -> str:
    """Why Spark cannot run here ("" when it can), without importing pyspark: for a window
    deciding whether to offer it (the import alone costs a noticeable fraction of a second)."""
    import importlib.util

    try:
        found = importlib.util.find_spec("pyspark") is not None
    except (ImportError, ValueError):  # ValueError: a module entry without a spec
        found = False
    if not found:
        return INSTALL_HINT
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return NO_JAVA
    return ""


def require_pyspark():
    """The pyspark module, or SparkUnavailable saying how to get it (and Java)."""
    try:
        import pyspark
    except ImportError:
        raise SparkUnavailable(INSTALL_HINT) from None
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise SparkUnavailable(NO_JAVA)
    return pyspark


def spark_session(master: str = DEFAULT_MASTER, conf: dict[str, str] | None = None, verbose: bool = False):
    """A SparkSession for ``master`` (reused while it runs). Spark's log noise stays out of the
    user's terminal unless ``verbose``: the console progress bar is off (the app draws its own),
    the log level is ERROR and the JVM this starts writes to the cache folder's spark.log instead of stderr."""
    require_pyspark()
    from pyspark.sql import SparkSession

    if master.startswith("local"):
        # Python workers run PYSPARK_PYTHON, "python3" on PATH when unset: in local mode they
        # must be this Python, which has numpy, Numba and jieba; a cluster's is its own setting.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    builder = (SparkSession.builder.master(master).appName("w2v-desktop")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC"))
    for key, value in {**_local_defaults(master), **(conf or {})}.items():
        builder = builder.config(key, value)
    from pyspark import SparkContext

    if verbose or SparkContext._gateway is not None:  # a running JVM keeps the stderr it has
        session = builder.getOrCreate()
    else:
        session = _with_stderr_to_log(builder.getOrCreate)
    session.sparkContext.setLogLevel("WARN" if verbose else "ERROR")
    return session


def _local_defaults(master: str) -> dict[str, str]:
    """On ``local[...]``, shuffles in twice as many partitions as cores instead of Spark's 200
    (the bundled sample's sequences took 25 s with 200 and 9 s with 4 on local[2]), and a
    driver heap of half this computer's memory (at most 16 GB) instead of Spark's 1 GB, which
    ran out of heap on a 20-million-row log. A cluster keeps its own settings, and ``conf``
    (or Spark's own configuration) overrides these."""
    found = re.fullmatch(r"local(?:\[(\*|\d+)(?:,\s*\d+)?\])?", master.strip())
    if not found:
        return {}
    threads = found.group(1)
    cores = 1 if threads is None else (os.cpu_count() or 1) if threads == "*" else int(threads)
    defaults = {"spark.sql.shuffle.partitions": str(2 * cores)}
    try:
        memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    except (AttributeError, ValueError, OSError):  # not every platform says
        memory_gb = 0
    if memory_gb >= 4 and "--driver-memory" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        defaults["spark.driver.memory"] = f"{int(min(memory_gb / 2, 16))}g"
    return defaults


def _with_stderr_to_log(start: Callable[[], Any]) -> Any:
    """Run ``start`` (which launches the JVM) with file descriptor 2 pointing at spark.log in
    the user's cache folder (a fixed name in /tmp could be another user's link to a victim file): the
    JVM inherits it and writes its banner and log there for its whole life, not on the
    user's terminal. Python's own stderr is back once ``start`` returns; Spark's errors reach
    Python as exceptions."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(cache_dir() / LOG_NAME, "ab") as log:
            os.dup2(log.fileno(), 2)
        return start()
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def run_spark_job(session, description: str, action: Callable[[], Any], cancel: Any = None
                  ) -> Generator[SparkProgress, None, Any]:
    """Run ``action`` (which triggers Spark jobs) under a job group of its own, on a thread,
    yielding SparkProgress from Spark's status tracker about every 0.2 s; returns the
    action's result. When ``cancel`` (see core.cancel) is set, the job group is cancelled
    and Cancelled raised once the action has stopped; closing the generator cancels the group
    too, and returns once the action has stopped (or after CLOSE_WAIT_SECONDS, the cancelling
    then going on in the background). The action's own errors re-raise."""
    context = session.sparkContext
    group = f"w2v-desktop-{os.getpid()}-{next(_groups)}"
    outcome: dict[str, Any] = {}

    def work() -> None:
        context.setJobGroup(group, str(description), interruptOnCancel=True)
        try:
            outcome["value"] = action()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc
        finally:
            context.setLocalProperty("spark.jobGroup.id", None)

    thread = threading.Thread(target=work, name=f"spark-{group}", daemon=True)
    thread.start()
    cancelled = False
    try:
        while thread.is_alive():
            thread.join(POLL_SECONDS)
            if cancelled or is_cancelled(cancel):
                # Again at every poll: cancelJobGroup stops only the jobs already submitted, and
                # the action may submit its first (or its next) one after the cancel.
                context.cancelJobGroup(group)
                cancelled = True
            yield _progress(context, group, description)
    except GeneratorExit:  # the caller stopped iterating (the GUI worker closes a cancelled job)
        # Wait a little for the group's tasks to stop, so that what the caller's finally blocks
        # release (cached frames) is no longer being computed; past that, cancel in the background.
        _cancel_until_done(context, group, thread, CLOSE_WAIT_SECONDS)
        if thread.is_alive():
            threading.Thread(target=_cancel_until_done, args=(context, group, thread), daemon=True,
                             name=f"cancel-{group}").start()
        raise
    if cancelled:
        raise Cancelled(f"{description}: cancelled")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _cancel_until_done(context, group: str, thread: threading.Thread, seconds: float | None = None) -> None:
    deadline = None if seconds is None else time.monotonic() + seconds
    while thread.is_alive() and (deadline is None or time.monotonic() < deadline):
        context.cancelJobGroup(group)
        thread.join(POLL_SECONDS)


def _progress(context, group: str, description: str) -> SparkProgress:
    tracker = context.statusTracker()
    done = total = 0
    stage_names = []
    for job_id in tracker.getJobIdsForGroup(group):
        job = tracker.getJobInfo(job_id)
        if job is None:
            continue
        for stage_id in job.stageIds:
            stage = tracker.getStageInfo(stage_id)
            if stage is None or stage.numTasks == 0:
                continue
            done += stage.numCompletedTasks
            total += stage.numTasks
            if stage.numActiveTasks:
                stage_names.append(stage.name.split(" at ")[0])
    # Spark's own stage names ("collect", "reduceByKey") are code, shown as they are
    if stage_names and total:
        message = Phrase(QT_TR_NOOP("{description} ({stage}): {done:,}/{total:,} tasks"), description=description,
                         stage=stage_names[-1], done=done, total=total)
    elif stage_names:
        message = Phrase(QT_TR_NOOP("{description} ({stage})"), description=description, stage=stage_names[-1])
    elif total:
        message = Phrase(QT_TR_NOOP("{description}: {done:,}/{total:,} tasks"), description=description,
                         done=done, total=total)
    else:
        message = description
    return SparkProgress(message, done, total)
