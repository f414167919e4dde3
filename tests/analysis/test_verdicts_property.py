"""The objections a verdict names equal a plain breadth-first search of each statement's
support, on random maps (the verdicts compute each node's list once, from its children's)."""

from __future__ import annotations

from collections import deque

from analysis_helpers import maps
from hypothesis import given, settings

from argmap.analysis.indexed import index_map
from argmap.analysis.labels import Label, compute_labels
from argmap.analysis.support import grounded_flags
from argmap.analysis.verdicts import verdicts
from argmap.model import CONTRADICTS_EDGE, ArgumentMap


def reference(amap: ArgumentMap, labels: dict[str, Label], start: str) -> tuple[set[object], bool]:
    """Attacks not OUT on `start` and on the grounded, not-IN nodes below it (each
    contradiction once, whichever end), and whether `start` makes one of them."""
    graph = index_map(amap)
    grounded = dict(zip(graph.names, grounded_flags(graph), strict=True))
    seen, queue = {start}, deque([start])
    found: set[object] = set()
    self_defeating = False
    while queue:
        node = queue.popleft()
        for attacker in amap.attackers_of(node):
            if labels[attacker] is Label.OUT:
                continue
            source = amap.attacker_written(attacker)
            self_defeating = self_defeating or start in amap.attack_sources(attacker)
            if amap.graph.edges[attacker, node]["kind"] == CONTRADICTS_EDGE:
                found.add(frozenset((source, node)))
            else:
                found.add((source, node))
        below = amap.inferences_for(node) if amap.is_statement(node) else amap.premises_of(node)
        for child in below:
            if grounded[child] and labels[child] is not Label.IN and child not in seen:
                seen.add(child)
                queue.append(child)
    return found, self_defeating


@settings(max_examples=400, deadline=None)
@given(maps())
def test_the_named_objections_are_those_of_a_plain_search(amap: ArgumentMap) -> None:
    labels = compute_labels(amap)
    for name, verdict in verdicts(amap, labels).items():
        if not verdict.attacks:
            continue
        expected, self_defeating = reference(amap, labels, name)
        got = {
            frozenset((a.attacker, a.target)) if a.operator == "><" else (a.attacker, a.target)
            for a in verdict.attacks
        }
        assert got == expected
        assert len(got) == len(verdict.attacks)
        assert verdict.self_defeating == self_defeating
