"""What a long load says while it runs: the share of the file read and the time left.

Loads report bytes read over the file size (``LoadProgress.fraction``); ``TimeLeft``
turns a run of fractions into an estimate of the seconds left, for a progress bar
or a terminal line alike.
"""
from __future__ import annotations

import time

from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

MIN_FRACTION = 0.02  # before this share of the work, an estimate is noise
MIN_ELAPSED_S = 0.5
SMOOTHING = 0.3  # weight of the newest rate in the running average


def format_size(n_bytes: float) -> Phrase:
    """``1.2 MB``: decimal units, as file managers show sizes (a Phrase: the GUI translates the unit)."""
    if n_bytes < 1000:
        return Phrase(QT_TR_NOOP("{n:,.0f} bytes"), n=n_bytes)
    for unit in (QT_TR_NOOP("{n:,.1f} KB"), QT_TR_NOOP("{n:,.1f} MB"), QT_TR_NOOP("{n:,.1f} GB")):
        n_bytes /= 1000
        if n_bytes < 1000 or unit.endswith("GB"):
            return Phrase(unit, n=n_bytes)
    return Phrase("")


def format_duration(seconds: float) -> Phrase:
    """``about 5 s``, ``about 2 min``: coarse on purpose, an estimate is not a clock."""
    if seconds < 1:
        return Phrase(QT_TR_NOOP("under a second"))
    if seconds < 60:
        return Phrase(QT_TR_NOOP("about {n:.0f} s"), n=seconds)
    if seconds < 3600:
        return Phrase(QT_TR_NOOP("about {n:.0f} min"), n=seconds / 60)
    return Phrase(QT_TR_NOOP("about {n:.1f} h"), n=seconds / 3600)


class TimeLeft:
    """Seconds left from the fractions done so far, the rate smoothed so one slow block
    does not make the estimate jump; None until enough is known (or the share is unknown)."""

    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._start = clock()
        self._rate: float | None = None  # fraction per second
        self._last: tuple[float, float] | None = None  # (time, fraction)

    def update(self, fraction: float | None) -> float | None:
        now = self._clock()
        if fraction is None:
            return None
        if self._last is not None and fraction > self._last[1] and now > self._last[0]:
            rate = (fraction - self._last[1]) / (now - self._last[0])
            self._rate = rate if self._rate is None else SMOOTHING * rate + (1 - SMOOTHING) * self._rate
        if self._last is None or fraction > self._last[1]:
            self._last = (now, fraction)
        elapsed = now - self._start
        if fraction < MIN_FRACTION or elapsed < MIN_ELAPSED_S or fraction >= 1:
            return None
        overall = fraction / elapsed  # the mean rate steadies the smoothed one early on
        rate = overall if self._rate is None else (self._rate + overall) / 2
        return (1 - fraction) / rate if rate > 0 else None
