"""`analyze`: each conclusion's verdict, cruxes, defeaters, assumptions, depth and breadth."""

from __future__ import annotations

import pytest

import argmap
from argmap.analysis.analyze import ConclusionAnalysis, analyze
from argmap.analysis.labels import Label
from argmap.analysis.verdicts import VerdictWord, verdicts


def analysed(source: str, semantics: str = "well-founded") -> dict[str, ConclusionAnalysis]:
    report = analyze(argmap.parse(source, "map.argmap"), semantics)
    return {conclusion.statement: conclusion for conclusion in report.conclusions}


def test_an_accepted_conclusion_with_its_cruxes_assumptions_depth_and_breadth() -> None:
    found = analysed(
        "premise p: P.\nassumption a: A.\nclaim m: M.\n  @implicit\npremise q: Q.\n"
        "conclusion c: C.\np + a -> m\nm -> c\nq -> c\n"
    )["c"]
    assert (found.label, found.verdict, found.cruxes, found.defeaters) == (
        Label.IN, VerdictWord.ACCEPTED, (), ()
    )
    assert (found.assumptions, found.implicit, found.depth, found.breadth) == (
        ("a",), ("m",), 2, 3
    )
    assert 0 < found.strength <= 1


def test_a_contested_conclusion_names_its_contesters_and_has_no_cruxes() -> None:
    source = "premise p: P.\npremise o: O.\nconclusion c: C.\np -> c\no -| c\n"
    found = analysed(source)["c"]
    assert (found.label, found.verdict, found.cruxes, found.defeaters) == (
        Label.OUT, VerdictWord.CONTESTED, (), ("o",)
    )
    assert found.explanation == verdicts(argmap.parse(source, "map.argmap"))["c"].explanation


def test_an_answer_to_the_objection_is_a_crux() -> None:
    found = analysed(
        "premise p: P.\npremise o: O.\npremise a: A.\nconclusion c: C.\np -> c\no -| c\na -| o\n"
    )["c"]
    assert found.cruxes == ("p", "a")


@pytest.mark.parametrize("semantics", ["well-founded", "kripke-kleene"])
def test_support_that_runs_in_a_circle_counts_once_round(semantics: str) -> None:
    # p -> x -> y -> x: the well-founded depth of y is 2 (p, then x, then y), not endless.
    found = analysed(
        "premise p: P.\nclaim x: X.\nconclusion y: Y.\np -> x\nx -> y\ny -> x\n", semantics
    )["y"]
    assert (found.depth, found.breadth, found.cruxes) == (2, 1, ("p",))


def test_a_circular_conclusion_has_depth_zero() -> None:
    found = analysed("claim x: X.\nconclusion y: Y.\nx -> y\ny -> x\n")["y"]
    assert (found.verdict, found.depth, found.breadth) == (VerdictWord.CIRCULAR, 0, 0)


def test_labels_and_strengths_of_every_statement() -> None:
    report = analyze(argmap.parse("premise p: P.\nconclusion c: C.\np -> c\n", "map.argmap"))
    assert report.semantics == "well-founded"
    assert report.labels == {"p": Label.IN, "c": Label.IN}
    assert set(report.strengths) == {"p", "c"}
