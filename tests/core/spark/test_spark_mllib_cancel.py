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

    token = CancelToken()
    job = run_spark_job(spark, "slow job", lambda: spark.range(0, 100_000, numPartitions=2)
                        .select(slow("id").alias("v")).agg(F.sum("v")).first(), token)
    started = time.perf_counter()
    with pytest.raises(Cancelled):
        for record in job:
            if time.perf_counter() - started > 1.0:
                token.cancel()
    assert time.perf_counter() - started < 10  # the job would take 40 s
    assert spark.range(3).count() == 3  # the session still works

    threads = []
    job = run_spark_job(spark, "slow job", lambda: threads.append(threading.current_thread()) or spark.range(
        0, 100_000, numPartitions=2).select(slow("id").alias("v")).agg(F.sum("v")).first())
    next(job)
    time.sleep(0.5)
    started = time.perf_counter()
    job.close()  # what the GUI worker does on Cancel
    threads[0].join(10)
    assert not threads[0].is_alive() and time.perf_counter() - started < 10
