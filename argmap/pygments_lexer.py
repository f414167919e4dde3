"""A Pygments lexer for the argmap language, so that ```argmap blocks are highlighted."""

from __future__ import annotations

from typing import Any, ClassVar

from pygments.lexer import RegexLexer, bygroups
from pygments.token import (
    Comment,
    Generic,
    Keyword,
    Name,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
)

__all__ = ["ArgmapLexer"]

ID = r"[^\W\d]\w*"
"""A statement or argument ID: Python's identifier rules (Unicode letters too)."""
COMMENT = r"#(?=[ \t]|\r?$).*"
"""`#` then a space, or a lone `#` (`#word` is a tag)."""
WS = r"[ \t]"


class ArgmapLexer(RegexLexer):  # type: ignore[misc]  # Pygments has no type hints
    """Lexes `.argmap` maps line by line, as argmap reads them (docs/language.md#grammar):
    a line's first characters decide its kind; statement text, warrants and directive values
    are text with their `#tags` marked."""

    name = "argmap"
    aliases: ClassVar[list[str]] = ["argmap"]
    filenames: ClassVar[list[str]] = ["*.argmap"]
    mimetypes: ClassVar[list[str]] = ["text/x-argmap"]
    url = "https://github.com/argmap/argmap"

    tokens: ClassVar[dict[str, Any]] = {
        "root": [
            (rf"^{WS}*{COMMENT}\n?", Comment.Single),
            (rf"^(==)({WS}*)([^\n]*?)({WS}*)(==)?({WS}*)(\r?\n|$)",
             bygroups(Generic.Heading, Whitespace, Generic.Heading, Whitespace,
                      Generic.Heading, Whitespace, Whitespace)),
            (r"^(@)(title|author|date|source|document|include)\b",
             bygroups(Keyword.Namespace, Keyword.Namespace), "text"),
            (rf"^(premise|assumption|claim|conclusion)({WS}+)({ID})({WS}*)(:)",
             bygroups(Keyword.Declaration, Whitespace, Name.Variable, Whitespace, Punctuation),
             "text"),
            (rf"^(argument)({WS}+)({ID})({WS}*)(:)",
             bygroups(Keyword.Declaration, Whitespace, Name.Class, Whitespace, Punctuation)),
            (rf"^({WS}+)(>)", bygroups(Whitespace, Punctuation), "quote"),
            (rf"^({WS}+)(@)(note|source|url|confidence|by|implicit)\b",
             bygroups(Whitespace, Name.Attribute, Name.Attribute), "text"),
            # An indented line that goes on with a relation; any other is statement text.
            (rf"^{WS}+(?=\+|->|→|-\||⊣|:)", Whitespace),
            (rf"^{WS}+(?=\S)", Whitespace, "text"),
            (r"->|→|-\||⊣|><|\+", Operator),
            (r"[()]", Punctuation),
            (ID, Name.Variable),
            (r":", Punctuation, "text"),
            (rf"{WS}+{COMMENT}", Comment.Single),
            (rf"{WS}+", Whitespace),
            (r"\r?\n", Whitespace),
            (r".", Text),
        ],
        "text": [
            (r"\r?\n", Whitespace, "#pop"),
            (r"(?<!\S)#[^\W\d_][\w-]*", Name.Tag),
            (r"[^#\r\n]+", Text),
            (r"[#\r]", Text),
        ],
        "quote": [
            (r"\r?\n", Whitespace, "#pop"),
            (r"[^\r\n]+", String),
            (r"\r", String),
        ],
    }
