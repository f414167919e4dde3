"""The source line with a caret under a span, as every located message shows it."""

from __future__ import annotations

from argmap.errors import Diagnostic, Span


def caret_snippet(source_line: str, span: Span) -> str:
    """Return the source line and a line of carets under `span`'s part of it.

    Tabs are kept in the gutter so the caret lines up with the text above it; a span that
    runs past the line (or onto further lines) is underlined to the end of the line.
    """
    line = source_line.rstrip("\r\n")
    if len(line) > 200:
        start = max(0, span.column - 1 - 80)
        shown = line[start : start + 160]
        prefix = "…" if start > 0 else ""
        column = span.column - start + len(prefix)
        line = prefix + shown + ("…" if start + 160 < len(source_line) else "")
    else:
        column = span.column
    end = span.end_column if span.end_line == span.line else len(line) + 1
    end = max(end, column + 1)
    end = min(end, max(len(line) + 1, column + 1))
    gutter = "".join("\t" if ch == "\t" else " " for ch in line[: column - 1])
    return f"  {line}\n  {gutter}{'^' * (end - column)}"


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """`file:line:column: error: message`, then the line and caret when the line is known."""
    span = diagnostic.span
    head = f"{span.file}:{span.line}:{span.column}: error: {diagnostic.message}"
    if not diagnostic.source_line:
        return head
    return head + "\n" + caret_snippet(diagnostic.source_line, span)
