"""The canonical layout of a `.argmap` file, written from its syntax tree (`argmap fmt`).

Metadata directives first; then the statements that come before any section, then each
section with its statements; each part's relations follow its statements, in the order they
were written. Comments travel with the line below them (a comment block at the top of the
file, set off by a blank line, stays at the top); runs of blank lines become one. One-line
relations are rewritten with single spaces around ASCII operators; a relation continued over
several lines keeps its lines, re-indented. Moving relations below their section's statements
changes neither a statement's section nor the order of statements or relations, so the map
it describes stays the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from argmap.errors import ParseError
from argmap.language.lexer import split_comment
from argmap.language.parser import parse_source
from argmap.language.syntax import (
    Argument,
    Attack,
    AttackRef,
    Attribute,
    Blank,
    BodyLine,
    Comment,
    Continuation,
    Contradiction,
    Directive,
    InferenceRef,
    Invalid,
    Node,
    QuoteLine,
    Ref,
    SectionHeader,
    SourceFile,
    Statement,
    Support,
)
from argmap.maptext import (
    BODY_INDENT,
    TEXT_INDENT,
    argument_line,
    attack_line,
    attribute_line,
    continued_text,
    contradiction_line,
    directive_line,
    join_blocks,
    quote_line,
    section_line,
    statement_header,
    support_line,
    with_comment,
)
from argmap.textlines import split_lines

Relation = Support | Argument | Attack | Contradiction


@dataclass
class _Item:
    """A node with the comments above it and whether a blank line came before them."""

    node: Node
    comments: list[Comment] = field(default_factory=list)
    blank_before: bool = False
    blank_after_comments: bool = False
    """A blank line stood between the comments and the node: they speak of what follows."""


@dataclass
class _Part:
    """What comes before the first section, or one section: its header and its lines."""

    header: _Item | None = None
    statements: list[_Item] = field(default_factory=list)
    relations: list[_Item] = field(default_factory=list)


def format_text(text: str, path: str) -> str:
    """`text` (the file at `path`) in the canonical layout, keeping its line ends (LF or
    CRLF); ParseError when it has syntax errors (a broken file is never rewritten)."""
    source, errors = parse_source(text, path)
    if errors:
        lines = split_lines(text)
        raise ParseError([
            replace(error, source_line=lines[error.span.line - 1])
            if 0 < error.span.line <= len(lines) else error
            for error in errors
        ])
    formatted = format_source(source)
    crlf = text.split("\n", 1)[0].endswith("\r")
    return formatted.replace("\n", "\r\n") if crlf else formatted


def format_source(source: SourceFile) -> str:
    """The file's text in the canonical layout (LF line ends, one final newline)."""
    lines = split_lines(source.text)
    top, items, trailing = _items(source.nodes)
    directives = [item for item in items if _is_metadata(item.node)]
    parts = _parts([item for item in items if not _is_metadata(item.node)])
    blocks: list[list[str]] = []
    if top:
        blocks.append([_comment(comment, lines) for comment in top])
    blocks.append(_block(directives, lines))
    for part in parts:
        if part.header is not None:
            blocks.append(_block([part.header], lines))
        blocks.append(_block(part.statements, lines))
        blocks.append(_block(part.relations, lines))
    if trailing:
        blocks.append([_comment(comment, lines) for comment in trailing])
    return join_blocks(blocks)


def _items(nodes: list[Node]) -> tuple[list[Comment], list[_Item], list[Comment]]:
    """(the file's top comment block, the items, the comments after the last node)."""
    items: list[_Item] = []
    comments: list[Comment] = []
    blank = gap = False
    top: list[Comment] = []
    for node in nodes:
        if isinstance(node, Blank):
            if not items and comments and not top:
                top, comments = comments, []  # the file's header comment
            elif comments:
                gap = True
            else:
                blank = bool(items) or blank
            continue
        if isinstance(node, Comment):
            if gap:  # a second block of comments: the blank between them stays
                comments.append(Comment("", node.span, "\0gap"))
                gap = False
            comments.append(node)
            continue
        items.append(_Item(node, comments, blank, gap))
        comments, blank, gap = [], False, False
    return top, items, comments


def _is_metadata(node: Node) -> bool:
    return isinstance(node, Directive) and node.name != "include"


def _parts(items: list[_Item]) -> list[_Part]:
    parts = [_Part()]
    for item in items:
        if isinstance(item.node, SectionHeader):
            parts.append(_Part(header=item))
        elif isinstance(item.node, (Support, Argument, Attack, Contradiction)):
            parts[-1].relations.append(item)
        else:
            parts[-1].statements.append(item)
    return parts


def _block(items: list[_Item], lines: list[str]) -> list[str]:
    out: list[str] = []
    for index, item in enumerate(items):
        if index and (item.blank_before or (item.comments and item.blank_after_comments)):
            out.append("")
        out.extend(_comment(comment, lines) for comment in item.comments)
        if item.comments and item.blank_after_comments:
            out.append("")
        out.extend(_node(item.node, lines))
    return out


def _comment(comment: Comment, lines: list[str], indent: str = "") -> str:
    """The comment as written (its inner spacing kept), at `indent`; "" for a kept gap."""
    if comment.indent == "\0gap":
        return ""
    number = comment.span.line
    written = lines[number - 1].strip() if 0 < number <= len(lines) else f"# {comment.text}"
    return indent + written


def _node(node: Node, lines: list[str]) -> list[str]:
    if isinstance(node, Directive):
        return [with_comment(directive_line(node.name, node.value), node.comment)]
    if isinstance(node, SectionHeader):
        return [with_comment(section_line(node.title), node.comment)]
    if isinstance(node, Statement):
        return _statement(node, lines)
    if isinstance(node, (Support, Argument, Attack, Contradiction)):
        return _relation(node, lines)
    return [node.text] if isinstance(node, Invalid) else []


def _statement(statement: Statement, lines: list[str]) -> list[str]:
    text = " ".join(statement.header_text.split())
    out = [statement_header(statement.kind, statement.id, text)]
    out.extend(_body(statement.body, lines))
    return _without_trailing_blanks(out)


def _body(body: Sequence[BodyLine], lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in body:
        if isinstance(line, Continuation):
            out.append(continued_text(" ".join(line.text.split())))
        elif isinstance(line, QuoteLine):
            out.append(quote_line(line.text))
        elif isinstance(line, Attribute):
            out.append(with_comment(attribute_line(line.name, line.value), line.comment))
        elif isinstance(line, Comment):
            out.append(_comment(line, lines, BODY_INDENT))
        elif isinstance(line, Blank):
            if out and out[-1] != "":
                out.append("")
        else:
            out.append(line.text)
    return out


def _without_trailing_blanks(out: list[str]) -> list[str]:
    while out and out[-1] == "":
        out.pop()
    return out


def _relation(node: Relation, lines: list[str]) -> list[str]:
    """One line, rewritten; or, continued over several, its own lines re-indented."""
    continued = _continuations(node)
    if continued:
        first = lines[node.span.line - 1].rstrip() if node.span.line <= len(lines) else ""
        if isinstance(node, Argument):
            first = first.strip()
        out = [_code_and_comment(first)]
        indent = TEXT_INDENT if isinstance(node, Argument) else BODY_INDENT
        for line in continued:
            if isinstance(line, Continuation):
                out.append(indent + _code_and_comment(line.text))
            elif isinstance(line, Comment):
                out.append(_comment(line, lines, indent))
        if isinstance(node, Argument):
            attributes = [line for line in node.body if isinstance(line, Attribute)]
            out.extend(_body(attributes, lines))
        return out
    if isinstance(node, Argument):
        relation: Support | Attack | None = node.support or node.attack
        assert relation is not None
        written = _support(relation) if isinstance(relation, Support) else _attack(relation)
        code = argument_line(node.id, written)
        tags = [tag for tag in node.tags if f"#{tag}" not in code]
        if tags:
            code += " " + " ".join(f"#{tag}" for tag in tags)
        rest = [line for line in node.body if not isinstance(line, Continuation)]
        return [with_comment(code, relation.comment), *_body(rest, lines)]
    if isinstance(node, Support):
        return [with_comment(_support(node), node.comment)]
    if isinstance(node, Attack):
        return [with_comment(_attack(node), node.comment)]
    return [with_comment(contradiction_line(node.first.name, node.second.name), node.comment)]


def _code_and_comment(line: str) -> str:
    """A relation's line as written, with its trailing comment two spaces after the code."""
    end, comment = split_comment(line)
    return with_comment(line[:end].strip(), comment)


def _continuations(node: Relation) -> list[BodyLine]:
    body = node.support.body if isinstance(node, Argument) and node.support else node.body
    if isinstance(node, Argument):
        body = [line for line in node.body if isinstance(line, (Continuation, Comment))]
        if not any(isinstance(line, Continuation) for line in body):
            return []
        return body
    return body if any(isinstance(line, Continuation) for line in body) else []


def _support(support: Support) -> str:
    return support_line([[ref.name for ref in group] for group in support.chain], support.warrant)


def _attack(attack: Attack) -> str:
    return attack_line(" + ".join(attack.attacker_names()), _target(attack.target))


def _target(target: Ref | InferenceRef | AttackRef) -> str:
    if isinstance(target, Ref):
        return target.name
    return target.written()
