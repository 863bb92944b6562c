"""Spark for the data-heavy steps (optional extra ``[spark]``): a session helper with
progress and cancel, rating logs to item sequences, walks and tokenising on the
executors, MLlib's Word2Vec as a second trainer. Nothing here imports pyspark until
it is used."""
from w2v_desktop.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "collect": ("TokenSink", "collect_id_corpus", "collect_name_corpus"),
    "events": ("SparkEvents", "collect_interactions", "read_events"),
    "mllib": ("MllibUnsupported", "mllib_params", "train_mllib"),
    "sequences": ("SparkSequences", "spark_sequences", "stream_corpus"),
    "session": ("DEFAULT_MASTER", "SparkProgress", "SparkUnavailable", "require_pyspark", "run_spark_job",
                "spark_missing", "spark_session"),
    "text": ("SparkSentences", "spark_text_corpus", "spark_text_sentences", "spark_tokenised"),
    "walks": ("spark_item_graph", "spark_walk_corpus"),
})
