"""Read Argdown text into its elements, relations and premise-conclusion structures.

A line-based reader of the Argdown syntax that argument maps use: front matter and `{...}`
data blocks (YAML, read with a YAML library; a block may span lines), headings, titled and
untitled statements, arguments, relation trees (`+ - _ <+ +> <- -> <_ _> ><`, nested by
indentation), premise-conclusion structures with inference rules, their data (`uses`) and
the undercuts written under an inference line, tags, mentions, shortcodes, comments
(`<!-- -->`, `/* */`, `//`), Markdown emphasis and links, lists and `@include(file)` (each
file read once, as Argdown does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.convert.argdown_markup import (
    COMMENT_MARK,
    DATA_MARK,
    DATA_REFERENCE,
    DataBlock,
    blank_comments,
    clean_text,
)
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
_HEADING = re.compile(r"^[ \t]*(#+) +(.*)$")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:\*|\d+\.)[ \t]+(.*)$")
_INCLUDE = re.compile(r"^[ \t]*@include\(([^)]+)\)[ \t]*$")
_STATEMENT_HEAD = re.compile(r"^\[(.+?)\]\s*(:?)")
_ARGUMENT_HEAD = re.compile(r"^<(.+?)>\s*(:?)")
_BLOCK_FORMAT = re.compile(r"^\{[ \t]*\n")
_FRONT_MATTER_KEY = re.compile(r"^([^\s:#-][^:]*?)[ \t]*:(?:[ \t]+|$)")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_INCLUDE_DEPTH = 16
MAX_INCLUDES = 1000
"""Files read through includes in all (each file is read once)."""
FRONT_MATTER_USED = ("title", "author", "date")
ARGDOWN_SETTINGS = frozenset({
    "color", "copyDefaultCss", "data", "dot", "graphml", "group", "html", "images", "include",
    "json", "logLevel", "logParserErrors", "map", "mode", "model", "outputPath", "parser",
    "pdf", "png", "process", "saveAs", "selection", "sourceHighlighter", "stdout", "svg",
    "vizJs", "webComponent",
})
"""Front-matter keys that configure Argdown's own tools (drawing, export, ...), not the map."""


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
    data: dict[str, Any] = field(default_factory=dict)
    """Its `{...}` data blocks (YAML), merged in order."""
    data_line: int = 0
    """The line of its first data block."""


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
    data: dict[str, Any] = field(default_factory=dict)
    anchor: Element | None = None
    """What the undercuts written under the inference line attack (kind "inference")."""


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
    strict: bool = False
    """Argdown's strict mode (`model: {mode: strict}`, or `mode: strict`)."""
    heading_tags: list[str] = field(default_factory=list)
    warnings: list[tuple[str, int | str]] = field(default_factory=list)
    """What was read but has no place in argmap: (message, line or `FILE:LINE`)."""


def parse_element(raw: str, path: str, line: int, column: int, section: str | None) -> Element:
    """One element from its (joined) text: its kind, title, text and tags (data references
    are left out: `_Reader._element` reads them)."""
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
    reader.seen.add(Path(path).resolve())
    reader.read(text, path, depth=0)
    return document


def load_yaml(raw: str, path: str, line: int, column: int, what: str) -> Any:
    """`raw` read as YAML (safely); an error names the line and column in the file."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(raw, Loader=loader)
    # Not only YAMLError: a value may fail to construct (`2018-13-45`: ValueError).
    except Exception as error:  # noqa: BLE001
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or (str(error).splitlines() or ["?"])[0]
        where_line, where_column = line, column
        if mark is not None:
            where_line = line + mark.line
            where_column = (column if mark.line == 0 else 1) + mark.column
        raise ConvertError(f"{what} is not valid YAML: {problem}", path, where_line,
                           where_column) from None


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
        self.seen: set[Path] = set()
        """The real path of every file read: Argdown reads each file once."""
        self.data: list[DataBlock] = []
        """Every data block taken out of the text, in the order found (DATA_MARK n)."""

    def warn(self, message: str, path: str, line: int) -> None:
        where: int | str = line if path == self.document.path else f"{path}:{line}"
        self.document.warnings.append((message, where))

    def read(self, text: str, path: str, depth: int) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if DATA_MARK in text:
            text = text.replace(DATA_MARK, " ")  # a control character: a space in the text
        raw_lines = text.split("\n")
        start = self._front_matter(raw_lines, path) if depth == 0 else 0
        body = "\n".join(raw_lines[start:]) if start else text
        lines = [""] * start + blank_comments(body, self.data, start + 1).split("\n")
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

    # -- front matter and data -------------------------------------------------------------

    def _front_matter(self, lines: list[str], path: str) -> int:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None or not lines[first].strip().startswith("==="):
            return 0
        for end in range(first + 1, len(lines)):
            if lines[end].strip().startswith("==="):
                body = lines[first + 1 : end]
                data = load_yaml("\n".join(body), path, first + 2, 1, "the front matter")
                self._metadata(data, body, path, first + 2)
                return end + 1
        raise ConvertError("the front matter (`===`) is never closed", path, first + 1, 1)

    def _metadata(self, data: Any, lines: list[str], path: str, first_line: int) -> None:
        if data is None:
            return
        if not isinstance(data, dict):
            self.warn("the front matter is not a list of `key: value` settings and was left "
                      "out", path, first_line)
            return
        positions = _key_positions(lines, first_line)
        for key, value in data.items():
            line, column = positions.get(str(key), (first_line, 1))
            if key in FRONT_MATTER_USED and value is not None:
                text = _metadata_text(value)
                if text is None:
                    self.warn(f"the front matter's `{key}` is not text and was left out",
                              path, line)
                    continue
                if _SURROGATE.search(text):
                    raise ConvertError(
                        f"the front matter's `{key}` has an escape that is half of a UTF-16 "
                        "surrogate pair, not a character", path, line, column,
                    )
                self.document.metadata[key] = " ".join(text.split())
            elif key not in ARGDOWN_SETTINGS and key not in FRONT_MATTER_USED:
                self.warn(f"the front matter's `{key}` has no place in argmap and was left out",
                          path, line)
        model = data.get("model")
        modes = [data.get("mode"), model.get("mode") if isinstance(model, dict) else None]
        self.document.strict = any(str(mode).lower() == "strict" for mode in modes if mode)

    def _take_data(self, raw: str, path: str) -> tuple[dict[str, Any], int]:
        """The data blocks `raw` refers to, read and merged (a later key wins, as in
        Argdown), and the line of the first."""
        merged: dict[str, Any] = {}
        first = 0
        for match in DATA_REFERENCE.finditer(raw):
            block = self.data[int(match.group(1))]
            first = first or block.line
            merged.update(self._block_data(block, path))
        return merged, first

    def _block_data(self, block: DataBlock, path: str) -> dict[str, Any]:
        # Argdown reads `{` + line break ... `}` as a YAML block, other braces as a flow map.
        raw, line, column = block.raw, block.line, block.column
        if _BLOCK_FORMAT.match(raw):
            raw, line, column = raw[raw.index("\n") + 1 :].rstrip()[:-1], line + 1, 1
        data = load_yaml(raw, path, line, column, "the data block")
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.warn("a data block that is not a list of `key: value` pairs was left out",
                      path, block.line)
            return {}
        return {str(key): value for key, value in data.items()}

    def _element(self, raw: str, path: str, line: int, column: int) -> Element:
        element = parse_element(raw, path, line, column, self.section)
        if DATA_MARK in raw:
            element.data, element.data_line = self._take_data(raw, path)
        return element

    def _include(self, name: str, path: str, line: int, depth: int) -> None:
        target = (Path(path).resolve().parent / name).resolve()
        if target in self.seen:
            self.warn("an `@include` of a file already read was left out (Argdown reads "
                      "each file once)", path, line)
            return
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
        self.seen.add(target)
        self.document.included.append(target)
        self.read(decode(data, str(target)), str(target), depth + 1)

    # -- blocks ----------------------------------------------------------------------------

    def _block(self, block: list[tuple[int, str]], path: str) -> None:
        if not block:
            return
        heading = _HEADING.match(block[0][1])
        if heading:
            self._heading(heading, block, path)
            return
        if _PCS_NUMBER.match(block[0][1]) or _INFERENCE.match(block[0][1]):
            self._reconstruction(block, path)
            return
        self._trees(block, path)

    def _heading(self, heading: re.Match[str], block: list[tuple[int, str]], path: str) -> None:
        """A heading runs to the end of its paragraph; `{isGroup: false}` makes no group."""
        raw = " ".join([heading.group(2), *(line for _, line in block[1:])])
        data, data_line = self._take_data(raw, path) if DATA_MARK in raw else ({}, 0)
        title, tags = clean_text(raw)
        line = block[0][0]
        self.document.headings.append((len(heading.group(1)), title))
        self.document.heading_tags += tags
        for _ in tags:
            self.warn("a heading's tag has no place in argmap (a section has no tags) and "
                      "was left out", path, line)
        for key in data:
            if key != "isGroup":
                self.warn(f"Argdown data `{key}` has no place in argmap and was left out",
                          path, data_line)
        if data.get("isGroup") is not False:
            self.section = title or None
            if self.section and self.section not in self.sections:
                self.sections.add(self.section)
                self.document.sections.append(self.section)
        self.previous = None

    def _trees(self, block: list[tuple[int, str]], path: str, root: Element | None = None,
               ) -> None:
        """Top-level elements (or list items), each with its tree of relations; with `root`
        (an inference line's anchor), the block is the undercuts below that line."""
        stack: list[tuple[int, Element]] = [] if root is None else [(-1, root)]
        pending: tuple[int, int, int, list[str], str | None, int] | None = None
        # pending: (line, column, indent, text lines, operator, parent depth)
        roots: list[Element] = []

        def flush() -> None:
            nonlocal pending
            if pending is None:
                return
            line, column, indent, parts, operator, _ = pending
            element = self._element(" ".join(parts), path, line, column)
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
                if parent is root and operator not in ("<_", "_"):
                    raise ConvertError(
                        f"the relation `{operator}` cannot stand under an inference line: "
                        "only an undercut (`<_` or `_`) of the inference can",
                        path, line, indent + 1,
                    )
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
        undercuts: list[tuple[int, str]] = []
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

        def finish_undercuts() -> None:
            if undercuts:
                last = reconstruction.steps[-1]
                assert isinstance(last, Inference) and last.anchor is not None
                self._trees(undercuts, path, root=last.anchor)
                undercuts.clear()

        def inference(parts: list[str], line: int) -> None:
            text = " ".join(parts)
            data, _ = self._take_data(text, path) if DATA_MARK in text else ({}, 0)
            anchor = Element("inference", None, "", [], path, line, 1, self.section)
            reconstruction.steps.append(Inference(_rules_text(parts), line, data, anchor))

        for number, line in block:
            if rules is not None:
                body = line.strip()
                closing = body.endswith("--")
                rules.append(body.rstrip("-").strip())
                if closing:
                    inference(rules, rules_line)
                    rules = None
                continue
            if _PCS_NUMBER.match(line):
                finish_statement()
                finish_undercuts()
                statement.append((number, line))
            elif _INFERENCE.match(line):
                finish_statement()
                finish_undercuts()
                body = line.strip()
                inner = body.strip("-").strip()
                if re.fullmatch(r"-{4,}", body) or (inner and body.endswith("--")):
                    inference([inner], number)
                else:
                    rules, rules_line = [inner], number
            elif statement:
                statement.append((number, line))
            elif reconstruction.steps and isinstance(reconstruction.steps[-1], Inference):
                # Argdown reads what is indented under an inference line as its undercuts.
                undercuts.append((number, line))
            else:
                rest.append((number, line))
        finish_statement()
        finish_undercuts()
        if rules is not None:
            raise ConvertError("an inference rule block (`--`) is never closed", path,
                               rules_line, 1)
        self.previous = None
        if rest:
            self._trees(rest, path)


def _rules_text(parts: list[str]) -> str | None:
    return clean_text(" ".join(part for part in parts if part))[0] or None


def _metadata_text(value: Any) -> str | None:
    """A front-matter value as text: a list (several authors) joined by commas; None for a
    mapping."""
    if isinstance(value, list):
        if any(isinstance(item, (list, dict)) for item in value):
            return None  # (and a list may hold itself: `&x [*x]`)
        return ", ".join(str(item) for item in value if item is not None)
    return None if isinstance(value, dict) else str(value)


def _key_positions(lines: list[str], first_line: int) -> dict[str, tuple[int, int]]:
    """Each top-level front-matter key's line and the column of its value (the first
    time it is written)."""
    positions: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(lines, start=first_line):
        match = _FRONT_MATTER_KEY.match(line)
        if match:
            positions.setdefault(match.group(1).strip("\"'"), (number, match.end() + 1))
    return positions
