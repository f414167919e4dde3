"""A claim or conclusion that no inference supports.

What it finds: a `claim` or `conclusion` that is the conclusion of no inference (nothing
of the form `a -> it`).

Why it matters: claims and conclusions are what an argument sets out to show; one with no
reason given is an assertion, not an argument. Either give the reason or, if it is a
starting point taken as given, make it a `premise` (or an `assumption`).

Failing example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    conclusion slow: Traffic will be slow.
    rain -> wet

Fixed example:

    premise rain: It is raining.
    claim wet: The streets are wet.
    conclusion slow: Traffic will be slow.
    rain -> wet -> slow
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import ArgumentMap

CODE = "AM101"
NAME = "unsupported-conclusion"
SEVERITY = Severity.ERROR


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    graph = context.indexed
    inferences = graph.conclusions_into
    for number in compress(range(len(inferences)), graph.wanting):
        if not inferences[number]:
            node, data = graph.names[number], graph.data[number]
            yield Problem(
                f"{data['kind']} `{node}` is the conclusion of no inference; give a reason "
                f"(`... -> {node}`), make it a premise or an assumption, or say whose "
                "position it is (`@by`)",
                data["span"],
                node,
            )
