"""The worklist labelling equals a plain round-by-round iteration of the definition, on maps
with inferences, attacks, contradictions, attributed claims and undercut attacks (nested)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.labels import Label, compute_labels
from argmap.errors import Span
from argmap.model import ATTACK, STATEMENT_KINDS, ArgumentMap, needs_support

SPAN = Span("random.argmap", 1, 1, 1, 2)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    amap = ArgumentMap()
    count = draw(st.integers(1, 7))
    ids = [f"s{i}" for i in range(count)]
    for node in ids:
        attributes = {"by": "Critics"} if draw(st.integers(0, 4)) == 0 else {}
        kind = draw(st.sampled_from(STATEMENT_KINDS))
        amap.add_statement(node, kind, node, span=SPAN, attributes=attributes)
    for _ in range(draw(st.integers(0, 8))):
        premises = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
        conclusion = draw(st.sampled_from(ids))
        if amap.find_inference(premises, conclusion) is None:
            amap.add_inference(premises, conclusion, span=SPAN)
    targets = ids + [node for node, _ in amap.inferences()]
    for _ in range(draw(st.integers(0, 6))):
        attacker, target = draw(st.sampled_from(ids)), draw(st.sampled_from(targets))
        if draw(st.booleans()) and target in ids:
            amap.add_contradiction(attacker, target, span=SPAN)
        elif not amap.graph.has_edge(attacker, target):
            amap.add_attack(attacker, target, span=SPAN)
    # Undercuts of attacks: any attack or contradiction direction may get a node, and the
    # attacks on those nodes may be undercut in turn.
    for _ in range(draw(st.integers(0, 4))):
        attacks = [
            (source, target)
            for source, target, kind in amap.graph.edges(data="kind")
            if kind in ("attack", "contradicts") and amap.is_statement(source)
        ]
        if not attacks:
            break
        attacker, target = draw(st.sampled_from(attacks))
        node = amap.undercut_attack(attacker, target)
        undercutter = draw(st.sampled_from(ids))
        if not amap.graph.has_edge(undercutter, node):
            amap.add_attack(undercutter, node, span=SPAN)
    return amap


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
    if amap.kind(node) == ATTACK:  # an undercut attack: its attacker plays the premise
        premises = [labels[amap.attacker_of(node)]]
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
