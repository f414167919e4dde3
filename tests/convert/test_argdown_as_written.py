"""Argdown as people write it: each construct of issue 21 on a small file, read as Argdown's own
parser reads it (argdown-core 1.7.5 was run on each), and every construct that argmap has no
place for named in a counted warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import parse
from argmap.convert.argdown import read_argdown_map, write_argdown
from argmap.convert.argmap_writer import write_argmap
from argmap.convert.losses import Losses
from argmap.errors import ConvertError
from argmap.model import ArgumentMap


def read(text: str, path: str = "map.argdown") -> tuple[ArgumentMap, list[str]]:
    losses = Losses()
    amap = read_argdown_map(text, path, losses)
    return amap, [loss.describe("map.argdown") for loss in losses]


def premises(amap: ArgumentMap, conclusion: str) -> list[list[str]]:
    return [sorted(amap.premises_of(i)) for i in amap.inferences_for(conclusion)]


def attacks(amap: ArgumentMap) -> set[tuple[str, str, str]]:
    return {(source, target, kind) for source, target, kind, _ in amap.relations()}


# -- uses -------------------------------------------------------------------------------------

USES = """<Complex>

(1) [p1]: First premise.
(2) [p2]: Second premise.
----
(3) [c1]: First intermediate conclusion.
(4) [p4]: Third premise.
--
{uses: [1, 4]}
--
(5) [c2]: Second intermediate conclusion.
----
(6) [c3]: Main conclusion. {uses: [3, 5]}
"""


def test_uses_names_the_premises_of_a_step() -> None:
    amap, warnings = read(USES)
    assert premises(amap, "c1") == [["p1", "p2"]]
    assert premises(amap, "c2") == [["p1", "p4"]]  # not (3) and (4), the statements above it
    assert premises(amap, "c3") == [["c1", "c2"]]
    assert warnings == []


def test_uses_on_a_one_line_inference_with_a_rule() -> None:
    amap, warnings = read("<A>\n\n(1) [a]: A.\n(2) [b]: B.\n(3) [c]: C.\n"
                          "-- Modus ponens {uses: [1, 3]} --\n(4) [d]: D.\n")
    (inference,) = amap.inferences_for("d")
    assert sorted(amap.premises_of(inference)) == ["a", "c"]
    assert amap.graph.nodes[inference]["warrant"] == "Modus ponens"
    assert warnings == []


@pytest.mark.parametrize(("uses", "message"), [
    ("[1, 9]", "`uses` names statement (9), which this step cannot use"),
    ("[3]", "`uses` names statement (3), which this step cannot use"),
    ("one", "`uses` lists the numbers of the statements the step uses"),
])
def test_a_wrong_uses_is_a_located_error(uses: str, message: str) -> None:
    with pytest.raises(ConvertError) as caught:
        read(f"<A>\n\n(1) [a]: A.\n(2) [b]: B.\n--\n{{uses: {uses}}}\n--\n(3) [c]: C.\n")
    assert message in caught.value.message
    assert caught.value.line == 5


# -- data blocks ------------------------------------------------------------------------------

MULTI_LINE_DATA = """[God]: God is dead. {
  sources:
    - Nietzsche
    - "The Gay Science, #125"
  color: "#64b964"
}
  - [Alive]: God lives. {url: "https://example.org/#alive"}

[Other]: Another statement. #real-tag {color: "#ff0000", source: "A book // page 3"}
  + [Reason]: A reason.
"""


def test_a_data_block_over_several_lines_is_data() -> None:
    amap, warnings = read(MULTI_LINE_DATA)
    assert {node for node, _ in amap.statements()} == {"god", "alive", "other", "reason"}
    assert amap.graph.nodes["god"]["text"] == "God is dead."
    assert amap.graph.nodes["god"]["tags"] == []  # `#125` and `#64b964` are data, not tags
    assert amap.graph.nodes["other"]["tags"] == ["real-tag"]
    assert attacks(amap) == {("alive", "god", "attack")}
    assert premises(amap, "other") == [["reason"]]
    attributes = {node: data.get("attributes") or {} for node, data in amap.statements()}
    assert attributes["god"]["source"] == "Nietzsche; The Gay Science, #125"
    assert attributes["alive"]["url"] == "https://example.org/#alive"
    assert attributes["other"]["source"] == "A book // page 3"
    assert warnings == [
        "map.argdown: warning: Argdown data `color` has no place in argmap and was left out "
        "(2 times; lines 1, 9)",
    ]


@pytest.mark.parametrize(("text", "message", "line"), [
    ("[A]: a\n  + [B]: b {\n  key: [unclosed\n}\n", "", 4),
    ("[A]: a {day: 2018-13-45}\n", ": month must be in 1..12", 1),
])
def test_data_that_is_not_yaml_is_a_located_error(text: str, message: str, line: int) -> None:
    with pytest.raises(ConvertError) as caught:
        read(text)
    assert caught.value.message.startswith(f"the data block is not valid YAML{message}")
    assert caught.value.line == line


# -- strict mode ------------------------------------------------------------------------------


@pytest.mark.parametrize("front_matter", [
    "===\nmodel:\n    mode: strict\n===\n\n",
    "===\nmode: strict\n===\n\n",
])
def test_strict_mode_makes_an_attack_between_statements_a_contradiction(
    front_matter: str,
) -> None:
    amap, warnings = read(front_matter + "[a]: A.\n  - [b]: B.\n\n[b]\n  - [a]\n")
    assert attacks(amap) == {("a", "b", "contradicts"), ("b", "a", "contradicts")}
    assert warnings == []  # Argdown merges `[a] - [b]` and `[b] - [a]` into one contrary too


def test_loose_mode_keeps_an_attack_one_way() -> None:
    amap, _ = read("===\nmodel:\n    mode: loose\n===\n\n[a]: A.\n  - [b]: B.\n")
    assert attacks(amap) == {("b", "a", "attack")}


def test_strict_mode_keeps_an_attack_on_an_argument_one_way() -> None:
    amap, _ = read("===\nmodel:\n    mode: strict\n===\n\n<Arg>\n\n(1) [p]: P.\n----\n"
                   "(2) [c]: C.\n\n<Arg>\n  - [x]: X.\n")
    assert attacks(amap) >= {("x", "arg", "attack")}


# -- relations under an inference line --------------------------------------------------------


def test_an_undercut_under_an_inference_line_undercuts_that_step() -> None:
    amap, warnings = read("<Arg>\n\n(1) [p]: P.\n----\n    <_ [t1]: Not so.\n"
                          "        + [t2]: Because.\n(2) [c]: C.\n(3) [q]: Q.\n----\n"
                          "    _ [t3]: Nor this.\n(4) [d]: D.\n")
    first, last = amap.inferences_for("c")[0], amap.inferences_for("d")[0]
    assert amap.attackers_of(first) == ["t1"]
    assert amap.attackers_of(last) == ["t3"]
    assert premises(amap, "t1") == [["t2"]]
    assert warnings == []


def test_only_an_undercut_can_stand_under_an_inference_line() -> None:
    with pytest.raises(ConvertError) as caught:
        read("<Arg>\n\n(1) [p]: P.\n----\n    <- [t1]: Not so.\n(2) [c]: C.\n")
    assert caught.value.message == (
        "the relation `<-` cannot stand under an inference line: only an undercut (`<_` or "
        "`_`) of the inference can"
    )
    assert (caught.value.line, caught.value.column) == (5, 5)


# -- includes ---------------------------------------------------------------------------------


def test_an_include_cycle_reads_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "a.argdown").write_text("[a]: A.\n  + [b]: B.\n\n@include(b.argdown)\n",
                                        encoding="utf-8")
    (tmp_path / "b.argdown").write_text("[b]\n  - [c]: C.\n\n@include(a.argdown)\n"
                                        "@include(b.argdown)\n", encoding="utf-8")
    path = tmp_path / "a.argdown"
    amap, warnings = read(path.read_text(encoding="utf-8"), str(path))
    assert {node for node, _ in amap.statements()} == {"a", "b", "c"}
    assert warnings == [
        "map.argdown: warning: an `@include` of a file already read was left out (Argdown "
        f"reads each file once) (2 times; lines {tmp_path / 'b.argdown'}:4, "
        f"{tmp_path / 'b.argdown'}:5)",
    ]


# -- headings, tags, shortcodes ---------------------------------------------------------------


def test_headings_indented_tagged_and_with_data() -> None:
    amap, warnings = read(" # Indented heading #topic\n\n[a]: A.\n  + [b]: B.\n\n"
                          "## Not a group {isGroup: false, isClosed: true}\n\n[c]: C.\n  - [a]\n")
    assert [section.title for section in amap.sections] == ["Indented heading"]
    assert {node: data["section"] for node, data in amap.statements()} == {
        "a": "Indented heading", "b": "Indented heading", "c": "Indented heading"}
    assert warnings == [
        "map.argdown: warning: a heading's tag has no place in argmap (a section has no tags) "
        "and was left out (line 1)",
        "map.argdown: warning: Argdown data `isClosed` has no place in argmap and was left out "
        "(line 6)",
    ]


def test_a_hash_in_a_data_value_is_no_tag() -> None:
    amap, warnings = read('[a]: A. {color: "#64b964"}\n  + [b]: B. #tag\n')
    assert amap.graph.nodes["a"]["tags"] == []
    assert amap.graph.nodes["b"]["tags"] == ["tag"]
    assert len(warnings) == 1 and "`color`" in warnings[0]


def test_shortcodes_become_their_symbols() -> None:
    amap, _ = read("[a]: .A.x (P(x) .->. .~.Q(x)) :love: e.g. 10:30:00 \\.~. not one.\n"
                   "  + [b]: B :+1:\n")
    assert amap.graph.nodes["a"]["text"] == "∀x (P(x) → ¬Q(x)) 😍 e.g. 10:30:00 .~. not one."
    assert amap.graph.nodes["b"]["text"] == "B 👍"


def test_a_shortcode_in_a_text_is_written_so_that_argdown_keeps_it() -> None:
    amap = parse("premise a: Write :love: and .~. as they are.\nclaim c: C.\na -> c\n")
    text = write_argdown(amap, Losses())
    assert "\\:love: and \\.~." in text
    back, _ = read(text)
    assert back.graph.nodes["a"]["text"] == "Write :love: and .~. as they are."


# -- front matter -----------------------------------------------------------------------------


def test_front_matter_is_yaml() -> None:
    amap, warnings = read("===\ntitle: A title that goes on\n    over two lines\nsubTitle: "
                          "Its subtitle\nauthor:\n    - Ann\n    - Bo\ndate: 2018-10-19\n"
                          "dot:\n    graphVizSettings:\n        rankdir: TB  # drawing\n===\n\n"
                          "[a]: A.\n  + [b]: B.\n")
    assert (amap.title, amap.author, amap.date) == (
        "A title that goes on over two lines", "Ann, Bo", "2018-10-19")
    assert warnings == ["map.argdown: warning: the front matter's `subTitle` has no place in "
                        "argmap and was left out (line 4)"]


def test_front_matter_that_is_not_yaml_is_a_located_error() -> None:
    with pytest.raises(ConvertError) as caught:
        read("===\ntitle: a\n  b: c\n===\n\n[a]: A.\n")
    assert caught.value.message.startswith("the front matter is not valid YAML")
    assert caught.value.line == 3


# -- export -----------------------------------------------------------------------------------


def test_an_empty_map_is_exported_as_a_file_argdown_reads() -> None:
    amap = parse("@title Nothing yet\n")
    losses = Losses()
    text = write_argdown(amap, losses)
    # argdown-core refuses a file with no element; a heading that makes no group is one.
    assert text == ('===\ntitle: "Nothing yet"\n===\n\n'
                    "# This map has no statements {isGroup: false}\n")
    back, warnings = read(text)
    assert (list(back.statements()), back.sections, back.title) == ([], [], "Nothing yet")
    assert warnings == [] and len(losses) == 0
    assert write_argmap(back) == write_argmap(amap)


# -- no silent loss ---------------------------------------------------------------------------

EVERY_CONSTRUCT = """===
title: Every construct
author: Someone
date: 2026
subTitle: Left out
model:
    mode: strict
===

// A line comment, /* a block comment */ and <!-- an HTML comment -->

# Claims #section-tag

[main]: The main claim, with *emphasis*, **strength**, a [link](https://x.org) and
@[support]. #tag-one #(two words) {source: "Book", url: "https://x.org", color: red}
  + [support]: A support.
  - [objection]: An objection.
  <+ <Reasoning>: An argument with a description.
  >< [denial]: A denial.
  _> [target]: A statement it undercuts.
  +> [consequence]: What follows.
  <- [counter]: A counter.
  -> [victim]: What it attacks.

Prose that stands alone.

* [listed]: A list item.
  + [list support]: Its support.

1. [numbered]: An ordered list item, see @<Reasoning>.
  - <Lone>: An argument without a reconstruction.

[support]: The same support, said again \\[differently\\].
  + An untitled reason.

## Reconstructions {isGroup: false}

<Reasoning>

(1) [r1]: A premise .~. with a shortcode.
(2) [r2]: Another premise.
-- Modus ponens, Specification {uses: [1, 2], rule: mp} --
    <_ [doubt]: A doubt about the step.
(3) [main]
"""


def test_every_construct_arrives_or_is_counted() -> None:
    amap, warnings = read(EVERY_CONSTRUCT)
    assert (amap.title, amap.author, amap.date) == ("Every construct", "Someone", "2026")
    main = amap.graph.nodes["main"]
    assert main["text"] == ("The main claim, with emphasis, strength, a link and support.")
    assert main["tags"] == ["tag-one", "two-words"]
    assert main["attributes"]["source"] == "Book"
    assert main["attributes"]["url"] == "https://x.org"
    assert [section.title for section in amap.sections] == ["Claims"]
    assert amap.graph.nodes["r1"]["text"] == "A premise ¬ with a shortcode."
    reasoning = amap.graph.nodes["reasoning"]
    assert (reasoning["kind"], reasoning["warrant"]) == ("inference",
                                                         "Modus ponens, Specification")
    assert sorted(amap.premises_of("reasoning")) == ["r1", "r2"]
    assert amap.attackers_of("reasoning") == ["doubt"]
    relations = attacks(amap)
    assert {("objection", "main", "contradicts"), ("main", "objection", "contradicts"),
            ("denial", "main", "contradicts"), ("counter", "main", "contradicts"),
            ("main", "victim", "contradicts"), ("main", "target", "attack")} <= relations
    assert premises(amap, "main") == [["r1", "r2"], ["support"]]
    assert premises(amap, "consequence") == [["main"]]
    assert premises(amap, "listed") == [["list_support"]]
    assert premises(amap, "support") == [["untitled_reason"]]
    assert amap.graph.nodes["support"]["attributes"]["note"] == (
        "The same support, said again [differently].")
    assert amap.graph.nodes["numbered"]["text"] == "An ordered list item, see Reasoning."
    # An argument without a reconstruction is a claim; its attack stays one-way, as in
    # Argdown's strict mode (an attack from an argument is no contrary).
    assert ("lone", "numbered", "attack") in relations
    assert warnings == [
        "map.argdown: warning: the front matter's `subTitle` has no place in argmap and was "
        "left out (line 5)",
        "map.argdown: warning: a heading's tag has no place in argmap (a section has no tags) "
        "and was left out (line 12)",
        "map.argdown: warning: a tag that argmap cannot write as it is was renamed (`#(a b)` "
        "-> `#a-b`)",
        "map.argdown: warning: 1 untitled statement outside any relation or reconstruction "
        "left out as prose (Argdown's map leaves them out too)",
        "map.argdown: warning: a support that the argument's reconstruction already states "
        "was merged with it (line 18)",
        "map.argdown: warning: an undercut of a statement was read as an attack on it "
        "(line 20)",
        "map.argdown: warning: Argdown data `color` has no place in argmap and was left out "
        "(line 15)",
        "map.argdown: warning: Argdown data `rule` has no place in argmap and was left out "
        "(line 42)",
    ]
