"""The package's imports flow one way: no cycle between its modules, no import hidden in a function,
and MkDocs imported by the glue alone."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "congbo"


def modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(PACKAGE.glob("*.py"))}


def imported_modules(tree: ast.Module, names: set[str]) -> set[str]:
    """The package's modules that a module imports (``from . import x``, ``from .x import y``)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names if alias.name in names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("congbo."):
            found.add(node.module.split(".")[1])
    return found


def import_graph() -> dict[str, set[str]]:
    trees = modules()
    return {name: imported_modules(tree, set(trees)) - {name} for name, tree in trees.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        return exc.args[1]
    return None


def test_the_package_has_no_import_cycle():
    assert find_cycle(import_graph()) is None


def test_the_cycle_check_finds_a_cycle():
    graph = import_graph()
    graph["render"] = graph["render"] | {"pages"}  # pages imports render: this closes a loop
    assert set(find_cycle(graph)) >= {"render", "pages"}


def test_no_import_inside_a_function():
    hidden = []
    for name, tree in modules().items():
        for func in ast.walk(tree):
            if isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                hidden += [f"{name}.{func.name}" for node in ast.walk(func) if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert hidden == []


RENDERERS = {"pages", "programmes", "column", "feeds", "ical", "calendar_json", "documents_json", "blocks", "identity", "edit"}
"""The modules that make published text from the records (and the agenda): siblings, gathered by `outputs`."""


LOADER = {"load", "read", "checks", "messages"}
"""The loader, split by job: the entry point, reading, the checks across records, the editors' messages."""


def renderer_imports(graph: dict[str, set[str]]) -> dict[str, list[str]]:
    """What each renderer imports that it must not: another renderer, or the loader (any of its modules)."""
    return {name: sorted(graph[name] & (RENDERERS | LOADER)) for name in sorted(RENDERERS) if graph[name] & (RENDERERS | LOADER)}


def test_no_renderer_imports_another_or_the_loader():
    assert renderer_imports(import_graph()) == {}


def test_the_renderer_check_finds_a_renderer_importing_another():
    graph = import_graph()
    graph["pages"] = graph["pages"] | {"ical", "load"}
    assert renderer_imports(graph) == {"pages": ["ical", "load"]}


@pytest.mark.parametrize("module", sorted(LOADER))
def test_the_renderer_check_finds_a_renderer_importing_any_module_of_the_loader(module):
    graph = import_graph()
    graph["feeds"] = graph["feeds"] | {module}
    assert renderer_imports(graph) == {"feeds": [module]}


def test_the_loader_modules_exist():
    assert LOADER <= set(modules())


def test_only_the_command_line_and_the_glue_read_the_data():
    assert {name for name, imported in import_graph().items() if "load" in imported} == {"__main__", "mkdocs_plugin"}


def test_only_the_glue_imports_mkdocs():
    importers = set()
    for name, tree in modules().items():
        for node in ast.walk(tree):
            imported = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(m == "mkdocs" or m.startswith(("mkdocs.", "material")) for m in imported):
                importers.add(name)
    assert importers == {"mkdocs_plugin"}
