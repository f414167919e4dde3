"""The `argmap` program ends without freeing its maps (os._exit), yet loses nothing: all
output is written, exit statuses are kept, and the exit handlers (temporary folders) run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import quick_exit

MAP = """\
premise safer: A lane makes cycling safer. #safety
premise cost: It costs little.
conclusion go: Build it now.
safer + cost -> go
"""


def program(*arguments: str, **how: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "argmap", *arguments],
        capture_output=True, text=True, timeout=120, **how,
    )


def test_a_long_output_through_a_pipe_is_written_whole(tmp_path: Path) -> None:
    lines = [f"premise p{n}: Reason number {n} for it. #tag{n % 7}" for n in range(3000)]
    lines.append("conclusion go: Build it now.")
    lines += [f"p{n} -> go" for n in range(3000)]
    path = tmp_path / "big.argmap"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = program("show", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["nodes"]) == 3001 + 3000


def test_exit_statuses_are_kept(tmp_path: Path) -> None:
    good = tmp_path / "good.argmap"
    good.write_text(MAP, encoding="utf-8")
    broken = tmp_path / "broken.argmap"
    broken.write_text("premise a: A.\na -> nowhere\n", encoding="utf-8")
    assert program("check", str(good)).returncode == 0
    result = program("check", str(broken))
    assert result.returncode == 1
    assert "undefined statement `nowhere`" in result.stdout
    assert program("check", str(tmp_path / "missing.argmap")).returncode == 2
    assert program("no-such-command").returncode == 2
    assert program("--version").returncode == 0


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_exit_handlers_still_remove_temporary_folders(tmp_path: Path) -> None:
    """The system engine's font configuration lives in a temporary folder that an exit
    handler removes."""
    path = tmp_path / "map.argmap"
    path.write_text(MAP, encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "TMPDIR": str(temporary)}
    out = tmp_path / "map.svg"
    result = program("render", str(path), "--engine", "system", "-o", str(out), env=environment)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert list(temporary.iterdir()) == []


def test_nothing_is_kept_outside_the_program() -> None:
    """In tests and notebooks `main` runs inside a longer process: maps are freed as usual."""
    before = len(quick_exit._kept)
    quick_exit.keep_until_exit(object())
    assert len(quick_exit._kept) == before
