"""SARIF 2.1.0, as GitHub code scanning accepts it: the rules, then one result per finding."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from argmap import __version__
from argmap.checks.finding import Finding, Severity
from argmap.checks.registry import RULES, Rule
from argmap.errors import Span
from argmap.visible import visible_json

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A reportingDescriptor: id, name, descriptions and help from the rule's docstring."""
    doc = rule.doc.strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc},
        "defaultConfiguration": {
            "level": LEVELS[rule.severity],
            "enabled": rule.enabled_by_default,
        },
    }


def artifact_uri(file: str, base: Path | None = None) -> str:
    """A relative URI with forward slashes (relative to `base` when the path is absolute)."""
    path = Path(file)
    if path.is_absolute():
        try:
            path = Path(os.path.relpath(path, base or Path.cwd()))
        except ValueError:
            return path.as_uri()
    return str(PurePosixPath(*path.parts)) if path.parts else file


def region(span: Span | None) -> dict[str, int]:
    """startLine/startColumn (1-based, as SARIF's default) and the end when it is known."""
    if span is None:
        return {"startLine": 1}
    found = {"startLine": span.line, "startColumn": span.column}
    if span.end_line == span.line and span.end_column > span.column:
        found.update(endLine=span.end_line, endColumn=span.end_column)
    elif span.end_line > span.line:
        found.update(endLine=span.end_line, endColumn=max(1, span.end_column))
    return found


def result(finding: Finding, index: dict[str, int], uris: dict[str, str]) -> dict[str, Any]:
    """A SARIF result; a finding without a place points at the first line of its map.
    `uris` holds each file's URI (`artifact_uri`)."""
    span = finding.span
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": uris[span.file if span else ""]},
            "region": region(span),
        }
    }
    return {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
    }


def sarif_log(
    findings: Iterable[Finding], rules: Sequence[Rule] | None = None, base: Path | None = None
) -> dict[str, Any]:
    """The whole SARIF log as a dict: one run of argmap with every rule described."""
    described = list(rules if rules is not None else RULES.values())
    index = {rule.code: position for position, rule in enumerate(described)}
    findings = list(findings)
    # Each file's URI once, not once per finding (a map can have thousands of findings).
    files = dict.fromkeys(finding.span.file if finding.span else "" for finding in findings)
    uris = {file: artifact_uri(file, base) for file in files}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": __version__,
                        "rules": [rule_descriptor(rule) for rule in described],
                    }
                },
                "results": [result(finding, index, uris) for finding in findings],
            }
        ],
    }


def format_sarif(findings: Iterable[Finding], base: Path | None = None) -> str:
    """The SARIF log as JSON text indented by two spaces (what `json_text(..., indent=2)`
    writes, a test checks), encoded by orjson: json's indenting encoder is pure Python,
    a fifth of a second for a few thousand findings."""
    import orjson

    encoded = orjson.dumps(sarif_log(findings, base=base), option=orjson.OPT_INDENT_2)
    return visible_json(encoded.decode()) + "\n"
