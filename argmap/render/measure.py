"""How big an SVG figure prints: its width and height in pt and its smallest statement text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from argmap.errors import RenderError

SVG_NS = "{http://www.w3.org/2000/svg}"
# Points per unit of an SVG length (CSS: 96 px to the inch, 72 pt to the inch).
POINTS = {"pt": 1.0, "px": 0.75, "": 0.75, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}
_LENGTH = re.compile(r"\s*([0-9.]+)\s*(pt|px|in|cm|mm|)\s*$")
# The groups whose text a reader must read: statements, and the stubs of a split map's parts.
TEXT_GROUPS = ("statement-", "part-")
_SCALE = re.compile(r"scale\(\s*([0-9.eE+-]+)")


@dataclass(frozen=True)
class FigureSize:
    """A figure as printed: width and height in pt, and the smallest statement (or stub)
    text in pt (None when it draws neither)."""

    width: float
    height: float
    text: float | None

    def describe(self) -> str:
        """`453 × 310 pt, text 8.4 pt`: the size line `render` prints."""
        size = f"{self.width:.0f} × {self.height:.0f} pt"
        return size if self.text is None else f"{size}, text {self.text:.1f} pt"


def svg_length(value: str | None) -> float:
    """An SVG width or height in pt (`453pt`, `604px`, `604`, `16cm`)."""
    match = _LENGTH.match(value or "")
    if match is None:
        raise RenderError(f"the SVG has no usable size (`{value}`)")
    return float(match.group(1)) * POINTS[match.group(2)]


def measure_svg(svg: bytes) -> FigureSize:
    """The printed size of an argmap SVG: the root's width and height, and the smallest
    font size of a statement's text (groups `statement-<ID>`, not their small `meta` ID
    line; and the stubs `part-<N>` of a split map) times the scale from the viewBox and
    the top group's transform to the page."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise RenderError(f"the SVG cannot be read: {error}") from None
    width, height = svg_length(root.get("width")), svg_length(root.get("height"))
    box = [float(number) for number in (root.get("viewBox") or "").replace(",", " ").split()]
    scale = width / box[2] if len(box) == 4 and box[2] > 0 else 1.0
    top = root.find(SVG_NS + "g")
    transform = _SCALE.search(top.get("transform") or "") if top is not None else None
    if transform is not None:
        scale *= float(transform.group(1))
    sizes = [
        float(text.get("font-size") or 0)
        for group in root.iter(SVG_NS + "g")
        if (group.get("id") or "").startswith(TEXT_GROUPS)
        for text in group.iter(SVG_NS + "text")
        if text.get("font-size") and "meta" not in (text.get("class") or "").split()
    ]
    return FigureSize(width, height, min(sizes) * scale if sizes else None)


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
