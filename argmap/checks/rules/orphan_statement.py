"""A statement that takes part in no relation at all.

What it finds: a statement that supports nothing, is supported by nothing, attacks nothing
and is attacked by nothing.

Why it matters: an orphan plays no part in the argument. It is either a leftover, or a
relation that was meant to be written is missing.

Failing example:

    premise rain: It is raining.
    premise tuesday: Today is Tuesday.
    conclusion wet: The streets are wet.
    rain -> wet

Fixed example:

    premise rain: It is raining.
    conclusion wet: The streets are wet.
    rain -> wet
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import ArgumentMap

CODE = "AM105"
NAME = "orphan-statement"
SEVERITY = Severity.WARNING


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    graph = context.indexed
    for number in [node for node in graph.statements() if not graph.in_relation(node)]:
        node, data = graph.names[number], graph.data[number]
        yield Problem(
            f"{data['kind']} `{node}` is in no relation; relate it to the argument or "
            "remove it",
            data["span"],
            node,
        )
