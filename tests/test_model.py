"""The ArgumentMap model: building, inference identity, queries."""

from __future__ import annotations

from argmap.errors import Span
from argmap.model import ArgumentMap

SPAN = Span("m.argmap", 1, 1, 1, 2)


def small_map() -> ArgumentMap:
    amap = ArgumentMap()
    for sid, kind in [("a", "premise"), ("b", "assumption"), ("c", "claim"), ("x", "premise")]:
        amap.add_statement(sid, kind, f"text of {sid}", span=SPAN)
    amap.add_inference(["a", "b"], "c", span=SPAN, warrant="w")
    amap.add_attack("x", "inference-1", span=SPAN)
    amap.add_contradiction("a", "x", span=SPAN)
    return amap


def test_inference_keys_are_numbered_in_order_and_found_regardless_of_premise_order() -> None:
    amap = small_map()
    assert amap.find_inference(["b", "a"], "c") == "inference-1"
    assert amap.find_inference(["a"], "c") is None
    assert amap.graph.nodes["inference-1"] == {"kind": "inference", "warrant": "w", "span": SPAN}


def test_queries_follow_edge_kinds() -> None:
    amap = small_map()
    assert amap.premises_of("inference-1") == ["a", "b"]
    assert amap.conclusion_of("inference-1") == "c"
    assert amap.inferences_for("c") == ["inference-1"]
    assert amap.inferences_from("a") == ["inference-1"]
    assert amap.attackers_of("inference-1") == ["x"]
    assert amap.attackers_of("a") == ["x"]
    assert sorted(amap.attacked_by("x")) == ["a", "inference-1"]
    assert [sid for sid, _ in amap.statements()] == ["a", "b", "c", "x"]
    assert [key for key, _ in amap.inferences()] == ["inference-1"]


def test_contradiction_is_two_edges_of_kind_contradicts() -> None:
    amap = small_map()
    assert amap.graph.edges["a", "x"]["kind"] == "contradicts"
    assert amap.graph.edges["x", "a"]["kind"] == "contradicts"


def test_source_line_reads_the_file_text() -> None:
    amap = ArgumentMap(files={"m.argmap": "first\nsecond\n"})
    assert amap.source_line(Span("m.argmap", 2, 1, 2, 3)) == "second"
    assert amap.source_line(Span("m.argmap", 9, 1, 9, 3)) == ""
    assert amap.source_line(Span("other", 1, 1, 1, 3)) == ""


def test_a_linked_objection_is_one_attack_node_with_an_attacker_edge_per_premise() -> None:
    amap = small_map()
    node = amap.add_attack_node(["b", "a"], "c", span=SPAN)
    assert node == "attack-1"
    assert amap.attackers_of_attack(node) == ["b", "a"]
    assert amap.is_linked(node) and amap.target_of(node) == "c"
    assert amap.find_attack(["a", "b"], "c") == node
    assert amap.find_attack("a", "c") is None
    assert amap.written(node) == "(b + a -| c)"
    assert amap.attackers_of("c") == [node]
    assert "c" in amap.attacked_by("a") and "c" in amap.attacked_by("b")
    assert [(s, t) for s, t, _, _ in amap.relations() if t == "c"] == [("b + a", "c")]
    undercut = amap.undercut_attack("x", "inference-1")
    assert undercut == "attack-2"  # numbered after the linked objection's node
    named = amap.add_attack_node(["x"], "c", span=SPAN, name="late", tags=["t"])
    assert named == "late" and amap.written(named) == "late"
    assert not amap.is_linked(named)
    assert amap.written(amap.add_attack_node(["a"], named, span=SPAN)) == "(a -| late)"
