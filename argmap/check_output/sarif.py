"""SARIF 2.1.0, as GitHub code scanning accepts it: the rules, then one result per finding."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from argmap import __version__
from argmap.checks.finding import Finding, Severity
from argmap.checks.registry import RULES, Rule
from argmap.errors import Span
from argmap.visible import visible_json

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/argmap/argmap"
"""The project's home page (pyproject.toml's Homepage, a test checks)."""
SRCROOT = "%SRCROOT%"
"""The base every relative URI is resolved against: the folder `argmap check` ran in, which
code scanning maps to the repository's checkout."""
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


def artifact_location(file: str, base: Path | None = None) -> dict[str, str]:
    """Where `file` is, as a SARIF artifactLocation: a percent-encoded URI relative to
    %SRCROOT% (`base`, by default the working folder) for a file inside it, an absolute
    `file:` URI for one outside it (`../x` is no URI a viewer can resolve)."""
    if not file:
        return {"uri": "", "uriBaseId": SRCROOT}
    root = Path(os.path.abspath(base or Path.cwd()))
    path = Path(os.path.abspath(root / file))
    try:
        relative = path.relative_to(root)
    except ValueError:
        return {"uri": path.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def root_uri(base: Path | None = None) -> str:
    """%SRCROOT% as an absolute `file:` URI ending in a slash, as SARIF requires of a base."""
    return Path(os.path.abspath(base or Path.cwd())).as_uri().rstrip("/") + "/"


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


def result(
    finding: Finding, index: dict[str, int], places: dict[str, dict[str, str]]
) -> dict[str, Any]:
    """A SARIF result; a finding without a place points at the first line of its map.
    `places` holds each file's artifactLocation (`artifact_location`)."""
    span = finding.span
    location = {
        "physicalLocation": {
            "artifactLocation": places[span.file if span else ""],
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
    places = {file: artifact_location(file, base) for file in files}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule_descriptor(rule) for rule in described],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": root_uri(base)}},
                "results": [result(finding, index, places) for finding in findings],
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
