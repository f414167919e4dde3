"""How argmap splits text into lines: on LF and CRLF only, as editors and grep count them.

Python's `str.splitlines` also breaks at a lone CR, `\\v`, `\\f`, `\\x1c`-`\\x1e`, U+0085,
U+2028 and U+2029, which editors show inside a line; every line number after one would be
off. Those characters stay in the line's text, and the parser reports them
(`line_breaking_character`), because a reader cannot see them and some viewers break there.
"""

from __future__ import annotations

import re
import unicodedata
from array import array

LINE_BREAKING = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Characters `str.splitlines` breaks at besides LF (CR only when no LF follows it)."""
_LINE_BREAKING = re.compile(f"[{re.escape(LINE_BREAKING)}]")
CONTROL_CHARACTERS = "".join(
    chr(code) for code in (*range(0x20), 0x7F) if chr(code) not in "\t\n" + LINE_BREAKING
)
"""The ASCII control characters but tab, line feed and the line-breaking ones: invisible in
an editor, and acted on by a terminal (ESC starts a control sequence, BS overwrites)."""
_NAMES = {
    "\x00": "null",
    "\x07": "bell",
    "\x08": "backspace",
    "\x1b": "escape",
    "\x7f": "delete",
    "\r": "carriage return",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1c": "file separator",
    "\x1d": "group separator",
    "\x1e": "record separator",
    "\x85": "next line",
}


def split_lines(text: str) -> list[str]:
    """The lines of `text` without their line ends; LF or CRLF end a line, nothing else.

    Like `str.splitlines`, a final line end does not start another line, and "" has none.
    """
    *ended, last = text.split("\n")
    if "\r" in text:
        lines = [line[:-1] if line.endswith("\r") else line for line in ended]
    else:  # LF line ends: nothing to take off (a file search is quicker than a line loop)
        lines = ended
    if last:  # no LF after it: a CR at its end is a lone CR, text of the line
        lines.append(last)
    return lines


_LINE_FEED = re.compile("\n")


def line_starts(text: str) -> array[int]:
    """The offset in `text` where each of `split_lines(text)` starts: an index that finds
    any line without holding every line as a string of its own."""
    starts = array("q", [0])
    starts.extend(match.end() for match in _LINE_FEED.finditer(text))
    if starts[-1] == len(text):  # a final line end (or no text) starts no line
        starts.pop()
    return starts


def line_at(text: str, starts: array[int], number: int) -> str:
    """Line `number` (1-based) of `text`, as `split_lines` gives it; "" past the end."""
    if not 0 < number <= len(starts):
        return ""
    start = starts[number - 1]
    end = text.find("\n", start)
    if end < 0:  # the last line, with no LF after it: a CR at its end is its text
        return text[start:]
    return text[start : end - 1] if text.endswith("\r", start, end) else text[start:end]


def has_line_breaking_character(text: str) -> bool:
    """Whether `text` holds any character of LINE_BREAKING (CR included, even in CRLF):
    nine searches for one character each, three times quicker than the pattern on a
    long text."""
    return any(character in text for character in LINE_BREAKING)


def has_control_character(text: str) -> bool:
    """Whether `text` holds any of CONTROL_CHARACTERS (a search for each, as above)."""
    return any(character in text for character in CONTROL_CHARACTERS)


def line_breaking_character(line: str) -> int | None:
    """The index of the first character of `line` (already split) that some tools break at."""
    match = _LINE_BREAKING.search(line)
    return match.start() if match is not None else None


def character_name(ch: str) -> str:
    """`U+2028 (line separator)`: a character named so that a reader can find it."""
    name = _NAMES.get(ch) or unicodedata.name(ch, "").lower() or "a control character"
    return f"U+{ord(ch):04X} ({name})"
