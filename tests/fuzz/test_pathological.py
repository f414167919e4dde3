"""The fuzz suite's properties on the maps built to find unbounded work (pathological_maps):
at each limit and just past it, every library entry point and every command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fuzz_harness import cli, library
from pathological_maps import long_word_map, many_premises, nested_attack_line, nested_attacks

from argmap.language.lexer import MAX_NESTING
from argmap.language.relations import MAX_PREMISES

CASES: list[tuple[Callable[[int], str], int]] = [
    (many_premises, MAX_PREMISES),
    (many_premises, MAX_PREMISES + 1),
    (nested_attacks, MAX_NESTING),
    (nested_attacks, MAX_NESTING + 1),
    (nested_attack_line, 3_000),
    (long_word_map, 100_000),
]


@pytest.mark.parametrize(
    ("make", "size"), CASES, ids=[f"{make.__name__}({size})" for make, size in CASES]
)
def test_the_fuzz_properties_hold(tmp_path: Path, make: Callable[[int], str], size: int) -> None:
    (tmp_path / "m.argmap").write_text(make(size), encoding="utf-8")
    library(tmp_path)
    cli(tmp_path)
