"""What users see of the language's errors and JSON, where mutation testing found it unguarded
(docs/mutation.md): each test pins a message, a place or an output byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.errors import Diagnostic, MapFileError, Span
from argmap.language import build, loader, nodelink
from argmap.language.format import format_text
from argmap.language.loader import load_stream
from argmap.language.nodelink import node_link_chunks, node_link_json

UTF8_HINT = "argmap reads UTF-8 text: save the file as UTF-8"
SURROGATE = (
    "lone surrogate U+D800, half of a UTF-16 pair, not a character; argmap reads text that "
    "can be written as UTF-8"
)


def errors_of(source: str | bytes, tmp_path: Path) -> list[Diagnostic]:
    """The diagnostics of a map given as text (parsed) or bytes (a file loaded)."""
    try:
        if isinstance(source, bytes):
            (tmp_path / "m.argmap").write_bytes(source)
            argmap.load("m.argmap")  # from the working folder, as a user names it
        else:
            argmap.parse(source, "m.argmap")
    except argmap.ParseError as error:
        return list(error.errors)
    raise AssertionError("no error")


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        (b"premise a: A.\r\npremise b: B\xff b.\r\n", "premise b: B\ufffd b."),
        (b"premise a: A.\npremise b: B\xff", "premise b: B\ufffd"),
    ],
)
def test_invalid_utf8_is_placed_on_its_line_and_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, shown: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert errors_of(data, tmp_path) == [
        Diagnostic(
            "syntax-error",
            f"invalid UTF-8 byte 0xff; {UTF8_HINT}",
            Span("m.argmap", 2, 13, 2, 14),
            source_line=shown,
        )
    ]


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("premise a: A.\r\npremise b: B\ud800 b.\r\nconclusion c: C.\n", "premise b: B\\ud800 b."),
        ("premise a: A.\npremise b: B\ud800", "premise b: B\\ud800"),
    ],
)
def test_a_lone_surrogate_is_placed_on_its_line_and_shown_escaped(
    tmp_path: Path, source: str, shown: str
) -> None:
    assert errors_of(source, tmp_path) == [
        Diagnostic("syntax-error", SURROGATE, Span("m.argmap", 2, 13, 2, 14), source_line=shown)
    ]


@pytest.mark.parametrize(
    ("source", "message", "span"),
    [
        (
            "premise a: A.\nconclusion c: C.\npremise x: X.\nx -| (a -> c)\n",
            "undefined inference `(a -> c)`; an undercut names an inference written elsewhere, "
            "as in `a + b -> c`",
            Span("m.argmap", 4, 6, 4, 14),
        ),
        (
            "premise a: A.\nconclusion c: C.\npremise x: X.\npremise y: Y.\na -> c\n"
            "y -| (x -| c)\n",
            "undefined attack `(x -| c)`; an undercut names an attack written elsewhere, as in "
            "`x -| c`",
            Span("m.argmap", 6, 6, 6, 14),
        ),
    ],
)
def test_an_undercut_of_nothing_says_how_to_write_one(
    tmp_path: Path, source: str, message: str, span: Span
) -> None:
    [error] = errors_of(source, tmp_path)
    assert (error.rule, error.message, error.span) == ("undefined-reference", message, span)


def test_show_json_is_networkx_node_link_data_compact() -> None:
    amap = argmap.parse(
        "@document doc.txt\npremise a: A.\nconclusion c: C.\na -> c\n", "m.argmap"
    )
    text = "".join(node_link_chunks(amap))
    assert text.endswith("]}\n") and "\n" not in text[:-1]

    def span(line: int, end: int) -> dict[str, object]:
        return {"column": 1, "end_column": end, "end_line": line, "file": "m.argmap", "line": line}

    statement: dict[str, object] = {
        "attributes": {}, "quote_spans": [], "quotes": [], "section": None, "tags": []
    }
    assert json.loads(text) == {
        "directed": True,
        "graph": {"author": None, "date": None, "document": "doc.txt", "sections": [],
                  "sources": [], "title": None},
        "links": [
            {"kind": "premise", "source": "a", "span": span(4, 7), "target": "inference-1"},
            {"kind": "conclusion", "source": "inference-1", "span": span(4, 7), "target": "c"},
        ],
        "multigraph": False,
        "nodes": [
            {**statement, "id": "a", "kind": "premise", "span": span(2, 14), "text": "A."},
            {**statement, "id": "c", "kind": "conclusion", "span": span(3, 17), "text": "C."},
            {"id": "inference-1", "kind": "inference", "span": span(4, 7), "warrant": None},
        ],
    }
    assert list(json.loads(text)) == ["directed", "graph", "links", "multigraph", "nodes"]


def span(line: int, column: int, end: int) -> Span:
    return Span("m.argmap", line, column, line, end)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "premise a: A.\nconclusion c: C.\na -> c\nargument arg: a -> c\n",
            [("syntax-error", "the inference `a -> c` is written twice; first at line 3",
              span(4, 15, 21), (span(3, 1, 7),))],
        ),
        (
            "premise a: A.\nconclusion c: C.\npremise b: B.\na -> c\nb -| c\nb -| c\n",
            [("syntax-error", "`b` already attacks `c` at line 5; write each attack or "
              "contradiction once", span(6, 1, 7), (span(5, 1, 7),))],
        ),
        (
            "premise a: A.\nconclusion c: C.\npremise b: B.\na -> c\nb >< c\nb >< c\n",
            [("syntax-error", "`b` already contradicts `c` at line 5; write each attack or "
              "contradiction once", span(6, 1, 7), (span(5, 1, 7),))],
        ),
        (
            "conclusion c: C.\nargument arg: x + y -> c\nx >< c\n",
            [("undefined-reference", f"undefined statement `{name}`; define it with a line such "
              f"as `premise {name}: ...`", span(line, column, column + 1), ())
             for name, line, column in (("x", 2, 15), ("y", 2, 19), ("x", 3, 1))],
        ),
    ],
)
def test_a_relation_written_twice_or_to_nothing_names_the_rule_and_the_first_place(
    tmp_path: Path, source: str, expected: list[tuple[object, ...]]
) -> None:
    """The rule (`check` prints it) and the related place (JSON, SARIF) of each error."""
    errors = errors_of(source, tmp_path)
    assert [(e.rule, e.message, e.span, e.related) for e in errors] == expected


def test_an_include_twice_or_of_a_folder_says_so_where_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "part.argmap").write_text("premise p: P.\n", encoding="utf-8")
    source = "@include part.argmap\n@include part.argmap\n@include sub\nconclusion c: C.\np -> c\n"
    errors = errors_of(source.encode(), tmp_path)
    assert [(e.rule, e.message, e.span, e.related) for e in errors] == [
        ("syntax-error", "`part.argmap` is already included at line 1; include each file once",
         span(2, 10, 21), (span(1, 1, 21),)),
        ("syntax-error", "cannot include `sub`: it is a folder, not a map file",
         span(3, 10, 13), ()),
    ]


@pytest.mark.parametrize(
    ("source", "line", "columns", "message"),
    [
        ("premise a: A.\rmore\n", 1, (14, 15),
         "a carriage return (U+000D) not followed by a line feed; argmap ends lines at LF or "
         "CRLF only, as editors do: save the file with LF line ends"),
        ("@\npremise a: A.\n", 1, (1, 2),
         "expected a directive name after `@`: `@title`, `@author`, `@date`, `@source`, "
         "`@document` or `@include`"),
        ("premise a: A.\nconclusion c: C.\nargument arg: a -> c\n  @by Someone\n", 4, (3, 6),
         "`@by` belongs to statements; an argument takes `@note`, `@source`, `@url`, "
         "`@confidence`"),
        ("premise a: A.\nconclusion c: C.\na (b) -> c\n", 3, (3, 4),
         "parentheses name an inference only in an undercut, as in `x -| (a + b -> c)`"),
        ("premise a: A.\nconclusion c: C.\npremise x: X.\na -> c\nx -| (a c)\n", 5, (9, 10),
         "expected `+` or `->` in the inference, found `c`"),
        ("conclusion c: C.\n>< c\n", 2, (1, 3), "expected a statement ID before `><`, found `><`"),
        ("premise a: A.\npremise b: B.\nconclusion c: C.\na >< b >< c\n", 4, (8, 10),
         "a contradiction has exactly two statements: `a >< b`; unexpected `><`"),
    ],
)
def test_a_line_the_parser_refuses_is_explained_where_it_goes_wrong(
    tmp_path: Path, source: str, line: int, columns: tuple[int, int], message: str
) -> None:
    [error] = errors_of(source, tmp_path)
    assert (error.rule, error.message) == ("syntax-error", message)
    assert (error.span.line, error.span.column, error.span.end_column) == (line, *columns)


@pytest.mark.parametrize(
    ("data", "span", "shown"),
    [
        # The line start is the last line feed before the byte, not the first.
        (b"premise a: A.\npremise b: B.\npremise c: C\xff.\n", (3, 13), "premise c: C\ufffd."),
        (b"\npremise b: B\xff.\n", (2, 13), "premise b: B\ufffd."),
        (b"\n\xff\n", (2, 1), "\ufffd"),
        # Only the CR of a CRLF comes off the line shown: its own spaces and letters stay.
        (b"premise b: B\xff  \r\n", (1, 13), "premise b: B\ufffd  "),
        (b"premise b: B\xffX\r\n", (1, 13), "premise b: B\ufffdX"),
    ],
)
def test_invalid_utf8_on_any_line_is_placed_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, span: tuple[int, int],
    shown: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    [error] = errors_of(data, tmp_path)
    assert (error.span.line, error.span.column, error.source_line) == (*span, shown)


def test_a_map_on_standard_input_is_named_and_anchored_by_its_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "part.argmap").write_text("premise p: P.\n", encoding="utf-8")
    (tmp_path / "bad.argmap").write_bytes(b"premise q: Q\xff.\n")
    source = b"@include part.argmap\nconclusion c: C.\np -> c\n"
    amap = load_stream(source, "sub/top.argmap")
    assert amap.path == Path("sub/top.argmap")
    assert list(amap.files) == ["sub/top.argmap", "sub/part.argmap"]
    assert [tree.path for tree in amap.syntax] == ["sub/top.argmap", "sub/part.argmap"]
    with pytest.raises(argmap.ParseError) as caught:
        load_stream(b"premise a: A\xff\n")
    assert [(e.message, e.span, e.source_line) for e in caught.value.errors] == [
        (f"invalid UTF-8 byte 0xff; {UTF8_HINT}", Span("<stdin>", 1, 13, 1, 14),
         "premise a: A\ufffd")]
    with pytest.raises(argmap.ParseError) as caught:
        load_stream(b"@include bad.argmap\nconclusion c: C.\n")
    assert [(e.message, e.span) for e in caught.value.errors] == [
        (f"invalid UTF-8 byte 0xff; {UTF8_HINT}", Span("bad.argmap", 1, 13, 1, 14))]
    assert load_stream(b"premise a: A.\n").path is None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.argmap", "missing.argmap: no such file"),
        ("sub", "sub is a folder, not a map file"),
        ("big.argmap", "cannot read big.argmap: it is 37 bytes; argmap reads map files of at "
         "most 0 MiB"),
    ],
)
def test_a_map_that_cannot_be_read_is_named_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(loader, "MAP_SIZE_LIMIT", 30)
    (tmp_path / "sub").mkdir()
    (tmp_path / "big.argmap").write_text("premise p: P, a premise long enough.\n")
    for read in (argmap.load, loader.read_map_file):
        with pytest.raises(MapFileError) as caught:
            read(name)
        assert str(caught.value) == message


def test_an_include_too_big_is_refused_where_it_is_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(loader, "MAP_SIZE_LIMIT", 30)
    (tmp_path / "part.argmap").write_text("premise p: P, a premise long enough.\n")
    (tmp_path / "top.argmap").write_text("@include part.argmap\n")
    [error] = errors_of(b"@include part.argmap\n", tmp_path)
    assert (error.message, error.span) == (
        "cannot include `part.argmap`: it is 37 bytes; argmap reads map files of at most 0 MiB",
        Span("m.argmap", 1, 10, 1, 21),
    )


def test_show_json_compact_is_sorted_and_streamed_in_chunks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Keys sorted at every level (a span's too) and pieces joined by commas, as one JSON
    text equal to the indented output (chunks of 2 here, of 2,000 in use)."""
    monkeypatch.setattr(nodelink, "CHUNK", 2)
    lines = ["conclusion c: C."]
    lines += [f"premise p{n}: P{n}.\np{n} -> c" for n in range(3)]
    amap = argmap.parse("\n".join(lines) + "\n", "m.argmap")
    text = "".join(node_link_chunks(amap))
    data = json.loads(text)
    assert len(data["nodes"]) == 7 and len(data["links"]) == 6
    assert text == json.dumps(data, sort_keys=True, separators=(",", ":"),
                              ensure_ascii=False) + "\n"
    assert json.loads(node_link_json(amap)) == data
    assert node_link_json(amap).startswith('{\n  "directed": true,\n  "graph": {\n    "author"')


def test_show_json_writes_a_document_set_through_the_api_as_a_path() -> None:
    amap = argmap.ArgumentMap()
    amap.document = Path("sources") / "doc.txt"
    text = "".join(node_link_chunks(amap))
    assert json.loads(text)["graph"]["document"] == "sources/doc.txt"


AC = "premise a: A.\nconclusion c: C.\n"
ONE_STEP = ("syntax-error", "an argument is one inference step; write the chain's other steps as "
            "relations of their own")
BREAKS = ("some programs break the line here, but argmap, like most editors, does not: "
          "replace it with a space or a line break")
GLUED_HASH = ("syntax-error", "unexpected `#`; a comment starts with `# ` (a `#` and a space)")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # The chain's second arrow, found on the line that holds it, however many go before.
        ("premise a: A.\npremise d: D.\nclaim b: B.\nconclusion c: C.\nargument arg: a\n"
         "  + d\n  -> b->c\n", [(*ONE_STEP, (7, 7, 7, 9))]),
        ("premise a: A.\npremise d: D.\npremise e: E.\npremise f: F.\nclaim b: B.\n"
         "conclusion c: C.\nargument arg: a + e + f\n  + d\n  -> b->c\n",
         [(*ONE_STEP, (9, 7, 9, 9))]),
        # A named argument is offered as a near miss.
        (AC + "premise x: X.\nargument support1: a -> c\nx -| suport1\n",
         [("undefined-reference", "undefined statement `suport1`; did you mean `support1`?",
           (5, 6, 5, 13))]),
        # A `#` glued to an ID is no comment.
        (AC + "a -> c# note\n", [(*GLUED_HASH, (3, 7, 3, 8))]),
        (AC + "a# -> c\n", [(*GLUED_HASH, (3, 2, 3, 3))]),
        # A line that is not a statement defines no ID, not even a near miss.
        ("premise 1abc: X.\nconclusion c: C.\nabc -> c\n", [
            ("syntax-error", "`1abc` is not a valid ID; an ID starts with a letter or `_` and has "
             "only letters, digits and `_`", (1, 9, 1, 13)),
            ("undefined-reference", "undefined statement `abc`; define it with a line such as "
             "`premise abc: ...`", (3, 1, 3, 4))]),
        ("premise a: A.\n  @confidence 0\n", []),
        ("premise a: A.\n  @confidence 1\n", []),
        ("premise a:\n", [("syntax-error", "statement `a` has no text; write it after the `:`",
                           (1, 1, 1, 11))]),
        # An invisible character is what to fix: what reading it as a space would break
        # on its line is not reported too.
        (AC + "premise b B.\x0b\n", [("syntax-error", f"invisible character U+000B (vertical "
                                      f"tab); {BREAKS}", (3, 13, 3, 14))]),
        (AC + "premise b: B.\u2028C.\n", [("syntax-error", f"invisible character U+2028 (line "
                                         f"separator); {BREAKS}", (3, 14, 3, 15))]),
        ("@include \\\\server\\x.argmap\n", [
            ("syntax-error", "`\\\\server\\x.argmap` is an absolute path; `@include` takes a "
             "path relative to this file", (1, 10, 1, 27))]),
    ],
)
def test_what_the_parser_says_about_a_line(
    tmp_path: Path, source: str, expected: list[tuple[object, ...]]
) -> None:
    try:
        argmap.parse(source, "m.argmap")
    except argmap.ParseError as error:
        errors = error.errors
    else:
        errors = []
    assert [(e.rule, e.message, (e.span.line, e.span.column, e.span.end_line,
             e.span.end_column)) for e in errors] == expected


def test_an_include_cycle_is_named_from_the_top_maps_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.argmap").write_text("@include b.argmap\n")
    (tmp_path / "sub" / "b.argmap").write_text("@include a.argmap\n")
    [error] = errors_of(b"@include sub/a.argmap\n", tmp_path)
    assert (error.message, error.span) == (
        "include cycle: sub/a.argmap -> sub/b.argmap -> sub/a.argmap",
        Span("sub/b.argmap", 1, 10, 1, 18),
    )


def test_fmt_writes_an_undercut_of_an_undercut_of_an_inference_as_it_was_written() -> None:
    source = (AC + "premise x: X.\npremise y: Y.\n\na -> c\nx -| (a -> c)\n"
              "y -| (x -| (a -> c))\n")
    assert format_text(source, "m.argmap") == source


def test_near_misses_are_offered_until_the_budget_of_comparisons_is_spent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(build, "SUGGESTION_BUDGET", 1)
    source = AC + "premise abc: X.\nabd -> c\nabe -> c\n"
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(source, "m.argmap")
    assert [error.message for error in caught.value.errors] == [
        "undefined statement `abd`; did you mean `abc`?",
        "undefined statement `abe`; define it with a line such as `premise abe: ...`",
    ]


def test_errors_are_listed_file_by_file_in_include_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.argmap").write_bytes(b"premise q: Q\xff.\n")
    (tmp_path / "other.argmap").write_text("premise r R.\n")
    errors = errors_of(b"@include bad.argmap\n@include other.argmap\npremise s S.\n", tmp_path)
    assert [(e.span.file, e.span.line) for e in errors] == [
        ("m.argmap", 3), ("bad.argmap", 1), ("other.argmap", 1)]


def test_standard_input_can_leave_the_syntax_trees_out() -> None:
    assert load_stream(b"premise a: A.\n", syntax=False).syntax == []
    assert len(load_stream(b"premise a: A.\n").syntax) == 1


# Every place fmt keeps or drops a blank line or a comment's own spacing: a header comment,
# a second block after a gap, blanks in a quote, a section's comment, an argument's tags,
# continued relations and a last line without a line end.
FMT_SOURCE = (
    '#   Top   comment, spaced\n'
    '# second line of header\n'
    '\n'
    '# first block\n'
    '\n'
    '#  second block after a gap,   spaced\n'
    'premise a: A.\n'
    '  @note N   # why\n'
    '  > q one\n'
    '\n'
    '  > q two\n'
    '\n'
    '  # body comment,   spaced\n'
    '\n'
    'premise b: B.\n'
    '\n'
    '# comment before c\n'
    '\n'
    'conclusion c: C.\n'
    '== Section ==   # section comment\n'
    'claim d: D.\n'
    'argument step: a + b -> c #t1 #t2   # arg comment\n'
    '  @note Step note\n'
    '  # arg body   comment\n'
    'a\n'
    '  + b\n'
    '  #   in a relation\n'
    '  -> d   # end\n'
    'argument two: a\n'
    '    -> d\n'
    '  @note N2   # n2\n'
    '  #  after   note\n'
    '#   trailing,  spaced'
)
FMT_FORMATTED = (
    '#   Top   comment, spaced\n'
    '# second line of header\n'
    '\n'
    '# first block\n'
    '\n'
    '#  second block after a gap,   spaced\n'
    'premise a: A.\n'
    '  @note N  # why\n'
    '  > q one\n'
    '\n'
    '  > q two\n'
    '\n'
    '# body comment,   spaced\n'
    '\n'
    'premise b: B.\n'
    '\n'
    '# comment before c\n'
    '\n'
    'conclusion c: C.\n'
    '\n'
    '== Section ==  # section comment\n'
    '\n'
    'claim d: D.\n'
    '\n'
    'argument step: a + b -> c #t1 #t2  # arg comment\n'
    '  @note Step note\n'
    '# arg body   comment\n'
    'a\n'
    '  + b\n'
    '  #   in a relation\n'
    '  -> d  # end\n'
    'argument two: a\n'
    '    -> d\n'
    '  @note N2  # n2\n'
    '\n'
    '#  after   note\n'
    '#   trailing,  spaced\n'
)


@pytest.mark.parametrize(
    ("source", "formatted"),
    [
        (FMT_SOURCE, FMT_FORMATTED),
        # Line ends follow the first line's.
        ("premise a: A.\r\npremise b: B.\n", "premise a: A.\r\npremise b: B.\r\n"),
        ("premise a: A.\npremise b: B.\r\n", "premise a: A.\npremise b: B.\n"),
        # One blank line kept between statements and inside a quote, however many.
        ("premise a: A.\n\npremise b: B.\n", "premise a: A.\n\npremise b: B.\n"),
        ("premise a: A.\n\n\n  > q\n", "premise a: A.\n  > q\n"),
        ("premise a: A.\n  > q one\n\n\n  > q two\n  > q three\n\n\n  > q four\n",
         "premise a: A.\n  > q one\n\n  > q two\n  > q three\n\n  > q four\n"),
    ],
)
def test_fmt_layout(source: str, formatted: str) -> None:
    assert format_text(source, "m.argmap") == formatted


@pytest.mark.parametrize(
    ("source", "line", "shown"),
    [("premise a A.\n", 1, "premise a A."),
     ("premise a: A.\nconclusion c: C.\na ->\n  + c", 4, "  + c")],
)
def test_fmt_refuses_a_broken_map_showing_the_line(source: str, line: int, shown: str) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        format_text(source, "m.argmap")
    [error] = caught.value.errors
    assert (error.span.line, error.source_line) == (line, shown)


XY = "premise x: X.\npremise y: Y.\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (AC + "a b >< c\n",
         [('a contradiction has exactly two statements: `a >< b`', (3, 3, 4), 'a b >< c', ())]),
        (AC + "a >< \n",
         [('expected a statement ID after `><`', (3, 5, 6), 'a >< ', ())]),
        # The missing conclusion is placed after the arrow, with or without a warrant
        # (it was placed in the warrant, one past its colon).
        (AC + "a -> c -> : why\n",
         [('expected a statement ID after `->`', (3, 10, 11), 'a -> c -> : why', ())]),
        (AC + "a -> c ->\n",
         [('expected a statement ID after `->`', (3, 10, 11), 'a -> c ->', ())]),
        (AC + "a -> c ->\n  : why\n",
         [('expected a statement ID after `->`', (3, 10, 11), 'a -> c ->', ())]),
        (XY + AC + "a -> c\ny -| (-| c)\n",
         [('expected a premise ID after `(`, found `-|`', (6, 7, 9), 'y -| (-| c)', ())]),
        (XY + AC + "x -| c\ny -| (x -| )\n",
         [
           ('expected a statement ID, an inference `(a + b -> c)` or an attack `(x '
            '-| c)` after `-|`, found `)`',
            (6, 12, 13), 'y -| (x -| )', ()),
         ]),
        (XY + AC + "x -| (+ b -> c)\n",
         [('expected a premise ID after `(`, found `+`', (5, 7, 8), 'x -| (+ b -> c)', ())]),
        (XY + AC + "x -| (a + -> c)\n",
         [('expected a statement ID after `a +`, found `->`', (5, 11, 13), 'x -| (a + -> c)', ())]),
        (XY + AC + "x -| (a -> )\n",
         [
           ("expected the inference's conclusion after `->`, found `)`",
            (5, 12, 13), 'x -| (a -> )', ()),
         ]),
        (XY + AC + "x -| (a\n",
         [('expected `+` or `->` in the inference', (5, 8, 9), 'x -| (a', ())]),
        (XY + AC + "x -| (\n",
         [('expected a premise ID after `(`', (5, 7, 8), 'x -| (', ())]),
        (XY + AC + "y -| (x -|\n",
         [
           ('expected a statement ID, an inference `(a + b -> c)` or an attack `(x '
            '-| c)` after `-|`',
            (5, 11, 12), 'y -| (x -|', ()),
         ]),
        (AC + "premise b: B.\n  @note,x\n",
         [('expected a space after `@note`', (4, 8, 9), '  @note,x', ())]),
        (AC + "argument arg: a -> c\n  @note,x\n",
         [('expected a space after `@note`', (4, 8, 9), '  @note,x', ())]),
        (AC + "argument arg: a -> c\n  @note x\n  @note y\n",
         [
           ('`@note` is given twice for `arg`; first at line 4',
            (5, 3, 8), '  @note y', ((4, 3, 10),)),
         ]),
        ("@title=x\n",
         [('expected a space after `@title`', (1, 7, 8), '@title=x', ())]),
        (AC + "premise x: X.\na -> c\nx -| (a -> c)\na -| (a -> c)\n",
         [
           ('`a` is a premise of `(a -> c)` (line 4) and cannot also undercut it; a '
            'reason cannot both support and attack the same step',
            (6, 1, 14), 'a -| (a -> c)', ((4, 1, 7),)),
         ]),
        (AC + "premise x: X.\nx -| c\nx -| (x -| c)\n",
         [
           ('`x` makes the attack `(x -| c)` (line 4) and cannot also undercut it',
            (5, 1, 14), 'x -| (x -| c)', ((4, 1, 7),)),
         ]),
        ("premise a: A.\npremise b: B.\npremise c: C\ud800.\n",
         [
           ('lone surrogate U+D800, half of a UTF-16 pair, not a character; argmap '
            'reads text that can be written as UTF-8',
            (3, 13, 14), 'premise c: C\\ud800.', ()),
         ]),
        ("\npremise b: B\ud800.\n",
         [
           ('lone surrogate U+D800, half of a UTF-16 pair, not a character; argmap '
            'reads text that can be written as UTF-8',
            (2, 13, 14), 'premise b: B\\ud800.', ()),
         ]),
        ("\n\ud800\n",
         [
           ('lone surrogate U+D800, half of a UTF-16 pair, not a character; argmap '
            'reads text that can be written as UTF-8',
            (2, 1, 2), '\\ud800', ()),
         ]),
        ("premise b: B\ud800  \r\n",
         [
           ('lone surrogate U+D800, half of a UTF-16 pair, not a character; argmap '
            'reads text that can be written as UTF-8',
            (1, 13, 14), 'premise b: B\\ud800  ', ()),
         ]),
        ("premise b: B\ud800X\r\n",
         [
           ('lone surrogate U+D800, half of a UTF-16 pair, not a character; argmap '
            'reads text that can be written as UTF-8',
            (1, 13, 14), 'premise b: B\\ud800X', ()),
         ]),
    ],
)
def test_a_syntax_error_is_worded_placed_and_shown(
    source: str, expected: list[tuple[object, ...]]
) -> None:
    """Message, line and columns, the line shown (a lone surrogate escaped) and the related
    place of each error: what `check` prints and JSON and SARIF carry."""
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(source, "m.argmap")
    assert all(error.rule == "syntax-error" for error in caught.value.errors)
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column), e.source_line,
             tuple((r.line, r.column, r.end_column) for r in e.related))
            for e in caught.value.errors] == expected


@pytest.mark.parametrize(
    ("source", "quotes", "text"),
    [("premise a: A.\n  >quote\n", ["quote"], "A."),
     ("premise a: A.\n  > q   \n", ["q"], "A."),
     ("premise a: A.\n  more   \n  text  \n", [], "A. more text")],
)
def test_quotes_and_continued_text_lose_their_outer_spaces(
    source: str, quotes: list[str], text: str
) -> None:
    data = argmap.parse(source, "m.argmap").graph.nodes["a"]
    assert (data["quotes"], data["text"]) == (quotes, text)


@pytest.mark.parametrize(
    ("line", "title"),
    [("== Title ==   ", "Title"), ("==Xylo ==", "Xylo"), ("== Box X==", "Box X")],
)
def test_a_section_title_loses_its_equals_signs_only(line: str, title: str) -> None:
    [section] = argmap.parse(f"{line}\npremise a: A.\n", "m.argmap").sections
    assert section.title == title


def test_a_document_of_text_parsed_without_a_path_is_anchored_in_the_working_folder() -> None:
    assert argmap.parse("@document doc.txt\n").document == Path("doc.txt")


def test_an_include_that_is_not_utf8_shows_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.argmap").write_bytes(b"premise q: Q\xff.\n")
    errors = errors_of(b"@include bad.argmap\npremise s S.\n", tmp_path)
    assert [(e.span.file, e.source_line) for e in errors] == [
        ("m.argmap", "premise s S."), ("bad.argmap", "premise q: Q\ufffd.")]


def test_an_arguments_repeated_attribute_is_related_to_the_first_whole() -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(AC + "argument arg: a -> c\n  @note x\n  @note y\n", "m.argmap")
    [error] = caught.value.errors
    assert error.related == (Span("m.argmap", 4, 3, 4, 10),)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (AC + "premise b: B.\nargument arg: a -> c\narg + q -> c\nb + arg -> c\n", [
            ('syntax-error',
             '`arg` is an argument (a named inference), not a statement; only '
             'an attack can name it, as in `x -| arg`',
             (5, 1, 4)),
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (5, 7, 8)),
            ('syntax-error',
             '`arg` is an argument (a named inference), not a statement; only '
             'an attack can name it, as in `x -| arg`',
             (6, 5, 8)),
        ]),
        (AC + "argument arg: a -> c\narg + q + r -> c\n", [
            ('syntax-error',
             '`arg` is an argument (a named inference), not a statement; only '
             'an attack can name it, as in `x -| arg`',
             (4, 1, 4)),
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (4, 7, 8)),
            ('undefined-reference',
             'undefined statement `r`; define it with a line such as `premise '
             'r: ...`',
             (4, 11, 12)),
        ]),
        (AC + "q + r -> c\ns -> c\n", [
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (3, 1, 2)),
            ('undefined-reference',
             'undefined statement `r`; define it with a line such as `premise '
             'r: ...`',
             (3, 5, 6)),
            ('undefined-reference',
             'undefined statement `s`; define it with a line such as `premise '
             's: ...`',
             (4, 1, 2)),
        ]),
        (AC + "premise b: B.\nq + r -> c\na -> q -> r\n", [
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (4, 1, 2)),
            ('undefined-reference',
             'undefined statement `r`; define it with a line such as `premise '
             'r: ...`',
             (4, 5, 6)),
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (5, 6, 7)),
            ('undefined-reference',
             'undefined statement `r`; define it with a line such as `premise '
             'r: ...`',
             (5, 11, 12)),
        ]),
        (AC + "premise b: B.\npremise d: D.\na + b\n  -> c : w\n  + d\n", [
            ('syntax-error',
             'the warrant (`: text`) ends a relation; continue it on the same '
             'line, and put `+` and `->` lines before it',
             (7, 3, 6)),
        ]),
        (AC + "premise b: B.\npremise d: D.\na\n  + b : w\n  -> c\n", [
            ('syntax-error',
             'the warrant (`: text`) ends a relation; continue it on the same '
             'line, and put `+` and `->` lines before it',
             (7, 3, 7)),
        ]),
        (AC + "premise b: B.\npremise d: D.\na : x\n  + b\n  -> c\n", [
            ('syntax-error',
             'the warrant (`: text`) ends a relation; continue it on the same '
             'line, and put `+` and `->` lines before it',
             (6, 3, 6)),
        ]),
        (AC + "premise b: B.\na + b\n  -> c : w: x\n  + d\n", [
            ('syntax-error',
             'the warrant (`: text`) ends a relation; continue it on the same '
             'line, and put `+` and `->` lines before it',
             (6, 3, 6)),
        ]),
        (AC + "premise b: B.\na\n  + b\n  ->\n", [
            ('syntax-error',
             'expected a statement ID after `->`',
             (6, 5, 6)),
        ]),
        (AC + "premise b: B.\na\n  + b\n  -> q\n", [
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (6, 6, 7)),
        ]),
        (AC + "premise b: B.\na\n  + b  # two\n  -> q\n", [
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (6, 6, 7)),
        ]),
        (AC + "argument arg:a -> c\n", [
        ]),
        (AC + "argument  arg : a -> c\n", [
        ]),
        (AC + "argument 1x: a -> c\n", [
            ('syntax-error',
             '`1x` is not a valid ID; an ID starts with a letter or `_` and '
             'has only letters, digits and `_`',
             (3, 10, 12)),
        ]),
        (AC + "argument arg a -> c\n", [
            ('syntax-error',
             "expected `:` after the argument's ID `arg`, as in `argument arg: "
             'a + b -> c`',
             (3, 14, 15)),
        ]),
        (AC + "argument arg\n", [
            ('syntax-error',
             "expected `:` after the argument's ID `arg`, as in `argument arg: "
             'a + b -> c`',
             (3, 13, 14)),
        ]),
        (AC + "argument arg: a -> q # c\n", [
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (3, 20, 21)),
        ]),
        (AC + "argument arg:   a -> q\n", [
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (3, 22, 23)),
        ]),
        (AC + "argument a\u0301rg: a -> q\n", [
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (3, 21, 22)),
        ]),
        ("premise cafe\u0301: X.\nconclusion c: C.\ncafe\u0301 -> q\n", [
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (3, 10, 11)),
        ]),
        (AC + "a  ->   q\n", [
            ('undefined-reference',
             'undefined statement `q`; define it with a line such as `premise '
             'q: ...`',
             (3, 9, 10)),
        ]),
        (AC + "a -> c :\n", [
            ('syntax-error',
             "expected the warrant's text after `:`",
             (3, 8, 9)),
        ]),
        (AC + "a -> c :   # note\n", [
            ('syntax-error',
             "expected the warrant's text after `:`",
             (3, 8, 9)),
        ]),
        (AC + "a -> c : \n", [
            ('syntax-error',
             "expected the warrant's text after `:`",
             (3, 8, 9)),
        ]),
        (AC + "premise x: X.\nx + a -| c\n", [
        ]),
        (AC + "premise x: X.\n-| c\n", [
            ('syntax-error',
             "expected the attacking statement's ID before `-|`, found `-|`",
             (4, 1, 3)),
        ]),
        (AC + "premise x: X.\nx -> a -| c\n", [
            ('syntax-error',
             'a line holds one kind of relation; found `->` and then `-|`; '
             'write them on separate lines',
             (4, 8, 10)),
        ]),
        (AC + "premise x: X.\ny -| (x -| c\n", [
            ('syntax-error',
             "expected `)` after the attack's target",
             (4, 13, 14)),
        ]),
        (AC + "premise x: X.\ny -| (x -| c d)\n", [
            ('syntax-error',
             "expected `)` after the attack's target, found `d`",
             (4, 14, 15)),
        ]),
        ("premise a:\n  continued text\n", [
        ]),
        ("premise a: A.\n  @note x\n  @note y\n  @note z\n  @by p\n  @by q\n", [
            ('syntax-error',
             '`@note` is given twice for `a`; first at line 2',
             (3, 3, 8)),
            ('syntax-error',
             '`@note` is given twice for `a`; first at line 2',
             (4, 3, 8)),
            ('syntax-error',
             '`@by` is given twice for `a`; first at line 5',
             (6, 3, 6)),
        ]),
    ],
)
def test_references_warrants_and_argument_lines_are_checked_where_they_are_written(
    source: str, expected: list[tuple[str, str, tuple[int, int, int]]]
) -> None:
    try:
        argmap.parse(source, "m.argmap")
    except argmap.ParseError as error:
        errors = error.errors
    else:
        errors = []
    assert [(e.rule, e.message, (e.span.line, e.span.column, e.span.end_column))
            for e in errors] == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (AC + "a + -> c\n",
         [("expected a statement ID after `a +`, found `->`", (3, 5, 7), ())]),
        (AC + "premise b: B.\npremise d: D.\na + b + d + -> c\n",
         [("expected a statement ID after `d +`, found `->`", (5, 13, 15), ())]),
        (AC + "a -> c :\n", [("expected the warrant's text after `:`", (3, 8, 9), ())]),
        ("premise a: A.\n  @note x\n  @note y\n  @note z\n",
         [("`@note` is given twice for `a`; first at line 2", (line, 3, 8), ((2, 3, 10),))
          for line in (3, 4)]),
    ],
)
def test_a_missing_premise_an_empty_warrant_and_every_repeated_attribute_are_reported(
    source: str, expected: list[tuple[object, ...]]
) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(source, "m.argmap")
    assert all(error.rule == "syntax-error" for error in caught.value.errors)
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column),
             tuple((r.line, r.column, r.end_column) for r in e.related))
            for e in caught.value.errors] == expected


def test_a_tab_in_a_statements_text_reads_as_a_space() -> None:
    assert argmap.parse("premise a: A\tB.\n").graph.nodes["a"]["text"] == "A B."


ABCD = "premise a: A.\npremise b: B.\nconclusion c: C.\npremise d: D.\n"
WARRANT_LAST = (
    "the warrant (`: text`) ends a relation; continue it on the same line, and put `+` and "
    "`->` lines before it"
)


@pytest.mark.parametrize(
    ("line", "message", "place"),
    [
        # The ID runs to the space or colon, whatever characters it holds (an `X` too).
        ("argument a.Xb: a -> b\n",
         "`a.Xb` is not a valid ID; an ID starts with a letter or `_` and has only letters, "
         "digits and `_`", (5, 10, 14)),
        # A comment right after the colon is a comment, not the relation's text.
        ("argument A1: # why\n",
         "expected an inference or an attack after `argument A1:`, as in "
         "`argument A1: a + b -> c` or `argument A1: a + b -| c`", (5, 14, 15)),
        # An argument's tags are blanked, so the columns after them are the line's.
        ("argument A1: a #t -> nope\n",
         "undefined statement `nope`; define it with a line such as `premise nope: ...`",
         (5, 22, 26)),
        # A warrant in the third of four lines: the fourth line is the one shown.
        ("a\n  + b\n  -> c : why\n  + d\n", WARRANT_LAST, (8, 3, 6)),
        # A warrant in the first of two lines.
        ("a -> c : why\n  + d\n", WARRANT_LAST, (6, 3, 6)),
    ],
)
def test_an_argument_header_and_a_long_relation_are_placed_to_the_column(
    line: str, message: str, place: tuple[int, int, int]
) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(ABCD + line, "m.argmap")
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column))
            for e in caught.value.errors] == [(message, place)]


def test_every_step_of_a_chain_written_before_is_reported() -> None:
    source = "premise a: A.\nconclusion c: C.\npremise d: D.\na -> c\nc -> d\na -> c -> d\n"
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(source, "m.argmap")
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column))
            for e in caught.value.errors] == [
        ("the inference `a -> c` is written twice; first at line 4", (6, 1, 7)),
        ("the inference `c -> d` is written twice; first at line 5", (6, 6, 12)),
    ]


MANY = (
    "premise c: C.\n" + "".join(f"premise p{n}: P.\n" for n in range(201))
    + " + ".join(f"p{n}" for n in range(201)) + " -| c\n"
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("a + -| c\n", [("expected a statement ID after `a +`, found `-|`", (5, 5, 7), [])]),
        ("a b -| c\n", [("expected `+` or `-|` after `a`, found `b`", (5, 3, 4), [])]),
        ("a + a -| c\n",
         [("`a` appears twice among the premises of one objection", (5, 5, 6), [])]),
        ("d -| (a + b + a -| c)\n",
         [("`a` appears twice among the premises of one objection", (5, 15, 16), [])]),
        ("a -| c\nargument A: a -| c\n",
         [("`a` already attacks `c` at line 5; write each attack or contradiction once",
           (6, 13, 19), [(5, 1, 7)])]),
        ("argument A: a -| c\na -| c\n",
         [("the attack `a -| c` is written twice; first at line 5", (6, 1, 7), [(5, 1, 19)])]),
        ("a + b -| c\na + b -| c\n",
         [("the attack `a + b -| c` is written twice; first at line 5", (6, 1, 11),
           [(5, 1, 11)])]),
        ("argument A: a + b -| c\na + b -| c\n",
         [("the attack `a + b -| c` is written twice; first at line 5", (6, 1, 11),
           [(5, 1, 23)])]),
        ("a >< d\nargument A: a -| d\n",
         [("`a` already contradicts `d` at line 5; write each attack or contradiction once",
           (6, 13, 19), [(5, 1, 7)])]),
        ("a -> c\nargument A1: a -> c\n",
         [("the inference `a -> c` is written twice; first at line 5", (6, 14, 20),
           [(5, 1, 7)])]),
        # Named arguments for one step are two arguments; a linked objection is not its
        # premise's attack.
        ("argument A0: a -> c\nargument A1: a -> c\n", []),
        ("argument A: a + b -| c\nargument B: a + b -| c\n", []),
        ("argument A: a -| c\nargument B: a -| c\n", []),
        ("a -| c\na + b -| c\n", []),
    ],
)
def test_linked_and_named_objections_are_checked_as_they_are_written(
    lines: str, expected: list[tuple[str, tuple[int, int, int], list[tuple[int, int, int]]]]
) -> None:
    source = ABCD + lines
    try:
        argmap.parse(source, "m.argmap")
    except argmap.ParseError as error:
        errors = error.errors
    else:
        errors = []
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column),
             [(r.line, r.column, r.end_column) for r in e.related]) for e in errors] == expected


def test_an_objection_has_at_most_two_hundred_premises() -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(MANY, "m.argmap")
    assert [e.message for e in caught.value.errors] == [
        "an objection has at most 200 premises; group some of them under intermediate claims"]


def test_a_broken_argument_with_an_attribute_under_it_is_reported_not_a_crash() -> None:
    source = "premise a: A.\nconclusion c: C.\nargument A1: a ->\n  @note x\n"
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(source, "m.argmap")
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column))
            for e in caught.value.errors] == [("expected a statement ID after `->`", (3, 18, 19))]


def test_a_path_through_a_file_is_not_read_and_not_taken_for_a_pipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("f.argmap").write_text("premise a: A.\n", encoding="utf-8")
    with pytest.raises(MapFileError) as caught:
        argmap.load("f.argmap/x.argmap")
    assert str(caught.value) == "cannot read f.argmap/x.argmap: Not a directory"


def test_an_inference_of_two_hundred_premises_is_accepted() -> None:
    source = (
        "conclusion c: C.\n" + "".join(f"premise p{n}: P.\n" for n in range(200))
        + " + ".join(f"p{n}" for n in range(200)) + " -> c\n"
    )
    assert argmap.parse(source, "m.argmap").graph.number_of_nodes() == 202


def test_a_statement_without_text_is_placed_up_to_its_colon() -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse("premise a:   \n", "m.argmap")
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column))
            for e in caught.value.errors] == [
        ("statement `a` has no text; write it after the `:`", (1, 1, 11))]


def test_a_broken_arguments_id_still_counts_as_defined() -> None:
    source = "premise a: A.\nconclusion c: C.\nargument A1: a ->\npremise x: X.\nx -| A1\n"
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(source, "m.argmap")
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column))
            for e in caught.value.errors] == [("expected a statement ID after `->`", (3, 18, 19))]


@pytest.mark.parametrize(("operator", "kind"), [("><", "a contradiction"), ("-|", "an attack")])
def test_a_warrant_on_an_attack_or_a_contradiction_is_refused_by_name(
    operator: str, kind: str
) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(f"premise a: A.\npremise b: B.\na {operator} b : why\n", "m.argmap")
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column))
            for e in caught.value.errors] == [
        (f"a warrant (`: text`) belongs to a support (`->`), not to {kind}", (3, 10, 13))]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A one-letter word before an ID and a colon is read as a statement's kind.
        ("e x: X.\n",
         [("syntax-error",
           "unknown statement kind `e`; expected `premise`, `assumption`, `claim` or `conclusion`",
           (1, 1, 1, 2))]),
        # `argument` alone, with or without a space after it, is no argument line.
        ("argument \n",
         [("syntax-error",
           "expected a relation such as `a -> b`, `a -| b` or `a >< b`; to continue a "
           "statement's text, indent the line", (1, 1, 1, 9))]),
        # A broken statement line still defines its ID and takes its indented lines: one
        # error, and nothing reported as undefined or as indented outside a statement.
        ("premise school The school.\n  more text\n  @note: n\nconclusion c: C.\n"
         "school -> c\n",
         [("syntax-error", "expected `:` after the statement ID `school`", (1, 16, 1, 17))]),
        # ... and is offered as the near miss of a reference.
        ("premise a: A\nconclusion c: C.\npremise sch\tool: text\nschool -> c\n",
         [("syntax-error", "expected `:` after the statement ID `sch`", (3, 13, 3, 14)),
          ("undefined-reference", "undefined statement `school`; did you mean `sch`?",
           (4, 1, 4, 7))]),
        # So does a broken argument line.
        ("premise a: A.\nconclusion c: C.\nargument sch\tool: a -> c\n  @note: n\nschool -> c\n",
         [("syntax-error",
           "expected `:` after the argument's ID `sch`, as in `argument sch: a + b -> c`",
           (3, 14, 3, 15)),
          ("undefined-reference", "undefined statement `school`; did you mean `sch`?",
           (5, 1, 5, 7))]),
        # An argument ID that repeats a statement's is placed on the ID.
        ("premise a: A.\nconclusion c: C.\nargument c: a -> c\n",
         [("duplicate-id", "duplicate ID `c`; first defined at line 2", (3, 10, 3, 11))]),
    ],
)
def test_borderline_and_broken_lines_are_reported_once_and_placed(
    source: str, expected: list[tuple[str, str, tuple[int, int, int, int]]]
) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(source, "m.argmap")
    assert [(e.rule, e.message, (e.span.line, e.span.column, e.span.end_line, e.span.end_column))
            for e in caught.value.errors] == expected


def test_a_directive_given_twice_points_at_its_first_place() -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse("@title A\n@title B\n@document x.txt\n@document y.txt\n", "m.argmap")
    assert [(e.message, (e.span.line, e.span.column, e.span.end_column),
             tuple((r.line, r.column, r.end_column) for r in e.related))
            for e in caught.value.errors] == [
        ("`@title` is given twice; first at line 1", (2, 1, 7), ((1, 1, 9),)),
        ("`@document` is given twice; first at line 3", (4, 1, 10), ((3, 1, 16),)),
    ]


NAMED_ATTACK_LATER = """\
premise a: A.
premise b: B.
premise d: D.
conclusion c: C.
a -> c
d -| school
argument school: b -| (a -> c)
"""


def test_an_attack_on_a_named_attack_written_before_it_is_kept() -> None:
    amap = argmap.parse(NAMED_ATTACK_LATER, "m.argmap")
    assert amap.graph.edges["d", "school"]["kind"] == "attack"


def test_an_attack_on_a_named_attack_written_twice_is_reported_at_its_repeat() -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(NAMED_ATTACK_LATER + "d -| school\n", "m.argmap")
    assert [(e.message, e.span.line, tuple(r.line for r in e.related))
            for e in caught.value.errors] == [
        ("`d` already attacks `school` at line 6; write each attack or contradiction once",
         8, (6,))]


def test_a_path_that_cannot_be_used_is_named_in_the_error() -> None:
    with pytest.raises(MapFileError) as caught:
        argmap.parse("premise a: A.\n", "m\0.argmap")
    # The reason after the colon is Python's own and is worded differently from 3.12 on.
    assert str(caught.value).startswith("cannot use the path 'm\\x00.argmap': ")
    assert "null" in str(caught.value)
    assert caught.value.path == "m\0.argmap"


def test_the_files_read_are_listed_top_first_and_a_nested_include_keeps_the_section(
    tmp_path: Path,
) -> None:
    """`source_paths` is what `render --watch` watches; an include inside an included file
    before any section header is in the section the outer `@include` stood in."""
    (tmp_path / "top.argmap").write_text("== S ==\n@include a.argmap\n", encoding="utf-8")
    (tmp_path / "a.argmap").write_text("@include b.argmap\n", encoding="utf-8")
    (tmp_path / "b.argmap").write_text("premise x: X.\n", encoding="utf-8")
    amap = argmap.load(tmp_path / "top.argmap")
    assert amap.source_paths == [(tmp_path / name).resolve()
                                 for name in ("top.argmap", "a.argmap", "b.argmap")]
    assert amap.graph.nodes["x"]["section"] == "S"


def test_text_parsed_without_a_path_lists_no_file_read() -> None:
    assert argmap.parse("premise a: A.\n").source_paths == []


@pytest.mark.parametrize(
    ("relation", "message", "column"),
    [
        # Brackets one after another never nest: the line's own error is reported.
        ("x -| " + "(a -> b) " * 33,
         "an attack has exactly one target; write one `-|` line per target; unexpected `(`",
         15),
        # A closed bracket gives its level back: 32 more may open after it.
        ("x -| (a -> b) " + "(" * 32,
         "an attack has exactly one target; write one `-|` line per target; unexpected `(`",
         15),
        # A stray `)` lends no level: the 33rd `(` is one too deep.
        ("x -| ) " + "(" * 33,
         "brackets nest at most 32 deep in a relation; attack the statements rather than ever "
         "deeper attacks on attacks", 40),
        ("x -| ) " + "(" * 32,
         "expected a statement ID, an inference `(a + b -> c)` or an attack `(x -| c)` after "
         "`-|`, found `)`", 6),
    ],
)
def test_bracket_depth_counts_only_open_brackets(relation: str, message: str, column: int) -> None:
    with pytest.raises(argmap.ParseError) as caught:
        argmap.parse(f"premise x: X.\npremise a: A.\nconclusion b: B.\n{relation}\n", "m.argmap")
    assert [(e.message, e.span.line, e.span.column) for e in caught.value.errors] == [
        (message, 4, column)]
