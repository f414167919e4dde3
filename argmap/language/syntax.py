"""The syntax tree of one `.argmap` file: every line in order, comments and positions kept.

The tree is what a formatter needs to write the file back: blank lines, comments (whole-line
and trailing), statement sub-lines and lines that failed to parse all keep their place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from argmap.errors import Span
from argmap.maptext import attack_ref, inference_ref
from argmap.valueclass import value_class

SYNTAX_ERROR = "syntax-error"
"""The Diagnostic code of every parse error but undefined references and duplicate IDs."""
SpanOf = Callable[[int, int], Span]
"""Turns 0-based [start, end) columns of the line being parsed into a Span."""


def span_through(first: Span, last: Span) -> Span:
    """From the start of `first` to the end of `last` (in the same file)."""
    return Span(first.file, first.line, first.column, last.end_line, last.end_column)


@value_class
class Ref:
    """A statement ID as written in a relation."""

    name: str
    span: Span


@dataclass(slots=True)
class Blank:
    span: Span


@dataclass(slots=True)
class Comment:
    """A whole-line comment; `text` follows the `#`, `indent` is the whitespace before it."""

    text: str
    span: Span
    indent: str = ""


@dataclass(slots=True)
class Directive:
    """`@name value` at column 0: map metadata or an include."""

    name: str
    value: str
    span: Span
    name_span: Span
    value_span: Span
    comment: str | None = None


@dataclass(slots=True)
class SectionHeader:
    """`== Title ==`."""

    title: str
    span: Span
    comment: str | None = None


@dataclass(slots=True)
class Continuation:
    """An indented line that continues a statement's text."""

    text: str
    span: Span
    indent: str = "  "


@dataclass(slots=True)
class QuoteLine:
    """An indented `> text` line; an empty `text` is a lone `>` separating two quotes."""

    text: str
    span: Span
    indent: str = "  "


@dataclass(slots=True)
class Attribute:
    """An indented `@name value` line under a statement."""

    name: str
    value: str
    span: Span
    name_span: Span
    value_span: Span
    comment: str | None = None
    indent: str = "  "


@dataclass(slots=True)
class Invalid:
    """A line that could not be parsed, kept verbatim so the file still round-trips.

    `defines` is the ID a broken statement header seems to define: references to it are
    then not reported again as undefined.
    """

    text: str
    span: Span
    defines: str | None = None


BodyLine = Continuation | QuoteLine | Attribute | Comment | Blank | Invalid


@dataclass(slots=True)
class Statement:
    """`KIND ID: text` with its indented lines; the derived fields are filled by the parser."""

    kind: str
    id: str
    header_text: str
    span: Span
    id_span: Span
    body: list[BodyLine] = field(default_factory=list)
    text: str = ""
    tags: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    quote_spans: list[Span] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)

    @property
    def kind_span(self) -> Span:
        """Where the kind is written: the header's first word (a statement starts at
        column 1), worked out when asked, as hardly anything asks."""
        line = self.span.line
        return Span(self.span.file, line, 1, line, len(self.kind) + 1)


@dataclass(frozen=True, slots=True)
class InferenceRef:
    """`(a + b -> c)`: an inference named by its premises and conclusion (in an undercut)."""

    premises: tuple[Ref, ...]
    conclusion: Ref
    span: Span

    def written(self) -> str:
        return inference_ref((p.name for p in self.premises), self.conclusion.name)


@dataclass(frozen=True, slots=True)
class AttackRef:
    """`(x -| c)`: an attack named by its attacker and target (in an undercut of it).

    `target` may itself be an inference or an attack: `(y -| (x -| c))`; a linked objection
    has several attackers: `(a + b -| c)`.
    """

    attackers: tuple[Ref, ...]
    target: Ref | InferenceRef | AttackRef
    span: Span

    @property
    def attacker(self) -> Ref:
        """The first attacker (the only one unless the objection is linked)."""
        return self.attackers[0]

    def attacker_names(self) -> list[str]:
        return [ref.name for ref in self.attackers]

    def chain(self) -> tuple[list[AttackRef], Ref | InferenceRef]:
        """The nested attacks, outermost first, and the innermost target (a loop: nesting
        may be deep)."""
        attacks: list[AttackRef] = []
        current: Ref | InferenceRef | AttackRef = self
        while isinstance(current, AttackRef):
            attacks.append(current)
            current = current.target
        return attacks, current

    def written(self) -> str:
        attacks, inner = self.chain()
        target = inner.written() if isinstance(inner, InferenceRef) else inner.name
        return attack_ref([" + ".join(attack.attacker_names()) for attack in attacks], target)


@dataclass(slots=True)
class Support:
    """`a + b -> c -> d : warrant`: `chain` holds the groups between arrows."""

    chain: list[list[Ref]]
    span: Span
    warrant: str | None = None
    comment: str | None = None
    body: list[BodyLine] = field(default_factory=list)
    """The lines after the first, in order: continuations, comments, blank lines."""


@dataclass(slots=True)
class Argument:
    """`argument ID: a + b -> c : warrant #tag`: a named inference, with indented `@` lines.

    `support` is its one inference step (None until parsed), or `attack` its one attack
    (`argument ID: a + b -| c`, a named objection); `span` runs from the `argument` keyword
    to the end of the relation, over continuation lines too.
    """

    id: str
    span: Span
    id_span: Span
    support: Support | None = None
    attack: Attack | None = None
    tags: list[str] = field(default_factory=list)
    body: list[BodyLine] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Attack:
    """`x -| c` (rebuttal), `x -| (a + b -> c)` (undercut), `y -| (x -| c)` (an undercut
    of an attack), `a + b -| c` (a linked objection: its attackers together)."""

    attackers: tuple[Ref, ...]
    target: Ref | InferenceRef | AttackRef
    span: Span
    comment: str | None = None
    body: list[BodyLine] = field(default_factory=list)
    """The lines after the first, in order: continuations, comments, blank lines."""

    @property
    def attacker(self) -> Ref:
        """The first attacker (the only one unless the objection is linked)."""
        return self.attackers[0]

    def attacker_names(self) -> list[str]:
        return [ref.name for ref in self.attackers]


@dataclass(slots=True)
class Contradiction:
    """`a >< b`."""

    first: Ref
    second: Ref
    span: Span
    comment: str | None = None
    body: list[BodyLine] = field(default_factory=list)
    """The lines after the first, in order: continuations, comments, blank lines."""


Node = (
    Blank
    | Comment
    | Directive
    | SectionHeader
    | Statement
    | Support
    | Argument
    | Attack
    | Contradiction
    | Invalid
)


@dataclass(slots=True)
class SourceFile:
    """One parsed file: its display path, text, and top-level lines in order.

    `initial_section` is the section its first statements belong to: None for the top-level
    map; for an included file, the section its `@include` line is in.
    """

    path: str
    text: str
    nodes: list[Node] = field(default_factory=list)
    initial_section: str | None = None
