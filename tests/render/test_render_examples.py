"""The example diagrams in maps/ are what `argmap render --engine embedded` draws today."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from render_helpers import EXAMPLE_MAPS, MAPS

import argmap
from argmap.render import RenderOptions, render_map
from argmap.render.split import SplitFigure, index_markdown


@pytest.mark.parametrize("path", EXAMPLE_MAPS, ids=lambda path: path.stem)
def test_committed_svg_is_reproducible(path: Path) -> None:
    svg = path.with_suffix(".svg")
    if not path.exists() or not svg.exists():
        pytest.skip(f"{path.name} or its diagram is not there")
    drawn = render_map(argmap.load(str(path)), RenderOptions(engine="embedded"))
    assert drawn == svg.read_bytes(), _why(svg, drawn)


def _why(svg: Path, drawn: bytes) -> str:
    """Whether the diagram is out of date, or was overwritten in this checkout (the committed
    one is what argmap draws): the two need different fixes."""
    relative = svg.relative_to(MAPS.parent).as_posix()
    try:
        committed = subprocess.run(["git", "show", f"HEAD:{relative}"], cwd=MAPS.parent,
                                   capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        committed = None
    if committed == drawn:
        return (
            f"{relative} was overwritten in this checkout (`argmap render` without -o draws "
            f"beside the map); the committed one is right: `git checkout -- {relative}`"
        )
    return (
        f"{relative} is out of date; redraw the examples with "
        "`argmap render maps/russia-china.argmap maps/tutorial.argmap --engine embedded -o maps/`"
    )


def test_committed_a4_figures_are_reproducible(a4_figures: dict[str, list[SplitFigure]]) -> None:
    """maps/russia-china/ holds the README's first figures: the map split to fit A4."""
    folder = MAPS / "russia-china"
    figures = a4_figures["russia-china"]
    redraw = (
        "redraw them with `argmap render maps/russia-china.argmap --fit a4 --split "
        "--engine embedded -o maps/russia-china/`"
    )
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        [figure.name for figure in figures] + ["index.md"]
    ), redraw
    for figure in figures:
        assert (folder / figure.name).read_bytes() == figure.figure.data, f"{figure.name}: {redraw}"
    title = argmap.load(str(MAPS / "russia-china.argmap")).title or ""
    assert (folder / "index.md").read_text(encoding="utf-8") == index_markdown(title, figures)
