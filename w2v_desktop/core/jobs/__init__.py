"""One pipeline per job, for the CLI and the GUI alike: generators whose yields are progress
records and cancel points and whose return value is the result (``evaluate_ratings`` is a
function with step and progress callbacks, like the evaluation it wraps).

Other wings, the CLI and the GUI import these names from here (each module is imported when one of
its names is first used)."""
from w2v_desktop.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "corpus": ("LoadProgress", "load_text_corpus", "read_corpus"),
    "mllib": ("MllibText", "train_mllib_text", "train_mllib_ratings"),
    "progress": ("TimeLeft", "format_duration", "format_size"),
    "ratings": ("RatingData", "SparkEngine", "load_rating_data", "read_rating_data"),
    "recs": ("evaluate_ratings", "spark_walker"),
    "train": ("EpochReport", "Stage", "TrainRequest", "Trained", "TrainerReady", "TrainingHandle",
              "train_job"),
    "vectors": ("load_vectors_job",),
})
