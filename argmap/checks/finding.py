"""Findings: what a check rule reports, with its rule, severity and place."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from argmap.errors import Span


class Severity(str, Enum):
    """How bad a finding is: errors fail a run, warnings fail it under `--strict`."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    """What a rule's `check` yields; the engine stamps it with the rule's code and severity."""

    message: str
    span: Span | None
    statement: str | None = None
    related: tuple[str, ...] = field(default_factory=tuple)
    severity: Severity | None = None
    """This finding's severity where the rule gives its findings different ones (None: the
    rule's own)."""


@dataclass(frozen=True)
class Finding:
    """One reported problem: the rule that found it, how bad it is, where, and about what."""

    code: str
    rule: str
    severity: Severity
    message: str
    span: Span | None
    statement: str | None = None
    related: tuple[str, ...] = field(default_factory=tuple)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """File, line, column, code: the order every reporter uses."""
        if self.span is None:
            return ("", 0, 0, self.code, self.message)
        return (self.span.file, self.span.line, self.span.column, self.code, self.message)
