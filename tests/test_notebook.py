"""Notebooks: an ArgumentMap shows its diagram inline (`_repr_svg_`, embedded engine), and
examples/notebook.ipynb runs as written."""

from __future__ import annotations

import ast
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import argmap

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parent / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

NOTEBOOK = Path(__file__).parents[1] / "examples" / "notebook.ipynb"
SVG = "{http://www.w3.org/2000/svg}"


def test_repr_svg_draws_the_map_with_hostile_text() -> None:
    amap = argmap.parse('@title <b>"Bold" & {braces}</b>\npremise a: <script>x</script>.\n'
                        "claim b: B \\ ü.\na -> b\n")
    svg = amap._repr_svg_()
    root = ET.fromstring(svg)  # well-formed: no user text became markup
    assert root.tag == f"{SVG}svg"
    assert root.get("aria-label") == '<b>"Bold" & {braces}</b>'
    ids = {element.get("id") for element in root.iter(f"{SVG}g")}
    assert {"statement-a", "statement-b"} <= ids
    texts = "".join(element.text or "" for element in root.iter(f"{SVG}text"))
    assert "<script>x</script>." in texts


def test_repr_svg_uses_the_embedded_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.render import render as render_module

    chosen: list[str] = []
    real = render_module.choose_engine

    def spy(choice: str) -> Any:
        chosen.append(choice)
        return real(choice)

    monkeypatch.setattr(render_module, "choose_engine", spy)
    argmap.parse("premise a: A.\n")._repr_svg_()
    assert chosen and set(chosen) == {"embedded"}


def test_the_example_notebook_runs(monkeypatch: pytest.MonkeyPatch,
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
            if isinstance(value, argmap.ArgumentMap):
                shown.append(ET.fromstring(value._repr_svg_()).get("aria-label"))
        else:
            exec(compile(tree, "<cell>", "exec"), namespace)
    assert shown == ["Should Main Street get a protected bike lane?",
                     "Should the office go four days a week?"]
    printed = capsys.readouterr().out
    assert "draft.argmap:3:6: undefined statement `c`" in printed
    assert "'switch': 'OUT'" in printed
