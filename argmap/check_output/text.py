"""The terminal report: `file:line:column: severity: CODE name: message`, the line with a caret,
a summary."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from rich.console import Console
from rich.text import Text

from argmap.check_output.snippet import caret_snippet
from argmap.check_output.summary import summary
from argmap.checks.finding import Finding, Severity
from argmap.errors import Diagnostic, Span
from argmap.visible import visible_line

SourceLine = Callable[[Span], str]
STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def format_text(
    findings: Sequence[Finding],
    *,
    files_checked: int,
    source_line: SourceLine,
    color: bool = False,
    show_summary: bool = True,
) -> str:
    """The whole report as one string; with `color`, ANSI colours (rich styles)."""
    pieces = [finding_pieces(finding, source_line) for finding in findings]
    if show_summary:
        pieces.append([(summary(findings, files_checked), "bold")])
    if not color:
        # Without colour, rich would print the pieces' text as it is; joining them here
        # spares its rendering machinery (most of the time of a report of thousands of
        # findings). Tabs are the one thing rich changes (it expands them), so a finding
        # with a tab is still printed by rich.
        plain = ["".join(text for text, _ in finding) for finding in pieces]
        if not any("\t" in text for text in plain):
            return "".join(text + "\n" for text in plain)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        width=10_000,
    )
    for finding in pieces:
        console.print(_text(finding), soft_wrap=True)
    return buffer.getvalue()


Pieces = list[tuple[str, str]]
"""A finding as text to print, piece by piece, each with its rich style ("" for none)."""


def finding_pieces(finding: Finding, source_line: SourceLine) -> Pieces:
    """One finding's pieces: the located header line, then the source line and caret.

    User text (messages quote statements and documents) is kept plain, never rich markup,
    so brackets in it are shown as written; a message stays on one line, and control
    characters in it are shown as escapes.
    """
    style = STYLES[finding.severity]
    # `path:line:column: error: ...`, as compilers and mypy write it: editors' and CI's
    # problem matchers read the severity from this place.
    pieces = [
        (_place(finding), "bold"),
        (": ", ""),
        (f"{finding.severity.value}: ", style),
        (f"{finding.code} {finding.rule}", style),
        (": " + visible_line(" ".join(finding.message.split("\n"))), ""),
    ]
    line = source_line(finding.span) if finding.span is not None else ""
    if finding.span is not None and line:
        source, _, carets = caret_snippet(line, finding.span).rpartition("\n")
        pieces += [("\n" + source + "\n", ""), (carets, style)]
    return pieces


def _text(pieces: Pieces) -> Text:
    text = Text()
    for piece, style in pieces:
        text.append(piece, style=style or None)
    return text


def _place(finding: Finding) -> str:
    span = finding.span
    if span is None:
        return "<map>"
    return f"{visible_line(span.file)}:{span.line}:{span.column}"


def format_parse_errors(diagnostics: Sequence[Diagnostic], *, color: bool = False) -> str:
    """A map's parse errors as `argmap check` reports them (AM001-AM003, one file): the
    one voice every command uses for a map that does not parse."""
    from argmap.checks import parse_error_findings

    lines = {(d.span.file, d.span.line): d.source_line for d in diagnostics}
    return format_text(
        parse_error_findings(diagnostics),
        files_checked=1,
        source_line=lambda span: lines.get((span.file, span.line), ""),
        color=color,
    )
