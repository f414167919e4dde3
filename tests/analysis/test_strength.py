"""DF-QuAD strengths: worked examples computed by hand from the published definitions (the
arithmetic in each case), and the semantics' properties on random maps (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis import strength
from argmap.analysis.strength import aggregate, combine, compute_strengths
from argmap.errors import Span
from argmap.model import STATEMENT_KINDS, ArgumentMap, needs_support

SPAN = Span("random.argmap", 1, 1, 1, 2)


def strengths_of(source: str) -> dict[str, float]:
    amap = argmap.parse(source, "map.argmap")
    strengths = compute_strengths(amap)
    assert set(strengths) == set(amap.graph.nodes)
    return strengths


def test_aggregation_and_combination_as_defined() -> None:
    assert aggregate([]) == 0.0
    assert aggregate([0.8, 0.5]) == pytest.approx(1 - 0.2 * 0.5)  # 0.9
    assert combine(0.5, 0.0, 0.0) == 0.5
    assert combine(0.5, 0.8, 0.4) == pytest.approx(0.5 - 0.5 * 0.4)  # 0.3
    assert combine(0.5, 0.2, 0.6) == pytest.approx(0.5 + 0.5 * 0.4)  # 0.7
    assert combine(0.3, 0.6, 0.6) == 0.3


# Each case: the map, then each node's strength with its arithmetic. Base scores are the
# `@confidence` given, else 0.5.
WORKED = [
    pytest.param(
        "premise p: P.\n  @confidence 0.8\nconclusion c: C.\np -> c\n",
        # inference = weakest premise = 0.8; c = 0.5 + (1 - 0.5) * (0.8 - 0) = 0.9
        {"p": 0.8, "inference-1": 0.8, "c": 0.9},
        id="one supporter",
    ),
    pytest.param(
        "premise a: A.\n  @confidence 0.9\npremise b: B.\n  @confidence 0.6\n"
        "conclusion c: C.\na + b -> c\n",
        # a linked step holds as far as its weakest premise: min(0.9, 0.6) = 0.6;
        # c = 0.5 + 0.5 * 0.6 = 0.8
        {"inference-1": 0.6, "c": 0.8},
        id="linked premises",
    ),
    pytest.param(
        "premise p: P.\n  @confidence 0.8\npremise q: Q.\nconclusion c: C.\np -> c\nq -> c\n",
        # support = F(0.8, 0.5) = 1 - 0.2 * 0.5 = 0.9; c = 0.5 + 0.5 * 0.9 = 0.95
        {"c": 0.95},
        id="two supporters",
    ),
    pytest.param(
        "premise p: P.\n  @confidence 0.4\npremise x: X.\n  @confidence 0.8\n"
        "conclusion c: C.\np -> c\nx -| c\n",
        # attack 0.8 >= support 0.4: c = 0.5 - 0.5 * (0.8 - 0.4) = 0.3
        {"c": 0.3},
        id="an objection outweighs the support",
    ),
    pytest.param(
        "premise p: P.\npremise x: X.\nconclusion c: C.\n  @confidence 0.3\np -> c\nx -| c\n",
        # attack 0.5 = support 0.5: c keeps its base score 0.3
        {"c": 0.3},
        id="balance",
    ),
    pytest.param(
        "premise p: P.\npremise u: U.\n  @confidence 0.6\nconclusion c: C.\np -> c\n"
        "u -| (p -> c)\n",
        # inference = C(0.5, F(0.6), 0) = 0.5 - 0.5 * 0.6 = 0.2; c = 0.5 + 0.5 * 0.2 = 0.6
        {"inference-1": 0.2, "c": 0.6},
        id="undercut step",
    ),
    pytest.param(
        "premise p: P.\npremise x: X.\npremise y: Y.\nconclusion c: C.\np -> c\nx -| c\n"
        "y -| (x -| c)\n",
        # attack node = C(x = 0.5, F(y = 0.5), 0) = 0.25;
        # c: support 0.5 > attack 0.25, c = 0.5 + 0.5 * 0.25 = 0.625
        {"attack-1": 0.25, "c": 0.625},
        id="undercut attack",
    ),
    pytest.param(
        "premise b: B.\npremise c: C.\npremise d: D.\nc -| b\nd -| c\n",
        # d = 0.5; c = 0.5 - 0.5 * 0.5 = 0.25; b = 0.5 - 0.5 * 0.25 = 0.375
        {"d": 0.5, "c": 0.25, "b": 0.375},
        id="chain of attacks",
    ),
    pytest.param(
        "premise a: A.\npremise b: B.\na >< b\n",
        # a cycle: a = 0.5 * (1 - b), b = 0.5 * (1 - a): the fixed point a = b = 1/3
        {"a": 1 / 3, "b": 1 / 3},
        id="contradiction settles",
    ),
    pytest.param(
        "premise a: A.\n  @confidence 1\npremise b: B.\n  @confidence 1\na >< b\n",
        # rounds alternate (1, 1), (0, 0), (1, 1), ...: the average of the last two, 0.5
        {"a": 0.5, "b": 0.5},
        id="contradiction that swings",
    ),
    pytest.param(
        "premise a: A.\na -| a\n",
        # a = 0.5 * (1 - a): a = 1/3
        {"a": 1 / 3},
        id="self-attack",
    ),
    pytest.param(
        "claim a: A.\nclaim b: B.\na -> b\nb -> a\n",
        # support that only runs in a circle is not grounded: it gives none, a and b keep
        # their base scores (DF-QuAD's iteration alone would lift both to 1)
        {"a": 0.5, "b": 0.5},
        id="support only in a circle",
    ),
    pytest.param(
        "premise p: P.\nclaim a: A.\nclaim b: B.\np -> a\na -> b\nb -> a\n",
        # grounded through p: a = 0.5 + 0.5 * F(0.5, b) = 0.75 + 0.25 * b and
        # b = 0.5 + 0.5 * a, whose one fixed point is a = b = 1
        {"a": 1.0, "b": 1.0},
        id="support in a circle from a premise",
    ),
    pytest.param(
        "claim u: U.\nconclusion c: C.\nu -> c\n",
        # u needs support and has none: its step is not grounded and lends c nothing
        {"u": 0.5, "inference-1": 0.5, "c": 0.5},
        id="a step from an unsupported claim",
    ),
]


@pytest.mark.parametrize(("source", "expected"), WORKED)
def test_worked_examples(source: str, expected: dict[str, float]) -> None:
    strengths = strengths_of(source)
    assert {node: strengths[node] for node in expected} == pytest.approx(expected, abs=1e-8)


DOCS_EXAMPLE = """\
premise injuries: 40 cyclists were injured on the road last year.
  @confidence 0.9
premise survey: Most residents asked want a lane.
  @confidence 0.6
claim costly: The lane costs more than the town can pay.
  @by Shopkeepers
  @confidence 0.7
premise grant: A regional grant pays half of the cost.
  @confidence 0.8
conclusion build: The town should build the lane.
injuries -> build
survey -> build
costly -| build
grant -| costly
"""


def test_the_documented_example() -> None:
    # docs/strength.md walks through these numbers.
    strengths = strengths_of(DOCS_EXAMPLE)
    costly = 0.7 - 0.7 * 0.8  # 0.14: the grant's 0.8 against no support
    support = 1 - (1 - 0.9) * (1 - 0.6)  # 0.96
    build = 0.5 + 0.5 * (support - costly)  # 0.91
    assert strengths["costly"] == pytest.approx(costly)
    assert strengths["build"] == pytest.approx(build)
    assert round(strengths["build"], 2) == 0.91
    # Without the grant: costly keeps 0.7, build = 0.5 + 0.5 * (0.96 - 0.7) = 0.63.
    without = strengths_of(DOCS_EXAMPLE.replace("grant -| costly\n", ""))
    assert without["build"] == pytest.approx(0.5 + 0.5 * (support - 0.7))
    assert round(without["build"], 2) == 0.63


def test_a_cycle_that_does_not_settle_in_time_gets_the_average_of_its_last_two_rounds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a = 0.9 * (1 - b) and b = 0.9 * (1 - a), both from 0.9: round 1 gives 0.09 each,
    # round 2 0.9 * 0.91 = 0.819, round 3 0.9 * 0.181 = 0.1629 (settling towards 0.9 / 1.9,
    # slowly). With a limit of 3 rounds, each gets the average of the last two.
    monkeypatch.setattr(strength, "ROUNDS", 3)
    strengths = strengths_of(
        "premise a: A.\n  @confidence 0.9\npremise b: B.\n  @confidence 0.9\na >< b\n"
    )
    assert strengths["a"] == pytest.approx((0.819 + 0.1629) / 2)
    assert strengths["b"] == strengths["a"]


def test_a_long_chain_is_evaluated_without_recursion() -> None:
    size = 5000
    lines = ["premise s0: S0."] + [f"claim s{i}: S{i}." for i in range(1, size)]
    lines += [f"s{i} -> s{i + 1}" for i in range(size - 1)]
    strengths = strengths_of("\n".join(lines) + "\n")
    # s0 = 0.5, each next one 0.5 + 0.5 * the one before: 1 - 0.5 ** (i + 1)
    assert strengths["s3"] == pytest.approx(1 - 0.5**4)
    assert strengths[f"s{size - 1}"] == pytest.approx(1.0)


# -- properties on random maps ------------------------------------------------------------

confidences = st.one_of(st.none(), st.floats(0.0, 1.0))


def _statements(draw: st.DrawFn, amap: ArgumentMap) -> list[str]:
    ids = [f"s{i}" for i in range(draw(st.integers(1, 7)))]
    for node in ids:
        confidence = draw(confidences)
        attributes = {} if confidence is None else {"confidence": confidence}
        kind = draw(st.sampled_from(STATEMENT_KINDS))
        amap.add_statement(node, kind, node, span=SPAN, attributes=attributes)
    return ids


@st.composite
def maps(draw: st.DrawFn, acyclic: bool = False) -> ArgumentMap:
    """Random maps with inferences, attacks, contradictions and undercuts of steps and of
    attacks (nested). `acyclic`: whatever a node rests on comes later in the map's order
    (each premise and attacker after the statement it supports or attacks, an undercutter
    after the conclusion of the step or the target of the attack it undercuts), and there
    is no contradiction (a cycle of two)."""
    amap = ArgumentMap()
    ids = _statements(draw, amap)

    def after(node: str) -> list[str]:
        return ids[ids.index(node) + 1 :] if acyclic else ids

    for _ in range(draw(st.integers(0, 8))):
        conclusion = draw(st.sampled_from(ids))
        if not after(conclusion):
            continue
        premises = draw(st.lists(st.sampled_from(after(conclusion)), min_size=1, max_size=3,
                                 unique=True))
        if amap.find_inference(premises, conclusion) is None:
            amap.add_inference(premises, conclusion, span=SPAN)
    steps = {node: amap.conclusion_of(node) for node, _ in amap.inferences()}
    for _ in range(draw(st.integers(0, 6))):
        target = draw(st.sampled_from(ids + list(steps)))
        pool = after(steps.get(target, target))
        if not pool:
            continue
        attacker = draw(st.sampled_from(pool))
        if not acyclic and target in ids and draw(st.booleans()):
            amap.add_contradiction(attacker, target, span=SPAN)
        elif not amap.graph.has_edge(attacker, target):
            amap.add_attack(attacker, target, span=SPAN)
    for _ in range(draw(st.integers(0, 4))):
        attacks = [
            (source, target)
            for source, target, kind in amap.graph.edges(data="kind")
            if kind in ("attack", "contradicts") and amap.is_statement(source)
        ]
        if not attacks:
            break
        attacker, target = draw(st.sampled_from(attacks))
        if acyclic and not (amap.is_statement(target) or target in steps):
            continue  # an attack on an attack's node: keep the acyclic maps simple
        pool = after(steps.get(target, target))
        if not pool:
            continue
        node = amap.undercut_attack(attacker, target)
        undercutter = draw(st.sampled_from(pool))
        if not amap.graph.has_edge(undercutter, node):
            amap.add_attack(undercutter, node, span=SPAN)
    return amap


def base_of(amap: ArgumentMap, node: str) -> float:
    confidence = amap.graph.nodes[node]["attributes"].get("confidence")
    return 0.5 if confidence is None else float(confidence)


@settings(max_examples=300, deadline=None)
@given(maps())
def test_every_strength_is_in_the_unit_interval_and_a_statement_left_alone_keeps_its_base(
    amap: ArgumentMap,
) -> None:
    strengths = compute_strengths(amap)
    assert set(strengths) == set(amap.graph.nodes)
    assert all(0.0 <= value <= 1.0 for value in strengths.values())
    for node, _ in amap.statements():
        if not amap.attackers_of(node) and not amap.inferences_for(node):
            assert strengths[node] == base_of(amap, node)


def _with_new_premise(amap: ArgumentMap, target: str, confidence: float, attack: bool) -> None:
    amap.add_statement("new", "premise", "New.", span=SPAN, attributes={"confidence": confidence})
    if attack:
        amap.add_attack("new", target, span=SPAN)
    else:
        amap.add_inference(["new"], target, span=SPAN)


@settings(max_examples=200, deadline=None)
@given(maps(acyclic=True), st.data(), st.floats(0.0, 1.0), st.booleans())
def test_a_new_supporter_never_lowers_and_a_new_attacker_never_raises(
    amap: ArgumentMap, data: st.DataObject, confidence: float, attack: bool
) -> None:
    target = data.draw(st.sampled_from([node for node, _ in amap.statements()]))
    before = compute_strengths(amap)[target]
    _with_new_premise(amap, target, confidence, attack)
    after = compute_strengths(amap)[target]
    if attack:
        assert after <= before + 1e-12
    else:
        assert after >= before - 1e-12


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.integers(1, 3))
def test_equal_support_and_attack_leave_the_base_score(
    base: float, weight: float, count: int
) -> None:
    amap = ArgumentMap()
    amap.add_statement("c", "conclusion", "C.", span=SPAN, attributes={"confidence": base})
    for number in range(count):
        for side in ("pro", "con"):
            node = f"{side}{number}"
            amap.add_statement(node, "premise", node, span=SPAN,
                               attributes={"confidence": weight})
            if side == "pro":
                amap.add_inference([node], "c", span=SPAN)
            else:
                amap.add_attack(node, "c", span=SPAN)
    assert compute_strengths(amap)["c"] == pytest.approx(base, abs=1e-12)


def reference(amap: ArgumentMap) -> dict[str, float]:
    """DF-QuAD on an acyclic map, written from the definitions on the model's own queries
    (no index, no components): each node from what it rests on, remembered; a statement's
    grounded inferences support it."""
    known: dict[str, float] = {}
    grounded: dict[str, bool] = {}

    def is_grounded(node: str) -> bool:
        if node not in grounded:
            if amap.kind(node) == "inference":
                grounded[node] = all(map(is_grounded, amap.premises_of(node)))
            else:
                grounded[node] = not needs_support(amap.graph.nodes[node]) or any(
                    map(is_grounded, amap.inferences_for(node))
                )
        return grounded[node]

    def value(node: str) -> float:
        if node not in known:
            attack = aggregate([value(attacker) for attacker in amap.attackers_of(node)])
            kind = amap.kind(node)
            if kind == "inference":
                base = min(value(premise) for premise in amap.premises_of(node))
                known[node] = combine(base, attack, 0.0)
            elif kind == "attack":
                known[node] = combine(value(amap.attacker_of(node)), attack, 0.0)
            else:
                support = aggregate(
                    [value(step) for step in amap.inferences_for(node) if is_grounded(step)]
                )
                known[node] = combine(base_of(amap, node), attack, support)
        return known[node]

    return {node: value(node) for node in amap.graph.nodes}


@settings(max_examples=200, deadline=None)
@given(maps(acyclic=True))
def test_on_acyclic_maps_the_strengths_are_the_definitions(amap: ArgumentMap) -> None:
    assert compute_strengths(amap) == pytest.approx(reference(amap), abs=1e-12)
