"""Rating files read by Spark into one events DataFrame, by the local reader's rules
(``core/items/ratings.py``): ids trimmed and kept as text (``"007"`` is not ``"7"``), ratings
as float32 values, times as numbers or ISO dates in Unix seconds, bad rows counted by reason.

CSV (the ColumnMapping's delimiter, header, columns by name or 0-based index, encoding) or
Parquet (by suffix, or ``file_format``); any path the cluster reads (local, ``hdfs://``,
``s3a://``, a folder of part files). Nothing here runs a Spark job but the schema probe:
the frame is lazy and the callers aggregate it.

File order: ``row`` is ``monotonically_increasing_id()`` taken in the scan, before any
shuffle: partition index in the high bits, position in the partition in the low ones. Spark
splits one file into byte ranges and keeps them in file order (its packing sorts splits by
length, stably, and only the last split of a file is shorter), so ``row`` orders the rows of
one file as the file does. For a folder of files, the files come in Spark's split order
(largest first), not by name. The frame is persisted so every action sees the same ``row``.

What Spark cannot tell: line numbers (bad rows are counted, not located) and blank lines
(Spark's CSV reader drops them unseen). Invalid UTF-8 becomes U+FFFD instead of the local
reader's Latin-1 retry; set the mapping's encoding for such files.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from w2v_desktop.core.items import ColumnMapping, RatingsError
from w2v_desktop.core.items.layouts import mapping_from_names
from w2v_desktop.core.items.ratings import NUMBER_PATTERN, REASONS, SkippedRows

PARQUET_SUFFIXES = (".parquet", ".parq", ".pq")
# The local reader's DATE_FORMATS in Java's pattern language, in the same order.
DATE_PATTERNS = ("yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd")
CORRUPT = "_w2v_corrupt"


@dataclass
class SparkEvents:
    """Every row of a rating file on the cluster: ``frame`` has ``row`` (long, file order),
    ``user`` and ``item`` (string), ``rating`` and ``time`` (double, null when the role is
    absent) and ``reason`` (null for a good row, else why it is skipped)."""

    frame: Any
    source: str
    mapping: ColumnMapping
    has_rating: bool
    has_time: bool

    def good(self):
        """The readable events (the local reader's Interactions, unordered)."""
        from pyspark.sql import functions as F

        return self.frame.filter(F.col("reason").isNull()).drop("reason")

    def release(self) -> None:
        self.frame.unpersist()

    def rating_histogram(self, max_values: int = 100_000):
        """(distinct finite ratings ascending, events with each) of the readable rows, counted on
        the cluster; None without a rating column or with more than ``max_values`` distinct
        ratings (a continuous score: its scale is then read from a sample)."""
        from pyspark.sql import functions as F

        if not self.has_rating:
            return None
        rating = F.col("rating")
        finite = F.col("reason").isNull() & rating.isNotNull() & ~F.isnan(rating) & \
            (F.abs(rating) != float("inf"))
        rows = self.frame.filter(finite).groupBy("rating").count().limit(max_values + 1).collect()
        if len(rows) > max_values:
            return None
        rows.sort(key=lambda row: row["rating"])
        return [float(r["rating"]) for r in rows], [int(r["count"]) for r in rows]


def file_format_of(path: str, file_format: str | None = None) -> str:
    if file_format:
        if file_format not in ("csv", "parquet"):
            raise ValueError(f"{path}: file format must be csv or parquet (got {file_format!r})")
        return file_format
    return "parquet" if str(path).rstrip("/").lower().endswith(PARQUET_SUFFIXES) else "csv"


def read_events(session, path: str, mapping: ColumnMapping | None = None,
                file_format: str | None = None) -> SparkEvents:
    """The events of ``path`` as a lazy, persisted DataFrame. A CSV file needs ``mapping``
    (the caller detects it where the desktop can open the file); a Parquet file without one
    takes its roles from the column names, as detect_layout does for a header."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    path = str(path)
    if file_format_of(path, file_format) == "parquet":
        raw = session.read.parquet(path)
        mapping = mapping or _parquet_mapping(path, raw.columns)
        names = raw.columns
        header_names = None
    else:
        if mapping is None:
            raise RatingsError(f"{path}: give the columns (user, item, ...) of a CSV file read by Spark")
        raw, names = _read_csv(session, path, mapping)
        header_names = names if mapping.header else None
    roles = {role: _column(path, mapping, role, names) for role in ("user", "item", "rating", "time")
             if getattr(mapping, role) is not None}
    raw = raw.withColumn("row", F.monotonically_increasing_id())  # in the scan: file order
    cols = {role: raw[name] for role, name in roles.items()}
    frame = raw.select(
        "row",
        _id_text(cols["user"]).alias("user"), _id_text(cols["item"]).alias("item"),
        *(_number(cols[role], role, raw.schema[roles[role]].dataType.typeName()).alias(role + "_value") if role in cols else F.lit(None).cast("double")
          .alias(role + "_value") for role in ("rating", "time")),
        *(_text(cols[role]).alias(role + "_text") for role in ("rating", "time") if role in cols),
        (raw[CORRUPT] if CORRUPT in raw.columns else F.lit(None).cast("string")).alias("corrupt"))
    frame = frame.select("row", "user", "item",
                         F.col("rating_value").alias("rating"), F.col("time_value").alias("time"),
                         _reason(frame, roles, header_names, mapping).alias("reason"))
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)
    return SparkEvents(frame, path, mapping, "rating" in roles, "time" in roles)


def collect_interactions(events: SparkEvents):
    """The readable events brought back in file order as the local reader's Interactions (codes
    by first appearance): what leave-last-out evaluation and recommendation need on the desktop."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyspark.sql import functions as F

    from w2v_desktop.core.items import Interactions

    good = events.good()
    ids = {}
    for role in ("user", "item"):
        firsts = good.groupBy(role).agg(F.min("row").alias("first")).orderBy("first")
        ids[role] = [r[0] for r in firsts.select(role).collect()]
    ordered = good.orderBy("row").select("user", "item", "rating", "time")
    table = ordered.toArrow() if hasattr(ordered, "toArrow") else pa.Table.from_pandas(ordered.toPandas())
    codes = {role: np.asarray(pc.index_in(table[role], value_set=pa.array(ids[role], pa.string()))
                              .to_numpy()).astype(np.int32) for role in ids}
    value = (lambda name, kind: np.asarray(table[name].to_numpy()).astype(kind))
    return Interactions(codes["user"], codes["item"], ids["user"], ids["item"],
                        value("rating", np.float32) if events.has_rating else None,
                        value("time", np.float64) if events.has_time else None,
                        events.source, events.mapping)


def skipped_rows(counts: dict[str, int]) -> SkippedRows:
    """SkippedRows from per-reason counts (in the local reader's order; no line numbers)."""
    skipped = SkippedRows()
    for reason in REASONS:
        skipped.add(reason, int(counts.get(reason) or 0))
    return skipped


def reason_counts(frame) -> list:
    """Aggregate expressions counting each reason (for one ``agg`` with other figures)."""
    from pyspark.sql import functions as F

    return [F.count(F.when(F.col("reason") == reason, 1)).alias(reason) for reason in REASONS]


# -- reading ------------------------------------------------------------------------------------

def _read_csv(session, path: str, mapping: ColumnMapping):
    from pyspark.sql.types import StringType, StructField, StructType

    def reader():
        return (session.read.option("sep", mapping.delimiter).option("header", mapping.header)
                .option("encoding", mapping.encoding).option("quote", '"').option("escape", '"')
                .option("mode", "PERMISSIVE").option("inferSchema", False))

    names = reader().csv(path).columns  # reads the first line only
    if not names:
        raise RatingsError(f"{path}: the file is empty")
    schema = StructType([StructField(n, StringType()) for n in names] + [StructField(CORRUPT, StringType())])
    frame = reader().option("columnNameOfCorruptRecord", CORRUPT).schema(schema).csv(path)
    return frame, names


def _parquet_mapping(path: str, names: list[str]) -> ColumnMapping:
    try:
        return mapping_from_names(names, layout="parquet")
    except ValueError as exc:
        raise RatingsError(f"{path}: {exc}") from None


def _column(path: str, mapping: ColumnMapping, role: str, names: list[str]) -> str:
    column = getattr(mapping, role)
    if isinstance(column, str):
        if column not in names:
            raise RatingsError(f"{path}: no column named {column!r} (the file has {', '.join(names)})")
        return column
    if not 0 <= column < len(names):
        raise RatingsError(f"{path}: column {column} does not exist (the file has {len(names)} columns)")
    return names[column]


def _text(column):
    from pyspark.sql import functions as F

    return F.coalesce(F.trim(column.cast("string")), F.lit(""))


def _id_text(column):
    """Ids are labels: trimmed text, never numbers (an integer Parquet column gives "7")."""
    return _text(column)


def _cast(column, kind: str):
    return column.try_cast(kind) if hasattr(column, "try_cast") else column.cast(kind)


def _number(column, role: str, kind: str):
    """A rating (float32 values, as the local reader keeps them) or time (Unix seconds) as double;
    null where missing or not a number. ``kind``: the column's Spark type name."""
    from pyspark.sql import functions as F

    if kind in ("timestamp", "timestamp_ntz", "date"):
        return F.unix_timestamp(column.cast("timestamp")).cast("double")
    text = _text(column)
    numeric = text.rlike(NUMBER_PATTERN)
    if role == "rating":
        return F.when(numeric, _cast(_cast(text, "float"), "double"))
    dates = [F.unix_timestamp(F.try_to_timestamp(text, F.lit(p))).cast("double") for p in DATE_PATTERNS]
    return F.when(numeric, _cast(text, "double")).otherwise(F.coalesce(*dates))


def _reason(frame, roles: dict, header_names: list[str] | None, mapping: ColumnMapping):
    """Why a row is skipped, checked in the local reader's order; null for a good row."""
    from pyspark.sql import functions as F

    empty_user, empty_item = F.col("user") == "", F.col("item") == ""
    blank, missing = empty_user & empty_item, empty_user | empty_item
    garbled = []
    for role in ("rating", "time"):
        if role in roles:
            absent = F.col(role + "_text") == ""
            blank, missing = blank & absent, missing | absent
            garbled.append((f"non-numeric {role}", ~absent & F.col(role + "_value").isNull()))
    checks = [("wrong column count", F.col("corrupt").isNotNull()), ("blank line", blank)]
    if header_names is not None:
        user, item = (_header_name(getattr(mapping, r), header_names) for r in ("user", "item"))
        checks.append(("repeated header", (F.col("user") == user) & (F.col("item") == item)))
    checks += [("missing field", missing), *garbled]
    reason = F.lit(None).cast("string")
    for name, condition in reversed(checks):
        reason = F.when(condition, F.lit(name)).otherwise(reason)
    return reason


def _header_name(column: int | str, names: list[str]) -> str:
    return column if isinstance(column, str) else names[column]
