"""The support structure of a map: its support graph, grounded nodes and support cycles."""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.model import (
    CONCLUSION_EDGE,
    INFERENCE,
    PREMISE_EDGE,
    ArgumentMap,
    needs_support,
)

if TYPE_CHECKING:
    import networkx as nx

SUPPORT_EDGE_KINDS = frozenset({PREMISE_EDGE, CONCLUSION_EDGE})


def _support_edges(amap: ArgumentMap) -> list[tuple[str, str]]:
    return [
        (source, target)
        for source, target, kind in amap.graph.edges(data="kind")
        if kind in SUPPORT_EDGE_KINDS
    ]


def grounded_nodes(amap: ArgumentMap) -> set[str]:
    """The statements and inferences that rest on premises and assumptions alone.

    Grounded is the least fixed point of: a premise, an assumption or an attributed
    claim (`@by`) is grounded; an inference
    is grounded when all its premises are; a statement is grounded when one of its
    inferences is. A worklist counts each inference's ungrounded premises down to zero, so
    every edge is visited once (linear, no recursion).
    """
    # The adjacency as plain dicts, taken once: networkx's views cost a call per node.
    succ = dict(amap.graph.adjacency())
    missing: dict[str, int] = {}
    for targets in succ.values():
        for target, edge in targets.items():
            if edge["kind"] == PREMISE_EDGE:
                missing[target] = missing.get(target, 0) + 1
    grounded: set[str] = set()
    work: deque[str] = deque(
        node for node, data in amap.statements() if not needs_support(data)
    )
    grounded.update(work)
    while work:
        node = work.popleft()
        for target, edge in succ[node].items():
            kind = edge["kind"]
            if kind == PREMISE_EDGE:
                missing[target] -= 1
                if missing[target] == 0:
                    _mark(target, grounded, work)
            elif kind == CONCLUSION_EDGE:
                _mark(target, grounded, work)
    return grounded


def _mark(node: str, grounded: set[str], work: deque[str]) -> None:
    if node not in grounded:
        grounded.add(node)
        work.append(node)


@dataclass(frozen=True)
class SupportCycle:
    """A cycle component of the support graph.

    `cycle` walks one cycle of statements in order of support (each supports the next, the
    last supports the first); `members` holds every statement of the component in
    definition order.
    """

    cycle: tuple[str, ...]
    members: tuple[str, ...]


def support_cycles(amap: ArgumentMap) -> list[SupportCycle]:
    """Every cycle component of the support graph, ordered by its first statement.

    A component is a strongly connected component (networkx's iterative Tarjan) with more
    than one node; the support graph alternates statements and inferences, so a statement
    supporting itself (`a -> a`) is a component of two nodes. Linear in the map's size.
    """
    import networkx as nx  # imported here so that `argmap rules` does not pay for it

    graph = nx.DiGraph(_cyclic_core(_support_edges(amap)))
    order = {node: index for index, node in enumerate(amap.graph.nodes)}
    kinds = dict(amap.graph.nodes(data="kind"))
    cycles = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        members = sorted(
            (node for node in component if kinds[node] != INFERENCE), key=order.__getitem__
        )
        walk = cycle_through(graph, component, members[0])
        cycle = tuple(node for node in walk if kinds[node] != INFERENCE)
        cycles.append(SupportCycle(cycle, tuple(members)))
    cycles.sort(key=lambda found: order[found.members[0]])
    return cycles


def _cyclic_core(edges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The edges left once every node that cannot be on a cycle is peeled away.

    A node with no incoming or no outgoing support edge is on no cycle; removing it may
    leave its neighbours so, and so on (a worklist, each node removed once: linear). Long
    chains of support, the bulk of most maps, vanish before networkx computes components.
    """
    successors: defaultdict[str, list[str]] = defaultdict(list)
    predecessors: defaultdict[str, list[str]] = defaultdict(list)
    for source, target in edges:
        successors[source].append(target)
        predecessors[target].append(source)
    # Counts from the list lengths; a node missing from a side has no edge that way, so it
    # starts the worklist (the map's leaves and roots).
    into = {node: len(sources) for node, sources in predecessors.items()}
    out = {node: len(targets) for node, targets in successors.items()}
    work = [node for node in successors if node not in into]
    work += [node for node in predecessors if node not in out]
    removed: set[str] = set()
    while work:
        node = work.pop()
        if node in removed:
            continue
        removed.add(node)
        if node in successors:
            for target in successors[node]:
                into[target] -= 1
                if not into[target]:
                    work.append(target)
        if node in predecessors:
            for source in predecessors[node]:
                out[source] -= 1
                if not out[source]:
                    work.append(source)
    return [(u, v) for u, v in edges if u not in removed and v not in removed]


def cycle_through(graph: nx.DiGraph, component: set[str], start: str) -> list[str]:
    """A shortest cycle from `start` back to it inside `component`, by breadth-first search.

    Returns the nodes in order, starting with `start` (not repeated at the end).
    """
    parent: dict[str, str] = {}
    queue: deque[str] = deque([start])
    while queue:
        node = queue.popleft()
        for successor in graph.successors(node):
            if successor == start:
                return _path_to(parent, start, node)
            if successor in component and successor not in parent:
                parent[successor] = node
                queue.append(successor)
    return [start]


def _path_to(parent: dict[str, str], start: str, end: str) -> list[str]:
    path = [end]
    while path[-1] != start:
        path.append(parent[path[-1]])
    path.reverse()
    return path
