"""Standard output that fails (a full device, a closed descriptor, a closed pipe): one line on
stderr and exit 1 from every command and format, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MAP = """\
@title Bike lane
premise safer: A lane makes cycling safer.
premise cost: It costs little.
premise lonely: Nobody uses this.
conclusion go: Build it now.
safer + cost -> go
"""

COMMANDS = [
    ["show", "{map}"],
    ["show", "{map}", "--format", "json"],
    ["check", "{map}"],
    ["check", "{map}", "--format", "json"],
    ["check", "{map}", "--format", "github"],
    ["check", "{map}", "--format", "sarif"],
    ["rules"],
    ["rules", "AM101"],
    ["--version"],
    ["--help"],
    ["render", "{map}", "-o", "-"],
    ["render", "{map}", "-o", "-", "-f", "dot"],
    ["convert", "{map}", "--to", "aif", "-o", "-"],
    ["fmt", "--diff", "{map}"],
]
IDS = [" ".join(command).replace("{map}", "MAP") for command in COMMANDS]
# A closed descriptor takes the same path in every command (the entry point's guard); these
# are the ones that crashed on it, and one of each other kind of output.
CLOSED = [0, 1, 2, 3, 8, 10]


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "bike.argmap"
    path.write_text(MAP, encoding="utf-8")
    return path


def argmap(command: list[str], map_file: Path, **how: object) -> subprocess.CompletedProcess[str]:
    arguments = [part.format(map=map_file) for part in command]
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "argmap", *arguments],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        **how,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], reason: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    # convert's warnings about what AIF cannot carry, fmt's count come first.
    assert result.stderr.endswith(f"\nerror: cannot write to standard output: {reason}\n") or (
        result.stderr == f"error: cannot write to standard output: {reason}\n"
    )
    assert result.stderr.count("error:") == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_full_device_is_one_line_and_exit_1(command: list[str], map_file: Path) -> None:
    with open("/dev/full", "w") as full:
        result = argmap(command, map_file, stdout=full)
    assert_one_line_error(result, "No space left on device")


@pytest.mark.parametrize("command", [COMMANDS[i] for i in CLOSED], ids=[IDS[i] for i in CLOSED])
def test_closed_stdout_is_one_line_and_exit_1(command: list[str], map_file: Path) -> None:
    # The shell's `>&-`: descriptor 1 is not open at all when argmap starts.
    result = argmap(command, map_file, preexec_fn=lambda: os.close(1))
    assert_one_line_error(result, "it is closed")


def test_closed_stdout_does_not_matter_when_nothing_is_printed_there(
    map_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.dot"
    result = argmap(["render", "{map}", "-o", str(target)], map_file,
                    preexec_fn=lambda: os.close(1))
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8").startswith("digraph")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bike.argmap", "out.dot"]


def test_closed_stdout_gives_no_output_file_descriptor_1(map_file: Path, tmp_path: Path) -> None:
    """A file opened while descriptor 1 is closed would get number 1, and whatever is
    written to standard output would land in it: the null device is put there first."""
    target = tmp_path / "out.dot"
    result = argmap(["render", "{map}", "-o", str(target), "-f", "dot"], map_file,
                    preexec_fn=lambda: os.close(1))
    assert result.returncode == 0, result.stderr
    assert "wrote" not in target.read_text(encoding="utf-8")


def test_broken_pipe_stays_quiet(tmp_path: Path) -> None:
    """`argmap show map | head -1`: the reader left early; no message, no traceback."""
    big = tmp_path / "big.argmap"
    lines = [f"premise p{i}: Reason number {i} for the claim." for i in range(1000)]
    big.write_text("\n".join([*lines, "conclusion c: The claim.", "p0 -> c", ""]), "utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "show", str(big), "--format", "json", "--indent", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert (process.returncode, stderr) == (1, "")
