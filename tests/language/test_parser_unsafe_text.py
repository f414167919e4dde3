"""Text that no file can hold or no reader can see: lone surrogates (from a string), control
characters, invisible characters inside an ID; each one located error, never a traceback."""

from __future__ import annotations

import pytest

import argmap
from argmap.errors import ParseError
from argmap.language.format import format_text
from argmap.textlines import CONTROL_CHARACTERS


def _errors(text: str) -> list[argmap.Diagnostic]:
    with pytest.raises(ParseError) as caught:
        argmap.parse(text, "m.argmap")
    return caught.value.errors


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("claim c: \ud800 text\n", (1, 10)),
        ("claim c\udfff: x\n", (1, 8)),
        ("claim c: x\n  > a quote \ud800\n", (2, 13)),
        ("@title \ud800\nclaim c: x\n", (1, 8)),
        ("@include \ud800.argmap\n", (1, 10)),
        ("claim c: é\r\nclaim d: x -> \udc80\r\n", (2, 15)),
    ],
)
def test_a_lone_surrogate_is_one_error_at_its_place(text: str, place: tuple[int, int]) -> None:
    [error] = _errors(text)
    assert (error.span.line, error.span.column) == place
    assert error.message.startswith("lone surrogate U+D")
    assert error.source_line is not None
    error.source_line.encode("utf-8")  # shown escaped: it can be printed
    str(ParseError([error])).encode("utf-8")


@pytest.mark.parametrize("character", list(CONTROL_CHARACTERS))
def test_every_control_character_is_refused_in_text_and_in_relations(character: str) -> None:
    text = f"premise a: A{character}\nconclusion b: B\na -> b{character}\n"
    errors = _errors(text)
    assert [(error.span.line, error.span.column) for error in errors] == [(1, 13), (3, 7)]
    assert all(error.message.startswith("control character U+00") for error in errors)


def test_tab_line_ends_and_other_characters_are_still_allowed() -> None:
    amap = argmap.parse("premise a:\tA\x9b \u202e é\r\nconclusion b: B\r\na\t->\tb\n")
    assert amap.graph.nodes["a"]["text"] == "A\x9b \u202e é"


def test_fmt_refuses_a_control_character_too() -> None:
    with pytest.raises(ParseError, match="control character U\\+001B"):
        format_text("premise a: A\x1b[2J\n", "m.argmap")


@pytest.mark.parametrize(
    "invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u3164", "\u115f"]
)
def test_an_id_with_an_invisible_character_is_refused_by_name(invisible: str) -> None:
    [error] = _errors(f"conclusion a{invisible}b: A\n")
    assert error.message.startswith(
        f"`a\\u{ord(invisible):04x}b` is not a valid ID: it holds the invisible character "
        f"U+{ord(invisible):04X}"
    )
    [error] = _errors(f"conclusion ab: A\nclaim c: C\na{invisible}b -> c\n")
    assert error.span.line == 3 and f"U+{ord(invisible):04X}" in error.message
