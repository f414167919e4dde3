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

from argmap.analysis.indexed import ATTACK, CONCLUSION, PREMISE, IndexedMap, find_all
from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import ATTACK as ATTACK_NODE
from argmap.model import CONTRADICTS_EDGE, ArgumentMap

CODE = "AM104"
NAME = "conflicting-relations"
SEVERITY = Severity.ERROR


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    # The attack edges as the numbered map has them: the model's dicts (`amap.relations()`)
    # are read only for what is reported.
    graph = context.indexed
    names, succ = graph.names, amap.graph.succ
    for place in find_all(graph.codes, ATTACK):
        source, target = graph.source_of(place), graph.targets[place]
        if graph.kind(source) == ATTACK_NODE:
            # Each premise of a linked objection `a + b -| c` is checked on its own.
            attackers = [graph.index[a] for a in amap.attackers_of_attack(names[source])]
        else:
            attackers = [source]
        for attacker in attackers:
            itself = target == attacker
            if not itself and not _supports(graph, attacker, target):
                continue
            node, edge = names[attacker], succ[names[source]][names[target]]
            verb = "contradicts" if edge["kind"] == CONTRADICTS_EDGE else "attacks"
            if itself:
                yield Problem(f"`{node}` {verb} itself", edge["span"], node)
            else:
                yield Problem(
                    f"`{node}` both supports and {verb} `{names[target]}`; keep one of the "
                    "two relations",
                    edge["span"],
                    node,
                    (names[target],),
                )


def _supports(graph: IndexedMap, node: int, target: int) -> bool:
    """Whether one of the inferences `node` is a premise of concludes `target`."""
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    for place in range(offsets[node], offsets[node + 1]):
        if codes[place] != PREMISE:
            continue
        inference = targets[place]
        for step in range(offsets[inference], offsets[inference + 1]):
            if codes[step] == CONCLUSION:  # an inference's one conclusion
                if targets[step] == target:
                    return True
                break
    return False
