"""``--help``: every option explained with its allowed values, the app's own options listed, and
fast (building the parser loads neither Numba nor SciPy); tables aligned by display width."""
import argparse
import subprocess
import sys

import pytest

from w2v_desktop.cli import build_parser, main
from w2v_desktop.cli.common import print_table, width


def subcommands():
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return parser, action.choices


def test_the_apps_own_options_are_listed(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for listed in ("--self-test", "--screenshot DIR", "compare-runs", "export-output", "similarity",
                   "doesnt-match"):
        assert listed in out


# `project` is another change's (the map's options are being reworked there)
NOT_HERE = {"project"}


def test_every_option_has_help_and_choices_are_named():
    parser, commands = subcommands()
    for name, sub in [("", parser), *((n, c) for n, c in commands.items() if n not in NOT_HERE)]:
        for action in sub._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                continue
            flag = "/".join(action.option_strings) or action.dest
            assert action.help and action.help != argparse.SUPPRESS, f"{name} {flag} has no help"
            if action.choices and not isinstance(action.choices, dict):
                shown = sub.format_help().replace("\n", " ")
                missing = [c for c in action.choices if str(c) not in shown]
                assert not missing, f"{name} {flag}: {missing} not in --help"


def test_parser_building_loads_neither_numba_nor_scipy():
    code = ("import sys; import w2v_desktop.cli as cli; cli.build_parser(); "
            "print(sorted(m for m in ('numba', 'scipy', 'pynndescent', 'PySide6', 'voyager') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cjk_names_align_by_display_width(capsys):
    assert width("北京") == 4 and width("paris") == 5 and width("é") == 1
    print_table(["name", "score"], [["北京", 0.5], ["paris", 0.25], ["上海市", 1.0]])
    lines = capsys.readouterr().out.splitlines()
    assert len({width(line) for line in lines}) == 1  # every row as wide as the header
    starts = [width(line[:line.index(number)]) for line, number in zip(lines[2:], ("0.5", "0.25", "1.0"))]
    assert starts == [8, 8, 8]  # the widest name, 上海市, takes 6 columns, then two spaces
