"""Inline suppression: `# argmap: ignore[rule, ...]` on the comment lines above a statement."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from argmap.checks.finding import Finding
from argmap.checks.registry import expand
from argmap.errors import CheckError, Span
from argmap.model import ArgumentMap

_DIRECTIVE = re.compile(r"#\s*argmap:\s*ignore\[([^\]]*)\]")
_INTENT = re.compile(r"#\s*argmap\s*:")
"""What starts a directive: a comment beginning `argmap:` is one, well formed or not."""
_FORM = "`# argmap: ignore[RULE, ...]`"
_COMMENT = re.compile(r"\s*#(\s|$)")


def suppressions(amap: ArgumentMap) -> dict[str, set[str]]:
    """Statement ID -> the codes silenced for it by the comment block directly above it.

    Only whole-line comments directly above the statement's first line count (a blank line
    ends the block), so a suppression cannot drift onto another statement.
    """
    silenced: dict[str, set[str]] = {}
    # Only a file with a directive in it can silence anything: one search of its text (in
    # C) spares walking the comment lines above each of its statements.
    with_directives = {file for file, text in amap.files.items() if _INTENT.search(text)}
    if not with_directives:
        return silenced
    for node, data in amap.statements():
        span: Span = data["span"]
        if span.file not in with_directives:
            continue
        codes: set[str] = set()
        for line_number, line in _comment_block(amap, span):
            for names in _directives(line, span.file, line_number):
                codes |= _codes(names, Span(span.file, line_number, 1, line_number, 1))
        if codes:
            silenced[node] = codes
    return silenced


def _directives(line: str, file: str, line_number: int) -> Iterator[str]:
    """The rule names of each directive on a comment line. A malformed one (no `[`,
    no closing `]`, no rule named) is reported (a CheckError), never quietly skipped: the
    finding it was written to silence would come back with no word why."""
    for intent in _INTENT.finditer(line):
        directive = _DIRECTIVE.match(line, intent.start())
        if directive is None:
            problem = (
                "has no closing `]`"
                if "[" in line[intent.start():]
                else f"is not of the form {_FORM}"
            )
        elif not directive.group(1).replace(",", "").strip():
            problem = f"names no rule; write {_FORM}"
        else:
            yield directive.group(1)
            continue
        where = f"{file}:{line_number}:{intent.start() + 1}"
        raise CheckError(f"{where}: malformed suppression `{line.strip()}` {problem}")


def _comment_block(amap: ArgumentMap, span: Span) -> Iterator[tuple[int, str]]:
    line_number = span.line - 1
    while line_number > 0:
        line = amap.source_line(Span(span.file, line_number, 1, line_number, 1))
        if not _COMMENT.match(line):
            return
        yield line_number, line
        line_number -= 1


def _codes(names: str, where: Span) -> set[str]:
    try:
        return expand(names.split(","))
    except CheckError as error:
        raise CheckError(f"{where.file}:{where.line}: {error}") from None


def apply_suppressions(amap: ArgumentMap, findings: Iterable[Finding]) -> list[Finding]:
    """The findings that no suppression comment silences."""
    silenced = suppressions(amap)
    return [
        finding
        for finding in findings
        if finding.statement is None or finding.code not in silenced.get(finding.statement, ())
    ]
