"""Two statements that say the same thing.

What it finds: a statement whose text equals an earlier statement's after folding case,
whitespace and punctuation. It is reported at the later statement and names the earlier.

Why it matters: the same idea under two IDs splits the argument in two: support for one
copy does not reach what rests on the other, and a diagram shows two boxes for one idea.
Keep one statement and point every relation at it.

Failing example:

    premise rain: It is raining.
    premise rain2: it is raining
    conclusion wet: The streets are wet.
    rain + rain2 -> wet

Fixed example:

    premise rain: It is raining.
    conclusion wet: The streets are wet.
    rain -> wet
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.checks.normalise import normalise_statement
from argmap.model import ArgumentMap
from argmap.suggest import where

CODE = "AM108"
NAME = "duplicate-statement"
SEVERITY = Severity.WARNING


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    graph = context.indexed
    first_with: dict[str, int] = {}
    for number in graph.statements():
        data = graph.data[number]
        key = normalise_statement(data["text"])
        if not key:
            continue
        first = first_with.setdefault(key, number)
        if first != number:
            node, earlier = graph.names[number], graph.names[first]
            place = where(graph.data[first]["span"], data["span"])
            yield Problem(
                f"`{node}` says the same as `{earlier}` ({place}); keep one of them",
                data["span"],
                node,
                (earlier,),
            )

