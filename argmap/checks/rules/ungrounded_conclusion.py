"""A conclusion whose support never reaches premises or assumptions.

What it finds: a `conclusion` that has inferences, but no chain of inferences leads to it
from premises and assumptions: every way up passes through a claim nothing supports, or
through a cycle. A statement is grounded when it is a premise or an assumption, or the
conclusion of an inference whose premises are all grounded (the least fixed point).

Why it matters: however many reasons a conclusion has, if each rests in the end on
something unsupported, the argument never touches the ground.

Failing example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    claim slippery: The streets are slippery.
    conclusion slow: Traffic will be slow.
    rain + slippery -> slow

Fixed example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    claim slippery: The streets are slippery.
    conclusion slow: Traffic will be slow.
    rain -> wet -> slippery
    rain + slippery -> slow
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.indexed import IndexedMap
from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import CONCLUSION, ArgumentMap

CODE = "AM102"
NAME = "ungrounded-conclusion"
SEVERITY = Severity.ERROR


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    graph, grounded = context.indexed, context.grounded
    for number in graph.numbers_of_kind(CONCLUSION):
        if grounded[number] or not graph.conclusions_into[number]:
            continue
        node, data = graph.names[number], graph.data[number]
        blockers = _ungrounded_premises(amap, amap.inferences_for(node), graph, grounded)
        named = ", ".join(f"`{blocker}`" for blocker in blockers)
        yield Problem(
            f"conclusion `{node}` rests on no premise or assumption: its support passes "
            f"through ungrounded {named}",
            data["span"],
            node,
            tuple(blockers),
        )


def _ungrounded_premises(
    amap: ArgumentMap, inferences: list[str], graph: IndexedMap, grounded: list[bool]
) -> list[str]:
    seen: dict[str, None] = {}
    for inference in inferences:
        for premise in amap.premises_of(inference):
            if not grounded[graph.index[premise]]:
                seen.setdefault(premise)
    return list(seen)
