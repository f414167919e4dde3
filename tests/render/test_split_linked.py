"""`--split` with linked objections, pinned without drawing: which part draws one, and the
line that stands for one drawn nowhere."""

from __future__ import annotations

import argmap
from argmap.render.cut import Part
from argmap.render.split import _names, _stubs
from argmap.render.stubs import stub_edges

LINKED = """\
premise a: A.
premise b: B.
premise x: X.
conclusion c: C.
premise d: D.
premise e: E.
a + b -| c
d + e -| (a + b -| c)
"""


def test_a_linked_objection_is_drawn_in_the_part_of_most_of_its_premises() -> None:
    amap = argmap.parse(LINKED, "linked.argmap")
    parts = [Part("C", ("c",)), Part("AX", ("a", "x")), Part("BDE", ("b", "d", "e"))]
    stubs = _stubs(amap, parts, _names(parts, "svg"))
    linked = amap.find_attack(["a", "b"], "c")
    assert linked is not None
    assert stubs[linked].part == stubs["a"].part == "Part 3"  # a tie: the first premise's
    undercut = amap.find_attack(["d", "e"], linked)
    assert undercut is not None and stubs[undercut].part == "Part 3"  # with its target
    parts = [Part("C", ("c",)), Part("A", ("a",)), Part("BDX", ("b", "x", "d"))]
    amap = argmap.parse(LINKED.replace("d + e -| (a + b -| c)", "x + b -| c"), "m.argmap")
    stubs = _stubs(amap, parts, _names(parts, "svg"))
    assert stubs[str(amap.find_attack(["x", "b"], "c"))].part == "Part 4"  # both there


def test_premises_of_an_undercut_drawn_nowhere_end_in_its_bar() -> None:
    # The objection and its target are in a part drawn alone, so the undercut has no home:
    # each of its premises' lines stands for the whole undercut, dashed, with its bar.
    amap = argmap.parse(LINKED, "linked.argmap")
    parts = [Part("DE", ("d", "e")), Part("ABC", ("a", "b", "c"), alone=True)]
    stubs = _stubs(amap, parts, _names(parts, "svg"))
    edges = stub_edges(amap, {"d", "e"}, stubs)
    relations = {(tail, relation) for tail, _, relation in edges}
    assert relations == {("d", "undercut"), ("e", "undercut")}
