"""The README documents every command and option the CLI offers, each in its command's section."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from argmap.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
CONTEXT = click.Context(main)
COMMANDS = main.list_commands(CONTEXT)
# `rules` is documented with `check`; render's --fit and --split have a section of their own.
SECTIONS = {"rules": ["check"], "render": ["render", "Figures for reports"]}


def _section(title: str) -> str:
    heading = f"### {title}\n" if title[0].isupper() else f"### argmap {title}\n"
    start = README.index(heading)
    ends = [i for i in (README.find("\n### ", start + 1), README.find("\n## ", start + 1)) if i > 0]
    return README[start : min(ends, default=len(README))]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_in_its_commands_section(name: str) -> None:
    command = main.get_command(CONTEXT, name)
    assert command is not None
    text = "".join(_section(title) for title in SECTIONS.get(name, [name]))
    for param in command.params:
        names = [o for o in param.opts + param.secondary_opts if o != "--help"]
        if names and names[0].startswith("-"):
            assert any(f"`{o}" in text for o in names), f"argmap {name} {names[0]}"


def test_the_opening_list_names_every_command() -> None:
    opening = README[: README.index("## Tutorial\n")]
    for name in COMMANDS:
        assert f"`argmap {name}`" in opening, name
