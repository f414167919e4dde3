"""Where each ID of a map is defined and used, across its files, from the syntax trees
(so that a map with errors can still be navigated)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field

from argmap.errors import Span
from argmap.language.includes import display_path
from argmap.language.syntax import (
    Argument,
    Blank,
    Comment,
    Directive,
    Invalid,
    Ref,
    SectionHeader,
    SourceFile,
    Statement,
)
from argmap.lsp.positions import contains

LINKED = ("include", "document")
"""The directives whose value names a file."""


@dataclass
class Index:
    """IDs -> where they are defined and where they are used (in file order)."""

    definitions: dict[str, Span] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    references: dict[str, list[Span]] = field(default_factory=dict)
    by_file: dict[str, list[tuple[Span, str]]] = field(default_factory=dict)
    """Each file's ID spans (definitions and uses) with their ID, in order."""
    includes: dict[str, list[tuple[Span, str]]] = field(default_factory=dict)
    """Each file's `@include` paths: where the path is written, and the file it names."""
    documents: dict[str, list[tuple[Span, str]]] = field(default_factory=dict)
    """Each file's `@document` path, the same way."""

    @classmethod
    def of(cls, sources: list[SourceFile]) -> Index:
        index = cls()
        for source in sources:
            spans = index.by_file.setdefault(source.path, [])
            for node in source.nodes:
                if isinstance(node, Statement | Argument) and node.id:
                    index.definitions.setdefault(node.id, node.id_span)
                    spans.append((node.id_span, node.id))
                    if isinstance(node, Statement):
                        index.statements.setdefault(node.id, node)
                    else:
                        index.arguments.setdefault(node.id, node)
                if isinstance(node, Directive) and node.name in LINKED and node.value:
                    named = display_path(source.path, node.value)
                    links = index.includes if node.name == "include" else index.documents
                    links.setdefault(source.path, []).append((node.value_span, named))
                if isinstance(node, Statement | SectionHeader | Invalid | Directive):
                    continue
                for ref in refs_in(node):
                    index.references.setdefault(ref.name, []).append(ref.span)
                    spans.append((ref.span, ref.name))
        return index

    def at(self, path: str, line: int, column: int) -> tuple[str, Span] | None:
        """The ID written at 1-based `line` and `column` of the file `path`, and its span."""
        for span, name in self.by_file.get(path, ()):
            if contains(span, line, column):
                return name, span
        return None

    def included_at(self, path: str, line: int, column: int) -> str | None:
        """The file named by the `@include` path written at `line` and `column`, if any."""
        for span, named in self.includes.get(path, ()):
            if contains(span, line, column):
                return named
        return None

    def links(self, path: str) -> list[tuple[Span, str]]:
        """The files the file `path` names (`@include`, `@document`), where it names them."""
        return [*self.includes.get(path, ()), *self.documents.get(path, ())]

    def uses(self, name: str, *, definition: bool = True) -> list[Span]:
        """Every place `name` is written: its definition (first) and its references."""
        found = list(self.references.get(name, ()))
        if definition and name in self.definitions:
            found.insert(0, self.definitions[name])
        return found


def refs_in(node: object) -> Iterator[Ref]:
    """Every `Ref` inside a relation's syntax tree, however the tree nests them."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Ref):
            yield item
        elif isinstance(item, list | tuple):
            stack.extend(reversed(item))
        elif not isinstance(item, _LEAVES):
            names = _fields(type(item))
            stack.extend(reversed([getattr(item, name) for name in names]))


_LEAVES = (Span, str, int, float, bool, dict, type(None))
"""What holds no `Ref`: the walk does not look inside."""


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    """The fields of a syntax tree's class (none for anything else), looked up once."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = (
            tuple(field.name for field in dataclasses.fields(kind))
            if dataclasses.is_dataclass(kind) else ()
        )
    return found


def last_line(node: Statement | Argument) -> int:
    """The last line of a statement or argument with its indented lines (blank lines and
    comments after it left out)."""
    last = node.span.end_line
    for line in node.body:
        if not isinstance(line, Blank | Comment):
            last = max(last, line.span.end_line)
    return last
