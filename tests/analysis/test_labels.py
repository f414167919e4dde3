"""Acceptability labels on small maps whose labels are computed by hand."""

from __future__ import annotations

import pytest
from analysis_helpers import grounded_nodes

import argmap
from argmap.analysis.labels import Label, compute_labels
from argmap.analysis.support import support_cycles
from argmap.errors import Span
from argmap.model import ArgumentMap

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def labels_of(source: str, semantics: str = "well-founded") -> dict[str, Label]:
    amap = argmap.parse(source, "map.argmap")
    labels = compute_labels(amap, semantics)
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


def test_support_cycle_without_other_support_is_out() -> None:
    # No argument for `a` bottoms out in a premise: the well-founded reading refutes both.
    assert labels_of("claim a: A.\nclaim b: B.\na -> b\nb -> a\n") == {"a": OUT, "b": OUT}


def test_kripke_kleene_leaves_a_support_cycle_undecided() -> None:
    source = "claim a: A.\nclaim b: B.\na -> b\nb -> a\n"
    assert labels_of(source, "kripke-kleene") == {"a": UNDEC, "b": UNDEC}


def test_a_circular_objection_blocks_nothing() -> None:
    # The first minimal case: x and y support only each other.
    source = (
        "premise p: P.\nclaim x: X.\nclaim y: Y.\nconclusion c: C.\n"
        "p -> c\nx -> y\ny -> x\nx -| c\n"
    )
    assert labels_of(source) == {"p": IN, "x": OUT, "y": OUT, "c": IN}
    assert labels_of(source, "kripke-kleene")["c"] is UNDEC


def test_an_attack_on_an_attack_from_a_circular_claim_fails() -> None:
    # The second minimal case: `a` supports only itself, so its undercut of
    # `q -| c` fails and the attack stands.
    amap = argmap.parse(
        "claim a: A.\npremise q: Q.\npremise p: P.\nconclusion c: C.\n"
        "p -> c\na -> a\nq -| c\na -| (q -| c)\n",
        "map.argmap",
    )
    labels = compute_labels(amap)
    attack = next(node for node in amap.graph if amap.kind(node) == "attack")
    assert (labels["a"], labels[attack], labels["c"]) == (OUT, IN, OUT)


def test_circles_freed_one_after_another() -> None:
    # b1 and b2 are founded on `q` until the circle a1/a2 falls: then `x` stands, `q` falls,
    # and b1/b2 are a circle with nothing under it (a second round).
    source = (
        "premise r: R.\npremise q: Q.\nclaim x: X.\nclaim a1: A1.\nclaim a2: A2.\n"
        "claim b1: B1.\nclaim b2: B2.\npremise p: P.\nconclusion c: C.\n"
        "a1 -> a2\na2 -> a1\nr -> x\na1 -| x\nx -| q\nq -> b1\nb1 -> b2\nb2 -> b1\n"
        "b1 -| c\np -> c\n"
    )
    assert labels_of(source) == {
        "r": IN, "q": OUT, "x": IN, "a1": OUT, "a2": OUT, "b1": OUT, "b2": OUT, "p": IN,
        "c": IN,
    }
    assert labels_of(source, "kripke-kleene")["c"] is UNDEC


def test_an_unknown_semantics_is_refused() -> None:
    with pytest.raises(ValueError, match="grounded"):
        labels_of("premise p: P.\n", "grounded")


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


# -- attacks on attacks: the attack gets a node of its own (hand-computed) -------------------

GRANTED = (
    "premise a: A.\npremise x: X.\npremise y: Granted X, but Y.\nconclusion c: C.\n"
    "a -> c\nx -| c\n"
)


def all_labels(source: str) -> tuple[argmap.ArgumentMap, dict[str, Label]]:
    amap = argmap.parse(source, "map.argmap")
    return amap, compute_labels(amap)


def test_an_attack_undercut_by_an_in_statement_is_defeated() -> None:
    # x is IN, but y (IN) undercuts x's attack: the attack is OUT, so c stays IN.
    amap, labels = all_labels(GRANTED + "y -| (x -| c)\n")
    attack = amap.find_attack("x", "c")
    assert attack is not None
    assert labels[attack] is OUT
    assert (labels["x"], labels["y"], labels["c"]) == (IN, IN, IN)


def test_without_the_undercut_the_attack_defeats_the_conclusion() -> None:
    _, labels = all_labels(GRANTED)
    assert (labels["x"], labels["c"]) == (IN, OUT)


def test_an_undercut_of_the_undercut_reinstates_the_attack() -> None:
    # z undercuts y's undercut: y's attack on the attack is OUT, x's attack is IN, c is OUT.
    source = GRANTED + "premise z: Z.\ny -| (x -| c)\nz -| (y -| (x -| c))\n"
    amap, labels = all_labels(source)
    inner = amap.find_attack("x", "c")
    assert inner is not None
    outer = amap.find_attack("y", inner)
    assert outer is not None
    assert (labels[outer], labels[inner], labels["c"]) == (OUT, IN, OUT)
    assert (labels["y"], labels["z"]) == (IN, IN)


def test_an_undercutter_that_is_out_leaves_the_attack_in() -> None:
    _, labels = all_labels(GRANTED + "premise w: W.\ny -| (x -| c)\nw -| y\n")
    assert (labels["w"], labels["y"], labels["x"], labels["c"]) == (IN, OUT, IN, OUT)


def test_an_attack_whose_attacker_is_out_is_out_even_when_undercut() -> None:
    _, labels = all_labels(GRANTED + "premise w: W.\ny -| (x -| c)\nw -| x\n")
    assert (labels["x"], labels["c"]) == (OUT, IN)


def test_an_undecided_undercutter_leaves_the_attack_and_its_target_undecided() -> None:
    # y and v contradict each other: both UNDEC, so x's attack is UNDEC, and so is c.
    amap, labels = all_labels(GRANTED + "premise v: V.\ny -| (x -| c)\ny >< v\n")
    attack = amap.find_attack("x", "c")
    assert attack is not None
    assert (labels["y"], labels["v"], labels[attack], labels["c"]) == (UNDEC, UNDEC, UNDEC, UNDEC)


def test_an_undercut_of_one_direction_of_a_contradiction() -> None:
    # a >< b, and u denies that a counts against b: b's only attacker is OUT, so b is IN
    # and its (direct) contradiction defeats a.
    amap, labels = all_labels(
        "premise a: A.\npremise b: B.\npremise u: U.\na >< b\nu -| (a -| b)\n"
    )
    attack = amap.find_attack("a", "b")
    assert attack is not None
    assert (labels[attack], labels["a"], labels["b"], labels["u"]) == (OUT, OUT, IN, IN)


def test_an_attack_on_an_undercut_of_an_inference() -> None:
    # u undercuts a -> c; v denies that u counts against that step: the step stands.
    amap, labels = all_labels(
        "premise a: A.\npremise u: U.\npremise v: V.\nclaim c: C.\n"
        "a -> c\nu -| (a -> c)\nv -| (u -| (a -> c))\n"
    )
    inference = amap.find_inference(["a"], "c")
    assert inference is not None
    attack = amap.find_attack("u", inference)
    assert attack is not None
    assert (labels[attack], labels[inference], labels["c"]) == (OUT, IN, IN)


def test_a_contradiction_is_not_decided_by_support_but_by_an_answer() -> None:
    # The docs' example: both sides supported, so neither defeats the other...
    source = (
        "claim lose: L.\nclaim keep: K.\npremise parking: P.\npremise survey: S.\n"
        "parking -> lose\nsurvey -> keep\nlose >< keep\n"
    )
    assert labels_of(source) == {"lose": UNDEC, "keep": UNDEC, "parking": IN, "survey": IN}
    # ...until one side's support is answered.
    decided = labels_of(source + "survey -| (parking -> lose)\n")
    assert (decided["lose"], decided["keep"]) == (OUT, IN)


LINKED = (
    "premise a: A.\npremise b: B.\npremise s: S.\nconclusion c: C.\n"
    "s -> c\na + b -| c\n"
)


def test_a_linked_objection_whose_premises_are_all_in_defeats_its_target() -> None:
    amap, labels = all_labels(LINKED)
    attack = amap.find_attack(["a", "b"], "c")
    assert attack is not None
    assert (labels["a"], labels["b"], labels[attack], labels["c"]) == (IN, IN, IN, OUT)


def test_a_linked_objection_falls_with_any_one_of_its_premises() -> None:
    # Only together do a and b tell against c: defeat b, and the objection blocks nothing.
    amap, labels = all_labels(LINKED + "premise w: W.\nw -| b\n")
    attack = amap.find_attack(["b", "a"], "c")
    assert attack is not None
    assert (labels["a"], labels["b"], labels[attack], labels["c"]) == (IN, OUT, OUT, IN)


def test_a_linked_objection_with_an_undecided_premise_is_undecided() -> None:
    amap, labels = all_labels(LINKED + "premise v: V.\nb >< v\n")
    attack = amap.find_attack(["a", "b"], "c")
    assert attack is not None
    assert (labels["b"], labels[attack], labels["c"]) == (UNDEC, UNDEC, UNDEC)


def test_an_undercut_of_a_linked_objection_reinstates_its_target() -> None:
    amap, labels = all_labels(LINKED + "premise u: U.\nu -| (a + b -| c)\n")
    attack = amap.find_attack(["a", "b"], "c")
    assert attack is not None
    assert (labels[attack], labels["c"], labels["u"]) == (OUT, IN, IN)


def test_a_named_linked_objection_undercuts_an_inference() -> None:
    amap, labels = all_labels(
        "premise a: A.\npremise b: B.\npremise s: S.\nconclusion c: C.\n"
        "s -> c\nargument against: a + b -| (s -> c)\n"
    )
    inference = amap.find_inference(["s"], "c")
    assert (labels["against"], labels[str(inference)], labels["c"]) == (IN, OUT, OUT)
    assert amap.written("against") == "against"
    assert amap.attackers_of_attack("against") == ["a", "b"]


def test_a_linked_objection_weighs_as_much_as_its_weakest_premise() -> None:
    from argmap.analysis.strength import compute_strengths

    amap = argmap.parse(
        "premise a: A.\n  @confidence 0.9\npremise b: B.\n  @confidence 0.3\n"
        "premise s: S.\nconclusion c: C.\ns -> c\na + b -| c\n"
    )
    strengths = compute_strengths(amap)
    attack = amap.find_attack(["a", "b"], "c")
    assert attack is not None
    assert strengths[attack] == pytest.approx(0.3)
