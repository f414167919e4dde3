"""`--fit`: page widths, and the search for a drawing that prints that wide with big enough text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from argmap.errors import RenderError
from argmap.render.measure import POINTS, FigureSize, measure_svg
from argmap.render.style import Layout

if TYPE_CHECKING:
    from argmap.render.render import RenderOptions

DEFAULT_MIN_FONT = 8.0
# Text widths of common pages (the width a figure gets in a report), in pt.
PAGES = {
    "a4": 16 * POINTS["cm"],
    "letter": 6.5 * POINTS["in"],
    "a5": 11 * POINTS["cm"],
    "slide": 25 * POINTS["cm"],
}
# Maps with more drawn nodes than this try only the default and the narrowest drawing:
# each layout of a big map takes seconds.
BIG_MAP = 300
_LENGTH = re.compile(r"\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(pt|in|cm|mm)\s*$", re.IGNORECASE)
_TIGHT = (("nodesep", '"0.15"'), ("ranksep", '"0.3"'))


class FitError(RenderError):
    """No drawing tried fits the width; `best` is how the closest one prints there."""

    def __init__(self, message: str, best: FigureSize) -> None:
        super().__init__(message)
        self.best = best


def parse_width(text: str) -> float:
    """A width in pt from `16cm`, `6.5in`, `453pt`, `120mm` or a page name (`a4`,
    `letter`, `a5`, `slide`); ValueError says what is accepted."""
    page = PAGES.get(text.strip().lower())
    if page is not None:
        return page
    match = _LENGTH.match(text)
    if match is None or float(match.group(1)) <= 0:
        names = ", ".join(PAGES)
        raise ValueError(
            f"`{text}` is not a width: give a length such as 16cm, 6.5in, 453pt or 120mm, "
            f"or a page: {names}"
        )
    return float(match.group(1)) * POINTS[match.group(2).lower()]


@dataclass(frozen=True)
class Candidate:
    """One drawing the search tries: what it changes, and the options that draw it."""

    name: str
    options: RenderOptions


def candidates(options: RenderOptions, size: int) -> list[Candidate]:
    """The drawings to try, from the one asked for to the narrowest: tighter spacing and
    the title and ID lines wrapped, narrower text, no section frames, no legend, the
    supports of a statement stacked two high, left to right (unless a direction was asked
    for), the narrowest text with supports stacked three high and attacks that do not
    rank their ends. A map of more than BIG_MAP nodes tries only the first and the last."""
    wrap = options.wrap
    tight = Layout(graph=_TIGHT, wrap_all=True)
    flat = replace(tight, clusters=False)
    bare = replace(options, wrap=min(wrap, 14), layout=flat, legend=False)
    tries = [
        Candidate("as asked", options),
        Candidate("tight spacing", replace(options, wrap=min(wrap, 20), layout=tight)),
        Candidate("narrow text", replace(options, wrap=min(wrap, 16), layout=tight)),
        Candidate("no section frames", replace(options, wrap=min(wrap, 16), layout=flat)),
        Candidate("no legend", bare),
        Candidate("stacked supports", replace(bare, layout=replace(flat, stagger=2))),
    ]
    if options.direction is None:
        across = replace(bare, direction="LR", wrap=min(wrap, 16))
        tries.append(Candidate("left to right", across))
    narrowest = replace(flat, stagger=3, attacks_rank=False)
    tries.append(Candidate("narrowest", replace(bare, wrap=min(wrap, 12), layout=narrowest)))
    return [tries[0], tries[-1]] if size > BIG_MAP else tries


def printed(size: FigureSize, width: float) -> FigureSize:
    """How a figure of natural `size` prints when placed at most `width` pt wide."""
    scale = min(1.0, width / size.width)
    text = None if size.text is None else size.text * scale
    return FigureSize(size.width * scale, size.height * scale, text)


@dataclass(frozen=True)
class Fitted:
    """The drawing the search kept: its options, its SVG at natural size, and how it prints."""

    candidate: Candidate
    svg: bytes
    size: FigureSize


def search(options: RenderOptions, draw: Callable[[RenderOptions], bytes], size: int) -> Fitted:
    """The first candidate whose text prints at `options.min_font` pt or more at
    `options.fit` pt wide (`draw` gives a candidate's SVG at natural size, `size` is the
    number of nodes drawn); FitError when none does."""
    assert options.fit is not None
    width, min_font = options.fit, options.min_font
    best: tuple[FigureSize, Candidate] | None = None
    tries = candidates(options, size)
    for candidate in tries:
        svg = draw(candidate.options)
        result = printed(measure_svg(svg), width)
        if result.text is None or result.text >= min_font - 0.005:
            return Fitted(candidate, svg, result)
        if best is None or (best[0].text or 0) < result.text:
            best = (result, candidate)
    assert best is not None
    reached, candidate = best
    raise FitError(
        f"does not fit {width:.0f} pt with text of {min_font:g} pt: the best of "
        f"{len(tries)} drawings ({candidate.name}) prints its text at {reached.text:.1f} pt "
        f"({reached.width:.0f} × {reached.height:.0f} pt); cut it into figures with --split "
        f"-o FOLDER/, or draw part of it with --section, --focus or --tag",
        reached,
    )
