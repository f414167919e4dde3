"""Write an ArgumentMap as `.argmap` text in the canonical layout importers and `fmt` share.

Each line is written by `argmap.maptext`, as `fmt` writes it. Directives first, then the
statements that belong to no section, then each section with its statements; each group's
relations follow its statements (a relation lives in the section of the statement it
concludes or attacks). One relation per line; chains are not re-formed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from argmap.convert.losses import Losses
from argmap.errors import ConvertError
from argmap.language.lexer import MAX_NESTING
from argmap.language.nodelink import document_as_written
from argmap.maptext import (
    argument_line,
    attack_line,
    attribute_line,
    contradiction_line,
    directive_line,
    join_blocks,
    quote_line,
    section_line,
    statement_header,
    support_line,
    tags_after,
)
from argmap.model import (
    ATTACK,
    ATTACK_EDGE,
    CONTRADICTS_EDGE,
    INFERENCE,
    ArgumentMap,
)

ATTRIBUTE_ORDER = ("by", "note", "source", "url", "confidence")
_TAG_LIKE = re.compile(r"(?<!\S)#(?=[^\W\d_])")
_NOT_TAG_CHAR = re.compile(r"[^\w-]+")
_SPACES = re.compile(r"[\s\x00-\x08\x0e-\x1f\x7f]+")
"""Whitespace, and the control characters a map may not hold (they would not read back)."""
_COMMENT_LIKE = re.compile(r"\s#(\s+|$)")


def one_line(text: str) -> str:
    """Text as one line: runs of whitespace (newlines included) and control characters
    become one space."""
    return _SPACES.sub(" ", text).strip()


def safe_text(text: str, losses: Losses | None = None) -> str:
    """Text that reads back as itself: a `#` that would start a tag gets a space after it."""
    text = one_line(text)
    if _TAG_LIKE.search(text):
        if losses is not None:
            losses.add("`#word` in a text would read as a tag in argmap; written as `# word`")
        text = _TAG_LIKE.sub("# ", text)
    return text


def tag_name(tag: str, losses: Losses | None = None) -> str:
    """A tag as argmap can write it: a letter, then letters, digits, `-` or `_`."""
    name = _NOT_TAG_CHAR.sub("-", tag.strip()).strip("-")
    if not name or not name[0].isalpha():
        name = f"t-{name}" if name else "tag"
    if name != tag and losses is not None:
        losses.add("a tag that argmap cannot write as it is was renamed (`#(a b)` -> `#a-b`)")
    return name


def write_argmap(amap: ArgumentMap, losses: Losses | None = None) -> str:
    """The map as `.argmap` text, ending in one newline."""
    blocks: list[list[str]] = [_directives(amap)]
    groups = _groups(amap)
    for title, (statements, relations) in groups.items():
        block: list[str] = []
        if title is not None:
            block.append(section_line(one_line(title)))
            block.append("")
        for statement in statements:
            block.extend(_statement(amap, statement, losses))
        if relations:
            if statements or title is not None:
                block.append("")
            block.extend(relations)
        while block and block[-1] == "":
            block.pop()
        blocks.append(block)
    return join_blocks(blocks)


def _directives(amap: ArgumentMap) -> list[str]:
    lines = []
    for name, value in (("title", amap.title), ("author", amap.author), ("date", amap.date)):
        if value:
            lines.append(directive_line(name, one_line(value)))
    lines.extend(directive_line("source", one_line(source)) for source in amap.sources)
    document = document_as_written(amap)
    if document:
        lines.append(directive_line("document", document))
    return lines


def _groups(amap: ArgumentMap) -> dict[str | None, tuple[list[str], list[str]]]:
    """Section title (None first) -> its statements and its relations' lines."""
    groups: dict[str | None, tuple[list[str], list[str]]] = {None: ([], [])}
    for section in amap.sections:
        groups.setdefault(section.title, ([], []))
    for statement, data in amap.statements():
        groups.setdefault(data.get("section"), ([], []))[0].append(statement)
    for home, line in _relations(amap):
        groups.setdefault(home, ([], []))[1].append(line)
    return groups


def _relations(amap: ArgumentMap) -> Iterable[tuple[str | None, str]]:
    graph = amap.graph
    for inference, data in amap.inferences():
        conclusion = amap.conclusion_of(inference)
        warrant = data.get("warrant")
        line = support_line(
            [amap.premises_of(inference), [conclusion]], one_line(warrant) if warrant else None
        )
        yield graph.nodes[conclusion].get("section"), _named(line, data)
    written: set[frozenset[str]] = set()
    # The graph's edges rather than `amap.relations()`: a named attack's line needs its node.
    for node, targets in graph.adjacency():
        for target, edge in targets.items():
            kind = edge["kind"]
            if kind == ATTACK_EDGE:
                source = amap.attacker_written(node)
                _check_nesting(amap, source, target, edge)
                line = attack_line(source, amap.written(target))
                yield _home(amap, target), _named(line, graph.nodes[node])
            elif kind == CONTRADICTS_EDGE:
                source = amap.attack_source(node)
                pair = frozenset((source, target))
                if pair not in written:
                    written.add(pair)
                    yield graph.nodes[source].get("section"), contradiction_line(source, target)


def _named(line: str, data: dict[str, Any]) -> str:
    """A relation's line as `argument NAME: ...` with its tags and attributes, when the
    inference or attack is named (else the line as it is)."""
    if not data.get("name"):
        return line
    tags = [tag_name(tag, None) for tag in data.get("tags") or ()]
    line = tags_after(argument_line(data["name"], line), tags)
    attributes = data.get("attributes") or {}
    for name in ATTRIBUTE_ORDER:
        value = attributes.get(name)
        text = _attribute_text(value, None) if value is not None else ""
        if text:
            line += "\n" + attribute_line(name, text)
    return line


def _check_nesting(amap: ArgumentMap, source: str, target: str, data: dict[str, Any]) -> None:
    """An attack whose target would be written in brackets nested deeper than the language
    reads (an undercut of an undercut of ... from arggraph or AIF) is a ConvertError: the
    map written would not read back. Counted only up to the limit, so each line costs little."""
    depth = 0
    while amap.kind(target) == ATTACK and depth <= MAX_NESTING:
        depth += 1
        target = amap.target_of(target)
    if amap.kind(target) == INFERENCE and not amap.graph.nodes[target].get("name"):
        depth += 1
    if depth > MAX_NESTING:
        span = data.get("span")
        raise ConvertError(
            f"the attack by `{source}` is on attacks nested more than "
            f"{MAX_NESTING} deep, deeper than argmap's language can write",
            *((span.file, span.line, span.column) if span is not None else ()),
        )


def _home(amap: ArgumentMap, target: str) -> str | None:
    """The section of an attack's line: its target's, through attacks and inferences."""
    while not amap.is_statement(target):
        if amap.kind(target) == ATTACK:
            target = amap.target_of(target)
        else:
            target = amap.conclusion_of(target)
    section: str | None = amap.graph.nodes[target].get("section")
    return section


def _statement(amap: ArgumentMap, statement: str, losses: Losses | None) -> list[str]:
    data = amap.graph.nodes[statement]
    text = safe_text(str(data.get("text") or statement), losses)
    tags = [tag_name(tag, losses) for tag in data.get("tags") or ()]
    lines = [tags_after(statement_header(data["kind"], statement, text), tags)]
    quotes = [one_line(quote) for quote in data.get("quotes") or () if one_line(quote)]
    for index, quote in enumerate(quotes):
        if index:
            lines.append(quote_line(""))
        lines.append(quote_line(quote))
    attributes = data.get("attributes") or {}
    for name in ATTRIBUTE_ORDER:
        value = attributes.get(name)
        text = _attribute_text(value, losses) if value is not None else ""
        if text:
            lines.append(attribute_line(name, text))
    if attributes.get("implicit"):
        lines.append(attribute_line("implicit", ""))
    return lines


def _attribute_text(value: object, losses: Losses | None) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    # ` # ` would start a trailing comment on an attribute line, and so would `# ` at the
    # start of the value, after the space that follows `@note`.
    text = " " + one_line(str(value))
    if _COMMENT_LIKE.search(text):
        if losses is not None:
            losses.add("` # ` in a note or citation would start a comment; written as ` #`")
        text = _COMMENT_LIKE.sub(lambda match: " #" if match.group(1) else "", text)
    return text.strip()
