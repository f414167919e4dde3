"""--timeout takes a finite number of seconds above 0 (at most a day), in every command that
lays maps out; anything else is a usage error (exit 2), never a traceback. It bounds the
whole command, however many layouts it runs and whatever it does between them: one line,
exit 1, nothing unfinished written and no temporary file left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

MAPS = Path(__file__).parents[2] / "maps"
MAP = "premise a: A.\nconclusion b: B.\na -> b\n"
BAD = ["inf", "-inf", "nan", "1e308", "86401", "0", "-1", "abc", ""]
COMMANDS = [["render", "{map}", "-o", "{out}"], ["report", "{map}", "-o", "{out}"],
            ["embed", "{doc}"]]


@pytest.mark.parametrize(("value", "engine"), [("inf", "embedded"), ("1e308", "system")])
def test_a_timeout_that_crashed_a_layout_is_a_usage_error(
    tmp_path: Path, value: str, engine: str
) -> None:
    """These two printed tracebacks (the embedded one a thread's, then exit 0)."""
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(source), "--engine", engine,
         "--timeout", value, "-o", str(tmp_path / "m.svg")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.endswith(
        f"Error: Invalid value for '--timeout': `{value}` is not a number of seconds "
        "above 0 and at most 86400\n"
    )
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["m.argmap"]


@pytest.mark.parametrize("value", BAD)
def test_a_timeout_that_is_not_a_finite_positive_number_is_a_usage_error(
    tmp_path: Path, value: str
) -> None:
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["render", str(source), "--timeout", value, "-o", str(tmp_path / "m.svg")]
    )
    assert result.exit_code == 2
    assert (
        f"Error: Invalid value for '--timeout': `{value}` is not a number of seconds "
        "above 0 and at most 86400\n"
    ) in result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["m.argmap"]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_command_that_lays_out_checks_the_timeout(tmp_path: Path, command: list[str]) -> None:
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text("# Doc\n\n```argmap\n" + MAP + "```\n", encoding="utf-8")
    arguments = [part.format(map=source, out=tmp_path / "out", doc=doc) for part in command]
    result = CliRunner().invoke(main, [*arguments, "--timeout", "inf"])
    assert result.exit_code == 2, result.output
    assert "`inf` is not a number of seconds above 0 and at most 86400" in result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == ["doc.md", "m.argmap"]


def test_a_small_timeout_is_taken_and_stops_the_command(tmp_path: Path) -> None:
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["render", str(source), "-f", "dot", "-o", str(tmp_path / "m.dot"),
               "--timeout", "1e-6"]
    )
    assert (result.exit_code, result.output) == (1, STOPPED.format(seconds="1e-06"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["m.argmap"]


STOPPED = ("argmap: stopped after {seconds} s (--timeout {seconds}): raise --timeout, or draw "
           "less with --focus, --section or --tag\n")
HINTS = {
    "render": "raise --timeout, or draw less with --focus, --section or --tag",
    "report": "raise --timeout (the report lays the map out twice: screen and print)",
    "embed": "raise --timeout, or draw less with a block's focus=, section= or tag=",
}
SLOW_LAYOUT = 1.2  # seconds each layout of the fake `dot` takes: less than LIMIT
LIMIT = 2.0  # the --timeout: less than two layouts
MARGIN = 3.0  # seconds past the deadline that stopping may take on a busy machine
TWO_BLOCKS = "# Doc\n\n```argmap\n" + MAP + "```\n\n```argmap\n" + MAP.replace("a", "c") + "```\n"
RUNS = {
    "render": ["render", "{example}", "--fit", "a5", "--split", "-o", "{folder}/figures"],
    "report": ["report", "{map}", "-o", "{folder}/m.html"],
    "embed": ["embed", "{doc}", "--fit", "none"],
}


def _slow_dot(folder: Path) -> dict[str, str]:
    """An environment whose `dot` takes SLOW_LAYOUT seconds, then runs the real one."""
    real = shutil.which("dot")
    if real is None or os.name != "posix":
        pytest.skip("needs Graphviz `dot` and a shell script for the slow one")
    bin_folder = folder / "bin"
    bin_folder.mkdir()
    script = bin_folder / "dot"
    script.write_text(f'#!/bin/sh\nsleep {SLOW_LAYOUT}\nexec "{real}" "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return os.environ | {"PATH": f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}"}


def _files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.mark.parametrize("command", list(RUNS))
def test_the_timeout_bounds_the_whole_command_not_each_layout(
    tmp_path: Path, command: str
) -> None:
    """Every layout takes less than --timeout; together they take more. Each command used to
    run on (`report` 60 s and more with --timeout 40; `--split` a layout after another)."""
    folder = tmp_path / "work"
    folder.mkdir()
    environment = _slow_dot(tmp_path)
    (folder / "m.argmap").write_text(MAP, encoding="utf-8")
    (folder / "doc.md").write_text(TWO_BLOCKS, encoding="utf-8")
    shutil.copy(MAPS / "russia-china.argmap", folder / "example.argmap")
    before = _files(folder)
    arguments = [part.format(example=folder / "example.argmap", map=folder / "m.argmap",
                             doc=folder / "doc.md", folder=folder) for part in RUNS[command]]
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "argmap", *arguments, "--engine", "system",
         "--timeout", f"{LIMIT:g}"],
        capture_output=True, text=True, timeout=120, env=environment,
    )
    took = time.monotonic() - started
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"argmap: stopped after {LIMIT:g} s (--timeout {LIMIT:g}): " \
                            f"{HINTS[command]}\n"
    assert took < LIMIT + MARGIN, f"took {took:.1f} s"
    assert _files(folder) == before  # nothing written, no temporary file left
    assert (folder / "doc.md").read_text(encoding="utf-8") == TWO_BLOCKS


BUSY = """
import sys, time
import argmap.render.render
from argmap.cli import run

def slow_dot(*_, **__):
    while True:  # pure Python: no engine, no system call to interrupt
        sum(range(1000))

argmap.render.render.to_dot = slow_dot
sys.argv = ["argmap", *sys.argv[1:]]
run()
"""


def test_pure_python_work_is_stopped_at_the_timeout_too(tmp_path: Path) -> None:
    """A 4 MB word was wrapped for 9.6 s with --timeout 1: the deadline stops Python work."""
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", BUSY, "render", str(source), "-f", "dot", "--timeout", "1"],
        capture_output=True, text=True, timeout=120,
    )
    took = time.monotonic() - started
    assert (result.returncode, result.stdout, result.stderr) == (1, "", STOPPED.format(seconds=1))
    assert took < 1 + MARGIN, f"took {took:.1f} s"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["m.argmap"]


def test_with_watch_the_timeout_bounds_each_run(tmp_path: Path) -> None:
    """--watch runs for ever: each drawing has the --timeout, and a run stopped by it is a
    failed run, after which the watch goes on (as after any failure)."""
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", BUSY, "render", str(source), "-o", str(tmp_path / "m.dot"),
         "--watch", "--timeout", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert process.stderr is not None
        stopped = process.stderr.readline()
        status = process.stderr.readline()
        process.send_signal(signal.SIGINT)
        rest = process.communicate(timeout=30)[1]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert stopped == STOPPED.format(seconds=1)
    assert "✗ failed (above); the last good" in status and "watching 1 file" in status
    assert (process.returncode, rest) == (130, "argmap: interrupted\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["m.argmap"]
