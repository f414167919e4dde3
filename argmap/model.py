"""ArgumentMap: the one model every command reads, a networkx.DiGraph with map metadata.

Nodes are statements (keyed by their ID), inferences (keyed by their name when the map
names them with `argument ID: ...`, else `inference-<n>`, which can never clash with an ID
because IDs cannot contain `-`) and attacks that have a node of their own (keyed by their name
when named with `argument ID: x -| c`, else `attack-<n>`): an undercut attack, a named one,
and a linked objection `a + b -| c`, whose node has one `attacker` edge per premise. Edge
kinds: `premise` (statement -> inference), `conclusion` (inference -> statement), `attack`
(attacker -> statement, inference or attack node; attack node -> what it attacks),
`attacker` (statement -> its attack node) and `contradicts` (both directions for `a >< b`).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import Span
from argmap.maptext import attack_ref, inference_ref
from argmap.textlines import line_at, line_starts

if TYPE_CHECKING:
    import networkx as nx

PREMISE = "premise"
ASSUMPTION = "assumption"
CLAIM = "claim"
CONCLUSION = "conclusion"
INFERENCE = "inference"
ATTACK = "attack"
"""The kind of an attack's own node: made when something undercuts the attack, when the
attack is named, or when it is linked (`a + b -| c`, several attackers together)."""

STATEMENT_KINDS: tuple[str, ...] = (PREMISE, ASSUMPTION, CLAIM, CONCLUSION)
GROUND_KINDS = frozenset({PREMISE, ASSUMPTION})
"""Statement kinds that need no support."""
SUPPORTED_KINDS = frozenset({CLAIM, CONCLUSION})
"""Statement kinds that must be the conclusion of some inference (unless attributed)."""


def needs_support(data: Mapping[str, Any]) -> bool:
    """A claim or conclusion needs support, unless it is attributed (`@by`): then it
    reports someone's position, which the map does not assert."""
    return data["kind"] in SUPPORTED_KINDS and not data["attributes"].get("by")

PREMISE_EDGE = "premise"
CONCLUSION_EDGE = "conclusion"
ATTACK_EDGE = "attack"
CONTRADICTS_EDGE = "contradicts"
ATTACKER_EDGE = "attacker"
"""From an attacking statement to its attack's node (one of the attack's 'premises')."""
ATTACK_EDGE_KINDS = frozenset({ATTACK_EDGE, CONTRADICTS_EDGE})


@dataclass(frozen=True)
class Section:
    """A `== Title ==` section: statements below it belong to it."""

    title: str
    span: Span


def _new_graph() -> nx.DiGraph:
    # networkx takes 0.1 s to import: commands that never build a map (--version, --help,
    # rules) must not pay for it, so it is imported when the first map is made.
    import networkx as nx

    return nx.DiGraph()


@dataclass
class ArgumentMap:
    """A parsed argument map: the graph plus the map's metadata and sources.

    `files` maps each source file's display path to its text (the top-level map first,
    then includes), so that reporters can show the line of any span; `source_paths` holds
    the real path of each of those files, in the same order. `syntax` holds the syntax
    trees the map was built from (comments and positions kept), in the same order.
    `document` is the analysed document's path; `document_written`, that path as the map's
    `@document` wrote it (relative to the map). `document_text` is an analysed text a
    converter read from inside its input (OVA3's `text`), not yet written to a file.
    """

    graph: nx.DiGraph = field(default_factory=_new_graph)
    path: Path | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sources: list[str] = field(default_factory=list)
    document: Path | None = None
    document_span: Span | None = None
    document_written: str | None = None
    document_text: str | None = None
    sections: list[Section] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    source_paths: list[Path] = field(default_factory=list)
    syntax: list[Any] = field(default_factory=list)
    _inference_keys: dict[tuple[frozenset[str], str], str] = field(
        default_factory=dict, repr=False
    )
    _unnamed_inferences: int = field(default=0, repr=False)
    _attack_keys: dict[tuple[frozenset[str], str], str] = field(
        default_factory=dict, repr=False
    )
    _attack_nodes: int = field(default=0, repr=False)
    _line_starts: dict[str, array[int]] = field(default_factory=dict, repr=False)

    # -- building -------------------------------------------------------------------------

    def add_statement(
        self,
        statement_id: str,
        kind: str,
        text: str,
        *,
        span: Span,
        tags: Sequence[str] = (),
        quotes: Sequence[str] = (),
        quote_spans: Sequence[Span] = (),
        attributes: dict[str, Any] | None = None,
        section: str | None = None,
    ) -> None:
        """Add a statement node; the caller has checked that the ID is new."""
        self.add_statement_taking(
            statement_id,
            kind,
            text,
            span=span,
            tags=list(tags),
            quotes=list(quotes),
            quote_spans=list(quote_spans),
            attributes=dict(attributes or {}),
            section=section,
        )

    def add_statement_taking(
        self,
        statement_id: str,
        kind: str,
        text: str,
        *,
        span: Span,
        tags: list[str],
        quotes: list[str],
        quote_spans: list[Span],
        attributes: dict[str, Any],
        section: str | None,
    ) -> None:
        """`add_statement` keeping the lists and dict it is given, rather than copies: for a
        builder whose syntax trees are dropped after building (a copy each, for 100,000
        statements, is 400,000 containers)."""
        if kind not in STATEMENT_KINDS:
            raise ValueError(f"not a statement kind: {kind!r}")
        self.graph.add_node(
            statement_id,
            kind=kind,
            text=text,
            tags=tags,
            quotes=quotes,
            quote_spans=quote_spans,
            attributes=attributes,
            section=section,
            span=span,
        )

    def add_inference(
        self,
        premises: Sequence[str],
        conclusion: str,
        *,
        span: Span,
        warrant: str | None = None,
        name: str | None = None,
        tags: Sequence[str] = (),
        attributes: dict[str, Any] | None = None,
    ) -> str:
        """Add an inference from `premises` (together) to `conclusion`; return its node key.

        A named inference (`argument NAME: ...`) is keyed by its name and carries its tags
        and attributes; an unnamed one is keyed `inference-<n>`.
        """
        graph = self.graph
        if name is None:
            self._unnamed_inferences += 1
            key = f"inference-{self._unnamed_inferences}"
            graph.add_node(key, kind=INFERENCE, warrant=warrant, span=span)
        else:
            key = name
            graph.add_node(
                key,
                kind=INFERENCE,
                warrant=warrant,
                span=span,
                name=name,
                tags=list(tags),
                attributes=dict(attributes or {}),
            )
        # Two named arguments may share premises and conclusion; `(a -> c)` means the first.
        self._inference_keys.setdefault((frozenset(premises), conclusion), key)
        graph.add_edges_from([(premise, key) for premise in premises], kind=PREMISE_EDGE, span=span)
        graph.add_edge(key, conclusion, kind=CONCLUSION_EDGE, span=span)
        return key

    def add_attack(self, attacker: str, target: str, *, span: Span) -> None:
        """`attacker -| target`, where target is a statement or an inference key."""
        self.graph.add_edge(attacker, target, kind=ATTACK_EDGE, span=span)

    def undercut_attack(self, attacker: str, target: str) -> str:
        """Give the attack `attacker -| target` (or one direction of a contradiction) a node
        of its own, so that it can be attacked; return the node's key (`attack-<n>`).

        The edge attacker -> target becomes attacker -> node (`attacker`) and node -> target
        (the edge's own kind, `attack` or `contradicts`), both keeping the edge's span.
        """
        existing = self._attack_keys.get((frozenset((attacker,)), target))
        if existing is not None:
            return existing
        edge = self.graph.edges[attacker, target]
        key = self._next_attack_key()
        self._attack_keys[(frozenset((attacker,)), target)] = key
        self.graph.remove_edge(attacker, target)
        self.graph.add_node(key, kind=ATTACK, span=edge["span"])
        self.graph.add_edge(attacker, key, kind=ATTACKER_EDGE, span=edge["span"])
        self.graph.add_edge(key, target, kind=edge["kind"], span=edge["span"])
        return key

    def add_attack_node(
        self,
        attackers: Sequence[str],
        target: str,
        *,
        span: Span,
        name: str | None = None,
        tags: Sequence[str] = (),
        attributes: dict[str, Any] | None = None,
    ) -> str:
        """`a + b -| target` (a linked objection: the attackers together) or a named attack
        `argument NAME: x -| target`: an attack with a node of its own from the start, one
        `attacker` edge per attacker; return the node's key (its name, or `attack-<n>`)."""
        if name is None:
            key = self._next_attack_key()
            self.graph.add_node(key, kind=ATTACK, span=span)
        else:
            key = name
            self.graph.add_node(
                key,
                kind=ATTACK,
                span=span,
                name=name,
                tags=list(tags),
                attributes=dict(attributes or {}),
            )
        self._attack_keys.setdefault((frozenset(attackers), target), key)
        self.graph.add_edges_from(
            [(attacker, key) for attacker in attackers], kind=ATTACKER_EDGE, span=span
        )
        self.graph.add_edge(key, target, kind=ATTACK_EDGE, span=span)
        return key

    def _next_attack_key(self) -> str:
        self._attack_nodes += 1
        return f"attack-{self._attack_nodes}"

    def add_contradiction(self, first: str, second: str, *, span: Span) -> None:
        """`first >< second`: a symmetric attack, stored as two `contradicts` edges."""
        self.graph.add_edge(first, second, kind=CONTRADICTS_EDGE, span=span)
        self.graph.add_edge(second, first, kind=CONTRADICTS_EDGE, span=span)

    # -- queries --------------------------------------------------------------------------

    def find_inference(self, premises: Sequence[str], conclusion: str) -> str | None:
        """The key of the inference with these premises (in any order) and conclusion."""
        return self._inference_keys.get((frozenset(premises), conclusion))

    def find_attack(self, attacker: str | Sequence[str], target: str) -> str | None:
        """The node of the attack `attacker -| target`, when it has one (it is undercut,
        named or linked); a linked objection's attackers are given as a sequence."""
        attackers = frozenset((attacker,) if isinstance(attacker, str) else attacker)
        return self._attack_keys.get((attackers, target))

    def written(self, node: str) -> str:
        """A node as the map's text names it: a statement, named inference or named attack
        by its ID, an inference `(a + b -> c)`, an attack `(x -| c)` (nested:
        `(y -| (x -| c))`; linked: `(a + b -| c)`)."""
        attackers: list[str] = []
        # A loop, not recursion: undercuts may nest deeply.
        while self.kind(node) == ATTACK and not self.graph.nodes[node].get("name"):
            attackers.append(" + ".join(self.attackers_of_attack(node)))
            node = self.target_of(node)
        if self.kind(node) == INFERENCE and not self.graph.nodes[node].get("name"):
            inner = inference_ref(self.premises_of(node), self.conclusion_of(node))
        else:
            inner = node
        return attack_ref(attackers, inner)

    def kind(self, node: str) -> str:
        return str(self.graph.nodes[node]["kind"])

    def is_statement(self, node: str) -> bool:
        return self.graph.nodes[node]["kind"] in STATEMENT_KINDS

    def statements(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Statement IDs with their attributes, in the order they were defined."""
        for node, data in self.graph.nodes(data=True):
            if data["kind"] in STATEMENT_KINDS:
                yield node, data

    def in_relation(self, node: str) -> bool:
        """Whether any edge (support, attack, contradiction) touches `node`."""
        return bool(self.graph.succ[node] or self.graph.pred[node])

    def attack_nodes(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """The nodes of attacks (undercut, named or linked), in the order they were made."""
        for node, data in self.graph.nodes(data=True):
            if data["kind"] == ATTACK:
                yield node, data

    def attacker_of(self, attack: str) -> str:
        """The (first) statement whose attack `attack` (an attack node) is; a linked
        objection has several: `attackers_of_attack`."""
        for source, edge in self.graph.pred[attack].items():
            if edge["kind"] == ATTACKER_EDGE:
                return str(source)
        raise KeyError(f"attack node without attacker: {attack}")

    def attackers_of_attack(self, attack: str) -> list[str]:
        """The statements that together make the attack `attack` (an attack node), in the
        order written: one, or several for a linked objection `a + b -| c`."""
        return [
            str(source)
            for source, edge in self.graph.pred[attack].items()
            if edge["kind"] == ATTACKER_EDGE
        ]

    def is_linked(self, attack: str) -> bool:
        """Whether `attack` is the node of a linked objection (several attackers)."""
        return self.kind(attack) == ATTACK and len(self.attackers_of_attack(attack)) > 1

    def target_of(self, attack: str) -> str:
        """What the attack node `attack` attacks: a statement, inference or attack node."""
        for target, edge in self.graph.succ[attack].items():
            if edge["kind"] in ATTACK_EDGE_KINDS:
                return str(target)
        raise KeyError(f"attack node without target: {attack}")

    def attack_source(self, node: str) -> str:
        """The statement behind an attacking node: itself, or an attack node's (first)
        attacker; `attack_sources` gives all of a linked objection's."""
        return self.attacker_of(node) if self.kind(node) == ATTACK else node

    def attack_sources(self, node: str) -> list[str]:
        """The statements behind an attacking node: itself, or an attack node's attackers."""
        return self.attackers_of_attack(node) if self.kind(node) == ATTACK else [node]

    def attacker_written(self, node: str) -> str:
        """An attacking node's attacker as written before `-|`: `x`, or `a + b`."""
        return " + ".join(self.attack_sources(node))

    def relations(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """Every attack and contradiction direction as written: (attacker statement,
        target, edge kind, edge data), whether the attack has a node of its own or not.
        A linked objection `a + b -| c` gives one row, its attackers as written: `a + b`
        (`attack_sources` of the edge's source splits them)."""
        for source, targets in self.graph.adjacency():
            for target, data in targets.items():
                if data["kind"] in ATTACK_EDGE_KINDS:
                    yield self.attacker_written(source), target, data["kind"], data

    def inferences(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Inference keys with their attributes, in the order they were written."""
        for node, data in self.graph.nodes(data=True):
            if data["kind"] == INFERENCE:
                yield node, data

    def premises_of(self, inference: str) -> list[str]:
        return [
            source
            for source, edge in self.graph.pred[inference].items()
            if edge["kind"] == PREMISE_EDGE
        ]

    def conclusion_of(self, inference: str) -> str:
        for target, edge in self.graph.succ[inference].items():
            if edge["kind"] == CONCLUSION_EDGE:
                return str(target)
        raise KeyError(f"inference without conclusion: {inference}")

    def inferences_for(self, statement: str) -> list[str]:
        """The inferences whose conclusion is `statement` (its support)."""
        return [
            source
            for source, edge in self.graph.pred[statement].items()
            if edge["kind"] == CONCLUSION_EDGE
        ]

    def inferences_from(self, statement: str) -> list[str]:
        """The inferences in which `statement` is a premise."""
        return [
            target
            for target, edge in self.graph.succ[statement].items()
            if edge["kind"] == PREMISE_EDGE
        ]

    def attackers_of(self, node: str) -> list[str]:
        """What attacks or contradicts `node` (a statement, inference or attack node):
        statements, and the nodes of attacks that are themselves undercut."""
        return [
            source
            for source, edge in self.graph.pred[node].items()
            if edge["kind"] in ATTACK_EDGE_KINDS
        ]

    def attacked_by(self, statement: str) -> list[str]:
        """What `statement` attacks or contradicts, its undercut attacks included."""
        targets = []
        for target, edge in self.graph.succ[statement].items():
            kind = edge["kind"]
            if kind in ATTACK_EDGE_KINDS:
                targets.append(target)
            elif kind == ATTACKER_EDGE:
                targets.append(self.target_of(target))
        return targets

    def input_paths(self) -> list[Path]:
        """Every file the map was built from: the real paths of the map and its includes,
        then the `@document` (which a command writing files must never overwrite)."""
        return [*self.source_paths, *([self.document] if self.document is not None else [])]

    def source_line(self, span: Span) -> str:
        """The text of the line a span starts on, or "" when the file is not known."""
        text = self.files.get(span.file)
        if text is None:
            return ""
        starts = self._line_starts.get(span.file)
        if starts is None:
            starts = self._line_starts[span.file] = line_starts(text)
        return line_at(text, starts, span.line)
