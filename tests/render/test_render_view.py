"""Selections: focus and depth, section, tag; the model is never changed."""

from __future__ import annotations

import pytest

import argmap
from argmap.model import ArgumentMap
from argmap.render.view import ViewError, ViewSpec, neighbourhood, select

CHAIN = """\
premise a: A.
claim b: B.
claim c: C.
claim d: D.
premise e: E, linked with a.
premise x: X attacks d.
a + e -> b
b -> c -> d
x -| d
"""


@pytest.fixture
def chain() -> ArgumentMap:
    return argmap.parse(CHAIN, "chain.argmap")


def _statements(nodes: set[str]) -> set[str]:
    return {node for node in nodes if not node.startswith("inference-")}


def test_whole_map_by_default(chain: ArgumentMap) -> None:
    assert select(chain, ViewSpec()) == set(chain.graph.nodes)


@pytest.mark.parametrize(
    ("focus", "depth", "expected"),
    [
        ("b", 0, {"b"}),
        ("b", 1, {"a", "e", "b", "c"}),  # linked premises are one step from the conclusion
        ("b", 2, {"a", "e", "b", "c", "d"}),
        ("d", 1, {"c", "d", "x"}),
        ("a", 1, {"a", "b", "e"}),  # a fellow premise of a linked inference is one step
    ],
)
def test_focus_and_depth(chain: ArgumentMap, focus: str, depth: int, expected: set[str]) -> None:
    nodes = select(chain, ViewSpec(focus=focus, depth=depth))
    assert _statements(nodes) == expected


def test_focus_draws_only_inferences_with_both_ends(chain: ArgumentMap) -> None:
    nodes = select(chain, ViewSpec(focus="d", depth=1))
    assert nodes - _statements(nodes) == {"inference-3"}  # c -> d


def test_unknown_focus_suggests_the_closest(chain: ArgumentMap) -> None:
    with pytest.raises(ViewError, match="no statement `dd` in the map; did you mean `d`"):
        select(chain, ViewSpec(focus="dd"))


def test_section_and_tag(small_map: ArgumentMap) -> None:
    assert _statements(select(small_map, ViewSpec(section="thesis"))) == {"d", "x", "y", "u"}
    assert _statements(select(small_map, ViewSpec(tag="#alpha"))) == {"a"}
    combined = ViewSpec(section="Reasons", tag="beta")
    assert _statements(select(small_map, combined)) == {"b"}


def test_unknown_section_and_tag(small_map: ArgumentMap) -> None:
    with pytest.raises(ViewError, match="no section `Reason` in the map; did you mean `Reasons`"):
        select(small_map, ViewSpec(section="Reason"))
    with pytest.raises(ViewError, match="no statement is tagged `#alfa`; did you mean `alpha`"):
        select(small_map, ViewSpec(tag="alfa"))


def test_selection_does_not_change_the_model(chain: ArgumentMap) -> None:
    before = (list(chain.graph.nodes(data=True)), list(chain.graph.edges(data=True)))
    select(chain, ViewSpec(focus="b", depth=1, tag=None))
    assert (list(chain.graph.nodes(data=True)), list(chain.graph.edges(data=True))) == before


def test_deep_chain_needs_no_recursion() -> None:
    size = 20_000
    lines = ["premise s0: start."]
    lines += [f"claim s{i}: step {i}." for i in range(1, size)]
    lines += [f"s{i - 1} -> s{i}" for i in range(1, size)]
    amap = argmap.parse("\n".join(lines) + "\n", "deep.argmap")
    assert len(neighbourhood(amap, "s0", size)) == size


NAMED = """\
premise a: A.
premise b: B.
premise u: U.
premise v: V.
claim c: C.
conclusion d: D.
argument step: a + b -> c : a rule #economy
c -> d
u -| step
v -| (u -| step)
"""


def test_a_named_inference_is_focused_and_tagged_by_its_name() -> None:
    amap = argmap.parse(NAMED, "named.argmap")
    tagged = select(amap, ViewSpec(tag="economy"))
    assert tagged == {"a", "b", "c", "step"}
    focused = select(amap, ViewSpec(focus="step", depth=1))
    assert {"a", "b", "c", "u", "step"} <= focused
    assert "d" not in focused
    with pytest.raises(ViewError, match="did you mean `step`"):
        select(amap, ViewSpec(focus="stpe"))


def test_an_undercut_attack_is_drawn_with_its_attacker_and_target() -> None:
    amap = argmap.parse(NAMED, "named.argmap")
    attack = amap.find_attack("u", "step")
    assert attack is not None
    assert attack in select(amap, ViewSpec())
    assert attack not in select(amap, ViewSpec(tag="economy"))  # u is not drawn


LINKED = """\
premise s: S.
premise a: A.
premise b: B.
premise u: U.
conclusion c: C.
s -> c
argument late: a + b -| (s -> c) #timing
u -| late
"""


def test_a_named_attack_is_focused_and_tagged_by_its_name() -> None:
    amap = argmap.parse(LINKED, "linked.argmap")
    tagged = select(amap, ViewSpec(tag="timing"))
    assert _statements(tagged) - {"late"} == {"a", "b", "s", "c"}
    assert "late" in tagged  # its premises and the step it undercuts are drawn
    focused = select(amap, ViewSpec(focus="late", depth=1))
    assert {"a", "b", "u", "late"} <= focused
    with pytest.raises(ViewError, match="did you mean `late`"):
        select(amap, ViewSpec(focus="lte"))


def test_a_linked_objection_is_drawn_when_one_of_its_premises_is() -> None:
    plain = LINKED.replace("argument late: ", "").replace(" #timing", "")
    amap = argmap.parse(plain.replace("u -| late", "u -| (a + b -| (s -> c))"), "linked.argmap")
    attack = amap.find_attack(["a", "b"], amap.find_inference(["s"], "c") or "")
    assert attack is not None
    assert attack in select(amap, ViewSpec(statements={"a", "s", "c"}))
    assert attack not in select(amap, ViewSpec(statements={"s", "c"}))
