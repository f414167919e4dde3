"""Reading other tools' files: text with located decoding errors, JSON with a nesting limit."""

from __future__ import annotations

import json
import re
import sys
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Any

from argmap.errors import ConvertError

# One token a match, never overlapping: a string (its closing quote optional, so that an
# unclosed string is one token to the end, not a rescan from every later quote), a bracket,
# or the start of a run of digits too long for int(). Every piece of the string's body starts
# with its own character, and a digit run is tried only where it starts: no backtracking.
_JSON_TOKEN = r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{{}}]|(?<![0-9])[0-9]{{{digits}}}'
_STRING_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)
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


class LineIndex:
    """The start of every line of a text, found once: any offset's line by bisection (one
    `line_column` per node would rescan the text from its start each time)."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *accumulate(len(line) + 1 for line in text.split("\n")[:-1])]

    def line(self, offset: int) -> int:
        """The 1-based line of `offset`."""
        return bisect_right(self.starts, offset)


def load_json(text: str, path: str) -> Any:
    """Parse JSON; a syntax error, nesting deeper than MAX_JSON_DEPTH, an integer longer than
    Python converts or a string escape that is half a surrogate pair is a ConvertError."""
    _check_tokens(text, path)
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
    except ValueError as error:  # _check_tokens finds these first; a safety net
        raise ConvertError(f"not valid JSON: {error}", path) from None


def _check_tokens(text: str, path: str) -> None:
    """One pass over the tokens: nesting depth, integer lengths and surrogate escapes."""
    depth = 0
    digits = sys.get_int_max_str_digits()
    for match in _token_pattern(digits).finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                _fail(f"JSON nested deeper than {MAX_JSON_DEPTH} levels", text, match.start(),
                      path)
        elif token in ("]", "}"):
            depth -= 1
        elif token[0] == '"':
            if "\\u" in token:
                _check_escapes(token, match.start(), text, path)
        else:
            _check_number(text, match.start(), digits, path)


@lru_cache(maxsize=2)
def _token_pattern(digits: int) -> re.Pattern[str]:
    pattern = _JSON_TOKEN.format(digits=digits + 1)
    if not digits:  # no limit: no run is too long
        pattern = pattern.rsplit("|", 1)[0]
    return re.compile(pattern, re.DOTALL)


def _check_number(text: str, start: int, digits: int, path: str) -> None:
    """A run of more than `digits` digits is refused where it is an integer (json would
    call int() on it and fail); a fraction or exponent makes it a float, which has no limit."""
    end = start
    while end < len(text) and "0" <= text[end] <= "9":
        end += 1
    if text[end : end + 1] not in (".", "e", "E"):
        _fail(f"an integer of {end - start:,} digits is longer than argmap reads "
              f"(at most {digits:,})", text, start, path)


def _check_escapes(token: str, start: int, text: str, path: str) -> None:
    """A `\\uD800`-`\\uDFFF` escape must be a high-low pair: alone it is no character, and
    no UTF-8 output could hold it."""
    expect_low_at = -1
    for match in _STRING_ESCAPE.finditer(token):
        unit = int(match.group(1), 16) if match.group(1) else -1
        if expect_low_at >= 0:
            if match.start() == expect_low_at and 0xDC00 <= unit <= 0xDFFF:
                expect_low_at = -1
                continue
            _lone_surrogate(token, expect_low_at - 6, start, text, path)
        if 0xD800 <= unit <= 0xDBFF:
            expect_low_at = match.end()
        elif 0xDC00 <= unit <= 0xDFFF:
            _lone_surrogate(token, match.start(), start, text, path)
    if expect_low_at >= 0:
        _lone_surrogate(token, expect_low_at - 6, start, text, path)


def _lone_surrogate(token: str, at: int, start: int, text: str, path: str) -> None:
    escape = token[at : at + 6]
    _fail(f"the string escape `{escape}` is half of a UTF-16 surrogate pair, not a character",
          text, start + at, path)


def _fail(message: str, text: str, offset: int, path: str) -> None:
    line, column = line_column(text, offset)
    raise ConvertError(message, path, line, column)
