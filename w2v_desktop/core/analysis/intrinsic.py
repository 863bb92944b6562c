"""Intrinsic evaluation: analogy questions and word-pair similarity judgements.

Conventions follow gensim's ``evaluate_word_analogies`` / ``evaluate_word_pairs``
so figures are comparable:

* only the first ``restrict`` rows (the most frequent) count as vocabulary;
* case-insensitive matching maps each upper-cased word to its most frequent
  spelling among those rows;
* questions (pairs) with a word outside that vocabulary are skipped and counted;
* an analogy answer is the nearest row that is not an input word or a case
  variant of one; accuracy = correct / answered questions.

Analogy questions are answered in blocks: one matrix product per block of
questions against the vocabulary, not one query at a time. Both evaluations
take an optional ``cancel`` (see :mod:`w2v_desktop.core.cancel`), checked
between blocks, that stops them with ``Cancelled``.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

import numpy as np
from scipy import stats

from w2v_desktop.core.wording import QT_TR_NOOP, Phrase, plural
from w2v_desktop.core.vectors import COSMUL_EPSILON
from w2v_desktop.core.cancel import check_cancel
from w2v_desktop.core.untrusted import InputError, require_regular

# Upper bound on a (questions x vocabulary) score block, in cells; each block is a
# cancel point (well under a second on one core).
_BLOCK_CELLS = 8_000_000
_VOCAB_ROWS_PER_CHECK = 100_000
# Candidates examined per question when skipping case variants of the inputs.
_CANDIDATES = 10


@dataclass(frozen=True)
class SectionResult:
    name: str
    correct: int
    total: int          # answered (in-vocabulary) questions
    skipped: int = 0    # questions with an out-of-vocabulary word

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else float("nan")


@dataclass(frozen=True)
class AnalogyResult:
    accuracy: float     # fraction in [0, 1]; nan when nothing could be answered
    correct: int
    total: int
    skipped: int
    sections: list = field(default_factory=list)
    method: str = "3cosadd"
    restrict: int = 0


@dataclass(frozen=True)
class PairResult:
    spearman: float
    pearson: float
    n_pairs: int        # pairs scored (both words known)
    oov: int            # pairs skipped for an unknown word
    oov_ratio: float    # oov / (n_pairs + oov), a fraction in [0, 1]
    not_finite: tuple[int, ...] = ()  # lines whose score is NaN or infinite: left out, and said so


def _vocabulary(vectors, restrict: int | None, case_insensitive: bool, cancel=None) -> tuple[dict, int]:
    """Word key -> row among the first ``restrict`` rows (most frequent spelling wins)."""
    n = len(vectors) if not restrict else min(int(restrict), len(vectors))
    fold = str.upper if case_insensitive else (lambda w: w)
    vocab: dict[str, int] = {}
    check_cancel(cancel)
    for row in range(n - 1, -1, -1):
        if not row % _VOCAB_ROWS_PER_CHECK:   # millions of names take seconds
            check_cancel(cancel)
        vocab[fold(vectors.names[row])] = row
    return vocab, n


def read_analogies(path) -> list[tuple[str, list[tuple[int, list[str]]]]]:
    """Sections of (line number, [a, b, c, expected]) from a questions-words file."""
    sections: list = []
    for line_no, line in _text_lines(path, QT_TR_NOOP("analogy file")):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(":"):
            sections.append((line.lstrip(": ").strip(), []))
            continue
        words = line.split()
        if not sections:
            raise InputError(_on_line(path, line_no, Phrase(QT_TR_NOOP("question before any ': section' line"))))
        if len(words) != 4:
            raise InputError(_on_line(path, line_no, Phrase(QT_TR_NOOP("expected 4 words, found {n}"), n=len(words))))
        sections[-1][1].append((line_no, words))
    return sections


def _block_scores(unit: np.ndarray, questions: np.ndarray, method: str, epsilon: float) -> np.ndarray:
    """(questions x vocabulary) scores; only their order per question matters."""
    a, b, c = (unit[questions[:, i]] for i in range(3))
    if method == "3cosadd":
        return (b - a + c) @ unit.T
    if method == "3cosmul":
        # (1+cos_b)/2 · (1+cos_c)/2 / ((1+cos_a)/2 + ε), times the positive constant 2, in place.
        cos_a, cos_b, cos_c = np.split(np.vstack([a, b, c]) @ unit.T, 3)
        cos_b += 1.0
        cos_c += 1.0
        cos_b *= cos_c
        cos_a += 1.0 + 2.0 * epsilon
        cos_b /= cos_a
        return cos_b
    raise ValueError(f"unknown analogy method {method!r}; choose 3cosadd or 3cosmul")


def _block_predictions(unit: np.ndarray, questions: np.ndarray, keys_of_rows: np.ndarray, method: str,
                       epsilon: float) -> np.ndarray:
    """Predicted row for each question (a, b, c rows): the best-scoring row that is not
    an input word or a case variant of one; -1 when none is found among the best few."""
    scores = _block_scores(unit, questions, method, epsilon)
    ar = np.arange(len(questions))
    for i in range(3):
        scores[ar, questions[:, i]] = -np.inf
    input_keys = keys_of_rows[questions[:, :3]]
    predicted = scores.argmax(axis=1)
    pending = ar[(keys_of_rows[predicted][:, None] == input_keys).any(axis=1)]
    for _ in range(_CANDIDATES):          # rare: the best row is another spelling of an input
        if not len(pending):
            break
        scores[pending, predicted[pending]] = -np.inf
        predicted[pending] = scores[pending].argmax(axis=1)
        still = (keys_of_rows[predicted[pending]][:, None] == input_keys[pending]).any(axis=1)
        pending = pending[still]
    predicted[pending] = -1
    predicted[~np.isfinite(scores[ar, np.maximum(predicted, 0)])] = -1
    return predicted


def evaluate_analogies(vectors, path, restrict: int | None = 30000, method: str = "3cosadd",
                       case_insensitive: bool = True, epsilon: float = COSMUL_EPSILON,
                       cancel=None) -> AnalogyResult:
    """Accuracy on a questions-words file ("a b c d": a is to b as c is to d)."""
    vocab, n = _vocabulary(vectors, restrict, case_insensitive, cancel)
    key_ids = {key: i for i, key in enumerate(vocab)}
    fold = str.upper if case_insensitive else (lambda w: w)
    keys_of_rows = np.array([key_ids[fold(w)] for w in vectors.names[:n]], dtype=np.int64)
    unit = vectors.unit[:n]
    sections, questions, section_of = [], [], []
    for s, (name, items) in enumerate(read_analogies(path)):
        known = [[vocab.get(fold(w), -1) for w in words] for _, words in items]
        kept = [q for q in known if min(q) >= 0]
        sections.append((name, len(kept), len(items) - len(kept)))
        questions += kept
        section_of += [s] * len(kept)
    questions = np.array(questions, dtype=np.int64).reshape(-1, 4)
    section_of = np.array(section_of, dtype=np.int64)
    correct = np.zeros(len(questions), dtype=bool)
    step = max(1, _BLOCK_CELLS // max(n, 1))
    for start in range(0, len(questions), step):
        check_cancel(cancel)
        block = questions[start:start + step]
        predicted = _block_predictions(unit, block, keys_of_rows, method, epsilon)
        correct[start:start + step] = (predicted >= 0) & (keys_of_rows[np.maximum(predicted, 0)]
                                                           == keys_of_rows[block[:, 3]])
    per_section = np.bincount(section_of, weights=correct, minlength=len(sections))
    results = [SectionResult(name, int(per_section[i]), total, skipped)
               for i, (name, total, skipped) in enumerate(sections)]
    n_correct, n_total = int(correct.sum()), len(questions)
    return AnalogyResult(n_correct / n_total if n_total else float("nan"), n_correct, n_total,
                         sum(s.skipped for s in results), results, method, n)


def _on_line(path, line: int, reason: Phrase) -> Phrase:
    return Phrase(QT_TR_NOOP("{path}, line {line}: {reason}"), path=os.fspath(path), line=line, reason=reason)


def _text_lines(path, what: str):
    """(line number, text) of a UTF-8 file; bytes that are not UTF-8 are refused naming the line."""
    require_regular(path, what)
    with open(path, "rb") as f:
        for line_no, raw in enumerate(f, 1):
            try:
                yield line_no, raw.decode("utf-8-sig" if line_no == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(_on_line(path, line_no, Phrase(
                    QT_TR_NOOP("not UTF-8 text (byte 0x{byte:02x} at column {column}); save the {what} as UTF-8"),
                    byte=raw[exc.start], column=exc.start + 1, what=Phrase(what)))) from None


def read_pairs(path) -> list[tuple[int, str, str, float]]:
    """(line number, word1, word2, score) from a WordSim353/SimLex-style file.

    Lines starting with '#' are comments; fields are tab-separated, or
    whitespace-separated when a line has no tab.
    """
    pairs = []
    for line_no, line in _text_lines(path, QT_TR_NOOP("word-pair file")):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t") if "\t" in line else line.split()
        fields = [x.strip() for x in fields]
        if len(fields) < 3:
            raise InputError(_on_line(path, line_no, Phrase(
                QT_TR_NOOP("expected 'word1 word2 score', found {fields}"),
                fields=plural(len(fields), QT_TR_NOOP("field"), QT_TR_NOOP("fields")))))
        try:
            score = float(fields[2])
        except ValueError:
            raise InputError(_on_line(path, line_no, Phrase(
                QT_TR_NOOP("score {score} is not a number (header lines must start with '#')"),
                score=repr(fields[2])))) from None
        pairs.append((line_no, fields[0], fields[1], score))
    return pairs


def evaluate_pairs(vectors, path, restrict: int | None = None, case_insensitive: bool = True,
                   cancel=None) -> PairResult:
    """Spearman and Pearson correlation of cosine similarity with human scores.

    One vectorised pass (pair files are small): ``cancel`` is checked while
    building the vocabulary and between the stages.
    """
    vocab, _ = _vocabulary(vectors, restrict, case_insensitive, cancel)
    fold = str.upper if case_insensitive else (lambda w: w)
    gold, left, right, oov, not_finite = [], [], [], 0, []
    check_cancel(cancel)
    for line_no, w1, w2, score in read_pairs(path):
        if not math.isfinite(score):  # a correlation with NaN in it is NaN: leave the pair out, and say so
            not_finite.append(line_no)
            continue
        r1, r2 = vocab.get(fold(w1)), vocab.get(fold(w2))
        if r1 is None or r2 is None:
            oov += 1
            continue
        gold.append(score)
        left.append(r1)
        right.append(r2)
    if len(gold) < 2:
        raise ValueError(f"{os.fspath(path)}: fewer than 2 pairs have both words in the vocabulary")
    check_cancel(cancel)
    unit = vectors.unit
    model = np.einsum("ij,ij->i", unit[left], unit[right]).astype(np.float64)
    return PairResult(float(stats.spearmanr(gold, model).statistic), float(stats.pearsonr(gold, model).statistic),
                      len(gold), oov, oov / (len(gold) + oov), tuple(not_finite))
