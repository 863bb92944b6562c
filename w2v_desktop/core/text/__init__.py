"""Bytes to tokens: encodings, tokenising, segmentation, stop words, phrases, and the Corpus
(distinct words, counts, one int32 id array with sentence offsets).

Other wings, the CLI and the GUI import these names from here."""
from w2v_desktop.core.text.corpus import Corpus, CorpusBuilder, count_ids
from w2v_desktop.core.text.phrases import PairCounter, PhraseModel, SCORINGS, learn_phrases
from w2v_desktop.core.text.stopwords import BUILTIN_LISTS, builtin_stop_words
from w2v_desktop.core.text.summary import CorpusSummary, summarize_corpus
from w2v_desktop.core.text.tokenize import CorpusError, TokenizeOptions, iter_token_lines, plan_text

__all__ = [
    "BUILTIN_LISTS",
    "Corpus",
    "CorpusBuilder",
    "CorpusError",
    "CorpusSummary",
    "PairCounter",
    "PhraseModel",
    "SCORINGS",
    "TokenizeOptions",
    "builtin_stop_words",
    "count_ids",
    "iter_token_lines",
    "learn_phrases",
    "plan_text",
    "summarize_corpus",
]
