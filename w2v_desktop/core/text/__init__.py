"""Bytes to tokens: encodings, tokenising, segmentation, stop words, phrases, and the Corpus
(distinct words, counts, one int32 id array with sentence offsets).

Other wings, the CLI and the GUI import these names from here (each module is imported when one of
its names is first used)."""
from w2v_desktop.core.lazy import lazy_exports

__all__, __getattr__, __dir__ = lazy_exports(__name__, {
    "kwic": ("Concordance", "ContextLine", "WordNotInCorpus", "concordance"),
    "corpus": ("Corpus", "CorpusBuilder", "count_ids"),
    "phrases": ("PairCounter", "PhraseModel", "SCORINGS", "learn_phrases", "phrases_from_counts",
                "score_pairs"),
    "stopwords": ("BUILTIN_LISTS", "builtin_stop_words"),
    "summary": ("CorpusSummary", "summarize_corpus"),
    "tokenize": ("CorpusError", "TextPlan", "TokenizeOptions", "iter_token_lines", "line_tokenizer",
                 "no_words_error", "phrase_learning", "plan_from_sample", "plan_text"),
})
