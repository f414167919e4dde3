"""Statements that support themselves through a chain of inferences.

What it finds: each cycle of support: `a -> b -> a`, a statement supporting itself
(`a -> a`), or a longer loop through linked inferences. It reports one finding per cycle
component (strongly connected component of the support graph), at its first statement,
walking one cycle in order; other statements caught in the same tangle are listed too.

Why it matters: circular reasoning (begging the question) assumes what it sets out to
prove; a reader who doubts the conclusion has no reason to accept the premise.

Failing example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    claim slippery: The streets are slippery.
    rain + slippery -> wet
    wet -> slippery

Fixed example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    claim slippery: The streets are slippery.
    rain -> wet
    wet -> slippery
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.support import support_cycles
from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import ArgumentMap

CODE = "AM103"
NAME = "circular-reasoning"
SEVERITY = Severity.ERROR


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    for found in support_cycles(amap, context.indexed):
        first = found.cycle[0]
        if len(found.cycle) == 1:
            message = f"`{first}` supports itself"
        else:
            loop = " -> ".join(f"`{node}`" for node in (*found.cycle, first))
            message = f"circular support: {loop}"
        others = [node for node in found.members if node not in found.cycle]
        if others:
            message += "; also caught in the cycle: " + ", ".join(f"`{n}`" for n in others)
        related = tuple(node for node in found.members if node != first)
        yield Problem(message, amap.graph.nodes[first]["span"], first, related)
