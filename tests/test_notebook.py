"""Notebooks: `argmap.notebook.enable()` registers an IPython formatter that draws an
ArgumentMap inline (embedded engine), the model itself draws nothing, and
examples/notebook.ipynb runs as written."""

from __future__ import annotations

import ast
import json
import sys
import types
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import argmap
import argmap.notebook

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parent / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

NOTEBOOK = Path(__file__).parents[1] / "examples" / "notebook.ipynb"
SVG = "{http://www.w3.org/2000/svg}"


class Formatter:
    """IPython's formatter for one MIME type, as far as `enable` uses it."""

    def __init__(self) -> None:
        self.functions: dict[type, Callable[[Any], str]] = {}

    def for_type(self, kind: type, function: Callable[[Any], str]) -> None:
        self.functions[kind] = function

    def __call__(self, value: object) -> str | None:
        function = self.functions.get(type(value))
        return function(value) if function is not None else None


class Shell:
    """An InteractiveShell, as far as `enable` uses it."""

    def __init__(self) -> None:
        self.svg = Formatter()
        self.display_formatter = SimpleNamespace(formatters={"image/svg+xml": self.svg})


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch) -> Shell:
    """A running IPython: `IPython.get_ipython()` returns its shell."""
    running = Shell()
    module = types.ModuleType("IPython")
    module.get_ipython = lambda: running  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", module)
    return running


def test_enable_draws_every_map_with_hostile_text_as_svg(shell: Shell) -> None:
    assert argmap.notebook.enable() is True
    amap = argmap.parse('@title <b>"Bold" & {braces}</b>\npremise a: <script>x</script>.\n'
                        "claim b: B \\ ü.\na -> b\n")
    svg = shell.svg(amap)
    assert svg is not None
    root = ET.fromstring(svg)  # well-formed: no user text became markup
    assert root.tag == f"{SVG}svg"
    assert root.get("aria-label") == '<b>"Bold" & {braces}</b>'
    ids = {element.get("id") for element in root.iter(f"{SVG}g")}
    assert {"statement-a", "statement-b"} <= ids
    texts = "".join(element.text or "" for element in root.iter(f"{SVG}text"))
    assert "<script>x</script>." in texts


def test_load_ext_enables_the_shell_it_is_given() -> None:
    given = Shell()
    argmap.notebook.load_ipython_extension(given)
    assert given.svg(argmap.parse("premise a: A.\n", "m.argmap")) is not None


def test_enable_outside_ipython_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "IPython", None)  # not installed
    assert argmap.notebook.enable() is False
    module = types.ModuleType("IPython")
    module.get_ipython = lambda: None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "IPython", module)  # installed, no kernel running
    assert argmap.notebook.enable() is False


def test_a_map_draws_nothing_of_itself_and_a_diagram_draws_it() -> None:
    amap = argmap.parse("premise a: A.\n", "m.argmap")
    assert not hasattr(amap, "_repr_svg_")
    assert ET.fromstring(argmap.notebook.Diagram(amap)._repr_svg_()).tag == f"{SVG}svg"


def test_the_drawing_uses_the_embedded_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.render import render as render_module

    chosen: list[str] = []
    real = render_module.choose_engine

    def spy(choice: str) -> Any:
        chosen.append(choice)
        return real(choice)

    monkeypatch.setattr(render_module, "choose_engine", spy)
    argmap.notebook.svg(argmap.parse("premise a: A.\n"))
    assert chosen and set(chosen) == {"embedded"}


def test_the_example_notebook_runs(monkeypatch: pytest.MonkeyPatch, shell: Shell,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Each code cell runs in one namespace; a cell ending in an ArgumentMap shows it."""
    monkeypatch.chdir(NOTEBOOK.parent)
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    namespace: dict[str, Any] = {}
    shown = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        assert cell["outputs"] == []  # kept without outputs: small, and never stale
        tree = ast.parse("".join(cell["source"]))
        last = tree.body[-1]
        if isinstance(last, ast.Expr):
            exec(compile(ast.Module(tree.body[:-1], []), "<cell>", "exec"), namespace)
            value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
            svg = shell.svg(value)
            if svg is not None:
                shown.append(ET.fromstring(svg).get("aria-label"))
        else:
            exec(compile(tree, "<cell>", "exec"), namespace)
    assert shown == ["Should Main Street get a protected bike lane?",
                     "Should the office go four days a week?"]
    printed = capsys.readouterr().out
    assert "draft.argmap:3:6: undefined statement `c`" in printed
    assert "'switch': 'OUT'" in printed
