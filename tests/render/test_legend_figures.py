"""Every figure keeps its legend, and all its text is measured against the floor (issue 18,
requirements 4 and 5): statement and warrant text at --min-font, IDs, tags and the legend at
6 pt, both in the size line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.render.fit import SMALL_FONT
from argmap.render.measure import FigureSize, measure_svg
from argmap.render.render import RenderOptions, render_figure
from argmap.render.split import SplitFigure

BIKE = """\
@title Bike lane
premise safer: A lane makes cycling safer. #safety
premise cost: It costs little. #money
claim build: The town should build it.
conclusion go: Build it now.
premise shops: Shops lose parking.
safer + cost -> build : cheap safety is worth having
build -> go
shops -| go
"""
_FONT = re.compile(rb'<text\b[^>]*\sfont-size="([^"]+)"')


def _scale(svg: bytes) -> float:
    """Printed pt per unit of the drawing (the root's width over the viewBox's)."""
    root = re.search(rb'<svg\b[^>]*\swidth="([0-9.]+)pt"[^>]*\sviewBox="[^"]*?([0-9.]+) [0-9.]+"',
                     svg)
    assert root is not None
    return float(root.group(1)) / float(root.group(2))


def _has_legend(svg: bytes) -> bool:
    return b'<g id="legend" class="cluster legend"' in svg


def test_a_fitted_figure_keeps_its_legend() -> None:
    # 7 cm is narrow enough that the search goes past the drawings that once dropped it.
    figure = render_figure(argmap.parse(BIKE), RenderOptions(fit=7 / 2.54 * 72))
    assert _has_legend(figure.data)
    assert figure.size is not None and figure.size.small is not None


def test_every_part_of_a_split_map_has_its_legend(
    a4_figures: dict[str, list[SplitFigure]],
) -> None:
    for name, figures in a4_figures.items():
        parts = [figure for figure in figures if figure.title != "Overview"]
        assert parts, name
        for figure in parts:
            assert _has_legend(figure.figure.data), (name, figure.name)


def test_every_text_of_every_figure_is_at_the_floor(
    a4_figures: dict[str, list[SplitFigure]],
) -> None:
    for name, figures in a4_figures.items():
        for figure in figures:
            svg = figure.figure.data
            size = measure_svg(svg)
            assert size.text is None or size.text >= 8 - 0.005, (name, figure.name)
            assert size.small is None or size.small >= SMALL_FONT - 0.005, (name, figure.name)
            # Checked again from every text of the SVG, at the scale it prints at.
            smallest = min(float(found) for found in _FONT.findall(svg)) * _scale(svg)
            assert smallest >= SMALL_FONT - 0.01, (name, figure.name, smallest)


def test_warrants_are_statement_text() -> None:
    svg = render_figure(argmap.parse(BIKE), RenderOptions()).data
    group = svg.split(b'class="node inference warrant"')[1].split(b"</g>")[0]
    assert set(_FONT.findall(group)) == {b"12.00"}


def test_the_size_line_reports_the_smallest_of_each() -> None:
    size = FigureSize(453.0, 310.0, 8.4, 6.3)
    assert size.describe() == "453 × 310 pt, text 8.4 pt, small text 6.3 pt"
    assert FigureSize(10.0, 10.0, None, None).describe() == "10 × 10 pt"
    assert size.scaled(0.5) == FigureSize(226.5, 155.0, 4.2, 3.15)
    svg = render_figure(argmap.parse(BIKE), RenderOptions()).data
    assert measure_svg(svg).small == pytest.approx(9.0, abs=0.01)  # the ID lines


def _dot(source: Path, *options: str) -> str:
    result = CliRunner().invoke(main, ["render", str(source), "-f", "dot", "-o", "-", *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_legend_none_drops_it_and_the_older_spellings_still_work(tmp_path: Path) -> None:
    source = tmp_path / "bike.argmap"
    source.write_text(BIKE, encoding="utf-8")
    assert "cluster_legend" in _dot(source)
    assert "cluster_legend" in _dot(source, "--legend")
    assert "cluster_legend" in _dot(source, "--legend", "below")
    assert "cluster_legend" not in _dot(source, "--legend", "none")
    assert "cluster_legend" not in _dot(source, "--no-legend")


def test_an_unknown_legend_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "bike.argmap"
    source.write_text(BIKE, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(source), "--legend", "left"])
    assert result.exit_code == 2 and "'left' is not one of 'below', 'none'" in result.output
