"""The README documents exactly what the parser accepts: every ```argmap block is parsed.

Fences: ```argmap blocks must parse; ```argmap error blocks must raise ParseError, and when
a ```text block follows one directly, every message of the error must appear in it;
```argmap file=NAME blocks are written to a folder first (so that `@include NAME` and
`@document NAME` in other blocks resolve there) and are parsed from that folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import argmap
from argmap import ParseError

README = Path(__file__).resolve().parents[1] / "README.md"
_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+)(?P<info>[^`\n]*)$")


@dataclass(frozen=True)
class Block:
    info: str
    text: str
    line: int

    @property
    def words(self) -> list[str]:
        return self.info.split()

    @property
    def file(self) -> str | None:
        for word in self.words[1:]:
            if word.startswith("file="):
                return word.removeprefix("file=")
        return None


def fenced_blocks(markdown: str) -> list[Block]:
    """Every fenced block with its info string, body and 1-based line of its opening fence."""
    blocks: list[Block] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        fence, start, body = match["fence"], index, []
        index += 1
        while index < len(lines) and lines[index].strip() != fence:
            body.append(lines[index][len(match["indent"]) :])
            index += 1
        blocks.append(Block(match["info"].strip(), "\n".join(body) + "\n", start + 1))
        index += 1
    return blocks


BLOCKS = fenced_blocks(README.read_text(encoding="utf-8"))
ARGMAP = [block for block in BLOCKS if block.words[:1] == ["argmap"]]
VALID = [block for block in ARGMAP if "error" not in block.words]
INVALID = [block for block in ARGMAP if "error" in block.words]


def _id(block: Block) -> str:
    return f"README.md:{block.line}"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The named blocks written out, so that includes and documents between them resolve."""
    path = tmp_path_factory.mktemp("readme")
    for block in ARGMAP:
        if block.file:
            (path / block.file).parent.mkdir(parents=True, exist_ok=True)
            (path / block.file).write_text(block.text, encoding="utf-8")
    return path


def _parse(block: Block, folder: Path) -> argmap.ArgumentMap:
    if block.file:
        return argmap.load(str(folder / block.file))
    return argmap.parse(block.text, str(folder / f"readme-{block.line}.argmap"))


def test_the_readme_starts_with_the_two_commands() -> None:
    first = next(block for block in BLOCKS)
    commands = [line.split("#")[0].strip() for line in first.text.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    # nothing but the title and a sentence stands before them
    head = README.read_text(encoding="utf-8").split("```")[0]
    assert "##" not in head


def test_the_readme_documents_the_language_with_many_examples() -> None:
    assert len(VALID) >= 15
    assert len(INVALID) >= 8


@pytest.mark.parametrize("block", VALID, ids=[_id(block) for block in VALID])
def test_every_documented_example_parses(block: Block, folder: Path) -> None:
    _parse(block, folder)


@pytest.mark.parametrize("block", INVALID, ids=[_id(block) for block in INVALID])
def test_every_documented_error_is_an_error(block: Block, folder: Path) -> None:
    with pytest.raises(ParseError) as caught:
        _parse(block, folder)
    following = BLOCKS[BLOCKS.index(block) + 1] if block is not BLOCKS[-1] else None
    if following is not None and following.info == "text" and following.line > block.line:
        for diagnostic in caught.value.errors:
            assert diagnostic.message in following.text
