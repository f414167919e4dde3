"""Acceptability labels (IN, OUT, UNDEC) for maps with support and attack.

The definition (the docs' "Verdicts and semantics" page repeats it):

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
  of a premise edge. A linked objection (`a + b -| c`) has an attack node from the start,
  with one attacker edge per premise: IN when all of them are IN (and nothing IN attacks
  it), OUT when one of them is OUT, as an inference is.
- Everything else is UNDEC (undecided): two statements that contradict each other with
  nothing else to decide between them, a statement that attacks itself, what waits on those.

Two readings of these rules (`Semantics`):

- **well-founded** (the default): support must bottom out in premises. A claim whose only
  support runs in a circle (`x -> y`, `y -> x`) has no argument for it, so it is OUT, and an
  objection that rests on it blocks nothing. This is the well-founded semantics of the rules
  read as a logic program, and it equals Dung's grounded extension of the argument-level
  framework (arguments as finite trees of inferences; the test suite checks this against
  the ASP solver clingo).
- **kripke-kleene**: the least fixed point of the rules alone, as argmap labelled before:
  circular support is not refuted, so it stays UNDEC and so does what it attacks (the
  Kripke-Kleene semantics of the rules, the grounded semantics of abstract dialectical
  frameworks).

The least fixed point is computed with a worklist: every node keeps counts of what it still
waits for, and deciding a node updates the counts of its neighbours, so every edge is looked
at a bounded number of times. The well-founded reading then takes the undecided part of the
map one strongly connected component at a time, in the order of its edges: in each, while
there are some, the undecided nodes that no chain of support from a premise reaches (an
unfounded set) are labelled OUT and the worklist goes on from them. What a component rests
on is final by then, so a round walks only the component's own nodes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import compress
from operator import add

from argmap.analysis.indexed import ATTACK, ATTACKER, CONCLUSION, PREMISE, IndexedMap, index_map
from argmap.model import ArgumentMap


class Label(str, Enum):
    """The acceptability of a statement or an inference."""

    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


class Semantics(str, Enum):
    """How support through a cycle counts (the docs' "Verdicts and semantics" page)."""

    WELL_FOUNDED = "well-founded"
    """Support must bottom out in premises: circular support gives none (the default)."""
    KRIPKE_KLEENE = "kripke-kleene"
    """The least fixed point alone: circular support leaves its statements UNDEC."""


SEMANTICS_NAMES = tuple(semantics.value for semantics in Semantics)


UNDEC_CODE, IN_CODE, OUT_CODE = 0, 1, 2
"""The labels as `label_codes` gives them (UNDEC is 0: false)."""
LABEL_OF_CODE = (Label.UNDEC, Label.IN, Label.OUT)


def compute_labels(
    amap: ArgumentMap, semantics: str = Semantics.WELL_FOUNDED
) -> dict[str, Label]:
    """Label every node of the map (statements and inferences) IN, OUT or UNDEC."""
    graph = index_map(amap)
    labels = map(LABEL_OF_CODE.__getitem__, label_codes(graph, semantics))
    return dict(zip(graph.names, labels, strict=True))


def codes_of(labels: Mapping[str, Label], names: Sequence[str]) -> list[int]:
    """Labels already computed (`compute_labels`), as `label_codes` gives them: by number."""
    code_of = {label: code for code, label in enumerate(LABEL_OF_CODE)}
    return [code_of[labels[name]] for name in names]


def label_codes(graph: IndexedMap, semantics: str = Semantics.WELL_FOUNDED) -> list[int]:
    """The label of every node, by number: UNDEC_CODE, IN_CODE or OUT_CODE.

    Every node keeps two counts: what blocks it from IN (attackers not yet OUT, and premises,
    or for an attack node its attacker, not yet IN) and inferences not yet OUT. IN needs
    `supported` (a premise, an assumption, an inference, or a statement with an IN
    inference) and nothing blocking; OUT for a statement that needs support comes when the
    second count is zero. The labelling is the least fixed point whatever order nodes are
    decided in (no node can be forced both IN and OUT), so the worklist is a plain stack.

    Well-founded: when the worklist runs dry, the undecided nodes that no chain of support
    from a premise can reach any more (an unfounded set) become OUT, and the worklist goes
    on from them; this repeats until no such node is left.
    """
    Semantics(semantics)  # a name that is none of them is the caller's mistake: ValueError
    count = len(graph.offsets) - 1
    labels = [UNDEC_CODE] * count
    state = _Counts(
        blocking=list(map(add, graph.attacks_into, graph.reasons_into)),
        inferences_not_out=graph.conclusions_into.copy(),
        supported=[not wants for wants in graph.wanting],
    )
    wanting = graph.wanting
    work = [
        node
        for node in compress(range(count), wanting)
        if not state.inferences_not_out[node]
    ]
    for node in work:
        labels[node] = OUT_CODE
    starting = [
        node for node in compress(range(count), state.supported) if not state.blocking[node]
    ]
    for node in starting:
        labels[node] = IN_CODE
    _propagate(graph, labels, state, work + starting)
    if semantics == Semantics.WELL_FOUNDED:
        _refute_unfounded(graph, labels, state)
    return labels


def _refute_unfounded(graph: IndexedMap, labels: list[int], state: _Counts) -> None:
    """Label OUT, and propagate, every unfounded set of the undecided nodes.

    The undecided part of the map is taken one strongly connected component at a time, in
    the order of its edges (networkx's condensation), each until it has no unfounded node
    left: what a component's nodes rest on is then final, so its rounds walk only its own
    nodes, and a chain of circles, each freed by the one before, costs one round per
    circle, not one walk of the whole chain per circle.
    """
    import networkx as nx

    offsets, targets = graph.offsets, graph.targets
    undecided = [node for node, label in enumerate(labels) if label == UNDEC_CODE]
    if not undecided:
        return
    within = nx.DiGraph()
    within.add_nodes_from(undecided)
    within.add_edges_from(
        (node, targets[edge])
        for node in undecided
        for edge in range(offsets[node], offsets[node + 1])
        if labels[targets[edge]] == UNDEC_CODE
    )
    sources, edge_codes, into = graph.edges_into()
    founded_before = [False] * len(labels)  # left undecided by a component done: founded
    condensed = nx.condensation(within)
    for component in nx.topological_sort(condensed):
        members = {n for n in condensed.nodes[component]["members"] if not labels[n]}
        while members:
            ground = _Ground(sources, into, edge_codes, founded_before)
            founded = _founded(graph, labels, state.supported, ground, members)
            unfounded = sorted(members - founded)
            if not unfounded:
                break
            for node in unfounded:
                labels[node] = OUT_CODE
            _propagate(graph, labels, state, unfounded)
            members = {n for n in members if not labels[n]}
        for node in members:
            founded_before[node] = True


@dataclass(frozen=True)
class _Ground:
    """The edges into each node (CSR, with their codes) and which undecided nodes are known
    to be founded: what `_founded` reads of the nodes outside a component."""

    sources: list[int]
    into: list[int]
    codes: list[int]
    founded_before: list[bool]


def _founded(
    graph: IndexedMap,
    labels: list[int],
    supported: list[bool],
    ground: _Ground,
    members: set[int],
) -> set[int]:
    """The members (undecided nodes of one component) that a chain of support from a
    premise reaches: a statement that needs no support, or has an IN inference or a
    founded one, outside the component or in it; an inference (or an attack's node) whose
    premises (or attacker) are all IN or founded. What is IN is founded already, and what
    an IN node attacks is OUT, so attacks play no part."""
    offsets, targets, codes, statement = graph.offsets, graph.targets, graph.codes, graph.statement
    sources, into, into_codes = ground.sources, ground.into, ground.codes
    before = ground.founded_before
    left: dict[int, int] = {}
    founded: set[int] = set()
    for node in members:
        edges = range(into[node], into[node + 1])
        if statement[node]:
            if supported[node] or any(
                into_codes[e] == CONCLUSION and before[sources[e]] for e in edges
            ):
                founded.add(node)
        else:
            left[node] = sum(
                1 for e in edges
                if into_codes[e] in _REASONS and labels[sources[e]] == UNDEC_CODE
                and not before[sources[e]]
            )
            if not left[node]:
                founded.add(node)
    work = list(founded)
    while work:
        node = work.pop()
        for edge in range(offsets[node], offsets[node + 1]):
            target = targets[edge]
            if target not in members or target in founded:
                continue
            code = codes[edge]
            if code == CONCLUSION:
                founded.add(target)
                work.append(target)
            elif code in _REASONS:
                left[target] -= 1
                if not left[target]:
                    founded.add(target)
                    work.append(target)
    return founded


_REASONS = frozenset((PREMISE, ATTACKER))


@dataclass
class _Counts:
    """What each node still waits for (see label_codes)."""

    blocking: list[int]
    inferences_not_out: list[int]
    supported: list[bool]


def _propagate(graph: IndexedMap, labels: list[int], state: _Counts, work: list[int]) -> None:
    """Decide what the nodes in `work` (just labelled) force, and what that forces, in place.

    Lists of ints and one loop with everything in local names, not an object or a function
    call per node: big maps stay fast.
    """
    offsets, targets, codes, wanting = graph.offsets, graph.targets, graph.codes, graph.wanting
    blocking, inferences_not_out, supported = (
        state.blocking,
        state.inferences_not_out,
        state.supported,
    )
    label_in, label_out = IN_CODE, OUT_CODE
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
