"""The map as networkx node-link data: what `argmap show --format json` prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from argmap.errors import Span
from argmap.language.syntax import Directive, SourceFile
from argmap.model import ArgumentMap
from argmap.visible import json_text


def to_jsonable(value: Any) -> Any:
    """Spans become dicts and paths strings, inside lists and dicts too."""
    if isinstance(value, Span):
        return value.to_dict()
    if isinstance(value, Path):
        return value.as_posix()
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(item) for item in value]
    return value


def document_as_written(amap: ArgumentMap) -> str | None:
    """The `@document` path as the map gives it (relative to the map), if any."""
    top = amap.syntax[0] if amap.syntax else None
    if isinstance(top, SourceFile):
        for node in top.nodes:
            if isinstance(node, Directive) and node.name == "document":
                return node.value
    return amap.document.as_posix() if amap.document is not None else None


def node_link(amap: ArgumentMap) -> dict[str, Any]:
    """networkx node-link data with every attribute, and map metadata under "graph"."""
    import networkx as nx  # here, so that the text output of `show` does not import it

    try:
        data = nx.node_link_data(amap.graph, edges="links")
    except TypeError:  # networkx < 3.4 has no `edges` keyword and always says "links"
        data = nx.node_link_data(amap.graph)
    # A new dict: node_link_data hands out the graph's own attribute dict, not a copy.
    data["graph"] = {
        **data["graph"],
        "title": amap.title,
        "author": amap.author,
        "date": amap.date,
        "sources": list(amap.sources),
        "document": document_as_written(amap),
        "sections": [{"title": s.title, "span": s.span} for s in amap.sections],
    }
    result: dict[str, Any] = to_jsonable(data)
    return result


def node_link_json(amap: ArgumentMap) -> str:
    """`node_link` as JSON text: sorted keys, indented by 2, non-ASCII kept, final newline."""
    return json_text(node_link(amap), sort_keys=True, indent=2) + "\n"
