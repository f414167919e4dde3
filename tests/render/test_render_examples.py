"""The example diagrams in maps/ are what `argmap render --engine embedded` draws today."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import EXAMPLE_MAPS

import argmap
from argmap.render import RenderOptions, render_map


@pytest.mark.parametrize("path", EXAMPLE_MAPS, ids=lambda path: path.stem)
def test_committed_svg_is_reproducible(path: Path) -> None:
    svg = path.with_suffix(".svg")
    if not path.exists() or not svg.exists():
        pytest.skip(f"{path.name} or its diagram is not there")
    drawn = render_map(argmap.load(str(path)), RenderOptions(engine="embedded"))
    assert drawn == svg.read_bytes(), (
        f"{svg} is out of date; redraw the examples with "
        "`argmap render maps/russia-china.argmap maps/tutorial.argmap --engine embedded -o maps/`"
    )
