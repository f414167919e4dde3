"""The walk-through of the `argmap embed` page (docs/commands/embed.md) is what argmap does:
the document before, the command's output, the document after, and what --check says once
the map changed."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

# The embedded engine compiles its module into a temporary cache, not the user's.
sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

ROOT = Path(__file__).parents[2]
README = (ROOT / "docs" / "commands" / "embed.md").read_text(encoding="utf-8")


def block(info: str) -> str:
    """The body of the page's fenced block with this info string."""
    match = re.search(rf"^(`{{3,}}){re.escape(info)}\n(.*?)^\1\n", README, re.M | re.S)
    assert match is not None, info
    return match.group(2)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args, "--engine", "embedded"])
    return result.exit_code, result.stderr


def test_the_walk_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    (tmp_path / "report.md").write_text(block("markdown embed-before"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    command, *output = block("console embed-run").splitlines()
    assert command == "$ argmap embed report.md"
    status, messages = run("embed", "report.md")
    assert status == 0
    assert messages.splitlines() == output
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == block("markdown embed-after")
    assert run("embed", "report.md", "--check") == (0, "1 document up to date\n")
    tutorial = tmp_path / "maps" / "tutorial.argmap"
    text = tutorial.read_text(encoding="utf-8")
    changed = text.replace("get a protected bike lane.", "get a protected bike lane soon.", 1)
    tutorial.write_text(changed, encoding="utf-8")
    command, *output = block("console embed-check").splitlines()
    assert command == "$ argmap embed report.md --check"
    status, messages = run("embed", "report.md", "--check")
    assert status == 1
    assert messages.splitlines() == output
