"""argmap: argument maps written as text, checked like code, drawn with Graphviz."""

from __future__ import annotations

from argmap.lazy import load as _load_lazily

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

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

# Imported when first asked for, so that `import argmap` (which every submodule's import,
# and so the `argmap` command, starts with) is quick: a Ctrl-C while the command starts up
# then reaches the command's own handling, not a traceback from an import.
_LAZY = {
    "ArgmapError": "argmap.errors:ArgmapError",
    "ArgumentMap": "argmap.model:ArgumentMap",
    "CheckError": "argmap.errors:CheckError",
    "Diagnostic": "argmap.errors:Diagnostic",
    "MapFileError": "argmap.errors:MapFileError",
    "ParseError": "argmap.errors:ParseError",
    "RenderError": "argmap.errors:RenderError",
    "Span": "argmap.errors:Span",
}

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


def __getattr__(name: str) -> Any:
    reference = _LAZY.get(name)
    if reference is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = _load_lazily(reference)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
