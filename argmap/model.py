"""ArgumentMap: the one model every command reads, a networkx.DiGraph with map metadata.

Nodes are statements (keyed by their ID) and inferences (keyed `inference-<n>`, which can
never clash with a statement ID because IDs cannot contain `-`). Edge kinds:
`premise` (statement -> inference), `conclusion` (inference -> statement), `attack`
(attacker -> statement or inference) and `contradicts` (both directions for `a >< b`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import Span
from argmap.textlines import split_lines

if TYPE_CHECKING:
    import networkx as nx

PREMISE = "premise"
ASSUMPTION = "assumption"
CLAIM = "claim"
CONCLUSION = "conclusion"
INFERENCE = "inference"

STATEMENT_KINDS: tuple[str, ...] = (PREMISE, ASSUMPTION, CLAIM, CONCLUSION)
GROUND_KINDS = frozenset({PREMISE, ASSUMPTION})
"""Statement kinds that need no support."""
SUPPORTED_KINDS = frozenset({CLAIM, CONCLUSION})
"""Statement kinds that must be the conclusion of some inference."""

PREMISE_EDGE = "premise"
CONCLUSION_EDGE = "conclusion"
ATTACK_EDGE = "attack"
CONTRADICTS_EDGE = "contradicts"
ATTACK_EDGE_KINDS = frozenset({ATTACK_EDGE, CONTRADICTS_EDGE})


def written_inference(premises: Iterable[str], conclusion: str) -> str:
    """An inference as an undercut names it: `(a + b -> c)`."""
    return f"({' + '.join(premises)} -> {conclusion})"


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
    then includes), so that reporters can show the line of any span. `syntax` holds the
    syntax trees the map was built from (comments and positions kept), in the same order.
    """

    graph: nx.DiGraph = field(default_factory=_new_graph)
    path: Path | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sources: list[str] = field(default_factory=list)
    document: Path | None = None
    document_span: Span | None = None
    sections: list[Section] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    syntax: list[Any] = field(default_factory=list)
    _inference_keys: dict[tuple[frozenset[str], str], str] = field(
        default_factory=dict, repr=False
    )
    _file_lines: dict[str, list[str]] = field(default_factory=dict, repr=False)

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
        if kind not in STATEMENT_KINDS:
            raise ValueError(f"not a statement kind: {kind!r}")
        self.graph.add_node(
            statement_id,
            kind=kind,
            text=text,
            tags=list(tags),
            quotes=list(quotes),
            quote_spans=list(quote_spans),
            attributes=dict(attributes or {}),
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
    ) -> str:
        """Add an inference from `premises` (together) to `conclusion`; return its node key."""
        key = f"inference-{len(self._inference_keys) + 1}"
        self._inference_keys[(frozenset(premises), conclusion)] = key
        self.graph.add_node(key, kind=INFERENCE, warrant=warrant, span=span)
        for premise in premises:
            self.graph.add_edge(premise, key, kind=PREMISE_EDGE, span=span)
        self.graph.add_edge(key, conclusion, kind=CONCLUSION_EDGE, span=span)
        return key

    def add_attack(self, attacker: str, target: str, *, span: Span) -> None:
        """`attacker -| target`, where target is a statement or an inference key."""
        self.graph.add_edge(attacker, target, kind=ATTACK_EDGE, span=span)

    def add_contradiction(self, first: str, second: str, *, span: Span) -> None:
        """`first >< second`: a symmetric attack, stored as two `contradicts` edges."""
        self.graph.add_edge(first, second, kind=CONTRADICTS_EDGE, span=span)
        self.graph.add_edge(second, first, kind=CONTRADICTS_EDGE, span=span)

    # -- queries --------------------------------------------------------------------------

    def find_inference(self, premises: Sequence[str], conclusion: str) -> str | None:
        """The key of the inference with these premises (in any order) and conclusion."""
        return self._inference_keys.get((frozenset(premises), conclusion))

    def written(self, inference: str) -> str:
        """The inference `inference-<n>` as the map's text names it: `(a + b -> c)`."""
        return written_inference(self.premises_of(inference), self.conclusion_of(inference))

    def kind(self, node: str) -> str:
        return str(self.graph.nodes[node]["kind"])

    def is_statement(self, node: str) -> bool:
        return bool(self.graph.nodes[node]["kind"] != INFERENCE)

    def statements(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Statement IDs with their attributes, in the order they were defined."""
        for node, data in self.graph.nodes(data=True):
            if data["kind"] != INFERENCE:
                yield node, data

    def inferences(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Inference keys with their attributes, in the order they were written."""
        for node, data in self.graph.nodes(data=True):
            if data["kind"] == INFERENCE:
                yield node, data

    def premises_of(self, inference: str) -> list[str]:
        return [
            source
            for source, _, kind in self.graph.in_edges(inference, data="kind")
            if kind == PREMISE_EDGE
        ]

    def conclusion_of(self, inference: str) -> str:
        for _, target, kind in self.graph.out_edges(inference, data="kind"):
            if kind == CONCLUSION_EDGE:
                return str(target)
        raise KeyError(f"inference without conclusion: {inference}")

    def inferences_for(self, statement: str) -> list[str]:
        """The inferences whose conclusion is `statement` (its support)."""
        return [
            source
            for source, _, kind in self.graph.in_edges(statement, data="kind")
            if kind == CONCLUSION_EDGE
        ]

    def inferences_from(self, statement: str) -> list[str]:
        """The inferences in which `statement` is a premise."""
        return [
            target
            for _, target, kind in self.graph.out_edges(statement, data="kind")
            if kind == PREMISE_EDGE
        ]

    def attackers_of(self, node: str) -> list[str]:
        """Statements that attack or contradict `node` (a statement or an inference)."""
        return [
            source
            for source, _, kind in self.graph.in_edges(node, data="kind")
            if kind in ATTACK_EDGE_KINDS
        ]

    def attacked_by(self, statement: str) -> list[str]:
        """The statements and inferences that `statement` attacks or contradicts."""
        return [
            target
            for _, target, kind in self.graph.out_edges(statement, data="kind")
            if kind in ATTACK_EDGE_KINDS
        ]

    def source_line(self, span: Span) -> str:
        """The text of the line a span starts on, or "" when the file is not known."""
        lines = self._file_lines.get(span.file)
        if lines is None:
            text = self.files.get(span.file)
            if text is None:
                return ""
            lines = self._file_lines[span.file] = split_lines(text)
        return lines[span.line - 1] if 0 < span.line <= len(lines) else ""
