"""The support structure of a map: its support graph, grounded nodes and support cycles."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from itertools import compress
from typing import TYPE_CHECKING

from argmap.analysis.indexed import CONCLUSION, PREMISE, IndexedMap, index_map
from argmap.model import CONCLUSION_EDGE, INFERENCE, PREMISE_EDGE, ArgumentMap

if TYPE_CHECKING:
    import networkx as nx

SUPPORT_EDGE_KINDS = frozenset({PREMISE_EDGE, CONCLUSION_EDGE})


def grounded_nodes(amap: ArgumentMap, graph: IndexedMap | None = None) -> set[str]:
    """The statements and inferences that rest on premises and assumptions alone.

    Grounded is the least fixed point of: a premise, an assumption or an attributed
    claim (`@by`) is grounded; an inference is grounded when all its premises are; a
    statement is grounded when one of its inferences is. `graph` is the map's
    `index_map` when already made.
    """
    graph = graph or index_map(amap)
    return set(graph.names_of(grounded_flags(graph)))


def grounded_flags(graph: IndexedMap) -> list[bool]:
    """Whether each node (by number) is grounded (see `grounded_nodes`).

    A worklist counts each inference's ungrounded premises down to zero, so every edge is
    visited once (linear, no recursion)."""
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    # An inference's premises not yet grounded (an attack's node counts its attacker, which
    # is never counted down: it is never grounded).
    missing = graph.premises_into.copy()
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

    A component is a strongly connected component (networkx's iterative Tarjan) with more
    than one node; the support graph alternates statements and inferences, so a statement
    supporting itself (`a -> a`) is a component of two nodes. Linear in the map's size.
    `graph` is the map's `index_map` when already made.
    """
    core = _cyclic_core(amap, graph or index_map(amap))
    if not core:
        return []
    import networkx as nx  # imported here so that `argmap rules` does not pay for it

    graph = nx.DiGraph(core)
    # Every node of the core has an edge out of it, and the edges come in the map's node
    # order: the order of their first nodes is the map's order.
    order = {node: index for index, node in enumerate(dict.fromkeys(u for u, _ in core))}
    cycles = []
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        members = sorted(
            (node for node in component if amap.kind(node) != INFERENCE),
            key=order.__getitem__,
        )
        walk = cycle_through(graph, component, members[0])
        cycle = tuple(node for node in walk if amap.kind(node) != INFERENCE)
        cycles.append(SupportCycle(cycle, tuple(members)))
    cycles.sort(key=lambda found: order[found.members[0]])
    return cycles


def _cyclic_core(amap: ArgumentMap, graph: IndexedMap) -> list[tuple[str, str]]:
    """The support edges between nodes that are reached from a cycle and reach one, in
    the map's order: every support edge of a cycle is among them.

    Two peels, each a worklist that removes a node once (linear): first, from the nodes no
    support edge enters, every node not reached from a cycle (Kahn's topological sort);
    then, among what is left, every node that reaches no cycle. The long acyclic chains of
    support that make up most maps are gone after the first, before networkx computes
    components.
    """
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    # Support edges not yet peeled into each node: premise edges enter inferences,
    # conclusion edges statements. (An attack's node counts its attacker edge: it is never
    # peeled here, and having no support edge out, it goes in the second peel.)
    premises, conclusions = graph.premises_into.copy(), graph.conclusions_into.copy()
    work = [
        node
        for node, (premise, conclusion) in enumerate(zip(premises, conclusions, strict=True))
        if not premise and not conclusion
    ]
    pop, push = work.pop, work.append
    while work:
        node = pop()
        for place in range(offsets[node], offsets[node + 1]):
            code = codes[place]
            if code == PREMISE:
                target = targets[place]
                left = premises[target] - 1
                premises[target] = left
                if not left:
                    push(target)
            elif code == CONCLUSION:
                target = targets[place]
                left = conclusions[target] - 1
                conclusions[target] = left
                if not left:
                    push(target)
    if not any(premises) and not any(conclusions):  # in C: the usual acyclic map ends here
        return []
    reached = {
        graph.names[node]
        for node, (premise, conclusion) in enumerate(zip(premises, conclusions, strict=True))
        if premise or conclusion
    }
    succ, pred = amap.successors_map(), amap.predecessors_map()
    support = SUPPORT_EDGE_KINDS
    out = {
        node: sum(1 for t, e in succ[node].items() if t in reached and e["kind"] in support)
        for node in reached
    }
    peeled = [node for node, left in out.items() if not left]
    while peeled:
        for source, edge in pred[peeled.pop()].items():
            if source in reached and edge["kind"] in support:
                out[source] -= 1
                if not out[source]:
                    peeled.append(source)
    core = {node for node, left in out.items() if left}
    if not core:
        return []
    return [
        (source, target)
        for source, targets in succ.items()
        if source in core
        for target, edge in targets.items()
        if target in core and edge["kind"] in support
    ]


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
