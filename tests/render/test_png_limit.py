"""A PNG too large to make is refused before it is made, with what to do instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from render_helpers import EXAMPLE_MAPS, needs_dot

from argmap.cli import main
from argmap.errors import RenderError
from argmap.render import png


def test_a_png_within_the_limit_passes() -> None:
    png.check_png_size(453, 310, 144)  # a figure 16 cm wide: 906 × 620 pixels
    png.check_png_size(5000, 5000, 144)  # 100 megapixels exactly


def test_a_big_png_asks_for_a_lower_resolution() -> None:
    with pytest.raises(RenderError) as raised:
        png.check_png_size(42491, 5424, 144)  # 2,400 statements without sections
    message = str(raised.value)
    assert "84,982 × 10,848 pixels (922 megapixels, about 3.7 GB to make)" in message
    assert "choose a lower --dpi (47 at most)" in message
    png.check_png_size(42491, 5424, 47)


def test_a_huge_png_asks_for_another_format() -> None:
    with pytest.raises(RenderError, match=r"choose SVG or PDF, or draw less with --focus"):
        png.check_png_size(85239, 11911, 144)  # 10,000 statements: 16 GB at 144 dpi


@pytest.mark.parametrize("engine", ["embedded", pytest.param("system", marks=needs_dot)])
def test_render_refuses_it_and_writes_nothing(
    engine: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(png, "MAX_PIXELS", 10_000)
    target = tmp_path / "map.png"
    target.write_bytes(b"an earlier figure")
    source = EXAMPLE_MAPS[1]
    result = CliRunner().invoke(
        main, ["render", str(source), "-o", str(target), "--engine", engine]
    )
    assert result.exit_code == 1
    assert "the PNG would be" in result.output and "megapixels" in result.output
    assert "Traceback" not in result.output
    assert target.read_bytes() == b"an earlier figure"
