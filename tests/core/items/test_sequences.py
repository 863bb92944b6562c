"""Interactions -> item sequences: ordering, filters, report, empty results."""
import numpy as np
import pytest

from tests.conftest import SAMPLES, data_path
from w2v_desktop.core.text.corpus import Corpus
from w2v_desktop.core.items.ratings import Interactions, read_ratings
from w2v_desktop.core.items.sequences import (EmptySequencesError, SequenceOptions, build_sequences,
                                              make_sequences)
from w2v_desktop.core.jobs.ratings import read_rating_data


def interactions(rows, ratings=True, times=True):
    """rows: (user, item, rating, time) tuples in file order."""
    user_ids = list(dict.fromkeys(r[0] for r in rows))
    item_ids = list(dict.fromkeys(r[1] for r in rows))
    return Interactions(
        users=np.array([user_ids.index(r[0]) for r in rows], np.int32),
        items=np.array([item_ids.index(r[1]) for r in rows], np.int32),
        user_ids=user_ids, item_ids=item_ids,
        ratings=np.array([r[2] for r in rows], np.float32) if ratings else None,
        times=np.array([r[3] for r in rows], np.float64) if times else None, source="test")


def sentences(corpus):
    return [corpus.sentence(i) for i in range(corpus.n_sentences)]


KEEP_ALL = SequenceOptions(min_rating=None, min_length=1)


def test_numeric_time_order_not_string_order():
    # 999,999,999 (2001-09-09) comes before 1,000,000,000 although "999..." > "100..." as text.
    rows = [("u", "late", 5, 1_000_000_500), ("u", "early", 5, 999_999_999), ("u", "middle", 5, 1_000_000_000)]
    corpus, _ = build_sequences(interactions(rows), KEEP_ALL)
    assert sentences(corpus) == [["early", "middle", "late"]]
    by_string = [r[1] for r in sorted(rows, key=lambda r: str(r[3]))]
    assert by_string != ["early", "middle", "late"]  # the well-known recipe gets this wrong


def test_ties_keep_file_order_and_users_are_grouped():
    rows = [("b", "x", 5, 10), ("a", "p", 5, 7), ("b", "y", 5, 10), ("a", "q", 5, 3), ("b", "z", 5, 9)]
    corpus, _ = build_sequences(interactions(rows), KEEP_ALL)
    assert sentences(corpus) == [["z", "x", "y"], ["q", "p"]]


def test_fractional_and_huge_times_fall_back_to_lexsort():
    rows = [("u", "b", 5, 1.5), ("u", "a", 5, 1.25), ("v", "c", 5, 1e300), ("v", "d", 5, -1e300)]
    corpus, _ = build_sequences(interactions(rows), KEEP_ALL)
    assert sentences(corpus) == [["a", "b"], ["d", "c"]]


def test_rating_threshold_and_keep_all():
    rows = [("u", "a", 4, 1), ("u", "b", 3, 2), ("u", "c", 3.5, 3), ("u", "d", 5, 4)]
    corpus, report = build_sequences(interactions(rows), SequenceOptions())
    assert sentences(corpus) == [["a", "c", "d"]]
    assert (report.steps[0].dropped, report.steps[0].remaining) == (1, 3)
    corpus, _ = build_sequences(interactions(rows), SequenceOptions(min_rating=None))
    assert sentences(corpus) == [["a", "b", "c", "d"]]


def test_implicit_data_in_file_order():
    rows = [("u", "a", 0, 0), ("v", "x", 0, 0), ("u", "b", 0, 0), ("v", "y", 0, 0)]
    corpus, report = build_sequences(interactions(rows, ratings=False, times=False), SequenceOptions())
    assert sentences(corpus) == [["a", "b"], ["x", "y"]]
    assert "no rating column" in report.steps[0].note


def test_session_split_dedupe_and_min_length():
    rows = [("u", "a", 5, 0), ("u", "a", 5, 10), ("u", "b", 5, 20),  # session 1: a a b
            ("u", "c", 5, 5000),  # session 2: c (too short)
            ("u", "d", 5, 9000), ("u", "d", 5, 9001), ("u", "e", 5, 9002), ("u", "d", 5, 9003)]
    options = SequenceOptions(min_rating=None, session_gap=3600, dedupe_consecutive=True, min_length=2)
    corpus, report = build_sequences(interactions(rows), options)
    assert sentences(corpus) == [["a", "b"], ["d", "e", "d"]]
    names = [s.name for s in report.steps]
    assert names == ["rating threshold", "split sessions at gaps > 1 h", "drop consecutive duplicates",
                     "drop sequences shorter than 2"]
    assert [s.dropped for s in report.steps] == [0, 0, 2, 1]
    assert report.sequences == 2 and report.events_kept == 5
    # without the session split the same events form one sequence
    corpus, _ = build_sequences(interactions(rows), options.replace(session_gap=None))
    assert sentences(corpus) == [["a", "b", "c", "d", "e", "d"]]


def test_corpus_from_arrays_matches_corpus_from_sentences():
    inter = read_ratings(SAMPLES / "sample_ratings.csv")
    sequences, _ = make_sequences(inter, SequenceOptions())
    corpus = sequences.to_corpus()
    expected = Corpus.from_sentences(sentences(corpus))
    assert sentences(corpus) == [expected.sentence(i) for i in range(expected.n_sentences)]
    assert np.array_equal(corpus.offsets, expected.offsets)
    assert dict(zip(corpus.words, corpus.counts)) == dict(zip(expected.words, expected.counts))
    assert len(corpus.words) == len(set(corpus.words)) == len(expected.words)
    assert corpus.tokens.dtype == np.int32 and corpus.offsets.dtype == np.int64
    # every sequence belongs to one user, in time order
    ev = sequences.events
    for i in range(0, sequences.n_sequences, 50):
        lo, hi = sequences.offsets[i], sequences.offsets[i + 1]
        assert len(set(ev.users[lo:hi])) == 1 and np.all(np.diff(ev.times[lo:hi]) >= 0)


def test_report_counts_items_without_vectors():
    rows = [("u", "a", 5, 1), ("u", "b", 5, 2), ("v", "a", 5, 1), ("v", "c", 5, 2), ("w", "z", 1, 1),
            ("w", "a", 5, 1), ("w", "b", 5, 2)]
    _, report = build_sequences(interactions(rows), SequenceOptions(min_count=2))
    assert report.items_in == 4 and report.items_kept == 3
    assert report.items_without_events == 1  # z: its only rating is below the threshold
    assert report.items_below_min_count == 1 and report.below_min_count_examples == [("c", 1)]
    assert report.items_without_vector == 2
    text = "\n".join(report.lines({"c": "Cats"}))
    assert "c 'Cats' x1" in text and "keep ratings >= 3.5: dropped 1" in text


def test_empty_results_name_the_step():
    low = [("u", "a", 1, 1), ("u", "b", 2, 2)]
    with pytest.raises(EmptySequencesError, match=r"keep ratings >= 3.5' removed all 2.*range 1 to 2"):
        build_sequences(interactions(low), SequenceOptions())
    short = [("u", "a", 5, 1), ("v", "b", 5, 2)]
    with pytest.raises(EmptySequencesError, match="drop sequences shorter than 2' removed all 2"):
        build_sequences(interactions(short), SequenceOptions())
    empty = interactions([("u", "a", 5, 1)]).select(np.zeros(1, bool))
    with pytest.raises(EmptySequencesError, match="no readable events"):
        build_sequences(empty, SequenceOptions())


def test_options_are_validated():
    with pytest.raises(ValueError, match="session_gap"):
        SequenceOptions(session_gap=0)
    with pytest.raises(ValueError, match="min_length"):
        SequenceOptions(min_length=0)


def test_movielens_100k_layouts_give_identical_sequences():
    first = read_rating_data(data_path("ratings", "ml-100k", "u.data"))
    second = read_rating_data(data_path("ratings", "ml-100k-csv", "ratings.csv"))
    (a, report_a), (b, report_b) = (first.corpus, first.report), (second.corpus, second.report)
    assert sentences(a) == sentences(b)
    assert a.words == b.words and np.array_equal(a.counts, b.counts)
    assert report_a.events_kept == report_b.events_kept == 55_375
    assert report_a.lines()[1:] == report_b.lines()[1:]  # same steps; only the source differs
