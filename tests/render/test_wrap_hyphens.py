"""Wrapping cuts no word inside: lines break at spaces and after hyphens, and a word longer
than its box is broken with a visible hyphen (issue 18, requirement 5)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.render.dot import wrap


def _cut_inside(text: str, lines: list[str]) -> str | None:
    """The first line that ends inside a word without a hyphen, else None. Each line must
    end at a space of the text, after a hyphen of the text, or with a hyphen of its own
    (left out when the text is read back)."""
    flat = " ".join(text.split())
    position = 0
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        if flat.startswith(line, position):
            position += len(line)
            if last or flat.startswith(" ", position):
                position += 0 if last else 1
                continue
            if line.endswith("-") or line.endswith("\u2010"):
                continue  # after a hyphen of the text
            return line
        if line.endswith("-") and flat.startswith(line[:-1], position):
            position += len(line) - 1  # a hyphen added to a word too long for the box
            if flat.startswith(" ", position):
                return line  # a hyphen added where the text had a space: not a cut
            continue
        return line
    return None if position == len(flat) else "(text lost)"


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("premise-conclusion", 16, ["premise-", "conclusion"]),
        ("the premise-conclusion structure", 16, ["the premise-", "conclusion", "structure"]),
        ("a well-known fact", 12, ["a well-", "known fact"]),  # evened out
        ("-5 degrees", 8, ["-5", "degrees"]),  # a leading minus stays with its number
    ],
)
def test_lines_break_after_hyphens(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines
    assert _cut_inside(text, lines) is None


def test_the_reported_cut_is_gone() -> None:
    for width in range(8, 30):
        lines = wrap("a premise-conclusion structure", width)
        assert "conclusi" not in lines or "conclusion" in " ".join(lines)
        assert _cut_inside("a premise-conclusion structure", lines) is None


_WORD = st.text(alphabet="abcdefghij-", min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=12), st.integers(min_value=8, max_value=40))
def test_no_word_is_cut_without_a_hyphen(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap(text, width)
    # A word up to half again as long as the line widens it; a longer one is broken.
    longest = max(len(piece) for word in words for piece in re.findall(r"-*[^-]+-*|-+", word))
    limit = max(width, longest) if longest <= width + width // 2 else width
    assert all(len(line) <= limit for line in lines)
    assert _cut_inside(text, lines) is None, lines
