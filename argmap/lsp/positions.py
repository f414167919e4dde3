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


UTF16 = "utf-16"
"""The protocol's default unit of columns; a client may agree on "utf-8" or "utf-32"."""


def unit_column(line: str, column: int, encoding: str = UTF16) -> int:
    """The offset, in the agreed `encoding`'s code units, of the 0-based code-point
    `column` of `line`."""
    head = line[:column]
    if head.isascii() or encoding == "utf-32":
        return len(head)
    if encoding == "utf-8":
        return len(head.encode("utf-8", "surrogatepass"))
    return len(head.encode("utf-16-le", "surrogatepass")) // 2


def code_point_column(line: str, character: int, encoding: str = UTF16) -> int:
    """The 0-based code-point column of the offset `character` (in the agreed
    `encoding`'s code units) of `line`."""
    if line.isascii() or encoding == "utf-32":
        return min(character, len(line))
    units = 0
    for index, ch in enumerate(line):
        if units >= character:
            return index
        code = ord(ch)
        if encoding == "utf-8":
            units += 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        else:
            units += 2 if code > 0xFFFF else 1
    return len(line)


def line_of(lines: list[str], number: int) -> str:
    """Line `number` (1-based) of `lines`, or "" past the end."""
    return lines[number - 1] if 0 < number <= len(lines) else ""


def to_range(span: Span | None, lines: list[str], encoding: str = UTF16) -> types.Range:
    """The protocol's range of `span` in a file of `lines` (the file's start when None)."""
    if span is None:
        return types.Range(types.Position(0, 0), types.Position(0, 0))
    start_line = line_of(lines, span.line)
    end_line = start_line if span.end_line == span.line else line_of(lines, span.end_line)
    start = unit_column(start_line, span.column - 1, encoding)
    end = unit_column(end_line, span.end_column - 1, encoding)
    return types.Range(
        types.Position(max(span.line - 1, 0), start),
        types.Position(max(span.end_line - 1, 0), end),
    )


def contains(span: Span, line: int, column: int) -> bool:
    """Whether the 1-based `line` and code-point `column` fall in `span` (its end included,
    so that a cursor just after an ID still finds it)."""
    if not span.line <= line <= span.end_line:
        return False
    if line == span.line and column < span.column:
        return False
    return not (line == span.end_line and column > span.end_column)
