"""What each conclusion's verdict rests on: `argmap analyze`'s report, as data.

For every conclusion: its label, verdict (with the objections that contest or defeat it)
and strength; when accepted, its cruxes (`cruxes.py`); the assumptions and `@implicit`
statements in its support (what an analyst reviews first); the depth of its support (the
longest chain of inferences below it) and its breadth (the premises and assumptions it
rests on).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.analysis.cruxes import crux_numbers
from argmap.analysis.indexed import CONCLUSION, NODE_KINDS, PREMISE, IndexedMap, index_map
from argmap.analysis.labels import IN_CODE, LABEL_OF_CODE, Label, Semantics, label_codes
from argmap.analysis.strength import strength_values
from argmap.analysis.support import grounded_flags
from argmap.analysis.verdicts import Answer, VerdictWord, answered_objections, verdict_list
from argmap.model import ASSUMPTION, ArgumentMap
from argmap.model import CONCLUSION as CONCLUSION_KIND
from argmap.model import PREMISE as PREMISE_KIND

_CONCLUSION_CODE = NODE_KINDS.index(CONCLUSION_KIND)
_ASSUMPTION_CODE = NODE_KINDS.index(ASSUMPTION)
_GROUND_CODES = frozenset((NODE_KINDS.index(PREMISE_KIND), _ASSUMPTION_CODE))


@dataclass(frozen=True)
class ConclusionAnalysis:
    """One conclusion: its verdict and what the verdict rests on."""

    statement: str
    text: str
    label: Label
    verdict: VerdictWord
    explanation: str
    """The verdict's one sentence, IDs in backticks."""
    strength: float
    cruxes: tuple[str, ...]
    """Accepted: the premises and assumptions whose removal would change the verdict."""
    defeaters: tuple[str, ...]
    """Not accepted: the attackers that contest, defeat or leave it undecided."""
    answered: tuple[Answer, ...]
    """Accepted: the objections its support meets that are answered, with their answers."""
    assumptions: tuple[str, ...]
    """The assumptions in its support (statements of the kind `assumption`)."""
    implicit: tuple[str, ...]
    """The `@implicit` statements in its support (the analyst's, not the text's)."""
    depth: int
    """The longest chain of inferences below it (0: none stands on premises)."""
    breadth: int
    """The premises and assumptions in its support."""


@dataclass(frozen=True)
class Analysis:
    """A map's analysis: each conclusion, and the labels and strengths of every statement."""

    semantics: str
    conclusions: tuple[ConclusionAnalysis, ...]
    labels: dict[str, Label]
    strengths: dict[str, float]


def analyze(amap: ArgumentMap, semantics: str = Semantics.WELL_FOUNDED) -> Analysis:
    """The analysis of every conclusion of the map, in the map's order."""
    graph = index_map(amap)
    codes = label_codes(graph, semantics)
    strengths = strength_values(graph)
    wanted = [node for node in graph.statements() if graph.kinds[node] == _CONCLUSION_CODE]
    grounded = grounded_flags(graph)
    verdicts = verdict_list(amap, graph, codes, grounded, wanted, strengths)
    accepted = [node for node in wanted if codes[node] == IN_CODE]
    found = crux_numbers(graph, codes, accepted, semantics)
    depths = support_depths(graph, grounded)
    names, data, kinds = graph.names, graph.data, graph.kinds
    implicit = [
        bool(statement and data[n].get("attributes", {}).get("implicit"))
        for n, statement in enumerate(graph.statement)
    ]
    ground = [kind in _GROUND_CODES for kind in kinds]
    below = rests_on(graph, [a or b for a, b in zip(implicit, ground, strict=True)])
    conclusions = []
    for node, verdict in zip(wanted, verdicts, strict=True):
        cone = sorted(below[node])
        conclusions.append(ConclusionAnalysis(
            statement=names[node],
            text=data[node]["text"],
            label=verdict.label,
            verdict=verdict.word,
            explanation=verdict.explanation,
            strength=strengths[node],
            cruxes=tuple(names[premise] for premise in found.get(node, ())),
            defeaters=verdict.objections,
            answered=tuple(answered_objections(amap, graph, codes, node)),
            assumptions=tuple(names[n] for n in cone if kinds[n] == _ASSUMPTION_CODE),
            implicit=tuple(names[n] for n in cone if implicit[n]),
            depth=depths[node],
            breadth=sum(1 for n in cone if ground[n]),
        ))
    statements = list(graph.statements())
    return Analysis(
        semantics=Semantics(semantics).value,
        conclusions=tuple(conclusions),
        labels={names[n]: LABEL_OF_CODE[codes[n]] for n in statements},
        strengths={names[n]: strengths[n] for n in statements},
    )


def rests_on(graph: IndexedMap, interesting: Sequence[bool]) -> list[frozenset[int]]:
    """For every node, the `interesting` statements below it through inferences (itself
    not among them, unless support runs in a circle back to it).

    Bottom-up in a topological order of the support edges, each node's set the union of
    its sources' (a set that holds the others is shared, not copied: a long chain holds
    one set); the nodes on or above a support cycle, which have no such order, are each
    found by a search that stops at the nodes already known.
    """
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    count = len(graph.names)
    into: list[list[int]] = [[] for _ in range(count)]
    for source in range(count):
        for edge in range(offsets[source], offsets[source + 1]):
            if codes[edge] in (PREMISE, CONCLUSION):
                into[targets[edge]].append(source)
    left = [len(sources) for sources in into]
    below: list[frozenset[int] | None] = [None] * count
    work = [node for node in range(count) if not left[node]]
    while work:
        node = work.pop()
        below[node] = _union([_up(source, below, interesting) for source in into[node]])
        for edge in range(offsets[node], offsets[node + 1]):
            if codes[edge] in (PREMISE, CONCLUSION):
                target = targets[edge]
                left[target] -= 1
                if not left[target]:
                    work.append(target)
    for node in range(count):
        if below[node] is None:
            below[node] = _search(node, into, below, interesting)
    return [found if found is not None else _EMPTY for found in below]


_EMPTY: frozenset[int] = frozenset()


def _up(
    node: int, below: list[frozenset[int] | None], interesting: Sequence[bool]
) -> frozenset[int]:
    """What `node` hands up: its own set, and itself when interesting."""
    own = below[node] or _EMPTY
    return own | {node} if interesting[node] else own


def _search(
    node: int, into: list[list[int]], below: list[frozenset[int] | None],
    interesting: Sequence[bool],
) -> frozenset[int]:
    found: set[int] = set()
    seen = {node}
    work = [node]
    while work:
        for source in into[work.pop()]:
            if interesting[source]:
                found.add(source)
            if source in seen:
                continue
            seen.add(source)
            known = below[source]
            if known is not None:
                found |= known
            else:
                work.append(source)
    return frozenset(found)


def _union(parts: list[frozenset[int]]) -> frozenset[int]:
    sets = [part for part in parts if part]
    if not sets:
        return _EMPTY
    largest = max(sets, key=len)
    rest = [part for part in sets if part is not largest and not part <= largest]
    return largest.union(*rest) if rest else largest


def support_depths(graph: IndexedMap, grounded: Sequence[bool]) -> list[int]:
    """The depth of every node's support: 0 for a statement with no inference that rests on
    premises, else the longest chain of inferences below it.

    Support can run in a circle, where the longest chain has no end; the depth counts the
    chains that bottom out in premises without going round (the well-founded depth): the
    nodes are taken bottom-up, a statement once all its inferences that rest on premises
    have their depths, or, when only a circle is left to wait for, with those it has.
    """
    offsets, targets, codes = graph.offsets, graph.targets, graph.codes
    count = len(graph.names)
    depth = [0] * count
    premises_left = graph.reasons_into.copy()
    inferences_left = [0] * count
    for source in range(count):
        for edge in range(offsets[source], offsets[source + 1]):
            if codes[edge] == CONCLUSION and grounded[source]:
                inferences_left[targets[edge]] += 1
    done = [False] * count
    work = [n for n in range(count) if graph.statement[n] and not inferences_left[n]]
    waiting: list[int] = []
    while True:
        while work:
            node = work.pop()
            if done[node]:
                continue
            done[node] = True
            for edge in range(offsets[node], offsets[node + 1]):
                target, code = targets[edge], codes[edge]
                if done[target]:
                    continue
                if code == PREMISE:
                    depth[target] = max(depth[target], depth[node] + 1)
                    premises_left[target] -= 1
                    if not premises_left[target]:
                        work.append(target)
                elif code == CONCLUSION and grounded[node]:
                    depth[target] = max(depth[target], depth[node])
                    inferences_left[target] -= 1
                    waiting.append(target)
                    if not inferences_left[target]:
                        work.append(target)
        work = [n for n in waiting if not done[n]]
        waiting = []
        if not work:
            return depth
