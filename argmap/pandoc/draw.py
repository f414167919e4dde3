"""Drawing one block for Pandoc: its figures in the format the output takes, and their width."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from argmap.check_output.snippet import format_diagnostic
from argmap.embed.attributes import BlockAttributeError, BlockSpec
from argmap.embed.boundary import project_root, resolve_src
from argmap.embed.document import (
    EmbedOptions,
    block_fit,
    fit_advice,
    not_a_map,
    render_options,
)
from argmap.errors import ArgmapError, MapFileError, ParseError
from argmap.language.loader import load_file, parse_text
from argmap.model import ArgumentMap
from argmap.render.fit import DEFAULT_MIN_FONT, PAGES, FitError
from argmap.render.render import Figure, render_figure
from argmap.render.split import split_map
from argmap.render.system import find_dot

PRINT_DPI = 300
FIT_SLACK = 0.02
"""pt: a figure this close to the fitted width was scaled to it."""
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

    fit: float | None = PAGES["a4"]
    min_font: float = DEFAULT_MIN_FONT
    engine: str | None = None
    """None: the embedded Graphviz, but PDF (for LaTeX) with the system one when installed."""
    timeout: float = 60.0


@dataclass(frozen=True)
class Picture:
    """One figure of a block: its title, bytes and format, and the width it prints at (pt)."""

    title: str
    data: bytes
    fmt: str
    width: float | None
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


def draw_block(
    spec: BlockSpec, body: str, folder: Path, fmt: str, settings: Settings, name: str
) -> list[Picture]:
    """The block's figures in reading order (a split map's overview and parts);
    BlockProblem when it cannot be drawn."""
    options = EmbedOptions(fit=settings.fit, min_font=settings.min_font)
    try:
        fit = block_fit(spec, options)
    except ValueError as error:
        raise BlockProblem(str(error)) from None
    if spec.split and fit is None:
        raise BlockProblem("`split` cuts the map into figures that each fit a width, so it "
                           "needs one: remove `fit=none` or set `argmap-fit`")
    amap = load_block(spec, body, folder, name)
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
            return [Picture(alt, figure.data, fmt, _width(figure, fit))]
        parts = split_map(amap, drawing)
    except FitError as error:
        raise BlockProblem(
            fit_advice(error, fit, settings.min_font, spec.split, flag=".split")
        ) from None
    except ArgmapError as error:
        raise BlockProblem(f"cannot draw the map: {error}") from None
    if len(parts) == 1:
        only = parts[0].figure
        return [Picture(alt, only.data, fmt, _width(only, fit))]
    return [Picture(f"{alt}: {part.title}", part.figure.data, fmt, _width(part.figure, fit),
                    part.title) for part in parts]


def _width(figure: Figure, fit: float | None) -> float | None:
    """The width a figure prints at: the fitted width itself when it was scaled to it (the
    SVG records its size to a hundredth of a pt), else its own."""
    if figure.size is None:
        return None
    if fit is not None and abs(figure.size.width - fit) < FIT_SLACK:
        return fit
    return figure.size.width


def load_block(spec: BlockSpec, body: str, folder: Path, name: str) -> ArgumentMap:
    """The block's map: its `src` file (relative to `folder`, inside its project) or its
    text; BlockProblem saying why not."""
    if spec.src is not None:
        if body.strip():
            raise BlockProblem("a block with `src` draws that file, so its body must be "
                               "empty; remove `src` to draw the text in the block")
        try:
            return load_file(resolve_src(spec.src, folder, project_root(folder)))
        except BlockAttributeError as error:
            raise BlockProblem(str(error)) from None
        except MapFileError as error:
            raise BlockProblem(error.message) from None
        except ParseError as error:
            raise BlockProblem(not_a_map(spec.src, error)) from None
    try:
        return parse_text(body, name)
    except MapFileError as error:
        raise BlockProblem(error.message) from None
    except ParseError as error:
        own = [format_diagnostic(d) for d in error.errors if d.span.file == name]
        others = sorted({d.span.file for d in error.errors if d.span.file != name})
        lines = own + [not_a_map(other, ParseError(
            [d for d in error.errors if d.span.file == other])) for other in others]
        raise BlockProblem("the map has errors:\n" + "\n".join(lines)) from None
