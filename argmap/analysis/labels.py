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

from enum import Enum

from argmap.analysis.degrees import PREMISE_LIKE_EDGES, InDegrees, in_degrees
from argmap.model import (
    ATTACK_EDGE_KINDS,
    CONCLUSION_EDGE,
    SUPPORTED_KINDS,
    ArgumentMap,
    needs_support,
)


class Label(str, Enum):
    """The acceptability of a statement or an inference."""

    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


def compute_labels(amap: ArgumentMap, degrees: InDegrees | None = None) -> dict[str, Label]:
    """Label every node of the map (statements and inferences) IN, OUT or UNDEC.

    Every node keeps three counts: attackers not yet OUT, premises (or, for an attack node,
    its attacker) not yet IN, inferences not yet OUT. IN needs `supported` (a premise, an
    assumption, an inference, or a statement with an IN inference) and the first two counts
    at zero; OUT for a statement that needs support comes when the third is zero. Plain
    dicts of ints and one loop with everything in local names, not an object or a function
    call per node: 100,000-statement maps stay fast. `degrees` are the map's edge counts
    when already counted (`in_degrees`). The labelling is the least fixed point
    whatever order nodes are decided in (no node can be forced both IN and OUT), so the
    worklist is a plain stack.
    """
    succ = amap.successors_map()
    degrees = degrees or in_degrees(amap)
    undec, label_in, label_out = Label.UNDEC, Label.IN, Label.OUT
    labels: dict[str, Label] = dict.fromkeys(succ, undec)
    # Copies (made in C) of the counts of edges in, counted down as sources are decided.
    attackers_not_out = degrees.attacks.copy()
    premises_not_in = degrees.premises.copy()
    inferences_not_out = degrees.conclusions.copy()

    supported: set[str] = set()
    wanting: set[str] = set()
    work: list[str] = []
    push, pop = work.append, work.pop
    for node, data in amap.nodes_map().items():
        # (needs_support called only where it can hold: one call per claim, not per node)
        if data["kind"] in SUPPORTED_KINDS and needs_support(data):
            wanting.add(node)
            if not inferences_not_out[node]:
                labels[node] = label_out
                push(node)
        else:
            supported.add(node)
            if not attackers_not_out[node] and not premises_not_in[node]:
                labels[node] = label_in
                push(node)

    while work:
        node = pop()
        is_in = labels[node] is label_in
        # Tell the undecided nodes that `node` supports or attacks what it has just become;
        # each test below is what can newly hold after that one count changed.
        for target, edge in succ[node].items():
            if labels[target] is not undec:
                continue
            kind = edge["kind"]
            if kind in ATTACK_EDGE_KINDS:
                if is_in:
                    labels[target] = label_out
                    push(target)
                    continue
                left = attackers_not_out[target] - 1
                attackers_not_out[target] = left
                if not left and target in supported and not premises_not_in[target]:
                    labels[target] = label_in
                    push(target)
            elif kind in PREMISE_LIKE_EDGES:
                if not is_in:
                    labels[target] = label_out
                    push(target)
                    continue
                left = premises_not_in[target] - 1
                premises_not_in[target] = left
                if not left and target in supported and not attackers_not_out[target]:
                    labels[target] = label_in
                    push(target)
            elif kind == CONCLUSION_EDGE:
                if is_in:
                    supported.add(target)
                    if not attackers_not_out[target] and not premises_not_in[target]:
                        labels[target] = label_in
                        push(target)
                else:
                    left = inferences_not_out[target] - 1
                    inferences_not_out[target] = left
                    if not left and target in wanting:
                        labels[target] = label_out
                        push(target)
    return labels
