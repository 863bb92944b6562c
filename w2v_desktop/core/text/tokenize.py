"""Reading a text corpus as a stream of token lists, one per sentence.

Accepted input (see textfiles.py): a text file, gzip/bzip2/xz compressed, or a
folder of them in sorted order; UTF-8 (with or without BOM), UTF-16 with BOM or
GB18030/GBK, detected, or any encoding Python knows, named. Each line is a
sentence; a line longer than LONG_LINE_CHARS (a text8-style stream) is cut into
sentences of ``stream_chunk`` tokens, and layout="stream" cuts the whole text
that way. No token is ever dropped for length: a 50,000-token line is one
50,000-token sentence.

Per sentence: lower-case, Chinese segmentation (jieba), split into words
(dropping punctuation, or on whitespace only), join phrases, drop stop words
and short tokens. Text is normalised a block at a time with C-level string
methods, and words are found by one regular expression per line.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from w2v_desktop.core.config import ConfigError
from w2v_desktop.core.text.phrases import SCORINGS, PhraseModel, learn_phrases
from w2v_desktop.core.text.segment import is_already_segmented, is_mostly_chinese, make_segmenter
from w2v_desktop.core.text.stopwords import BUILTIN_LISTS, builtin_stop_words, read_stop_words, with_case_variants
from w2v_desktop.core.text.files import CorpusError, TextFile, iter_text_blocks, list_files, sniff_file
from w2v_desktop.core.untrusted import in_file
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

__all__ = ["CorpusError", "TokenizeOptions", "TextPlan", "plan_text", "plan_from_sample", "line_tokenizer",
           "phrase_learning", "no_words_error", "iter_token_lines"]

LONG_LINE_CHARS = 1 << 20  # a line longer than this is read as a stream
# A word: letters/digits/underscore, with inner apostrophes or hyphens ("don't", "e-mail").
WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
_LAYOUTS = ("auto", "lines", "stream")
_STOP_CHOICES = ("none", "auto") + BUILTIN_LISTS

ProgressCallback = Callable[[int, int], None]  # (bytes done, bytes total), over all passes


@dataclass(frozen=True)
class TokenizeOptions:
    """How text becomes tokens. Plain values only, so ``asdict`` gives JSON.

    stop_words: "none", "english", "chinese" or "auto" (Chinese for mostly-Chinese
      text, else English); stop_words_file adds a user list (one word a line).
    segment_chinese: "auto" (segment when the text is mostly Chinese and not yet
      cut into words), True or False; user_dict: a jieba user dictionary.
    layout: "lines" (a line is a sentence), "stream" (the text is one stream cut
      into sentences of stream_chunk tokens) or "auto" (lines, but very long lines
      are streams).
    phrases: join word pairs scoring above phrase_threshold (see phrases.py);
      needs a second pass over the text.
    """

    lowercase: bool = True
    strip_punctuation: bool = True
    min_token_length: int = 1
    stop_words: str = "none"
    stop_words_file: str = ""
    segment_chinese: str | bool = "auto"
    user_dict: str = ""
    encoding: str = "auto"
    layout: str = "auto"
    stream_chunk: int = 10_000
    phrases: bool = False
    phrase_min_count: int = 5
    phrase_threshold: float = 100.0
    phrase_scoring: str = "total_words"

    def __post_init__(self) -> None:
        def bad(name: str, why: str) -> None:
            raise ConfigError(f"{name} {why} (got {getattr(self, name)!r})")

        for name in ("min_token_length", "stream_chunk", "phrase_min_count"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                bad(name, "must be a positive integer")
        if self.stop_words not in _STOP_CHOICES:
            bad("stop_words", f"must be one of {', '.join(_STOP_CHOICES)}")
        if self.segment_chinese not in ("auto", True, False):
            bad("segment_chinese", "must be 'auto', true or false")
        if self.layout not in _LAYOUTS:
            bad("layout", f"must be one of {', '.join(_LAYOUTS)}")
        if self.phrase_scoring not in SCORINGS:
            bad("phrase_scoring", f"must be one of {', '.join(SCORINGS)}")
        if not isinstance(self.encoding, str) or not self.encoding:
            bad("encoding", "must be 'auto' or an encoding name")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "TokenizeOptions":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def replace(self, **changes) -> "TokenizeOptions":
        return replace(self, **changes)


@dataclass(frozen=True)
class TextPlan:
    """What reading will do, with every "auto" resolved from the first file."""

    files: tuple[TextFile, ...]
    chinese: bool  # the first file is mostly Han characters
    segment: bool  # jieba will cut lines into words
    stop_list: str  # "none", "english" or "chinese"
    total_bytes: int

    @property
    def encoding(self) -> str:
        return self.files[0].encoding


def plan_text(path: str | Path, options: TokenizeOptions | None = None) -> TextPlan:
    """Checks every file (text? which encoding?) and resolves the automatic options."""
    options = options or TokenizeOptions()
    paths = list_files(path)
    single = len(paths) == 1
    files = []
    for file_path in paths:
        try:
            files.append(sniff_file(file_path, options.encoding))
        except CorpusError as e:
            if single or not str(e).endswith(": the file is empty"):
                raise  # in a folder, empty files are skipped
    if not files:
        raise CorpusError(in_file(path, Phrase(QT_TR_NOOP("every file in the folder is empty"))))
    return plan_from_sample(files[0].sample, options, tuple(files))


def plan_from_sample(sample: str, options: TokenizeOptions, files: tuple[TextFile, ...] = ()) -> TextPlan:
    """The plan with every "auto" resolved from ``sample`` (the start of the text): for readers
    that sniff the text themselves, such as Spark's for paths only the cluster can read."""
    chinese = is_mostly_chinese(sample)
    if options.segment_chinese == "auto":
        segment = chinese and not is_already_segmented(sample)
    else:
        segment = bool(options.segment_chinese)
    stop_list = options.stop_words
    if stop_list == "auto":
        stop_list = "chinese" if chinese else "english"
    return TextPlan(files, chinese, segment, stop_list, sum(f.size for f in files))


def line_tokenizer(options: TokenizeOptions, plan: TextPlan, phrases: PhraseModel | None = None
                   ) -> Callable[[str], list[str]]:
    """One line (without its newline) to its tokens, by exactly the rules of ``iter_token_lines``
    for a line of the "lines" layout: for readers that split the text into lines themselves
    (Spark's executors), so that the rules live here alone."""
    pipe = _Pipeline(options, plan, phrases)

    def tokens(line: str) -> list[str]:
        return pipe.tokens(pipe.normalise(line))

    return tokens


def phrase_learning(options: TokenizeOptions, plan: TextPlan) -> tuple[TokenizeOptions, TextPlan]:
    """Options and plan of the phrase-learning pass: phrases are learnt on the tokens before
    stop-word and length filtering."""
    learning = options.replace(stop_words="none", stop_words_file="", min_token_length=1)
    return learning, replace(plan, stop_list="none")


class _Pipeline:
    """Turns normalised text into tokens, following options and plan."""

    def __init__(self, options: TokenizeOptions, plan: TextPlan, phrases: PhraseModel | None):
        self.lowercase = options.lowercase
        self.segment = make_segmenter(options.user_dict) if plan.segment else None
        self.words = WORD.findall if options.strip_punctuation else str.split
        self.phrases = phrases
        self.stop = _stop_set(options, plan)
        self.min_length = options.min_token_length

    def normalise(self, block: str) -> str:
        if self.lowercase:
            block = block.lower()
        if "\r" in block:
            block = block.replace("\r\n", "\n").replace("\r", "\n")
        return block

    def tokens(self, text: str) -> list[str]:
        if self.segment is not None:
            text = self.segment(text)
        tokens = self.words(text)
        if self.phrases is not None:
            tokens = self.phrases.apply(tokens)
        stop, shortest = self.stop, self.min_length
        if stop and shortest > 1:
            return [t for t in tokens if len(t) >= shortest and t not in stop]
        if stop:
            return [t for t in tokens if t not in stop]
        if shortest > 1:
            return [t for t in tokens if len(t) >= shortest]
        return tokens


def _stop_set(options: TokenizeOptions, plan: TextPlan) -> frozenset[str]:
    words = frozenset() if plan.stop_list == "none" else builtin_stop_words(plan.stop_list)
    if options.stop_words_file:
        words |= read_stop_words(options.stop_words_file)
    return words if options.lowercase or not words else with_case_variants(words)


def _split_at_space(text: str) -> tuple[str, str]:
    """(head, tail) with the cut at the last whitespace, so no word is split."""
    cut = max(text.rfind(" "), text.rfind("\t"), text.rfind("\n"), text.rfind("\u3000"))
    if cut < 0:  # no whitespace at all in a megabyte: cut anyway
        return text, ""
    return text[:cut], text[cut + 1:]


def _chunks(tokens: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(tokens), size):
        yield tokens[start:start + size]


def _sentences(blocks: Iterable[str], pipe: _Pipeline, layout: str, chunk: int) -> Iterator[list[str]]:
    """Sentences from decoded blocks: lines, or stream chunks for long lines and streams."""
    carry = ""  # the unfinished last line of the text read so far
    pending: list[str] = []  # tokens of a long line, or of the stream, not yet yielded
    in_long_line = False
    for block in blocks:
        text = carry + pipe.normalise(block)
        end = -1 if layout == "stream" else text.rfind("\n")
        if end < 0:
            carry = text
            if layout == "stream" or len(carry) > LONG_LINE_CHARS:
                in_long_line = True
                head, carry = _split_at_space(carry)
                pending += pipe.tokens(head)
                while layout != "lines" and len(pending) >= chunk:
                    yield pending[:chunk]
                    del pending[:chunk]
            continue
        lines = text[:end].split("\n")
        carry = text[end + 1:]
        if in_long_line:
            pending += pipe.tokens(lines[0])
            lines[0] = ""
            yield from ([pending] if layout == "lines" else _chunks(pending, chunk))
            pending, in_long_line = [], False
        for line in lines:
            tokens = pipe.tokens(line)
            if tokens:
                yield tokens
    tail = pending + pipe.tokens(carry)
    if tail:
        yield from (_chunks(tail, chunk) if in_long_line and layout != "lines" else [tail])


def _read_pass(plan: TextPlan, options: TokenizeOptions, phrases: PhraseModel | None,
               progress: Callable[[int], None] | None) -> Iterator[list[str]]:
    pipe = _Pipeline(options, plan, phrases)
    for text_file in plan.files:
        blocks = iter_text_blocks(text_file, progress)
        yield from _sentences(blocks, pipe, options.layout, options.stream_chunk)


def _progress_counter(on_progress: ProgressCallback | None, total: int) -> Callable[[int], None] | None:
    if on_progress is None:
        return None
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        on_progress(done, total)

    return advance


def iter_token_lines(path: str | Path, options: TokenizeOptions | None = None,
                     on_progress: ProgressCallback | None = None) -> Iterator[list[str]]:
    """Sentences of ``path`` as token lists, streamed.

    With ``options.phrases`` the text is read twice: once to learn the phrases
    (on tokens before stop-word and length filtering), once to apply them.
    ``on_progress(done, total)`` reports bytes read over all passes.
    Raises CorpusError (a ValueError) with a one-line message naming the file.
    """
    options = options or TokenizeOptions()
    plan = plan_text(path, options)
    passes = 2 if options.phrases else 1
    progress = _progress_counter(on_progress, plan.total_bytes * passes)
    phrases = None
    if options.phrases:
        learning, learning_plan = phrase_learning(options, plan)
        phrases = learn_phrases(_read_pass(learning_plan, learning, None, progress),
                                options.phrase_min_count, options.phrase_threshold,
                                scoring=options.phrase_scoring)
    n_tokens = 0
    for tokens in _read_pass(plan, options, phrases, progress):
        n_tokens += len(tokens)
        yield tokens
    if n_tokens == 0:
        raise no_words_error(path, options, plan)


def no_words_error(path: str | Path, options: TokenizeOptions, plan: TextPlan) -> CorpusError:
    """The error for a text without a single token, saying when the filters removed them all."""
    filtered = plan.stop_list != "none" or options.stop_words_file or options.min_token_length > 1
    return CorpusError(in_file(path, Phrase(QT_TR_NOOP("no words found (all were removed by the stop-word or length "
                                                       "filters)") if filtered else QT_TR_NOOP("no words found"))))
