"""`--fit`: page boxes, and the search for the drawing that prints inside one with the
largest text."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from argmap.errors import RenderError
from argmap.render.measure import POINTS, FigureSize, measure_svg
from argmap.render.style import Layout

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.render.render import RenderOptions

logger = logging.getLogger(__name__)
DEFAULT_MIN_FONT = 8.0
# The floor of the secondary text (IDs, tags, attribution, the legend), in pt.
SMALL_FONT = 6.0
# Text widths of common pages (the width a figure gets in a report), in pt.
PAGES = {
    "a4": 16 * POINTS["cm"],
    "letter": 6.5 * POINTS["in"],
    "a5": 11 * POINTS["cm"],
    "slide": 25 * POINTS["cm"],
}
# Text blocks of the same pages (width, height) in pt: A4 with 2.5 cm margins, US letter
# with 1 in margins, A5 with 1.9 cm ones, a 16:9 slide below its title.
PAGE_BOXES = {
    "a4": (16 * POINTS["cm"], 24.7 * POINTS["cm"]),
    "letter": (6.5 * POINTS["in"], 9 * POINTS["in"]),
    "a5": (11 * POINTS["cm"], 17 * POINTS["cm"]),
    "slide": (25 * POINTS["cm"], 14 * POINTS["cm"]),
}
# Maps with more drawn nodes than this try only the default and the narrowest drawing:
# each layout of a big map takes seconds.
BIG_MAP = 300
_LENGTH = re.compile(r"\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(pt|in|cm|mm)\s*$", re.IGNORECASE)
_BOX = re.compile(
    r"\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(pt|in|cm|mm)?\s*[x×]"
    r"\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(pt|in|cm|mm)\s*$",
    re.IGNORECASE,
)
_TIGHT = (("nodesep", '"0.15"'), ("ranksep", '"0.3"'))
STATEMENT_FONT = 12.0  # pt: the size of a statement's text in the DOT (a conclusion's is 14)
CHARACTER = 0.4  # em: narrower than any text's average character in argmap's font
BOX_MARGINS = 23.0 * 10.0  # pt²: a statement box's margins (0.16 × 0.07 in a side) at least


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


def parse_page(text: str) -> tuple[float, float | None]:
    """A page box in pt, (width, height): a page's text block (`a4` is 453.5 × 700 pt),
    `WxH` in one unit (`16x24cm`) or two (`6in x 20cm`), or a single width (no height
    limit); ValueError says what is accepted."""
    box = PAGE_BOXES.get(text.strip().lower())
    if box is not None:
        return box
    match = _BOX.match(text)
    if match is None:
        return parse_width(text), None
    width, height = float(match.group(1)), float(match.group(3))
    unit = match.group(4).lower()
    if width <= 0 or height <= 0:
        raise ValueError(
            f"`{text}` is not a page box: give a width and height above 0 (16x24cm), a page "
            f"or a width such as 16cm"
        )
    return width * POINTS[(match.group(2) or unit).lower()], height * POINTS[unit]


def describe_box(width: float, height: float | None) -> str:
    """`454 × 700 pt`, or `454 pt` wide when there is no height limit."""
    return f"{width:.0f} pt" if height is None else f"{width:.0f} × {height:.0f} pt"


@dataclass(frozen=True)
class Candidate:
    """One drawing the search tries: what it changes, and the options that draw it."""

    name: str
    options: RenderOptions


def candidates(options: RenderOptions, size: int) -> list[Candidate]:
    """The drawings to try, from the one asked for to the narrowest: tighter spacing and
    the title and ID lines wrapped, narrower text, no section frames, narrower text still,
    the supports of a statement stacked two high, left to right (unless a direction was asked
    for), the narrowest text with supports stacked three high and attacks that do not
    rank their ends. The legend stays in each (`--legend none` leaves it out): a figure
    without it loses the key to its lines. A map of more than BIG_MAP nodes tries only the
    first and the last."""
    wrap = options.wrap
    tight = Layout(graph=_TIGHT, wrap_all=True)
    flat = replace(tight, clusters=False)
    bare = replace(options, wrap=min(wrap, 14), layout=flat)
    tries = [
        Candidate("as asked", options),
        Candidate("tight spacing", replace(options, wrap=min(wrap, 20), layout=tight)),
        Candidate("narrow text", replace(options, wrap=min(wrap, 16), layout=tight)),
        Candidate("no section frames", replace(options, wrap=min(wrap, 16), layout=flat)),
        Candidate("narrower text", bare),
        Candidate("stacked supports", replace(bare, layout=replace(flat, stagger=2))),
    ]
    if options.direction is None:
        across = replace(bare, direction="LR", wrap=min(wrap, 16))
        tries.append(Candidate("left to right", across))
    narrowest = replace(flat, stagger=3, attacks_rank=False)
    tries.append(Candidate("narrowest", replace(bare, wrap=min(wrap, 12), layout=narrowest)))
    return [tries[0], tries[-1]] if size > BIG_MAP else tries


def text_bound(amap: ArgumentMap, nodes: Collection[str], options: RenderOptions) -> float | None:
    """The largest size a statement's text could print at if the drawn statements' boxes
    filled the page box with no room between them (None without a page height): a bound
    no drawing beats, from the text alone, without laying anything out."""
    if options.fit is None or options.fit_height is None:
        return None
    area = 0.0
    for node in nodes:
        data = amap.graph.nodes[node]
        if amap.is_statement(node):
            # Each character at least CHARACTER em wide and a line high, in a box with
            # Graphviz's margins around it, at the statements' font size.
            area += len(data["text"]) * CHARACTER * STATEMENT_FONT**2 + BOX_MARGINS
    if area == 0:
        return None
    return STATEMENT_FONT * math.sqrt(options.fit * options.fit_height / area)


def printed(size: FigureSize, width: float, height: float | None = None) -> FigureSize:
    """How a figure of natural `size` prints when placed at most `width` pt wide and (when
    given) `height` pt high."""
    scale = min(1.0, width / size.width)
    if height is not None:
        scale = min(scale, height / size.height)
    return size.scaled(scale)


def readable(size: FigureSize, min_font: float) -> bool:
    """Whether a printed figure's statement and warrant text is `min_font` pt or more, and
    its other text (IDs, tags, legend) SMALL_FONT pt or more (`min_font` if lower)."""
    text_ok = size.text is None or size.text >= min_font - 0.005
    floor = min(SMALL_FONT, min_font)
    return text_ok and (size.small is None or size.small >= floor - 0.005)


@dataclass(frozen=True)
class Fitted:
    """The drawing the search kept: its options, its SVG at natural size, and how it prints."""

    candidate: Candidate
    svg: bytes
    size: FigureSize


def search(
    options: RenderOptions, draw: Callable[[Sequence[RenderOptions]], list[bytes]], size: int,
    hopeless: float = 0.0,
) -> Fitted:
    """The candidate whose text prints largest inside the page box (`options.fit` pt wide,
    `options.fit_height` high), if that is `options.min_font` pt or more (`draw` gives
    candidates' SVGs at natural size, laid out together, `size` is the number of nodes
    drawn). A drawing that prints at its natural size cannot be beaten and ends the search.
    FitError when none fits, naming the floor the best drawing would pass; early, once the
    first two drawings (drawn before the others) print below `hopeless` times the floor
    (`--split` cuts such a map at once)."""
    assert options.fit is not None
    width, height, min_font = options.fit, options.fit_height, options.min_font
    tries = candidates(options, size)
    first = [candidate for candidate in tries if candidate.name == options.fit_first]
    if first:
        (svg,) = draw([first[0].options])
        result = printed(measure_svg(svg), width, height)
        if readable(result, min_font):
            return Fitted(first[0], svg, result)
    head = draw([candidate.options for candidate in tries[: 2 if hopeless else len(tries)]])
    return pick(options, tries, head, lambda rest: draw([each.options for each in rest]),
                hopeless)


def pick(
    options: RenderOptions, tries: Sequence[Candidate], drawn: Sequence[bytes],
    more: Callable[[Sequence[Candidate]], list[bytes]], hopeless: float = 0.0,
) -> Fitted:
    """`search`'s choice among `tries` (see there), `drawn` the SVGs of the first of them
    and `more` a function that draws the rest when the choice needs them."""
    assert options.fit is not None
    width, height, min_font = options.fit, options.fit_height, options.min_font
    best: tuple[FigureSize, Candidate, bytes] | None = None
    svgs = list(drawn)
    for index, candidate in enumerate(tries):
        if index == len(svgs):
            svgs += more(tries[index:])
        svg = svgs[index]
        natural = measure_svg(svg)
        result = printed(natural, width, height)
        logger.debug("fit: `%s` prints at %s", candidate.name, result.describe())
        if result.text is None or result.width >= natural.width - 0.005:
            logger.info("fit: kept `%s`: it prints at its natural size", candidate.name)
            return Fitted(candidate, svg, result)  # no text to shrink, or not shrunk
        if best is None or (best[0].text or 0) < result.text:
            best = (result, candidate, svg)
        if candidate is tries[min(1, len(tries) - 1)] and (best[0].text or 0) < hopeless * min_font:
            break
    assert best is not None
    reached, candidate, svg = best
    if reached.text is not None and readable(reached, min_font):
        logger.info("fit: kept `%s`: its text prints largest of %d", candidate.name, len(tries))
        return Fitted(candidate, svg, reached)
    text = reached.text or 0.0
    small = reached.small
    # The floor that would pass: the text's size, or the small text's when that is under
    # SMALL_FONT (the small text must then reach the floor itself).
    passing = text if small is None or small >= SMALL_FONT else min(text, small)
    floor = math.floor(passing * 10 + 1e-6) / 10
    advice = f"--min-font {floor:g}" if floor >= 1 else "a bigger page box"
    shown = math.floor(text * 10 + 1e-6) / 10
    also = "" if small is None else f", its IDs and legend at {small:.1f} pt"
    raise FitError(
        f"does not fit {describe_box(width, height)} with text of {min_font:g} pt: the best "
        f"of {len(tries)} drawings ({candidate.name}) prints its text at {shown:.1f} pt{also} "
        f"({reached.width:.0f} × {reached.height:.0f} pt; `{advice}` would pass); cut it "
        f"into figures with --split -o FOLDER/, or draw part of it with --section, --focus "
        f"or --tag",
        reached,
    )
