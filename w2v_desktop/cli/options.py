"""argparse types that refuse a value out of range at once, saying why.

Training options take their limits from ``core.config.BOUNDS`` (the one table the
app's form and saved files are checked against too); the others are listed with
the command that uses them. argparse prints "argument --dim: 1000000000: at most
10,000 (...)" and exits 2 before any file is read.
"""
from __future__ import annotations

import argparse
import math

from w2v_desktop.core.config import INTEGER_OPTIONS, bound_problem


def training_option(name: str):
    """The argparse type of TrainConfig's numeric option ``name``."""
    integer = name in INTEGER_OPTIONS

    def parse(text: str):
        value = _number(text, integer)
        problem = bound_problem(name, value)
        if problem:
            raise argparse.ArgumentTypeError(f"{text}: {problem}")
        return value

    parse.__name__ = "whole number" if integer else "number"
    return parse


def whole(low: int, high: int | None = None, why: str = ""):
    """An integer in [low, high] (``high`` None: no upper limit)."""
    def parse(text: str) -> int:
        value = _number(text, integer=True)
        if value < low or (high is not None and value > high):
            limit = f"at least {low:,}" if value < low else f"at most {high:,}"
            raise argparse.ArgumentTypeError(f"{text}: {limit} needed" + (f" ({why})" if why else ""))
        return value

    parse.__name__ = "whole number"
    return parse


def real(low: float | None = None, high: float | None = None, why: str = "", above: bool = False):
    """A finite number >= low (> low with ``above``) and <= high."""
    def parse(text: str) -> float:
        value = _number(text, integer=False)
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text}: a finite number needed" + (f" ({why})" if why else ""))
        if low is not None and (value < low or (above and value == low)):
            raise argparse.ArgumentTypeError(f"{text}: {'above' if above else 'at least'} {low:g} needed"
                                             + (f" ({why})" if why else ""))
        if high is not None and value > high:
            raise argparse.ArgumentTypeError(f"{text}: at most {high:g} needed" + (f" ({why})" if why else ""))
        return value

    parse.__name__ = "number"
    return parse


def delimiter(text: str) -> str:
    """One character that can split fields: 'tab' (or '\\t') for a tab; not a quote or a line break."""
    value = "\t" if text in ("tab", "\\t") else text
    if len(value) != 1:
        raise argparse.ArgumentTypeError(f"{text!r}: exactly one character needed (or 'tab')")
    if value in "\"\r\n":
        raise argparse.ArgumentTypeError(f"{text!r}: a quote or a line break cannot separate fields")
    return value


def _number(text: str, integer: bool):
    try:
        return int(text) if integer else float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r}: {'a whole number' if integer else 'a number'} needed") from None
