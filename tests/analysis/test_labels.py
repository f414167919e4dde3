"""Acceptability labels on small maps whose labels are computed by hand."""

from __future__ import annotations

import argmap
from argmap.analysis.labels import Label, compute_labels
from argmap.analysis.support import grounded_nodes, support_cycles
from argmap.errors import Span
from argmap.model import ArgumentMap

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def labels_of(source: str) -> dict[str, Label]:
    amap = argmap.parse(source, "map.argmap")
    labels = compute_labels(amap)
    assert set(labels) == set(amap.graph.nodes)
    return {node: label for node, label in labels.items() if amap.is_statement(node)}


def test_unattacked_premises_and_their_support_are_in() -> None:
    assert labels_of(
        "premise a: A.\nassumption b: B.\nclaim c: C.\nconclusion d: D.\na + b -> c -> d\n"
    ) == {"a": IN, "b": IN, "c": IN, "d": IN}


def test_attack_chain_alternates() -> None:
    # d -| c -| b -| a: d is unattacked, so c is OUT, b is IN again, a is OUT.
    assert labels_of(
        "premise a: A.\npremise b: B.\npremise c: C.\npremise d: D.\nb -| a\nc -| b\nd -| c\n"
    ) == {"a": OUT, "b": IN, "c": OUT, "d": IN}


def test_reinstatement_of_a_conclusion() -> None:
    labels = labels_of(
        "premise rain: R.\npremise roof: Ro.\npremise open: O.\nconclusion wet: W.\n"
        "rain -> wet\nroof -| wet\nopen -| roof\n"
    )
    assert labels == {"rain": IN, "roof": OUT, "open": IN, "wet": IN}


def test_undercut_makes_the_inference_and_what_rests_on_it_out() -> None:
    amap = argmap.parse(
        "premise a: A.\npremise u: U.\nclaim b: B.\nconclusion c: C.\n"
        "a -> b -> c\nu -| (a -> b)\n",
        "map.argmap",
    )
    labels = compute_labels(amap)
    undercut = amap.find_inference(["a"], "b")
    assert undercut is not None
    assert labels[undercut] is OUT
    assert (labels["a"], labels["u"], labels["b"], labels["c"]) == (IN, IN, OUT, OUT)
    assert labels[amap.find_inference(["b"], "c") or ""] is OUT


def test_an_undercut_that_is_itself_attacked_leaves_the_inference_in() -> None:
    assert labels_of(
        "premise a: A.\npremise u: U.\npremise v: V.\nclaim b: B.\n"
        "a -> b\nu -| (a -> b)\nv -| u\n"
    ) == {"a": IN, "u": OUT, "v": IN, "b": IN}


def test_contradiction_pair_is_undecided_and_so_is_what_rests_on_it() -> None:
    assert labels_of(
        "premise a: A.\npremise b: B.\nconclusion c: C.\na >< b\na -> c\n"
    ) == {"a": UNDEC, "b": UNDEC, "c": UNDEC}


def test_contradiction_decided_by_a_third_statement() -> None:
    assert labels_of(
        "premise a: A.\npremise b: B.\npremise x: X.\na >< b\nx -| b\n"
    ) == {"a": IN, "b": OUT, "x": IN}


def test_support_cycle_without_other_support_is_undecided() -> None:
    assert labels_of("claim a: A.\nclaim b: B.\na -> b\nb -> a\n") == {"a": UNDEC, "b": UNDEC}


def test_support_cycle_with_grounded_support_is_in() -> None:
    assert labels_of(
        "premise p: P.\nclaim a: A.\nclaim b: B.\na -> b\nb -> a\np -> a\n"
    ) == {"p": IN, "a": IN, "b": IN}


def test_unsupported_claim_is_out_and_so_is_its_linked_inference() -> None:
    assert labels_of(
        "premise p: P.\nclaim a: A.\nconclusion c: C.\np + a -> c\n"
    ) == {"p": IN, "a": OUT, "c": OUT}


def test_convergent_support_survives_one_defeated_reason() -> None:
    assert labels_of(
        "premise p: P.\npremise q: Q.\npremise x: X.\nconclusion c: C.\np -> c\nq -> c\nx -| p\n"
    ) == {"p": OUT, "q": IN, "x": IN, "c": IN}


def test_self_attack_is_undecided_and_its_target_too() -> None:
    assert labels_of("premise a: A.\npremise b: B.\na -| a\na -| b\n") == {
        "a": UNDEC,
        "b": UNDEC,
    }


def test_odd_attack_cycle_is_undecided() -> None:
    assert labels_of(
        "premise a: A.\npremise b: B.\npremise c: C.\na -| b\nb -| c\nc -| a\n"
    ) == {"a": UNDEC, "b": UNDEC, "c": UNDEC}


def _chain(length: int) -> ArgumentMap:
    amap = ArgumentMap()
    span = Span("deep.argmap", 1, 1, 1, 2)
    amap.add_statement("s0", "premise", "start", span=span)
    for index in range(1, length):
        amap.add_statement(f"s{index}", "claim", f"step {index}", span=span)
        amap.add_inference([f"s{index - 1}"], f"s{index}", span=span)
    return amap


def test_deep_chains_need_no_recursion() -> None:
    amap = _chain(20_000)
    labels = compute_labels(amap)
    assert labels["s19999"] is IN
    assert "s19999" in grounded_nodes(amap)
    amap.add_inference(["s19999"], "s0", span=Span("deep.argmap", 1, 1, 1, 2))
    cycles = support_cycles(amap)
    assert len(cycles) == 1 and len(cycles[0].cycle) == 20_000
    assert cycles[0].cycle[:3] == ("s0", "s1", "s2")
