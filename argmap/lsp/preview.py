"""The preview: the map drawn as SVG with the evaluation's colours (`render --evaluate`)."""

from __future__ import annotations

from argmap.model import ArgumentMap
from argmap.render.render import RenderOptions, render_map


def preview_svg(amap: ArgumentMap, semantics: str | None = None) -> str:
    """The SVG text of the whole map with verdict colours; RenderError when no Graphviz
    engine can draw it."""
    options = RenderOptions(evaluate=True, semantics=semantics)
    return render_map(amap, options).decode("utf-8")
