"""argmap: argument maps written as text, checked like code, drawn with Graphviz."""

from __future__ import annotations

from argmap.errors import (
    ArgmapError,
    CheckError,
    Diagnostic,
    MapFileError,
    ParseError,
    RenderError,
    Span,
)
from argmap.model import ArgumentMap

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "CheckError",
    "Diagnostic",
    "MapFileError",
    "ParseError",
    "RenderError",
    "Span",
    "__version__",
    "load",
    "parse",
]


def parse(text: str, path: str | None = None) -> ArgumentMap:
    """Parse a map from text; `path` names it in errors and anchors `@include`/`@document`."""
    from argmap.language.loader import parse_text

    return parse_text(text, path)


def load(path: str, *, syntax: bool = True) -> ArgumentMap:
    """Read and parse the map file at `path` (and the files it includes); `syntax=False`
    leaves out the syntax trees (comments and positions of every line), which only
    commands that write the map back or look at its lines need."""
    from argmap.language.loader import load_file

    return load_file(path, syntax=syntax)
