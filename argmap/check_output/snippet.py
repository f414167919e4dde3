"""The source line with a caret under a span, as every located message shows it."""

from __future__ import annotations

import re

from argmap.errors import Diagnostic, Span
from argmap.visible import visible, visible_line

WINDOW = 160
"""Characters of a very long line shown around the span (a 1 MB line stays readable)."""


def caret_snippet(source_line: str, span: Span) -> str:
    """Return the source line and a line of carets under `span`'s part of it.

    Tabs are kept in the gutter so the caret lines up with the text above it; a span that
    runs past the line (or onto further lines) is underlined to the end of the line.
    Control characters are shown as escapes (`visible`), and the carets count them so.
    """
    line = source_line.removesuffix("\n")  # a lone CR before it is text, and shown
    first = span.column - 1
    last = span.end_column - 1 if span.end_line == span.line else len(line)
    last = max(last, first + 1)
    if len(line) > WINDOW:
        offset = max(0, min(first - WINDOW // 2, len(line) - WINDOW))
        prefix = "…" if offset > 0 else ""
        suffix = "…" if offset + WINDOW < len(line) else ""
        line = prefix + line[offset : offset + WINDOW] + suffix
        shift = len(prefix) - offset
        first, last = first + shift, min(last + shift, len(line) - len(suffix))
        last = max(last, first + 1)
    before, under = visible(line[:first]), visible(line[first:last])
    gutter = _NOT_TAB.sub(" ", before)
    carets = "^" * (len(under) or last - first)  # a span past the end still gets its caret
    return f"  {before}{under}{visible(line[last:])}\n  {gutter}{carets}"


_NOT_TAB = re.compile(r"[^\t]")


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """`file:line:column: error: message`, then the line and caret when the line is known."""
    span = diagnostic.span
    head = f"{visible_line(span.file)}:{span.line}:{span.column}: error: "
    head += visible_line(diagnostic.message)
    if not diagnostic.source_line:
        return head
    return head + "\n" + caret_snippet(diagnostic.source_line, span)
