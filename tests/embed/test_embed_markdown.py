"""The Markdown quoting: hostile titles stay one literal alt text, paths one link target."""

from __future__ import annotations

from markdown_it import MarkdownIt

from argmap.markdown import image, markdown_target, markdown_text

HOSTILE = [
    '<script>alert("x")</script>',
    "](javascript:alert(1)) [link](https://example.org)",
    "*bold* _em_ `code` \\back\\slash",
    "line\nbreak\r\nand\ttab",
    "&amp; &lt;b&gt; {braces} ünïcødé ✓ !",
    "![image](x.png)",
]


def test_alt_text_is_literal() -> None:
    parser = MarkdownIt("commonmark")
    for text in HOSTILE:
        tokens = parser.parseInline(image(text, "doc-argmap/x.svg"))[0].children
        assert tokens is not None
        assert [token.type for token in tokens] == ["image"]
        assert tokens[0].attrs["src"] == "doc-argmap/x.svg"
        shown = "".join(child.content for child in tokens[0].children or [])
        expected = "".join(" " if character in "\r\n\t" else character for character in text)
        assert shown == expected


def test_targets_cannot_end_early() -> None:
    assert markdown_target("my figures/a (1).svg") == "my%20figures/a%20%281%29.svg"
    assert markdown_text("a]b") == "a\\]b"
    tokens = MarkdownIt("commonmark").parseInline(image("t", "a b/c)d.svg"))[0].children
    assert tokens is not None and tokens[0].attrs["src"] == "a%20b/c%29d.svg"
