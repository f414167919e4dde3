"""Statement lines: the `KIND ID: text` header, its indented lines, and what they add up to."""

from __future__ import annotations

import math
import re
from typing import Any

from argmap.errors import Diagnostic, Span
from argmap.language.lexer import (
    OPERATOR_START,
    Head,
    LexError,
    extract_tags,
    invalid_id_message,
    is_valid_id,
    scan_word,
    skip_whitespace,
    split_comment,
)
from argmap.language.syntax import (
    SYNTAX_ERROR,
    Attribute,
    BodyLine,
    Continuation,
    QuoteLine,
    SpanOf,
    Statement,
    span_through,
)
from argmap.model import STATEMENT_KINDS
from argmap.suggest import did_you_mean, one_of

ATTRIBUTES = ("note", "source", "url", "confidence", "by", "implicit")
FLAGS = ("implicit",)
"""Attributes written without a value (`@implicit`); their value is True."""


def looks_like_statement(line: str, line_head: Head) -> bool:
    """`KIND ...` (not followed by an operator), or `WORD ID:` with an unknown WORD."""
    word_end, after = line_head
    if word_end == 0:
        return False
    if line[:word_end] in STATEMENT_KINDS:
        if after == len(line):
            return True
        if after == word_end and line[after] != ":":
            return False
        return line[after] not in OPERATOR_START
    id_end = scan_word(line, after)
    colon = skip_whitespace(line, id_end)
    return after > word_end and id_end > after and colon < len(line) and line[colon] == ":"


def header_id(line: str) -> str | None:
    """The identifier after the first word of a statement-like line, if there is one."""
    start = skip_whitespace(line, scan_word(line, 0))
    word = line[start : scan_word(line, start)]
    return word if is_valid_id(word) else None


_AFTER_KIND = re.compile(r"[ \t]*([^ \t:]*)[ \t]*(:?)[ \t]*")
"""What follows a statement's kind: the ID (up to a space, a tab or `:`), the `:` and the
spaces before its text."""


def parse_statement_header(line: str, file: str, number: int, line_head: Head) -> Statement:
    """Parse `KIND ID: text`, line `number` of `file`; raise LexError for an unknown kind, a
    bad ID or no `:`. Its spans are made here, not by a SpanOf: a map has thousands."""
    kind_end = line_head[0]
    kind = line[:kind_end]
    if kind not in STATEMENT_KINDS:
        hint = did_you_mean(kind, STATEMENT_KINDS) or f"; expected {one_of(STATEMENT_KINDS)}"
        raise LexError(f"unknown statement kind `{kind}`{hint}", 0, kind_end)
    parts = _AFTER_KIND.match(line, kind_end)
    assert parts is not None  # the pattern matches the empty string too
    id_start, id_end = parts.span(1)
    ident = parts[1]
    if not ident:
        raise LexError(
            f"expected a statement ID after `{kind}`, as in `{kind} my_id: text`",
            id_start,
            id_start + 1,
        )
    if not (ident.isascii() and ident.isidentifier()) and not is_valid_id(ident):
        raise LexError(invalid_id_message(ident), id_start, id_end)
    if not parts[2]:
        colon = parts.start(2)
        raise LexError(f"expected `:` after the statement ID `{ident}`", colon, colon + 1)
    text = line[parts.end() :].rstrip()
    end = parts.end() + len(text) if text else len(line.rstrip())
    return Statement(
        kind,
        ident,
        text,
        Span(file, number, 1, number, end + 1),
        Span(file, number, id_start + 1, number, id_end + 1),
    )


def parse_body_line(line: str, indent: int, span_of: SpanOf) -> BodyLine:
    """An indented line under a statement: `> quote`, `@attribute value` or more text."""
    whole = span_of(indent, len(line.rstrip()))
    if line[indent] == ">":
        start = skip_whitespace(line, indent + 1)
        return QuoteLine(line[start:].rstrip(), whole, line[:indent])
    if line[indent] == "@":
        return parse_attribute(line, indent, span_of)
    return Continuation(line[indent:].rstrip(), whole, line[:indent])


def parse_attribute(line: str, indent: int, span_of: SpanOf) -> Attribute:
    """`@note text`, `@source text`, `@url address`, `@confidence 0.8`, `@by Someone` or
    `@implicit` (no value)."""
    name_end = scan_word(line, indent + 1)
    name = line[indent + 1 : name_end]
    if name == "quote":
        raise LexError("a quote is written as an indented `> text` line", indent, name_end)
    if name not in ATTRIBUTES:
        expected = f"; expected {one_of(ATTRIBUTES, '@')}"
        hint = did_you_mean(name, ATTRIBUTES, "@") if name else ""
        label = f"unknown attribute `@{name}`" if name else "expected an attribute name after `@`"
        raise LexError(label + (hint or expected), indent, max(name_end, indent + 1))
    end, comment = split_comment(line, name_end)
    start = skip_whitespace(line, name_end)
    if start == name_end and name_end < len(line):
        raise LexError(f"expected a space after `@{name}`", name_end, name_end + 1)
    value = line[start:end] if end > start else ""
    if name in FLAGS:
        if value:
            raise LexError(f"`@{name}` takes no value; write it alone", start, end)
    elif not value:
        raise LexError(f"expected a value after `@{name}`", indent, name_end)
    if name == "confidence" and parse_confidence(value) is None:
        raise LexError(
            f"`@confidence` must be a number from 0 to 1, such as `0.8`; found `{value}`",
            start,
            end,
        )
    return Attribute(
        name,
        value,
        span_of(indent, end),
        span_of(indent, name_end),
        span_of(start, end),
        comment,
        line[:indent],
    )


def parse_confidence(value: str) -> float | None:
    """The confidence as a float in [0, 1], or None when it is not such a number."""
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) and 0.0 <= number <= 1.0 else None


def finish_statement(statement: Statement) -> list[Diagnostic]:
    """Fill the statement's text, tags, quotes and attributes; return its errors."""
    if not statement.body:  # a statement on one line: no quotes, attributes or more text
        statement.text, statement.tags = extract_tags(statement.header_text)
        return [] if statement.text else [_no_text(statement)]
    texts = [statement.header_text] if statement.header_text else []
    texts += [line.text for line in statement.body if isinstance(line, Continuation)]
    statement.text, statement.tags = extract_tags(" ".join(texts))
    statement.quotes, statement.quote_spans = _quotes(statement.body)
    errors = _attributes(statement)
    if not statement.text:
        errors.insert(0, _no_text(statement))
    return errors


def _no_text(statement: Statement) -> Diagnostic:
    return Diagnostic(
        SYNTAX_ERROR,
        f"statement `{statement.id}` has no text; write it after the `:`",
        statement.span,
    )


def _quotes(body: list[BodyLine]) -> tuple[list[str], list[Span]]:
    """Consecutive `>` lines form one quote; a lone `>` or any other line ends it."""
    quotes: list[str] = []
    spans: list[Span] = []
    current: list[QuoteLine] = []
    for line in [*body, None]:
        if isinstance(line, QuoteLine) and line.text:
            current.append(line)
            continue
        if current:
            quotes.append(" ".join(part.text for part in current))
            spans.append(span_through(current[0].span, current[-1].span))
            current = []
    return quotes, spans


def _attributes(statement: Statement) -> list[Diagnostic]:
    return record_attributes(statement.id, statement.body, statement.attributes)


def record_attributes(
    owner: str, body: list[BodyLine], attributes: dict[str, Any]
) -> list[Diagnostic]:
    """Store the `@` lines of `body` in `attributes`; errors for those given twice."""
    errors: list[Diagnostic] = []
    seen: dict[str, Attribute] = {}
    for line in body:
        if not isinstance(line, Attribute):
            continue
        first = seen.get(line.name)
        if first is not None:
            errors.append(
                Diagnostic(
                    SYNTAX_ERROR,
                    f"`@{line.name}` is given twice for `{owner}`; "
                    f"first at line {first.span.line}",
                    line.name_span,
                    related=(first.span,),
                )
            )
            continue
        seen[line.name] = line
        value: Any = line.value
        if line.name == "confidence":
            value = parse_confidence(line.value)
        elif line.name in FLAGS:
            value = True
        attributes[line.name] = value
    return errors
