"""The legend cluster: the kinds, relations, tag colours and labels that the drawing uses,
as a small table below the map (or before its reasons, across the flow, with LR and RL)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

from argmap.model import CONCLUSION, PREMISE_EDGE, STATEMENT_KINDS, ArgumentMap
from argmap.render.layout import legend_anchors, ranked_graph
from argmap.render.quoting import quote
from argmap.render.stubs import stub_look
from argmap.render.style import (
    Annotations,
    DotStyle,
    attrs,
    edge_style,
    kind_attrs,
    relation_of,
)
from argmap.render.themes import Theme

LABEL_WORDS = {"IN": "IN: accepted", "OUT": "OUT: rejected", "UNDEC": "UNDEC: undecided"}
RELATION_WORDS = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts a step",
    "contradiction": "contradict each other",
}
ROW_SIZE = 4  # boxes per row of tags: the legend stays about as wide as the kinds' row
RELATIONS_PER_ROW = 2  # a sample with its name is about as wide as two boxes


@dataclass(frozen=True)
class _Row:
    """One row of the table: `low` and `high` are its first node in the flow's first and
    last rank (the same node but for the relation samples, which span two ranks)."""

    low: str
    high: str


def legend_lines(
    amap: ArgumentMap,
    nodes: set[str],
    style: DotStyle,
    colours: Mapping[str, str],
    notes: Annotations,
    to_stubs: Collection[str] | None = None,
    anchored: bool = True,
) -> Iterator[str]:
    """DOT lines of a `cluster_legend` subgraph (nothing when there is nothing to explain).
    `to_stubs`: the drawing has the stubs of a split map, and these relations reach them.
    `anchored`: held before the map's first ranks by invisible edges (a map drawn section
    by section leaves the legend a piece of its own: the edges would join the pieces)."""
    theme = style.theme
    body: list[str] = []
    kinds = _kinds(amap, nodes, theme, body)
    if to_stubs is not None:
        stub = {"label": quote("another figure"), "class": quote("stub")} | stub_look(theme)
        kinds.append(_node(body, "legend-stub", stub))
    first = _single_row(body, kinds)
    rows = [first] if first is not None else []
    rows += _relation_rows(amap, nodes, theme, body, to_stubs or ())
    boxes = _label_boxes(body, theme) if notes.labels is not None else []
    if notes.labels is None:
        boxes = _tag_boxes(amap, nodes, colours, theme, body)
    if not nodes.isdisjoint(notes.findings):  # only when a drawn statement is outlined
        box = _box("reported by check", theme.fill)
        box |= {"color": quote(theme.finding), "penwidth": "3"}
        boxes.append(_node(body, "legend-finding", box))
    for start in range(0, len(boxes), ROW_SIZE):
        row = _single_row(body, boxes[start : start + ROW_SIZE])
        if row is not None:
            rows.append(row)
    if rows:
        anchors = nodes if anchored else set()
        yield from _cluster(body, rows, amap, anchors, style.direction, theme)


def _kinds(amap: ArgumentMap, nodes: set[str], theme: Theme, body: list[str]) -> list[str]:
    used = {amap.graph.nodes[node]["kind"] for node in nodes}
    names = []
    for kind in STATEMENT_KINDS:
        if kind in used:
            fill = theme.conclusion_fill if kind == CONCLUSION else theme.fill
            box = kind_attrs(kind) | {"label": quote(kind), "fillcolor": quote(fill)}
            box = {key: value for key, value in box.items() if key not in ("fontsize", "margin")}
            names.append(_node(body, f"legend-{kind}", box | {"class": quote(kind)}))
    return names


def _label_boxes(body: list[str], theme: Theme) -> list[str]:
    return [
        _node(body, f"legend-{label}", _box(words, theme.label_fill(label)))
        for label, words in LABEL_WORDS.items()
    ]


def _tag_boxes(
    amap: ArgumentMap, nodes: set[str], colours: Mapping[str, str], theme: Theme, body: list[str]
) -> list[str]:
    drawn = (data for node, data in amap.statements() if node in nodes)
    tags = sorted({tag for data in drawn for tag in data["tags"]})
    names = [
        _node(body, f"legend-tag-{tag}", _box(f"#{tag}", colours[tag]))
        for tag in tags
        if tag in colours
    ]
    plain = [tag for tag in tags if tag not in colours]
    if plain:
        # Past the palette's size tags get no colour rather than a repeated one.
        words = f"#{plain[0]}" if len(plain) == 1 else f"{len(plain)} more tags"
        names.append(_node(body, "legend-tag-others", _box(f"{words}: no colour", theme.fill)))
    return names


def _single_row(body: list[str], names: list[str]) -> _Row | None:
    if not names:
        return None
    _same_rank(body, names)
    return _Row(names[0], names[0])


def _relation_rows(
    amap: ArgumentMap, nodes: set[str], theme: Theme, body: list[str], more: Collection[str]
) -> list[_Row]:
    """A short sample of each relation, drawn along the flow like the map's own edges (so
    an arrow points the way the map's arrows point), its name in a text node beside its
    end (an edge label would take a rank of its own, and Graphviz then doubles the ranks
    of the whole map); RELATIONS_PER_ROW to a row, so the legend stays narrow."""
    relations = _relations(amap, nodes, more)
    return [
        _relation_row(relations[start : start + RELATIONS_PER_ROW], theme, body)
        for start in range(0, len(relations), RELATIONS_PER_ROW)
    ]


def _relation_row(relations: list[str], theme: Theme, body: list[str]) -> _Row:
    starts, ends = [], []
    for relation in relations:
        # One group: Graphviz then keeps the sample straight along the flow.
        point = _point() | {"group": quote(f"legend-{relation}")}
        start = _node(body, f"legend-{relation}-from", point)
        end = _node(body, f"legend-{relation}-to", point)
        words = {"shape": "plaintext", "label": quote(RELATION_WORDS[relation])}
        text = _node(body, f"legend-{relation}", words | {"fontcolor": quote(theme.text)})
        # Across two ranks even for a contradiction, whose edges in the map do not rank.
        edge = edge_style(relation, theme) | {"constraint": "true"}
        body.append(f"    {quote(start)} -> {quote(end)} {attrs(edge)};")
        starts.append(start)
        ends.extend([end, text])
    _same_rank(body, starts)
    _same_rank(body, ends)
    return _Row(starts[0], ends[0])


def _same_rank(body: list[str], names: list[str]) -> None:
    if len(names) > 1:
        body.append("    { rank=same; " + " ".join(quote(name) for name in names) + " }")
        # Invisible flat edges keep the row in the order written; the direction is only
        # known to the cluster, which turns the chains round where needed.
        body.append("    " + " -> ".join(quote(name) for name in names) + " [style=invis];")


def _relations(amap: ArgumentMap, nodes: set[str], more: Collection[str]) -> list[str]:
    found = {
        relation_of(amap, kind, target)
        for source, target, kind in amap.graph.edges(data="kind")
        if source in nodes and target in nodes and kind != PREMISE_EDGE
    } | set(more)
    return [relation for relation in RELATION_WORDS if relation in found]


def _point() -> dict[str, str]:
    # An invisible end: only the sample line and its arrowheads show.
    return {"shape": "point", "width": '"0.02"', "style": "invis", "label": '""'}


def _box(label: str, fill: str) -> dict[str, str]:
    return {"label": quote(label), "fillcolor": quote(fill), "style": "filled"}


def _node(body: list[str], name: str, values: dict[str, str]) -> str:
    values = {"id": quote(name), "class": quote("legend")} | values
    body.append(f"    {quote(name)} {attrs(values)};")
    return name


def _cluster(
    body: list[str],
    rows: list[_Row],
    amap: ArgumentMap,
    nodes: set[str],
    direction: str,
    theme: Theme,
) -> Iterator[str]:
    graph = {
        "label": quote("Legend"),
        "id": quote("legend"),
        "class": quote("legend"),
        "style": quote("rounded"),
        "color": quote(theme.cluster_border),
        "fontcolor": quote(theme.text),
        "fontsize": "12",
        "margin": "10",
        "labeljust": "l",
    }
    yield '  subgraph "cluster_legend" {'
    yield f"    graph {attrs(graph)};"
    yield '    node [fontsize=10 margin="0.08,0.03" height="0.3"];'
    # With LR and RL a row is a column, and Graphviz puts a flat edge's tail below its
    # head: turn the chains round so that each column reads from the top.
    turn = direction in ("LR", "RL")
    for line in body:
        if turn and line.endswith(" [style=invis];"):
            names = line.strip().removesuffix(" [style=invis];").split(" -> ")
            line = "    " + " -> ".join(reversed(names)) + " [style=invis];"
        yield line
    # Stack the rows, the first on top (or on the left) whatever the direction: with BT
    # and RL the ranks run against the reading order.
    backwards = direction in ("BT", "RL")
    ordered = list(reversed(rows)) if backwards else rows
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        yield f"    {quote(earlier.high)} -> {quote(later.low)} [style=invis];"
    yield "  }"
    # Keep the legend out of the map's ranks, so that it adds height, not width: before
    # the first reasons (below them with BT), or after the conclusions with TB. The edges
    # weigh nothing, so they place the legend without pulling any node sideways.
    after = direction == "TB"
    # The ranked graph only when there are anchors to find: a big map drawn section by
    # section has none, and building it is a good part of writing its DOT.
    for anchor in legend_anchors(ranked_graph(amap, nodes), after) if nodes else ():
        if after:
            yield f"  {quote(anchor)} -> {quote(ordered[0].low)} [style=invis weight=0];"
        else:
            yield f"  {quote(ordered[-1].high)} -> {quote(anchor)} [style=invis weight=0];"
