"""PNG and PDF a report can use: text drawn inside every statement's box (both engines, and
with no system font at all), the resolution recorded, the same font measured everywhere."""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from render_helpers import DATA, EXAMPLE_MAPS, SVG, needs_dot, png_dpi, skip_without_dot

import argmap
from argmap.model import ArgumentMap
from argmap.render import RenderOptions, render_map
from argmap.render import fonts as fonts_module
from argmap.render.measure import svg_length
from argmap.render.png import svg_to_png

Image = pytest.importorskip("PIL.Image", reason="the PNG tests decode pixels with Pillow")

ENGINES = ["embedded", pytest.param("system", marks=needs_dot)]
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_TRANSLATE = re.compile(r"translate\(\s*([-\d.]+)[ ,]+([-\d.]+)\s*\)")
DARK = 110  # a pixel darker than this (0-255 grey) is text or a line, never a fill


def statement_boxes(svg: bytes) -> dict[str, tuple[float, float, float, float]]:
    """Each statement's box in the SVG's own units (left, top, right, bottom), from the
    outline Graphviz drew (a polygon, or a path when rounded) and the graph's translation."""
    root = ET.fromstring(svg)
    graph = root.find(f"{SVG}g")
    assert graph is not None
    shift = _TRANSLATE.search(graph.get("transform") or "")
    dx, dy = (float(shift.group(1)), float(shift.group(2))) if shift else (0.0, 0.0)
    boxes = {}
    for group in root.iter(f"{SVG}g"):
        name = group.get("id") or ""
        if not name.startswith("statement-"):
            continue
        shape = group.find(f"{SVG}polygon")
        if shape is None:
            shape = group.find(f"{SVG}path")
        assert shape is not None, name
        numbers = [float(n) for n in _NUMBER.findall(shape.get("points") or shape.get("d") or "")]
        xs, ys = numbers[0::2], numbers[1::2]
        boxes[name] = (min(xs) + dx, min(ys) + dy, max(xs) + dx, max(ys) + dy)
    return boxes


def dark_pixels_in_boxes(svg: bytes, png: bytes) -> dict[str, int]:
    """How many dark pixels lie inside each statement's box, a little within its frame."""
    image = Image.open(io.BytesIO(png)).convert("L")
    root = ET.fromstring(svg)
    view = [float(n) for n in (root.get("viewBox") or "").split()]
    scale = image.width / view[2]
    counts = {}
    inset = 4  # SVG units: clear of the frame, which is dark too
    for name, (left, top, right, bottom) in statement_boxes(svg).items():
        crop = image.crop(
            (
                round((left + inset - view[0]) * scale),
                round((top + inset - view[1]) * scale),
                round((right - inset - view[0]) * scale),
                round((bottom - inset - view[1]) * scale),
            )
        )
        counts[name] = sum(crop.histogram()[:DARK])
    return counts


def _both(amap: ArgumentMap, **options: object) -> tuple[bytes, bytes]:
    svg = render_map(amap, RenderOptions(fmt="svg", **options))  # type: ignore[arg-type]
    png = render_map(amap, RenderOptions(fmt="png", **options))  # type: ignore[arg-type]
    return svg, png


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", [*EXAMPLE_MAPS, DATA / "kinds.argmap"], ids=lambda p: p.stem)
def test_png_has_text_inside_every_statement_box(path: Path, engine: str) -> None:
    svg, png = _both(argmap.load(str(path)), engine=engine)
    counts = dark_pixels_in_boxes(svg, png)
    assert counts and min(counts.values()) > 40, counts


@pytest.mark.parametrize("engine", ENGINES)
def test_png_is_the_finished_svg_at_its_resolution(small_map: ArgumentMap, engine: str) -> None:
    for dpi in (144, 300):
        svg, png = _both(small_map, engine=engine, dpi=dpi)
        image = Image.open(io.BytesIO(png))
        root = ET.fromstring(svg)
        # Both engines rasterise the finished SVG: its size in pt at `dpi` pixels to the inch.
        assert abs(image.width - svg_length(root.get("width")) * dpi / 72) <= 1
        assert abs(image.height - svg_length(root.get("height")) * dpi / 72) <= 1
        assert png_dpi(png) == pytest.approx(dpi, abs=0.01)
        assert image.info["dpi"] == pytest.approx((dpi, dpi), abs=0.01)


def test_png_has_text_with_no_system_font_at_all(small_map: ArgumentMap) -> None:
    # A machine with DejaVu only drew no text: resvg found none of the named families.
    svg = render_map(small_map, RenderOptions(engine="embedded"))
    png = svg_to_png(svg.decode("utf-8"), "#ffffff", system_fonts=False)
    counts = dark_pixels_in_boxes(svg, png)
    assert min(counts.values()) > 40, counts


def test_svg_embeds_the_font_it_was_measured_with(small_map: ArgumentMap) -> None:
    from fontTools.ttLib import TTFont

    svg = render_map(small_map, RenderOptions(engine="embedded")).decode("utf-8")
    match = re.search(r'@font-face\{font-family:Arimo;[^}]*base64,([A-Za-z0-9+/=]+)"', svg)
    assert match, "no embedded font"
    import base64

    face = TTFont(io.BytesIO(base64.b64decode(match.group(1))))
    drawn = {
        ord(character)
        for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        for character in html.unescape(text)
        if not character.isspace()
    }
    assert drawn <= set(face.getBestCmap())
    assert 'font-family="Arimo,Arial,Helvetica,' in svg


@skip_without_dot
def test_system_dot_measures_with_the_shipped_font_whatever_is_installed(
    small_map: ArgumentMap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    if not dejavu.is_dir():
        pytest.skip("needs DejaVu fonts to stand for a machine that has only them")
    usual = render_map(small_map, RenderOptions(engine="system"))
    # A fontconfig that knows DejaVu only, as on a bare Debian: without argmap's font,
    # Graphviz measured the wider DejaVu Sans and the boxes grew.
    only = tmp_path / "dejavu.conf"
    only.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{dejavu}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(only))
    fonts_module.fontconfig_file.cache_clear()
    try:
        bare = render_map(small_map, RenderOptions(engine="system"))
    finally:
        fonts_module.fontconfig_file.cache_clear()
    assert statement_boxes(bare) == statement_boxes(usual)


@skip_without_dot
def test_pdf_page_is_the_figure(small_map: ArgumentMap) -> None:
    svg = render_map(small_map, RenderOptions(engine="system"))
    pdf = render_map(small_map, RenderOptions(engine="system", fmt="pdf"))
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box, pdf[:400]
    # No half-inch margin around it (72 pt more each way). Graphviz 2.43's cairo PDF and
    # its SVG round the drawing's size differently, by a few points.
    root = ET.fromstring(svg)
    assert float(box.group(1)) == pytest.approx(svg_length(root.get("width")), abs=12)
    assert float(box.group(2)) == pytest.approx(svg_length(root.get("height")), abs=12)


@skip_without_dot
def test_pdf_page_is_the_fitted_figure(small_map: ArgumentMap) -> None:
    svg = render_map(small_map, RenderOptions(engine="system", fit=300.0))
    pdf = render_map(small_map, RenderOptions(engine="system", fit=300.0, fmt="pdf"))
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box, pdf[:400]
    root = ET.fromstring(svg)
    assert float(box.group(1)) == pytest.approx(svg_length(root.get("width")), abs=1)
    # Graphviz 2.43's PDF is 4 pt narrower than its SVG at natural size: the height
    # follows the width's scale, so it may differ by a few points.
    assert float(box.group(2)) == pytest.approx(svg_length(root.get("height")), rel=0.02)


def test_fontconfig_file_adds_the_font_and_keeps_the_systems() -> None:
    text = fonts_module.fontconfig_text()
    assert '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' in text
    assert f"<dir>{fonts_module.FONT_FILE.parent.resolve()}</dir>" in text
    assert "<string>Arial</string>" in text and "<string>Arimo</string>" in text
    mine = fonts_module.fontconfig_text("/home/me/fonts.conf")
    assert '<include ignore_missing="yes">/home/me/fonts.conf</include>' in mine
    assert "/etc/fonts/fonts.conf" not in mine
