"""Item metadata (title, genres, any extra column) joined to item ids.

Reads MovieLens ``u.item`` (pipe-separated Latin-1 with 19 genre flags),
``movies.dat`` (``::``), ``movies.csv`` and any delimited file with a header.
Genres are kept as one "A|B|C" string per item, as MovieLens writes them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from w2v_desktop.core.items.layouts import ROLE_NAMES, LayoutError
from w2v_desktop.core.untrusted import require_regular

ML100K_GENRES = ["unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
                 "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
                 "Romance", "Sci-Fi", "Thriller", "War", "Western"]
TITLE_NAMES = {"title", "name", "movietitle", "itemname", "productname", "booktitle", "track",
               "trackname", "songtitle"}
GENRE_NAMES = {"genres", "genre", "category", "categories", "tags", "labels"}
# Item files that travel next to a rating file (MovieLens and the bundled sample), in the
# order they are tried.
ITEM_FILE_NAMES = ("u.item", "movies.csv", "movies.dat", "items.csv", "sample_items.csv")


@dataclass
class ItemTable:
    ids: list[str]
    columns: dict[str, list[str]]  # column name -> value per id ("title", "genres", extras)
    source: str = ""
    index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.index = {item: i for i, item in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def get(self, item: str, column: str, default: str = "") -> str:
        i = self.index.get(item)
        values = self.columns.get(column)
        return default if i is None or values is None else values[i]

    def title(self, item: str) -> str:
        return self.get(item, "title")

    def genres(self, item: str) -> set[str]:
        text = self.get(item, "genres")
        return {g for g in text.split("|") if g and g != "(no genres listed)"}

    def columns_for(self, names: list[str]) -> dict[str, list[str]]:
        """Columns aligned with ``names`` (e.g. Vectors.names), "" where unknown."""
        rows = [self.index.get(name) for name in names]
        return {col: [values[i] if i is not None else "" for i in rows]
                for col, values in self.columns.items()}


def sibling_item_file(path: str | Path) -> str:
    """The item metadata file in the rating file's folder, or "" when there is none:
    what to offer before the user picks one."""
    folder = Path(path).parent
    return next((str(folder / n) for n in ITEM_FILE_NAMES if (folder / n).is_file()), "")


def read_items(path: str | Path) -> ItemTable:
    """Read item metadata; the layout is recognised from the name and first line."""
    path = Path(path)
    require_regular(path, "item file")
    text = _decode(path)
    first = text.split("\n", 1)[0]
    if path.name == "u.item" or re.match(r"^[^|]*\|[^|]*\|.*(\|[01]){19}\s*$", first):
        return _read_ml100k(path, text)
    if "::" in first:
        return _read_dat(path, text)
    return _read_delimited(path, text, first)


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # older MovieLens files are Latin-1
        return data.decode("latin-1")


def _table(text: str, delimiter: str, header: bool) -> pa.Table:
    """Every column as text: ids are labels ("007" is not "7"; "1e3" is not 1000.0)."""
    skipped = []
    data = pa.py_buffer(text.encode("utf-8"))
    parse = pacsv.ParseOptions(delimiter=delimiter, invalid_row_handler=lambda r: skipped.append(r) or "skip")
    read = pacsv.ReadOptions(autogenerate_column_names=not header)
    first = text.split("\n", 1)[0] + "\n"
    names = pacsv.read_csv(pa.py_buffer(first.encode("utf-8")), read_options=pacsv.ReadOptions(
        autogenerate_column_names=not header, skip_rows_after_names=0), parse_options=parse).column_names
    return pacsv.read_csv(data, read_options=read, parse_options=parse, convert_options=pacsv.ConvertOptions(
        column_types={name: pa.string() for name in names}, strings_can_be_null=False,
        auto_dict_encode=False, check_utf8=False))


def _read_ml100k(path: Path, text: str) -> ItemTable:
    genre_names = ML100K_GENRES
    genre_file = path.with_name("u.genre")
    if genre_file.exists():
        pairs = [line.rsplit("|", 1) for line in _decode(genre_file).splitlines() if "|" in line]
        genre_names = [name for name, _ in sorted(pairs, key=lambda p: int(p[1]))] or genre_names
    table = _table(text, "|", header=False)
    if table.num_columns < 5 + len(genre_names):
        raise LayoutError(f"{path}: expected {5 + len(genre_names)} '|'-separated columns, "
                          f"found {table.num_columns}")
    cols = [table.column(i).to_pylist() for i in range(table.num_columns)]
    flags = cols[5:5 + len(genre_names)]
    genres = ["|".join(g for g, f in zip(genre_names, row) if f.strip() == "1") for row in zip(*flags)]
    return ItemTable([s.strip() for s in cols[0]],
                     {"title": cols[1], "genres": genres, "release_date": cols[2], "imdb_url": cols[4]},
                     str(path))


def _read_dat(path: Path, text: str) -> ItemTable:
    ids, titles, genres = [], [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("::")
        if len(parts) < 2:
            raise LayoutError(f"{path}, line {number}: expected 'id::title::genres', got {line!r}")
        ids.append(parts[0].strip())
        titles.append(parts[1])
        genres.append(parts[2] if len(parts) > 2 else "")
    return ItemTable(ids, {"title": titles, "genres": genres}, str(path))


def _read_delimited(path: Path, text: str, first: str) -> ItemTable:
    delimiter = max((",", "\t", ";", "|"), key=first.count)
    if not first.count(delimiter):
        raise LayoutError(f"{path}: expected a header line with columns such as id, title, genres")
    table = _table(text, delimiter, header=True)
    names = table.column_names
    normal = [re.sub(r"[\s_\-.]", "", n.lower()) for n in names]
    id_col = next((i for i, n in enumerate(normal) if n in ROLE_NAMES["item"] | {"id"}), 0)
    columns: dict[str, list[str]] = {}
    for i, name in enumerate(names):
        if i == id_col:
            continue
        key = "title" if normal[i] in TITLE_NAMES else "genres" if normal[i] in GENRE_NAMES else name
        columns.setdefault(key, table.column(i).to_pylist())
    ids = [s.strip() for s in table.column(id_col).to_pylist()]
    return ItemTable(ids, columns, str(path))
