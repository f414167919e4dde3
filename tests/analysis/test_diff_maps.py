"""What `diff_maps` finds between two versions of a map, case by case."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.analysis.diff import MARKS, MapDiff, Status, diff_maps
from argmap.language.format import format_text

BASE = """\
premise rain: It rained.
premise gutter: The gutter overflows.
claim wet: The street is wet.
conclusion slow: Traffic will be slow.
premise x: X.
premise y: Y.
rain + gutter -> wet
wet -> slow
x >< y
"""


def diff_of(old: str, new: str) -> MapDiff:
    return diff_maps(argmap.parse(old, "old.argmap"), argmap.parse(new, "new.argmap"))


def summary(result: MapDiff) -> list[str]:
    """Each difference as a line, as a reader would say it."""
    lines = [
        f"{MARKS[s.status]} {s.statement}"
        + (": " + ", ".join(c.describe() for c in s.changes) if s.changes else "")
        for s in result.statements
    ]
    lines += [
        f"{MARKS[r.status]} {r.relation}"
        + (": " + ", ".join(c.describe() for c in r.changes) if r.changes else "")
        for r in result.relations
    ]
    lines += [
        f"verdict {v.statement}: {v.old} -> {v.new} because {'; '.join(v.because)}"
        for v in result.verdicts
    ]
    return lines


SAME = [
    (
        "reordered statements and relations",
        BASE,
        """\
conclusion slow: Traffic will be slow.
premise y: Y.
claim wet: The street is wet.
premise x: X.
premise gutter: The gutter overflows.
premise rain: It rained.
wet -> slow
y >< x
gutter + rain -> wet
""",
    ),
    (
        "comments, blank lines, wrapped text and unicode arrows",
        BASE,
        """\
# A comment.
premise rain: It rained.

premise gutter:
    The gutter
    overflows.
claim wet: The street is wet.
conclusion slow: Traffic will be slow.
premise x: X.
premise y: Y.
rain + gutter → wet   # a trailing comment
wet → slow
x >< y
""",
    ),
    (
        "a chain written as two lines",
        "premise a: A.\nclaim b: B.\nconclusion c: C.\na -> b -> c\n",
        "premise a: A.\nclaim b: B.\nconclusion c: C.\nb -> c\na -> b\n",
    ),
]


@pytest.mark.parametrize(("name", "old", "new"), SAME, ids=[case[0] for case in SAME])
def test_the_same_argument_differs_in_nothing(name: str, old: str, new: str) -> None:
    result = diff_of(old, new)
    assert summary(result) == []
    assert result.same


CASES = [
    ("a statement added", BASE, BASE + "premise z: Z.\n", ["+ z"]),
    (
        "a statement removed with its relation",
        BASE,
        BASE.replace("x >< y\n", "").replace("premise y: Y.\n", ""),
        ["- y", "- x >< y"],
    ),
    ("text changed", BASE, BASE.replace("It rained.", "It poured."), ["~ rain: text"]),
    (
        "kind changed",
        BASE,
        BASE.replace("premise x:", "assumption x:"),
        ["~ x: kind premise → assumption"],
    ),
    (
        "attribution added",
        BASE,
        BASE.replace("premise y: Y.\n", "premise y: Y.\n  @by Ann\n"),
        ["~ y: @by (none) → Ann"],
    ),
    (
        "implicit and confidence",
        BASE,
        BASE.replace("premise x: X.\n", "premise x: X.\n  @implicit\n  @confidence 0.7\n"),
        ["~ x: @implicit added, @confidence (none) → 0.7"],
    ),
    (
        "a quote added",
        BASE,
        BASE.replace("premise x: X.\n", "premise x: X.\n  > said so\n"),
        ["~ x: quotes"],
    ),
    (
        "a note is not a change of meaning",
        BASE,
        BASE.replace("premise x: X.\n", "premise x: X.\n  @note Only a note.\n"),
        [],
    ),
    (
        "a premise dropped from an inference",
        BASE,
        BASE.replace("rain + gutter -> wet", "rain -> wet"),
        ["- rain + gutter -> wet", "+ rain -> wet"],
    ),
    (
        "an inference named",
        BASE,
        BASE.replace("wet -> slow", "argument traffic: wet -> slow"),
        ["~ argument traffic: wet -> slow: @name (none) → traffic"],
    ),
    (
        "a warrant added",
        BASE,
        BASE.replace("wet -> slow", "wet -> slow : wet roads slow cars"),
        ["~ wet -> slow: @warrant (none) → wet roads slow cars"],
    ),
    (
        "an attack moved between two arguments with the same step",
        "premise a: A.\nconclusion c: C.\npremise x: X.\n"
        "argument one: a -> c\nargument two: a -> c\nx -| two\n",
        "premise a: A.\nconclusion c: C.\npremise x: X.\n"
        "argument one: a -> c\nargument two: a -> c\nx -| one\n",
        ["- x -| two", "+ x -| one"],
    ),
    (
        "an undercut of an attack",
        BASE + "premise u: U.\nx -| slow\n",
        BASE + "premise u: U.\nx -| slow\nu -| (x -| slow)\n",
        [
            "+ u -| (x -| slow)",
            # x is undecided (x >< y): its attack left `slow` undecided until undercut.
            "verdict slow: undecided -> accepted because added `u -| (x -| slow)`",
        ],
    ),
    (
        "an undercut of an inference",
        BASE + "premise u: U.\n",
        BASE + "premise u: U.\nu -| (gutter + rain -> wet)\n",
        [
            "+ u -| (rain + gutter -> wet)",
            "verdict wet: accepted -> defeated because added `u -| (rain + gutter -> wet)`",
            "verdict slow: accepted -> defeated because added `u -| (rain + gutter -> wet)`",
        ],
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES, ids=[case[0] for case in CASES])
def test_each_kind_of_change(name: str, old: str, new: str, expected: list[str]) -> None:
    result = diff_of(old, new)
    assert summary(result) == expected
    assert result.same is (expected == [])


def test_a_verdict_change_names_the_change_in_its_cone_and_not_others() -> None:
    old = BASE + "premise roof: The roof leaks.\n"
    new = old + "premise far: Far away.\nroof -| wet\nfar -| y\n"
    verdicts = diff_of(old, new).verdicts
    assert [(v.statement, v.old, v.new, v.because) for v in verdicts] == [
        ("wet", "accepted", "contested", ("added `roof -| wet`",)),
        ("slow", "accepted", "contested", ("added `roof -| wet`",)),
    ]
    assert (verdicts[0].old_label, verdicts[0].new_label) == ("IN", "OUT")
    assert "`roof`" in verdicts[0].explanation


def test_a_removed_objection_moves_the_verdict_back() -> None:
    old = BASE + "premise roof: The roof leaks.\nroof -| wet\n"
    verdicts = diff_of(old, BASE).verdicts
    assert [(v.statement, v.old, v.new, v.because) for v in verdicts] == [
        ("wet", "contested", "accepted", ("removed `roof -| wet`",)),
        ("slow", "contested", "accepted", ("removed `roof -| wet`",)),
    ]


def test_a_kind_change_is_a_reason() -> None:
    new = BASE.replace("premise rain:", "claim rain:").replace("premise gutter:", "claim gutter:")
    result = diff_of(BASE, new)
    assert [(v.statement, v.old, v.new) for v in result.verdicts] == [
        ("rain", None, "unsupported"),
        ("gutter", None, "unsupported"),
        ("wet", "accepted", "unsupported"),
        ("slow", "accepted", "unsupported"),
    ]
    assert result.verdicts[2].because == (
        "`rain`: kind premise → claim",
        "`gutter`: kind premise → claim",
    )


def test_conclusions_added_and_removed_have_their_verdict() -> None:
    new = BASE.replace("wet -> slow\n", "").replace("conclusion slow: Traffic will be slow.\n",
                                                    "conclusion late: We will be late.\n")
    new += "wet -> late\n"
    result = diff_of(BASE, new)
    assert [(v.statement, v.status, v.old, v.new, v.because) for v in result.verdicts] == [
        ("slow", Status.REMOVED, "accepted", None, ()),
        ("late", Status.ADDED, None, "accepted", ()),
    ]
    assert result.verdicts[1].explanation == "`late` is accepted."


def test_statuses_are_words() -> None:
    assert [status.value for status in Status] == ["added", "removed", "changed"]


VALID = sorted((Path(__file__).resolve().parents[1] / "data" / "valid").glob("*.argmap"))


@pytest.mark.parametrize("path", VALID, ids=[path.name for path in VALID])
def test_every_valid_test_map_is_the_same_argument_as_itself_and_formatted(path: Path) -> None:
    amap = argmap.load(str(path))
    assert diff_maps(amap, argmap.load(str(path))).same
    formatted = format_text(path.read_text(encoding="utf-8-sig"), str(path))
    assert diff_maps(amap, argmap.parse(formatted, str(path))).same


def test_a_linked_objection_is_one_relation_whatever_the_order_of_its_premises() -> None:
    old = "premise a: A.\npremise b: B.\npremise y: Y.\nconclusion c: C.\na + b -| c\n"
    assert diff_of(old, old.replace("a + b -| c", "b + a -| c")).same
    assert diff_of(old + "y -| (a + b -| c)\n", old + "y -| (b + a -| c)\n").same
    result = diff_of(old, old.replace("a + b -| c", "a -| c"))
    assert [r.relation for r in result.relations] == ["a + b -| c", "a -| c"]
