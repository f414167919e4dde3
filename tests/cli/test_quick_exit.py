"""The `argmap` program ends without freeing its maps (os._exit), yet loses nothing: all
output is written, exit statuses are kept, and the exit handlers (temporary folders) run.
Its shortcuts stay in the one-shot program: not in --watch's runs, not under ARGMAP_PROFILE."""

from __future__ import annotations

import gc
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


def test_a_map_loaded_while_watch_repeats_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """--watch runs its job again and again: a map kept until exit would pile up."""
    monkeypatch.setattr(quick_exit, "_program", True)
    monkeypatch.setattr(quick_exit, "_kept", [])
    gc.unfreeze()
    with quick_exit.repeating():
        quick_exit.keep_until_exit(object())
    assert (quick_exit._kept, gc.get_freeze_count()) == ([], 0)


@pytest.mark.parametrize(("value", "plain"), [
    ("", False), ("0", False), (" ", False), ("1", True), ("yes", True),
])
def test_the_profile_switch(value: str, plain: bool) -> None:
    assert quick_exit.plain_requested({"ARGMAP_PROFILE": value}) is plain
    assert quick_exit.plain_requested({}) is False


AT_EXIT = """\
import atexit, gc, sys
from argmap.cli import run

atexit.register(lambda: print("at exit:", gc.get_freeze_count() > 0, gc.get_threshold()[0],
                              file=sys.stderr))
sys.argv = ["argmap", *sys.argv[1:]]
run()
"""


@pytest.mark.parametrize(("switch", "shortcuts"), [("", True), ("1", False)])
def test_the_program_tunes_the_collector_unless_profiled(
    tmp_path: Path, switch: str, shortcuts: bool
) -> None:
    """As the program, `check` keeps its map frozen out of the collector's sight, which runs
    less often; under ARGMAP_PROFILE=1 neither (and the exit handlers run either way)."""
    path = tmp_path / "map.argmap"
    path.write_text(MAP, encoding="utf-8")
    environment = {**os.environ, "ARGMAP_PROFILE": switch}
    result = subprocess.run([sys.executable, "-c", AT_EXIT, "check", str(path)],
                            capture_output=True, text=True, timeout=120, env=environment)
    assert result.returncode == 0, result.stderr
    threshold = quick_exit.PROGRAM_GC_THRESHOLDS[0] if shortcuts else gc.get_threshold()[0]
    assert result.stderr == f"at exit: {shortcuts} {threshold}\n"


def test_under_the_profile_switch_cprofile_prints_its_profile(tmp_path: Path) -> None:
    """`python -m cProfile -m argmap ...` prints its profile once the command has ended
    normally; the program's own quick exit (os._exit) would end the process before."""
    good = tmp_path / "good.argmap"
    good.write_text(MAP, encoding="utf-8")
    profiled = [sys.executable, "-m", "cProfile", "-s", "cumulative", "-m", "argmap", "check"]
    plain = {**os.environ, "ARGMAP_PROFILE": "1"}
    result = subprocess.run([*profiled, str(good)], capture_output=True, text=True,
                            timeout=120, env=plain)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("no problems in 1 file\n")
    assert "function calls" in result.stdout and "Ordered by: cumulative time" in result.stdout
    quick = {**os.environ, "ARGMAP_PROFILE": ""}
    result = subprocess.run([*profiled, str(good)], capture_output=True, text=True,
                            timeout=120, env=quick)
    assert result.returncode == 0, result.stderr
    assert "function calls" not in result.stdout


def test_exit_statuses_are_kept_under_the_profile_switch(tmp_path: Path) -> None:
    broken = tmp_path / "broken.argmap"
    broken.write_text("premise a: A.\na -> nowhere\n", encoding="utf-8")
    plain = {**os.environ, "ARGMAP_PROFILE": "1"}
    assert program("check", str(broken), env=plain).returncode == 1
    assert program("check", str(tmp_path / "missing.argmap"), env=plain).returncode == 2
