"""Lines end at LF and CRLF only: other line-breaking characters are reported, not counted."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.errors import ParseError
from argmap.textlines import LINE_BREAKING, line_at, line_starts, split_lines

# Every character str.splitlines breaks at besides LF; CR only when no LF follows.
BREAKERS = ["\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def test_the_list_is_what_splitlines_breaks_at() -> None:
    assert sorted(BREAKERS) == sorted(LINE_BREAKING)
    every = {chr(c) for c in range(0x110000) if len(f"a{chr(c)}b".splitlines()) > 1}
    assert every == set(LINE_BREAKING) | {"\n"}


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("", []),
        ("a", ["a"]),
        ("a\n", ["a"]),
        ("a\r\n", ["a"]),
        ("a\n\n", ["a", ""]),
        ("a\r\nb\nc", ["a", "b", "c"]),
        ("a\rb\r\n", ["a\rb"]),
        ("a\r\r\n", ["a\r"]),
        ("\r", ["\r"]),
        ("a\nb\r", ["a", "b\r"]),
        ("a\u2028b\x0cc\x85d\n", ["a\u2028b\x0cc\x85d"]),
    ],
)
def test_split_lines(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines


def _errors(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(ParseError) as caught:
        argmap.parse(text, "m.argmap")
    return [(d.span.line, d.span.column, d.message) for d in caught.value.errors]


@pytest.mark.parametrize("ch", BREAKERS, ids=lambda ch: f"U+{ord(ch):04X}")
def test_the_character_is_reported_and_later_lines_keep_their_numbers(ch: str) -> None:
    text = f"premise a: one{ch}two\nconclusion b: B\n\nbogus -> b\n"
    (first, second) = _errors(text)
    assert first[:2] == (1, 15)
    assert f"U+{ord(ch):04X}" in first[2]
    assert second[:2] == (4, 1) and "`bogus`" in second[2]


@pytest.mark.parametrize("ch", BREAKERS, ids=lambda ch: f"U+{ord(ch):04X}")
def test_in_a_relation_only_the_character_is_reported(ch: str) -> None:
    text = f"premise a: A\nconclusion b: B\na ->{ch}b\nnope -> b\n"
    assert [error[:2] for error in _errors(text)] == [(3, 5), (4, 1)]


def test_a_lone_carriage_return_says_what_to_do() -> None:
    ((line, column, message), _) = _errors("premise a: A\rB\nconclusion b: B\nbogus -> b\n")
    assert (line, column) == (1, 13)
    assert message.startswith("a carriage return (U+000D) not followed by a line feed")
    assert "save the file with LF line ends" in message


def test_a_carriage_return_ending_the_file_is_a_lone_one() -> None:
    """Found by the fuzz suite: `\\r` at the very end was taken for a CRLF line end."""
    ((line, column, message),) = _errors("premise a: A\nconclusion b: B\na -> b\r")
    assert (line, column) == (3, 7)
    assert message.startswith("a carriage return (U+000D) not followed by a line feed")


def test_a_form_feed_alone_on_a_line_is_reported_on_that_line() -> None:
    errors = _errors("premise a: A\n\x0c\nconclusion b: B\na -> b\nbogus -> b\n")
    assert [error[:2] for error in errors] == [(2, 1), (5, 1)]
    assert "U+000C (form feed)" in errors[0][2]


def test_crlf_maps_have_no_errors() -> None:
    amap = argmap.parse("premise a: A\r\n\r\nconclusion b: B\r\na -> b\r\n", "m.argmap")
    assert amap.graph.nodes["b"]["span"].line == 3


def test_cli_snippet_shows_the_character_and_points_at_it(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap"
    path.write_text("premise a: one\u2028two\nconclusion b: B\na -> b\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        f"{path}:1:15: error: AM001 syntax-error: invisible character U+2028")
    assert lines[1:3] == ["  premise a: one\\u2028two", "                ^^^^^^"]


def test_an_included_file_is_counted_the_same_way(tmp_path: Path) -> None:
    (tmp_path / "part.argmap").write_text("premise a: A\x85B\nbogus -> b\n", encoding="utf-8")
    (tmp_path / "m.argmap").write_text("@include part.argmap\nconclusion b: B\na -> b\n")
    with pytest.raises(ParseError) as caught:
        argmap.load(tmp_path / "m.argmap")
    where = [(d.span.file, d.span.line, d.span.column) for d in caught.value.errors]
    top = str(tmp_path / "m.argmap")
    part = str(Path(top).parent / "part.argmap")
    assert where == [(part, 1, 13), (part, 2, 1)]


def test_a_document_s_lines_are_counted_at_line_feeds(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(
        "First\u2028line.\rStill\x0cthe\x85first.\r\nSecond line.\n"
        "Lanes cut injuries to cyclists by a third in every city that built them.\n",
        encoding="utf-8",
    )
    (tmp_path / "m.argmap").write_text(
        "@document doc.txt\n"
        "premise a: A\n"
        "  > lanes cut injuries to cyclists by half in every city that built them\n"
        "conclusion b: B\na -> b\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(tmp_path / "m.argmap")])
    assert "the closest passage (line 3) reads" in result.stdout


def test_line_index_finds_the_same_lines_as_split_lines() -> None:
    """`line_at` over `line_starts` (how findings look up their source line without
    splitting the file again) gives exactly `split_lines`, for every short mix of line ends."""
    pieces = ["a", "\n", "\r", "\r\n", "b"]
    for length in range(6):
        for combination in itertools.product(pieces, repeat=length):
            text = "".join(combination)
            lines = split_lines(text)
            starts = line_starts(text)
            found = [line_at(text, starts, number) for number in range(len(lines) + 2)]
            assert found == ["", *lines, ""], repr(text)
