"""What the analysis tests share: the analyses by node name, as the tests compare them, and
random maps (a uniquely named module, not `conftest`)."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.analysis.indexed import index_map
from argmap.analysis.support import grounded_flags
from argmap.errors import Span
from argmap.model import STATEMENT_KINDS, ArgumentMap

SPAN = Span("random.argmap", 1, 1, 1, 2)


def grounded_nodes(amap: ArgumentMap) -> set[str]:
    """The names of the statements and inferences that rest on premises and assumptions
    alone (see `grounded_flags`)."""
    graph = index_map(amap)
    return set(graph.names_of(grounded_flags(graph)))


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps of up to 7 statements of every kind (some attributed), with inferences (support
    cycles and self-support among them), attacks on statements and inferences,
    contradictions, linked objections, and undercut attacks (nested, linked ones too)."""
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
    # Linked objections (`a + b -| t`): attack nodes from the start, with several attackers.
    for _ in range(draw(st.integers(0, 2)) if count > 1 else 0):
        attackers = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=3, unique=True))
        target = draw(st.sampled_from(targets))
        if amap.find_attack(attackers, target) is None and not any(
            amap.graph.has_edge(attacker, target) for attacker in attackers
        ):
            amap.add_attack_node(attackers, target, span=SPAN)
    # Undercuts of attacks: any attack or contradiction direction may get a node, and the
    # attacks on those nodes may be undercut in turn.
    for _ in range(draw(st.integers(0, 4))):
        attacks = [
            (source, target)
            for source, target, kind in amap.graph.edges(data="kind")
            if kind in ("attack", "contradicts")
        ]
        if not attacks:
            break
        attacker, target = draw(st.sampled_from(attacks))
        node = amap.undercut_attack(attacker, target) if amap.is_statement(attacker) else attacker
        undercutter = draw(st.sampled_from(ids))
        if not amap.graph.has_edge(undercutter, node):
            amap.add_attack(undercutter, node, span=SPAN)
    return amap
