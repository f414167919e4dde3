"""What the parser builds: the graph, the map's metadata, sections across includes."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.errors import ParseError, Span
from argmap.language.syntax import SourceFile


def test_forward_references_chains_and_warrants() -> None:
    amap = argmap.parse(
        "a + b -> c -> d : the last step's warrant\n"
        "premise a: A\nassumption b: B\nclaim c: C\nconclusion d: D\n",
        "m.argmap",
    )
    assert [key for key, _ in amap.inferences()] == ["inference-1", "inference-2"]
    assert sorted(amap.premises_of("inference-1")) == ["a", "b"]
    assert amap.conclusion_of("inference-1") == "c"
    assert amap.graph.nodes["inference-1"]["warrant"] is None
    assert amap.graph.nodes["inference-2"]["warrant"] == "the last step's warrant"
    assert amap.graph.nodes["inference-2"]["span"] == Span("m.argmap", 1, 10, 1, 16)


def test_undercut_may_come_before_the_inference_it_names() -> None:
    amap = argmap.parse(
        "premise a: A\npremise b: B\npremise x: X\nclaim c: C\n"
        "x -| (b + a -> c)\n"
        "a + b -> c\n"
        "x >< a\n"
    )
    assert amap.attackers_of("inference-1") == ["x"]
    assert amap.graph.edges["x", "inference-1"]["kind"] == "attack"
    assert amap.graph.edges["a", "x"]["kind"] == "contradicts"
    assert amap.graph.edges["x", "a"]["kind"] == "contradicts"


def test_self_support_and_self_attack_are_left_to_the_checks() -> None:
    amap = argmap.parse("claim a: A\na -> a\na -| a\n")
    assert amap.conclusion_of("inference-1") == "a"
    assert amap.graph.edges["a", "a"]["kind"] == "attack"


def test_metadata_and_document_relative_to_the_map(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text(
        "@title T\n@author Au\n@date 2026\n@source S1\n@source S2\n@document sub/doc.txt\n"
    )
    amap = argmap.load(str(path))
    assert (amap.title, amap.author, amap.date) == ("T", "Au", "2026")
    assert amap.sources == ["S1", "S2"]
    assert amap.document == tmp_path / "sub" / "doc.txt"
    assert amap.document_span == Span(str(path), 6, 11, 6, 22)
    assert amap.path == path


def test_sections_and_includes(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "p.argmap").write_text(
        "@source From the part\npremise early: E\n== Own ==\npremise own: O\n"
    )
    (tmp_path / "m.argmap").write_text(
        "premise top: T\n== First ==\n@include parts/p.argmap\npremise after: A\n"
        "== Own ==\nown -> after\n"
    )
    amap = argmap.load(tmp_path / "m.argmap")
    sections = {sid: data["section"] for sid, data in amap.statements()}
    assert sections == {"top": None, "early": "First", "own": "Own", "after": "First"}
    assert [section.title for section in amap.sections] == ["First", "Own"]
    assert amap.sources == ["From the part"]
    top = str(tmp_path / "m.argmap")
    part = (tmp_path / "parts" / "p.argmap").as_posix()
    assert list(amap.files) == [top, part]
    assert [source.path for source in amap.syntax if isinstance(source, SourceFile)] == [
        top,
        part,
    ]
    assert amap.graph.nodes["own"]["span"].file == part


def test_errors_of_all_files_come_sorted_by_include_order_then_line(tmp_path: Path) -> None:
    (tmp_path / "a.argmap").write_text("premise x: X\nx -> nowhere\n")
    (tmp_path / "m.argmap").write_text("@include a.argmap\nx -> elsewhere\npremis y: Y\n")
    with pytest.raises(ParseError) as caught:
        argmap.load(tmp_path / "m.argmap")
    where = [(Path(d.span.file).name, d.span.line) for d in caught.value.errors]
    assert where == [("m.argmap", 2), ("m.argmap", 3), ("a.argmap", 2)]
    assert all(d.source_line for d in caught.value.errors)


def test_duplicate_id_points_at_both_definitions() -> None:
    with pytest.raises(ParseError) as caught:
        argmap.parse("premise a: A\n\nclaim a: again\n", "m.argmap")
    [error] = caught.value.errors
    assert error.rule == "duplicate-id"
    assert error.message == "duplicate statement ID `a`; first defined at line 1"
    assert error.span == Span("m.argmap", 3, 7, 3, 8)
    assert error.related == (Span("m.argmap", 1, 1, 1, 13),)
    assert error.source_line == "claim a: again"


def test_undefined_references_have_their_own_code_and_a_suggestion() -> None:
    with pytest.raises(ParseError) as caught:
        argmap.parse("premise distrust: D\nconclusion c: C\ndistrsut -> c\n")
    [error] = caught.value.errors
    assert error.rule == "undefined-reference"
    assert error.message == "undefined statement `distrsut`; did you mean `distrust`?"
    assert error.span == Span("<string>", 3, 1, 3, 9)


def test_empty_text_is_an_empty_map() -> None:
    amap = argmap.parse("")
    assert len(amap.graph) == 0
    assert amap.files == {"<string>": ""}


def test_parse_text_accepts_a_bom_and_crlf() -> None:
    amap = argmap.parse("\ufeffpremise a: A\r\n\tand more\r\nconclusion b: B\r\na -> b\r\n")
    assert amap.graph.nodes["a"]["text"] == "A and more"


def test_references_to_a_broken_statement_are_not_reported_twice() -> None:
    with pytest.raises(ParseError) as caught:
        argmap.parse("premisepremise a: A\nclaim b: B\na -> b\nb -| a\na >< b\n")
    [error] = caught.value.errors
    assert error.message.startswith("unknown statement kind `premisepremise`")


def test_a_misspelt_reference_to_a_broken_statement_still_gets_a_suggestion() -> None:
    with pytest.raises(ParseError) as caught:
        argmap.parse("cliam shops_lose: S\nconclusion b: B\nshops_loose -| b\n")
    assert [error.message for error in caught.value.errors][1] == (
        "undefined statement `shops_loose`; did you mean `shops_lose`?"
    )


def test_suggestions_stop_when_their_budget_is_spent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("argmap.language.build.SUGGESTION_BUDGET", 3)
    with pytest.raises(ParseError) as caught:
        argmap.parse("premise alpha: A\npremise beta: B\nconclusion c: C\nalpah -> c\nbeta_ -> c\n")
    assert [error.message for error in caught.value.errors] == [
        "undefined statement `alpah`; did you mean `alpha`?",
        "undefined statement `beta_`; define it with a line such as `premise beta_: ...`",
    ]
