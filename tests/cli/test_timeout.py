"""--timeout takes a finite number of seconds above 0 (at most a day), in every command that
lays maps out; anything else is a usage error (exit 2), never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

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


def test_a_small_timeout_is_taken(tmp_path: Path) -> None:
    source = tmp_path / "m.argmap"
    source.write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["render", str(source), "-f", "dot", "-o", "-", "--timeout", "1e-3"]
    )
    assert result.exit_code == 0, result.output
