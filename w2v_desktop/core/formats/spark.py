"""Spark word2vec models and Parquet ``(item, vector)`` tables, read and written with pyarrow.

A Spark ML ``Word2VecModel`` saved by ``model.write().save(dir)`` is a folder:
``metadata/part-00000`` (one JSON line: class, sparkVersion, uid, params) and
``data/*.parquet``. Three layouts exist, and each is read without starting
Spark (a JVM takes seconds and gigabytes; the vectors are plain Parquet):

- ``ml`` since Spark 2.2: one row per word, ``word: string, vector: array<float>``;
- ``ml`` before 2.2: one row, ``wordIndex: map<string,int>`` and the flat
  ``wordVectors: array<float>`` (row ``i`` is values ``i*dim .. (i+1)*dim``);
- ``pyspark.mllib``: rows like the first, under a metadata line with class
  ``org.apache.spark.mllib.feature.Word2VecModel``, ``vectorSize`` and ``numWords``.

Rows keep the order of the data: part files in name order, rows in file order
(Spark itself keeps the words in a hash map, so it has no order to respect).
Spark stores no word counts, so the counts are unknown.

We write the first layout, so that ``pyspark.ml.feature.Word2VecModel.load``
opens the folder in any Spark since 2.4, and a single Parquet table with
``item: string`` and ``vector: list<float>`` for Spark SQL, DuckDB or pandas.
"""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import numpy as np

from w2v_desktop.core.outputs import atomic_directory, atomic_write
from w2v_desktop.core.formats.common import FormatError, check_unique, first_bad_row, writable_names
from w2v_desktop.core.vectors import Vectors

ML_CLASS = "org.apache.spark.ml.feature.Word2VecModel"
MLLIB_CLASS = "org.apache.spark.mllib.feature.Word2VecModel"
# the version our metadata claims: Spark picks the data layout by it (>= 2.2: rows) and reads
# defaultParamMap only from 2.4 on
WRITTEN_SPARK_VERSION = "4.0.0"
# Spark's own defaults for Word2Vec, written as defaultParamMap as pyspark 4.3 writes them (its
# default seed is Python's hash() of the class name, salted per process: any value will do)
DEFAULT_PARAMS = {"maxIter": 1, "maxSentenceLength": 1000, "minCount": 5, "numPartitions": 1,
                  "seed": 874144614881874894, "stepSize": 0.025, "vectorSize": 100, "windowSize": 5}
# Spark's schema of the data, which Spark reads from the Parquet footer under this key
ROW_METADATA = {"type": "struct", "fields": [
    {"name": "word", "type": "string", "nullable": True, "metadata": {}},
    {"name": "vector", "type": {"type": "array", "elementType": "float", "containsNull": False},
     "nullable": True, "metadata": {}}]}
TABLE_NAME_COLUMNS = ("item", "word")  # "word" too: a part file of a Spark model is such a table
ROWS_BYTES = 64 << 20  # about this much vector data per row group, like Spark's part files


# --- Spark model folders ----------------------------------------------------------------------

def is_spark_model(path: Path) -> bool:
    """A folder with ``metadata/`` and ``data/`` in it: how every Spark ML/MLlib model is saved."""
    path = Path(path)
    return path.is_dir() and (path / "metadata").is_dir() and (path / "data").is_dir()


def read_metadata(path: Path) -> dict:
    """The JSON line Spark wrote under ``metadata/`` (its first line, as Spark reads it)."""
    folder = Path(path) / "metadata"
    if not folder.is_dir():
        raise FormatError(path, "no metadata folder, so not a saved Spark model")
    for part in _data_files(folder):
        with open(part, "rb") as f:
            line = f.readline().strip()
        if not line:
            continue
        try:
            metadata = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FormatError(part, f"the Spark metadata is not JSON ({exc})", 1) from None
        if not isinstance(metadata, dict) or not isinstance(metadata.get("class"), str):
            raise FormatError(part, "the Spark metadata names no model class", 1)
        return metadata
    raise FormatError(folder, "the Spark metadata is missing or empty")


def read_spark_model(path: Path) -> Vectors:
    """Any of the three layouts, told apart by the data's columns rather than by the
    sparkVersion Spark itself trusts, so a model re-saved by hand still reads."""
    path = Path(path)
    metadata = read_metadata(path)
    cls = metadata["class"]
    if cls not in (ML_CLASS, MLLIB_CLASS):
        stages = sorted(p.name for p in (path / "stages").glob("*Word2Vec*")) \
            if cls.endswith("PipelineModel") else []
        hint = f"; open its stage folder {stages[0]!r} instead" if stages else ""
        raise FormatError(path, f"a Spark model of class {cls}, not a Word2VecModel{hint}")
    parts = _data_files(path / "data")
    parts = [p for p in parts if p.suffix == ".parquet"]
    if not parts:
        raise FormatError(path / "data", "no Parquet files: the model holds no vectors")
    import pyarrow.parquet as pq

    first = _read_parquet(pq, parts[0])
    if {"wordIndex", "wordVectors"} <= set(first.column_names):
        if len(parts) > 1 or first.num_rows != 1:
            raise FormatError(path / "data", "the single-row layout (Spark < 2.2) has "
                                             f"{first.num_rows} rows in {len(parts)} files, not one row")
        names, matrix = _single_row(first, parts[0])
        layout = "ml single-row (Spark < 2.2)"
    else:
        names, blocks = [], []
        for part in parts:
            table = first if part == parts[0] else _read_parquet(pq, part)
            if not table.num_rows:
                continue
            part_names, block = table_rows(table, part, ("word",))
            if blocks and block.shape[1] != blocks[0].shape[1]:
                raise FormatError(part, f"vectors of {block.shape[1]} values; {parts[0].name} "
                                        f"has vectors of {blocks[0].shape[1]}", where="row 1")
            names += part_names
            blocks.append(block)
        if not blocks:
            raise FormatError(path / "data", "the Parquet files hold no rows: the model has no words")
        matrix = np.concatenate(blocks) if len(blocks) > 1 else blocks[0]
        check_unique(names, _row_numbers(blocks), path / "data", unit="row")
        layout = "mllib" if cls == MLLIB_CLASS else "ml rows (Spark >= 2.2)"
    _check_declared_size(path, metadata, len(names), matrix.shape[1])
    spark = {key: metadata[key] for key in ("class", "sparkVersion", "uid", "version")
             if key in metadata}
    return Vectors(names, matrix, None, {"spark": {**spark, "layout": layout}})


def _data_files(folder: Path) -> list[Path]:
    """Files Spark and Hadoop read: not hidden, not ``_SUCCESS``, not ``.crc`` checksums."""
    if not folder.is_dir():
        raise FormatError(folder.parent, f"no {folder.name} folder, so not a saved Spark model")
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith(("_", ".")) and not p.name.endswith(".crc"))


def _read_parquet(pq, part: Path):
    try:
        return pq.read_table(part)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise FormatError(part, f"not a readable Parquet file ({exc})") from None


def _row_numbers(blocks: list[np.ndarray]) -> np.ndarray:
    """Row numbers counted from 1 across all part files, for duplicate-word messages."""
    return np.arange(1, sum(len(b) for b in blocks) + 1)


def _single_row(table, part: Path) -> tuple[list[str], np.ndarray]:
    """Spark < 2.2: ``wordIndex`` maps each word to its row of the flat ``wordVectors``."""
    import pyarrow as pa

    index = table.column("wordIndex").combine_chunks()
    flat = table.column("wordVectors").combine_chunks()
    if not pa.types.is_map(index.type) or not pa.types.is_list(flat.type) or index.null_count \
            or flat.null_count:
        raise FormatError(part, "expected wordIndex: map<string,int> and wordVectors: array<float>, "
                                f"found {index.type} and {flat.type}", where="row 1")
    words = index.keys.to_pylist()
    rows = index.items.to_numpy(zero_copy_only=False)
    values = _floats(flat.flatten(), part, "wordVectors")
    n = len(words)
    if not n:
        raise FormatError(part, "wordIndex is empty: the model has no words", where="row 1")
    if None in words:
        raise FormatError(part, "wordIndex holds a null word", where="row 1")
    if values.size % n or not values.size:
        raise FormatError(part, f"wordVectors holds {values.size} values, not a whole vector for "
                                f"each of the {n} words", where="row 1")
    if not np.array_equal(np.sort(rows), np.arange(n)):
        raise FormatError(part, f"wordIndex does not number the {n} words 0..{n - 1} once each",
                          where="row 1")
    names = [""] * n
    for word, row in zip(words, rows.tolist()):
        names[row] = word
    matrix = values.reshape(n, -1)
    _check_finite(matrix, names, part)
    return names, matrix


def _check_declared_size(path: Path, metadata: dict, words: int, dim: int) -> None:
    """The vector size (and for MLlib the word count) in the metadata must match the data."""
    declared = metadata.get("vectorSize")
    if declared is None:
        params = {**(metadata.get("defaultParamMap") or {}), **(metadata.get("paramMap") or {})}
        declared = params.get("vectorSize")
    if declared is not None and declared != dim:
        raise FormatError(path, f"the metadata says vectorSize {declared}, the data holds vectors "
                                f"of {dim} values")
    if metadata.get("numWords", words) != words:
        raise FormatError(path, f"the metadata says numWords {metadata['numWords']}, the data "
                                f"holds {words} words")


# --- rows of (name, vector): Spark data files and our Parquet table -------------------------------

def table_rows(table, path: Path, name_columns=TABLE_NAME_COLUMNS) -> tuple[list[str], np.ndarray]:
    """Names and a float32 matrix from a table of a name column and a ``vector`` list column."""
    import pyarrow as pa

    name_column = next((c for c in name_columns if c in table.column_names), None)
    if name_column is None or "vector" not in table.column_names:
        raise FormatError(path, f"expected columns {' or '.join(name_columns)} and vector, found "
                                f"{', '.join(table.column_names) or 'none'}")
    names_array = table.column(name_column)
    vectors = table.column("vector").combine_chunks()
    if not (pa.types.is_string(names_array.type) or pa.types.is_large_string(names_array.type)):
        raise FormatError(path, f"column {name_column} holds {names_array.type}, not strings")
    if not (pa.types.is_list(vectors.type) or pa.types.is_large_list(vectors.type)
            or pa.types.is_fixed_size_list(vectors.type)):
        raise FormatError(path, f"column vector holds {vectors.type}, not lists of numbers")
    names = names_array.to_pylist()
    if None in names:
        row = names.index(None)
        raise FormatError(path, f"column {name_column} is empty (null)", where=f"row {row + 1}")
    if vectors.null_count:
        row = int(np.argmax(vectors.is_null().to_numpy(zero_copy_only=False)))
        raise FormatError(path, f"no vector for {names[row]!r}", where=f"row {row + 1}")
    lengths = np.asarray(vectors.value_lengths()) if not pa.types.is_fixed_size_list(vectors.type) \
        else np.full(len(vectors), vectors.type.list_size)
    uneven = np.flatnonzero(lengths != lengths[0]) if len(lengths) else []
    if len(uneven):
        row = int(uneven[0])
        raise FormatError(path, f"the vector of {names[row]!r} has {lengths[row]} values, row 1's "
                                f"has {lengths[0]}; vectors must be of one length", where=f"row {row + 1}")
    if len(lengths) and not lengths[0]:
        raise FormatError(path, "the vectors hold no values", where="row 1")
    matrix = _floats(vectors.flatten(), path, "vector").reshape(len(names), -1)
    _check_finite(matrix, names, path)
    check_unique(names, np.arange(1, len(names) + 1), path, unit="row")
    return names, matrix


def _floats(values, path: Path, column: str) -> np.ndarray:
    import pyarrow as pa

    if not (pa.types.is_floating(values.type) or pa.types.is_integer(values.type)):
        raise FormatError(path, f"column {column} holds lists of {values.type}, not numbers")
    if values.null_count:
        raise FormatError(path, f"column {column} holds a null where a number belongs")
    return values.to_numpy(zero_copy_only=False).astype(np.float32, copy=False)


def _check_finite(matrix: np.ndarray, names: list[str], path: Path) -> None:
    bad = first_bad_row(matrix)
    if bad is not None:
        raise FormatError(path, f"the vector of {names[bad]!r} holds NaN or infinity; vectors must "
                                "be finite numbers", where=f"row {bad + 1}")


def read_parquet_table(path: Path) -> Vectors:
    import pyarrow.parquet as pq

    try:
        names, matrix = table_rows(_read_parquet(pq, Path(path)), Path(path))
    except UnicodeDecodeError as exc:  # names pyarrow took for UTF-8 without checking
        raise FormatError(path, f"names that are not UTF-8 ({exc.reason} at byte {exc.start})") from None
    if not names:
        raise FormatError(path, "the table has no rows")
    return Vectors(names, matrix)


def is_vector_table(path: Path) -> bool:
    """A Parquet file whose schema has a name column and a ``vector`` list column (footer only)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except Exception:  # not Parquet, or damaged: not ours to judge here
        return False
    names = set(schema.names)
    if "vector" not in names or not names & set(TABLE_NAME_COLUMNS):
        return False
    kind = schema.field("vector").type
    return pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind)


def _arrow_table(vectors: Vectors, name_column: str, label: str):
    import pyarrow as pa

    names = writable_names(vectors.names, label, None)
    n, dim = vectors.matrix.shape
    large = n * dim >= 2 ** 31  # 32-bit list offsets end there; Parquet stores both alike
    offsets = np.arange(0, (n + 1) * dim, dim, dtype=np.int64 if large else np.int32)
    element = pa.field("element", pa.float32(), nullable=False)  # Spark's array<float>, no nulls
    values = pa.array(np.ascontiguousarray(vectors.matrix).ravel())
    if large:
        column = pa.LargeListArray.from_arrays(pa.array(offsets), values, type=pa.large_list(element))
    else:
        column = pa.ListArray.from_arrays(pa.array(offsets), values, type=pa.list_(element))
    return pa.table({name_column: pa.array(names, pa.string()), "vector": column})


def _row_group_size(dim: int) -> int:
    return max(1, ROWS_BYTES // (4 * dim + 16))


def write_parquet_table(vectors: Vectors, path: Path) -> None:
    import pyarrow.parquet as pq

    table = _arrow_table(vectors, "item", "a Parquet table")
    with atomic_write(path, "wb") as f:
        pq.write_table(table, f, row_group_size=_row_group_size(vectors.dim))


# --- writing a Spark model folder -------------------------------------------------------------------

def check_replaceable(path: Path) -> None:
    """Refuse to write over anything but nothing, an empty folder or a saved Spark model:
    the folder is replaced whole, and a wrong path must not cost a user their files."""
    path = Path(path)
    if not path.exists():
        return
    if path.is_dir() and (not any(path.iterdir()) or is_spark_model(path)):
        return
    what = "a folder that is not a Spark model" if path.is_dir() else "a file"
    raise ValueError(f"{path} exists and is {what}; refusing to replace it with a Spark model")


def write_spark_model(vectors: Vectors, path: Path) -> None:
    """An ML ``Word2VecModel`` folder in Spark's layout: metadata, data, ``_SUCCESS`` markers."""
    import pyarrow.parquet as pq

    path = Path(path)
    check_replaceable(path)
    table = _arrow_table(vectors, "word", "a Spark model").replace_schema_metadata({
        "org.apache.spark.version": WRITTEN_SPARK_VERSION,
        "org.apache.spark.sql.parquet.row.metadata": _compact(ROW_METADATA)})
    with atomic_directory(path) as tmp:
        (tmp / "metadata").mkdir()
        (tmp / "data").mkdir()
        (tmp / "metadata" / "part-00000").write_text(_compact(spark_metadata(vectors.dim)) + "\n",
                                                     encoding="utf-8")
        pq.write_table(table, tmp / "data" / f"part-00000-{uuid.uuid4()}-c000.snappy.parquet",
                       compression="snappy", row_group_size=_row_group_size(vectors.dim))
        for folder in ("metadata", "data"):
            (tmp / folder / "_SUCCESS").touch()


def spark_metadata(dim: int) -> dict:
    """What ``DefaultParamsWriter`` writes for a Word2VecModel of vectors of ``dim`` values."""
    uid = f"Word2Vec_{uuid.uuid4().hex[-12:]}"
    return {"class": ML_CLASS, "timestamp": int(time.time() * 1000),
            "sparkVersion": WRITTEN_SPARK_VERSION, "uid": uid,
            "paramMap": {"vectorSize": dim},
            "defaultParamMap": {**DEFAULT_PARAMS, "outputCol": f"{uid}__output"}}


def _compact(value) -> str:
    return json.dumps(value, separators=(",", ":"))
