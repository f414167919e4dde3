"""The stubs and stand-ins of a split map's figure in DOT: a node per other part, a `ref-ID`
box per statement drawn elsewhere that a relation drawn here reaches, and those edges."""

from __future__ import annotations

import textwrap
from collections import Counter
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
from argmap.render.layout import edges_from
from argmap.render.quoting import quote, quote_lines
from argmap.render.style import attrs, edge_style, relation_of
from argmap.render.themes import Theme
from argmap.render.view import Stub
from argmap.suggest import plural

StubEdges = dict[tuple[str, str, str], tuple[str, ...] | None]
"""(tail, head, relation), in drawing order; for an edge from or to a GROUP box, the
relation nodes it stands for."""
REF = "ref-"
GROUP = "group-"
ALL_PARTS = "parts"  # the group box of relations from several parts: group-parts-ID
MAX_STAND_INS = 4  # steps and attacks drawn elsewhere shown one by one at a statement
REF_WRAP = 26  # a stand-in's text wraps at this many characters
REF_TEXT = 60  # characters of a statement's text a stand-in shows at most
MAX_STUBS = 4  # parts a figure shows a stub of; more are one stub, OTHERS
MAX_NAMED = 3  # premises a step's stand-in names; more are counted ("2 more")
OTHERS = "part-others"


def stub_lines(
    amap: ArgumentMap, nodes: set[str], stubs: Mapping[str, Stub], edges: StubEdges, theme: Theme
) -> Iterator[str]:
    """DOT lines for the stubs and stand-ins that `edges` (see `stub_edges`) reach, all the
    stubs in the overview (where no statement is drawn), and for the edges."""
    if not stubs:
        return
    overview = not any(amap.is_statement(node) for node in nodes)
    by_name = {stub.name: stub for stub in stubs.values()}
    ends = {end for tail, head, _ in edges for end in (tail, head)}
    used = list(by_name) if overview else [name for name in by_name if name in ends]
    for name in used:
        yield f"  {quote(name)} {attrs(_stub_attrs(by_name[name], theme))};"
    if OTHERS in ends:
        count = len({stub.name for stub in stubs.values()})
        values = {"id": quote(OTHERS), "class": quote("stub"), **stub_look(theme),
                  "label": quote_lines(["other parts", "(see the overview)"]),
                  "tooltip": quote(f"{count} parts: see the overview")}
        yield f"  {quote(OTHERS)} {attrs(values)};"
    grouped: dict[str, list[str]] = {}
    for (tail, head, _), members in edges.items():
        for end in (tail, head):
            if end.startswith(GROUP) and members:
                grouped.setdefault(end, []).extend(members)
    for name, relations in grouped.items():
        values = _group_attrs(amap, name, relations, stubs, theme)
        yield f"  {quote(name)} {attrs(values)};"
    for end in dict.fromkeys(end for tail, head, _ in edges for end in (tail, head)):
        if end.startswith(REF) and end not in nodes and end not in by_name:
            node = end.removeprefix(REF)
            values = _ref_attrs(amap, node, stubs.get(node), theme)
            yield f"  {quote(end)} {attrs(values)};"
    arrived: dict[str, int] = {}  # stand-ins reaching each node so far
    for tail, head, relation in edges:
        values = edge_style(relation, theme)
        if tail.startswith((REF, GROUP)) and relation != "contradiction":
            # Stand-ins into one node stand two rows high, not in one wide row.
            count = arrived[head] = arrived.get(head, 0) + 1
            if count % 2 == 0:
                values = {**values, "minlen": "2"}
        yield f"  {quote(tail)} -> {quote(head)} {attrs(values)};"


def stub_edges(amap: ArgumentMap, nodes: set[str], stubs: Mapping[str, Stub]) -> StubEdges:
    """The relations between the drawn `nodes` and what is drawn elsewhere. A relation whose
    node (inference, attack) is drawn here, or a statement's attack on a statement drawn
    here, is drawn in full: its far statement as a stand-in `ref-ID`. Any other relation
    reaching the drawing runs from or to the stub of the part that draws it (between stubs
    only when no statement is drawn: the overview); repeats are drawn once."""
    edges: StubEdges = {}
    if not stubs:
        return edges
    if not any(amap.is_statement(node) for node in nodes):
        return _overview_edges(amap, nodes, stubs)
    for source, target, kind in edges_from(amap, nodes, into=True):
        here, there = source in nodes, target in nodes
        if here == there:
            continue  # drawn by to_dot, or not in this figure
        drawn, far = (source, target) if here else (target, source)
        # The far end stands in as itself, named (a statement, or an inference or attack
        # drawn whole in another part), so the edge keeps its real ends and kind.
        end: str | None = REF + far if amap.is_statement(far) or far in stubs else (
            _end(amap, far, nodes, stubs))
        if end is None or end == drawn:
            continue
        relation = relation_of(amap, kind, target, source)
        if kind == PREMISE_EDGE and end == REF + far:
            # Into a step drawn in another part: an arrow, so that the line reads as
            # support (a premise's line into a drawn step has no head: the step's arrow
            # goes on to its conclusion).
            relation = "support"
        elif kind == ATTACKER_EDGE and end != REF + far:
            # Into an attack's node drawn nowhere (a linked objection whose target is
            # elsewhere): the line stands for the whole attack, so it ends in its bar.
            aim = amap.target_of(far)
            relation = relation_of(amap, amap.graph.edges[far, aim]["kind"], aim, far)
        tail, head = (drawn, end) if here else (end, drawn)
        if kind == CONTRADICTS_EDGE and (head, tail, relation) in edges:
            continue
        edges[(tail, head, relation)] = None
    return _fewer_stubs(_grouped(amap, edges, nodes, stubs),
                        {stub.name for stub in stubs.values()})


def _grouped(
    amap: ArgumentMap, edges: StubEdges, nodes: set[str], stubs: Mapping[str, Stub]
) -> StubEdges:
    """`edges` with the steps and attacks drawn whole in other parts that reach one
    statement here, when there are more than MAX_STAND_INS of them, drawn as one box per
    part that names their statements (a hub's part would otherwise not fit beside a wall of
    stand-ins). Each is drawn in full in its own part, where it is never grouped: only
    edges between a statement drawn here and a relation drawn elsewhere are."""
    def far_relation(tail: str, head: str) -> tuple[str, str] | None:
        for drawn, end in ((head, tail), (tail, head)):
            node = end.removeprefix(REF)
            if (end.startswith(REF) and drawn in nodes and amap.is_statement(drawn)
                    and not amap.is_statement(node) and node in stubs):
                return drawn, node
        return None

    found = {edge: far_relation(edge[0], edge[1]) for edge in edges}
    count = Counter(ends[0] for ends in found.values() if ends)
    crowded = {drawn for drawn, number in count.items() if number > MAX_STAND_INS}
    if not crowded:
        return edges
    # One box per part; a part with one relation into the statement keeps its named
    # stand-in; more parts than MAX_STAND_INS make one box for all of them.
    slots = {edge: (f"{GROUP}{stubs[ends[1]].name}-{ends[0]}", *ends)
             for edge, ends in found.items() if ends and ends[0] in crowded}
    per_box = Counter(box for box, _, _ in slots.values())
    boxes_at = Counter(drawn for _, drawn in {(box, drawn) for box, drawn, _ in slots.values()})
    result: StubEdges = {}
    for edge, members in edges.items():
        if edge not in slots:
            result[edge] = members
            continue
        box, drawn, node = slots[edge]
        if boxes_at[drawn] > MAX_STAND_INS:
            box = f"{GROUP}{ALL_PARTS}-{drawn}"
        elif per_box[box] < 2:
            result[edge] = members
            continue
        tail, head, relation = edge
        key = (box, drawn, relation) if head == drawn else (drawn, box, relation)
        result[key] = (*(result.get(key) or ()), node)
    return result


def _group_attrs(
    amap: ArgumentMap, name: str, members: list[str], stubs: Mapping[str, Stub], theme: Theme
) -> dict[str, str]:
    """A box for steps and attacks drawn in one other part: the statements they start from
    (the premises of a step, an attack's attacker), how many, and the part."""
    starts = list(dict.fromkeys(
        start for node in members
        for start in (amap.premises_of(node) if amap.kind(node) == INFERENCE
                      else amap.attack_sources(node))))
    stub = stubs[members[0]]
    # In reading order: the parts' files are numbered.
    parts = [part for _, part in sorted({(stubs[node].href, stubs[node].part)
                                         for node in members})]
    where = f"in {stub.part}" if len(parts) == 1 else f"in {', '.join(parts[:2])}" + (
        f" and {len(parts) - 2} more parts" if len(parts) > 2 else "")
    named = ", ".join(starts) if len(starts) <= MAX_NAMED + 1 else (
        f"{', '.join(starts[:MAX_NAMED])} and {len(starts) - MAX_NAMED} more")
    steps = all(amap.kind(node) == INFERENCE for node in members)
    what = plural(len(members), "step" if steps else "relation")
    lines = [what, *textwrap.wrap(named, REF_WRAP, break_long_words=False,
                                  break_on_hyphens=False), *textwrap.wrap(where, REF_WRAP)]
    return {
        "id": quote(name),
        "class": quote("ref group"),
        **stub_look(theme),
        "label": quote_lines(lines),
        "tooltip": quote(f"{what} drawn {where.removeprefix('in ')}, from "
                         f"{', '.join(starts)}"),
        "href": quote(stub.href),
    }


def _fewer_stubs(edges: StubEdges, names: set[str]) -> StubEdges:
    """`edges` with the stubs of more than MAX_STUBS parts drawn as one (OTHERS): a row of
    folders would make a statement's figure as wide as the map has parts."""
    used = {end for edge in edges for end in edge[:2] if end in names}
    if len(used) <= MAX_STUBS:
        return edges
    merged: StubEdges = {}
    for (tail, head, relation), members in edges.items():
        merged[(OTHERS if tail in used else tail, OTHERS if head in used else head,
                relation)] = members
    return merged


def _overview_edges(amap: ArgumentMap, nodes: set[str], stubs: Mapping[str, Stub]) -> StubEdges:
    """The relations between parts, from stub to stub."""
    edges: StubEdges = {}
    for source, target, kind in amap.graph.edges(data="kind"):
        if kind in (CONCLUSION_EDGE, ATTACKER_EDGE):
            continue  # carried by the inference's premise edges, the attack node's edge
        # A premise's arrow runs to the part of the inference's conclusion.
        reached = amap.conclusion_of(target) if kind == PREMISE_EDGE else target
        head = _end(amap, reached, nodes, stubs)
        relation = "support" if kind == PREMISE_EDGE else relation_of(amap, kind, target)
        for attacker in amap.attack_sources(source):  # each premise of a linked objection
            tail = _end(amap, attacker, nodes, stubs)
            if tail is None or head is None or tail == head:
                continue
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


def _ref_attrs(
    amap: ArgumentMap, node: str, stub: Stub | None, theme: Theme
) -> dict[str, str]:
    """A stand-in: a folder with the statement's text (shortened at a word), its ID and
    the part that draws it, linked to that part's file. An inference or attack drawn in
    another part stands in by the statements it joins (`a + b → c`, `a -| …`)."""
    text, name = _described(amap, node)
    where = f"in {stub.part}" if stub is not None and stub.part else "not drawn"
    # IDs are never broken inside (a long one widens the box); text breaks at spaces.
    named = textwrap.wrap(name, REF_WRAP, break_long_words=False, break_on_hyphens=False)
    text_lines = textwrap.wrap(shorten(text, REF_TEXT), REF_WRAP, break_long_words=False)
    lines = [*text_lines, *named,
             where]
    values = {
        "id": quote(REF + node),
        "class": quote("ref"),
        # A folder, as in the legend's "another figure": a dashed box would read as an
        # implicit statement.
        **stub_look(theme),
        "label": quote_lines(lines),
        "tooltip": quote(f"{name}: {text} ({where})"),
    }
    if stub is not None:
        values["href"] = quote(stub.href)
    return values


def _described(amap: ArgumentMap, node: str) -> tuple[str, str]:
    """A stand-in's text and name: a statement's text and ID; an inference's warrant (or
    its premises' text: its conclusion is drawn beside it) and `a + b → c`; an attack's
    attacker's text and `a -| …` (a linked objection's premises' texts and `a + b -| …`)."""
    data = amap.graph.nodes[node]
    kind = amap.kind(node)
    if kind == INFERENCE:
        conclusion = amap.conclusion_of(node)
        premises = amap.premises_of(node)
        text = data.get("warrant") or " + ".join(
            str(amap.graph.nodes[premise]["text"]) for premise in premises)
        named = premises if len(premises) <= MAX_NAMED else [
            *premises[: MAX_NAMED - 1], f"{len(premises) - MAX_NAMED + 1} more"]
        return str(text), f"{' + '.join(named)} → {conclusion}"
    if kind == ATTACK:
        attackers = amap.attack_sources(node)
        target = amap.target_of(node)
        shown = target if amap.is_statement(target) else "…"
        text = " + ".join(str(amap.graph.nodes[attacker]["text"]) for attacker in attackers)
        named = attackers if len(attackers) <= MAX_NAMED else [
            *attackers[: MAX_NAMED - 1], f"{len(attackers) - MAX_NAMED + 1} more"]
        return text, f"{' + '.join(named)} -| {shown}"
    return str(data["text"]), node


def shorten(text: str, limit: int) -> str:
    """`text` cut at the last word end within `limit` characters, with `…` (the first word
    whole when it alone is longer): never an ellipsis inside a word."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(None, 1)[0] if " " in text[: limit + 1] else text.split()[0]
    if len(cut) >= len(text):
        return text
    return cut.rstrip(",;:.-–—") + "…"
