"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message` per finding."""

from __future__ import annotations

from collections.abc import Iterable

from argmap.checks.finding import Finding, Severity
from argmap.visible import visible

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it.

    The log is a terminal too: other control characters are shown as escapes (`visible`).
    """
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value (file, title): as data, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_annotation(finding: Finding) -> str:
    properties = []
    span = finding.span
    if span is not None:
        properties += [
            f"file={escape_property(span.file)}",
            f"line={span.line}",
            f"col={span.column}",
        ]
        if span.end_line == span.line and span.end_column > span.column:
            properties += [f"endLine={span.end_line}", f"endColumn={span.end_column}"]
    properties.append(f"title={escape_property(f'{finding.code} {finding.rule}')}")
    command = COMMANDS[finding.severity]
    return f"::{command} {','.join(properties)}::{escape_data(finding.message)}"


def format_github(findings: Iterable[Finding]) -> str:
    """One annotation line per finding."""
    return "".join(format_annotation(finding) + "\n" for finding in findings)
