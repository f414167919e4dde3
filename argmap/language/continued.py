"""Relations over several lines, and named inferences (`argument ID: a + b -> c : warrant`)
and attacks (`argument ID: a + b -| c`).

A relation line may go on over indented lines that start with `+`, `->` (or `→`), `-|` or
`:`. Its
parts are joined into one text whose columns map back to each part's line, so the relation
parser and its errors work on the whole as on one line. An `argument` line is a relation
with an ID, tags and indented `@` attribute lines.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from argmap.errors import Diagnostic, Span
from argmap.language.lexer import (
    OPERATOR_START,
    TAG,
    WHITESPACE,
    LexError,
    invalid_id_message,
    is_valid_id,
    scan_word,
    skip_whitespace,
    split_comment,
)
from argmap.language.relations import Relation, parse_relation
from argmap.language.statements import parse_body_line, record_attributes
from argmap.language.syntax import (
    SYNTAX_ERROR,
    Argument,
    Attack,
    Attribute,
    Blank,
    BodyLine,
    Comment,
    Continuation,
    Invalid,
    Node,
    Support,
)
from argmap.valueclass import value_class

ARGUMENT = "argument"
CONTINUATION_STARTS = ("+", "->", "→", "-|", ":")
ARGUMENT_ATTRIBUTES = ("note", "source", "url", "confidence")


@value_class
class Part:
    """One line of a relation: its number, text, and the columns [start, end) it adds."""

    number: int
    line: str
    start: int
    end: int
    comment: str | None = None


@dataclass(slots=True)
class OpenRelation:
    """A relation or argument whose continuation lines may still follow."""

    file: str
    parts: list[Part]
    argument: Argument | None = None
    body: list[BodyLine] = field(default_factory=list)
    raw: dict[int, str] = field(default_factory=dict)
    """The text of every line after the first, by number (to keep them if the parse fails)."""
    offsets: list[int] = field(default_factory=list)
    """Where each part starts in the joined text, once asked for (see `_offsets`)."""

    def joined(self) -> str:
        if len(self.parts) == 1:  # most relations
            part = self.parts[0]
            return part.line[part.start : part.end]
        return " ".join(part.line[part.start : part.end] for part in self.parts)

    def span(self, start: int, end: int) -> Span:
        """0-based [start, end) offsets of the joined text -> a Span over the real lines."""
        if len(self.parts) == 1:  # most relations: the offsets are the line's own columns
            part = self.parts[0]
            column = part.start + start
            last_column = part.start + (end if end > start else start + 1) - 1
            limit = part.end
            column = column if column < limit else limit
            last_column = last_column if last_column < limit else limit
            return Span(self.file, part.number, column + 1, part.number, last_column + 2)
        offsets = self._offsets()
        first = self._place(offsets, start)
        last = self._place(offsets, max(end, start + 1) - 1)
        return Span(self.file, first[0], first[1] + 1, last[0], last[1] + 2)

    def _offsets(self) -> list[int]:
        # Kept, not worked out per span: a relation over 10,000 `+` lines asks for a span
        # per premise, and rebuilding them each time was quadratic (55 s).
        if len(self.offsets) != len(self.parts):
            self.offsets, position = [], 0
            for part in self.parts:
                self.offsets.append(position)
                position += part.end - part.start + 1
        return self.offsets

    def _place(self, offsets: list[int], offset: int) -> tuple[int, int]:
        index = max(bisect.bisect_right(offsets, offset) - 1, 0)
        part = self.parts[index]
        column = min(part.start + offset - offsets[index], part.end)
        return part.number, column


def is_continuation(line: str, indent: int) -> bool:
    """An indented line that continues a relation: it starts with `+`, `->`, `→`, `-|` or
    `:`."""
    return line.startswith(CONTINUATION_STARTS, indent)


def continue_relation(relation: OpenRelation, line: str, number: int, indent: int) -> None:
    """Add an indented `+`, `->`, `-|` or `:` line to the relation."""
    end, comment = split_comment(line, indent)
    relation.parts.append(Part(number, line, indent, end, comment))
    relation.raw[number] = line
    span = Span(relation.file, number, indent + 1, number, len(line.rstrip()) + 1)
    relation.body.append(Continuation(line[indent:].rstrip(), span, line[:indent]))


def relation_part(line: str, number: int) -> Part:
    end, comment = split_comment(line)
    return Part(number, line, 0, end, comment)


def looks_like_argument(line: str) -> bool:
    """`argument` then whitespace and something that is not an operator (`argument -> c`
    is a relation whose first statement is called `argument`)."""
    if not line.startswith(ARGUMENT) or line[len(ARGUMENT) : len(ARGUMENT) + 1] not in (
        " ",
        "\t",
    ):
        return False
    after = skip_whitespace(line, len(ARGUMENT))
    return after < len(line) and line[after] not in OPERATOR_START


def open_argument(line: str, number: int, file: str) -> OpenRelation:
    """`argument ID: relation`: the header checked (LexError), the relation left open."""

    def span(start: int, end: int) -> Span:
        return Span(file, number, start + 1, number, max(end, start + 1) + 1)

    id_start = skip_whitespace(line, len(ARGUMENT))
    id_end = scan_word(line, id_start)
    while id_end < len(line) and line[id_end] not in WHITESPACE + ":":
        id_end += 1
    ident = line[id_start:id_end]
    if not is_valid_id(ident):
        raise LexError(invalid_id_message(ident), id_start, id_end)
    colon = skip_whitespace(line, id_end)
    if colon >= len(line) or line[colon] != ":":
        raise LexError(
            f"expected `:` after the argument's ID `{ident}`, as in "
            f"`argument {ident}: a + b -> c`",
            colon,
            colon + 1,
        )
    end, comment = split_comment(line, colon + 1)
    argument = Argument(ident, span(0, end), span(id_start, id_end))
    start = skip_whitespace(line, colon + 1)
    part = Part(number, line, start, max(end, start), comment)
    return OpenRelation(file, [part], argument)


def add_argument_line(relation: OpenRelation, line: str, indent: int, span_of_line: Span) -> None:
    """An indented line under an argument that does not continue its relation."""
    if line[indent] != "@":
        raise LexError(
            "under an argument, indent only `@` attributes (`@note ...`) and the lines that "
            "continue its inference (starting with `+`, `->` or `:`)",
            indent,
            len(line.rstrip()),
        )

    def span(start: int, end: int) -> Span:
        number = span_of_line.line
        return Span(span_of_line.file, number, start + 1, number, max(end, start + 1) + 1)

    relation.raw[span_of_line.line] = line
    parsed = parse_body_line(line, indent, span)
    if isinstance(parsed, Attribute) and parsed.name not in ARGUMENT_ATTRIBUTES:
        raise LexError(
            f"`@{parsed.name}` belongs to statements; an argument takes "
            + ", ".join(f"`@{name}`" for name in ARGUMENT_ATTRIBUTES),
            indent,
            parsed.name_span.end_column - 1,
        )
    relation.body.append(parsed)


def finish_relation(relation: OpenRelation) -> tuple[list[Node], list[Diagnostic]]:
    """The relation's (or argument's) node, and its errors; a broken one becomes Invalid
    lines, so the file still round-trips."""
    errors: list[Diagnostic] = []
    text = relation.joined()
    tags: list[str] = []
    if relation.argument is not None:
        text, tags = _take_tags(text)
    try:
        if len(relation.parts) > 1:
            _warrant_comes_last(relation)
        parsed = _parse(relation, text)
    except LexError as error:
        span = relation.span(error.start, error.end)
        errors.append(Diagnostic(SYNTAX_ERROR, error.message, span))
        nodes: list[Node] = [_invalid(relation, relation.parts[0])]
        for line in relation.body:
            if isinstance(line, (Comment, Blank, Invalid)):
                nodes.append(line)
            else:
                number = line.span.line
                text = relation.raw[number]
                nodes.append(Invalid(text, Span(relation.file, number, 1, number, len(text) + 1)))
        if relation.argument is not None:
            # The argument's ID still counts as defined: references to it are not reported.
            first = nodes[0]
            assert isinstance(first, Invalid)
            first.defines = relation.argument.id
        return nodes, errors
    comments = [part.comment for part in relation.parts if part.comment]
    parsed.comment = "; ".join(comments) if comments else None
    parsed.body = relation.body
    if relation.argument is None:
        return [parsed], errors
    argument = relation.argument
    if isinstance(parsed, Support):
        argument.support = parsed
    else:
        assert isinstance(parsed, Attack)
        argument.attack = parsed
    argument.tags = tags
    argument.body = relation.body
    parsed.body = []
    argument.span = Span(
        argument.span.file,
        argument.span.line,
        argument.span.column,
        parsed.span.end_line,
        parsed.span.end_column,
    )
    errors.extend(record_attributes(argument.id, argument.body, argument.attributes))
    return [argument], errors


def _parse(relation: OpenRelation, text: str) -> Relation:
    argument = relation.argument
    if argument is not None and not text.strip():
        raise LexError(
            f"expected an inference or an attack after `argument {argument.id}:`, as in "
            f"`argument {argument.id}: a + b -> c` or `argument {argument.id}: a + b -| c`",
            0,
            1,
        )
    parsed = parse_relation(text, relation.span)
    if argument is None:
        return parsed
    if isinstance(parsed, Attack):
        return parsed
    if not isinstance(parsed, Support):
        raise LexError(
            "an argument names an inference (`a + b -> c`) or an attack (`a + b -| c`); "
            "a contradiction has no name",
            0,
            len(text.rstrip()),
        )
    if len(parsed.chain) > 2:
        after = _offset(relation, parsed.chain[1][-1].span)
        arrow = min(
            (found for found in (text.find("->", after), text.find("→", after)) if found >= 0),
            default=after,
        )
        raise LexError(
            "an argument is one inference step; write the chain's other steps as "
            "relations of their own",
            arrow,
            arrow + (2 if text.startswith("->", arrow) else 1),
        )
    if parsed.warrant is not None:
        parsed.warrant = " ".join(parsed.warrant.split()) or None
    return parsed


def _offset(relation: OpenRelation, span: Span) -> int:
    """The joined text's offset of a span's end (the place just after it)."""
    position = 0
    for part in relation.parts:
        if part.number == span.line:
            return position + span.end_column - 1 - part.start
        position += part.end - part.start + 1
    return position


def _warrant_comes_last(relation: OpenRelation) -> None:
    """A `:` warrant takes the rest of the relation: no part may follow the one that has it."""
    position = 0
    for index, part in enumerate(relation.parts[:-1]):
        text = part.line[part.start : part.end]
        colon = text.find(":")
        if colon >= 0:
            after = position + len(text) + 1
            nxt = relation.parts[index + 1]
            raise LexError(
                "the warrant (`: text`) ends a relation; continue it on the same line, and "
                "put `+` and `->` lines before it",
                after,
                after + (nxt.end - nxt.start),
            )
        position += len(text) + 1


def _take_tags(text: str) -> tuple[str, list[str]]:
    """`#tags` out of an argument's text, blanked so that columns stay where they were."""
    tags = list(dict.fromkeys(TAG.findall(text)))
    return TAG.sub(lambda match: " " * len(match.group()), text), tags


def _invalid(relation: OpenRelation, part: Part) -> Invalid:
    line = part.line
    return Invalid(line, Span(relation.file, part.number, 1, part.number, len(line) + 1))
