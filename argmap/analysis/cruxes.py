"""Cruxes: the premises and assumptions whose removal would change an accepted verdict.

Removing a premise or an assumption `p` deletes it, every inference that uses it and every
attack it makes (its contradictions too). Labels are not monotonic: removing `p` can take
away a support, and it can also let an objection that `p` answered stand again
(`p -| o; o -| c`), so `p` is a crux of `c` in both cases. An accepted (IN) statement's
cruxes are the `p` whose removal leaves it OUT or UNDEC.

Recomputing the labels of the whole map once per premise would be quadratic. Instead:

1. **Candidates, bottom-up.** Every IN or OUT node gets a set that holds every premise
   whose removal can change its label (a sound over-approximation): an IN node can only
   lose its label when every IN inference of it falls or one of its attackers rises; an
   OUT node can only rise when each reason that made it OUT goes (its IN attacker falls,
   its OUT premise rises, all its inferences rise). The nodes are taken in an order in
   which each one's reasons come first (the order the labelling could have decided them
   in), so one pass computes every set; where no such reason can be named (an unfounded
   set of the well-founded reading, a node resting on an undecided one) the set is
   "anything": every premise below it.
2. **Verification, in the cone.** Each candidate is checked by labelling again only the
   part of the map that it reaches and that reaches the conclusions it is a candidate
   for, everything else standing in with its own label (labels depend only on what is
   below a node). A premise is checked once for all the conclusions it may be a crux of.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import accumulate
from typing import Any

from argmap.analysis.indexed import (
    ATTACK,
    ATTACKER,
    CONCLUSION,
    NODE_KINDS,
    PREMISE,
    IndexedMap,
    index_map,
)
from argmap.analysis.labels import (
    IN_CODE,
    OUT_CODE,
    UNDEC_CODE,
    Label,
    Semantics,
    codes_of,
    label_codes,
)
from argmap.model import ASSUMPTION, CLAIM, STATEMENT_KINDS, ArgumentMap
from argmap.model import ATTACK as ATTACK_NODE
from argmap.model import CONCLUSION as CONCLUSION_KIND
from argmap.model import PREMISE as PREMISE_KIND

Changes = frozenset[int] | None
"""The premises whose removal can change a node's label; None: any premise below it."""
_EMPTY: frozenset[int] = frozenset()
_GROUND_KINDS = frozenset(NODE_KINDS.index(kind) for kind in (PREMISE_KIND, ASSUMPTION))
_CONCLUSION_CODE = NODE_KINDS.index(CONCLUSION_KIND)


def cruxes(
    amap: ArgumentMap,
    labels: Mapping[str, Label] | None = None,
    semantics: str = Semantics.WELL_FOUNDED,
    statements: Iterable[str] | None = None,
) -> dict[str, tuple[str, ...]]:
    """The cruxes of every accepted (IN) conclusion, in the map's order (or of the IN ones
    among `statements`): the premises and assumptions, in the map's order, whose removal
    leaves it OUT or UNDEC. `labels` are the map's labels under `semantics` when already
    computed."""
    graph = index_map(amap)
    codes = label_codes(graph, semantics) if labels is None else codes_of(labels, graph.names)
    if statements is None:
        wanted = [n for n in graph.statements() if graph.kinds[n] == _CONCLUSION_CODE]
    else:
        wanted = [graph.index[name] for name in statements]
    wanted = [number for number in wanted if codes[number] == IN_CODE]
    found = crux_numbers(graph, codes, wanted, semantics)
    names = graph.names
    return {names[c]: tuple(names[p] for p in found[c]) for c in wanted}


def crux_numbers(
    graph: IndexedMap, codes: Sequence[int], wanted: Sequence[int], semantics: str
) -> dict[int, list[int]]:
    """The cruxes of each IN node of `wanted` (numbers, in the map's order)."""
    into = _edges_into(graph)
    changes = change_sets(graph, codes, into)
    by_premise: dict[int, list[int]] = {}
    for node in wanted:
        for premise in _candidates(graph, into, changes[node], node):
            by_premise.setdefault(premise, []).append(node)
    found: dict[int, list[int]] = {node: [] for node in wanted}
    for premise in sorted(by_premise):
        for node in _falling(graph, into, codes, premise, by_premise[premise], semantics):
            found[node].append(premise)
    return found


EdgesInto = tuple[list[int], list[int], list[int]]
"""Every edge grouped by the node it enters: offsets, sources and codes (CSR)."""


def _edges_into(graph: IndexedMap) -> EdgesInto:
    sources, codes, offsets = graph.edges_into()
    return offsets, sources, codes


def change_sets(graph: IndexedMap, codes: Sequence[int], into: EdgesInto) -> list[Changes]:
    """For every IN or OUT node, the premises (and assumptions, and attributed claims) whose
    removal can change its label: a superset of the true ones (see the module's text)."""
    order, rank, batches = _decision_order(graph, codes, into)
    offsets, sources, edge_codes = into
    statement, wanting = graph.statement, graph.wanting
    values: list[Changes] = [_EMPTY] * len(codes)
    for node in order:
        own = rank[node]
        if node in batches:
            members = batches[node]
            value = _batch_value(into, codes, rank, values, own, members)
            for member in members:
                values[member] = value
            continue
        edges = range(offsets[node], offsets[node + 1])
        if codes[node] == IN_CODE:
            # It falls only if all its IN support falls (or it is removed itself), or an
            # attacker rises; an IN inference or attack node, if a reason or attacker does.
            parts: list[Changes] = []
            if not statement[node]:
                parts += [values[sources[e]] for e in edges]
            else:
                if not wanting[node]:
                    parts.append(frozenset((node,)))
                else:
                    inferences = [
                        values[sources[e]] for e in edges
                        if edge_codes[e] == CONCLUSION and codes[sources[e]] == IN_CODE
                        and rank[sources[e]] < own
                    ]
                    parts.append(_intersection(inferences))
                parts += [values[sources[e]] for e in edges if edge_codes[e] == ATTACK]
            values[node] = _union(parts)
            continue
        # It rises only if every reason that made it OUT goes.
        triggers: list[Changes] = []
        support_out = bool(statement[node] and wanting[node])
        support: list[Changes] = []
        for e in edges:
            source, code = sources[e], edge_codes[e]
            earlier = rank[source] < own
            if code == CONCLUSION:
                support_out = support_out and earlier and codes[source] == OUT_CODE
                support.append(values[source])
            elif earlier and codes[source] == (IN_CODE if code == ATTACK else OUT_CODE):
                triggers.append(values[source])
        if support_out:
            triggers.append(_union(support))
        values[node] = _intersection(triggers)
    return values


def _batch_value(
    into: EdgesInto, codes: Sequence[int], rank: Sequence[int], values: list[Changes],
    own: int, members: Sequence[int],
) -> Changes:
    """A batch's nodes rise only if some support entering it from outside rises: the union
    of those, or "anything" when one of them is undecided or comes later."""
    offsets, sources, edge_codes = into
    if any(codes[node] == IN_CODE for node in members):
        return None
    inside = set(members)
    parts: list[Changes] = []
    for node in members:
        for e in range(offsets[node], offsets[node + 1]):
            source = sources[e]
            if source in inside or edge_codes[e] == ATTACK or codes[source] == IN_CODE:
                continue
            parts.append(values[source] if rank[source] < own else None)
    return _union(parts)


def _decision_order(
    graph: IndexedMap, codes: Sequence[int], into: EdgesInto
) -> tuple[list[int], list[int], dict[int, list[int]]]:
    """The IN and OUT nodes in an order where each comes after what decided it; each node's
    rank (its place in that order; UNDEC nodes: the number of nodes); the batches, by their
    first node.

    A worklist as the labelling's, on the labels already known: an IN node comes once all
    its attackers and reasons have come and, for a statement that needs support, all its IN
    inferences; an OUT node once an IN attacker, an OUT reason or all its inferences have.
    When the worklist runs dry: first the IN statements still waiting for some IN inference
    (one has come) come; else the OUT nodes that no IN node attacks (an unfounded set of the
    well-founded reading) come together as a batch, sharing one rank; else all the rest.
    """
    count = len(codes)
    unplaced, queued = count, count + 1
    offsets, targets, edge_codes = graph.offsets, graph.targets, graph.codes
    in_offsets, in_sources, in_codes = into
    wanting = graph.wanting
    rank = [unplaced] * count
    order: list[int] = []
    batches: dict[int, list[int]] = {}
    waiting = [0] * count
    attackers_left = [0] * count
    inferences_left = [0] * count
    has_support = [False] * count
    for node in range(count):
        label = codes[node]
        for e in range(in_offsets[node], in_offsets[node + 1]):
            code = in_codes[e]
            if label == IN_CODE:
                if code == ATTACK:
                    attackers_left[node] += 1
                if code != CONCLUSION or codes[in_sources[e]] == IN_CODE:
                    waiting[node] += 1
            elif code == CONCLUSION:
                inferences_left[node] += 1
    work = [
        node for node in range(count)
        if (codes[node] == IN_CODE and not waiting[node])
        or (codes[node] == OUT_CODE and wanting[node] and not inferences_left[node])
    ]
    released: list[int] = []

    def tell(node: int) -> None:
        """What `node`, just placed, lets come next (pushed on `work`)."""
        is_in = codes[node] == IN_CODE
        for edge in range(offsets[node], offsets[node + 1]):
            target = targets[edge]
            label = codes[target]
            if rank[target] != unplaced or label == UNDEC_CODE:
                continue
            code = edge_codes[edge]
            if label == IN_CODE:
                if code == CONCLUSION:
                    if not is_in:
                        continue
                    if not has_support[target]:
                        has_support[target] = True
                        released.append(target)
                elif code == ATTACK:
                    attackers_left[target] -= 1
                waiting[target] -= 1
                ready = not waiting[target]
            elif code == CONCLUSION:
                if not is_in:
                    inferences_left[target] -= 1
                ready = not inferences_left[target] and wanting[target]
            else:
                ready = is_in == (code == ATTACK)
            if ready:
                rank[target] = queued
                work.append(target)

    for node in work:
        rank[node] = queued
    while True:
        while work:
            node = work.pop()
            rank[node] = len(order)
            order.append(node)
            tell(node)
        stuck = [node for node in released if rank[node] == unplaced]
        work = [node for node in stuck if not attackers_left[node]]
        released = [node for node in stuck if attackers_left[node]]
        if work:
            for node in work:
                rank[node] = queued
            continue
        left = [node for node in range(count) if codes[node] and rank[node] == unplaced]
        if not left:
            return order, rank, batches
        batch = [
            node for node in left
            if codes[node] == OUT_CODE and not any(
                in_codes[e] == ATTACK and codes[in_sources[e]] == IN_CODE
                for e in range(in_offsets[node], in_offsets[node + 1])
            )
        ] or left
        batches[batch[0]] = batch
        for node in batch:
            rank[node] = len(order)
        order.append(batch[0])
        for node in batch:
            tell(node)


def _union(parts: Sequence[Changes]) -> Changes:
    """Reuses a part when it holds all the others: long chains share one set."""
    if any(part is None for part in parts):
        return None
    sets = [part for part in parts if part]
    if not sets:
        return _EMPTY
    largest = max(sets, key=len)
    rest = [part for part in sets if part is not largest and not part <= largest]
    return largest.union(*rest) if rest else largest


def _intersection(parts: Sequence[Changes]) -> Changes:
    sets = [part for part in parts if part is not None]
    if not sets:
        return None
    smallest = min(sets, key=len)
    return smallest.intersection(*[part for part in sets if part is not smallest])


def _candidates(
    graph: IndexedMap, into: EdgesInto, changes: Changes, node: int
) -> list[int]:
    """The premises and assumptions that may be cruxes of `node`: those of its change set,
    or when that is "anything", every one below it."""
    kinds = graph.kinds
    if changes is not None:
        return [premise for premise in changes if kinds[premise] in _GROUND_KINDS]
    offsets, sources, _ = into
    seen = {node}
    work = [node]
    while work:
        current = work.pop()
        for e in range(offsets[current], offsets[current + 1]):
            source = sources[e]
            if source not in seen:
                seen.add(source)
                work.append(source)
    return [premise for premise in seen if kinds[premise] in _GROUND_KINDS]


def _falling(
    graph: IndexedMap, into: EdgesInto, codes: Sequence[int], premise: int,
    wanted: Sequence[int], semantics: str,
) -> list[int]:
    """The nodes of `wanted` (IN) that are not IN once `premise` is removed.

    Only the nodes that `premise` reaches and that reach one of `wanted` can change (what
    `premise` does not reach keeps its label, and the rest cannot matter): they are labelled
    again, each node with an edge into them standing in with its own label.
    """
    offsets, targets, edge_codes = graph.offsets, graph.targets, graph.codes
    # Removed with the premise: the inferences it is a premise of, the attack nodes of its
    # attacks.
    removed = {premise}
    for edge in range(offsets[premise], offsets[premise + 1]):
        if edge_codes[edge] in (PREMISE, ATTACKER):
            removed.add(targets[edge])
    reached = set(removed)
    work = list(removed)
    while work:
        node = work.pop()
        for edge in range(offsets[node], offsets[node + 1]):
            target = targets[edge]
            if target not in reached:
                reached.add(target)
                work.append(target)
    in_offsets, in_sources, _ = into
    region = {node for node in wanted if node in reached and node not in removed}
    work = list(region)
    while work:
        node = work.pop()
        for e in range(in_offsets[node], in_offsets[node + 1]):
            source = in_sources[e]
            if source in reached and source not in region and source not in removed:
                region.add(source)
                work.append(source)
    inside = sorted(region)
    sub, number = _sub_map(graph, into, codes, inside, removed)
    relabelled = label_codes(sub, semantics)
    return [
        node for node in wanted
        if node in removed or (node in region and relabelled[number[node]] != IN_CODE)
    ]


def _sub_map(
    graph: IndexedMap, into: EdgesInto, codes: Sequence[int], inside: Sequence[int],
    removed: set[int],
) -> tuple[IndexedMap, dict[int, int]]:
    """The nodes `inside` as a map of their own, with the edges between them and, for each
    node outside (and not removed) with an edge into them, a stand-in with its label: a
    node of the same kind that nothing can change (IN: nothing enters it; OUT or UNDEC: it
    rests on a statement that is OUT for want of support, or attacks itself)."""
    in_offsets, in_sources, in_codes = into
    number = {node: place for place, node in enumerate(inside)}
    kinds = [graph.kinds[node] for node in inside]
    wanting = [graph.wanting[node] for node in inside]
    data: list[Mapping[str, Any]] = [graph.data[node] for node in inside]
    edges: list[tuple[int, int, int]] = []  # source, target, code

    def stand_in(kind: int, wants: bool) -> int:
        kinds.append(kind)
        wanting.append(wants)
        data.append(_STAND_IN)
        return len(kinds) - 1

    for node in inside:
        for e in range(in_offsets[node], in_offsets[node + 1]):
            source, code = in_sources[e], in_codes[e]
            if source in removed:
                continue
            if source not in number:
                number[source] = _label_stand_in(graph, codes[source], source, stand_in, edges)
            edges.append((number[source], number[node], code))
    return _indexed(kinds, wanting, data, edges), number


StandIn = Callable[[int, bool], int]
"""Adds a node of a kind (by code), needing support or not, to a sub-map; its number."""
_STAND_IN: Mapping[str, Any] = {"kind": CLAIM, "attributes": {}}
_PREMISE_CODE = NODE_KINDS.index(PREMISE_KIND)
_CLAIM_CODE = NODE_KINDS.index(CLAIM)
_ATTACK_NODE_CODE = NODE_KINDS.index(ATTACK_NODE)
_STATEMENT_KIND_CODES = len(STATEMENT_KINDS)


def _label_stand_in(
    graph: IndexedMap, label: int, source: int, stand_in: StandIn, edges: list[tuple[int, int, int]]
) -> int:
    """A stand-in for `source`, whose label is `label` and stays so."""
    if graph.statement[source]:
        return _statement_stand_in(label, stand_in, edges)
    node = stand_in(graph.kinds[source], False)
    if label != IN_CODE:
        reason = ATTACKER if graph.kinds[source] == _ATTACK_NODE_CODE else PREMISE
        edges.append((_statement_stand_in(label, stand_in, edges), node, reason))
    return node


def _statement_stand_in(label: int, stand_in: StandIn, edges: list[tuple[int, int, int]]) -> int:
    if label == OUT_CODE:
        return stand_in(_CLAIM_CODE, True)
    node = stand_in(_PREMISE_CODE, False)
    if label == UNDEC_CODE:
        edges.append((node, node, ATTACK))
    return node


def _indexed(
    kinds: list[int], wanting: list[bool], data: list[Mapping[str, Any]],
    edges: list[tuple[int, int, int]],
) -> IndexedMap:
    count = len(kinds)
    edges.sort(key=lambda edge: edge[0])
    sizes = [0] * count
    attacks_into, reasons_into, conclusions_into = [0] * count, [0] * count, [0] * count
    into = (reasons_into, reasons_into, conclusions_into, attacks_into)
    for source, target, code in edges:
        sizes[source] += 1
        into[code][target] += 1
    names = [str(node) for node in range(count)]
    return IndexedMap(
        names=names,
        data=data,
        index={name: node for node, name in enumerate(names)},
        kinds=kinds,
        statement=[kind < _STATEMENT_KIND_CODES for kind in kinds],
        wanting=wanting,
        offsets=list(accumulate(sizes, initial=0)),
        targets=[target for _, target, _ in edges],
        codes=[code for _, _, code in edges],
        attacks_into=attacks_into,
        reasons_into=reasons_into,
        conclusions_into=conclusions_into,
    )
