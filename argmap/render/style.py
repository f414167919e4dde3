"""How each kind of node and relation looks, and the options shared by the DOT writers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from argmap.model import (
    ASSUMPTION,
    ATTACK_EDGE,
    ATTACKER_EDGE,
    CLAIM,
    CONCLUSION,
    CONCLUSION_EDGE,
    CONTRADICTS_EDGE,
    PREMISE,
    PREMISE_EDGE,
    ArgumentMap,
)
from argmap.render.quoting import quote
from argmap.render.themes import Theme

DIRECTIONS = ("BT", "TB", "LR", "RL")
ATTACK_WEIGHT = "3"

# Each kind's outline; fills come from tags, labels or the theme.
KIND_STYLES: dict[str, dict[str, str]] = {
    PREMISE: {"style": "filled"},
    ASSUMPTION: {"style": "dashed,filled"},
    CLAIM: {"style": "rounded,filled"},
    # Emphasised by a heavy frame and larger text, not a bold font: the embedded engine
    # and argmap only ship the regular face of the font they measure (see render/fonts.py).
    CONCLUSION: {
        "style": "rounded,bold,filled",
        "penwidth": "2.5",
        "fontsize": "14",
        "margin": "0.2,0.1",
    },
}


@dataclass(frozen=True)
class Layout:
    """Layout knobs that `--fit` turns to make a drawing narrower (the defaults change
    nothing): extra graph attributes (`nodesep`, `ranksep`, ...), sections as clusters or
    not, the ID and tags line and the title wrapped like the text, the supports of a statement
    staggered over `stagger` ranks, and whether attacks rank their ends."""

    graph: tuple[tuple[str, str], ...] = ()
    clusters: bool = True
    wrap_all: bool = False
    stagger: int = 1
    attacks_rank: bool = True


@dataclass(frozen=True)
class DotStyle:
    """How to draw: direction, wrap width, theme, what to add to each statement."""

    theme: Theme
    direction: str = "BT"
    wrap: int = 30
    quotes: bool = False
    legend: bool = True
    layout: Layout = field(default_factory=Layout)
    title: str | None = None  # None: the map's title


CRUX_LOOK = {"peripheries": "2", "penwidth": "2"}
"""How a crux is drawn (--cruxes): a thicker double border; the legend shows the same."""


@dataclass(frozen=True)
class Annotations:
    """Results of analyses shown on the nodes: acceptability labels and findings; and
    what every drawing of the map reads of the whole map (its tags in order, which fix
    their colours, and its section numbers), when computed once for many drawings."""

    labels: Mapping[str, str] | None = None
    findings: Mapping[str, Sequence[str]] = field(default_factory=dict)
    cruxes: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """With --cruxes: each crux (a premise or assumption) and the conclusions it is one of."""
    verdicts: Mapping[str, str] = field(default_factory=dict)
    """With --evaluate: each claim's and conclusion's verdict in words (`contested`)."""
    tags: Sequence[str] | None = None
    sections: Mapping[str, int] | None = None


def map_tags(amap: ArgumentMap) -> list[str]:
    """Every statement's tags, in the map's order (the order that gives tags their colours)."""
    return [tag for _, data in amap.statements() for tag in data["tags"]]


def section_numbers(amap: ArgumentMap) -> dict[str, int]:
    """Each section title's number (1, 2, ...; its cluster is `section-<n>`): the map's
    sections in order, then any section a statement names that the map does not list."""
    titles = [section.title for section in amap.sections]
    titles += [str(data["section"]) for _, data in amap.statements() if data.get("section")]
    return {title: index for index, title in enumerate(dict.fromkeys(titles), start=1)}


def attrs(values: Mapping[str, str]) -> str:
    """`[k=v ...]`; every value is already a DOT literal (made by `quote`) or a number."""
    return "[" + " ".join([f"{key}={value}" for key, value in values.items()]) + "]"


_KIND_ATTRS = {
    kind: {key: quote(value) for key, value in looks.items()}
    for kind, looks in KIND_STYLES.items()
}


def kind_attrs(kind: str) -> dict[str, str]:
    return dict(_KIND_ATTRS[kind])


def relation_of(amap: ArgumentMap, kind: str, target: str, source: str | None = None) -> str:
    """How an edge of `kind` ending at `target` is drawn: premise, support, attack,
    undercut (an attack on an inference or on an attack), contradiction, or attacker (the
    first half of an undercut attack, from its attacker to its node). A contradiction one
    of whose directions is undercut is drawn as two one-way halves: `contradiction-start`
    (to the undercut direction's node) and `contradiction-end` (one bar, at the target)."""
    if kind == PREMISE_EDGE:
        return "premise"
    if kind == CONCLUSION_EDGE:
        return "support"
    if kind == ATTACKER_EDGE:
        undercut_contradiction = amap.graph.has_edge(target, amap.target_of(target)) and (
            amap.graph.edges[target, amap.target_of(target)]["kind"] == CONTRADICTS_EDGE
        )
        return "contradiction-start" if undercut_contradiction else "attacker"
    if kind == ATTACK_EDGE:
        return "attack" if amap.is_statement(target) else "undercut"
    if source is not None and (
        not amap.is_statement(source) or amap.find_attack(target, source) is not None
    ):
        return "contradiction-end"
    return "contradiction"


def edge_style(relation: str, theme: Theme) -> dict[str, str]:
    """Line style, arrowheads and colour of an edge, told apart without colour too:
    support thin with an arrow, attack bold with a bar (`tee`), undercut the same but
    dashed (and it ends on an inference node), contradiction dotted with bars at both ends.
    `premise` is the arrowless half of a support (premise -> inference node)."""
    if relation == "premise":
        return {"class": quote("premise"), "arrowhead": "none"}
    if relation == "support":
        return {"class": quote("support"), "arrowhead": "normal"}
    # Heavier than support in the layout: an attacker sits close under what it attacks,
    # instead of the attack pulling two sections to the drawing's opposite ends.
    attack = {
        "color": quote(theme.attack),
        "penwidth": '"2"',
        "arrowhead": "tee",
        "weight": ATTACK_WEIGHT,
    }
    if relation == "attacker":
        return {"class": quote("attack")} | attack | {"arrowhead": "none"}
    if relation == "attack":
        return {"class": quote("attack")} | attack
    if relation == "undercut":
        return {"class": quote("undercut"), "style": "dashed"} | attack
    if relation in ("contradiction-start", "contradiction-end"):
        return {
            "class": quote("contradiction"),
            "color": quote(theme.contradiction),
            "penwidth": '"2"',
            "style": "dotted",
            "arrowhead": "none" if relation == "contradiction-start" else "tee",
            "constraint": "false",
        }
    return {
        "class": quote("contradiction"),
        "color": quote(theme.contradiction),
        "penwidth": '"2"',
        "style": "dotted",
        "dir": "both",
        "arrowhead": "tee",
        "arrowtail": "tee",
        "constraint": "false",
    }
