"""Time reading a text corpus, against gensim's reader measured in the same run.

    python benchmarks/bench_read_text.py [PATH]     (default: $W2V_DATA/text/20news.txt)

Prints seconds and the ratio to gensim's LineSentence + simple_preprocess
(lower-case, punctuation dropped: the closest gensim equivalent of our
default options). LineSentence alone splits on spaces and does no cleaning.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from w2v_desktop.core.jobs import read_corpus
from w2v_desktop.core.text import TokenizeOptions, iter_token_lines


def timed(label: str, run) -> float:
    start = time.perf_counter()
    tokens = run()
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds:7.2f} s  {tokens:>10,} tokens")
    return seconds


def count(sentences) -> int:
    return sum(len(s) for s in sentences)


def main() -> None:
    default = Path(os.environ.get("W2V_DATA", ""), "text", "20news.txt")
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    from gensim.models.word2vec import LineSentence
    from gensim.utils import simple_preprocess

    def gensim_clean():
        with open(path, encoding="utf-8") as f:
            return count(simple_preprocess(line, min_len=1, max_len=10**6) for line in f)

    reference = timed("gensim simple_preprocess per line", gensim_clean)
    timed("gensim LineSentence (split only)", lambda: count(LineSentence(str(path), max_sentence_length=10**9)))
    ours = timed("iter_token_lines (defaults)", lambda: count(iter_token_lines(path)))
    timed("iter_token_lines (english stop words, len>=2)",
          lambda: count(iter_token_lines(path, TokenizeOptions(stop_words="english", min_token_length=2))))
    timed("iter_token_lines (phrases, two passes)",
          lambda: count(iter_token_lines(path, TokenizeOptions(phrases=True))))
    whole = timed("read_corpus (defaults, into the id buffer)", lambda: read_corpus(str(path)).n_tokens)
    print(f"ratio iter_token_lines / gensim simple_preprocess: {ours / reference:.2f}")
    print(f"ratio read_corpus / gensim simple_preprocess:      {whole / reference:.2f}")


if __name__ == "__main__":
    main()
