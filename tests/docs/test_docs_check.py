"""The "argmap check" page (docs/commands/check.md) tells the truth: its rules table and
its outputs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from docs_pages import ROOT, page

from argmap.checks import RULES
from argmap.cli import main

SECTION = page("commands/check.md")
ARTICLE = ROOT.parent / "shared" / "sources" / "russia-china-oppose-the-globe.txt"


def blocks(info: str) -> list[str]:
    return re.findall(rf"```{info}\n(.*?)```", SECTION, flags=re.S)


def test_rules_table_matches_the_registry() -> None:
    rows = re.findall(r"^\| (AM\d{3}) \| `([a-z-]+)` \| ([a-z ()]+) \| (.+) \|$", SECTION, re.M)
    expected = [
        (
            rule.code,
            rule.name,
            rule.severity.value + ("" if rule.enabled_by_default else " (off by default)"),
            rule.summary,
        )
        for rule in RULES.values()
    ]
    assert rows == expected


def _examples() -> list[tuple[list[str], str]]:
    """(arguments, output) of every console block that shows one `argmap check` and its output."""
    found = []
    for block in blocks("console"):
        lines = block.splitlines()
        if lines[0].startswith("$ argmap check") and not lines[1].startswith("$"):
            found.append((shlex.split(lines[0][2:])[2:], "\n".join(lines[1:]) + "\n"))
    return found


@pytest.mark.parametrize(("args", "output"), _examples(), ids=lambda value: str(value)[:40])
def test_console_examples(
    args: list[str], output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if any(arg.startswith("maps/") for arg in args):
        if not ARTICLE.is_file():
            pytest.skip(f"the article is not beside the checkout ({ARTICLE} is absent)")
        monkeypatch.chdir(ROOT)
    else:
        for name, text in re.findall(r"```argmap file=(\S+)\n(.*?)```", SECTION, flags=re.S):
            (tmp_path / name).write_text(text, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", *args])
    assert result.stdout == output


def test_suppression_and_config_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (suppressed,) = [b for b in blocks("argmap") if "argmap: ignore" in b]
    Path("s.argmap").write_text(suppressed, encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "s.argmap"]).stdout == "no problems in 1 file\n"
    (toml,) = blocks("toml")
    Path("pyproject.toml").write_text(toml, encoding="utf-8")
    Path("w.argmap").write_text("premise a: A.\nconclusion c: C.\na -> c\nc >< a\n", "utf-8")
    result = CliRunner().invoke(main, ["check", "w.argmap"])
    assert result.exit_code == 1 and "AM104" in result.stdout
