"""`argmap fmt`'s layout as edits: the whole document, or the lines of a selection."""

from __future__ import annotations

import difflib

from lsprotocol import types

from argmap.errors import ParseError
from argmap.language.format import format_text
from argmap.textlines import split_lines


def format_edits(text: str, path: str) -> list[types.TextEdit]:
    """The edits that give `text` fmt's layout, each over the lines that change (so the
    cursor and folds stay where they were); none when the text has syntax errors."""
    try:
        formatted = format_text(text, path)
    except ParseError:
        return []
    return line_edits(text, formatted)


def format_range_edits(text: str, path: str, first: int, last: int) -> list[types.TextEdit]:
    """The edits that give lines `first` to `last` (0-based, inclusive) fmt's layout, as a
    map of their own; none when those lines alone have syntax errors."""
    lines = split_lines(text)
    if not lines:
        return []
    last = min(last, len(lines) - 1)
    # A statement's indented lines belong to it: the selection starts at its header.
    while first > 0 and lines[first][:1] in (" ", "\t"):
        first -= 1
    while last + 1 < len(lines) and lines[last + 1][:1] in (" ", "\t"):
        last += 1
    ending = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
    part = ending.join(lines[first : last + 1]) + ending
    try:
        formatted = format_text(part, path)
    except ParseError:
        return []
    edits = line_edits(part, formatted)
    return [
        types.TextEdit(
            types.Range(
                types.Position(edit.range.start.line + first, edit.range.start.character),
                types.Position(edit.range.end.line + first, edit.range.end.character),
            ),
            edit.new_text,
        )
        for edit in edits
    ]


def line_edits(old: str, new: str) -> list[types.TextEdit]:
    """Whole-line edits that turn `old` into `new`."""
    before = old.splitlines(keepends=True)
    after = new.splitlines(keepends=True)
    edits = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, start, end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(types.TextEdit(
            types.Range(types.Position(start, 0), types.Position(end, 0)),
            "".join(after[new_start:new_end]),
        ))
    return edits
