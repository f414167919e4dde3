"""Columns in the unit the client agreed on: a span after `é` or `😀` lands where the editor
counts it, and a position in the editor finds the character argmap counts."""

from __future__ import annotations

import pytest

pytest.importorskip("lsprotocol", reason="the server needs pygls: pip install 'argmap[lsp]'")

from argmap.errors import Span  # noqa: E402
from argmap.lsp.positions import code_point_column, to_range, unit_column  # noqa: E402

LINE = "claim é😀x: text"
#       0123456 7 8     code points: `x` is at 8
CASES = [("utf-16", 9), ("utf-8", 12), ("utf-32", 8)]


@pytest.mark.parametrize(("encoding", "units"), CASES)
def test_a_column_after_wide_characters(encoding: str, units: int) -> None:
    assert unit_column(LINE, 8, encoding) == units
    assert code_point_column(LINE, units, encoding) == 8


@pytest.mark.parametrize(("encoding", "units"), CASES)
def test_a_span_becomes_a_range_in_the_agreed_unit(encoding: str, units: int) -> None:
    rng = to_range(Span("m.argmap", 1, 9, 1, 10), [LINE], encoding)
    assert (rng.start.line, rng.start.character, rng.end.character) == (0, units, units + 1)


def test_a_position_past_the_end_of_the_line_is_its_end() -> None:
    assert code_point_column(LINE, 99) == len(LINE)
    assert code_point_column("abc", 99) == 3
