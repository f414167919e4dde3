"""The map as lists of integers: nodes numbered 0..n-1, edges in CSR form with kind codes.

The analyses (grounding, support cycles, labels, reachability) each walk the whole map.
On the model's dicts every step touches a node's or an edge's own dict, scattered over a
100,000-statement map's heap, and that (cache misses), not the arithmetic, is what they
cost. This copy is made once per check run, by C loops (`map`, `chain`) that touch each
name and each edge's dict once; the analyses then loop over short contiguous lists of ints.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, itemgetter, sub
from typing import Any, cast

from argmap.model import ATTACK as ATTACK_NODE
from argmap.model import (
    ATTACK_EDGE,
    ATTACKER_EDGE,
    CONCLUSION_EDGE,
    CONTRADICTS_EDGE,
    INFERENCE,
    PREMISE_EDGE,
    STATEMENT_KINDS,
    SUPPORTED_KINDS,
    ArgumentMap,
    needs_support,
)

PREMISE = 0
"""Edge code of a premise edge (statement -> inference)."""
ATTACKER = 1
"""Edge code of an attacker edge (statement -> its attack's node)."""
CONCLUSION = 2
"""Edge code of a conclusion edge (inference -> statement)."""
ATTACK = 3
"""Edge code of an attack or a contradiction (`-|`, `><`)."""

_CODES = {
    PREMISE_EDGE: PREMISE,
    ATTACKER_EDGE: ATTACKER,
    CONCLUSION_EDGE: CONCLUSION,
    ATTACK_EDGE: ATTACK,
    CONTRADICTS_EDGE: ATTACK,
}
_kind = itemgetter("kind")

NODE_KINDS = (*STATEMENT_KINDS, INFERENCE, ATTACK_NODE)
"""The node kinds in the order of their codes in IndexedMap.kinds: statements first."""
_NODE_CODES = {kind: code for code, kind in enumerate(NODE_KINDS)}
_STATEMENT_CODES = len(STATEMENT_KINDS)
"""Statements' codes are below this."""
_SUPPORTED_CODES = frozenset(_NODE_CODES[kind] for kind in SUPPORTED_KINDS)
_BLOCK = 1024
"""Nodes numbered together (see index_map)."""


@dataclass(frozen=True)
class IndexedMap:
    """A map's nodes and edges as integers; a node's number is its place in the map's order.

    The edges out of node `u` are the positions `offsets[u]` to `offsets[u + 1]` (in the
    map's order) of `targets` (the node each enters) and `codes` (its kind: PREMISE,
    ATTACKER, CONCLUSION or ATTACK). The `*_into` lists count the edges entering each node.
    """

    names: list[str]
    data: list[Mapping[str, Any]]
    index: dict[str, int]
    kinds: list[int]
    """Each node's kind, as its place in NODE_KINDS (the parser gives every statement a
    string of its own: comparing these ints touches no string)."""
    statement: list[bool]
    """Whether each node is a statement (not an inference or an attack's node)."""
    wanting: list[bool]
    """Whether each node is a statement that needs support (`needs_support`)."""
    offsets: list[int]
    targets: list[int]
    codes: list[int]
    attacks_into: list[int]
    """Attack and contradiction edges into each node."""
    reasons_into: list[int]
    """Premise edges (into an inference) and attacker edges (into an attack's node)."""
    conclusions_into: list[int]
    """Conclusion edges (into a statement): its inferences."""

    def in_relation(self, node: int) -> bool:
        """Whether any edge (support, attack, contradiction) enters or leaves the node."""
        return bool(
            self.offsets[node + 1] - self.offsets[node]
            or self.attacks_into[node]
            or self.reasons_into[node]
            or self.conclusions_into[node]
        )

    def statements(self) -> Iterator[int]:
        """The statements' numbers, in the map's order."""
        return compress(range(len(self.names)), self.statement)

    def kind(self, node: int) -> str:
        return NODE_KINDS[self.kinds[node]]

    def source_of(self, edge: int) -> int:
        """The node the edge at place `edge` leaves (a binary search in `offsets`)."""
        return bisect_right(self.offsets, edge) - 1

    def numbers_of_kind(self, kind: str) -> list[int]:
        """The nodes of one kind, in the map's order (found by list.index, in C)."""
        return find_all(self.kinds, _NODE_CODES[kind])

    def predecessors(self) -> tuple[list[int], list[int]]:
        """Every edge grouped by the node it enters (CSR): the sources of the edges into
        `v` are `sources[offsets[v]:offsets[v + 1]]`."""
        sources, _, offsets = self.edges_into()
        return sources, offsets

    def edges_into(self) -> tuple[list[int], list[int], list[int]]:
        """Every edge grouped by the node it enters (CSR), with its code: the sources of the
        edges into `v` are `sources[offsets[v]:offsets[v + 1]]`, their codes at the same
        places of `codes`."""
        out = self.offsets
        # Each edge's source, then the edges in the order of their targets (a stable sort,
        # in C): the map's order within each target's run.
        by_edge = chain.from_iterable(map(repeat, range(len(self.names)), map(sub, out[1:], out)))
        sources = list(by_edge)
        order = sorted(range(len(self.targets)), key=self.targets.__getitem__)
        into = map(add, self.attacks_into, map(add, self.reasons_into, self.conclusions_into))
        return (
            list(map(sources.__getitem__, order)),
            list(map(self.codes.__getitem__, order)),
            list(accumulate(into, initial=0)),
        )

    def names_of(self, flags: Iterable[object]) -> list[str]:
        """The names of the nodes whose flag is true (flags in node order)."""
        return list(compress(self.names, flags))


def index_map(amap: ArgumentMap) -> IndexedMap:
    """Number the map's nodes and encode its edges: linear, and C loops but for a Python
    step per claim and conclusion (whether it needs support) and one per edge (counting)."""
    graph = amap.graph
    # networkx adds a node to its node dict and its adjacency together, so both share one
    # order, and numbering the node dict numbers the adjacency.
    names: list[str] = list(graph)
    count = len(names)
    index = dict(zip(names, range(count), strict=True))
    # The adjacency's own dicts (DiGraph.adjacency hands them out without a view), for
    # dict.values in C below.
    adjacency = cast(
        "list[dict[str, Mapping[str, Any]]]", list(map(itemgetter(1), graph.adjacency()))
    )
    data: list[Mapping[str, Any]] = []
    kinds: list[int] = []
    lengths: list[int] = []
    targets: list[int] = []
    codes: list[int] = []
    node_data = map(itemgetter(1), graph.nodes(data=True))
    # A block of nodes at a time, so that each node's and each edge's dict is still in the
    # processor's cache when the next list reads it again (12 % less time than whole lists).
    for start in range(0, count, _BLOCK):
        block_data = list(islice(node_data, _BLOCK))
        data += block_data
        kinds += map(_NODE_CODES.__getitem__, map(_kind, block_data))
        block = adjacency[start : start + _BLOCK]
        lengths += map(len, block)
        targets += map(index.__getitem__, chain.from_iterable(block))
        codes += map(_CODES.__getitem__, map(_kind, chain.from_iterable(map(dict.values, block))))
    offsets = list(accumulate(lengths, initial=0))
    statement = [kind < _STATEMENT_CODES for kind in kinds]
    wanting = [kind in _SUPPORTED_CODES for kind in kinds]
    for node in compress(range(count), wanting):
        wanting[node] = needs_support(data[node])
    reasons_into, conclusions_into, attacks_into = [0] * count, [0] * count, [0] * count
    # Each edge code's count list (an attacker edge counts as a premise of its attack's node).
    into = (reasons_into, reasons_into, conclusions_into, attacks_into)
    for target, code in zip(targets, codes, strict=True):
        into[code][target] += 1
    return IndexedMap(
        names,
        data,
        index,
        kinds,
        statement,
        wanting,
        offsets,
        targets,
        codes,
        attacks_into,
        reasons_into,
        conclusions_into,
    )


def find_all(values: list[Any], wanted: object) -> list[int]:
    """Every place of `wanted` in `values`: list.index searches in C, so a rare value costs
    a Python step per place found, not one per item."""
    found: list[int] = []
    place = -1
    try:
        while True:
            place = values.index(wanted, place + 1)
            found.append(place)
    except ValueError:
        return found
