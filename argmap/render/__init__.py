"""Drawing maps: a view (selection) of the model, styled as DOT, laid out by a Graphviz engine."""

from __future__ import annotations

from argmap.render.render import FORMATS, RenderOptions, build_dot, render_map

__all__ = ["FORMATS", "RenderOptions", "build_dot", "render_map"]
