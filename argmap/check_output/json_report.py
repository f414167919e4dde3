"""The JSON report: one array of findings with fixed keys, in the order they were sorted."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from argmap.checks.finding import Finding
from argmap.visible import json_text

KEYS = ("code", "rule", "severity", "message", "file", "line", "column", "statement", "related")


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """A finding as a JSON object; `file`, `line` and `column` are null when it has no place."""
    span = finding.span
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "file": span.file if span else None,
        "line": span.line if span else None,
        "column": span.column if span else None,
        "statement": finding.statement,
        "related": list(finding.related),
    }


def format_json(findings: Iterable[Finding]) -> str:
    """An indented JSON array (UTF-8 text kept as is), ending with a newline."""
    return json_text([finding_to_dict(f) for f in findings], indent=2) + "\n"
