"""The example maps drawn with --fit a4 (the big one --split) on a real page 16 cm wide in
headless Chromium: each figure lies at its own physical width, inside the text width, and
its screenshot is not blank. ARGMAP_SCREENSHOTS=folder keeps the screenshots to look at."""

from __future__ import annotations

import base64
import html
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.render.measure import measure_svg
from argmap.render.split import SplitFigure

sys.path.insert(0, str(Path(__file__).parents[1] / "report"))
from chromium_helpers import Chromium, decode_png, skip_without_chromium  # noqa: E402

SHOTS = os.environ.get("ARGMAP_SCREENSHOTS")
PAGE_CM = 16
PX_PER_PT = 96 / 72  # CSS: 96 px to the inch, 72 pt to the inch

pytestmark = skip_without_chromium


@pytest.fixture(scope="module")
def figures(
    tmp_path_factory: pytest.TempPathFactory, a4_figures: dict[str, list[SplitFigure]]
) -> list[Path]:
    """Every figure of the example maps at A4, written as a report would use them."""
    folder = tmp_path_factory.mktemp("figures")
    paths = []
    for stem, split in a4_figures.items():
        for figure in split:
            target = folder / f"{stem}-{figure.name}"
            target.write_bytes(figure.figure.data)
            paths.append(target)
    return paths


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    chromium = Chromium(width=800, height=1400)
    try:
        yield chromium
    finally:
        chromium.close()


def page(figure: Path) -> Path:
    """An HTML page with the text width of A4 holding the figure at its own size."""
    source = html.escape(figure.name, quote=True)
    body = (
        "<!doctype html><meta charset=utf-8><title>figure</title>"
        "<style>body{margin:0;background:#fff} main{width:16cm;margin:0 auto}"
        "img{display:block}</style>"
        f"<main><p>Text before the figure.</p><img id=figure src=\"{source}\"></main>"
    )
    target = figure.with_suffix(".html")
    target.write_text(body, encoding="utf-8")
    return target


def test_every_figure_sits_inside_the_text_width_and_is_drawn(
    browser: Chromium, figures: list[Path]
) -> None:
    assert len(figures) > 2  # the tutorial as one figure, the article map as several
    for figure in figures:
        browser.open(page(figure))
        box = browser.evaluate(
            "(() => { const r = document.getElementById('figure').getBoundingClientRect();"
            " const m = document.querySelector('main').getBoundingClientRect();"
            " return [r.x, r.y, r.width, r.height, m.width]; })()"
        )
        x, y, width, height, text_width = box
        size = measure_svg(figure.read_bytes())
        assert text_width == pytest.approx(PAGE_CM / 2.54 * 96, abs=0.5)
        # The browser places the SVG at the width it declares, inside the text width.
        assert width == pytest.approx(size.width * PX_PER_PT, abs=1)
        assert width <= text_width + 0.5
        # A quarter scale is enough to tell a drawing from a blank box, and quick to decode.
        clip = {"x": x, "y": y, "width": width, "height": height, "scale": 0.25}
        png = browser.call(
            "Page.captureScreenshot",
            {"format": "png", "clip": clip, "captureBeyondViewport": True},
            session=True,
        )["data"]
        shot = base64.b64decode(png)
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            (Path(SHOTS) / f"{figure.stem}.png").write_bytes(browser.screenshot())
        columns, rows_count, rows = decode_png(shot)
        channels = len(rows[0]) // columns
        ink = sum(
            1
            for row in rows
            for start in range(0, len(row), channels)
            if min(row[start : start + 3]) < 160
        )
        assert ink > columns * rows_count * 0.01, f"{figure.name} looks blank in Chromium"
