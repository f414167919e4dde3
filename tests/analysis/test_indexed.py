"""The numbered map holds the model's graph exactly, and the analyses run on it agree with
networkx and with the definitions, on random maps (inferences, attacks, contradictions,
attributed claims, undercut attacks)."""

from __future__ import annotations

from collections import Counter

import networkx as nx
from analysis_helpers import grounded_nodes
from hypothesis import given, settings
from test_labels_property import maps

from argmap.analysis.indexed import (
    ATTACK,
    ATTACKER,
    CONCLUSION,
    PREMISE,
    find_all,
    index_map,
)
from argmap.analysis.support import support_cycles
from argmap.model import (
    ATTACK_EDGE_KINDS,
    ATTACKER_EDGE,
    CONCLUSION_EDGE,
    GROUND_KINDS,
    INFERENCE,
    PREMISE_EDGE,
    STATEMENT_KINDS,
    ArgumentMap,
    needs_support,
)

CODE_OF = {PREMISE_EDGE: PREMISE, ATTACKER_EDGE: ATTACKER, CONCLUSION_EDGE: CONCLUSION}


def code_of(kind: str) -> int:
    return ATTACK if kind in ATTACK_EDGE_KINDS else CODE_OF[kind]


@settings(max_examples=200, deadline=None)
@given(maps())
def test_the_numbered_map_is_the_graph(amap: ArgumentMap) -> None:
    graph = index_map(amap)
    assert graph.names == list(amap.graph.nodes)
    assert all(graph.index[name] == number for number, name in enumerate(graph.names))
    edges = [
        (graph.names[source], graph.names[graph.targets[place]], graph.codes[place])
        for source in range(len(graph.names))
        for place in range(graph.offsets[source], graph.offsets[source + 1])
    ]
    assert edges == [(u, v, code_of(kind)) for u, v, kind in amap.graph.edges(data="kind")]
    assert all(graph.source_of(place) == graph.index[u] for place, (u, _, _) in enumerate(edges))
    into = Counter((v, code) for _, v, code in edges)
    for number, name in enumerate(graph.names):
        assert graph.attacks_into[number] == into[name, ATTACK]
        assert graph.reasons_into[number] == into[name, PREMISE] + into[name, ATTACKER]
        assert graph.conclusions_into[number] == into[name, CONCLUSION]
        assert graph.in_relation(number) == amap.in_relation(name)
        assert graph.kind(number) == amap.kind(name)
        assert graph.statement[number] == (amap.kind(name) in STATEMENT_KINDS)
        data = amap.graph.nodes[name]
        assert graph.wanting[number] == (graph.statement[number] and needs_support(data))
    sources, offsets = graph.predecessors()
    for number, name in enumerate(graph.names):
        found = sources[offsets[number] : offsets[number + 1]]
        assert sorted(graph.names[s] for s in found) == sorted(amap.graph.predecessors(name))


def test_find_all_gives_every_place_in_order() -> None:
    assert find_all([3, 1, 3, 3, 0], 3) == [0, 2, 3]
    assert find_all([1, 2], 3) == []
    assert find_all([], 3) == []


def reference_grounded(amap: ArgumentMap) -> set[str]:
    """The definition, applied round after round until nothing changes."""
    grounded = {
        node
        for node, data in amap.statements()
        if data["kind"] in GROUND_KINDS or not needs_support(data)
    }
    while True:
        more = {
            node
            for node, _ in amap.inferences()
            if all(premise in grounded for premise in amap.premises_of(node))
        }
        more |= {amap.conclusion_of(node) for node in more}
        if more <= grounded:
            return grounded
        grounded |= more


@settings(max_examples=200, deadline=None)
@given(maps())
def test_grounding_is_the_least_fixed_point(amap: ArgumentMap) -> None:
    assert grounded_nodes(amap) == reference_grounded(amap)


@settings(max_examples=300, deadline=None)
@given(maps())
def test_support_cycles_are_the_components_of_the_support_graph(amap: ArgumentMap) -> None:
    support = nx.DiGraph()
    support.add_edges_from(
        (u, v)
        for u, v, kind in amap.graph.edges(data="kind")
        if kind in (PREMISE_EDGE, CONCLUSION_EDGE)
    )
    order = {node: number for number, node in enumerate(amap.graph.nodes)}
    expected = sorted(
        (
            sorted((n for n in component if amap.kind(n) != INFERENCE), key=order.__getitem__)
            for component in nx.strongly_connected_components(support)
            if len(component) > 1
        ),
        key=lambda members: order[members[0]],
    )
    found = support_cycles(amap)
    assert [list(cycle.members) for cycle in found] == expected
    for cycle in found:
        # The walk starts at the first member, and each statement supports the next
        # through one inference, the last the first: a cycle of the map.
        assert cycle.cycle[0] == cycle.members[0]
        assert set(cycle.cycle) <= set(cycle.members)
        for here, after in zip(cycle.cycle, (*cycle.cycle[1:], cycle.cycle[0]), strict=True):
            steps = [i for i in amap.inferences_from(here) if amap.conclusion_of(i) == after]
            assert steps, (here, after)
        # Shortest: no cycle through the first member is shorter.
        shortest = min(
            (len(path) for path in nx.simple_cycles(support) if cycle.members[0] in path),
            default=0,
        )
        assert 2 * len(cycle.cycle) == shortest
