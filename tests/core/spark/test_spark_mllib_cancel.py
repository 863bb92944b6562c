"""MLlib's options (ours mapped, the ones it lacks refused by name; training itself is tested
through the CLI, tests/cli/test_cli_spark.py) and cancelling a Spark job group."""
import threading
import time

import pytest

from w2v_desktop.core.cancel import CancelToken, Cancelled
from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.spark import MllibUnsupported, mllib_params


def test_options_mllib_lacks_are_refused_in_one_message_naming_them():
    with pytest.raises(MllibUnsupported) as refused:
        mllib_params(TrainConfig(sg=False, sample=1e-4, min_alpha=0.001))
    assert refused.value.names == ["sg", "negative", "sample", "min_alpha"]
    for words in ("cbow", "negative sampling", "sample=0.0001", "min_alpha=0.001", "local trainer"):
        assert words in str(refused.value)
    params = mllib_params(TrainConfig(hs=True, negative=0, sample=0, dim=8, window=3, min_count=2, epochs=4,
                                      alpha=0.05, seed=7), partitions=2, max_sentence_length=50)
    assert params == dict(vectorSize=8, windowSize=3, minCount=2, maxIter=4, stepSize=0.05, seed=7,
                          numPartitions=2, maxSentenceLength=50)


@pytest.mark.spark
def test_a_cancel_token_cancels_the_spark_job_group(spark):
    from pyspark.sql import functions as F

    from w2v_desktop.core.spark import run_spark_job

    @F.udf("long")
    def slow(x):
        time.sleep(0.05)
        return x

    def slow_job(delay: float = 0.0, started: list | None = None):
        def action():
            if started is not None:
                started.append(threading.current_thread())
            time.sleep(delay)  # a job submitted after the cancel must be cancelled too
            return spark.range(0, 4000, numPartitions=2).select(slow("id").alias("v")).agg(F.sum("v")).first()
        return action  # 100 s if nothing cancels it

    token = CancelToken()  # cancelled while its tasks run
    at = None
    with pytest.raises(Cancelled):
        for record in run_spark_job(spark, "slow job", slow_job(), token):
            if record.tasks_total and at is None:
                token.cancel()
                at = time.perf_counter()
    assert at is not None and time.perf_counter() - at < 10

    token = CancelToken()  # cancelled before its first job is submitted
    token.cancel()
    at = time.perf_counter()
    with pytest.raises(Cancelled):
        for _ in run_spark_job(spark, "late job", slow_job(delay=1.0), token):
            pass
    assert time.perf_counter() - at < 12
    assert spark.range(3).count() == 3  # the session still works

    threads = []  # closed, as the GUI worker closes a cancelled job
    job = run_spark_job(spark, "closed job", slow_job(delay=1.0, started=threads))
    next(job)
    at = time.perf_counter()
    job.close()
    threads[0].join(12)
    assert not threads[0].is_alive() and time.perf_counter() - at < 12
