"""A file parsed block by block, each block kept between edits: typing in one statement
parses that statement again, not the whole map.

A block runs from a line at column 0 that is not blank nor a comment (a statement, a
relation, a directive, a section) to the next one. The parser starts afresh at each such
line (whatever was open is closed there, comments and blank lines before it included), so
the blocks parsed apart give the nodes and errors of the file parsed whole. A block is kept
with its first line's number: one whose text moved (lines added or removed above it) is
parsed again, as its spans have moved.
"""

from __future__ import annotations

from argmap.errors import Diagnostic
from argmap.language.lexer import indentation, is_comment
from argmap.language.parser import parse_source
from argmap.language.syntax import Node, SourceFile
from argmap.textlines import has_control_character, has_line_breaking_character, split_lines

Parsed = tuple[list[Node], list[Diagnostic]]
BlockCache = dict[tuple[str, int, str], Parsed]
"""(file, first line, text) -> the block's nodes and errors."""


def starts_block(line: str) -> bool:
    """A line the parser starts afresh at: column 0, neither blank nor a comment."""
    return bool(line) and indentation(line) == 0 and not line.isspace() and not (
        line[0] == "#" and is_comment(line)
    )


def split_blocks(lines: list[str]) -> list[tuple[int, str]]:
    """The blocks of a file's `lines`: (number of the first line, text)."""
    found: list[tuple[int, str]] = []
    start = 0
    for index in range(1, len(lines)):
        if starts_block(lines[index]):
            found.append((start + 1, "\n".join(lines[start:index]) + "\n"))
            start = index
    if lines:
        found.append((start + 1, "\n".join(lines[start:]) + "\n"))
    return found


def parse_blocks(
    text: str, file: str, initial_section: str | None, cache: BlockCache, used: set[object]
) -> tuple[SourceFile, list[Diagnostic]]:
    """`parse_source(text, file, initial_section)`, with the blocks found in `cache` taken
    from it and the others parsed and added; every block used is added to `used`."""
    lines = split_lines(text)
    joined = "\n".join(lines)
    if has_line_breaking_character(joined) or has_control_character(joined):
        # Such a line is parsed with those characters read as spaces: where blocks start
        # is then the parser's to say.
        return parse_source(text, file, initial_section)
    nodes: list[Node] = []
    errors: list[Diagnostic] = []
    for first, block in split_blocks(lines):
        key = (file, first, block)
        used.add(key)
        parsed = cache.get(key)
        if parsed is None:
            source, found = parse_source(block, file, initial_section, first)
            parsed = cache[key] = (source.nodes, found)
        nodes.extend(parsed[0])
        errors.extend(parsed[1])
    return SourceFile(file, text, nodes, initial_section), errors
