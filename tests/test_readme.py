"""The README is a short front page: the two set-up commands first, then what argmap is,
one figure, and links to the docs pages (docs/), each of which exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_starts_with_the_two_commands() -> None:
    user, first = (block.split("```", 1)[0] for block in README.split("```sh\n")[1:3])
    assert [line.split("#")[0].strip() for line in user.splitlines()] == ["pipx install argmap"]
    commands = [line.split("#")[0].strip() for line in first.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    # nothing but the title and a sentence stands before them
    head = README.split("```")[0]
    assert "##" not in head


def test_the_readme_is_short_and_links_the_docs() -> None:
    assert len(README.splitlines()) <= 80
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", README)
    assert any(target.startswith("docs/") for target in targets)
    for target in targets:
        assert "://" in target or (ROOT / target).exists(), target
    # the before and after of "Figures for reports", drawn by argmap and committed
    assert README.count("![") == 2
    figures = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", README)
    assert figures == ["docs/images/readme-one-figure.png", "docs/images/readme-split-part.png"]


def test_figures_for_reports_comes_right_after_the_set_up() -> None:
    sections = re.findall(r"^## (.+)$", README, re.MULTILINE)
    assert sections[0] == "Figures for reports"
    recipe = README.split("## Figures for reports", 1)[1].split("```sh\n", 1)[1].split("```")[0]
    commands = [line.split("#")[0].split()[:3] for line in recipe.splitlines()]
    assert commands == [["argmap-pandoc", "--reference-doc", "a4.docx"],
                        ["pandoc", "report.md", "--filter"], ["pandoc", "report.md", "--filter"]]
    assert "(docs/reports.md)" in README.split("## Figures for reports", 1)[1]
