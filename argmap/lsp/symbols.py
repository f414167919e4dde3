"""The outline of one file (sections holding their statements and arguments) and the
ranges an editor can fold (sections, and statements written over several lines)."""

from __future__ import annotations

from lsprotocol import types

from argmap.errors import Span
from argmap.language.syntax import Argument, SectionHeader, SourceFile, Statement
from argmap.lsp.index import last_line
from argmap.lsp.positions import UTF16, to_range

KINDS = {
    "premise": types.SymbolKind.Constant,
    "assumption": types.SymbolKind.Variable,
    "claim": types.SymbolKind.Property,
    "conclusion": types.SymbolKind.Class,
}


def document_symbols(
    source: SourceFile, lines: list[str], encoding: str = UTF16
) -> list[types.DocumentSymbol]:
    """Sections (with what they hold) and the statements and arguments outside any."""
    top: list[types.DocumentSymbol] = []
    section: types.DocumentSymbol | None = None
    children: list[types.DocumentSymbol] = []
    for node in source.nodes:
        if isinstance(node, SectionHeader):
            rng = to_range(node.span, lines, encoding)
            section = types.DocumentSymbol(
                name=node.title or "(untitled section)",
                kind=types.SymbolKind.Namespace,
                range=rng,
                selection_range=rng,
            )
            children = []
            section.children = children
            top.append(section)
        elif isinstance(node, Statement | Argument) and node.id:
            end = last_line(node)
            whole = Span(node.span.file, node.span.line, 1, end, len(_line(lines, end)) + 1)
            kind = node.kind if isinstance(node, Statement) else "argument"
            detail = node.header_text if isinstance(node, Statement) else "argument"
            symbol = types.DocumentSymbol(
                name=node.id,
                detail=f"{kind}: {detail}" if isinstance(node, Statement) else detail,
                kind=KINDS.get(kind, types.SymbolKind.Function),
                range=to_range(whole, lines, encoding),
                selection_range=to_range(node.id_span, lines, encoding),
            )
            if section is not None:
                children.append(symbol)
                section.range = types.Range(section.range.start, symbol.range.end)
            else:
                top.append(symbol)
    return top


def folding_ranges(source: SourceFile, lines: list[str]) -> list[types.FoldingRange]:
    """Each section from its header to its last non-blank line, and each statement or
    argument that takes more than one line."""
    folds: list[types.FoldingRange] = []
    headers = [node.span.line for node in source.nodes if isinstance(node, SectionHeader)]
    for number, start in enumerate(headers):
        end = headers[number + 1] - 1 if number + 1 < len(headers) else len(lines)
        while end > start and not _line(lines, end).strip():
            end -= 1
        if end > start:
            folds.append(types.FoldingRange(start - 1, end - 1, kind="region"))
    for node in source.nodes:
        if isinstance(node, Statement | Argument):
            end = last_line(node)
            if end > node.span.line:
                folds.append(types.FoldingRange(node.span.line - 1, end - 1))
    return folds


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""
