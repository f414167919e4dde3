"""How big an SVG figure prints: its width and height in pt, its smallest statement or
warrant text, and its smallest other text (IDs, tags, legend, titles)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from argmap.errors import RenderError

# Points per unit of an SVG length (CSS: 96 px to the inch, 72 pt to the inch).
POINTS = {"pt": 1.0, "px": 0.75, "": 0.75, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}
_LENGTH = re.compile(r"\s*([0-9.]+)\s*(pt|px|in|cm|mm|)\s*$")
_SCALE = re.compile(rb"scale\(\s*([0-9.eE+-]+)")
_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")
_GROUP_OPEN = re.compile(rb"<g\b([^>]*)>")
# The groups whose text a reader must read: statements, warrants (inferences), and the
# stubs of a split map's parts and stand-ins (Graphviz writes `-` in attribute values as
# `&#45;`).
_TEXT_GROUP = re.compile(rb'<g\s[^>]*?\bid="(?:statement|inference|part|ref)(?:-|&#45;)')
_GROUP_TAG = re.compile(rb"<g\b|</g>")
_ANY_TEXT = re.compile(rb'<text\b[^>]*\sfont-size="([^"]+)"')
# The font size of a text that is not of the class `meta`.
_SIZED_TEXT = re.compile(
    rb'<text\b(?![^>]*\sclass="(?:[^"]*\s)?meta[\s"])[^>]*\sfont-size="([^"]+)"'
)


@dataclass(frozen=True)
class FigureSize:
    """A figure as printed: width and height in pt, the smallest statement, warrant (or
    stub) text in pt (None when it draws none), and the smallest of its other texts: IDs,
    tags and attribution, the legend, titles (None when it has none)."""

    width: float
    height: float
    text: float | None
    small: float | None = None

    def describe(self) -> str:
        """`453 × 310 pt, text 8.4 pt, small text 6.3 pt`: the size line `render` prints."""
        size = f"{self.width:.0f} × {self.height:.0f} pt"
        if self.text is not None:
            size = f"{size}, text {self.text:.1f} pt"
        return size if self.small is None else f"{size}, small text {self.small:.1f} pt"

    def scaled(self, scale: float) -> FigureSize:
        """The figure printed `scale` times its size."""
        text = None if self.text is None else self.text * scale
        small = None if self.small is None else self.small * scale
        return FigureSize(self.width * scale, self.height * scale, text, small)


def svg_length(value: str | None) -> float:
    """An SVG width or height in pt (`453pt`, `604px`, `604`, `16cm`)."""
    match = _LENGTH.match(value or "")
    if match is None:
        raise RenderError(f"the SVG has no usable size (`{value}`)")
    return float(match.group(1)) * POINTS[match.group(2)]


def measure_svg(svg: bytes) -> FigureSize:
    """The printed size of an argmap SVG: the root's width and height, the smallest font
    size of a statement's or a warrant's text (groups `statement-<ID>`, not their small
    `meta` ID line, and `inference-<N>`; and the stubs `part-<N>` of a split map), and the
    smallest of every other text, times the scale from the viewBox and the top group's
    transform to the page."""
    root = _SVG_OPEN.search(svg)
    if root is None:
        raise RenderError("the SVG cannot be read: it has no <svg> element")
    tag = root.group().decode("utf-8", errors="replace")
    width, height = svg_length(_attribute(tag, "width")), svg_length(_attribute(tag, "height"))
    box = [float(number) for number in (_attribute(tag, "viewBox") or "").replace(",", " ").split()]
    scale = width / box[2] if len(box) == 4 and box[2] > 0 else 1.0
    top = _GROUP_OPEN.search(svg, root.end())
    transform = _SCALE.search(top.group(1)) if top is not None else None
    if transform is not None:
        scale *= float(transform.group(1))
    sizes = _text_sizes(svg)
    others = Counter(map(float, _ANY_TEXT.findall(svg)))
    others.subtract(sizes)
    small = min((size for size, count in others.items() if count > 0), default=None)
    return FigureSize(
        width,
        height,
        min(sizes) * scale if sizes else None,
        small * scale if small is not None else None,
    )


def _text_sizes(svg: bytes) -> list[float]:
    """The font sizes of the texts in the groups of `_TEXT_GROUP`, without the meta lines.
    Read with patterns, not an XML parser: the SVG is ours (checked whole when the engine
    returned it), and building the tree of a big map's SVG took as long as the finishing."""
    sizes: list[float] = []
    position = 0
    while (group := _TEXT_GROUP.search(svg, position)) is not None:
        position = _group_end(svg, group.end())
        sizes += map(float, _SIZED_TEXT.findall(svg, group.end(), position))
    return sizes


def _group_end(svg: bytes, start: int) -> int:
    """Where the group open at `start` closes, after any group nested in it."""
    depth = 1
    for tag in _GROUP_TAG.finditer(svg, start):
        depth += -1 if tag.group() == b"</g>" else 1
        if depth == 0:
            return tag.start()
    return len(svg)


def place(svg: bytes, width: float) -> bytes:
    """The SVG printed `width` pt wide (height in proportion): the root's width and height
    rewritten in pt; the viewBox keeps the drawing's own coordinates."""
    text = svg.decode("utf-8")
    root = re.search(r"<svg\b[^>]*>", text)
    if root is None:
        raise RenderError("the SVG has no <svg> element")
    tag = root.group()
    old_width = svg_length(_attribute(tag, "width"))
    height = svg_length(_attribute(tag, "height")) * width / old_width
    tag = re.sub(r'\swidth="[^"]*"', f' width="{width:.2f}pt"', tag, count=1)
    tag = re.sub(r'\sheight="[^"]*"', f' height="{height:.2f}pt"', tag, count=1)
    return (text[: root.start()] + tag + text[root.end() :]).encode("utf-8")


def _attribute(tag: str, name: str) -> str | None:
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    return match.group(1) if match else None
