"""Read Argdown text into its elements, relations and premise-conclusion structures.

A line-based reader of the Argdown syntax that argument maps use: front matter, headings,
titled and untitled statements, arguments, relation trees (`+ - _ <+ +> <- -> <_ _> ><`, nested
by indentation), premise-conclusion structures with inference rules, tags, mentions, comments
(`<!-- -->`, `/* */`, `//`), Markdown emphasis and links, lists and `@include(file)`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.convert.argdown_markup import COMMENT_MARK, blank_comments, clean_text
from argmap.errors import ConvertError

SUPPORT = "support"
ATTACK = "attack"
UNDERCUT = "undercut"
CONTRADICTION = "contradiction"
# operator -> (relation, True when the child is the relation's source)
OPERATORS: dict[str, tuple[str, bool]] = {
    "+>": (SUPPORT, False),
    "->": (ATTACK, False),
    "_>": (UNDERCUT, False),
    "<+": (SUPPORT, True),
    "<-": (ATTACK, True),
    "<_": (UNDERCUT, True),
    "><": (CONTRADICTION, True),
    "+": (SUPPORT, True),
    "-": (ATTACK, True),
    "_": (UNDERCUT, True),
}
_RELATION = re.compile(r"^([ \t]*)(\+>|->|_>|<\+|<-|<_|><|\+|-(?!-)|_(?=\s))[ \t]*(.*)$")
_PCS_NUMBER = re.compile(r"^([ \t]*)\((\d+)\)[ \t]*(.*)$")
_INFERENCE = re.compile(r"^[ \t]*--")
_HEADING = re.compile(r"^(#+) +(.*)$")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:\*|\d+\.)[ \t]+(.*)$")
_INCLUDE = re.compile(r"^[ \t]*@include\(([^)]+)\)[ \t]*$")
_STATEMENT_HEAD = re.compile(r"^\[(.+?)\]\s*(:?)")
_ARGUMENT_HEAD = re.compile(r"^<(.+?)>\s*(:?)")
_BRACED = re.compile(r"\{([^{}]*)\}")
_NOT_A_GROUP = re.compile(r"isGroup\s*:\s*false")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_INCLUDE_DEPTH = 16
MAX_INCLUDES = 1000
"""Includes read in all, each counted: a file may include another many times, and that one
others many times more (16 levels deep: 10^16 reads of ten includes a file)."""


@dataclass
class Element:
    """A statement or argument as written: `[Title]: text`, `<Title>`, or untitled text."""

    kind: str  # "statement" or "argument"
    title: str | None
    text: str
    tags: list[str]
    path: str
    line: int
    column: int
    section: str | None = None
    defines: bool = False
    """True for `[Title]: text` and `<Title>: text`; False for a bare reference."""


@dataclass
class Relation:
    source: Element
    target: Element
    kind: str
    line: int


@dataclass
class Inference:
    """The line between premises and conclusion: `----`, or `-- rule --` with its rules."""

    rules: str | None
    line: int


@dataclass
class Reconstruction:
    """A premise-conclusion structure and the argument it reconstructs (None: untitled)."""

    argument: Element | None
    steps: list[Element | Inference] = field(default_factory=list)


@dataclass
class ArgdownDocument:
    """Everything the map needs from an Argdown file (and the files it includes)."""

    path: str
    metadata: dict[str, str] = field(default_factory=dict)
    elements: list[Element] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    reconstructions: list[Reconstruction] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    """The titles of the headings that group statements (not `{isGroup: false}`)."""
    headings: list[tuple[int, str]] = field(default_factory=list)
    """Every heading's level and title, in order."""
    related: set[int] = field(default_factory=set)
    """ids of elements that stand in a relation or a reconstruction."""
    included: list[Path] = field(default_factory=list)
    """The real path of each file read through `@include`, in the order read."""


def parse_element(raw: str, path: str, line: int, column: int, section: str | None) -> Element:
    """One element from its (joined) text: its kind, title, text and tags."""
    raw = raw.strip()
    for kind, pattern in (("statement", _STATEMENT_HEAD), ("argument", _ARGUMENT_HEAD)):
        match = pattern.match(raw)
        if match and (match.group(2) or not clean_text(raw[match.end():])[0]):
            text, tags = clean_text(raw[match.end():])
            title = " ".join(match.group(1).split())
            return Element(kind, title, text, tags, path, line, column, section,
                           defines=bool(match.group(2)))
    text, tags = clean_text(raw)
    return Element("statement", None, text, tags, path, line, column, section, defines=True)


def read_argdown(text: str, path: str, root: Path | None = None) -> ArgdownDocument:
    """Parse Argdown text; `@include(file)` is read relative to `path`, inside `root`."""
    document = ArgdownDocument(path)
    reader = _Reader(document, Path(root or Path(path).resolve().parent))
    reader.read(text, path, depth=0)
    return document


class _Reader:
    """Reads one file's lines into the document; includes recurse with a depth limit."""

    def __init__(self, document: ArgdownDocument, root: Path) -> None:
        self.document = document
        self.root = root
        self.section: str | None = None
        self.previous: Element | None = None
        """The last block's single element: a PCS right after an argument reconstructs it."""
        self.sections: set[str] = set()
        """document.sections as a set: a list's `in` made 100,000 headings quadratic."""
        self.included_bytes = 0
        """What the includes have read so far, limited in all like their number."""

    def read(self, text: str, path: str, depth: int) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = blank_comments(text).split("\n")
        start = self._front_matter(lines, path) if depth == 0 else 0
        block: list[tuple[int, str]] = []
        for number in range(start, len(lines) + 1):
            line = lines[number] if number < len(lines) else ""
            if COMMENT_MARK in line:
                if not line.replace(COMMENT_MARK, "").strip():
                    continue
                line = line.replace(COMMENT_MARK, " ")
            include = _INCLUDE.match(line)
            if include:
                self._block(block, path)
                block = []
                self._include(include.group(1).strip(), path, number + 1, depth)
            elif line.strip():
                block.append((number + 1, line.rstrip()))
            elif block:
                self._block(block, path)
                block = []

    def _front_matter(self, lines: list[str], path: str) -> int:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or not lines[first].strip().startswith("==="):
            return 0
        for end in range(first + 1, len(lines)):
            if lines[end].strip().startswith("==="):
                self._metadata(lines[first + 1 : end], path, first + 2)
                return end + 1
        raise ConvertError("the front matter (`===`) is never closed", path, first + 1, 1)

    def _metadata(self, lines: list[str], path: str, first_line: int) -> None:
        # Continued values are joined once at the end: adding each line to a growing
        # string copies it again every time (100,000 lines: quadratic).
        parts: dict[str, list[str]] = {}
        key = None
        for number, line in enumerate(lines, start=first_line):
            match = re.match(r"^(\w+):\s*(.*)$", line)
            if match:
                key = match.group(1)
                parts[key] = [_unquote(match.group(2).strip())]
                if _SURROGATE.search(parts[key][0]):
                    raise ConvertError(
                        f"the front matter's `{key}` has an escape that is half of a UTF-16 "
                        "surrogate pair, not a character", path, number, match.start(2) + 1,
                    )
            elif key is not None and line[:1] in (" ", "\t") and parts[key][0]:
                parts[key].append(line.strip())
        self.document.metadata.update((key, " ".join(value)) for key, value in parts.items())

    def _include(self, name: str, path: str, line: int, depth: int) -> None:
        target = (Path(path).resolve().parent / name).resolve()
        if depth >= MAX_INCLUDE_DEPTH:
            raise ConvertError(f"includes nest deeper than {MAX_INCLUDE_DEPTH}", path, line, 1)
        if not target.is_relative_to(self.root):
            raise ConvertError(f"`{name}` is outside the folder of the top file", path, line, 1)
        if not target.is_file():
            raise ConvertError(f"cannot include `{name}`: no such file", path, line, 1)
        if len(self.document.included) >= MAX_INCLUDES:
            raise ConvertError(f"more than {MAX_INCLUDES:,} includes in all", path, line, 1)
        from argmap.convert.sources import decode
        from argmap.fileio import MAP_SIZE_LIMIT, read_limited

        try:
            data = read_limited(target, MAP_SIZE_LIMIT, "files to convert")
        except OSError as error:
            raise ConvertError(f"cannot include `{name}`: {error.strerror or error}", path,
                               line, 1) from None
        self.included_bytes += len(data)
        if self.included_bytes > MAP_SIZE_LIMIT:
            raise ConvertError(f"the included files come to more than {MAP_SIZE_LIMIT:,} "
                               "bytes in all", path, line, 1)
        self.document.included.append(target)
        self.read(decode(data, str(target)), str(target), depth + 1)

    # -- blocks ----------------------------------------------------------------------------

    def _block(self, block: list[tuple[int, str]], path: str) -> None:
        if not block:
            return
        heading = _HEADING.match(block[0][1])
        if heading:
            # A heading runs to the end of its paragraph; `{isGroup: false}` makes no group.
            raw = " ".join([heading.group(2), *(line for _, line in block[1:])])
            title = clean_text(raw)[0]
            self.document.headings.append((len(heading.group(1)), title))
            if not _not_a_group(raw):
                self.section = title or None
                if self.section and self.section not in self.sections:
                    self.sections.add(self.section)
                    self.document.sections.append(self.section)
            self.previous = None
            return
        if _PCS_NUMBER.match(block[0][1]) or _INFERENCE.match(block[0][1]):
            self._reconstruction(block, path)
            return
        self._trees(block, path)

    def _trees(self, block: list[tuple[int, str]], path: str) -> None:
        """Top-level elements (or list items), each with its tree of relations."""
        stack: list[tuple[int, Element]] = []
        pending: tuple[int, int, int, list[str], str | None, int] | None = None
        # pending: (line, column, indent, text lines, operator, parent depth)
        roots: list[Element] = []

        def flush() -> None:
            nonlocal pending
            if pending is None:
                return
            line, column, indent, parts, operator, _ = pending
            element = parse_element(" ".join(parts), path, line, column, self.section)
            self.document.elements.append(element)
            if operator is None:
                roots.append(element)
                stack[:] = [(indent, element)]
            else:
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if not stack:
                    raise ConvertError(
                        f"the relation `{operator}` has no element above it to relate to",
                        path, line, indent + 1,
                    )
                parent = stack[-1][1]
                kind, child_is_source = OPERATORS[operator]
                source, target = (element, parent) if child_is_source else (parent, element)
                self.document.relations.append(Relation(source, target, kind, line))
                self.document.related.update((id(element), id(parent)))
                stack.append((indent, element))
            pending = None

        for number, line in block:
            relation = _RELATION.match(line)
            item = _LIST_ITEM.match(line)
            if relation and pending is None and not stack:
                raise ConvertError(
                    f"the relation `{relation.group(2)}` has no element above it to relate to",
                    path, number, len(relation.group(1)) + 1,
                )
            if relation:
                flush()
                indent = len(relation.group(1).expandtabs(4))
                column = relation.start(3) + 1
                pending = (number, column, indent, [relation.group(3)], relation.group(2), 0)
            elif item:
                flush()
                stack.clear()
                pending = (number, item.start(2) + 1, len(item.group(1).expandtabs(4)),
                           [item.group(2)], None, 0)
            elif pending is None and not stack:
                indent = len(line) - len(line.lstrip())
                pending = (number, indent + 1, indent, [line], None, 0)
            elif pending is not None:
                pending[3].append(line)
            else:
                # Text after a finished tree with no operator: a new top-level element.
                indent = len(line) - len(line.lstrip())
                pending = (number, indent + 1, indent, [line], None, 0)
        flush()
        self.previous = roots[0] if len(roots) == 1 and len(stack) <= 1 else None

    def _reconstruction(self, block: list[tuple[int, str]], path: str) -> None:
        argument = self.previous if self.previous and self.previous.kind == "argument" else None
        if argument is not None:
            self.document.related.add(id(argument))
        reconstruction = Reconstruction(argument)
        self.document.reconstructions.append(reconstruction)
        rest: list[tuple[int, str]] = []
        statement: list[tuple[int, str]] = []
        rules: list[str] | None = None
        rules_line = 0

        def finish_statement() -> None:
            if statement:
                number, first = statement[0]
                match = _PCS_NUMBER.match(first)
                assert match is not None
                # The number's own indentation: relations below it are indented further.
                tree = [(number, match.group(1) + match.group(3)), *statement[1:]]
                before = len(self.document.elements)
                self._trees(tree, path)
                head = self.document.elements[before]
                head.column = match.start(3) + 1
                self.document.related.add(id(head))
                reconstruction.steps.append(head)
                statement.clear()

        for number, line in block:
            if rules is not None:
                body = line.strip()
                closing = body.endswith("--")
                rules.append(body.rstrip("-").strip())
                if closing:
                    reconstruction.steps.append(Inference(_rules_text(rules), rules_line))
                    rules = None
                continue
            if _PCS_NUMBER.match(line):
                finish_statement()
                statement.append((number, line))
            elif _INFERENCE.match(line):
                finish_statement()
                body = line.strip()
                inner = body.strip("-").strip()
                if re.fullmatch(r"-{4,}", body) or (inner and body.endswith("--")):
                    reconstruction.steps.append(Inference(_rules_text([inner]), number))
                else:
                    rules, rules_line = [inner], number
            elif statement:
                statement.append((number, line))
            else:
                rest.append((number, line))
        finish_statement()
        if rules is not None:
            raise ConvertError("an inference rule block (`--`) is never closed", path,
                               rules_line, 1)
        self.previous = None
        if rest:
            self._trees(rest, path)


def _not_a_group(raw: str) -> bool:
    """Whether a heading says `{isGroup: false}` (inside braces that hold no other braces)."""
    return any(_NOT_A_GROUP.search(match.group(1)) for match in _BRACED.finditer(raw))


def _rules_text(parts: list[str]) -> str | None:
    return clean_text(" ".join(part for part in parts if part))[0] or None


def _unquote(value: str) -> str:
    """A YAML scalar's text: double quotes with JSON escapes, or single quotes, taken off."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            text = json.loads(value)
        except ValueError:
            return value[1:-1]
        return text if isinstance(text, str) else value
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value
