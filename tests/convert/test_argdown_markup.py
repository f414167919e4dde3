"""Argdown's inline markup, found by scanning: the same results the earlier patterns gave
(pinned from them), unclosed openers left as they are."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.convert.argdown_markup import DataBlock, blank_comments, clean_text

M = "\x00"  # COMMENT_MARK


@pytest.mark.parametrize(("text", "expected"), [
    ("*a *b", ("*a *b", [])),
    ("a *b* c", ("a b c", [])),
    ("*a*b* c", ("a*b c", [])),
    ("x_y_z _e_", ("x_y_z e", [])),
    ("**x** and __y__", ("x and y", [])),
    ("** ** **", ("**", [])),
    ("@[A title] and @<Arg>", ("A title and Arg", [])),
    ("@[ unclosed", ("@[ unclosed", [])),
    ("@[x #t]", ("x", ["t"])),
    ("{a}@[b]", ("{a}b", [])),
    ("#(two words) #tag-1 #_no", ("#_no", ["two words", "tag-1"])),
    ("#( unclosed", ("#( unclosed", [])),
    ("\\*not\\* \\#tag", ("*not* #tag", [])),
    ("text {data: 1}", ("text", [])),
])
def test_clean_text(text: str, expected: tuple[str, list[str]]) -> None:
    assert clean_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a <!-- c --> b", "a " + M * 10 + " b"),
    ("<!-- open", "<!-- open"),
    ("<!--<!---->", M * 11),
    ("/* x\ny */z", M * 4 + "\n" + M * 4 + "z"),
    ("// line\nnext", M * 7 + "\nnext"),
    ("[text](url) [no]( [a]()", "text        no         "),
    ("\\<!-- not", "\\<!-- not"),
])
def test_blank_comments_keeps_positions(text: str, expected: str) -> None:
    assert blank_comments(text) == expected
    assert len(blank_comments(text)) == len(text)


# Argdown's own Data token (lexer.ts), with JavaScript's `.` (no line terminator).
ARGDOWN_DATA = re.compile(r"\{(?:(?!\}\s[^,}])(?:[^\n\r\u2028\u2029]|\n))*\}(?!\s*(?:,|\}))")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="{} ,\na:\u2028", max_size=30))
def test_data_blocks_end_where_argdowns_pattern_ends_them(text: str) -> None:
    data: list[DataBlock] = []
    blank_comments(text, data)
    expected, at = [], 0
    while (start := text.find("{", at)) >= 0:
        match = ARGDOWN_DATA.match(text, start)
        if match:
            expected.append(match.group())
        at = match.end() if match else start + 1
    assert [block.raw for block in data] == expected


def test_a_data_block_keeps_its_lines_and_hides_comment_marks_inside() -> None:
    data: list[DataBlock] = []
    text = '[A]: a {\n  url: "http://x.org" // no comment\n}\n  + [B]: b {c: 1} // comment\n'
    assert blank_comments(text, data) == (
        "[A]: a \x010\x01\n" + M * 35 + "\n" + M + "\n  + [B]: b \x011\x01" + M * 3
        + " " + M * 10 + "\n"
    )
    assert [(block.raw, block.line, block.column) for block in data] == [
        ('{\n  url: "http://x.org" // no comment\n}', 1, 8), ("{c: 1}", 4, 12)]
