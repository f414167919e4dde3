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
from itertools import compress
from operator import add

from argmap.analysis.indexed import ATTACK, CONCLUSION, IndexedMap, index_map
from argmap.model import ArgumentMap


class Label(str, Enum):
    """The acceptability of a statement or an inference."""

    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


UNDEC_CODE, IN_CODE, OUT_CODE = 0, 1, 2
"""The labels as `label_codes` gives them (UNDEC is 0: false)."""
LABEL_OF_CODE = (Label.UNDEC, Label.IN, Label.OUT)


def compute_labels(amap: ArgumentMap) -> dict[str, Label]:
    """Label every node of the map (statements and inferences) IN, OUT or UNDEC."""
    graph = index_map(amap)
    labels = map(LABEL_OF_CODE.__getitem__, label_codes(graph))
    return dict(zip(graph.names, labels, strict=True))


def label_codes(graph: IndexedMap) -> list[int]:
    """The label of every node, by number: UNDEC_CODE, IN_CODE or OUT_CODE.

    Every node keeps two counts: what blocks it from IN (attackers not yet OUT, and premises,
    or for an attack node its attacker, not yet IN) and inferences not yet OUT. IN needs
    `supported` (a premise, an assumption, an inference, or a statement with an IN
    inference) and nothing blocking; OUT for a statement that needs support comes when the
    second count is zero. Lists of ints and one loop with everything in local names, not an
    object or a function call per node: 100,000-statement maps stay fast. The labelling is
    the least fixed point whatever order nodes are decided in (no node can be forced both IN
    and OUT), so the worklist is a plain stack.
    """
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    count = len(offsets) - 1
    undec, label_in, label_out = UNDEC_CODE, IN_CODE, OUT_CODE
    labels = [undec] * count
    # Counts of edges in, counted down as their sources are decided.
    blocking = list(map(add, graph.attacks_into, graph.reasons_into))
    inferences_not_out = graph.conclusions_into.copy()
    wanting = graph.wanting
    supported = [not wants for wants in wanting]

    work = [
        node
        for node in compress(range(count), wanting)
        if not inferences_not_out[node]
    ]
    for node in work:
        labels[node] = label_out
    starting = [node for node in compress(range(count), supported) if not blocking[node]]
    for node in starting:
        labels[node] = label_in
    work += starting
    push, pop = work.append, work.pop

    while work:
        node = pop()
        is_in = labels[node] == label_in
        # Tell the undecided nodes that `node` supports or attacks what it has just become;
        # each test below is what can newly hold after that one count changed.
        for edge in range(offsets[node], offsets[node + 1]):
            target = targets[edge]
            if labels[target]:
                continue
            code = codes[edge]
            if code == CONCLUSION:
                if is_in:
                    supported[target] = True
                    if not blocking[target]:
                        labels[target] = label_in
                        push(target)
                else:
                    left = inferences_not_out[target] - 1
                    inferences_not_out[target] = left
                    if not left and wanting[target]:
                        labels[target] = label_out
                        push(target)
            elif is_in == (code == ATTACK):  # an IN attacker, or a premise or attacker not IN
                labels[target] = label_out
                push(target)
            else:  # an OUT attacker, or an IN premise or attacker: one blocker fewer
                left = blocking[target] - 1
                blocking[target] = left
                if not left and supported[target]:
                    labels[target] = label_in
                    push(target)
    return labels
