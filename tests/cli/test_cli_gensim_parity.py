"""``similarity``, ``doesnt-match``, ``neighbors`` with positive and negative terms, ``evaluate``'s
default restriction and ``--fvocab``: the answers gensim gives on the same file."""
import json

import numpy as np
import pytest

from w2v_desktop.cli import main
from w2v_desktop.core.formats import load_vectors, save_vectors
from w2v_desktop.core.vectors import Vectors

gensim_models = pytest.importorskip("gensim.models", reason="gensim is not installed (the comparison needs it)")
KeyedVectors = gensim_models.KeyedVectors


@pytest.fixture(scope="module")
def vectors_file(tmp_path_factory):
    rng = np.random.default_rng(4)
    names = [f"w{i}" for i in range(300)]
    path = tmp_path_factory.mktemp("v") / "vectors.txt"
    save_vectors(Vectors(names, rng.normal(size=(300, 16))), path, "word2vec")
    return path


@pytest.fixture(scope="module")
def kv(vectors_file):
    return KeyedVectors.load_word2vec_format(str(vectors_file), binary=False)


def run_json(capsys, *args):
    assert main([*map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_similarity_is_gensims_cosine_and_other_metrics_are_core_metrics(vectors_file, kv, capsys):
    for a, b in (("w1", "w2"), ("w10", "w299"), ("w5", "w5")):
        data = run_json(capsys, "similarity", vectors_file, a, b)
        assert data["score"] == pytest.approx(float(kv.similarity(a, b)), abs=1e-6)
    data = run_json(capsys, "similarity", vectors_file, "w1", "w2", "--metric", "euclidean")
    assert data["score"] == pytest.approx(float(np.linalg.norm(kv["w1"] - kv["w2"])), rel=1e-5)
    data = run_json(capsys, "similarity", vectors_file, "w1", "w2", "--metric", "manhattan")
    assert data["score"] == pytest.approx(float(np.abs(kv["w1"] - kv["w2"]).sum()), rel=1e-5)
    assert main(["similarity", str(vectors_file), "w1", "w2", "--metric", "dot"]) == 0
    assert f"{float(kv['w1'] @ kv['w2']):.4f}" in capsys.readouterr().out


def test_doesnt_match_is_gensims(vectors_file, kv, capsys):
    rng = np.random.default_rng(1)
    for _ in range(20):
        words = [f"w{i}" for i in rng.choice(300, size=rng.integers(2, 7), replace=False)]
        data = run_json(capsys, "doesnt-match", vectors_file, *words)
        assert data["doesnt_match"] == kv.doesnt_match(words)
        assert set(data["cosine_to_mean"]) == set(words)
    assert main(["doesnt-match", str(vectors_file), "w1", "w2", "w3"]) == 0
    assert "doesn't match: " + kv.doesnt_match(["w1", "w2", "w3"]) in capsys.readouterr().out


@pytest.mark.parametrize("positive, negative", [(["w1", "w2"], ["w3"]), (["w7"], ["w8", "w9"]),
                                                (["w4", "w5", "w6"], [])])
def test_neighbors_with_positive_and_negative_terms_is_most_similar(vectors_file, kv, capsys, positive, negative):
    args = ["neighbors", vectors_file, *positive, "-k", "8"] + [a for n in negative for a in ("--negative", n)]
    if not negative:
        args.append("--combine")
    data = run_json(capsys, *args)
    (got,) = data["results"].values()
    want = kv.most_similar(positive=positive, negative=negative, topn=8)
    assert [n["name"] for n in got] == [w for w, _ in want]
    assert [n["score"] for n in got] == pytest.approx([s for _, s in want], abs=1e-5)
    assert data["positive"] == positive and data["negative"] == negative
    # restricted as gensim's restrict_vocab
    data = run_json(capsys, *args, "--restrict", "50")
    want = kv.most_similar(positive=positive, negative=negative, topn=8, restrict_vocab=50)
    assert [n["name"] for n in next(iter(data["results"].values()))] == [w for w, _ in want]


def test_plain_queries_still_get_one_list_each(vectors_file, capsys):
    data = run_json(capsys, "neighbors", vectors_file, "w1", "w2", "-k", "3")
    assert set(data["results"]) == {"w1", "w2"}


def test_combined_terms_refuse_another_metric(vectors_file, capsys):
    assert main(["neighbors", str(vectors_file), "w1", "--negative", "w2", "--metric", "euclidean"]) == 2
    err = capsys.readouterr().err
    assert "--metric euclidean" in err and "Traceback" not in err


@pytest.mark.parametrize("args, named", [
    (["similarity", "{v}", "w1", "nope"], "'nope'"),
    (["doesnt-match", "{v}", "w1", "w2", "zzz"], "'zzz'"),
    (["neighbors", "{v}", "w1", "--negative", "qqq"], "'qqq'"),
    (["neighbors", "{v}", "xyz", "--combine"], "'xyz'"),
])
def test_unknown_words_exit_2_naming_the_word(vectors_file, capsys, args, named):
    assert main([a.format(v=vectors_file) for a in args]) == 2
    err = capsys.readouterr().err
    assert named in err and "not in the vocabulary" in err and "Traceback" not in err


@pytest.mark.parametrize("args, option", [
    (["similarity", "{v}", "w1", "w2", "--metric", "cosin"], "--metric"),
    (["doesnt-match", "{v}", "w1", "-k", "0"], "-k"),
    (["neighbors", "{v}", "w1", "--restrict", "x"], "--restrict"),
    (["neighbors", "{v}", "w1", "--format", "wordvec"], "--format"),
    (["compare-metrics", "{v}", "--metrics", "cosine,bogus"], "--metrics"),
    (["compare-metrics", "{v}", "--sample", "0"], "--sample"),
])
def test_bad_option_values_exit_2_naming_the_option(vectors_file, capsys, args, option):
    with pytest.raises(SystemExit) as exit_:
        main([a.format(v=vectors_file) for a in args])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}" in err and "Traceback" not in err


def test_doesnt_match_needs_two_names(vectors_file, capsys):
    assert main(["doesnt-match", str(vectors_file), "w1"]) == 2
    assert "two or more" in capsys.readouterr().err


def test_evaluate_restricts_as_gensim_does_by_default(tmp_path, capsys):
    rng = np.random.default_rng(3)
    base, offset = rng.normal(size=(30, 16)), rng.normal(size=16) * 1.5
    names = [f"a{i}" for i in range(30)] + [f"b{i}" for i in range(30)]
    path = tmp_path / "planted.txt"
    save_vectors(Vectors(names, np.vstack([base, base + offset + rng.normal(size=(30, 16)) * 0.4])), path,
                 "word2vec")
    kv = KeyedVectors.load_word2vec_format(str(path))
    questions = tmp_path / "q.txt"
    questions.write_text(": s\n" + "".join(f"a{i} b{i} a{j} b{j}\n" for i in range(30) for j in range(0, 30, 7)
                                           if i != j), encoding="utf-8")
    data = run_json(capsys, "evaluate", path, "--analogies", questions)
    got = data["analogies"][str(questions)]
    score, _ = kv.evaluate_word_analogies(str(questions))  # gensim's default restrict_vocab=300000
    assert 0 < got["accuracy"] == pytest.approx(score)
    data = run_json(capsys, "evaluate", path, "--analogies", questions, "--restrict", "40")
    score, _ = kv.evaluate_word_analogies(str(questions), restrict_vocab=40)
    assert data["analogies"][str(questions)]["accuracy"] == pytest.approx(score)
    with pytest.raises(SystemExit):
        main(["evaluate", "--help"])
    assert "300,000" in capsys.readouterr().out.replace("\n", " ")


def test_train_fvocab_is_read_by_gensim(samples, tmp_path, capsys):
    out, vocab = tmp_path / "v.bin", tmp_path / "v.vocab"
    assert main(["train", str(samples / "sample_corpus.txt"), "-o", str(out), "--fvocab", str(vocab),
                 "--epochs", "1", "--dim", "8", "--quiet"]) == 0
    kv = KeyedVectors.load_word2vec_format(str(out), binary=True, fvocab=str(vocab))
    counts = {}
    for word in (samples / "sample_corpus.txt").read_text(encoding="utf-8").split():
        counts[word] = counts.get(word, 0) + 1
    for word in kv.index_to_key[:20]:
        assert kv.get_vecattr(word, "count") == counts[word]


def test_convert_fvocab_and_refusal_without_counts(vectors_file, tmp_path, capsys):
    source = tmp_path / "v.csv"
    vec = load_vectors(vectors_file)
    vec.counts = np.arange(len(vec), 0, -1) * 3
    save_vectors(vec, source, "csv")
    vocab = tmp_path / "v.vocab"
    assert main(["convert", str(source), str(tmp_path / "v.txt"), "--fvocab", str(vocab)]) == 0
    kv = KeyedVectors.load_word2vec_format(str(tmp_path / "v.txt"), fvocab=str(vocab))
    assert kv.get_vecattr("w0", "count") == 900 and kv.get_vecattr("w299", "count") == 3
    assert main(["convert", str(vectors_file), str(tmp_path / "w.txt"), "--fvocab", str(tmp_path / "w.vocab")]) == 2
    assert "--fvocab" in capsys.readouterr().err and not (tmp_path / "w.txt").exists()
