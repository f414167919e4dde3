"""Drawing one block for Pandoc: its figures in the format the output takes, and their size."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from argmap.check_output.snippet import format_diagnostic
from argmap.embed.attributes import BlockSpec
from argmap.embed.boundary import project_root
from argmap.embed.document import (
    EmbedOptions,
    PageBox,
    block_fit,
    fit_advice,
    render_options,
)
from argmap.embed.load import BlockLoadError, load_block
from argmap.errors import ArgmapError
from argmap.render.fit import DEFAULT_MIN_FONT, PAGE_BOXES, FitError
from argmap.render.render import Figure, render_figure
from argmap.render.split import split_figures
from argmap.render.system import find_dot

PRINT_DPI = 300
FIT_SLACK = 0.02
"""pt: a figure this close to the page box's width or height was scaled to it."""
SVG_WRITERS = frozenset({
    "html", "html4", "html5", "chunkedhtml", "epub", "epub2", "epub3", "revealjs", "slidy",
    "slideous", "s5", "dzslides",
})
"""Pandoc writers that show SVG (the rest get PNG, LaTeX PDF)."""
PDF_WRITERS = frozenset({"latex", "beamer", "context"})


class BlockProblem(Exception):
    """A block that cannot be drawn; the message says why and what to do."""


@dataclass(frozen=True)
class Settings:
    """What the document's metadata asks of every block."""

    fit: PageBox | None = PAGE_BOXES["a4"]
    """The page box every figure prints inside (None: natural size)."""
    min_font: float = DEFAULT_MIN_FONT
    engine: str | None = None
    """None: the embedded Graphviz, but PDF (for LaTeX) with the system one when installed."""
    timeout: float = 60.0


@dataclass(frozen=True)
class Picture:
    """One figure of a block: its title, bytes and format, and the size it prints at (pt)."""

    title: str
    data: bytes
    fmt: str
    size: tuple[float, float] | None
    """Width and height; None for a figure that has no size of its own."""
    caption: str = ""
    """A split map's figures: the part's title (`Overview`, `Part 2: ...`)."""


def figure_format(writer: str, engine: str | None) -> str:
    """`svg`, `png` or `pdf`: what Pandoc's `writer` places best. PDF needs the system
    Graphviz: without it (or with the embedded engine asked for) LaTeX gets PNG."""
    if writer in SVG_WRITERS:
        return "svg"
    if writer in PDF_WRITERS and engine != "embedded" and find_dot() is not None:
        return "pdf"
    return "png"


@dataclass(frozen=True)
class Drawn:
    """A block's figures in reading order, and the statements a split left out (why each)."""

    pictures: list[Picture]
    refused: list[str]


def draw_block(
    spec: BlockSpec, body: str, folder: Path, fmt: str, settings: Settings, name: str
) -> Drawn:
    """The block's figures in reading order (a split map's overview and parts, every part
    that fits even when a statement cannot be drawn alone); BlockProblem when it cannot be
    drawn at all."""
    options = EmbedOptions(fit=settings.fit, min_font=settings.min_font)
    try:
        fit = block_fit(spec, options)
    except ValueError as error:
        raise BlockProblem(str(error)) from None
    if spec.split and fit is None:
        raise BlockProblem("`split` cuts the map into figures that each fit a page box, so "
                           "it needs one: remove `fit=none` or set `argmap-fit`")
    try:
        amap = load_block(spec, body, folder, project_root(folder), name)
    except BlockLoadError as error:
        if not error.own:
            raise BlockProblem(str(error)) from None
        lines = [format_diagnostic(d) for d in error.own] + error.reasons
        raise BlockProblem("the map has errors:\n" + "\n".join(lines)) from None
    engine = settings.engine or ("system" if fmt == "pdf" else "embedded")
    drawing = dataclasses.replace(
        render_options(spec, fit, dataclasses.replace(options, engine=engine,
                                                      timeout=settings.timeout), fmt),
        dpi=PRINT_DPI,
    )
    alt = amap.title or (Path(spec.src).stem if spec.src else "argument map")
    try:
        if not spec.split:
            figure = render_figure(amap, drawing)
            return Drawn([Picture(alt, figure.data, fmt, _printed(figure, fit))], [])
        done = split_figures(amap, drawing)
    except FitError as error:
        raise BlockProblem(
            fit_advice(error, fit, settings.min_font, spec.split, flag=".split")
        ) from None
    except ArgmapError as error:
        raise BlockProblem(f"cannot draw the map: {error}") from None
    refused = [refusal.message for refusal in done.refused]
    if len(done.figures) == 1:
        only = done.figures[0].figure
        return Drawn([Picture(alt, only.data, fmt, _printed(only, fit))], refused)
    return Drawn([Picture(f"{alt}: {part.title}", part.figure.data, fmt,
                          _printed(part.figure, fit), part.title)
                  for part in done.figures], refused)


def _printed(figure: Figure, fit: PageBox | None) -> tuple[float, float] | None:
    """The width and height a figure prints at: the page box's own width or height where it
    was scaled to it (the SVG records its size to a hundredth of a pt). Both are given to
    Pandoc: from the width alone Word takes the height from the PNG's pixels, rounded, and
    a figure as tall as the page box came out a pt taller."""
    if figure.size is None:
        return None
    width, height = figure.size.width, figure.size.height
    if fit is not None and abs(width - fit[0]) < FIT_SLACK:
        width = fit[0]
    if fit is not None and fit[1] is not None and abs(height - fit[1]) < FIT_SLACK:
        height = fit[1]
    return width, height
