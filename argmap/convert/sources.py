"""Reading other tools' files: text with located decoding errors, JSON with a nesting limit."""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.errors import ConvertError

_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
MAX_JSON_DEPTH = 64
"""Deeper nesting than any real export has; refused before Python's parser would recurse."""


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is dropped); bad bytes are a ConvertError naming line and column."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = line_column(data[: error.start].decode("utf-8", "replace"), None)
        raise ConvertError("not UTF-8 text", path, line, column) from None


def line_column(text: str, offset: int | None) -> tuple[int, int]:
    """1-based line and column of `offset` in `text` (its end when None); lines end at \\n."""
    end = len(text) if offset is None else offset
    line = text.count("\n", 0, end) + 1
    return line, end - (text.rfind("\n", 0, end) + 1) + 1


def load_json(text: str, path: str) -> Any:
    """Parse JSON; a syntax error or nesting deeper than MAX_JSON_DEPTH is a ConvertError."""
    _check_depth(text, path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        message = f"not valid JSON: {error.msg}"
        # At the very end of a file that ends in a line break, json names the line after
        # the last; the end of the last line is the place inside the file.
        at = error.pos
        if at == len(text) and text.endswith("\n"):
            at -= 2 if text.endswith("\r\n") else 1
        line, column = line_column(text, at)
        raise ConvertError(message, path, line, column) from None


def _check_depth(text: str, path: str) -> None:
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                line, column = line_column(text, match.start())
                raise ConvertError(
                    f"JSON nested deeper than {MAX_JSON_DEPTH} levels", path, line, column
                )
        elif char in "]}":
            depth -= 1
