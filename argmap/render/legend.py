"""The legend cluster: the kinds, relations, tag colours and labels that the drawing uses,
as a small table below the map (or before its reasons, across the flow, with LR and RL)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from argmap.model import CONCLUSION, PREMISE_EDGE, STATEMENT_KINDS, ArgumentMap
from argmap.render.layout import edges_from, legend_anchors, ranked_graph
from argmap.render.quoting import quote
from argmap.render.stubs import stub_look
from argmap.render.style import (
    CRUX_LOOK,
    Annotations,
    DotStyle,
    attrs,
    edge_style,
    kind_attrs,
    relation_of,
)
from argmap.render.themes import Theme

if TYPE_CHECKING:
    import networkx as nx

LABEL_WORDS = {
    "IN": "IN: accepted",
    "OUT": "OUT: not accepted",
    "UNDEC": "UNDEC: undecided",
}
"""The legend's words for the label fills (a contested, defeated, unsupported or circular
statement is OUT; what the verdict is, the statement's own line says)."""
RELATION_WORDS = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts a step",
    "contradiction": "contradict each other",
}
SAMPLE = 4  # characters of the legend's text that a relation's sample line is as long as
FONT_SIZE = 10  # pt at natural size: the legend is secondary text (see measure.py)
FEW_ANCHORS = 300  # drawn nodes up to which the legend is held before every first reason


@dataclass(frozen=True)
class _Item:
    """One entry of the legend: its nodes, left to right, and about how many characters
    of the legend's text it is as wide as."""

    names: tuple[str, ...]
    width: int


def legend_lines(
    amap: ArgumentMap,
    nodes: set[str],
    style: DotStyle,
    colours: Mapping[str, str],
    notes: Annotations,
    to_stubs: Collection[str] | None = None,
    anchored: bool = True,
    part_edges: Collection[tuple[str, str]] = (),
) -> Iterator[str]:
    """DOT lines of a `cluster_legend` subgraph (nothing when there is nothing to explain):
    one or two rows under the drawing with the kinds, relations, tag colours and labels
    that these `nodes` use, and nothing else. `to_stubs`: the drawing has the stubs of a
    split map, and these relations reach them. `anchored`: held before the map's first
    ranks by invisible edges (a map drawn section by section leaves the legend a piece of
    its own: the edges would join the pieces). `part_edges`: the overview's edges between
    part boxes, whose first ranks the legend is held before (it has no statements)."""
    theme = style.theme
    body: list[str] = []
    items = _kinds(amap, nodes, theme, body)
    if to_stubs is not None:
        stub = {"label": quote("another figure"), "class": quote("stub")} | stub_look(theme)
        items.append(_item(body, "legend-stub", stub))
    items += [_relation(relation, theme, body) for relation in _relations(amap, nodes, to_stubs)]
    if notes.labels is not None:
        items += _label_boxes(nodes, notes.labels, theme, body)
    else:
        items += _tag_boxes(amap, nodes, colours, theme, body)
    if not nodes.isdisjoint(notes.cruxes):  # only when a drawn statement is a crux
        box = _box("crux", theme.fill) | CRUX_LOOK | {"class": quote("crux")}
        items.append(_item(body, "legend-crux", box))
    if not nodes.isdisjoint(notes.findings):  # only when a drawn statement is outlined
        box = _box("reported by check", theme.fill)
        box |= {"color": quote(theme.finding), "penwidth": "3"}
        items.append(_item(body, "legend-finding", box))
    if items:
        words = {"shape": "plaintext", "label": quote("Legend"), "fontcolor": quote(theme.text)}
        items.insert(0, _item(body, "legend-title", words | {"margin": '"0.04,0"'}))
        # The ranked graph only when there are anchors to find: a big map drawn section
        # by section has none, and building it is a good part of writing its DOT.
        ranked = ranked_graph(amap, nodes) if anchored and nodes else None
        # Supports stacked `stagger` high spread a rank over as many.
        drawing = None if ranked is None else _widest_rank(amap, ranked, style.wrap)
        drawing = None if drawing is None else drawing // style.layout.stagger
        if ranked is None and part_edges:
            import networkx as nx  # here: `render --help` starts without it

            ranked = nx.DiGraph(list(part_edges))
        width = row_width(style.wrap, drawing)
        rows = _rows(items, width)
        for row in rows:
            _same_rank(body, [name for item in row for name in item.names])
        firsts = [row[0].names[0] for row in rows]
        yield from _cluster(body, firsts, amap, ranked, style.direction, theme)


def row_width(wrap: int, drawing: int | None = None) -> int:
    """How many characters of the legend's text a row holds: about as many as the drawing
    is wide (`drawing`, in characters of statement text; two statement boxes when it is
    not known), and at least one box, so that the legend is not what makes a figure wide.
    A box of `wrap` characters of 12 pt text with its margins is about wrap + 8 characters
    of the legend's 10 pt; the legend's rows are loose, hence the margin of a fifth."""
    box = wrap + 8
    if drawing is None:
        return 2 * box
    return max(box, drawing * 12 // FONT_SIZE * 4 // 5)


def _widest_rank(amap: ArgumentMap, ranked: nx.DiGraph, wrap: int) -> int:
    """About how wide the drawing is, in characters of statement text (wrapped at `wrap`):
    its nodes put on ranks by their longest path from a first reason (as Graphviz ranks
    them, roughly), and the widest rank's boxes added up. Linear: a topological order of
    the components."""
    import networkx as nx  # here: `render --help` starts without it

    dag = nx.condensation(ranked)
    rank: dict[int, int] = {}
    for component in nx.topological_sort(dag):
        rank[component] = 1 + max((rank[c] for c in dag.predecessors(component)), default=-1)
    widths: dict[int, int] = {}
    mapping = dag.graph["mapping"]
    for node in ranked:
        data = amap.graph.nodes[node]
        text = data.get("text") or data.get("warrant") or ""
        box = min(len(text), wrap) + 8 if text else 2
        widths[rank[mapping[node]]] = widths.get(rank[mapping[node]], 0) + box
    return max(widths.values(), default=0)


def _rows(items: list[_Item], width: int) -> list[list[_Item]]:
    """The items in rows of at most `width` characters (or the widest item), in order: as
    few rows as that allows, evened out (two rows of five rather than eight and two)."""
    widest = max(item.width for item in items)
    limit = max(width, widest)
    count = len(_fill_rows(items, limit))
    low = max(widest, -(-sum(item.width for item in items) // count))
    while low < limit:  # the narrowest rows that are still no more
        middle = (low + limit) // 2
        if len(_fill_rows(items, middle)) <= count:
            limit = middle
        else:
            low = middle + 1
    return _fill_rows(items, limit)


def _fill_rows(items: list[_Item], limit: int) -> list[list[_Item]]:
    rows: list[list[_Item]] = [[]]
    used = 0
    for item in items:
        if rows[-1] and used + item.width > limit:
            rows.append([])
            used = 0
        rows[-1].append(item)
        used += item.width
    return rows


def _kinds(amap: ArgumentMap, nodes: set[str], theme: Theme, body: list[str]) -> list[_Item]:
    used = {amap.graph.nodes[node]["kind"] for node in nodes}
    items = []
    for kind in STATEMENT_KINDS:
        if kind in used:
            fill = theme.conclusion_fill if kind == CONCLUSION else theme.fill
            box = kind_attrs(kind) | {"label": quote(kind), "fillcolor": quote(fill)}
            box = {key: value for key, value in box.items() if key not in ("fontsize", "margin")}
            items.append(_item(body, f"legend-{kind}", box | {"class": quote(kind)}))
    if any(amap.graph.nodes[node].get("attributes", {}).get("implicit") for node in nodes):
        # Drawn dashed, like an assumption: the text never says it.
        box = _box("implicit", theme.fill) | {"style": '"dashed,filled"'}
        items.append(_item(body, "legend-implicit", box | {"class": quote("implicit")}))
    return items


def _label_boxes(
    nodes: set[str], labels: Mapping[str, str], theme: Theme, body: list[str]
) -> list[_Item]:
    used = {labels[node] for node in nodes if node in labels}
    return [
        _item(body, f"legend-{label}", _box(words, theme.label_fill(label)))
        for label, words in LABEL_WORDS.items()
        if label in used
    ]


def _tag_boxes(
    amap: ArgumentMap, nodes: set[str], colours: Mapping[str, str], theme: Theme, body: list[str]
) -> list[_Item]:
    drawn = (amap.graph.nodes[node] for node in nodes if amap.is_statement(node))
    tags = sorted({tag for data in drawn for tag in data["tags"]})
    items = [
        _item(body, f"legend-tag-{tag}", _box(f"#{tag}", colours[tag]))
        for tag in tags
        if tag in colours
    ]
    plain = [tag for tag in tags if tag not in colours]
    if plain:
        # Past the palette's size tags get no colour rather than a repeated one.
        words = f"#{plain[0]}" if len(plain) == 1 else f"{len(plain)} more tags"
        items.append(_item(body, "legend-tag-others", _box(f"{words}: no colour", theme.fill)))
    return items


def _relation(relation: str, theme: Theme, body: list[str]) -> _Item:
    """A short sample of the relation's line across the row, from an invisible point to
    its name (an edge label would take a rank of its own)."""
    start = _node(body, f"legend-{relation}-from", _point())
    words = {"shape": "plaintext", "label": quote(RELATION_WORDS[relation])}
    words |= {"fontcolor": quote(theme.text), "margin": '"0.04,0"'}
    text = _node(body, f"legend-{relation}", words)
    edge = edge_style(relation, theme) | {"tailclip": "false"}
    edge.pop("constraint", None)
    edge.pop("weight", None)
    body.append(f"    {quote(start)} -> {quote(text)} {attrs(edge)};")
    return _Item((start, text), SAMPLE + len(RELATION_WORDS[relation]))


def _same_rank(body: list[str], names: list[str]) -> None:
    if len(names) > 1:
        body.append("    { rank=same; " + " ".join(quote(name) for name in names) + " }")
        # Invisible flat edges keep the row in the order written (a relation's sample is
        # an edge already); the direction is only known to the cluster, which turns the
        # chains round where needed.
        chains = [[names[0]]]
        for name in names[1:]:
            if chains[-1][-1] == f"{name}-from":  # a relation's sample: an edge already
                chains.append([name])
            else:
                chains[-1].append(name)
        for chain in chains:
            if len(chain) > 1:
                body.append("    " + " -> ".join(map(quote, chain)) + " [style=invis];")


def _relations(
    amap: ArgumentMap, nodes: set[str], more: Collection[str] | None
) -> list[str]:
    found = {
        relation_of(amap, kind, target)
        for source, target, kind in edges_from(amap, nodes)
        if target in nodes and kind != PREMISE_EDGE
    } | set(more or ())
    return [relation for relation in RELATION_WORDS if relation in found]


def _point() -> dict[str, str]:
    # An invisible start: only the sample line and its arrowheads show, the line starting
    # in its middle (tailclip), so that it is long enough to show its dashes.
    return {
        "shape": "box",
        "width": '"0.22"',
        "height": '"0.1"',
        "fixedsize": "true",
        "style": "invis",
        "label": '""',
    }


def _box(label: str, fill: str) -> dict[str, str]:
    return {"label": quote(label), "fillcolor": quote(fill), "style": "filled"}


def _node(body: list[str], name: str, values: dict[str, str]) -> str:
    values = {"id": quote(name), "class": quote("legend")} | values
    body.append(f"    {quote(name)} {attrs(values)};")
    return name


def _item(body: list[str], name: str, values: dict[str, str]) -> _Item:
    """A box of the legend, about as wide as its label and its margins."""
    label = values.get("label", '""')  # quoted: its two quotes stand for the margins
    return _Item((_node(body, name, values),), len(label))


def _cluster(
    body: list[str],
    firsts: list[str],
    amap: ArgumentMap,
    ranked: nx.DiGraph | None,
    direction: str,
    theme: Theme,
) -> Iterator[str]:
    """The cluster around the rows (`firsts`: each row's first node), without a title of
    its own: the word `Legend` begins its first row, so that it adds no height. `ranked`:
    the drawing's ranked graph, whose first ranks the legend is held before (None: not
    held)."""
    graph = {
        "id": quote("legend"),
        "class": quote("legend"),
        "style": quote("rounded"),
        "color": quote(theme.cluster_border),
        "margin": "6",
        "label": '""',
    }
    yield '  subgraph "cluster_legend" {'
    yield f"    graph {attrs(graph)};"
    yield f'    node [fontsize={FONT_SIZE} margin="0.08,0.03" width="0.1" height="0.26"];'
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
    ordered = list(reversed(firsts)) if backwards else firsts
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        yield f"    {quote(earlier)} -> {quote(later)} [style=invis];"
    yield "  }"
    # Keep the legend out of the map's ranks, so that it adds height, not width: before
    # the first reasons (below them with BT), or after the conclusions with TB. The edges
    # weigh nothing, so they place the legend without pulling any node sideways.
    after = direction == "TB"
    for anchor in _anchors(ranked, after) if ranked is not None else ():
        if after:
            yield f"  {quote(anchor)} -> {quote(ordered[0])} [style=invis weight=0];"
        else:
            yield f"  {quote(ordered[-1])} -> {quote(anchor)} [style=invis weight=0];"


def _anchors(ranked: nx.DiGraph, after: bool) -> list[str]:
    """The nodes the legend is held before: one per connected part (`legend_anchors`),
    and in a drawing of at most FEW_ANCHORS nodes every first reason too (when `--fit`
    staggers supports, a reason off the longest path can sit lower than its start)."""
    anchors = legend_anchors(ranked, after)
    if len(ranked) > FEW_ANCHORS:
        return anchors
    degree = ranked.out_degree if after else ranked.in_degree
    firsts = {node for node in ranked if degree(node) == 0} | set(anchors)
    return [node for node in ranked if node in firsts]
