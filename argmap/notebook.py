"""Maps drawn inline in notebooks (Jupyter, Quarto, VS Code): an IPython display formatter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.model import ArgumentMap

SVG_MIME = "image/svg+xml"


def svg(amap: ArgumentMap) -> str:
    """The map's diagram as SVG text, drawn by the embedded Graphviz, which needs nothing
    installed; raises RenderError."""
    from argmap.render.render import RenderOptions, render_map

    return render_map(amap, RenderOptions(engine="embedded")).decode("utf-8")


@dataclass(frozen=True)
class Diagram:
    """A map that shows its diagram as a notebook cell's value, without `enable()`."""

    amap: ArgumentMap

    def _repr_svg_(self) -> str:
        return svg(self.amap)


def enable(ipython: Any = None) -> bool:
    """Show every ArgumentMap that is a cell's value as its diagram, in the running IPython
    (or `ipython`, an InteractiveShell); False, doing nothing, outside IPython."""
    if ipython is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        ipython = get_ipython()
        if ipython is None:
            return False
    ipython.display_formatter.formatters[SVG_MIME].for_type(ArgumentMap, svg)
    return True


def load_ipython_extension(ipython: Any) -> None:
    """`%load_ext argmap.notebook`: `enable()` in that shell."""
    enable(ipython)
