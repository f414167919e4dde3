"""Export to GraphML (yEd, Gephi, Cytoscape) through networkx, attributes flattened to scalars.

GraphML attributes hold strings, numbers and booleans only: lists are joined with ` | `,
the `attributes` dict becomes one attribute per key, a span becomes `file:line:column`.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.errors import Span
from argmap.model import ArgumentMap

LIST_SEPARATOR = " | "


def flat(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    """One node's or edge's attributes as GraphML scalars; empty values are left out."""
    result: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if key == "attributes" and isinstance(value, dict):
            for name, item in value.items():
                if item is not None:
                    result[name] = _scalar(item)
        elif key == "quote_spans":
            continue
        elif value is not None and value != [] and value != "":
            result[key] = _scalar(value)
    return result


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Span):
        return f"{value.file}:{value.line}:{value.column}"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(_scalar(item)) for item in value)
    return str(value)


def write_graphml(amap: ArgumentMap) -> str:
    """The map's graph as GraphML text; statement text also as `label` for yEd and Gephi."""
    graph = nx.DiGraph()
    graph.graph.update(
        {key: value for key, value in (("title", amap.title), ("author", amap.author),
                                       ("date", amap.date)) if value}
    )
    for node, data in amap.graph.nodes(data=True):
        attributes = flat(data)
        attributes["label"] = str(data.get("text") or data.get("warrant") or node)
        graph.add_node(node, **attributes)
    for source, target, data in amap.graph.edges(data=True):
        graph.add_edge(source, target, **flat(data))
    return "\n".join(nx.generate_graphml(graph, prettyprint=True)) + "\n"
