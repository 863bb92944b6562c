"""Command line: ``w2v-desktop [SUBCOMMAND] ...``; no subcommand opens the GUI, and
``w2v-desktop FILE`` opens the GUI with that file (as if dropped on the window).

Each subcommand module of this package exposes ``register(subparsers)``, which
adds its parser and sets ``func`` (a callable taking the parsed args and
returning an exit code); they are listed explicitly below.
"""
from __future__ import annotations

import argparse
import os
import sys

from w2v_desktop import __version__
from w2v_desktop.cli import convert_cmd, project_cmd, query_cmds, recs_cmds, train_cmd
from w2v_desktop.cli.errors import CliError

# Modules providing subcommands, in the order `--help` lists them.
COMMAND_MODULES = (train_cmd, query_cmds, project_cmd, recs_cmds, convert_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="w2v-desktop",
        description="Train and explore word2vec-style embeddings. Without a subcommand, opens the app; "
                    "`w2v-desktop FILE` opens it with FILE; `--screenshot DIR` saves a picture of every tab "
                    "after a short run on the samples; `--self-test` checks the installation.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    parser.command_names = sorted(sub.choices)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("--screenshot") or argv[0] in ("--gui", "--self-test"):
        return _run_gui(argv)
    parser = build_parser()
    if not argv[0].startswith("-") and argv[0] not in parser.command_names:
        return _open_file(argv, parser.command_names)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        return _run_gui(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("w2v-desktop: interrupted", file=sys.stderr)
        return 130
    except (CliError, OSError, ValueError, KeyError) as exc:
        # Expected failures (bad input, bad options) get one clear line, no traceback.
        print(f"w2v-desktop: error: {_one_line(exc)}", file=sys.stderr)
        return 2


def _one_line(exc: BaseException) -> str:
    """The user-facing line for an expected failure (file errors name the file)."""
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        return f"{exc.filename}: {exc.strerror.lower()}"
    if isinstance(exc, KeyError) and not hasattr(exc, "name"):
        return f"unknown name {exc}"
    return str(exc)


def _open_file(argv: list[str], commands: list[str]) -> int:
    """``w2v-desktop FILE``: the app with FILE open; a name that is neither a file nor a command is refused."""
    if not os.path.exists(argv[0]):
        print(f"w2v-desktop: error: {argv[0]!r} is neither a file nor a command "
              f"(commands: {', '.join(commands)})", file=sys.stderr)
        return 2
    return _run_gui(argv)


def _run_gui(argv: list[str]) -> int:
    try:
        from w2v_desktop.gui.app import run_app
    except ImportError as exc:  # pragma: no cover - depends on the GUI being installed
        print(f"w2v-desktop: cannot start the app: {exc}", file=sys.stderr)
        return 2
    return run_app(argv)
