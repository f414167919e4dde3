"""The documentation as the tests read it: README.md (the front page) and the pages of docs/.

Fences: each fenced block with its info string (`argmap error`, `argmap file=lane.argmap`,
`console embed-run`), its body and the line of its opening fence; a block shown inside
another (a ```` ````markdown ```` fence) belongs to the outer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+)(?P<info>[^`\n]*)$")


def page(name: str) -> str:
    """The text of a docs page, by its path inside docs/ (`commands/check.md`)."""
    return (DOCS / name).read_text(encoding="utf-8")


def pages() -> list[Path]:
    """Every Markdown page of docs/, in a stable order."""
    return sorted(DOCS.rglob("*.md"))


@dataclass(frozen=True)
class Block:
    info: str
    text: str
    line: int
    page: str = ""

    @property
    def words(self) -> list[str]:
        return self.info.split()

    @property
    def file(self) -> str | None:
        for word in self.words[1:]:
            if word.startswith("file="):
                return word.removeprefix("file=")
        return None


def fenced_blocks(markdown: str, page: str = "") -> list[Block]:
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
        blocks.append(Block(match["info"].strip(), "\n".join(body) + "\n", start + 1, page))
        index += 1
    return blocks


def all_blocks() -> list[Block]:
    """The fenced blocks of README.md and of every docs page, page after page."""
    found = fenced_blocks(README.read_text(encoding="utf-8"), "README.md")
    for path in pages():
        name = path.relative_to(DOCS).as_posix()
        found += fenced_blocks(path.read_text(encoding="utf-8"), f"docs/{name}")
    return found
