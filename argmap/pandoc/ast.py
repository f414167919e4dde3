"""Pandoc's JSON document tree: reading metadata and code, making images and figures."""

from __future__ import annotations

from typing import Any

Node = dict[str, Any]
FIGURE_API = (1, 23)
"""From this version of Pandoc's document tree on, a figure is a block of its own."""


def api_version(document: Node) -> tuple[int, ...]:
    """The version of the document tree Pandoc sent (and expects back)."""
    return tuple(int(part) for part in document.get("pandoc-api-version", ()))


def stringify(value: Any) -> str:
    """The plain text of a metadata value or a list of inlines."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(stringify(item) for item in value)
    if isinstance(value, dict):
        kind = value.get("t")
        if kind in ("Space", "SoftBreak", "LineBreak"):
            return " "
        if kind == "MetaBool":
            return "true" if value.get("c") else "false"
        if kind in ("Code", "Math"):
            return stringify(value.get("c", [None, ""])[1])
        return stringify(value.get("c", ""))
    return ""


def meta_text(document: Node, name: str) -> str | None:
    """The metadata field `name` as text, or None when the document does not set it."""
    meta = document.get("meta") or {}
    if name not in meta:
        return None
    return stringify(meta[name]).strip()


def inlines(text: str) -> list[Node]:
    """`text` as Pandoc inlines: words and spaces."""
    out: list[Node] = []
    for word in text.split():
        if out:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": word})
    return out


def image(identifier: str, alt: str, target: str, attributes: list[list[str]],
          title: str = "") -> Node:
    """An Image inline."""
    return {"t": "Image", "c": [[identifier, [], attributes], inlines(alt), [target, title]]}


def paragraph(content: list[Node]) -> Node:
    return {"t": "Para", "c": content}


def figure(version: tuple[int, ...], identifier: str, caption: str, alt: str, target: str,
           attributes: list[list[str]]) -> Node:
    """A captioned figure: Pandoc's Figure block, or (before it existed) a paragraph of one
    image whose title is `fig:`, which Pandoc's writers take for a figure (its alt text
    then is the caption)."""
    if version >= FIGURE_API:
        picture = image("", alt, target, attributes)
        body = [{"t": "Plain", "c": [picture]}]
        return {"t": "Figure",
                "c": [[identifier, [], []], [None, [{"t": "Plain", "c": inlines(caption)}]],
                      body]}
    return paragraph([image(identifier, caption, target, attributes, "fig:")])
