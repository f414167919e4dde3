"""The allowed import directions between argmap's packages: every import of every module
(those inside functions too), read with `ast`, goes down the layers written in
ARCHITECTURE.md, and the layers themselves have no cycle."""

from __future__ import annotations

import ast
from functools import cache
from graphlib import TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "argmap"

BASE = frozenset({
    "errors", "valueclass", "textlines", "visible", "words", "suggest", "fileio", "log",
    "markdown", "manifest", "forked", "maptext", "lazy",
})
"""Modules of their own that know nothing of maps: each may import the others of them
that it needs (the test below still rules out cycles)."""

ALLOWED: dict[str, frozenset[str]] = {
    **{name: BASE for name in BASE},
    "model": frozenset({"errors", "textlines", "maptext"}),
    "language": BASE | {"model"},
    "analysis": frozenset({"model"}),
    "checks": BASE | {"model", "analysis"},
    "settings": BASE,  # [tool.argmap]: where it is, its tables, warnings
    "folder_search": BASE | {"settings"},
    "config": BASE | {"analysis", "checks", "settings"},
    # `__init__`: `__version__` only; the package's other names load lazily.
    "check_output": BASE | {"checks", "__init__"},
    "render": BASE | {"model", "analysis", "checks", "config"},
    "convert": BASE | {"model", "language", "render"},
    "embed": BASE | {"model", "language", "render"},
    "report": BASE | {"model", "analysis", "checks", "config", "render"},
    "pandoc": BASE | {"render", "embed", "check_output"},
    "watch": BASE | {"model", "language"},
    "notebook": frozenset({"model", "render"}),
    "lsp": BASE | {"model", "language", "analysis", "checks", "config", "render", "__init__"},
    "__init__": frozenset({"lazy", "errors", "model", "language"}),
    "pygments_lexer": frozenset(),  # the docs site's highlighting of map text
    "cli": frozenset(),  # anything but itself: the top
    "launch": frozenset({"cli"}),  # the console script: Ctrl-C quiet while the CLI imports
    "__main__": frozenset({"launch"}),
}
TOP = "cli"


def unit_of(module: str) -> str:
    """`argmap.render.dot` -> `render`; `argmap` -> `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """The argmap modules `path` imports, anywhere in it."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            for alias in node.names:
                submodule = f"{origin}.{alias.name}"
                # `from argmap import forked` imports the module argmap.forked.
                is_module = (PACKAGE.parent / submodule.replace(".", "/")).with_suffix(".py")
                found.add(submodule if is_module.exists() else origin)
    return {name for name in found if name == "argmap" or name.startswith("argmap.")}


@cache
def import_graph() -> dict[str, dict[str, set[str]]]:
    """Unit -> {unit it imports: the modules that import it}."""
    graph: dict[str, dict[str, set[str]]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        source = unit_of(module)
        targets = graph.setdefault(source, {})
        for name in imported(path):
            if unit_of(name) != source:
                targets.setdefault(unit_of(name), set()).add(module)
    return graph


def test_every_package_and_module_has_its_layer() -> None:
    assert set(import_graph()) == set(ALLOWED)


@pytest.mark.parametrize("unit", sorted(ALLOWED))
def test_imports_go_down_the_layers(unit: str) -> None:
    graph = import_graph()
    if unit == TOP:
        return
    wrong = {
        target: sorted(modules)
        for target, modules in graph.get(unit, {}).items()
        if target not in ALLOWED[unit]
    }
    assert wrong == {}, f"{unit} imports upward or sideways: {wrong}"


def test_nothing_imports_the_cli_but_the_entry_point() -> None:
    importers = {unit for unit, targets in import_graph().items() if TOP in targets}
    assert importers <= {"launch"}


def test_the_layers_have_no_cycle() -> None:
    used = {unit: set(targets) - {unit} for unit, targets in import_graph().items()}
    TopologicalSorter(used).prepare()  # raises CycleError naming the cycle
