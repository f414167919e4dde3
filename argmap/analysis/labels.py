"""Acceptability labels (IN, OUT, UNDEC): grounded semantics for maps with support and attack.

The definition (the README's "Acceptability labels" repeats it):

- An **inference** is IN when all its premises are IN and every attacker of it (an undercut)
  is OUT; it is OUT when one of its premises is OUT or one of its attackers is IN.
- A **statement** is IN when it needs no support (a premise or an assumption) or one of its
  inferences is IN, and every attacker of it (statements that attack it with `-|` and
  statements that contradict it with `><`) is OUT. It is OUT when one of its attackers is
  IN, or when it needs support (a claim or a conclusion) and all its inferences are OUT, so a
  claim with no inference at all is OUT.
- Everything else is UNDEC (undecided): a statement in a support cycle with no other
  support, two statements that contradict each other with nothing else to decide between
  them, a statement that attacks itself.

The labelling is the least fixed point of these rules, starting from "everything UNDEC":
only what the rules force is decided, as in Dung's grounded semantics (to which it reduces
when there are no inferences). It is computed with a worklist: every node keeps counts of
what it still waits for, and deciding a node updates the counts of its neighbours, so
every edge is looked at a bounded number of times (linear, no recursion).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum

from argmap.model import (
    ATTACK_EDGE_KINDS,
    CONCLUSION_EDGE,
    GROUND_KINDS,
    INFERENCE,
    PREMISE_EDGE,
    ArgumentMap,
)


class Label(str, Enum):
    """The acceptability of a statement or an inference."""

    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


@dataclass
class _Waiting:
    """What a node still waits for: IN needs `supported` and both counts at zero."""

    attackers_not_out: int
    premises_not_in: int = 0
    supported: bool = False
    inferences_not_out: int = 0
    needs_support: bool = False


@dataclass
class _State:
    labels: dict[str, Label]
    waiting: dict[str, _Waiting]
    work: deque[tuple[str, Label]] = field(default_factory=deque)


def compute_labels(amap: ArgumentMap) -> dict[str, Label]:
    """Label every node of the map (statements and inferences) IN, OUT or UNDEC."""
    state = _State(labels={}, waiting={})
    for node, kind in amap.graph.nodes(data="kind"):
        state.labels[node] = Label.UNDEC
        ground = kind == INFERENCE or kind in GROUND_KINDS
        state.waiting[node] = _Waiting(0, supported=ground, needs_support=not ground)
    _count_edges(amap, state.waiting)
    for node in amap.graph.nodes:
        _settle(state, node)
    while state.work:
        node, label = state.work.popleft()
        _propagate(amap, state, node, label)
    return state.labels


def _count_edges(amap: ArgumentMap, waiting: dict[str, _Waiting]) -> None:
    """One pass over the edges: each node's attackers, premises and inferences to wait for."""
    for _, target, kind in amap.graph.edges(data="kind"):
        if kind in ATTACK_EDGE_KINDS:
            waiting[target].attackers_not_out += 1
        elif kind == PREMISE_EDGE:
            waiting[target].premises_not_in += 1
        elif kind == CONCLUSION_EDGE:
            waiting[target].inferences_not_out += 1


def _settle(state: _State, node: str) -> None:
    """Decide `node` if its counts now force IN or OUT (OUT by an attacker is handled apart)."""
    if state.labels[node] is not Label.UNDEC:
        return
    waiting = state.waiting[node]
    if waiting.supported and waiting.attackers_not_out == 0 and waiting.premises_not_in == 0:
        _decide(state, node, Label.IN)
    elif waiting.needs_support and waiting.inferences_not_out == 0:
        _decide(state, node, Label.OUT)


def _decide(state: _State, node: str, label: Label) -> None:
    if state.labels[node] is Label.UNDEC:
        state.labels[node] = label
        state.work.append((node, label))


def _propagate(amap: ArgumentMap, state: _State, node: str, label: Label) -> None:
    """Tell the nodes that `node` supports or attacks what it has just become."""
    for _, target, kind in amap.graph.out_edges(node, data="kind"):
        waiting = state.waiting[target]
        if kind in ATTACK_EDGE_KINDS:
            if label is Label.IN:
                _decide(state, target, Label.OUT)
                continue
            waiting.attackers_not_out -= 1
        elif kind == PREMISE_EDGE:
            if label is Label.OUT:
                _decide(state, target, Label.OUT)
                continue
            waiting.premises_not_in -= 1
        elif kind == CONCLUSION_EDGE:
            if label is Label.IN:
                waiting.supported = True
            else:
                waiting.inferences_not_out -= 1
        _settle(state, target)
