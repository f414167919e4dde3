"""A statement in some relation that leads to no conclusion.

What it finds: a statement from which no `conclusion` can be reached along support and
attack edges (forwards: from a premise to what it supports, from an attacker to what it
attacks). Orphans (orphan-statement) and conclusions themselves are not reported, and the
rule only runs in maps that have a conclusion.

Why it matters: a side argument that bears on none of the map's conclusions, directly or
through what it supports or attacks, does not help decide them; it distracts, or a relation
to the main argument is missing.

Failing example:

    premise rain: It is raining.
    premise tuesday: Today is Tuesday.
    claim market: The market is open.
    conclusion wet: The streets are wet.
    rain -> wet
    tuesday -> market

Fixed example:

    premise rain: It is raining.
    premise tuesday: Today is Tuesday.
    claim market: The market is open.
    conclusion crowded: The streets are wet and crowded.
    rain + market -> crowded
    tuesday -> market
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.indexed import IndexedMap
from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import CONCLUSION, ArgumentMap

CODE = "AM106"
NAME = "irrelevant-statement"
SEVERITY = Severity.WARNING


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    graph = context.indexed
    conclusions = graph.numbers_of_kind(CONCLUSION)
    if not conclusions:
        return
    reaching = _reaching(graph, conclusions)
    related = graph.in_relation
    for number in [node for node in graph.statements() if not reaching[node] and related(node)]:
        node, data = graph.names[number], graph.data[number]
        yield Problem(
            f"{data['kind']} `{node}` leads to no conclusion; relate it to the main "
            "argument or remove it",
            data["span"],
            node,
        )


def _reaching(graph: IndexedMap, conclusions: list[int]) -> list[bool]:
    """Whether each node has a path (of any edges) to a conclusion: a backwards search."""
    sources, offsets = graph.predecessors()
    seen = [False] * len(graph.names)
    for conclusion in conclusions:
        seen[conclusion] = True
    stack = conclusions.copy()  # the order nodes are found in does not matter
    push, pop = stack.append, stack.pop
    while stack:
        node = pop()
        for predecessor in sources[offsets[node] : offsets[node + 1]]:
            if not seen[predecessor]:
                seen[predecessor] = True
                push(predecessor)
    return seen
