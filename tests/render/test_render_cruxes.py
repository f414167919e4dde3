"""`render --cruxes`: the cruxes of the accepted conclusions drawn with a double border, named
in their tooltips, and explained in the legend."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.render.render import RenderOptions, build_dot, prepare

MAP = """\
premise rain: It rained.
premise sunny: The sun is out now.
premise cleaned: The street was swept this morning.
premise shade: The street is in shade.
conclusion slow: Traffic will be slow.
rain -> slow
sunny -| slow
cleaned -| sunny
shade -> slow
"""
ONE_REASON = MAP.replace("shade -> slow\n", "")


def node_line(dot: str, node: str) -> str:
    return next(line for line in dot.splitlines() if line.strip().startswith(f'"{node}" ['))


def test_a_crux_has_a_double_border_and_the_legend_says_so() -> None:
    dot = build_dot(argmap.parse(ONE_REASON, "map.argmap"), RenderOptions(cruxes=True))
    for crux in ("rain", "cleaned"):
        line = node_line(dot, crux)
        assert 'class="premise crux"' in line
        assert "peripheries=2 penwidth=2" in line
    assert "peripheries" not in node_line(dot, "sunny")
    assert re.search(r'"legend-crux" \[.*label="crux".*peripheries=2', dot)


def test_no_crux_no_legend_entry() -> None:
    # Two independent reasons: neither alone carries the conclusion (the answer to the
    # objection still does).
    dot = build_dot(argmap.parse(MAP, "map.argmap"), RenderOptions(cruxes=True))
    assert [line.split()[0] for line in dot.splitlines() if 'class="premise crux"' in line] == [
        '"cleaned"'
    ]
    without_objection = MAP.replace("sunny -| slow\n", "").replace("cleaned -| sunny\n", "")
    dot = build_dot(argmap.parse(without_objection, "map.argmap"), RenderOptions(cruxes=True))
    assert "crux" not in dot


def test_without_the_option_nothing_is_marked() -> None:
    assert "crux" not in build_dot(argmap.parse(ONE_REASON, "map.argmap"), RenderOptions())


def test_the_tooltip_names_the_conclusions() -> None:
    prepared = prepare(argmap.parse(ONE_REASON, "map.argmap"), RenderOptions(cruxes=True),
                       for_svg=True)
    assert prepared.tooltips["cleaned"].endswith("crux of: slow")
    assert "crux" not in prepared.tooltips["sunny"]


def test_a_crux_that_check_reports_keeps_both_marks() -> None:
    source = ONE_REASON + "premise lonely: Unrelated.\n"
    dot = build_dot(argmap.parse(source, "map.argmap"),
                    RenderOptions(cruxes=True, findings=True))
    assert 'class="premise crux"' in node_line(dot, "rain")


@pytest.mark.parametrize("extra", [[], ["--evaluate"]])
def test_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("street.argmap").write_text(ONE_REASON, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["render", "street.argmap", "--cruxes", *extra, "-f", "dot", "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    assert 'class="premise crux"' in node_line(result.stdout, "cleaned")
