"""Drawing maps: a view (selection) of the model, styled as DOT, laid out by a Graphviz engine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.render.render import FORMATS, RenderOptions, build_dot, render_map

__all__ = ["FORMATS", "RenderOptions", "build_dot", "render_map"]


def __getattr__(name: str) -> Any:
    # Imported on first use: `argmap --version` reaches argmap.render.engines through this
    # package and must not pay for the DOT writer and its styles.
    if name in __all__:
        from argmap.render import render

        return getattr(render, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
