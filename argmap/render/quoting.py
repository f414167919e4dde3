"""The one way user text reaches DOT (double-quoted strings) and the SVG we rewrite (XML text).

Double-quoted DOT strings, not HTML-like labels: the embedded Graphviz is built without
expat, so HTML-like labels would render as their raw markup there. Inside a quoted string
Graphviz interprets `\\` escapes (`\\N`, `\\l`, `\\G`, ...), `\\"` and, in labels, HTML
entities (`&amp;`); so `\\`, `"` and `&` are escaped, and control characters (which XML
cannot carry and which would break the SVG) become spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# C0 controls (tab and newlines included: text is laid out by us, not by stray breaks),
# DEL, C1 controls, and the XML non-characters U+FFFE/U+FFFF.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff]")

_DOT_ESCAPES = {"\\": "\\\\", '"': '\\"', "&": "&amp;"}
_DOT_SPECIAL = re.compile(r'[\\"&]')

_XML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_XML_SPECIAL = re.compile("[&<>\"']")

# Most text needs no change (IDs, colours, plain words): one search tells, where the two
# substitutions each cost as much (a DOT file quotes twenty strings a statement).
_DOT_CHANGED = re.compile(f"{_UNSAFE.pattern}|{_DOT_SPECIAL.pattern}")
_XML_CHANGED = re.compile(f"{_UNSAFE.pattern}|{_XML_SPECIAL.pattern}")

LINE_ENDS = {"center": "\\n", "left": "\\l", "right": "\\r"}


def clean(text: str) -> str:
    """`text` with every character XML or a one-line label cannot hold replaced by a space."""
    return _UNSAFE.sub(" ", text)


def escape(text: str) -> str:
    """The body of a DOT double-quoted string showing `text` verbatim."""
    if _DOT_CHANGED.search(text) is None:
        return text
    return _DOT_SPECIAL.sub(lambda match: _DOT_ESCAPES[match.group()], clean(text))


def quote(text: str) -> str:
    """`text` as a DOT double-quoted string (for names, ids, classes and one-line labels)."""
    return f'"{escape(text)}"'


def quote_lines(lines: Iterable[str], justify: str = "center") -> str:
    """Lines as one multi-line DOT label, each ended by Graphviz's line break for `justify`."""
    end = LINE_ENDS[justify]
    return '"' + "".join([escape(line) + end for line in lines]) + '"'


def xml_text(text: str) -> str:
    """`text` escaped for XML character data and attribute values (the SVG we rewrite)."""
    if _XML_CHANGED.search(text) is None:
        return text
    return _XML_SPECIAL.sub(lambda match: _XML_ESCAPES[match.group()], clean(text))


def xml_multiline(text: str) -> str:
    """Like `xml_text`, but keeps line breaks (tooltips show them)."""
    return "\n".join(xml_text(line) for line in text.split("\n"))
