"""Argdown's inline markup found by scanning, in time linear in the text: comments, links,
data blocks, shortcodes, mentions, tags and emphasis.

Markup whose end may be far away or missing is not matched with lazy patterns (`<!--.*?-->`,
`@\\[(.+?)\\]`): a pattern rescans to the end of the text from every opener that is never
closed, so 10,000 unclosed `<!--` took minutes. Here each closer is looked for once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from argmap.convert.argdown_shortcodes import replace_shortcodes

COMMENT_MARK = "\x00"
DATA_MARK = "\x01"
"""`DATA_MARK n DATA_MARK` stands where the n-th data block (`{...}`) was taken out."""
DATA_REFERENCE = re.compile("\x01(\\d+)\x01")
_MARKUP_START = re.compile(r"[\\</\[{]")
_ESCAPE = re.compile(r"\\(.)")
_DATA = re.compile(r"\{[^{}]*\}\s*$")  # one `{` tried at a time, up to the next brace
# An escaped character hides in the Supplementary Private Use Area while markup is taken out.
_HIDDEN = 0xF0000


@dataclass
class DataBlock:
    """A `{...}` data block (YAML) as written, and where it starts."""

    raw: str
    line: int
    column: int


class _DataFinder:
    """Where the data block that opens at a `{` ends, as Argdown's lexer finds it
    (`{((?!}\\s[^,}])(.|\\n))*}(?!\\s*(,|}))`), without rescanning from every opener: a
    block may not run past a `}` followed by a space and another character (a *stop*), and
    ends at the last `}` before that stop which no `,` or `}` follows."""

    def __init__(self, text: str) -> None:
        self.stops = [m.start() for m in re.finditer(r"\}(?=\s[^,}])|[\u2028\u2029]", text)]
        self.ends = [m.start() for m in re.finditer(r"\}(?!\s*[,}])", text)]
        self.text = text

    def end(self, start: int) -> int:
        """The index of the `}` that closes the block opened at `start`; -1 if none does."""
        index = bisect_right(self.stops, start)
        if index < len(self.stops):
            stop = self.stops[index]
            limit = stop if self.text[stop] == "}" else stop - 1
        else:
            limit = len(self.text) - 1
        last = bisect_right(self.ends, limit) - 1
        return self.ends[last] if last >= 0 and self.ends[last] > start else -1


class _Finder:
    """`text.find(needle, start)` for starts that never decrease: an answer still ahead of
    the start is reused, so that a thousand openers without a closer cost one search."""

    def __init__(self, text: str, needle: str) -> None:
        self.text = text
        self.needle = needle
        self.found = -2  # not searched yet

    def find(self, start: int) -> int:
        if self.found == -1 or self.found >= start:
            return self.found
        self.found = self.text.find(self.needle, start)
        return self.found


def blank_comments(text: str, data: list[DataBlock] | None = None, first_line: int = 1) -> str:
    """Comments replaced by COMMENT_MARK (newlines kept) and links by their text, so that
    positions stay; an escaped character (`\\<`) starts neither.

    A line left with nothing but marks was only a comment: the reader skips it, so that it
    neither ends a paragraph nor a tree of relations. With `data`, each data block (which
    may span lines, and is looked for before a comment inside it) is appended to it and
    replaced by its reference (`DATA_MARK n DATA_MARK`) on its first line and marks on the
    others; `first_line` is the number of the text's first line.
    """
    finders = {needle: _Finder(text, needle) for needle in ("-->", "*/", "\n", "]", ")")}
    blocks = _DataFinder(text) if data is not None and "{" in text else None
    parts: list[str] = []
    done = at = counted = line_start = 0
    line = first_line
    while (match := _MARKUP_START.search(text, at)) is not None:
        at = match.start()
        if text[at] == "\\":
            at += 2  # an escaped character, kept as it is
            continue
        if text[at] == "{":
            close = blocks.end(at) if blocks is not None else -1
            if close < 0 or data is None:
                at += 1
                continue
            line += text.count("\n", counted, at)
            line_start = max(line_start, text.rfind("\n", counted, at) + 1)
            counted = at
            column = at - line_start + 1
            reference = f"{DATA_MARK}{len(data)}{DATA_MARK}"
            data.append(DataBlock(text[at : close + 1], line, column))
            rows = text[at : close + 1].split("\n")
            rows[0] = reference + COMMENT_MARK * (len(rows[0]) - len(reference))
            rows[1:] = [COMMENT_MARK * len(row) for row in rows[1:]]
            parts += [text[done:at], "\n".join(rows)]
            done = at = close + 1
            continue
        end, replacement = _comment_or_link(text, at, finders)
        if end < 0:
            at += 1
            continue
        parts += [text[done:at], replacement]
        done = at = end
    parts.append(text[done:])
    return "".join(parts)


def _comment_or_link(text: str, at: int, finders: dict[str, _Finder]) -> tuple[int, str]:
    """The end of the comment or link `[text](url)` at `at` and what replaces it; -1 if none
    starts there."""
    end = -1
    if text.startswith("<!--", at):
        close = finders["-->"].find(at + 4)
        end = close + 3 if close >= 0 else -1
    elif text.startswith("/*", at):
        close = finders["*/"].find(at + 2)
        end = close + 2 if close >= 0 else -1
    elif text.startswith("//", at):
        close = finders["\n"].find(at + 2)
        end = close if close >= 0 else len(text)
    elif text[at] == "[":
        close = finders["]"].find(at + 1)
        if close > at + 1 and text.startswith("(", close + 1):
            paren = finders[")"].find(close + 2)
            if paren > close + 2:
                label = text[at + 1 : close]
                return paren + 1, label + " " * (paren + 1 - at - len(label))
        return -1, ""
    if end < 0:
        return -1, ""
    return end, "\n".join(COMMENT_MARK * len(line) for line in text[at:end].split("\n"))


def clean_text(text: str) -> tuple[str, list[str]]:
    """Argdown inline markup taken out of one line: tags (returned), data, mentions,
    emphasis; shortcodes become their symbols; an escaped character (`\\*`) stands for
    itself."""
    # Each pass only where its mark is: most texts have none (a heading, a plain sentence).
    hidden = "\\" in text
    if hidden:
        text = _ESCAPE.sub(_hide, text)
    if DATA_MARK in text:
        text = DATA_REFERENCE.sub(" ", text)
    text = replace_shortcodes(text)
    tags: list[str] = []
    if "#" in text:
        text, tags = _replace_marked(text, "#", _tag)
    if "{" in text:
        text = _DATA.sub("", text)
    if "@" in text:
        text, _ = _replace_marked(text, "@", _mention)
    for double in ("**", "__"):
        if double in text:
            text = _unwrap_double(text, double)
    for single in ("*", "_"):
        if single in text:
            text = _unwrap_single(text, single)
    if hidden:
        text, tags = _shown(text), [_shown(tag) for tag in tags]
    return " ".join(text.split()), list(dict.fromkeys(tag.strip() for tag in tags))


Replace = Callable[[str, int, "dict[str, _Finder]"], "tuple[int, str, str | None]"]


def _replace_marked(text: str, mark: str, replace: Replace) -> tuple[str, list[str]]:
    """Each markup `replace` finds at a `mark` replaced; the tags it names, in order."""
    finders = {needle: _Finder(text, needle) for needle in (")", "]", ">")}
    parts: list[str] = []
    tags: list[str] = []
    done = at = 0
    while (at := text.find(mark, at)) >= 0:
        end, replacement, tag = replace(text, at, finders)
        if end < 0:
            at += 1
            continue
        if tag is not None:
            tags.append(tag)
        parts += [text[done:at], replacement]
        done = at = end
    parts.append(text[done:])
    return "".join(parts), tags


def _mention(text: str, at: int, finders: dict[str, _Finder]) -> tuple[int, str, str | None]:
    """`@[Title]` or `@<Title>` at `at` -> (its end, the title, None); end -1 if none."""
    closer = {"[": "]", "<": ">"}.get(text[at + 1 : at + 2])
    if closer is not None:
        close = finders[closer].find(at + 3)  # a title of at least one character
        if close >= 0:
            return close + 1, text[at + 2 : close], None
    return -1, "", None


def _tag(text: str, at: int, finders: dict[str, _Finder]) -> tuple[int, str, str | None]:
    """`#(several words)` or `#word` at `at` -> (its end, a space, the tag); end -1 if none."""
    following = text[at + 1 : at + 2]
    if following == "(":
        close = finders[")"].find(at + 2)
        if close > at + 2:
            return close + 1, " ", text[at + 2 : close]
    if following and _is_word(following) and following != "_":
        end = at + 2
        while end < len(text) and (_is_word(text[end]) or text[end] == "-"):
            end += 1
        return end, " ", text[at + 1 : end]
    return -1, "", None


def _unwrap_double(text: str, mark: str) -> str:
    """`**strong**` (or `__strong__`) -> `strong`: from each opener to the next mark with
    at least one character between them."""
    parts: list[str] = []
    done = 0
    while (start := text.find(mark, done)) >= 0:
        close = text.find(mark, start + 3)
        if close < 0:
            break  # no later opener has a closer either
        parts += [text[done:start], text[start + 2 : close]]
        done = close + 2
    parts.append(text[done:])
    return "".join(parts)


def _unwrap_single(text: str, mark: str) -> str:
    """`*emphasis*` (or `_emphasis_`) -> `emphasis`: the opener follows no word character or
    mark and precedes no space; the closer follows no space and precedes no word or mark."""
    positions = [match.start() for match in re.finditer(re.escape(mark), text)]
    if len(positions) < 2:
        return text

    def blocks(index: int) -> bool:
        return 0 <= index < len(text) and (_is_word(text[index]) or text[index] == mark)

    openers = [at for at in positions if not blocks(at - 1) and at + 1 < len(text)
               and not text[at + 1].isspace()]
    closers = [at for at in positions if not text[at - 1].isspace() and not blocks(at + 1)]
    parts: list[str] = []
    done = next_closer = 0
    for start in openers:
        if start < done:
            continue  # inside the emphasis just taken out
        while next_closer < len(closers) and closers[next_closer] < start + 2:
            next_closer += 1
        if next_closer == len(closers):
            break
        close = closers[next_closer]
        parts += [text[done:start], text[start + 1 : close]]
        done = close + 1
    parts.append(text[done:])
    return "".join(parts)


def _is_word(char: str) -> bool:
    """What `\\w` matches: a letter, digit or underscore, in any script."""
    return char.isalnum() or char == "_"


def _hide(match: re.Match[str]) -> str:
    char = match.group(1)
    return chr(_HIDDEN + ord(char)) if ord(char) < 0xFFFE else char


def _shown(text: str) -> str:
    return "".join(
        chr(ord(char) - _HIDDEN) if _HIDDEN <= ord(char) < _HIDDEN + 0xFFFE else char
        for char in text
    )
