"""FORCE_COLOR colours what goes to a pipe (CI logs show colour) and NO_COLOR wins over it,
for check's findings, show, and the errors of a broken map."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

MAP = "premise a: A.\npremise lonely: Nobody uses this.\nconclusion c: C.\na -> c\n"
BROKEN = "premise a: A.\ncliam b: B.\n"
ESCAPE = "\x1b["


def piped(arguments: list[str], environ: dict[str, str]) -> str:
    """stdout and stderr of `argmap ARGUMENTS` written to a pipe."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    done = subprocess.run([sys.executable, "-m", "argmap", *arguments], capture_output=True,
                          text=True, env={**env, **environ}, timeout=120)
    return done.stdout + done.stderr


@pytest.fixture
def maps(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "m.argmap").write_text(MAP, encoding="utf-8")
    (tmp_path / "broken.argmap").write_text(BROKEN, encoding="utf-8")
    return {"map": str(tmp_path / "m.argmap"), "broken": str(tmp_path / "broken.argmap")}


COMMANDS = [["check", "{map}"], ["show", "{map}"], ["show", "{broken}"], ["check", "{broken}"]]
IDS = ["check", "show", "show broken map", "check broken map"]


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_force_colour_in_a_pipe(maps: dict[str, str], command: list[str]) -> None:
    arguments = [part.format(**maps) for part in command]
    assert ESCAPE not in piped(arguments, {})
    assert ESCAPE in piped(arguments, {"FORCE_COLOR": "1"})
    assert ESCAPE not in piped(arguments, {"FORCE_COLOR": "1", "NO_COLOR": "1"})


def test_coloured_findings_say_the_same(maps: dict[str, str]) -> None:
    plain = piped(["check", maps["map"]], {})
    coloured = piped(["check", maps["map"]], {"FORCE_COLOR": "1"})
    assert "m.argmap:2:1: warning: AM105 orphan-statement:" in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
