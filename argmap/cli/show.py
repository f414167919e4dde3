"""`argmap show`: print what argmap understood of a map, as a readable tree or as JSON."""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass

import click
from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from argmap.cli.common import colour_system, load_map_or_exit, stdin_filename_option
from argmap.cli.stdio import tolerate_narrow_encodings
from argmap.language.nodelink import document_as_written, node_link_chunks
from argmap.model import (
    ATTACK,
    ATTACK_EDGE,
    CONCLUSION,
    CONTRADICTS_EDGE,
    STATEMENT_KINDS,
    ArgumentMap,
)
from argmap.suggest import plural
from argmap.visible import visible_line

KIND_STYLES = {
    "premise": "green",
    "assumption": "yellow",
    "claim": "cyan",
    "conclusion": "bold magenta",
}
SEE_ABOVE = "↑ see above"
PIPE_WIDTH = 1000
"""Lines are not wrapped when the output goes to a file or a pipe (grep finds whole texts)."""
DEFAULT_DEPTH = 12
"""Levels of support shown below each conclusion unless --depth says otherwise."""


@click.command(
    epilog="Examples:\n\n\b\n  argmap show maps/russia-china.argmap\n"
    "  argmap show maps/russia-china.argmap --format json > graph.json\n"
    "  cat maps/x.argmap | argmap show - --stdin-filename maps/x.argmap",
)
@click.argument("map_path", metavar="MAP",
                type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a summary and the tree of each conclusion; json: networkx node-link data.",
)
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    default=DEFAULT_DEPTH,
    show_default=True,
    help="Levels of support and attack shown below each conclusion (text format).",
)
@click.option(
    "--details",
    is_flag=True,
    help="Also list every statement and named inference with its tags, quotes, notes, "
    "sources, attribution and confidence (text format).",
)
@click.option(
    "--indent",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="JSON indented by N spaces (default: 2 on a terminal, else compact on one line).",
)
@stdin_filename_option
def show(
    map_path: str,
    output_format: str,
    depth: int,
    details: bool,
    indent: int | None,
    stdin_filename: str | None,
) -> None:
    """Print what argmap understood of MAP (- for standard input): metadata, counts,
    sections, argument trees.

    Exits with 1 (and the errors on stderr) when the map has errors.
    """
    amap = load_map_or_exit(map_path, syntax=False, stdin_filename=stdin_filename)
    if output_format == "json":
        if indent is None and sys.stdout.isatty():
            indent = 2
        for chunk in node_link_chunks(amap, indent):
            click.echo(chunk, nl=False)
        return
    tolerate_narrow_encodings()
    console = Console(highlight=False, color_system=colour_system(sys.stdout))
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH
    parts = describe(amap, depth, console.width)
    if details:
        from argmap.cli.show_details import details as detail_parts

        parts.extend(detail_parts(amap))
    for part in parts:
        console.print(part)


def describe(
    amap: ArgumentMap, depth: int = DEFAULT_DEPTH, width: int = PIPE_WIDTH
) -> list[Text | Tree]:
    """The renderables `show` prints, in order, for a console `width` columns wide."""
    parts: list[Text | Tree] = [*_heading(amap), _counts(amap)]
    if amap.sections:
        parts.append(_sections(amap))
    parts.extend(_trees(amap, depth, width))
    return parts


def _heading(amap: ArgumentMap) -> list[Text]:
    lines = [Text(visible_line(amap.title or "(untitled map)"), style="bold")]
    byline = " · ".join(part for part in (amap.author, amap.date) if part)
    if byline:
        lines.append(Text(visible_line(byline)))
    if amap.path is not None:
        lines.append(Text(f"file: {visible_line(amap.path.as_posix())}"))
    document = document_as_written(amap)
    if document is not None:
        lines.append(Text(f"document: {visible_line(document)}"))
    lines.extend(Text(f"source: {visible_line(source)}") for source in amap.sources)
    return lines


def _counts(amap: ArgumentMap) -> Text:
    kinds = Counter(data["kind"] for _, data in amap.statements())
    statements = ", ".join(plural(kinds[kind], kind) for kind in STATEMENT_KINDS)
    edges = Counter(kind for _, _, kind, _ in amap.relations())
    pairs = {
        frozenset((source, target))
        for source, target, kind, _ in amap.relations()
        if kind == CONTRADICTS_EDGE
    }
    relations = ", ".join(
        [
            plural(sum(1 for _ in amap.inferences()), "inference"),
            plural(edges[ATTACK_EDGE], "attack"),
            plural(len(pairs), "contradiction"),
        ]
    )
    return Text(f"\n{statements}\n{relations}")


def _sections(amap: ArgumentMap) -> Text:
    counts = Counter(data["section"] for _, data in amap.statements())
    rows = [(visible_line(section.title), counts[section.title]) for section in amap.sections]
    if counts[None]:
        rows.append(("(no section)", counts[None]))
    width = max(len(title) for title, _ in rows)
    text = Text("\nSections\n", style="bold")
    for title, count in rows:
        text.append(f"  {title.ljust(width)}  {plural(count, 'statement')}\n", style="")
    text.rstrip()
    return text


def _trees(amap: ArgumentMap, depth: int, width: int) -> list[Text | Tree]:
    roots = [sid for sid, data in amap.statements() if data["kind"] == CONCLUSION]
    if not amap.graph:
        return [Text("\nThe map is empty: it has no statements.")]
    if roots:
        heading = Text("\nConclusions", style="bold")
    else:
        roots = [sid for sid, _ in amap.statements() if not _used(amap, sid)]
        heading = Text("\nNo conclusion; statements that support or attack nothing", style="bold")
        if not roots:
            return [heading, Text("(none: every statement supports or attacks another)")]
    return [heading, *(part for root in roots for part in support_tree(amap, root, depth, width))]


def _used(amap: ArgumentMap, statement: str) -> bool:
    return bool(amap.inferences_from(statement) or amap.attacked_by(statement))


# -- the tree of one conclusion (built with an explicit stack: maps may be very deep) ---------

GUIDE = 4
"""Columns each level of a rich Tree indents by (`├── `)."""
MIN_TEXT = 30
"""Columns left for a statement's text at the deepest level of one part of a tree."""


@dataclass(frozen=True)
class _Item:
    """A node to add under `parent`, `depth` levels below the root: a statement or inference."""

    parent: Tree
    node: str
    depth: int
    marker: str = ""


def support_tree(
    amap: ArgumentMap, root: str, max_depth: int = DEFAULT_DEPTH, width: int = PIPE_WIDTH
) -> list[Text | Tree]:
    """`root` with its support and attacks below it, down to `max_depth` levels.

    A statement already shown in this tree is shown again as "↑ see above", not expanded,
    so that cycles and shared premises end. Where `max_depth` cuts the tree, a line says
    how many levels are left and the --depth that shows them. A tree deeper than `width`
    columns can indent goes on in further parts below it, each starting again at the left
    margin from the statement where the previous one stopped, so that nothing is cut and
    no text is squeezed into a sliver at the right edge.
    """
    per_part = max(1, (width - MIN_TEXT) // GUIDE)
    heights: dict[str, int] = {}
    shown = {root}
    first = Tree(_label(amap, root, ""))
    parts: list[Text | Tree] = [first]
    pending = [(first, root, 0)]
    while pending:
        tree, top, top_depth = pending.pop(0)
        stack = _grow(amap, tree, top, top_depth, max_depth, heights)
        while stack:
            item = stack.pop()
            repeated = amap.is_statement(item.node) and item.node in shown
            label = _label(amap, item.node, item.marker)
            if repeated:
                label.append(f"  {SEE_ABOVE}", style="dim")
            branch = item.parent.add(label)
            if repeated:
                continue
            shown.add(item.node)
            deep = item.depth - top_depth >= per_part and item.depth < max_depth
            if deep and _below(amap, item.node):
                number = len(parts) // 2 + 2
                branch.add(Text(f"⋯ continued in part {number} below", "dim"))
                part = Tree(_label(amap, item.node, item.marker))
                where = f"part {number} of the tree of {visible_line(root)}"
                parts += [Text(f"{where}, from level {item.depth}:", "dim"), part]
                pending.append((part, item.node, item.depth))
                continue
            stack += _grow(amap, branch, item.node, item.depth, max_depth, heights)
    return parts


def _grow(
    amap: ArgumentMap, branch: Tree, node: str, depth: int, max_depth: int, heights: dict[str, int]
) -> list[_Item]:
    """The items to add under `branch` (the node at `depth`), in stack order; at
    `max_depth`, none, and a line saying what is left below and how to see it."""
    below = _below(amap, node)
    if depth < max_depth:
        return [_Item(branch, kid, depth + 1, marker) for kid, marker in reversed(below)]
    if below:
        levels = max(_height(amap, kid, heights) for kid, _ in below)
        more = plural(levels, "more level")
        branch.add(Text(f"⋯ {more} below; --depth {depth + levels} shows them", "dim"))
    return []


def _height(amap: ArgumentMap, node: str, heights: dict[str, int]) -> int:
    """How many levels the tree below `node` has, itself included (memoised in `heights`).

    Each node is measured once, with an explicit stack; a node met again while it is being
    measured (a cycle) counts as one level, as show draws it "see above".
    """
    stack: list[tuple[str, list[str] | None]] = [(node, None)]
    busy: set[str] = set()
    while stack:
        current, kids = stack.pop()
        if kids is not None:
            busy.discard(current)
            heights[current] = 1 + max((heights.get(kid, 1) for kid in kids), default=0)
        elif current not in heights and current not in busy:
            busy.add(current)
            kids = [kid for kid, _ in _below(amap, current)]
            stack.append((current, kids))
            stack += [(kid, None) for kid in kids if kid not in heights]
    return heights[node]


def _below(amap: ArgumentMap, node: str) -> list[tuple[str, str]]:
    """The nodes shown under `node`, with their markers: for a statement its supporting
    inferences (or lone premises) then its attackers; for an inference its premises then
    its attackers (undercuts); for an attack's node its attacker (a linked objection's
    premises, each after `+`), then what attacks it."""
    items: list[tuple[str, str]] = []
    if amap.kind(node) == ATTACK:
        attackers = amap.attackers_of_attack(node)
        marker = "+ " if len(attackers) > 1 else "from "
        items += [(attacker, marker) for attacker in attackers]
    elif amap.is_statement(node):
        for inference in amap.inferences_for(node):
            premises = amap.premises_of(inference)
            if len(premises) == 1 and not _has_details(amap, inference):
                items.append((premises[0], "← "))
            else:
                items.append((inference, ""))
    else:
        items += [(premise, "+ ") for premise in amap.premises_of(node)]
    for attacker in amap.attackers_of(node):
        kind = amap.graph.edges[attacker, node]["kind"]
        attack = kind == ATTACK_EDGE or amap.kind(attacker) == ATTACK
        items.append((attacker, "⊣ " if attack else ">< "))
    return items


def _has_details(amap: ArgumentMap, inference: str) -> bool:
    data = amap.graph.nodes[inference]
    return bool(data.get("warrant") or data.get("name") or amap.attackers_of(inference))


def _label(amap: ArgumentMap, node: str, marker: str) -> Text:
    if amap.is_statement(node):
        return _statement_label(amap, node, marker)
    if amap.kind(node) == ATTACK:
        return _attack_label(amap, node)
    return _inference_label(amap, node)


def _attack_label(amap: ArgumentMap, attack: str) -> Text:
    """`⊣ attack, itself attacked`, `⊣ together` (a linked objection), `⊣ argument NAME`."""
    label = Text("⊣ ", style="bold red")
    name = amap.graph.nodes[attack].get("name")
    words = ["together"] if amap.is_linked(attack) else []
    if amap.attackers_of(attack):
        words.append("itself attacked")
    if name:
        label.append("argument ", style="")
        label.append(visible_line(name), style="bold")
        label.append(": " if words else "")
        label.append(", ".join(words), style="italic")
    elif words == ["itself attacked"]:
        label.append("attack, itself attacked", style="bold red")
    else:
        label.append(", ".join(["objection", *words]), style="italic")
    return label


def _statement_label(amap: ArgumentMap, statement: str, marker: str) -> Text:
    data = amap.graph.nodes[statement]
    label = Text(marker, style="bold red" if marker.strip() in ("⊣", "><") else "")
    label.append(data["kind"], style=KIND_STYLES.get(data["kind"], ""))
    label.append(f" {visible_line(statement)}", style="bold")
    label.append(f": {visible_line(data['text'])}")
    attributes = data["attributes"]
    if attributes.get("by"):
        label.append(f"  (by {visible_line(str(attributes['by']))})", style="italic")
    if attributes.get("implicit"):
        label.append("  (implicit)", style="italic")
    return label


def _inference_label(amap: ArgumentMap, inference: str) -> Text:
    premises = amap.premises_of(inference)
    warrant = amap.graph.nodes[inference].get("warrant")
    words = ["together"] if len(premises) > 1 else []
    if warrant:
        words.append(f"because {visible_line(warrant)}")
    label = Text("⇐ ", style="bold")
    data = amap.graph.nodes[inference]
    if data.get("name"):
        label.append("argument ", style="")
        label.append(data["name"], style="bold")
        label.append(": " if words else "")
    label.append(", ".join(words) or ("" if data.get("name") else "inference"), style="italic")
    return label
