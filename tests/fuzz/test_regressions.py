"""Every input the fuzz suite ever failed on, replayed through the library and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz_harness import (
    ALL_COMMANDS,
    ARGUMENTS,
    MAP,
    TRACEBACK,
    Bundle,
    cli,
    importers,
    library,
    regression_folders,
)

CASES = list(regression_folders())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_regression(case: Path, tmp_path: Path) -> None:
    Bundle.read(case).write(tmp_path)
    if (tmp_path / ARGUMENTS).exists():
        cli(tmp_path, [json.loads((tmp_path / ARGUMENTS).read_text(encoding="utf-8"))])
    elif (tmp_path / MAP).exists():
        library(tmp_path)
        cli(tmp_path, ALL_COMMANDS)
    importers(tmp_path)


PROCESS_COMMANDS = [["show"], ["check", "--format", "json"], ["render", "-f", "dot", "-o", "-"]]


HOSTILE = (
    b"@title T\x1b]0;title\x07\n@include missing.argmap\npremise a: A\xe2\x80\xa8B\n"
    b"conclusion b: B \x1b[2J\nbogus -> b\n"
)


@pytest.mark.parametrize("command", PROCESS_COMMANDS)
def test_real_processes(command: list[str], tmp_path: Path) -> None:
    """A few runs as a user makes them: a new process, real standard streams, on the first
    regression cases with a map, a hostile map and one that does not decode."""
    folders = [case for case in CASES if (case / MAP).exists()][:3]
    for name, data in (("hostile", HOSTILE), ("latin1", b"premise a: caf\xe9\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / MAP).write_bytes(data)
        folders.append(tmp_path / name)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for folder in folders:
        result = subprocess.run(
            [sys.executable, "-m", "argmap", command[0], MAP, *command[1:]],
            cwd=folder, capture_output=True, env=env, timeout=120,
        )
        output = (result.stdout + result.stderr).decode("utf-8", "replace")
        assert result.returncode in (0, 1, 2), (folder.name, output)
        assert TRACEBACK not in output, (folder.name, output)
        assert "\x1b" not in output and "\u2028" not in output, (folder.name, output)
