"""Parse the text of one `.argmap` file into a syntax tree, recovering at each next line.

Every line is decided by its first characters (`parse_line`); a line that fails becomes an
`Invalid` node plus a Diagnostic, and parsing goes on with the next line. Diagnostics are made
without `source_line`; the loader fills it in from the file's text.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from argmap.errors import Diagnostic, Span
from argmap.language.continued import (
    OpenRelation,
    add_argument_line,
    continue_relation,
    finish_relation,
    is_continuation,
    looks_like_argument,
    open_argument,
    relation_part,
)
from argmap.language.lexer import (
    OPERATOR_START,
    WHITESPACE,
    LexError,
    head,
    indentation,
    is_comment,
    scan_word,
    skip_whitespace,
    split_comment,
)
from argmap.language.statements import (
    ATTRIBUTES,
    finish_statement,
    header_id,
    looks_like_statement,
    parse_body_line,
    parse_statement_header,
)
from argmap.language.syntax import (
    SYNTAX_ERROR,
    Blank,
    Comment,
    Directive,
    Invalid,
    Node,
    SectionHeader,
    SourceFile,
    SpanOf,
    Statement,
)
from argmap.suggest import did_you_mean, one_of
from argmap.textlines import (
    CONTROL_CHARACTERS,
    LINE_BREAKING,
    character_name,
    has_control_character,
    has_line_breaking_character,
    split_lines,
)

DIRECTIVES = ("title", "author", "date", "source", "document", "include")
_ID_START = frozenset(string.ascii_letters + "_")
"""What an ASCII_ID starts with."""


@dataclass(slots=True)
class _State:
    """What parsing one file has produced so far."""

    file: str
    nodes: list[Node] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)
    statement: Statement | None = None
    absorbing: bool = False
    """True after a broken statement header: its indented lines are kept, not reported."""
    pending: list[Blank | Comment] = field(default_factory=list)
    """Blank and comment lines not yet known to be inside a statement or after it."""
    relation: OpenRelation | None = None
    """A relation or argument line whose continuation lines may still follow."""

    def span_of(self, number: int) -> SpanOf:
        """0-based [start, end) columns of line `number` -> Span (at least one column wide)."""
        file = self.file

        def span(start: int, end: int) -> Span:
            return Span(file, number, start + 1, number, max(end, start + 1) + 1)

        return span

    def error(self, error: LexError, number: int) -> None:
        span = self.span_of(number)(error.start, error.end)
        self.errors.append(Diagnostic(SYNTAX_ERROR, error.message, span))

    def close_statement(self) -> None:
        if self.statement is not None:
            self.errors.extend(finish_statement(self.statement))
        if self.relation is not None:
            nodes, errors = finish_relation(self.relation)
            self.nodes.extend(nodes)
            self.errors.extend(errors)
            self.relation = None
        self.statement = None
        self.absorbing = False
        if self.pending:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.nodes.extend(self.pending)
            self.pending = []


def parse_source(
    text: str, file: str, initial_section: str | None = None, first_line: int = 1
) -> tuple[SourceFile, list[Diagnostic]]:
    """Parse one file's text into a SourceFile and the syntax errors found in it;
    `first_line` is the number of the text's first line (the language server parses the
    part of a file an edit changed)."""
    state = _State(file)
    lines = split_lines(text)
    careful = has_line_breaking_character(text) or has_control_character(text)
    for number, line in enumerate(lines, start=first_line):
        if careful and (found := _INVISIBLE.search(line)) is not None:
            _parse_line_with_invisible(state, line, number, found.start())
        elif line[:1] in _ID_START:  # most lines: a statement or relation at column 0
            state.close_statement()
            _parse_top_line(state, line, number)
        else:
            parse_line(state, line, number)
    state.close_statement()
    return SourceFile(file, text, state.nodes, initial_section), state.errors


def _parse_line_with_invisible(state: _State, line: str, number: int, column: int) -> None:
    """Report the first invisible line-breaking or control character of a line, and
    nothing else there.

    The line is parsed with those characters read as spaces, so that the statement or
    relation it belongs to keeps its shape; errors that reading would add to this line are
    dropped, since the character is what to fix.
    """
    before = len(state.errors)
    parse_line(state, line.translate(_AS_SPACES), number)
    state.errors[before:] = [e for e in state.errors[before:] if e.span.line != number]
    state.error(LexError(_invisible_message(line[column]), column, column + 1), number)


_INVISIBLE = re.compile(f"[{re.escape(LINE_BREAKING + CONTROL_CHARACTERS)}]")
_AS_SPACES = str.maketrans(dict.fromkeys(LINE_BREAKING + CONTROL_CHARACTERS, " "))


def _invisible_message(ch: str) -> str:
    if ch in CONTROL_CHARACTERS:
        name = character_name(ch).removesuffix(" (a control character)")
        return (
            f"control character {name}; it is invisible in an editor and acts on a "
            "terminal: delete it"
        )
    if ch == "\r":
        return (
            "a carriage return (U+000D) not followed by a line feed; argmap ends lines at "
            "LF or CRLF only, as editors do: save the file with LF line ends"
        )
    return (
        f"invisible character {character_name(ch)}; some programs break the line here, "
        "but argmap, like most editors, does not: replace it with a space or a line break"
    )


def parse_line(state: _State, line: str, number: int) -> None:
    """Parse one line into `state`: blank, comment, indented sub-line or column-0 line."""
    indent = indentation(line)
    if indent == len(line) or line.isspace():  # other Unicode spaces are blank too
        state.pending.append(Blank(state.span_of(number)(indent, len(line))))
    elif line[indent] == "#" and is_comment(line[indent:]):
        whole = state.span_of(number)(indent, len(line))
        state.pending.append(Comment(line[indent + 1 :].strip(), whole, line[:indent]))
    elif indent > 0:
        _parse_indented(state, line, number, indent)
    else:
        state.close_statement()
        _parse_top_line(state, line, number)


def _parse_indented(state: _State, line: str, number: int, indent: int) -> None:
    span_of = state.span_of(number)
    if state.relation is not None:
        _continue_relation(state, state.relation, line, number, indent)
        return
    if state.statement is None:
        state.flush()
        if not state.absorbing:
            message = (
                "indented line outside a statement; only a statement's text, "
                "`>` quotes and `@` attributes are indented under it"
            )
            state.error(LexError(message, indent, len(line.rstrip())), number)
        state.nodes.append(Invalid(line, span_of(0, len(line))))
        return
    if state.pending:
        state.statement.body.extend(state.pending)
        state.pending = []
    try:
        state.statement.body.append(parse_body_line(line, indent, span_of))
    except LexError as error:
        state.error(error, number)
        state.statement.body.append(Invalid(line, span_of(0, len(line))))


def _continue_relation(
    state: _State, relation: OpenRelation, line: str, number: int, indent: int
) -> None:
    """An indented line after a relation: more of it (`+`, `->`, `:`), or an argument's
    `@` line; blank and comment lines before it join the relation too."""
    span_of = state.span_of(number)
    relation.body.extend(state.pending)
    state.pending = []
    if is_continuation(line, indent):
        continue_relation(relation, line, number, indent)
        return
    try:
        if relation.argument is None:
            raise LexError(
                "an indented line under a relation continues it, and starts with `+`, `->` "
                "or `:`; other indented lines belong under a statement",
                indent,
                len(line.rstrip()),
            )
        add_argument_line(relation, line, indent, span_of(indent, len(line)))
    except LexError as error:
        state.error(error, number)
        relation.body.append(Invalid(line, span_of(0, len(line))))


def _parse_top_line(state: _State, line: str, number: int) -> None:
    """A column-0 line: a relation, an argument, a statement, a directive or a section,
    told apart by its first word and what follows it."""
    line_head = head(line)
    word_end, after = line_head
    if word_end and after < len(line) and line[after] in OPERATOR_START:
        # A word and an operator: a relation, whatever the word (`claim -> c` and
        # `argument -> c` are relations too); parsed once its continuation lines are read.
        state.relation = OpenRelation(state.file, [relation_part(line, number)])
        return
    if looks_like_argument(line):
        try:
            state.relation = open_argument(line, number, state.file)
        except LexError as error:
            state.error(error, number)
            whole = state.span_of(number)(0, len(line))
            state.nodes.append(Invalid(line, whole, header_id(line)))
            state.absorbing = True
        return
    is_statement = looks_like_statement(line, line_head)
    try:
        if is_statement:
            statement = parse_statement_header(line, state.file, number, line_head)
            state.nodes.append(statement)
            state.statement = statement
            return
        node = _parse_column_zero(line, state.span_of(number))
    except LexError as error:
        state.error(error, number)
        defines = header_id(line) if is_statement else None
        state.nodes.append(Invalid(line, state.span_of(number)(0, len(line)), defines))
        state.absorbing = is_statement
        return
    if node is None:
        state.relation = OpenRelation(state.file, [relation_part(line, number)])
    else:
        state.nodes.append(node)


def _parse_column_zero(line: str, span_of: SpanOf) -> Directive | SectionHeader | None:
    """The node of a column-0 line that is not a statement; None for a relation, which is
    parsed once its continuation lines (if any) are read."""
    if line.startswith("@"):
        return parse_directive(line, span_of)
    if line.startswith("=="):
        return parse_section(line, span_of)
    return None


def parse_directive(line: str, span_of: SpanOf) -> Directive:
    """`@name value  # comment` at column 0."""
    name_end = scan_word(line, 1)
    name = line[1:name_end]
    if name not in DIRECTIVES:
        raise LexError(_unknown_directive(name), 0, max(name_end, 1))
    if name_end < len(line) and line[name_end] not in WHITESPACE:
        raise LexError(f"expected a space after `@{name}`", name_end, name_end + 1)
    end, comment = split_comment(line, name_end)
    start = skip_whitespace(line, name_end)
    value = line[start:end] if end > start else ""
    if not value:
        raise LexError(f"expected a value after `@{name}`", 0, name_end)
    return Directive(
        name, value, span_of(0, end), span_of(0, name_end), span_of(start, end), comment
    )


def _unknown_directive(name: str) -> str:
    if not name:
        return f"expected a directive name after `@`: {one_of(DIRECTIVES, '@')}"
    if name in ATTRIBUTES:
        return f"`@{name}` is a statement attribute; indent it under the statement"
    hint = did_you_mean(name, DIRECTIVES, "@") or f"; expected {one_of(DIRECTIVES, '@')}"
    return f"unknown directive `@{name}`{hint}"


def parse_section(line: str, span_of: SpanOf) -> SectionHeader:
    """`== Title ==`; the closing `==` is optional."""
    end, comment = split_comment(line)
    title = line[:end].lstrip("=").rstrip().rstrip("=").strip()
    if not title:
        raise LexError("a section needs a title, as in `== Title ==`", 0, end)
    return SectionHeader(title, span_of(0, end), comment)
