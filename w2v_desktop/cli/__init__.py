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
from w2v_desktop.cli import convert_cmd, project_cmd, query_cmds, recs_cmds, runs_cmds, train_cmd, word_cmds
from w2v_desktop.cli.errors import CliError
from w2v_desktop.core.outputs import OutputWriteError, Terminated, terminate_cleanly

# Modules providing subcommands, in the order `--help` lists them.
COMMAND_MODULES = (train_cmd, word_cmds, query_cmds, project_cmd, runs_cmds, recs_cmds, convert_cmd)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="w2v-desktop",
        description="Train and explore word2vec-style embeddings. Without a subcommand, opens the app; "
                    "`w2v-desktop FILE` opens it with FILE. `w2v-desktop COMMAND --help` describes a command.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # handled by main() before parsing (they start the app's window code); listed here for --help
    parser.add_argument("--screenshot", metavar="DIR",
                        help="train briefly on the bundled sample and save a PNG of each tab into DIR, then exit")
    parser.add_argument("--self-test", action="store_true",
                        help="check the installation (imports, bundled files, a tiny training run), print OK "
                             "and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    parser.command_names = sorted(sub.choices)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("--screenshot") or argv[0] in ("--gui", "--self-test", "--startup-time"):
        return _run_gui(argv)
    parser = build_parser()
    if not argv[0].startswith("-") and argv[0] not in parser.command_names:
        return _open_file(argv, parser.command_names)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        return _run_gui(argv)
    try:
        try:
            with terminate_cleanly():  # SIGTERM/SIGHUP unwind like Ctrl-C: no part file stays behind
                return int(args.func(args) or 0)
        except SystemError as exc:
            # A signal that lands inside compiled code (a Numba dispatcher) comes out as
            # "SystemError: ... returned a result with an exception set", the signal's exception
            # as its cause: unwrap it.
            raise (_interruption(exc) or exc) from None
    except Terminated as exc:
        print(f"w2v-desktop: stopped by {exc}", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("w2v-desktop: interrupted", file=sys.stderr)
        return 130
    except (CliError, OSError, ValueError, KeyError) as exc:
        # Expected failures (bad input, bad options) get one clear line, no traceback.
        print(f"w2v-desktop: error: {_one_line(exc)}", file=sys.stderr)
        return 2


def _interruption(exc: BaseException | None) -> KeyboardInterrupt | None:
    """The Ctrl-C or termination signal among ``exc``'s causes, if any."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def _one_line(exc: BaseException) -> str:
    """The user-facing line for an expected failure (file errors name the file)."""
    if isinstance(exc, OutputWriteError):
        return str(exc)  # names the file asked for and says the old one is unchanged
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
    from w2v_desktop.cli import qt_platform

    checks_only = any(a.startswith("--screenshot") or a == "--self-test" for a in argv)
    problem = None if checks_only else qt_platform.xcb_problem()
    if problem:  # Qt would abort with a message that names no library
        print(f"w2v-desktop: {problem}", file=sys.stderr)
        return 2
    try:
        from w2v_desktop.gui.app import run_app
    except ImportError as exc:
        print(f"w2v-desktop: {qt_platform.explain_import_error(exc)}", file=sys.stderr)
        return 2
    return run_app(argv)
