"""A small filter language over a map's columns (``map_columns``), Qt-free:
``genres = Sci-Fi AND count > 50``, ``NOT (title ~ "Star Wars" OR trust < 0.5)``.

Grammar (keywords in any case; NOT binds tightest, then AND, then OR; parentheses group)::

    filter     := or
    or         := and ("OR" and)*
    and        := not ("AND" not)*
    not        := "NOT" not | "(" or ")" | comparison
    comparison := column operator value
    operator   := "=" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "~" | "contains"

- A column is named in any case, or by a unique prefix (``genre`` for ``genres``).
- A value is a number, a word, several words (``title ~ star wars`` up to the next AND, OR or
  ")"), or quoted with ``"`` or ``'`` (``"Children's"``, ``"and"``, ``"Heat (1995)"``; a
  backslash escapes the quote). ``""`` is the empty value: ``genres = ""`` selects empty cells.
- On a number column (count, trust, x, y, and metadata whose every cell is a number) values
  compare as numbers and must be numbers; empty cells match no comparison (``!=`` aside).
- On a text column comparisons ignore case; ``=`` means "has the value": a multi-label cell
  ``"Action|Sci-Fi"`` equals both ``Action`` and ``Sci-Fi``; ``~``/``contains`` is a substring
  of some value; ``<``/``>`` compare text alphabetically.
- ``a != v`` is ``NOT a = v`` (so it includes empty cells).

The parser is a hand-written recursive descent (no ``eval`` of what users type); an error is one
line naming what was expected and where, as a 1-based character position ("expected a value
after '>' at 14"). Parsing resolves every column and checks every value, so evaluation cannot
fail: it is a few vectorised numpy/pyarrow operations per comparison (``filter_mask``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from w2v_desktop.core.analysis.map_columns import NUMBER, MapColumn, MapColumns
from w2v_desktop.core.untrusted import InputError
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

KEYWORDS = ("and", "or", "not", "contains")
OPERATORS = ("<=", ">=", "!=", "==", "=", "<", ">", "~")   # longest first
OPERATOR_LIST = "=, !=, <, <=, >, >=, ~, contains"
STOPS = set("()<>=~ \t\r\n")


class FilterError(InputError):
    """A filter that cannot be read: ``position`` is the 0-based offset it points at."""

    def __init__(self, message: str, position: int):
        super().__init__(message)   # a Phrase: the GUI says it in its language (gui.i18n.tr_phrase)
        self.position = position


@dataclass(frozen=True)
class Token:
    kind: str      # "word", "quoted", "op", "(", ")", "end"
    text: str      # the value (a quoted one unescaped) or the operator
    start: int     # offset in the filter text
    end: int

    @property
    def keyword(self) -> str | None:
        return self.text.casefold() if self.kind == "word" and self.text.casefold() in KEYWORDS else None

    def shown(self) -> str:
        return Phrase(QT_TR_NOOP("the end")) if self.kind == "end" else \
            f'"{self.text}"' if self.kind == "quoted" else repr(self.text)


def at(position: int) -> Phrase:
    return Phrase(QT_TR_NOOP("at {n}"), n=position + 1)


def tokenize(text: str) -> list[Token]:
    tokens, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(Token(ch, ch, i, i + 1))
            i += 1
        elif ch in "\"'":
            value, end = _quoted(text, i)
            tokens.append(Token("quoted", value, i, end))
            i = end
        elif text.startswith(OPERATORS, i) or (ch == "!" and text.startswith("!=", i)):
            op = next(o for o in OPERATORS if text.startswith(o, i))
            tokens.append(Token("op", op, i, i + len(op)))
            i += len(op)
        else:
            j = i
            while j < n and text[j] not in STOPS and not text.startswith("!=", j):
                j += 1
            tokens.append(Token("word", text[i:j], i, j))
            i = j
    tokens.append(Token("end", "", n, n))
    return tokens


def _quoted(text: str, start: int) -> tuple[str, int]:
    quote, i, out = text[start], start + 1, []
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        elif ch == quote:
            return "".join(out), i + 1
        else:
            out.append(ch)
            i += 1
    raise FilterError(Phrase(QT_TR_NOOP("the quote {at} is never closed"), at=at(start)), start)


# -- the tree ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Comparison:
    column: MapColumn
    op: str          # "=", "<", "<=", ">", ">=", "~" ("!=" is NOT "=")
    value: object    # float for a number column, lower-cased str for text, None for the empty value


@dataclass(frozen=True)
class Not:
    operand: object


@dataclass(frozen=True)
class BoolOp:
    op: str          # "and" or "or"
    operands: tuple


class Everything:
    """The blank filter: every point."""


class _Parser:
    def __init__(self, text: str, columns: MapColumns):
        self.text, self.columns = text, columns
        self.tokens = tokenize(text)
        self.i = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i = min(self.i + 1, len(self.tokens) - 1)
        return token

    def fail(self, template: str, token: Token | None = None, **values):
        """Raise FilterError: the Phrase of ``template`` (marked for translation where it is
        written) with ``values`` and ``{at}``, where ``token`` is."""
        token = token or self.token
        raise FilterError(Phrase(template, at=at(token.start), **values), token.start)

    def parse(self):
        if self.token.kind == "end":
            return Everything()
        tree = self.parse_or()
        if self.token.kind == ")":
            self.fail(QT_TR_NOOP("unexpected ')' {at}"))
        if self.token.kind != "end":
            self.fail(QT_TR_NOOP("expected AND, OR or the end {at}, not {found}"), found=self.token.shown())
        return tree

    def parse_or(self):
        operands = [self.parse_and()]
        while self.token.keyword == "or":
            self.take()
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else BoolOp("or", tuple(operands))

    def parse_and(self):
        operands = [self.parse_not()]
        while self.token.keyword == "and":
            self.take()
            operands.append(self.parse_not())
        return operands[0] if len(operands) == 1 else BoolOp("and", tuple(operands))

    def parse_not(self):
        token = self.token
        if token.keyword == "not":
            self.take()
            return Not(self.parse_not())
        if token.kind == "(":
            self.take()
            inner = self.parse_or()
            if self.token.kind != ")":
                if self.token.kind == "end":
                    self.fail(QT_TR_NOOP("missing ')' {at} to close the '(' {opened}"), self.token,
                              opened=at(token.start))
                self.fail(QT_TR_NOOP("expected AND, OR or ')' {at}, not {found}"), found=self.token.shown())
            self.take()
            return inner
        return self.parse_comparison()

    def parse_comparison(self) -> Comparison:
        before = self.tokens[self.i - 1] if self.i else None
        token = self.take()
        if token.kind not in ("word", "quoted") or token.keyword:
            if before is not None:
                self.fail(QT_TR_NOOP("expected a column name after {before} {at}, not {found}"), token,
                          before=before.shown(), found=token.shown())
            self.fail(QT_TR_NOOP("expected a column name {at}, not {found}"), token, found=token.shown())
        column = self.columns.resolve(token.text)
        if not isinstance(column, MapColumn):
            names = ", ".join(self.columns.names)
            if column:
                self.fail(QT_TR_NOOP("{name} {at} could be {choices}: type more of the name"), token,
                          name=repr(token.text), choices=" / ".join(column))
            self.fail(QT_TR_NOOP("unknown column {name} {at} (columns: {names})"), token,
                      name=repr(token.text), names=names)
        op_token = self.take()
        if op_token.kind == "op":
            op = "=" if op_token.text == "==" else op_token.text
        elif op_token.keyword == "contains":
            op = "~"
        else:
            self.fail(QT_TR_NOOP("expected {operators} after {name} {at}, not {found}"), op_token,
                      operators=OPERATOR_LIST, name=repr(token.text), found=op_token.shown())
        value, value_token = self.parse_value(op_token)
        comparison = self.check(column, op, value, op_token, value_token)
        return Not(comparison) if op == "!=" else comparison

    def parse_value(self, op_token: Token) -> tuple[str, Token]:
        token = self.token
        if token.kind == "quoted":
            self.take()
            return token.text, token
        if token.kind != "word" or token.keyword:
            self.fail(QT_TR_NOOP("expected a value after {op} {at}"), op=repr(op_token.text))
        first = last = self.take()
        while self.token.kind == "word" and not self.token.keyword:
            last = self.take()
        return self.text[first.start:last.end], first

    def check(self, column: MapColumn, op: str, value: str, op_token: Token, value_token: Token) -> Comparison:
        base = "=" if op == "!=" else op
        if value == "":
            if base != "=":
                self.fail(QT_TR_NOOP("an empty value {at} can only follow = or !=, not {op}"), value_token,
                          op=repr(op_token.text))
            return Comparison(column, "=", None)
        if column.kind == NUMBER:
            if base == "~":
                self.fail(QT_TR_NOOP("{op} {at} looks for text, but {column} is a number column "
                                     "(compare it with =, !=, <, <=, >, >=)"), op_token,
                          op=repr(op_token.text), column=column.name)
            try:
                number = float(value)
            except ValueError:
                self.fail(QT_TR_NOOP("{column} is a number column: expected a number after {op} {at}, not {value}"),
                          value_token, column=column.name, op=repr(op_token.text), value=repr(value))
            return Comparison(column, base, number)
        return Comparison(column, base, pc.utf8_lower(pa.array([value]))[0].as_py())


def parse_filter(text: str, columns: MapColumns):
    """The filter ``text`` as a tree over ``columns``; raises FilterError (one line, with the
    1-based position) when it cannot be read. Blank text is ``Everything``."""
    return _Parser(text, columns).parse()


# -- evaluation -----------------------------------------------------------------------------
def evaluate(tree, n: int) -> np.ndarray:
    """The boolean mask of the ``n`` points that ``tree`` selects."""
    if isinstance(tree, Everything):
        return np.ones(n, dtype=bool)
    if isinstance(tree, Not):
        return ~evaluate(tree.operand, n)
    if isinstance(tree, BoolOp):
        masks = (evaluate(operand, n) for operand in tree.operands)
        out = next(masks)
        for mask in masks:
            out = out & mask if tree.op == "and" else out | mask
        return out
    return _compare(tree, n)


NUMPY_OPS = {"=": np.equal, "<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}
ARROW_OPS = {"=": pc.equal, "<": pc.less, "<=": pc.less_equal, ">": pc.greater, ">=": pc.greater_equal}


def _compare(comparison: Comparison, n: int) -> np.ndarray:
    column, op, value = comparison.column, comparison.op, comparison.value
    if column.kind == NUMBER:
        numbers = column.numbers
        if value is None:
            return np.isnan(numbers)
        with np.errstate(invalid="ignore"):
            return NUMPY_OPS[op](numbers, value)
    rows, values = column.entries()
    if value is None:   # empty cells: the rows that have no value at all
        mask = np.ones(n, dtype=bool)
        mask[rows] = False
        return mask
    if op == "~":
        hits = pc.match_substring(values, value)
    else:
        hits = ARROW_OPS[op](values, value)
    mask = np.zeros(n, dtype=bool)
    mask[rows[np.asarray(hits.to_numpy(zero_copy_only=False), dtype=bool)]] = True
    return mask


def filter_mask(text: str, columns: MapColumns) -> np.ndarray:
    """Which points of the map ``columns`` describes match the filter ``text`` (a boolean mask;
    all for blank text). Raises FilterError for a filter that cannot be read."""
    return evaluate(parse_filter(text, columns), len(columns))
