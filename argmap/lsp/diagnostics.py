"""Findings as the protocol's diagnostics: range, severity, code, the rule's documentation,
the other statements a finding names."""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from argmap.checks import Finding, Severity
from argmap.errors import Span
from argmap.lsp.positions import UTF16, to_range
from argmap.lsp.project import SETTINGS

SOURCE = "argmap"
RULES_URL = "https://github.com/argmap/argmap/blob/main/argmap/checks/rules/{module}.py"
"""Where a rule's documentation is (its module's docstring), unless the client gives
`docsUrl` (the site's folder) in its initialization options."""
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
UNNECESSARY = frozenset({"orphan-statement", "irrelevant-statement"})
"""Rules whose statements editors may show faded, as they show unused code."""


def rule_url(rule: str, docs_url: str | None = None) -> str:
    """The page that documents `rule`: the site's under `docs_url`, else its module."""
    if docs_url:
        return f"{docs_url.rstrip('/')}/rules/{rule}.html"
    return RULES_URL.format(module=rule.replace("-", "_"))


def to_diagnostic(
    finding: Finding,
    lines: list[str],
    *,
    encoding: str = UTF16,
    docs_url: str | None = None,
    locate: Callable[[str], types.Location | None] | None = None,
) -> types.Diagnostic:
    """`finding` in a file of `lines`; `locate` finds where the statements it names are
    defined (its related information)."""
    related = [
        types.DiagnosticRelatedInformation(location, f"`{name}`")
        for name in finding.related
        if locate is not None and (location := locate(name)) is not None
    ]
    return types.Diagnostic(
        range=to_range(finding.span, lines, encoding),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule_url(finding.rule, docs_url))
        if finding.rule != SETTINGS else None,
        source=SOURCE,
        tags=[types.DiagnosticTag.Unnecessary] if finding.rule in UNNECESSARY else None,
        related_information=related or None,
        data={"rule": finding.rule},
    )


def location_of(
    span: Span, lines: list[str], uri: str, encoding: str = UTF16
) -> types.Location:
    return types.Location(uri, to_range(span, lines, encoding))
