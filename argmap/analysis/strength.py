"""Strength for weighing: DF-QuAD (Rago, Toni, Aurisicchio & Baroni, KR 2016) over the map.

Every node gets a number in [0, 1] from its base score and the strengths of what supports
and attacks it (docs/strength.md says the same for users):

- the **aggregation** of strengths v1..vn is F(v1..vn) = 1 - (1 - v1)...(1 - vn), 0 for none;
- the **combination** of a base score v0 with the aggregated attack va and support vs is
  C(v0, va, vs) = v0 - v0 * |vs - va| when va >= vs, else v0 + (1 - v0) * |vs - va|: the
  stronger side moves the base score towards 0 or 1 by their difference, and equal attack
  and support leave it where it is.

argmap's structures map onto that as follows:

- a **statement**'s base score is its `@confidence`, else 0.5; its supporters are its
  grounded inferences, its attackers the statements that attack (`-|`) or contradict
  (`><`, both ways) it and the nodes of undercut attacks aimed at it;
- an **inference** (`a + b -> c`, a linked step) holds only as far as all its premises do:
  its base score is its weakest premise's strength; its attackers are its undercutters,
  and it has no supporters: C(base, F(undercutters), 0) = base * (1 - F(undercutters));
- an **undercut attack**'s node (`y -| (x -| t)`) takes x's strength as its base score and
  its undercutters as attackers, the same way, and attacks `t` with what is left.

Only a **grounded** inference supports (one that rests, through steps that end, on
premises, assumptions and attributed claims: `grounded_flags`), as in the well-founded
labels: support that only runs in a circle gives none, where DF-QuAD's iteration would
let it lift itself to 1 (`a -> b; b -> a` ends at 1 for both), and a step from a claim
that has no support lends none either. Such statements keep their base scores.

DF-QuAD is defined on acyclic graphs. Here every node's strength depends only on the nodes
with an edge into it, so the strongly connected components of the map are evaluated in
topological order (what a node rests on first), each acyclic node once. Inside a cycle
(`a >< b`, support that runs in a circle from a premise) every node starts from its base
score (an inference's and an attack's computed from their statements' base scores) and
all are recomputed together, round after round, from the previous round's values, until the
largest change is below 1e-9. Some cycles never settle: `a >< b` with both at confidence
1 alternates between (1, 1) and (0, 0). When a round repeats the one before the last (a
two-round swing), or after ROUNDS rounds, each node gets the average of the last two
rounds (0.5 each in that example). Linear in the map's size for acyclic maps (networkx's
strongly connected components), times the rounds inside cycles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import sub

from argmap.analysis.indexed import ATTACK, CONCLUSION, IndexedMap, index_map
from argmap.analysis.support import grounded_flags
from argmap.model import ArgumentMap

DEFAULT_BASE = 0.5
"""A statement's base score when it has no `@confidence`: no reason to lean either way."""
TOLERANCE = 1e-9
"""A cycle has settled when no strength changes by this much in a round."""
ROUNDS = 1000
"""Rounds inside one cycle before it is given up as unsettled (then averaged)."""


def aggregate(strengths: list[float]) -> float:
    """F(v1..vn) = 1 - (1 - v1)...(1 - vn): how strongly a set of supporters (or attackers)
    acts together; 0 when there is none."""
    kept = 1.0
    for strength in strengths:
        kept *= 1.0 - strength
    return 1.0 - kept


def combine(base: float, attack: float, support: float) -> float:
    """C(v0, va, vs): the base score moved towards 0 by the attack's excess over the
    support, or towards 1 by the support's excess over the attack."""
    if attack >= support:
        value = base - base * (attack - support)
    else:
        value = base + (1.0 - base) * (support - attack)
    return min(1.0, max(0.0, value))  # rounding must not leave [0, 1]


def compute_strengths(amap: ArgumentMap, graph: IndexedMap | None = None) -> dict[str, float]:
    """The DF-QuAD strength of every node of the map (statements, inferences and the nodes
    of undercut attacks), each in [0, 1]. `graph` is the map's `index_map` when already
    made."""
    graph = graph or index_map(amap)
    return dict(zip(graph.names, strength_values(graph), strict=True))


def base_scores(graph: IndexedMap) -> list[float]:
    """Each statement's base score (its `@confidence`, else 0.5); 0.0 for inferences and
    attack nodes, whose base scores come from their premises or attacker."""
    scores = [0.0] * len(graph.names)
    for node in graph.statements():
        confidence = graph.data[node]["attributes"].get("confidence")
        scores[node] = DEFAULT_BASE if confidence is None else float(confidence)
    return scores


def strength_values(graph: IndexedMap) -> list[float]:
    """The strength of every node, by number (see the module's docstring)."""
    base = base_scores(graph)
    sources, codes, offsets = _edges_into(graph)
    statement = graph.statement
    values = base.copy()

    def evaluate(node: int) -> float:
        attack_kept = support_kept = 1.0
        weakest = 1.0
        for edge in range(offsets[node], offsets[node + 1]):
            value = values[sources[edge]]
            code = codes[edge]
            if code == ATTACK:
                attack_kept *= 1.0 - value
            elif code == CONCLUSION:
                support_kept *= 1.0 - value
            elif value < weakest:  # a premise of an inference, the attacker of an attack
                weakest = value
        if statement[node]:
            return combine(base[node], 1.0 - attack_kept, 1.0 - support_kept)
        return combine(weakest, 1.0 - attack_kept, 0.0)

    def starting(node: int) -> float:
        """A cycle's node before its first round: a statement its base score, an inference
        or an attack node what its premises or attacker are worth now (statements of the
        cycle at their base scores), before any attack."""
        if statement[node]:
            return base[node]
        weakest = 1.0
        for edge in range(offsets[node], offsets[node + 1]):
            if codes[edge] != ATTACK and codes[edge] != CONCLUSION:
                weakest = min(weakest, values[sources[edge]])
        return weakest

    for component in _components(offsets, sources):
        if len(component) == 1:
            node = component[0]
            if node not in sources[offsets[node] : offsets[node + 1]]:
                values[node] = evaluate(node)
                continue
        # The cycle's statements still hold their base scores (nothing has evaluated them).
        for node in component:
            values[node] = starting(node)
        _settle(component, values, evaluate)
    return values


def _settle(component: list[int], values: list[float], evaluate: Callable[[int], float]) -> None:
    """Recompute a cycle's nodes together (each round from the last round's values) until
    they settle, swing between two rounds, or ROUNDS have passed; see the module's
    docstring."""
    current = [values[node] for node in component]
    before: list[float] | None = None
    for _ in range(ROUNDS):
        new = [evaluate(node) for node in component]
        if _largest_change(new, current) < TOLERANCE:
            _store(component, values, new)
            return
        if before is not None and _largest_change(new, before) < TOLERANCE:
            break  # a two-round swing: `current` and `new` alternate for ever
        before, current = current, new
        _store(component, values, new)
    else:
        new = current
        current = before if before is not None else current
    _store(component, values, [(a + b) / 2.0 for a, b in zip(new, current, strict=True)])


def _largest_change(new: list[float], old: list[float]) -> float:
    return max(map(abs, map(sub, new, old)), default=0.0)


def _store(component: list[int], values: list[float], new: list[float]) -> None:
    for node, value in zip(component, new, strict=True):
        values[node] = value


def _edges_into(graph: IndexedMap) -> tuple[list[int], list[int], list[int]]:
    """The map's edges into each node (`IndexedMap.edges_into`: sources, codes, offsets)
    without the conclusion edges of inferences that are not grounded: they support
    nothing."""
    sources, codes, into = graph.edges_into()
    grounded = grounded_flags(graph)
    kept_sources: list[int] = []
    kept_codes: list[int] = []
    offsets = [0]
    for node in range(len(into) - 1):
        for edge in range(into[node], into[node + 1]):
            if codes[edge] != CONCLUSION or grounded[sources[edge]]:
                kept_sources.append(sources[edge])
                kept_codes.append(codes[edge])
        offsets.append(len(kept_sources))
    return kept_sources, kept_codes, offsets


def _components(offsets: list[int], sources: list[int]) -> Iterator[list[int]]:
    """The strongly connected components of the graph whose edges run from the sources of
    the edges into each node to the node, each after every component it rests on
    (networkx's condensation, in topological order)."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(offsets) - 1))
    graph.add_edges_from(
        (sources[edge], node)
        for node in range(len(offsets) - 1)
        for edge in range(offsets[node], offsets[node + 1])
    )
    condensed = nx.condensation(graph)
    for component in nx.topological_sort(condensed):
        yield sorted(condensed.nodes[component]["members"])
