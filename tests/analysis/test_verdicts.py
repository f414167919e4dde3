"""Verdicts in words for claims and conclusions, on small maps whose verdicts are plain."""

from __future__ import annotations

import pytest

import argmap
from argmap.analysis.verdicts import VerdictWord, verdicts

ACCEPTED, CONTESTED, DEFEATED = VerdictWord.ACCEPTED, VerdictWord.CONTESTED, VerdictWord.DEFEATED
UNSUPPORTED, CIRCULAR, UNDECIDED = (
    VerdictWord.UNSUPPORTED,
    VerdictWord.CIRCULAR,
    VerdictWord.UNDECIDED,
)

CASES = [
    ("accepted", "premise p: P.\nconclusion c: C.\np -> c\n", ACCEPTED, ()),
    (
        "reinstated",
        "premise p: P.\npremise x: X.\npremise y: Y.\nconclusion c: C.\np -> c\nx -| c\ny -| x\n",
        ACCEPTED,
        (),
    ),
    (
        "a concession is contested",
        "premise p: P.\npremise x: X.\nconclusion c: C.\np -> c\nx -| c\n",
        CONTESTED,
        ("x",),
    ),
    (
        "an objection to a premise contests what rests on it",
        "premise p: P.\npremise x: X.\nconclusion c: C.\np -> c\nx -| p\n",
        CONTESTED,
        ("x",),
    ),
    (
        "an undercut step defeats",
        "premise p: P.\npremise u: U.\nconclusion c: C.\np -> c\nu -| (p -> c)\n",
        DEFEATED,
        ("u",),
    ),
    (
        "a premise resting on a defeated claim falls",
        "premise p: P.\npremise u: U.\nclaim m: M.\nconclusion c: C.\np -> m\nm -> c\n"
        "u -| (p -> m)\n",
        DEFEATED,
        ("u",),
    ),
    ("unsupported", "conclusion c: C.\n", UNSUPPORTED, ()),
    (
        "resting on an unsupported claim",
        "claim m: M.\nconclusion c: C.\nm -> c\n",
        UNSUPPORTED,
        (),
    ),
    (
        "circular",
        "claim a: A.\nconclusion c: C.\na -> c\nc -> a\n",
        CIRCULAR,
        (),
    ),
    (
        "undecided",
        "premise p: P.\npremise x: X.\npremise y: Y.\nconclusion c: C.\np -> c\nx -| c\n"
        "x >< y\n",
        UNDECIDED,
        ("x",),
    ),
]


@pytest.mark.parametrize(("name", "source", "word", "objections"), CASES, ids=[c[0] for c in CASES])
def test_verdict(name: str, source: str, word: VerdictWord, objections: tuple[str, ...]) -> None:
    verdict = verdicts(argmap.parse(source))["c"]
    assert (verdict.word, verdict.objections) == (word, objections)
    assert verdict.explanation.startswith(f"`c` is {word.value}")


def test_claims_get_verdicts_too_and_premises_do_not() -> None:
    found = verdicts(argmap.parse("premise p: P.\nclaim m: M.\nconclusion c: C.\np -> m -> c\n"))
    assert list(found) == ["m", "c"]


def test_the_semantics_decides_circular_objections() -> None:
    source = (
        "premise p: P.\nclaim x: X.\nclaim y: Y.\nconclusion c: C.\np -> c\nx -> y\ny -> x\n"
        "x -| c\n"
    )
    amap = argmap.parse(source)
    assert verdicts(amap)["c"].word is ACCEPTED
    assert verdicts(amap)["x"].word is CIRCULAR
    assert verdicts(amap, semantics="kripke-kleene")["c"].word is UNDECIDED


def test_statement_text_never_enters_the_explanation() -> None:
    amap = argmap.parse(
        "premise p: P.\npremise x: <script>alert('x')</script>\nconclusion c: C.\np -> c\nx -| c\n"
    )
    assert verdicts(amap)["c"].explanation == (
        "`c` is contested: its support stands, and so does the objection `x` -| `c`."
    )


WEIGHED = (
    "premise p: P.\n  @confidence {p}\npremise x: X.\n  @confidence {x}\nconclusion c: C.\n"
    "p -> c\n"
)


def test_weighing_keeps_a_contested_verdict_whose_support_prevails() -> None:
    verdict = verdicts(argmap.parse(WEIGHED.format(p=0.9, x=0.3) + "x -| c\n"))["c"]
    assert verdict.word is CONTESTED
    # DF-QuAD: support 0.9 (the step's weakest premise), attack 0.3: 0.5 + 0.5 * 0.6 = 0.8.
    assert verdict.explanation.endswith("; weighed, its support prevails (strength 0.80).")


def test_weighing_defeats_where_the_objection_outweighs_the_support() -> None:
    verdict = verdicts(argmap.parse(WEIGHED.format(p=0.3, x=0.9) + "x -| c\n"))["c"]
    assert verdict.word is DEFEATED
    assert verdict.explanation == (
        "`c` is defeated: weighed, the objections to `c` outweigh what holds it up "
        "(0.90 against 0.30)."
    )


def test_an_objection_to_a_premise_is_weighed_against_its_confidence() -> None:
    strong = verdicts(argmap.parse(WEIGHED.format(p=0.9, x=0.3) + "x -| p\n"))["c"]
    weak = verdicts(argmap.parse(WEIGHED.format(p=0.3, x=0.9) + "x -| p\n"))["c"]
    assert (strong.word, weak.word) == (CONTESTED, DEFEATED)


def test_without_weights_nothing_is_weighed() -> None:
    source = "premise p: P.\npremise x: X.\nconclusion c: C.\np -> c\nx -| c\n"
    verdict = verdicts(argmap.parse(source))["c"]
    assert verdict.word is CONTESTED
    assert "weighed" not in verdict.explanation


def test_the_answered_objections_of_an_accepted_conclusion() -> None:
    from argmap.analysis.indexed import index_map
    from argmap.analysis.labels import label_codes
    from argmap.analysis.verdicts import answered_objections

    amap = argmap.parse(
        "premise p: P.\npremise x: X.\npremise y: Y.\nclaim z: Z.\npremise q: Q.\n"
        "premise u: U.\nconclusion c: C.\np -> c\nx -| c\ny -| x\nq -> z\nz -| p\n"
        "u -| (q -> z)\n"
    )
    graph = index_map(amap)
    found = answered_objections(amap, graph, label_codes(graph), graph.index["c"])
    assert [answer.written for answer in found] == [
        "`x` -| `c`, answered by `y` -| `x`",
        "`z` -| `p`, whose support falls",
    ]


def test_an_answered_objection_is_not_weighed() -> None:
    # `y` answers `z`; only `x` (0.3) stands against the support (0.9). Weighed in, `z`
    # (1 - 0.1 = 0.9 after its weak attacker) would tip the scale: 1 - 0.7 * 0.1 = 0.93.
    source = WEIGHED.format(p=0.9, x=0.3) + (
        "premise y: Y.\n  @confidence 0.1\npremise z: Z.\n  @confidence 1\nx -| c\nz -| c\n"
        "y -| z\n"
    )
    verdict = verdicts(argmap.parse(source))["c"]
    assert verdict.word is CONTESTED


def test_a_linked_objection_is_named_with_all_its_premises() -> None:
    amap = argmap.parse(
        "premise p: P.\npremise a: A.\npremise b: B.\nconclusion c: C.\np -> c\na + b -| c\n"
    )
    verdict = verdicts(amap)["c"]
    assert verdict.word is VerdictWord.CONTESTED
    assert verdict.objections == ("a", "b")
    assert verdict.explanation == (
        "`c` is contested: its support stands, and so does the objection `a` + `b` -| `c`."
    )


def test_a_linked_objection_answered_through_one_premise() -> None:
    from argmap.analysis.indexed import index_map
    from argmap.analysis.labels import label_codes
    from argmap.analysis.verdicts import answered_objections

    amap = argmap.parse(
        "premise p: P.\npremise a: A.\npremise b: B.\npremise y: Y.\nconclusion c: C.\n"
        "p -> c\na + b -| c\ny -| b\n"
    )
    graph = index_map(amap)
    found = answered_objections(amap, graph, label_codes(graph), graph.index["c"])
    assert [answer.written for answer in found] == [
        "`a` + `b` -| `c`, answered by `y` -| `b`"
    ]
