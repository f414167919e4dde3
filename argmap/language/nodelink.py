"""The map as networkx node-link data: what `argmap show --format json` prints."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from argmap.errors import Span
from argmap.language.syntax import Directive, SourceFile
from argmap.model import ArgumentMap
from argmap.visible import json_text, visible_json


def json_value(value: object) -> Any:
    """What JSON writes for a value of the model it cannot write itself: a Span as a dict,
    a path as a string (json's `default`: its C encoder walks everything else)."""
    if isinstance(value, Span):
        return value.to_dict()
    if isinstance(value, Path):
        return value.as_posix()
    raise TypeError(f"{type(value).__name__} is not part of a map's JSON")


def to_jsonable(value: Any) -> Any:
    """Spans become dicts and paths strings, inside lists and dicts too."""
    if isinstance(value, (Span, Path)):
        return json_value(value)
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
    return {
        "directed": True,
        "multigraph": False,
        "graph": _graph(amap),
        "nodes": [_node(node, data) for node, data in amap.graph.nodes(data=True)],
        "links": [_link(u, v, data) for u, v, data in amap.graph.edges(data=True)],
    }


def _graph(amap: ArgumentMap) -> dict[str, Any]:
    graph: dict[str, Any] = to_jsonable(amap.graph.graph)
    return graph | {
        "title": amap.title,
        "author": amap.author,
        "date": amap.date,
        "sources": list(amap.sources),
        "document": document_as_written(amap),
        "sections": [{"title": s.title, "span": s.span.to_dict()} for s in amap.sections],
    }


# The same keys and values as networkx.node_link_data (edges="links"), built directly:
# networkx's version copies the graph first, and argmap would convert it again for JSON.
def _node(node: str, data: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = to_jsonable(data)
    item["id"] = node
    return item


def _link(source: str, target: str, data: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = to_jsonable(data)
    item["source"], item["target"] = source, target
    return item


def node_link_json(amap: ArgumentMap, indent: int | None = 2) -> str:
    """`node_link` as JSON text: sorted keys, non-ASCII kept, final newline; indented by
    `indent` spaces, or compact (one line) when None."""
    return "".join(node_link_chunks(amap, indent))


CHUNK = 2000
"""Nodes or links encoded per piece of streamed output."""


def node_link_chunks(amap: ArgumentMap, indent: int | None = None) -> Iterator[str]:
    """`node_link_json` in pieces, so that a big map is written as it is encoded, never
    held whole as JSON text. Compact output (no spaces) is encoded by orjson, four times
    as fast as json's C encoder on a big map (json's indented output falls back to its
    pure-Python encoder: it is for reading on a terminal)."""
    if indent is not None:
        yield json_text(node_link(amap), sort_keys=True, indent=indent) + "\n"
        return
    yield '{"directed":true,"graph":' + _compact([_graph(amap)])[1:-1]
    yield ',"links":['
    # The model's own dicts, with the id fields added, go to the encoder as they are.
    successors: dict[str, dict[str, dict[str, Any]]] = amap.graph._succ  # edges() without views
    links = (
        {**data, "source": u, "target": v}
        for u, targets in successors.items()
        for v, data in targets.items()
    )
    yield from _array(links)
    yield '],"multigraph":false,"nodes":['
    yield from _array({**data, "id": node} for node, data in amap.graph.nodes(data=True))
    yield "]}\n"


def _array(items: Iterator[dict[str, Any]]) -> Iterator[str]:
    first = True
    while batch := list(itertools.islice(items, CHUNK)):
        text = _compact(batch)[1:-1]  # the items without the brackets
        yield text if first else "," + text
        first = False


def _compact(items: list[Any]) -> str:
    """A list as compact JSON with sorted keys (a Span's too: orjson would write a
    dataclass's fields in their own order)."""
    import orjson

    options = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS
    encoded = orjson.dumps(items, default=json_value, option=options)
    return visible_json(encoded.decode())
