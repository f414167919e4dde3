"""What the analysis tests share: the analyses by node name, as the tests compare them (a
uniquely named module, not `conftest`)."""

from __future__ import annotations

from argmap.analysis.indexed import index_map
from argmap.analysis.support import grounded_flags
from argmap.model import ArgumentMap


def grounded_nodes(amap: ArgumentMap) -> set[str]:
    """The names of the statements and inferences that rest on premises and assumptions
    alone (see `grounded_flags`)."""
    graph = index_map(amap)
    return set(graph.names_of(grounded_flags(graph)))
