"""``w2v-desktop convert IN OUT [--from FMT] [--to FMT] [--fvocab FILE]``: vector files between formats."""
from __future__ import annotations

import argparse

from w2v_desktop.core.formats import (READABLE, WRITABLE, check_vectors_output, detect_format, files_of,
                                      load_vectors, save_counts, save_vectors)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "convert", help="convert vectors between file formats",
        description=f"Convert a vector file to another format. Reads: {', '.join(READABLE)}; writes: "
                    f"{', '.join(WRITABLE)}. Without --from the input format is detected; without --to the "
                    "output format follows OUT's suffix (.txt is word2vec text). A model .npz gives its "
                    "input vectors (export-output gives its output vectors). A Spark ML Word2VecModel "
                    "is a folder: read it by its path, write one with --to spark.")
    parser.add_argument("input", metavar="IN", help="vector file, model .npz or Spark model folder to read")
    parser.add_argument("output", metavar="OUT", help="file to write (pair formats write two, spark a folder)")
    parser.add_argument("--from", dest="from_format", choices=READABLE, metavar="FMT",
                        help=f"input format: {', '.join(READABLE)} (default: detected)")
    parser.add_argument("--to", dest="to_format", choices=WRITABLE, metavar="FMT",
                        help=f"output format: {', '.join(WRITABLE)} (default: from OUT's suffix)")
    parser.add_argument("--encoding", default="utf-8",
                        help="text encoding of the names in IN, any Python codec name (default: utf-8)")
    parser.add_argument("--replace-spaces", action="store_true",
                        help="write '_' for whitespace in names for formats that cannot hold "
                             "spaces (word2vec, GloVe, fastText); default: refuse")
    parser.add_argument("--fvocab", metavar="FILE",
                        help="also write the word counts, 'word count' per line in row order: the file "
                             "gensim's load_word2vec_format(fvocab=FILE) reads (IN must carry counts: a "
                             "model, Projector or CSV file)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    source_format = args.from_format or detect_format(args.input)
    # refused before reading: OUT is (a file of) IN, a device, a FIFO, a folder, or unwritable
    check_vectors_output(args.output, args.to_format, files_of(args.input, source_format))
    vectors = load_vectors(args.input, source_format, encoding=args.encoding)
    print(f"read {len(vectors)} vectors of dimension {vectors.dim} ({vectors.meta['format']}) "
          f"from {args.input}")
    if args.fvocab and vectors.counts is None:
        raise ValueError(f"--fvocab: {args.input} carries no word counts")
    written = save_vectors(vectors, args.output, args.to_format,
                           replace_spaces=args.replace_spaces)
    if args.fvocab:
        written.append(save_counts(vectors, args.fvocab, replace_spaces=args.replace_spaces))
    print("wrote " + " and ".join(str(p) for p in written))
    return 0
