"""The stubs of a split map in DOT: one node per other part, and the relations that reach it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from argmap.model import (
    ATTACK,
    ATTACKER_EDGE,
    CONCLUSION_EDGE,
    CONTRADICTS_EDGE,
    INFERENCE,
    PREMISE_EDGE,
    ArgumentMap,
)
from argmap.render.quoting import quote, quote_lines
from argmap.render.style import attrs, edge_style, relation_of
from argmap.render.themes import Theme
from argmap.render.view import Stub

StubEdges = dict[tuple[str, str, str], None]  # (tail, head, relation), in drawing order


def stub_lines(
    amap: ArgumentMap, nodes: set[str], stubs: Mapping[str, Stub], edges: StubEdges, theme: Theme
) -> Iterator[str]:
    """DOT lines for the stubs that `edges` (see `stub_edges`) reach, all of them in the
    overview (where no statement is drawn), and for the edges."""
    if not stubs:
        return
    overview = not any(amap.is_statement(node) for node in nodes)
    by_name = {stub.name: stub for stub in stubs.values()}
    ends = {end for tail, head, _ in edges for end in (tail, head)}
    used = list(by_name) if overview else [name for name in by_name if name in ends]
    for name in used:
        yield f"  {quote(name)} {attrs(_stub_attrs(by_name[name], theme))};"
    for tail, head, relation in edges:
        yield f"  {quote(tail)} -> {quote(head)} {attrs(edge_style(relation, theme))};"


def stub_edges(amap: ArgumentMap, nodes: set[str], stubs: Mapping[str, Stub]) -> StubEdges:
    """The relations between the drawn `nodes` and statements drawn as their part's stub
    (between stubs only when no statement is drawn: the overview). A relation through an
    inference or attack that is not drawn runs to what it ends on (its conclusion, its
    target); repeats are drawn once."""
    edges: StubEdges = {}
    if not stubs:
        return edges
    overview = not any(amap.is_statement(node) for node in nodes)
    for source, target, kind in amap.graph.edges(data="kind"):
        if (source in nodes and target in nodes) or kind == CONCLUSION_EDGE:
            continue  # drawn by to_dot, or carried by the inference's premise edges
        if kind == ATTACKER_EDGE and target not in nodes:
            continue  # carried by the attack node's own edge to its target
        tail = _end(amap, amap.attack_source(source), nodes, stubs)
        head = _end(amap, target, nodes, stubs)
        if tail is None or head is None or tail == head:
            continue
        if not overview and tail not in nodes and head not in nodes:
            continue
        relation = relation_of(amap, kind, target)
        if kind == PREMISE_EDGE and target not in nodes:
            relation = "support"
        if kind == CONTRADICTS_EDGE and (head, tail, relation) in edges:
            continue
        edges[(tail, head, relation)] = None
    return edges


def _end(
    amap: ArgumentMap, node: str, nodes: set[str], stubs: Mapping[str, Stub]
) -> str | None:
    """What a relation reaching `node` is drawn to: the node, its part's stub, or (for an
    inference or attack not drawn) what that ends on; None when it is not in the figure."""
    while node not in nodes:  # a loop, not recursion: undercuts may nest deeply
        if node in stubs:
            return stubs[node].name
        kind = amap.kind(node)
        if kind == INFERENCE:
            node = amap.conclusion_of(node)
        elif kind == ATTACK:
            node = amap.target_of(node)
        else:
            return None
    return node


def stub_look(theme: Theme) -> dict[str, str]:
    """A stub's shape and colours (the legend shows one too)."""
    return {
        # A folder: unlike any statement's box, and it stands for another file.
        "shape": "folder",
        "style": "filled",
        "fillcolor": quote(theme.cluster_fill),
        "color": quote(theme.muted),
        "penwidth": '"1.5"',
    }


def _stub_attrs(stub: Stub, theme: Theme) -> dict[str, str]:
    return {
        "id": quote(stub.name),
        "class": quote("stub"),
        **stub_look(theme),
        "label": quote_lines(stub.label.split("\n")),
        "href": quote(stub.href),
        "tooltip": quote(stub.tooltip),
    }
