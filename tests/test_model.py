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
