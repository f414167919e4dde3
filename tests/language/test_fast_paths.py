"""The parser's one-match paths (ASCII statement headers, relation tokens, plain supports)
read every line exactly as the character-by-character path does: same nodes, same errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import Span
from argmap.language import lexer, parser, relations
from argmap.language.lexer import LexError, tokenize_relation
from argmap.language.parser import parse_source
from argmap.language.relations import parse_relation

# Pieces that make lines near the fast paths' edges: ASCII and non-ASCII IDs, every operator
# in both spellings, warrants, comments, tags, odd spaces and characters that end a match.
PIECES = [
    "a", "b", "c", "x_1", "_y", "é", "aé", "a1", "1a", "premise", "claim", "conclusion",
    "assumption", "argument", "->", "-|", "><", "+", "(", ")", "→", "⊣", ":", " : ",
    " # note", "#tag", " #tag", "#", "-", "<", ">", " ", "  ", "\t", "\u00a0", "\u200b",
    ".", "'", "text", " ", "",
]
LINES = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
PLAIN_LINES = st.lists(
    st.sampled_from(["a", "b", "c", "d_2", " + ", "+", " -> ", "->", " ", " : why", ":w"]),
    max_size=10,
).map("".join)
ANY_LINE = st.one_of(LINES, PLAIN_LINES)


def _span_of(start: int, end: int) -> Span:
    return Span("f", 1, start + 1, 1, max(end, start + 1) + 1)


@contextmanager
def _slow_paths() -> Iterator[None]:
    """Only the character-by-character paths: the fast ones never match."""
    with (
        mock.patch.object(lexer, "_PLAIN_TOKEN", lexer.re.compile(r"(?!)")),
        mock.patch.object(relations, "plain_support", lambda line, span_of, place=None: None),
        mock.patch.object(parser, "plain_statement_header", lambda line, file, number: None),
    ):
        yield


def _outcome(read: object, line: str) -> object:
    try:
        return read(line)  # type: ignore[operator]
    except LexError as error:
        return ("error", error.message, error.start, error.end)


@settings(max_examples=400, deadline=None)
@given(ANY_LINE)
def test_tokens_match_the_slow_path(line: str) -> None:
    fast = _outcome(tokenize_relation, line)
    with _slow_paths():
        slow = _outcome(tokenize_relation, line)
    assert fast == slow


@settings(max_examples=400, deadline=None)
@given(ANY_LINE)
def test_relations_match_the_slow_path(line: str) -> None:
    def read(text: str) -> object:
        return parse_relation(text, _span_of)

    fast = _outcome(read, line)
    with _slow_paths():
        slow = _outcome(read, line)
    assert fast == slow


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(ANY_LINE, ANY_LINE.map(lambda line: "  " + line)), max_size=6))
def test_files_match_the_slow_path(lines: list[str]) -> None:
    text = "\n".join(lines)
    fast = parse_source(text, "f.argmap")
    with _slow_paths():
        slow = parse_source(text, "f.argmap")
    assert fast == slow


def test_the_fast_paths_take_common_lines() -> None:
    """The lines most maps are made of do go the fast way (else the tests above prove
    nothing about them)."""
    assert relations.plain_support("a + b -> c : because", _span_of) is not None
    assert relations.plain_support("a -> b -> c", _span_of) is not None
    assert parser.plain_statement_header("premise p1: Text #tag", "f", 1) is not None
    assert lexer._PLAIN_TOKEN.match(" ab_1 -> c") is not None
    assert relations.plain_support("a + a -> c", _span_of) is None  # an error: slow path
    assert relations.plain_support("a -> b + c", _span_of) is None
