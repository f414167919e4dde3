"""AIF as people have it: OVA3/xAIF-wrapped and arguebuf nodesets, MA-nodes by scheme, two
RA-nodes between the same statements, schemes in `scheme`, `--aif-form`, the text kept."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from convert_helpers import corpus

from argmap import parse
from argmap.cli import main
from argmap.convert.aif import read_aif, write_aif, write_ova3
from argmap.convert.aif_forms import html_to_text
from argmap.convert.argmap_writer import write_argmap
from argmap.convert.losses import Losses
from argmap.errors import ConvertError
from argmap.model import ArgumentMap

DATA = Path(__file__).parents[1] / "data" / "aif"
PROPOSITIONAL = ("I", "RA", "MA", "CA")


def read(name: str) -> tuple[ArgumentMap, list[str]]:
    losses = Losses()
    path = DATA / name
    amap = read_aif(path.read_text(encoding="utf-8"), name, losses)
    return amap, [loss.describe(name) for loss in losses]


def inner(data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = data.get("AIF", data)
    return result


def census(data: dict[str, Any]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Propositional node types, and (type, scheme) of the scheme nodes."""
    nodes = [node for node in inner(data)["nodes"] if node["type"] in PROPOSITIONAL]
    types = Counter(node["type"] for node in nodes)
    schemes = Counter((node["type"], node.get("scheme") or node["text"]) for node in nodes
                      if node["type"] != "I")
    return types, schemes


def test_an_ova3_nodeset_is_read_with_its_text() -> None:
    amap, warnings = read("ova3.json")
    assert sorted(data["text"] for _, data in amap.statements()) == [
        "Bus fares should be cut", "Cheap fares fill buses", "Fares are too high",
        "Fuller buses pollute less per rider", "That is a good idea",
        "The city cannot afford it"]
    assert sorted(str(data.get("warrant")) for _, data in amap.inferences()) == [
        "Analogy", "None", "Sign", "rephrase", "rephrase: Evaluation"]
    assert amap.document_text == (
        "Bus fares should be cut, since cheap fares fill buses.\n\nFares & taxes are too high.\n")
    assert warnings == [
        "ova3.json: warning: OVA's layout (the positions of 2 nodes) is not kept; argmap lays "
        "maps out itself",
        "ova3.json: warning: the dialogue layer was dropped: 2 L, 1 TA, 2 YA nodes, "
        "2 locutions, 1 participant, 6 edges",
        "ova3.json: warning: MA-nodes of scheme `Evaluation`, which argmap does not know as a "
        "kind of rephrase, were read as rephrases (warrant `rephrase: Evaluation`) (line 20)",
    ]


def test_lower_case_members_are_the_same_form() -> None:
    data = json.loads((DATA / "ova3.json").read_text(encoding="utf-8"))
    lower = {"aif": data["AIF"], "ova": data["OVA"], "text": data["text"]}
    losses = Losses()
    amap = read_aif(json.dumps(lower), "lower.json", losses)
    assert sum(1 for _ in amap.statements()) == 6
    assert amap.document_text is not None and len(losses) == 3


def test_two_ra_nodes_between_the_same_statements_stay_two_arguments() -> None:
    amap, _ = read("plain.json")
    text = write_argmap(amap)
    assert (
        "argument expert_opinion: surveys_report_fewer -> remote_work_raises : Expert Opinion\n"
        "argument inference: surveys_report_fewer -> remote_work_raises\n"
        "argument inference_2: surveys_report_fewer -> remote_work_raises\n"
    ) in text
    # The undercut of the first RA-node stays on that one argument.
    assert "tools_keep_teams -| expert_opinion\n" in text
    again = parse(text, "plain.argmap")
    assert sum(1 for _ in again.inferences()) == 3


def test_the_plain_fixture_names_every_construct_it_drops() -> None:
    _, warnings = read("plain.json")
    assert warnings == [
        "plain.json: warning: edges to or from dropped nodes were dropped (2 times)",
        "plain.json: warning: preference (PA) nodes are not carried by argmap: dropped",
        "plain.json: warning: `descriptorfulfillments` (the roles of premises in their scheme) "
        "are not carried by argmap",
    ]


def test_an_arguebuf_graph_is_read() -> None:
    amap, warnings = read("arguebuf.json")
    statements = {data["text"]: data for _, data in amap.statements()}
    assert statements["Cities should plant more trees"]["kind"] == "conclusion"  # majorClaim
    assert statements["Trees cool the streets"]["quotes"] == ["they cool the streets"]
    assert sorted(str(data.get("warrant")) for _, data in amap.inferences()) == [
        "Cause To Effect", "rephrase"]
    assert [(amap.graph.nodes[s]["text"], amap.graph.nodes[t]["text"])
            for s, t, _, _ in amap.relations()] == [
        ("Trees cost money to water", "Cities should plant more trees")]
    assert amap.document_text == "Cities should plant more trees, as they cool the streets.\n"
    assert warnings == [
        "arguebuf.json: warning: arguebuf participants are not carried by argmap",
        "arguebuf.json: warning: arguebuf userdata is not carried by argmap",
        "arguebuf.json: warning: an RA-node without premise or conclusion was dropped",
    ]


@pytest.mark.parametrize(("name", "writer"), [("plain.json", write_aif),
                                              ("ova3.json", write_ova3)])
def test_aif_to_argmap_and_back_keeps_nodes_and_schemes(name: str, writer: Any) -> None:
    original = json.loads((DATA / name).read_text(encoding="utf-8"))
    amap, _ = read(name)
    again = parse(write_argmap(amap), "map.argmap")
    again.document_text = amap.document_text
    written = json.loads(writer(again, Losses()))
    assert ("AIF" in written) == ("AIF" in original)
    assert census(written) == census(original)
    if "text" in original:
        assert html_to_text(written["text"]) == html_to_text(original["text"])


def test_export_writes_the_scheme_in_scheme_and_text() -> None:
    amap = parse("premise a: A.\nclaim b: B.\nclaim c: C.\na -> b : Analogy\n"
                 "b -> c : rephrase: Evaluation\na -> c\n")
    nodes = json.loads(write_aif(amap, Losses()))["nodes"]
    assert [(n["type"], n["text"], n["scheme"]) for n in nodes if n["type"] != "I"] == [
        ("RA", "Analogy", "Analogy"), ("MA", "Evaluation", "Evaluation"),
        ("RA", "Default Inference", "Default Inference")]


def test_ova3_export_holds_the_text_and_a_layout() -> None:
    amap = parse("premise a: A.\nconclusion c: C.\na -> c\n")
    amap.document_text = "A <b>so</b> C.\nNext line.\n"
    data = json.loads(write_ova3(amap, Losses()))
    assert set(data) == {"AIF", "text", "OVA"}
    assert data["text"] == "A &lt;b&gt;so&lt;/b&gt; C.<br>Next line."
    assert html_to_text(data["text"]) == amap.document_text
    places = {node["nodeID"]: (node["x"], node["y"]) for node in data["OVA"]["nodes"]}
    conclusion = next(n["nodeID"] for n in data["AIF"]["nodes"] if n["text"] == "C.")
    premise = next(n["nodeID"] for n in data["AIF"]["nodes"] if n["text"] == "A.")
    assert places[conclusion][1] < places[premise][1]  # conclusions on top, as OVA draws


def test_plain_export_says_the_text_is_not_carried() -> None:
    amap = parse("premise a: A.\n")
    amap.document_text = "A.\n"
    losses = Losses()
    write_aif(amap, losses)
    assert [loss.message for loss in losses] == [
        "the analysed text (@document) is not carried by a plain nodeset; `--aif-form ova3` "
        "keeps it as OVA's `text`"]


def test_two_named_arguments_for_one_step_parse() -> None:
    amap = parse("premise a: A.\nconclusion c: C.\nargument one: a -> c : Analogy\n"
                 "argument two: a -> c : Sign\n")
    assert sorted(key for key, _ in amap.inferences()) == ["one", "two"]


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ('<span id="node3">A</span> because <b>B</b><br>', "A because B\n"),
        ("one<br><br><br><br>two &amp; three", "one\n\ntwo & three\n"),
        ("", ""),
    ],
)
def test_ova_html_becomes_plain_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"AIF": {"edges": []}}', "the `AIF` member has no `nodes` list"),
        ('{"nodes": {"n1": {"userdata": {}}}}', "node `n1` is neither an `atom` nor a `scheme`"),
        ('{"nodes": {}, "edges": []}', "`edges` is not an object"),
        ('{"nodes": {}, "edges": {"e1": {"source": "a"}}}', "edge `e1` has no `source`"),
        ("[]", "not an AIF nodeset"),
    ],
)
def test_malformed_wrapped_forms_are_errors(text: str, message: str) -> None:
    with pytest.raises(ConvertError) as caught:
        read_aif(text, "bad.json", Losses())
    assert message in caught.value.message


# -- the command ----------------------------------------------------------------------------


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["convert", *args])


def test_converting_to_a_map_keeps_the_text_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "debate.argmap"
    result = run(str(DATA / "ova3.json"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote {tmp_path / 'debate.txt'} (the input's text, the map's @document)" in (
        result.output)
    assert out.read_text(encoding="utf-8").startswith("@document debate.txt\n")
    assert (tmp_path / "debate.txt").read_text(encoding="utf-8").startswith(
        "Bus fares should be cut, since")
    again = run(str(DATA / "ova3.json"), "-o", str(out))
    assert f"kept {tmp_path / 'debate.txt'} (already holds" in again.output


def test_the_text_never_goes_over_a_different_file(tmp_path: Path) -> None:
    mine = tmp_path / "debate.txt"
    mine.write_text("my notes\n", encoding="utf-8")
    result = run(str(DATA / "ova3.json"), "-o", str(tmp_path / "debate.argmap"))
    assert result.exit_code == 0, result.output
    assert mine.read_text(encoding="utf-8") == "my notes\n"
    assert (f"warning: the input's text (84 characters) was not kept: `{mine}` is there with "
            "other content, and argmap never writes over it; the map has no @document"
            ) in result.output
    assert "@document" not in (tmp_path / "debate.argmap").read_text(encoding="utf-8")


def test_to_standard_output_the_text_is_said_not_kept() -> None:
    result = run(str(DATA / "ova3.json"), "-o", "-", "--to", "argmap")
    assert result.exit_code == 0
    assert ("warning: the input's text (84 characters) was not kept: a map written to "
            "standard output has no file beside it") in result.output


def test_aif_form_ova3_writes_the_wrapped_form(tmp_path: Path) -> None:
    out = tmp_path / "back.json"
    result = run(str(DATA / "ova3.json"), "-o", str(out), "--aif-form", "ova3")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"AIF", "text", "OVA"}
    assert "Fares &amp; taxes are too high." in data["text"]


def test_aif_form_is_refused_for_other_formats(tmp_path: Path) -> None:
    result = run(str(DATA / "ova3.json"), "-o", str(tmp_path / "x.argdown"), "--aif-form",
                 "ova3")
    assert result.exit_code == 2
    assert "--aif-form applies to AIF output only, not argdown" in result.output
    assert not (tmp_path / "x.argdown").exists()


# -- the corpus -----------------------------------------------------------------------------


def test_the_real_nodesets_import_with_only_the_warnings_a_reader_expects() -> None:
    for path in sorted(corpus("aif").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        types = Counter(node["type"] for node in inner(data)["nodes"])
        losses = Losses()
        amap = read_aif(path.read_text(encoding="utf-8"), path.name, losses)
        assert sum(1 for _ in amap.statements()) == types["I"]
        assert sum(1 for _ in amap.inferences()) == types["RA"] + types["MA"]
        attacks = sum(1 for *_, kind, _ in amap.relations() if kind == "attack")
        assert attacks == types["CA"]
        messages = [loss.message for loss in losses]
        assert len(messages) == 1 and messages[0].startswith("the dialogue layer was dropped")
        written = json.loads(write_aif(parse(write_argmap(amap), "m.argmap"), Losses()))
        assert census(written) == census(data)


# Where each construct of the fixtures arrives: a model count, or the words of a warning.
ARRIVES = {"I": "statements", "RA": "inferences", "MA": "inferences", "CA": "attacks"}
NAMED = {"L": "dialogue layer", "TA": "dialogue layer", "YA": "dialogue layer",
         "PA": "preference (PA)", "locutions": "locutions", "participants": "participant",
         "descriptorfulfillments": "descriptorfulfillments", "OVA": "OVA's layout",
         "analysts": "analysts", "userdata": "userdata"}
KEPT_MEMBERS = {"nodes", "edges", "text", "AIF", "resources", "majorClaim", "schemaVersion",
                "libraryVersion", "schemefulfillments"}


@pytest.mark.parametrize("name", ["ova3.json", "plain.json", "arguebuf.json"])
def test_every_construct_arrives_or_is_named_in_a_warning(name: str) -> None:
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    amap, warnings = read(name)
    said = " | ".join(warnings)
    members = {key for key, value in [*data.items(), *inner(data).items()] if value}
    for member in members - KEPT_MEMBERS:
        assert NAMED[member] in said, member
    nodes = inner(data)["nodes"]
    kinds = ({node["type"] for node in nodes} if isinstance(nodes, list)
             else {"I" if "atom" in node else "RA" for node in nodes.values()})
    arrived = {"statements": sum(1 for _ in amap.statements()),
               "inferences": sum(1 for _ in amap.inferences()),
               "attacks": sum(1 for *_, kind, _ in amap.relations() if kind == "attack")}
    for kind in kinds:
        if kind in ARRIVES:
            assert arrived[ARRIVES[kind]], kind
        else:
            assert NAMED[kind] in said, kind
