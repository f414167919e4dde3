"""A statement marked `@implicit`: the analyst's reconstruction, not the text's words.

What it finds: every statement with an `@implicit` line, one info each. It is off by
default; turn it on with `--select implicit-statement` to list what a map adds to its text.

Why it matters: a text may never state its thesis or a step it relies on; an honest
reconstruction writes them down and marks them as such. Listing them shows at a glance how
much of the map is the analyst's and how much the author's.

Failing example (reported):

    premise rain: It is raining.
    conclusion wet: The streets are wet.
      @implicit
    rain -> wet

Fixed example (nothing to report: the text says it):

    premise rain: It is raining.
    conclusion wet: The streets are wet.
      > the streets are wet
    rain -> wet
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import ArgumentMap

CODE = "AM110"
NAME = "implicit-statement"
SEVERITY = Severity.INFO
DEFAULT = False


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    graph = context.indexed
    for number in graph.statements():
        data = graph.data[number]
        if data["attributes"].get("implicit"):
            node = graph.names[number]
            yield Problem(
                f"{data['kind']} `{node}` is implicit: the text does not state it, the "
                "analysis supplies it",
                data["span"],
                node,
            )
