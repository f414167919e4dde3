"""The legend cluster: the kinds, relations, tag colours and labels that the drawing uses."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from argmap.model import CONCLUSION, PREMISE_EDGE, STATEMENT_KINDS, ArgumentMap
from argmap.render.quoting import quote
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


def legend_lines(
    amap: ArgumentMap,
    nodes: set[str],
    style: DotStyle,
    colours: Mapping[str, str],
    notes: Annotations,
) -> Iterator[str]:
    """DOT lines of a `cluster_legend` subgraph (nothing when there is nothing to explain)."""
    theme = style.theme
    body: list[str] = []
    first = _kinds_row(amap, nodes, theme, body) + _relation_row(amap, nodes, theme, body)
    second: list[str] = []
    if notes.labels is not None:
        second = [
            _node(body, f"legend-{label}", _box(words, theme.label_fill(label)))
            for label, words in LABEL_WORDS.items()
        ]
    else:
        tags = sorted({tag for node in nodes for tag in _tags(amap, node)})
        second = [_node(body, f"legend-tag-{t}", _box(f"#{t}", colours[t])) for t in tags]
    if notes.findings:
        box = _box("reported by check", theme.fill)
        box |= {"color": quote(theme.finding), "penwidth": "3"}
        second.append(_node(body, "legend-finding", box))
    # One row: the legend then takes a single rank of the main graph's height.
    row = first + second
    if row:
        yield from _cluster(body, [row], style.direction, theme)


def _kinds_row(amap: ArgumentMap, nodes: set[str], theme: Theme, body: list[str]) -> list[str]:
    used = {amap.graph.nodes[node]["kind"] for node in nodes}
    row = []
    for kind in STATEMENT_KINDS:
        if kind in used:
            fill = theme.conclusion_fill if kind == CONCLUSION else theme.fill
            box = kind_attrs(kind) | {"label": quote(kind), "fillcolor": quote(fill)}
            box = {key: value for key, value in box.items() if key not in ("fontsize", "margin")}
            row.append(_node(body, f"legend-{kind}", box | {"class": quote(kind)}))
    return row


def _relation_row(
    amap: ArgumentMap, nodes: set[str], theme: Theme, body: list[str]
) -> list[str]:
    row = []
    for relation in _relations(amap, nodes):
        start = _node(body, f"legend-{relation}-from", _point())
        end = _node(body, f"legend-{relation}-to", _point())
        edge = edge_style(relation, theme) | {
            "label": quote(RELATION_WORDS[relation]),
            "fontsize": "10",
            "fontcolor": quote(theme.text),
            "constraint": "true",
        }
        body.append(f"    {quote(start)} -> {quote(end)} {attrs(edge)};")
        row.extend([start, end])
    return row


def _tags(amap: ArgumentMap, node: str) -> list[str]:
    return list(amap.graph.nodes[node]["tags"]) if amap.is_statement(node) else []


def _relations(amap: ArgumentMap, nodes: set[str]) -> list[str]:
    found = {
        relation_of(amap, kind, target)
        for source, target, kind in amap.graph.edges(data="kind")
        if source in nodes and target in nodes and kind != PREMISE_EDGE
    }
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


def _cluster(body: list[str], rows: list[list[str]], direction: str, theme: Theme) -> Iterator[str]:
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
    yield from body
    for row in rows:
        if len(row) > 1:
            yield "    { rank=same; " + " ".join(quote(name) for name in row) + " }"
            # Invisible flat edges keep the row in the order written.
            chain = " -> ".join(quote(name) for name in row)
            yield f"    {chain} [style=invis];"
    # Stack the rows, the first on top (or on the left) whatever the direction.
    backwards = direction in ("BT", "RL")
    for upper, lower in zip(rows, rows[1:], strict=False):
        tail, head = (lower[0], upper[0]) if backwards else (upper[0], lower[0])
        yield f"    {quote(tail)} -> {quote(head)} [style=invis];"
    yield "  }"
