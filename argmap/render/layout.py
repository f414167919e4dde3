"""Where the drawing's parts go: conclusions on the top rank, the legend out of the map's ranks."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from argmap.model import CONCLUSION, CONTRADICTS_EDGE, ArgumentMap

if TYPE_CHECKING:
    import networkx as nx


def edges_from(
    amap: ArgumentMap, nodes: Collection[str], *, into: bool = False
) -> Iterable[tuple[str, str, str]]:
    """The edges (source, target, kind) that leave `nodes` (with `into`: or end on one of
    them), in the map's order: what a pass over every edge, filtered, gives, without
    reading the edges of the rest of the map (a part of a split map is a small share)."""
    sources = set(nodes)
    if into:
        predecessors = amap.graph.pred
        for node in nodes:
            sources.update(predecessors[node])
    ordered = [node for node in amap.graph if node in sources]
    edges: Iterable[tuple[str, str, str]] = amap.graph.edges(ordered, data="kind")
    return edges


def ranked_graph(amap: ArgumentMap, nodes: set[str]) -> nx.DiGraph:
    """The drawn nodes with the edges that Graphviz ranks by (contradictions do not rank)."""
    import networkx as nx  # here: `render --help` starts without it

    graph: nx.DiGraph = nx.DiGraph()
    graph.add_nodes_from(node for node in amap.graph.nodes if node in nodes)
    graph.add_edges_from(
        (source, target)
        for source, target, kind in edges_from(amap, nodes)
        if kind != CONTRADICTS_EDGE and target in nodes
    )
    return graph


def top_conclusions(amap: ArgumentMap, nodes: set[str]) -> list[str]:
    """The drawn conclusions that lead nowhere in the drawing (no support or attack goes out
    of them to a drawn node): they share the last rank, on top of the map with the default
    direction. From one pass over the edges, without building the ranked graph."""
    leading = {
        source
        for source, target, kind in edges_from(amap, nodes)
        if kind != CONTRADICTS_EDGE and target in nodes
    }
    return [
        node
        for node, data in amap.graph.nodes(data=True)
        if data["kind"] == CONCLUSION and node in nodes and node not in leading
    ]


def legend_anchors(ranked: nx.DiGraph, after: bool) -> list[str]:
    """One node per connected part of the drawing (its `ranked_graph`), the one that
    Graphviz puts on the part's first rank (`after`: its last rank): the start (end) of the
    part's longest path. An invisible edge from the legend to each keeps the legend before
    all of the map's ranks, with one short edge per part rather than an edge (and a chain
    of virtual nodes) to every reason. Linear: strongly connected components, then one
    pass in topological order."""
    import networkx as nx

    graph = ranked
    if graph.number_of_nodes() == 0:
        return []
    if after:
        graph = graph.reverse(copy=False)
    dag = nx.condensation(graph)
    # The longest path from each component to a sink, filled from the sinks up.
    height: dict[int, int] = {}
    for component in reversed(list(nx.topological_sort(dag))):
        height[component] = 1 + max((height[c] for c in dag.successors(component)), default=-1)
    order = {node: index for index, node in enumerate(graph.nodes)}
    first = {
        component: min(dag.nodes[component]["members"], key=order.__getitem__)
        for component in dag.nodes
    }
    anchors = []
    for part in nx.weakly_connected_components(dag):
        # The highest component, the earliest in the map among equals (deterministic).
        deepest = max(part, key=lambda c: (height[c], -order[first[c]]))
        anchors.append(first[deepest])
    return sorted(anchors, key=order.__getitem__)
