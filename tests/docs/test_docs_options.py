"""The docs document every command and option the CLI offers, each on its command's page."""

from __future__ import annotations

import click
import pytest
from docs_pages import README, page

from argmap.cli import main

CONTEXT = click.Context(main)
COMMANDS = main.list_commands(CONTEXT)
# `rules` is documented with `check`; render's --fit and --split have a page of their own;
# `convert` is the interop page.
PAGES = {"rules": ["commands/check.md"], "render": ["commands/render.md", "reports.md"],
         "convert": ["interop.md"], "lsp": ["editors.md"]}


def _pages(name: str) -> list[str]:
    return PAGES.get(name, [f"commands/{name}.md"])


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_in_its_commands_section(name: str) -> None:
    command = main.get_command(CONTEXT, name)
    assert command is not None
    text = "".join(page(path) for path in _pages(name))
    assert all(page(path).startswith(f"# argmap {name}\n") for path in _pages(name)[:1]
               if name != "rules")
    for param in command.params:
        names = [o for o in param.opts + param.secondary_opts if o != "--help"]
        if names and names[0].startswith("-"):
            assert any(f"`{o}" in text for o in names), f"argmap {name} {names[0]}"


@pytest.mark.parametrize("front", ["README.md", "docs/index.md"])
def test_the_front_page_names_every_command(front: str) -> None:
    opening = (README.parent / front).read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"`argmap {name}`" in opening, name
