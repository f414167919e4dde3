"""Cruxes equal their definition: remove the premise (its inferences and its attacks with
it), label the map again, and see whether the accepted statement is still IN."""

from __future__ import annotations

import copy

import pytest
from analysis_helpers import maps
from hypothesis import given, settings

import argmap
from argmap.analysis.cruxes import cruxes
from argmap.analysis.labels import Label, Semantics, compute_labels
from argmap.model import ASSUMPTION, ATTACKER_EDGE, PREMISE, PREMISE_EDGE, ArgumentMap

SEMANTICS = [semantics.value for semantics in Semantics]


def without(amap: ArgumentMap, premise: str) -> ArgumentMap:
    """The map with `premise`, the inferences that use it and the attacks it makes removed."""
    smaller = copy.copy(amap)
    smaller.graph = amap.graph.copy()
    gone = [premise] + [
        target
        for target, kind in amap.graph.succ[premise].items()
        if kind["kind"] in (PREMISE_EDGE, ATTACKER_EDGE)
    ]
    smaller.graph.remove_nodes_from(gone)
    return smaller


def brute_force(amap: ArgumentMap, semantics: str) -> dict[str, tuple[str, ...]]:
    """Every IN statement's cruxes, one relabelling of the whole map per premise."""
    labels = compute_labels(amap, semantics)
    accepted = [node for node, _ in amap.statements() if labels[node] is Label.IN]
    grounds = [node for node, data in amap.statements() if data["kind"] in (PREMISE, ASSUMPTION)]
    found: dict[str, list[str]] = {node: [] for node in accepted}
    for premise in grounds:
        after = compute_labels(without(amap, premise), semantics)
        for node in accepted:
            if after.get(node) is not Label.IN:
                found[node].append(premise)
    return {node: tuple(premises) for node, premises in found.items()}


@pytest.mark.parametrize("semantics", SEMANTICS)
@settings(max_examples=400, deadline=None)
@given(amap=maps())
def test_cruxes_equal_the_brute_force_definition(amap: ArgumentMap, semantics: str) -> None:
    expected = brute_force(amap, semantics)
    labels = compute_labels(amap, semantics)
    statements = [node for node, _ in amap.statements()]
    assert cruxes(amap, labels, semantics, statements) == expected


def cruxes_of(source: str, semantics: str = "well-founded") -> dict[str, tuple[str, ...]]:
    return cruxes(argmap.parse(source, "map.argmap"), semantics=semantics)


CASES = {
    "a lone premise carries its conclusion": (
        "premise p: P.\nconclusion c: C.\np -> c\n",
        {"c": ("p",)},
    ),
    "linked premises are each a crux": (
        "premise p: P.\nassumption q: Q.\nconclusion c: C.\np + q -> c\n",
        {"c": ("p", "q")},
    ),
    "two independent reasons: neither is a crux": (
        "premise p: P.\npremise q: Q.\nconclusion c: C.\np -> c\nq -> c\n",
        {"c": ()},
    ),
    "a premise that answers an objection is a crux": (
        "premise p: P.\npremise o: O.\npremise a: A.\nconclusion c: C.\n"
        "p -> c\no -| c\na -| o\n",
        {"c": ("p", "a")},
    ),
    "an answer that undercuts the objection's attack": (
        "premise p: P.\npremise o: O.\npremise a: A.\nconclusion c: C.\n"
        "p -> c\no -| c\na -| (o -| c)\n",
        {"c": ("p", "a")},
    ),
    "two answers to one objection: neither alone": (
        "premise p: P.\npremise o: O.\npremise a: A.\npremise b: B.\nconclusion c: C.\n"
        "p -> c\no -| c\na -| o\nb -| o\n",
        {"c": ("p",)},
    ),
    "the crux lies deep in a chain": (
        "premise p: P.\nclaim m: M.\nconclusion c: C.\np -> m -> c\n",
        {"c": ("p",)},
    ),
    "a contested conclusion has no cruxes listed": (
        "premise p: P.\npremise o: O.\nconclusion c: C.\np -> c\no -| c\n",
        {},
    ),
    "a circular objection blocks nothing, so nothing answers it": (
        "premise p: P.\nclaim x: X.\nclaim y: Y.\nconclusion c: C.\n"
        "p -> c\nx -> y\ny -> x\nx -| c\n",
        {"c": ("p",)},
    ),
}


@pytest.mark.parametrize("source, expected", CASES.values(), ids=CASES)
def test_cruxes_of_small_maps(source: str, expected: dict[str, tuple[str, ...]]) -> None:
    assert cruxes_of(source) == expected
