"""The source line with a caret under a span, as every located message shows it."""

from __future__ import annotations

from argmap.errors import Diagnostic, Span

WINDOW = 160
"""Characters of a very long line shown around the span (a 1 MB line stays readable)."""


def caret_snippet(source_line: str, span: Span) -> str:
    """Return the source line and a line of carets under `span`'s part of it.

    Tabs are kept in the gutter so the caret lines up with the text above it; a span that
    runs past the line (or onto further lines) is underlined to the end of the line.
    """
    line = source_line.rstrip("\r\n")
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
    gutter = "".join("\t" if ch == "\t" else " " for ch in line[:first])
    return f"  {line}\n  {gutter}{'^' * (last - first)}"


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """`file:line:column: error: message`, then the line and caret when the line is known."""
    span = diagnostic.span
    head = f"{span.file}:{span.line}:{span.column}: error: {diagnostic.message}"
    if not diagnostic.source_line:
        return head
    return head + "\n" + caret_snippet(diagnostic.source_line, span)
