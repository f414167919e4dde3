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
_FONT_FAMILY = re.compile(r'font-family="[^"]*"')
FONT_FAMILY = f'font-family="{FONT_STACK}"'

_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_GRAPH_TITLE = re.compile(r'(<g id="graph0" class="graph"[^>]*>\n<title>)[^<]*(</title>)')
# Graphviz writes `-` in attribute values as `&#45;`.
_NODE_GROUP = re.compile(
    r'<g id="(statement|inference|attack|section)&#45;([^"]+)" class="([^"]*)">\n'
    r"<title>[^<]*</title>"
)
_FONT_SIZE = re.compile(r' font-size="[^"]*"')
_FILL = re.compile(r' fill="[^"]*"')
_TEXT = re.compile(r"<text([^>]*)>([^<]*)")


def finish_svg(
    svg: str, title: str, tooltips: Mapping[str, str], meta_colour: str
) -> str:
    """Graphviz's SVG with `role="img"`, an `aria-label` and a `<title>` on the root, the
    full text of each node as its `<title>` (browsers show it as the tooltip), and the last
    line of each statement (its ID and tags) set small in `meta_colour`."""
    svg = _accessible_root(_FONT_FAMILY.sub(FONT_FAMILY, svg), title)
    svg = _GRAPH_TITLE.sub(lambda m: m.group(1) + xml_text(title) + m.group(2), svg, count=1)
    return _embed_font(_finish_nodes(svg, tooltips, meta_colour))


_FONT_STYLE = re.compile(r'\n<defs><style type="text/css">@font-face\{[^<]*</style></defs>')


def without_font(svg: str) -> str:
    """The SVG without its embedded font (for a page that carries the font itself)."""
    return _FONT_STYLE.sub("", svg, count=1)


def text_characters(svg: str) -> set[str]:
    """The characters the SVG's text draws."""
    return {
        character
        for match in _TEXT.finditer(svg)
        for character in html.unescape(match.group(2))
    }


def _embed_font(svg: str) -> str:
    """The subset of the font that the SVG's text uses, as an `@font-face` in a `<style>`
    after the root's title: every viewer then draws the letters Graphviz measured."""
    rule = font_face(text_characters(svg))
    if not rule:
        return svg
    root = _SVG_OPEN.search(svg)
    anchor = svg.find("</title>", root.end()) if root is not None else -1
    if anchor < 0:
        return svg
    anchor += len("</title>")
    return svg[:anchor] + f'\n<defs><style type="text/css">{rule}</style></defs>' + svg[anchor:]


def _accessible_root(svg: str, title: str) -> str:
    match = _SVG_OPEN.search(svg)
    if match is None:
        return svg
    label = xml_text(title)
    tag = match.group()
    opened = tag[:4] + f' role="img" aria-label="{label}"' + tag[4:]
    return svg[: match.start()] + opened + f"\n<title>{label}</title>" + svg[match.end() :]


def _finish_nodes(svg: str, tooltips: Mapping[str, str], meta_colour: str) -> str:
    parts: list[str] = []
    position = 0
    for match in _NODE_GROUP.finditer(svg):
        kind, name = match.group(1), match.group(2)
        node = name if kind == "statement" else f"{kind}-{name}"
        end = svg.find("</g>", match.end())
        body = svg[match.end() : end]
        if kind == "statement":
            body = _small_meta_lines(body, html.unescape(name), meta_colour)
        head = match.group().rsplit("<title>", 1)[0]
        tooltip = xml_multiline(tooltips.get(node, node))
        parts.extend([svg[position : match.start()], head, f"<title>{tooltip}</title>", body])
        position = end
    parts.append(svg[position:])
    return "".join(parts)


def _small_meta_lines(body: str, node: str, colour: str) -> str:
    """The meta lines set small: from the last line that starts with the statement's ID
    (the meta line, or the first of them when `--fit` wraps it) to the end."""
    texts = list(_TEXT.finditer(body))
    first = len(texts) - 1
    for index in range(len(texts) - 1, -1, -1):
        if html.unescape(texts[index].group(2)).startswith(node):
            first = index
            break
    if first < 0:
        return body
    parts: list[str] = []
    position = 0
    for match in texts[first:]:
        attributes = _FILL.sub("", _FONT_SIZE.sub("", match.group(1)))
        tag = f'<text class="meta"{attributes} fill="{colour}" font-size="{META_FONT_SIZE}">'
        parts.extend([body[position : match.start()], tag])
        position = match.start(2)
    parts.append(body[position:])
    return "".join(parts)
