"""The layout's rules (ARCHITECTURE.md) that import-linter's contracts do not state."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import grimp
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "w2v_desktop"
MAX_LINES = 500


def import_cycles(graph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), i.e. every import loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return cycles


def test_no_import_cycles_anywhere_in_the_package():
    graph = grimp.build_graph("w2v_desktop")
    assert import_cycles(graph) == []


def test_the_cycle_finder_sees_a_loop():
    graph = grimp.ImportGraph()
    for name in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    assert import_cycles(graph) == []
    graph.add_import(importer="p.c", imported="p.a")
    assert import_cycles(graph) == [["p.a", "p.b", "p.c"]]


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
    return roots


GUI_MODULES = sorted(p for p in (PACKAGE / "gui").rglob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("path", GUI_MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_gui_module_needs_qt(path):
    """Qt-free logic belongs in core, where the CLI can reuse it and the contracts guard it."""
    assert imported_roots(path) & {"PySide6", "pyqtgraph"}, \
        f"{path.relative_to(PACKAGE)} imports neither PySide6 nor pyqtgraph: move it to core"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_500_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"


WINGS = ("text", "items", "train", "vectors", "formats", "analysis", "jobs")


@pytest.mark.parametrize("wing", WINGS)
def test_each_wing_face_names_what_its_modules_define(wing):
    """Every name a wing's ``__init__`` offers resolves, to an object defined in that wing."""
    import importlib

    face = importlib.import_module(f"w2v_desktop.core.{wing}")
    assert face.__all__, f"core.{wing} names no public API"
    for name in face.__all__:
        value = getattr(face, name)
        module = getattr(value, "__module__", None) or f"w2v_desktop.core.{wing}"
        assert module.startswith(f"w2v_desktop.core.{wing}"), (wing, name, module)
    with pytest.raises(AttributeError):
        getattr(face, "no_such_name")


def test_importing_a_wing_imports_none_of_its_modules():
    """The faces are lazy: reading a corpus must not pull in pyarrow, Numba or SciPy."""
    import subprocess

    code = ("import sys, w2v_desktop.core.jobs, w2v_desktop.core.items, w2v_desktop.core.analysis; "
            "print(sorted(m for m in sys.modules if m.startswith('w2v_desktop.core.') and m.count('.') > 3)); "
            "print(sorted(m for m in ('pyarrow', 'numba', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent).stdout.splitlines()
    assert out == ["[]", "[]"], out
