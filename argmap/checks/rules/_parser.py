"""Shared by the three parser rules: the parser's diagnostics of one code, as problems."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem

PARSER_CODES = frozenset({"syntax-error", "undefined-reference", "duplicate-id"})


def parser_problems(context: CheckContext, name: str) -> Iterator[Problem]:
    """The diagnostics reported under `name` (any unknown code counts as a syntax error)."""
    for diagnostic in context.diagnostics:
        code = diagnostic.rule if diagnostic.rule in PARSER_CODES else "syntax-error"
        if code == name:
            yield Problem(diagnostic.message, diagnostic.span)
