"""Cutting a part of a split map into pieces of at most so many statements: the support
behind a statement at any level, a wide fan of reasons in groups of siblings, a long chain
in consecutive pieces (one pass up a spanning forest of the reasons, no recursion)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model import ATTACK, CONCLUSION_EDGE, INFERENCE, ArgumentMap
from argmap.render.stubs import shorten

TITLE_TEXT = 48  # characters of a statement's text that name the part behind it


@dataclass(frozen=True)
class Part:
    """Statements drawn together in one figure, in the map's order, and its title;
    `alone`: one statement drawn without its relations (they too wide with it)."""

    title: str
    statements: tuple[str, ...]
    alone: bool = False


@dataclass
class _Forest:
    """Each statement's reasons as units (the premises of one inference together), its
    parent in a spanning forest, and the statements in breadth-first order."""

    roots: list[str]
    order: list[str]
    units: dict[str, list[list[str]]]
    parent: dict[str, str]


def cut(amap: ArgumentMap, part: Part, limit: int) -> list[Part]:
    """`part` in pieces of at most `limit` statements where the map allows it (a unit of
    linked premises is kept whole), balanced, in reading order: the top statements first,
    then what stands behind them. Pieces are titled after the statement they stand behind,
    or the part's title with `(2 of 3)` for groups of its top statements."""
    limit = max(1, limit)
    forest = _forest(amap, part.statements)
    residual: dict[str, int] = {}
    mark: dict[str, int] = {}  # a unit's first statement -> the piece it heads
    titles: list[str] = []
    for node in reversed(forest.order):  # children before their parents
        units = forest.units[node]
        sizes = [sum(residual[m] for m in unit) for unit in units]
        kept = 1 + sum(sizes)
        if kept > limit:
            chosen = sorted(range(len(units)), key=lambda i: -sizes[i])
            cutting: set[int] = set()
            for index in chosen:
                if kept <= limit:
                    break
                cutting.add(index)
                kept -= sizes[index]
            picked = [i for i in range(len(units)) if i in cutting]
            groups = _pack([sizes[i] for i in picked], limit)
            if node not in forest.parent and kept < limit / 4 and len(groups) > 1:
                # A top statement alone would be a part of one box: keep its smallest group.
                small = min(groups, key=lambda group: sum(sizes[picked[i]] for i in group))
                if kept + sum(sizes[picked[i]] for i in small) <= limit:
                    groups.remove(small)
                    kept += sum(sizes[picked[i]] for i in small)
            heading = _behind(amap, node)
            shared = sum(1 for group in groups if len(_heads(group, units, picked)) > 1)
            number = 0
            for group in groups:
                heads = _heads(group, units, picked)
                if len(heads) == 1:  # one reason and what stands behind it: its text
                    titles.append(shorten(amap.graph.nodes[heads[0]]["text"], TITLE_TEXT))
                else:
                    number += 1
                    titles.append(heading + (f" ({number} of {shared})" if shared > 1 else ""))
                for member in heads:
                    mark[member] = len(titles) - 1
        residual[node] = kept
    groups = _pack([residual[root] for root in forest.roots], limit)
    top_titles = len(titles)
    for number, group in enumerate(groups, start=1):
        roots = [forest.roots[i] for i in group]
        if len(groups) == 1:
            titles.append(part.title)
        elif len(roots) == 1:
            titles.append(shorten(amap.graph.nodes[roots[0]]["text"], TITLE_TEXT))
        else:
            titles.append(f"{part.title} ({number} of {len(groups)})")
        for root in roots:
            mark[root] = len(titles) - 1
    piece: dict[str, int] = {}
    for node in forest.order:  # parents before their children
        piece[node] = mark[node] if node in mark else piece[forest.parent[node]]
    members: dict[int, list[str]] = {}
    for node in part.statements:
        members.setdefault(piece[node], []).append(node)
    # Reading order: the top statements' pieces, then the rest as the forest reaches them.
    first = {index: position for position, index in enumerate(
        dict.fromkeys(piece[node] for node in forest.order))}
    ordered = sorted(members, key=lambda index: (index < top_titles, first[index]))
    return [Part(titles[index], tuple(members[index])) for index in ordered]


def _heads(group: list[int], units: list[list[str]], picked: list[int]) -> list[str]:
    """The statements at the head of a group of cut units."""
    return [member for i in group for member in units[picked[i]]]


def halves(part: Part) -> list[Part]:
    """The last resort: the statements in two halves, in the map's order."""
    middle = len(part.statements) // 2
    return [
        Part(f"{part.title} (1 of 2)", part.statements[:middle]),
        Part(f"{part.title} (2 of 2)", part.statements[middle:]),
    ]


def _behind(amap: ArgumentMap, node: str) -> str:
    """`Behind: Raising the costs would make the…`: the part of a statement's reasons."""
    return "Behind: " + shorten(amap.graph.nodes[node]["text"], TITLE_TEXT)


def _pack(sizes: Sequence[int], limit: int) -> list[list[int]]:
    """Consecutive indexes of `sizes` in groups of at most `limit` where possible, as few
    as that takes and about equal."""
    if not sizes:
        return []
    total = sum(sizes)
    count = max(1, math.ceil(total / limit))
    target = total / count
    groups: list[list[int]] = []
    current: list[int] = []
    size = 0
    for index, value in enumerate(sizes):
        if current and (size + value > limit or size + value / 2 > target):
            groups.append(current)
            current, size = [], 0
        current.append(index)
        size += value
    groups.append(current)
    return groups


def _forest(amap: ArgumentMap, statements: Sequence[str]) -> _Forest:
    """A breadth-first spanning forest of the reasons among `statements`, from those that
    are no reason for another (then from any not yet reached, in the map's order)."""
    members = set(statements)
    reasons = {node: _reason_units(amap, node, members) for node in statements}
    leads = {m for node in statements for unit in reasons[node] for m in unit}
    starts = [node for node in statements if node not in leads]
    starts += [node for node in statements if node in leads]
    forest = _Forest([], [], {}, {})
    seen: set[str] = set()
    for start in starts:
        if start in seen:
            continue
        seen.add(start)
        forest.roots.append(start)
        position = len(forest.order)
        forest.order.append(start)
        while position < len(forest.order):
            node = forest.order[position]
            position += 1
            forest.units[node] = []
            for unit in reasons[node]:
                fresh = [m for m in unit if m not in seen]
                if fresh:
                    seen.update(fresh)
                    forest.units[node].append(fresh)
                    forest.order.extend(fresh)
                    for member in fresh:
                        forest.parent[member] = node
    return forest


def _reason_units(amap: ArgumentMap, node: str, members: set[str]) -> list[list[str]]:
    """The reasons for and against `node` among `members`: the premises of each of its
    inferences as one unit, each attacker (of it, of its inferences) as one (a linked
    objection's premises as one unit)."""
    units: list[list[str]] = []
    for source, _, kind in amap.graph.in_edges(node, data="kind"):
        if kind == CONCLUSION_EDGE:
            units.append(list(dict.fromkeys(p for p in amap.premises_of(source) if p in members)))
            units += [amap.attack_sources(a) for a in amap.attackers_of(source)]
        elif amap.kind(source) == ATTACK:
            units.append(amap.attackers_of_attack(source))
        elif amap.kind(source) != INFERENCE:
            units.append([source])
    return [[m for m in unit if m in members and m != node] for unit in units if unit]
