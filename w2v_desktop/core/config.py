"""Training options as frozen dataclasses, validated on construction.

``BOUNDS`` is the one table of what each numeric option may be, with the
reason; ``TrainConfig`` checks it, and the command line's argument types
(``check_bound``) refuse a value out of range before anything is read, so
``--dim 1000000000`` fails at once with the reason instead of asking for
terabytes an hour later.
"""
from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Mapping


class ConfigError(ValueError):
    """An option value that training cannot use; the message names the option."""


_CORES = os.cpu_count() or 1


def _gigabytes(dim: float) -> str:
    """Memory of the two weight matrices (input and output vectors) for 100,000 words."""
    size = dim * 100_000 * 4 * 2
    return f"{size / 1e12:,.0f} TB" if size >= 1e12 else f"{size / 1e9:,.0f} GB"


# name: (lowest, highest, why the limits), for integers and floats alike; a float range
# given as (low, high) includes both ends unless the reason says otherwise. The upper
# limits are far beyond what word2vec (C), gensim or the papers use, and low enough that
# one bad value cannot ask for terabytes or overflow 64-bit arithmetic in the kernels.
BOUNDS: dict[str, tuple[float, float, str]] = {
    "dim": (1, 10_000, "gensim and the papers use 50-1000; each dimension costs 800 kB per "
                       "100,000 words"),
    "window": (1, 1_000, "word2vec cuts sentences at 1,000 words, so a wider window adds nothing"),
    "negative": (0, 100, "5-20 is usual; each noise word costs as much as the true context"),
    "epochs": (1, 10_000, "small corpora need tens of epochs, not tens of thousands"),
    "min_count": (1, 10 ** 12, "a count above 10^12 would drop every word of any real corpus"),
    "max_vocab": (1, 2 ** 31 - 1, "word ids are 32-bit"),
    "chunk_words": (1, 10_000_000, "progress, pause and cancel act between chunks"),
    # A fixed limit, not this computer's: a model or project saved on a bigger one still opens.
    "threads": (0, 1_024, f"more threads than cores only adds switching; this computer has {_CORES}, "
                          f"and 0 uses them all"),
    "seed": (0, 2 ** 62 - 1, "seeds are 62-bit integers"),
    "alpha": (1e-10, 1, "a learning rate must be above 0; above 1 the vectors diverge"),
    "min_alpha": (0, 1, "the final learning rate lies between 0 and the initial one"),
    "sample": (0, 0.999999, "a share of the corpus below 1; 0 turns subsampling off"),
    "ns_exponent": (-2, 2, "0.75 is the paper's value; 0 draws noise words uniformly, 1 by frequency"),
}
INTEGER_OPTIONS = ("dim", "window", "negative", "epochs", "min_count", "max_vocab", "chunk_words", "threads",
                   "seed")


def bound_problem(name: str, value) -> str | None:
    """Why ``value`` is not allowed for option ``name``, e.g. "at most 10,000 (reason)";
    None when it is allowed."""
    low, high, why = BOUNDS[name]
    integer = name in INTEGER_OPTIONS
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)):
        return "not a whole number" if integer else "not a number"
    if not math.isfinite(value):
        return f"not a finite number ({why})"
    if value < low:
        return f"above 0 needed ({why})" if low == 1e-10 else \
            f"at least {low:,} needed ({why})" if integer else f"at least {low:g} needed ({why})"
    if value > high:
        if name == "dim":
            why += f"; {value:,} dimensions would need {_gigabytes(value)} for 100,000 words"
        return f"at most {high:,} ({why})" if integer else f"at most {high:g} ({why})"
    return None


def check_bound(name: str, value) -> None:
    """Raise ConfigError naming the option, the value and the reason when ``value`` is out of range."""
    problem = bound_problem(name, value)
    if problem:
        raise ConfigError(f"{name} {value!r}: {problem}")


@dataclass(frozen=True)
class TrainConfig:
    """Options of one training job (names follow gensim where they exist).

    sg: skip-gram (True) or CBOW (False).
    hs: hierarchical softmax (True) or negative sampling (False).
    """

    sg: bool = True
    hs: bool = False
    dim: int = 100
    window: int = 5
    negative: int = 5
    ns_exponent: float = 0.75
    cbow_mean: bool = True
    alpha: float = 0.025
    min_alpha: float = 0.0001
    epochs: int = 5
    min_count: int = 5
    max_vocab: int | None = None
    sample: float = 1e-3
    seed: int = 1
    threads: int = 0  # 0: all cores
    chunk_words: int = 10_000  # words per kernel call: progress/cancel granularity
    shuffle: bool = False  # train the sentences in a new seeded order each epoch

    def __post_init__(self) -> None:
        for name in BOUNDS:
            value = getattr(self, name)
            if name == "max_vocab" and value is None:
                continue
            check_bound(name, value)
        for name in ("sg", "hs", "cbow_mean", "shuffle"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"{name} must be true or false (got {getattr(self, name)!r})")
        if not self.hs and self.negative == 0:
            raise ConfigError("negative must be at least 1 when hierarchical softmax is off")
        if self.min_alpha > self.alpha:
            raise ConfigError(f"min_alpha must not exceed alpha (got {self.min_alpha!r} > {self.alpha!r})")

    @property
    def n_threads(self) -> int:
        return self.threads or (os.cpu_count() or 1)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "TrainConfig":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def replace(self, **changes) -> "TrainConfig":
        return replace(self, **changes)


# Options a saved model fixes: its arrays (or, for sg and max_vocab, what they were trained
# for) were built for them. ``negative`` is fixed only in kind: a model with a negative-sampling
# output layer keeps one (negative > 0), a hierarchical-softmax-only model has none (0).
FIXED_WHEN_CONTINUING = ("sg", "hs", "dim", "max_vocab")


class ContinueError(ConfigError):
    """Continued training asked for options the saved model fixes; ``names`` lists them."""

    def __init__(self, names: list[str], saved: TrainConfig):
        self.names = tuple(names)
        self.saved = saved
        super().__init__(f"{', '.join(names)} cannot change when training continues (the model was "
                         f"trained with {describe_fixed(saved)})")


def describe_fixed(config: TrainConfig) -> str:
    """The options a continued run must keep, as "sg=True, hs=False, ..." for messages."""
    return ", ".join(f"{name}={getattr(config, name)}" for name in (*FIXED_WHEN_CONTINUING, "negative"))


def continue_config(saved: TrainConfig, asked: TrainConfig | Mapping[str, Any]) -> TrainConfig:
    """The options of a run that continues a model trained with ``saved``: the one rule
    for the command line and the app.

    ``asked`` is a whole TrainConfig (the app's form) or only the options given (the
    command line's flags). Window, subsampling, learning rates, epochs, seed, threads,
    min_count (for new words) and the rest may change, as gensim allows: none of them
    changes an array's shape. Raises :class:`ContinueError` naming every option that
    may not change, or ConfigError for a value no run could use.
    """
    changes = asked.to_dict() if isinstance(asked, TrainConfig) else dict(asked)
    unknown = sorted(set(changes) - {f.name for f in fields(TrainConfig)})
    if unknown:
        label = "unknown training option" if len(unknown) == 1 else "unknown training options"
        raise ConfigError(f"{label}: {', '.join(unknown)}")
    refused = [name for name in FIXED_WHEN_CONTINUING if name in changes and changes[name] != getattr(saved, name)]
    if "negative" in changes and (changes["negative"] > 0) != (saved.negative > 0):
        refused.append("negative")
    if refused:
        raise ContinueError(refused, saved)
    return saved.replace(**changes)


# Defaults suited to item sequences (user histories, sessions): rare items
# matter (min_count 2) and more epochs make up for short corpora. window 5 and
# sample 1e-3 scored best on MovieLens-100k leave-last-out next-item HitRate@10
# (benchmarks/bench_recs.py); sample 1e-4 discarded most events of a small log.
ITEM_DEFAULTS = dict(window=5, min_count=2, sample=1e-3, epochs=10, dim=64)

# The presets of each kind of data, by name: what differs from TrainConfig's defaults.
PRESETS = {"text": {}, "items": ITEM_DEFAULTS}
# Options no preset sets: they belong to the machine or the run, and survive a preset.
RUN_OPTIONS = ("seed", "threads", "chunk_words")


def preset_config(name: str, keep: TrainConfig | None = None) -> TrainConfig:
    """The defaults for ``name`` ("text", "items"); ``keep``'s seed, threads and words per step."""
    base = TrainConfig().replace(**PRESETS[name])
    return base if keep is None else base.replace(**{k: getattr(keep, k) for k in RUN_OPTIONS})


def matching_preset(config: TrainConfig) -> str | None:
    """The preset ``config`` is (run options aside), or None when it was edited ("Custom")."""
    return next((name for name in PRESETS if preset_config(name, keep=config) == config), None)


def closest_preset(config: TrainConfig) -> str:
    """The preset that ``config`` shares most option values with (for options saved without their kind)."""
    def shared(name: str) -> int:
        preset = preset_config(name, keep=config)
        return sum(getattr(preset, k) == getattr(config, k) for k in PRESETS["items"])
    return max(PRESETS, key=shared)
