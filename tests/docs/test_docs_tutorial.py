"""The tutorial (docs/tutorial.md) works as written: each step's files and commands give
what it shows.

The test follows the Tutorial as a newcomer would: it saves each ```argmap block where the
text says (the first ones are `lane.argmap`, the one with `@document` is `quoted.argmap`,
beside the council's note), makes step 5's misspelling, and runs every `$ argmap ...` line
of each ```console block in that folder, comparing what it prints with the lines below it.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docs_pages import ROOT, page

from argmap.cli import main

TUTORIAL = page("tutorial.md")
_BLOCK = re.compile(r"^```(argmap|console)\n(.*?)^```$", re.M | re.S)
_TYPO = ("shops_lose -| build", "shops_loose -| build")


def _steps() -> list[tuple[str, str]]:
    """(kind, text) of the Tutorial's argmap and console blocks, in reading order."""
    return [(match[1], match[2]) for match in _BLOCK.finditer(TUTORIAL)]


def _commands(console: str) -> list[tuple[list[str], str]]:
    """(arguments after `argmap`, expected output) of each `$ argmap` line of a console block."""
    found: list[tuple[list[str], str]] = []
    for line in console.splitlines():
        if line.startswith("$ "):
            found.append((shlex.split(line[2:], comments=True)[1:], ""))
        else:
            args, output = found[-1]
            found[-1] = (args, output + line + "\n")
    return found


def test_the_tutorial_has_its_steps() -> None:
    kinds = [kind for kind, _ in _steps()]
    assert kinds.count("argmap") == 4 and kinds.count("console") == 6
    assert TUTORIAL.count(f"`{_TYPO[1]}`") == 1


def test_following_the_tutorial_gives_what_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    shutil.copy(ROOT / "maps" / "tutorial.txt", tmp_path / "council-note.txt")
    runner = CliRunner()
    for kind, text in _steps():
        if kind == "argmap":
            name = "quoted.argmap" if "@document" in text else "lane.argmap"
            (tmp_path / name).write_text(text, encoding="utf-8")
            continue
        for args, expected in _commands(text):
            if args[0] == "render" and shutil.which("dot") is None:
                # The Tutorial's sizes are the system Graphviz's (the `auto` engine).
                continue
            if expected.startswith("lane.argmap:15:1: error: AM002 undefined-reference"):
                lane = tmp_path / "lane.argmap"
                lane.write_text(lane.read_text("utf-8").replace(*_TYPO), "utf-8")
            result = runner.invoke(main, args)
            assert result.output == expected, f"argmap {shlex.join(args)}"
            if expected.startswith("lane.argmap:15:1"):
                lane.write_text(lane.read_text("utf-8").replace(*reversed(_TYPO)), "utf-8")
