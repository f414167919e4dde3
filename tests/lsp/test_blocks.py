"""A file parsed block by block (argmap/lsp/blocks.py) is the file parsed whole, and an
edit inside one block parses that block alone again."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from argmap.language.parser import parse_source
from argmap.lsp.blocks import BlockCache, parse_blocks, split_blocks

ROOT = Path(__file__).parents[2]
FILES = sorted(
    [*ROOT.glob("maps/*.argmap"), *ROOT.glob("tests/data/**/*.argmap")], key=str
)
PIECES = ["->", "-|", "><", "+", "(", ")", "@", "#", " #tag", ":", "\n", "\n  ", "\n# c\n",
          "\n\n", "  > q\n", "\nclaim q: Q.\n", "é", "\t", "== S ==\n", "x"]


def _same(text: str) -> None:
    whole, whole_errors = parse_source(text, "m.argmap")
    blocks, block_errors = parse_blocks(text, "m.argmap", None, {}, set())
    assert blocks.nodes == whole.nodes
    assert block_errors == whole_errors


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_each_example_parses_the_same_in_blocks(path: Path) -> None:
    _same(path.read_text(encoding="utf-8", errors="replace"))


@pytest.mark.parametrize("seed", range(40))
def test_edited_examples_parse_the_same_in_blocks(seed: int) -> None:
    chance = random.Random(seed)
    text = list(chance.choice(FILES).read_text(encoding="utf-8", errors="replace"))
    for _ in range(chance.randint(1, 8)):
        place = chance.randrange(len(text) + 1)
        if chance.random() < 0.4:
            del text[place : place + chance.randint(1, 12)]
        else:
            text[place:place] = chance.choice(PIECES)
    _same("".join(text))


def test_an_edit_in_one_statement_parses_that_block_alone() -> None:
    text = "premise a: A.\n  > a quote\n\n# about b\nconclusion b: B.\na -> b\n"
    cache: BlockCache = {}
    parse_blocks(text, "m.argmap", None, cache, set())
    assert [first for _, first, _ in cache] == [1, 5, 6]
    edited = text.replace("a quote", "another quote")
    used: set[object] = set()
    parse_blocks(edited, "m.argmap", None, cache, used)
    assert len(cache) == 4 and len(used) == 3  # one new block, two taken from the cache


def test_blocks_start_at_column_zero_lines_that_are_not_comments() -> None:
    lines = ["# top comment", "premise a: A.", "  more", "", "# a comment", "#tag", "a -> b"]
    assert [first for first, _ in split_blocks(lines)] == [1, 2, 6, 7]
