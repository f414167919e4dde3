"""Large maps drawn section by section: each section its own piece of the layout, relations
between sections drawn to a reference box, the pieces packed side by side.

Graphviz's `dot` places nodes with network simplex over the whole graph, and Debian's 2.43
builds its first feasible tree in time quadratic in the graph's size: a connected map of
10,000 statements takes minutes, or fails. Laid out as separate components (`pack`), each
section costs what a small map costs. What is lost is the line from one section to another:
it ends in a dashed box naming the statement it reaches ("→ top: The main conclusion…"),
as on a printed map continued over several pages. Maps below `LARGE` statements are drawn
as before.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from argmap.model import (
    ATTACK,
    CONCLUSION,
    CONCLUSION_EDGE,
    INFERENCE,
    PREMISE_EDGE,
    ArgumentMap,
)
from argmap.render.quoting import quote, quote_lines
from argmap.render.style import attrs
from argmap.render.themes import Theme

LARGE = 2_000
"""Drawn statements from which a map is drawn in pieces: section by section, or argument by
argument when it has no sections."""
SUPPORT_EDGES = frozenset({PREMISE_EDGE, CONCLUSION_EDGE})
REFERENCE_TEXT = 40
"""Characters of the reached statement's text a reference box shows."""

Groups = Sequence[tuple[str | None, list[str]]]


def at_scale(amap: ArgumentMap, nodes: set[str], groups: Groups) -> bool:
    """Whether to draw section by section: many statements, and sections to draw them in."""
    sectioned = sum(1 for title, _ in groups if title is not None)
    return sectioned > 1 and sum(1 for node, _ in amap.statements() if node in nodes) >= LARGE


def argument_groups(amap: ArgumentMap, nodes: set[str], groups: Groups) -> Groups | None:
    """A large map without sections, in pieces drawn one by one: each drawn conclusion
    with the reasons and objections that lead to it, up to the next conclusion (a reason of
    several conclusions goes with the first, in the map's order); statements that lead to
    none, a piece of their own. A map with one conclusion is cut below it instead: each of
    the statements that support it directly (if several do) heads a piece. None for a map
    with sections or a small one, or when that leaves one piece. Pieces are keyed by their
    heads' IDs."""
    if any(title is not None for title, _ in groups):
        return None
    statements = [node for node, _ in amap.statements() if node in nodes]
    if len(statements) < LARGE:
        return None
    heads = [node for node in statements if amap.kind(node) == CONCLUSION]
    if len(heads) == 1:
        reasons = _direct_reasons(amap, nodes, heads[0])
        heads += reasons if len(reasons) > 1 else []
    if len(heads) < 2:
        return None
    owner = {head: head for head in heads}
    owned = {head: [head] for head in heads}
    # First the support that leads to each head, then the objections to what is there: a
    # statement goes with what it supports rather than with what it attacks.
    for kinds in (SUPPORT_EDGES, None):
        for head in heads:
            owned[head] += _claim(amap, nodes, owner, head, owned[head], kinds)
    # Inferences and attacks are left to `pieces`, which puts each with its premises (its
    # attacker), as it does in a map with sections.
    members: dict[str | None, list[str]] = {head: [] for head in heads}
    for node in amap.graph:
        if node in nodes:
            piece = owner.get(node) if amap.is_statement(node) else None
            members.setdefault(piece, []).append(node)
    return list(members.items())


def _direct_reasons(amap: ArgumentMap, nodes: set[str], conclusion: str) -> list[str]:
    """The drawn statements that are premises of an inference to `conclusion`."""
    reasons: dict[str, None] = {}
    for inference in amap.inferences_for(conclusion):
        if inference in nodes:
            reasons.update(dict.fromkeys(p for p in amap.premises_of(inference) if p in nodes))
    reasons.pop(conclusion, None)
    return list(reasons)


def _claim(
    amap: ArgumentMap,
    nodes: set[str],
    owner: dict[str, str],
    conclusion: str,
    starts: list[str],
    kinds: frozenset[str] | None,
) -> list[str]:
    """The drawn nodes not yet owned that lead to `starts` through edges of `kinds` (None:
    any), now owned by `conclusion`."""
    predecessors = amap.graph.pred
    claimed: list[str] = []
    waiting = list(starts)
    while waiting:  # a walk with a list, not recursion: chains may be deep
        for reason, data in predecessors[waiting.pop()].items():
            if reason in nodes and reason not in owner and (kinds is None or data["kind"] in kinds):
                owner[reason] = conclusion
                claimed.append(reason)
                waiting.append(reason)
    return claimed


def graph_attributes(parts: int) -> dict[str, str]:
    """Components laid out one by one and packed in rows of about the square root of
    their number (a drawing about as wide as it is high), in the map's order."""
    columns = max(1, math.isqrt(parts - 1) + 1) if parts > 1 else 1
    # newrank (ranks across clusters) has no clusters to work on here, and with pack
    # Graphviz 2.43 crashes on it, even on `newrank=false` (it tests whether the attribute
    # is there): the empty value leaves it out.
    return {"newrank": "", "pack": "true", "packmode": f'"array_c{columns}"'}


@dataclass
class Pieces:
    """Where each drawn node is drawn (its section's title, None outside sections), the
    reference boxes each section needs, and the edges redirected to them."""

    part: dict[str, str | None] = field(default_factory=dict)
    references: dict[str | None, dict[str, str]] = field(default_factory=dict)
    """part -> (node reached -> reference box name)"""
    redirect: dict[tuple[str, str], str] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)
    """Nodes with a relation going out of them (to their part or a reference box)."""


def pieces(amap: ArgumentMap, groups: Groups, edges: Sequence[tuple[str, str]]) -> Pieces:
    """An inference or attack that the drawing puts outside sections goes into the section
    of its premises (of its attacker), so that a section's reasons stay with it; every
    `edges` (source, target) between two parts is redirected to a reference box in the
    source's part."""
    result = Pieces()
    for title, members in groups:
        for node in members:
            result.part[node] = title
    for node, title in list(result.part.items()):
        if title is None and not amap.is_statement(node):
            result.part[node] = _home(amap, node, result.part)
    count = 0
    result.sources = {source for source, _ in edges}
    for source, target in edges:
        home = result.part[source]
        if home == result.part[target]:
            continue
        boxes = result.references.setdefault(home, {})
        if target not in boxes:
            count += 1
            boxes[target] = f"reference-{count}"
        result.redirect[(source, target)] = boxes[target]
    return result


def _home(amap: ArgumentMap, node: str, part: Mapping[str, str | None]) -> str | None:
    if amap.kind(node) == ATTACK:
        ends = amap.attack_sources(node)
    else:
        ends = [premise for premise in amap.premises_of(node) if premise in part]
    homes = {part[end] for end in ends if end in part}
    return homes.pop() if len(homes) == 1 else None


def regroup(groups: Groups, part: Mapping[str, str | None]) -> list[tuple[str | None, list[str]]]:
    """`groups` with every node in its part (the order of nodes kept)."""
    members: dict[str | None, list[str]] = {title: [] for title, _ in groups}
    for _, nodes in groups:
        for node in nodes:
            members[part[node]].append(node)
    return [(title, nodes) for title, nodes in members.items() if nodes]


def reference_nodes(amap: ArgumentMap, boxes: Mapping[str, str], theme: Theme) -> list[str]:
    """DOT lines of one part's reference boxes."""
    lines = []
    for target, name in boxes.items():
        reached = _reached(amap, target)
        text = amap.graph.nodes[reached]["text"]
        if len(text) > REFERENCE_TEXT:
            text = text[: REFERENCE_TEXT - 1].rstrip() + "…"
        values = {
            "id": quote(name),
            "class": quote("reference"),
            "style": '"rounded,dashed"',
            "color": quote(theme.muted),
            "fontcolor": quote(theme.muted),
            "fontsize": "10",
            "label": quote_lines([f"→ {reached}", text]),
            "tooltip": quote(f"continues at {amap.written(target)}"),
        }
        lines.append(f"  {quote(name)} {attrs(values)};")
    return lines


def _reached(amap: ArgumentMap, node: str) -> str:
    """The statement a relation into `node` ends on (through inferences and attacks)."""
    while not amap.is_statement(node):  # a loop: undercuts may nest deeply
        node = amap.conclusion_of(node) if amap.kind(node) == INFERENCE else amap.target_of(node)
    return node


def title_lines(
    number: int, title: str, members: Sequence[str], pieces: Pieces, theme: Theme
) -> list[str]:
    """A packed graph loses its clusters' frames (in Graphviz 2.43 and 16 alike; 2.43 even
    crashes on some), so each section is drawn without one and headed by its title: a node
    above the section's last ranks, held there by invisible edges from them."""
    name = f"section-title-{number}"
    values = {
        "id": quote(name),
        "class": quote("section title"),
        "shape": "plaintext",
        "fontsize": "18",
        "fontcolor": quote(theme.muted),
        "label": quote(title),
    }
    boxes = list(pieces.references.get(title, {}).values())
    tops = [node for node in members if node not in pieces.sources] + boxes
    lines = [f"  {quote(name)} {attrs(values)};"]
    lines += [f"  {quote(node)} -> {quote(name)} [style=invis];" for node in tops]
    return lines
