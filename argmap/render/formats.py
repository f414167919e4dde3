"""The drawing formats `argmap render` writes, in one table that the rest of argmap reads."""

from __future__ import annotations

from dataclasses import dataclass

SYSTEM = "system"
EMBEDDED = "embedded"


@dataclass(frozen=True)
class DrawingFormat:
    """One output format: the file suffixes that choose it, what makes its bytes, the
    Graphviz output (`-T`) it comes from (None: no layout, argmap's own DOT), the engines
    that can write that output, whether its bytes are binary, and whether it is a figure
    (a picture a page shows: what --split writes)."""

    name: str
    suffixes: tuple[str, ...]
    made_by: str
    layout: str | None
    engines: frozenset[str]
    binary: bool
    figure: bool


BOTH = frozenset({SYSTEM, EMBEDDED})
FORMATS: dict[str, DrawingFormat] = {
    fmt.name: fmt
    for fmt in (
        DrawingFormat("svg", (".svg",), "Graphviz's SVG, finished by svg.py", "svg", BOTH,
                      binary=False, figure=True),
        DrawingFormat("png", (".png",), "the finished SVG, rasterised by png.py", "svg", BOTH,
                      binary=True, figure=True),
        DrawingFormat("pdf", (".pdf",), "Graphviz's PDF", "pdf", frozenset({SYSTEM}),
                      binary=True, figure=True),
        DrawingFormat("dot", (".dot", ".gv"), "argmap's DOT (dot.py), laid out by nothing",
                      None, BOTH, binary=False, figure=False),
        DrawingFormat("json", (".json",), "Graphviz's JSON of the laid-out graph", "json",
                      BOTH, binary=False, figure=False),
    )
}
NAMES = tuple(FORMATS)
SUFFIXES = {suffix: fmt.name for fmt in FORMATS.values() for suffix in fmt.suffixes}
FIGURES = tuple(fmt.name for fmt in FORMATS.values() if fmt.figure)


def engine_outputs(engine: str) -> frozenset[str]:
    """The Graphviz outputs (`-T` formats) that `engine` is asked for."""
    return frozenset(fmt.layout for fmt in FORMATS.values()
                     if fmt.layout is not None and engine in fmt.engines)
