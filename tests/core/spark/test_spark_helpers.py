"""The pure parts of the Spark walks, tokenising and collecting: what runs inside a partition
or on the driver, checked without pyspark against the local readers and walkers."""
import itertools

import numpy as np
import pytest

from w2v_desktop.core.items.walks import ItemGraph, WALKS_PER_CALL, WalkOptions, random_walks, start_nodes
from w2v_desktop.core.spark.collect import (TokenSink, first_positions, id_first_positions, merge_counts,
                                            name_batches, order_vocabulary)
from w2v_desktop.core.spark.text import (count_words_and_pairs, phrases_from_spark_counts, spark_text_corpus,
                                         tokenise_lines)
from w2v_desktop.core.spark.walks import partition_work, sequence_edges, walk_partition
from w2v_desktop.core.text import Corpus, CorpusError, TokenizeOptions, learn_phrases, plan_text
from w2v_desktop.core.text.tokenize import iter_token_lines
from tests.conftest import run_job


def reduce_like_spark(pairs):
    out = {}
    for key, value in pairs:
        out[key] = merge_counts(out[key], value) if key in out else value
    return list(out.items())


def split(items, parts):
    bounds = np.linspace(0, len(items), parts + 1).astype(int)
    return [items[a:b] for a, b in zip(bounds[:-1], bounds[1:])]


SENTENCES = [["b", "a", "c"], [], ["a", "d", "b", "b"], ["e"], ["c", "e", "f", "a"]]


@pytest.mark.parametrize("parts", [1, 2, 3, 5])
def test_vocabulary_and_batches_number_words_as_corpus_builder(parts):
    expected = Corpus.from_sentences(SENTENCES)
    partitions = split(SENTENCES, parts)
    entries = reduce_like_spark(itertools.chain.from_iterable(
        first_positions(i, part) for i, part in enumerate(partitions)))
    words, counts = order_vocabulary(entries)
    assert words == expected.words and counts.tolist() == expected.counts.tolist()
    index = {w: i for i, w in enumerate(words)}
    batches = [b for part in partitions for b in name_batches(part, index, batch_tokens=2)]
    ids = np.concatenate([np.frombuffer(b[0], np.int32) for b in batches])
    lengths = np.concatenate([np.frombuffer(b[1], np.int64) for b in batches])
    assert ids.tolist() == expected.tokens.tolist()
    assert np.concatenate([[0], np.cumsum(lengths)]).tolist() == expected.offsets.tolist()


def test_id_first_positions_agree_with_name_first_positions():
    batches = [(np.array([5, 3, 5], np.int32).tobytes(), b""), (np.array([7, 3, 1], np.int32).tobytes(), b"")]
    by_id = dict(id_first_positions(4, batches))
    by_name = dict(first_positions(4, [[5, 3, 5], [7, 3, 1]]))
    assert by_id == by_name == {5: (2, 4, 0), 3: (2, 4, 1), 7: (1, 4, 3), 1: (1, 4, 5)}


def test_token_sink_spills_to_a_read_only_map_and_removes_the_file(tmp_path):
    sink = TokenSink(5, spill_tokens=4, spill_dir=str(tmp_path))
    try:
        sink.write(np.array([1, 2], np.int32))
        sink.write(np.array([3, 4, 5], np.int32))
        tokens = sink.finish()
    finally:
        sink.close()
    assert sink.spilled and isinstance(tokens, np.memmap) and not tokens.flags.writeable
    assert tokens.tolist() == [1, 2, 3, 4, 5] and list(tmp_path.iterdir()) == []
    small = TokenSink(5, spill_tokens=5)
    assert not small.spilled
    with pytest.raises(RuntimeError, match="more than"):
        small.write(np.zeros(6, np.int32))
    with pytest.raises(RuntimeError, match="came back"):
        small.finish()


def test_sequence_edges_count_pairs_within_sequences():
    index = {"a": 0, "b": 1, "c": 2}
    seqs = [["a", "b", "b", "c"], ["c", "a"]]
    assert dict(sequence_edges(seqs, index, False)) == {(0, 1): 1, (1, 2): 1, (2, 0): 1}
    assert dict(sequence_edges(seqs, index, True))[(1, 1)] == 1


def graph():
    edges = [(0, 1, 3), (0, 2, 1), (1, 0, 2), (1, 2, 1), (1, 3, 3), (2, 3, 2), (3, 0, 1), (3, 4, 1)]
    src, dst, w = (np.array(c) for c in zip(*edges))
    return ItemGraph.from_edges([str(i) for i in range(5)], src, dst, w)


@pytest.mark.parametrize("method", ["deepwalk", "node2vec"])
@pytest.mark.parametrize("partitions", [1, 2, 7])
def test_partition_walkers_reproduce_the_local_walks_whatever_the_split(method, partitions):
    g = graph()
    options = WalkOptions(method=method, walks_per_node=3000, walk_length=6, p=0.5, q=2.0, seed=7)
    starts = start_nodes(g, options)
    assert len(starts) > 2 * WALKS_PER_CALL  # several chunks, so the split matters
    walks, lengths = random_walks(g, options)
    keep = lengths >= 2
    expected = walks[keep][np.arange(walks.shape[1]) < lengths[keep][:, None]]
    adjacency = (g.indptr, g.indices, g.row_cumulative_weights())
    records = [r for chunk, lo, hi in partition_work(len(starts), partitions)
               for r in walk_partition(adjacency, options, chunk, starts[lo:hi])]
    ids = np.concatenate([np.frombuffer(r[0], np.int32) for r in records])
    got_lengths = np.concatenate([np.frombuffer(r[1], np.int64) for r in records])
    assert ids.tolist() == expected.tolist() and got_lengths.tolist() == lengths[keep].tolist()
    assert (got_lengths < options.walk_length).any()  # node 4 is a dead end: those walks stop there


def test_partition_work_takes_whole_chunks_and_covers_every_start():
    work = partition_work(3 * WALKS_PER_CALL + 5, 3)
    assert [w[0] for w in work] == [0, 1, 2] and work[-1][2] == 3 * WALKS_PER_CALL + 5
    assert all(lo == chunk * WALKS_PER_CALL for chunk, lo, _ in work)
    assert [(w[1], w[2]) for w in partition_work(10, 8)] == [(0, 10)]
    assert partition_work(0, 4) == []


@pytest.mark.parametrize("name, options", [
    ("sample_corpus.txt", TokenizeOptions(stop_words="english", min_token_length=2)),
    ("sample_zh.txt", TokenizeOptions(stop_words="auto")),
])
def test_partition_tokeniser_follows_the_local_reader(samples, name, options):
    path = samples / name
    plan = plan_text(path, options)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert list(tokenise_lines(lines, options, plan)) == list(iter_token_lines(path, options))


def test_phrases_from_spark_counts_equal_learn_phrases(samples):
    sentences = list(iter_token_lines(samples / "sample_corpus.txt", TokenizeOptions()))
    options = TokenizeOptions(phrases=True, phrase_min_count=3, phrase_threshold=5.0)
    counted = [(k, v) for part in split(sentences, 3) for k, v in count_words_and_pairs(part)]
    summed = {}
    for k, v in counted:
        summed[k] = summed.get(k, 0) + v
    model = phrases_from_spark_counts(list(summed.items()), options)
    expected = learn_phrases(sentences, 3, 5.0)
    assert len(expected) > 0 and model.phrases == expected.phrases


def test_text_spark_refuses_what_it_cannot_read_before_starting_spark(tmp_path):
    spark = None  # refused on the driver: no session is touched
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("北京是中国的首都。\n".encode("gb18030") * 50)
    with pytest.raises(CorpusError, match="UTF-8 only"):
        run_job(spark_text_corpus(spark, str(gbk)))
    with pytest.raises(CorpusError, match="stream layout"):
        run_job(spark_text_corpus(spark, str(gbk), TokenizeOptions(layout="stream")))
