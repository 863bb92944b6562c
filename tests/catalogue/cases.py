"""The catalogue's table: bad corpora, rating files, vector files, model files, evaluation
files, options and outputs, each with the files it creates, the command line and what
the message must say (see test_bad_inputs.py)."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

import numpy as np

from tests.catalogue import files as F


@dataclass(frozen=True)
class Case:
    id: str
    files: dict = field(default_factory=dict)
    argv: tuple = ()
    expect: tuple = ()
    subprocess: bool = False  # would hang on a regression: run with a timeout


def case(id, files, argv, *expect, subprocess=False):
    return Case(id, files, tuple(argv.split()) if isinstance(argv, str) else tuple(argv), expect, subprocess)


TRAIN = "train {d}/%s -o {d}/out.txt --quiet --epochs 1 --min-count 1"
REPORT = "ratings-report {d}/%s"
NEAR = "neighbors {d}/%s the"
CONTINUE = "train {d}/corpus.txt -o {d}/out.txt --quiet --continue-from {d}/%s"
EVAL = "evaluate {d}/vec.txt --%s {d}/%s"


def _zip_version(path):
    """Claim zip version 10.9 for the first member (zipfile raises NotImplementedError)."""
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")  # the central directory's "version needed to extract"
    data[central + 6] = 109
    path.write_bytes(bytes(data))


def _bad_npy_member(arrays):
    arrays["syn0"] = np.full((4, F.DIM), np.nan, np.float32)


CORPUS = [
    case("corpus-missing", {}, TRAIN % "nothing.txt", "nothing.txt", "no such file"),
    case("corpus-empty", {"e.txt": b""}, TRAIN % "e.txt", "e.txt", "empty"),
    case("corpus-binary", {"b.txt": b"abc\x00\x01\x02" * 100}, TRAIN % "b.txt", "b.txt", "not a text file"),
    case("corpus-bad-utf8", {"u.txt": b"good words\n\xff\xfe bad \xc3\x28\n"},
         TRAIN % "u.txt" + " --encoding utf-8", "u.txt", "utf-8"),
    case("corpus-unknown-encoding", {}, TRAIN % "corpus.txt" + " --encoding klingon", "klingon"),
    case("corpus-damaged-gzip", {"c.txt.gz": F.gz(F.sentences().encode())[:40] + b"\x00" * 50},
         TRAIN % "c.txt.gz", "c.txt.gz", "damaged"),
    case("corpus-empty-folder", {"folder/.hidden": b"x"}, TRAIN % "folder", "folder", "no files"),
    case("corpus-folder-with-binary", {"folder/a.txt": F.sentences(), "folder/b.bin": b"\x00\x01" * 50},
         TRAIN % "folder", "b.bin", "not a text file"),
    case("corpus-only-rare-words", {"r.txt": "one two three\n"},
         "train {d}/r.txt -o {d}/out.txt --quiet --min-count 5", "r.txt", "min_count"),
    case("corpus-fifo", {"pipe.txt": F.fifo}, TRAIN % "pipe.txt", "pipe.txt", "FIFO", subprocess=True),
    case("corpus-fifo-in-folder", {"folder/a.txt": F.sentences(), "folder/pipe": F.fifo}, TRAIN % "folder",
         "pipe", "FIFO", subprocess=True),
    case("corpus-and-ratings", {}, TRAIN % "corpus.txt" + " --ratings {d}/ratings.csv", "either"),
    case("corpus-stop-words-file-missing", {}, TRAIN % "corpus.txt" + " --stop-words-file {d}/none.txt",
         "none.txt"),
    case("corpus-stop-words-fifo", {"stop": F.fifo}, TRAIN % "corpus.txt" + " --stop-words-file {d}/stop",
         "stop", "FIFO", subprocess=True),
]

RATINGS = [
    case("ratings-missing", {}, REPORT % "none.csv", "none.csv", "no such file"),
    case("ratings-empty", {"e.csv": b""}, REPORT % "e.csv", "e.csv", "empty"),
    case("ratings-one-column", {"one.csv": b"1\n2\n3\n"}, REPORT % "one.csv", "one.csv", "delimiter"),
    case("ratings-fifo", {"pipe.csv": F.fifo}, REPORT % "pipe.csv", "pipe.csv", "FIFO", subprocess=True),
    case("ratings-items-fifo", {"items": F.fifo}, REPORT % "ratings.csv" + " --items {d}/items", "items",
         "FIFO", subprocess=True),
    case("ratings-items-missing", {}, REPORT % "ratings.csv" + " --items {d}/nope.item", "nope.item"),
    case("ratings-column-name-unknown", {}, REPORT % "ratings.csv" + " --user-col shopper", "ratings.csv",
         "shopper"),
    case("ratings-column-index-too-big", {}, REPORT % "ratings.csv" + " --user-col 9", "ratings.csv",
         "column 9"),
    case("ratings-column-index-too-big-no-header", {"r.tsv": b"1\t2\t3\n4\t5\t6\n"},
         REPORT % "r.tsv" + " --item-col 7", "r.tsv", "column 7"),
    case("ratings-delimiter-empty", {}, ["ratings-report", "{d}/ratings.csv", "--delimiter", ""], "--delimiter"),
    case("ratings-delimiter-two-chars", {}, REPORT % "ratings.csv" + " --delimiter ab", "--delimiter"),
    case("ratings-delimiter-quote", {}, ["ratings-report", "{d}/ratings.csv", "--delimiter", '"'], "--delimiter"),
    case("ratings-delimiter-newline", {}, ["ratings-report", "{d}/ratings.csv", "--delimiter", "\n"],
         "--delimiter"),
    case("ratings-strict-bad-rating", {"s.csv": F.ratings_csv(["1,10,5,100", "2,11,abc,200", "3,12,4,300"])},
         REPORT % "s.csv" + " --strict", "s.csv", "line 3"),
    case("ratings-strict-inf-rating", {"s.csv": F.ratings_csv(["1,10,5,100", "2,11,4,200", "3,12,inf,300"])},
         REPORT % "s.csv" + " --strict", "s.csv", "line 4", "rating"),
    case("ratings-strict-nan-time", {"s.csv": F.ratings_csv(["1,10,5,100", "2,11,4,nan", "3,12,4,300"])},
         REPORT % "s.csv" + " --strict", "s.csv", "line 3", "time"),
    case("ratings-strict-wrong-width", {"s.csv": F.ratings_csv(["1,10,5,100", "2,11,4", "3,12,4,300"])},
         REPORT % "s.csv" + " --strict", "s.csv", "line 3"),
    case("ratings-no-good-rows", {"n.csv": F.ratings_csv(["1,10,x,100", "2,11,y,200"])}, REPORT % "n.csv",
         "n.csv"),
    case("ratings-binary", {"b.csv": b"\x00\x01\x02,\x03\n" * 40}, REPORT % "b.csv", "b.csv"),
    case("ratings-min-length-zero", {}, REPORT % "ratings.csv" + " --min-length 0", "--min-length"),
    case("ratings-session-gap-negative", {}, REPORT % "ratings.csv" + " --session-gap -5", "--session-gap"),
    case("ratings-min-rating-nan", {}, REPORT % "ratings.csv" + " --min-rating nan", "--min-rating"),
    case("ratings-train-missing", {}, "train --ratings {d}/none.csv -o {d}/out.txt --quiet", "none.csv"),
]

_HUGE_NPY = F.npy_header((10 ** 8, 10 ** 8)) + b"\0" * 64
VECTORS = [
    case("vectors-missing", {}, NEAR % "none.txt", "none.txt"),
    case("vectors-empty", {"e.txt": b""}, NEAR % "e.txt", "e.txt", "empty"),
    case("vectors-fifo", {"pipe.txt": F.fifo}, NEAR % "pipe.txt", "pipe.txt", "FIFO", subprocess=True),
    case("vectors-fifo-vocab", {"v.npy": F.npy_array(F.vectors_matrix()), "v.vocab.txt": F.fifo},
         NEAR % "v.npy", "v.vocab.txt", "FIFO", subprocess=True),
    case("vectors-text-header-huge-dim", {"h.txt": b"1 999999999\nthe 0.1 0.2\n"}, NEAR % "h.txt", "h.txt",
         "999999999"),
    case("vectors-text-header-huge-count", {"h.txt": b"999999999999 4\nthe 0.1 0.2 0.3 0.4\n"}, NEAR % "h.txt",
         "h.txt", "999999999999"),
    case("vectors-binary-header-huge-count", {"h.bin": F.w2v_binary(count=999999999999, dim=5)},
         NEAR % "h.bin", "h.bin", "999999999999"),
    case("vectors-binary-header-huge-dim", {"h.bin": F.w2v_binary(count=2, dim=10 ** 12)}, NEAR % "h.bin",
         "h.bin"),
    case("vectors-binary-truncated", {"t.bin": F.w2v_binary(cut=7)}, NEAR % "t.bin", "t.bin", "ends"),
    case("vectors-binary-nan", {"n.bin": F.w2v_binary()[:8] + np.float32(np.nan).tobytes() + F.w2v_binary()[12:]},
         NEAR % "n.bin", "n.bin", "NaN"),
    case("vectors-npy-shape-1e16", {"big.npy": _HUGE_NPY, "big.vocab.txt": F.vocab()}, NEAR % "big.npy",
         "big.npy", "100000000"),
    case("vectors-npy-negative-shape", {"neg.npy": F.npy_header((-5, 4)) + b"\0" * 64, "neg.vocab.txt": F.vocab()},
         NEAR % "neg.npy", "neg.npy"),
    case("vectors-npy-object", {"o.npy": F.npy_array(np.array([{"a": 1}], dtype=object), allow_pickle=True),
                                "o.vocab.txt": b"a\n"}, NEAR % "o.npy", "o.npy"),
    case("vectors-npy-3d", {"c.npy": F.npy_array(np.zeros((2, 2, 2), np.float32)), "c.vocab.txt": b"a\nb\n"},
         NEAR % "c.npy", "c.npy", "2-D"),
    case("vectors-npy-no-vocab", {"v.npy": F.npy_array(F.vectors_matrix())}, NEAR % "v.npy", "v.vocab.txt"),
    case("vectors-npy-vocab-count", {"v.npy": F.npy_array(F.vectors_matrix()), "v.vocab.txt": F.vocab(5)},
         NEAR % "v.npy", "v.vocab.txt", "5 names"),
    case("vectors-npy-header-damaged", {"v.npy": F.npy_array(F.vectors_matrix()).replace(b"'shape': (", b"'s", 1),
                                        "v.vocab.txt": F.vocab()}, NEAR % "v.npy", "v.npy", "header"),  # fuzzing
    case("vectors-npy-truncated", {"v.npy": F.npy_array(F.vectors_matrix())[:-10], "v.vocab.txt": F.vocab()},
         NEAR % "v.npy", "v.npy"),
    case("vectors-header-count-too-big", {"c.txt": F.w2v_text(header=f"20 {F.DIM}")}, NEAR % "c.txt", "c.txt",
         "20"),
    case("vectors-header-count-too-small", {"c.txt": F.w2v_text(header=f"3 {F.DIM}")}, NEAR % "c.txt",
         "c.txt", "line 5"),
    case("vectors-header-dim-zero", {"z.txt": b"2 0\na\nb\n"}, NEAR % "z.txt", "z.txt", "dimension 0"),
    case("vectors-short-line", {"s.txt": F.w2v_text(rows=["the 0.1 0.2 0.3 0.4", "cat 0.1 0.2"], header="")},
         NEAR % "s.txt", "s.txt", "line 2"),
    case("vectors-nan-value", {"n.txt": F.w2v_text(rows=["the 0.1 0.2 0.3 0.4", "cat 0.1 nan 0.3 0.4"])},
         NEAR % "n.txt", "n.txt", "line 3"),
    case("vectors-word-value", {"w.txt": F.w2v_text(rows=["the 0.1 0.2 0.3 0.4", "cat 0.1 x 0.3 0.4"])},
         NEAR % "w.txt", "w.txt", "line 3"),
    case("vectors-duplicate-name", {"d.txt": F.w2v_text(rows=["the 0.1 0.2 0.3 0.4", "the 0.1 0.2 0.3 0.4"])},
         NEAR % "d.txt", "d.txt", "line 3", "duplicate"),
    case("vectors-bad-utf8-name", {"u.txt": F.w2v_text(rows=["the 0.1 0.2 0.3 0.4"]).replace(b"the", b"\xff\xfe")},
         NEAR % "u.txt", "u.txt", "line 2"),
    case("vectors-glove-ragged", {"g.txt": b"the 0.1 0.2 0.3\ncat 0.1 0.2\n"}, NEAR % "g.txt", "g.txt", "line 2"),
    case("vectors-sparrow-damaged", {"s.txt": b"the:0.1 0.2 0.3\ncat:0.1 0.2\n"},
         "neighbors {d}/s.txt the --format sparrow", "s.txt", "line 2"),
    case("vectors-sparrow-missing-colon", {"s.txt": b"the:0.1 0.2 0.3\ncat 0.1 0.2 0.3\nsat:0.1 0.2 0.3\n"},
         NEAR % "s.txt", "s.txt", "line 2"),
    case("vectors-csv-short-row", {"v.csv": b"name,d0,d1,d2\nthe,0.1,0.2,0.3\ncat,0.1\n"}, NEAR % "v.csv",
         "v.csv", "line 3"),
    case("vectors-csv-text-value", {"v.csv": b"name,d0,d1\nthe,0.1,0.2\ncat,0.1,zz\n"}, NEAR % "v.csv",
         "v.csv", "line 3"),
    case("vectors-csv-empty-name", {"v.csv": b"name,d0,d1\nthe,0.1,0.2\n,0.3,0.2\n"}, NEAR % "v.csv",
         "v.csv", "line 3"),
    case("vectors-tsv-no-metadata", {"v.tsv": b"0.1\t0.2\n0.3\t0.4\n"}, NEAR % "v.tsv", "v_metadata.tsv",
         "missing"),
    case("vectors-tsv-metadata-count", {"v.tsv": b"0.1\t0.2\n0.3\t0.4\n", "v_metadata.tsv": b"the\n"},
         NEAR % "v.tsv", "v_metadata.tsv", "1 metadata rows for 2"),
    case("vectors-tsv-ragged", {"v.tsv": b"0.1\t0.2\n0.3\n", "v_metadata.tsv": b"the\ncat\n"}, NEAR % "v.tsv",
         "v.tsv", "line 2"),
    case("vectors-parquet-garbage", {"p.parquet": b"PAR1" + b"\x00" * 100}, NEAR % "p.parquet", "p.parquet"),
    case("vectors-folder-unknown", {"folder/a.txt": b"x"}, NEAR % "folder", "folder"),
    case("vectors-format-unknown", {}, "neighbors {d}/vec.txt the --format nonsense", "nonsense"),
    case("vectors-undetectable", {"x.dat": b"hello world\nthis is text\n"}, NEAR % "x.dat", "x.dat"),
    case("vectors-recommend-fifo", {"pipe.txt": F.fifo},
         "recommend {d}/ratings.csv --user 1 --vectors {d}/pipe.txt", "pipe.txt", "FIFO", subprocess=True),
    case("vectors-convert-missing", {}, "convert {d}/none.txt {d}/out.bin", "none.txt"),
    case("vectors-convert-encoding", {}, "convert {d}/vec.txt {d}/out.bin --encoding klingon", "klingon"),
]

MODEL = [
    case("model-missing", {}, CONTINUE % "none.npz", "none.npz", "no such file"),
    case("model-not-zip", {"m.npz": b"not a zip at all"}, CONTINUE % "m.npz", "m.npz", "not a w2v-desktop model"),
    case("model-syn1neg-fewer-rows", {"m.npz": lambda p: F.model(p, arrays_change=lambda a: a.update(
        syn1neg=np.zeros((1, F.DIM), np.float32)))}, CONTINUE % "m.npz", "m.npz", "syn1neg"),
    case("model-wrong-columns", {"m.npz": lambda p: F.model(p, arrays_change=lambda a: a.update(
        syn1neg=np.zeros((4, 64), np.float32)))}, CONTINUE % "m.npz", "m.npz", "syn1neg"),
    case("model-nan-weights", {"m.npz": lambda p: F.model(p, arrays_change=_bad_npy_member)}, CONTINUE % "m.npz",
         "m.npz", "syn0"),
    case("model-zero-counts", {"m.npz": lambda p: F.model(p, arrays_change=lambda a: a.update(
        counts=np.array([0, 0, 0, 0])))}, CONTINUE % "m.npz", "m.npz", "counts"),
    case("model-meta-not-json", {"m.npz": lambda p: F.model(p, meta_text='{"format": ')}, CONTINUE % "m.npz",
         "m.npz"),
    case("model-meta-deep", {"m.npz": lambda p: F.model(p, meta_text="[" * 100_000 + "]" * 100_000)},
         CONTINUE % "m.npz", "m.npz", "nested"),
    case("model-config-wrong-type", {"m.npz": lambda p: F.model(p, change=lambda m: m["config"].update(dim="x"))},
         CONTINUE % "m.npz", "m.npz", "dim"),
    case("model-words-count", {"m.npz": lambda p: F.model(p, change=lambda m: m.update(words=["a", "b"]))},
         CONTINUE % "m.npz", "m.npz"),
    case("model-zip-bomb", {"m.npz": F.zip_bomb}, CONTINUE % "m.npz", "m.npz"),
    case("model-zip-version", {"m.npz": lambda p: (F.model(p), _zip_version(p))}, CONTINUE % "m.npz", "m.npz",
         "not a w2v-desktop model"),  # found by fuzzing: zipfile's NotImplementedError
    case("model-fifo", {"m.npz": F.fifo}, CONTINUE % "m.npz", "m.npz", "FIFO", subprocess=True),
    case("model-folder", {"m.npz/x": b""}, CONTINUE % "m.npz", "m.npz", "folder"),
]

EVAL_FILES = [
    case("eval-analogies-missing", {}, EVAL % ("analogies", "none.txt"), "none.txt"),
    case("eval-analogies-bad-utf8", {"q.txt": b": capital\nthe cat sat \xff\xfe\n"}, EVAL % ("analogies", "q.txt"),
         "q.txt", "line 2"),
    case("eval-analogies-three-words", {"q.txt": b": capital\nthe cat sat\n"}, EVAL % ("analogies", "q.txt"),
         "q.txt", "line 2"),
    case("eval-analogies-no-section", {"q.txt": b"the cat sat on\n"}, EVAL % ("analogies", "q.txt"), "q.txt",
         "line 1"),
    case("eval-analogies-fifo", {"q.txt": F.fifo}, EVAL % ("analogies", "q.txt"), "q.txt", "FIFO",
         subprocess=True),
    case("eval-pairs-bad-score", {"p.txt": b"the\tcat\t5.0\nsat\ton\tlots\n"}, EVAL % ("pairs", "p.txt"),
         "p.txt", "line 2"),
    case("eval-pairs-two-fields", {"p.txt": b"the\tcat\n"}, EVAL % ("pairs", "p.txt"), "p.txt", "line 1"),
    case("eval-pairs-bad-utf8", {"p.txt": b"the\tcat\t5\n\xc3\x28\tsat\t1\n"}, EVAL % ("pairs", "p.txt"),
         "p.txt", "line 2"),
]

TRAIN_OPT = "train {d}/corpus.txt -o {d}/out.txt --quiet %s"
NEAR_OPT = "neighbors {d}/vec.txt the %s"
RECS_OPT = "evaluate-recs {d}/ratings.csv %s"


def _option(id, argv, flag):
    return case("options-" + id, {}, argv, flag)


OPTIONS = [
    _option("dim-huge", TRAIN_OPT % "--dim 1000000000", "--dim"),
    _option("dim-zero", TRAIN_OPT % "--dim 0", "--dim"),
    _option("window-huge", TRAIN_OPT % "--window 100000000000000000000", "--window"),
    _option("window-zero", TRAIN_OPT % "--window 0", "--window"),
    _option("negative-huge", TRAIN_OPT % "--negative 1000", "--negative"),
    _option("negative-minus", TRAIN_OPT % "--negative -1", "--negative"),
    _option("epochs-zero", TRAIN_OPT % "--epochs 0", "--epochs"),
    _option("epochs-huge", TRAIN_OPT % "--epochs 1000000000", "--epochs"),
    _option("threads-huge", TRAIN_OPT % "--threads 100000", "--threads"),
    _option("threads-negative", TRAIN_OPT % "--threads -2", "--threads"),
    _option("sample-two", TRAIN_OPT % "--sample 2", "--sample"),
    _option("sample-nan", TRAIN_OPT % "--sample nan", "--sample"),
    _option("alpha-zero", TRAIN_OPT % "--alpha 0", "--alpha"),
    _option("alpha-nan", TRAIN_OPT % "--alpha nan", "--alpha"),
    _option("alpha-inf", TRAIN_OPT % "--alpha inf", "--alpha"),
    _option("min-alpha-negative", TRAIN_OPT % "--min-alpha -1", "--min-alpha"),
    _option("min-count-zero", TRAIN_OPT % "--min-count 0", "--min-count"),
    _option("max-vocab-zero", TRAIN_OPT % "--max-vocab 0", "--max-vocab"),
    _option("ns-exponent-nan", TRAIN_OPT % "--ns-exponent nan", "--ns-exponent"),
    _option("chunk-words-huge", TRAIN_OPT % "--chunk-words 10000000000000", "--chunk-words"),
    _option("seed-huge", TRAIN_OPT % "--seed 100000000000000000000000", "--seed"),
    _option("dim-not-a-number", TRAIN_OPT % "--dim ten", "--dim"),
    _option("min-token-length-word", TRAIN_OPT % "--min-token-length x", "--min-token-length"),
    _option("stream-chunk-zero", TRAIN_OPT % "--stream-chunk 0", "stream_chunk"),
    _option("partitions-zero", "train --ratings {d}/ratings.csv -o {d}/out.txt --quiet --partitions 0",
            "--partitions"),
    _option("k-zero", NEAR_OPT % "-k 0", "-k"),
    _option("k-huge", NEAR_OPT % "-k 100000000000000", "-k"),
    _option("restrict-zero", NEAR_OPT % "--restrict 0", "--restrict"),
    _option("project-top-zero", "project {d}/vec.txt --top 0", "--top"),
    _option("compare-sample-zero", "compare-metrics {d}/vec.txt --sample 0", "--sample"),
    _option("compare-hubness-sample-zero", "compare-metrics {d}/vec.txt --hubness --hubness-sample 0",
            "--hubness-sample"),
    _option("max-users-zero", RECS_OPT % "--max-users 0", "--max-users"),
    _option("walks-per-node-zero", RECS_OPT % "--walks-per-node 0", "--walks-per-node"),
    _option("walk-length-zero", RECS_OPT % "--walk-length 0", "--walk-length"),
    _option("p-zero", RECS_OPT % "--p 0", "--p"),
    _option("q-nan", RECS_OPT % "--q nan", "--q"),
    _option("half-life-negative", RECS_OPT % "--user-vector decay --half-life -3", "--half-life"),
    _option("recs-dim-huge", RECS_OPT % "--dim 1000000000", "--dim"),
    _option("recs-k-zero", "recommend {d}/ratings.csv --user 1 -k 0", "-k"),
]

CASES = CORPUS + RATINGS + VECTORS + MODEL + EVAL_FILES + OPTIONS

OUTPUT_CASES = [
    case("output-is-the-corpus", {}, "train {d}/corpus.txt -o {d}/corpus.txt --quiet --min-count 1", "corpus.txt"),
    case("output-model-is-the-corpus", {},
         "train {d}/corpus.txt -o {d}/out.txt --model {d}/corpus.txt --quiet --min-count 1", "corpus.txt"),
    case("output-convert-onto-input", {}, "convert {d}/vec.txt {d}/vec.txt", "vec.txt"),
    case("output-dev-null", {}, "train {d}/corpus.txt -o /dev/null --quiet --min-count 1", "/dev/null"),
    case("output-a-folder", {"folder/a": b""}, "train {d}/corpus.txt -o {d}/folder --quiet --min-count 1",
         "folder"),
]

PROJECT_CASES = [
    case("project-not-json", {"p.json": b"{not json"}, "p.json", "p.json"),
    case("project-wrong-format", {"p.json": b'{"format": "other"}'}, "p.json", "p.json"),
    case("project-deep", {"p.json": b"[" * 100_000 + b"]" * 100_000}, "p.json", "p.json", "nested"),
    case("project-outside-absolute", {"p.json": lambda p: F.project(p, data_path="/etc/passwd")}, "p.json",
         "p.json", "data_path"),
    case("project-outside-dotdot", {"p.json": lambda p: F.project(p, model_file="../../m.npz")}, "p.json",
         "p.json", "model_file"),
    case("project-wrong-type", {"p.json": lambda p: F.project(p, watch="the")}, "p.json", "p.json", "watch"),
    case("project-config-type", {"p.json": lambda p: F.project(p, config={"dim": "big"})}, "p.json", "p.json"),
    case("project-fifo", {"p.json": F.fifo}, "p.json", "p.json", "FIFO"),
    case("project-bad-utf8", {"p.json": b'{"format": "\xff"}'}, "p.json", "p.json"),
]
