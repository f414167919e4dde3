"""The lexer's scanners: comments, identifiers, relation tokens, tags."""

from __future__ import annotations

import pytest

from argmap.language.lexer import (
    LexError,
    extract_tags,
    head,
    indentation,
    is_comment,
    scan_word,
    split_comment,
    tokenize_relation,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("# a comment", True), ("#", True), ("#\tx", True), ("#tag", False), ("a # b", False)],
)
def test_a_comment_is_a_hash_then_whitespace_or_the_end(line: str, expected: bool) -> None:
    assert is_comment(line) is expected


def test_indentation_counts_spaces_and_tabs() -> None:
    assert indentation("\t  x") == 3
    assert indentation("x") == 0
    assert indentation("   ") == 3


@pytest.mark.parametrize(
    ("line", "content_end", "comment"),
    [
        ("@title T  # note", 8, "note"),
        ("@title C# is fine", 17, None),
        ("@title T #", 8, ""),
        ("@url http://x.org/#frag", 23, None),
        ("@title T  ", 8, None),
    ],
)
def test_split_comment_needs_whitespace_before_and_after_the_hash(
    line: str, content_end: int, comment: str | None
) -> None:
    assert split_comment(line) == (content_end, comment)


def test_scan_word_follows_python_identifier_characters() -> None:
    assert scan_word("größe + b", 0) == 5
    assert scan_word("前提->x", 0) == 2
    assert scan_word("a_1 b", 0) == 3
    assert scan_word("-x", 0) == 0


def test_head_is_the_first_word_and_where_the_next_starts() -> None:
    assert head("claim c1: text") == (5, 6)
    assert head("a\t-> b") == (1, 2)
    assert head("-> b") == (0, 0)
    # a combining mark continues the word, though `\w` does not match it
    assert head("cafe\u0301 x: y") == (5, 6)


def test_a_combining_mark_continues_an_id_in_a_relation() -> None:
    assert _kinds("cafe\u0301 -> b") == [("id", "cafe\u0301"), ("->", "->"), ("id", "b")]
    assert _kinds("a\u0301b→c") == [("id", "a\u0301b"), ("->", "→"), ("id", "c")]


def _kinds(line: str) -> list[tuple[str, str]]:
    tokens, _, _ = tokenize_relation(line)
    return [(token.kind, token.value) for token in tokens]


def test_tokens_of_a_linked_inference_with_warrant_and_comment() -> None:
    tokens, warrant, comment = tokenize_relation("a + b->c : because so # why")
    assert [(t.kind, t.value, t.start, t.end) for t in tokens] == [
        ("id", "a", 0, 1),
        ("+", "+", 2, 3),
        ("id", "b", 4, 5),
        ("->", "->", 5, 7),
        ("id", "c", 7, 8),
    ]
    assert warrant is not None
    assert (warrant.value, warrant.start, warrant.end) == ("because so", 11, 21)
    assert comment == "why"


def test_unicode_operators_are_aliases() -> None:
    assert _kinds("a→b") == [("id", "a"), ("->", "→"), ("id", "b")]
    assert _kinds("a ⊣ b") == [("id", "a"), ("-|", "⊣"), ("id", "b")]


def test_undercut_and_contradiction_tokens() -> None:
    assert [k for k, _ in _kinds("x -| (a + b -> c)")] == [
        "id", "-|", "(", "id", "+", "id", "->", "id", ")",
    ]  # fmt: skip
    assert _kinds("a><b") == [("id", "a"), ("><", "><"), ("id", "b")]


def test_a_trailing_comment_ends_a_relation_without_warrant() -> None:
    tokens, warrant, comment = tokenize_relation("a -> b # the reason")
    assert len(tokens) == 3 and warrant is None and comment == "the reason"


@pytest.mark.parametrize(
    ("line", "message", "start"),
    [
        ("a -> 9b", "`9b` is not a valid ID", 5),
        ("a => b", "unexpected character `=`", 2),
        ("a - b", "unexpected `-`; expected `->` (support) or `-|` (attack)", 2),
        ("a -> b #tag", "unexpected `#`; a comment starts with `# `", 7),
        ("a < b", "unexpected `<`", 2),
        ("a\u00a0-> b", "unexpected character U+00A0 (no-break space) in a relation; only", 1),
        ("a -> b\x00", "unexpected character U+0000 (null)", 6),
    ],
)
def test_lexer_errors_name_the_character_and_its_column(
    line: str, message: str, start: int
) -> None:
    with pytest.raises(LexError) as caught:
        tokenize_relation(line)
    assert caught.value.message.startswith(message)
    assert caught.value.start == start


@pytest.mark.parametrize(
    ("text", "cleaned", "tags"),
    [
        ("Spies everywhere. #history #spy-craft", "Spies everywhere.", ["history", "spy-craft"]),
        ("#a start  and #b middle #a", "start and middle", ["a", "b"]),
        ("C# and issue #1 and x#y", "C# and issue #1 and x#y", []),
        ("see http://x.org/#frag", "see http://x.org/#frag", []),
        ("Größe #überall", "Größe", ["überall"]),
        ("#only", "", ["only"]),
    ],
)
def test_tags_are_taken_out_of_the_text(text: str, cleaned: str, tags: list[str]) -> None:
    assert extract_tags(text) == (cleaned, tags)
