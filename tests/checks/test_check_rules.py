"""Every rule against its cases in tests/checks/cases/<rule-name>.yml (pass and fail inputs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.checks import RULES, get_rule
from argmap.checks.finding import Finding

CASES = Path(__file__).parent / "cases"


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert spec["rule"] == path.stem
        for case in spec["cases"]:
            case_id = f"{spec['rule']}: {case['name']}"
            params.append(pytest.param(spec, case, id=case_id))
    return params


def _as_expected(finding: Finding, wanted: dict[str, Any]) -> dict[str, Any]:
    """The finding's fields that the case names, in the case's terms."""
    actual: dict[str, Any] = {
        "line": finding.span.line if finding.span else None,
        "column": finding.span.column if finding.span else None,
        "statement": finding.statement,
        "related": list(finding.related),
        "message": finding.message,
        "severity": finding.severity.value,
    }
    return {key: actual[key] for key in wanted}


def test_every_rule_has_cases() -> None:
    assert sorted(path.stem for path in CASES.glob("*.yml")) == sorted(
        rule.name for rule in RULES.values()
    )


@pytest.mark.parametrize(("spec", "case"), _load_cases())
def test_rule_case(spec: dict[str, Any], case: dict[str, Any], check: Any) -> None:
    rule = get_rule(spec["rule"])
    files = dict(case.get("files") or {})
    if "document" in spec:
        files.setdefault("article.txt", spec["document"])
    source = case.get("pass") if "pass" in case else case["fail"]
    findings = [f for f in check(source, select=[rule.name], files=files) if f.code == rule.code]
    expected = case.get("findings", []) if "fail" in case else []
    assert "fail" not in case or expected, "a failing case must list its findings"
    assert [_as_expected(f, e) for f, e in zip(findings, expected, strict=False)] == expected
    assert len(findings) == len(expected), [f.message for f in findings]
    # A finding has its rule's severity unless the case names another (contested: info).
    severities = [e.get("severity", rule.severity.value) for e in expected]
    assert all(f.rule == rule.name for f in findings)
    assert [f.severity.value for f in findings] == severities
