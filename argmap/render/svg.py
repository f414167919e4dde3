"""Finishing Graphviz's SVG for embedding: an accessible title, full-text tooltips, small IDs."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from argmap.render.fonts import FONT_STACK, font_face
from argmap.render.quoting import xml_multiline, xml_text

META_FONT_SIZE = "9.00"
# Every text is in the one font Graphviz measured (render/fonts.py), whatever name the
# engine wrote (`Arial`; older argmap DOT said `Helvetica,sans-Serif`).
_FONT_FAMILY = re.compile(rb'font-family="[^"]*"')
FONT_FAMILY = f'font-family="{FONT_STACK}"'

# The SVG is finished as bytes, in one pass: a big map's SVG is tens of megabytes, and
# decoding it (to two bytes a character, once it holds an arrow or an accent), copying it
# once per change and encoding it again took as long as the finishing itself.
_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")
_GRAPH_TITLE = re.compile(rb'(<g id="graph0" class="graph"[^>]*>\n<title>)[^<]*(</title>)')
# Graphviz writes `-` in attribute values as `&#45;`.
_NODE_GROUP = re.compile(
    rb'<g id="(statement|inference|attack|section)&#45;([^"]+)" class="([^"]*)">\n'
    rb"<title>[^<]*</title>"
)
_FONT_SIZE = re.compile(rb' font-size="[^"]*"')
_FILL = re.compile(rb' fill="[^"]*"')
_TEXT = re.compile(rb"<text([^>]*)>([^<]*)")
_TEXT_BODY = re.compile(rb"<text[^>]*>([^<]*)")


def finish_svg(
    svg: bytes, title: str, tooltips: Mapping[str, str], meta_colour: str
) -> bytes:
    """Graphviz's SVG with `role="img"`, an `aria-label` and a `<title>` on the root, the
    full text of each node as its `<title>` (browsers show it as the tooltip), the last
    line of each statement (its ID and tags) set small in `meta_colour`, and the subset of
    the font that its text uses."""
    svg = _one_font(svg)
    label = xml_text(title).encode("utf-8")
    parts: list[bytes] = []
    position = 0
    root = _SVG_OPEN.search(svg)
    if root is not None:
        tag = root.group()
        parts += [svg[: root.start()], tag[:4], b' role="img" aria-label="', label, b'"']
        parts += [tag[4:], b"\n<title>", label, b"</title>", _font_style(svg)]
        position = root.end()
    heading = _GRAPH_TITLE.search(svg, position)
    if heading is not None:
        parts += [svg[position : heading.start()], heading.group(1), label, heading.group(2)]
        position = heading.end()
    _finish_nodes(svg, position, parts, tooltips, meta_colour.encode("utf-8"))
    return b"".join(parts)


def _one_font(svg: bytes) -> bytes:
    wanted = FONT_FAMILY.encode()
    # Both engines write the DOT's `Arial` everywhere: replaced as plain bytes, four
    # times as fast as the pattern, which is left for the SVGs that name other fonts.
    written = svg.count(b'font-family="Arial"')
    if written == svg.count(b'font-family="'):
        return svg.replace(b'font-family="Arial"', wanted)
    return _FONT_FAMILY.sub(wanted, svg)


_FONT_STYLE = re.compile(r'\n<defs><style type="text/css">@font-face\{[^<]*</style></defs>')


def without_font(svg: str) -> str:
    """The SVG without its embedded font (for a page that carries the font itself)."""
    return _FONT_STYLE.sub("", svg, count=1)


def text_characters(svg: str) -> set[str]:
    """The characters the SVG's text draws."""
    return _characters(svg.encode("utf-8"))


def _characters(svg: bytes) -> set[str]:
    # One text of all texts, unescaped at once: entities always end in `;` in XML, so
    # none reaches across two texts.
    return set(html.unescape(b"".join(_TEXT_BODY.findall(svg)).decode("utf-8")))


def _font_style(svg: bytes) -> bytes:
    """The subset of the font that the SVG's text uses, as an `@font-face` in a `<style>`
    (placed after the root's title): every viewer then draws the letters Graphviz measured."""
    rule = font_face(_characters(svg))
    if not rule:
        return b""
    return f'\n<defs><style type="text/css">{rule}</style></defs>'.encode()


def _finish_nodes(
    svg: bytes,
    position: int,
    parts: list[bytes],
    tooltips: Mapping[str, str],
    meta_colour: bytes,
) -> None:
    """`svg` from `position` on, its nodes finished, appended to `parts`."""
    for match in _NODE_GROUP.finditer(svg, position):
        kind, name = match.group(1).decode(), match.group(2).decode("utf-8")
        node = name if kind == "statement" else f"{kind}-{name}"
        end = svg.find(b"</g>", match.end())
        body = svg[match.end() : end]
        if kind == "statement":
            body = _small_meta_lines(body, html.unescape(name), meta_colour)
        head = match.group().rsplit(b"<title>", 1)[0]
        tooltip = xml_multiline(tooltips.get(node, node)).encode("utf-8")
        parts += [svg[position : match.start()], head, b"<title>", tooltip, b"</title>", body]
        position = end
    parts.append(svg[position:])


def _small_meta_lines(body: bytes, node: str, colour: bytes) -> bytes:
    """The meta lines set small: from the last line that starts with the statement's ID
    (the meta line, or the first of them when `--fit` wraps it) to the end."""
    texts = list(_TEXT.finditer(body))
    first = len(texts) - 1
    for index in range(len(texts) - 1, -1, -1):
        if html.unescape(texts[index].group(2).decode("utf-8")).startswith(node):
            first = index
            break
    if first < 0:
        return body
    parts: list[bytes] = []
    position = 0
    for match in texts[first:]:
        attributes = _FILL.sub(b"", _FONT_SIZE.sub(b"", match.group(1)))
        tag = b'<text class="meta"%s fill="%s" font-size="%s">' % (
            attributes,
            colour,
            META_FONT_SIZE.encode(),
        )
        parts += [body[position : match.start()], tag]
        position = match.start(2)
    parts.append(body[position:])
    return b"".join(parts)
