"""The worklist labelling equals a plain round-by-round iteration of the definition, on maps
with inferences, attacks, contradictions, attributed claims, linked objections and undercut
attacks (nested)."""

from __future__ import annotations

from analysis_helpers import maps
from hypothesis import given, settings

from argmap.analysis.labels import Label, compute_labels
from argmap.model import ATTACK, ArgumentMap, needs_support


def step(amap: ArgumentMap, labels: dict[str, Label], node: str) -> Label:
    """The label the definition gives `node`, reading its neighbours' current labels."""
    attackers = [labels[a] for a in amap.attackers_of(node)]
    if amap.is_statement(node):
        ground = not needs_support(amap.graph.nodes[node])
        support = [labels[i] for i in amap.inferences_for(node)]
        if Label.IN in attackers or (not ground and all(s is Label.OUT for s in support)):
            return Label.OUT
        if all(a is Label.OUT for a in attackers) and (ground or Label.IN in support):
            return Label.IN
        return Label.UNDEC
    if amap.kind(node) == ATTACK:  # an attack's node: its attackers play the premises
        premises = [labels[a] for a in amap.attackers_of_attack(node)]
    else:
        premises = [labels[p] for p in amap.premises_of(node)]
    if Label.IN in attackers or Label.OUT in premises:
        return Label.OUT
    if all(a is Label.OUT for a in attackers) and all(p is Label.IN for p in premises):
        return Label.IN
    return Label.UNDEC


def reference_labels(amap: ArgumentMap) -> dict[str, Label]:
    """Apply the definition to every node, round after round, until nothing changes."""
    labels = dict.fromkeys(amap.graph.nodes, Label.UNDEC)
    while True:
        updated = {node: step(amap, labels, node) for node in labels}
        if updated == labels:
            return labels
        labels = updated


@settings(max_examples=300, deadline=None)
@given(maps())
def test_worklist_equals_the_definition(amap: ArgumentMap) -> None:
    labels = compute_labels(amap, "kripke-kleene")
    assert labels == reference_labels(amap)
    assert all(step(amap, labels, node) is label for node, label in labels.items())


@settings(max_examples=300, deadline=None)
@given(maps())
def test_well_founded_labels_extend_the_least_fixed_point(amap: ArgumentMap) -> None:
    # The well-founded labels obey the same rules and decide at least what the least fixed
    # point decides, in the same way.
    least = compute_labels(amap, "kripke-kleene")
    labels = compute_labels(amap)
    assert all(step(amap, labels, node) is label for node, label in labels.items())
    assert all(labels[node] is label for node, label in least.items() if label is not Label.UNDEC)
