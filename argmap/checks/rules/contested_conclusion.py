"""A grounded conclusion that its objections defeat or leave undecided.

What it finds: a `conclusion` that is grounded (see ungrounded-conclusion) but whose
acceptability label is not IN: an attack on it, or on a statement or inference its support
rests on, is not answered (its attacker is not OUT). The message names those attackers.
Labels are argmap's grounded semantics (the README's "Acceptability labels" defines them):
a statement is IN when its support is IN and every attacker of it is OUT.

Why it matters: an argument has to survive its objections. An objection nothing answers
leaves the conclusion defeated (OUT) or undecided (UNDEC). Answer it with a counter-attack
(`reply -| objection`), or accept that the conclusion is contested.

Failing example:

    premise rain: It is raining.
    premise roof: The street is covered by a roof.
    conclusion wet: The street is wet.
    rain -> wet
    roof -| wet

Fixed example:

    premise rain: It is raining.
    premise roof: The street is covered by a roof.
    premise open: The roof is open at both ends, where the rain blows in.
    conclusion wet: The street is wet.
    rain -> wet
    roof -| wet
    open -| roof
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from argmap.analysis.labels import IN_CODE, OUT_CODE
from argmap.checks.context import CheckContext
from argmap.checks.finding import Problem, Severity
from argmap.model import CONCLUSION, CONTRADICTS_EDGE, ArgumentMap

CODE = "AM301"
NAME = "contested-conclusion"
SEVERITY = Severity.WARNING


def check(amap: ArgumentMap, context: CheckContext) -> Iterator[Problem]:
    graph, labels, grounded = context.indexed, context.labels, context.grounded
    for number in graph.numbers_of_kind(CONCLUSION):
        if not grounded[number] or labels[number] == IN_CODE:
            continue
        node, data = graph.names[number], graph.data[number]
        attacks = _unanswered(amap, context, node)
        state = "OUT (defeated)" if labels[number] == OUT_CODE else "UNDEC (undecided)"
        message = f"conclusion `{node}` is {state}"
        if attacks:
            written = "; ".join(f"`{a}` {op} {_name(amap, t)}" for a, t, op in attacks)
            message += f": unanswered {'attack' if len(attacks) == 1 else 'attacks'} {written}"
        attackers = tuple(dict.fromkeys(attacker for attacker, _, _ in attacks))
        yield Problem(message, data["span"], node, attackers)


def _unanswered(
    amap: ArgumentMap, context: CheckContext, conclusion: str
) -> list[tuple[str, str, str]]:
    """(attacker, target, operator): attacks not OUT on the grounded, not-IN part of the support.

    A breadth-first search down the conclusion's support, through grounded nodes that are
    not IN only (what is IN needs no answer; what is ungrounded is another rule's finding).
    """
    index, labels, grounded = context.indexed.index, context.labels, context.grounded
    seen, queue = {conclusion}, deque([conclusion])
    attacks: list[tuple[str, str, str]] = []
    while queue:
        node = queue.popleft()
        attacks.extend(
            (amap.attack_source(attacker), node, _operator(amap, attacker, node))
            for attacker in amap.attackers_of(node)
            if labels[index[attacker]] != OUT_CODE
        )
        below = amap.inferences_for(node) if amap.is_statement(node) else amap.premises_of(node)
        for source in below:
            number = index[source]
            if grounded[number] and labels[number] != IN_CODE and source not in seen:
                seen.add(source)
                queue.append(source)
    return attacks


def _operator(amap: ArgumentMap, attacker: str, target: str) -> str:
    return "><" if amap.graph.edges[attacker, target]["kind"] == CONTRADICTS_EDGE else "-|"


def _name(amap: ArgumentMap, node: str) -> str:
    written = amap.written(node)
    return written if written.startswith("(") else f"`{written}`"
