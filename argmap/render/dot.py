"""Model + selection + style -> DOT text, in a fixed order so that equal maps give equal DOT."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from argmap.model import (
    ATTACK,
    CONCLUSION,
    CONCLUSION_EDGE,
    CONTRADICTS_EDGE,
    PREMISE_EDGE,
    STATEMENT_KINDS,
    ArgumentMap,
)
from argmap.render import scale
from argmap.render.fonts import FONT
from argmap.render.layout import edges_from, top_conclusions
from argmap.render.legend import legend_lines
from argmap.render.quoting import quote, quote_lines
from argmap.render.stubs import stub_edges, stub_lines
from argmap.render.style import (
    CRUX_LOOK,
    KIND_STYLES,
    Annotations,
    DotStyle,
    attrs,
    edge_style,
    kind_attrs,
    map_tags,
    relation_of,
    section_numbers,
)
from argmap.render.themes import Theme, tag_colours
from argmap.render.view import Stub


def to_dot(
    amap: ArgumentMap,
    nodes: set[str],
    style: DotStyle,
    notes: Annotations | None = None,
    stubs: Mapping[str, Stub] | None = None,
) -> str:
    """The DOT text of the drawn `nodes` of `amap` (see `view.select`), with the `stubs`
    of the other parts of a split map that relations reach."""
    notes = notes or Annotations()
    colours = tag_colours(map_tags(amap) if notes.tags is None else notes.tags, style.theme)
    numbers = section_numbers(amap) if notes.sections is None else notes.sections
    top = top_conclusions(amap, nodes)
    frames = style.layout.clusters
    groups = _clusters(amap, nodes, numbers, frames, set(top))
    pieces = None
    titled = scale.at_scale(amap, nodes, groups)
    parts = groups if titled else scale.argument_groups(amap, nodes, groups)
    if parts is not None and not stubs:
        pieces = scale.pieces(amap, parts, _drawn_edges(amap, nodes))
        groups = scale.regroup(parts, pieces.part)
    extra = scale.graph_attributes(len(groups)) if pieces else {}
    lines = ['digraph "argmap" {', *_defaults(amap, style, extra)]
    for cluster, members in groups:
        if pieces is not None:  # packed, a cluster loses its frame, or crashes dot 2.43
            lines.extend(_cluster(None, None, members, amap, style, colours, notes))
            if cluster is not None and titled:
                title = scale.title_lines(numbers[cluster], cluster, members, pieces, style.theme)
                lines.extend(title)
            boxes = pieces.references.get(cluster, {})
            lines.extend(scale.reference_nodes(amap, boxes, style.theme))
            continue
        number = numbers[cluster] if cluster is not None else None
        lines.extend(_cluster(cluster, number, members, amap, style, colours, notes))
    if top and pieces is None:  # with pack, dot 2.43 crashes on a rank=max subgraph
        lines.append("  { rank=max; " + " ".join(quote(node) for node in top) + " }")
    # Packed pieces stand apart anyway: their attacks keep their weight.
    home = {} if pieces else {member: cluster for cluster, members in groups for member in members}
    lines.extend(_edges(amap, nodes, style, pieces.redirect if pieces else {}, home))
    edges = stub_edges(amap, nodes, stubs or {})
    lines.extend(stub_lines(amap, nodes, stubs or {}, edges, style.theme))
    if style.legend:
        to_stubs = {relation for _, _, relation in edges} if stubs else None
        between = [(tail, head) for tail, head, _ in edges] if not nodes else []
        lines.extend(legend_lines(amap, nodes, style, colours, notes, to_stubs, not pieces,
                                  between))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _drawn_edges(amap: ArgumentMap, nodes: set[str]) -> list[tuple[str, str]]:
    return [(u, v) for u, v in amap.graph.edges if u in nodes and v in nodes]


def _defaults(amap: ArgumentMap, style: DotStyle, extra: Mapping[str, str]) -> list[str]:
    theme = style.theme
    graph = {
        "rankdir": style.direction,
        "bgcolor": quote(theme.background),
        "fontname": quote(FONT),
        "fontcolor": quote(theme.text),
        "fontsize": "20",
        "pad": '"0.3"',
        "nodesep": '"0.3"',
        "ranksep": '"0.45"',
        "outputorder": "edgesfirst",
        # Ranks across clusters: a section no longer pushes the rest of the map apart.
        "newrank": "true",
    }
    graph |= dict(style.layout.graph) | dict(extra)
    graph = {name: value for name, value in graph.items() if value}  # "": left out
    title = amap.title if style.title is None else style.title
    if title:
        # Twice the text's width: the title's font is larger, and the map several boxes wide.
        wide = style.layout.wrap_all
        label = quote_lines(wrap(title, 2 * style.wrap)) if wide else quote(title)
        graph |= {"label": label, "labelloc": "t", "labeljust": "c"}
    node = {
        "shape": "box",
        "fontname": quote(FONT),
        "fontsize": "12",
        "fontcolor": quote(theme.text),
        "color": quote(theme.border),
        "fillcolor": quote(theme.fill),
        "margin": '"0.16,0.07"',
    }
    edge = {"fontname": quote(FONT), "color": quote(theme.support), "arrowsize": '"0.8"'}
    return [f"  graph {attrs(graph)};", f"  node {attrs(node)};", f"  edge {attrs(edge)};"]


def nodes_in_order(amap: ArgumentMap, nodes: set[str]) -> Iterator[str]:
    """The drawn nodes in the map's order (DOT text must not depend on set order)."""
    return (node for node in amap.graph.nodes if node in nodes)


def _clusters(
    amap: ArgumentMap,
    nodes: set[str],
    numbers: Mapping[str, int],
    frames: bool,
    top: set[str],
) -> list[tuple[str | None, list[str]]]:
    """Drawn nodes grouped by section, in the map's order; None holds the unsectioned
    (all of them without `frames`). An inference goes in a section when its conclusion
    and drawn premises all do. The `top` conclusions are drawn above the sections,
    outside them, so that Graphviz can centre each over its reasons (inside a section's
    box it sits in that box's corner, and an attack from another section pulls the two
    boxes to opposite ends); but one that is alone in its section keeps the section's
    box, framing it."""
    if not frames:
        return [(None, list(nodes_in_order(amap, nodes)))]
    order: dict[str | None, list[str]] = {None: []}
    for title in numbers:
        order.setdefault(title, [])
    ends = _inference_ends(amap, nodes)
    for node in nodes_in_order(amap, nodes):
        order.setdefault(_section_of(amap, node, ends), []).append(node)
    for section, members in order.items():
        if section is not None and not all(node in top for node in members):
            order[None].extend(node for node in members if node in top)
            members[:] = [node for node in members if node not in top]
    return [(title, members) for title, members in order.items() if members]


def _inference_ends(amap: ArgumentMap, nodes: set[str]) -> dict[str, list[str]]:
    """Each inference's conclusion and drawn premises, from one pass over the edges (asking
    the model for each inference's edges costs several times as much on a big map)."""
    ends: dict[str, list[str]] = {}
    for source, target, kind in edges_from(amap, nodes):  # asked only of drawn inferences
        if kind == CONCLUSION_EDGE:
            ends.setdefault(source, []).append(target)
        elif kind == PREMISE_EDGE and source in nodes:
            ends.setdefault(target, []).append(source)
    return ends


def _section_of(
    amap: ArgumentMap, node: str, inference_ends: Mapping[str, list[str]]
) -> str | None:
    data = amap.graph.nodes[node]
    if data["kind"] in STATEMENT_KINDS:
        section: str | None = data.get("section")
        return section
    if data["kind"] == ATTACK:
        ends = [*amap.attackers_of_attack(node), amap.target_of(node)]
        ends = [end for end in ends if amap.is_statement(end)]
    else:
        ends = inference_ends.get(node, [])
    sections = {amap.graph.nodes[end].get("section") for end in ends}
    return sections.pop() if len(sections) == 1 else None


def _cluster(
    title: str | None,
    index: int | None,
    members: list[str],
    amap: ArgumentMap,
    style: DotStyle,
    colours: Mapping[str, str],
    notes: Annotations,
) -> Iterator[str]:
    indent = "  "
    if title is not None:
        theme = style.theme
        values = {
            "label": quote(title),
            "id": quote(f"section-{index}"),
            "class": quote("section"),
            "style": '"rounded,filled"',
            "fillcolor": quote(theme.cluster_fill),
            "color": quote(theme.cluster_border),
            "fontsize": "14",
            "fontcolor": quote(theme.muted),
            "labeljust": "l",
            "margin": "12",
        }
        yield f'  subgraph "cluster_section_{index}" {{'
        yield f"    graph {attrs(values)};"
        indent = "    "
    graph_nodes = amap.graph.nodes
    for node in members:
        data = graph_nodes[node]
        if data["kind"] in STATEMENT_KINDS:
            values = _statement(node, data, style, colours, notes)
        elif data["kind"] == ATTACK:
            values = _attack(node, data, style, notes)
        else:
            values = _inference(node, data, style, notes)
        yield f"{indent}{quote(node)} {attrs(values)};"
    if title is not None:
        yield "  }"


def _statement(
    node: str,
    data: Mapping[str, Any],
    style: DotStyle,
    colours: Mapping[str, str],
    notes: Annotations,
) -> dict[str, str]:
    kind = data["kind"]
    theme = style.theme
    values = {"id": quote(f"statement-{node}"), "class": quote(kind)} | kind_attrs(kind)
    if data["attributes"].get("implicit"):
        # An implicit statement is drawn dashed, like an assumption: the text never says it.
        style_words = KIND_STYLES[kind]["style"].split(",")
        values["style"] = quote(",".join(dict.fromkeys(["dashed", *style_words])))
    values["label"] = quote_lines(statement_lines(node, data, style, notes))
    fill = _fill(kind, data["tags"], theme, colours, notes.labels, node)
    if fill is not None:
        values["fillcolor"] = quote(fill)
    classes = [kind]
    if notes.cruxes.get(node):
        # A crux of an accepted conclusion: a thicker double border, whatever its fill.
        values |= CRUX_LOOK
        classes.append("crux")
    if notes.findings.get(node):
        values["color"] = quote(theme.finding)
        values["penwidth"] = "3"
        classes.append("finding")
    values["class"] = quote(" ".join(classes))
    return values


def _fill(
    kind: str,
    tags: Sequence[str],
    theme: Theme,
    colours: Mapping[str, str],
    labels: Mapping[str, str] | None,
    node: str,
) -> str | None:
    if labels is not None:
        return theme.label_fill(labels[node])
    # The conclusion keeps its own fill (the legend shows it); its tags are written under it.
    if kind == CONCLUSION:
        return theme.conclusion_fill
    # The first tag that has a colour: tags past the palette's size have none.
    return next((colours[tag] for tag in tags if tag in colours), None)


def statement_lines(
    node: str, data: Mapping[str, Any], style: DotStyle, notes: Annotations
) -> list[str]:
    """The label's lines: wrapped text, quotes (with --quotes), then the small meta line
    (ID, tags, label, findings) that the SVG post-processing sets in a smaller font."""
    # The ID is never broken and widens the box by itself: text may use that width (the
    # ID is set at three quarters of the text's size) rather than a narrow column in it.
    lines = wrap(data["text"], max(style.wrap, len(node) * 3 // 4))
    if style.quotes:
        for text in data["quotes"]:
            lines.extend(wrap(f"“{text}”", style.wrap + 6))
    meta = [node, *(f"#{tag}" for tag in data["tags"])]
    if data["attributes"].get("by"):
        meta.append(f"· by {data['attributes']['by']}")
    if data["attributes"].get("implicit"):
        meta.append("· implicit")
    if notes.labels is not None:
        verdict = notes.verdicts.get(node)
        label = notes.labels[node]
        meta.append(f"· {verdict} ({label})" if verdict else f"· {label}")
    count = len(notes.findings.get(node, ()))
    if count:
        meta.append(f"· {count} finding{'s' if count != 1 else ''}")
    if style.layout.wrap_all:
        lines.extend(_pack(meta, style.wrap))
    else:
        lines.append("  ".join(meta))
    return lines


def _pack(words: Sequence[str], width: int) -> list[str]:
    """Words joined into lines of at most `width` characters, none cut (an ID stays whole,
    so that the SVG finishing can find where the meta lines start)."""
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 2 + len(word) <= width:
            lines[-1] = f"{lines[-1]}  {word}"
        else:
            lines.append(word)
    return lines


def wrap(text: str, width: int) -> list[str]:
    """Text broken into lines of at most `width` characters at spaces and after hyphens
    (a longer word widens them when none is over half again as long; otherwise it is
    broken with a hyphen of its own, so a reader sees it go on), the lines evened out so
    that no short last word sits alone on the last line."""
    width = max(width, 8)
    pieces = _pieces(text)
    # A word up to half again as long as the line widens it: a break inside a word is
    # harder to read than a slightly wider box ("destabilizati-on" in a 12-character box).
    longest = max((len(piece) for piece, _ in pieces), default=0)
    if longest <= width + width // 2:
        width = max(width, longest)
    lines = _wrap(pieces, width)
    if len(lines) < 2 or len(lines[-1]) * 3 > width:
        return lines
    # The narrowest width that still needs no more lines and cuts no piece that fits
    # whole (binary search: few wraps).
    longest = max(len(piece) for piece, _ in pieces)
    low, high = max(width // 2, min(longest, width)), width
    while low < high:
        middle = (low + high) // 2
        if _line_count(pieces, middle) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return _wrap(pieces, high)


_HYPHENS = "-\u2010"
_PIECE = re.compile(r"[-\u2010]*[^-\u2010]+[-\u2010]*|[-\u2010]+")


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The places a line may break: each word cut after its hyphens (`premise-` and
    `conclusion`; a leading hyphen, as in `-5`, stays with what follows), each piece with
    whether it starts a word (a space before it when it does not start a line)."""
    pieces: list[tuple[str, bool]] = []
    for word in text.split():
        if not any(hyphen in word for hyphen in _HYPHENS):
            pieces.append((word, True))
            continue
        for index, piece in enumerate(_PIECE.findall(word)):
            pieces.append((piece, index == 0))
    return pieces


def _line_count(pieces: Sequence[tuple[str, bool]], width: int) -> int:
    """How many lines `_wrap` makes of these pieces, none longer than `width` (the search
    above only tries such widths): counted, not built."""
    count, current = 1, -1
    for piece, starts in pieces:
        added = len(piece) + (1 if starts else 0)
        if current < 0:
            current = len(piece)
        elif current + added > width:
            count += 1
            current = len(piece)
        else:
            current += added
    return count


def _wrap(pieces: Sequence[tuple[str, bool]], width: int) -> list[str]:
    """Greedy wrap of the pieces (textwrap's result for ordinary text, several times
    faster): a piece longer than `width` is broken into pieces of `width - 1` characters
    and a hyphen, so that a reader sees it go on."""
    lines: list[str] = []
    current = ""
    step = width - 1
    for piece, starts in pieces:
        gap = " " if starts and current else ""
        if len(piece) > width:
            if current:
                lines.append(current)
            # Cut by index from the whole piece: cutting the rest off each time copied it
            # again per cut (quadratic: 9.6 s for a word of 4 MB).
            start = 0
            while len(piece) - start > width:
                if piece[start + width - 1] in _HYPHENS:  # the piece's own hyphen ends it
                    lines.append(piece[start : start + width])
                    start += width
                else:
                    lines.append(f"{piece[start : start + step]}-")
                    start += step
            current = piece[start:]
        elif not current:
            current = piece
        elif len(current) + len(gap) + len(piece) <= width:
            current = f"{current}{gap}{piece}"
        else:
            lines.append(current)
            current = piece
    if current or not lines:
        lines.append(current)
    return lines


def _attack(
    node: str, data: Mapping[str, Any], style: DotStyle, notes: Annotations
) -> dict[str, str]:
    """An attack's node: a small dot on the attack line, where undercuts end and a linked
    objection's premises join; a named attack, a small box with its name (and tags), as a
    named inference has; with --evaluate, in its label's colour (an attack can be defeated
    too)."""
    label = notes.labels.get(node) if notes.labels is not None else None
    colour = quote(style.theme.attack if label is None else style.theme.label_mark(label))
    name = data.get("name")
    if name:
        fill = style.theme.inference_fill if label is None else style.theme.label_fill(label)
        return {
            "id": quote(f"attack-{name}"),
            "class": quote("attack named"),
            "style": '"rounded,filled"',
            "fillcolor": quote(fill),
            "color": colour,
            "fontcolor": quote(style.theme.muted),
            "margin": '"0.1,0.04"',
            "label": quote_lines(["  ".join([name, *(f"#{tag}" for tag in data.get("tags", ()))])]),
        }
    return {
        "id": quote(node),
        "class": quote("attack"),
        "shape": "point",
        "width": '"0.09"' if label is None else '"0.13"',
        "color": colour,
        "fillcolor": colour,
        "label": '""',
    }


def node_svg_id(node: str, data: Mapping[str, Any]) -> str:
    """The id of a node's SVG group (without the `statement-` of statements), from the node
    and its data (`amap.graph.nodes[node]`)."""
    name = data.get("name") if data["kind"] not in STATEMENT_KINDS else None
    return f"inference-{name}" if name else node


def _inference(
    node: str, data: Mapping[str, Any], style: DotStyle, notes: Annotations
) -> dict[str, str]:
    """A dot, or a small box with the warrant (and name); with --evaluate, coloured by its
    label (a defeated step is as visible as a defeated statement)."""
    theme = style.theme
    values = {"id": quote(node_svg_id(node, data)), "class": quote("inference")}
    warrant = data.get("warrant")
    name = data.get("name")
    label = notes.labels.get(node) if notes.labels is not None else None
    fill = theme.inference_fill if label is None else theme.label_fill(label)
    if not name and not warrant:
        mark = theme.support if label is None else theme.label_mark(label)
        return values | {
            "shape": "point",
            "width": '"0.09"' if label is None else '"0.13"',
            "color": quote(mark),
            "fillcolor": quote(mark),
            "label": '""',
        }
    # As large as a statement's text: a warrant is read too, and held to --min-font.
    lines = wrap(warrant, style.wrap) if warrant else []
    if name:  # a named inference shows its name (and tags) above its warrant
        lines.insert(0, "  ".join([name, *(f"#{tag}" for tag in data.get("tags", ()))]))
    return values | {
        "class": quote("inference named" if name else "inference warrant"),
        "style": '"rounded,filled"',
        "fillcolor": quote(fill),
        "color": quote(theme.muted),
        "fontcolor": quote(theme.muted),
        "margin": '"0.1,0.04"',
        "label": quote_lines(lines),
    }


def _edges(
    amap: ArgumentMap, nodes: set[str], style: DotStyle, redirect: Mapping[tuple[str, str], str],
    home: Mapping[str, str | None],
) -> Iterator[str]:
    """Every drawn relation; those in `redirect` end on a reference box instead. An attack
    between two sections weighs as little as a support: heavier, pulled straight, it drags
    the attacker's section to the far side of the drawing, and the attack line with it."""
    layout = style.layout
    seen_contradictions: set[frozenset[str]] = set()
    # How many edges into each node were written: the n-th is staggered n % stagger ranks
    # further, so that the supports of one statement stack instead of standing in one row.
    arrived: dict[str, int] = {}
    looks: dict[str, dict[str, str]] = {}  # a relation's style, made once
    for source, target, kind in edges_from(amap, nodes):
        if target not in nodes:
            continue
        if kind == CONTRADICTS_EDGE:
            pair = frozenset((source, target))
            if pair in seen_contradictions:
                continue
            seen_contradictions.add(pair)
        relation = relation_of(amap, kind, target, source)
        head = redirect.get((source, target), target)
        if head != target and relation == "premise":
            relation = "support"  # the inference is in another section: an arrow to it
        if relation not in looks:
            looks[relation] = edge_style(relation, style.theme)
        values = dict(looks[relation])
        if "weight" in values and home.get(source) != home.get(head):
            values["weight"] = "1"
        if relation in ("attack", "undercut") and not layout.attacks_rank:
            values["constraint"] = "false"
        elif layout.stagger > 1 and relation != "contradiction":
            count = arrived.get(target, 0)
            arrived[target] = count + 1
            if count % layout.stagger:
                values["minlen"] = str(1 + count % layout.stagger)
        yield f"  {quote(source)} -> {quote(head)} {attrs(values)};"
