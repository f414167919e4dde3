"""A statement that both supports and attacks the same target, or attacks itself.

What it finds: `a -> c` together with `a -| c` or `a >< c` (a statement that is a reason
both for and against `c`), and `a -| a` (a statement that attacks itself).

Why it matters: a statement cannot be a reason for and against the same thing; one of the
two relations is a slip, or the statement bundles two ideas that should be two statements.

Failing example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    rain -> wet
    rain -| wet

Fixed example:

    premise rain: It is raining.
    premise sun: The sun is out.
    claim wet: The streets are wet.
    rain -> wet
    sun -| wet
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.indexed import attack_edges
from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import CONTRADICTS_EDGE, ArgumentMap

CODE = "AM104"
NAME = "conflicting-relations"
SEVERITY = Severity.ERROR


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    # The attack edges found in the numbered map (`amap.relations()` would walk every
    # edge's dict again).
    for source, target, edge in attack_edges(amap, context.indexed):
        node, kind = amap.attack_source(source), edge["kind"]
        verb = "contradicts" if kind == CONTRADICTS_EDGE else "attacks"
        if target == node:
            yield Problem(f"`{node}` {verb} itself", edge["span"], node)
        elif any(amap.conclusion_of(step) == target for step in amap.inferences_from(node)):
            yield Problem(
                f"`{node}` both supports and {verb} `{target}`; keep one of the two relations",
                edge["span"],
                node,
                (target,),
            )
