import os
from pathlib import Path

import pytest

from w2v_desktop.core.cancel import run_to_end

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "w2v_desktop" / "resources" / "samples"


def data_path(*parts: str) -> Path:
    """A file of the real data cache ($W2V_DATA); skips the test when unavailable."""
    base = os.environ.get("W2V_DATA")
    if not base:
        pytest.skip("W2V_DATA is not set (run ../shared/data/fetch-data and export W2V_DATA)")
    path = Path(base, *parts)
    if not path.exists():
        pytest.skip(f"{path} is missing from W2V_DATA")
    return path


@pytest.fixture
def samples() -> Path:
    return SAMPLES


def run_job(job) -> tuple[list, object]:
    """(every record, return value) of a job generator run to its end."""
    records: list = []
    return records, run_to_end(job, records.append)


@pytest.fixture(scope="session")
def spark():
    """One local[2] Spark session shared by every ``spark`` test (skips without pyspark or Java)."""
    pytest.importorskip("pyspark", reason="pyspark is not installed (the [spark] extra)")
    from w2v_desktop.core.spark import SparkUnavailable, spark_session

    try:
        session = spark_session("local[2]", conf={"spark.sql.shuffle.partitions": "4",
                                                  "spark.default.parallelism": "2"})
    except SparkUnavailable as exc:
        pytest.skip(str(exc))
    yield session
    session.stop()
