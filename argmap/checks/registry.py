"""The explicit registry of check rules, lookup by code or name, and select/ignore resolution."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType

from argmap.checks.context import CheckContext
from argmap.checks.finding import Finding, Problem, Severity
from argmap.checks.rules import (
    attributed_premise,
    circular_reasoning,
    conflicting_relations,
    confusable_ids,
    contested_conclusion,
    document_not_found,
    duplicate_id,
    duplicate_statement,
    implicit_statement,
    irrelevant_statement,
    missing_conclusion,
    orphan_statement,
    quote_not_found,
    syntax_error,
    undefined_reference,
    ungrounded_conclusion,
    unquoted_premise,
    unsupported_conclusion,
)
from argmap.errors import CheckError
from argmap.model import ArgumentMap
from argmap.suggest import closest

CheckFunction = Callable[[ArgumentMap, CheckContext], Iterable[Problem]]
ALL = "ALL"


@dataclass(frozen=True)
class Rule:
    """A check rule: code, name, default severity, documentation and its `check`."""

    code: str
    name: str
    severity: Severity
    enabled_by_default: bool
    doc: str
    check: CheckFunction

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    def run(self, amap: ArgumentMap, context: CheckContext) -> Iterator[Finding]:
        for problem in self.check(amap, context):
            yield Finding(
                self.code,
                self.name,
                problem.severity or self.severity,
                problem.message,
                problem.span,
                problem.statement,
                problem.related,
            )


def _rule(module: ModuleType) -> Rule:
    return Rule(
        code=module.CODE,
        name=module.NAME,
        severity=module.SEVERITY,
        enabled_by_default=getattr(module, "DEFAULT", True),
        doc=module.__doc__ or "",
        check=module.check,
    )


# AM0xx: the parser's errors; AM1xx: the structure of the argument; AM2xx: evidence (quotes
# and the analysed document); AM3xx: evaluation (acceptability labels).
RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in map(
        _rule,
        (
            syntax_error,
            undefined_reference,
            duplicate_id,
            unsupported_conclusion,
            ungrounded_conclusion,
            circular_reasoning,
            conflicting_relations,
            orphan_statement,
            irrelevant_statement,
            missing_conclusion,
            duplicate_statement,
            attributed_premise,
            implicit_statement,
            confusable_ids,
            quote_not_found,
            document_not_found,
            unquoted_premise,
            contested_conclusion,
        ),
    )
}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES.values()}
PARSER_RULES = frozenset({"AM001", "AM002", "AM003"})
"""Always on: a map that does not parse cannot be checked, so its errors are never hidden."""

_PREFIX = re.compile(r"AM\d{0,2}", re.IGNORECASE)


def get_rule(code_or_name: str) -> Rule:
    """The rule with this code (`AM101`, any case) or name (`circular-reasoning`)."""
    key = code_or_name.strip()
    rule = RULES.get(key.upper()) or BY_NAME.get(key.lower())
    if rule is None:
        raise CheckError(f'no such rule: "{key}"{_suggestion(key)}')
    return rule


def _suggestion(key: str) -> str:
    candidates = list(BY_NAME) + list(RULES)
    lowered = {candidate.lower(): candidate for candidate in candidates}
    close = [name for name in BY_NAME if key.lower() in name] if len(key) >= 3 else []
    match = closest(key.lower(), lowered)
    close += [match] if match is not None else []
    if not close:
        return "; `argmap rules` lists them"
    return f'; did you mean "{lowered[close[0]]}"?'


def expand(items: Iterable[str]) -> set[str]:
    """The codes meant by rule codes, names, code prefixes (`AM1`) and `ALL`."""
    codes: set[str] = set()
    for item in items:
        key = item.strip()
        if not key:
            continue
        if key.upper() == ALL:
            codes.update(RULES)
        elif _PREFIX.fullmatch(key) and key.upper() not in RULES:
            matching = [code for code in RULES if code.startswith(key.upper())]
            if not matching:
                raise CheckError(f'no rule code starts with "{key}"; `argmap rules` lists them')
            codes.update(matching)
        else:
            codes.add(get_rule(key).code)
    return codes


def resolve_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[Rule]:
    """The rules to run: `select` (default: every rule on by default) minus `ignore`.

    The parser's rules (AM0xx) always run.
    """
    if select is None:
        chosen = {code for code, rule in RULES.items() if rule.enabled_by_default}
    else:
        chosen = expand(select)
    chosen -= expand(ignore or ())
    chosen |= PARSER_RULES
    return [rule for code, rule in RULES.items() if code in chosen]
