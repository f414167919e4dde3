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
