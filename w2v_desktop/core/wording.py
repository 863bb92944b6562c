"""Counts in user-facing text: "1 point", "2 points", "1,234 names" (never "point(s)").

Both forms are whole phrases given by the caller, so a translation can replace
each as a unit (no suffix glued onto a word).
"""
from __future__ import annotations


def plural(n: int, one: str, many: str) -> str:
    """``n`` with the singular or plural phrase: ``plural(2, "point", "points")`` -> "2 points"."""
    return f"{n:,} {one if n == 1 else many}"
