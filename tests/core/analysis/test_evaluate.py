"""Analogy and word-pair evaluation: parsing, errors, and agreement with gensim on synthetic vectors."""
import numpy as np
import pytest
from gensim.models import KeyedVectors

from w2v_desktop.core.analysis import intrinsic as evaluate
from w2v_desktop.core.vectors import analogy
from w2v_desktop.core.vectors.keyed import Vectors


def planted_vectors(seed=0, n_pairs=12, dim=20, noise=0.9):
    """Two relations (sections), each a shared offset between x_i and y_i, plus noise,
    distractors and a lower-frequency upper-case spelling of some words."""
    rng = np.random.default_rng(seed)
    names, rows = [], []
    for s in range(2):
        offset = rng.normal(size=dim) * 2
        for i in range(n_pairs):
            x = rng.normal(size=dim)
            names += [f"s{s}x{i}", f"s{s}y{i}"]
            rows += [x, x + offset + rng.normal(size=dim) * noise]
    names += [f"d{i}" for i in range(150)]
    rows += list(rng.normal(size=(150, dim)))
    names += ["S0Y1", "S1X2"]                       # case variants, least frequent rows
    rows += [rows[names.index("s0y1")] * 1.01, rng.normal(size=dim)]
    return Vectors(names, np.array(rows), counts=np.arange(len(names), 0, -1))


def write_questions(tmp_path, n_pairs=12):
    lines = []
    for s in range(2):
        lines.append(f": section-{s}")
        for i in range(n_pairs):
            for j in range(n_pairs):
                if i != j:
                    word = lambda w: w.upper() if (i + j) % 3 == 0 else w
                    lines.append(" ".join(word(w) for w in (f"s{s}x{i}", f"s{s}y{i}", f"s{s}x{j}", f"s{s}y{j}")))
        lines.append(f"s{s}x0 s{s}y0 unknownword s{s}y1")
    path = tmp_path / "questions.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def to_kv(vec):
    kv = KeyedVectors(vec.dim)
    kv.add_vectors(vec.names, vec.matrix)
    return kv


@pytest.mark.parametrize("restrict", [None, 40])
def test_analogies_agree_with_gensim(tmp_path, restrict):
    vec = planted_vectors()
    path = write_questions(tmp_path)
    ours = evaluate.evaluate_analogies(vec, path, restrict=restrict)
    score, sections = to_kv(vec).evaluate_word_analogies(str(path), restrict_vocab=restrict or len(vec))
    assert 0.2 < ours.accuracy < 0.98          # the planted relation is learnable but noisy
    assert ours.accuracy == pytest.approx(score, abs=1e-3)
    for mine, theirs in zip(ours.sections, sections):
        assert mine.name == theirs["section"]
        right, wrong = len(theirs["correct"]), len(theirs["incorrect"])
        assert (mine.correct, mine.total) == (right, right + wrong)
    assert ours.total + ours.skipped == 2 * (12 * 11 + 1)
    assert ours.skipped >= 2


def test_analogies_cosmul_and_blocks(tmp_path, monkeypatch):
    vec = planted_vectors(seed=1)
    path = write_questions(tmp_path)
    whole = evaluate.evaluate_analogies(vec, path, method="3cosmul")
    monkeypatch.setattr(evaluate, "_BLOCK_CELLS", len(vec) * 17)   # many uneven blocks
    assert evaluate.evaluate_analogies(vec, path, method="3cosmul") == whole
    # each answered question checked one at a time with the query API
    correct = 0
    for _, items in evaluate.read_analogies(path):
        for _, (a, b, c, d) in items:
            a, b, c, d = (w.lower() for w in (a, b, c, d))
            if all(w in vec for w in (a, b, c, d)):
                answers = [n.name.lower() for n in analogy.analogy(vec, a, b, c, k=10, method="3cosmul")]
                correct += [x for x in answers if x not in (a, b, c)][0] == d
    assert whole.correct == correct


def test_case_sensitive_analogies_skip_other_spellings(tmp_path):
    vec = planted_vectors()
    path = write_questions(tmp_path)
    insensitive = evaluate.evaluate_analogies(vec, path)
    sensitive = evaluate.evaluate_analogies(vec, path, case_insensitive=False)
    assert sensitive.skipped > insensitive.skipped


def test_analogy_file_errors_name_file_and_line(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("a b c d\n")
    with pytest.raises(ValueError, match=r"q.txt, line 1: question before any ': section'"):
        evaluate.read_analogies(path)
    path.write_text(": s\na b c d\na b c\n")
    with pytest.raises(ValueError, match=r"q.txt, line 3: expected 4 words, found 3"):
        evaluate.read_analogies(path)


def write_pairs(tmp_path, vec, sep="\t"):
    rng = np.random.default_rng(5)
    lines = ["# comment line", f"# Word 1{sep}Word 2{sep}Human"]
    for _ in range(60):
        a, b = rng.choice(len(vec), 2, replace=False)
        truth = float(vec.unit[a] @ vec.unit[b]) * 5 + 5 + rng.normal() * 1.5
        lines.append(sep.join([vec.names[a].upper(), vec.names[b], f"{truth:.2f}"]))
    lines += [sep.join(["unknown", vec.names[0], "3.0"]), sep.join([vec.names[1], "missing", "1.0"])]
    path = tmp_path / "pairs.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_pairs_agree_with_gensim(tmp_path):
    vec = planted_vectors()
    path = write_pairs(tmp_path, vec)
    ours = evaluate.evaluate_pairs(vec, path)
    pearson, spearman, oov = to_kv(vec).evaluate_word_pairs(str(path))
    assert ours.spearman == pytest.approx(spearman.statistic, abs=1e-6)
    assert ours.pearson == pytest.approx(pearson.statistic, abs=1e-6)
    assert ours.oov_ratio * 100 == pytest.approx(oov)
    assert (ours.n_pairs, ours.oov) == (60, 2)
    assert ours.spearman > 0.5


def test_pairs_accept_space_separated_files(tmp_path):
    vec = planted_vectors()
    tabbed = evaluate.evaluate_pairs(vec, write_pairs(tmp_path, vec))
    spaced = evaluate.evaluate_pairs(vec, write_pairs(tmp_path, vec, sep=" "))
    assert spaced == tabbed


def test_pair_file_errors_name_file_and_line(tmp_path):
    path = tmp_path / "p.tsv"
    path.write_text("# ok\nword1\tword2\tHuman\n")
    with pytest.raises(ValueError, match=r"p.tsv, line 2: score 'Human' is not a number"):
        evaluate.read_pairs(path)
    path.write_text("a\tb\n")
    with pytest.raises(ValueError, match=r"p.tsv, line 1: expected 'word1 word2 score'"):
        evaluate.read_pairs(path)
