"""The check rules and the engine that runs them: `run_checks(amap) -> list[Finding]`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from argmap.analysis.labels import Semantics
from argmap.checks.context import CheckContext
from argmap.checks.finding import Finding, Severity
from argmap.checks.parallel import run_rules
from argmap.checks.registry import ALL, RULES, Rule, get_rule, resolve_rules
from argmap.checks.suppression import apply_suppressions
from argmap.errors import Diagnostic
from argmap.forked import Worker
from argmap.model import ArgumentMap

__all__ = [
    "ALL",
    "RULES",
    "Finding",
    "Rule",
    "Severity",
    "get_rule",
    "parse_error_findings",
    "resolve_rules",
    "run_checks",
]


def run_checks(
    amap: ArgumentMap,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    document: str | os.PathLike[str] | None = None,
    severity: Mapping[str, Severity] | None = None,
    worker: Worker | None = None,
    semantics: str = Semantics.WELL_FOUNDED,
) -> list[Finding]:
    """Run the selected rules on a parsed map; findings sorted by file, line, column, code.

    `select`/`ignore` take codes, names, code prefixes and `ALL` (default: every rule on by
    default); `document` replaces the map's `@document`; `severity` maps rule codes to the
    severity their findings get instead (`[tool.argmap.check] severity`). Suppression
    comments are honoured. Given a `worker` (`argmap.checks.parallel.worker_for`, started
    before the map was loaded), the quotes are searched for in it while the other rules run
    here; findings are the same. `semantics` names how the labels (contested-conclusion)
    treat circular support (`argmap.analysis.labels.Semantics`).
    Raises CheckError for an unknown rule (also in a suppression comment).
    """
    rules = resolve_rules(select, ignore)
    context = CheckContext(
        amap, [], Path(document) if document is not None else None, semantics=semantics
    )
    findings = run_rules(amap, context, rules, worker)
    if severity:
        findings = [
            replace(finding, severity=severity[finding.code])
            if finding.code in severity
            else finding
            for finding in findings
        ]
    return sorted(apply_suppressions(amap, findings), key=Finding.sort_key)


def parse_error_findings(errors: Iterable[Diagnostic]) -> list[Finding]:
    """The parser's diagnostics as findings of the rules syntax-error, undefined-reference
    and duplicate-id (always on), sorted like `run_checks`' findings."""
    context = CheckContext(ArgumentMap(), list(errors))
    rules = [get_rule(code) for code in ("AM001", "AM002", "AM003")]
    findings = [finding for rule in rules for finding in rule.run(context.amap, context)]
    return sorted(findings, key=Finding.sort_key)
