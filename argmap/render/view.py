"""What a diagram shows: the nodes picked by focus and depth, section and tag (never a change)."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.errors import RenderError
from argmap.model import CONCLUSION_EDGE, INFERENCE, PREMISE_EDGE, ArgumentMap
from argmap.render.layout import edges_from
from argmap.suggest import did_you_mean

DEFAULT_DEPTH = 2


class ViewError(RenderError):
    """A selection names something the map does not have (a usage error: exit 2)."""


@dataclass(frozen=True)
class Stub:
    """One node standing for a part of a split map: `name` is its DOT node, `href` the
    part's file, `part` what a stand-in calls it (`Part 3`)."""

    name: str
    label: str
    href: str
    tooltip: str
    part: str = ""
    alone: bool = False
    """Its part draws one statement alone: its relations are drawn where their other ends
    are."""


@dataclass(frozen=True)
class ViewSpec:
    """The selection asked for; every field None (or empty) means the whole map.
    `statements` keeps only those (a part of `--split`); with them, `relations` names the
    inferences and attack nodes drawn (each whole, an end drawn elsewhere standing in as
    a `ref-ID` box); a node not drawn but in `stubs` is drawn as its part's stub wherever
    a relation joins it to the drawing; `title` replaces the map's title."""

    focus: str | None = None
    depth: int | None = None
    section: str | None = None
    tag: str | None = None
    statements: frozenset[str] | None = None
    relations: frozenset[str] | None = None
    stubs: Mapping[str, Stub] = field(default_factory=dict)
    title: str | None = None


def select(amap: ArgumentMap, spec: ViewSpec) -> set[str]:
    """The statements and inferences to draw: the statements passing every filter, the
    inferences whose conclusion and at least one premise are drawn, and the nodes of
    undercut attacks whose attacker and target are drawn (or `spec.relations`)."""
    if spec.statements is not None:  # a part of a split map: not every statement read
        statements = {node for node in spec.statements
                      if node in amap.graph and amap.is_statement(node)}
    else:
        statements = {node for node, _ in amap.statements()}
    if spec.section is not None:
        statements &= _in_section(amap, spec.section)
    if spec.tag is not None:
        statements &= _with_tag(amap, spec.tag)
    if spec.statements is not None:
        statements &= spec.statements
    if spec.focus is not None:
        depth = DEFAULT_DEPTH if spec.depth is None else spec.depth
        statements &= neighbourhood(amap, _known_statement(amap, spec.focus), depth)
    nodes = set(statements)
    if spec.relations is not None:
        return nodes | spec.relations
    # One pass over the edges rather than the model's queries for each inference's edges.
    concluded, reasoned = set(), set()
    for source, target, kind in edges_from(amap, statements, into=True):
        if kind == CONCLUSION_EDGE and target in statements:
            concluded.add(source)
        elif kind == PREMISE_EDGE and source in statements:
            reasoned.add(target)
    nodes.update(concluded & reasoned)  # a premise edge's target is an inference
    # Attack nodes come after the inferences and attacks they target (the order they were
    # made in), so one pass sees every target's fate. A linked objection is drawn when one
    # of its premises is, as a linked inference is.
    for attack, _ in amap.attack_nodes():
        if amap.target_of(attack) in nodes and any(
            attacker in nodes for attacker in amap.attackers_of_attack(attack)
        ):
            nodes.add(attack)
    return nodes


def neighbourhood(amap: ArgumentMap, focus: str, depth: int) -> set[str]:
    """Statements at most `depth` steps from `focus`, in any direction. A step is one
    relation: passing through an inference node is free, so the premises of a linked
    inference are one step from its conclusion (and from each other). Breadth-first with
    a deque (0-1 BFS), no recursion."""
    graph = amap.graph
    distance: dict[str, int] = {focus: 0}
    queue: deque[str] = deque([focus])
    while queue:
        node = queue.popleft()
        here = distance[node]
        neighbours = list(graph.predecessors(node)) + list(graph.successors(node))
        for neighbour in neighbours:
            step = 1 if amap.is_statement(neighbour) else 0
            reached = here + step
            if reached > depth or distance.get(neighbour, reached + 1) <= reached:
                continue
            distance[neighbour] = reached
            if step == 0:
                queue.appendleft(neighbour)
            else:
                queue.append(neighbour)
    return {node for node in distance if amap.is_statement(node)}


def _known_statement(amap: ArgumentMap, statement: str) -> str:
    """A statement's ID or a named inference's or attack's (`argument NAME: ...`)."""
    if statement in amap.graph and (
        amap.is_statement(statement) or amap.graph.nodes[statement].get("name")
    ):
        return statement
    names = [node for node, _ in amap.statements()]
    names += [node for node, data in amap.inferences() if data.get("name")]
    names += [node for node, data in amap.attack_nodes() if data.get("name")]
    hint = did_you_mean(statement, sorted(names))
    raise ViewError(f"no statement `{statement}` in the map{hint}")


def _in_section(amap: ArgumentMap, name: str) -> set[str]:
    titles = [section.title for section in amap.sections]
    wanted = {title for title in titles if title.casefold() == name.casefold()}
    if not wanted:
        hint = did_you_mean(name, sorted(titles)) if titles else " (the map has no sections)"
        raise ViewError(f"no section `{name}` in the map{hint}")
    return {node for node, data in amap.statements() if data.get("section") in wanted}


def _with_tag(amap: ArgumentMap, tag: str) -> set[str]:
    """The statements with the tag, and the premises and conclusion of the named inferences
    (the attackers and target statement or step of the named attacks) with it (so that
    those are drawn)."""
    tag = tag.removeprefix("#")
    selected = {node for node, data in amap.statements() if tag in data.get("tags", ())}
    for node, data in amap.inferences():
        if tag in data.get("tags", ()):
            selected.update([*amap.premises_of(node), amap.conclusion_of(node)])
    for node, data in amap.attack_nodes():
        if tag in data.get("tags", ()):
            target = amap.target_of(node)
            if amap.kind(target) == INFERENCE:  # the step it undercuts is drawn too
                ends = [*amap.premises_of(target), amap.conclusion_of(target)]
            else:
                ends = [target] if amap.is_statement(target) else []
            selected.update([*amap.attackers_of_attack(node), *ends])
    if not selected:
        tags = {name for _, data in amap.graph.nodes(data=True) for name in data.get("tags", ())}
        hint = did_you_mean(tag, sorted(tags)) if tags else " (the map has no tags)"
        raise ViewError(f"no statement is tagged `#{tag}`{hint}")
    return selected

