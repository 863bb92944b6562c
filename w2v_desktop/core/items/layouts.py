"""Which column of a rating file is what: known MovieLens layouts and sniffing.

A ``ColumnMapping`` says how to split a line (delimiter, header) and which
column holds the user, the item and, optionally, the rating and the time.
Columns are 0-based indices, or header names when the file has a header.
``detect_layout`` guesses a ColumnMapping from the file name and its first
lines; an explicit ColumnMapping (or ``ColumnMapping.replace``) overrides any
part of the guess. (Not ``Mapping``: that name shadowed ``typing.Mapping``.)
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from pathlib import Path
from w2v_desktop.core.untrusted import InputError, in_file, require_regular
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

SNIFF_BYTES = 1 << 16
DELIMITERS = (",", "\t", ";", "|", " ")
_NUMBER = re.compile(r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$")

# Header names (lower case, without "_", "-", " ") that identify a column's role.
ROLE_NAMES = {
    "user": {"user", "userid", "uid", "users", "customer", "customerid", "visitorid", "reviewerid",
             "member", "memberid", "clientid", "sessionid", "session"},
    "item": {"item", "itemid", "iid", "movie", "movieid", "product", "productid", "asin", "song",
             "songid", "track", "trackid", "artist", "artistid", "article", "articleid", "book",
             "bookid", "isbn", "video", "videoid", "sku", "contentid"},
    "rating": {"rating", "ratings", "score", "stars", "rate", "bookrating", "value", "weight",
               "playcount", "plays", "count", "clicks"},
    "time": {"timestamp", "time", "date", "datetime", "ts", "unixtime", "eventtime", "created",
             "createdat", "ratedat", "when"},
}


class LayoutError(InputError):
    """The columns of a rating file could not be determined."""


@dataclass(frozen=True)
class ColumnMapping:
    """How to read one rating file. Columns: 0-based index or header name."""

    user: int | str = 0
    item: int | str = 1
    rating: int | str | None = None  # None: implicit data (every row is one interaction)
    time: int | str | None = None  # None: the file order is the time order
    delimiter: str = ","
    header: bool = False
    encoding: str = "utf-8"
    layout: str = "delimited"  # a label: movielens-100k, movielens-dat, movielens-csv, delimited

    def __post_init__(self) -> None:
        if len(self.delimiter) != 1:
            raise LayoutError(f"delimiter must be one character (got {self.delimiter!r})")
        for role in ("user", "item", "rating", "time"):
            column = getattr(self, role)
            if isinstance(column, str) and not self.header:
                raise LayoutError(f"{role} column {column!r} is a name, but the file has no header")
        used = [c for c in (self.user, self.item, self.rating, self.time) if c is not None]
        if len(set(used)) != len(used):
            raise LayoutError(f"two roles map to the same column: {used}")

    def replace(self, **changes) -> "ColumnMapping":
        return replace(self, **changes)

    def describe(self) -> Phrase:
        """The mapping on one line, "movielens-100k: delimiter '\\t', no header, user=0, ...": a Phrase, so
        the GUI can say it in its language."""
        layout = Phrase(self.layout) if self.layout in LAYOUT_LABELS else self.layout
        return Phrase(QT_TR_NOOP("{layout}: delimiter {delimiter}, {header}, user={user}, item={item}, "
                                 "rating={rating}, time={time}"),
                      layout=layout, delimiter=repr(self.delimiter),
                      header=Phrase(QT_TR_NOOP("header")) if self.header else Phrase(QT_TR_NOOP("no header")),
                      user=self.user, item=self.item,
                      rating=Phrase(QT_TR_NOOP("none (implicit)")) if self.rating is None else self.rating,
                      time=Phrase(QT_TR_NOOP("none (file order)")) if self.time is None else self.time)


# The layouts this package names (ColumnMapping.layout), marked so the GUI can say them in its language.
LAYOUT_LABELS = (QT_TR_NOOP("movielens-100k"), QT_TR_NOOP("movielens-dat"), QT_TR_NOOP("movielens-csv"),
                 QT_TR_NOOP("delimited"), QT_TR_NOOP("named"), QT_TR_NOOP("parquet"))
MOVIELENS_100K = ColumnMapping(0, 1, 2, 3, delimiter="\t", header=False, layout="movielens-100k")
# "1::1193::5::978300760" read with ":" as delimiter gives empty columns between fields.
MOVIELENS_DAT = ColumnMapping(0, 2, 4, 6, delimiter=":", header=False,
                        layout="movielens-dat")
MOVIELENS_CSV = ColumnMapping("userId", "movieId", "rating", "timestamp", delimiter=",", header=True,
                        layout="movielens-csv")


def detect_layout(path: str | Path) -> ColumnMapping:
    """Guess the ColumnMapping of a rating file from its name and first lines."""
    path = Path(path)
    lines = _first_lines(path)
    if not lines:
        raise LayoutError(in_file(path, Phrase(QT_TR_NOOP("the file is empty"))))
    if re.match(r"^[^:]+::[^:]+::", lines[0]):
        return MOVIELENS_DAT
    if path.name == "u.data" or re.match(r"^\d+\t\d+\t\d+\t\d+$", lines[0]):
        return MOVIELENS_100K
    delimiter = _sniff_delimiter(path, lines)
    rows = [split_line(line, delimiter) for line in lines]
    widths = [len(r) for r in rows]
    width = max(set(widths), key=widths.count)
    rows = [r for r in rows if len(r) == width]  # odd lines are the reader's business
    if len(rows[0]) < 2:
        raise LayoutError(in_file(path, Phrase(QT_TR_NOOP("found only one column; a ratings file needs at least user "
                                                          "and item"))))
    header = _has_header(rows)
    if header:
        names = [c.strip().strip('"') for c in rows[0]]
        if names[:4] == ["userId", "movieId", "rating", "timestamp"]:
            return MOVIELENS_CSV
        roles = _roles_from_names(names) or _roles_from_values(rows[1:], len(names))
        roles = {role: names[i] for role, i in roles.items()}
    else:
        roles = _roles_from_values(rows, len(rows[0]))
    return ColumnMapping(delimiter=delimiter, header=header, **roles)


def mapping_from_names(names: list[str], layout: str = "named") -> ColumnMapping:
    """The roles of named columns (a Parquet schema, say), by the header rules of detect_layout."""
    roles = _roles_from_names(list(names))
    if roles is None:
        raise LayoutError(f"cannot tell the user and item columns from the names {', '.join(names)}; "
                          "give them explicitly")
    return ColumnMapping(header=True, layout=layout, **{role: names[i] for role, i in roles.items()})


def read_text_head(path: Path, size: int = SNIFF_BYTES) -> bytes:
    """The first bytes of a rating file, refusing what is not a regular text file."""
    require_regular(path, "rating file")
    with open(path, "rb") as f:
        head = f.read(size)
    nul = head.find(b"\0")
    if nul >= 0:
        raise LayoutError(in_file(path, Phrase(QT_TR_NOOP("not a text file (binary data: a NUL byte at byte offset "
                                                          "{nul})"), nul=nul)))
    return head


def split_line(line: str, delimiter: str) -> list[str]:
    """The fields of one line as a CSV reader sees them: a delimiter inside quotes splits
    nothing ("x,y" is one field); a line with an unmatched quote is split plainly."""
    if '"' not in line:
        return line.split(delimiter)
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):
        return line.split(delimiter)


_QUOTED = re.compile(r'"(?:[^"]|"")*"')


def _first_lines(path: Path, limit: int = 50) -> list[str]:
    head = read_text_head(path)
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")  # a byte-order mark is no data
    lines = [line.rstrip("\r") for line in text.split("\n")]
    if len(head) == SNIFF_BYTES:
        lines = lines[:-1]  # the last one may be cut
    return [line for line in lines if line.strip()][:limit]


def _sniff_delimiter(path: Path, lines: list[str]) -> str:
    lines = [_QUOTED.sub("", line) for line in lines]  # a comma inside "x,y" delimits nothing
    for delimiter in DELIMITERS:
        counts = {line.count(delimiter) for line in lines}
        if len(counts) == 1 and counts.pop() >= 1:
            return delimiter
    # Tolerate a few odd lines: pick the delimiter whose most common count wins.
    best, best_share = None, 0.0
    for delimiter in DELIMITERS:
        counts = [line.count(delimiter) for line in lines]
        mode = max(set(counts), key=counts.count)
        share = counts.count(mode) / len(counts)
        if mode >= 1 and share > best_share:
            best, best_share = delimiter, share
    if best is None or best_share < 0.5:
        raise LayoutError(in_file(path, Phrase(QT_TR_NOOP("cannot tell the delimiter (tried {tried}); give it "
                                                          "explicitly"), tried=", ".join(map(repr, DELIMITERS)))))
    return best


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip().strip('"')))


def _has_header(rows: list[list[str]]) -> bool:
    first = [c.strip().strip('"') for c in rows[0]]
    if any(_normal(c) in names for c in first for names in ROLE_NAMES.values()):
        return True
    if len(rows) < 2:
        return False
    # A column numeric in every later line but not in the first one: a header.
    for j, cell in enumerate(first):
        later = [r[j] for r in rows[1:] if j < len(r)]
        if later and not _is_number(cell) and all(_is_number(v) for v in later):
            return True
    return False


def _normal(name: str) -> str:
    return re.sub(r"[\s_\-.]", "", name.lower())


def _roles_from_names(names: list[str]) -> dict[str, int] | None:
    roles: dict[str, int] = {}
    for role, known in ROLE_NAMES.items():
        for i, name in enumerate(names):
            if _normal(name) in known and i not in roles.values():
                roles[role] = i
                break
    if "user" not in roles or "item" not in roles:
        return None
    return roles


def _roles_from_values(rows: list[list[str]], n_columns: int) -> dict[str, int]:
    """Positional guess: user, item, then rating and time (MovieLens order)."""
    roles = {"user": 0, "item": 1}
    numeric = [j for j in range(2, n_columns)
               if rows and all(j < len(r) and _is_number(r[j]) for r in rows)]
    dated = [j for j in range(2, n_columns)
             if rows and all(j < len(r) and re.match(r"^\s*\d{4}-\d\d-\d\d", r[j]) for r in rows)]
    for j in numeric:
        big = all(abs(float(r[j].strip().strip('"'))) >= 1e6 for r in rows)
        if big and "time" not in roles:
            roles["time"] = j
        elif not big and "rating" not in roles:
            roles["rating"] = j
    if "time" not in roles and dated:
        roles["time"] = dated[0]
    return roles
