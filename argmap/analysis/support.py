"""The support structure of a map: its support graph, grounded nodes and support cycles."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from operator import add, itemgetter
from typing import TYPE_CHECKING

from argmap.analysis.indexed import CONCLUSION, NODE_KINDS, PREMISE, IndexedMap, index_map
from argmap.model import INFERENCE, ArgumentMap

if TYPE_CHECKING:
    import networkx as nx


def grounded_flags(graph: IndexedMap) -> list[bool]:
    """Whether each node (by number) is grounded.

    Grounded is the least fixed point of: a premise, an assumption or an attributed
    claim (`@by`) is grounded; an inference is grounded when all its premises are; a
    statement is grounded when one of its inferences is. A worklist counts each inference's
    ungrounded premises down to zero, so every edge is visited once (linear, no recursion).
    """
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    # An inference's premises not yet grounded (an attack's node counts its attacker, which
    # is never counted down: it is never grounded).
    missing = graph.reasons_into.copy()
    grounded = [
        is_statement and not wanting
        for is_statement, wanting in zip(graph.statement, graph.wanting, strict=True)
    ]
    work = list(compress(range(len(grounded)), grounded))  # a stack: any order will do
    pop, push = work.pop, work.append
    while work:
        node = pop()
        for edge in range(offsets[node], offsets[node + 1]):
            code = codes[edge]
            target = targets[edge]
            if code == PREMISE:
                left = missing[target] - 1
                missing[target] = left
                if left:
                    continue
            elif code != CONCLUSION or grounded[target]:
                continue
            grounded[target] = True
            push(target)
    return grounded


@dataclass(frozen=True)
class SupportCycle:
    """A cycle component of the support graph.

    `cycle` walks one cycle of statements in order of support (each supports the next, the
    last supports the first); `members` holds every statement of the component in
    definition order.
    """

    cycle: tuple[str, ...]
    members: tuple[str, ...]


def support_cycles(amap: ArgumentMap, graph: IndexedMap | None = None) -> list[SupportCycle]:
    """Every cycle component of the support graph, ordered by its first statement.

    A component is a strongly connected component (networkx's) with more than one node;
    the support graph alternates statements and inferences, so a statement supporting
    itself (`a -> a`) is a component of two nodes. Linear in the map's size.
    `graph` is the map's `index_map` when already made.
    """
    graph = graph or index_map(amap)
    core = _cyclic_core(graph)
    names, inference = graph.names, NODE_KINDS.index(INFERENCE)
    kinds = graph.kinds
    found: list[tuple[int, SupportCycle]] = []
    graph_of_core, components = _components(core)
    for component in components:
        if len(component) < 2:
            continue
        # Node numbers follow the map's order.
        members = sorted(node for node in component if kinds[node] != inference)
        walk = _cycle_through(graph_of_core, members[0])
        cycle = tuple(names[node] for node in walk if kinds[node] != inference)
        found.append((members[0], SupportCycle(cycle, tuple(names[node] for node in members))))
    found.sort(key=itemgetter(0))
    return [cycle for _, cycle in found]


def _cyclic_core(graph: IndexedMap) -> dict[int, list[int]]:
    """The support edges between nodes that are reached from a cycle and reach one: every
    support edge of a cycle is among them. Each such node, in the map's order, with the
    nodes its edges enter, in the map's order.

    Two peels, each a worklist that removes a node once (linear): first, from the nodes no
    support edge enters, every node not reached from a cycle (Kahn's topological sort);
    then, among what is left, every node that reaches no cycle. The long acyclic chains of
    support that make up most maps are gone after the first, before the components are
    computed.
    """
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    # Support edges not yet peeled into each node: premise edges enter inferences,
    # conclusion edges statements, so one count holds both. (An attack's node counts its
    # attacker edge: it is never peeled here, and having no support edge out, it goes in
    # the second peel.)
    into = list(map(add, graph.reasons_into, graph.conclusions_into))
    support = (PREMISE, CONCLUSION)
    work = [node for node, entering in enumerate(into) if not entering]
    pop, push = work.pop, work.append
    while work:
        node = pop()
        for place in range(offsets[node], offsets[node + 1]):
            if codes[place] in support:
                target = targets[place]
                left = into[target] - 1
                into[target] = left
                if not left:
                    push(target)
    if not any(into):  # in C: the usual acyclic map ends here
        return {}
    reached = [node for node, entering in enumerate(into) if entering]
    inside = [False] * len(into)
    for node in reached:
        inside[node] = True
    # Support edges from each reached node to reached nodes, and the same edges backwards.
    out = [0] * len(into)
    sources: dict[int, list[int]] = {}
    for node in reached:
        for place in range(offsets[node], offsets[node + 1]):
            code, target = codes[place], targets[place]
            if code in support and inside[target]:
                out[node] += 1
                sources.setdefault(target, []).append(node)
    peeled = [node for node in reached if not out[node]]
    while peeled:
        for source in sources.get(peeled.pop(), ()):
            out[source] -= 1
            if not out[source]:
                peeled.append(source)
    # What is left with an edge out (to what is left) is the core.
    return {
        node: [
            targets[place]
            for place in range(offsets[node], offsets[node + 1])
            if codes[place] in support and out[targets[place]]
        ]
        for node in reached
        if out[node]
    }


def _components(core: dict[int, list[int]]) -> tuple[nx.DiGraph, list[set[int]]]:
    """The core as a graph (its nodes and edges in the map's order) and its strongly
    connected components."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(core)
    graph.add_edges_from((node, target) for node, targets in core.items() for target in targets)
    return graph, list(nx.strongly_connected_components(graph))


def _cycle_through(graph: nx.DiGraph, start: int) -> list[int]:
    """A shortest cycle from `start` back to it: the first node a breadth-first search
    from `start` reaches that supports `start`, and the path to it. Every node on the way
    reaches `start` through that node, so the cycle stays in `start`'s component.

    Returns the nodes in order, starting with `start` (not repeated at the end).
    """
    import networkx as nx

    successors = graph.succ
    if start in successors[start]:
        return [start]
    parent: dict[int, int] = {}
    for node, successor in nx.bfs_edges(graph, start):
        parent[successor] = node
        if start in successors[successor]:
            return _path_to(parent, start, successor)
    return [start]


def _path_to(parent: dict[int, int], start: int, end: int) -> list[int]:
    path = [end]
    while path[-1] != start:
        path.append(parent[path[-1]])
    path.reverse()
    return path
