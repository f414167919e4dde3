"""The closing line of a check run: "2 errors, 3 warnings in 1 file" or "no problems in 3 files"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from argmap.checks.finding import Finding, Severity
from argmap.suggest import plural


def summary(findings: Iterable[Finding], files_checked: int) -> str:
    """Counts by severity, then the number of files checked."""
    counts = Counter(finding.severity for finding in findings)
    parts = [
        plural(counts[Severity.ERROR], "error") if counts[Severity.ERROR] else "",
        plural(counts[Severity.WARNING], "warning") if counts[Severity.WARNING] else "",
        f"{counts[Severity.INFO]} info" if counts[Severity.INFO] else "",
    ]
    found = ", ".join(part for part in parts if part) or "no problems"
    return f"{found} in {plural(files_checked, 'file')}"
