"""An attributed claim used as a premise: a position the map reports, used as a reason.

What it finds: a statement attributed to someone (`@by Critics`: a premise, an assumption,
a claim or a conclusion) that has no support of its own and is a premise of an inference
whose conclusion the map asserts. An attributed statement needs no support: it reports
what someone holds ("some may object that ..."), and the map does not assert it. Used as a
reason for something else, the map builds on that position as if it held. A reason for
another attributed statement is not reported: that step reports someone's own reasoning
("Critics say X, because they say Y").

Why it matters: the difference between "X is so" and "Critics say X is so" is easy to lose
in a diagram. When an argument rests on a reported position, the reader should see it:
either the map accepts the position (support it, or make it a premise), or the step only
holds for those who do. This is an info, never a failure.

Failing example (reported):

    claim costly: The lane costs too much.
      @by Shopkeepers
    conclusion stop: The council should drop the lane.
    costly -> stop

Fixed example (an objection the map answers, not a reason it builds on):

    premise funded: The regional fund pays for the lane.
    claim costly: The lane costs too much.
      @by Shopkeepers
    conclusion build: The council should build the lane.
    funded -> build
    costly -| build
    funded -| costly
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import STATEMENT_KINDS, ArgumentMap

CODE = "AM109"
NAME = "attributed-premise"
SEVERITY = Severity.INFO


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    graph = context.indexed
    statements = sorted(n for kind in STATEMENT_KINDS for n in graph.numbers_of_kind(kind))
    for number in statements:
        data = graph.data[number]
        by = data["attributes"].get("by")
        if not by or graph.conclusions_into[number]:
            continue
        node = graph.names[number]
        conclusions = dict.fromkeys(amap.conclusion_of(i) for i in amap.inferences_from(node))
        supported = [c for c in conclusions if not amap.graph.nodes[c]["attributes"].get("by")]
        if supported:
            named = ", ".join(f"`{target}`" for target in supported)
            yield Problem(
                f"{data['kind']} `{node}` is attributed to {by} (@by), not asserted by the "
                f"map, yet used as a reason for {named}",
                data["span"],
                node,
                tuple(supported),
            )
