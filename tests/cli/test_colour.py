"""Colour and bold only on a terminal that wants them: never under NO_COLOR or TERM=dumb,
for show, check and the errors of a broken map (run on a pseudo-terminal)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli.common import use_colour

pty = pytest.importorskip("pty", reason="needs pseudo-terminals (POSIX)")

MAP = "premise a: A.\npremise lonely: Nobody uses this.\nconclusion c: C.\na -> c\n"
BROKEN = "premise a: A.\ncliam b: B.\n"
ESCAPE = b"\x1b["


def on_terminal(arguments: list[str], environ: dict[str, str]) -> bytes:
    """What argmap prints (stdout and stderr) on a pseudo-terminal."""
    leader, follower = pty.openpty()
    unset = ("NO_COLOR", "TERM", "FORCE_COLOR")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", *arguments],
        stdout=follower, stderr=follower, env={**env, "TERM": "xterm", **environ},
    )
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process has ended
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    os.close(leader)
    return output


@pytest.fixture
def maps(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    (tmp_path / "broken.argmap").write_text(BROKEN, encoding="utf-8")
    return {"map": str(tmp_path / "m.argmap"), "broken": str(tmp_path / "broken.argmap")}


COMMANDS = [["show", "{map}"], ["check", "{map}"], ["show", "{broken}"]]


def test_a_terminal_gets_colour(maps: dict[str, str]) -> None:
    assert ESCAPE in on_terminal(["show", maps["map"]], {})


@pytest.mark.parametrize("environ", [{"NO_COLOR": "1"}, {"TERM": "dumb"}],
                         ids=["NO_COLOR", "TERM=dumb"])
@pytest.mark.parametrize("command", COMMANDS, ids=["show", "check", "show broken map"])
def test_no_colour_nor_bold(
    maps: dict[str, str], command: list[str], environ: dict[str, str]
) -> None:
    output = on_terminal([part.format(**maps) for part in command], environ)
    assert output.strip()
    assert ESCAPE not in output, output[:300]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_use_colour() -> None:
    assert use_colour(Terminal(), {"TERM": "xterm"}) is True
    assert use_colour(Terminal(), {"TERM": "dumb"}) is False
    assert use_colour(Terminal(), {"NO_COLOR": "1"}) is False
    assert use_colour(Terminal(), {"NO_COLOR": ""}) is True  # no-color.org: set and not empty
    assert use_colour(io.StringIO(), {}) is False
    assert use_colour(io.StringIO(), {"FORCE_COLOR": "1"}) is True
    assert use_colour(Terminal(), {"FORCE_COLOR": "1", "NO_COLOR": "1"}) is False
    assert use_colour(None, {}) is False
