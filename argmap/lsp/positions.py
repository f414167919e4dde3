"""Positions between argmap's spans (1-based lines, columns in code points) and the
protocol's (0-based lines, columns in UTF-16 code units), and paths to and from URIs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types

from argmap.errors import Span


def uri_to_path(uri: str) -> Path:
    """The file a `file://` URI names (other schemes: the URI's path, as best we can)."""
    parsed = urlparse(uri)
    path = unquote(parsed.path)
    if parsed.netloc and parsed.scheme == "file":  # a UNC path: //server/share/...
        path = f"//{parsed.netloc}{path}"
    if len(path) > 2 and path[0] == "/" and path[2] == ":":  # /C:/... on Windows
        path = path[1:]
    return Path(path)


def path_to_uri(path: str | Path) -> str:
    return Path(path).absolute().as_uri()


def utf16_column(line: str, column: int) -> int:
    """The UTF-16 offset of the 0-based code-point `column` of `line`."""
    head = line[:column]
    if head.isascii():
        return len(head)
    return len(head.encode("utf-16-le")) // 2


def code_point_column(line: str, character: int) -> int:
    """The 0-based code-point column of the UTF-16 offset `character` of `line`."""
    if line.isascii():
        return min(character, len(line))
    units = 0
    for index, ch in enumerate(line):
        if units >= character:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


def line_of(lines: list[str], number: int) -> str:
    """Line `number` (1-based) of `lines`, or "" past the end."""
    return lines[number - 1] if 0 < number <= len(lines) else ""


def to_range(span: Span | None, lines: list[str]) -> types.Range:
    """The protocol's range of `span` in a file of `lines` (the file's start when None)."""
    if span is None:
        return types.Range(types.Position(0, 0), types.Position(0, 0))
    start_line = line_of(lines, span.line)
    end_line = start_line if span.end_line == span.line else line_of(lines, span.end_line)
    start = types.Position(max(span.line - 1, 0), utf16_column(start_line, span.column - 1))
    end = types.Position(max(span.end_line - 1, 0), utf16_column(end_line, span.end_column - 1))
    return types.Range(start, end)


def contains(span: Span, line: int, column: int) -> bool:
    """Whether the 1-based `line` and code-point `column` fall in `span` (its end included,
    so that a cursor just after an ID still finds it)."""
    if not span.line <= line <= span.end_line:
        return False
    if line == span.line and column < span.column:
        return False
    return not (line == span.end_line and column > span.end_column)
