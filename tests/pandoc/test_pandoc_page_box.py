"""argmap-pandoc fits the page box, width and height (A4's text block by default, metadata
`argmap-fit` for another); a split block keeps every part that fits and warns of the
statement it cannot draw alone, and the document is still written."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from argmap.pandoc.filter import EMU_PER_PT, run_filter
from argmap.render.fit import PAGE_BOXES, parse_page
from argmap.render.measure import FigureSize, measure_svg

sys.path.insert(0, str(Path(__file__).parents[1] / "render"))
sys.path.insert(0, str(Path(__file__).parents[1] / "embed"))
from render_helpers import isolated_module_cache  # noqa: E402
from test_embed_page_box import CHAIN, REFUSED  # noqa: E402
from test_pandoc_filter import FILTER, PANDOC, needs_pandoc  # noqa: E402

__all__ = ["isolated_module_cache"]


def document(blocks: list[tuple[list[str], str]], fit: str | None = None) -> dict[str, object]:
    meta = {} if fit is None else {"argmap-fit": {"t": "MetaString", "c": fit}}
    return {"pandoc-api-version": [1, 23, 1], "meta": meta,
            "blocks": [{"t": "CodeBlock", "c": [["", ["argmap", *classes], []], body]}
                       for classes, body in blocks]}


def svg_sizes(tree: object) -> list[FigureSize]:
    """How each SVG figure of a filtered document prints, in reading order."""
    text = repr(tree)
    return [measure_svg(base64.b64decode(data))
            for data in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", text)]


def inside(size: FigureSize, box: tuple[float, float | None]) -> bool:
    width, height = box
    return size.width <= width + 0.01 and (height is None or size.height <= height + 0.01)


@pytest.mark.parametrize(("fit", "box"), [
    (None, PAGE_BOXES["a4"]), ("letter", PAGE_BOXES["letter"]),
    ("10cmx12cm", parse_page("10cmx12cm")),
])
def test_split_figures_print_inside_the_page_box(
    tmp_path: Path, fit: str | None, box: tuple[float, float | None]
) -> None:
    outcome = run_filter(document([(["split"], CHAIN)], fit), "html5", tmp_path)
    assert outcome.problems == [] and outcome.warnings == []
    sizes = svg_sizes(outcome.document)
    assert len(sizes) >= 3  # an overview and parts: the chain is 2,000 pt tall
    for size in sizes:
        assert inside(size, box), size.describe()
        assert size.text is not None and size.text >= 8 - 0.005


def test_a_width_alone_sets_no_height_limit(tmp_path: Path) -> None:
    outcome = run_filter(document([([], CHAIN)], "16cm"), "html5", tmp_path)
    assert outcome.problems == []
    (size,) = svg_sizes(outcome.document)
    assert size.width <= PAGE_BOXES["a4"][0] + 0.01 and size.height > 1000
    # In A4's text block the same block is told to split.
    (problem,) = run_filter(document([([], CHAIN)]), "html5", tmp_path).problems
    assert problem.startswith("argmap block 1: the map does not fit 454 × 700 pt with text "
                              "of 8 pt")
    assert "cut it into figures that fit with `.split`" in problem


def test_a_statement_too_big_for_the_box_is_a_warning(tmp_path: Path) -> None:
    outcome = run_filter(document([(["split"], REFUSED)], "7cmx6cm"), "html5", tmp_path)
    assert outcome.problems == []
    (warning,) = outcome.warnings
    assert warning.startswith("argmap block 1: statement `huge` cannot be drawn inside "
                              "198 × 170 pt with text of 8 pt")
    sizes = svg_sizes(outcome.document)
    assert len(sizes) >= 2
    assert all(inside(size, parse_page("7cmx6cm")) for size in sizes)
    text = repr(outcome.document)
    drawn = b"".join(base64.b64decode(data) for data in
                     re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", text))
    assert b'id="statement&#45;c"' in drawn and b'id="statement&#45;huge"' not in drawn


@needs_pandoc
def test_word_places_every_part_inside_the_page(tmp_path: Path) -> None:
    assert PANDOC is not None
    assert FILTER.exists(), f"{FILTER} is missing: install argmap again (pip install -e .)"
    (tmp_path / ".git").mkdir()
    (tmp_path / "doc.md").write_text(
        f"# Report\n\n```{{.argmap .split}}\n{CHAIN}```\n\n"
        f"```{{.argmap .split fit=7cmx6cm}}\n{REFUSED}```\n\nThe end.\n", encoding="utf-8")
    done = subprocess.run([PANDOC, "doc.md", "--filter", str(FILTER), "-o", "out.docx"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("argmap-pandoc: warning: argmap block 2: statement `huge` "
                                  "cannot be drawn inside 198 × 170 pt")
    with zipfile.ZipFile(tmp_path / "out.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    extents = [(int(cx) / EMU_PER_PT, int(cy) / EMU_PER_PT)
               for cx, cy in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', xml)]
    assert len(extents) >= 3 + 2
    width, height = PAGE_BOXES["a4"]
    assert height is not None
    for cx, cy in extents:
        assert cx <= width + 0.01 and cy <= height + 0.01
    assert "The end." in xml and "Incomprehensibilities" not in xml
