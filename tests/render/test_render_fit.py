"""`--fit`: widths, the printed-size arithmetic, and every example and test map at A4's width."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import DATA, MAPS

import argmap
from argmap.errors import ParseError
from argmap.render.fit import PAGES, FitError, parse_width
from argmap.render.measure import measure_svg, place
from argmap.render.render import RenderOptions, render_figure

A4 = PAGES["a4"]
VALID = Path(__file__).parents[1] / "data" / "valid"
FIT_MAPS = sorted(MAPS.glob("*.argmap")) + sorted(DATA.glob("*.argmap")) + sorted(
    VALID.glob("*.argmap")
)
# Too big for one A4-wide figure at 8 pt (the best drawing prints at about 5 pt): --split.
TOO_BIG = {"russia-china"}


@pytest.mark.parametrize(
    ("text", "points"),
    [("16cm", 453.54), ("6.5in", 468.0), ("453pt", 453.0), ("120mm", 340.16), ("a4", 453.54),
     ("A4", 453.54), ("letter", 468.0), ("slide", 708.66), ("a5", 311.81), (" 7.5 CM ", 212.6)],
)
def test_widths(text: str, points: float) -> None:
    assert parse_width(text) == pytest.approx(points, abs=0.01)


@pytest.mark.parametrize("text", ["", "16", "cm", "-3cm", "0pt", "3 furlongs", "a3", "1e3pt"])
def test_bad_widths_say_what_is_accepted(text: str) -> None:
    with pytest.raises(ValueError, match=r"16cm, 6\.5in, 453pt or 120mm.*a4, letter"):
        parse_width(text)


def test_place_scales_the_printed_size_not_the_drawing() -> None:
    svg = render_figure(argmap.load(str(DATA / "kinds.argmap")), RenderOptions()).data
    natural = measure_svg(svg)
    placed = measure_svg(place(svg, natural.width / 2))
    assert placed.width == pytest.approx(natural.width / 2, abs=0.01)
    assert placed.height == pytest.approx(natural.height / 2, abs=0.01)
    assert placed.text == pytest.approx(6.0, abs=0.01)  # 12 pt statements at half size


def _load(path: Path) -> argmap.ArgumentMap:
    try:
        return argmap.load(str(path))
    except ParseError:
        pytest.skip(f"{path.name} does not load on its own")


@pytest.mark.parametrize("path", FIT_MAPS, ids=lambda path: path.stem)
def test_every_map_fits_a4_with_8pt_text(path: Path) -> None:
    amap = _load(path)
    options = RenderOptions(fit=A4)
    if path.stem in TOO_BIG:
        with pytest.raises(FitError, match="--split") as raised:
            render_figure(amap, options)
        assert raised.value.best.text is not None and raised.value.best.text < 8
        return
    figure = render_figure(amap, options)
    size = measure_svg(figure.data)
    assert size == figure.size
    assert size.width <= A4 + 0.01
    assert size.text is None or size.text >= 8 - 0.005
