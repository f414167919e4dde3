"""Argdown: every corpus file imports, counts agree with Argdown's own JSON (each difference
explained), small inputs have golden outputs, argmap -> Argdown -> argmap keeps the graph."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from convert_helpers import DATA, ROUND_TRIP_MAPS, corpus
from test_aif import shape

from argmap import load, parse
from argmap.checks import run_checks
from argmap.convert.argdown import quote, read_argdown_map, write_argdown
from argmap.convert.argdown_markup import clean_text
from argmap.convert.argdown_syntax import read_argdown
from argmap.convert.argmap_writer import write_argmap
from argmap.convert.losses import Losses
from argmap.errors import ConvertError

CORPUS_FILES = [
    "Populism-Core-Argument-Argdown-Example",
    "argdown-cli_test_test",
    "argdown-core_test_intro",
    "argdown-core_test_parser-arguments",
    "argdown-core_test_parser-mix",
    "argdown-primer",
    "greenspan-schefczyk_hardwrap",
    "semmelweis_betz",
    "state-censorship",
]


PROSE = ("untitled statements outside any relation or reconstruction left out as prose "
         "(Argdown's map leaves them out too)")
MERGED = "a support that the argument's reconstruction already states was merged with it"
CORPUS_WARNINGS = {
    "Populism-Core-Argument-Argdown-Example": [f"17 {PROSE}", MERGED],
    "argdown-cli_test_test": [],
    "argdown-core_test_intro": [f"7 {PROSE}"],
    "argdown-core_test_parser-arguments": [],
    "argdown-core_test_parser-mix": [f"5 {PROSE}"],
    "argdown-primer": [
        "a tag that argmap cannot write as it is was renamed (`#(a b)` -> `#a-b`)",
        f"8 {PROSE}",
        "Argdown data `some_additional_data` has no place in argmap and was left out",
    ],
    "greenspan-schefczyk_hardwrap": [
        "the front matter's `subTitle` has no place in argmap and was left out", f"15 {PROSE}"],
    "semmelweis_betz": [],
    "state-censorship": [
        "the front matter's `subTitle` has no place in argmap and was left out",
        "Argdown data `isInMap` has no place in argmap and was left out",
    ],
}
"""What importing each corpus file warns of: prose, supports merged into reconstructions,
settings and data with no place in argmap (a `source` in a data block becomes `@source`)."""


def argdown_text(text: str) -> str:
    """A text as Argdown's JSON gives it, without the tags and mentions argmap takes out."""
    text = re.sub(r"#\([^)]*\)|#[\w-]+", "", text)
    text = re.sub(r"@\[(.+?)\]|@<(.+?)>", lambda m: m.group(1) or m.group(2), text)
    return " ".join(text.split())


def section_titles(sections: list[dict[str, Any]]) -> list[str]:
    """Every section's title, parents before their children, in order."""
    return [title for section in sections
            for title in (section["title"], *section_titles(section["children"]))]


def top_level_headings(headings: list[tuple[int, str]]) -> int:
    """Argdown nests a heading under the last one of a lower level: count the roots."""
    roots, lowest = 0, None
    for level, _ in headings:
        if lowest is None or level <= lowest:
            roots += 1
            lowest = level
    return roots


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_counts_agree_with_argdowns_json(name: str) -> None:
    folder = corpus("argdown")
    path = folder / f"{name}.argdown"
    reference = json.loads((folder / "argdown-json" / f"{name}.json").read_text("utf-8"))
    document = read_argdown(path.read_text(encoding="utf-8"), str(path))
    statements = document.elements
    titled = {e.title for e in statements if e.kind == "statement" and e.title}
    untitled = [e for e in statements if e.kind == "statement" and e.title is None]
    # Argdown's equivalence classes: one per title, one per untitled statement.
    assert len(titled) + len(untitled) == len(reference["statements"])
    # Argdown names a reconstruction without an argument above it "Untitled N"; argmap
    # keeps it as inferences without a name.
    arguments = {e.title for e in statements if e.kind == "argument"}
    anonymous = sum(1 for r in document.reconstructions if r.argument is None)
    assert len(arguments) + anonymous == len(reference["arguments"])
    tags = {tag for e in statements for tag in e.tags} | set(document.heading_tags)
    assert tags == set(reference["tags"])
    assert top_level_headings(document.headings) == len(reference["sections"])
    # The texts as Argdown reads them (shortcodes too), but for tags and mentions, which
    # argmap takes out of a text; a heading's title likewise, where no `regroup` renames them.
    texts = {e.title: e.text for e in reversed(statements) if e.kind == "statement" and e.text}
    for title, members in reference["statements"].items():
        theirs = [m["text"] for m in members["members"] if m.get("text")]
        if title in texts and theirs:
            assert texts[title] == argdown_text(theirs[0])
    if "regroup" not in path.read_text(encoding="utf-8"):
        assert [title for _, title in document.headings] == [
            argdown_text(title) for title in section_titles(reference["sections"])]
    # Argdown does not count a support between an argument and its own conclusion (or a
    # premise it reconstructs) as a relation; argmap merges it into the reconstruction.
    losses = Losses()
    amap = read_argdown_map(path.read_text(encoding="utf-8"), str(path), losses)
    merged = sum(loss.count for loss in losses if "already states" in loss.message)
    assert len(document.relations) - merged == len(reference["relations"])
    # Strict mode: Argdown's contraries and contradictions are argmap's contradictions.
    symmetric = {frozenset((s, t)) for s, t, kind, _ in amap.relations() if kind == "contradicts"}
    assert len(symmetric) == sum(1 for r in reference["relations"]
                                 if r["relationType"] in ("contrary", "contradictory"))
    # Every warning is one a reader expects: nothing else is left out.
    assert [loss.message for loss in losses] == CORPUS_WARNINGS[name]
    # What it writes is a valid map that checks with no error.
    again = parse(write_argmap(amap), str(path.with_suffix(".argmap")))
    assert shape(again) == shape(amap)
    assert not [f for f in run_checks(again) if f.severity.value == "error"]


def test_populism_example_in_detail() -> None:
    path = corpus("argdown") / "Populism-Core-Argument-Argdown-Example.argdown"
    amap = read_argdown_map(path.read_text(encoding="utf-8"), str(path), Losses())
    assert amap.title == "The Core Argument of Populism"
    assert amap.author == "David Lanius"
    power = amap.graph.nodes["power"]
    assert power["kind"] == "conclusion"
    assert power["text"] == "The populists must come to power."
    assert "populism" in power["tags"]
    (core,) = amap.inferences_for("power")
    assert sorted(amap.premises_of(core)) == ["doom", "salvation"]
    assert [s.title for s in amap.sections] == [
        "The Core Argument of Populism", "Salvation", "Doom"
    ]


def test_small_input_golden() -> None:
    losses = Losses()
    path = DATA / "small.argdown"
    amap = read_argdown_map(path.read_text(encoding="utf-8"), str(path), losses)
    assert write_argmap(amap) == (DATA / "small-from-argdown.argmap").read_text("utf-8")
    messages = [loss.describe("small.argdown") for loss in losses]
    assert messages == (DATA / "small-from-argdown.warnings").read_text("utf-8").splitlines()


@pytest.mark.parametrize("path", ROUND_TRIP_MAPS, ids=lambda p: p.name)
def test_argmap_to_argdown_and_back_keeps_the_graph(path: Path) -> None:
    amap = load(str(path))
    losses = Losses()
    text = write_argdown(amap, losses)
    back = read_argdown_map(text, "round.argdown", Losses())
    statements, inferences, attacks = shape(amap)
    # Argdown cannot attack a relation: those undercuts are left out, and said to be.
    on_attacks = {attack for attack in attacks if attack[1] == "attack"}
    # A linked objection is an attacking argument: a step from its premises to a conclusion
    # that says the objection, and that conclusion's attack (test below).
    linked = {attack for attack in attacks if " + " in attack[0]} - on_attacks
    got_statements, got_inferences, got_attacks = shape(back)
    said = {text for text in got_statements if text.startswith("Together, ")}
    assert len(said) == len(linked)
    assert got_statements - Counter(said) == statements
    assert {i for i in got_inferences if i[1] not in said} == inferences
    assert {a for a in got_attacks if a[0] not in said} == attacks - on_attacks - linked
    left_out = sum(loss.count for loss in losses if "cannot attack a relation" in loss.message)
    assert left_out == len(on_attacks)


def test_a_linked_objection_is_an_attacking_argument_in_argdown() -> None:
    amap = parse(
        "premise a: A.\npremise b: B.\npremise d: D.\npremise s: S.\nconclusion c: C.\n"
        "s -> c\na + b -| c\nargument late: a + d -| (s -> c) #why\n  @note Too late.\n",
        "linked.argmap",
    )
    losses = Losses()
    text = write_argdown(amap, losses)
    assert text.endswith(
        "<Objection 1>\n\n(1) [a]\n(2) [b]\n----\n"
        "(3) [objection_1]: Together, a and b tell against c.\n  -> [c]\n\n"
        "<late>: Too late. #(why)\n\n(1) [a]\n(2) [d]\n----\n"
        "(3) [late_2]: Together, a and d tell against the step to c.\n  _> <Argument 1>\n"
    )
    assert [loss.count for loss in losses if "linked objection" in loss.message] == [2]
    back = read_argdown_map(text, "linked.argdown", Losses())
    said = back.find_inference(["a", "b"], "objection_1")
    assert said is not None
    assert back.find_attack("objection_1", "c") is None and back.graph.has_edge("objection_1", "c")



def test_clean_text_takes_out_argdown_markup() -> None:
    text, tags = clean_text(
        "A **bold** and _italic_ claim about @[Other] and @<Arg>, "
        "escaped \\[x\\] #tag #(two words) {data: 1}"
    )
    assert text == "A bold and italic claim about Other and Arg, escaped [x]"
    assert tags == ["tag", "two words"]


def test_quote_escapes_what_argdown_would_read_as_markup() -> None:
    hostile = 'a [b] <c> *d* _e_ @f {g} #h // i /* j \\ k "l"'
    assert clean_text(quote(hostile))[0] == hostile
    assert clean_text(quote(hostile))[1] == []


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("===\ntitle: x\n\n[a]: A\n", "front matter (`===`) is never closed", 1),
        ("\n\n  + [a]: A\n", "has no element above it", 3),
        ("<A>\n\n(1) x\n--\nrule\n", "inference rule block (`--`) is never closed", 4),
        ("[a]: A\n\n@include(../../etc/passwd)\n", "outside the folder", 3),
        ("@include(missing.argdown)\n", "no such file", 1),
    ],
)
def test_malformed_argdown_is_a_located_error(
    text: str, message: str, line: int, tmp_path: Path
) -> None:
    path = tmp_path / "bad.argdown"
    with pytest.raises(ConvertError) as caught:
        read_argdown_map(text, str(path), Losses())
    assert message in caught.value.message
    assert (caught.value.path, caught.value.line) == (str(path), line)


def test_include_reads_a_file_beside_it(tmp_path: Path) -> None:
    (tmp_path / "part.argdown").write_text("[b]: B\n  + [c]: C\n", encoding="utf-8")
    text = "[a]: A\n  - [b]\n\n@include(part.argdown)\n"
    amap = read_argdown_map(text, str(tmp_path / "main.argdown"), Losses())
    assert {node for node, _ in amap.statements()} == {"a", "b", "c"}
    assert amap.graph.nodes["b"]["text"] == "B"


def test_named_inferences_keep_name_tags_and_note_through_argdown() -> None:
    amap = parse(
        "premise a: A.\npremise b: B.\nclaim c: C.\npremise u: U.\n"
        "argument safety: a + b -> c : rule #law\n  @note Why it holds.\n"
        "argument plain: a -> c\nu -| safety\n"
    )
    text = write_argdown(amap, Losses())
    assert "<safety>: Why it holds. #(law)" in text
    back = read_argdown_map(text, "x.argdown", Losses())
    safety = back.graph.nodes["safety"]
    assert (safety["kind"], safety["warrant"], safety["tags"]) == ("inference", "rule", ["law"])
    assert safety["attributes"]["note"] == "Why it holds."
    assert back.graph.nodes["plain"]["kind"] == "inference"
    assert back.attackers_of("safety") == ["u"]
