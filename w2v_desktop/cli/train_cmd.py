"""``w2v-desktop train``: train on a text corpus or a rating file, headless."""
from __future__ import annotations

import argparse
import dataclasses
import math
import sys
import time
from pathlib import Path

from w2v_desktop.cli.common import TRAIN_HELP as HELP
from w2v_desktop.cli.common import TRAIN_TYPES as TYPES
from w2v_desktop.cli.errors import CliError
from w2v_desktop.cli.options import whole
from w2v_desktop.core.cancel import run_to_end
from w2v_desktop.core.config import ITEM_DEFAULTS, TrainConfig

def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="train vectors on a text corpus or rating file",
                       description="Train word2vec vectors. Text: one sentence per line (or a text8-style "
                                   "stream). --ratings: a user-item rating/interaction file (item2vec).")
    from w2v_desktop.core.formats import WRITABLE

    p.add_argument("corpus", nargs="?", help="text file, .gz/.bz2/.xz, or a folder of text files")
    p.add_argument("--ratings", metavar="FILE", help="train item2vec on a rating/interaction file instead")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="vectors file to write")
    p.add_argument("--format", default=None, choices=WRITABLE, metavar="FMT",
                   help=f"output format: {', '.join(WRITABLE)} (default: from the extension, as `convert` "
                        "does: .bin word2vec binary, .vec fastText, .tsv Projector, .npy, .csv; anything else "
                        "word2vec text)")
    p.add_argument("--fvocab", metavar="FILE",
                   help="also write the vocabulary with counts, 'word count' per line: the file gensim's "
                        "load_word2vec_format(fvocab=FILE) reads (and the C tool's -save-vocab writes)")
    p.add_argument("--model", metavar="FILE", help="also save the full model (.npz) to continue training later")
    p.add_argument("--continue-from", metavar="MODEL", help="continue training a saved model on this data")
    p.add_argument("--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("--trainer", choices=("local", "mllib"), default="local",
                   help="local: our engine on this computer (default; with --spark the sequences come back "
                        "here); mllib: Spark MLlib's Word2Vec on the cluster (skip-gram, hierarchical "
                        "softmax, no subsampling; implies --spark)")
    p.add_argument("--partitions", type=whole(1, 100_000), default=1, metavar="N",
                   help="--trainer mllib: partitions MLlib trains in parallel, 1 to 100,000 (default 1: best vectors)")
    p.add_argument("--max-sentence-length", type=whole(1, 10 ** 9), default=1000, metavar="N",
                   help="--trainer mllib: longer sequences are cut in pieces, 1 or more (default 1000)")
    arch = p.add_argument_group("training options")
    arch.add_argument("--cbow", dest="sg", action="store_false", help=HELP["sg"])
    arch.add_argument("--hs", action="store_true", help=HELP["hs"])
    arch.add_argument("--cbow-sum", dest="cbow_mean", action="store_false", help=HELP["cbow_mean"])
    arch.add_argument("--shuffle", action="store_true", default=None, help=HELP["shuffle"])
    for field in dataclasses.fields(TrainConfig):
        if field.name in ("sg", "hs", "cbow_mean", "shuffle"):
            continue
        arch.add_argument("--" + field.name.replace("_", "-"), dest=field.name, type=TYPES[field.name],
                          default=None, metavar=field.name.upper(),
                          help=f"{HELP.get(field.name, '')} (default {field.default})")
    _add_tokenize_options(p)
    from w2v_desktop.cli.recs_cmds import add_rating_arguments

    add_rating_arguments(p)
    p.set_defaults(func=run)


def _add_tokenize_options(p: argparse.ArgumentParser) -> None:
    from w2v_desktop.core.text import TokenizeOptions
    from w2v_desktop.core.text.phrases import SCORINGS
    from w2v_desktop.core.text.stopwords import BUILTIN_LISTS

    allowed = {
        "lowercase": "lower-case every token", "strip_punctuation": "drop punctuation",
        "min_token_length": "drop shorter tokens; 1 or more",
        "stop_words": f"stop-word list: {', '.join(('none', 'auto') + BUILTIN_LISTS)} (auto: Chinese for "
                      "mostly-Chinese text, else English)",
        "stop_words_file": "a file of extra stop words, one a line",
        "segment_chinese": "cut Chinese text into words with jieba: auto, true or false",
        "user_dict": "a jieba user dictionary file",
        "encoding": "text encoding: auto (detected) or a Python codec name",
        "layout": "lines (a line is a sentence), stream (cut into --stream-chunk tokens) or auto",
        "stream_chunk": "tokens per sentence in a stream, 1 or more",
        "phrases": "join frequent word pairs into phrases (a second pass)",
        "phrase_min_count": "phrases: pairs seen fewer times are never joined; 1 or more",
        "phrase_threshold": "phrases: join pairs scoring above this",
        "phrase_scoring": f"phrases: scoring, {', '.join(SCORINGS)}",
    }
    group = p.add_argument_group("text options")
    for field in dataclasses.fields(TokenizeOptions):
        flag = "--" + field.name.replace("_", "-")
        what = allowed.get(field.name, "")
        if isinstance(field.default, bool):
            group.add_argument(flag, dest="tok_" + field.name, action=argparse.BooleanOptionalAction,
                               default=None, help=f"{what} (default {'on' if field.default else 'off'})")
        else:
            group.add_argument(flag, dest="tok_" + field.name, default=None, metavar=field.name.upper(),
                               help=f"{what} (default {field.default!r})")


def _tokenize_options(args):
    from w2v_desktop.core.config import ConfigError
    from w2v_desktop.core.text import TokenizeOptions

    values = {}
    for field in dataclasses.fields(TokenizeOptions):
        value = getattr(args, "tok_" + field.name, None)
        if value is None:
            continue
        flag = "--" + field.name.replace("_", "-")
        try:
            if isinstance(field.default, int) and not isinstance(field.default, bool):
                value = int(value)
            elif isinstance(field.default, float):
                value = float(value)
        except ValueError:
            raise CliError(f"{flag}: expected a number, got {value!r}") from None
        if field.name == "segment_chinese" and isinstance(value, str):
            value = {"true": True, "yes": True, "false": False, "no": False}.get(value.lower(), value)
        values[field.name] = value
        try:
            TokenizeOptions(**{field.name: value})
        except ConfigError as exc:
            raise CliError(f"{flag}: {exc}") from None
    return TokenizeOptions(**values)


def _config(args, items: bool) -> TrainConfig:
    base = TrainConfig(**ITEM_DEFAULTS) if items else TrainConfig()
    asked = _asked(args)
    if args.trainer == "mllib":  # what MLlib does; options asked for that it lacks are refused
        base = base.replace(hs=True, negative=0, sample=0.0)
        if not args.hs:
            asked.pop("hs", None)  # the flag's default, not a choice
    return base.replace(**asked)


def _asked(args) -> dict:
    """The training options given on the command line (a continued run changes only these)."""
    changes = {f.name: getattr(args, f.name) for f in dataclasses.fields(TrainConfig)
               if getattr(args, f.name, None) is not None}
    if not args.sg:
        changes["sg"] = False
    if not args.cbow_mean:
        changes["cbow_mean"] = False
    if args.hs:
        changes["hs"] = True
        changes.setdefault("negative", 0)
    return changes


def run(args) -> int:
    from w2v_desktop.core.formats import save_vectors
    from w2v_desktop.core.jobs import TrainRequest
    from w2v_desktop.core.train import load_model, save_model

    if bool(args.corpus) == bool(args.ratings):
        raise CliError("give either a CORPUS file or --ratings FILE")
    if args.corpus and _looks_like_ratings(args.corpus):
        # trained as text, its user ids, item ids, ratings and times are one vocabulary whose
        # vectors collapse (mean cosine 0.998 on the bundled sample): train the items instead
        if not args.quiet:
            print(f"{args.corpus} looks like a rating file: training item vectors on it, as --ratings "
                  "does (to train its lines as text, give it a .txt name)", file=sys.stderr)
        args.ratings, args.corpus = args.corpus, None
    source = args.ratings or args.corpus
    if args.trainer == "mllib":
        args.spark = args.spark or "local[*]"
        for flag, given in (("--model", args.model), ("--continue-from", args.continue_from)):
            if given:
                raise CliError(f"{flag} needs the local trainer (MLlib's model is not ours to save or continue)")
    if args.spark:
        from w2v_desktop.cli.recs_cmds import spark_engine

        spark_engine(args)  # without pyspark or Java: one line saying how to install them
    if not Path(source).exists() and not (args.spark and "://" in source):
        raise CliError(f"{source}: no such file or folder")
    config = _config(args, items=bool(args.ratings))
    if args.trainer == "mllib":
        from w2v_desktop.core.spark import mllib_params

        mllib_params(config, args.partitions, args.max_sentence_length)  # refuse before reading
    out = Path(args.output)
    fmt = _check_outputs(args, _output_format(out, args.format))

    say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
    live = not args.quiet and sys.stderr.isatty()  # live lines only on a terminal; logs get the rest
    started = time.perf_counter()
    items = None
    if args.ratings:
        from w2v_desktop.cli.recs_cmds import read_rating_file

        args.file = args.ratings
        data = read_rating_file(args, config.min_count, out=None if args.quiet else "stderr",
                                corpus=args.trainer == "local")
        corpus, items = data.corpus, data.items
    elif args.trainer == "local":
        corpus = _read_text(args.corpus, _tokenize_options(args), live, args.spark, args.spark_log)
    else:
        corpus = None  # MLlib: the text is tokenised and trained on the cluster, it never comes here
    if corpus is not None:
        say(f"read {source}: {corpus.n_tokens:,} tokens in {corpus.n_sentences:,} sentences "
            f"({time.perf_counter() - started:.1f} s)")

    trainer = trained = None
    if args.trainer == "mllib":
        vectors = _train_mllib(args, data if args.ratings else None, config, say)
    else:
        if args.continue_from:
            trainer = load_model(args.continue_from)
            config = _continued(args, trainer.config)
        trained = _train(TrainRequest(config, corpus, trainer, background=False), args, say, live)
        vectors = trained.vectors
    if items is not None:  # titles and genres travel with the vectors (projector metadata, CSV)
        vectors.meta["columns"] = items.columns_for(vectors.names)
    if args.ratings:
        from w2v_desktop.core.items import collapse_warning

        collapsed = collapse_warning(vectors)
        if collapsed:
            print(f"warning: {collapsed}", file=sys.stderr)
    save_vectors(vectors, out, fmt)
    say(f"wrote {len(vectors):,} x {vectors.dim} vectors to {out}")
    if args.fvocab:
        from w2v_desktop.core.formats import save_counts

        if vectors.counts is None:
            raise CliError("--fvocab: these vectors carry no counts (MLlib does not report them)")
        say(f"wrote the counts of {len(vectors):,} words to {save_counts(vectors, args.fvocab)}")
    if args.model:
        save_model(trained.trainer, args.model)
        say(f"wrote model to {args.model}")
    return 0


def _looks_like_ratings(path: str) -> bool:
    """A .csv/.tsv/.dat/... file that the rating reader recognises (user, item, ... columns)."""
    from w2v_desktop.core.formats import sniff

    try:
        return Path(path).is_file() and sniff(path).kind == "ratings"
    except (OSError, ValueError):
        return False


def _train_mllib(args, data, config: TrainConfig, say):
    """MLlib's Word2Vec on the cluster: on the sequences Spark built from ``data`` (they never
    came back), or, without ``data``, on the text corpus tokenised there."""
    from w2v_desktop.cli.recs_cmds import LiveLine, spark_engine, spark_errors
    from w2v_desktop.core.jobs import train_mllib_ratings, train_mllib_text

    live = LiveLine(not args.quiet)
    started = time.perf_counter()
    engine = spark_engine(args)
    plural = "s" if args.partitions != 1 else ""
    with spark_errors(args.ratings or args.corpus):
        if data is not None:
            say(f"training MLlib Word2Vec on {data.report.sequences:,} sequences ({args.spark}, "
                f"{args.partitions} partition{plural})")
            vectors = run_to_end(train_mllib_ratings(data, config, engine, args.partitions,
                                                     args.max_sentence_length), live.show)
        else:
            say(f"tokenising {args.corpus} and training MLlib Word2Vec on Spark ({args.spark}, "
                f"{args.partitions} partition{plural})")
            trained = run_to_end(train_mllib_text(args.corpus, _tokenize_options(args), config, engine,
                                                  args.partitions, args.max_sentence_length), live.show)
            live.clear()
            say(f"tokenised on Spark: {trained.n_tokens:,} tokens in {trained.n_sentences:,} sentences, "
                f"{trained.n_words:,} words seen min_count={config.min_count} times or more")
            vectors = trained.vectors
    live.clear()
    say(f"trained in {time.perf_counter() - started:.1f} s")
    return vectors


def _read_text(path: str, options, live: bool, spark_master: str | None = None, spark_log: bool = False):
    """The app's corpus reader (on Spark's executors with ``spark_master``), its progress
    shown on one live line."""
    from w2v_desktop.core.jobs import load_text_corpus

    def show(p) -> None:
        if live:
            share = f" ({p.fraction:.0%})" if p.fraction is not None else ""
            sys.stderr.write(f"\r\033[K{p.message}{share}")
            sys.stderr.flush()

    if spark_master:
        from w2v_desktop.cli.recs_cmds import spark_errors

        with spark_errors(path):
            corpus = run_to_end(load_text_corpus(path, options, spark_master=spark_master, spark_log=spark_log), show)
    else:
        corpus = run_to_end(load_text_corpus(path, options), show)
    if live:
        sys.stderr.write("\r\033[K")
    return corpus


def _continued(args, saved: TrainConfig) -> TrainConfig:
    """The options of a continued run (core's one rule), its refusal in terms of flags."""
    from w2v_desktop.core.config import ContinueError, continue_config, describe_fixed

    try:
        return continue_config(saved, _asked(args))
    except ContinueError as exc:
        flags = ", ".join(FLAGS.get(name, "--" + name.replace("_", "-")) for name in exc.names)
        raise CliError(f"{args.continue_from}: {flags} cannot change when continuing a saved model "
                       f"(it was trained with {describe_fixed(saved)})") from None


FLAGS = {"sg": "--cbow"}  # options whose flag is not their name


def _train(request, args, say, live: bool):
    """Run core's training job, printing its records; returns its ``Trained``."""
    from w2v_desktop.core.jobs import TrainerReady, train_job
    from w2v_desktop.core.train import Progress

    last_line = epoch_started = 0.0

    def show(record) -> None:
        nonlocal last_line, epoch_started
        if isinstance(record, TrainerReady):
            if args.continue_from:
                say(f"continuing {args.continue_from}: {record.added_words:,} new words added, "
                    f"vocabulary {record.vocabulary:,}")
            else:
                for line in record.report.lines():
                    say(line)
        if not isinstance(record, Progress):
            return
        p = record
        if p.state == "compiling":
            say(p.message)
        elif p.epoch_done:
            if live:
                sys.stderr.write("\r\033[K")
            loss = (f"online loss {p.epoch_loss:.4f}, fixed-sample loss {p.sample_loss:.4f}"
                    if not math.isnan(p.epoch_loss) else
                    "no training pairs (every sentence was left with fewer than two words; "
                    "try --sample 0 on a corpus this small)")
            say(f"epoch {p.epoch + 1}/{p.epochs}: {loss}, {p.words_per_sec:,.0f} words/s, "
                f"{p.elapsed - epoch_started:.1f} s ({p.elapsed:.1f} s in all)")
            epoch_started = p.elapsed
        elif live and p.state == "training" and time.perf_counter() - last_line > 0.25:
            last_line = time.perf_counter()
            bar = "#" * int(30 * p.fraction)
            loss = "" if math.isnan(p.loss) else f" loss {p.loss:.4f}"
            sys.stderr.write(f"\r[{bar:<30}] {p.fraction:5.1%} epoch {p.epoch + 1}/{p.epochs} "
                             f"{p.words_per_sec:,.0f} words/s{loss} ETA {p.eta:.0f} s")
            sys.stderr.flush()

    return run_to_end(train_job(request), show)


def _check_outputs(args, fmt: str) -> str:
    """Refuse, before anything is read or trained, outputs that would overwrite an input of the
    run, are devices, FIFOs, sockets or folders, or lie in a folder that is missing or not
    writable (core.outputs); returns the output format."""
    from w2v_desktop.core.formats import check_vectors_output, files_of
    from w2v_desktop.core.outputs import check_distinct, check_output

    inputs = [args.corpus, args.ratings, getattr(args, "items", None), args.continue_from,
              getattr(args, "tok_stop_words_file", None), getattr(args, "tok_user_dict", None)]
    inputs = [i for i in inputs if i and "://" not in i]  # a cluster's path is not ours to compare
    fmt = check_vectors_output(args.output, fmt, inputs)
    if args.model:
        # the model being continued may be replaced by its continuation: it is read whole first
        check_output(args.model, [i for i in inputs if i != args.continue_from])
        check_distinct([*files_of(args.output, fmt), args.model])
    return fmt


def _output_format(out: Path, fmt: str | None) -> str:
    """The format to write: as given, else from the suffix, else word2vec text."""
    from w2v_desktop.core.formats import FORMATS

    if fmt is not None:
        if fmt not in FORMATS or not FORMATS[fmt].can_write:
            raise CliError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    # a Spark model has no suffix: a name without one is word2vec text, never a folder (--format spark)
    by_suffix = {info.suffix: name for name, info in FORMATS.items() if info.can_write and info.suffix}
    by_suffix[".txt"] = "word2vec"
    return by_suffix.get(out.suffix.lower(), "word2vec")

