"""One pipeline per job, for the CLI and the GUI alike: generators whose yields are progress
records and cancel points and whose return value is the result.

Other wings, the CLI and the GUI import these names from here."""
from w2v_desktop.core.jobs.corpus import LoadProgress, load_text_corpus, read_corpus
from w2v_desktop.core.jobs.ratings import RatingData, load_rating_data, read_rating_data
from w2v_desktop.core.jobs.train import (EpochReport, Stage, TrainRequest, Trained, TrainerReady,
                                         TrainingHandle, train_job)

__all__ = [
    "EpochReport",
    "LoadProgress",
    "RatingData",
    "Stage",
    "TrainRequest",
    "Trained",
    "TrainerReady",
    "TrainingHandle",
    "load_rating_data",
    "load_text_corpus",
    "read_corpus",
    "read_rating_data",
    "train_job",
]
