"""How many edges of each kind enter each node, and the attack edges: one pass, shared."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from argmap.model import (
    ATTACK_EDGE_KINDS,
    ATTACKER_EDGE,
    CONCLUSION_EDGE,
    PREMISE_EDGE,
    ArgumentMap,
)

PREMISE_LIKE_EDGES = frozenset({PREMISE_EDGE, ATTACKER_EDGE})
"""Edges into a node that needs its source IN: an inference's premises, an attack's attacker."""


@dataclass(frozen=True)
class InDegrees:
    """For every node of a map (each a key of each dict), how many edges of each kind enter
    it. Grounding, support cycles and labels each start from these counts (as copies):
    one pass over a 100,000-statement map's edges instead of one each."""

    attacks: dict[str, int]
    """Attack and contradiction edges (`-|`, `><`)."""
    premises: dict[str, int]
    """Premise edges (into an inference) and attacker edges (into an attack's node)."""
    conclusions: dict[str, int]
    """Conclusion edges (into a statement): its inferences."""
    attack_edges: list[tuple[str, str, Mapping[str, Any]]]
    """Every attack and contradiction edge (source, target, data), in the graph's order."""


def in_degrees(amap: ArgumentMap) -> InDegrees:
    """Count the edges into every node of the map by kind."""
    succ = amap.successors_map()
    attacks: dict[str, int] = dict.fromkeys(succ, 0)  # every per-node dict made in C
    premises = attacks.copy()
    conclusions = attacks.copy()
    attack_edges: list[tuple[str, str, Mapping[str, Any]]] = []
    for source, targets in succ.items():
        for target, edge in targets.items():
            kind = edge["kind"]
            if kind in ATTACK_EDGE_KINDS:
                attacks[target] += 1
                attack_edges.append((source, target, edge))
            elif kind in PREMISE_LIKE_EDGES:
                premises[target] += 1
            elif kind == CONCLUSION_EDGE:
                conclusions[target] += 1
    return InDegrees(attacks, premises, conclusions, attack_edges)
