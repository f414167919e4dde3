"""The one DOT quoting function and the XML escaping of the SVG we rewrite."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.render.quoting import clean, escape, quote, quote_lines, xml_multiline, xml_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", '"plain"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("\\N \\l \\G", '"\\\\N \\\\l \\\\G"'),
        ("AT&T &amp;", '"AT&amp;T &amp;amp;"'),
        ("<<B>> {a|b} ; ] }", '"<<B>> {a|b} ; ] }"'),
        ("tab\there\nnew\rline\x00nul", '"tab here new line nul"'),
        ("مرحبا 😀", '"مرحبا 😀"'),
    ],
)
def test_quote(text: str, expected: str) -> None:
    assert quote(text) == expected


def test_quote_lines_ends_every_line_with_its_justification() -> None:
    assert quote_lines(["a", 'b"']) == '"a\\nb\\"\\n"'
    assert quote_lines(["a"], "left") == '"a\\l"'
    assert quote_lines(["a"], "right") == '"a\\r"'


def test_xml_text_escapes_the_five_specials() -> None:
    assert xml_text("<a href=\"x\" on='y'>&") == "&lt;a href=&quot;x&quot; on=&#39;y&#39;&gt;&amp;"
    assert xml_multiline("a<\nb>") == "a&lt;\nb&gt;"
    assert clean("\x07bell\ufffe") == " bell "


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaped_text_cannot_end_the_string(text: str) -> None:
    body = escape(text)
    # Every quote and backslash is escaped: the body is a sequence of escape pairs and
    # ordinary characters, with no bare quote or control character.
    index = 0
    while index < len(body):
        if body[index] == "\\":
            assert body[index + 1] in '\\"'
            index += 2
            continue
        assert body[index] != '"' and ord(body[index]) >= 0x20
        index += 1
