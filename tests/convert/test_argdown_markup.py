"""Argdown's inline markup, found by scanning: the same results the earlier patterns gave
(pinned from them), unclosed openers left as they are."""

from __future__ import annotations

import pytest

from argmap.convert.argdown_markup import blank_comments, clean_text

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
