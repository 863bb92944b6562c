"""Training options as frozen dataclasses, validated on construction."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Mapping


class ConfigError(ValueError):
    """An option value that training cannot use; the message names the option."""


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

    def __post_init__(self) -> None:
        def bad(name: str, why: str) -> None:
            raise ConfigError(f"{name} {why} (got {getattr(self, name)!r})")

        for name in ("dim", "window", "epochs", "min_count", "chunk_words"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                bad(name, "must be a positive integer")
        if isinstance(self.negative, bool) or not isinstance(self.negative, int) or self.negative < 0:
            bad("negative", "must be a non-negative integer")
        if not self.hs and self.negative == 0:
            raise ConfigError("negative must be at least 1 when hierarchical softmax is off")
        if self.max_vocab is not None and (not isinstance(self.max_vocab, int) or self.max_vocab < 1):
            bad("max_vocab", "must be a positive integer or None")
        if not 0 < self.alpha <= 1:
            bad("alpha", "must be in (0, 1]")
        if not 0 <= self.min_alpha <= self.alpha:
            bad("min_alpha", "must be in [0, alpha]")
        if not 0 <= self.sample < 1:
            bad("sample", "must be in [0, 1); 0 turns subsampling off")
        if not -2 <= self.ns_exponent <= 2:
            bad("ns_exponent", "must be in [-2, 2]")
        if isinstance(self.threads, bool) or not isinstance(self.threads, int) or self.threads < 0:
            bad("threads", "must be 0 (all cores) or a positive integer")

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
