"""Running the evidence rules in a forked process beside the others, on maps big enough to pay."""

from __future__ import annotations

from collections.abc import Sequence

from argmap import forked
from argmap.checks.context import CheckContext
from argmap.checks.finding import Finding
from argmap.checks.registry import Rule
from argmap.model import ArgumentMap

SIDE_PROCESS_MIN_STATEMENTS = 5_000
"""Below this the rules take under a tenth of a second and forking is not worth its cost."""

EVIDENCE_PREFIX = "AM2"
"""The evidence rules read the document and nothing the structure rules compute: the quote
lookup is about half of all the rules' work, so it balances the rest."""


def run_rules(
    amap: ArgumentMap, context: CheckContext, rules: Sequence[Rule], processes: int = 1
) -> list[Finding]:
    """Every finding of `rules` on `amap` (unsorted); with `processes` of 2 or more, the
    evidence rules run in a forked child while this process runs the rest, where that pays.

    The outcome is the same either way: if the child fails in any way, its rules run here.
    """

    def run(chosen: Sequence[Rule]) -> list[Finding]:
        return [finding for rule in chosen for finding in rule.run(amap, context)]

    beside = [rule for rule in rules if rule.code.startswith(EVIDENCE_PREFIX)]
    here = [rule for rule in rules if not rule.code.startswith(EVIDENCE_PREFIX)]
    if processes < 2 or not beside or not here:
        return run(rules)
    if len(context.statements) < SIDE_PROCESS_MIN_STATEMENTS:
        return run(rules)
    context.degrees  # noqa: B018 — computed before forking: both sides inherit it
    side = forked.start(lambda: run(beside))
    if side is None:
        return run(rules)
    try:
        findings = run(here)
    except BaseException:
        side.cancel()
        raise
    found_beside = side.result()
    return findings + (found_beside if found_beside is not None else run(beside))
