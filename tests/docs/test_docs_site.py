"""The documentation site: its figures are current, its rule pages come from the rules, and
every page is in its navigation (`make docs` builds it with `mkdocs build --strict`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from click.testing import CliRunner
from docs_pages import DOCS, ROOT

from argmap.checks import RULES
from argmap.cli import main

sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
from render_helpers import isolated_module_cache  # noqa: E402

__all__ = ["isolated_module_cache"]  # an autouse fixture: imported here to apply to this file

# The pages whose ```argmap blocks argmap draws (argmap documents itself with itself); their
# figures are committed beside them. Redraw with:
#   .venv/bin/argmap embed docs/index.md docs/tutorial.md --engine embedded
DRAWN = ["index.md", "tutorial.md"]


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_docs_figures_are_current() -> None:
    documents = [str(DOCS / name) for name in DRAWN]
    result = CliRunner().invoke(main, ["embed", *documents, "--check", "--engine", "embedded"])
    assert result.exit_code == 0, result.output + "\nredraw: argmap embed " + " ".join(
        f"docs/{name}" for name in DRAWN) + " --engine embedded"


def test_every_figure_folder_belongs_to_a_drawn_page() -> None:
    folders = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*-argmap"))
    assert folders == sorted(name.removesuffix(".md") + "-argmap" for name in DRAWN)


@pytest.mark.parametrize("code", list(RULES))
def test_each_rule_page_is_its_docstring(code: str) -> None:
    rule = RULES[code]
    text = _hooks().rule_page(rule)
    assert text.startswith(f"# {rule.code} {rule.name}\n")
    for line in rule.doc.strip().splitlines():
        assert line in text
    assert f"[{rule.code}]({rule.name}.md)" in _hooks().rules_index()


def test_no_rule_page_is_committed() -> None:
    assert not (DOCS / "rules").exists()


def test_the_navigation_names_every_page() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    named: list[str] = []

    def walk(item: object) -> None:
        if isinstance(item, str):
            named.append(item)
        elif isinstance(item, list):
            for each in item:
                walk(each)
        elif isinstance(item, dict):
            for each in item.values():
                walk(each)

    walk(config["nav"])
    pages = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
    assert sorted(name for name in named if not name.startswith("rules/")) == pages
    assert "rules/index.md" in named


def test_fences_read_by_the_site_keep_the_blocks_shown_inside_others() -> None:
    plain = _hooks().plain_fences
    text = ("```argmap file=a.argmap\nx\n```\n"
            '````markdown embed-before\n```argmap src="m" x\n```\n````\n')
    assert plain(text) == (
        '```argmap title="a.argmap"\nx\n```\n````markdown\n```argmap src="m" x\n```\n````\n')
    assert plain("```argmap error\nx\n```\n") == "```argmap\nx\n```\n"
    assert plain('```argmap src="../m.argmap" evaluate\n```') == (
        '```argmap title="../m.argmap"\n```')


def test_links_out_of_the_docs_reach_repository_files() -> None:
    hooks = _hooks()
    assert hooks._outside("commands/render.md", "../../maps/tutorial.svg") == (
        ROOT / "maps" / "tutorial.svg")
    assert hooks.site_path(ROOT / "maps" / "tutorial.argmap") == "repo/maps/tutorial.argmap.txt"
    assert hooks._outside("index.md", "tutorial.md") is None


def test_pipes_in_tables_code_lose_the_backslash_github_needs() -> None:
    pipes = _hooks().table_pipes
    assert pipes("| `--format text\\|json` | how, `a\\|b` |\nnot `x\\|y`") == (
        "| `--format text|json` | how, `a|b` |\nnot `x\\|y`")
