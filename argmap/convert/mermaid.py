"""Export to Mermaid: a `flowchart` that GitHub, GitLab and many wikis render from Markdown.

Kinds become shapes, support is a plain arrow, an attack an arrow ending in a cross (drawn red),
a contradiction a line with crosses at both ends. Sections become subgraphs. Every text goes
through `quote`, Mermaid's one quoting function here.
"""

from __future__ import annotations

import json

from argmap.convert.losses import Losses, statement_losses
from argmap.model import (
    ASSUMPTION,
    ATTACK_EDGE,
    ATTACKER_EDGE,
    CLAIM,
    CONCLUSION,
    CONTRADICTS_EDGE,
    ArgumentMap,
)

# Mermaid's entity codes: `#quot;` and `#35;`-style numbers work inside quoted labels.
_ENTITIES = {
    '"': "#quot;",
    "#": "#35;",
    "&": "#38;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    "\\": "#92;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
    "|": "#124;",
}
SHAPES = {
    ASSUMPTION: ('[/"', '"/]'),
    CLAIM: ('("', '")'),
    CONCLUSION: ('(["', '"])'),
}
DEFAULT_SHAPE = ('["', '"]')
CLASS_DEFS = (
    "classDef premise fill:#eef3fb,stroke:#4a6fa5",
    "classDef assumption fill:#fdf6e3,stroke:#b58900,stroke-dasharray:5 3",
    "classDef claim fill:#f4f4f4,stroke:#555555",
    "classDef conclusion fill:#e6f4ea,stroke:#1e7b34,stroke-width:2px",
    "classDef inference fill:#ffffff,stroke:#777777",
)
ATTACK_CLASS_DEF = "classDef attack fill:#c0392b,stroke:#c0392b"
ATTACK_STYLE = "stroke:#c0392b,stroke-width:1.5px"
DIRECTIONS = {"BT": "BT", "TB": "TB", "LR": "LR", "RL": "RL"}


def quote(text: str) -> str:
    """Text for inside a quoted Mermaid label: markup characters as entity codes."""
    return "".join(_ENTITIES.get(char, char) for char in " ".join(text.split()))


def write_mermaid(amap: ArgumentMap, losses: Losses | None = None, direction: str = "BT") -> str:
    """The map as a Mermaid flowchart, ending in one newline."""
    names = _node_names(amap)
    lines = [f"flowchart {DIRECTIONS.get(direction.upper(), 'BT')}"]
    if amap.title:
        # Front matter's title is drawn above the chart; a JSON string is valid YAML.
        lines[:0] = ["---", f"title: {json.dumps(quote(amap.title))}", "---"]
    by_section: dict[str | None, list[str]] = {}
    for statement, data in amap.statements():
        by_section.setdefault(data.get("section"), []).append(statement)
    for number, (title, statements) in enumerate(by_section.items(), start=1):
        indent = "    "
        if title is not None:
            lines.append(f'    subgraph section{number}["{quote(title)}"]')
            indent = "        "
        for statement in statements:
            lines.append(indent + _statement(amap, statement, names[statement]))
        if title is not None:
            lines.append("    end")
    for inference, data in amap.inferences():
        warrant = data.get("warrant")
        label = f'>"{quote(warrant)}"]' if warrant else '((" "))'
        lines.append(f"    {names[inference]}{label}:::inference")
    for attack, _ in amap.attack_nodes():  # an undercut attack: a dot on the attack line
        lines.append(f'    {names[attack]}((" ")):::attack')
    lines.extend(_edges(amap, names))
    lines.extend(f"    {definition}" for definition in CLASS_DEFS)
    if any(True for _ in amap.attack_nodes()):
        lines.append(f"    {ATTACK_CLASS_DEF}")
    if losses is not None:
        _report_losses(amap, losses)
    return "\n".join(lines) + "\n"


def _node_names(amap: ArgumentMap) -> dict[str, str]:
    """Mermaid node names: `s_<ID>` for ASCII IDs (readable), else numbered; never a keyword."""
    names: dict[str, str] = {}
    for number, node in enumerate(amap.graph.nodes, start=1):
        if amap.is_statement(node):
            names[node] = f"s_{node}" if node.isascii() else f"s{number}"
        else:
            names[node] = f"i{number}"
    return names


def _statement(amap: ArgumentMap, statement: str, name: str) -> str:
    data = amap.graph.nodes[statement]
    kind = data["kind"]
    start, end = SHAPES.get(kind, DEFAULT_SHAPE)
    return f"{name}{start}{quote(str(data.get('text') or statement))}{end}:::{kind}"


def _edges(amap: ArgumentMap, names: dict[str, str]) -> list[str]:
    """Supports first, then attacks and contradictions, which `linkStyle` colours by index."""
    supports: list[str] = []
    attacks: list[str] = []
    done: set[frozenset[str]] = set()
    for source, target, kind in amap.graph.edges(data="kind"):
        if kind == ATTACK_EDGE:
            attacks.append(f"    {names[source]} --x {names[target]}")
        elif kind == ATTACKER_EDGE:
            attacks.append(f"    {names[source]} --- {names[target]}")
        elif kind == CONTRADICTS_EDGE:
            pair = frozenset((source, target))
            if pair not in done:
                done.add(pair)
                attacks.append(f"    {names[source]} x--x {names[target]}")
        else:
            supports.append(f"    {names[source]} --> {names[target]}")
    styles = [
        f"    linkStyle {index} {ATTACK_STYLE}"
        for index in range(len(supports), len(supports) + len(attacks))
    ]
    return supports + attacks + styles


def _report_losses(amap: ArgumentMap, losses: Losses) -> None:
    statement_losses(amap, losses, "Mermaid", ("quotes", "notes", "tags", "attribution",
                                               "implicit"))
