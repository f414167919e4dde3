"""Acceptability labels (IN, OUT, UNDEC): grounded semantics for maps with support and attack.

The definition (the README's "Acceptability labels" repeats it):

- An **inference** is IN when all its premises are IN and every attacker of it (an undercut)
  is OUT; it is OUT when one of its premises is OUT or one of its attackers is IN.
- A **statement** is IN when it needs no support (a premise, an assumption, or a claim
  attributed to someone with `@by`) or one of its
  inferences is IN, and every attacker of it (statements that attack it with `-|` and
  statements that contradict it with `><`) is OUT. It is OUT when one of its attackers is
  IN, or when it needs support (a claim or a conclusion) and all its inferences are OUT, so a
  claim with no inference at all is OUT.
- An **attack that is undercut** (`y -| (x -| c)`) has a node of its own, which takes the
  place of the edge x -> c: it is IN when its attacker `x` is IN and every attacker of it
  (`y`) is OUT, and OUT when `x` is OUT or one of its attackers is IN. It defeats its target
  only while IN, so an undercut attack whose undercutter is IN is defeated: grounded
  semantics on the graph extended with attack nodes, the attacker edge playing the part
  of a premise edge.
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
    ATTACK,
    ATTACK_EDGE_KINDS,
    ATTACKER_EDGE,
    CONCLUSION_EDGE,
    INFERENCE,
    PREMISE_EDGE,
    ArgumentMap,
    needs_support,
)

_PREMISE_LIKE = frozenset({PREMISE_EDGE, ATTACKER_EDGE})
"""Edges into a node that needs its source IN: an inference's premises, an attack's attacker."""


class Label(str, Enum):
    """The acceptability of a statement or an inference."""

    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


@dataclass
class _State:
    """The labels so far and, per node, what it still waits for.

    IN needs `supported` (a premise, an assumption, an inference, or a statement with an IN
    inference) and no attacker that is not OUT and no premise that is not IN; OUT for a
    statement that needs support comes when no inference is left that is not OUT. Plain
    dicts of ints rather than an object per node: 100,000-statement maps stay fast.
    """

    labels: dict[str, Label] = field(default_factory=dict)
    attackers_not_out: dict[str, int] = field(default_factory=dict)
    premises_not_in: dict[str, int] = field(default_factory=dict)
    inferences_not_out: dict[str, int] = field(default_factory=dict)
    supported: set[str] = field(default_factory=set)
    needs_support: set[str] = field(default_factory=set)
    work: deque[str] = field(default_factory=deque)


def compute_labels(amap: ArgumentMap) -> dict[str, Label]:
    """Label every node of the map (statements and inferences) IN, OUT or UNDEC."""
    state = _State()
    for node, data in amap.graph.nodes(data=True):
        state.labels[node] = Label.UNDEC
        state.attackers_not_out[node] = state.premises_not_in[node] = 0
        state.inferences_not_out[node] = 0
        if data["kind"] in (INFERENCE, ATTACK) or not needs_support(data):
            state.supported.add(node)
        else:
            state.needs_support.add(node)
    _count_edges(amap, state)
    for node in amap.graph.nodes:
        _settle(state, node)
    while state.work:
        _propagate(amap, state, state.work.popleft())
    return state.labels


def _count_edges(amap: ArgumentMap, state: _State) -> None:
    """One pass over the edges: each node's attackers, premises and inferences to wait for."""
    for _, target, kind in amap.graph.edges(data="kind"):
        if kind in ATTACK_EDGE_KINDS:
            state.attackers_not_out[target] += 1
        elif kind in _PREMISE_LIKE:
            state.premises_not_in[target] += 1
        elif kind == CONCLUSION_EDGE:
            state.inferences_not_out[target] += 1


def _settle(state: _State, node: str) -> None:
    """Decide `node` if its counts now force IN or OUT (OUT by an attacker is handled apart)."""
    if state.labels[node] is not Label.UNDEC:
        return
    if (
        node in state.supported
        and state.attackers_not_out[node] == 0
        and state.premises_not_in[node] == 0
    ):
        _decide(state, node, Label.IN)
    elif node in state.needs_support and state.inferences_not_out[node] == 0:
        _decide(state, node, Label.OUT)


def _decide(state: _State, node: str, label: Label) -> None:
    if state.labels[node] is Label.UNDEC:
        state.labels[node] = label
        state.work.append(node)


def _propagate(amap: ArgumentMap, state: _State, node: str) -> None:
    """Tell the nodes that `node` supports or attacks what it has just become."""
    is_in = state.labels[node] is Label.IN
    for target, edge in amap.graph.succ[node].items():
        kind = edge["kind"]
        if kind in ATTACK_EDGE_KINDS:
            if is_in:
                _decide(state, target, Label.OUT)
                continue
            state.attackers_not_out[target] -= 1
        elif kind in _PREMISE_LIKE:
            if not is_in:
                _decide(state, target, Label.OUT)
                continue
            state.premises_not_in[target] -= 1
        elif kind == CONCLUSION_EDGE:
            if is_in:
                state.supported.add(target)
            else:
                state.inferences_not_out[target] -= 1
        _settle(state, target)
