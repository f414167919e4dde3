"""Export to GraphML (yEd, Gephi, Cytoscape) through networkx, attributes flattened to scalars.

GraphML attributes hold strings, numbers and booleans only: lists are joined with ` | `,
the `attributes` dict becomes one attribute per key, a span becomes `file:line:column`.
A character XML cannot hold is written as its escape (`\x01`), with a warning (xmltext).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

from argmap.convert.losses import Losses
from argmap.convert.xmltext import report_unsafe, xml_safe
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
                    result[xml_safe(name)] = _scalar(item)
        elif key == "quote_spans":
            continue
        elif value is not None and value != [] and value != "":
            result[key] = _scalar(value)
    return result


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Span):
        return xml_safe(f"{value.file}:{value.line}:{value.column}")
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(_scalar(item)) for item in value)
    return xml_safe(str(value))


def _texts(data: dict[str, Any]) -> Iterator[str]:
    """Every text in a node's attributes, as the map holds it (before `flat` escapes it)."""
    for value in data.values():
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, (list, tuple)):
            yield from (item for item in value if isinstance(item, str))
        elif isinstance(value, str):
            yield value


def write_graphml(amap: ArgumentMap, losses: Losses | None = None) -> str:
    """The map's graph as GraphML text; statement text also as `label` for yEd and Gephi."""
    graph = nx.DiGraph()
    graph.graph.update(
        {key: xml_safe(value) for key, value in (("title", amap.title), ("author", amap.author),
                                                 ("date", amap.date)) if value}
    )
    for node, data in amap.graph.nodes(data=True):
        attributes = flat(data)
        attributes["label"] = xml_safe(str(data.get("text") or data.get("warrant") or node))
        graph.add_node(xml_safe(node), **attributes)
    for source, target, data in amap.graph.edges(data=True):
        graph.add_edge(xml_safe(source), xml_safe(target), **flat(data))
    if losses is not None:
        report_unsafe(amap, losses, _texts, amap.graph.nodes(data=True))
    # networkx writes U+FFFE and U+FFFF as references (`&#65535;`), which XML refuses too:
    # every value is escaped above, before networkx sees it; the whole text once more after.
    return xml_safe("\n".join(nx.generate_graphml(graph, prettyprint=True))) + "\n"
