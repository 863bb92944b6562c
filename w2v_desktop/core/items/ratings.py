"""Rating / interaction files -> compact arrays (``Interactions``).

pyarrow's streaming CSV reader parses the file block by block; each block is
checked with vectorised masks and its ids are encoded to int32 codes at once,
so a 20-million-row file never exists as Python objects. Ids are kept as
strings (``"242"``, ``"B00X4WHP5E"``, ``"007"`` apart from ``"7"``): they are
labels, not numbers.

Bad rows (wrong column count, blank lines, missing fields, a non-numeric or
non-finite rating or time, a repeated header, an unmatched quote) are skipped
and counted with their line numbers, or with ``strict=True`` stop the read with
the file and line.

Quotes: ``"x,y"`` is one id. An unmatched quote would make the CSV parser read
on to the next quote, swallowing every line in between into one field (one
"bad row" that was half the file). Reading notices that - a row or an id that
holds a line break - and reads the file again with each line that has an odd
number of quotes replaced by a marker row, so that each such line costs itself
only and is reported as "unmatched quote". The second read holds the file in
memory; only damaged files take it. (Reading with quoting off instead would
split every legitimately quoted id at its commas.)
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from w2v_desktop.core.cancel import run_to_end
from w2v_desktop.core.items.layouts import ColumnMapping, detect_layout, read_text_head, split_line
from w2v_desktop.core.untrusted import InputError, in_file
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase, joined

BLOCK_BYTES = 1 << 23  # a block takes ~0.2 s to parse and check: the cancel and progress step
MAX_EXAMPLES = 5
# Numbers, and the words for infinity and NaN (read, then counted as non-finite, not as text).
NUMBER_PATTERN = r"(?i)^\s*[-+]?((\d+\.?\d*|\.\d+)(e[-+]?\d+)?|inf|infinity|nan)\s*$"
STRAY_QUOTE_MARK = "\x00unmatched quote\x00"  # stands for a line of the file with an unmatched quote
DATE_FORMATS = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d")
REASONS = (QT_TR_NOOP("wrong column count"), QT_TR_NOOP("unmatched quote"), QT_TR_NOOP("blank line"),
           QT_TR_NOOP("repeated header"), QT_TR_NOOP("missing field"), QT_TR_NOOP("non-numeric rating"),
           QT_TR_NOOP("non-numeric time"), QT_TR_NOOP("non-finite rating"), QT_TR_NOOP("non-finite time"))


ROLE_COLUMNS = {"user": QT_TR_NOOP("user column"), "item": QT_TR_NOOP("item column"),
                "rating": QT_TR_NOOP("rating column"), "time": QT_TR_NOOP("time column")}


class RatingsError(InputError):
    """A rating file that cannot be read; the message names the file (and line)."""


class _Swallowed(Exception):
    """An unmatched quote made the parser join lines: read the file again, line by line."""


@dataclass
class SkippedRows:
    """Bad rows that were left out: counts per reason, first line numbers."""

    counts: dict[str, int] = field(default_factory=dict)
    examples: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, text)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, reason: str, n: int, examples: list[tuple[int, str, str]] = ()) -> None:
        if n:
            self.counts[reason] = self.counts.get(reason, 0) + n
            self.examples = sorted(self.examples + list(examples))[:MAX_EXAMPLES * 4]

    def summary(self) -> str:
        if not self.total:
            return Phrase(QT_TR_NOOP("no bad rows"))
        kinds = joined(", ", (Phrase(QT_TR_NOOP("{n:,} {reason}"), n=n, reason=Phrase(reason) if reason in REASONS else reason)
                              for reason, n in self.counts.items()))
        lines = ", ".join(str(line) for line, _, _ in self.examples[:MAX_EXAMPLES])
        where = Phrase(QT_TR_NOOP("; first at lines {lines}"), lines=lines) if lines else ""  # Spark: no line numbers
        return Phrase(QT_TR_NOOP("skipped {n:,} bad rows ({kinds}){where}"), n=self.total, kinds=kinds, where=where)


@dataclass
class Interactions:
    """One event per row, in file order. Codes index ``user_ids`` / ``item_ids``."""

    users: np.ndarray  # int32 user code per event
    items: np.ndarray  # int32 item code per event
    user_ids: list[str]
    item_ids: list[str]
    ratings: np.ndarray | None = None  # float32; None for implicit data
    times: np.ndarray | None = None  # float64 seconds; None: file order is time order
    source: str = ""
    mapping: ColumnMapping | None = None
    skipped: SkippedRows = field(default_factory=SkippedRows)

    @property
    def n_events(self) -> int:
        return len(self.items)

    @property
    def n_users(self) -> int:
        return len(self.user_ids)

    @property
    def n_items(self) -> int:
        return len(self.item_ids)

    def select(self, mask: np.ndarray) -> "Interactions":
        """The events where ``mask`` is true (ids and codes unchanged)."""
        pick = (lambda a: None if a is None else a[mask])
        return Interactions(self.users[mask], self.items[mask], self.user_ids, self.item_ids,
                            pick(self.ratings), pick(self.times), self.source, self.mapping,
                            self.skipped)

    def summary(self) -> str:
        kind = "explicit ratings" if self.ratings is not None else "implicit (no rating)"
        order = "timestamps" if self.times is not None else "file order"
        return (f"{self.n_events:,} events, {self.n_users:,} users, {self.n_items:,} items; "
                f"{kind}; ordered by {order}; {self.skipped.summary()}")


def read_ratings(path: str | Path, mapping: ColumnMapping | None = None, strict: bool = False) -> Interactions:
    """Read a rating file; ``mapping`` defaults to ``detect_layout(path)``."""
    return run_to_end(iter_ratings(path, mapping, strict))


def iter_ratings(path: str | Path, mapping: ColumnMapping | None = None, strict: bool = False
                 ) -> Generator[tuple[int, int], None, Interactions]:
    """``read_ratings`` as a generator: after each block it yields (bytes read, file size),
    a progress report and a point to stop at (a caller that closes it stops the read), and
    returns the Interactions. A file that needs a second read (Latin-1, untidy values)
    starts again from 0. Compressed files report a size of 0 (the share is unknown)."""
    path = Path(path)
    read_text_head(path)  # a FIFO, a device or binary data is refused here
    mapping = mapping or detect_layout(path)
    try:
        try:
            return (yield from _read(path, mapping, strict, typed=True))
        except pa.ArrowInvalid as exc:
            if "UTF8" in str(exc) and mapping.encoding.lower().replace("-", "") == "utf8":
                return (yield from iter_ratings(path, mapping.replace(encoding="latin-1"), strict))  # older files
            # A value did not convert to the inferred type: re-read every column as text
            # and check values one block at a time (slower; only for untidy files).
            return (yield from _read(path, mapping, strict, typed=False))
    except pa.ArrowKeyError as exc:  # a column the header named, not found by the parser
        raise RatingsError(in_file(path, Phrase(QT_TR_NOOP("{why} (the header's bytes may not be {encoding}; give the "
                                                          "columns by number with --header off)"),
                                                why=_arrow_message(exc), encoding=mapping.encoding))) from None
    except (pa.ArrowException, UnicodeDecodeError) as exc:
        raise RatingsError(f"{path}: {_arrow_message(exc)}") from None


def _read(path: Path, mapping: ColumnMapping, strict: bool, typed: bool):
    try:
        return (yield from _Reader(path, mapping, strict, typed).read())
    except _Swallowed:
        return (yield from _Reader(path, mapping, strict, typed, source=_mark_stray_quotes(path, mapping)).read())


def _arrow_message(exc: BaseException) -> str:
    """pyarrow's wording without its C++ source locations."""
    text = str(exc).split("\n")[0]
    return text.split("/arrow/")[0].strip() or type(exc).__name__


def _mark_stray_quotes(path: Path, mapping: ColumnMapping) -> pa.Buffer:
    """The file with every line holding an odd number of quotes replaced by a marker row
    (as many marker fields as the first line has columns, so it parses as one row)."""
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    delimiter = mapping.delimiter.encode(mapping.encoding)
    first = lines[0].decode(mapping.encoding, errors="replace").removeprefix("\ufeff").rstrip("\r")
    width = len(split_line(first, mapping.delimiter))
    mark = delimiter.join([STRAY_QUOTE_MARK.encode(mapping.encoding)] * width)
    return pa.py_buffer(b"\n".join(mark if line.count(b'"') % 2 else line for line in lines))


class _IdEncoder:
    """Strings -> int32 codes in order of first appearance, one block at a time."""

    def __init__(self) -> None:
        self.known: pa.Array | None = None

    def encode(self, column: pa.Array) -> np.ndarray:
        if self.known is None:
            self.known = pa.array([], column.type)
        elif column.type != self.known.type:  # later blocks keep the first block's type
            column = pc.cast(column, self.known.type)
        encoded = pc.dictionary_encode(column)
        local = encoded.dictionary
        where = pc.index_in(local, value_set=self.known)
        new = pc.is_null(where).to_numpy(zero_copy_only=False)
        codes = where.to_numpy(zero_copy_only=False)
        codes = np.where(new, 0, np.nan_to_num(codes)).astype(np.int32)
        if new.any():
            codes[new] = len(self.known) + np.arange(int(new.sum()), dtype=np.int32)
            self.known = pa.concat_arrays([self.known, local.filter(pa.array(new))])
        return codes[encoded.indices.to_numpy(zero_copy_only=False)]

    def ids(self) -> list[str]:
        return [] if self.known is None else [str(v) for v in self.known.to_pylist()]


class _Reader:
    def __init__(self, path: Path, mapping: ColumnMapping, strict: bool, typed: bool,
                 source: pa.Buffer | None = None):
        self.path, self.mapping, self.strict, self.typed = path, mapping, strict, typed
        self.source = source  # the file with unmatched quotes marked (a second, careful read)
        self.swallowed = False
        self.skipped = SkippedRows()
        self.skipped_lines = array("q")  # every line dropped by the parser (for line numbers)
        self.parser_examples: list[tuple[int, str, str]] = []
        self.rows_seen = 0
        self.header_names: list[str] = []

    # -- reading --------------------------------------------------------------
    def read(self) -> Generator[tuple[int, int], None, Interactions]:
        """Yields (bytes read, file size) after each block; returns the Interactions."""
        m = self.mapping
        # pyarrow reads ahead of the parser, so the file position says little: each batch is
        # one block of BLOCK_BYTES of the file (the last one shorter)
        total = 0 if _compressed(self.path) else self.path.stat().st_size
        columns = self._column_names()
        roles = self.roles = {role: columns[role] for role in ("user", "item", "rating", "time")
                              if columns.get(role) is not None}
        users, items = _IdEncoder(), _IdEncoder()
        parts: dict[str, list[np.ndarray]] = {role: [] for role in roles}
        for n_batches, batch in enumerate(self._batches(), start=1):
            cols = {role: batch.column(name) for role, name in roles.items()}
            for role in ("user", "item"):  # ids are labels: " 42" is "42"
                if pa.types.is_binary(cols[role].type):  # pyarrow's answer to invalid UTF-8
                    raise pa.ArrowInvalid(f"{role} ids are not valid UTF8")
                if pa.types.is_string(cols[role].type):
                    cols[role] = pc.utf8_trim_whitespace(cols[role])
            keep, values = self._check(cols)
            if not keep.all():
                cols = {role: c.filter(pa.array(keep)) for role, c in cols.items()}
                values = {role: v[keep] for role, v in values.items()}
            parts["user"].append(users.encode(cols["user"]))
            parts["item"].append(items.encode(cols["item"]))
            for role, v in values.items():
                parts[role].append(v)
            yield min(n_batches * BLOCK_BYTES, total), total
        self._finish_skipped()
        joined = {role: (np.concatenate(p) if p else np.zeros(0)) for role, p in parts.items()}
        return Interactions(
            users=joined["user"].astype(np.int32, copy=False),
            items=joined["item"].astype(np.int32, copy=False),
            user_ids=users.ids(), item_ids=items.ids(),
            ratings=joined["rating"].astype(np.float32, copy=False) if "rating" in joined else None,
            times=joined["time"].astype(np.float64, copy=False) if "time" in joined else None,
            source=str(self.path), mapping=m, skipped=self.skipped)

    def _column_names(self) -> dict[str, str]:
        m = self.mapping
        if m.header:
            self.header_names = _read_header(self.path, m)
        names = {}
        for role in ("user", "item", "rating", "time"):
            column = getattr(m, role)
            if column is None:
                continue
            if isinstance(column, str):
                if column not in self.header_names:
                    raise RatingsError(in_file(self.path, Phrase(QT_TR_NOOP("no column named {column} (the header has "
                                                                            "{names})"), column=repr(column),
                                                                 names=", ".join(self.header_names))))
                names[role] = column
            elif m.header:
                if column >= len(self.header_names):
                    raise RatingsError(in_file(self.path, Phrase(QT_TR_NOOP("column {column} does not exist (the header "
                                                                            "has {n} columns)"),
                                                                 column=column, n=len(self.header_names))))
                names[role] = self.header_names[column]
            else:
                width = self._first_width()
                if column >= width:
                    raise RatingsError(in_file(self.path, Phrase(QT_TR_NOOP("{role} {column} does not exist "
                                                                            "(columns count from 0 and the first line "
                                                                            "has {width})"),
                                                                 role=Phrase(ROLE_COLUMNS[role]), column=column,
                                                                 width=width)))
                names[role] = f"f{column}"
        return names

    def _first_width(self) -> int:
        head = read_text_head(self.path).decode(self.mapping.encoding, errors="replace")
        first = next((ln for ln in head.removeprefix("\ufeff").split("\n") if ln.strip()), "")
        return len(split_line(first.rstrip("\r"), self.mapping.delimiter))

    def _batches(self):
        m, include = self.mapping, list(self.roles.values())
        types = {name: pa.string() for name in include}
        if self.typed:  # ids stay text ("007" is not "7"); times inferred (numbers or ISO dates)
            types = {name: (pa.float32() if role == "rating" else pa.string())
                     for role, name in self.roles.items() if role != "time"}
        try:
            reader = pacsv.open_csv(
                self.path if self.source is None else pa.BufferReader(self.source),
                read_options=pacsv.ReadOptions(use_threads=False, block_size=BLOCK_BYTES,
                                               autogenerate_column_names=not m.header,
                                               encoding=_arrow_encoding(m.encoding)),
                parse_options=pacsv.ParseOptions(delimiter=m.delimiter, ignore_empty_lines=False,
                                                  invalid_row_handler=self._on_invalid_row),
                convert_options=pacsv.ConvertOptions(include_columns=include, column_types=types,
                                                     include_missing_columns=False,
                                                     strings_can_be_null=False))
        except pa.ArrowInvalid as exc:
            if "Empty CSV file" in str(exc):
                return
            raise
        for batch in reader:
            if self.swallowed and self.source is None:
                raise _Swallowed
            yield batch
            self.rows_seen += batch.num_rows
            if self.strict and self.skipped.total + len(self.skipped_lines):
                self._raise_first_bad()

    def _on_invalid_row(self, row) -> str:
        if "\n" in (row.text or ""):
            self.swallowed = True  # an unmatched quote joined lines
        self.skipped_lines.append(row.number if row.number is not None else -1)
        if len(self.parser_examples) < MAX_EXAMPLES:
            reason = Phrase(QT_TR_NOOP("wrong column count (expected {expected}, got {found})"),
                            expected=row.expected_columns, found=row.actual_columns)
            self.parser_examples.append((row.number, reason, repr(row.text)))
        return "skip"

    # -- checks ---------------------------------------------------------------
    def _check(self, cols: dict) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Mask of good rows and the numeric columns; bad rows are recorded."""
        numbers = {role: _to_numbers(cols[role], role) for role in ("rating", "time") if role in cols}
        if self.source is None and any(_holds_line_break(cols[role]) for role in ("user", "item")):
            raise _Swallowed
        empty_user, empty_item = _empty(cols["user"]), _empty(cols["item"])
        blank, missing = empty_user & empty_item, empty_user | empty_item
        for _, absent, _ in numbers.values():
            blank &= absent
            missing |= absent
        checks = [("unmatched quote", _equals(cols["user"], STRAY_QUOTE_MARK)), ("blank line", blank)]
        if self.mapping.header:
            checks.append(("repeated header", _equals(cols["user"], self._header_name("user"))
                           & _equals(cols["item"], self._header_name("item"))))
        checks.append(("missing field", missing))
        checks += [(f"non-numeric {role}", garbled) for role, (_, _, garbled) in numbers.items()]
        checks += [(f"non-finite {role}", ~np.isfinite(values) & ~absent & ~garbled)  # inf, nan
                   for role, (values, absent, garbled) in numbers.items()]
        bad = np.zeros(len(blank), dtype=bool)
        for reason, mask in checks:
            mask = mask & ~bad
            if mask.any():
                self._record(reason, mask, cols)
                bad |= mask
        return ~bad, {role: values for role, (values, _, _) in numbers.items()}

    def _header_name(self, role: str) -> str:
        column = getattr(self.mapping, role)
        return column if isinstance(column, str) else self.header_names[column]

    def _record(self, reason: str, mask: np.ndarray, cols) -> None:
        rows = np.flatnonzero(mask)
        first = rows[:MAX_EXAMPLES]
        lines = self._lines_of(first + self.rows_seen)
        texts = [" ".join(f"{role}={cols[role][int(r)].as_py()!r}" for role in cols) for r in first] \
            if reason != "unmatched quote" else ["a line with an odd number of '\"'"] * len(first)
        self.skipped.add(reason, len(rows), list(zip(lines.tolist(), [reason] * len(first), texts)))

    def _lines_of(self, rows: np.ndarray) -> np.ndarray:
        """1-based file line of table rows, given the lines the parser dropped."""
        base = 2 if self.mapping.header else 1
        dropped = np.sort(np.frombuffer(self.skipped_lines, dtype=np.int64))
        lines = rows + base
        while True:  # smallest L with L = row + base + #(dropped <= L)
            new = rows + base + np.searchsorted(dropped, lines, side="right")
            if np.array_equal(new, lines):
                return lines
            lines = new

    def _finish_skipped(self) -> None:
        n = len(self.skipped_lines)
        if n:
            examples = sorted(self.parser_examples)
            self.skipped.counts = {"wrong column count": n, **self.skipped.counts}
            self.skipped.examples = sorted(self.skipped.examples + examples)[:MAX_EXAMPLES * 4]
            self.skipped_lines = array("q")

    def _raise_first_bad(self) -> None:
        self._finish_skipped()
        line, reason, text = self.skipped.examples[0]
        raise RatingsError(Phrase(QT_TR_NOOP("{path}, line {line}: {reason}: {text} (strict mode; turn it off to "
                                             "skip bad rows)"), path=str(self.path), line=line,
                                  reason=Phrase(reason) if reason in REASONS else reason, text=text))


def _compressed(path: Path) -> bool:
    """Whether pyarrow decompresses ``path`` (it goes by the suffix: .gz, .bz2, ...)."""
    try:
        pa.Codec.detect(str(path))
    except (TypeError, ValueError, pa.ArrowException):
        return False
    return True


def _arrow_encoding(name: str) -> str:
    # pyarrow transcodes (slowly, through Python codecs) unless the name is exactly "utf8".
    return "utf8" if name.lower().replace("-", "").replace("_", "") == "utf8" else name


def _read_header(path: Path, mapping: ColumnMapping) -> list[str]:
    with open(path, encoding=mapping.encoding, errors="replace") as f:
        line = f.readline().rstrip("\r\n").removeprefix("\ufeff")
    table = pacsv.read_csv(pa.py_buffer((line + "\n").encode()),
                           parse_options=pacsv.ParseOptions(delimiter=mapping.delimiter),
                           read_options=pacsv.ReadOptions(autogenerate_column_names=True))
    return [str(table.column(i)[0].as_py()) for i in range(table.num_columns)] if table.num_rows else []


def _holds_line_break(column) -> bool:
    return pa.types.is_string(column.type) and bool(pc.any(pc.match_substring(column, "\n")).as_py())


def _empty(column) -> np.ndarray:
    """Empty ids (strings already trimmed)."""
    if pa.types.is_string(column.type):
        return pc.equal(pc.utf8_length(column), 0).to_numpy(zero_copy_only=False)
    return pc.is_null(column).to_numpy(zero_copy_only=False)


def _equals(column, text: str) -> np.ndarray:
    if not pa.types.is_string(column.type):  # a header line cannot hide in a numeric column
        return np.zeros(len(column), dtype=bool)
    return pc.fill_null(pc.equal(column, text), False).to_numpy(zero_copy_only=False)


def _to_numbers(column, role: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(float64 values, missing mask, non-numeric mask) of a rating or time column."""
    kind = column.type
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        column = pc.cast(pc.cast(column, pa.timestamp("s")), pa.int64())
        kind = column.type
    if not pa.types.is_string(kind):
        missing = pc.is_null(column).to_numpy(zero_copy_only=False)
        values = pc.fill_null(pc.cast(column, pa.float64()), 0.0).to_numpy(zero_copy_only=False)
        return values, missing, np.zeros(len(values), dtype=bool)
    text = pc.utf8_trim_whitespace(column)
    missing = pc.equal(pc.utf8_length(text), 0).to_numpy(zero_copy_only=False)
    numeric = pc.match_substring_regex(text, NUMBER_PATTERN).to_numpy(zero_copy_only=False)
    values = np.zeros(len(text), dtype=np.float64)
    if numeric.any():
        values[numeric] = pc.cast(text.filter(pa.array(numeric)), pa.float64()).to_numpy(zero_copy_only=False)
    ok = numeric | missing
    if role == "time" and not ok.all():
        rest = ~ok
        dates = _parse_dates(text.filter(pa.array(rest)))
        parsed = ~np.isnan(dates)
        idx = np.flatnonzero(rest)
        values[idx[parsed]] = dates[parsed]
        ok[idx[parsed]] = True
    return values, missing, ~ok


def _parse_dates(text) -> np.ndarray:
    """ISO dates/times -> Unix seconds (NaN where no format fits)."""
    out = np.full(len(text), np.nan)
    for fmt in DATE_FORMATS:
        stamps = pc.strptime(text, format=fmt, unit="s", error_is_null=True)
        seconds = pc.cast(stamps, pa.int64()).to_numpy(zero_copy_only=False)
        valid = pc.is_valid(stamps).to_numpy(zero_copy_only=False)
        fill = valid & np.isnan(out)
        out[fill] = seconds[fill]
    return out
