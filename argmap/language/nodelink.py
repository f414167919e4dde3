"""The map as networkx node-link data: what `argmap show --format json` prints."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from argmap.errors import Span
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


def document_as_written(amap: ArgumentMap) -> str | None:
    """The `@document` path as the map gives it (relative to the map), if any."""
    if amap.document_written is not None:
        return amap.document_written
    return amap.document.as_posix() if amap.document is not None else None


def node_link(amap: ArgumentMap) -> dict[str, Any]:
    """networkx node-link data with every attribute, and map metadata under "graph"; its
    Spans and paths are written by `json_value`."""
    return {
        "directed": True,
        "multigraph": False,
        "graph": _graph(amap),
        "nodes": list(_nodes(amap)),
        "links": list(_links(amap)),
    }


def _graph(amap: ArgumentMap) -> dict[str, Any]:
    graph: dict[str, Any] = amap.graph.graph
    return graph | {
        "title": amap.title,
        "author": amap.author,
        "date": amap.date,
        "sources": list(amap.sources),
        "document": document_as_written(amap),
        "sections": [{"title": s.title, "span": s.span} for s in amap.sections],
    }


# The same keys and values as networkx.node_link_data (edges="links"), built directly:
# networkx's version copies the graph first. The model's own dicts, with the id fields
# added, go to the encoder as they are.
def _nodes(amap: ArgumentMap) -> Iterator[dict[str, Any]]:
    return ({**data, "id": node} for node, data in amap.graph.nodes(data=True))


def _links(amap: ArgumentMap) -> Iterator[dict[str, Any]]:
    return (
        {**data, "source": source, "target": target}
        for source, targets in amap.graph.adjacency()
        for target, data in targets.items()
    )


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
        data = node_link(amap)
        yield json_text(data, sort_keys=True, indent=indent, default=json_value) + "\n"
        return
    yield '{"directed":true,"graph":' + _compact([_graph(amap)])[1:-1]
    yield ',"links":['
    yield from _array(_links(amap))
    yield '],"multigraph":false,"nodes":['
    yield from _array(_nodes(amap))
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
