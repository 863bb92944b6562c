"""The rating pipeline (core.jobs.ratings) driven headless: progress, cancel, result."""
import csv
import dataclasses
from collections import defaultdict

import numpy as np
import pytest

from tests.conftest import SAMPLES, run_job
from w2v_desktop.core.cancel import CancelToken, Cancelled
from w2v_desktop.core.config import ITEM_DEFAULTS
from w2v_desktop.core.items.layouts import ColumnMapping, LayoutError
from w2v_desktop.core.items.ratings import RatingsError
from w2v_desktop.core.items.sequences import EmptySequencesError, SequenceOptions
from w2v_desktop.core.jobs import format_size
from w2v_desktop.core.jobs.corpus import LoadProgress
from w2v_desktop.core.jobs.ratings import RatingData, load_rating_data, read_rating_data

RATINGS = SAMPLES / "sample_ratings.csv"
ITEMS = SAMPLES / "sample_items.csv"


def sample_sequences(min_rating=3.5, min_length=2):
    """The sample's item sequences worked out with the csv module: liked items
    per user in time order (file order breaks ties), short ones dropped."""
    with open(RATINGS, newline="") as f:
        rows = list(csv.DictReader(f))
    liked = defaultdict(list)
    for n, row in enumerate(rows):
        if float(row["rating"]) >= min_rating:
            liked[row["user_id"]].append((float(row["timestamp"]), n, row["item_id"]))
    return rows, {user: [item for _, _, item in sorted(events)] for user, events in liked.items()
                  if len(events) >= min_length}


def corpus_sequences(corpus):
    return [[corpus.words[t] for t in corpus.tokens[a:b]] for a, b in zip(corpus.offsets[:-1], corpus.offsets[1:])]


def test_progress_records_come_out_in_order_and_the_result_is_rating_data():
    records, data = run_job(load_rating_data(RATINGS, items_path=ITEMS))
    assert all(isinstance(r, LoadProgress) for r in records)
    size = RATINGS.stat().st_size
    assert [r.message for r in records] == ["Reading sample_ratings.csv",
                                            f"Reading sample_ratings.csv: {format_size(size)} of {format_size(size)}",
                                            "Building item sequences from 29,605 events",
                                            "Reading item metadata sample_items.csv"]
    fractions = [r.fraction for r in records]
    assert fractions == sorted(fractions) and 0 <= fractions[0] and fractions[-1] < 1
    assert isinstance(data, RatingData)
    with pytest.raises(dataclasses.FrozenInstanceError):
        data.items = None


def test_result_matches_the_sample_counted_by_hand():
    rows, expected = sample_sequences()
    data = read_rating_data(RATINGS, items_path=ITEMS)
    assert data.events.n_events == len(rows) == data.report.events_in
    assert data.events.skipped.total == 0
    assert (data.mapping.user, data.mapping.item, data.mapping.rating, data.mapping.time) == \
           ("user_id", "item_id", "rating", "timestamp")
    assert data.options == SequenceOptions() and data.report.min_count == ITEM_DEFAULTS["min_count"]
    got = corpus_sequences(data.corpus)
    assert sorted(map(tuple, got)) == sorted(map(tuple, expected.values()))
    assert data.corpus.n_tokens == sum(map(len, expected.values())) == data.report.events_kept
    assert data.report.sequences == len(expected)
    with open(ITEMS, newline="") as f:
        titles = {row["item_id"]: row["title"] for row in csv.DictReader(f)}
    assert len(data.items) == len(titles) and data.titles() == titles
    assert data.report_lines()[:-1] == data.report.lines(titles)
    assert data.report_lines()[-1].startswith("rating scale: ratings 0.5 to 5") and not data.warnings


def test_no_item_file_means_no_items_and_no_third_step():
    records, data = run_job(load_rating_data(RATINGS))
    assert len(records) == 3 and data.items is None and data.titles() is None  # start, one block, sequences
    assert data.report_lines()[:-1] == data.report.lines()


def test_options_and_mapping_are_used_and_returned():
    mapping = ColumnMapping("user_id", "item_id", "rating", None, header=True)  # file order, not time
    options = SequenceOptions(min_rating=4.5, min_length=3, min_count=2)
    data = read_rating_data(RATINGS, mapping, options)
    assert data.mapping == mapping and data.options == options and data.events.times is None
    _, expected = sample_sequences(min_rating=4.5, min_length=3)
    assert data.report.sequences == len(expected)


def test_cancel_stops_between_steps():
    for steps_before_cancel in (1, 2, 3):
        token = CancelToken()
        steps = load_rating_data(RATINGS, items_path=ITEMS, cancel=token)
        for _ in range(steps_before_cancel):
            next(steps)
        token.cancel()
        with pytest.raises(Cancelled):
            next(steps)
    with pytest.raises(Cancelled):  # read_rating_data obeys a callable too
        read_rating_data(RATINGS, cancel=lambda: True)


def test_read_rating_data_passes_progress_on_and_equals_the_generator():
    seen = []
    data = read_rating_data(RATINGS, on_progress=seen.append)
    records, same = run_job(load_rating_data(RATINGS))
    assert seen == records
    assert np.array_equal(data.corpus.tokens, same.corpus.tokens) and data.corpus.words == same.corpus.words


def test_errors_name_the_file(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(LayoutError, match="empty.csv"):
        read_rating_data(empty)
    bad = tmp_path / "bad.csv"
    bad.write_text("user,item,rating\nu,a,5\nu,b,x\nu,c,4\n")
    with pytest.raises(RatingsError, match=r"bad.csv, line 3"):
        read_rating_data(bad, strict=True)
    assert read_rating_data(bad).events.skipped.total == 1  # skipped, not fatal, by default
    low = tmp_path / "low.csv"
    low.write_text("user,item,rating\nu,a,1\nu,b,2\n")
    with pytest.raises(EmptySequencesError, match="low.csv"):
        read_rating_data(low)
    with pytest.raises(OSError, match="no_items.csv"):
        read_rating_data(RATINGS, items_path=tmp_path / "no_items.csv")
