"""One CommonMark pass over a Markdown document: its ```argmap (or Pandoc's ```{.argmap})
blocks and generated regions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from argmap.embed.attributes import is_pandoc_form

INFO_WORD = "argmap"
BEGIN = "<!-- argmap:begin"
END = "<!-- argmap:end"
BEFORE = "<!-- argmap:before"
"""The region that opens a collapsed `<details>` in front of a block (`--hide-source`)."""

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_PARSER = MarkdownIt("commonmark")


@dataclass(frozen=True)
class Block:
    """A fenced block whose info string starts with the word `argmap`, or is Pandoc's
    `{.argmap ...}`; lines are 0-based."""

    start: int
    """The opening fence's line."""
    end: int
    """The line after the closing fence."""
    info: str
    """The info string after `argmap` (the block's attributes), or Pandoc's `{...}` whole."""
    body: str
    """The block's content, with the fence's indentation and container prefixes removed."""
    prefix: str
    """What starts a line inside the block's container (indentation, `> `)."""
    closed: bool
    opens_item: bool = False
    """The opening fence is on a list item's first line (`- ```argmap`): nothing can be
    put in front of it inside the item."""


@dataclass(frozen=True)
class Region:
    """Lines between generated-content markers: `begin` is the opening marker's line, `end`
    the line after the closing marker."""

    kind: str
    """`figure` (after a block) or `before` (in front of one)."""
    begin: int
    end: int
    digest: str
    """The digest the opening marker records (what argmap wrote between the markers)."""
    tails: tuple[str, str] = ("", "")
    """Text after `-->` on the opening and the closing marker's line: the user's, kept."""


@dataclass(frozen=True)
class MarkerProblem:
    """A marker without its partner: the document is left as it is."""

    line: int
    message: str


@dataclass
class Scan:
    """A document split into lines (endings kept), its blocks and regions, in order."""

    lines: list[str]
    blocks: list[Block] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    problems: list[MarkerProblem] = field(default_factory=list)


_Open = tuple[str, int, str, str]
"""An opening marker not yet closed: its kind, line, digest and tail."""
_CONTAINERS = ("blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open")


def split_lines(text: str) -> list[str]:
    """Lines with their endings (LF, CRLF or CR, as CommonMark counts them)."""
    return _LINE.findall(text)


def scan(text: str) -> Scan:
    """Find the blocks and the generated regions of `text` (without a BOM)."""
    result = Scan(split_lines(text))
    opened: _Open | None = None
    limit = _PARSER.options.maxNesting
    for token in _PARSER.parse(text):
        if token.map is None:
            continue
        start, end = token.map
        if token.nesting == 1 and token.level >= limit - 1 and token.type in _CONTAINERS:
            # The parser reads nothing inside a container this deep, nor after it: any
            # block there would be missed (and its figure deleted as unused).
            result.problems.append(MarkerProblem(start, _too_deep(limit)))
            return result
        if token.type == "fence" and _is_argmap(token.info):
            result.blocks.append(_block(result.lines, token.info, token.markup,
                                        token.content, start, end))
        elif token.type == "html_block":
            # A marker may share an HTML block with other HTML (`</details>` runs on to
            # the next blank line), so look at each line of the block.
            for line in range(start, end):
                opened = _marker(result, result.lines[line].lstrip(" \t>").rstrip(), line, opened)
    if opened is not None:
        result.problems.append(MarkerProblem(opened[1], _unclosed(opened[1])))
    return result


def _too_deep(limit: int) -> str:
    return (
        f"lists and quotes nest too deeply here ({limit} levels) for argmap's Markdown "
        "reader, which cannot see past this line, so argmap changes nothing in the "
        "document: nest them less deeply"
    )


def marker_tail(content: str) -> str:
    """What follows the `-->` that ends a marker on its line."""
    _, found, tail = content.partition("-->")
    return tail.strip() if found else ""


def _is_argmap(info: str) -> bool:
    words = info.split(maxsplit=1)
    return bool(words) and words[0] == INFO_WORD or is_pandoc_form(info)


def _block(lines: list[str], info: str, markup: str, body: str, start: int, end: int) -> Block:
    opening = lines[start]
    at = opening.find(markup)
    prefix = "".join(ch if ch in ">\t" else " " for ch in opening[: max(at, 0)])
    last = lines[end - 1] if end - 1 > start else ""
    closing = re.compile(r"[ \t>]*" + re.escape(markup[0]) + "{" + str(len(markup)) + r",}[ \t]*")
    closed = end - 1 > start and closing.fullmatch(last.rstrip("\r\n")) is not None
    opens_item = any(ch not in " \t>" for ch in opening[: max(at, 0)])
    info = info.strip() if is_pandoc_form(info) else info.strip()[len(INFO_WORD):].strip()
    return Block(start, end, info, body, prefix, closed, opens_item)


def _marker(result: Scan, content: str, line: int, opened: _Open | None) -> _Open | None:
    """Track opening and closing markers; returns the region still open."""
    for kind, mark in (("figure", BEGIN), ("before", BEFORE)):
        if content.startswith(mark):
            if opened is not None:
                result.problems.append(MarkerProblem(opened[1], _unclosed(opened[1])))
            words = content[len(mark):].partition("-->")[0].split()
            return (kind, line, words[0] if words else "", marker_tail(content))
    if content.startswith(END):
        if opened is None:
            result.problems.append(MarkerProblem(line, (
                f"this `{END} -->` marker has no opening marker above it, so argmap cannot "
                "tell which lines it made: restore the opening marker, or delete this one "
                "and the lines argmap made above it"
            )))
            return None
        tails = (opened[3], marker_tail(content))
        result.regions.append(Region(opened[0], opened[1], line + 1, opened[2], tails))
        return None
    return opened


def _unclosed(_line: int) -> str:
    return (
        f"this marker has no `{END} -->` after it, so argmap cannot tell which lines it "
        "made: restore the closing marker, or delete this one and the lines argmap made "
        "after it"
    )
