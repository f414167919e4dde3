"""The docs document exactly what the parser accepts: every ```argmap block is parsed.

Fences: ```argmap blocks must parse; ```argmap error blocks must raise ParseError, and when
a ```text block follows one directly, every message of the error must appear in it;
```argmap file=NAME blocks are written to a folder first (so that `@include NAME` and
`@document NAME` in other blocks resolve there) and are parsed from that folder. Blocks
with `src=` name a map file for `argmap embed` (tests/docs/test_docs_site.py draws them).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docs_pages import Block, all_blocks

import argmap
from argmap import ParseError

BLOCKS = all_blocks()
ARGMAP = [block for block in BLOCKS if block.words[:1] == ["argmap"]
          and not any(word.startswith("src=") for word in block.words)]
VALID = [block for block in ARGMAP if "error" not in block.words]
INVALID = [block for block in ARGMAP if "error" in block.words]


def _id(block: Block) -> str:
    return f"{block.page}:{block.line}"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The named blocks written out, so that includes and documents between them resolve."""
    path = tmp_path_factory.mktemp("docs")
    for block in ARGMAP:
        if block.file:
            (path / block.file).parent.mkdir(parents=True, exist_ok=True)
            (path / block.file).write_text(block.text, encoding="utf-8")
    return path


def _parse(block: Block, folder: Path) -> argmap.ArgumentMap:
    if block.file:
        return argmap.load(str(folder / block.file))
    return argmap.parse(block.text, str(folder / f"docs-{block.line}.argmap"))


def test_the_docs_document_the_language_with_many_examples() -> None:
    language = [block for block in ARGMAP if block.page in ("docs/language.md",
                                                            "docs/errors.md")]
    assert len([block for block in language if "error" not in block.words]) >= 15
    assert len([block for block in language if "error" in block.words]) >= 8


@pytest.mark.parametrize("block", VALID, ids=[_id(block) for block in VALID])
def test_every_documented_example_parses(block: Block, folder: Path) -> None:
    _parse(block, folder)


@pytest.mark.parametrize("block", INVALID, ids=[_id(block) for block in INVALID])
def test_every_documented_error_is_an_error(block: Block, folder: Path) -> None:
    with pytest.raises(ParseError) as caught:
        _parse(block, folder)
    following = BLOCKS[BLOCKS.index(block) + 1] if block is not BLOCKS[-1] else None
    if (following is not None and following.page == block.page and following.info == "text"
            and following.line > block.line):
        for diagnostic in caught.value.errors:
            assert diagnostic.message in following.text
