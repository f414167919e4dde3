"""The parser's line functions and the syntax tree they build (comments and order kept)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.errors import Span
from argmap.language.lexer import LexError, head
from argmap.language.parser import parse_directive, parse_section, parse_source
from argmap.language.relations import parse_relation
from argmap.language.statements import (
    finish_statement,
    looks_like_statement,
    parse_body_line,
    parse_statement_header,
)
from argmap.language.syntax import (
    Attack,
    Attribute,
    Blank,
    Comment,
    Continuation,
    Contradiction,
    Directive,
    InferenceRef,
    Invalid,
    QuoteLine,
    SectionHeader,
    SourceFile,
    Statement,
    Support,
)


def span_of(start: int, end: int) -> Span:
    return Span("m", 1, start + 1, 1, max(end, start + 1) + 1)


def test_directive_with_trailing_comment() -> None:
    directive = parse_directive("@document text.txt   # the analysed text", span_of)
    assert (directive.name, directive.value, directive.comment) == (
        "document",
        "text.txt",
        "the analysed text",
    )
    assert directive.value_span == Span("m", 1, 11, 1, 19)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("@titel X", "unknown directive `@titel`; did you mean `@title`?"),
        ("@note X", "`@note` is a statement attribute; indent it under the statement"),
        ("@", "expected a directive name after `@`"),
        ("@title", "expected a value after `@title`"),
        ("@title:X", "expected a space after `@title`"),
    ],
)
def test_directive_errors(line: str, message: str) -> None:
    with pytest.raises(LexError, match=message.replace("?", r"\?")):
        parse_directive(line, span_of)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("== Common ground ==", "Common ground"),
        ("== Open title", "Open title"),
        ("==Tight==", "Tight"),
        ("== C# notes == # comment", "C# notes"),
    ],
)
def test_section_titles(line: str, title: str) -> None:
    assert parse_section(line, span_of).title == title


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("premise a: text", True),
        ("premise: text", True),
        ("conclusion", True),
        ("premis a: text", True),
        ("Claim a: text", True),
        ("premise -> b", False),
        ("premise->b", False),
        ("premises -> b", False),
        ("a -> b : x", False),
        ("a b", False),
    ],
)
def test_which_column_zero_lines_are_statements(line: str, expected: bool) -> None:
    assert looks_like_statement(line, head(line)) is expected


@pytest.mark.parametrize("first", ["claim", "argument", "premises", "cafe\u0301"])
def test_a_first_word_followed_by_an_operator_starts_a_relation(first: str) -> None:
    source, errors = parse_source(f"{first} -> c  # why\n", "m")
    [node] = source.nodes
    assert errors == []
    assert isinstance(node, Support)
    assert [[ref.name for ref in group] for group in node.chain] == [[first], ["c"]]
    assert node.comment == "why"


def test_statement_header() -> None:
    statement = parse_statement_header("claim distrust:  Distrust persists. ", "m", 1, (5, 6))
    assert (statement.kind, statement.id, statement.header_text) == (
        "claim",
        "distrust",
        "Distrust persists.",
    )
    assert statement.id_span == Span("m", 1, 7, 1, 15)
    assert statement.kind_span == Span("m", 1, 1, 1, 6)


def test_body_lines() -> None:
    assert parse_body_line("  > quoted", 2, span_of) == QuoteLine("quoted", span_of(2, 10), "  ")
    assert parse_body_line("\t>", 1, span_of) == QuoteLine("", span_of(1, 2), "\t")
    assert parse_body_line("    more text", 4, span_of) == Continuation(
        "more text", span_of(4, 13), "    "
    )
    attribute = parse_body_line("  @confidence 0.25 # guess", 2, span_of)
    assert isinstance(attribute, Attribute)
    assert (attribute.name, attribute.value, attribute.comment) == ("confidence", "0.25", "guess")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("  @nte x", "unknown attribute `@nte`; did you mean `@note`?"),
        ("  @quote x", "a quote is written as an indented `> text` line"),
        ("  @url", "expected a value after `@url`"),
        ("  @confidence high", "`@confidence` must be a number from 0 to 1"),
        ("  @confidence -0.1", "`@confidence` must be a number from 0 to 1"),
        ("  @confidence inf", "`@confidence` must be a number from 0 to 1"),
    ],
)
def test_attribute_errors(line: str, message: str) -> None:
    with pytest.raises(LexError, match=message.replace("?", r"\?")):
        parse_body_line(line, 2, span_of)


def test_finish_statement_joins_text_quotes_and_attributes() -> None:
    source, errors = parse_source(
        "premise a: First part #t\n"
        "  second part #u #t\n"
        "  > one\n"
        "  > quote\n"
        "  >\n"
        "  > another\n"
        "  @confidence 1\n"
        "  @url http://x.org/#a\n",
        "m",
    )
    assert errors == []
    statement = source.nodes[0]
    assert isinstance(statement, Statement)
    assert statement.text == "First part second part"
    assert statement.tags == ["t", "u"]
    assert statement.quotes == ["one quote", "another"]
    assert statement.quote_spans == [Span("m", 3, 3, 4, 10), Span("m", 6, 3, 6, 12)]
    assert statement.attributes == {"confidence": 1.0, "url": "http://x.org/#a"}


def test_a_statement_without_text_is_an_error() -> None:
    statement = parse_statement_header("premise a:", "m", 1, (7, 8))
    statement.body.append(QuoteLine("a quote", span_of(2, 9)))
    [error] = finish_statement(statement)
    assert error.message == "statement `a` has no text; write it after the `:`"


def test_relations() -> None:
    support = parse_relation("a + b -> c -> d : w", span_of)
    assert isinstance(support, Support)
    assert [[ref.name for ref in group] for group in support.chain] == [["a", "b"], ["c"], ["d"]]
    assert support.warrant == "w"
    attack = parse_relation("x -| (b + a -> c)", span_of)
    assert isinstance(attack, Attack) and isinstance(attack.target, InferenceRef)
    assert attack.target.written() == "(b + a -> c)"
    assert attack.target.span == span_of(5, 17)
    contradiction = parse_relation("a >< b # never both", span_of)
    assert isinstance(contradiction, Contradiction)
    assert (contradiction.first.name, contradiction.second.name) == ("a", "b")
    assert contradiction.comment == "never both"


def test_the_syntax_tree_keeps_every_line_in_order() -> None:
    text = (
        "# head\n"
        "@title T\n"
        "\n"
        "== S ==\n"
        "premise a: A\n"
        "  # inside\n"
        "\n"
        "  > q\n"
        "# after a\n"
        "\n"
        "premis b: B\n"
        "  > absorbed\n"
        "a -| a\n"
    )
    source, errors = parse_source(text, "m")
    assert [error.span.line for error in errors] == [11]
    kinds = [type(node) for node in source.nodes]
    assert kinds == [
        Comment,
        Directive,
        Blank,
        SectionHeader,
        Statement,
        Comment,
        Blank,
        Invalid,
        Invalid,
        Attack,
    ]
    statement = source.nodes[4]
    assert isinstance(statement, Statement)
    assert [type(line) for line in statement.body] == [Comment, Blank, QuoteLine]
    broken = source.nodes[7]
    assert isinstance(broken, Invalid) and broken.defines == "b"


DATA = Path(__file__).resolve().parents[1] / "data"
ALL_MAPS = sorted(DATA.rglob("*.argmap"))


def _line_numbers(source: SourceFile) -> list[int]:
    numbers: list[int] = []
    for node in source.nodes:
        numbers.append(node.span.line)
        # Statements, relations and arguments keep their following lines in `body`.
        numbers.extend(line.span.line for line in getattr(node, "body", ()))
    return numbers


@pytest.mark.parametrize("path", ALL_MAPS, ids=[p.relative_to(DATA).as_posix() for p in ALL_MAPS])
def test_every_line_of_every_test_map_is_in_the_tree_once_and_in_order(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    source, _ = parse_source(text, path.name)
    assert _line_numbers(source) == list(range(1, len(text.splitlines()) + 1))
